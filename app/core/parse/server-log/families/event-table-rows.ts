import { GROUP, readRow, tableColumns, UNDERLINE, type Column } from '../../event-table';
import { step, type FamilyState, type Hit } from '../kit';
import type { EventBlock } from './windows-event-block';
import type { LogTime } from '../types';
import { monthOf } from '../prefixed';
import { LOCALE_MONTHS } from '../header-patterns';
import { parseEventTime } from './nps-log';

/**
 * PowerShell's default table of events pasted as a server's log: `Get-WinEvent` (TimeCreated · Id · LevelDisplayName · Message,
 * grouped under `   ProviderName: RemoteAccess` lines) and `Get-EventLog` (Index · Time · EntryType · Source · InstanceID ·
 * Message) — what an admin's `Get-WinEvent -LogName System …` prints without `| Format-List`. The columns are read as the PC's
 * capture reads them (parse/event-table.ts: the header's .NET property names, which no Windows language translates, the underline's
 * dashes for where each cell lies); here line by line, the header and underline kept in the family's state for the rows below. Each
 * row is read as a pasted event by its source and id (rras.ts eventBlockHit); a message the console cut (`...`, `…`) has lost its end.
 */

interface TableState {
  provider?: string;
  header?: string;
  columns?: Column[];
}
const KEY = 'eventTable';
const tableOf = (state: FamilyState): TableState => (state[KEY] ??= {}) as TableState;

/**
 * a header row: .NET property names only, among them Message and an id column (the words event-table.ts reads columns by) — the default
 * views' and the properties a custom `Format-Table …` / `Select-Object …` table asks for of Get-WinEvent's EventLogRecord (RecordId,
 * LogName, UserId, ProcessId, TaskDisplayName) or Get-EventLog's EventLogEntry (TimeWritten, UserName, Category), in any order, and
 * the PSComputerName a remote command's objects carry (Invoke-Command: after Message, real copy in test/fixtures/real/server-logs)
 */
const HEADER =
  /^\s*(?:(?:TimeCreated|TimeGenerated|TimeWritten|Time|Index|Id|InstanceID|EventID|RecordId|EntryType|LevelDisplayName|Level|ProviderName|Source|LogName|MachineName|PSComputerName|UserName|UserId|ProcessId|TaskDisplayName|Category|Message)(?:\s+|$)){3,10}$/;
const HAS_ID = /(?:^|\s)(?:Id|InstanceID|EventID)(?:\s|$)/;
const HAS_MESSAGE = /(?:^|\s)Message(?:\s|$)/;

/** A line of the table's frame: the group line, the header, its underline (claims: no state needed). */
export function isEventTableFrame(text: string): boolean {
  const c = text.charCodeAt(0);
  // (a blank, a dash, or a header's first letter: T, I, E, R, L, P, S, M, U, C)
  if (c !== 32 && c !== 45 && c !== 84 && c !== 73 && c !== 69 && c !== 82 && c !== 76 && c !== 80 && c !== 83 && c !== 77 && c !== 85 && c !== 67) return false;
  return GROUP.test(text) || (HEADER.test(text) && HAS_MESSAGE.test(text) && HAS_ID.test(text)) || UNDERLINE.test(text);
}

/** A row under a table this log showed the frame of (claimsLeftover: rows have no shape of their own). */
export const isEventTableRow = (text: string, state: FamilyState): boolean => {
  const columns = (state[KEY] as TableState | undefined)?.columns;
  return columns !== undefined && readRow(text, columns) !== undefined;
};

/**
 * `Format-Table -Wrap` (and `-AutoSize -Wrap`) writes a message longer than its column on the lines under its row: blanks where the
 * other columns are, the next piece from the Message column on (PowerShell's table writer breaks a cell's text at blanks to the
 * column's width and fills the row's other cells of those lines with blanks; a message line of its own, an NPS message's, starts a
 * piece too). Such a line goes on the row above it, so the row's message is whole again — the error code a RasClient 20227 ends in
 * among it. Only where Message is the last column: where another follows it (Invoke-Command's PSComputerName) the pieces would be read
 * as that column's, and stay lines of their own. One blank line or two between pieces are allowed (a message's empty line, a copy
 * that doubled the line ends: assumed, no wrapped copy of such a message seen).
 */
export function continuesTableRow(pending: string, line: string, blankBefore: number, state: FamilyState): boolean {
  const columns = (state[KEY] as TableState | undefined)?.columns;
  if (columns === undefined || blankBefore > 2) return false;
  const message = columns[columns.length - 1]!;
  if (message.name !== 'message') return false;
  let text = 0;
  while (line.charCodeAt(text) === 32) text++;
  return text >= message.start && text < line.length && readRow(pending, columns) !== undefined;
}

export interface TableRowRead {
  hit: Hit;
  block?: EventBlock;
  time?: LogTime;
}

/**
 * Get-EventLog's table writes its Time as `Dec 05 09:12`: `{0:MMM} {0:dd} {0:HH}:{0:mm}` (PowerShell's DotNetTypes_format_ps1xml.cs,
 * the EventLogEntry view), the culture's abbreviated month (.NET DateTimeFormatInfo.AbbreviatedMonthNames) — read in English, as the
 * number a Japanese (Chinese, Korean) Windows writes for it (`43366 4 02 20:48    Warning     MySQL`, real copy in
 * test/fixtures/real/server-logs), and as the other languages' words the journal's month table has (header-patterns.ts
 * LOCALE_MONTHS: `Dez`, `mrt`, `okt`, any case, a trailing dot dropped) and Windows' German `Mrz` (NLS de-DE: a German Windows'
 * `2351 Mrz 25 09:41  SuccessA... Microsoft-Windows...  4624 …`, a script's help text, search index file id 2535423465). Other
 * words leave the row without its time.
 */
const EVENTLOG_TIME = /^(\p{L}{3,5}\.?|1[0-2]|[1-9]) (\d\d) (\d\d):(\d\d)$/u;
/** a month word in English, or one of LOCALE_MONTHS' (lower case, without the dot), or NLS de-DE's March */
function eventLogMonth(word: string): number {
  const english = monthOf(word);
  if (english > 0) return english;
  const w = word.toLowerCase().replace(/\.$/, '');
  return w === 'mrz' ? 3 : (LOCALE_MONTHS.get(w) ?? 0);
}

/** A row's time: Get-WinEvent's TimeCreated in the culture's date order (nps-log.ts parseEventTime), or Get-EventLog's short Time. */
function rowTime(text: string): LogTime | undefined {
  const t = parseEventTime(text, 'culture');
  if (t) return t;
  const m = EVENTLOG_TIME.exec(text);
  const month = m ? (m[1]!.charCodeAt(0) <= 57 ? Number(m[1]) : eventLogMonth(m[1]!)) : 0;
  return m && month > 0 ? { month, day: Number(m[2]), hour: Number(m[3]), minute: Number(m[4]), second: 0, minuteOnly: true } : undefined;
}

/** The table's line → what it says: a frame line as such, a row as the event block it stands for (read by the caller). */
export function readEventTableLine(text: string, state: FamilyState): TableRowRead | undefined {
  const table = tableOf(state);
  const group = GROUP.exec(text);
  if (group) {
    state[KEY] = { provider: group[1] } satisfies TableState;
    return { hit: step('eventTableGroup', { source: group[1]! }) };
  }
  if (UNDERLINE.test(text)) {
    if (table.header === undefined) return undefined;
    const columns = tableColumns(table.header, text);
    if (!columns) return undefined;
    table.columns = columns;
    return { hit: step('eventTableHead') };
  }
  if (HEADER.test(text) && HAS_ID.test(text)) {
    table.header = text;
    table.columns = undefined;
    return { hit: step('eventTableHead') };
  }
  if (!table.columns) return undefined;
  const row = readRow(text, table.columns);
  if (!row) return undefined;
  const source = row.provider ?? table.provider ?? '';
  const time = row.time ? rowTime(row.time) : undefined;
  return { hit: step('eventTableHead'), block: { id: row.id, source, named: {}, data: [], message: row.message, ...(row.cut ? { cut: true } : {}) }, ...(time ? { time } : {}) };
}
