import type { RawRecord } from './raw-record';
import { withoutSoftBreak } from './typography';

/**
 * The first line a paste's hard wrap cut (lines.ts WrapWidth). The wrap width is known once two
 * lines have had it; before that, the first long line's pieces came apart (its tail an unknown
 * record). So when a line is the first at the longest length so far, within the wrap bounds, and
 * the next line would continue it as a wrap if that length were the width (detect.ts continues:
 * no header of its own, no family's header-less line, no blank line between), both records are
 * held back (and what follows them, in order) until the width is decided:
 * - a second line of that length: it is the width — the two are one record, and all held go on
 *   (when a blank line came between them, the paste's first gap, only if every gap so far was an
 *   odd number of blank lines: a double-spaced paste, which puts one after every line);
 * - a longer line: it was not the width — all held go on as they were;
 * - MAX_HELD records or the end without either: not decidable — as they were. One long line
 *   followed by a shorter line without a header is what a log line of that length followed by a
 *   remark someone typed under it looks like too (wrapped-paste.test.ts); only a second line of
 *   the same length tells a wrap.
 * Holding costs nothing per line until it starts (a plain log's lines have headers: continues says
 * no at once), and little after (a copy per held record, at most MAX_HELD).
 */

export const MAX_HELD = 64;

export class FirstWrap {
  /** the length the first long line had; 0: nothing held */
  width = 0;
  /** where the would-be wrapped piece starts */
  private pieceLine = 0;
  /** one blank line came between the two, the paste's first gap: a wrap only if the paste turns out double-spaced (lines.ts) */
  blankBetween = false;
  private held: RawRecord[] = [];

  constructor(
    private readonly emit: (r: RawRecord) => void,
    private readonly capOf: (r: RawRecord) => number,
  ) {}

  /** the piece as read, when its reading cut a `>` the text had (lines.ts: a quote mark in an unquoted paste), and the length of that reading */
  private pieceAsRead: string | undefined = undefined;
  private pieceRead = 0;

  /**
   * Hold from now on: the record to be flushed next ended at `width`, and line `pieceLine` would continue it.
   * `asRead`: the piece's line as read when the splitter would join that rather than its reading (`read`).
   */
  begin(width: number, pieceLine: number, blankBetween: boolean, asRead: string | undefined, read: string): void {
    this.width = width;
    this.pieceLine = pieceLine;
    this.blankBetween = blankBetween;
    this.pieceAsRead = asRead;
    this.pieceRead = read.length;
  }

  /** The paste's indent shrank by `by` (lines.ts reindent): the held line's length, the would-be width, was `by` longer. */
  reindent(by: number): void {
    if (this.width !== 0) this.width += by;
  }

  /** A record flushed while holding (a copy: the splitter refills its record object). */
  hold(r: RawRecord): void {
    this.held.push({ ...r });
    if (this.held.length > MAX_HELD) this.release(false, null);
  }

  /**
   * Hand the held records on, the first two as one when `join` (the width is known). The piece may
   * still be the splitter's `pending` record (nothing after it flushed yet): it then takes the first
   * record's start and text, and goes on from there.
   */
  release(join: boolean, pending: RawRecord | null): void {
    const held = this.held;
    const width = this.width;
    this.held = [];
    this.width = 0;
    const first = held[0];
    const piece = held[1] ?? pending;
    if (join && first && piece && piece.line === this.pieceLine) {
      const rest = this.pieceAsRead === undefined ? piece.text : `${this.pieceAsRead}${piece.text.slice(this.pieceRead)}`;
      const text = `${withoutSoftBreak(first.text, width)}${rest}`;
      const cap = this.capOf(first);
      piece.text = text.length > cap ? text.slice(0, cap) : text;
      piece.line = first.line;
      piece.clean = first.clean === true && piece.clean === true;
      piece.src = undefined;
      piece.at = 0;
      piece.hints = 0;
      held.shift();
    }
    for (const r of held) this.emit(r);
  }
}
