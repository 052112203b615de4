import { isDigit, isLetter } from './char-codes';

/**
 * Where one log ends and another begins in a paste (a help desk pastes several logs into one box, or
 * `cat a.log b.log | explain-log`): a line with a log header of another shape than the last header
 * seen (syslog after IOS, ISO after syslog), or the first header after lines that had none (a
 * header-less charon or pluto log, then a syslog one). The splitter's paste-wide decisions — the
 * hard wrap's width, the double-spaced copy — are taken per log from there on: one log's 117-character
 * line must not hide the next log's wrap at 106 (lines.ts LineSplitter).
 * A header-less line (a wrapped piece, an event's text, prose) never is one: it belongs to the log it
 * is in. A line that is one continues no record of the lines before it (a Format-List `ERROR: …`-like
 * field does not take the next log's indented lines as its wrapped value). Two logs of one shape (two syslog files) are one log to it; their wraps are told apart by
 * their widths as in one file.
 * Cheap per line: the header is only read when the line's first character is of another kind (digit,
 * letter, other) than the last line's, or while no header has been seen.
 */
export class LogBoundary {
  private lastShape: string | undefined;
  private lastKind = 0;
  private sawText = false;

  constructor(private readonly shapeOf: (text: string) => string) {}

  /** Whether `text` (a non-blank line, as normalised; `c` its first character) starts another log than the lines before it. */
  at(text: string, c = text.charCodeAt(0)): boolean {
    const kind = isDigit(c) ? 1 : isLetter(c) ? 2 : 3;
    const sawText = this.sawText;
    this.sawText = true;
    if (kind === this.lastKind && this.lastShape !== undefined) return false;
    this.lastKind = kind;
    // (read past a line's indent: a second log may be indented as a whole, RouterOS's ` 2026-09-18 12:11:31 dhcp,info …` under an unindented first)
    const shape = this.shapeOf(kind === 3 ? text.trimStart() : text);
    if (shape === 'none') return false;
    const before = this.lastShape;
    this.lastShape = shape;
    return before === undefined ? sawText : before !== shape;
  }
}
