import { NEEDS_PATTERNS, SHAPE, shapeOf, type NameStarts } from './text-shape';

/**
 * What a Redactor remembers of texts it found clean (no pattern can match them: shapeOf finds neither a bit of NEEDS_PATTERNS
 * nor SHAPE.publicV4), so a big report's repeats are compared, not scanned again: short strings one per slot, long texts in
 * the order they were met (a capture file's lines come in that order), and the end of the last line shown clean word by word.
 * A clean string stays clean: no pattern matches it, whatever tokens were given since.
 */

/** texts at least this long found clean are remembered in order (inOrder): a route line is ~70 characters */
export const CLEAN_FROM = 32;

/** texts up to this long are first judged word by word (byWords): a route line is ~70 characters */
export const WORDS_UP_TO = 256;

/** how many of the long texts found clean isNext compares a line with */
const CLEAN_LOOKAHEAD = 3;

/** slots of CleanTexts.slots (a power of two) */
const CLEAN_SLOTS = 256;

/** words found clean are kept in the slots from this length (isCleanWord) */
const KEEP_WORDS_FROM = 4;

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;

/** The slot of text[from, to) (its length, first and last character). */
export const cleanSlotOf = (text: string, from: number, to: number) => ((to - from) * 31 + text.charCodeAt(from) * 7 + text.charCodeAt(to - 1)) & (CLEAN_SLOTS - 1);

export class CleanTexts {
  /**
   * The short strings last found clean, one per slot (slot: length, first and last character): a
   * route table repeats a few netmasks, interface addresses and its file name on every row, and
   * comparing with the string in the slot costs less than a scan; a miss only overwrites the slot
   * (unlike a Map, nothing grows with the 20 000 destinations that come once).
   */
  readonly slots: (string | undefined)[] = new Array<string | undefined>(CLEAN_SLOTS).fill(undefined);
  /**
   * Long texts found to hold nothing to replace (a route's source line), in the order they were
   * met: the capture file they came from is then read without scanning them again. Its lines come
   * in that same order (a route table is walked row by row), so each line is compared with the
   * next few of these, in place (no slice, no hash: a Set of 20 000 route lines cost as much to
   * fill and to query as the scans it saved); a line that is none of them is scanned.
   */
  readonly inOrder: string[] = [];
  /** where isNext compares next in inOrder */
  private cursor = 0;
  /** the end of the last text byWords showed clean, from the space before its second word ('': none) */
  private tail = '';

  /** Whether isNext may find a line among the long texts found clean (some are left to compare with). */
  get pending(): boolean {
    return this.cursor < this.inOrder.length;
  }

  /**
   * Whether a long text is clean because each of its words, between spaces, is a string already
   * found clean (slots) or is found clean alone. A route's source line is made of its destination,
   * netmask and interface address, which the report gave just before it, "On-link" and its metric:
   * its 70 characters were scanned again one by one, the most of a big report's redaction; now its
   * words are compared. Exact, because a space sets no shape bit and ends every run a bit is found
   * in (letters and digits, digits and dots, hex digits, dots, the four characters around a MAC's
   * separator or in "S-1-"), so a text's shape is its words' shapes together; but for the two
   * colons of SHAPE.colons2, counted over the whole text: a text with a colon is not judged here.
   * False means "not shown clean" (the full scan decides).
   *
   * The words after a line's first are most often those of the line before ("    255.255.255.0
   * On-link    192.168.1.1    26"): a text that ends with the end of the last text shown clean
   * here, from a space on (tail), has only its words before that end to judge — that end is words
   * of a clean text, and a space divides it from the rest.
   */
  byWords(text: string, starts: NameStarts): boolean {
    // (a name searched in every text, or one beginning with a space: no text is clean word by word)
    if (starts.always.length > 0 || starts.byChar[0x20] !== undefined || text.indexOf(':') >= 0) return false;
    const tail = this.tail;
    const known = tail.length > 0 && tail.length <= text.length && text.endsWith(tail);
    const n = known ? text.length - tail.length : text.length;
    /** where the blanks after the first word end (the second word begins) */
    let second = -1;
    for (let i = 0; i < n; ) {
      if (text.charCodeAt(i) === 0x20) {
        i++;
        continue;
      }
      if (second < 0 && i > 0 && text.charCodeAt(i - 1) === 0x20) second = i;
      let end = text.indexOf(' ', i);
      if (end < 0 || end > n) end = n;
      if (!this.isCleanWord(text, i, end, starts)) return false;
      i = end;
    }
    // the next line may end as this one does, from the last blank before its second word
    if (!known && second > 0) this.tail = text.slice(second - 1);
    return true;
  }

  /** Whether text[from, to) is clean: a string in its slot, or scanned (and then kept there). */
  private isCleanWord(text: string, from: number, to: number, starts: NameStarts): boolean {
    const length = to - from;
    const slot = length < CLEAN_FROM ? cleanSlotOf(text, from, to) : -1;
    if (slot >= 0) {
      const known = this.slots[slot];
      if (known !== undefined && known.length === length && text.startsWith(known, from)) return true;
    }
    if (shapeOf(text, starts, undefined, from, to) & (NEEDS_PATTERNS | SHAPE.publicV4)) return false;
    // kept for the next line ("On-link"); a word of a few characters costs less to scan than to keep
    if (slot >= 0 && length >= KEEP_WORDS_FROM) this.slots[slot] = text.slice(from, to);
    return true;
  }

  /**
   * Whether text[from, to), without the blanks around it, is one of the next few long texts found
   * clean (inOrder); the cursor moves past it. Only blanks, tabs and carriage returns are left off
   * (a narrower trim than String.trim: a line it leaves other white space on is compared with it,
   * differs, and is scanned); they change no shape bit.
   */
  isNext(text: string, from: number, to: number): boolean {
    let start = from;
    let end = to;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    const list = this.inOrder;
    // a few ahead: the report may hold a clean text or two the file does not (and the file has
    // lines the report does not: headers, which do not move the cursor)
    const last = Math.min(list.length, this.cursor + CLEAN_LOOKAHEAD);
    for (let k = this.cursor; k < last; k++) {
      const clean = list[k]!;
      if (clean.length === end - start && text.startsWith(clean, start)) {
        this.cursor = k + 1;
        return true;
      }
    }
    return false;
  }
}
