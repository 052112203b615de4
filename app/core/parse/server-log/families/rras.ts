import { applyRules, d, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import type { LogTime, ServerLogEntry } from '../types';
import { dwordOf, isFriendlyView, isNpsBody, npsField, npsReasonCode, readEventBlock, startsEventBlock, startsFriendlyView, type EventBlock } from './windows-event-block';
import { causeOfRasCode, rasErrorOfText } from './ras-error-messages';
import { callingPeer, csv, dtsHit, IAS_FORMAT, ias, iasFormat, isDtsRecord, isNpsLogFileLine, mediumInText, mediumOfPortType, mediumOfStations, notVpn, npsReasonValue, parseEventTime, RequestMedia } from './nps-log';
import { NPS_REASONS } from '../codes/nps';
import { isCoIdString, isRemoteAccessSource, remoteAccessEventHit, remoteAccessTextHit } from './remote-access-events';
import { FORWARDED_EVENT_SOURCES, isNxlogJson, isSnareRecord, nxlogEvent, snareEvent, taggedEvent } from './forwarded-event';
import { continuesTableRow, isEventTableFrame, isEventTableRow, readEventTableLine } from './event-table-rows';
import { isMarkdownEventLine, isMarkdownEventRow, readMarkdownEventLine } from './event-markdown-table';
import { isRasClientMessage, rasClientMessageHit } from './rasclient-message';
import { noteDemandDialCall } from './demand-dial-calls';
import { eventXmlTextBlock, isEventXmlText } from './event-xml-text';
import { isServiceControlSource, serviceControlHit, ServiceWatch } from './service-control-events';
import { ExportDates, exportSeparator, isExportLine, readExportHeader, readExportRow, type ExportRow } from './event-export';

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
 * (5) Event Viewer's "Save All Events As…" export, Text or CSV (event-export.ts): a row per event, read as a pasted event is,
 *     by its source and id, the message for what eventBlockHit reads of a message without its XML.
 * (2) IAS / NPS "database-compatible" log lines (Microsoft Learn, "Interpret NPS Database Format
 *     Log Files"): ComputerName, ServiceName, Record-Date, Record-Time, Packet-Type, User-Name, …,
 *     Reason-Code (field 26), MS-CHAP-Error as hex (`0x00453D363931…` = ident + "E=691 R=0 V=3").
 */

const MESSAGE_FIELD = /^Message\s*: ?/;
const FIELD = /^(EventID|MachineName|Data|Index|Category|CategoryNumber|EntryType|Message|Source|ReplacementStrings|InstanceId|TimeGenerated|TimeWritten|UserName|Site|Container|Id|Level|ProviderName|LogName|TimeCreated|RecordId|LevelDisplayName|TaskDisplayName|OpcodeDisplayName|KeywordsDisplayNames)\s*: ?(.*)$/;

interface EventInProgress {
  entry: ServerLogEntry;
  fields: Record<string, string>;
}

/** An event is complete: read its code from Data / ReplacementStrings and name the cause. */
function completeEvent(ev: EventInProgress, state: FamilyState): ServerLogEntry | null {
  const f = ev.fields;
  const id = Number(f.EventID ?? f.Id ?? f.InstanceId);
  const source = f.Source ?? f.ProviderName ?? '';
  const time = parseEventTime(f.TimeGenerated ?? f.TimeCreated ?? '', 'culture');
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
    e.cause = id === 20111 ? causeOfRasCode(code) : code === 13801 ? 'ike-auth-failed' : 'ras-error';
    // the strings after the CoId Windows 8 / 2012 and later put first (`{NA}` where there is none), by its shape — Windows 7 and
    // earlier write none: 20111 "…the remote interface %1 on port %2 … error: %3" (mprlog.h ROUTERLOG_CONNECTION_ATTEMPT_FAILED),
    // 20227 "The user %1 dialed a connection named %2 which has failed. The error code … is %3" (XP's, with the CoId one later)
    const strings = isCoIdString(repl[0]) ? repl.slice(1) : repl;
    const entry = id === 20111 ? strings[0] : strings[1];
    // (20111: the server's own demand-dial call to another router, a site-to-site link: remote-access-events.ts, its 20111)
    e.decoded.push(d(id === 20111 ? 'rrasDemandDialFailed' : 'rasClientFailed', { code, entry: entry || '?', source, ...(id === 20111 ? { role: 'site' } : {}) }));
    if (id === 20227 && strings[0]) e.user = strings[0];
    return e;
  }
  // the others as a pasted event is read (eventBlockHit): RemoteAccess 20271/20255 by their insertion
  // strings (after the CoId newer Windows puts first), NPS 6272–6274 by the English labels of the
  // message (Get-WinEvent's Format-List has no insertion strings)
  const binary = data ? dataBytesHex(f.Data!) : undefined;
  const hit = eventBlockHit({ id: Number.isFinite(id) ? id : undefined, source, named: {}, data: f.ReplacementStrings === undefined ? [] : repl, message: f.Message ?? '', ...(binary ? { binary } : {}) }, state);
  // the event is said on its first field's line: where that field is not the id — Get-WinEvent's Format-List begins with TimeCreated,
  // then ProviderName, Id, Message (its default list view, as real copies show it: `TimeCreated  : 3/17/2019 12:30:30 PM` …) — the
  // event's statements replace the field's ("Event field TimeCreated." was said before each event)
  if (e.decoded.length === 1 && e.decoded[0]!.key === 'step.eventField') e.decoded.length = 0;
  e.decoded.push(...hit.decoded);
  if (hit.decoded[0]?.key === 'eventRecord' || hit.decoded[0]?.key === 'eventFromSource') return null;
  e.outcome = hit.outcome ?? 'info';
  if (hit.cause) e.cause = hit.cause;
  if (hit.code !== undefined) e.code = hit.code;
  if (hit.user) e.user = hit.user;
  if (hit.peer) e.peer = hit.peer;
  return e;
}

/**
 * Get-EventLog's Data (`{82, 0, 101, 0, …}`) as hex, every byte: a RemoteAccess event's DWORD is its first four, a service manager
 * event's is the service's key name in UTF-16 (service-control-events.ts)
 */
const dataBytesHex = (data: string): string =>
  (data.match(/^\{([\d,\s]+)\}/)?.[1] ?? '')
    .split(',')
    .map((x) => (+x.trim() & 255).toString(16).padStart(2, '0'))
    .join('');

function finishEvent(state: FamilyState): ServerLogEntry[] {
  const ev = state.event as EventInProgress | undefined;
  state.event = undefined;
  const done = ev ? completeEvent(ev, state) : null;
  if (done) noteDemandDialCall(done, state);
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

/** (the user up to the words after it: a Windows logon name may hold blanks, remote-access-events.ts says where that is written) */
const RASCLIENT_FAILED_TEXT = /\bThe user (\S+(?: \S+){0,3}?) dialed a connection named (.+?) (?:which|that) has failed\b/;

/**
 * A pasted event (windows-event-block.ts) → what it says. The code and the names come from the
 * event's data, never its translated message, except where the event has no data: then only the
 * number a RasClient message ends with (its error code) and English field labels are read.
 */
function eventBlockHit(b: EventBlock, state: FamilyState): Hit {
  const source = b.source ?? '';
  // the service manager's events about a VPN service (service-control-events.ts), each service's downs and comebacks followed per log
  if (b.id !== undefined && b.id >= 7000 && b.id <= 7036 && (source === '' || isServiceControlSource(source))) {
    const scm = serviceControlHit(b);
    if (scm) return serviceWatch(state).see(scm);
  }
  // an NPS message pasted without its header: its first sentence says which event (English only)
  const id = b.id ?? npsBodyId(b.message);
  // RemoteAccess and RasClient insertion strings begin with the connection's CoId on Windows 8 / 2012 and later ({NA} where there is none, IPBan issue #76;
  // `NA` in Get-EventLog's list, completeEvent): by its shape, so that an older Windows' strings, without one, are read from their first
  const data = isCoIdString(b.data[0]) ? b.data.slice(1) : b.data;
  // the Windows error a RemoteAccess event keeps as binary data (20271: 691 for its "user name and password" reason): the state, before any text
  const dataCode = isRemoteAccessSource(source) ? dwordOf(b.binary) : undefined;
  const binaryWhy = dataCode !== undefined && dataCode > 0 ? { code: dataCode, cause: causeOfRasCode(dataCode) } : undefined;
  if (id === 6272 || id === 6273 || id === 6274) {
    const user = npsField(b, 'FullyQualifiedSubjectUserName', 'fullName') ?? npsField(b, 'SubjectUserName', 'accountName');
    // the number, in whatever language the message is (its label, else its place: npsReasonCode)
    const reason = npsReasonCode(b, true);
    const auth = [npsField(b, 'AuthenticationType', 'authType'), npsField(b, 'EAPType', 'eapType')].filter(Boolean).join(' / ');
    const peer = callingPeer(npsField(b, 'CallingStationID', 'calling'));
    const values = { id, user: user ?? '?', reason: npsReasonValue(reason), auth };
    // a Wi-Fi access point's or a switch's 802.1X request, not a VPN server's (nps-log.ts AccessMedium): by the XML's values, the
    // English labels, else the values themselves in a message of any language
    // (a port type that is said decides: Virtual is a VPN server's, whatever else the message holds)
    const portType = npsField(b, 'NASPortType', 'portType');
    const stations = portType === undefined ? mediumOfStations(npsField(b, 'CalledStationID', 'called'), npsField(b, 'CallingStationID', 'calling')) : undefined;
    // (a wireless port type in a translated message, read by its value, says more than the device's MAC the station id is)
    const medium = portType !== undefined ? mediumOfPortType(portType) : stations === 'wifi' ? stations : (mediumInText(b.message) ?? stations);
    if (id === 6272) return tagged(notVpn(step('npsGranted', values, 'success'), medium), { user, peer });
    const hit: Hit = { decoded: [d(id === 6273 ? 'npsDenied' : 'npsDiscarded', values)], outcome: id === 6273 ? 'failure' : 'warning' };
    const r = reason === undefined ? undefined : NPS_REASONS[reason];
    if (r?.cause) {
      hit.outcome = 'failure';
      hit.cause = r.cause;
      if (r.code) hit.code = r.code;
    }
    return tagged(notVpn(hit, medium), { user, peer });
  }
  // only the message's "Authentication Details:" part: the reason code says what NPS did (0 granted, any other refused: assumed a denial, 6273)
  if (id === undefined && isNpsBody(b.message)) {
    const reason = npsReasonCode(b, false);
    if (reason !== undefined) {
      const auth = [npsField(b, 'AuthenticationType', 'authType'), npsField(b, 'EAPType', 'eapType')].filter(Boolean).join(' / ');
      const values = { reason: npsReasonValue(reason), auth };
      if (reason === 0) return { decoded: [d('npsGrantedDetails', values)], outcome: 'success' };
      const r = NPS_REASONS[reason];
      return { decoded: [d('npsRefusedDetails', values)], outcome: 'failure', ...(r?.cause ? { cause: r.cause } : {}), ...(r?.code ? { code: r.code } : {}) };
    }
  }
  // NPS 4402: "There is no domain controller available for domain %1" (the NPS server cannot check any password, like reason code 5)
  if (id === 4402 && /^(?:NPS|IAS)$/i.test(source)) return { decoded: [d('npsNoDomainController', { domain: data[0] ?? wordBeforeFinalDot(b.message) ?? '?' })], outcome: 'failure', cause: 'radius-unreachable' };
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
    const last = id === 20227 ? (data[2] ?? (b.cut ? undefined : b.message.match(/(\d+)\D*$/)?.[1])) : undefined;
    // (20111's code is its binary data's DWORD, as Get-EventLog's Data above; without data its message's text: remote-access-events.ts)
    const code = id === 20111 ? (dataCode || undefined) : last !== undefined && /^\d+$/.test(last) ? Number(last) : undefined;
    if (code) {
      // without insertion strings (a copy without its XML) the names only from the English message ("The user %1 dialed a connection
      // named %2 which has failed", "that has" on later builds); a translated one leaves them unknown
      const english = id === 20227 && data.length === 0 ? b.message.match(RASCLIENT_FAILED_TEXT) : null;
      const entry = (id === 20111 ? data[0] : data[1] ?? english?.[2]) ?? '?';
      const hit: Hit = { decoded: [d(id === 20111 ? 'rrasDemandDialFailed' : 'rasClientFailed', { code, entry, source, ...(id === 20111 ? { role: 'site' } : {}) })], outcome: 'failure', cause: id === 20111 ? causeOfRasCode(code) : code === 13801 ? 'ike-auth-failed' : 'ras-error', code };
      return id === 20227 ? tagged(hit, { user: data[0] ?? english?.[1] }) : hit;
    }
  }
  // Security-Auditing 4653 "An IPsec main mode negotiation failed" (Microsoft Learn, "4653(F): An IPsec main mode negotiation failed";
  // the IKEEXT service's audit, logged where "Audit IPsec Main Mode" is on — an RRAS server answering L2TP/IPsec or IKEv2 PCs): the
  // peer by its RemoteAddress; FailureReason is Windows' rendered text in the server's language, shown as it is and not judged, and
  // FailurePoint / State / Role are message-table references (%%8199 …) whose meanings are not checked here — so no cause is named
  if (id === 4653 && /Security-Auditing$/i.test(source)) {
    const peer = b.named.RemoteAddress && b.named.RemoteAddress !== '-' ? b.named.RemoteAddress : undefined;
    return tagged({ decoded: [d('ipsecMainModeFailed', { peer: peer ?? '?', reason: b.named.FailureReason || '?' })], outcome: 'failure' }, { peer });
  }
  // a RemoteAccess event without insertion strings (pasted as text) or one whose id alone says it: by the id (remote-access-events.ts)
  // (without an id — a forwarded syslog line under the source's name, forwarded-event.ts — by its English text alone)
  const known = isRemoteAccessSource(source) ? (id !== undefined ? remoteAccessEventHit(id, b.message, data, id, source) : remoteAccessTextHit(b.message, source)) : undefined;
  if (known) return serviceWatch(state).see(known);
  // (an event without its id — a forwarded line under its source's name in another language — is named by its source alone)
  if (id === undefined) return { decoded: [d('eventFromSource', { source: source || '?' })], outcome: 'info' };
  return { decoded: [d('eventRecord', { id, source: source || '?' })], outcome: 'info' };
}

const FORWARDED_SOURCES: ReadonlySet<string> = new Set(FORWARDED_EVENT_SOURCES);

const serviceWatch = (state: FamilyState): ServiceWatch => (state.serviceWatch ??= new ServiceWatch()) as ServiceWatch;

const exportDates = (state: FamilyState): ExportDates => (state.exportDates ??= new ExportDates()) as ExportDates;

/** An export's row → the event it is, read as a pasted event without its XML (eventBlockHit), at its time in the export's date order. */
function exportRowHit(row: ExportRow, state: FamilyState): Hit {
  const hit = eventBlockHit({ id: row.id, source: row.source, date: row.date, named: {}, data: [], message: row.message }, state);
  const { order, ambiguous } = exportDates(state).order(row.date);
  const t = parseEventTime(row.date, order);
  if (t) state.iasTime = t;
  if (!ambiguous || !t) return hit;
  // the first date whose day and month could be either way round: said once, read day first (ExportDates)
  const read = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
  return { ...hit, decoded: [...hit.decoded, d('eventExportDateOrder', { date: row.date.replace(/\s.*$/, ''), read })] };
}

export const rrasFamily: FamilyParser = {
  family: 'rras',
  claims(pre: Prefixed): boolean {
    // wevtutil's `Event[0]: Log Name: …` reads like a program tag
    if (pre.program === 'Event' && pre.shape === 'program') return /^(?:Log Name|Protokollname|Logboeknaam|Nom du journal|Nombre de registro|Nome registro)\s*:/.test(pre.message);
    // a Windows event a forwarder sent as Snare's record (forwarded-event.ts): after a header or as Snare's own line
    if (pre.shape !== 'none') return pre.program === undefined && (isSnareRecord(pre) || isNxlogJson(pre.message));
    return isSnareRecord(pre) || isNxlogJson(pre.message) || startsEventBlock(pre.message) || FIELD.test(pre.message) || isNpsLogFileLine(pre.message) || isRasClientMessage(pre.message) || isExportLine(pre.message) || isEventTableFrame(pre.message) || (pre.message.charCodeAt(0) === 124 /* | */ && isMarkdownEventLine(pre.message)) || isEventXmlText(pre.message);
  },
  // a row of PowerShell's table of events, or of a Markdown table of events, under the table's header this log showed (event-table-rows.ts, event-markdown-table.ts)
  claimsLeftover: (pre, state) => pre.shape === 'none' && (isEventTableRow(pre.message, state) || isMarkdownEventRow(pre.message, state)),
  // a `Format-Table -Wrap` table's message on the lines under its row (event-table-rows.ts)
  continuesRecord: continuesTableRow,
  parse(pre, state) {
    // the PC's own RasClient message, pasted alone (rasclient-message.ts) or forwarded under its source's name
    if (isRasClientMessage(pre.message)) return rasClientMessageHit(pre.message);
    if (isSnareRecord(pre)) {
      const ev = snareEvent(pre);
      if (!ev) return null;
      // the syslog header's time first (the collector's or the forwarder's: with its zone where it has one), else the event's own
      if (!pre.time && ev.time) state.iasTime = ev.time;
      return eventBlockHit(ev.block, state);
    }
    // NXLog's JSON record (forwarded-event.ts): the same, its named data the event's insertion strings
    if (pre.program === undefined && isNxlogJson(pre.message)) {
      const ev = nxlogEvent(pre.message);
      if (!ev) return null;
      if (!pre.time && ev.time) state.iasTime = ev.time;
      return eventBlockHit(ev.block, state);
    }
    if (pre.program !== undefined && FORWARDED_SOURCES.has(pre.program)) return eventBlockHit(taggedEvent(pre), state);
    // a Markdown table of events (a Knowledge Base article's, event-markdown-table.ts): its frame as such, a row as the event it shows
    if (pre.message.charCodeAt(0) === 124 /* | */) {
      const md = readMarkdownEventLine(pre.message, state);
      if (md) return md.block ? eventBlockHit(md.block, state) : md.hit;
    }
    // PowerShell's table of events (event-table-rows.ts): its frame as such, a row as the event it shows
    const table = readEventTableLine(pre.message, state);
    if (table) {
      if (!table.block) return table.hit;
      if (table.time) state.iasTime = table.time;
      return eventBlockHit(table.block, state);
    }
    if (startsEventBlock(pre.message) && isDtsRecord(pre.message)) {
      const { hit, time } = dtsHit(pre.message, (state.requestMedia ??= new RequestMedia()) as RequestMedia);
      if (time) state.iasTime = time;
      return hit;
    }
    if (startsEventBlock(pre.message) || (pre.program === 'Event' && pre.shape === 'program')) {
      // (the Friendly View's `- System` / `- Provider` without the provider's `[ Name]` after it: a list's items, no event)
      if (startsFriendlyView(pre.message) && !isFriendlyView(pre.message)) return null;
      const b = readEventBlock(pre.message);
      const t = (b.date ? parseEventTime(b.date, 'culture') : undefined) ?? b.xmlTime;
      if (t) state.iasTime = t; // the entry's time (track sets it, as for IAS lines)
      return eventBlockHit(b, state);
    }
    // (before the IAS/DTS lines: those start with a quote too, and are no export's rows — their second field is no date)
    const row = exportSeparator(pre.message) !== 0 ? readExportRow(pre.message) : undefined;
    if (row) return exportRowHit(row, state);
    const header = readExportHeader(pre.message);
    if (header) {
      exportDates(state).sawHeader(header);
      return step('eventExportHeader');
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
    // an event's XML that lost its markup (event-xml-text.ts): read as a pasted event without its XML
    const stripped = eventXmlTextBlock(pre.message);
    if (stripped) return eventBlockHit(stripped, state);
    // a Message field whole (track sees the entry's text, cut at 400 characters; NPS's reason code is near the end)
    if (MESSAGE_FIELD.test(pre.message)) state.message = pre.message.replace(MESSAGE_FIELD, '');
    return applyRules(RULES, pre.message, pre, state);
  },
  track(seen, state) {
    const entry = seen.entry();
    // (a 20227 of the server's own demand-dial call: the site role, demand-dial-calls.ts — a failure's test first)
    noteDemandDialCall(entry, state);
    // (a table's group line, `ProviderName: RemoteAccess`, reads like a Format-List field but starts no event: event-table-rows.ts)
    if (entry.decoded[0]?.key === 'step.eventTableGroup' || entry.decoded[0]?.key === 'step.eventTableHead') return;
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

/**
 * The word before a message's final full stop ("… available for domain CORP." → CORP), as `/\S+(?=\.\s*$)/` found it — read from the
 * end in one pass: that pattern tried every start in a run of non-blanks (n², round 44's pump survey). Undefined when the message
 * does not end in a full stop after a word.
 */
export function wordBeforeFinalDot(message: string): string | undefined {
  const end = message.trimEnd();
  const dot = end.length - 1;
  if (dot < 1 || end.charCodeAt(dot) !== 46 /* . */) return undefined;
  let start = dot;
  while (start > 0 && !/\s/.test(end[start - 1]!)) start--;
  return start < dot ? end.slice(start, dot) : undefined;
}
