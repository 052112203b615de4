import { GROUP, readRow, tableColumns, UNDERLINE, type Column } from '../../event-table';
import { step, type FamilyState, type Hit } from '../kit';
import type { EventBlock } from './windows-event-block';
import type { LogTime } from '../types';
import { monthOf } from '../prefixed';
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

/** a header row: .NET property names only, among them Message and an id column (the words event-table.ts reads columns by) */
const HEADER = /^\s*(?:(?:TimeCreated|TimeGenerated|Time|Index|Id|InstanceID|EventID|EntryType|LevelDisplayName|Level|ProviderName|Source|MachineName|Message)(?:\s+|$)){3,8}$/;
const HAS_ID = /(?:^|\s)(?:Id|InstanceID|EventID)(?:\s|$)/;

/** A line of the table's frame: the group line, the header, its underline (claims: no state needed). */
export function isEventTableFrame(text: string): boolean {
  const c = text.charCodeAt(0);
  // (a blank, a dash, or a header's first letter: T, I, E, L, P, S, M)
  if (c !== 32 && c !== 45 && c !== 84 && c !== 73 && c !== 69 && c !== 76 && c !== 80 && c !== 83 && c !== 77) return false;
  return GROUP.test(text) || (HEADER.test(text) && /\bMessage\s*$/.test(text) && HAS_ID.test(text)) || UNDERLINE.test(text);
}

/** A row under a table this log showed the frame of (claimsLeftover: rows have no shape of their own). */
export const isEventTableRow = (text: string, state: FamilyState): boolean => {
  const columns = (state[KEY] as TableState | undefined)?.columns;
  return columns !== undefined && readRow(text, columns) !== undefined;
};

export interface TableRowRead {
  hit: Hit;
  block?: EventBlock;
  time?: LogTime;
}

/** Get-EventLog's table writes its Time as `Dec 05 09:12` (its format string `MMM dd HH:mm`, assumed from its output; English month words only) */
const EVENTLOG_TIME = /^([A-Z][a-z]{2}) (\d\d) (\d\d):(\d\d)$/;

/** A row's time: Get-WinEvent's TimeCreated in the culture's date order (nps-log.ts parseEventTime), or Get-EventLog's short Time. */
function rowTime(text: string): LogTime | undefined {
  const t = parseEventTime(text, 'culture');
  if (t) return t;
  const m = EVENTLOG_TIME.exec(text);
  const month = m ? monthOf(m[1]!) : 0;
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
