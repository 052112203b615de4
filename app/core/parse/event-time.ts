/**
 * A RasClient event's time, as the capture wrote it, → an instant for matching it with a server
 * log's lines — without `new Date(text)`, which reads anything but ISO in the time zone of the
 * machine doing the analysis (the same capture matched differently on a help desk in Amsterdam and
 * one in New York) and gives up on most languages' date forms (`18.03.2024 13:29:21`).
 *
 * Forms: wevtutil's XML `SystemTime` and Get-WinEvent JSON (ISO, `Z`: UTC); ISO with an offset;
 * ISO or a culture's short date without a zone (wevtutil /f:text `Date:`, Format-List's
 * `TimeGenerated`, Event Viewer's copy): the PC's local wall clock. A wall clock is returned as if
 * it were UTC and marked so: the matcher then allows a whole time-zone offset, as it does for a
 * syslog line's local time (diagnose/server-log/correlate.ts).
 *
 * Short date orders (PowerShell and Event Viewer print the PC's culture): en-US `M/d/yyyy`, ja-JP
 * `yyyy/MM/dd`, fr-FR `dd/MM/yyyy` (learn.microsoft.com, DateTimeFormatInfo.ShortDatePattern, its
 * example output); de-DE `dd.MM.yyyy`, nl-NL `d-M-yyyy` and the AM/PM clock being en-US's are
 * assumed from those cultures' conventions. So: year first → Y/M/D; an AM/PM marker with slashes →
 * M/D (en-US); otherwise day first — unless a number over 12 says which one is the day.
 */

export interface EventInstant {
  /** milliseconds since 1970 — UTC, or the wall clock's fields taken as UTC when `wallClock` */
  ms: number;
  /** the text named no zone: the PC's local time, its offset from UTC unknown */
  wallClock: boolean;
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:[.,](\d+))?\s*(Z|[+-]\d\d:?\d\d)?$/i;
const YEAR_FIRST = /^(\d{4})[/.-] ?(\d{1,2})[/.-] ?(\d{1,2})\.? (?:(AM|PM|午前|午後|上午|下午|오전|오후) ?)?(\d{1,2}):(\d\d)(?::(\d\d))?(?: ?(AM|PM))?$/i;
const YEAR_LAST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}) (\d{1,2}):(\d\d)(?::(\d\d))?(?: ?([AaPp]\.? ?[Mm]\.?))?$/;
const PM_WORDS = new Set(['pm', 'p.m.', '午後', '下午', '오후']);
const isPm = (marker: string) => PM_WORDS.has(marker.toLowerCase().replace(/\s/g, ''));

/** 12-hour clock to 24 (12 AM is midnight, 12 PM noon); no marker: as written. */
function hour24(hour: number, marker: string | undefined): number {
  if (marker === undefined) return hour;
  return (hour % 12) + (isPm(marker) ? 12 : 0);
}

function wall(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): EventInstant | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  return { ms: Date.UTC(year, month - 1, day, hour, minute, second, ms), wallClock: true };
}

const fraction = (digits: string | undefined) => (digits ? Number(digits.padEnd(3, '0').slice(0, 3)) : 0);

export function eventInstant(text: string): EventInstant | null {
  const s = text.trim();
  let m = ISO.exec(s);
  if (m) {
    const at = wall(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), fraction(m[7]));
    if (!at || m[8] === undefined) return at;
    if (m[8].toUpperCase() === 'Z') return { ms: at.ms, wallClock: false };
    const sign = m[8][0] === '-' ? -1 : 1;
    const digits = m[8].slice(1).replace(':', '');
    return { ms: at.ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000, wallClock: false };
  }
  if ((m = YEAR_FIRST.exec(s))) return wall(+m[1]!, +m[2]!, +m[3]!, hour24(+m[5]!, m[4] ?? m[8]), +m[6]!, +(m[7] ?? 0));
  if ((m = YEAR_LAST.exec(s))) {
    const a = +m[1]!;
    const b = +m[3]!;
    const marker = m[8];
    const monthFirst = a > 12 ? false : b > 12 ? true : marker !== undefined && m[2] === '/';
    return wall(+m[4]!, monthFirst ? a : b, monthFirst ? b : a, hour24(+m[5]!, marker), +m[6]!, +(m[7] ?? 0));
  }
  return null;
}
