import { afterBlanks, isDigit, isLetter } from './char-codes';
import { HOST_GAP, isYearless, leavesLog, stepOf, timeKey } from './log-time-jump';
import { splitPrefix } from './prefix';

/**
 * Where one log ends and another begins in a paste (a help desk pastes several logs into one box, or
 * `cat a.log b.log | explain-log`): a line with a log header of another shape than the last header
 * seen (syslog after IOS, ISO after syslog, a syslog header with host and program after charon's own
 * file log without them), or the first header after lines that had none (a header-less charon or
 * pluto log, then a syslog one). The splitter's paste-wide decisions — the hard wrap's width, the
 * double-spaced copy — are taken per log from there on: one log's 117-character line must not hide
 * the next log's wrap at 106 (lines.ts LineSplitter).
 * A header-less line (a wrapped piece, an event's text, prose) never is one: it belongs to the log it
 * is in. A line that is one continues no record of the lines before it (a Format-List `ERROR: …`-like
 * field does not take the next log's indented lines as its wrapped value). Two logs of one shape (two
 * syslog files whose lines all name a host and a program) are one log to it; their wraps are told apart
 * by their widths as in one file. A host change is no boundary (a central syslog server interleaves
 * hosts): the shape says whether a line names a host or a program, not which (detect.ts headShape).
 * Cheap per line: the header is only read (shapeOf) when the line's head — the classes of four of its
 * characters, headProbe — differs from the last line's, or while no header has been seen. A log's lines
 * share it (`Jul 10 05:09:33 gw charon[1058]:`, `2021-08-24 15:42:24.755 IPsec`); the next log's first line
 * seldom does. (A head of every character up to the program, hashed, cost explain-log a quarter of its time
 * on the bench's syslog, whose programs alternate with and without a pid.)
 */
export class LogBoundary {
  private lastShape: string | undefined;
  private lastHead = 0;
  private sawText = false;
  /** the time of the last line with one this log's shape reads (log-time-jump.ts timeKey), -1 none yet */
  private lastTime = -1;
  /** that line (its host is read only when the next line's time is far on: stepsAway) */
  private lastTimed = '';
  /** its first TIME_CHARS characters, all timeKey reads */
  private lastMinute = NO_MINUTE;
  /** whether the last line asked about has a log header (a line of the same head as the line before: as that line) */
  headed = false;

  constructor(private readonly shapeOf: (text: string) => string) {}

  /** Whether `text` (a non-blank line, as normalised) starts another log than the lines before it. */
  at(text: string): boolean {
    const sawText = this.sawText;
    this.sawText = true;
    const head = headProbe(text);
    // (a line of the last line's head has its header or lack of one — and another log of that shape has a time of its own)
    if (head === this.lastHead && this.lastShape !== undefined) return this.headed && this.stepsAway(text);
    this.lastHead = head;
    // (read past a line's indent: a second log may be indented as a whole, RouterOS's ` 2026-09-18 12:11:31 dhcp,info …` under an unindented first)
    const c = text.charCodeAt(0);
    const shape = this.shapeOf(c === 32 || c === 9 ? text.trimStart() : text);
    this.headed = shape !== 'none';
    if (!this.headed) return false;
    const before = this.lastShape;
    this.lastShape = shape;
    if (before === undefined || before !== shape) {
      this.lastTime = timeKey(text);
      this.lastTimed = text;
      this.lastMinute = text.length >= TIME_CHARS ? text.slice(0, TIME_CHARS) : NO_MINUTE;
      return before === undefined ? sawText : true;
    }
    return this.stepsAway(text);
  }

  /**
   * Whether a line of the last header shape is another log's by its time (log-time-jump.ts): hours before the last line's or a month
   * after it — two syslog files of one shape pasted one below the other (`cat`), whose wrap widths are their own; or more than an hour
   * after it from another host (a central syslog server's hosts interleave within minutes; a log pasted below another, of another
   * server, starts at a time of its own). Per line: the time's digits at fixed places; the hosts are read only after such a gap.
   */
  private stepsAway(text: string): boolean {
    // (most lines share the last timed line's minute: timeKey reads the first 16 characters only, so the same 16 are the same time,
    // a step of 0 — one native comparison in place of reading the time; the line still becomes the last for its host)
    if (this.lastTime >= 0 && this.lastMinute !== NO_MINUTE && text.startsWith(this.lastMinute)) {
      this.lastTimed = text;
      return false;
    }
    const time = timeKey(text);
    if (time < 0) return false;
    const last = this.lastTime;
    const lastText = this.lastTimed;
    this.lastTime = time;
    this.lastTimed = text;
    this.lastMinute = text.length >= TIME_CHARS ? text.slice(0, TIME_CHARS) : NO_MINUTE;
    if (last < 0) return false;
    const step = stepOf(last, time, isYearless(text));
    return leavesLog(step) || (step > HOST_GAP && anotherHost(lastText, text));
  }
}

/** How many characters timeKey reads (log-time-jump.ts: an ISO `2026-12-07T05:46`, a syslog `Jul 10 05:09`) */
const TIME_CHARS = 16;
/** none yet, or the last timed line was shorter than TIME_CHARS: the next line's time is read */
const NO_MINUTE = '\u0000';

/** Whether both lines name a host and the hosts differ. */
function anotherHost(last: string, text: string): boolean {
  const before = splitPrefix(last).host;
  if (before === undefined) return false;
  const host = splitPrefix(text).host;
  return host !== undefined && host !== before;
}

/** How far a line's time is read (an ISO one with microseconds and a zone is 32 characters): timeSkeleton */
const HEAD_MAX = 48;
/** How far a head without a time is read (`hh:mm`'s colon not met by then): a header-less line's first words */
const HEAD_NO_TIME = 24;

/** The character class of `c` in a head: 1 a digit, 2 a letter, 32 a blank or tab, else the character itself. */
const headClass = (c: number): number => (isDigit(c) ? 1 : isLetter(c) ? 2 : c === 9 ? 32 : c);

/**
 * Where a line's head ends: at the `blanks`-th blank after its time's first colon after a digit (`05:09:33`, `16:19:17`), or at
 * HEAD_NO_TIME when no such colon comes first (a run of blanks counted once; leading blanks skipped: `from`).
 */
function headEnd(text: string, from: number, blanks: number): number {
  const end = Math.min(text.length, HEAD_MAX);
  let timed = false;
  let seen = 0;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */ && i > from && isDigit(text.charCodeAt(i - 1))) timed = true;
    else if (!timed && i >= HEAD_NO_TIME) return i;
    if ((c === 32 || c === 9) && timed && text.charCodeAt(i - 1) !== 32 && text.charCodeAt(i - 1) !== 9 && ++seen === blanks) return i;
  }
  return end;
}

/**
 * The shape of a line's time, as its classes up to the blank after it (a syslog time `Jul 10 05:09:33` is `a 9 9:9:9`, `Jun  8` and
 * `Jun 8` alike; one with its year `Feb 25 2020 06:08:41:` and an ISO one `2021-08-24 15:42:24.755` others): asked only of a line
 * whose header has a time, when its head changed (headShape, detect.ts) — a log writes every time in one shape.
 */
export function timeSkeleton(text: string): string {
  const from = afterBlanks(text);
  const end = headEnd(text, from, 1);
  let out = '';
  let last = -1;
  for (let i = from; i < end; i++) {
    const k = headClass(text.charCodeAt(i));
    if (k === last && (k < 3 || k === 32)) continue;
    last = k;
    out += k === 1 ? '9' : k === 2 ? 'a' : String.fromCharCode(k);
  }
  return out;
}

/** A character's class in a head probe: 0 a digit, 1 a letter, 2 a blank or tab or none (past the line's end), 3 anything else. */
const probeClass = (c: number): number => (isDigit(c) ? 0 : isLetter(c) ? 1 : c === 32 || c === 9 || Number.isNaN(c) ? 2 : 3);

/**
 * A line's head, cheaply: the classes of its first character and of the characters at 15, 16 and 19 — where a syslog time ends
 * and its host begins (`Jan 27 03:00:50 10[ENC]` a digit, `Jul 06 15:47:07 gw ipsec[1]:` a letter), where a time with its year
 * goes on (`Feb 25 2020 06:08:41:`), where an ISO time has its fraction or not (`2021-08-24 15:42:24.755`, `2016-05-26 07:49:06 ike`).
 * Per line: four character codes, no loop — the header itself is read only when the probe changes (LogBoundary.at); a log's lines
 * share it, a second log's first line seldom does. A miss only leaves two logs one to the splitter, as before.
 */
export function headProbe(text: string): number {
  return probeClass(text.charCodeAt(0)) | (probeClass(text.charCodeAt(15)) << 2) | (probeClass(text.charCodeAt(16)) << 4) | (probeClass(text.charCodeAt(19)) << 6);
}
