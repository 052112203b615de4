import { isDigit } from './char-codes';
import { FENCE } from './layout-lines';
import { splitPrefix } from './prefix';
import { isHostDaemonLine } from './junos-source';

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
  if (width === 0) return -1;
  const sep = line.charCodeAt(i);
  // cat's six columns exactly (blanks then digits) and a tab, or more digits and no blank; less's seven and one blank
  const columns = sep === 9 ? CAT_COLUMNS : sep === 32 ? LESS_COLUMNS : i === line.length && (i === CAT_COLUMNS || i === LESS_COLUMNS) ? i : 0;
  if (columns === 0 || (width <= columns ? i !== columns : digits !== 0)) return -1;
  catNumber = n;
  // (a numbered blank line whose blank or tab after the number a terminal's copy trimmed: the number alone, either tool's width)
  catSeparator = sep === 9 || sep === 32 ? sep : 0;
  return sep === 9 || sep === 32 ? i + 1 : i;
}
/**
 * `less -N FILE` copied from the terminal: less writes each line's number right-aligned in `linenum_width` columns (the
 * --line-num-width option, "The default is 7", less's man page; line.c plinenum: blanks up to the width, the number's digits,
 * then one blank — more digits and no blank before once the number is wider), a screen row that continues a line too long for
 * the screen with no number and the same width in blanks (plinenum with line number 0). Before, a `less -N` copy was read with
 * its numbers before every line, most of its records not understood.
 */
const LESS_COLUMNS = 7;
const CAT_COLUMNS = 6;
/** what the number catNumberEnd last found was followed by: 9 (cat's tab), 32 (less's blank), 0 (nothing: a trimmed blank line) */
let catSeparator = 0;
/** the number catNumberEnd last found */
export const lastCatNumber = (): number => catNumber;

// (a code fence around the paste, Markdown's or a ticket's Jira/Confluence `{noformat}`/`{code}`: layout-lines.ts FENCE — before, a
// `cat -n` paste in a Jira ticket's `{noformat}` lost its numbering at the fence, and each line was read with its number)
const isBlank = (line: string): boolean => line.trim() === '' || FENCE.test(line);
/**
 * Whether the line after `from` in `src` (the text a line was cut from: ChunkLines) carries the number after `n` with less's
 * separator, or alone (a numbered blank line, its blank trimmed): read from a bounded piece of it. No next line in `src` (only
 * blank lines or continuation rows after it): whether `rest`, the text after the number, has a log header or begins a record some
 * family reads (`startsRecord`: a header-less line, a Windows event's text, pluto's own log file's time).
 */
function confirmed(n: number, src: string | undefined, from: number, rest: string, startsRecord: (text: string) => boolean): boolean {
  if (src === undefined) return false;
  let ok = false;
  let last = true;
  // (past a few of less's continuation rows: the line's rest on the next screen rows; and past blank lines, to see whether any
  // line follows)
  let nl = src.indexOf('\n', from);
  for (let rows = 0; rows < 4 && nl >= 0; rows++, nl = src.indexOf('\n', nl + 1)) {
    let end = src.indexOf('\n', nl + 1);
    if (end < 0) end = src.length;
    if (src.charCodeAt(end - 1) === 13) end--;
    const next = src.slice(nl + 1, Math.min(end, nl + 1 + 32));
    if (isLessContinuation(next)) continue;
    if (next.trim() === '' && end - nl - 1 === next.length) continue;
    last = false;
    ok = catNumberEnd(next) >= 0 && catNumber === n + 1 && catSeparator !== 9;
    break;
  }
  // (four rows looked at and more to come: not known)
  if (last && nl >= 0) last = false;
  // the paste's only line (nothing but blank lines or less's continuation rows after it: `less -N` of a one-line log, or one line
  // copied from its screen): no next number can confirm it, so the text after the number decides — a log header there (a syslog,
  // ISO or IOS time …, splitPrefix) or some family's record start (`The user … dialed a connection named …`, rasclient's event text).
  // Before, a one-line `less -N` copy was "no line in a format TunnelMedic knows"
  // (and a Junos IKE daemon's line with its host but no date, `vsrx-p4 iked[17437]: IKE_…: …`, junos-source.ts: a record of its own
  // that no header shape names — before, its one-line `less -N` copy was "no line in a format TunnelMedic knows")
  if (last && !ok) ok = splitPrefix(rest).shape !== 'none' || isHostDaemonLine(rest) || startsRecord(rest);
  // (the line's own number and separator as they were: the caller reads them after)
  catNumber = n;
  catSeparator = 32;
  return ok;
}
/** a less screen row continuing the line above: LESS_COLUMNS blanks and less's blank, then the text (not blank) */
const isLessContinuation = (line: string): boolean => line.length > LESS_COLUMNS + 1 && line.charCodeAt(LESS_COLUMNS + 1) !== 32 && line.startsWith('        ');

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
    /** whether a text begins a record some family reads (LineSplitter's startsRecord): a one-line `less -N` copy's text (confirmed) */
    private readonly startsRecord: (text: string) => boolean = () => false,
  ) {}

  /** the separator the paste's numbers have (9: cat's tab, 32: less's blank), 0 while not known */
  private separator = 0;

  /**
   * The line without its `cat -n` or `less -N` number, or the line as it is. `src`, `at`: the text the line lies in and where
   * (LineSplitter.push), to see the next line's number (confirmed).
   */
  strip(line: string, src?: string, at = 0): string {
    const end = catNumberEnd(line, this.editor);
    if (end < 0) {
      // a screen row of a line too long for less's screen: the number's width in blanks and the blank after it (less's own
      // continuation row) — the numbering goes on
      if (this.separator === 32 && isLessContinuation(line)) return line;
      // before the first numbered line, or a `cat -b` blank line: the numbering goes on
      if (!isBlank(line)) this.off = true;
      return line;
    }
    // (one tool's numbers all through: a cat paste's line with a less-like number is the text's own)
    if ((this.next !== 0 && catNumber !== this.next) || (!this.editor && catSeparator !== 0 && this.separator !== 0 && catSeparator !== this.separator)) {
      this.off = true;
      return line;
    }
    // a first number with less's blank after it is taken only when the next line carries the next one: a paste shifted by four
    // blanks whose lines start with three digits and a blank (`    181 "conn"[1] …`, Libreswan's whack status codes) looks the same
    if (!this.editor && this.next === 0 && catSeparator === 32 && !confirmed(catNumber, src, at + line.length, line.slice(end), this.startsRecord)) {
      this.off = true;
      return line;
    }
    if (!this.editor && catSeparator !== 0) this.separator = catSeparator;
    this.next = catNumber + 1;
    return line.slice(end);
  }
}
