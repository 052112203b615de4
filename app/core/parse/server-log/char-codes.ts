/**
 * Character-code classes (ASCII only): the hot paths test codes, never cut one-character strings — one definition for the
 * parser's modules. A code past the text's end (charCodeAt's NaN) is in none of them.
 */

/** 0–9 */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A–Z */
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;

/** a–z */
export const isLower = (c: number): boolean => c >= 97 && c <= 122;

/** A–Z or a–z */
export const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Where a line's text begins after its blanks and tabs from `from` on (its length when there is none). */
export function afterBlanks(text: string, from = 0): number {
  let i = from;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return i;
}
