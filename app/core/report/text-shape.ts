/** A text's shape in one pass (redact.ts asks it before running any pattern over the text). */
import { dottedQuadIn } from '../parse/ipv4-dotted';
import { isPublicIpv4Number } from './redact-addresses';
import { runHash } from './redact-names';

/**
 * Where the names of each chunk of name patterns can begin in a text of ASCII only, built by
 * redact.ts from `nameStart` of every name: by the hash of a name's first run of letters and
 * digits (lower case), by its first non-alphanumeric character, or always.
 */
export interface NameStarts {
  /** chunk numbers by runHash of a name's first run */
  byRun: Map<number, number[]>;
  /** 1 at `first * 64 + min(length, 63)` of some name's first run: most runs of a text need no lookup */
  runFilter: Uint8Array;
  /** chunk numbers by a name's first character, when that is ASCII but no letter or digit */
  byChar: (number[] | undefined)[];
  /** chunks searched in every text */
  always: number[];
}

export function emptyNameStarts(): NameStarts {
  return { byRun: new Map(), runFilter: new Uint8Array(128 * 64), byChar: new Array<number[] | undefined>(128).fill(undefined), always: [] };
}

/**
 * A text's shape: bits, each a condition without which its pattern cannot match (a number, not an
 * object: a big report asks for 150 000 shapes, and each object was garbage to collect).
 */
export const SHAPE = {
  /** a character beyond ASCII: any name may begin there (any script, any case folding) */
  beyondAscii: 1,
  /**
   * some chunk of name patterns may match: one has a name whose first run is one of the text's
   * runs of ASCII letters and digits (compared by hash: a collision only searches one chunk more),
   * whose first character is in the text, or that is searched always (nameChunks says which)
   */
  names: 2,
  /** "S-1-" in any case (SID) */
  sid: 4,
  /** two hex digits, "-" or ":", two hex digits (MAC with separators) */
  macSeparated: 8,
  /** two colons (IPv6) */
  colons2: 16,
  dot: 32,
  /** "..." (route print's Interface List) */
  dots3: 64,
  /** four hex digits then "." (Cisco-style dotted MAC) */
  hexDot: 128,
  /** twelve hex digits in a row (bare MAC) */
  hex12: 256,
  /** a public IPv4 address: a run of digits and dots (without its trailing dots) that is one (Redactor.publicIpv4Replaced) */
  publicV4: 512,
} as const;

/** some pattern besides the IPv4 one may match a text of this shape */
export const NEEDS_PATTERNS = SHAPE.beyondAscii | SHAPE.names | SHAPE.sid | SHAPE.macSeparated | SHAPE.colons2 | SHAPE.dots3 | SHAPE.hexDot | SHAPE.hex12;

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/**
 * What a text holds that the patterns need (SHAPE), in one pass over its characters (of
 * text[from, to): one line of a big text, without slicing it). With `chunks`, also lists the
 * chunks of name patterns that may match (for a text of ASCII only).
 */
export function shapeOf(text: string, names: NameStarts, chunks?: number[], from = 0, to = text.length): number {
  let shape = names.always.length ? SHAPE.names : 0;
  if (chunks) for (const c of names.always) chunks.push(c);
  const { runFilter, byRun, byChar } = names;
  let colons = 0;
  let dots = 0;
  let hex = 0;
  /** where the current run of ASCII letters and digits began (-1: none), its first character and hash */
  let runStart = -1;
  let runFirst = 0;
  let hash = 0;
  /** where the current run of digits and dots began, or -1 */
  let numberStart = -1;
  const n = to;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c]! : 0;
    if (k & ALNUM) {
      const ch = c | (k & LETTER ? 0x20 : 0);
      if (runStart < 0) {
        runStart = i;
        runFirst = ch;
        hash = 0;
      }
      hash = runHash(hash, ch);
      if (k & HEX) {
        if (++hex >= 12) shape |= SHAPE.hex12;
      } else hex = 0;
      if (k & DIGIT) {
        if (numberStart < 0) numberStart = i;
      } else if (numberStart >= 0) {
        if (isPublicIpv4Run(text, numberStart, i)) shape |= SHAPE.publicV4;
        numberStart = -1;
      }
      dots = 0;
      continue;
    }
    if (runStart >= 0) {
      const length = i - runStart;
      if (runFilter[runFirst * 64 + (length < 63 ? length : 63)] === 1) shape |= runNames(byRun.get(hash), chunks);
      runStart = -1;
    }
    if (c === 0x2e) {
      if (numberStart < 0) numberStart = i;
      shape |= SHAPE.dot;
      if (hex >= 4) shape |= SHAPE.hexDot;
      if (++dots >= 3) shape |= SHAPE.dots3;
      hex = 0;
      continue;
    }
    if (numberStart >= 0) {
      if (isPublicIpv4Run(text, numberStart, i)) shape |= SHAPE.publicV4;
      numberStart = -1;
    }
    dots = 0;
    hex = 0;
    if (c >= 128) {
      shape |= SHAPE.beyondAscii;
      continue;
    }
    const odd = byChar[c];
    if (odd) shape |= runNames(odd, chunks);
    if (c === 0x2d || c === 0x3a) {
      if (c === 0x3a && ++colons >= 2) shape |= SHAPE.colons2;
      if (i - 2 >= from && i + 2 < n && isHex(text.charCodeAt(i - 1)) && isHex(text.charCodeAt(i - 2)) && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) shape |= SHAPE.macSeparated;
      if (c === 0x2d && i - 1 >= from && i + 2 < n && (text.charCodeAt(i - 1) | 0x20) === 0x73 && text.charCodeAt(i + 1) === 0x31 && text.charCodeAt(i + 2) === 0x2d) shape |= SHAPE.sid;
    }
  }
  // the runs the text ends with
  if (runStart >= 0) {
    const length = n - runStart;
    if (runFilter[runFirst * 64 + (length < 63 ? length : 63)] === 1) shape |= runNames(byRun.get(hash), chunks);
  }
  if (numberStart >= 0 && isPublicIpv4Run(text, numberStart, n)) shape |= SHAPE.publicV4;
  return shape;
}

/** SHAPE.names when some chunk holds a name beginning there (listed in `chunks` when asked) */
function runNames(found: number[] | undefined, chunks: number[] | undefined): number {
  if (!found) return 0;
  if (chunks) for (const c of found) if (!chunks.includes(c)) chunks.push(c);
  return SHAPE.names;
}

const DIGIT = 1;
const LETTER = 2;
const HEX = 4;
const ALNUM = DIGIT | LETTER;
/** what each ASCII character is to the scan */
const CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = DIGIT | HEX;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = CLASS[c + 0x20] = LETTER | (c <= 0x46 ? HEX : 0);

/** the run of digits and dots text[start, end), without its trailing dots, is a public IPv4 address */
function isPublicIpv4Run(text: string, start: number, end: number): boolean {
  while (end > start && text.charCodeAt(end - 1) === 0x2e) end--;
  if (end - start < 7) return false;
  const n = dottedQuadIn(text, start, end);
  return n !== null && isPublicIpv4Number(n);
}

