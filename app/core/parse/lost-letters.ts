/**
 * Letters lost on the way, not misread: a text encoder that has no byte for a letter writes `?` in
 * its place (.NET's ASCIIEncoding does, one `?` for each letter — a PowerShell reverse shell's
 * `[text.encoding]::ASCII.GetBytes(...)`, `Out-File -Encoding ascii`), and a decoder that meets a
 * byte it cannot read writes U+FFFD. Unlike a code-page misreading (ipconfig-labels.ts rereads those)
 * nothing can bring such a letter back; what is left is the phrase's shape: its ASCII letters, and
 * one mark where each other letter stood.
 * (One `?` per letter: Encoding.ASCII "uses replacement fallback to replace each string that it
 * cannot encode … with a question mark", Microsoft Learn, Encoding.ASCII property remarks; seen in
 * test/fixtures/real/ipconfig/win-es-powershell-ascii-shell-lost-letters.txt. U+FFFD: the
 * Unicode replacement character a decoder writes for bytes it cannot read, one per byte for the
 * single-byte code pages ipconfig prints in — assumed one per letter, as for `?`.)
 */

const LOST_MARKS = /[?\ufffd]/u;
const NON_ASCII_ALL = /[^\x00-\x7f]/gu;
/** Stands for a lost letter while a leader is cut off the end: a letter (\p{L}), so the cut stops at it. */
const LETTER_STAND_IN = '\u00aa';
/**
 * A phrase kept for its shape must keep this many ASCII letters: a phrase all of whose letters are
 * lost (Russian, Chinese, Korean) keeps only their number and the spaces, which phrases of other
 * meanings in other scripts share.
 */
const MIN_ASCII_LETTERS = 3;

export const hasLostLetters = (text: string): boolean => LOST_MARKS.test(text);

/** A phrase as it reads after every letter outside ASCII was lost: lower case, a `?` for each such letter, spacing collapsed. */
export function lostLetterForm(phrase: string): string {
  return phrase.normalize('NFC').replace(NON_ASCII_ALL, '?').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The form of a printed text that holds lost letters, its dot leader cut off by `stripLeader` (a lost
 * letter at the end of a label, `DHCP activ?. . . :`, is kept: it is a letter, not filler).
 */
export function lostLetterKey(text: string, stripLeader: (t: string) => string): string {
  return lostLetterForm(stripLeaderKeepingLostLetters(text, stripLeader));
}

const AMBIGUOUS: unique symbol = Symbol('ambiguous');

/** `stripLeader`'s cut of a label's dot leader, the label's lost letters kept ("????? ??????? . . ." is a label of 13 letters, not filler). */
export function stripLeaderKeepingLostLetters(text: string, stripLeader: (t: string) => string): string {
  if (!hasLostLetters(text)) return stripLeader(text);
  // a mark for a mark: the cut falls at the same place in the printed text
  return text.slice(0, stripLeader(text.replace(LOST_IN_WORD, (marks) => LETTER_STAND_IN.repeat(marks.length))).length);
}

/**
 * A mark that stood for a letter: one beside a letter or digit (`V?nculo`, `activ?`) or in a run
 * (`??????`, a word all of whose letters were lost). One alone between dots (`. .?. :`, the `*` or `†`
 * of a leader lost the same way) is filler.
 */
const LOST_IN_WORD = /(?<=[\p{L}\p{N}])[?\ufffd]|[?\ufffd](?=[\p{L}\p{N}])|[?\ufffd]{2,}/gu;

const asciiLetters = (form: string): number => form.replace(/[^a-z]/gu, '').length;

/**
 * Phrases by the form they take with their letters lost. A form two phrases of different meaning
 * share, or one with too few ASCII letters to tell, is left out: it is not read rather than misread.
 */
export class LostLetterIndex<T> {
  private readonly byForm = new Map<string, T | typeof AMBIGUOUS>();

  /**
   * `minAsciiLetters`: fewer for a closed set of short words, where a form is told apart from the
   * few others (yes/no: `N?o`); `same`: when two phrases' values are one meaning.
   */
  constructor(private readonly opts: { minAsciiLetters?: number; same?: (a: T, b: T) => boolean } = {}) {}

  add(phrase: string, value: T): void {
    const form = lostLetterForm(phrase);
    // nothing to lose, or nothing left
    if (form === phrase.toLowerCase().replace(/\s+/gu, ' ').trim() || asciiLetters(form) < (this.opts.minAsciiLetters ?? MIN_ASCII_LETTERS)) return;
    const had = this.byForm.get(form);
    const same = had !== undefined && had !== AMBIGUOUS && (had === value || this.opts.same?.(had, value) === true);
    this.byForm.set(form, had === undefined || same ? (had ?? value) : AMBIGUOUS);
  }

  get(form: string): T | undefined {
    const v = this.byForm.get(form);
    return v === AMBIGUOUS ? undefined : v;
  }

  /** The longest phrase form that `form` is or starts with (whole words), and its value. */
  prefixOf(form: string): { form: string; value: T } | undefined {
    let best: { form: string; value: T } | undefined;
    for (const [f, v] of this.byForm) {
      if (v === AMBIGUOUS || (form !== f && !form.startsWith(f + ' '))) continue;
      if (!best || f.length > best.form.length) best = { form: f, value: v };
    }
    return best;
  }
}
