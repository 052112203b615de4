import type { LogTime } from './types';
import { MONTH_GROUP as M, MONTH_NUMBER, monthOf, ms, n, type Prefixed } from './prefixed';
import { iosAfterPriTag, iosAfterRelay, iosShape, isCounterTag } from './ios-relay-shapes';
import { isDigit } from './char-codes';
import { kiwiAfterIsoTime, kiwiIsoComma, kiwiOtherDate, visualSyslogRow, type CollectorColumns } from './collector-rows';

export { MONTHS, ms, type Prefixed } from './prefixed';
export { iosAfterPriTag, iosAfterRelay, iosByOriginTag, isCounterTag } from './ios-relay-shapes';

/**
 * The part of a log line before the message: timestamp, host, program[pid]. One function per
 * header shape the corpus shows (server-logs/README.md "Line formats"); the first that matches wins.
 */


/**
 * The classic BSD syslog header after its month (SYSLOG_PROG, LOCALE_SYSLOG): day, time with an
 * optional fraction, an optional host, the program, its pid, the message — groups 2 to 10.
 */
const SYSLOG_AFTER_MONTH = String.raw`+(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (?:([^\s:\[\]]+) )?([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`;
/** The header SYSLOG_AFTER_MONTH's groups give, with the month already looked up. */
const syslogOf = (m: RegExpMatchArray, month: number): Prefixed => {
  const p: Prefixed = { shape: 'syslog', time: { month, day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]!, ms: ms(m[6]) }, host: m[7], program: m[8], pid: m[9], message: m[10]! };
  if (m[9] !== undefined) return p;
  if (m[8]!.charCodeAt(0) === 60 /* < */) return iosAfterPriTag(p, m[8]!, p.message) ?? p;
  return isCounterTag(m[8]!) ? iosAfterRelay(p, p.message) : p;
};

/**
 * `journalctl`'s default output writes its time with strftime's `%b %d %H:%M:%S` in the reader's
 * locale (systemd src/shared/logs-show.c, output_timestamp_realtime), so a German or Dutch admin's
 * copy says `Dez 03 10:11:12` or `mrt 03 10:11:12`; rsyslog's files stay English. The month words
 * are glibc's `abmon` (localedata/locales/<locale>): checked for de_DE (Jan Feb Mär … Okt Nov Dez),
 * nl_NL (jan feb mrt apr mei … okt nov dec) and fr_FR (janv. févr. mars avril mai juin juil. août
 * sept. oct. nov. déc.; older glibc `avr.`); the other languages' are assumed from glibc's tables.
 * One word never names two months across these languages, so one table serves them all (lower
 * case, without the trailing dot).
 */
const LOCALE_MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'jän', 'janv', 'ene', 'gen', 'sty', 'янв', 'led'],
    ['feb', 'févr', 'fév', 'fev', 'lut', 'фев', 'úno'],
    ['mär', 'mrt', 'mars', 'mar', 'мар', 'bře'],
    ['apr', 'avril', 'avr', 'abr', 'kwi', 'апр', 'dub'],
    ['mai', 'mei', 'may', 'mag', 'maj', 'мая', 'май', 'kvě'],
    ['jun', 'juin', 'giu', 'cze', 'июн', 'čvn'],
    ['jul', 'juil', 'lug', 'lip', 'июл', 'čvc'],
    ['aug', 'août', 'ago', 'sie', 'авг', 'srp'],
    ['sep', 'sept', 'set', 'wrz', 'сен', 'zář'],
    ['okt', 'oct', 'ott', 'out', 'paź', 'окт', 'říj'],
    ['nov', 'lis', 'ноя'],
    ['dez', 'dec', 'déc', 'dic', 'des', 'gru', 'дек', 'pro'],
  ].flatMap((words, i) => words.map((w): [string, number] => [w, i + 1])),
);
/** SYSLOG_PROG with a month word in any of those languages (its month is looked up: a word not in the table is no header) */
const LOCALE_SYSLOG = new RegExp(String.raw`^(\p{L}{3,5})\.? ${SYSLOG_AFTER_MONTH}`, 'u');

const LOGREAD = new RegExp(String.raw`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) ([a-z0-9]+)\.([a-z]+) ([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`);
// classic BSD syslog: host optional (BusyBox), program optional
const SYSLOG_PROG = new RegExp(String.raw`^${M} ${SYSLOG_AFTER_MONTH}`);
const SYSLOG_MASKED_HOST = new RegExp(String.raw`^(${M} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?) {2,}(\S.*)$`);
const SYSLOG_HOST = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\S+) (.*)$`);

/** a charon thread and group (`09[IKE]`, with `log_level` `09[IKE1]`) as the whole of a word */
const CHARON_HEAD = /^\d\d\[[A-Z]{3}\d?\]$/;
const CHARON_FILELOG = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{4})-(\d\d)-(\d\d),? (\d\d):(\d\d)(?::(\d\d))?(?:[.,](\d{1,6}))? (\d\d\[[A-Z]{3}\d?\] .*)$/;
// fraction: up to 9 digits (Docker's `docker logs -t` writes nanoseconds, `…:56.281411938Z`)
const ISO = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?:Z|[+-]\d\d:?\d\d)?\s+(?:([A-Z]+):?\s+)?(.*)$/;
/**
 * After an ISO time, a syslog tag: `[host ]program[pid]: ` — rsyslog's RFC 3339 file format (the
 * default of Debian 12 / Ubuntu 24.04: `2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: …`),
 * `journalctl -o short-iso` and Docker's `-t` prefix. A pid is required: without one a host and a
 * word followed by a colon (`ppp0 LCP:`, pppd's own `Remote message:` in a `docker logs -t` of a
 * foreground pppd) are not told apart from a tag — except for ISO_TAG_NO_PID's.
 */
const ISO_TAG = /^(?:([^\s:[\]]+) )?([A-Za-z][\w./-]*)\[(\d+)\]: ?(.*)$/;
/**
 * `host program: ` without a pid, taken only when the program is a daemon KNOWN_PROGRAMS names: charon and the kernel log
 * without one (openlog without LOG_PID — 53 `charon:` and 22 `kernel:` lines in the corpus's classic headers, never with a
 * pid), and rsyslog's RFC 3339 file format writes the tag as sent (RSYSLOG_FileFormat, "%TIMESTAMP:::date-rfc3339%
 * %HOSTNAME% %syslogtag%…", https://www.rsyslog.com/doc/configuration/templates.html), so on Debian 12 / Ubuntu 24.04 a
 * strongSwan log reads `2024-05-01T10:00:00.123456+02:00 vpn charon: 09[IKE] …`. The host is required, so a bare
 * `word: ` after a time (a foreground daemon's own line) stays a message.
 */
const ISO_TAG_NO_PID = /^([^\s:[\]]+) ([A-Za-z][\w./-]*): ?(.*)$/;
/**
 * After an ISO time, the rest of a row of OPNsense's log view (System › Log Files, its columns date, process, line) copied as a table:
 * `2020-11-02T00:25:07 | charon[38591] | 15[IKE] <con1\|3> XAuth authentication of '…' failed` (opnsense/core#4438; the columns
 * assumed from that copy, whose Markdown put a backslash before the bar inside the message)
 */
const ISO_CELLS = /^\| ([A-Za-z][\w./-]*)(?:\[(\d+)\])? \| (.*)$/;
/** OpenWrt logread cut before the date (a paste that starts at the facility): `daemon.notice xl2tpd[1180]: …` */
const LOGREAD_NO_DATE = /^([a-z]+)\.(emerg|alert|crit|err|warn|warning|notice|info|debug) ([^\s[:]+)(?:\[(\d+)\])?: ?(.*)$/;
/**
 * A syslog priority left in front of the header (`<7>May 20 14:22:45 pppd[536]: …`: a raw syslog
 * capture, some BusyBox builds), RFC 3164 §4.1.1; after it, RFC 5424's version `1` and its fields
 * (RFC 5424 §6: `<30>1 2024-05-01T10:00:00.123+02:00 host app procid msgid [sd|-] msg`).
 */
const PRI = /^<\d{1,3}>(.*)$/;
/** a priority with text right after it (not a charon IKE_SA's `<12> ` before a blank) */
const PRI_BEFORE_TEXT = /^<\d{1,3}>\S/;
const RFC5424 = /^1 (\d{4}-\d\d-\d\dT\S+) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(.*)$/;
/**
 * Kiwi Syslog Server forwarding a message on (its "Forward to another host" action with the RFC 5424 option): after the priority,
 * `Original Address=` and the sender's address, then RFC 5424's version, time, Kiwi's host, app name, process id and message id
 * (no structured-data field), then the device's line — `<190>Original Address=192.168.0.1 1 2025-06-23T16:13:32.168Z
 * syslog-host-1 Kiwi_SyslogNet_Server 3356 MSGOUT TEST-HOST-1: *Jun 23 15:52:38.534: %SYS-6-LOGOUT: …` (elastic/integrations
 * packages/cisco_ios/data_stream/log/_dev/test/pipeline/test-kiwi.log, PR #14294: "The Kiwi Syslog server alters the original
 * Cisco IOS log by inserting a `Original Address=IP` at the beginning of the log, along with an RFC 5424 header"). The sender's
 * address is the device's; Kiwi's own host name is not kept. A line cut inside Kiwi's fields (a hard wrap) is still this header,
 * with no message yet: the wrap's next piece continues it (first-wrap.ts).
 */
const KIWI_FORWARD = /^Original Address=(\S+) 1 (\d{4}-\d\d-\d\dT\S+)(?: \S+ \S+ \S+ \S+ (.*)| .*)?$/;
/** `kubectl logs --prefix`: `[pod/name/container] ` before the line */
const KUBECTL = /^\[pod\/[^\]\s]+\] (.+)$/;
/**
 * `journalctl -o short-unix`: `1733390000.123456 host program[pid]: ` — seconds since the epoch (`%10d.%06d`, systemd
 * src/shared/logs-show.c output_timestamp_realtime), so UTC: the time is given as UTC's wall time (as an RFC 3339 header's is
 * kept as written; correlate.ts finds a zone step). Ten digits: 2001 to 2286.
 */
const SHORT_UNIX = /^(\d{10})\.(\d{1,6}) (.+)$/;
/**
 * `journalctl -o short-full` and `-o with-unit`: `Thu 2024-12-05 10:13:20 CET host program[pid]: ` (format_timestamp: `%a
 * %Y-%m-%d %H:%M:%S %Z`, systemd's own English weekdays; output_timestamp_realtime), with-unit writing the service unit in the
 * program's place (`xl2tpd.service[2211]`, output_short). The zone word is dropped, the wall time kept (as RFC 3339's offset).
 */
const SHORT_FULL = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? [A-Za-z0-9+-]+ (.+)$/;
/** with-unit's unit in the program's place: the daemon it runs (assumed: a VPN daemon's unit is named after it, `xl2tpd.service`, `pptpd.service`) */
const UNIT_SUFFIX = /\.service$/;
/** `journalctl -o short-monotonic`: `[ seconds.micro] host program[pid]: ` */
const MONOTONIC = /^\[ *\d+\.\d+\] (.+)$/;
/**
 * accel-ppp's log_file module: `[2017-12-05 14:36:25]:  info: tek0.10: …` (level padded to five
 * characters) or, in older builds, `[2017-12-07 01:04:30.344] ppp0: …` (accel-pppd/logs/log_file.c). The padding may
 * come as a tab (an editor's tabify of the file).
 */
const ACCEL_FILE = /^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\]:?[ \t]+(?:(emerg|error|warn|info|msg|debug):[ \t]+)?(.*)$/;
const RASMAN = /^\[(\d+)\] (\d\d)-(\d\d) (\d\d):(\d\d):(\d\d):(\d{3}): ?(.*)$/;
const ROUTER_TAB = new RegExp(String.raw`^(\d+)\t${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)\t([^\t]+)\t([^\t]+)\t(.*)$`);
/**
 * The same rows copied from the router's web page rather than saved: the table's cells come apart by
 * blanks, not tabs. Without the tabs a cell may hold blanks, so the facility is one word and the
 * level an upper-case word (`PPP  INFO`, `PPP  ERROR`), as these logs write them.
 */
const ROUTER_CELLS = new RegExp(String.raw`^(\d+)[\t ]+${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)[\t ]+([A-Za-z][\w-]*)[\t ]+([A-Z]{3,9})[\t ]+(.*)$`);
const TIME_ONLY = /^(\d\d):(\d\d):(\d\d)(?:[.,](\d+))? (.*)$/;
/**
 * Android logcat, as `adb logcat` prints a line (AOSP system/core liblog/logprint.c, android_log_formatLogLine): the
 * strongSwan app's charon writes each of its lines to logcat under the tag `charon`, as `%.2d[%s] %s` — thread, group,
 * text (strongSwan src/libcharon/plugins/android_log/android_log_logger.c) — and logcat puts its format's header first:
 *   brief `%c/%-8s(%5d): ` `I/charon  ( 1234): 09[IKE] …`; tag `%c/%-8s: ` `I/charon  : 09[IKE] …`;
 *   time `%m-%d %H:%M:%S.%03ld %c/%-8s(%5d): ` `12-04 09:12:01.123 I/charon  ( 1234): 09[IKE] …`;
 *   threadtime `%m-%d %H:%M:%S.%03ld %5d %5d %c %-8s: ` (pid, tid; logcat's default since Android 7)
 *   `12-04 09:12:01.123  1234  1250 I charon  : 09[IKE] …`; `-v year` puts the year first (`2026-12-04 …`), `-v uid` a uid
 *   before the pid. (`process`, `thread` and `long`, which put the tag after the message or on a line of its own, are not read.)
 * The tag is the program, the priority letter the level.
 */
const LOGCAT_BRIEF = /^([VDIWEFA])\/([^\s(:]+) *(?:\( *(\d+)\))?: (.*)$/;
const LOGCAT_THREADTIME = /^(?:\S+ +)?(\d+) +\d+ ([VDIWEFA]) ([^\s:]+) *: (.*)$/;
const LOGCAT_TIME = /^(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3,6}) +(.*)$/;
/** After a logcat time: the rest of a `time` or `threadtime` line, or undefined. */
function logcatAfterTime(rest: string, time: LogTime): Prefixed | undefined {
  let m: RegExpMatchArray | null;
  if ((m = rest.match(LOGCAT_THREADTIME))) return { shape: 'logcat', time, level: m[2], program: m[3], pid: m[1], message: m[4]! };
  if (rest.charCodeAt(1) === 47 /* / */ && (m = rest.match(LOGCAT_BRIEF))) return { shape: 'logcat', time, level: m[1], program: m[2], pid: m[3], message: m[4]! };
  return undefined;
}
/**
 * RouterOS 6 `/log print` gives entries of other days a date: `jan/02 10:20:30` or `jan/02/2019 10:20:30` (lower-case month,
 * MikroTik help "Log": `jan/02/1970 02:00:09 system,info router rebooted`, `sep/15 09:54:33 …`). Copies of the same rows come
 * capitalised too: `Dec/04/2024 12:21:50 ovpn,info …` in forum.mikrotik.com thread 213051 (search index file 15181033409; a
 * forum or Winbox copy, which one is not known), and `DEC/04` from an editor's upper case (assumed): the month is read in any case.
 */
const ROUTEROS_DATE = /^([A-Za-z]{3})\/(\d\d)(?:\/(\d{4}))? (\d\d):(\d\d):(\d\d) (.*)$/;
/** `dec`, `Dec`, `DEC` as MONTH_NUMBER spells it (`Dec`) */
const routerOsMonth = (m: string): string => m[0]!.toUpperCase() + m.slice(1).toLowerCase();
const PROGRAM = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: (.*)$/;
const PROGRAM_PID = /^([A-Za-z][\w.-]*)\[(\d+)\]: ?(.*)$/;


/** The program names most logs carry, as constants: no string cut per line, and a Map lookup by them needs no hashing. */
/**
 * Daemons seen logging without a pid in real logs (besides charon and the kernel), so an RFC 3339 header's `host tag:` reads
 * as theirs (ISO_TAG_NO_PID): NetworkManager and its `modem-manager` (test/fixtures/real/server-logs/pppd-pptp-client-nm-…),
 * accel-ppp's `accel-sstp` ident (pppd-accel-sstp-syslog-…), ipsec-tools' `racoon` (pppd-pptp-client-nm-lcp-timeout-…) and Openswan/Libreswan's start
 * scripts `ipsec_setup` and `ipsec__plutorun` (pluto-openswan-l2tp-client-…; hwdsl2/setup-ipsec-vpn#579 has
 * `ipsec-vpn-server ipsec__plutorun: Starting Pluto`).
 */
const PIDLESS_DAEMONS = ['NetworkManager', 'modem-manager', 'accel-sstp', 'racoon', 'ipsec_setup', 'ipsec__plutorun'];
export const KNOWN_PROGRAMS: string[][] = [];
for (const p of ['pppd', 'pptpd', 'pptp', 'pptpctrl', 'xl2tpd', 'accel-pppd', 'pppoe-server', 'l2tpd', 'openl2tpd', 'charon', 'charon-systemd', 'charon-cmd', 'pluto', 'ipsec', 'addconn', 'kernel', 'systemd', 'dnsmasq', 'dropbear', 'sshd', 'cron', 'CRON', ...PIDLESS_DAEMONS]) (KNOWN_PROGRAMS[p.length] ??= []).push(p);

/** One of the daemons KNOWN_PROGRAMS names. */
const isKnownProgram = (name: string): boolean => KNOWN_PROGRAMS[name.length]?.includes(name) === true;

/** Whether the line's leading digits are followed by a tab or a blank (ROUTER_TAB's and ROUTER_CELLS' `^(\d+)[\t ]+`). */
function blankAfterDigits(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const c = text.charCodeAt(i);
  return i > 0 && (c === 9 || c === 32);
}


/** `host 123: ` or `host : ` after an RFC 3339 relay time (the relay's host, then the counter or an empty tag): the IOS line after it */
const ISO_IOS_RELAY = /^([^\s:[\]]+) (?:\d{1,10})?: (.*)$/;
/** IOS's message counter before its line (`123: `): what a relay takes for the program tag (isCounterTag) */
const IOS_COUNTER = /^\d{1,10}: /;

/**
 * The device's own line in a collector's message column, with its own header, or undefined when it has none: a Cisco IOS line
 * after IOS's message counter (read as a relayed one, iosAfterRelay: the counter is what IOS puts first in what it sends, as
 * the relays' tag shows — assumed to be IOS's wherever a message starts with `digits: `), else whatever header the line has
 * (a router's or Linux box's syslog header, IOS's own time, an ASA's `logging timestamp`, `pppd[123]: `). Its time is the
 * device's when that has a date, else the collector's; its host the device's, else the sender the collector names.
 */
function ownLine(cols: CollectorColumns): Prefixed | undefined {
  let text = cols.message;
  // (rsyslog's %msg% keeps the blank after the tag)
  if (text.charCodeAt(0) === 32) text = text.trimStart();
  if (isDigit(text.charCodeAt(0)) && IOS_COUNTER.test(text)) return iosAfterRelay(cols, text.slice(text.indexOf(':') + 2));
  const own = splitPrefixByRegex(text);
  // (no header: an IOS line after its `logging origin-id` name, or an IOS system message without a time — iosAfterRelay's strict reading)
  if (own.shape === 'none') return iosAfterRelay(cols, text, true);
  if (own.time?.month === undefined && cols.time) own.time = cols.time;
  if (own.host === undefined && cols.host !== undefined) own.host = cols.host;
  return own;
}

/**
 * A collector's row (collector-rows.ts) read as the device's line it holds (ownLine); a message without a header of its own (an
 * ASA's `%ASA-6-…` without `logging timestamp`, a MikroTik's `l2tp,info …`) as a classic relay's record of it: the collector's
 * time and the sender as its header (the shape SYSLOG_HOST gives `Dec  5 09:12:01 10.1.1.1 l2tp,info …`).
 */
export function underCollector(cols: CollectorColumns): Prefixed {
  const own = ownLine(cols);
  if (own) return own;
  // (a message without its own header, after its priority: the text after it)
  const text = cols.message.charCodeAt(0) === 32 ? cols.message.trimStart() : cols.message;
  const pri = text.charCodeAt(0) === 60 ? PRI.exec(text) : null;
  const p: Prefixed = { shape: 'syslog', message: pri ? pri[1]! : text };
  if (cols.time) p.time = cols.time;
  if (cols.host !== undefined) p.host = cols.host;
  return p;
}

/**
 * A Visual Syslog Server row (collector-rows.ts visualSyslogRow) read as the line the device sent: with a tag or IOS's shape, that
 * line's reading, the sender as its host where it names none; else (no tag: a MikroTik's `l2tp,info …`, whose first word Visual
 * Syslog took for a host) the message under the row's time and sender, as a collector's (underCollector).
 */
function underVisualSyslog(row: { sender: string; line: string; time: LogTime; raw: string }): Prefixed {
  const own = splitPrefixByRegex(row.line);
  if (own.program !== undefined || own.shape === 'ios') {
    if (own.host === undefined) own.host = row.sender;
    return own;
  }
  return underCollector({ time: row.time, host: row.sender, message: row.raw });
}

/**
 * An RFC 5424 header a relay put before the device's own line, read as that line (ownLine), or undefined (the header's own reading
 * stands). rsyslog's RSYSLOG_SyslogProtocol23Format (`<%PRI%>1 %TIMESTAMP:::date-rfc3339% %HOSTNAME% %APP-NAME% %PROCID% %MSGID%
 * %STRUCTURED-DATA% %msg%`, https://www.rsyslog.com/doc/configuration/templates.html) writes an IOS line's message counter as the
 * APP-NAME (the tag rsyslog took from `123: *Dec  5 …`, as its classic file format does: iosAfterRelay) and `-` for the PROCID; a
 * template or relay that forwards the sender's whole line (`%rawmsg%`) leaves APP-NAME `-` (assumed) or names itself (`app`,
 * assumed) before a line with a full header of its own. Only without a PROCID: a daemon's own RFC 5424 record carries its pid.
 */
function deviceUnder5424(time: LogTime | undefined, host: string | undefined, program: string | undefined, message: string): Prefixed | undefined {
  if (program !== undefined && isCounterTag(program)) return iosAfterRelay({ time, host }, message.charCodeAt(0) === 32 ? message.trimStart() : message);
  const c = message.charCodeAt(0);
  // (a header starts with a digit, a capital, `*`, `.`, `<` or a blank: any other message is the record's own text)
  if (!(isDigit(c) || (c >= 65 && c <= 90) || c === 42 || c === 46 || c === 60 || c === 32)) return undefined;
  const own = ownLine({ time, host, message });
  if (!own) return undefined;
  // under a named APP-NAME, only a whole header of the device's own (a date, and a program or IOS's shape): `Dec  5 …: text` is text
  if (program !== undefined && (own.time?.month === undefined || own.time === time || (own.program === undefined && own.shape !== 'ios'))) return undefined;
  return own;
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
  // from the line before, line-normalize.ts normalizeLine, as charon's thread lines after it have no header): the inner header
  if (c === 91 /* [ */ && (m = text.match(KUBECTL))) {
    const p = splitPrefixByRegex(m[1]!);
    if (p.shape !== 'none') return p;
  }
  if (c === 91 /* [ */ && (m = text.match(MONOTONIC))) {
    const t = m[1]!.match(ISO_TAG);
    if (t) return { shape: 'program', host: t[1], program: t[2], pid: t[3], message: t[4]! };
    const u = m[1]!.match(ISO_TAG_NO_PID);
    if (u && isKnownProgram(u[2]!)) return { shape: 'program', host: u[1], program: u[2], message: u[3]! };
  }
  if (c === 60 /* < */ && (m = text.match(PRI))) {
    const rest = m[1]!;
    // Kiwi Syslog Server's forward (its `Original Address=` and RFC 5424 header before the device's line): that line, under it
    const kiwi = rest.charCodeAt(0) === 79 /* O */ ? KIWI_FORWARD.exec(rest) : null;
    if (kiwi) return underCollector({ time: splitPrefixByRegex(`${kiwi[2]} -`).time, host: kiwi[1], message: kiwi[3] ?? '' });
    const r = rest.match(RFC5424);
    if (!r) return splitPrefixByRegex(rest);
    const t = splitPrefixByRegex(`${r[1]} -`);
    const field = (f: string) => (f === '-' ? undefined : f);
    const host = field(r[2]!);
    const program = field(r[3]!);
    const pid = field(r[4]!);
    const own = pid === undefined ? deviceUnder5424(t.time, host, program, r[5]!) : undefined;
    return own ?? { shape: 'iso', time: t.time, host, program, pid, message: r[5]! };
  }
  if (digit && text.charCodeAt(10) === 46 /* . */ && (m = text.match(SHORT_UNIX))) {
    const t = m[3]!.match(ISO_TAG);
    if (t) {
      const d = new Date(Number(m[1]) * 1000);
      const time = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: ms(m[2]!.padStart(6, '0')) };
      return { shape: 'iso', time, host: t[1], program: t[2], pid: t[3], message: t[4]! };
    }
  }
  if (upper && text.charCodeAt(3) === 32 && text.charCodeAt(8) === 45 && (m = text.match(SHORT_FULL))) {
    const t = m[8]!.match(ISO_TAG);
    if (t) {
      const time = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) };
      return { shape: 'iso', time, host: t[1], program: t[2]!.replace(UNIT_SUFFIX, ''), pid: t[3], message: t[4]! };
    }
  }
  if (upper && text.charCodeAt(1) === 47 /* / */ && (m = text.match(LOGCAT_BRIEF))) return { shape: 'logcat', level: m[1], program: m[2], pid: m[3], message: m[4]! };
  if (upper && (m = text.match(LOGREAD))) {
    return { shape: 'logread', time: { year: +m[6]!, month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, level: `${m[7]}.${m[8]}`, program: m[9], pid: m[10], message: m[11]! };
  }
  // (a digit-led CHARON_FILELOG has its date in characters 0–9 and a comma or blank at 10: an RFC 3339 line's `T` is there,
  // and each regex tried and failed cost a match's work on every line of such a log — 2× the classic header's time)
  if ((upper || (digit && (text.charCodeAt(10) === 32 || text.charCodeAt(10) === 44))) && (m = text.match(CHARON_FILELOG))) {
    // a time_format without seconds: second 0, marked minute-only (shown and correlated as the minute the line says, no invented :00)
    return { shape: 'iso', time: m[6] ? { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6], ms: ms(m[7]) } : { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: 0, minuteOnly: true }, message: m[8]! };
  }
  // (`MM-DD hh:`: a dash third and a blank sixth, which no ISO date, router row or IOS time has)
  if (digit && text.charCodeAt(2) === 45 && text.charCodeAt(5) === 32 && (m = text.match(LOGCAT_TIME))) {
    const p = logcatAfterTime(m[7]!, { month: +m[1]!, day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]!, ms: ms(m[6]) });
    if (p) return p;
  }
  // (both start with a number and a tab or blank: a date's `-` after the digits rules them out)
  if (digit && blankAfterDigits(text) && ((m = text.match(ROUTER_TAB)) || (m = text.match(ROUTER_CELLS)))) {
    return { shape: 'router-tab', seq: +m[1]!, time: { month: monthOf(m[2]!), day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, program: m[7], level: m[8], message: m[9]! };
  }
  if (c === 91 /* [ */ && (m = text.match(RASMAN))) {
    return { shape: 'rasman', pid: m[1], time: { month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: +m[7]! }, message: m[8]! };
  }
  if (c === 91 /* [ */ && (m = text.match(ACCEL_FILE))) {
    return { shape: 'iso', time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) }, level: m[8], message: m[9]! };
  }
  // (Kiwi's comma-delimited file, collector-rows.ts: `dddd-` and a comma right after the seconds, where the ISO header needs a blank or a fraction's digits)
  if (digit && text.charCodeAt(19) === 44 && text.charCodeAt(4) === 45) {
    const kiwi = kiwiIsoComma(text);
    if (kiwi) return underCollector(kiwi);
  }
  if (digit && (m = text.match(ISO))) {
    // a receiver's time before the sender's whole syslog line (`2022-11-08T17:06:37+01:00 <30>Nov  8 17:06:36 host prog: …`): the sender's header
    if (m[9]!.charCodeAt(0) === 60 && PRI.test(m[9]!)) {
      const inner = splitPrefixByRegex(m[9]!);
      if (inner.shape === 'syslog') return inner;
    }
    const time = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) };
    // Kiwi Syslog Server's log file row (a tab or blank right after the seconds, then a `Facility.Level`): the device's line under Kiwi's columns (collector-rows.ts)
    const c19 = text.charCodeAt(19);
    const kiwi = c19 === 9 || (c19 === 32 && m[8] === undefined) ? kiwiAfterIsoTime(time, text.slice(19)) : undefined;
    if (kiwi) return underCollector(kiwi);
    // `adb logcat -v year`: a logcat header after the time (only looked for where a pid or a priority letter and `/` come next)
    if (m[8] === undefined) {
      const c9 = m[9]!.charCodeAt(0);
      const p = (c9 >= 48 && c9 <= 57) || m[9]!.charCodeAt(1) === 47 ? logcatAfterTime(m[9]!, time) : undefined;
      if (p) return p;
    }
    const cells = m[8] === undefined && m[9]!.charCodeAt(0) === 124 ? m[9]!.match(ISO_CELLS) : null;
    if (cells) return { shape: 'iso', time, program: cells[1], pid: cells[2], message: cells[3]! };
    // an upper-case host (`VPN pppd[1]: …`) was read as a level word: the tag decides
    const t = (m[8] === undefined ? m[9]! : `${m[8]} ${m[9]}`).match(ISO_TAG);
    if (t) return { shape: 'iso', time, host: t[1], program: t[2], pid: t[3], message: t[4]! };
    const u = (m[8] === undefined ? m[9]! : `${m[8]} ${m[9]}`).match(ISO_TAG_NO_PID);
    if (u && isKnownProgram(u[2]!)) return { shape: 'iso', time, host: u[1], program: u[2], message: u[3]! };
    // a receiver's time and the sender before the sender's whole message, its priority first (rsyslog's `%fromhost-ip% %rawmsg%` after a time: senderThenRaw)
    const raw = m[8] === undefined ? senderThenRaw(m[9]!, time) : undefined;
    if (raw) return raw;
    // rsyslog's RFC 3339 file header before an IOS line: the relay's host, then IOS's message counter or an empty tag (iosAfterRelay) —
    // only before IOS's own time or a system message: a FortiGate's `ike 0: comes …` debug under an ISO time has this shape too
    const relay = ISO_IOS_RELAY.exec(m[8] === undefined ? m[9]! : `${m[8]} ${m[9]}`);
    const ios = relay ? iosAfterRelay({ time, host: relay[1] }, relay[2]!, true) : undefined;
    if (ios) return ios;
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
    return syslogOf(m, monthOf(m[1]!));
  }
  const ios = iosShape(text, c);
  if (ios) return ios;
  if (upper && (m = text.match(SYSLOG_HOST))) {
    const time = { month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! };
    // no host, a charon thread head after the time: strongSwan's filelog with `time_format = %b %e %T` — the Android app's
    // own log (the app's "View log" and "Send log"), set so in src/frontends/android/app/src/main/jni/libandroidbridge/charonservice.c
    // (`charon.filelog.android.time_format`), and the example in strongSwan's docs: `Mar 11 03:12:57 16[NET] received packet: …`
    if (m[6]!.charCodeAt(2) === 91 /* [ */ && CHARON_HEAD.test(m[6]!)) return { shape: 'syslog', time, message: `${m[6]} ${m[7]}` };
    // a relay's header before the sender's whole message, its priority first (`Dec  5 09:12:01 10.1.1.1 <30>Dec  5 09:12:00 vpn
    // pppd[123]: …`: `%fromhost-ip% %rawmsg%` after a relay's time, assumed): the sender's line, under the relay's time and host
    if (m[7]!.charCodeAt(0) === 60 && PRI_BEFORE_TEXT.test(m[7]!)) return underCollector({ time, host: m[6], message: m[7]! });
    // an IOS line the relay wrote with an empty tag (no message counter): `Jun 23 00:28:46 145.89.109.1 : %SEC-6-IPACCESSLOGP: …`
    // (iosAfterRelay; as for the ISO header, only before IOS's own time or a system message: the same sample's `: 33 packets received` is none)
    const ios = m[7]!.charCodeAt(0) === 58 && m[7]!.charCodeAt(1) === 32 ? iosAfterRelay({ time, host: m[6] }, m[7]!.slice(2), true) : undefined;
    if (ios) return ios;
    // routers that write the facility.level between host and tag (`Feb  6 15:20:07 router daemon.info xl2tpd[19616]: …`)
    const f = m[7]!.match(LOGREAD_NO_DATE);
    if (f) return { shape: 'syslog', time, host: m[6], level: `${f[1]}.${f[2]}`, program: f[3], pid: f[4], message: f[5]! };
    return { shape: 'syslog', time, host: m[6], message: m[7]! };
  }
  // (a `/` fourth: no syslog, logread or IOS header above has one there)
  if (((c >= 97 && c <= 122) || upper) && text.charCodeAt(3) === 47 && (m = text.match(ROUTEROS_DATE)) && MONTH_NUMBER.has(routerOsMonth(m[1]!))) {
    return { shape: 'time-only', time: { year: n(m[3]), month: monthOf(routerOsMonth(m[1]!)), day: +m[2]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! }, message: m[7]! };
  }
  // (English months were read above; a lower-case or accented first letter is a locale's month)
  if (!digit && (m = text.match(LOCALE_SYSLOG))) {
    const month = LOCALE_MONTHS.get(m[1]!.toLowerCase());
    if (month) return syslogOf(m, month);
  }
  // (`dd-dd-dddd `: Kiwi's US or day-first date, which no header above starts with)
  if (digit && text.charCodeAt(2) === 45 && text.charCodeAt(5) === 45 && text.charCodeAt(10) === 32) {
    const kiwi = kiwiOtherDate(text);
    if (kiwi) return underCollector(kiwi);
  }
  // (a dotted address and a tab first: Visual Syslog Server's file, collector-rows.ts visualSyslogRow)
  if (digit) {
    const visual = visualSyslogRow(text);
    if (visual) return underVisualSyslog(visual);
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
  return senderThenRaw(text, undefined) ?? { shape: 'none', message: text };
}

/**
 * the sender's address (IPv4, or IPv6 with its colons) or host name, a blank, then a syslog priority with the message right after
 * it (`10.0.140.5 <189>…`, `rtr1.example.com <189>…`). An address or a DNS name (letters, digits, `-`, dots between its labels), not
 * any word: a charon line's thread head before its IKE_SA's number (`09[IKE] <12> …`, `ike_name = no`) has a `[` and a blank after
 * the number
 */
const SENDER_RAW = /^(\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]{0,4}:[\da-fA-F:.]*|[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?(?:\.[A-Za-z\d](?:[A-Za-z\d-]{0,61}[A-Za-z\d])?)*) (<\d{1,3}>\S.*)$/;

/**
 * The sender's address and the message as it came, its priority first: rsyslog's `%fromhost-ip% %rawmsg%` template
 * (`$template myFormat, "%fromhost-ip% %rawmsg%\n"`, a Chinese rsyslog how-to, search index file 2910380982), without a time
 * (`time` undefined) or after a receiver's RFC 3339 time (assumed: `%timegenerated:::date-rfc3339%` before the same two). The message
 * is read as the sender's own line (underCollector). `%fromhost%` writes the sender's name in the address's place (rsyslog's
 * property, the DNS name of the sender; the same template with it assumed): read the same, a name as the host. Only where a
 * name's or address's first character and a `<` after the first word are: no regex otherwise.
 */
function senderThenRaw(text: string, time: LogTime | undefined): Prefixed | undefined {
  const c = text.charCodeAt(0);
  if (!(isDigit(c) || c === 58 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return undefined;
  const sp = text.indexOf(' ');
  if (sp <= 0 || text.charCodeAt(sp + 1) !== 60) return undefined;
  const m = SENDER_RAW.exec(text);
  return m ? underCollector({ time, host: m[1], message: m[2]! }) : undefined;
}
