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
  /**
   * Where the message lies in the read chunk its line was cut from (`src.slice(messageAt,
   * messageAt + message.length) === message`), set only for a record that is one unaltered line
   * known to hold no line break: the rule cache reads the message there, in place — a character of
   * a sliced string costs about twice one of its flat parent (see readPrefix).
   */
  src?: string;
  messageAt?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NUMBER = new Map(MONTHS.map((m, i) => [m, i + 1]));
/** the regexes only match these exact spellings */
const monthOf = (m: string): number => MONTH_NUMBER.get(m) ?? 0;
const M = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

const LOGREAD = new RegExp(String.raw`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) ([a-z0-9]+)\.([a-z]+) ([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`);
// classic BSD syslog: host optional (BusyBox), program optional
const SYSLOG_PROG = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (?:([^\s:\[\]]+) )?([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`);
const SYSLOG_MASKED_HOST = new RegExp(String.raw`^(${M} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?) {2,}(\S.*)$`);
const SYSLOG_HOST = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\S+) (.*)$`);
// `000503: *Jan  5 …`: IOS numbers its messages with `service sequence-numbers` (Cisco IOS Configuration Fundamentals, "Enabling Message Sequence Numbers")
const IOS_SEQ = String.raw`(?:\d{1,8}: )?`;
const IOS = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(?:${M} +(\d{1,2}) )?(?:(\d{4}) )?(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?: [A-Z]{3,4})?: (.*)$`);
const IOS_UPTIME = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(\d+[wdh]\d+[dhm]): (.*)$`);
/** an IOS timestamp whose digits the poster masked (`*Jan x xx:xx:xx.yyy PST:`): the header is known, the time is not */
const IOS_MASKED = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(?:${M} +[\dx]{1,2} )?[\dx]{1,2}:[\dx]{2}:[\dx]{2}(?:\.[\dxy]{1,3})?(?: [A-Z]{3,4})?: (.*)$`);
// strongSwan's own filelog with a user-set time_format (strftime; its docs' example is `%b %e %T`): `Sun, 2017-04-16 19:11 27[CFG] …`,
// `Wed, 2023-11-01, 18:43:23 09[NET1] …` — only before a charon thread head, so nothing else is read as this shape
const CHARON_FILELOG = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{4})-(\d\d)-(\d\d),? (\d\d):(\d\d)(?::(\d\d))?(?:[.,](\d{1,6}))? (\d\d\[[A-Z]{3}\d?\] .*)$/;
// fraction: up to 9 digits (Docker's `docker logs -t` writes nanoseconds, `…:56.281411938Z`)
const ISO = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?:Z|[+-]\d\d:?\d\d)?\s+(?:([A-Z]+):?\s+)?(.*)$/;
/**
 * After an ISO time, a syslog tag: `[host ]program[pid]: ` — rsyslog's RFC 3339 file format (the
 * default of Debian 12 / Ubuntu 24.04: `2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: …`),
 * `journalctl -o short-iso` and Docker's `-t` prefix. A pid is required: without one a host and a
 * word followed by a colon (`ppp0 LCP:`) are not told apart from a tag.
 */
const ISO_TAG = /^(?:([^\s:\[\]]+) )?([A-Za-z][\w.\/-]*)\[(\d+)\]: ?(.*)$/;
/** OpenWrt logread cut before the date (a paste that starts at the facility): `daemon.notice xl2tpd[1180]: …` */
const LOGREAD_NO_DATE = /^([a-z]+)\.(emerg|alert|crit|err|warn|warning|notice|info|debug) ([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$/;
/**
 * A syslog priority left in front of the header (`<7>May 20 14:22:45 pppd[536]: …`: a raw syslog
 * capture, some BusyBox builds), RFC 3164 §4.1.1; after it, RFC 5424's version `1` and its fields
 * (RFC 5424 §6: `<30>1 2024-05-01T10:00:00.123+02:00 host app procid msgid [sd|-] msg`).
 */
const PRI = /^<\d{1,3}>(.*)$/;
const RFC5424 = /^1 (\d{4}-\d\d-\d\dT\S+) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(.*)$/;
/** `kubectl logs --prefix`: `[pod/name/container] ` before the line */
const KUBECTL = /^\[pod\/[^\]\s]+\] (.+)$/;
/** `journalctl -o short-monotonic`: `[ seconds.micro] host program[pid]: ` */
const MONOTONIC = /^\[ *\d+\.\d+\] (.+)$/;
/**
 * accel-ppp's log_file module: `[2017-12-05 14:36:25]:  info: tek0.10: …` (level padded to five
 * characters) or, in older builds, `[2017-12-07 01:04:30.344] ppp0: …` (accel-pppd/logs/log_file.c).
 */
const ACCEL_FILE = /^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\]:? +(?:(emerg|error|warn|info|msg|debug): +)?(.*)$/;
const RASMAN = /^\[(\d+)\] (\d\d)-(\d\d) (\d\d):(\d\d):(\d\d):(\d{3}): ?(.*)$/;
const ROUTER_TAB = new RegExp(String.raw`^(\d+)\t${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)\t([^\t]+)\t([^\t]+)\t(.*)$`);
const TIME_ONLY = /^(\d\d):(\d\d):(\d\d)(?:[.,](\d+))? (.*)$/;
/** RouterOS 6 `/log print` gives entries of other days a date: `jan/02 10:20:30` or `jan/02/2019 10:20:30` (lower-case month) */
const ROUTEROS_DATE = /^([a-z]{3})\/(\d\d)(?:\/(\d{4}))? (\d\d):(\d\d):(\d\d) (.*)$/;
const PROGRAM = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: (.*)$/;
const PROGRAM_PID = /^([A-Za-z][\w.-]*)\[(\d+)\]: ?(.*)$/;

const n = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
const ms = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.padEnd(3, '0').slice(0, 3)));

const isDigit = (c: number) => c >= 48 && c <= 57;

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

/** The program names most logs carry, as constants: no string cut per line, and a Map lookup by them needs no hashing. */
const KNOWN_PROGRAMS: string[][] = [];
for (const p of ['pppd', 'pptpd', 'pptp', 'pptpctrl', 'xl2tpd', 'accel-pppd', 'pppoe-server', 'l2tpd', 'openl2tpd', 'charon', 'charon-systemd', 'charon-cmd', 'pluto', 'ipsec', 'addconn', 'kernel', 'systemd', 'dnsmasq', 'dropbear', 'sshd', 'cron', 'CRON']) (KNOWN_PROGRAMS[p.length] ??= []).push(p);

/** One of the daemons KNOWN_PROGRAMS names. */
const isKnownProgram = (name: string): boolean => KNOWN_PROGRAMS[name.length]?.includes(name) === true;

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
 * only taken when the rest matches after it), the program, its pid, the colon and one space. The
 * regex engine reads these characters several times faster than a charCodeAt loop does
 * (bench/server-log.bench.ts: the hand-read header was a sixth of explain-log).
 */
const SYSLOG_HEADER = new RegExp(String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)? (?:[^\s:\[\]]+ (?=[^\s\[:]+(?:\[\d+\])?:))?[^\s\[:]+(?:\[\d+\])?: ?`, 'y');

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

/**
 * A syslog header as the parser reads it per record: program and message now, the time, host
 * and pid only when asked (an entry is made, a session named) by reading the header again — on a
 * long log most records are only counted, and these would be garbage at once. The same values
 * syslogHeader gives; the object stays small for the same reason.
 */
class SyslogPrefixed implements Prefixed {
  readonly shape = 'syslog' as const;
  program = '';
  message = '';
  private text = '';
  // where the pid is (a session name asks for it on every record of some families)
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
    this.programEnd = f.programEnd;
    this.pidEnd = f.pidEnd;
    this.src = src;
    this.messageAt = base + f.message;
    return this;
  }

  /** the time syslogHeader gives for this text (only entries ask: the whole header is read again) */
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
    const text = this.text;
    // findSyslogProgram took this text, so scanSyslogHeader does (the property tests hold both to SYSLOG_PROG)
    if (scanSyslogHeader(text, true)) {
      this.readTime = timeOf(text, scan);
      this.readHost = scan.hostEnd >= 0 ? text.slice(scan.start, scan.hostEnd) : undefined;
    } else {
      const p = splitPrefixByRegex(text);
      this.readTime = p.time;
      this.readHost = p.host;
    }
  }
}

export function splitPrefix(text: string): Prefixed {
  return syslogHeader(text) ?? splitPrefixByRegex(text);
}

const current = new SyslogPrefixed();

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
  if (src !== undefined && clean) return findSyslogProgram(src, true, at, at + text.length) ? current.fill(text, src, at) : splitPrefixByRegex(text);
  return findSyslogProgram(text, clean, 0, text.length) ? current.fill(text, undefined, 0) : splitPrefixByRegex(text);
}

/** Every header shape by its regex (the reference for syslogHeader, and every other shape). */
export function splitPrefixByRegex(text: string): Prefixed {
  // dispatch on the first character: each line tries only the header shapes it can have
  const c = text.charCodeAt(0);
  const upper = c >= 65 && c <= 90;
  const digit = c >= 48 && c <= 57;
  let m: RegExpMatchArray | null;
  // a whole line indented (a Markdown code block pasted with its four spaces, a quoted mail, RouterOS 7's
  // `/log print` rows: ` 2025-02-11 00:02:30 l2tp,info …`): the header after the indent; a line whose trimmed
  // text has no header stays as it was (continuation and option lines keep their indent)
  if (c === 32 || c === 9) {
    const p = splitPrefixByRegex(text.trimStart());
    // (a bare `name[n]: ` tag after an indent only for a daemon's name: `ipsec statusall` indents its SA lines as
    // `      ikev2[3]: ESTABLISHED …`, a connection's name; `docker logs` output indented as `    xl2tpd[1]: …` is the daemon's)
    return p.shape === 'none' || (p.shape === 'program' && !isKnownProgram(p.program!)) ? { shape: 'none', message: text } : p;
  }
  // a wrapper's prefix before a line with its own header (kubectl --prefix; docker compose's `service  | ` is cut
  // from the line before, lines.ts normalizeLine, as charon's thread lines after it have no header): the inner header
  if (c === 91 /* [ */ && (m = text.match(KUBECTL))) {
    const p = splitPrefixByRegex(m[1]!);
    if (p.shape !== 'none') return p;
  }
  if (c === 91 /* [ */ && (m = text.match(MONOTONIC))) {
    const t = m[1]!.match(ISO_TAG);
    if (t) return { shape: 'program', host: t[1], program: t[2], pid: t[3], message: t[4]! };
  }
  if (c === 60 /* < */ && (m = text.match(PRI))) {
    const rest = m[1]!;
    const r = rest.match(RFC5424);
    if (!r) return splitPrefixByRegex(rest);
    const t = splitPrefixByRegex(`${r[1]} -`);
    const field = (f: string) => (f === '-' ? undefined : f);
    return { shape: 'iso', time: t.time, host: field(r[2]!), program: field(r[3]!), pid: field(r[4]!), message: r[5]! };
  }
  if (upper && (m = text.match(LOGREAD))) {
    return { shape: 'logread', time: { year: +m[6]!, month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, level: `${m[7]}.${m[8]}`, program: m[9], pid: m[10], message: m[11]! };
  }
  if ((upper || digit) && (m = text.match(CHARON_FILELOG))) {
    // a time_format without seconds: second 0 (the minute is what the line says)
    return { shape: 'iso', time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: m[6] ? +m[6] : 0, ms: ms(m[7]) }, message: m[8]! };
  }
  if (digit && (m = text.match(ROUTER_TAB))) {
    return { shape: 'router-tab', seq: +m[1]!, time: { month: monthOf(m[2]!), day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, program: m[7], level: m[8], message: m[9]! };
  }
  if (c === 91 /* [ */ && (m = text.match(RASMAN))) {
    return { shape: 'rasman', pid: m[1], time: { month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: +m[7]! }, message: m[8]! };
  }
  if (c === 91 /* [ */ && (m = text.match(ACCEL_FILE))) {
    return { shape: 'iso', time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) }, level: m[8], message: m[9]! };
  }
  if (digit && (m = text.match(ISO))) {
    // a receiver's time before the sender's whole syslog line (`2022-11-08T17:06:37+01:00 <30>Nov  8 17:06:36 host prog: …`): the sender's header
    if (m[9]!.charCodeAt(0) === 60 && PRI.test(m[9]!)) {
      const inner = splitPrefixByRegex(m[9]!);
      if (inner.shape === 'syslog') return inner;
    }
    const time = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) };
    // an upper-case host (`VPN pppd[1]: …`) was read as a level word: the tag decides
    const t = (m[8] === undefined ? m[9]! : `${m[8]} ${m[9]}`).match(ISO_TAG);
    if (t) return { shape: 'iso', time, host: t[1], program: t[2], pid: t[3], message: t[4]! };
    return { shape: 'iso', time, level: m[8], message: m[9]! };
  }
  if (c >= 97 && c <= 122 && (m = text.match(LOGREAD_NO_DATE))) {
    return { shape: 'logread', level: `${m[1]}.${m[2]}`, program: m[3], pid: m[4], message: m[5]! };
  }
  // a host masked to nothing by whoever pasted it leaves blanks after the time (`Jul  4 08:35:07   pluto[17824]: …`):
  // read as the header without a host
  if (upper && (m = text.match(SYSLOG_MASKED_HOST))) return splitPrefixByRegex(`${m[1]} ${m[3]}`); // (m[2]: the month, inside M)
  // syslog before IOS: the common case; "May 28 22:10:22.333: Vi1 LCP: …" (colon right after the time) is IOS
  if (upper && (m = text.match(SYSLOG_PROG))) {
    return { shape: 'syslog', time: { month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]!, ms: ms(m[6]) }, host: m[7], program: m[8], pid: m[9], message: m[10]! };
  }
  if ((upper || digit || c === 42 || c === 46) && (m = text.match(IOS))) {
    return { shape: 'ios', clockUnsynced: m[1] === '*', time: { year: n(m[4]), month: m[2] ? monthOf(m[2]) : undefined, day: n(m[3]), hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ms: ms(m[8]) }, message: m[9]! };
  }
  if ((digit || c === 42 || c === 46) && (m = text.match(IOS_UPTIME))) return { shape: 'ios', clockUnsynced: m[1] === '*', message: m[3]! };
  if ((upper || digit || c === 42 || c === 46) && text.includes('x') && (m = text.match(IOS_MASKED)) && /x/.test(text.slice(0, text.length - m[3]!.length))) return { shape: 'ios', clockUnsynced: m[1] === '*', message: m[3]! };
  if (upper && (m = text.match(SYSLOG_HOST))) {
    const time = { month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! };
    // routers that write the facility.level between host and tag (`Feb  6 15:20:07 router daemon.info xl2tpd[19616]: …`)
    const f = m[7]!.match(LOGREAD_NO_DATE);
    if (f) return { shape: 'syslog', time, host: m[6], level: `${f[1]}.${f[2]}`, program: f[3], pid: f[4], message: f[5]! };
    return { shape: 'syslog', time, host: m[6], message: m[7]! };
  }
  if (c >= 97 && c <= 122 && (m = text.match(ROUTEROS_DATE)) && MONTH_NUMBER.has(m[1]![0]!.toUpperCase() + m[1]!.slice(1))) {
    return { shape: 'time-only', time: { year: n(m[3]), month: monthOf(m[1]![0]!.toUpperCase() + m[1]!.slice(1)), day: +m[2]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, message: m[7]! };
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
