import { d, msChapErrorOf, tagged, type Hit } from '../kit';
import type { LogTime } from '../types';
import { NPS_REASONS } from '../codes/nps';
import { isDottedQuad } from '../../ipv4-dotted';

/**
 * NPS / IAS log files and the RADIUS facts they share with NPS's events (rras.ts reads the lines and
 * the events; the formats are described there): the packet types, the IAS-format
 * and database-compatible lines, the DTS XML records, and the time forms Windows writes.
 */

/** Packet-Type, RFC 2865 §4 / RFC 2866 §4. */
export const RADIUS_PACKETS: Record<number, string> = { 1: 'Access-Request', 2: 'Access-Accept', 3: 'Access-Reject', 4: 'Accounting-Request', 5: 'Accounting-Response', 11: 'Access-Challenge' };

/** IAS-format header: NAS IP, user, MM/DD/YYYY, HH:MM:SS, service, computer, then id,value pairs. */
export const IAS_FORMAT = /^(\d{1,3}(?:\.\d{1,3}){3}),([^,]*),(\d{1,2}\/\d{1,2}\/\d{4}),(\d{1,2}:\d\d:\d\d),([^,]*),([^,]*),(\d+,[^,]*(?:,\d+,[^,]*)*)$/;

/** A database-compatible line's head: ComputerName, then ServiceName RAS or IAS (rras.ts (2)). */
const DATABASE_FORMAT_HEAD = /^"[^"]*","(?:RAS|IAS)",/;

/**
 * A line of an NPS / IAS log file (IAS format or database-compatible): one RADIUS packet per line, a record of its own
 * that nothing before it continues into — a pasted event's text (windows-event-block.ts) ends there.
 */
export const isNpsLogFileLine = (text: string): boolean => DATABASE_FORMAT_HEAD.test(text) || IAS_FORMAT.test(text);

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
  61: { name: 'NAS-Port-Type', values: { 0: 'Async', 2: 'ISDN Sync', 5: 'Virtual', 15: 'Ethernet', 18: 'Wireless - Other', 19: 'Wireless - IEEE 802.11' } },
  64: { name: 'Tunnel-Type', values: { 1: 'PPTP', 3: 'L2TP', 9: 'ESP' } },
  65: { name: 'Tunnel-Medium-Type', values: { 1: 'IPv4', 2: 'IPv6' } },
  // RFC 2866 §5.1 Acct-Status-Type, §5.7 Acct-Session-Time (seconds), §5.10 Acct-Terminate-Cause
  40: { name: 'Acct-Status-Type', values: ACCT_STATUS },
  46: { name: 'Acct-Session-Time' },
  49: { name: 'Acct-Terminate-Cause', values: { 1: 'User Request', 2: 'Lost Carrier', 3: 'Lost Service', 4: 'Idle Timeout', 5: 'Session Timeout', 6: 'Admin Reset', 7: 'Admin Reboot', 8: 'Port Error', 9: 'NAS Error', 10: 'NAS Request', 11: 'NAS Reboot', 12: 'Port Unneeded', 13: 'Port Preempted', 14: 'Port Suspended', 15: 'Service Unavailable', 16: 'Callback', 17: 'User Error', 18: 'Host Request' } },
};

/**
 * IAS-specific attribute ids of the IAS format (Microsoft's IAS-format attribute table, as florianburnel/PowerShell
 * NPS-Interpreter-Logs/NAP_Logs_Interpreter.ps1 @5ac4e7c copies it): 4130 Fully-Qualified-User-Name, 4136 Packet-Type,
 * 4142 Reason-Code. The others (4096 and up) are left out of the attribute list rather than guessed.
 */
const IAS_FULLY_QUALIFIED_USER_NAME = 4130;
const IAS_PACKET_TYPE = 4136;
const IAS_REASON_CODE = 4142;

export function iasFormat(m: RegExpMatchArray): Hit {
  const pairs = m[7]!.split(',');
  const attrs: string[] = [];
  const ias = new Map<number, string>();
  // NAS-Port-Type (61) and the station ids (30 Called, 31 Calling): the medium a request came in from (AccessMedium)
  const raw = new Map<number, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const id = Number(pairs[i]);
    const v = pairs[i + 1]!;
    if (id >= 4096) ias.set(id, v);
    else if (id === 61 || id === 30 || id === 31) raw.set(id, v);
    const a = RADIUS_ATTRIBUTES[id];
    if (!a) continue;
    attrs.push(`${a.name} ${a.values?.[Number(v)] ?? v}`);
  }
  const user = m[2] || ias.get(IAS_FULLY_QUALIFIED_USER_NAME) || undefined;
  const record = d('iasFormatRecord', { user: user ?? '?', nas: m[1]!, service: m[5]!, server: m[6]!, attributes: attrs.join(', ') });
  // an access packet with its reason code: NPS's decision first, in words, as in the other formats; the attributes after it
  const type = Number(ias.get(IAS_PACKET_TYPE));
  if (type === 1 || type === 2 || type === 3 || type === 11) {
    const reason = ias.get(IAS_REASON_CODE);
    const hit = radiusHit(type, user, reason !== undefined && /^\d+$/.test(reason) ? Number(reason) : NaN, undefined);
    if (attrs.length) hit.decoded.push(record);
    const medium = raw.has(61) ? mediumOfPortType(raw.get(61)) : mediumOfStations(raw.get(30), raw.get(31));
    return notVpn(hit, type === 2 || type === 3 ? medium : undefined);
  }
  return tagged({ decoded: [record], outcome: 'info' }, { user });
}

/** Minimal CSV split for IAS lines (quoted fields, commas inside quotes). */
export function csv(line: string): string[] {
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

export function ias(fields: string[]): Hit {
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
  return accountingHit(Number(f[4]), f[5] || f[6] || undefined, f[31], f[10], f[8]);
}

/** A session record (Accounting-Request/-Response) in either log format: the user, its Acct-Status-Type (RFC 2866 §5.1), the VPN address, the PC. */
function accountingHit(packet: number, user: string | undefined, statusType: string | undefined, framed: string | undefined, calling: string | undefined): Hit {
  const status = ACCT_STATUS[Number(statusType)] ?? (statusType ? statusType : '?');
  const address = isDottedQuad(framed ?? '') ? framed! : undefined;
  const values = { packet: RADIUS_PACKETS[packet]!, user: user ?? '?', status, ...(address ? { address } : {}) };
  return tagged({ decoded: [d(address ? 'iasAccountingAddress' : 'iasAccounting', values)], outcome: 'info' }, { user, peer: callingPeer(calling) });
}

/**
 * An NPS reason code as a statement's `reason` value: the number alone (describe.ts words it in the reader's language, the
 * IAS_ name after the words); none for 0 (success: the packet type or the event already says so) or no code.
 */
export const npsReasonValue = (reason: number | undefined): number | '' => (reason !== undefined && Number.isFinite(reason) && reason !== 0 ? reason : '');

/**
 * The access packets (RFC 2865 §4.1–4.4) by what NPS did, in words first (the packet's name after them); another type keeps the
 * general iasRecord.
 */
const ACCESS_PACKET_KEYS: Record<number, string> = { 1: 'iasAccessRequest', 2: 'iasAccessAccept', 3: 'iasAccessReject', 11: 'iasAccessChallenge' };

/** One RADIUS packet NPS logged: its type (RFC 2865 §4), user, NPS reason code and MS-CHAP error, the cause a reject or a reason names. */
function radiusHit(type: number, user: string | undefined, reason: number, chapError: number | undefined): Hit {
  const values = { packet: RADIUS_PACKETS[type] ?? `type ${type}`, user: user ?? '?', reason: npsReasonValue(reason), chap: chapError ?? '' };
  const hit: Hit = { decoded: [d(ACCESS_PACKET_KEYS[type] ?? 'iasRecord', values)], outcome: type === 3 ? 'failure' : type === 2 ? 'success' : 'info', ...(user ? { user } : {}) };
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
export const callingPeer = (calling: string | undefined): string | undefined => (calling !== undefined && isDottedQuad(calling) ? calling : undefined);

/**
 * The network a RADIUS request came in from when that is not a VPN server: an IEEE 802.1X authenticator — a Wi-Fi access point or
 * a switch port — asking NPS whether a device may join the network. NPS's decision on it says nothing about a VPN connection.
 *
 * Read by structure, in whatever language the log is:
 * - NAS-Port-Type (RFC 2865 §5.41): 15 Ethernet, 18 Wireless - Other, 19 Wireless - IEEE 802.11 (RFC 3580 §3.32: an 802.1X
 *   authenticator sends 19 for 802.11, 15 for a wired port). NPS writes the number in its log files (DTS `<NAS-Port-Type
 *   data_type="0">19</NAS-Port-Type>`, the IAS format's `61,19`) and the RFC's name in its events (`NAS Port-Type: Ethernet`,
 *   `<Data Name="NASPortType">Wireless - IEEE 802.11</Data>`; the name is the value NPS inserts, assumed the same in a translated
 *   message). An RRAS server sends 5 Virtual (the 6272 of IPBan's test events: `NASPortType` Virtual).
 * - where no type is given, the station ids an 802.1X authenticator sends (RFC 3580 §3.20, §3.21): Called-Station-Id the access
 *   point's MAC address in IEEE 802 form with `:` and the SSID after it (`00-3A-98-9C-AA-70:Internal Test network`), Calling-Station-Id
 *   the device's MAC (`5C-F6-DC-11-77-EE`). An RRAS server sends the PC's IP address as Calling-Station-Id (callingPeer).
 */
export type AccessMedium = 'wifi' | 'wired' | 'lan';
const PORT_TYPE_MEDIUM: Readonly<Record<number, AccessMedium>> = { 15: 'wired', 18: 'wifi', 19: 'wifi' };
/** NAS-Port-Type as NPS writes it, a number (log files) or the RFC's name (events) → the medium, when it is no VPN server's. */
export function mediumOfPortType(value: string | undefined): AccessMedium | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{1,3}$/.test(v)) return PORT_TYPE_MEDIUM[Number(v)];
  if (/^Wireless - (?:IEEE 802\.11|Other)$/i.test(v)) return 'wifi';
  return /^Ethernet$/i.test(v) ? 'wired' : undefined;
}
/** A MAC address in the IEEE 802 form RFC 3580 §3.21 gives (octets as hex pairs, `-` between them). */
const IEEE802_MAC = String.raw`[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}`;
const CALLED_AP = new RegExp(String.raw`^${IEEE802_MAC}:\S`);
const MAC_ONLY = new RegExp(String.raw`^${IEEE802_MAC}$`);
/** The station ids → the medium: an access point's Called-Station-Id (MAC:SSID) is Wi-Fi, a device's MAC as Calling-Station-Id an 802.1X network. */
export function mediumOfStations(called: string | undefined, calling: string | undefined): AccessMedium | undefined {
  if (called !== undefined && CALLED_AP.test(called.trim())) return 'wifi';
  return calling !== undefined && MAC_ONLY.test(calling.trim()) ? 'lan' : undefined;
}
/**
 * In an NPS event's message, whatever its labels' language: NPS's own name of a wireless port type (`Wireless - IEEE 802.11`), an
 * access point's `MAC:SSID`, or a MAC address as a field's value (the message's only fields that hold one are the station ids).
 */
const WIRELESS_NAME = /(?:^|\s)Wireless - (?:IEEE 802\.11|Other)(?=\s|$)/i;
const AP_IN_TEXT = new RegExp(String.raw`(?:^|\s)${IEEE802_MAC}:\S`);
const MAC_IN_TEXT = new RegExp(String.raw`(?:^|\s)${IEEE802_MAC}(?=\s|$)`);
export function mediumInText(message: string): AccessMedium | undefined {
  if (WIRELESS_NAME.test(message) || AP_IN_TEXT.test(message)) return 'wifi';
  return MAC_IN_TEXT.test(message) ? 'lan' : undefined;
}

/** The statement for a decision on a request that came from no VPN server (its key by the medium). */
const MEDIUM_KEYS: Readonly<Record<AccessMedium, string>> = { wifi: 'npsMediumWifi', wired: 'npsMediumWired', lan: 'npsMediumLan' };

/**
 * A decision of NPS on a Wi-Fi or wired 802.1X request: said so after what NPS did, and without a VPN cause — the PC's VPN shows no
 * error for it (error 691 is RAS's, a VPN connection's), so it names no cause of a VPN failure.
 */
export function notVpn(hit: Hit, medium: AccessMedium | undefined): Hit {
  if (!medium) return hit;
  hit.decoded.push(d(MEDIUM_KEYS[medium]));
  delete hit.cause;
  delete hit.code;
  return hit;
}

/** Requests' media by their Class (bounded): NPS echoes the request's Class in its answer, which names no port type or station. */
const MAX_MEDIA = 256;
export class RequestMedia {
  private readonly byClass = new Map<string, AccessMedium>();
  note(klass: string | undefined, medium: AccessMedium | undefined): void {
    if (!klass || !medium) return;
    if (this.byClass.size >= MAX_MEDIA) this.byClass.delete(this.byClass.keys().next().value!);
    this.byClass.set(klass, medium);
  }
  of(klass: string | undefined): AccessMedium | undefined {
    return klass ? this.byClass.get(klass) : undefined;
  }
}

/**
 * NPS's "DTS compliant" log (IN*.log): one `<Event>` per RADIUS packet, each attribute an element
 * with its data_type (`<Packet-Type data_type="0">3</Packet-Type><Reason-Code data_type="0">8</Reason-Code>`),
 * on one line or pretty-printed over many. The same facts as the database format's fields.
 */
const DTS_ELEMENT = /<([A-Za-z][\w-]*) data_type="\d+"\s*>([^<]*)<\/\1>/g;
export const isDtsRecord = (text: string): boolean => text.includes(' data_type="');
export function dtsHit(text: string, media?: RequestMedia): { hit: Hit; time?: LogTime } {
  const f: Record<string, string> = {};
  for (const m of text.matchAll(DTS_ELEMENT)) f[m[1]!] ??= m[2]!.trim();
  const user = f['User-Name'] || f['SAM-Account-Name'] || f['Fully-Qualifed-User-Name'] || undefined; // (NPS spells it "Qualifed")
  const type = Number(f['Packet-Type']);
  // a request's medium by its own attributes; an answer's by its request's, through the Class NPS echoes (RequestMedia)
  // (a port type that is said decides: 0 Async is a device's own console login, 5 Virtual a VPN server's, whatever the station ids)
  const own = f['NAS-Port-Type'] !== undefined ? mediumOfPortType(f['NAS-Port-Type']) : mediumOfStations(f['Called-Station-Id'], f['Calling-Station-Id']);
  media?.note(f.Class, own);
  const medium = own ?? media?.of(f.Class);
  // an accounting record says no decision (NPS writes reason 0): a session record, as in the database-compatible format
  const hit =
    type === 4 || type === 5
      ? accountingHit(type, user, f['Acct-Status-Type'], f['Framed-IP-Address'], f['Calling-Station-Id'])
      : notVpn(radiusHit(type, user, f['Reason-Code'] === undefined ? NaN : Number(f['Reason-Code']), undefined), type === 2 || type === 3 ? medium : undefined);
  const peer = callingPeer(f['Calling-Station-Id']);
  if (peer) hit.peer = peer;
  const time = f.Timestamp ? parseEventTime(f.Timestamp) : undefined;
  return time ? { hit, time } : { hit };
}

/**
 * How a date's day and month are ordered: `'month-first'` for NPS's log files (the IAS, database and DTS formats write MM/DD/YYYY
 * whatever the server's language: Microsoft Learn dd197432, cc771748); `'culture'` for what Windows printed in the PC's culture
 * (Event Viewer's copy, Format-List's TimeGenerated / TimeCreated), read as parse/event-time.ts reads the client's events: slashes
 * with an AM/PM marker are en-US's M/d/yyyy; other slashes day first (fr-FR, es-ES, en-GB dd/MM/yyyy: DateTimeFormatInfo's
 * ShortDatePattern examples on learn.microsoft.com); dots (de-DE dd.MM.yyyy) and dashes (nl-NL d-M-yyyy) day first (assumed from
 * those cultures' conventions). Either way a first number over 12 is the day, and one over 31 the year (ISO).
 */
export type DateOrder = 'month-first' | 'culture';

/** `3/18/2016 1:26:02 PM` (en-US), `18-3-2016 13:26:02` (nl), `05.02.2023 09:41:07` (de), `2023-02-05T09:41:07`: see DateOrder. */
export function parseEventTime(s: string, order: DateOrder = 'month-first'): LogTime | undefined {
  const m = s.trim().match(/^(\d{1,4})([/.-])(\d{1,2})[/.-](\d{2,4})[ T](\d{1,2}):(\d\d)(?::(\d\d))?(?:[.,]\d+)?\s*(AM|PM)?/i);
  if (!m) return undefined;
  const [a, b, c] = [+m[1]!, +m[3]!, +m[4]!];
  const dayFirst = order === 'culture' && (m[2] !== '/' || !m[8]);
  let year: number, month: number, day: number;
  if (a > 31) [year, month, day] = [a, b, c];
  else if (a > 12 || dayFirst) [day, month, year] = [a, b, c];
  else [month, day, year] = [a, b, c];
  let hour = +m[5]!;
  if (m[8]) hour = (hour % 12) + (/pm/i.test(m[8]) ? 12 : 0);
  return { year, month, day, hour, minute: +m[6]!, second: +(m[7] ?? 0) };
}
