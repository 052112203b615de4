import type { LogTime } from './types';
import { MONTH_GROUP as M, ms, type Prefixed } from './prefixed';
import { iosAfterPriTag, iosAfterRelay, isCounterTag } from './ios-relay-shapes';
import { sophosUnderYearTag } from './sophos-header';
import { isDigit } from './char-codes';

/**
 * The log header shapes splitPrefixByRegex (prefix-shapes.ts) tries, each as its pattern and the small reader of its groups: the
 * classic syslog header in English and localised month words, OpenWrt's logread, ISO 8601 and RFC 3339 times, RFC 5424 and
 * priorities, journalctl's short modes, charon's file log, accel-ppp's log file, RASMAN traces, router web tables, Android's
 * logcat, RouterOS dates, and the programs a pid-less tag may name. The reader that tries them in order stays in prefix-shapes.ts.
 */

/**
 * The classic BSD syslog header after its month (SYSLOG_PROG, LOCALE_SYSLOG): day, time with an
 * optional fraction, an optional host, the program, its pid, the message — groups 2 to 10.
 */
const SYSLOG_AFTER_MONTH = String.raw`+(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (?:([^\s:\[\]]+) )?([^\s\[:]+)(?:\[(\d+)\])?: ?(.*)$`;
/** The header SYSLOG_AFTER_MONTH's groups give, with the month already looked up. */
export const syslogOf = (m: RegExpMatchArray, month: number): Prefixed => {
  const p: Prefixed = { shape: 'syslog', time: { month, day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]!, ms: ms(m[6]) }, host: m[7], program: m[8], pid: m[9], message: m[10]! };
  if (m[9] !== undefined) return p;
  if (m[8]!.charCodeAt(0) === 60 /* < */) return iosAfterPriTag(p, m[8]!, p.message) ?? p;
  return isCounterTag(m[8]!) ? (sophosUnderYearTag(p, m[8]!) ?? iosAfterRelay(p, p.message)) : p;
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
export const LOCALE_MONTHS: ReadonlyMap<string, number> = new Map(
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
export const LOCALE_SYSLOG = new RegExp(String.raw`^(\p{L}{3,5})\.? ${SYSLOG_AFTER_MONTH}`, 'u');

/**
 * OpenWrt's logread: weekday, date, year, facility.level, tag. The tag may be empty (`daemon.info : 05[KNL] interface ppp2 deleted`):
 * musl's syslog() writes `ident[pid]: ` with the ident openlog was given and an empty one without openlog (musl src/misc/syslog.c,
 * `static char log_ident[32]`), so a daemon that never calls openlog — strongSwan's charon when `charon.syslog.identifier` is not set —
 * logs on OpenWrt with no name before its colon (coolsnowwolf/lede #4399)
 */
export const LOGREAD = new RegExp(String.raw`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4}) ([a-z0-9]+)\.([a-z]+) ([^\s\[:]*)(?:\[(\d+)\])?: ?(.*)$`);
// classic BSD syslog: host optional (BusyBox), program optional
export const SYSLOG_PROG = new RegExp(String.raw`^${M} ${SYSLOG_AFTER_MONTH}`);
export const SYSLOG_MASKED_HOST = new RegExp(String.raw`^(${M} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?) {2,}(\S.*)$`);
export const SYSLOG_HOST = new RegExp(String.raw`^${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.\d+)? (\S+) (.*)$`);

/** a charon thread and group (`09[IKE]`, with `log_level` `09[IKE1]`) as the whole of a word */
export const CHARON_HEAD = /^\d\d\[[A-Z]{3}\d?\]$/;
export const CHARON_FILELOG = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?(\d{4})-(\d\d)-(\d\d),? (\d\d):(\d\d)(?::(\d\d))?(?:[.,](\d{1,6}))? (\d\d\[[A-Z]{3}\d?\] .*)$/;
// fraction: up to 9 digits (Docker's `docker logs -t` writes nanoseconds, `…:56.281411938Z`)
export const ISO = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?:Z|[+-]\d\d:?\d\d)?\s+(?:([A-Z]+):?\s+)?(.*)$/;
/**
 * After an ISO time, a syslog tag: `[host ]program[pid]: ` — rsyslog's RFC 3339 file format (the
 * default of Debian 12 / Ubuntu 24.04: `2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: …`),
 * `journalctl -o short-iso` and Docker's `-t` prefix. A pid is required: without one a host and a
 * word followed by a colon (`ppp0 LCP:`, pppd's own `Remote message:` in a `docker logs -t` of a
 * foreground pppd) are not told apart from a tag — except for ISO_TAG_NO_PID's.
 */
export const ISO_TAG = /^(?:([^\s:[\]]+) )?([A-Za-z][\w./-]*)\[(\d+)\]: ?(.*)$/;
/**
 * `host program: ` without a pid, taken only when the program is a daemon KNOWN_PROGRAMS names: charon and the kernel log
 * without one (openlog without LOG_PID — 53 `charon:` and 22 `kernel:` lines in the corpus's classic headers, never with a
 * pid), and rsyslog's RFC 3339 file format writes the tag as sent (RSYSLOG_FileFormat, "%TIMESTAMP:::date-rfc3339%
 * %HOSTNAME% %syslogtag%…", https://www.rsyslog.com/doc/configuration/templates.html), so on Debian 12 / Ubuntu 24.04 a
 * strongSwan log reads `2024-05-01T10:00:00.123456+02:00 vpn charon: 09[IKE] …`. The host is required, so a bare
 * `word: ` after a time (a foreground daemon's own line) stays a message.
 */
export const ISO_TAG_NO_PID = /^([^\s:[\]]+) ([A-Za-z][\w./-]*): ?(.*)$/;
/**
 * After an ISO time, the rest of a row of OPNsense's log view (System › Log Files, its columns date, process, line) copied as a table:
 * `2020-11-02T00:25:07 | charon[38591] | 15[IKE] <con1\|3> XAuth authentication of '…' failed` (opnsense/core#4438; the columns
 * assumed from that copy, whose Markdown put a backslash before the bar inside the message)
 */
export const ISO_CELLS = /^\| ([A-Za-z][\w./-]*)(?:\[(\d+)\])? \| (.*)$/;
/** OpenWrt logread cut before the date (a paste that starts at the facility): `daemon.notice xl2tpd[1180]: …`; its tag may be empty as LOGREAD's */
export const LOGREAD_NO_DATE = /^([a-z]+)\.(emerg|alert|crit|err|warn|warning|notice|info|debug) ([^\s[:]*)(?:\[(\d+)\])?: ?(.*)$/;
/**
 * A syslog priority left in front of the header (`<7>May 20 14:22:45 pppd[536]: …`: a raw syslog
 * capture, some BusyBox builds), RFC 3164 §4.1.1; after it, RFC 5424's version `1` and its fields
 * (RFC 5424 §6: `<30>1 2024-05-01T10:00:00.123+02:00 host app procid msgid [sd|-] msg`).
 */
export const PRI = /^<\d{1,3}>(.*)$/;
/** a priority with text right after it (not a charon IKE_SA's `<12> ` before a blank) */
export const PRI_BEFORE_TEXT = /^<\d{1,3}>\S/;
/**
 * (structured data may be cut at the line's end, its `]` not there: a hard wrap cut the record inside it, as a terminal or mail cuts a
 * Juniper SRX RT_FLOW record at 100 columns — the header is still the line's, so the wrap's rest is joined to it, detect.ts continuesWrap)
 */
export const RFC5424 = /^1 (\d{4}-\d\d-\d\dT\S+) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+|(?:\[(?:[^\]\\]|\\.)*\])*\[(?:[^\]\\]|\\.)*$) ?(.*)$/;
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
export const KIWI_FORWARD = /^Original Address=(\S+) 1 (\d{4}-\d\d-\d\dT\S+)(?: \S+ \S+ \S+ \S+ (.*)| .*)?$/;
/** `kubectl logs --prefix`: `[pod/name/container] ` before the line */
export const KUBECTL = /^\[pod\/[^\]\s]+\] (.+)$/;
/**
 * `journalctl -o short-unix`: `1733390000.123456 host program[pid]: ` — seconds since the epoch (`%10d.%06d`, systemd
 * src/shared/logs-show.c output_timestamp_realtime), so UTC: the time is given as UTC's wall time (as an RFC 3339 header's is
 * kept as written; correlate.ts finds a zone step). Ten digits: 2001 to 2286.
 */
export const SHORT_UNIX = /^(\d{10})\.(\d{1,6}) (.+)$/;
/**
 * `journalctl -o short-full` and `-o with-unit`: `Thu 2024-12-05 10:13:20 CET host program[pid]: ` (format_timestamp: `%a
 * %Y-%m-%d %H:%M:%S %Z`, systemd's own English weekdays; output_timestamp_realtime), with-unit writing the service unit in the
 * program's place (`xl2tpd.service[2211]`, output_short). The zone word is dropped, the wall time kept (as RFC 3339's offset).
 */
export const SHORT_FULL = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? [A-Za-z0-9+-]+ (.+)$/;
/** with-unit's unit in the program's place: the daemon it runs (assumed: a VPN daemon's unit is named after it, `xl2tpd.service`, `pptpd.service`) */
export const UNIT_SUFFIX = /\.service$/;
/** `journalctl -o short-monotonic`: `[ seconds.micro] host program[pid]: ` */
export const MONOTONIC = /^\[ *\d+\.\d+\] (.+)$/;
/**
 * accel-ppp's log_file module: `[2017-12-05 14:36:25]:  info: tek0.10: …` (level padded to five
 * characters) or, in older builds, `[2017-12-07 01:04:30.344] ppp0: …` (accel-pppd/logs/log_file.c). The padding may
 * come as a tab (an editor's tabify of the file).
 */
export const ACCEL_FILE = /^\[(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?\]:?[ \t]+(?:(emerg|error|warn|info|msg|debug):[ \t]+)?(.*)$/;
/**
 * RAS tracing (rasman.log, ppp.log, rastapi.log …: Windows' rtutils TracePrintfEx / TracePutsEx): `[tid] MM-DD hh:mm:ss:mmm: `
 * when the component traces with TRACE_USE_DATE (Windows 10's rasman), `[tid] hh:mm:ss:mmm: ` without it (XP … 2012's ppp.log and
 * rasman.log), and TraceDumpEx's hex-dump lines never carry the date, whatever the component (rtutils trace.c, the
 * `"[%03d] %02u-%02u %02u:%02u:%02u:%03u: %s"` and `"[%03d] %02u:%02u:%02u:%03u: "` formats; the RAS components' trace flags all
 * include TRACE_USE_MSEC — raschap.h, raseap, rasbacp — so the milliseconds are required: a `[n] hh:mm:ss: ` line is no RAS trace's)
 */
export const RASMAN = /^\[(\d+)\] (?:(\d\d)-(\d\d) )?(\d\d):(\d\d):(\d\d):(\d{3}): ?(.*)$/;
export const ROUTER_TAB = new RegExp(String.raw`^(\d+)\t${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)\t([^\t]+)\t([^\t]+)\t(.*)$`);
/**
 * The same rows copied from the router's web page rather than saved: the table's cells come apart by
 * blanks, not tabs. Without the tabs a cell may hold blanks, so the facility is one word and the
 * level an upper-case word (`PPP  INFO`, `PPP  ERROR`), as these logs write them.
 */
export const ROUTER_CELLS = new RegExp(String.raw`^(\d+)[\t ]+${M} +(\d{1,2}) (\d\d):(\d\d):(\d\d)[\t ]+([A-Za-z][\w-]*)[\t ]+([A-Z]{3,9})[\t ]+(.*)$`);
export const TIME_ONLY = /^(\d\d):(\d\d):(\d\d)(?:[.,](\d+))? (.*)$/;
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
export const LOGCAT_BRIEF = /^([VDIWEFA])\/([^\s(:]+) *(?:\( *(\d+)\))?: (.*)$/;
const LOGCAT_THREADTIME = /^(?:\S+ +)?(\d+) +\d+ ([VDIWEFA]) ([^\s:]+) *: (.*)$/;
export const LOGCAT_TIME = /^(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3,6}) +(.*)$/;
/** After a logcat time: the rest of a `time` or `threadtime` line, or undefined. */
export function logcatAfterTime(rest: string, time: LogTime): Prefixed | undefined {
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
export const ROUTEROS_DATE = /^([A-Za-z]{3})\/(\d\d)(?:\/(\d{4}))? (\d\d):(\d\d):(\d\d) (.*)$/;
/** `dec`, `Dec`, `DEC` as MONTH_NUMBER spells it (`Dec`) */
export const routerOsMonth = (m: string): string => m[0]!.toUpperCase() + m.slice(1).toLowerCase();
export const PROGRAM = /^([A-Za-z][\w.-]*)(?:\[(\d+)\])?: (.*)$/;
export const PROGRAM_PID = /^([A-Za-z][\w.-]*)\[(\d+)\]: ?(.*)$/;


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
export const isKnownProgram = (name: string): boolean => KNOWN_PROGRAMS[name.length]?.includes(name) === true;

/** Whether the line's leading digits are followed by a tab or a blank (ROUTER_TAB's and ROUTER_CELLS' `^(\d+)[\t ]+`). */
export function blankAfterDigits(text: string): boolean {
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return i > 0 && (c === 9 || c === 32);
}
