import { grownTo } from './typed-array-growth';

/**
 * The lines of a text as `text.split(/\r\n|\n|\r/)` cuts them, as offsets instead of strings: a
 * parser reads the common line (a route row, an LMHOSTS entry) straight from the text and makes a
 * string only of what it keeps. On a 200 000-line table that is 200 000 strings (and their trimmed
 * copies) fewer for the garbage collector.
 */
export interface TextLines {
  readonly text: string;
  /** number of lines; `split` gives one (empty) line for an empty text */
  readonly count: number;
  /** offset of line i's first character */
  readonly starts: ArrayLike<number>;
  /** offset just past line i's last character (its line break excluded) */
  readonly ends: ArrayLike<number>;
  /**
   * Offset of the first CR that is not followed by LF (a line break for `split`, but not for
   * a reader that splits on LF alone), or Infinity when there is none.
   */
  readonly firstLoneCr: number;
}

export function textLines(text: string): TextLines {
  const firstLoneCr = loneCr(text);
  return firstLoneCr === Infinity ? lfLines(text) : anyLines(text, firstLoneCr);
}

/** Line i as the string `split` would give. */
export const lineAt = (lines: TextLines, i: number): string => lines.text.slice(lines.starts[i], lines.ends[i]);

function loneCr(text: string): number {
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 10) return cr;
  return Infinity;
}

/**
 * LF and CRLF only (nearly every text), in one pass over the line breaks: the arrays get room for
 * lines of 32 characters on average and grow when the lines are shorter (a first pass counting the
 * lines cost as much as the pass that fills them).
 */
function lfLines(text: string): TextLines {
  let room = (text.length >>> 5) + 16;
  let starts = new Int32Array(room);
  let ends = new Int32Array(room);
  let count = 0;
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    // the last line (after the last break) needs its slot too
    if (count + 2 > room) {
      room *= 2;
      starts = grownTo(starts, room);
      ends = grownTo(ends, room);
    }
    starts[count] = start;
    ends[count] = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    count++;
    start = nl + 1;
  }
  starts[count] = start;
  ends[count] = text.length;
  return { text, count: count + 1, starts, ends, firstLoneCr: Infinity };
}

/** Any mix of CRLF, LF and lone CR. */
function anyLines(text: string, firstLoneCr: number): TextLines {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  let cr = text.indexOf('\r');
  for (;;) {
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    const nl = text.indexOf('\n', start);
    starts.push(start);
    if (cr >= 0 && (nl < 0 || cr < nl)) {
      ends.push(cr);
      start = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else if (nl >= 0) {
      ends.push(nl);
      start = nl + 1;
    } else {
      ends.push(text.length);
      break;
    }
  }
  return { text, count: starts.length, starts, ends, firstLoneCr };
}
