import { detectFamily } from './detect';
import { readPrefix, type Prefixed } from './prefix';

/**
 * A log inside a mail's or a ticket's prose: the writer's sentence, then the records glued into the same paragraph
 * ("… here is what the server logged: Jan  5 10:00:01 vpn pluto[812]: …" — the shape hwdsl2/setup-ipsec-vpn #1244 is said to have;
 * its text was not in the stored index, so no fixture of it yet — or after a quote mark,
 * `Log: > Jan  5 …`). The line as a whole has no header a family reads, so it would be one line not understood and its records
 * lost. Here the record's own head is looked for after a blank (or a quote mark, a bracket): at each word start a little before
 * a time of day, as every header has one (a syslog month and day, an ISO date, a priority, a bracket, FortiOS's `date=… time=…`),
 * and taken only when a family reads the text from there — a time inside the prose ("since 10:00:01 this morning") is followed
 * by no header any family knows. The prose before it is then its own line not understood (never dropped), and the rest is
 * read as records (flattened-records.ts cuts what follows).
 *
 * Asked only of a line no family read (index.ts), so it costs nothing on a log's own lines: a cheap test first (a colon past
 * the line's start, which every time holds), then a scan for times; each word start within HEAD_REACH before one is read once.
 */
/** A time of day with its seconds (`10:00:01`), or to the minute before a blank (`19:11 27[CFG]`): what every header holds. */
const TIME = /\d:\d\d(?::\d\d|[ \t])/g;

/** Whether the last character before `at` that is not a blank is a digit. */
function lastNonBlankIsDigit(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Two letters of any script in a row: a word. */
const WORD = /\p{L}{2}/u;

/**
 * A month's last two letters alone (`pr 17 10:40:25 client xl2tpd[…]`): a syslog line that lost its first letter in the copy,
 * not prose — it is left as the line it is (one record not understood), as it reads in its log.
 */
const MONTH_TAIL = /^(?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec) +$/i;

/** What stands before a head is prose: it has a word, and is no month that lost its first letter. */
const isProse = (before: string): boolean => WORD.test(before) && !MONTH_TAIL.test(before);

const FIRST_TIME = /\d:\d\d(?::\d\d|[ \t])/;

/** How far before its time a header may start: `<134>1 2026-04-08T17:42:34`, `Sun, 2017-04-16 19:11`, `date=2019-07-17 time=21:43:17`. */
const HEAD_REACH = 40;

/** A character a record's head may stand after in prose: a blank, a quote or a quote mark, a bracket, a colon or a comma. */
const isSeparator = (c: number): boolean => c === 32 || c === 9 || c === 62 /* > */ || c === 34 || c === 39 || c === 96 /* ` */ || c === 40 || c === 58 || c === 44 || c === 59;

/** The shortest prose worth a look: a sentence's few words before a header (a header alone is a log's line, read already). */
const MIN_PROSE = 3;

/**
 * A record's head: a family's (detectFamily, or `claimed`: what else the parser reads a record as — a leftover family's, a
 * RouterOS printed row, a Junos card's line, another program-less line it knows: index.ts), or any program's tag under a
 * header with a time (`Aug 14 12:25:02 road systemd[1]: `, newsyslog's — another program's line a log holds, read as such).
 */
const isRecordHead = (pre: Prefixed, rest: string, claimed: (pre: Prefixed, rest: string) => boolean): boolean =>
  ((pre.shape !== 'none' || headerBeforeTime(rest)) && detectFamily(pre) !== undefined) || taggedAfterTime(pre, rest) || claimed(pre, rest);

/** A program's tag after a header's time (`logged: Nov 01 17:03:42 …` is a word and a colon before a header, not a tag). */
function taggedAfterTime(pre: Prefixed, rest: string): boolean {
  if (pre.program === undefined || pre.time === undefined) return false;
  const t = FIRST_TIME.exec(rest);
  return t !== null && rest.indexOf(pre.program) > t.index;
}

/**
 * For a line of a family's own shape (no syslog or ISO header the prefix parser knows — FortiOS's `date=… time=…`, a VPN 3000's
 * `54884 05/25/2009 13:41:14.060 SEV=3`, pluto's log file `Aug  8 15:50:25: `, SonicWall's GUI row): the words before its time
 * are a header's, not prose's — none is a word of letters alone longer than a month's or day's three (`this is what the server
 * logged: Nov 01 …` is SoftEther's by its words, and is prose), nor one in small letters alone. Only the line's first 40 characters.
 */
export function headerBeforeTime(rest: string): boolean {
  // (its own pattern: TIME's place in the line is recordAfterProse's)
  const t = FIRST_TIME.exec(rest.slice(0, HEAD_REACH + 8));
  if (!t) return false;
  return !/(?:^|\s)(?:[A-Za-z]{4,}|[a-z]+)[:,;.]?(?=\s)/.test(rest.slice(0, t.index));
}

/**
 * Where a record a family reads starts after prose in `text` (index > 0), or -1. Each candidate head is read as a record
 * (readPrefix, detectFamily): the first one a family claims wins.
 */
export function recordAfterProse(text: string, claimed: (pre: Prefixed, rest: string) => boolean = () => false): number {
  if (text.length < 24 || text.indexOf(':', MIN_PROSE) < 0) return -1;
  let tried = MIN_PROSE - 1;
  TIME.lastIndex = MIN_PROSE;
  for (let t = TIME.exec(text); t; t = TIME.exec(text)) {
    // each word start between the last one tried and this time, leftmost first (a header's own start comes before its time)
    for (let at = Math.max(tried + 1, t.index - HEAD_REACH, MIN_PROSE); at <= t.index; at++) {
      // (a word start: after a blank, or past a quote or bracket — a CSV row's `"2020-09-23 09:18:04", …` starts at its quote)
      const before = text.charCodeAt(at - 1);
      const c = text.charCodeAt(at);
      if (before === 32 || before === 9 ? c === 32 || c === 9 : !isSeparator(before) || isSeparator(c)) continue;
      tried = at;
      // (a digit just before it: the time is a longer timestamp's — `- Mar 1 00:55:40: …`, an IOS time after a list's dash — not a head)
      if (lastNonBlankIsDigit(text, at)) continue;
      const rest = text.slice(at);
      // (prose has a word: what stands before a head without one — a syslog priority `<164>:` — is that record's own)
      if (isRecordHead(readPrefix(rest, false, undefined, 0), rest, claimed)) return isProse(text.slice(0, at)) ? at : -1;
    }
  }
  return -1;
}
