import { MONTH } from './glued-lines';
import { withoutArrowNote, withoutMarkupAtEnds } from './author-marks';
import { hasArrowNote, hasBbcodeStart, NO_ARROW_NOTE, NO_BBCODE, NO_BOLD, NO_COMPOSE, NO_HASH0, NO_LINE_BREAK, NO_TYPOGRAPHY } from './line-hints';
import { withoutBoldMarks } from './bold-marks';
import { plainTypography } from './typography';
import { isDigit, isLetter } from './char-codes';
import { FENCE } from './layout-lines';

/**
 * One physical line's paste damage undone before LineSplitter (lines.ts) joins lines into records: CR, mail and web
 * typography, rsyslog's `#011` escapes, a grep's or cat's prefix, docker compose's service prefix, Markdown quotes and code
 * spans, BBCode — normalizeLine, and plainLead, its fast path asked from the read chunk. Split from lines.ts as it was.
 */

/** Longest record text the parsers look at; longer records are cut (and still counted). */
export const MAX_RECORD_CHARS = 2000;
/**
 * Longest line read before it is cut into records: a forum or PDF copy that lost its line breaks
 * glues many records into one line (a slide's 2 360 characters held eleven ASA records), and cutting
 * the line at MAX_RECORD_CHARS before it was unglued lost the records at its end; each record is cut
 * at MAX_RECORD_CHARS after. Bounded so a file that is one huge line still costs one bounded scan.
 */
const MAX_LINE_CHARS = 16 * MAX_RECORD_CHARS;

/**
 * `docker compose logs` / `docker-compose up` put the service's name, padded to the longest one, and `| `
 * before each line: `strongswan      | 06[IKE] …`, `access_1  | 12[NET] …`, `ipsec-vpn-server-1  | pluto[400]: …`
 * (compose v1 names `service_1`, v2 `service-1`). A name, at least one space, the bar: nothing a log line starts with.
 * The padding may have become tabs (an editor's or mail client's tabify: `strongswan\t| 06[IKE] …`).
 */
const COMPOSE_PREFIX = /^[A-Za-z0-9][\w.-]{0,62}[ \t]+\| /;

/** An ISO 8601 date and hour (rsyslog's RFC 3339 files, journalctl -o short-iso, Python's logging). */
const ISO_AHEAD = String.raw`\d{4}-\d\d-\d\d[T ]\d\d:`;

/**
 * `grep pluto /var/log/*` and `grep -r` put the file's path and a colon before each line:
 * `/var/log/secure:Oct 25 05:23:28 host pluto[3665]: …` (hwdsl2/setup-ipsec-vpn #469), and with `-n`
 * the line's number after it (`/var/log/syslog:1234:Oct 25 …`). Only an absolute path right before a
 * syslog month or an ISO time, so a message's own `/path:` is never cut. (The day as LINE_NUMBER_PREFIX takes it, padded or
 * not: pfSense's and a mail's copies of FreeBSD's syslog write `Feb 4 13:56:38`, one blank.) With `-A`/`-B`/`-C` the lines around
 * a match have `-` where a match has `:` (`/var/log/syslog-1234-Oct 25 …`, GNU grep manual 2.1.5 Context Line Control: "Context
 * (i.e., non-matching) lines use '-' instead"); the path is the shortest before such a mark, as a path may hold a `-` itself.
 */
const GREP_PATH_PREFIX = new RegExp(String.raw`^\/[\w.\/-]{1,200}?(?::(?:\d{1,9}:)?|-(?:\d{1,9}-)?)(?=${MONTH} +\d{1,2} |${ISO_AHEAD})`);
/**
 * The same from inside the log's folder (`grep -i terminated *.log`, `zgrep pppd syslog*`): a bare file name — one with a log's
 * extension (`vpn_20220322.log:2022-03-22 11:24:33.775 …`, SoftEther's server and hub logs, SoftEther issue #1545) or a syslog
 * file's own name (`syslog:`, `messages:`, `secure:`, `daemon.log:` — Debian's and Red Hat's rsyslog.conf) — rotated (`.1`,
 * logrotate's `dateext` `-20240105`) and compressed or not (`.gz`, `.bz2`, `.xz`: zgrep, xzgrep put the compressed file's name).
 * Before, `syslog.1:` and `messages:` were not taken and each such line was unknown. Tried only when the line's first colon ends
 * such a name (fileNameBeforeColon): a cheap look by characters, no slice or regex per line.
 */
const GREP_FILE_PREFIX = new RegExp(String.raw`^[\w.-]{1,100}:(?:\d{1,9}:)?(?=${MONTH} +\d{1,2} |${ISO_AHEAD})`);
function fileNameBeforeColon(s: string): boolean {
  // (a name's fourth character is one too, the colon coming later: a syslog month's blank rules the line out before the colon's search)
  if (!isNameChar(s.charCodeAt(3))) return false;
  const colon = s.indexOf(':');
  return colon > 3 && colon <= 108 && endsLikeLogFileName(s, colon);
}
/**
 * The same name before a context line's `-` (`grep -C 3 pppd syslog*`: `syslog-1235-Oct 25 …`, `syslog.1-Oct 25 …` — GNU grep manual,
 * 2.1.5 Context Line Control: "Context (i.e., non-matching) lines use '-' instead" of the `:` after the file name and the line number).
 * Before, only the match's `syslog:1235:` was taken: each context line around it was read with the name and not understood. The name
 * is the shortest before such a mark (logrotate's `messages-20240105` has a `-` itself), and must end like a log file's name
 * (endsLikeLogFileName, asked of the match's name too). Tried only when a `-` in the line's first run of name characters ends such a
 * name (fileNameBeforeContextMark).
 */
const GREP_FILE_CONTEXT_PREFIX = new RegExp(String.raw`^([\w.-]{1,100}?)-(?:\d{1,9}-)?(?=${MONTH} +\d{1,2} |${ISO_AHEAD})`);
function fileNameBeforeContextMark(s: string): boolean {
  // (an ISO-timed line's year and its dash: no file name's — a name of four digits alone is assumed none)
  if (!isNameChar(s.charCodeAt(3)) || (s.charCodeAt(4) === 45 && isDigitAt(s, 0) && isDigitAt(s, 3))) return false;
  for (let i = 4; i <= 108; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 && endsLikeLogFileName(s, i)) return true;
    if (!isNameChar(c)) return false;
  }
  return false;
}
function withoutGrepContextName(s: string): string {
  const m = GREP_FILE_CONTEXT_PREFIX.exec(s);
  return m && endsLikeLogFileName(s, m[1]!.length) ? s.slice(m[0].length) : s;
}
/** [\w.-] (GREP_FILE_PREFIX's name; \w without the u flag: [A-Za-z0-9_]) */
const isNameChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 45 /* - */ || c === 46 /* . */ || c === 95 /* _ */;
const isDigitAt = (s: string, i: number): boolean => isDigit(s.charCodeAt(i));
/** syslog's own files named without an extension (Red Hat's /etc/rsyslog.conf: messages, secure; Debian's: syslog, and its *.log ones) */
const SYSLOG_FILE_NAMES: ReadonlySet<string> = new Set(['syslog', 'messages', 'secure', 'daemon', 'auth', 'kern', 'user', 'debug']);
const COMPRESSED = ['.gz', '.bz2', '.xz'];
/**
 * Whether `s` up to `end` is a log file's name as GREP_FILE_PREFIX's look-up takes it: a name with `.log` or `.txt`, or one of
 * SYSLOG_FILE_NAMES, then a rotation (`.1` to `.999`, `-YYYYMMDD`) and a compression suffix, each or both left out. By its last
 * characters: a syslog line's first colon (its time's) comes after digits and a blank, so this says no at its second character,
 * where a regex on a slice up to the colon cost explain-log ≈ 1 % (a slice and a regex per line).
 */
function endsLikeLogFileName(s: string, end: number): boolean {
  for (const ext of COMPRESSED) {
    if (end - ext.length > 3 && s.startsWith(ext, end - ext.length)) {
      end -= ext.length;
      break;
    }
  }
  let digits = 0;
  while (digits < 9 && isDigitAt(s, end - 1 - digits)) digits++;
  let e = end;
  if (digits > 0) {
    // a rotation's `.1` to `.999`, or logrotate's dateext `-20240105`
    const mark = s.charCodeAt(end - 1 - digits);
    if (!((mark === 46 && digits <= 3) || (mark === 45 && digits === 8))) return false;
    e = end - 1 - digits;
  }
  if (e >= 4 && s.charCodeAt(e - 4) === 46 && (s.startsWith('log', e - 3) || s.startsWith('txt', e - 3))) return true;
  // (every character of the name a name's: a line's own `word:` after other text is no file name)
  return e >= 4 && e <= 8 && isBareName(s, e) && SYSLOG_FILE_NAMES.has(s.slice(0, e));
}
const isBareName = (s: string, end: number): boolean => {
  for (let i = 0; i < end; i++) if (!isNameChar(s.charCodeAt(i))) return false;
  return true;
};
/**
 * A line number before the line: `grep -n`'s `1234:` (GNU grep's manual, "--line-number": the number
 * and a colon; `1235-` on a line `-A`/`-B`/`-C` shows around a match, 2.1.5 Context Line Control: "Context (i.e., non-matching)
 * lines use '-' instead" — before, every such line of a `grep -n -C 3` paste was read with its number, most not understood)
 * or `cat -n`'s right-aligned number and tab (GNU coreutils: `%6d\t`). Only right
 * before a syslog header (the time and a blank after it) or an ISO 8601 time: a router web log's
 * own sequence number is followed by its time and a tab (`186\tAug 1 22:45:15\tPPP…`) and stays.
 */
const LINE_NUMBER_PREFIX = new RegExp(String.raw`^(?: *\d{1,9}\t|\d{1,9}[:-])(?=${MONTH} +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)? |${ISO_AHEAD})`);

/** A line without the quote marks before it (`> `, `> > `, `>>`): the first character tested before the regex. */
const withoutQuoteMarks = (s: string): string => (s.charCodeAt(0) === 62 /* > */ ? s.replace(QUOTE_MARKS, '') : s);
const QUOTE_MARKS = /^(?:> ?)+/;

/** Whether the last normalizeLine rewrote its line (`#011`, BBCode) rather than only cut it: a cut holds nothing its line does not. */
export let rewritten = false;
/**
 * How many characters the last normalizeLine's `#011`/`#015` rewrite took out: a hard wrap cut the line as it was
 * shown, escapes and all (rsyslog writes them into the file; a terminal or mail shows them as text), so its width is
 * measured with them (LineSplitter's wrap width).
 */
export let escapesShortened = 0;

/**
 * Paste damage removed before anything else: CR, mail and web typography, rsyslog's `#011` tab
 * escape, a whole paste's indent (`outdent`: LineSplitter's), Markdown quotes, BBCode.
 */
const IOS_TIME_AFTER_BULLET = /^. [A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d\.\d{3}(?: [A-Z]{2,5})?: /;

/** What a read chunk's hints must rule out for normalizeLine's fast path: the rewrites, the compose prefix. */
const PLAIN_HINTS = NO_TYPOGRAPHY | NO_HASH0 | NO_COMPOSE | NO_BBCODE | NO_ARROW_NOTE | NO_BOLD;

/**
 * A syslog line whose first letter a copy lost (`pr 17 10:40:25 client xl2tpd[28658]: …`, a forum post of a journal in a locale
 * with small-letter months; hGD saw it in xelerance/xl2tpd #179): a month's last two letters, its day and a time to the second,
 * which no other line starts with. Each pair of last letters is one month's alone (an, eb, ar, pr, ay, un, ul, ug, ep, ct, ov,
 * ec), so the letter comes back, in the case of the two kept. Per line: the blank at the third character, then the two letters.
 */
function withMonthLetter(s: string): string {
  if (s.charCodeAt(2) !== 32) return s;
  const first = MONTH_FIRST_LETTER.get(s.slice(0, 2));
  if (first === undefined || !DAY_AND_TIME.test(s)) return s;
  rewritten = true;
  // (the line as shown is a character shorter: a wrap's width is measured on what the copy holds, as for `#011` — lines.ts)
  escapesShortened -= 1;
  return (s.charCodeAt(0) < 97 ? first.toUpperCase() : first) + s;
}
const MONTH_FIRST_LETTER = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].flatMap((m) => [
    [m.slice(1), m[0]!.toLowerCase()],
    [m.slice(1).toUpperCase(), m[0]!],
  ]),
);
const DAY_AND_TIME = /^[a-zA-Z]{2} [ \d]?\d \d\d:\d\d:\d\d /;

export function normalizeLine(raw: string, first: boolean, hints = 0, outdent?: (s: string) => string): string {
  rewritten = false;
  escapesShortened = 0;
  // (a character test, not endsWith: a builtin call per line cost more than the rest of this check)
  const end = raw.charCodeAt(raw.length - 1);
  // A plain log's line that starts with a letter or a digit (every syslog or ISO-timed line): no rewrite (the hints), no paste
  // indent, no CR, no code span's backtick at its end, no mark at its start — of all below only a grep's or cat's prefix may apply.
  // (the tests below one by one, seven reads of the first character and the colon's indexOf, cost the bench log's assembly 11–13 %)
  if ((hints & PLAIN_HINTS) === PLAIN_HINTS && outdent === undefined && end !== 13 && end !== 96 && end !== 62) {
    const c = raw.charCodeAt(0);
    if (isLetter(c) || isDigit(c)) return lineCap(withoutListingPrefix(withMonthLetter(raw), c));
  }
  let s = end === 13 ? raw.slice(0, -1) : raw;
  if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (!(hints & NO_TYPOGRAPHY)) {
    const plain = plainTypography(s);
    if (plain !== s) {
      s = plain;
      rewritten = true;
      // the chunk's other hints were found before its blanks and quotes were plain (`|\u00a0` is no `| `)
      hints &= NO_LINE_BREAK;
    }
  }
  if (!(hints & NO_HASH0) && s.includes('#0')) {
    const shown = s.length;
    s = s.replace(/#011/g, '\t').replace(/#015/g, '');
    escapesShortened = shown - s.length;
    rewritten = true;
  }
  // a mail's or forum's quote marks, one level or more (`> > …`: a reply to a reply, each client putting its `> ` before the
  // line it quotes — RFC 3676 4.5, "quote depth"), before the paste's indent is looked for and the month's letter given back:
  // the indent of a quoted indented paste (`> >     Vi2 LCP: …`) and a quoted `pr 17 10:40:25 …` were not seen behind the marks
  // (a fence glued to the first line, before its quote marks and indent are looked at: ```` ```    Jul 29 … ````)
  if (s.charCodeAt(0) === 96) s = withoutGluedFence(s);
  s = withoutQuoteMarks(s);
  if (outdent) s = outdent(s);
  // (and those behind a whole paste's indent: a quoted log pasted as a Markdown code block, `    > Jul 29 …`)
  s = withoutQuoteMarks(s);
  s = withMonthLetter(s);
  s = withoutAuthorsMarks(s, hints);
  if (s.charCodeAt(0) === 96 || s.charCodeAt(s.length - 1) === 96) s = withoutCodeSpanMarks(s);
  // Cisco IOS marks a time its clock does not trust with `*` (`*Mar  1 00:55:40.767: ISAKMP …`); Markdown takes a line that starts
  // `*` and a blank for a list item, and the page's text shows a bullet (`- Mar 1 00:55:40.767: …`, a Chinese blog's copy of an IOS
  // debug): the mark comes back, only before an IOS time with its milliseconds and colon
  if ((s.charCodeAt(0) === 45 || s.charCodeAt(0) === 0x2022) && s.charCodeAt(1) === 32 && IOS_TIME_AFTER_BULLET.test(s)) s = `*${s.slice(2)}`;
  // a whole line set in Markdown bold, as a poster marks the line that matters (`**IDir '172.16.1.254' does not match to
  // 'vpn.mydomain.com'**`, hwdsl2/setup-ipsec-vpn #526; `**Feb 21 … (Protocol not supported)**`): the marks go, the line stays
  if (s.charCodeAt(0) === 42 && s.charCodeAt(1) === 42 && s.length > 4 && s.endsWith('**') && s.charCodeAt(2) !== 42 && s.charCodeAt(2) !== 32) s = s.slice(2, -2);
  // and marks inside the line, tag and words alike (bold-marks.ts): only in a chunk that holds a `**`
  if (!(hints & NO_BOLD)) s = withoutBoldMarks(s) ?? s;
  s = withoutListingPrefix(s, s.charCodeAt(0));
  if (!(hints & NO_COMPOSE) && s.indexOf('| ') > 0) {
    const m = COMPOSE_PREFIX.exec(s);
    if (m) s = s.slice(m[0].length); // a cut of the line, as the quote marks' removal
  }
  // (without a `#0` rewrite, s is a cut of raw: raw's hint holds for it; a rewrite may make a `[/` of `[#015/`)
  if ((!(hints & NO_BBCODE) || rewritten) && hasBbcodeStart(s)) {
    s = s.replace(BBCODE_TAG, '');
    rewritten = true;
  }
  return lineCap(s);
}

/**
 * A forum's BBCode tag (`[color=#ff0000]`, `[/b]`, `[code]`). A tag's value holds no `[`: with `[^\]]*` a line of `[color=` with no
 * `]` was read to its end from each of them, n² (80 000 characters: 0.45 s; found by timing lines of repeated pieces, round 43).
 */
export const BBCODE_TAG = /\[\/?(?:COLOR|color|B|b|I|i|CODE|code|QUOTE|quote)(?:=[^\][]*)?\]/g;

const lineCap = (s: string): string => (s.length > MAX_LINE_CHARS ? s.slice(0, MAX_LINE_CHARS) : s);

/**
 * The first character of `raw`, a line cut from `src` at `at`, when normalizeLine's fast path would return the line as it is, else 0:
 * its chunk's hints rule out every rewrite, it starts with a letter or a digit, ends with no CR or backtick, and no grep or cat prefix
 * is before it. Asked here, without a call into normalizeLine (too big for V8 to inline into push), and read from `src`, a flat
 * string (a character read from the cut line, a slice of it, costs more); a letter-led line whose fourth character no file name has
 * (a syslog month's blank) needs no look for a prefix. The push then knows the line's first character, which the blank-line,
 * quote-mark, log-boundary and glue tests read again from the cut line: the bench log read, cut and assembled 0.94–0.95 (CPU time,
 * twice; 0.91 with the chunks already read) against normalizeLine's own fast path (plain-line-path.test.ts: the records are the same).
 */
export function plainLead(raw: string, src: string, at: number, hints: number): number {
  const length = raw.length;
  if ((hints & PLAIN_HINTS) !== PLAIN_HINTS || length === 0 || length > MAX_LINE_CHARS) return 0;
  const c = src.charCodeAt(at);
  const end = src.charCodeAt(at + length - 1);
  if (end === 13 || end === 96 || end === 62) return 0;
  if (isLetter(c)) {
    // (a month that lost its first letter, `pr 17 10:40:25 …`: normalizeLine gives it back — a blank at the third character first)
    if (src.charCodeAt(at + 2) === 32 && withMonthLetter(raw) !== raw) return 0;
    // (a RouterOS date's slash, `jan/02 …`: a Winbox row's tabs may follow — withoutListingPrefix looks)
    const c3 = src.charCodeAt(at + 3);
    return (!isNameChar(c3) && c3 !== 47) || withoutListingPrefix(raw, c) === raw ? c : 0;
  }
  return isDigit(c) && withoutListingPrefix(raw, c) === raw ? c : 0;
}

/**
 * A row copied from Winbox's Log window (or WebFig's): its columns — Time, Buffer (the logging action's name, `memory`, in the
 * RouterOS versions that show it), Topics, Message — with a tab between cells, where `/log print` writes one blank (RouterOS manual,
 * System/Log: "Each entry contains time and date when event occurred, topics that this message belongs to and message itself"; the
 * tab-separated cells of a list window's copy are assumed, no real copy found). The time as `/log print` shows it: `jan/02/2024
 * 10:00:00`, `jan/02 10:00:00`, `10:00:00` (today's), RouterOS 7's `2024-01-02 10:00:00`; the topics a comma list (`ipsec,error`),
 * which tells them from a buffer's one word (empty items too: a RouterOS 6 log's garbled `ovpn,debug,error,,,,bgp,…`). Read as the `/log print` line: the cells joined by one blank. Before, such a row was
 * "no line in a format TunnelMedic knows". Looked for only where a tab ends one of those times (winboxTabAt: three characters read).
 */
const WINBOX_ROW = /^((?:[A-Za-z]{3}\/\d\d(?:\/\d{4})? |\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d)\t(?:[A-Za-z][\w-]*\t)?([a-z][\w-]*(?:,[\w-]*)+)\t/;
/** a tab right after a time of WINBOX_ROW's shapes: `10:00:00`, `jan/02 10:00:00`, `jan/02/2024 10:00:00` or `2024-01-02 10:00:00` */
const winboxTabAt = (s: string): boolean => s.charCodeAt(8) === 9 || s.charCodeAt(15) === 9 || s.charCodeAt(19) === 9 || s.charCodeAt(20) === 9;
function withoutWinboxTabs(s: string): string {
  const m = WINBOX_ROW.exec(s);
  if (!m) return s;
  rewritten = true;
  return `${m[1]} ${m[2]} ${s.slice(m[0].length)}`;
}

/** The line without a grep's path or file name, or a grep's or cat's line number, before it; `lead`: its first character. */
function withoutListingPrefix(s: string, lead: number): string {
  if (winboxTabAt(s)) {
    const row = withoutWinboxTabs(s);
    if (row !== s) return row;
  }
  if (lead === 47 /* / */) return withoutMatch(GREP_PATH_PREFIX, s);
  if (lead > 47 && fileNameBeforeColon(s)) return withoutMatch(GREP_FILE_PREFIX, s);
  if (lead > 47 && fileNameBeforeContextMark(s)) return withoutGrepContextName(s);
  if ((isDigit(lead) || lead === 32) && lineNumberAhead(s)) return withoutMatch(LINE_NUMBER_PREFIX, s);
  return s;
}

function withoutMatch(prefix: RegExp, s: string): string {
  const m = prefix.exec(s);
  return m ? s.slice(m[0].length) : s;
}

/**
 * Whether the line starts as LINE_NUMBER_PREFIX's number does (blanks, one to nine digits and a tab, or the digits and a colon): an
 * ISO-timed line (`2024-01-01T…`, rsyslog's RFC 3339 files) is ruled out at its fifth character, where the regex run on every such
 * line cost an ISO-timed copy of the bench log a fifth of its assembly.
 */
function lineNumberAhead(s: string): boolean {
  let i = 0;
  while (s.charCodeAt(i) === 32) i++;
  const blanks = i;
  while (i - blanks < 10 && isDigitAt(s, i)) i++;
  const digits = i - blanks;
  if (digits === 0 || digits > 9) return false;
  const c = s.charCodeAt(i);
  if (blanks !== 0) return c === 9;
  // (a grep context line's `-` before a month's letter or an ISO year — `1235-2024-01-01…`: a dash five characters on — not an
  // ISO date's own `2024-01-…`, which is ruled out here as before)
  return c === 9 || c === 58 || (c === 45 && (isLetter(s.charCodeAt(i + 1)) || s.charCodeAt(i + 5) === 45));
}

/** A blog's `<pre>` tags and an author's arrow note (author-marks.ts), in their own function: normalizeLine stays within V8's inlining budget. */
function withoutAuthorsMarks(s: string, hints: number): string {
  if (s.charCodeAt(0) === 60 /* < */ || s.charCodeAt(s.length - 1) === 62) s = withoutMarkupAtEnds(s);
  if ((!(hints & NO_ARROW_NOTE) || rewritten) && hasArrowNote(s)) s = withoutArrowNote(s);
  return s;
}

/**
 * A Markdown code fence glued to the log's first line or its last (```` ```Jan 10 12:00:01 vpn pppd[1]: … ````, ```` ```Имя журнала:
 * Application ````, `… Exit.```` `): the poster typed the fence without its line break, so the fence's run of three or more backticks
 * (CommonMark 4.5, fenced code blocks: "a sequence of at least three consecutive backtick characters") stands before the first
 * record's header or after the last record's text. A fence on its own line (```text) is layout already (layout-lines.ts FENCE);
 * here the run goes only when text that is no info string follows it (FENCE does not take the line: a blank or a letter no
 * language name has — ```` ```text ````, ```` ```log ```` stay fences) and, at the end, when text stands before it. Before, such a first line was
 * not understood (hJC saw it in a Russian event copy).
 */
function withoutGluedFence(s: string): string {
  if (!s.startsWith('```')) return s;
  let i = 3;
  while (s.charCodeAt(i) === 96) i++;
  const rest = s.slice(i);
  return rest.trim() !== '' && !FENCE.test(s) ? rest : s;
}
/** the closing one, glued after the last line's text (withoutCodeSpanMarks) */
function withoutGluedClosingFence(s: string): string {
  if (s.endsWith('```')) {
    let i = s.length - 3;
    while (s.charCodeAt(i - 1) === 96) i--;
    if (i > 0 && s.charCodeAt(i - 1) > 32) s = s.slice(0, i);
  }
  return s;
}

/**
 * A Markdown inline code span around a pasted log (a GitHub comment's `` `2019-10-17 18:01:45.648 IPsec Client …` ``, SoftEther
 * issue #1002): its opening backtick before the first line, its closing one after the last. Only a lone mark at the line's start
 * or end (one backtick in the line, or one at each end) around some text: a fence (```) and backticks inside a message stay.
 */
function withoutCodeSpanMarks(s: string): string {
  s = withoutGluedClosingFence(s);
  let n = 0;
  for (let i = s.indexOf('`'); i >= 0 && n < 3; i = s.indexOf('`', i + 1)) n++;
  const open = s.charCodeAt(0) === 96;
  const close = s.length > 1 && s.charCodeAt(s.length - 1) === 96;
  const cut = n === 1 ? (open ? s.slice(1) : s.slice(0, -1)) : n === 2 && open && close ? s.slice(1, -1) : s;
  // (a line of a lone mark stays a line: what was not blank is not made blank)
  return cut.trim() === '' ? s : cut;
}

