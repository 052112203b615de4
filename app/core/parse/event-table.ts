/**
 * PowerShell's default table view of events: `Get-WinEvent` (TimeCreated · Id · LevelDisplayName ·
 * Message, grouped under `   ProviderName: X` lines) and `Get-EventLog` (Index · Time · EntryType ·
 * Source · InstanceID · Message). The column headers are .NET property names, which no Windows language
 * translates (the values — times, levels, messages — are translated). A message wider than the console
 * is cut and ends in `...` (Windows PowerShell) or `…` (PowerShell 7), so its last words, a failure's
 * error code among them, are not in the copy (a real one: test/fixtures/real/events, SOURCES.md).
 * Numbers are right-aligned to their column's underline, text left-aligned to it.
 *
 * The header's words are the format data's literal labels, never a translated resource: PowerShell's own
 * Event_Format_ps1xml.cs (Get-WinEvent's view: property columns TimeCreated, Id, LevelDisplayName, Message, no
 * label, so the property names) and DotNetTypes_format_ps1xml.cs ViewsOf_System_Diagnostics_EventLogEntry
 * (Get-EventLog's: `label: "Index"`, "Time", "EntryType", "Source", "InstanceID", "Message"; the Time cell is
 * `{0:MMM} {0:dd} {0:HH}:{0:mm}`, the culture's month word). A German Windows' copy shows it: the English header
 * over `2351 Mrz 25 09:41  SuccessA... Microsoft-Windows...  4624 Ein Konto wurde erfolgreich angemeldet...`
 * (a script's help text, search index file id 2535423465). A custom `Format-Table` / `Select-Object` table is
 * headed by the property names asked for, in the order asked, so the cells are found by the names, not by
 * their place; Invoke-Command adds PSComputerName after Message (Microsoft's Receive-PSSession example).
 */

export interface TableEvent {
  /** 0-based line of the row */
  line: number;
  provider?: string;
  id: number;
  time?: string;
  message: string;
  /** the message ends in the table's cut mark */
  cut: boolean;
}

export const UNDERLINE = /^\s*-+(?: +-+){2,9}\s*$/;
export const GROUP = /^\s*ProviderName:\s*(\S.*?)\s*$/;
const ID_HEADERS = new Set(['id', 'instanceid', 'eventid']);
/**
 * The event id in an id cell. Get-WinEvent's Id is the event's own number; Get-EventLog's InstanceID is not: it is
 * the whole 32-bit event identifier of the source's message file (.NET EventLogEntry.InstanceId, "the full number
 * identifying the message in the event message dll": `(uint)` of EVENTLOGRECORD's EventID, dotnet/runtime
 * EventLogEntry.cs), laid out Sev(2) C(1) R(1) Facility(12) Code(16) (learn.microsoft.com, windows/win32/eventlog/
 * event-identifiers) — an Error event 20271 from a message file that sets Sev is 0xC0004F2F = 3221245743. Event
 * Viewer's event id is the Code, the low 16 bits. (The obsolete EventID property is InstanceId & 0x3FFFFFFF,
 * EventLogEntry.cs: the facility stays in it, so it is masked the same way; an id of 65535 or less is unchanged.)
 */
const eventIdOf = (header: string, value: number): number => (header === 'instanceid' || header === 'eventid' ? value % 0x10000 : value);
const TIME_HEADERS = new Set(['timecreated', 'timegenerated', 'time']);
const PROVIDER_HEADERS = new Set(['providername', 'source']);
const CUT = /(?:\.\.\.|…)$/;

export interface Column {
  name: string;
  start: number;
  /** one past the underline's last dash */
  end: number;
}

/** Whether the lines hold an event table: an underline under a header naming an id and a message. */
export function isEventTable(lines: readonly string[]): boolean {
  return lines.some((l, i) => UNDERLINE.test(l) && tableColumns(lines[i - 1] ?? '', l) !== undefined);
}

export function tableColumns(header: string, underline: string): Column[] | undefined {
  const columns: Column[] = [];
  for (const m of underline.matchAll(/-+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    columns.push({ name: header.slice(start, end).trim().toLowerCase(), start, end });
  }
  const names = columns.map((c) => c.name);
  return names.includes('message') && names.some((n) => ID_HEADERS.has(n)) ? columns : undefined;
}

/** Every row of every event table in the lines, with the provider of its group. */
export function readEventTables(lines: readonly string[]): TableEvent[] {
  const out: TableEvent[] = [];
  let provider: string | undefined;
  let columns: Column[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const group = GROUP.exec(line);
    if (group) {
      provider = group[1];
      columns = undefined;
      continue;
    }
    if (UNDERLINE.test(line)) {
      columns = tableColumns(lines[i - 1] ?? '', line);
      continue;
    }
    if (!columns) continue;
    if (line.trim() === '') {
      columns = undefined; // a table ends at its first blank line
      continue;
    }
    const row = readRow(line, columns);
    if (row) out.push({ line: i, ...(provider !== undefined && row.provider === undefined ? { provider } : {}), ...row });
  }
  return out;
}

/**
 * The console's cells of a wide character: PowerShell pads a table's columns to the console's buffer cells, and an East Asian wide
 * or fullwidth character (a Chinese or Japanese Windows' level, month or message: `错误`, `3月`) takes two (assumed from the Unicode
 * East Asian Width ranges, as wcwidth implementations count them; not checked against a localised console), so the row's text after
 * one lies a character left of the header's place per such character. A NUL after each stands in for its second cell.
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud840-\ud87f][\udc00-\udfff]/g;
const HALF_CELL = '\u0000';
const HAS_WIDE = new RegExp(WIDE.source);
const inCells = (line: string): string => (HAS_WIDE.test(line) ? line.replace(WIDE, (c) => c + HALF_CELL) : line);
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
/** standalone numbers (blank or the line's edge on both sides) */
const NUMBER_TOKEN = /(?<![^\s])\d+(?![^\s])/g;

/**
 * Where a number cell lies: right-aligned, ending at its underline's end (moved by `shift`, what the cells before it ran over).
 * Where it does not (a cell before it longer than its column — a long provider name, a wide id in a custom table — pushed it right),
 * the standalone number after the cell before it whose end is nearest to that place.
 */
function numberCell(line: string, end: number, after: number): { start: number; end: number } | undefined {
  const m = /\d+$/.exec(line.slice(0, end));
  if (m && m.index > after && !/\d/.test(line[end] ?? '') && (m.index === 0 || isBlank(line[m.index - 1]))) return { start: m.index, end };
  let best: { start: number; end: number } | undefined;
  for (const t of line.matchAll(NUMBER_TOKEN)) {
    if (t.index <= after) continue;
    const e = t.index + t[0].length;
    if (!best || Math.abs(e - end) < Math.abs(best.end - end)) best = { start: t.index, end: e };
    if (e > end) break;
  }
  return best;
}

/**
 * A row's cells, by the header's places (`columns`, from the underline) and the blanks between cells: a number ends at its column's
 * end, text starts at its column's start — each moved by as much as the cells before it ran over their columns (a Source or
 * ProviderName longer than its column, PowerShell's wide characters: inCells). A text column's start that falls inside a word is
 * inside the cell before it, which ran over: the cell starts at the next word then.
 */
export function readRow(raw: string, columns: Column[]): Omit<TableEvent, 'line'> | undefined {
  const line = inCells(raw);
  const starts: number[] = [];
  const ids: (number | undefined)[] = [];
  let shift = 0;
  for (const c of columns) {
    const after = starts.length > 0 ? starts[starts.length - 1]! : -1;
    if (ID_HEADERS.has(c.name) || c.name === 'index') {
      const cell = numberCell(line, c.end + shift, after);
      if (!cell) return undefined;
      shift = cell.end - c.end;
      starts.push(cell.start);
      ids.push(eventIdOf(c.name, Number(line.slice(cell.start, cell.end))));
    } else {
      let start = Math.max(c.start + shift, after + 1);
      if (start > 0 && start < line.length && !isBlank(line[start - 1]) && !isBlank(line[start])) {
        // the cell before ran over into this column: this one starts at the next word (a text cell without one is empty)
        const next = /[ \t]+/g;
        next.lastIndex = start;
        const gap = next.exec(line);
        start = gap ? gap.index + gap[0].length : line.length;
        shift = start - c.start;
      }
      starts.push(start);
      ids.push(undefined);
    }
  }
  const cell = (k: number) => line.slice(starts[k], k + 1 < columns.length ? starts[k + 1] : undefined).replaceAll(HALF_CELL, '').trim();
  const at = (names: Set<string> | string) => columns.findIndex((c) => (typeof names === 'string' ? c.name === names : names.has(c.name)));
  const idAt = at(ID_HEADERS);
  const id = ids[idAt];
  if (id === undefined) return undefined;
  const message = cell(at('message'));
  const row: Omit<TableEvent, 'line'> = { id, message: message.replace(CUT, '').trimEnd(), cut: CUT.test(message) };
  const timeAt = at(TIME_HEADERS);
  if (timeAt >= 0 && cell(timeAt)) row.time = cell(timeAt);
  const providerAt = at(PROVIDER_HEADERS);
  if (providerAt >= 0 && cell(providerAt)) row.provider = cell(providerAt);
  return row;
}
