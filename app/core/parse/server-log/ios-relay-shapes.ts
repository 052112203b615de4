import { isDigit, isUpper } from './char-codes';
import { MONTH_GROUP as M, monthOf, ms, n, type Prefixed } from './prefixed';
import type { LogTime } from './types';

/**
 * Cisco IOS / IOS-XE headers: a console line's own (sequence number, `*`/`.` mark, time or uptime, time zone) and an IOS line as a
 * syslog server relayed it (its counter or origin id in the tag's place). Asked by the header reader (prefix-shapes.ts,
 * syslog-header.ts) and the parser (index.ts: a tag that is the router's own name).
 */

// `000503: *Jan  5 …`: IOS numbers its messages with `service sequence-numbers` (Cisco IOS Configuration Fundamentals, "Enabling Message Sequence Numbers")
const IOS_SEQ = String.raw`(?:\d{1,8}: )?`;
// (the time zone `show-timezone` adds, after a blank or glued to the seconds, and a system message glued to the header's colon: real
// relayed copies write `*Feb  2 11:39:59KST: %CRYPTO-…`, `Feb 13 20:56:50 KST:%CDP-…`, `Feb  2 02:07:13.198:%CLEAR-…` — only a `%` so)
const IOS = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(?:${M} +(\d{1,2}) )?(?:(\d{4}) )?(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))?(?: ?[A-Z]{3,4})?:(?: |(?=%[A-Z]))(.*)$`);
// `service timestamps log uptime` past a day: `1d02h`, `2w3d`, and past a year `2y10w` (the real ASR920 lines of elastic/integrations
// cisco_ios test-asr920.log; Cisco's guides name only "d h (long uptime)": the year form assumed from that copy)
const IOS_UPTIME = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(\d+[ywdh]\d+[wdhm]): (.*)$`);
/** an IOS timestamp whose digits the poster masked (`*Jan x xx:xx:xx.yyy PST:`): the header is known, the time is not */
const IOS_MASKED = new RegExp(String.raw`^${IOS_SEQ}(\*|\.)?(?:${M} +[\dx]{1,2} )?[\dx]{1,2}:[\dx]{2}:[\dx]{2}(?:\.[\dxy]{1,3})?(?: [A-Z]{3,4})?: (.*)$`);
// strongSwan's own filelog with a user-set time_format (strftime; its docs' example is `%b %e %T`): `Sun, 2017-04-16 19:11 27[CFG] …`,
// `Wed, 2023-11-01, 18:43:23 09[NET1] …` — only before a charon thread head, so nothing else is read as this shape

/** An IOS line's own header (sequence number, `*`/`.` mark, time or uptime, time zone): its message after it, or undefined. */
export function iosShape(text: string, c: number): Prefixed | undefined {
  const upper = isUpper(c);
  const digitOrMark = isDigit(c) || c === 42 || c === 46;
  let m: RegExpMatchArray | null;
  if ((upper || digitOrMark) && (m = text.match(IOS))) {
    return { shape: 'ios', clockUnsynced: m[1] === '*', time: { year: n(m[4]), month: m[2] ? monthOf(m[2]) : undefined, day: n(m[3]), hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ms: ms(m[8]) }, message: m[9]! };
  }
  if (digitOrMark && (m = text.match(IOS_UPTIME))) return { shape: 'ios', clockUnsynced: m[1] === '*', message: m[3]! };
  if ((upper || digitOrMark) && text.includes('x') && (m = text.match(IOS_MASKED)) && /x/.test(text.slice(0, text.length - m[3]!.length))) return { shape: 'ios', clockUnsynced: m[1] === '*', message: m[3]! };
  return undefined;
}

/**
 * A program tag that is a number: no daemon's name, but the number a Cisco IOS / IOS-XE router puts first in what it sends to
 * its `logging host` (`<189>123: *Mar  1 00:00:05.123 UTC: %SYS-5-CONFIG_I: …`), which the syslog server took for the tag.
 * Up to ten digits (20367287 in the x-arf sample, iosAfterRelay); a cheap test, run only on a tag whose first character is a digit.
 */
export function isCounterTag(tag: string): boolean {
  const n = tag.length;
  if (n === 0 || n > 10) return false;
  for (let i = 0; i < n; i++) if (!isDigit(tag.charCodeAt(i))) return false;
  return true;
}

/**
 * `logging origin-id hostname`: the router's own name before its sequence number, time or system message (`foo: 6340004: *Mar  4 …`);
 * not before a debug line without a time, whose own head (`ISAKMP: …`, `PPP: …`) reads the same
 */
const IOS_ORIGIN = /^[A-Za-z][\w.-]*: (?=[\d*.%])/;
/** an IOS system message (`%FACILITY-severity-MNEMONIC:`, Cisco IOS System Message Guide): IOS's own line without its time */
const SYSTEM_MESSAGE = /^%[A-Z][A-Z0-9_]*-(?:[A-Z0-9_]+-)?\d-[A-Z0-9_]+: /;
/** `service sequence-numbers`' number with no time after it (`foo: 6340004: %SEC-…`; before a time the IOS regexes read it) */
const IOS_SEQ_ONLY = /^\d{1,10}: /;

/**
 * A Cisco IOS / IOS-XE line as a syslog server (rsyslog, syslog-ng) wrote it: the relay's header (its time, the router's address
 * or name as host), IOS's message counter as the program tag (or an empty tag), then the line as the router's console shows
 * it: an optional origin id and sequence number, IOS's own time (`*`: not synchronised, `.`: synchronised once, then lost;
 * an optional time zone word) and the message. Read as that console line (shape `ios`, the IOS family's reading), with the
 * relay's host; the time is IOS's own when it has a date, else the relay's (no `service timestamps`, or uptime stamps, which
 * are no time of day). The header shapes are real ones (search index files): `Jun  3 22:46:06 1.1.8.4 20367287: Jun  3
 * 22:46:05.119 MEZS: %SEC-6-…` (x-arf sample, id 4737193529), `<190>Mar 11 08:35:17 127.0.0.1 30128311: Mar 11 08:35:16.844
 * CST: %SEC-6-…` (OpenNMS syslogd tests, ids 19543319734 and 2840660961), `Jun 23 00:28:46 145.89.109.1 : %SEC-6-…` (no
 * counter, id 9347431776), `Sep  6 09:13:00 RouterName 82: %SYS-5-CONFIG_I: …` and `Jul 10 16:07:14 cisco2621 636: .Jul 10
 * 15:58:56.590 EDT: %SEC-6-…` (ossec-docs, docs/docs/log_samples/cisco/cisco_ios.rst), and the wire form `<166>20: foo:
 * 6340004: *Mar  4 11:45:20: %SEC-…` with `logging origin-id hostname` (Splunk SC4S tests, id 29529579202: counter, origin
 * id, sequence number). That the first number is a counter IOS always sends and the second `service sequence-numbers`' is
 * read from that last form (assumed: no Cisco text found says so). `strict`: a shape less sure to be a relayed IOS line (an empty
 * tag, an RFC 3339 relay header) is one only when IOS's own time or a system message follows; else undefined.
 */
export function iosAfterRelay(relay: { time?: LogTime; host?: string }, rest: string): Prefixed;
export function iosAfterRelay(relay: { time?: LogTime; host?: string }, rest: string, strict: true): Prefixed | undefined;
export function iosAfterRelay(relay: { time?: LogTime; host?: string }, rest: string, strict = false): Prefixed | undefined {
  let own = iosLoose(rest);
  if (!own) {
    const origin = IOS_ORIGIN.exec(rest);
    if (origin) {
      rest = rest.slice(origin[0].length);
      own = iosLoose(rest);
    }
  }
  const message = own ? own.message : rest.replace(IOS_SEQ_ONLY, '');
  if (strict && !own && !SYSTEM_MESSAGE.test(message)) return undefined;
  const out: Prefixed = { shape: 'ios', message };
  const time = own?.time?.month !== undefined ? own.time : relay.time;
  if (time) out.time = time;
  const host = relay.host;
  if (host !== undefined) out.host = host;
  if (own) out.clockUnsynced = own.clockUnsynced;
  return out;
}

/** IOS's message counter (or the empty one `: ` that `no logging message-counter syslog` leaves), then `service sequence-numbers`' number */
const COUNTER_LEAD = /^(?:\d{1,10})?: (?:\d{1,10}: )?/;
/** `logging origin-id`'s name, then `service sequence-numbers`' number */
const ORIGIN_LEAD = /^[A-Za-z][\w.-]{0,62}: (?:\d{1,10}: )?/;

/**
 * IOS's time with a zone of the administrator's naming: `clock timezone` takes any name up to 7 characters (Cisco IOS Configuration
 * Fundamentals Command Reference, clock timezone), and real lines write `NewYork`, `mdt`, `UTC+1`, `UTC+07:30` (its offset's minutes after a colon; rsyslog issue #3069, elastic/integrations
 * cisco_ios test-syslog.log) where IOS's regex above knows three or four capitals. Asked only where IOS's own fields came first (a
 * counter, an origin id: iosLoose), never of a line that may be another program's (a syslog header's host has this place).
 */
const IOS_NAMED_ZONE = new RegExp(String.raw`^(\*|\.)?(?:${M} +(\d{1,2}) )?(?:(\d{4}) )?(\d{1,2}):(\d\d):(\d\d)(?:\.(\d{1,3}))? [A-Za-z][\w+-]{0,6}(?::\d\d(?=:))?:(?: |(?=%[A-Z]))(.*)$`);

/** IOS's own header where IOS's fields came first: iosShape, or its time with a zone of any name (IOS_NAMED_ZONE). */
function iosLoose(text: string): Prefixed | undefined {
  const c = text.charCodeAt(0);
  const own = iosShape(text, c);
  if (own || !(isUpper(c) || isDigit(c) || c === 42 || c === 46)) return own;
  const m = IOS_NAMED_ZONE.exec(text);
  return m ? { shape: 'ios', clockUnsynced: m[1] === '*', time: { year: n(m[4]), month: m[2] ? monthOf(m[2]) : undefined, day: n(m[3]), hour: +m[5]!, minute: +m[6]!, second: +m[7]!, ms: ms(m[8]) }, message: m[9]! } : undefined;
}

/** The line after IOS's fields: IOS's own time read (iosLoose), else the message as it stands. */
function iosOwn(rest: string): Prefixed {
  return iosLoose(rest) ?? { shape: 'ios', message: rest };
}

/**
 * The readings of a line with no header that starts as IOS's own fields before its line: its console with `service sequence-numbers`
 * and no `service timestamps` (`000123: %LINK-3-UPDOWN: …`, `123: ISAKMP: …`), or IOS's wire form with its priority and no relay
 * header, any of its fields left out — `<189>125: %SYS-5-…`, `<189>: Jan  6 2022 20:54:26.961: %SYS-5-…` (empty counter), `<189>: sw01:
 * Jan  6 …` (empty counter, origin id), `<189>387448: host-01: May 6 …` (counter, origin id), `<165>7433: ASR920: 007439: 2y10w: %SEC_LOGIN-…`
 * (counter, origin id, sequence number, uptime): the real lines of elastic/integrations cisco_ios test-syslog.log and test-asr920.log.
 * The fields' order is IOS's ("seq no:timestamp: %facility-severity-MNEMONIC:description", Cisco IOS XE System Management
 * Configuration Guide, "System Log Message Format"; the counter and origin id before them: iosAfterRelay). First the reading without an
 * origin id (a debug line's own head, `ISAKMP: `, `PPP: `, reads as one), then with it. Asked only of a record no family claimed whose
 * text starts with a digit or `:` (index.ts): each reading is kept only when a family claims it.
 */
export function iosUnderCounters(text: string): Prefixed[] {
  // (an editor's tabify of the copy made a tab of a header's doubled blank, `<189>: Jan\t6 2022 …`: read as the blanks it stood for)
  if (text.indexOf('\t') >= 0) text = text.replace(/[ \t]*\t[ \t]*/g, ' ');
  const out: Prefixed[] = [];
  const counter = COUNTER_LEAD.exec(text);
  const rest = counter ? text.slice(counter[0].length) : text;
  if (counter) out.push(iosOwn(rest));
  const origin = ORIGIN_LEAD.exec(rest);
  if (origin) out.push(iosOwn(rest.slice(origin[0].length)));
  return out;
}

/**
 * iosUnderCounters' reading that is sure to be IOS's line without a family's word: IOS's own time after the fields, or a whole
 * system message (`%LINK-3-UPDOWN: `). The header reader's (prefix-shapes.ts), so that such a line starts a record of its own when
 * pasted under another log's (a wrapped paste, an event block); a debug line after a bare sequence number is index.ts's to decide.
 */
export function iosFieldsHeader(text: string): Prefixed | undefined {
  for (const ios of iosUnderCounters(text)) if (ios.time !== undefined || SYSTEM_MESSAGE.test(ios.message)) return ios;
  return undefined;
}

/**
 * A relayed IOS line whose tag is the router's own name: `logging origin-id hostname` without the message counter, where the relay
 * took the origin id for the program tag (`Mar  4 11:45:21 10.1.1.1 foo: *Mar  4 11:45:20: %SEC-…`; assumed from the Splunk wire
 * form `<166>20: foo: 6340004: *Mar  4 …` without its counter — no such relayed file was found). Asked only of a record no family
 * claimed (index.ts record), and only when its message starts as IOS's own time (`*` or `.` and a capital) or a system message
 * (`%` and a capital) — then strict: IOS's time or a whole system message must follow.
 */
export function iosByOriginTag(pre: Prefixed): Prefixed | undefined {
  const program = pre.program;
  if (program === undefined) return undefined;
  const message = pre.message;
  const c = message.charCodeAt(0);
  const c1 = message.charCodeAt(1);
  if (!(c === 42 || c === 46 || c === 37) || !isUpper(c1)) return undefined;
  return iosAfterRelay({ time: pre.time, host: pre.host }, `${program}: ${message}`, true);
}

/**
 * IOS's own time with its zone and no `*` or `.` mark before it (`service timestamps debug datetime msec localtime show-timezone`:
 * `Jun  8 19:14:38.059 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):…`, Cisco TAC's "ASA and IOS IKEv2 site-to-site with
 * certificates" document): the syslog reader takes the zone word for the program tag, with no host. Read as IOS's line (the zone is
 * the IOS header's `[A-Z]{3,4}`, iosShape). Asked only of a record no family claimed (index.ts underZoneTag), which keeps this reading
 * only when a family claims the line so read.
 */
const ZONE_TAG = /^[A-Z]{3,4}$/;
export function iosUnderZoneTag(pre: Prefixed): Prefixed | undefined {
  const program = pre.program;
  if (program === undefined || pre.host !== undefined || pre.pid !== undefined || pre.time === undefined || !ZONE_TAG.test(program)) return undefined;
  return { shape: 'ios', time: pre.time, message: pre.message };
}

/**
 * A relay's tag that is the sender's own priority, then IOS's message counter or nothing (`<189>123`, `<189>`): a relay header
 * written before the device's raw message, its `<PRI>` kept — a template of the `%timegenerated% %fromhost-ip% %rawmsg%` kind
 * (assumed; the `%fromhost-ip% %rawmsg%` form is real: prefix-shapes.ts senderThenRaw). IOS's wire form puts the priority right
 * before the counter (`<189>237: *Jan 8 19:46:03.295: %SYS-5-CONFIG_I: …`; with `no logging message-counter syslog` an empty one,
 * `<PRI>: timestamp`: a Go syslog parser's notes on Cisco's "Syslog Message Logging" guide, search index file 2414358581; the
 * SC4S form `<166>20: foo: …`, iosAfterRelay). The line after it is IOS's own (iosAfterRelay; after an empty counter only IOS's
 * time or a system message, as for the relay's `: ` tag); any other tag after a priority is left as it was. Asked only for a tag
 * whose first character is `<`.
 */
export function iosAfterPriTag(relay: { time?: LogTime; host?: string }, tag: string, message: string): Prefixed | undefined {
  const close = tag.indexOf('>');
  if (close < 2 || close > 4) return undefined;
  for (let i = 1; i < close; i++) if (!isDigit(tag.charCodeAt(i))) return undefined;
  if (close === tag.length - 1) return iosAfterRelay(relay, message, true);
  return isCounterTag(tag.slice(close + 1)) ? iosAfterRelay(relay, message) : undefined;
}
