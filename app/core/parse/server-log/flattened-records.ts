import { escapeRegExp as escape } from '../../text/escape-regexp';
import { VPN_TAGS } from './glued-lines';
import { ONE_TAG } from './line-hints';
import { MONTHS, type Prefixed } from './prefix-shapes';

/**
 * Records a copy flattened into one line with a blank where each newline was: a PDF's or a web page's text copied as one
 * paragraph (docs.netgate.com's IPsec log examples, copied from the PDF: `charon: 09[IKE] … charon: 09[CFG] …`), a chat
 * message. glued-lines.ts cuts records glued with no blank between them; its cuts need no blank before a record, so a
 * message's own words cannot start one. After a blank they can, so a cut here is where the record's own head comes back:
 * - a syslog, RFC 3339 or RFC 5424 header with the same host (a flattened excerpt of one server's log repeats its host; a time
 *   inside a message is not followed by it);
 * - without a host: a program tag with a pid, its own or a VPN daemon's (`pluto[812]: `), or strongSwan's pid-less
 *   `charon: ` followed by its thread and group (`09[IKE] `), which no message holds.
 * Not cut: records of pid-less programs other than charon without a host (`kernel: … pppd: …` — a message may name a
 * program and a colon), and records the cheap test passes by (mayHoldFlattened): pid-less records of several programs under
 * a syslog header that does not start with its month (a relay's time or a priority before it).
 */

/**
 * The cheap test per record, before the pattern: a second `]: ` in the line (ChunkLines found the tags while cutting:
 * ONE_TAG says there is at most one; without it they are counted here, so a line reads the same with and without hints),
 * or the record's header's month (RFC 3339: year and month) again in its message, or for a header-less tag its program.
 */
export function mayHoldFlattened(text: string, pre: Prefixed, hints: number): boolean {
  const program = pre.program;
  if (program === undefined) return bareIso(pre) ? pre.message.indexOf(text.slice(0, 11)) >= 0 : iosDated(pre) && IOS_DATE_AGAIN.test(pre.message);
  const shape = pre.shape;
  if ((hints & ONE_TAG) === 0) {
    const tag = text.indexOf(']: ');
    if (tag >= 0 && text.indexOf(']: ', tag + 3) >= 0) return tagged(pre);
  }
  // one search per record (two cost explain-log's bench log 7 %): a syslog header's month between blanks (a constant found by
  // its character codes: the host, a getter that reads the header and cuts a string, cost more), which every record of such a
  // log starts with; an RFC 3339 header's year and month; else the program, as a pid-less tag's records repeat it
  // (a syslog header behind something else — a relay's RFC 3339 time, a priority — has no month first: its program is looked for)
  const month = shape === 'syslog' ? MONTH_BETWEEN_BLANKS.get((text.charCodeAt(0) << 16) | (text.charCodeAt(1) << 8) | text.charCodeAt(2)) : undefined;
  if (month !== undefined) return afterBlank(pre.message, month);
  // (past a priority, which differs between records of one stream — a Junos host's kmd `<27>1 …` then its kernel's `<158>1 …`)
  if (shape === 'iso') {
    const from = text.charCodeAt(0) === 60 /* < */ ? text.indexOf('>') + 1 : 0;
    return pre.message.indexOf(text.slice(from, from + 8)) >= 0;
  }
  return (shape === 'syslog' || shape === 'program' || shape === 'logread') && pre.message.indexOf(program, 1) > 0;
}

/**
 * Whether `word` (a month and its blank) stands in the message after a blank or a tab: a copy flattens a tab-indented log
 * (`systemctl status`'s journal lines, kitten/setup-strong-strongswan #30) into ` \tNov 21 …`. One search, then the character before.
 */
function afterBlank(message: string, word: string): boolean {
  for (let at = message.indexOf(word, 1); at > 0; at = message.indexOf(word, at + 1)) {
    const c = message.charCodeAt(at - 1);
    if (c === 32 || c === 9) return true;
  }
  return false;
}

/** an IOS record's date and time after a blank (IOS's `*` or `.` mark allowed before it), any month: the cheap test before iosAgain's pattern */
const IOS_DATE_AGAIN = /[ \t][*.]?[A-Z][a-z]{2} +\d{1,2} (?:\d{4} )?\d\d:\d\d:\d\d/;

/** `Jan ` … by the month's three character codes (a number key: no string cut per record) */
const MONTH_BETWEEN_BLANKS = new Map(MONTHS.map((m) => [(m.charCodeAt(0) << 16) | (m.charCodeAt(1) << 8) | m.charCodeAt(2), `${m} `]));

/**
 * A record with a program tag in one of the headers whose return flattenedPieces looks for (a time-only header's too: a log viewer's
 * day copied as one paragraph, ` 12:03:36  pppd[5632]: … 12:03:36  pppd[5632]: …`, test/fixtures/real/server-logs/…-time-only-viewer-copy-*).
 */
const tagged = (pre: Prefixed): boolean => pre.program !== undefined && (pre.shape === 'syslog' || pre.shape === 'iso' || pre.shape === 'program' || pre.shape === 'logread' || pre.shape === 'time-only');

/** The record's text cut where its head comes back after a blank (the blank goes), or undefined when it does not. */
/**
 * Longer than any record's header, even an SRX's RFC 5424 structured data (≈ 600 characters): the pattern built from a header's
 * shape grows with it, and a flattened SRX log of 48 records, whose "header" ran over most of them, built one that V8 could not
 * compile ("Invalid regular expression: Stack overflow") — explain-log stopped with an unexpected error.
 */
const MAX_FLATTENED_HEADER = 2048;

export function flattenedPieces(text: string, pre: Prefixed): string[] | undefined {
  if (text.length - pre.message.length > MAX_FLATTENED_HEADER) return undefined;
  let head: RegExp | undefined;
  try {
    head = tagged(pre) ? headAgain(text, pre) : bareIso(pre) ? isoAgain(text, pre) : iosDated(pre) ? iosAgain(text, pre) : undefined;
  } catch {
    // (a pattern V8 cannot compile is no cut into records, not the end of the reading)
    return undefined;
  }
  if (!head) return undefined;
  let pieces: string[] | undefined;
  let from = 0;
  // (from the message on: the record's own head would match where its program starts)
  head.lastIndex = text.length - pre.message.length;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    (pieces ??= []).push(text.slice(from, m.index - 1));
    from = m.index;
  }
  if (!pieces) return undefined;
  pieces.push(text.slice(from));
  return pieces;
}


/**
 * A record whose whole header is a date and a time to the millisecond, no host and no program: SoftEther's server log
 * (`2018-03-07 09:27:44.044 IPsec Client 129 (…): A new IPsec client is created.`), copied into a GitHub issue as one
 * paragraph (SoftEtherVPN/SoftEtherVPN #459). Its records are cut where the same date and a time of that shape come back after
 * a blank, before a letter: a message that names a time gives it in another shape, or without the milliseconds.
 */
const bareIso = (pre: Prefixed): boolean => pre.shape === 'iso' && pre.host === undefined && pre.time?.ms !== undefined;

function isoAgain(text: string, pre: Prefixed): RegExp | undefined {
  const header = text.length > pre.message.length && text.endsWith(pre.message) ? text.slice(0, text.length - pre.message.length) : '';
  const date = /^(\d{4}-\d\d-\d\d) \d\d:\d\d:\d\d[.,]\d+ +$/.exec(header);
  return date ? new RegExp(String.raw`(?<=[ \t])${date[1]} \d\d:\d\d:\d\d[.,]\d+ +(?=[A-Za-z[])`, 'g') : undefined;
}

/**
 * A Cisco IOS line with its own dated header (`Mar 2 13:38:46.291: As1 LCP: …`, `*Mar  1 00:01:02.345 UTC: %LINK-…`): a web page's copy
 * of a book's `debug ppp negotiation` example flattens its records into one paragraph (flylib.com's copy of a Cisco Press book:
 * `… len 14 Mar 2 13:38:46.291: As1 LCP: As1 LCP: AuthProto PAP (0x0304C023) Mar 2 13:38:46.291: …`). Its records are cut where the
 * header's shape comes back after a blank and before a word: a month, a day, a time with the same fraction, the colon IOS ends it with.
 */
const iosDated = (pre: Prefixed): boolean => pre.shape === 'ios' && pre.program === undefined && pre.time?.month !== undefined;

function iosAgain(text: string, pre: Prefixed): RegExp | undefined {
  const header = text.length > pre.message.length && text.endsWith(pre.message) ? text.slice(0, text.length - pre.message.length) : '';
  // (a header that ends with IOS's colon and a blank, its time inside: IOS's own, not a relay's)
  if (!/\d:\d\d(?:\.\d+)?(?: [A-Za-z][\w+-]*)?: $/.test(header)) return undefined;
  return new RegExp(String.raw`(?<=[ \t])${shapeOf(header)}(?=[A-Za-z%*\[])`, 'g');
}

/**
 * A header's shape as a pattern: its runs of letters, digits and blanks stand for any such run, the rest for itself
 * (`Tue Oct 22 19:17:46 2019 daemon.notice ` → `[A-Za-z]+ +[A-Za-z]+ +\d+ +\d+:\d+:\d+ +\d+ +[A-Za-z]+\.[A-Za-z]+ +`): the next
 * record's time and level differ, its shape does not.
 */
const shapeOf = (header: string): string =>
  header.replace(/[A-Za-z]+|\d+| +|[^A-Za-z\d ]/g, (run) => (/^[A-Za-z]/.test(run) ? '[A-Za-z]+' : /^\d/.test(run) ? String.raw`\d+` : run[0] === ' ' ? ' +' : escape(run)));

/**
 * The pattern of the record's head after a blank (a lookbehind: the blank stays out of the match), or undefined. The header's
 * shape up to the program (shapeOf) and then:
 * - with a host (a syslog or RFC 3339 header): that host, the shape between it and the program (a facility.level), and
 *   any program's tag (an empty message's without its blank);
 * - else its program's tag with a pid (or a VPN daemon's with one) or charon's thread and group — the shape before it
 *   optional, as a copy may hold records with and without one — or, after a header, the same pid-less tag.
 */
function headAgain(text: string, pre: Prefixed): RegExp | undefined {
  const program = pre.program!;
  const header = text.length > pre.message.length && text.endsWith(pre.message) ? text.slice(0, text.length - pre.message.length) : '';
  const host = pre.shape === 'syslog' || pre.shape === 'iso' ? pre.host : undefined;
  // (an RFC 5424 header's APP-NAME is the field after its HOSTNAME, RFC 5424 §6: its last occurrence may be inside the MSGID or the
  // structured data — an SRX's `RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.… …]`, whose records were then not cut)
  const appAt = host !== undefined && header.charCodeAt(0) === 60 /* < */ ? header.indexOf(` ${host} ${program} `) : -1;
  const at = appAt >= 0 ? appAt + host!.length + 2 : header.lastIndexOf(program);
  if (at < 0) return undefined;
  const hostAt = host ? header.lastIndexOf(`${host} `, at - 1) : -1;
  // (and a tag after the host: `… Reason: seen Mar 15 12:00:06 asa01 again` is a message's words)
  if (hostAt >= 0) {
    // (RFC 5424 §6: APP-NAME PROCID MSGID and the structured data, `ppp 39188 - [meta sequenceId="91"] ` — OPNsense's system log;
    // its fields after an RFC 3339 time with no `<PRI>1 ` before it as well, prefix-shapes.ts, opnsense/core #5794)
    const pri5424 = header.charCodeAt(0) === 60 /* < */ && /^<\d{1,3}>1 /.test(header);
    const fields5424 = header.charCodeAt(0) === 60 /* < */ ? pri5424 : header.charCodeAt(10) === 84 /* T */ && / (?:-|(?:\[[^\]]*\])+) $/.test(header);
    // (any host's after a whole RFC 5424 head, `<PRI>1 ` and the RFC 3339 time before it, its three fields after it (RFC 5424 §6): a
    // collector's copy of two SRX clusters' RT_FLOW records run into one paragraph kept the other host's records inside the first one's
    // — no message holds that head after a blank; a relay's own head before a device's line is read as one record first, prefix-shapes.ts.
    // A syslog header's host stays the record's own: `… Reason: seen Mar 15 12:00:06 asa01 again` is a message's words)
    // (and any time of RFC 5424's (§6.2.3: `Z` or an offset, a fraction or none): two sources' records may differ there)
    const before = header.slice(0, hostAt);
    const anyTime = pri5424 && /^<\d{1,3}>1 \S+ $/.test(before);
    const around = [anyTime ? String.raw`<\d{1,3}>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) ` : shapeOf(before), pri5424 ? String.raw`[^\s<>[\]]+` : escape(host!), shapeOf(header.slice(hostAt + host!.length, at))];
    const tag = fields5424 ? String.raw`[^\s:[\]]+ \S+ \S+ (?:-|(?:\[[^\]]*\])+)(?: |$)` : String.raw`[^\s:[\]]+(?:\[\d+\])?:(?: |$)`;
    // (a priority the sender put before some records only — Sophos UTM's pipeline sample has `<30>` on one of three — may stand
    // before a record of a header without one)
    const pri = header.charCodeAt(0) === 60 /* < */ ? '' : String.raw`(?:<\d{1,3}>)?`;
    return new RegExp(String.raw`(?<=[ \t])${pri}${around.join('')}${tag}`, 'g');
  }
  const before = at > 0 ? `(?:${shapeOf(header.slice(0, at))})?` : '';
  const name = escape(program);
  // (or a VPN daemon's tag with a pid: a copy may flatten its records after another program's)
  if (pre.pid !== undefined) return new RegExp(String.raw`(?<=[ \t])${before}(?:${name}|${VPN_TAGS})\[\d+\]: `, 'g');
  if (program.startsWith('charon')) return new RegExp(String.raw`(?<=[ \t])${before}${name}: \d\d\[[A-Z]{3}\] `, 'g');
  return at > 0 ? new RegExp(String.raw`(?<=[ \t])${shapeOf(header.slice(0, at))}${name}: `, 'g') : undefined;
}
