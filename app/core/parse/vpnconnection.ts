import { problemAt, type ParseResult, type Problem } from '../model/problems';
import type { EngineLanguage } from '../i18n';
import { profileNoteText, type ProblemPart, type ProblemValue } from '../i18n/problem-text';
import type { AuthProtocol, VpnProfile } from '../model/vpn-profile';

/**
 * `Get-VpnConnection [-AllUserConnection]` as ConvertTo-Json (what the collector writes) or as the
 * default list view people paste ("Name : value" blocks). Both become the profile model of
 * vpn-profile.ts. Other PowerShell output (Get-NetRoute, …) is recognised as "not VPN profiles".
 */

export interface VpnConnectionResult {
  /** false: the text is not Get-VpnConnection output at all */
  recognised: boolean;
  profiles: VpnProfile[];
}

const TUNNELS: Record<string, VpnProfile['tunnel']> = { automatic: 'automatic', pptp: 'pptp', l2tp: 'l2tp', sstp: 'sstp', ikev2: 'ikev2' };
const ENCRYPTION: Record<string, VpnProfile['encryption']> = { noencryption: 'none', optional: 'optional', required: 'require', maximum: 'requireMax', custom: 'custom' };
const AUTH: Record<string, AuthProtocol> = { pap: 'pap', chap: 'chap', mschapv2: 'mschapv2', eap: 'eap', machinecertificate: 'machineCertificate' };

/** Get-VpnConnection output (JSON or list view) → profiles; the notes on settings read with doubt are in `language`. */
export function parseVpnConnection(text: string, source = 'powershell/vpnconnection.json', language: EngineLanguage = 'en'): ParseResult<VpnConnectionResult> {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('{') || body.startsWith('[')) return fromJson(body, source, language);
  return fromList(text, source, language);
}

type Raw = Record<string, unknown>;

function fromJson(body: string, source: string, language: EngineLanguage): ParseResult<VpnConnectionResult> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { value: { recognised: false, profiles: [] }, problems: [problemAt(source, undefined, 'vpnConnection.notJson', { error: (e as Error).message })] };
  }
  const items = (Array.isArray(data) ? data : [data]).filter((x): x is Raw => typeof x === 'object' && x !== null);
  const vpn = items.filter((x) => 'ServerAddress' in x && 'Name' in x);
  if (vpn.length === 0) return { value: { recognised: false, profiles: [] }, problems: [] };
  const problems: Problem[] = [];
  const profiles = vpn.map((x, i) => toProfile(x, source, undefined, problems, { code: 'vpnConnection.object', params: { n: i + 1 } }, language));
  return { value: { recognised: true, profiles }, problems };
}

function fromList(text: string, source: string, language: EngineLanguage): ParseResult<VpnConnectionResult> {
  const lines = text.split(/\r\n|\n|\r/);
  const blocks: { line: number; fields: Raw }[] = [];
  let current: { line: number; fields: Raw } | null = null;
  const problems: Problem[] = [];
  // a double-spaced copy (line ends converted twice, once or more) has blank lines after every line:
  // there a profile ends only at a longer run (the list's own blank line, multiplied); where a copy
  // kept no longer run, the next profile's repeated "Name" starts it (below)
  const gap = shortestBlankRun(lines) + 1;
  let blanks = 0;
  lines.forEach((raw, i) => {
    if (/^\s*PS [^>]*>/.test(raw)) return; // prompt line kept by whoever pasted it
    if (raw.trim() === '') {
      blanks++;
      return;
    }
    if (blanks >= gap) current = null;
    blanks = 0;
    // indented as a whole by whoever pasted it (tabs in notes, a Markdown list): the indent is not part of the name
    const m = FIELD.exec(raw);
    if (!m) {
      if (current) problems.push(problemAt(source, i + 1, 'vpnConnection.notNameValue', { line: JSON.stringify(raw.trim().slice(0, 80)) }));
      return;
    }
    const name = m[1]!.trim();
    // a property seen again starts the next profile, whatever blank lines a copy kept or lost between them
    if (current && Object.prototype.hasOwnProperty.call(current.fields, name)) current = null;
    if (!current) {
      current = { line: i + 1, fields: {} };
      blocks.push(current);
    }
    current.fields[name] = m[2]!.trim();
  });
  const vpn = blocks.filter((b) => 'ServerAddress' in b.fields && 'Name' in b.fields);
  if (vpn.length === 0) return { value: { recognised: false, profiles: [] }, problems: [] };
  const profiles = vpn.map((b) => toProfile(b.fields, source, b.line, problems, { code: 'vpnConnection.line', params: { line: b.line } }, language));
  return { value: { recognised: true, profiles }, problems };
}

/**
 * A "Name : value" line of the list view. Names are PowerShell property names (letters, digits, "_"),
 * never translated; the line may be indented as a whole by the paste.
 */
const FIELD = /^\s*([A-Za-z_][\w.-]*)\s*:\s?(.*)$/u;

/** The fewest blank lines between two filled lines: 0 in Windows' own output, 1 or more in a double-spaced copy. */
export function shortestBlankRun(lines: readonly string[]): number {
  let shortest = Infinity;
  let run = -1; // -1 until the first filled line
  for (const l of lines) {
    if (l.trim() === '') {
      if (run >= 0) run++;
      continue;
    }
    if (run >= 0) shortest = Math.min(shortest, run);
    run = 0;
  }
  return Number.isFinite(shortest) ? shortest : 0;
}

/** "{MsChapv2, Eap}" (list view), ["MsChapv2"] or [3] (JSON; numbers are enum values we cannot name for sure). */
function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    const inner = v.trim().replace(/^\{|\}$/g, '').trim();
    return inner ? inner.split(/\s*,\s*/) : [];
  }
  return v === undefined || v === null ? [] : [v];
}

/** A value for a message, never String() of an object or array (which recurses through all of it). */
const describedValue = (v: unknown): ProblemValue | ProblemPart => (Array.isArray(v) ? { code: 'vpnConnection.aList' } : typeof v === 'object' && v !== null ? { code: 'vpnConnection.anObject' } : describe(v));
const describe = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.slice(0, 80)) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : 'an object');

const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : typeof v === 'string' && /^(true|false)$/i.test(v.trim()) ? /^true$/i.test(v.trim()) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

function toProfile(x: Raw, source: string, line: number | undefined, problems: Problem[], where: ProblemPart, language: EngineLanguage): VpnProfile {
  const uncertain: string[] = [];
  const named = <T>(field: string, map: Record<string, T>, fallback: T): T => {
    const v = x[field];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'number') {
      // ConvertTo-Json of some PowerShell versions writes enums as numbers; their order is not documented
      uncertain.push(profileNoteText('numberForName', { field, value: v }, language));
      return fallback;
    }
    // only text names a value: String() of a (hostile, 100 000-deep) array recurses and overflows
    const hit = typeof v === 'string' ? map[v.trim().toLowerCase()] : undefined;
    if (hit === undefined) problems.push(problemAt(source, line, 'vpnConnection.unknownValue', { where, field, value: describedValue(v) }));
    return hit ?? fallback;
  };
  const auth = listOf(x.AuthenticationMethod).map((a): AuthProtocol => {
    if (typeof a === 'string' && AUTH[a.trim().toLowerCase()]) return AUTH[a.trim().toLowerCase()]!;
    uncertain.push(profileNoteText('unknownAuthMethod', { value: describedValue(a) }, language));
    return 'unknown';
  });
  const routes = listOf(x.Routes).flatMap((r) => {
    if (typeof r === 'string') return [r];
    const prefix = typeof r === 'object' && r !== null ? str((r as Raw).DestinationPrefix) : undefined;
    return prefix ? [prefix] : [];
  });
  const metric = Number(str(x.IpInterfaceMetric) ?? NaN);
  return {
    source: 'powershell',
    file: source,
    line,
    name: str(x.Name) ?? '',
    server: str(x.ServerAddress)?.trim() || undefined,
    entryType: 'vpn',
    tunnel: named('TunnelType', TUNNELS, 'unknown'),
    strategy: str(x.TunnelType) ? { name: str(x.TunnelType)! } : undefined,
    encryption: named('EncryptionLevel', ENCRYPTION, 'unknown'),
    auth,
    ipsecAuth: str(x.L2tpIPsecAuth)?.trim() || undefined,
    splitTunnel: bool(x.SplitTunneling),
    interfaceMetric: Number.isInteger(metric) ? metric : undefined,
    routes,
    allUsers: bool(x.AllUserConnection),
    rememberCredential: bool(x.RememberCredential),
    uncertain,
  };
}
