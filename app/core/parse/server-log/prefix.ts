import type { LogTime } from './types';
import { iosAfterPriTag, iosAfterRelay, isCounterTag, KNOWN_PROGRAMS, ms, splitPrefixByRegex, type Prefixed } from './prefix-shapes';
import { isDigit } from './char-codes';
import { sophosUnderYearTag } from './sophos-header';
import { hasLineBreak, monthAt, syslogHeader } from './syslog-header';

export { splitPrefixByRegex, type Prefixed } from './prefix-shapes';
export { hasLineBreak } from './syslog-header';

/**
 * A log line's header read fast: the common syslog header (and rsyslog's RFC 3339 one) in place in its read chunk, per record
 * (readPrefix); a whole line's fields by hand (syslog-header.ts); every other shape by its regex (prefix-shapes.ts, the
 * reference the hand reading is held to).
 */

/** The program name from `from` to `to`: KNOWN_PROGRAMS' own string for a known daemon (no cut), else a cut of the text. */
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
  findTagBack(text, base, message);
  return true;
}

/**
 * Program and pid found back from where the message starts (SYSLOG_HEADER or ISO_HEADER matched up to it); fills `found`. One
 * reader for both headers: against a copy written out in findSyslogProgram, the call measured 1.010 and 1.002 (40 pairs, idle machine).
 */
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
  if (src !== undefined && clean) return findSyslogProgram(src, true, at, at + text.length) ? syslogRecord(current.fill(text, src, at)) : readOtherPrefix(text, true, src, at);
  return findSyslogProgram(text, clean, 0, text.length) ? syslogRecord(current.fill(text, undefined, 0)) : readOtherPrefix(text, clean, undefined, 0);
}

/**
 * A syslog header's record, or the Cisco IOS line a syslog server relayed (IOS's message counter as the tag: prefix-shapes.ts
 * iosAfterRelay; or the router's priority and the counter, `<189>123`: iosAfterPriTag). Gated on the tag's first character, a
 * digit or `<`: no regex and no cut on any other record.
 */
function syslogRecord(p: SyslogPrefixed): Prefixed {
  const c = p.program.charCodeAt(0);
  // (a letter, the common tag: past `<` and the digits at once)
  if (c > 60 || found.pidEnd >= 0) return p;
  if (c === 60) return iosAfterPriTag(p, p.program, p.message) ?? p;
  return isDigit(c) && isCounterTag(p.program) ? (sophosUnderYearTag(p, p.program) ?? iosAfterRelay(p, p.message)) : p;
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
