import { isDigit } from './char-codes';
import { FENCE } from './layout-lines';

/**
 * `cat -n FILE` pasted instead of the file: GNU coreutils' cat writes each line's number with
 * `%6d` and a tab before it (src/cat.c, next_line_num / the `-n` and `-b` options: the number
 * right-aligned in six columns, more digits from line 1 000 000 on), before every line — blank
 * lines too with `-n`, only the non-blank ones with `-b`. The numbers are the file's, so they go
 * up by one from line to line of the paste: that, and the exact width, tell them from a log's own
 * numbers (a router web log's sequence `186\tAug 1 …` counts down and is not six wide; IOS
 * `000123: *Mar 1 …` and `123456: ` have a colon, no tab).
 *
 * Streamed like the rest of the reader, so decided line by line: the paste's first line with text
 * must carry such a number (blank lines and a Markdown fence may come first); from there each line
 * must carry the next number (a `-b` paste's unnumbered blank line keeps the count). The first
 * line that does not ends the numbering: it and every line after it are read as written. A paste
 * whose first line is not numbered is never looked at again, so a plain log pays one integer test
 * per line (CatNumbers.off).
 */


/**
 * Where the text after a `cat -n` number starts in `line` (its tab included), or -1; the number in `catNumber`. `editor`: any
 * line number an editor's or a tool's copy puts first — blanks, one to nine digits, then a tab (`cat -n`, `nl`), a colon
 * (`grep -n`, editors that print `1:`) or one blank (vim's `:set number`, `  1 `; assumed: an editor's copy with its
 * number column), or nothing (a numbered blank line whose trailing blank a copy trimmed). Asked only where the line's
 * rest is known to be of a shape no plain log line has (journal-export.ts: a journal entry's first line), as these
 * shapes alone would take a log's own numbers (an IOS `000123: `) for a copy's.
 */
let catNumber = 0;
export function catNumberEnd(line: string, editor = false): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  const digits = i;
  let n = 0;
  for (let c = line.charCodeAt(i); isDigit(c); c = line.charCodeAt(++i)) n = n * 10 + c - 48;
  const width = i - digits;
  if (editor) {
    const sep = line.charCodeAt(i);
    if (width === 0 || width > 9) return -1;
    catNumber = n;
    if (i === line.length) return i;
    return sep === 9 || sep === 58 || sep === 32 ? i + 1 : -1;
  }
  // six columns exactly (blanks then digits), or more digits and no blank
  if (width === 0 || line.charCodeAt(i) !== 9 || (width <= 6 ? i !== 6 : digits !== 0)) return -1;
  catNumber = n;
  return i + 1;
}
/** the number catNumberEnd last found */
export const lastCatNumber = (): number => catNumber;

// (a code fence around the paste, Markdown's or a ticket's Jira/Confluence `{noformat}`/`{code}`: layout-lines.ts FENCE — before, a
// `cat -n` paste in a Jira ticket's `{noformat}` lost its numbering at the fence, and each line was read with its number)
const isBlank = (line: string): boolean => line.trim() === '' || FENCE.test(line);

export class CatNumbers {
  /** No number will be taken off any more line: the caller skips `strip` (a plain field: read per line). */
  off = false;

  /**
   * `editor`: the numbers catNumberEnd takes with it (a journal entry's copy); `next`: the number the next numbered line must
   * carry, 0 before the first (a caller that found the first line's number itself gives the one after it)
   */
  constructor(
    private readonly editor = false,
    private next = 0,
  ) {}

  /** The line without its `cat -n` number, or the line as it is. */
  strip(line: string): string {
    const end = catNumberEnd(line, this.editor);
    if (end < 0) {
      // before the first numbered line, or a `cat -b` blank line: the numbering goes on
      if (!isBlank(line)) this.off = true;
      return line;
    }
    if (this.next !== 0 && catNumber !== this.next) {
      this.off = true;
      return line;
    }
    this.next = catNumber + 1;
    return line.slice(end);
  }
}
