import { dottedQuadIn } from './ipv4-dotted';

/**
 * The plain LMHOSTS entry line, read without a line string or a token array: most of a large
 * LMHOSTS is this line. lmhosts.ts reads every other line (and owns the format's rules).
 */

/** NetBIOS names have at most 15 characters (the 16th byte is the suffix). */
export const MAX_NAME = 15;

/** An LmhostsEntry (lmhosts.ts) of an unquoted name: no suffix, no domain. */
export interface PlainEntry {
  line: number;
  address: string;
  rawName: string;
  name: string;
  quoted: false;
  pre: boolean;
  mh: boolean;
}

/** A decimal octet as dottedQuadIn takes it: 0–255, no leading zero. */
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

/**
 * Blanks, an address (dottedQuadIn's rules), blanks, a name of 1–15 printable ASCII characters
 * without a backslash and not starting with '"' or '#', then at most a #PRE (any case) and blanks:
 * plainEntry's answer for such a line, read by the rules below, is the entry this match gives.
 */
const COMMON_ENTRY = new RegExp(`[ \\t]*(${OCTET}(?:\\.${OCTET}){3})[ \\t]+([!$-\\[\\]-~][!-\\[\\]-~]{0,14})(?:[ \\t]+(#[Pp][Rr][Ee]))?[ \\t]*`, 'y');

/** A character that ends a column of a plain entry line: space or tab. */
const isBlankAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 32 || c === 9;
};

/**
 * The line from `start` to `end` when it is a plain entry — printable ASCII only; an address, an
 * unquoted name of at most 15 characters without a backslash, then only #PRE / #MH (any case) and
 * possibly a # comment — as parseEntry reads it; null for a blank line (spaces and tabs); undefined
 * for anything else (comments, directives, quotes, #DOM, whatever may need an issue), which the
 * general path reads. Most of a large LMHOSTS is this line: no line string, no tokens.
 */
export function plainEntry(text: string, start: number, end: number, n: number): PlainEntry | null | undefined {
  // The commonest line of all ("10.0.0.10   HOST   #PRE") in one test of the regex engine, which
  // reads a character several times faster than a charCodeAt loop; anything else is read below.
  COMMON_ENTRY.lastIndex = start;
  const m = COMMON_ENTRY.exec(text);
  if (m !== null && COMMON_ENTRY.lastIndex === end) {
    return { line: n, address: m[1]!, rawName: m[2]!, name: m[2]!, quoted: false, pre: m[3] !== undefined, mh: false };
  }
  // printable ASCII only, checked as each part is read (one pass over the line, not two): the
  // address by dottedQuadIn (digits and dots), the name and every token here, a comment's rest at its end
  let i = start;
  while (i < end && isBlankAt(text, i)) i++;
  if (i === end) return null;
  const addressStart = i;
  while (i < end && !isBlankAt(text, i)) i++;
  const addressEnd = i;
  if (i === end || dottedQuadIn(text, addressStart, addressEnd) === null) return undefined;
  while (i < end && isBlankAt(text, i)) i++;
  const nameStart = i;
  const first = text.charCodeAt(i);
  if (i === end || first === 34 || first === 35) return undefined; // '"' quoted, '#' no name
  while (i < end && !isBlankAt(text, i)) {
    const c = text.charCodeAt(i);
    if (c === 92 || !printable(c)) return undefined; // '\': escapes are the general path's
    i++;
  }
  if (i - nameStart > MAX_NAME) return undefined;
  const rawName = text.slice(nameStart, i);
  const entry: PlainEntry = { line: n, address: text.slice(addressStart, addressEnd), rawName, name: rawName, quoted: false, pre: false, mh: false };
  for (;;) {
    while (i < end && isBlankAt(text, i)) i++;
    if (i === end) return entry;
    const tokenStart = i;
    while (i < end && !isBlankAt(text, i)) {
      if (!printable(text.charCodeAt(i))) return undefined;
      i++;
    }
    if (text.charCodeAt(tokenStart) !== 35) return undefined; // not a keyword: an issue
    const length = i - tokenStart;
    if (length === 4 && letters(text, tokenStart + 1, 'PRE')) entry.pre = true;
    else if (length === 3 && letters(text, tokenStart + 1, 'MH')) entry.mh = true;
    else if (length >= 5 && letters(text, tokenStart + 1, 'DOM:')) return undefined;
    else return restPrintable(text, i, end) ? entry : undefined; // a comment: the rest is only checked
  }
}

/** Printable ASCII or a tab (what a plain entry line may hold). */
const printable = (c: number) => (c >= 32 && c <= 126) || c === 9;

function restPrintable(text: string, i: number, end: number): boolean {
  for (; i < end; i++) if (!printable(text.charCodeAt(i))) return false;
  return true;
}

/** `text` at `at` is `upper` in any case (ASCII: `upper` is upper case letters and punctuation). */
function letters(text: string, at: number, upper: string): boolean {
  for (let k = 0; k < upper.length; k++) {
    const c = text.charCodeAt(at + k);
    const u = upper.charCodeAt(k);
    if (c !== u && !(u >= 65 && u <= 90 && c === u + 32)) return false;
  }
  return true;
}
