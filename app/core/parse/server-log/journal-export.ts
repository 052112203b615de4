import { withoutColours } from './chunk-lines';

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
 */

export interface JournalSink {
  /** a physical line that is no part of a journal entry after all: read as any line */
  line(text: string): void;
  /** one entry as journalctl's short-iso-precise line; `lines`: the physical lines it took (none of them handed on) */
  record(text: string, lines: number): void;
}

const MAX_HELD_LINES = 4096;
const IDLE = 0;
const PRETTY = 1;
const VERBOSE = 2;
const EXPORT = 3;

type Value = string | number[] | null | (string | number[] | null)[];
type Fields = Record<string, Value | undefined>;

/** `Sat 2026-12-05 09:12:01.123456 CET [s=…]`: weekday (systemd's own English table, not the locale's), date, time, zone word, cursor */
const VERBOSE_HEAD = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d{1,6})?) (\S+) \[s=[^\]]*\]\s*$/;
/** a verbose field line; the name as journal_field_valid allows it (upper case, digits, underscores) */
const VERBOSE_FIELD = /^ {4}([A-Z0-9_]+)=(.*)$/;
const EXPORT_FIELD = /^([A-Z0-9_]+)=(.*)$/;
const BARE_NAME = /^[A-Z0-9_]+$/;
const LINE_BREAKS = /[ \t]*[\r\n\u2028\u2029]+[ \t]*/g;

export class JournalShapes {
  private mode = IDLE;
  private held: string[] = [];
  /** verbose: the header's time as written, and the blanks before it */
  private headTime: string | undefined;
  private indent = 0;

  constructor(private readonly sink: JournalSink) {}

  /** Whether an entry's lines are held (every line must come here then, whatever its chunk's hints say): a field, read per line */
  busy = false;

  /** One physical line; false: not a journal entry's, read it as any line (after whatever this line ended was handed on). */
  take(line: string): boolean {
    switch (this.mode) {
      case PRETTY:
        return this.pretty(line);
      case VERBOSE:
        return this.verbose(line);
      case EXPORT:
        return this.exported(line);
      default:
        return this.start(line);
    }
  }

  /** The input ended: an entry still open is read as far as it goes (verbose, export) or handed on (an unclosed object). */
  end(): void {
    if (this.mode === VERBOSE) this.finishVerbose();
    else if (this.mode === EXPORT) this.finishExport();
    else if (this.mode === PRETTY) this.release();
  }

  private start(line: string): boolean {
    let c = line.charCodeAt(0);
    let text = line;
    if (c === 32 || c === 9) {
      text = line.trimStart();
      c = text.charCodeAt(0);
    }
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
      if (rest === '{') return this.hold(PRETTY, line);
      const entry = rest.charCodeAt(rest.length - 1) === 125 ? parseObject(rest) : undefined;
      if (!entry) return false;
      this.sink.record(shortLine(timeOfMicros(entry.__REALTIME_TIMESTAMP) ?? timeOfMicros(entry._SOURCE_REALTIME_TIMESTAMP), entry), 1);
      return true;
    }
    if (c === 95 /* _ */ && (line.startsWith('__CURSOR=') || line.startsWith('__REALTIME_TIMESTAMP='))) {
      this.inBinary = false;
      return this.hold(EXPORT, line);
    }
    if (c >= 65 && c <= 90 && text.charCodeAt(3) === 32 && text.charCodeAt(8) === 45) {
      const head = VERBOSE_HEAD.exec(text);
      if (head) {
        // (a paste shifted as a whole, a Markdown code block's four blanks: its field lines are shifted as much)
        this.indent = line.length - text.length;
        // the zone is a word (`CET`): dropped, the wall time kept as an RFC 3339 header's is; UTC said as such
        this.headTime = `${head[1]}T${head[2]}${head[3] === 'UTC' || head[3] === 'GMT' ? '+00:00' : ''}`;
        return this.hold(VERBOSE, line);
      }
    }
    return false;
  }

  private hold(mode: number, line: string): true {
    this.mode = mode;
    this.busy = true;
    this.held.push(line);
    return true;
  }

  /** The held lines handed on as they were read (not an entry after all). */
  private release(): void {
    const held = this.held;
    this.held = [];
    this.mode = IDLE;
    this.busy = false;
    for (const l of held) this.sink.line(l);
  }

  private done(): string[] {
    const held = this.held;
    this.held = [];
    this.mode = IDLE;
    this.busy = false;
    return held;
  }

  private pretty(line: string): boolean {
    const t = line.trim();
    const c = t.charCodeAt(0);
    if (t === '}' || t === '},') {
      this.held.push(line);
      const whole = this.held.join('\n');
      const parsed = parsedJson(whole.trim().replace(/,$/, ''));
      const entry = parsed === NOT_JSON ? undefined : journalEntry(parsed);
      if (entry) {
        const n = this.held.length;
        this.done();
        this.sink.record(shortLine(timeOfMicros(entry.__REALTIME_TIMESTAMP) ?? timeOfMicros(entry._SOURCE_REALTIME_TIMESTAMP), entry), n);
      } else if (parsed !== NOT_JSON) this.release(); // an object, but no journal entry: its lines as before
      else {
        // a malformed object: one record, one unknown line
        const n = this.held.length;
        this.done();
        this.sink.record(whole.replace(LINE_BREAKS, ' ').trim(), n);
      }
      return true;
    }
    // a member (`"FIELD" : …`), an array's number, its end, or null: anything else, and the object was not one
    if ((c === 34 || c === 93 || c === 91 || c === 110 || c === 45 || (c >= 48 && c <= 57)) && this.held.length < MAX_HELD_LINES) {
      this.held.push(line);
      return true;
    }
    this.release();
    return this.start(line);
  }

  private verbose(line: string): boolean {
    const c = line.charCodeAt(this.indent);
    if ((c === 32 || c === 9) && this.held.length < MAX_HELD_LINES && (this.indent === 0 || line.slice(0, this.indent).trim() === '')) {
      this.held.push(line);
      return true;
    }
    this.finishVerbose();
    return this.start(line);
  }

  private finishVerbose(): void {
    const lines = this.done();
    const fields: Fields = {};
    let last: string | undefined;
    for (let i = 1; i < lines.length; i++) {
      const m = VERBOSE_FIELD.exec(this.indent === 0 ? lines[i]! : lines[i]!.slice(this.indent));
      if (m) {
        last = m[1]!;
        if (fields[last] === undefined) fields[last] = m[2]!;
        else last = undefined;
      } else if (last !== undefined) fields[last] = `${fields[last] as string}\n${lines[i]!.trim()}`; // a value's further line
    }
    this.sink.record(shortLine(this.headTime, fields), lines.length);
  }

  private exported(line: string): boolean {
    // a blank line ends the entry, but not right after a binary field's name: its size's first byte may have been a line end
    const held = this.held;
    if (line.trim() === '' && !BARE_NAME.test(held[held.length - 1]!)) {
      this.finishExport();
      return false;
    }
    // a field line, a binary field's name, or (after one, up to the next field) its value's lines; anything else ends the entry
    // (an export whose last entry has no blank line after it, and a log pasted below it)
    const field = EXPORT_FIELD.test(line) || BARE_NAME.test(line);
    if (field) this.inBinary = BARE_NAME.test(line);
    if (held.length >= MAX_HELD_LINES || (!field && !this.inBinary)) {
      this.finishExport();
      return this.start(line);
    }
    held.push(line);
    return true;
  }

  /** export: the lines since a binary field's name are its value's */
  private inBinary = false;

  private finishExport(): void {
    const lines = this.done();
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
    this.sink.record(shortLine(timeOfMicros(fields.__REALTIME_TIMESTAMP) ?? timeOfMicros(fields._SOURCE_REALTIME_TIMESTAMP), fields), lines.length);
  }
}

/**
 * A binary export field's value from what a copy kept of it: the size's eight little-endian bytes lost their NULs, so its first
 * characters are the size's non-zero bytes, low first. The count of them that makes the size the rest's UTF-8 length is taken;
 * when none does (a size byte of 0x80 or more was no text, a line end was a CR), the control characters at its start go.
 */
export function binaryValue(data: string): string {
  for (let k = 1; k <= 8 && k <= data.length; k++) {
    let size = 0;
    let ok = true;
    for (let i = k - 1; i >= 0; i--) {
      const b = data.charCodeAt(i);
      if (b > 255) ok = false;
      size = size * 256 + b;
    }
    if (ok && size === utf8Length(data, k)) return data.slice(k);
  }
  let i = 0;
  while (i < 8 && i < data.length && (data.charCodeAt(i) < 32 || data.charCodeAt(i) === 0xfffd)) i++;
  return data.slice(i);
}

function utf8Length(s: string, from: number): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON.parse's value, or NOT_JSON: the text is no JSON (one parse, for both questions the pretty reader asks) */
const NOT_JSON = Symbol('not JSON');
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** A parsed value that is a journal entry's object, or undefined: not an object, or none of a journal entry's fields. */
function journalEntry(v: unknown): Fields | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Fields;
  return '__REALTIME_TIMESTAMP' in o || '__CURSOR' in o || 'MESSAGE' in o ? o : undefined;
}

/** A journal entry's object, or undefined: not JSON, not an object, or none of a journal entry's fields. */
function parseObject(text: string): Fields | undefined {
  const v = parsedJson(text);
  return v === NOT_JSON ? undefined : journalEntry(v);
}

const decoder = new TextDecoder('utf-8');

/** A field's text: a string as it is, a byte array decoded (UTF-8, an invalid byte as U+FFFD), a field set twice by its first value; null: none. */
function textOf(v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v) || v.length === 0) return undefined;
  if (typeof v[0] === 'number') return decoder.decode(Uint8Array.from(v as number[], (b) => b & 255));
  return textOf(v[0] as Value);
}

/** `__REALTIME_TIMESTAMP`'s microseconds since the epoch as an RFC 3339 time in UTC with its six fraction digits, or undefined. */
export function timeOfMicros(v: Value | undefined): string | undefined {
  const s = textOf(v);
  if (s === undefined || !/^\d{1,17}$/.test(s)) return undefined;
  const us = Number(s);
  const d = new Date(Math.floor(us / 1000));
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 19)}.${String(us % 1e6).padStart(6, '0')}+00:00`;
}

/** The entry as output_short writes it, short-iso-precise's time first (none: the tag alone, as a foreground daemon's line). */
export function shortLine(time: string | undefined, f: Fields): string {
  const host = textOf(f._HOSTNAME);
  const program = textOf(f.SYSLOG_IDENTIFIER) ?? textOf(f._COMM) ?? 'unknown';
  const pid = textOf(f._PID) ?? textOf(f.SYSLOG_PID);
  let message = textOf(f.MESSAGE) ?? '';
  if (message.indexOf('\u001b') >= 0) message = withoutColours(message);
  message = message.replace(LINE_BREAKS, ' ').trim();
  const tag = `${program}${pid ? `[${pid}]` : ''}: ${message}`;
  return time === undefined ? tag : `${time}${host ? ` ${host}` : ''} ${tag}`;
}
