import type { EngineLanguage } from '../i18n';
import { profileNoteText, type ProfileNoteCode } from '../i18n/problem-text';
import { problemAt, type Problem } from '../model/problems';
import type { AuthProtocol, VpnProfile } from '../model/vpn-profile';
import type { PbkSection } from './pbk-document';

/**
 * The keys of one phonebook entry that matter for diagnosis (windows-reference.md §6). Values come
 * from the SDK's ras.h (VS_*, ET_*, RASET_*) and the XP-era pbk.h (DE_*, AR_F_*); where the source
 * is weak the accessor says `meaning: 'uncertain'` rather than pretending.
 */

export type Meaning = 'known' | 'uncertain';

export interface PbkEntry {
  name: string;
  /** 1-based line of `[name]` */
  line: number;
  type?: { value: number; kind: VpnProfile['entryType'] };
  /** PhoneNumber of every DEVICE sub-group (alternates, multilink), in order */
  phoneNumbers: string[];
  device?: string;
  vpnStrategy?: { value: number; name: string; tunnel: VpnProfile['tunnel']; meaning: Meaning; note?: string };
  dataEncryption?: { value: number; level: VpnProfile['encryption']; meaning: Meaning };
  authRestrictions?: { value: number; protocols: AuthProtocol[]; unknownBits: number[]; meaning: Meaning };
  typicalAuth?: { value: number; reading: string; meaning: Meaning };
  customAuthKey?: { value: number; method: string };
  /** CustomAuthData= lines concatenated in order (one hex blob written over several lines) */
  customAuthData?: string;
  ipPrioritizeRemote?: { value: number; splitTunnel: boolean };
  ipv6PrioritizeRemote?: { value: number; splitTunnel: boolean };
  ipInterfaceMetric?: { value: number; meaning: Meaning; note?: string };
  /** NumRoutes= and the route lines; their binary layout is not documented, so kept raw */
  routes: { declared?: number; raw: string[]; meaning: Meaning };
}

/** VS_* (ras.h; guards: ≥5 Vista, 7–14 Windows 7, 9 GREOnly 8.1, 15 ProtocolList 10). */
const STRATEGIES: Record<number, [string, VpnProfile['tunnel']]> = {
  0: ['Default', 'automatic'],
  1: ['PptpOnly', 'pptp'],
  2: ['PptpFirst', 'pptp'],
  3: ['L2tpOnly', 'l2tp'],
  4: ['L2tpFirst', 'l2tp'],
  5: ['SstpOnly', 'sstp'],
  6: ['SstpFirst', 'sstp'],
  7: ['Ikev2Only', 'ikev2'],
  8: ['Ikev2First', 'ikev2'],
  9: ['GREOnly', 'gre'],
  12: ['PptpSstp', 'pptp'],
  13: ['L2tpSstp', 'l2tp'],
  14: ['Ikev2Sstp', 'ikev2'],
  15: ['ProtocolList', 'automatic'],
};

/** The phonebook writes DE_* values 0/8/256/512, not the API's ET_* 0..3 (reference §6 correction). */
const ENCRYPTION: Record<number, VpnProfile['encryption']> = { 0: 'none', 8: 'optional', 256: 'require', 512: 'requireMax' };

/** AR_F_* bits of AuthRestrictions (pbk.h). */
const AUTH_BITS: [number, AuthProtocol][] = [
  [8, 'pap'],
  [16, 'spap'],
  [32, 'chap'],
  [64, 'mschap'],
  [128, 'eap'],
  [256, 'custom'],
  [512, 'mschapv2'],
  [1024, 'win95mschap'],
];

/** IANA EAP method numbers, as used by CustomAuthKey. */
const EAP_METHODS: Record<number, string> = { 13: 'EAP-TLS (smart card or certificate)', 25: 'PEAP', 26: 'EAP-MSCHAPv2', 21: 'EAP-TTLS', 4: 'EAP-MD5' };

const ENTRY_TYPES: Record<number, VpnProfile['entryType']> = { 1: 'phone', 2: 'vpn', 3: 'direct', 4: 'internet', 5: 'broadband' };

export function readEntry(section: PbkSection, source: string, problems: Problem[]): PbkEntry {
  const own = section.values.filter((v) => v.groupIndex === 0);
  const first = (key: string) => own.find((v) => v.key === key);
  const num = (key: string): number | undefined => {
    const v = first(key);
    if (!v) return undefined;
    if (/^\s*-?\d+\s*$/.test(v.value)) return Number(v.value.trim());
    problems.push(problemAt(source, v.index + 1, 'pbk.notANumber', { entry: section.name, key, value: v.value.slice(0, 40) }));
    return undefined;
  };
  const entry: PbkEntry = {
    name: section.name,
    line: section.index + 1,
    phoneNumbers: section.values.filter((v) => v.group === 'DEVICE' && v.key === 'PhoneNumber' && v.value.trim() !== '').map((v) => v.value.trim()),
    device: section.values.find((v) => v.group === 'MEDIA' && v.key === 'Device')?.value,
    routes: readRoutes(section, num('NumRoutes')),
  };
  const type = num('Type');
  if (type !== undefined) entry.type = { value: type, kind: ENTRY_TYPES[type] ?? 'unknown' };

  const vs = num('VpnStrategy');
  if (vs !== undefined) {
    const known = STRATEGIES[vs];
    // Windows rewrites VpnStrategy to the protocol that last worked (partly verified), so "Default"
    // and the "…First" values describe the last success as much as the administrator's choice.
    entry.vpnStrategy = known
      ? { value: vs, name: known[0], tunnel: known[1], meaning: 'known', note: vs === 0 || [2, 4, 6, 8].includes(vs) ? 'Windows may rewrite this after a successful connection' : undefined }
      : { value: vs, name: `unknown (${vs})`, tunnel: 'unknown', meaning: 'uncertain' };
  }
  const de = num('DataEncryption');
  if (de !== undefined) entry.dataEncryption = { value: de, level: ENCRYPTION[de] ?? 'unknown', meaning: de in ENCRYPTION ? 'known' : 'uncertain' };

  const ar = num('AuthRestrictions');
  if (ar !== undefined) {
    const protocols = AUTH_BITS.filter(([bit]) => (ar & bit) !== 0).map(([, p]) => p);
    const knownMask = AUTH_BITS.reduce((m, [bit]) => m | bit, 0);
    const unknownBits = bitsOf(ar & ~knownMask);
    // e.g. 2048 (seen on an IKEv2 entry in the corpus): no header we have names it, so it stays uncertain
    entry.authRestrictions = { value: ar, protocols, unknownBits, meaning: unknownBits.length ? 'uncertain' : 'known' };
  }
  const ta = num('TypicalAuth');
  if (ta !== undefined) entry.typicalAuth = { value: ta, reading: ({ 1: 'typical unsecured (allows clear text)', 2: 'typical secured (MS-CHAP family)', 3: 'smart card or certificate' } as Record<number, string>)[ta] ?? `unknown (${ta})`, meaning: 'uncertain' };
  const cak = num('CustomAuthKey');
  if (cak !== undefined && cak !== 0) entry.customAuthKey = { value: cak, method: EAP_METHODS[cak] ?? `EAP method ${cak}` };
  const cad = own.filter((v) => v.key === 'CustomAuthData');
  if (cad.length) entry.customAuthData = cad.map((v) => v.value.trim()).join('');

  const ipr = num('IpPrioritizeRemote');
  if (ipr !== undefined) entry.ipPrioritizeRemote = { value: ipr, splitTunnel: ipr === 0 };
  const ip6 = num('Ipv6PrioritizeRemote');
  if (ip6 !== undefined) entry.ipv6PrioritizeRemote = { value: ip6, splitTunnel: ip6 === 0 };
  const metric = num('IpInterfaceMetric');
  if (metric !== undefined) entry.ipInterfaceMetric = metric === 0 ? { value: 0, meaning: 'uncertain', note: '0 is read as "automatic metric" (unverified)' } : { value: metric, meaning: 'known' };
  return entry;
}

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let bit = 1; bit !== 0 && bit <= mask; bit <<= 1) if (mask & bit) out.push(bit);
  return out;
}

/** Keys that follow NumRoutes and start with "Route" (RouteVersion aside). Format unknown: raw. */
function readRoutes(section: PbkSection, declared: number | undefined): PbkEntry['routes'] {
  const raw = section.values.filter((v) => v.groupIndex === 0 && /^Route/i.test(v.key) && v.key !== 'RouteVersion').map((v) => `${v.key}=${v.value}`);
  return { declared, raw, meaning: 'uncertain' };
}

/** TypicalAuth values with a reading of their own (the note says how it was read) */
const TYPICAL_AUTH_NOTES: Record<number, ProfileNoteCode> = { 1: 'typicalAuth1', 2: 'typicalAuth2', 3: 'typicalAuth3' };

/** pbk entry → the shared profile model (vpn-profile.ts); its notes on doubtful settings in `language`. */
export function pbkEntryToProfile(e: PbkEntry, file: string, language: EngineLanguage = 'en'): VpnProfile {
  const uncertain: string[] = [];
  const note = (code: ProfileNoteCode, params: Record<string, string | number> = {}) => uncertain.push(profileNoteText(code, params, language));
  if (e.vpnStrategy?.meaning === 'uncertain') note('unknownStrategy', { value: e.vpnStrategy.value });
  if (e.vpnStrategy?.note) note('strategyRewritten', { value: e.vpnStrategy.value, name: e.vpnStrategy.name });
  if (e.dataEncryption?.meaning === 'uncertain') note('unknownEncryption', { value: e.dataEncryption.value });
  if (e.authRestrictions?.unknownBits.length) note('undocumentedAuthBits', { value: e.authRestrictions.value, bits: e.authRestrictions.unknownBits.join(', ') });
  if (e.typicalAuth) note(TYPICAL_AUTH_NOTES[e.typicalAuth.value] ?? 'typicalAuthOther', { value: e.typicalAuth.value });
  if (e.ipInterfaceMetric?.note) note('automaticMetric');
  if (e.routes.raw.length || (e.routes.declared ?? 0) > 0) note('routesAsWritten', { declared: e.routes.declared ?? '?' });
  const kind = e.type?.kind ?? 'unknown';
  const tunnel: VpnProfile['tunnel'] = kind === 'vpn' ? (e.vpnStrategy?.tunnel ?? 'automatic') : kind === 'unknown' ? 'unknown' : 'none';
  return {
    source: 'pbk',
    file,
    line: e.line,
    name: e.name,
    server: e.phoneNumbers[0],
    entryType: kind,
    tunnel,
    strategy: e.vpnStrategy ? { code: e.vpnStrategy.value, name: e.vpnStrategy.name } : undefined,
    encryption: e.dataEncryption?.level ?? 'unknown',
    auth: e.authRestrictions ? [...e.authRestrictions.protocols, ...(e.authRestrictions.unknownBits.length ? (['unknown'] as const) : [])] : [],
    eapType: e.customAuthKey?.value,
    splitTunnel: e.ipPrioritizeRemote ? e.ipPrioritizeRemote.splitTunnel : undefined,
    interfaceMetric: e.ipInterfaceMetric?.value,
    routes: e.routes.raw,
    uncertain,
  };
}
