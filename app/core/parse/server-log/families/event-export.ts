import { EVENT_ID_WORDS, SOURCE_WORDS } from '../../event-viewer-labels';
import { isDigit, isLetter } from '../char-codes';

/**
 * Event Viewer's "Save All Events As…" export of a log (or of a filtered view), as Text (tab-delimited) or CSV (comma-separated):
 * a header row naming five columns, then one row per event — level, date and time, source, event id, task category, and the
 * message as a sixth column the header does not name (its words are the header's own in a translated Windows). Fields are written
 * bare; a field holding the separator, a quote or a line break is quoted, its quotes doubled, so a message of several lines
 * spans several lines of the file inside its quotes. Seen so (real copies, SOURCES.md): a Sysmon rule's README quoting a tab
 * export, `Level⇥Date and Time⇥Source⇥Event ID⇥Task Category` then `Information⇥4/16/2020 3:47:36 PM⇥Microsoft-Windows-Sysmon⇥1⇥
 * Process Create (rule: ProcessCreate)⇥"Process Create:` and the message's further lines (index file id 18004781366); a CSV's
 * header `Level,Date and Time,Source,Event ID,Task Category` and rows `Information,10/7/2016 06:38:24 PM,Microsoft-Windows-
 * Security-Auditing,4658,File System` in two CSV tools' READMEs (qsv, sscsv: index file ids 17440879708, 35302054231). Every field
 * quoted (`"Information","05/12/2026 09:12:03",…`, as a script's Export-Csv writes and the brief shows) reads the same.
 *
 * What decides is the row's shape, never its words: a date and time in the second field and a number in the fourth (the event
 * id), whatever language the level, the category and the message are in. The header is known by its source and event-id
 * columns in the languages event-viewer-labels.ts has (Dutch `Bron`/`Gebeurtenis-id`, German `Quelle`/`Ereignis-ID`, French
 * `Source`/`ID de l'événement`: the export's column names assumed to be the detail view's label words, not checked against a
 * localised export).
 */

export interface ExportRow {
  level: string;
  date: string;
  source: string;
  id: number;
  message: string;
}

/** how far into a line the first field (the level: `Information`, `Avertissement`, `Audit Failure`, `Controle mislukt`) may end */
const LEVEL_MAX = 40;

/**
 * The separator a row or header would use (9 tab, 44 comma, 32 blanks), or 0 when the line cannot be one: its first field is words
 * (letters, blanks, an apostrophe or a hyphen) ended by a tab or a comma, or a quoted field followed by one — or, in a copy whose
 * tabs became blanks (a mail's or an editor's untabify, a web page's table), words then a blank and a date (`Warning 12/5/2026 …`).
 * A few characters per line: a syslog line stops at its first digit (`Jul 10 ` is no date), an ISO or IOS header at its first
 * character.
 */
export function exportSeparator(text: string): number {
  // (no level word, quoted or not, has a blank as its fourth character — a syslog header's month does, `Jul 10 …`: one read ends
  // it for the line after every syslog record, which the scan below cost explain-log ≈ 4 % of, bench log, CPU profile)
  if (text.charCodeAt(3) === 32) return 0;
  let i = 0;
  if (text.charCodeAt(0) === 34 /* " */) {
    i = text.indexOf('"', 1);
    if (i < 0 || i > LEVEL_MAX) return 0;
    i++;
  } else {
    for (; i < LEVEL_MAX; i++) {
      const c = text.charCodeAt(i);
      if (isLetter(c) || c === 32 || c === 39 || c === 45 || c > 127) continue;
      break;
    }
    if (i === 0) return 0;
  }
  const sep = text.charCodeAt(i);
  if (sep === 9 || sep === 44) return sep;
  return isDigit(sep) && text.charCodeAt(i - 1) === 32 && startsDate(text, i) ? 32 : 0;
}

/** One to four digits, then the date's `/`, `.` or `-`. */
function startsDate(text: string, at: number): boolean {
  let j = at;
  while (j < at + 4 && isDigit(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return c === 47 || c === 46 || c === 45;
}

/**
 * The row's fields: the first five, then the rest as the message (Event Viewer quotes a message that holds a comma; a bare rest is
 * taken whole, separators and all). A quoted field without its closing quote runs to the end (a row cut, or its message's end lost).
 */
export function splitExportRow(text: string, sep: number): string[] {
  const ch = String.fromCharCode(sep);
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (out.length === 5) {
      out.push(text.charCodeAt(i) === 34 ? unquote(text, i).value : text.slice(i));
      break;
    }
    if (text.charCodeAt(i) === 34) {
      const q = unquote(text, i);
      out.push(q.value);
      const next = text.indexOf(ch, q.end);
      if (next < 0) break;
      i = next + 1;
      continue;
    }
    const next = text.indexOf(ch, i);
    if (next < 0) {
      out.push(text.slice(i));
      break;
    }
    out.push(text.slice(i, next));
    i = next + 1;
  }
  return out;
}

function unquote(text: string, at: number): { value: string; end: number } {
  let value = '';
  let j = at + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return { value: value + text.slice(j), end: text.length };
    if (text.charCodeAt(q + 1) === 34) {
      value += text.slice(j, q + 1);
      j = q + 2;
      continue;
    }
    return { value: value + text.slice(j, q), end: q + 1 };
  }
}

// a date and a time as Windows writes them in the culture's short pattern (`4/16/2020 3:47:36 PM`, `5-12-2026 09:12:04`,
// `05.12.2026 09:12:04`, `2026-12-05 09:12:04`); Windows puts left-to-right marks (U+200E) around parts of a date in some cultures
// (assumed to reach an export too: taken out)
const DATE_TIME = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[ T]\d{1,2}:\d\d/;
const MARKS = /[\u200e\u200f]/g;
const ID = /^\s*\d{1,5}\s*$/;

/** An event's row (see above), or undefined when the line is not one. */
export function readExportRow(text: string): ExportRow | undefined {
  const sep = exportSeparator(text);
  if (sep === 0) return undefined;
  if (sep === 32) return blankRow(text);
  const f = splitExportRow(text, sep);
  if (f.length < 5) return undefined;
  const date = f[1]!.replace(MARKS, '').trim();
  if (!DATE_TIME.test(date) || !ID.test(f[3]!) || f[2]!.trim() === '') return undefined;
  return { level: f[0]!.trim(), date, source: f[2]!.trim(), id: Number(f[3]), message: (f[5] ?? '').trim() };
}

/**
 * A row whose tabs became blanks: the level's words, the date and time, the source up to the first number standing alone (the id:
 * a source's name has none), then the category and the message, which blanks no longer tell apart — the message is taken from its
 * opening quote where it has one, else with the category before it (assumed harmless: what is read of a message is found anywhere
 * in it, eventBlockHit).
 */
const BLANK_ROW = /^([\p{L}' -]+?)\s+(\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s+\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?(?:\s*[AaPp][Mm])?)\s+(\S.*?)\s+(\d{1,5})(?:\s+(.*))?$/su;
function blankRow(text: string): ExportRow | undefined {
  const m = BLANK_ROW.exec(text);
  if (!m) return undefined;
  const rest = m[5] ?? '';
  const quote = rest.indexOf('"');
  return { level: m[1]!.trim(), date: m[2]!.replace(/\s+/g, ' '), source: m[3]!, id: Number(m[4]), message: (quote >= 0 ? unquote(rest, quote).value : rest).trim() };
}

const SOURCE_HEAD = new RegExp(String.raw`^(?:${SOURCE_WORDS})$`, 'i');
const ID_HEAD = new RegExp(String.raw`^(?:${EVENT_ID_WORDS})$`, 'i');

/** The export's header row: 'en' for English column names, 'other' for a translated Windows' (day first, see ExportDates); else undefined. */
export function readExportHeader(text: string): 'en' | 'other' | undefined {
  const sep = exportSeparator(text);
  if (sep === 0 || sep === 32) return blankHeader(text);
  const f = splitExportRow(text, sep).map((s) => s.trim());
  if (f.length < 5 || !SOURCE_HEAD.test(f[2]!) || !ID_HEAD.test(f[3]!)) return undefined;
  return /^event ?id$/i.test(f[3]!) ? 'en' : 'other';
}

// the header whose tabs became blanks: words only, the source's and the id's column names next to each other, a category after them
const BLANK_HEADER = new RegExp(String.raw`^[\p{L}' -]+?\s(?:${SOURCE_WORDS})\s+(${EVENT_ID_WORDS})\s+[\p{L}' -]+$`, 'iu');
function blankHeader(text: string): 'en' | 'other' | undefined {
  // (a header is short and starts with a letter: other lines are not tried)
  const c = text.charCodeAt(0);
  if (text.length > 120 || !(isLetter(c) || c > 127)) return undefined;
  const m = BLANK_HEADER.exec(text.trim());
  return m ? (/^event ?id$/i.test(m[1]!) ? 'en' : 'other') : undefined;
}

/** A row or a header of an export (a header by its words: one whose tabs became blanks has no separator to find first). */
export const isExportLine = (text: string): boolean => (exportSeparator(text) !== 0 && readExportRow(text) !== undefined) || readExportHeader(text) !== undefined;

/**
 * A row whose quoted field is still open at the line's end: its message goes on on the next lines (the LineSplitter joins them,
 * detect.ts continues). By the quotes' count: a quoted field's own quotes are doubled, and a bare field has none (Event Viewer
 * quotes a field that holds one) — an odd count leaves a quote open.
 */
export function opensQuotedField(text: string): boolean {
  if (exportSeparator(text) === 0 || readExportRow(text) === undefined) return false;
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return (n & 1) === 1;
}

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/\d{4}[ T][\d:.]+\s*([AaPp][Mm])?/;

/**
 * The order of day and month in one export's dates. Dashes and dots are day first in every culture that writes them before the
 * year (nl-NL d-M-yyyy, de-DE dd.MM.yyyy), and slashes with AM/PM are en-US's M/d/yyyy (parseEventTime 'culture'). Slashes without
 * AM/PM are day first in en-GB, fr-FR and es-ES (dd/MM/yyyy) — but an English header does not tell en-GB from an en-US Windows set to
 * a 24-hour clock. So: a slashed date of the same export with a first number over 12 says day first, one with a second number over
 * 12 month first; until one does, such a date is read day first, and said to be ambiguous once. A translated header's export is day
 * first (the cultures above; assumed for the others that write slashes without AM/PM).
 */
export class ExportDates {
  private header: 'en' | 'other' | undefined;
  private monthFirst: boolean | undefined;
  private said = false;

  sawHeader(lang: 'en' | 'other'): void {
    this.header = lang;
  }

  /** How to read `date`: 'month-first' or 'culture', and whether this is the first date whose order the export leaves open. */
  order(date: string): { order: 'month-first' | 'culture'; ambiguous: boolean } {
    const m = SLASH_DATE.exec(date);
    if (!m || m[3] !== undefined) return { order: 'culture', ambiguous: false };
    const a = +m[1]!;
    const b = +m[2]!;
    if (a > 12) this.monthFirst = false;
    else if (b > 12) this.monthFirst = true;
    if (this.monthFirst !== undefined) return { order: this.monthFirst ? 'month-first' : 'culture', ambiguous: false };
    if (a === b || this.header === 'other' || this.said) return { order: 'culture', ambiguous: false };
    this.said = true;
    return { order: 'culture', ambiguous: true };
  }
}
