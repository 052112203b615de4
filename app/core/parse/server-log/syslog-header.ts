import type { LogTime } from './types';
import { iosAfterPriTag, iosAfterRelay, isCounterTag, MONTHS, ms, type Prefixed } from './prefix-shapes';
import { isDigit } from './char-codes';
import { sophosUnderYearTag } from './sophos-header';

/**
 * The common syslog header of a whole line read by hand, every field (splitPrefix; a parsed record's time and host when an
 * entry asks) — split from prefix.ts, which finds a record's program in place in its read chunk (readPrefix). Held to
 * prefix-shapes.ts's regexes, the reference.
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
export function monthAt(text: string, at: number, end: number): number {
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


export function syslogHeader(text: string): Prefixed | undefined {
  if (!scanSyslogHeader(text)) return undefined;
  const s = scan;
  const p: Prefixed = { shape: 'syslog', time: timeOf(text, s), host: s.hostEnd >= 0 ? text.slice(s.start, s.hostEnd) : undefined, program: text.slice(s.programStart, s.programEnd), pid: s.pidEnd >= 0 ? text.slice(s.programEnd + 1, s.pidEnd) : undefined, message: text.slice(s.message) };
  // a relayed Cisco IOS line: IOS's message counter in the tag's place, or the router's priority and the counter (prefix-shapes.ts
  // iosAfterRelay, iosAfterPriTag, as the regex reading gives it)
  if (s.pidEnd >= 0) return p;
  const c = text.charCodeAt(s.programStart);
  if (c === 60 /* < */) return iosAfterPriTag(p, p.program!, p.message) ?? p;
  return isDigit(c) && isCounterTag(p.program!) ? (sophosUnderYearTag(p, p.program!) ?? iosAfterRelay(p, p.message)) : p;
}
