import type { LogTime } from './types';
import { KNOWN_PROGRAMS, MONTHS, ms, splitPrefixByRegex, type Prefixed } from './prefix-shapes';
import { isDigit } from './char-codes';

export { splitPrefixByRegex, type Prefixed } from './prefix-shapes';

/**
 * A log line's header read fast: the common syslog header by hand and in place in its read chunk
 * (readPrefix, per record), every other shape by its regex (prefix-shapes.ts, the reference the
 * hand reading is held to).
 */


/**
 * A program name as SYSLOG_PROG reads it (`[^\s\[:]+`, and for the host `[^\s:\[\]]+`) from
 * `from`: its end, or -1 when a character is outside printable ASCII (whether it is `\s` is then
 * left to the regex).
 */
function tokenEnd(text: string, from: number, end: number, hostRule: boolean): number {
  let i = from;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return -1;
    if (c === 32 || c === 58 /* : */ || c === 91 /* [ */ || (hostRule && c === 93) /* ] */) break;
  }
  return i;
}

/**
 * The character at `i` of the line that ends at `end`, -1 past it: the header is read in place in a
 * larger text (the read chunk), never beyond its line. -1 fails every test a character code passes
 * here, as charCodeAt's NaN past a string's end would, but keeps the result a small integer: a NaN
 * makes V8 treat every character read through this as a double.
 */
const codeAt = (text: string, i: number, end: number): number => (i < end ? text.charCodeAt(i) : -1);

/** After a program name: `[pid]: ` or `: ` → where the message starts (-1: neither); the pid's digits end at pidEnd. */
let pidEnd = -1;
function afterProgram(text: string, at: number, end: number): number {
  pidEnd = -1;
  if (codeAt(text, at, end) === 91) {
    let j = at + 1;
    while (isDigit(codeAt(text, j, end))) j++;
    if (j === at + 1 || codeAt(text, j, end) !== 93) return -1;
    pidEnd = j;
    at = j + 1;
  }
  if (codeAt(text, at, end) !== 58) return -1;
  at++;
  if (codeAt(text, at, end) === 32) at++;
  return at;
}

/** Two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number, end: number): number {
  const a = codeAt(text, at, end);
  const b = codeAt(text, at + 1, end);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + b - 48 : -1;
}

/** The month of the three letters at `at` (exact spelling, as the regexes), or 0 — without cutting a string or a Map lookup per line. */
const MONTH_CODES = MONTHS.map((m) => (m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2));
function monthAt(text: string, at: number, end: number): number {
  if (at + 3 > end) return 0;
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (a >= 128 || b >= 128 || c >= 128) return 0;
  const code = (a << 16) | (b << 8) | c;
  for (let i = 0; i < 12; i++) if (MONTH_CODES[i] === code) return i + 1;
  return 0;
}

/** What scanSyslogHeader read, as offsets into the text (nothing cut or allocated until asked for). */
interface HeaderScan {
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** the fraction's digits (fracStart < 0: none) */
  fracStart: number;
  fracEnd: number;
  /** host from start to hostEnd (hostEnd < 0: no host) */
  start: number;
  hostEnd: number;
  programStart: number;
  programEnd: number;
  /** the pid's digits end here (< 0: no pid) */
  pidEnd: number;
  message: number;
}
const scan: HeaderScan = { month: 0, day: 0, hour: 0, minute: 0, second: 0, fracStart: -1, fracEnd: -1, start: 0, hostEnd: -1, programStart: 0, programEnd: 0, pidEnd: -1, message: 0 };

/** A line break inside the text (SYSLOG_PROG's `.` stops at these). indexOf, not a regex scan: a one-byte string cannot hold U+2028/U+2029, so those two searches return at once. */
export const hasLineBreak = (text: string): boolean => text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0;

/**
 * The common header, `Mmm dd hh:mm:ss[.frac] [host ]program[pid]: message`, read by hand: exactly
 * what SYSLOG_PROG captures (its optional host is tried first, as the regex backtracks), without
 * the regex's match array and ten substrings per line. False whenever this reading is unsure
 * (non-ASCII in the header, a line break inside): splitPrefix then tries the regexes as before.
 * splitPrefixByRegex is the reference a property test holds this to. Fills `scan`, with offsets
 * from the line's start.
 *
 * It reads every field of a whole line (splitPrefix; a parsed record's time and host when an entry
 * asks); the parser's per-record path, in place in the read chunk, only finds the program
 * (findSyslogProgram).
 */
function scanSyslogHeader(text: string, clean = false): boolean {
  const end = text.length;
  const month = monthAt(text, 0, end);
  if (!month || codeAt(text, 3, end) !== 32) return false;
  let i = 4;
  while (codeAt(text, i, end) === 32) i++;
  if (!isDigit(codeAt(text, i, end))) return false;
  let day = text.charCodeAt(i++) - 48;
  if (isDigit(codeAt(text, i, end))) day = day * 10 + text.charCodeAt(i++) - 48;
  if (codeAt(text, i, end) !== 32) return false;
  const hour = twoDigits(text, i + 1, end);
  const minute = twoDigits(text, i + 4, end);
  const second = twoDigits(text, i + 7, end);
  if (hour < 0 || minute < 0 || second < 0 || codeAt(text, i + 3, end) !== 58 || codeAt(text, i + 6, end) !== 58) return false;
  i += 9;
  let fracStart = -1;
  let fracEnd = -1;
  if (codeAt(text, i, end) === 46) {
    let j = i + 1;
    while (isDigit(codeAt(text, j, end))) j++;
    if (j === i + 1) return false;
    fracStart = i + 1;
    fracEnd = j;
    i = j;
  }
  if (codeAt(text, i, end) !== 32 || (!clean && hasLineBreak(text))) return false;
  const start = i + 1;
  let hostEnd = -1;
  let programStart = start;
  let programEnd = -1;
  let message = -1;
  // with a host first (the regex's optional group is greedy), then without
  const firstEnd = tokenEnd(text, start, end, true);
  if (firstEnd < 0) return false;
  if (firstEnd > start && codeAt(text, firstEnd, end) === 32) {
    const last = tokenEnd(text, firstEnd + 1, end, false);
    if (last < 0) return false;
    if (last > firstEnd + 1 && (message = afterProgram(text, last, end)) >= 0) {
      hostEnd = firstEnd;
      programStart = firstEnd + 1;
      programEnd = last;
    }
  }
  if (message < 0) {
    const last = tokenEnd(text, start, end, false);
    if (last <= start || (message = afterProgram(text, last, end)) < 0) return false;
    programEnd = last;
  }
  scan.month = month;
  scan.day = day;
  scan.hour = hour;
  scan.minute = minute;
  scan.second = second;
  scan.fracStart = fracStart;
  scan.fracEnd = fracEnd;
  scan.start = start;
  scan.hostEnd = hostEnd;
  scan.programStart = programStart;
  scan.programEnd = programEnd;
  scan.pidEnd = pidEnd;
  scan.message = message;
  return true;
}

/** The time fields of a header scan, offsets from the line's start. */
type TimeRead = Pick<HeaderScan, 'month' | 'day' | 'hour' | 'minute' | 'second' | 'fracStart' | 'fracEnd'>;

const timeOf = (text: string, s: TimeRead): LogTime => ({ month: s.month, day: s.day, hour: s.hour, minute: s.minute, second: s.second, ms: ms(s.fracStart < 0 ? undefined : text.slice(s.fracStart, s.fracEnd)) });

function programOf(text: string, from: number, to: number): string {
  const names = KNOWN_PROGRAMS[to - from];
  if (names) {
    const first = text.charCodeAt(from);
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name.charCodeAt(0) !== first) continue;
      // compared character by character: startsWith with a position is a builtin call per name
      let i = 1;
      while (i < name.length && name.charCodeAt(i) === text.charCodeAt(from + i)) i++;
      if (i === name.length) return name;
    }
  }
  return text.slice(from, to);
}

function syslogHeader(text: string): Prefixed | undefined {
  if (!scanSyslogHeader(text)) return undefined;
  const s = scan;
  return { shape: 'syslog', time: timeOf(text, s), host: s.hostEnd >= 0 ? text.slice(s.start, s.hostEnd) : undefined, program: text.slice(s.programStart, s.programEnd), pid: s.pidEnd >= 0 ? text.slice(s.programEnd + 1, s.pidEnd) : undefined, message: text.slice(s.message) };
}

/**
 * SYSLOG_PROG's header, up to where its message starts, by one sticky regex test (no match array):
 * the time, a host when a program tag follows it (SYSLOG_PROG's optional host group is greedy and
 * only taken when the rest matches after it: the engine backtracks to no host, as SYSLOG_PROG's
 * does), the program, its pid, the colon and one space. The regex engine reads these characters
 * several times faster than a charCodeAt loop does (bench/server-log.bench.ts: the hand-read header
 * was a sixth of explain-log). No lookahead after the host: it read the program tag twice (the
 * regex alone ≈ 10 % faster on the bench log's lines).
 */
const SYSLOG_HEADER = new RegExp(String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)? (?:[^\s:\[\]]+ )?[^\s\[:]+(?:\[\d+\])?: ?`, 'y');

/** What findSyslogProgram read: offsets from the line's start. */
const found = { programStart: 0, programEnd: 0, pidEnd: -1, message: 0 };

/**
 * The per-record part of a syslog header: where program, pid and message lie (time and host are
 * read when asked, by scanSyslogHeader). False when SYSLOG_PROG would not match — then the regexes
 * decide, as for scanSyslogHeader. The line is `text` from `base` to `end`; the sticky regex may
 * look past `end` (the chunk goes on), so a match that ends past it is not used (the line alone
 * then decides). Program and pid are found back from the message: the colon, `[digits]` before it
 * (a program holds no `[`), and the space before the program (it holds no white space).
 */
function findSyslogProgram(text: string, clean: boolean, base: number, end: number): boolean {
  SYSLOG_HEADER.lastIndex = base;
  if (!SYSLOG_HEADER.test(text)) return false;
  const message = SYSLOG_HEADER.lastIndex;
  if (message > end || (!clean && hasLineBreak(text))) return false;
  // (findTagBack's reading, written out: as a call, readPrefix + detectFamily on the bench log's lines measured 2–9 % slower, 200 pairs on a loaded machine)
  const colon = text.charCodeAt(message - 1) === 58 ? message - 1 : message - 2;
  let programEnd = colon;
  let pidEnd = -1;
  if (text.charCodeAt(colon - 1) === 93 /* ] */) {
    let j = colon - 1;
    while (isDigit(text.charCodeAt(j - 1))) j--;
    if (j < colon - 1 && text.charCodeAt(j - 1) === 91 /* [ */) {
      pidEnd = colon - 1;
      programEnd = j - 1;
    }
  }
  let programStart = programEnd - 1;
  while (text.charCodeAt(programStart - 1) !== 32) programStart--;
  found.programStart = programStart - base;
  found.programEnd = programEnd - base;
  found.pidEnd = pidEnd - (pidEnd < 0 ? 0 : base);
  found.message = message - base;
  return true;
}

/** Program and pid found back from where the message starts, as findSyslogProgram finds them (ISO_HEADER matched up to it). Fills `found`. */
function findTagBack(text: string, base: number, message: number): void {
  const colon = text.charCodeAt(message - 1) === 58 ? message - 1 : message - 2;
  let programEnd = colon;
  let pidEnd = -1;
  if (text.charCodeAt(colon - 1) === 93 /* ] */) {
    let j = colon - 1;
    while (isDigit(text.charCodeAt(j - 1))) j--;
    if (j < colon - 1 && text.charCodeAt(j - 1) === 91 /* [ */) {
      pidEnd = colon - 1;
      programEnd = j - 1;
    }
  }
  let programStart = programEnd - 1;
  while (text.charCodeAt(programStart - 1) !== 32) programStart--;
  found.programStart = programStart - base;
  found.programEnd = programEnd - base;
  found.pidEnd = pidEnd - (pidEnd < 0 ? 0 : base);
  found.message = message - base;
}

/**
 * rsyslog's RFC 3339 file header (RSYSLOG_FileFormat, Debian 12's and Ubuntu 24.04's default: `2024-05-01T10:00:00.123456+02:00
 * host tag[pid]: …`) up to where its message starts, by one sticky regex test: what splitPrefixByRegex's ISO and then ISO_TAG
 * (or ISO_TAG_NO_PID) read from such a line, with ISO's `T` between date and time and one blank after its zone. The lookahead
 * leaves to the regexes every line whose reading there takes another turn: an upper-case word after the time (ISO's level
 * group), a `<` (a sender's own syslog line), a digit or a `/` second (a logcat header after the time). The time's parse is
 * unique (its fraction's digits end where a zone or the blank starts), so the tag alternatives are tried as ISO_TAG and then
 * ISO_TAG_NO_PID try them; none of its character classes takes a line break, so it never reads into the next line. Through
 * the regexes such a line cost two match arrays (fifteen substrings), an uninterned program and, per tried shape, a failed
 * match: the bench log under this header read 1.9× as slow as under the classic one.
 */
const ISO_HEADER = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)? (?![A-Z\d<]|.\/)(?:(?:[^\s:[\]]+ )?[A-Za-z][\w./-]*\[\d+\]|[^\s:[\]]+ [A-Za-z][\w./-]*): ?/y;

/** The ISO header findSyslogProgram's way (a clean line from `base` to `end` of `text`); false: the regexes decide. A tag without a pid only for a daemon KNOWN_PROGRAMS names (ISO_TAG_NO_PID's condition). */
function findIsoProgram(text: string, base: number, end: number): boolean {
  ISO_HEADER.lastIndex = base;
  if (!ISO_HEADER.test(text)) return false;
  const message = ISO_HEADER.lastIndex;
  if (message > end) return false;
  findTagBack(text, base, message);
  if (found.pidEnd >= 0) return true;
  // (programOf gives the constant for a known name; a name it cuts is none of them)
  const names = KNOWN_PROGRAMS[found.programEnd - found.programStart];
  return names !== undefined && names.includes(programOf(text, base + found.programStart, base + found.programEnd));
}

/**
 * A syslog header (or rsyslog's RFC 3339 one, findIsoProgram) as the parser reads it per record: program and message now, the
 * time, host and pid only when asked (an entry is made, a session named) by reading the header again — on a long log most
 * records are only counted, and these would be garbage at once. The same values syslogHeader (or splitPrefixByRegex's ISO and
 * ISO_TAG reading) gives; the object stays small for the same reason.
 */
class SyslogPrefixed implements Prefixed {
  readonly shape: 'syslog' | 'iso' = 'syslog';
  program = '';
  message = '';
  private text = '';
  /** where the text lies in `src` (0: src undefined, the text is read itself) */
  private base = 0;
  // where the program starts (the host, if any, ends a blank before it) and the pid is (a session name asks for it on every record of some families)
  private programStart = 0;
  private programEnd = 0;
  private pidEnd = -1;
  /** time and host, read when either is first asked for this record (`read`: done) */
  private read = false;
  private readTime: LogTime | undefined = undefined;
  private readHost: string | undefined = undefined;
  src: string | undefined = undefined;
  messageAt = 0;

  /** this record's header (the parser's one instance is refilled per record); `src`: the chunk the text lies in at `base` */
  fill(text: string, src: string | undefined, base: number): this {
    const f = found;
    this.text = text;
    this.read = false;
    this.program = src === undefined ? programOf(text, f.programStart, f.programEnd) : programOf(src, base + f.programStart, base + f.programEnd);
    this.message = text.slice(f.message);
    this.base = base;
    this.programStart = f.programStart;
    this.programEnd = f.programEnd;
    this.pidEnd = f.pidEnd;
    this.src = src;
    this.messageAt = base + f.message;
    return this;
  }

  /** the time syslogHeader (or the ISO regex) gives for this text (only entries ask: its fields are read again, timeOfHeader) */
  get time(): LogTime {
    this.readHeader();
    return this.readTime!;
  }

  get host(): string | undefined {
    this.readHeader();
    return this.readHost;
  }

  get pid(): string | undefined {
    return this.pidEnd >= 0 ? this.text.slice(this.programEnd + 1, this.pidEnd) : undefined;
  }

  private readHeader(): void {
    if (this.read) return;
    this.read = true;
    // in the chunk when the text lies there (a flat string's characters cost about half a slice's)
    this.readTime = this.shape === 'iso' ? isoTimeOfHeader(this.src ?? this.text, this.base) : timeOfHeader(this.src ?? this.text, this.base);
    this.readHost = this.programStart > hostFrom ? this.text.slice(hostFrom, this.programStart - 1) : undefined;
  }
}

/** Where timeOfHeader found the host's place (offset from the line's start): the host, if any, runs from there to the blank before the program. */
let hostFrom = 0;

/**
 * The time of a header SYSLOG_HEADER took (findSyslogProgram), at `base` in `s`, read by its fields' places without testing
 * them again: the month's three letters, blanks, one or two digits of the day and a blank, `hh:mm:ss`, a fraction after a dot,
 * and the blank before the host or program. What scanSyslogHeader reads from the same header (its time; the host lies between
 * hostFrom and the program), without its bounds and character-class tests or its second reading of the host and program tags:
 * with every record an entry (explain-log --redact, a redacted bundle's names), that reading was a tenth of the run.
 */
function timeOfHeader(s: string, base: number): LogTime {
  const month = monthAt(s, base, base + 3);
  let i = base + 4;
  while (s.charCodeAt(i) === 32) i++;
  let day = s.charCodeAt(i++) - 48;
  if (s.charCodeAt(i) !== 32) day = day * 10 + s.charCodeAt(i++) - 48;
  const hour = digitPair(s, i + 1);
  const minute = digitPair(s, i + 4);
  const second = digitPair(s, i + 7);
  i += 9;
  let fraction: string | undefined;
  if (s.charCodeAt(i) === 46 /* . */) {
    let j = i + 1;
    while (isDigit(s.charCodeAt(j))) j++;
    fraction = s.slice(i + 1, j);
    i = j;
  }
  hostFrom = i + 1 - base;
  return { month, day, hour, minute, second, ms: ms(fraction) };
}

/**
 * The time of a header ISO_HEADER took (findIsoProgram), at `base` in `s`, as splitPrefixByRegex's ISO gives it: its fields at
 * their fixed places, the fraction's digits after a dot or comma; hostFrom after the blank that ends the zone.
 */
function isoTimeOfHeader(s: string, base: number): LogTime {
  const year = digitPair(s, base) * 100 + digitPair(s, base + 2);
  const month = digitPair(s, base + 5);
  const day = digitPair(s, base + 8);
  const hour = digitPair(s, base + 11);
  const minute = digitPair(s, base + 14);
  const second = digitPair(s, base + 17);
  let i = base + 19;
  let fraction: string | undefined;
  const c = s.charCodeAt(i);
  if (c === 46 /* . */ || c === 44 /* , */) {
    let j = i + 1;
    while (isDigit(s.charCodeAt(j))) j++;
    fraction = s.slice(i + 1, j);
    i = j;
  }
  hostFrom = s.indexOf(' ', i) + 1 - base;
  return { year, month, day, hour, minute, second, ms: ms(fraction) };
}

/** The two digits at `at` as a number (known to be digits). */
const digitPair = (s: string, at: number): number => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

export function splitPrefix(text: string): Prefixed {
  return syslogHeader(text) ?? splitPrefixByRegex(text);
}

const current = new SyslogPrefixed();
/** An RFC 3339 header's record (a class of its own, not a shape field refilled per record: a classic log's records keep the one constant shape they had) */
class IsoPrefixed extends SyslogPrefixed {
  override readonly shape = 'iso' as const;
}
const currentIso = new IsoPrefixed();

/**
 * splitPrefix for the parser's per-record path: the same values, a syslog header's time, host and
 * pid read on demand; `clean`: the text is known to hold no line break. A syslog header comes back
 * in one object refilled for each record (no object per line): valid until the next call, so
 * whatever outlives the record is copied out of it (entries are).
 *
 * `src`, `at`: the text lies in `src` (its read chunk) at `at` — the header is then read there, in
 * place, and the result says where the message lies in it (Prefixed.src). Only for a clean text.
 */
export function readPrefix(text: string, clean = false, src?: string, at = 0): Prefixed {
  if (src !== undefined && clean) return findSyslogProgram(src, true, at, at + text.length) ? current.fill(text, src, at) : readOtherPrefix(text, true, src, at);
  return findSyslogProgram(text, clean, 0, text.length) ? current.fill(text, undefined, 0) : readOtherPrefix(text, clean, undefined, 0);
}

/**
 * A header SYSLOG_HEADER did not take: a clean digit-led line may be rsyslog's RFC 3339 header (findIsoProgram), else the
 * regexes decide. (Its own function: written into readPrefix it measured the classic header's path 4–11 % slower, readPrefix + detectFamily, 60 pairs.)
 */
function readOtherPrefix(text: string, clean: boolean, src: string | undefined, at: number): Prefixed {
  if (!clean || !isDigit(text.charCodeAt(0))) return splitPrefixByRegex(text);
  if (src === undefined) return findIsoProgram(text, 0, text.length) ? currentIso.fill(text, undefined, 0) : splitPrefixByRegex(text);
  return findIsoProgram(src, at, at + text.length) ? currentIso.fill(text, src, at) : splitPrefixByRegex(text);
}
