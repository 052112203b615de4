import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { RAS_EVENT_KINDS, type RasEvent } from '../model/ras-event';
import { isFormatList, listElements, readFormatList, type ListedObject } from './event-format-list';
import { isEventTable, readEventTables } from './event-table';
import { DATE_WORDS, DESCRIPTION_WORDS, EVENT_ID_WORDS, SOURCE_WORDS } from './event-viewer-labels';
import { nameAndValue } from './linear-text';

/** the connection attempt's id at the start of a RasClient message (`CoId={8A0F…}:`), wherever the message came from */
const CO_ID = /CoId=(\{[0-9A-F-]+\})/i;

/**
 * RasClient events from what people and the collector give us: `wevtutil qe … /f:text`, Event
 * Viewer "Copy details as text" (header block + "Event Xml:"), bare message lines, the same pasted
 * with Markdown ">" quotes, raw `<Event>` XML, Get-WinEvent / Get-EventLog ConvertTo-Json, their
 * Format-List (event-format-list.ts) and their default table view (event-table.ts).
 * The message prose is localised and changed between builds ("which has" / "that has"), so the
 * error code comes from the insertion strings (<Data>, Properties, ReplacementStrings) and only
 * when none exist from the last number of the message.
 */

const ID_LABEL = new RegExp(`^(?:${EVENT_ID_WORDS})$`, 'i');
const SOURCE_LABEL = new RegExp(`^(?:${SOURCE_WORDS})$`, 'i');
const DATE_LABEL = new RegExp(`^(?:${DATE_WORDS})$`, 'i');
const DESC_LABEL = new RegExp(`^(?:${DESCRIPTION_WORDS})$`, 'i');

interface Rec {
  /** 0-based first line */
  start: number;
  lines: string[];
  /** the record is a message line alone (no header, no CoId): its first line is the description */
  bare?: boolean;
}

export function parseRasEvents(text: string, source = 'rasclient-events.txt'): ParseResult<RasEvent[]> {
  const problems: Problem[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(body)) return parseEventJson(body, source);
  const lines = unquote(body.split(/\r\n|\n|\r/));
  if (isFormatList(lines)) return parseFormatList(lines, source);
  if (isEventTable(lines)) return parseEventTable(lines, source);
  const events: RasEvent[] = [];
  for (const rec of splitRecords(lines)) {
    const e = readRecord(rec, source, problems);
    if (e) events.push(e);
  }
  if (events.length === 0 && body.trim() !== '' && problems.length === 0) problems.push(problemAt(source, undefined, 'events.noEvent'));
  return { value: events, problems };
}

/** Markdown quotes: when most lines start with ">", strip one level. */
function unquote(lines: string[]): string[] {
  const filled = lines.filter((l) => l.trim() !== '');
  const quoted = filled.filter((l) => /^\s*>/.test(l)).length;
  return quoted > 0 && quoted >= filled.length / 2 ? lines.map((l) => l.replace(/^\s*>\s?/, '')) : lines;
}

function splitRecords(lines: string[]): Rec[] {
  const isEventHeader = (l: string) => /^\s*Event\[\d+\]:?\s*$/.test(l);
  const isLogName = (l: string) => /^\s*(log name|protokollname|logboeknaam|nom du journal|nombre de registro|журнал|日志名称|ログの?名前?|로그 이름)\s*:/i.test(l);
  let starts: number[];
  if (lines.some(isEventHeader)) starts = indexes(lines, isEventHeader);
  else if (lines.some(isLogName)) starts = indexes(lines, isLogName);
  else if (lines.some((l) => /<Event[\s>]/.test(l))) starts = indexes(lines, (l) => /<Event[\s>]/.test(l));
  else if (lines.some((l) => /^\s*CoId=/i.test(l))) starts = indexes(lines, (l) => /^\s*CoId=/i.test(l));
  else return bareMessages(lines);
  return starts.map((s, i) => ({ start: s, lines: lines.slice(s, starts[i + 1] ?? lines.length) }));
}

/**
 * Message lines without the `CoId=` prefix (builds before it, or a copy that began after it): only
 * the wording of the two messages people paste most tells them, as inferId reads it.
 */
function bareMessages(lines: string[]): Rec[] {
  const starts = indexes(lines, (l) => inferId(l) !== undefined);
  return starts.map((s, i) => ({ start: s, lines: lines.slice(s, starts[i + 1] ?? lines.length), bare: true }));
}

function indexes(lines: string[], pred: (l: string) => boolean): number[] {
  return lines.flatMap((l, i) => (pred(l) ? [i] : []));
}

function readRecord(rec: Rec, source: string, problems: Problem[]): RasEvent | null {
  const line = rec.start + 1;
  const joined = rec.lines.join('\n');
  const xml = readXml(joined);
  if (xml.cut) problems.push(problemAt(source, line, 'events.xmlCut'));
  let id = xml.id;
  let provider = xml.provider;
  let time = xml.time;
  const desc: string[] = [];
  let inDesc = rec.bare === true;
  for (const l of rec.lines) {
    const t = l.trim();
    if (/^Event Xml:|^<\?xml|^<Event[\s>]/i.test(t)) break;
    if (/^Event\[\d+\]:?$/.test(t)) continue;
    if (!inDesc && !/^CoId=/i.test(t)) {
      const m = /^([^:<>]{1,40}?)\s*:\s*(.*)$/.exec(t);
      if (m) {
        const label = m[1]!.trim();
        if (ID_LABEL.test(label)) id ??= toInt(m[2]);
        else if (SOURCE_LABEL.test(label)) provider ??= m[2]!.trim();
        else if (DATE_LABEL.test(label)) time ??= m[2]!.trim();
        else if (DESC_LABEL.test(label)) {
          inDesc = true;
          if (m[2]!.trim()) desc.push(m[2]!.trim());
        }
        continue;
      }
    }
    if (/^CoId=/i.test(t)) inDesc = true;
    if (inDesc && (t !== '' || desc.length)) desc.push(t);
  }
  const message = desc.join('\n').trim();
  if (provider && !/rasclient/i.test(provider)) return null;
  const first = message.split('\n')[0] ?? '';
  let idInferred = false;
  if (id === undefined) {
    id = inferId(message);
    idInferred = true;
  }
  if (id === undefined && !/CoId=/i.test(message) && xml.data.length === 0) {
    if (rec.lines.some((l) => l.trim() !== '')) problems.push(problemAt(source, line, 'events.noIdNoMessage'));
    return null;
  }
  const kind = id !== undefined ? (RAS_EVENT_KINDS[id] ?? 'other') : codeAtEnd(first) !== undefined ? 'failed' : 'other';
  const event: RasEvent = { type: 'rasclient', id: id ?? null, kind, file: source, line, text: (message || joined).slice(0, 400) };
  if (time) event.time = time;
  if (xml.recordId !== undefined) event.recordId = xml.recordId;
  const coId = CO_ID.exec(message)?.[1] ?? (xml.data[0] && /^\{[0-9A-F-]+\}$/i.test(xml.data[0]) ? xml.data[0] : undefined);
  if (coId) event.coId = coId;
  fillFromMessage(event, first);
  if (id === 20227 && xml.data.length >= 4) {
    event.user = xml.data[1];
    event.entryName = xml.data[2];
  }
  if (kind === 'failed' || kind === 'terminated' || kind === 'disconnected') {
    const fromData = [...xml.data].reverse().find((d) => /^\d+$/.test(d.trim()));
    const fromText = codeAtEnd(first);
    if (fromData !== undefined) Object.assign(event, { errorCode: Number(fromData), codeFrom: 'eventdata' });
    else if (fromText !== undefined) Object.assign(event, { errorCode: Number(fromText), codeFrom: 'message' });
    else if (kind !== 'disconnected') problems.push(id === undefined ? problemAt(source, line, 'events.failureWithoutCode') : problemAt(source, line, 'events.eventWithoutCode', { id }));
  }
  if (id === 20221) event.settings = readSettings(message);
  if (idInferred && id === undefined) problems.push(problemAt(source, line, 'events.idInferred'));
  return event;
}

/**
 * The error code ending a failure message, in any language: the last number standing after a space,
 * followed by at most a short word and the sentence's end — "… failure is 809." (en), "…
 * 失败后返回的错误代码为 809。" (zh, test/fixtures/real/events), "… コードは 691 です。" (ja, assumed).
 * A number glued to a word ("user PC\\anna1.") is a name, not a code.
 */
const CODE_AT_END = /(?:^|\s)(\d{1,5})(?:\s*\p{L}{1,4})?\s*[.\u3002\uff0e]?\s*$/u;

export function codeAtEnd(line: string): string | undefined {
  return CODE_AT_END.exec(line.trimEnd())?.[1];
}

/** English wording of the two messages people paste most; anything else needs the Event ID. */
function inferId(message: string): number | undefined {
  if (/dialed a connection named .* (which|that) has failed/i.test(message)) return 20227;
  if (/has started dialing/i.test(message)) return 20221;
  return undefined;
}

function fillFromMessage(event: RasEvent, first: string): void {
  const m = /The user (.+?) (?:dialed|has started dialing) a (?:VPN )?connection (?:using a [\w-]+ connection profile )?named (.+?)(?: (?:which|that) has failed|\. The connection settings)/i.exec(first);
  if (m) {
    event.user = m[1];
    event.entryName = m[2];
  }
}

function readSettings(message: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of message.split('\n').slice(1)) {
    const m = nameAndValue(l);
    if (m) out[m[0]] = m[1].replace(/\.$/, '');
  }
  return out;
}

interface XmlPart {
  id?: number;
  provider?: string;
  time?: string;
  recordId?: number;
  data: string[];
  cut: boolean;
}

function readXml(text: string): XmlPart {
  const start = text.search(/<Event[\s>]/);
  if (start < 0) return { data: [], cut: false };
  const xml = text.slice(start);
  const data = [...xml.matchAll(/<Data(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/Data>)/g)].map((m) => unescapeXml(m[1] ?? ''));
  return {
    id: toInt(/<EventID[^>]*>\s*(\d+)\s*<\/EventID>/.exec(xml)?.[1]),
    provider: /<Provider\s+Name=["']([^"']+)/.exec(xml)?.[1],
    time: /<TimeCreated\s+SystemTime=["']([^"']+)/.exec(xml)?.[1],
    recordId: toInt(/<EventRecordID>\s*(\d+)/.exec(xml)?.[1]),
    data,
    cut: !/<\/Event>/.test(xml),
  };
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function toInt(v: string | undefined): number | undefined {
  return v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined;
}

/**
 * Format-List of Get-EventLog (EventID, Source, Message, ReplacementStrings, TimeGenerated, Index)
 * or Get-WinEvent (Id, ProviderName, Message, TimeCreated, RecordId; its Properties print as type
 * names, so only the message is left there).
 */
function parseFormatList(lines: string[], source: string): ParseResult<RasEvent[]> {
  const problems: Problem[] = [];
  const events = readFormatList(lines).flatMap((o, i) => fromEventObject(listedEvent(o, i + 1), source, problems));
  if (events.length === 0) problems.push(problemAt(source, undefined, 'events.noEvent'));
  return { value: events, problems };
}

/**
 * The table view of Get-WinEvent or Get-EventLog: id, time and the message's start of each row. A
 * message the table cut (`...`) lost its end, a failure's code with it: named as such, not as a
 * failure without a code.
 */
function parseEventTable(lines: string[], source: string): ParseResult<RasEvent[]> {
  const problems: Problem[] = [];
  const events = readEventTables(lines).flatMap((row, i) => {
    const object: EventObject = { provider: row.provider ?? 'RasClient', id: row.id & 0xffff, message: row.message, props: [], n: i + 1, line: row.line + 1, cut: row.cut };
    if (row.time) object.time = row.time;
    return fromEventObject(object, source, problems).map((e) => {
      const coId = CO_ID.exec(row.message)?.[1];
      return coId ? { ...e, coId } : e;
    });
  });
  if (events.length === 0) problems.push(problemAt(source, undefined, 'events.noEvent'));
  return { value: events, problems };
}

function listedEvent(o: ListedObject, n: number): EventObject {
  const one = (...names: string[]) => names.map((k) => o.props.get(k)).find((v) => v !== undefined && v.join('') !== '');
  // a value wrapped at the console width continues on the next line: words are joined by a space
  const text = (...names: string[]) => one(...names)?.join(' ');
  const rawId = Number(text('EventID', 'Id', 'InstanceId'));
  const id = Number.isInteger(rawId) ? rawId & 0xffff : null;
  const object: EventObject = { provider: text('Source', 'ProviderName') ?? 'RasClient', id, message: one('Message')?.join('\n') ?? '', text: text('Message') ?? '', props: listedProps(text('ReplacementStrings') ?? '', id), n, line: o.start + 1 };
  const time = text('TimeGenerated', 'TimeCreated');
  if (time) object.time = time;
  const record = Number(text('RecordId', 'Index'));
  if (Number.isInteger(record)) object.recordId = record;
  return object;
}

/**
 * ReplacementStrings as Format-List prints them, split at ", ": 20227's are [CoId, user, connection,
 * code] (windows-reference.md §8), so a connection name holding ", " is the elements between the
 * user and the code, joined again. A list cut short (`{a, b, c, d...}`: more elements than
 * $FormatEnumerationLimit, 4 by default — Microsoft Learn, about_Preference_Variables) keeps only
 * its first element, the CoId; the code then comes from the message.
 */
function listedProps(value: string, id: number | null): string[] {
  const { elements, cut } = listElements(value);
  // past $FormatEnumerationLimit the list is cut: positions from its end would name the wrong value
  if (cut) return elements.slice(0, 1);
  if (id !== 20227 || elements.length <= 4) return elements;
  return [elements[0]!, elements[1]!, elements.slice(2, -1).join(', '), elements[elements.length - 1]!];
}

/** Get-WinEvent (Id, ProviderName, TimeCreated, Message, Properties[].Value) or Get-EventLog (EventID/InstanceId, Source, ReplacementStrings). */
function parseEventJson(body: string, source: string): ParseResult<RasEvent[]> {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { value: [], problems: [problemAt(source, undefined, 'events.jsonNotReadable', { error: (e as Error).message })] };
  }
  const problems: Problem[] = [];
  const items = (Array.isArray(data) ? data : [data]).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  const events = items.flatMap((x, i): RasEvent[] => {
    const rawId = Number(x.Id ?? x.EventID ?? x.InstanceId);
    const object: EventObject = {
      provider: String(x.ProviderName ?? x.Source ?? 'RasClient'),
      id: Number.isInteger(rawId) ? rawId & 0xffff : null,
      message: typeof x.Message === 'string' ? x.Message : '',
      props: Array.isArray(x.Properties) ? x.Properties.map((p) => String((p as { Value?: unknown })?.Value ?? '')) : Array.isArray(x.ReplacementStrings) ? x.ReplacementStrings.map(String) : [],
      n: i + 1,
      line: 1,
    };
    const time = jsonTime(x.TimeCreated ?? x.TimeGenerated);
    if (time) object.time = time;
    if (typeof x.RecordId === 'number') object.recordId = x.RecordId;
    return fromEventObject(object, source, problems);
  });
  return { value: events, problems };
}

/** One event object of PowerShell (JSON or Format-List): read by its id and insertion strings, the message only for the text. */
interface EventObject {
  provider: string;
  id: number | null;
  /** the message with its line breaks */
  message: string;
  /** the message as evidence shows it, when not the message itself (Format-List's wrapped lines, joined) */
  text?: string;
  /** insertion strings in order (Properties[].Value, ReplacementStrings) */
  props: string[];
  time?: string;
  recordId?: number;
  /** 1-based position among the objects, and the line it starts on */
  n: number;
  line: number;
  /** the message was cut by a table view (its end, and a failure's code, are not in the copy) */
  cut?: boolean;
}

function fromEventObject(o: EventObject, source: string, problems: Problem[]): RasEvent[] {
  if (!/rasclient/i.test(o.provider)) return [];
  const kind = o.id !== null ? (RAS_EVENT_KINDS[o.id] ?? 'other') : 'other';
  const e: RasEvent = { type: 'rasclient', id: o.id, kind, file: source, line: o.line, text: (o.text ?? o.message).slice(0, 400) || `event ${o.n}` };
  if (o.time) e.time = o.time;
  if (o.recordId !== undefined) e.recordId = o.recordId;
  if (o.props[0] && /^\{[0-9A-F-]+\}$/i.test(o.props[0])) e.coId = o.props[0];
  if (o.id === 20227 && o.props.length >= 4) Object.assign(e, { user: o.props[1], entryName: o.props[2] });
  if (kind === 'failed' || kind === 'terminated') {
    const fromProps = [...o.props].reverse().find((p) => /^\d+$/.test(p.trim()));
    // a message wrapped by Format-List ends its first line anywhere: the code is the message's last number
    const fromText = codeAtEnd(o.message.replace(/\s+/g, ' '));
    if (fromProps !== undefined) Object.assign(e, { errorCode: Number(fromProps), codeFrom: 'eventdata' });
    else if (fromText !== undefined) Object.assign(e, { errorCode: Number(fromText), codeFrom: 'message' });
    else if (o.cut) problems.push(problemAt(source, o.line, 'events.tableMessageCut', { id: String(o.id) }));
    else problems.push(problemAt(source, undefined, 'events.jsonWithoutCode', { n: o.n, id: String(o.id) }));
  }
  if (o.id === 20221) e.settings = readSettings(o.message.replace(/\r\n/g, '\n'));
  return [e];
}

/** "/Date(1514144293426)/" (Windows PowerShell 5) or an ISO string (PowerShell 7). */
function jsonTime(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const ms = /\/Date\((-?\d+)/.exec(v)?.[1];
    return ms ? new Date(Number(ms)).toISOString() : v;
  }
  if (typeof v === 'object' && v !== null && 'DateTime' in v) return String((v as { DateTime: unknown }).DateTime);
  return undefined;
}
