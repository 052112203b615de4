import type { Prefixed } from '../prefix';
import { monthOf } from '../prefixed';
import type { LogTime } from '../types';
import type { EventBlock } from './windows-event-block';
import { serviceStateParams } from './service-control-events';

/**
 * Windows events a forwarder sent to a syslog server, as the network team's collector keeps them:
 *
 * (1) Snare's "MSWinEventLog" record (Snare for Windows, NXLog's to_syslog_snare, rsyslog's mmsnareparse reads it): tab-separated
 *     `MSWinEventLog, Criticality, log name, Snare counter, SubmitTime, EventID, SourceName, UserName, SIDType, EventLogType,
 *     ComputerName, CategoryString, DataString, ExpandedString[, MD5 checksum or counter]` — TIBCO LogLogic's "Event Output
 *     Format" page and Trellix's "InterSect Alliance Snare for Windows log format"; after a syslog header (`<14>Dec  5 09:12:01 HOST
 *     MSWinEventLog\t1\tSystem\t…`), an RFC 5424 one, or Snare's own `HOST\tMSWinEventLog\t…`. Real records in rsyslog's and
 *     other collectors' test data show the DataString empty (two tabs before the message), a SubmitTime without its year
 *     (`Sun May 21 12:00:01.123`) or in the Windows locale's words (`ven. août 26 16:45:45`), and the checksum left out.
 * (2) The event's source as the syslog tag and its message as the text (`RRAS01 RemoteAccess[1234]: The user …` — NXLog's
 *     to_syslog_bsd with SourceName as the tag: assumed from NXLog configurations that set `$SourceName` to choose the tag before
 *     calling it, gist VerosK/73e553897d0d33bd1c17; NXLog's manual not read here), without the event's id: read by its English text where it
 *     has one (remote-access-events.ts remoteAccessTextHit), RasClient's message and NPS's as pasted alone.
 *
 * Either way the event is read as a pasted one (rras.ts eventBlockHit): by its source and id, never its translated words where the
 * id is there.
 */

const SNARE_MARK = 'MSWinEventLog';
const isBlank = (c: number): boolean => c === 9 || c === 32;

/**
 * A record that is a Snare event: after a header (shape syslog/iso: the message begins with it) or Snare's own `HOST\t…`. The mark
 * is followed by a tab, or by blanks in a copy that turned its tabs into blanks (a mail's or an editor's untabify).
 */
export function isSnareRecord(pre: Prefixed): boolean {
  if (pre.program !== undefined) return false;
  const m = pre.message;
  if (m.charCodeAt(0) === 77 /* M */) return m.startsWith(SNARE_MARK) && isBlank(m.charCodeAt(SNARE_MARK.length));
  if (pre.shape !== 'none') return false;
  const at = m.indexOf(SNARE_MARK);
  // (the host before it: one word, then tabs or blanks)
  return at > 0 && at <= 256 && isBlank(m.charCodeAt(at + SNARE_MARK.length)) && /^\S+[\t ]+$/.test(m.slice(0, at));
}

/**
 * The Service Control Manager's events under the tag a forwarder gives them (its provider name with `_` for the blanks a syslog tag
 * cannot hold): the syslog-ng Windows agent's `Microsoft-Windows-Service_Control_Manager[3720]: : System Microsoft-Windows-Service
 * Control Manager: [Information] The Multimedia Class Scheduler service entered the running state. (EventID 7036)` (syslog-ng's
 * loggen test data, tests/loggen/tests/test_filereader.c: log name, source, `[type]`, the message, the id last), and a bare
 * `Service_Control_Manager[740]: Windows Time 服务处于 停止 状态。` (a Chinese Windows' 7036 as a Logstash record's @message, its id
 * not kept). Read as the service manager's events (service-control-events.ts): by the id, and the service named in the message.
 */
const SCM_TAGS = ['Microsoft-Windows-Service_Control_Manager', 'Service_Control_Manager'] as const;
const SCM_TAG_SET: ReadonlySet<string> = new Set(SCM_TAGS);
/** the syslog-ng agent's head (`: ` or `N/A: `, the log name, the source, `[type]`) and its `(EventID N)` tail */
const AGENT_HEAD = /^(?:\S*:)?\s*\S+ [\w-]+(?: [\w-]+)*: \[[^\]]*\] /;
const AGENT_ID = /\s*\(EventID (\d+)\)\s*$/;

/**
 * The event sources whose lines are VPN events when a forwarder tags a syslog line with them (NXLog to_syslog_bsd: the tag is
 * the event's SourceName, assumed as above): RRAS's RemoteAccess, the PC's RasClient, NPS (Windows Server 2008 and later log
 * its 6272–6274 under Security-Auditing; IAS on Windows 2003). Security-Auditing also carries other audits: read as events by id and
 * source, as a pasted one is.
 */
export const FORWARDED_EVENT_SOURCES = ['RemoteAccess', 'RasClient', 'IAS', 'NPS', 'Microsoft-Windows-Security-Auditing', ...SCM_TAGS] as const;

const TIME_OF_DAY = /\b\d\d:\d\d:\d\d\b/;
const TRAILER = /^\s*(?:\d+|[0-9a-f]{32})\s*$/i;
/** ctime's form as Snare writes it in English: `Sat Dec 05 09:12:01 2026`, the weekday, fraction and year optional */
const SUBMIT_TIME = /^(?:[A-Z][a-z]{2} )?([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?: (\d{4}))?$/;

export interface ForwardedEvent {
  block: EventBlock;
  /** the event's own time (Snare's SubmitTime), when it is in English words */
  time?: LogTime;
}

/**
 * The fields after the mark, in Snare's order, where the copy kept its tabs: found from the SubmitTime on (a layout with a field
 * more or less before it still reads).
 */
function tabbedEvent(fields: string[]): ForwardedEvent | undefined {
  let t = -1;
  for (let i = 0; i < Math.min(fields.length, 5); i++) {
    if (TIME_OF_DAY.test(fields[i]!)) {
      t = i;
      break;
    }
  }
  if (t < 0 || !/^\d+$/.test(fields[t + 1]?.trim() ?? '')) return undefined;
  const rest = fields.slice(t + 7);
  // the checksum or counter Snare may end with is no message (`… failed to log on. …\t498298`)
  if (rest.length > 1 && TRAILER.test(rest[rest.length - 1]!)) rest.pop();
  // category, the (mostly empty) data string, the message — with any tab an editor's tabify put into it
  return event(fields[t]!, fields[t + 1]!, fields[t + 2] ?? '', rest.slice(1).join(' '));
}

/**
 * A copy that turned the tabs into blanks (or some of them): criticality, log, counter, the SubmitTime up to its clock (and year), the id, the source
 * as one word (RemoteAccess, RasClient, Microsoft-Windows-Security-Auditing — a source of several words is read as its first), the
 * rest as the message (the user, type, computer and category before it are no help to read the event by its id).
 */
const BLANKED = /^\s*\d\s+\S+\s+\d+\s+(.*?\b\d\d:\d\d:\d\d(?:\.\d+)?(?:\s+\d{4})?)\s+(\d+)\s+(\S+)\s+(.*)$/;
/** the trailing counter or checksum after a sentence's end or a run of blanks (a tab was there): no part of the message */
const BLANKED_TRAILER = /(?:(?<=[.)\]])\s+|\s{2,})(?:\d{1,10}|[0-9a-f]{32})\s*$/i;

/** A Snare record's event (isSnareRecord), or undefined where its fields are not there. */
export function snareEvent(pre: Prefixed): ForwardedEvent | undefined {
  const m = pre.message;
  const after = m.slice(m.indexOf(SNARE_MARK) + SNARE_MARK.length);
  const fields = after.charCodeAt(0) === 9 ? after.slice(1).split('\t') : [];
  const tabbed = fields.length >= 8 ? tabbedEvent(fields) : undefined;
  if (tabbed) return tabbed;
  // (and where an editor's tabify left a blank for a tab one column wide, `540 Security`: by blanks and tabs alike)
  const b = BLANKED.exec(after);
  return b ? event(b[1]!, b[2]!, b[3]!, b[4]!.replace(BLANKED_TRAILER, '')) : undefined;
}

function event(submit: string, id: string, source: string, message: string): ForwardedEvent {
  const block: EventBlock = { id: Number(id), source: source.trim(), named: {}, data: [], message: message.trim() };
  const time = submitTime(submit.trim().replace(/\s+/g, ' '));
  return time ? { block, time } : { block };
}

function submitTime(text: string): LogTime | undefined {
  const m = SUBMIT_TIME.exec(text);
  const month = m ? monthOf(m[1]!) : 0;
  if (!m || month === 0) return undefined;
  const time: LogTime = { month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]) };
  if (m[7]) time.year = Number(m[7]);
  if (m[6]) time.ms = Math.floor(Number(`0.${m[6]}`) * 1000);
  return time;
}

/**
 * A line tagged with an event source (FORWARDED_EVENT_SOURCES): the event as far as its tag and message tell, no id — but the service
 * manager's (SCM_TAGS) as its source's name, with the id the syslog-ng agent puts after the message and without the agent's head.
 */
export function taggedEvent(pre: Prefixed): EventBlock {
  const source = pre.program ?? '';
  if (!SCM_TAG_SET.has(source)) return { source, named: {}, data: [], message: pre.message };
  const id = AGENT_ID.exec(pre.message);
  const message = (id ? pre.message.slice(0, id.index) : pre.message).replace(AGENT_HEAD, '').trim();
  // the text alone has no insertion strings: a 7036's two (the service, its state) where its message table's wording gives them
  const state = serviceStateParams(message);
  const known = id ? Number(id[1]) : state ? 7036 : undefined;
  return { ...(known !== undefined ? { id: known } : {}), source: 'Service Control Manager', named: {}, data: state && (known === 7036) ? state : [], message };
}

/**
 * (3) NXLog's JSON record (im_msvistalog read, to_json written, as a syslog line's text or a line of a file): the event's fields by
 * their NXLog names, one object a line — a real record forwarded to rsyslog (a blog's `tail -f /var/log/syslog`, search index file id
 * 34265486053): `Jan  2 08:15:53 HOST  {"EventTime":"2019-01-02 08:15:51","Hostname":"WIN-…",…,"EventID":7036,"SourceName":"Service
 * Control Manager",…,"Channel":"System","Message":"The nxlog service entered the running state.","param1":"nxlog","param2":"running",
 * "EventReceivedTime":…,"SourceModuleName":"eventlog","SourceModuleType":"im_msvistalog"}`. The event's named data are fields of
 * their own (`param1`, `param2`: the service manager's insertion strings, service-control-events.ts), so an SCM event about a VPN
 * service is read by its id, source and insertion strings, not its (translated) message. Told by its start: `{` then a quoted name,
 * with `"EventID":` and `"SourceName":` in it.
 */
export function isNxlogJson(text: string): boolean {
  // (a blank before it: the syslog line's empty tag, the two blanks after the host in the record above)
  const at = text.charCodeAt(0) === 32 ? 1 : 0;
  return text.charCodeAt(at) === 123 /* { */ && text.charCodeAt(at + 1) === 34 /* " */ && text.includes('"EventID":') && text.includes('"SourceName":');
}

// NXLog's own fields and the event's System part: not the event's named data
const NXLOG_FIELDS = new Set(['EventTime', 'Hostname', 'Keywords', 'EventType', 'SeverityValue', 'Severity', 'EventID', 'SourceName', 'ProviderGuid', 'Version', 'Task', 'OpcodeValue', 'RecordNumber', 'ProcessID', 'ThreadID', 'Channel', 'Message', 'EventReceivedTime', 'SourceModuleName', 'SourceModuleType', 'Category', 'Opcode', 'Domain', 'AccountName', 'UserID', 'AccountType', 'ActivityID', 'Level']);
const NXLOG_TIME = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/;

/** An NXLog JSON record's event (isNxlogJson), or undefined where it is no JSON object with a numeric EventID (a cut line). */
export function nxlogEvent(text: string): ForwardedEvent | undefined {
  let o: unknown;
  try {
    o = JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1));
  } catch {
    return undefined;
  }
  if (typeof o !== 'object' || o === null) return undefined;
  const f = o as Record<string, unknown>;
  const id = Number(f.EventID);
  if (!Number.isInteger(id) || id < 0) return undefined;
  const named: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (!NXLOG_FIELDS.has(k) && (typeof v === 'string' || typeof v === 'number')) named[k] = String(v);
  const block: EventBlock = { id, source: typeof f.SourceName === 'string' ? f.SourceName : '', named, data: [], message: typeof f.Message === 'string' ? f.Message : '' };
  // EventTime: the event's local time as NXLog writes it (YYYY-MM-DD hh:mm:ss)
  const t = typeof f.EventTime === 'string' ? NXLOG_TIME.exec(f.EventTime) : null;
  return t ? { block, time: { year: +t[1]!, month: +t[2]!, day: +t[3]!, hour: +t[4]!, minute: +t[5]!, second: +t[6]! } } : { block };
}
