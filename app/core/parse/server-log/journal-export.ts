import { CatNumbers, catNumberEnd, lastCatNumber } from './cat-numbers';
import { binaryValue, entryTime, journalEntry, LINE_BREAKS, NOT_JSON, parsedJson, parseObject, shortLine, type Fields } from './journal-entry';
import { isDigit, isUpper } from './char-codes';

/**
 * The systemd journal's structured output modes, read as the records they carry: each entry becomes the line `journalctl -o
 * short-iso-precise` prints for it — time, host, program[pid], message — so every family's parser reads the same record it
 * reads from journalctl's plain output. Before, a help desk's `journalctl -o json` paste was "not understood" line by line.
 *
 * The shapes (systemd docs/JOURNAL_EXPORT_FORMATS.md, "Journal Export Format" and "Journal JSON Format"; man journalctl
 * `--output`; src/shared/logs-show.c output_json, output_verbose, output_export):
 * - `-o json`: one object per line; a value is a string, an array of byte numbers (a field "that contains non-printable or
 *   non-UTF8" data: a binary message, one with a terminal's colour codes), null (larger than JSON_THRESHOLD, 4096 bytes, without
 *   `--all`), or an array of those when the field is set more than once in the entry.
 * - `-o json-seq`: the same object after an RS (0x1E), RFC 7464; `-o json-sse`: after `data: `; `-o json-pretty`: the object over several lines, `{` and `}`
 *   alone on theirs, one member per line (and, from systemd's json_variant_dump, an array's numbers one per line).
 * - `-o verbose`: a header `Sat 2026-12-05 09:12:01.123456 CET [s=…;i=…;…]` (format_timestamp's `%a %Y-%m-%d %H:%M:%S.%06u %Z`,
 *   then the cursor), then each field as `    FIELD=value`; a value's further lines are indented under it (print_multiline),
 *   and a binary one says `[N blob data]`.
 * - `-o export`: `FIELD=value` lines, a blank line after each entry; a field that holds a control character or a newline is
 *   written as its name alone on a line, a 64-bit little-endian size, the bytes, a newline. A pasted or saved copy loses that
 *   size's NUL bytes (chunk-lines.ts withoutNuls takes them out), so the size is read back from what is left (binaryValue).
 *
 * Fields as logs-show.c output_short takes them: time from __REALTIME_TIMESTAMP (microseconds since the epoch — UTC, so the
 * line says `+00:00`, and, as an RFC 3339 header's offset is, the time is kept as written: correlate.ts finds any zone step),
 * host _HOSTNAME, program SYSLOG_IDENTIFIER else _COMM else `unknown`, pid _PID else SYSLOG_PID, message MESSAGE (a message of
 * several lines joined by blanks, as lines.ts joins a record's continuation lines; colour codes taken out, as
 * strip_tab_ansi does). Every other field is ignored. A field set twice counts by its first value (assumed: output_short keeps
 * the last its loop sees, in an order the format leaves undefined).
 *
 * Streamed: a multi-line entry's lines are held until it ends (a `}`, the next unindented line, a blank line), at most
 * MAX_HELD_LINES; an entry that turns out not to be one (a line no such entry has) hands its lines on as they were. An object
 * that does not parse, or that is no journal entry, is left to the line reader (counted as an unknown line, never thrown) —
 * a pretty object that does not parse as one record.
 *
 * A copy of these modes is read as they are: shifted (a Markdown code block's four blanks, a tab), numbered (`cat -n`, an
 * editor's or `grep -n`'s numbers: cat-numbers.ts) or double-spaced (an empty line after every line; told from export's own
 * blank line between entries by the line after it — JournalShapes indent, numbers, gap). An entry whose message journalctl
 * left out (a null MESSAGE, `[N blob data]`) is understood as that, with what to run again (journal-left-out.ts leftOutHit).
 */

export interface JournalSink {
  /** a physical line that is no part of a journal entry after all: read as any line */
  line(text: string): void;
  /**
   * one entry as journalctl's short-iso-precise line; `lines`: the physical lines it took (none of them handed on); `leftOut`:
   * its MESSAGE was null, a field journalctl's JSON writer left out (see journal-left-out.ts leftOutHit)
   */
  record(text: string, lines: number, leftOut: boolean): void;
}

const MAX_HELD_LINES = 4096;
const IDLE = 0;
const PRETTY = 1;
const VERBOSE = 2;
const EXPORT = 3;


/** `Sat 2026-12-05 09:12:01.123456 CET [s=…]`: weekday (systemd's own English table, not the locale's), date, time, zone word, cursor */
const VERBOSE_HEAD = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d{1,6})?) (\S+) \[s=[^\]]*\]\s*$/;
/** a verbose field line; the name as journal_field_valid allows it (upper case, digits, underscores) */
const VERBOSE_FIELD = /^ {4}([A-Z0-9_]+)=(.*)$/;
const EXPORT_FIELD = /^([A-Z0-9_]+)=(.*)$/;
const BARE_NAME = /^[A-Z0-9_]+$/;

const isBlankText = (s: string): boolean => s.length === 0 || s.trim() === '';
/** what a copy puts before every line: blanks, tabs, and the zero-width space a web page puts after each line break (typography.ts) */
const isLead = (c: number): boolean => c === 32 || c === 9 || c === 0x200b;

export class JournalShapes {
  private mode = IDLE;
  /** the entry's lines as its mode reads them: without the copy's line number and indent, a double-spaced copy's blank lines left out */
  private held: string[] = [];
  /** the entry's physical lines as read, every one: handed on as they were when the lines turn out to be no entry (release) */
  private raw: string[] = [];
  /**
   * Blank lines after the entry's last line (verbose, export), not yet known to be in it or after it: the next line says. A
   * field line of the entry after them (an export's field other than its first, `__CURSOR=`; a verbose entry's indented field)
   * makes the copy double-spaced — an empty line after every line, a web page's or a twice-converted copy's (lines.ts reads
   * a plain log's so) — and they its lines; anything else, and the entry ended before them.
   */
  private gap = 0;
  /** verbose: the header's time as written */
  private headTime: string | undefined;
  /**
   * The shape of the copy the entries came in, decided on an entry's first line and kept while the lines carry it: the blanks
   * every line is shifted by (a Markdown code block's four, a tab), after a line number when the copy is numbered (`cat -n`,
   * an editor's, `grep -n`: cat-numbers.ts, each line the next number). The lines' reader (lines.ts outdent, CatNumbers) undoes
   * the same for a plain log; a journal entry's lines are read here, before it, as their blanks and blank lines are its syntax.
   */
  private indent = 0;
  private numbers: CatNumbers | undefined;

  constructor(private readonly sink: JournalSink) {}

  /** Whether an entry's lines are held (every line must come here then, whatever its chunk's hints say): a field, read per line */
  busy = false;

  /** One physical line; false: not a journal entry's, read it as any line (after whatever this line ended was handed on). */
  take(line: string): boolean {
    let text = line;
    if (this.numbers !== undefined || this.indent !== 0) {
      const cut = this.cut(line);
      if (cut === undefined) {
        // the copy's shape ends here, and with it the entry
        this.finish();
        this.numbers = undefined;
        this.indent = 0;
        return this.start(line, line);
      }
      text = cut;
    }
    switch (this.mode) {
      case PRETTY:
        return this.pretty(text, line);
      case VERBOSE:
        return this.verbose(text, line);
      case EXPORT:
        return this.exported(text, line);
      default:
        return this.start(text, line);
    }
  }

  /** The input ended: an entry still open is read as far as it goes (verbose, export) or handed on (an unclosed object). */
  end(): void {
    this.finish();
  }

  /** The entry open ends here: read (verbose, export) or handed on (an object not closed), then the blank lines after it. */
  private finish(): void {
    if (this.mode === VERBOSE) this.finishVerbose();
    else if (this.mode === EXPORT) this.finishExport();
    else if (this.mode === PRETTY) this.release();
    for (; this.gap > 0; this.gap--) this.sink.line('');
  }

  /** The line without the copy's number and indent ('' for a blank line), or undefined: the line does not carry them. */
  private cut(line: string): string | undefined {
    let s = line;
    if (this.numbers !== undefined) {
      s = this.numbers.strip(line);
      if (this.numbers.off) return undefined;
    }
    for (let i = 0; i < this.indent; i++) {
      const c = s.charCodeAt(i);
      // (a blank line, or one whose blanks the copy trimmed, has no indent to cut)
      if (!isLead(c)) return isBlankText(s) ? '' : undefined;
    }
    return this.indent === 0 ? s : s.slice(this.indent);
  }

  /** `text`: the line without the copy's number and indent, when a copy's shape is known; else the line as read. */
  private start(text: string, line: string): boolean {
    if (this.startOf(text, line)) return true;
    this.doubled = false;
    return false;
  }

  private startOf(text: string, line: string): boolean {
    if (this.numbers !== undefined || this.indent !== 0) {
      // a line of the copy between its entries: the next entry, a blank line (handed on as one, its number gone), or the copy ends
      if (this.begin(text, line)) return true;
      if (isBlankText(text)) {
        this.sink.line('');
        return true;
      }
      this.numbers = undefined;
      this.indent = 0;
      return false;
    }
    // an entry's first line decides the copy's shape: its line number, then its blanks (a plain log's line, led by a letter, is
    // read at once)
    const c = line.charCodeAt(0);
    let number = -1;
    let at = 0;
    if (c === 32 || c === 9 || isDigit(c) || c === 0x200b) {
      number = c === 9 || c === 0x200b ? -1 : catNumberEnd(line, true);
      at = number < 0 ? 0 : number;
      const numberAt = at;
      for (let b = line.charCodeAt(at); isLead(b); b = line.charCodeAt(++at));
      if (at === 0) return false;
      const n = lastCatNumber();
      if (!this.begin(line.slice(at), line)) return false;
      if (number >= 0) this.numbers = new CatNumbers(true, n + 1);
      this.indent = at - numberAt;
      return true;
    }
    return this.begin(line, line);
  }

  /** Whether `text` begins a journal entry (held, or read at once: a one-line JSON object). */
  private begin(text: string, line: string): boolean {
    let c = text.charCodeAt(0);
    // json-seq's record separator before the object (RFC 7464); json-sse's `data: ` (a server-sent event, a blank line after it)
    if (c === 30) {
      text = text.slice(1);
      c = text.charCodeAt(0);
    } else if (c === 100 /* d */ && text.startsWith('data: {')) {
      text = text.slice(6);
      c = 123;
    }
    if (c === 123 /* { */) {
      const rest = text.trimEnd();
      if (rest === '{') return this.hold(PRETTY, text, line);
      const entry = rest.charCodeAt(rest.length - 1) === 125 ? parseObject(rest) : undefined;
      if (!entry) return false;
      this.emit(entryTime(entry), entry, 1);
      return true;
    }
    if (c === 95 /* _ */ && (text.startsWith('__CURSOR=') || text.startsWith('__REALTIME_TIMESTAMP='))) {
      this.inBinary = false;
      return this.hold(EXPORT, text, line);
    }
    if (isUpper(c) && text.charCodeAt(3) === 32 && text.charCodeAt(8) === 45) {
      const head = VERBOSE_HEAD.exec(text);
      if (head) {
        // the zone is a word (`CET`): dropped, the wall time kept as an RFC 3339 header's is; UTC said as such
        this.headTime = `${head[1]}T${head[2]}${head[3] === 'UTC' || head[3] === 'GMT' ? '+00:00' : ''}`;
        return this.hold(VERBOSE, text, line);
      }
    }
    return false;
  }

  private emit(time: string | undefined, fields: Fields, lines: number): void {
    this.sink.record(shortLine(time, fields), lines, fields.MESSAGE === null);
  }

  private hold(mode: number, text: string, line: string): true {
    this.mode = mode;
    this.busy = true;
    this.held.push(text);
    this.raw.push(line);
    return true;
  }

  /** A line of the entry: the blank lines before it were its own (a double-spaced copy). */
  private push(text: string, line: string): true {
    for (; this.gap > 0; this.gap--) this.raw.push('');
    this.held.push(text);
    this.raw.push(line);
    return true;
  }

  /** The held lines handed on as they were read (not an entry after all). */
  private release(): void {
    const raw = this.raw;
    this.done();
    for (const l of raw) this.sink.line(l);
  }

  /** The entry's lines (as its mode reads them) and how many physical lines it took; nothing held any more. */
  private done(): [string[], number] {
    const held = this.held;
    const n = this.raw.length;
    this.held = [];
    this.raw = [];
    this.mode = IDLE;
    this.busy = false;
    return [held, n];
  }

  private pretty(text: string, line: string): boolean {
    const t = text.trim();
    const c = t.charCodeAt(0);
    if (t === '}' || t === '},') {
      this.push(text, line);
      const whole = this.held.join('\n');
      const parsed = parsedJson(whole.trim().replace(/,$/, ''));
      const entry = parsed === NOT_JSON ? undefined : journalEntry(parsed);
      if (entry) {
        const [, n] = this.done();
        this.emit(entryTime(entry), entry, n);
      } else if (parsed !== NOT_JSON) this.release(); // an object, but no journal entry: its lines as before
      else {
        // a malformed object: one record, one unknown line
        const [, n] = this.done();
        this.sink.record(whole.replace(LINE_BREAKS, ' ').trim(), n, false);
      }
      return true;
    }
    if (this.raw.length < MAX_HELD_LINES) {
      // a member (`"FIELD" : …`), an array's number, its end, or null; a blank line (JSON's whitespace: a double-spaced copy's)
      if (c === 34 || c === 93 || c === 91 || c === 110 || c === 45 || isDigit(c)) return this.push(text, line);
      if (t === '') {
        this.raw.push(line);
        return true;
      }
    }
    // anything else, and the object was not one
    this.release();
    return this.start(text, line);
  }

  private verbose(text: string, line: string): boolean {
    if (isBlankText(text)) return this.blank();
    const c = text.charCodeAt(0);
    if ((c === 32 || c === 9) && this.raw.length + this.gap < MAX_HELD_LINES) return this.push(text, line);
    this.finish();
    return this.start(text, line);
  }

  /** A blank line after the entry's last line: the entry's (double-spaced) or after it, as the next line shows. */
  private blank(): true {
    this.gap++;
    return true;
  }

  private finishVerbose(): void {
    const [lines, n] = this.done();
    const fields: Fields = {};
    let last: string | undefined;
    for (let i = 1; i < lines.length; i++) {
      const m = VERBOSE_FIELD.exec(lines[i]!);
      if (m) {
        last = m[1]!;
        if (fields[last] === undefined) fields[last] = m[2]!;
        else last = undefined;
      } else if (last !== undefined) fields[last] = `${fields[last] as string}\n${lines[i]!.trim()}`; // a value's further line
    }
    this.emit(this.headTime, fields, n);
  }

  private exported(text: string, line: string): boolean {
    // a blank line ends the entry, but not right after a binary field's name: its size's first byte may have been a line end
    const held = this.held;
    const last = held[held.length - 1]!;
    if (isBlankText(text) && (this.doubled || !BARE_NAME.test(last))) return this.blank();
    // a field line, a binary field's name, or (after one, up to the next field) its value's lines; anything else ends the entry
    // (an export whose last entry has no blank line after it, and a log pasted below it)
    const field = EXPORT_FIELD.test(text) || BARE_NAME.test(text);
    // after blank lines, a field that begins no entry: a double-spaced copy, the entry goes on (each entry's first field is
    // its cursor, output_export; its time is first only in a copy that begins there, so only then does it begin another) — and
    // in a copy known to be one, a binary value's next line
    if (this.gap > 0) {
      if (field ? text.startsWith('__CURSOR=') || (text.startsWith('__REALTIME_TIMESTAMP=') && !(held.length === 1 && last.startsWith('__CURSOR='))) : !(this.doubled && this.inBinary)) {
        this.finish();
        return this.start(text, line);
      }
      this.doubled = true;
    }
    if (field) this.inBinary = BARE_NAME.test(text);
    if (this.raw.length + this.gap >= MAX_HELD_LINES || (!field && !this.inBinary)) {
      this.finish();
      return this.start(text, line);
    }
    return this.push(text, line);
  }

  /** export: the lines since a binary field's name are its value's */
  private inBinary = false;
  /**
   * export: the copy is double-spaced (a field came after a blank line in an entry), so a blank line is the copy's, not the
   * entry's end, right after a binary field's name too, and a binary value's lines go on after one; until a line is no entry's
   */
  private doubled = false;

  private finishExport(): void {
    const [lines, n] = this.done();
    const fields: Fields = {};
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      const m = EXPORT_FIELD.exec(l);
      if (m) {
        if (fields[m[1]!] === undefined) fields[m[1]!] = m[2]!;
        continue;
      }
      if (!BARE_NAME.test(l)) continue; // a binary value's line whose field was not seen (the paste began inside it)
      // a binary field: its data runs to the next field line (or the entry's end)
      let j = i + 1;
      while (j < lines.length && (j === i + 1 || (!EXPORT_FIELD.test(lines[j]!) && !BARE_NAME.test(lines[j]!)))) j++;
      if (fields[l] === undefined) fields[l] = binaryValue(lines.slice(i + 1, j).join('\n'));
      i = j - 1;
    }
    this.emit(entryTime(fields), fields, n);
  }
}
