import type { LogTime } from './types';

/**
 * The part of a log line before the message: timestamp, host, program[pid]. One function per
 * header shape the corpus shows (server-logs/README.md "Line formats"); the first that matches wins.
 */

export interface Prefixed {
  time?: LogTime;
  host?: string;
  program?: string;
  pid?: string;
  /** facility.level (OpenWrt logread) or the level word (router logs, Python logging) */
  level?: string;
  /** IOS timestamps with `*`: the router's clock was not synchronised */
  clockUnsynced?: boolean;
  /** which header shape matched */
  shape: 'syslog' | 'logread' | 'ios' | 'iso' | 'rasman' | 'router-tab' | 'time-only' | 'program' | 'none';
  message: string;
  /** router web logs: a sequence number (newest-first logs count down) */
  seq?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m, i + 1]));
/** the regexes only match these exact spellings */
const monthOf = (m: string): number => MONTH_NUMBER.get(m) ?? 0;
const M = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

const LOGREAD = new RegExp(String.raw`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) ([a-z0-9]+)\.([a-z]+) ([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`);
// classic BSD syslog: host optional (BusyBox), program optional
const SYSLOG_PROG = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (?:([^\s:\[\]]+) )?([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`);
const SYSLOG_HOST = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\S+) (.*)$`);
const IOS = new RegExp(String.raw`^(\*|\.)?(?:${M} +(\d{1,2}) )?(?:(\d{4}) )?(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?: [A-Z]{3,4})?: (.*)$`);
const IOS_UPTIME = /^(\*|\.)?(\d+[wdh]\d+[dhm]): (.*)$/;
const ISO = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,6}))?(?:Z|[+-]\d\d:?\d\d)?\s+(?:([A-Z]+):?\s+)?(.*)$/;
const RASMAN = /^\[(\d+)\] (\d\d)-(\d\d) (\d\d):(\d\d):(\d\d):(\d{3}): ?(.*)$/;
const ROUTER_TAB = new RegExp(String.raw`^(\d+)\t${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)\t([^\t]+)\t([^\t]+)\t(.*)$`);
const TIME_ONLY = /^(\d\d):(\d\d):(\d\d)(?:[.,](\d+))? (.*)$/;
const PROGRAM = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: (.*)$/;
const PROGRAM_PID = /^([A-Za-z][\w.-]*)\[(\d+)\]: ?(.*)$/;

const n = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const ms = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.padEnd(3, '0').slice(0, 3)));

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A program name as SYSLOG_PROG reads it (`[^\s\[:]+`, and for the host `[^\s:\[\]]+`) from
 * `from`: its end, or -1 when a character is outside printable ASCII (whether it is `\s` is then
 * left to the regex).
 */
function tokenEnd(text: string, from: number, hostRule: boolean): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) return -1;
    if (c === 32 || c === 58 /* : */ || c === 91 /* [ */ || (hostRule && c === 93) /* ] */) break;
  }
  return i;
}

/** After a program name: `[pid]: ` or `: ` → where the message starts (-1: neither); the pid's digits end at pidEnd. */
let pidEnd = -1;
function afterProgram(text: string, at: number): number {
  pidEnd = -1;
  if (text.charCodeAt(at) === 91) {
    let j = at + 1;
    while (isDigit(text.charCodeAt(j))) j++;
    if (j === at + 1 || text.charCodeAt(j) !== 93) return -1;
    pidEnd = j;
    at = j + 1;
  }
  if (text.charCodeAt(at) !== 58) return -1;
  at++;
  if (text.charCodeAt(at) === 32) at++;
  return at;
}

/** Two digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return isDigit(a) && isDigit(b) ? (a - 48) * 10 + b - 48 : -1;
}

/** The month of the three letters at the start (exact spelling, as the regexes), or 0 — without cutting a string. */
const MONTH_BY_CODE = new Map(MONTHS.map((m, i) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), i + 1]));
function monthAt(text: string): number {
  const a = text.charCodeAt(0);
  const b = text.charCodeAt(1);
  const c = text.charCodeAt(2);
  return a < 128 && b < 128 && c < 128 ? (MONTH_BY_CODE.get((a << 16) | (b << 8) | c) ?? 0) : 0;
}

/**
 * The common header, `Mmm dd hh:mm:ss[.frac] [host ]program[pid]: message`, read by hand: exactly
 * what SYSLOG_PROG captures (its optional host is tried first, as the regex backtracks), without
 * the regex's match array and ten substrings per line. Undefined whenever this reading is unsure
 * (non-ASCII in the header, a line break inside): splitPrefix then tries the regexes as before.
 * splitPrefixByRegex is the reference a property test holds this to.
 */
function syslogHeader(text: string): Prefixed | undefined {
  const month = monthAt(text);
  if (!month || text.charCodeAt(3) !== 32) return undefined;
  let i = 4;
  while (text.charCodeAt(i) === 32) i++;
  if (!isDigit(text.charCodeAt(i))) return undefined;
  let day = text.charCodeAt(i++) - 48;
  if (isDigit(text.charCodeAt(i))) day = day * 10 + text.charCodeAt(i++) - 48;
  if (text.charCodeAt(i) !== 32) return undefined;
  const hour = twoDigits(text, i + 1);
  const minute = twoDigits(text, i + 4);
  const second = twoDigits(text, i + 7);
  if (hour < 0 || minute < 0 || second < 0 || text.charCodeAt(i + 3) !== 58 || text.charCodeAt(i + 6) !== 58) return undefined;
  i += 9;
  let frac: string | undefined;
  if (text.charCodeAt(i) === 46) {
    let j = i + 1;
    while (isDigit(text.charCodeAt(j))) j++;
    if (j === i + 1) return undefined;
    frac = text.slice(i + 1, j);
    i = j;
  }
  if (text.charCodeAt(i) !== 32 || LINE_BREAK.test(text)) return undefined;
  const start = i + 1;
  let host: string | undefined;
  let programStart = start;
  let programEnd = -1;
  let message = -1;
  // with a host first (the regex's optional group is greedy), then without
  const hostEnd = tokenEnd(text, start, true);
  if (hostEnd < 0) return undefined;
  if (hostEnd > start && text.charCodeAt(hostEnd) === 32) {
    const end = tokenEnd(text, hostEnd + 1, false);
    if (end < 0) return undefined;
    if (end > hostEnd + 1 && (message = afterProgram(text, end)) >= 0) {
      host = text.slice(start, hostEnd);
      programStart = hostEnd + 1;
      programEnd = end;
    }
  }
  if (message < 0) {
    const end = tokenEnd(text, start, false);
    if (end <= start || (message = afterProgram(text, end)) < 0) return undefined;
    programEnd = end;
  }
  const pid = pidEnd >= 0 ? text.slice(programEnd + 1, pidEnd) : undefined;
  return { shape: 'syslog', time: { month, day, hour, minute, second, ms: ms(frac) }, host, program: text.slice(programStart, programEnd), pid, message: text.slice(message) };
}

export function splitPrefix(text: string): Prefixed {
  return syslogHeader(text) ?? splitPrefixByRegex(text);
}

/** Every header shape by its regex (the reference for syslogHeader, and every other shape). */
export function splitPrefixByRegex(text: string): Prefixed {
  // dispatch on the first character: each line tries only the header shapes it can have
  const c = text.charCodeAt(0);
  const upper = c >= 65 && c <= 90;
  const digit = c >= 48 && c <= 57;
  let m: RegExpMatchArray | null;
  if (upper && (m = text.match(LOGREAD))) {
    return { shape: 'logread', time: { year: +m[6]!, month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, level: `${m[7]}.${m[8]}`, program: m[9], pid: m[10], message: m[11]! };
  }
  if (digit && (m = text.match(ROUTER_TAB))) {
    return { shape: 'router-tab', seq: +m[1]!, time: { month: monthOf(m[2]!), day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, program: m[7], level: m[8], message: m[9]! };
  }
  if (c === 91 /* [ */ && (m = text.match(RASMAN))) {
    return { shape: 'rasman', pid: m[1], time: { month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: +m[7]! }, message: m[8]! };
  }
  if (digit && (m = text.match(ISO))) {
    return { shape: 'iso', time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) }, level: m[8], message: m[9]! };
  }
  // syslog before IOS: the common case; "May 28 22:10:22.333: Vi1 LCP: …" (colon right after the time) is IOS
  if (upper && (m = text.match(SYSLOG_PROG))) {
    return { shape: 'syslog', time: { month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]!, ms: ms(m[6]) }, host: m[7], program: m[8], pid: m[9], message: m[10]! };
  }
  if ((upper || digit || c === 42 || c === 46) && (m = text.match(IOS))) {
    return { shape: 'ios', clockUnsynced: m[1] === '*', time: { year: n(m[4]), month: m[2] ? monthOf(m[2]) : undefined, day: n(m[3]), hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ms: ms(m[8]) }, message: m[9]! };
  }
  if ((digit || c === 42 || c === 46) && (m = text.match(IOS_UPTIME))) return { shape: 'ios', clockUnsynced: m[1] === '*', message: m[3]! };
  if (upper && (m = text.match(SYSLOG_HOST))) {
    return { shape: 'syslog', time: { month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, host: m[6], message: m[7]! };
  }
  if (digit && (m = text.match(TIME_ONLY))) {
    const rest = m[5]!;
    const p = rest.match(PROGRAM);
    const time = { hour: +m[1]!, minute: +m[2]!, second: +m[3]!, ms: ms(m[4]) };
    return p ? { shape: 'time-only', time, program: p[1], pid: p[2], message: p[3]! } : { shape: 'time-only', time, message: rest };
  }
  if ((m = text.match(PROGRAM_PID)) || (m = text.match(/^(charon|pluto|xl2tpd|pptpd|ipsec|charon-systemd)(): ?(.*)$/))) {
    return { shape: 'program', program: m[1], pid: m[2] || undefined, message: m[3]! };
  }
  return { shape: 'none', message: text };
}
