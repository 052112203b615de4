import type { LogTime } from './types';
import { MONTH_NUMBER, monthOf, ms, n, type Prefixed } from './prefixed';
import { iosAfterRelay, iosFieldsHeader, iosShape, isCounterTag } from './ios-relay-shapes';
import { SOPHOS_UTM } from './sophos-header';
import { tagAfterWriterTime, writerTag } from './syslog-writer-tag';
import { isDigit, isLetter, isLower, isUpper } from './char-codes';
import { dudeSyslogRow, kiwiAfterIsoTime, kiwiIsoComma, kiwiOtherDate, visualSyslogRow, type CollectorColumns } from './collector-rows';
import { syslogOf, LOCALE_MONTHS, LOCALE_SYSLOG, LOGREAD, SYSLOG_PROG, SYSLOG_MASKED_HOST, SYSLOG_HOST, CHARON_HEAD, CHARON_FILELOG, ISO, ISO_TAG, ISO_TAG_NO_PID, ISO_CELLS, LOGREAD_NO_DATE, PRI, PRI_BEFORE_TEXT, RFC5424, KIWI_FORWARD, KUBECTL, SHORT_UNIX, SHORT_FULL, UNIT_SUFFIX, MONOTONIC, ACCEL_FILE, RASMAN, ROUTER_TAB, ROUTER_CELLS, TIME_ONLY, LOGCAT_BRIEF, LOGCAT_TIME, logcatAfterTime, ROUTEROS_DATE, routerOsMonth, PROGRAM, PROGRAM_PID, isKnownProgram, blankAfterDigits } from './header-patterns';
export { MONTHS, ms, type Prefixed } from './prefixed';
export { iosAfterPriTag, iosAfterRelay, iosByOriginTag, iosUnderCounters, iosUnderZoneTag, isCounterTag } from './ios-relay-shapes';
export { KNOWN_PROGRAMS } from './header-patterns';

/**
 * The part of a log line before the message: timestamp, host, program[pid]. One function per
 * header shape the corpus shows (server-logs/README.md "Line formats"); the first that matches wins.
 */

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
function deviceUnder5424(time: LogTime | undefined, host: string | undefined, program: string | undefined, message: string, withData = false): Prefixed | undefined {
  if (program !== undefined && isCounterTag(program)) return iosAfterRelay({ time, host }, message.charCodeAt(0) === 32 ? message.trimStart() : message);
  const c = message.charCodeAt(0);
  // (a header starts with a digit, a capital, `*`, `.`, `<` or a blank: any other message is the record's own text)
  if (!(isDigit(c) || isUpper(c) || c === 42 || c === 46 || c === 60 || c === 32)) return undefined;
  // (the same host's next RFC 5424 record, `<14>1 2019-11-14T… SRX-GW1 RT_FLOW - …`: a flattened copy of one stream — an SRX's
  // RT_FLOW records, whose PROCID is `-`, run into one paragraph — not a relay's header before a device's line; the records are
  // cut apart where that head comes back, flattened-records.ts. Before, the whole paragraph was read as its last record)
  if (c === 60 && host !== undefined && sameHost5424(message, host)) return undefined;
  // (nor another host's, after a record with structured data of its own: an SRX's RT_FLOW record carries its whole event in it,
  // `[junos@2636.1.1.1.2.129 source-address=…]`, and a collector's copy of two clusters' records run into one paragraph has the
  // other host's `<14>1 2024-… srx2 RT_FLOW - …` next. A relay that forwards the sender's whole line adds no structured data of its
  // own before it — assumed: rsyslog's templates and the relays read here write `-` there)
  if (c === 60 && withData && sameHost5424(message, undefined)) return undefined;
  const own = ownLine({ time, host, message });
  if (!own) return undefined;
  // under a named APP-NAME, only a whole header of the device's own (a date, and a program or IOS's shape): `Dec  5 …: text` is text
  if (program !== undefined && (own.time?.month === undefined || own.time === time || (own.program === undefined && own.shape !== 'ios'))) return undefined;
  return own;
}

/**
 * Whether `text` starts with an RFC 5424 header (§6: `<PRI>1 TIMESTAMP HOSTNAME `) of `host` (undefined: of any host): a bounded look at its first
 * characters (a priority of at most three digits, RFC 5424 §6.2.1; a time of at most 40 characters), no pattern over the text.
 */
function sameHost5424(text: string, host: string | undefined): boolean {
  const gt = text.indexOf('>', 1);
  if (gt < 2 || gt > 4 || text.charCodeAt(gt + 1) !== 49 /* 1 */ || text.charCodeAt(gt + 2) !== 32) return false;
  const timeEnd = text.indexOf(' ', gt + 3);
  if (timeEnd < 0 || timeEnd - gt > 44 || text.charCodeAt(gt + 7) !== 45 /* - */) return false;
  // (undefined: any host — a name, then its blank)
  if (host === undefined) return text.charCodeAt(timeEnd + 1) > 32 && text.indexOf(' ', timeEnd + 1) > timeEnd + 1;
  return text.startsWith(host, timeEnd + 1) && text.charCodeAt(timeEnd + 1 + host.length) === 32;
}

/** An RFC 5424 header (RFC5424's match: time, HOSTNAME, APP-NAME, PROCID, message) as a prefix, a nil field `-` none; or the device's line under it. */
function rfc5424Prefix(r: RegExpMatchArray): Prefixed {
  const t = splitPrefixByRegex(`${r[1]} -`);
  const field = (f: string) => (f === '-' ? undefined : f);
  const host = field(r[2]!);
  const program = field(r[3]!);
  const pid = field(r[4]!);
  const message = r[5]!;
  // (the record's own structured data, `… RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 …] `, before its message: the character
  // before the blank that ends the header is the SD's `]` — a relay's header before a device's line, nil SD, ends `- `)
  const withData = r[0].charCodeAt(r[0].length - message.length - 2) === 93; /* ] */
  const own = pid === undefined ? deviceUnder5424(t.time, host, program, message, withData) : undefined;
  return own ?? { shape: 'iso', time: t.time, host, program, pid, message: r[5]! };
}

/** Every header shape by its regex (the reference for syslogHeader, and every other shape). */
export function splitPrefixByRegex(text: string): Prefixed {
  // dispatch on the first character: each line tries only the header shapes it can have
  const c = text.charCodeAt(0);
  const upper = isUpper(c);
  const digit = isDigit(c);
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
    return rfc5424Prefix(r);
  }
  if (digit && text.charCodeAt(10) === 46 /* . */ && (m = text.match(SHORT_UNIX))) {
    const t = m[3]!.match(ISO_TAG);
    const d = new Date(Number(m[1]) * 1000);
    const time = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: ms(m[2]!.padStart(6, '0')) };
    if (t) return { shape: 'iso', time, host: t[1], program: t[2], pid: t[3], message: t[4]! };
    // (the kernel's lines, and any journald took in without a pid: `host kernel: …`)
    const written = writerTag(time, m[3]!);
    if (written) return written;
  }
  if (upper && text.charCodeAt(3) === 32 && text.charCodeAt(8) === 45 && (m = text.match(SHORT_FULL))) {
    const t = m[8]!.match(ISO_TAG);
    const time = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) };
    if (t) return { shape: 'iso', time, host: t[1], program: t[2]!.replace(UNIT_SUFFIX, ''), pid: t[3], message: t[4]! };
    const written = writerTag(time, m[8]!);
    if (written) return { ...written, program: written.program?.replace(UNIT_SUFFIX, '') };
  }
  if (upper && text.charCodeAt(1) === 47 /* / */ && (m = text.match(LOGCAT_BRIEF))) return { shape: 'logcat', level: m[1], program: m[2], pid: m[3], message: m[4]! };
  if (upper && (m = text.match(LOGREAD))) {
    return { shape: 'logread', time: { year: +m[6]!, month: monthOf(m[1]!), day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, level: `${m[7]}.${m[8]}`, program: m[9] || undefined, pid: m[10], message: m[11]! };
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
    return { shape: 'rasman', pid: m[1], time: { ...(m[2] ? { month: +m[2], day: +m[3]! } : {}), hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: +m[7]! }, message: m[8]! };
  }
  if (c === 91 /* [ */ && (m = text.match(ACCEL_FILE))) {
    return { shape: 'iso', time: { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]!, ms: ms(m[7]) }, level: m[8], message: m[9]! };
  }
  // (Kiwi's comma-delimited file, collector-rows.ts: `dddd-` and a comma right after the seconds, where the ISO header needs a blank or a fraction's digits)
  if (digit && text.charCodeAt(19) === 44 && text.charCodeAt(4) === 45) {
    const kiwi = kiwiIsoComma(text);
    if (kiwi) return underCollector(kiwi);
  }
  // Sophos UTM's `2023:04:28-00:50:54 host tag[pid]: ` (a colon after the year, where every other date has a dash or a blank)
  if (digit && text.charCodeAt(4) === 58 /* : */ && (m = text.match(SOPHOS_UTM))) {
    const time = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! };
    const t = m[7]!.match(ISO_TAG);
    if (t) return { shape: 'iso', time, host: t[1], program: t[2], pid: t[3], message: t[4]! };
    const u = m[7]!.match(ISO_TAG_NO_PID);
    if (u && isKnownProgram(u[2]!)) return { shape: 'iso', time, host: u[1], program: u[2], message: u[3]! };
    return { shape: 'iso', time, message: m[7]! };
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
      const p = isDigit(c9) || m[9]!.charCodeAt(1) === 47 ? logcatAfterTime(m[9]!, time) : undefined;
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
    // a syslog writer's time (a numeric zone: rsyslog's file format, journalctl's short-iso) before a host and a tag of any name
    const written = m[8] === undefined ? tagAfterWriterTime(text, time, m[9]!) : undefined;
    if (written) return written;
    // RFC 5424's fields after its time with no `<PRI>1 ` before it — `2022-05-25T10:26:41+00:00 host ppp 8727 - [meta
    // sequenceId="1"] [opt2_link0] LCP: …`, an OPNsense log pasted so (opnsense/core #5794): HOSTNAME APP-NAME PROCID MSGID and the
    // structured data (`-` or `[…]`), read as the header with its priority (a `T` between date and time, as RFC 5424 §6.2.3 writes
    // it; the fields tried only here, after every tagged shape failed)
    if (m[8] === undefined && text.charCodeAt(10) === 84 /* T */) {
      const r = RFC5424.exec(`1 ${text.slice(0, text.length - m[9]!.length).trimEnd()} ${m[9]!}`);
      if (r) return rfc5424Prefix(r);
    }
    return { shape: 'iso', time, level: m[8], message: m[9]! };
  }
  if (isLower(c) && (m = text.match(LOGREAD_NO_DATE))) {
    return { shape: 'logread', level: `${m[1]}.${m[2]}`, program: m[3] || undefined, pid: m[4], message: m[5]! };
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
    if (f) return { shape: 'syslog', time, host: m[6], level: `${f[1]}.${f[2]}`, program: f[3] || undefined, pid: f[4], message: f[5]! };
    return { shape: 'syslog', time, host: m[6], message: m[7]! };
  }
  // (a `/` fourth: no syslog, logread or IOS header above has one there)
  if ((isLower(c) || upper) && text.charCodeAt(3) === 47 && (m = text.match(ROUTEROS_DATE)) && MONTH_NUMBER.has(routerOsMonth(m[1]!))) {
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
  // (`dddd.dd.dd-dd:`: The Dude's syslog file, collector-rows.ts dudeSyslogRow, which no header above starts with)
  if (digit && text.charCodeAt(4) === 46 && text.charCodeAt(7) === 46 && text.charCodeAt(10) === 45 && text.charCodeAt(13) === 58) {
    const dude = dudeSyslogRow(text);
    if (dude) return underCollector(dude);
  }
  // (a dotted address and a tab first: Visual Syslog Server's file, collector-rows.ts visualSyslogRow)
  if (digit) {
    const visual = visualSyslogRow(text);
    if (visual) return underVisualSyslog(visual);
  }
  if (digit && (m = text.match(TIME_ONLY))) {
    const rest = m[5]!;
    const p = rest.charCodeAt(0) === 32 ? tagAfterColumnGap(rest) : rest.match(PROGRAM);
    const time = { hour: +m[1]!, minute: +m[2]!, second: +m[3]!, ms: ms(m[4]) };
    return p ? { shape: 'time-only', time, program: p[1], pid: p[2], message: p[3]! } : { shape: 'time-only', time, message: rest };
  }
  if ((m = text.match(PROGRAM_PID)) || (m = text.match(/^(charon|pluto|xl2tpd|pptpd|ipsec|charon-systemd)(): ?(.*)$/))) {
    return { shape: 'program', program: m[1], pid: m[2] || undefined, message: m[3]! };
  }
  return senderThenRaw(text, undefined) ?? withHeaderBlanksCollapsed(text, c) ?? ((digit || c === 58) && text.indexOf(': ') >= 0 ? iosFieldsHeader(text) : undefined) ?? { shape: 'none', message: text };
}

/**
 * The tag after a time-only header whose columns a log viewer set apart with more than one blank: GNOME's System Log viewer
 * shows a day's lines under the day's heading with only the time left, and a copy of them reads ` 12:03:36  pppd[5632]: Modem
 * hangup` (a real rp-pppoe ADSL log, test/fixtures/real/server-logs/pppd-pppoe-client-rp-pppoe-time-only-*; the viewer is assumed
 * from the shape: the forum post does not name it). A word after the gap is a tag only with a pid or with a lower-case letter
 * (programs are named so): Juniper SRX's `show log` writes its upper-case event names after the same gap (`19:13:59
 * IKE_GATEWAY_DPD_PEER_DEAD: IKE: …`, srx-iked-show-log-vpn-time-only-*), and those stay the message.
 */
function tagAfterColumnGap(rest: string): RegExpMatchArray | null {
  const p = rest.trimStart().match(PROGRAM);
  return p && (p[2] !== undefined || /[a-z]/.test(p[1]!)) ? p : null;
}

/**
 * A syslog line whose header a forum's copy gave doubled blanks (`úno 26  16:19:07 bernat kernel: …`, `bernat  pptp[3487]: …`: a
 * real Czech ufw/PPTP paste, netfilter-ufw-block-gre-czech-*.txt): read with its runs of blanks collapsed, as a web page's copy
 * of the same log would be, when that gives a syslog header with a tag. Only for a line no header shape took, starting with a
 * letter (a month word) and with a doubled blank or a tab (an editor's tabify of the same) in its first 48 characters (the header's
 * reach): a plain log never gets here.
 * The message's own runs collapse too — real logs read the same so (server-log-paste-copies.test.ts, "blanks collapsed").
 */
function withHeaderBlanksCollapsed(text: string, c: number): Prefixed | undefined {
  if (c <= 64 || c === 91 /* [ */) return undefined;
  const doubled = text.indexOf('  ');
  const tab = text.indexOf('\t');
  if (!((doubled >= 0 && doubled <= 48) || (tab >= 0 && tab <= 48))) return undefined;
  const p = splitPrefixByRegex(text.replace(/[ \t]{2,}|\t/g, ' '));
  return p.shape === 'syslog' && p.program !== undefined ? p : undefined;
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
  if (!(isDigit(c) || c === 58 || isLetter(c))) return undefined;
  const sp = text.indexOf(' ');
  if (sp <= 0 || text.charCodeAt(sp + 1) !== 60) return undefined;
  const m = SENDER_RAW.exec(text);
  return m ? underCollector({ time, host: m[1], message: m[2]! }) : undefined;
}
