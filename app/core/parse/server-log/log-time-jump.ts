import { isDigit, isLetter } from './char-codes';
import { LOCALE_MONTHS } from './header-patterns';
import { MONTH_NUMBER } from './prefixed';

/**
 * A log's time, read cheaply from a header at the line's start, to tell two pasted logs of one header shape apart (log-boundary.ts):
 * one log's lines go forward in time, so a line whose time lies hours before the line above it, or a month after it, is the first of
 * another log (`cat old.log new.log`, two forum posts' excerpts in one box). Minutes, from fixed character positions, no regex and no
 * cut of the text; -1 when the line starts with neither of the two shapes read:
 * - a classic syslog time, `Jul 10 05:09:33`, `Nov  9 11:43:06`, `Aug 6 02:03:47` (RFC 3164 §4.1.2 writes `Mmm dd hh:mm:ss`, the day's
 *   tens a blank; a copy that collapsed blanks, or mpd's own, has one digit): no year, see `yearless`;
 * - an ISO/RFC 3339 date and time, `2021-08-24 15:42:24.755`, `2018-08-23T18:36:51.279Z` (RFC 3339 §5.6): with its year.
 * A month of another language (`okt 21 …`, a localised journal) as header-patterns.ts LOCALE_MONTHS reads its first three letters.
 */
export function timeKey(text: string): number {
  const c0 = text.charCodeAt(0);
  if (isDigit(c0)) return isoKey(text);
  if (!isLetter(c0) || text.charCodeAt(3) !== 32) return -1;
  // (`Jul 10 05:09:33`: colons at 9 and 12; `Aug 6 02:03:47`: at 8 and 11)
  const at = text.charCodeAt(9) === 58 && text.charCodeAt(12) === 58 ? 7 : text.charCodeAt(8) === 58 && text.charCodeAt(11) === 58 ? 6 : -1;
  if (at < 0) return -1;
  const month = monthOf(text, c0);
  if (month === 0) return -1;
  const d1 = text.charCodeAt(4);
  const d2 = text.charCodeAt(at - 2);
  if (!isDigit(d2) || !(d1 === 32 || isDigit(d1))) return -1;
  const day = at === 7 && d1 !== 32 ? (d1 - 48) * 10 + d2 - 48 : d2 - 48;
  return clock(text, at, ((month - 1) * 31 + day - 1) * DAY);
}

/** One day, and a yearless key's year (twelve months of 31 days: the key's own calendar, not the real one), in minutes. */
export const DAY = 1440;
const YEAR = 12 * 31 * DAY;
/** how far back a log's time may step: a daylight-saving clock put back by an hour (`02:59` then `02:00`) is one log */
const BACK = 60;
/** how far forward: a log quiet for weeks still is one; a line months on is another's */
const FORWARD = 31 * DAY;

/** how far forward a line of another host may come and still be one log's: a central syslog server's hosts write within minutes */
export const HOST_GAP = 60;

/**
 * How many minutes a line at `next` comes after one at `last` (both timeKey; negative: before). A syslog time has no year: the step is
 * taken round the year, the shorter way (`Dec 31 23:59` then `Jan  1 00:00` is a minute on).
 */
export function stepOf(last: number, next: number, yearless: boolean): number {
  const step = next - last;
  if (!yearless) return step;
  const round = ((step % YEAR) + YEAR) % YEAR;
  return round > YEAR / 2 ? round - YEAR : round;
}

/**
 * Whether a step (stepOf) leaves the log: no more than an hour back, no more than a month forward.
 * Assumed, no source: a log written by one clock; a central syslog server that writes each host's own time, from clocks in other
 * zones, steps back by hours and is read as several logs (only the wrap width is then decided per part).
 */
export const leavesLog = (step: number): boolean => step < -BACK || step > FORWARD;

/** whether the key was read from a syslog time (no year): timeKey's first character told it */
export const isYearless = (text: string): boolean => !isDigit(text.charCodeAt(0));

/** `2021-08-24 15:42`, `2018-08-23T18:36`: the minutes since the year 0 of a calendar of 31-day months, or -1 */
function isoKey(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) return -1;
  const sep = text.charCodeAt(10);
  if (sep !== 32 && sep !== 84 /* T */) return -1;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1;
  return clock(text, 11, ((year * 12 + month - 1) * 31 + day - 1) * DAY);
}

/** `hh:mm` at `at` added to `base`, or -1 */
function clock(text: string, at: number, base: number): number {
  const hh = digits(text, at, 2);
  const mm = digits(text, at + 3, 2);
  return hh < 0 || mm < 0 ? -1 : base + hh * 60 + mm;
}

function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + c - 48;
  }
  return v;
}

/** the month of a line's first three letters, remembered: a log's lines share their month (no slice per line) */
let lastMonthCode = -1;
let lastMonth = 0;
function monthOf(text: string, c0: number): number {
  const code = (c0 << 16) | (text.charCodeAt(1) << 8) | text.charCodeAt(2);
  if (code !== lastMonthCode) {
    lastMonthCode = code;
    const word = text.slice(0, 3);
    lastMonth = MONTH_NUMBER.get(word) ?? LOCALE_MONTHS.get(word.toLowerCase()) ?? 0;
  }
  return lastMonth;
}
