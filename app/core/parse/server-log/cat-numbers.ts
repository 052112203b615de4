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


/** Where the text after a `cat -n` number starts in `line` (its tab included), or -1; the number in `catNumber`. */
let catNumber = 0;
function catNumberEnd(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  const digits = i;
  let n = 0;
  for (let c = line.charCodeAt(i); c >= 48 && c <= 57; c = line.charCodeAt(++i)) n = n * 10 + c - 48;
  const width = i - digits;
  // six columns exactly (blanks then digits), or more digits and no blank
  if (width === 0 || line.charCodeAt(i) !== 9 || (width <= 6 ? i !== 6 : digits !== 0)) return -1;
  catNumber = n;
  return i + 1;
}

const isBlank = (line: string): boolean => line.trim() === '' || /^\s*(?:`{3,}|~{3,})[\w+.-]*\s*$/.test(line);

export class CatNumbers {
  /** No number will be taken off any more line: the caller skips `strip` (a plain field: read per line). */
  off = false;
  /** the number the next numbered line must carry; 0 before the first */
  private next = 0;

  /** The line without its `cat -n` number, or the line as it is. */
  strip(line: string): string {
    const end = catNumberEnd(line);
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
