import { applyRules, d, msChapErrorOf, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import type { Cause, LogTime, ServerLogEntry } from '../types';
import { dwordOf, isNpsBody, npsField, readEventBlock, startsEventBlock, type EventBlock } from './windows-event-block';
import { isDottedQuad } from '../../ipv4-dotted';
import { causeOfRasCode, rasErrorOfText } from './ras-error-messages';
import { isRemoteAccessSource, remoteAccessEventHit } from './remote-access-events';

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
 * (4) One event pasted whole (windows-event-block.ts): Event Viewer's "Copy details as text", wevtutil
 *     text, or the event's XML — NPS 6272/6273/6274 (granted, denied with its reason code,
 *     discarded), NPS 4402 (no domain controller), RemoteAccess 20271/20255, RasClient 20227,
 *     RemoteAccess 20111; any other event is named by id and source.
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
  // Microsoft's description (NPS Reason Codes 0 Through 37, dd197464): "the EAP type cannot be processed by the server"; its IAS_ name is not documented
  22: { name: 'EAP type not processed by the server', cause: 'auth-protocol-mismatch' },
  33: { name: 'IAS_PASSWORD_MUST_CHANGE', cause: 'credentials-rejected', code: 648 },
  34: { name: 'IAS_ACCOUNT_DISABLED', cause: 'credentials-rejected', code: 647 },
  35: { name: 'IAS_ACCOUNT_EXPIRED', cause: 'credentials-rejected', code: 647 },
  36: { name: 'IAS_ACCOUNT_LOCKED_OUT', cause: 'credentials-rejected', code: 691 },
  37: { name: 'IAS_INVALID_LOGON_HOURS', cause: 'credentials-rejected', code: 646 },
  48: { name: 'IAS_NO_POLICY_MATCH', cause: 'ras-error', code: 812 },
  49: { name: 'IAS_NO_CONNECTION_REQUEST_POLICY_MATCH', cause: 'ras-error', code: 812 },
  // "Remote Access Account Lockout is enabled, and the user's authentication attempts have exceeded the designated lockout count" (NPS Reason Codes 38 Through 257, dd197521; name not documented)
  64: { name: 'remote access account lockout', cause: 'credentials-rejected', code: 691 },
  65: { name: 'IAS_DIALIN_DISABLED', cause: 'credentials-rejected', code: 649 },
  66: { name: 'IAS_INVALID_AUTH_TYPE', cause: 'auth-protocol-mismatch' },
  68: { name: 'IAS_INVALID_DIALIN_HOURS', cause: 'credentials-rejected', code: 646 },
};

/** IAS-format header: NAS IP, user, MM/DD/YYYY, HH:MM:SS, service, computer, then id,value pairs. */
const IAS_FORMAT = /^(\d{1,3}(?:\.\d{1,3}){3}),([^,]*),(\d{1,2}\/\d{1,2}\/\d{4}),(\d{1,2}:\d\d:\d\d),([^,]*),([^,]*),(\d+,[^,]*(?:,\d+,[^,]*)*)$/;

/** Acct-Status-Type, RFC 2866 §5.1. */
const ACCT_STATUS: Record<number, string> = { 1: 'Start', 2: 'Stop', 3: 'Interim-Update', 7: 'Accounting-On', 8: 'Accounting-Off' };

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
  // RFC 2866 §5.1 Acct-Status-Type, §5.7 Acct-Session-Time (seconds), §5.10 Acct-Terminate-Cause
  40: { name: 'Acct-Status-Type', values: ACCT_STATUS },
  46: { name: 'Acct-Session-Time' },
  49: { name: 'Acct-Terminate-Cause', values: { 1: 'User Request', 2: 'Lost Carrier', 3: 'Lost Service', 4: 'Idle Timeout', 5: 'Session Timeout', 6: 'Admin Reset', 7: 'Admin Reboot', 8: 'Port Error', 9: 'NAS Error', 10: 'NAS Request', 11: 'NAS Reboot', 12: 'Port Unneeded', 13: 'Port Preempted', 14: 'Port Suspended', 15: 'Service Unavailable', 16: 'Callback', 17: 'User Error', 18: 'Host Request' } },
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
  if (fields[4] === '4' || fields[4] === '5') return accounting(fields);
  const chapHex = fields.find((f) => /^0x[0-9a-f]{8,}$/i.test(f) && /E=\d/.test(hexText(f)));
  // an Access-Accept may carry only the Fully-Qualified-User-Name
  return radiusHit(Number(fields[4]), fields[5] || fields[6] || undefined, Number(fields[25]), chapHex ? msChapErrorOf(hexText(chapHex)) : undefined);
}

/**
 * An accounting record of the database-compatible format (Packet-Type 4 Accounting-Request, 5
 * Accounting-Response, RFC 2866 §4): no decision, so no reason code is said (NPS writes 0). The
 * columns, assumed from the order of Microsoft Learn's database-format table (cc771748) as the
 * documented example lines fit it: 9 Calling-Station-ID (the PC's address), 11 Framed-IP-Address
 * (the address the VPN gave the PC), 32 Acct-Status-Type.
 */
function accounting(f: string[]): Hit {
  const user = f[5] || f[6] || undefined;
  const status = ACCT_STATUS[Number(f[31])] ?? (f[31] ? f[31] : '?');
  const address = isDottedQuad(f[10] ?? '') ? f[10]! : undefined;
  const values = { packet: RADIUS_PACKETS[Number(f[4])]!, user: user ?? '?', status, ...(address ? { address } : {}) };
  return tagged({ decoded: [d(address ? 'iasAccountingAddress' : 'iasAccounting', values)], outcome: 'info' }, { user, peer: callingPeer(f[8]) });
}

/** One RADIUS packet NPS logged: its type (RFC 2865 §4), user, NPS reason code and MS-CHAP error, the cause a reject or a reason names. */
function radiusHit(type: number, user: string | undefined, reason: number, chapError: number | undefined): Hit {
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

/** NPS's Calling-Station-Id as the peer when it is the VPN client's address (a Wi-Fi client's is a MAC). */
const callingPeer = (calling: string | undefined): string | undefined => (calling !== undefined && isDottedQuad(calling) ? calling : undefined);

/**
 * NPS's "DTS compliant" log (IN*.log): one `<Event>` per RADIUS packet, each attribute an element
 * with its data_type (`<Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">8</Reason-Code>`),
 * on one line or pretty-printed over many. The same facts as the database format's fields.
 */
const DTS_ELEMENT = /<([A-Za-z][\w-]*) data_type="\d+"\s*>([^<]*)<\/\1>/g;
export const isDtsRecord = (text: string): boolean => text.includes(' data_type="');
function dtsHit(text: string): { hit: Hit; time?: LogTime } {
  const f: Record<string, string> = {};
  for (const m of text.matchAll(DTS_ELEMENT)) f[m[1]!] ??= m[2]!.trim();
  const user = f['User-Name'] || f['SAM-Account-Name'] || f['Fully-Qualifed-User-Name'] || undefined; // (NPS spells it "Qualifed")
  const hit = radiusHit(Number(f['Packet-Type']), user, f['Reason-Code'] === undefined ? NaN : Number(f['Reason-Code']), undefined);
  const peer = callingPeer(f['Calling-Station-Id']);
  if (peer) hit.peer = peer;
  const time = f.Timestamp ? parseEventTime(f.Timestamp) : undefined;
  return time ? { hit, time } : { hit };
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

const MESSAGE_FIELD = /^Message\s*: ?/;
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
  // the others as a pasted event is read (eventBlockHit): RemoteAccess 20271/20255 by their insertion
  // strings (after the CoId newer Windows puts first), NPS 6272–6274 by the English labels of the
  // message (Get-WinEvent's Format-List has no insertion strings)
  const binary = data ? [data[1], data[2], data[3], data[4]].map((x) => (+x!).toString(16).padStart(2, '0')).join('') : undefined;
  const hit = eventBlockHit({ id: Number.isFinite(id) ? id : undefined, source, named: {}, data: f.ReplacementStrings === undefined ? [] : repl, message: f.Message ?? '', ...(binary ? { binary } : {}) });
  e.decoded.push(...hit.decoded);
  if (hit.decoded[0]?.key === 'eventRecord') return null;
  e.outcome = hit.outcome ?? 'info';
  if (hit.cause) e.cause = hit.cause;
  if (hit.code !== undefined) e.code = hit.code;
  if (hit.user) e.user = hit.user;
  if (hit.peer) e.peer = hit.peer;
  return e;
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

/** The NPS event an English message's first sentence is (6272 granted, 6273 denied, 6274 discarded). */
function npsBodyId(message: string): number | undefined {
  const m = message.match(/^\s*Network Policy Server (granted|denied|discarded)\b/);
  return m ? { granted: 6272, denied: 6273, discarded: 6274 }[m[1] as 'granted' | 'denied' | 'discarded'] : undefined;
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/**
 * A pasted event (windows-event-block.ts) → what it says. The code and the names come from the
 * event's data, never its translated message, except where the event has no data: then only the
 * number a RasClient message ends with (its error code) and English field labels are read.
 */
function eventBlockHit(b: EventBlock): Hit {
  const source = b.source ?? '';
  // an NPS message pasted without its header: its first sentence says which event (English only)
  const id = b.id ?? npsBodyId(b.message);
  // RemoteAccess and RasClient insertion strings begin with the connection's CoId on Windows 8 / 2012 and later ({NA} where there is none, IPBan issue #76)
  const data = GUID.test(b.data[0] ?? '') || b.data[0] === '{NA}' ? b.data.slice(1) : b.data;
  // the Windows error a RemoteAccess event keeps as binary data (20271: 691 for its "user name and password" reason): the state, before any text
  const dataCode = isRemoteAccessSource(source) ? dwordOf(b.binary) : undefined;
  const binaryWhy = dataCode !== undefined && dataCode > 0 ? { code: dataCode, cause: causeOfRasCode(dataCode) } : undefined;
  if (id === 6272 || id === 6273 || id === 6274) {
    const user = npsField(b, 'FullyQualifiedSubjectUserName', 'Fully Qualified Account Name') ?? npsField(b, 'SubjectUserName', 'Account Name');
    const reasonText = npsField(b, 'ReasonCode', 'Reason Code');
    const reason = reasonText !== undefined && /^\d+$/.test(reasonText) ? Number(reasonText) : undefined;
    const auth = [npsField(b, 'AuthenticationType', 'Authentication Type'), npsField(b, 'EAPType', 'EAP Type')].filter(Boolean).join(' / ');
    const peer = callingPeer(npsField(b, 'CallingStationID', 'Calling Station Identifier'));
    const values = { id, user: user ?? '?', reason: reason === undefined ? '' : `${reason} ${NPS_REASONS[reason]?.name ?? ''}`.trim(), auth };
    if (id === 6272) return tagged(step('npsGranted', values, 'success'), { user, peer });
    const hit: Hit = { decoded: [d(id === 6273 ? 'npsDenied' : 'npsDiscarded', values)], outcome: id === 6273 ? 'failure' : 'warning' };
    const r = reason === undefined ? undefined : NPS_REASONS[reason];
    if (r?.cause) {
      hit.outcome = 'failure';
      hit.cause = r.cause;
      if (r.code) hit.code = r.code;
    }
    return tagged(hit, { user, peer });
  }
  // only the message's "Authentication Details:" part: the reason code says what NPS did (0 granted, any other refused: assumed a denial, 6273)
  if (id === undefined && isNpsBody(b.message)) {
    const reasonText = npsField(b, 'ReasonCode', 'Reason Code');
    const reason = reasonText !== undefined && /^\d+$/.test(reasonText) ? Number(reasonText) : undefined;
    if (reason !== undefined) {
      const auth = [npsField(b, 'AuthenticationType', 'Authentication Type'), npsField(b, 'EAPType', 'EAP Type')].filter(Boolean).join(' / ');
      const values = { reason: `${reason} ${NPS_REASONS[reason]?.name ?? ''}`.trim(), auth };
      if (reason === 0) return { decoded: [d('npsGrantedDetails', values)], outcome: 'success' };
      const r = NPS_REASONS[reason];
      return { decoded: [d('npsRefusedDetails', values)], outcome: 'failure', ...(r?.cause ? { cause: r.cause } : {}), ...(r?.code ? { code: r.code } : {}) };
    }
  }
  // NPS 4402: "There is no domain controller available for domain %1" (the NPS server cannot check any password, like reason code 5)
  if (id === 4402 && /^(?:NPS|IAS)$/i.test(source)) return { decoded: [d('npsNoDomainController', { domain: data[0] ?? b.message.match(/\S+(?=\.\s*$)/)?.[0] ?? '?' })], outcome: 'failure', cause: 'radius-unreachable' };
  // 20271: user, address, reason; the reason is a RAS error's text (ras-error-messages.ts), else the general "authentication failed" (691, assumed)
  if (id === 20271 && data.length >= 2) {
    const why = binaryWhy ?? rasErrorOfText(data[2]) ?? { code: 691, cause: 'credentials-rejected' as const };
    return tagged({ decoded: [d('rrasAuthFailed', { user: data[0]!, peer: data[1]!, code: why.code })], outcome: 'failure', cause: why.cause, code: why.code }, { user: data[0], peer: data[1] });
  }
  // 20255: "The following error occurred in the Point to Point Protocol module on port: %2, UserName: %3. %4" (insertion strings after the CoId); a cause only where %4 is a RAS error's text
  if (id === 20255 && data.length >= 3) {
    const why = binaryWhy ?? rasErrorOfText(data[2]);
    return tagged({ decoded: [d('rrasPppError', { port: data[0]!, user: data[1]!, msg: data[2]! })], outcome: 'failure', ...(why ? { cause: why.cause, code: why.code } : {}) }, { user: data[1] });
  }
  if (id === 20227 || id === 20111) {
    // 20227: user, entry, code; 20111: entry, port, text — the code is the last insertion string, or the number the message ends with
    const last = id === 20227 ? (data[2] ?? b.message.match(/(\d+)\D*$/)?.[1]) : undefined;
    const code = last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
    if (code) {
      const hit: Hit = { decoded: [d(id === 20111 ? 'rrasDemandDialFailed' : 'rasClientFailed', { code, entry: (id === 20111 ? data[0] : data[1]) ?? '?', source })], outcome: 'failure', cause: code === 13801 ? 'ike-auth-failed' : 'ras-error', code };
      return id === 20227 ? tagged(hit, { user: data[0] }) : hit;
    }
  }
  // a RemoteAccess event without insertion strings (pasted as text) or one whose id alone says it: by the id (remote-access-events.ts)
  const known = id !== undefined && isRemoteAccessSource(source) ? remoteAccessEventHit(id, b.message) : undefined;
  if (known) return known;
  return { decoded: [d('eventRecord', { id: id ?? '?', source: source || '?' })], outcome: 'info' };
}

export const rrasFamily: FamilyParser = {
  family: 'rras',
  claims(pre: Prefixed): boolean {
    // wevtutil's `Event[0]: Log Name: …` reads like a program tag
    if (pre.program === 'Event' && pre.shape === 'program') return /^(?:Log Name|Protokollname|Logboeknaam|Nom du journal|Nombre de registro|Nome registro)\s*:/.test(pre.message);
    if (pre.shape !== 'none') return false;
    return startsEventBlock(pre.message) || FIELD.test(pre.message) || /^"[^"]*","(?:RAS|IAS)",/.test(pre.message) || IAS_FORMAT.test(pre.message);
  },
  parse(pre, state) {
    if (startsEventBlock(pre.message) && isDtsRecord(pre.message)) {
      const { hit, time } = dtsHit(pre.message);
      if (time) state.iasTime = time;
      return hit;
    }
    if (startsEventBlock(pre.message) || (pre.program === 'Event' && pre.shape === 'program')) {
      const b = readEventBlock(pre.message);
      const t = (b.date ? parseEventTime(b.date) : undefined) ?? b.xmlTime;
      if (t) state.iasTime = t; // the entry's time (track sets it, as for IAS lines)
      return eventBlockHit(b);
    }
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
    // a Message field whole (track sees the entry's text, cut at 400 characters; NPS's reason code is near the end)
    if (MESSAGE_FIELD.test(pre.message)) state.message = pre.message.replace(MESSAGE_FIELD, '');
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
    // a new object at a field the current one already has (Format-List prints each once per object: Get-EventLog starts with EventID, Get-WinEvent with TimeCreated)
    const current = state.event as EventInProgress | undefined;
    const fresh = !current || m[1]! in current.fields || ((m[1] === 'EventID' || m[1] === 'Id') && ('EventID' in current.fields || 'Id' in current.fields));
    const out = fresh && current ? finishEvent(state) : [];
    if (fresh) state.event = { entry, fields: {} } satisfies EventInProgress;
    (state.event as EventInProgress).fields[m[1]!] = m[1] === 'Message' && typeof state.message === 'string' ? state.message : m[2]!.trim();
    state.message = undefined;
    return out;
  },
  finish: finishEvent,
};
