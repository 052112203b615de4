/** A text's shape in one pass (redact.ts asks it before running any pattern over the text). */

export interface TextShape {
  /**
   * The first two characters of each word (a word begins at the text's start or after a character
   * that is no ASCII letter or digit), as `first * 128 + second`, when both are ASCII
   */
  starts: number[];
  /** the first characters of the words, when ASCII (for one-character names, which folding can make: "i̇" → "i") */
  firsts: number[];
  /** the text holds a character beyond ASCII: any name may begin there (any script, any case folding) */
  beyondAscii: boolean;
  dash: boolean;
  colon: boolean;
  dot: boolean;
  /** "..." (route print's Interface List) */
  dots3: boolean;
  /** the longest run of hex digits */
  hexRun: number;
}

/**
 * What a text holds that the patterns need, in one pass over its characters: where a name can
 * begin (after a character that is no letter or digit of any script; counted generously, a
 * character beyond ASCII makes every name possible), dashes, colons, dots, hex runs.
 */
export function shapeOf(text: string): TextShape {
  const starts: number[] = [];
  const firsts: number[] = [];
  let beyondAscii = false;
  let prevAlnum = false;
  let dash = false;
  let colon = false;
  let dot = false;
  let dots = 0;
  let dots3 = false;
  let run = 0;
  let hexRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c | 0x20;
    const digit = c >= 0x30 && c <= 0x39;
    const alnum = digit || (c < 128 && lower >= 0x61 && lower <= 0x7a);
    if (digit || (c < 128 && lower >= 0x61 && lower <= 0x66)) {
      if (++run > hexRun) hexRun = run;
    } else run = 0;
    if (c === 0x2e) {
      dot = true;
      if (++dots >= 3) dots3 = true;
    } else dots = 0;
    if (c === 0x2d) dash = true;
    else if (c === 0x3a) colon = true;
    if (c >= 128) beyondAscii = true;
    else if (!prevAlnum) {
      if (!firstSeen[c]) {
        firstSeen[c] = 1;
        firsts.push(c);
      }
      if (i + 1 < text.length && text.charCodeAt(i + 1) < 128) {
        const pair = c * 128 + text.charCodeAt(i + 1);
        if (!startSeen[pair]) {
          startSeen[pair] = 1;
          starts.push(pair);
        }
      }
    }
    prevAlnum = alnum;
  }
  for (const pair of starts) startSeen[pair] = 0;
  for (const c of firsts) firstSeen[c] = 0;
  return { starts, firsts, beyondAscii, dash, colon, dot, dots3, hexRun };
}

/** shapeOf's scratch table, all zero between calls */
const startSeen = new Uint8Array(128 * 128);

const firstSeen = new Uint8Array(128);
