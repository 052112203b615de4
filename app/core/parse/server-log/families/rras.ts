import { applyRules, d, msChapErrorOf, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import type { Cause, LogTime, ServerLogEntry } from '../types';

/**
 * Windows RRAS / NPS on the server:
 * (1) PowerShell `Get-EventLog … | Format-List` of System-log RemoteAccess and Application-log
 *     RasClient events: one `Name : value` record per property, an event per `EventID` block. The
 *     error code is read from the state Windows stores, not the translated text: RemoteAccess 20111
 *     keeps it as a little-endian DWORD in Data (`{41, 3, 0, 0}` = 0x0329 = 809), RasClient 20227
 *     as the last insertion string (ReplacementStrings).
 * (3) IAS-format log lines (Microsoft Learn, "Interpret IAS Format Log Files", dd197432): a header —
 *     NAS IP, user name, record date, record time, service name, computer name — then
 *     attribute,value pairs; the RFC 2865 / RFC 2868 attributes the example shows are decoded.
 * (2) IAS / NPS "database-compatible" log lines (Microsoft Learn, "Interpret NPS Database Format
 *     Log Files"): ComputerName, ServiceName, Record-Date, Record-Time, Packet-Type, User-Name, …,
 *     Reason-Code (field 26), MS-CHAP-Error as hex (`0x00453D363931…` = ident + "E=691 R=0 V=3").
 */

/** Packet-Type, RFC 2865 §4 / RFC 2866 §4. */
const RADIUS_PACKETS: Record<number, string> = { 1: 'Access-Request', 2: 'Access-Accept', 3: 'Access-Reject', 4: 'Accounting-Request', 5: 'Accounting-Response', 11: 'Access-Challenge' };

/**
 * NPS reason codes (Microsoft Learn "NPS reason codes", IAS_* names) and what the PC sees: the
 * Windows error code (raserror.h) a denial turns into on the client.
 */
const NPS_REASONS: Record<number, { name: string; cause?: Cause; code?: number }> = {
  0: { name: 'IAS_SUCCESS' },
  1: { name: 'IAS_INTERNAL_ERROR' },
  2: { name: 'IAS_ACCESS_DENIED', cause: 'credentials-rejected', code: 691 },
  3: { name: 'IAS_MALFORMED_REQUEST' },
  4: { name: 'IAS_GLOBAL_CATALOG_UNAVAILABLE', cause: 'radius-unreachable' },
  5: { name: 'IAS_DOMAIN_UNAVAILABLE', cause: 'radius-unreachable' },
  6: { name: 'IAS_SERVER_UNAVAILABLE', cause: 'radius-unreachable' },
  7: { name: 'IAS_NO_SUCH_DOMAIN', cause: 'credentials-rejected', code: 691 },
  8: { name: 'IAS_NO_SUCH_USER', cause: 'credentials-rejected', code: 691 },
  16: { name: 'IAS_AUTH_FAILURE', cause: 'credentials-rejected', code: 691 },
  17: { name: 'IAS_CHANGE_PASSWORD_FAILURE', cause: 'credentials-rejected', code: 709 },
  18: { name: 'IAS_UNSUPPORTED_AUTH_TYPE', cause: 'auth-protocol-mismatch' },
  33: { name: 'IAS_PASSWORD_MUST_CHANGE', cause: 'credentials-rejected', code: 648 },
  34: { name: 'IAS_ACCOUNT_DISABLED', cause: 'credentials-rejected', code: 647 },
  35: { name: 'IAS_ACCOUNT_EXPIRED', cause: 'credentials-rejected', code: 647 },
  36: { name: 'IAS_ACCOUNT_LOCKED_OUT', cause: 'credentials-rejected', code: 691 },
  37: { name: 'IAS_INVALID_LOGON_HOURS', cause: 'credentials-rejected', code: 646 },
  48: { name: 'IAS_NO_POLICY_MATCH', cause: 'ras-error', code: 812 },
  49: { name: 'IAS_NO_CONNECTION_REQUEST_POLICY_MATCH', cause: 'ras-error', code: 812 },
  65: { name: 'IAS_DIALIN_DISABLED', cause: 'credentials-rejected', code: 649 },
  66: { name: 'IAS_INVALID_AUTH_TYPE', cause: 'auth-protocol-mismatch' },
  68: { name: 'IAS_INVALID_DIALIN_HOURS', cause: 'credentials-rejected', code: 646 },
};

/** IAS-format header: NAS IP, user, MM/DD/YYYY, HH:MM:SS, service, computer, then id,value pairs. */
const IAS_FORMAT = /^(\d{1,3}(?:\.\d{1,3}){3}),([^,]*),(\d{1,2}\/\d{1,2}\/\d{4}),(\d{1,2}:\d\d:\d\d),([^,]*),([^,]*),(\d+,[^,]*(?:,\d+,[^,]*)*)$/;

/** RADIUS attributes by number (RFC 2865 §5, RFC 2868 §3) and their value names where the RFC lists them. */
const RADIUS_ATTRIBUTES: Record<number, { name: string; values?: Record<number, string> }> = {
  4: { name: 'NAS-IP-Address' },
  5: { name: 'NAS-Port' },
  6: { name: 'Service-Type', values: { 1: 'Login', 2: 'Framed', 5: 'Outbound' } },
  7: { name: 'Framed-Protocol', values: { 1: 'PPP', 2: 'SLIP' } },
  8: { name: 'Framed-IP-Address' },
  31: { name: 'Calling-Station-Id' },
  30: { name: 'Called-Station-Id' },
  61: { name: 'NAS-Port-Type', values: { 0: 'Async', 2: 'ISDN Sync', 5: 'Virtual', 15: 'Ethernet' } },
  64: { name: 'Tunnel-Type', values: { 1: 'PPTP', 3: 'L2TP', 9: 'ESP' } },
  65: { name: 'Tunnel-Medium-Type', values: { 1: 'IPv4', 2: 'IPv6' } },
};

function iasFormat(m: RegExpMatchArray): Hit {
  const pairs = m[7]!.split(',');
  const attrs: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const a = RADIUS_ATTRIBUTES[Number(pairs[i])];
    if (!a) continue; // IAS-specific ids (4096 and up) are left out rather than guessed
    const v = pairs[i + 1]!;
    attrs.push(`${a.name} ${a.values?.[Number(v)] ?? v}`);
  }
  const user = m[2] || undefined;
  return tagged({ decoded: [d('iasFormatRecord', { user: user ?? '?', nas: m[1]!, service: m[5]!, server: m[6]!, attributes: attrs.join(', ') })], outcome: 'info' }, { user });
}

/** Minimal CSV split for IAS lines (quoted fields, commas inside quotes). */
function csv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const hexText = (hex: string): string => {
  const h = hex.replace(/^0x/i, '');
  let s = '';
  for (let i = 2; i + 1 < h.length; i += 2) s += String.fromCharCode(parseInt(h.slice(i, i + 2), 16)); // first byte = CHAP ident
  return s;
};

function ias(fields: string[]): Hit {
  const type = Number(fields[4]);
  const user = fields[5] || fields[6] || undefined; // an Access-Accept may carry only the Fully-Qualified-User-Name
  const reason = Number(fields[25]);
  const chapHex = fields.find((f) => /^0x[0-9a-f]{8,}$/i.test(f) && /E=\d/.test(hexText(f)));
  const chapError = chapHex ? msChapErrorOf(hexText(chapHex)) : undefined;
  const values = { packet: RADIUS_PACKETS[type] ?? `type ${type}`, user: user ?? '?', reason: Number.isFinite(reason) ? `${reason} ${NPS_REASONS[reason]?.name ?? ''}`.trim() : '', chap: chapError ? `E=${chapError}` : '' };
  const hit: Hit = { decoded: [d('iasRecord', values)], outcome: type === 3 ? 'failure' : type === 2 ? 'success' : 'info', ...(user ? { user } : {}) };
  const r = NPS_REASONS[reason];
  if (type === 3 || (r?.cause && reason !== 0)) {
    hit.outcome = 'failure';
    hit.cause = r?.cause ?? 'credentials-rejected';
    const code = chapError ?? r?.code ?? (hit.cause === 'credentials-rejected' ? 691 : undefined);
    if (code) hit.code = code;
  }
  return hit;
}

/** `3/18/2016 1:26:02 PM` (en-US) or `18-3-2016 13:26:02`; day-first when the first number exceeds 12. */
export function parseEventTime(s: string): LogTime | undefined {
  const m = s.trim().match(/^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})[ T](\d{1,2}):(\d\d)(?::(\d\d))?\s*(AM|PM)?/i);
  if (!m) return undefined;
  let [a, b, c] = [+m[1]!, +m[2]!, +m[3]!];
  let year: number, month: number, day: number;
  if (a > 31) [year, month, day] = [a, b, c];
  else if (a > 12) [day, month, year] = [a, b, c];
  else [month, day, year] = [a, b, c];
  if (year < 100) year += 2000;
  let hour = +m[4]!;
  if (m[7]) hour = (hour % 12) + (/pm/i.test(m[7]) ? 12 : 0);
  return { year, month, day, hour, minute: +m[5]!, second: +(m[6] ?? 0) };
}

const FIELD = /^(EventID|MachineName|Data|Index|Category|CategoryNumber|EntryType|Message|Source|ReplacementStrings|InstanceId|TimeGenerated|TimeWritten|UserName|Site|Container|Id|Level|ProviderName|LogName|TimeCreated|RecordId)\s*: ?(.*)$/;

interface EventInProgress {
  entry: ServerLogEntry;
  fields: Record<string, string>;
}

/** An event is complete: read its code from Data / ReplacementStrings and name the cause. */
function completeEvent(ev: EventInProgress): ServerLogEntry | null {
  const f = ev.fields;
  const id = Number(f.EventID ?? f.Id ?? f.InstanceId);
  const source = f.Source ?? f.ProviderName ?? '';
  const time = parseEventTime(f.TimeGenerated ?? f.TimeCreated ?? '');
  if (time) ev.entry.time = time;
  const repl = (f.ReplacementStrings ?? '').replace(/^\{|\}$/g, '').split(/,\s*/).map((s) => s.trim().replace(/^\{|\}$/g, ''));
  let code: number | undefined;
  const data = (f.Data ?? '').match(/^\{(\d+), (\d+), (\d+), (\d+)\}/);
  if (data) code = (+data[1]! | (+data[2]! << 8) | (+data[3]! << 16) | (+data[4]! << 24)) >>> 0;
  if (id === 20227 && /^\d+$/.test(repl[repl.length - 1] ?? '')) code = Number(repl[repl.length - 1]);
  const e = ev.entry;
  if ((id === 20111 || id === 20227) && code) {
    e.code = code;
    e.outcome = 'failure';
    // 13801 ERROR_IPSEC_IKE_AUTH_FAIL: "IKE authentication credentials are unacceptable"
    e.cause = code === 13801 ? 'ike-auth-failed' : 'ras-error';
    const entry = id === 20111 ? repl[1] : repl[2];
    e.decoded.push(d(id === 20111 ? 'rrasDemandDialFailed' : 'rasClientFailed', { code, entry: entry ?? '?', source }));
    if (id === 20227 && repl[1]) e.user = repl[1];
    return e;
  }
  if (id === 20271 && repl.length >= 2) {
    e.user = repl[0];
    e.peer = repl[1];
    e.outcome = 'failure';
    e.cause = 'credentials-rejected';
    e.code = 691;
    e.decoded.push(d('rrasAuthFailed', { user: repl[0]!, peer: repl[1]! }));
    return e;
  }
  e.decoded.push(d('eventRecord', { id: Number.isFinite(id) ? id : '?', source }));
  return null;
}

function finishEvent(state: FamilyState): ServerLogEntry[] {
  const ev = state.event as EventInProgress | undefined;
  state.event = undefined;
  const done = ev ? completeEvent(ev) : null;
  return done ? [done] : [];
}

const RULES: Rule[] = [
  [FIELD, (m) => step(m[1] === 'EventID' || m[1] === 'Id' ? 'eventStart' : 'eventField', { field: m[1]!, id: m[2]!.trim() })],
];

export const rrasFamily: FamilyParser = {
  family: 'rras',
  claims(pre: Prefixed): boolean {
    if (pre.shape !== 'none') return false;
    return FIELD.test(pre.message) || /^"[^"]*","(?:RAS|IAS)",/.test(pre.message) || IAS_FORMAT.test(pre.message);
  },
  parse(pre, state) {
    if (pre.message.startsWith('"')) {
      const f = csv(pre.message);
      if (f.length < 6 || !/^(RAS|IAS)$/.test(f[1]!)) return null;
      const hit = ias(f);
      const t = parseEventTime(`${f[2]} ${f[3]}`);
      if (t) state.iasTime = t;
      return hit;
    }
    const iasLine = pre.message.match(IAS_FORMAT);
    if (iasLine) {
      const t = parseEventTime(`${iasLine[3]} ${iasLine[4]}`);
      if (t) state.iasTime = t;
      return iasFormat(iasLine);
    }
    return applyRules(RULES, pre.message, pre, state);
  },
  track(seen, state) {
    const entry = seen.entry();
    if (state.iasTime) {
      entry.time = state.iasTime as LogTime;
      state.iasTime = undefined;
      return;
    }
    const m = entry.text.match(FIELD);
    if (!m) return;
    const out = m[1] === 'EventID' || m[1] === 'Id' ? finishEvent(state) : [];
    if (m[1] === 'EventID' || m[1] === 'Id' || !state.event) state.event = { entry, fields: {} } satisfies EventInProgress;
    (state.event as EventInProgress).fields[m[1]!] = m[2]!.trim();
    return out;
  },
  finish: finishEvent,
};
