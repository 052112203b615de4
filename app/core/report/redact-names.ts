import { escapeRegExp } from '../text/escape-regexp';

/** Known names as one case-folded, trie-shaped regex (redact.ts's name patterns). */

/**
 * Every spelling of a character that case-insensitive matching may equate with it: its lower and
 * upper case and theirs ("ſ" → "S" → "s"); the Turkish i's other forms are beyond ASCII and so
 * always searched (TextShape.beyondAscii).
 */
export function caseVariants(ch: string): string[] {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [ch, lower, upper, upper.toLowerCase(), lower.toUpperCase()];
}

/**
 * The key a name is known by: case-insensitive, and the Turkish i folded — İ (U+0130), I, ı
 * (U+0131) and i are one letter, because Windows, a user and a Turkish keyboard spell the same
 * name with any of them ("İSTANBUL-PC", "istanbul-pc"), and JavaScript's case-insensitive regex
 * does not equate İ with i.
 */
export function foldName(text: string): string {
  // ASCII is its own NFC form and holds neither ı nor a combining dot: lower case is all
  if (!BEYOND_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFC').toLowerCase().replace(/i\u0307/g, 'i').replace(/ı/g, 'i');
}

const BEYOND_ASCII = /[^\u0000-\u007f]/;

/** The regex for one folded character: each i matches every Turkish i (with a combining dot or not). */
function charPattern(folded: string): string {
  // an ASCII letter or digit other than i is itself (most of 5 000 LMHOSTS names): no two regex
  // replaces per character of every name
  if (folded.length === 1 && folded !== 'i' && isAsciiAlnum(folded.charCodeAt(0))) return folded;
  return escapeRegExp(folded).replace(/i/g, '(?:[iIıİ]\\u0307?)');
}

/**
 * All names as one regex shaped like a trie ("host0(?:0(?:1|2)|1…)"): a flat alternation of
 * 5 000 LMHOSTS names made the engine try every name at every position of every text (80 s for a
 * 20 000-route report). Longer names still win over their prefixes ("corp.example.com" over
 * "corp"): an optional tail is greedy and is given up only when the longer name does not end there.
 *
 * The trie is walked without being built: in the names sorted character by character, the names
 * below a node are a run sharing its characters, the one ending there first, then one run per next
 * character, in that character's order (a Map per node was 5 MB of garbage for 5 000 names, an
 * eighth of what redacting a big report allocated). A character is a code point, as `for…of` reads
 * a string: names with surrogates are split into arrays of them; the others are their own UTF-16
 * units, and sort as strings.
 */
export function namesPattern(folded: Iterable<string>): string {
  const names: (string | string[])[] = [];
  let surrogates = false;
  for (const name of folded) {
    if (SURROGATE.test(name)) {
      surrogates = true;
      names.push([...name]);
    } else names.push(name);
  }
  names.sort(surrogates ? byCharacters : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  /** the pattern of the node at `depth` characters whose names are names[from, to) */
  const emit = (from: number, to: number, depth: number): string => {
    let at = from;
    // the name ending here (twice, if the same name was given twice)
    while (at < to && names[at]!.length === depth) at++;
    const end = at > from;
    const branches: string[] = [];
    while (at < to) {
      const ch = names[at]![depth]!;
      let next = at + 1;
      while (next < to && names[next]![depth] === ch) next++;
      branches.push(charPattern(ch) + emit(at, next, depth + 1));
      at = next;
    }
    if (branches.length === 0) return '';
    const body = branches.length === 1 && !end ? branches[0]! : `(?:${branches.join('|')})`;
    return end ? `${body}?` : body;
  };
  return emit(0, names.length, 0);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** names (strings or arrays of code points) in the order of their characters, a name before its continuations */
function byCharacters(a: string | string[], b: string | string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
}

/**
 * Where a (folded) name can begin in a text made of ASCII only (TextShape.nameChunks):
 * - `run`: a name that begins with a letter or digit matches only where the text's run of ASCII
 *   letters and digits is exactly the name's first run of letters and digits (the name's next
 *   character, or its end, is no letter or digit, and the pattern's look-around forbids one in the
 *   text), spelled in lower case; `hash` is runHash of that spelling;
 * - `odd`: a name that begins with another ASCII character matches only where that character is;
 * - `never`: a name whose first run holds a letter or digit that no ASCII character matches
 *   case-insensitively cannot match a text of ASCII only;
 * - `always`: a character matching two ASCII characters (none does; if one did, searched always).
 * A run is made of the characters with an ASCII letter or digit as case-insensitive twin (every
 * ASCII letter and digit, "ſ", the Kelvin sign …); no other character matches one.
 * The case-insensitive equivalents are asked of the regex engine itself (asciiTwin), so the
 * answer is the one the name pattern gives ("ſ" matches "s", the Kelvin sign "k").
 */
export type NameStart = { kind: 'run'; hash: number; first: number; length: number } | { kind: 'odd'; char: number } | { kind: 'never' } | { kind: 'always' };

export function nameStart(folded: string): NameStart {
  let hash = 0;
  let first = -1;
  let length = 0;
  for (const ch of folded) {
    const ascii = asciiTwin(ch);
    if (ascii === AMBIGUOUS) return { kind: 'always' };
    if (ascii < 0) {
      if (LETTER_OR_DIGIT.test(ch)) return { kind: 'never' };
      break;
    }
    if (first < 0) first = ascii;
    hash = runHash(hash, ascii);
    length++;
  }
  if (length > 0) return { kind: 'run', hash, first, length };
  const c = folded.charCodeAt(0);
  return c < 128 ? { kind: 'odd', char: c } : { kind: 'never' };
}

/** the next hash of a run of lower-case ASCII letters and digits (the same in the text scan) */
export const runHash = (hash: number, lowerAscii: number) => (Math.imul(hash, 31) + lowerAscii) | 0;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const twins = new Map<string, number>();
const AMBIGUOUS = -2;

/** The lower-case ASCII letter or digit the name pattern's character matches, -1 for none, AMBIGUOUS for two. */
function asciiTwin(ch: string): number {
  if (ch.length === 1 && ch.charCodeAt(0) < 128) return isAsciiAlnum(ch.charCodeAt(0)) ? ch.toLowerCase().charCodeAt(0) : -1;
  let twin = twins.get(ch);
  if (twin === undefined) {
    const re = new RegExp(`^(?:${charPattern(ch)})$`, 'iu');
    twin = -1;
    for (let c = 0; c < 128; c++) {
      if (!re.test(String.fromCharCode(c))) continue;
      // a twin that is no letter or digit would break the run rule: searched always (none exists)
      twin = twin === -1 && isAsciiAlnum(c) ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : twin === String.fromCharCode(c).toLowerCase().charCodeAt(0) ? twin : AMBIGUOUS;
    }
    twins.set(ch, twin);
  }
  return twin;
}

export const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
