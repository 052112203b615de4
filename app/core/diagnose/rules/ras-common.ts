import type { Evidence } from '../../model/report';
import { failuresOf, rasEventsOf, type RasEvent } from '../../model/ras-event';
import { RAS_ERRORS } from '../ras-errors';
import { offersMppeKeying, vpnProfilesOf, type VpnProfile } from '../../model/vpn-profile';
import type { DiagnoseContext } from '../context';

/**
 * Shared reading of RasClient failures for the vpn.* rules and events.ras-error: failures grouped
 * per connection and code, the profile each one used, and which rule explains which code — so a
 * code is explained exactly once (by its specific rule, or else from the catalogue).
 */

export interface FailureGroup {
  entry: string;
  code: number;
  events: RasEvent[];
  profile?: VpnProfile;
  /** what Windows logged when dialling this connection (20221 settings), newest first */
  dialSettings?: Record<string, string>;
  claimedBy: 'vpn.auth-mismatch' | 'vpn.encryption-mismatch' | 'vpn.gre-blocked' | 'vpn.server-unreachable' | 'vpn.credential-guard-mschapv2' | 'events.ras-error';
}

export function profileFor(profiles: VpnProfile[], entry: string | undefined): VpnProfile | undefined {
  const vpn = profiles.filter((p) => p.entryType === 'vpn' || p.entryType === 'unknown');
  if (entry) return vpn.find((p) => p.name === entry) ?? vpn.find((p) => p.name.toLowerCase() === entry.toLowerCase());
  // an unnamed failure can only be tied to a profile when there is exactly one
  return vpn.length === 1 ? vpn[0] : undefined;
}

export const isWindows11 = (ctx: DiagnoseContext): boolean => ctx.snapshot.os.family === 'nt6+' && Number((ctx.snapshot.os.build ?? '').split('.')[0]) >= 22000;

/** PPTP in use: the profile says so, or the dial event (20221 "VpnStrategy = PPTP") does. */
function usesPptp(g: Pick<FailureGroup, 'profile' | 'dialSettings'>): boolean {
  return g.profile?.tunnel === 'pptp' || /pptp/i.test(g.dialSettings?.VpnStrategy ?? '');
}

const ONLY_WEAK = (p: VpnProfile | undefined) => !!p && p.auth.length > 0 && !offersMppeKeying(p) && !p.auth.includes('unknown');
export const usesMsChapV2 = (p: VpnProfile | undefined) => !!p && (p.auth.includes('mschapv2') || p.eapType === 26);

export function failureGroups(ctx: DiagnoseContext): FailureGroup[] {
  const events = rasEventsOf(ctx.snapshot.events);
  const profiles = vpnProfilesOf(ctx.snapshot.vpnProfiles);
  const groups = new Map<string, FailureGroup>();
  for (const e of failuresOf(events)) {
    const entry = e.entryName ?? ctx.t('evidence.connectionUnnamed');
    const key = `${entry}\u0000${e.errorCode}`;
    let g = groups.get(key);
    if (!g) {
      const dial = events.find((d) => d.kind === 'dialing' && d.settings && (d.entryName === e.entryName || (d.coId && d.coId === e.coId)));
      g = { entry, code: e.errorCode, events: [], profile: profileFor(profiles, e.entryName), dialSettings: dial?.settings, claimedBy: 'events.ras-error' };
      groups.set(key, g);
    }
    g.events.push(e);
  }
  for (const g of groups.values()) g.claimedBy = claim(ctx, g);
  return [...groups.values()];
}

function claim(ctx: DiagnoseContext, g: FailureGroup): FailureGroup['claimedBy'] {
  const specific = RAS_ERRORS.get(g.code)?.findingId;
  if (g.code === 734) {
    // 734 with a profile that does offer MS-CHAP v2/EAP is not the mismatch we know how to explain
    const weakDial = /^(chap|pap|spap|md5)/i.test(g.dialSettings?.['Authentication Type'] ?? '');
    return !g.profile || ONLY_WEAK(g.profile) || weakDial ? 'vpn.auth-mismatch' : 'events.ras-error';
  }
  if (g.code === 619 || g.code === 721) return usesPptp(g) ? 'vpn.gre-blocked' : 'events.ras-error';
  if (g.code === 691) return isWindows11(ctx) && usesMsChapV2(g.profile) ? 'vpn.credential-guard-mschapv2' : 'events.ras-error';
  return specific ?? 'events.ras-error';
}

export function eventEvidence(e: RasEvent): Evidence {
  const first = e.text.split('\n')[0] ?? '';
  return { source: e.file, line: e.line, text: `RasClient ${e.id ?? '?'}${e.time ? ` ${e.time}` : ''}: ${first}` };
}

export function profileEvidence(p: VpnProfile, ctx: DiagnoseContext): Evidence {
  return {
    source: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    text: ctx.t('vpnRules.profileOffers', { name: p.name, file: p.file, auth: authText(p, ctx), encryption: encryptionText(p, ctx) }),
  };
}

/** protocol names, the same in every language; the others are words (evidence.auth.*) */
const AUTH_NAMES: Record<string, string> = { pap: 'PAP', spap: 'SPAP', chap: 'CHAP', mschap: 'MS-CHAP', mschapv2: 'MS-CHAP v2', win95mschap: 'MS-CHAP (Win95)', eap: 'EAP', unknown: '?' };
const AUTH_WORDS = new Set(['custom', 'machineCertificate']);
export const authText = (p: VpnProfile, ctx: DiagnoseContext): string =>
  p.auth.length ? p.auth.map((a) => (AUTH_WORDS.has(a) ? ctx.t(`evidence.auth.${a}`) : (AUTH_NAMES[a] ?? a))).join(', ') : ctx.t('vpnRules.nothing');
/** the profile's data encryption setting in the report's language, in the words of the connection's Security tab ("maximum strength"), not the model's enum (requireMax) */
export const encryptionText = (p: VpnProfile, ctx: DiagnoseContext): string => ctx.t(`evidence.encryption.${p.encryption}`, { defaultValue: p.encryption });

/** Evidence for a group: its failure events (newest few), the dial settings line, the profile. */
export function groupEvidence(groups: FailureGroup[], ctx: DiagnoseContext): Evidence[] {
  const out: Evidence[] = [];
  for (const g of groups) out.push(...g.events.slice(0, 3).map(eventEvidence));
  const g = groups[0];
  if (g?.dialSettings?.['Authentication Type']) out.push({ source: g.events[0]!.file, text: `Authentication Type = ${g.dialSettings['Authentication Type']}; DataEncryption = ${g.dialSettings.DataEncryption ?? '?'}; VpnStrategy = ${g.dialSettings.VpnStrategy ?? '?'}` });
  if (g?.profile) out.push(profileEvidence(g.profile, ctx));
  return out;
}

/** Groups of one rule, merged per connection (741 and 742 of one entry make one finding). */
export function byEntry(groups: FailureGroup[], rule: FailureGroup['claimedBy']): FailureGroup[][] {
  const m = new Map<string, FailureGroup[]>();
  for (const g of groups.filter((x) => x.claimedBy === rule)) m.set(g.entry, [...(m.get(g.entry) ?? []), g]);
  return [...m.values()];
}

export const countOf = (gs: FailureGroup[]) => gs.reduce((n, g) => n + g.events.length, 0);
export const codesOf = (gs: FailureGroup[]) => [...new Set(gs.map((g) => g.code))].sort((a, b) => a - b).join('/');
