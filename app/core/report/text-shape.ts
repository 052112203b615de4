/** A text's shape in one pass (redact.ts asks it before running any pattern over the text). */
import { inAddrArpaAt, isPublicIpv4Number, reversedV4 } from './redact-addresses';
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
  /**
   * a public IPv4 address: a run of digits and dots (without its trailing dots) that is one (Redactor.publicIpv4Replaced), its
   * parts maybe zero-padded, read backwards before `.in-addr.arpa`
   */
  publicV4: 512,
  /** four runs of 1–3 digits joined by dashes, `(?<!\d)\d{1,3}-\d{1,3}-\d{1,3}-\d` (an address in a host name: Redactor.dashedIpv4Replaced) */
  dashedV4: 1024,
} as const;

/** some pattern besides the IPv4 one may match a text of this shape */
export const NEEDS_PATTERNS = SHAPE.beyondAscii | SHAPE.names | SHAPE.sid | SHAPE.macSeparated | SHAPE.colons2 | SHAPE.dots3 | SHAPE.hexDot | SHAPE.hex12 | SHAPE.dashedV4;

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

/**
 * What a text holds that the patterns need (SHAPE), in one pass over its characters (of
 * text[from, to): one line of a big text, without slicing it). With `chunks`, also lists the
 * chunks of name patterns that may match (for a text of ASCII only).
 *
 * Each character is read once (charCodeAt is most of the cost: a report hands over sliced, flat and
 * joined strings alike, so V8 cannot specialise the read): a run of digits and dots is read as a
 * dotted quad while it is scanned, where it was parsed again at its end, and a run of letters and
 * digits is hashed (runHash) only when runFilter says some name begins with a run of its first
 * character and length, which most runs (numbers, "On-link") are not.
 */
export function shapeOf(text: string, names: NameStarts, chunks?: number[], from = 0, to = text.length): number {
  let shape = names.always.length ? SHAPE.names : 0;
  if (chunks) for (const c of names.always) chunks.push(c);
  const { runFilter, byRun, byChar } = names;
  let colons = 0;
  let dots = 0;
  let hex = 0;
  /** where the current run of ASCII letters and digits began (-1: none), and its first character (lower case) */
  let runStart = -1;
  let runFirst = 0;
  /**
   * The current run of digits and dots (numberStart: where it began, -1 for none) read as a dotted
   * quad (dottedQuadIn of the run without its trailing dots): the parts ended so far and their
   * value, the part being read and its digits, the dots since the last digit; quadBad once it
   * cannot be one (a dot first, two dots in a row, a fifth part, a part over 255, four digits; a
   * leading zero: pad).
   */
  let numberStart = -1;
  let quadParts = 0;
  let quadValue = 0;
  let part = 0;
  let partDigits = 0;
  let pendingDots = 0;
  let quadBad = false;
  /** zero padding: 1 once a part began with a zero, 2 once a part ended with other than three digits (padded: every part three) */
  let pad = 0;
  /** the last dash after 1–3 digits and before a digit, and how many such dashes came each right after the one before */
  let lastDigitDash = -2;
  let dashChain = 0;
  const n = to;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? CLASS[c]! : 0;
    if (k & ALNUM) {
      if (runStart < 0) {
        runStart = i;
        runFirst = c | (k & LETTER ? 0x20 : 0);
      }
      if (k & HEX) {
        if (++hex >= 12) shape |= SHAPE.hex12;
      } else hex = 0;
      if (k & DIGIT) {
        if (numberStart < 0) {
          numberStart = i;
          quadParts = quadValue = part = partDigits = pendingDots = 0;
          quadBad = false;
          pad = 0;
        } else if (pendingDots > 1) {
          // two or more dots end an address and may begin one (strongSwan's `%H...%H`, `1.2.3.4..1.2.3.9`): what came before is
          // judged as a run of its own, and a new one begins at this digit
          if (isPublicQuad(quadBad || badPadding(pad, partDigits), quadParts, quadValue, part, partDigits)) shape |= SHAPE.publicV4;
          quadParts = quadValue = part = partDigits = pendingDots = 0;
          quadBad = false;
          pad = 0;
        } else if (pendingDots > 0) {
          // the dot before this digit ends a part: one dot after a part, and only three of them
          if (partDigits === 0 || part > 255 || ++quadParts > 3) quadBad = true;
          if (partDigits !== 3) pad |= 2;
          quadValue = quadValue * 256 + part;
          part = partDigits = pendingDots = 0;
        }
        // a leading zero makes no address unless every part has three digits (`010.001.002.003`, netsh: read as decimal since
        // round 44, paddedQuadIn; `2.62.00.00`, a byte dump, stays none)
        if (partDigits === 1 && part === 0) pad |= 1;
        part = part * 10 + (c - 48);
        if (++partDigits > 3) quadBad = true;
      } else if (numberStart >= 0) {
        // a letter after one dot may begin a reverse-DNS zone: `4.3.2.1.in-addr.arpa` is read backwards (round 44)
        if (pendingDots === 1 && inAddrArpaAt(text, i, n) ? isPublicReverseQuad(quadBad || badPadding(pad, partDigits), quadParts, quadValue, part, partDigits) : isPublicQuad(quadBad || badPadding(pad, partDigits), quadParts, quadValue, part, partDigits)) shape |= SHAPE.publicV4;
        numberStart = -1;
      }
      dots = 0;
      continue;
    }
    if (runStart >= 0) {
      const length = i - runStart;
      if (runFilter[runFirst * 64 + (length < 63 ? length : 63)] === 1) shape |= runNames(byRun.get(runHashOf(text, runStart, i)), chunks);
      runStart = -1;
    }
    if (c === 0x2e) {
      if (numberStart < 0) {
        // a run that begins with one dot is no dotted quad (with two or more, what follows them may be)
        numberStart = i;
        quadBad = true;
        pad = 0;
        quadParts = quadValue = part = partDigits = 0;
        pendingDots = 1;
      } else pendingDots++;
      shape |= SHAPE.dot;
      if (hex >= 4) shape |= SHAPE.hexDot;
      if (++dots >= 3) shape |= SHAPE.dots3;
      hex = 0;
      continue;
    }
    if (numberStart >= 0) {
      if (isPublicQuad(quadBad || badPadding(pad, partDigits), quadParts, quadValue, part, partDigits)) shape |= SHAPE.publicV4;
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
      else if (c === 0x2d && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
        // four runs of 1–3 digits joined by dashes (`host-81-2-3-4.isp.net`, round 44): this dash ends a run of 1–3 digits (the
        // digits before it, read back at most four) and a digit follows; three such dashes in a row, each right after the last
        let digits = 0;
        while (digits < 4 && i - digits - 1 >= from && isDigitCode(text.charCodeAt(i - digits - 1))) digits++;
        if (digits >= 1 && digits <= 3) {
          dashChain = lastDigitDash === i - digits - 1 ? dashChain + 1 : 1;
          lastDigitDash = i;
          if (dashChain >= 3) shape |= SHAPE.dashedV4;
        }
      }
      if (i - 2 >= from && i + 2 < n && isHex(text.charCodeAt(i - 1)) && isHex(text.charCodeAt(i - 2)) && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) shape |= SHAPE.macSeparated;
      if (c === 0x2d && i - 1 >= from && i + 2 < n && (text.charCodeAt(i - 1) | 0x20) === 0x73 && text.charCodeAt(i + 1) === 0x31 && text.charCodeAt(i + 2) === 0x2d) shape |= SHAPE.sid;
    }
  }
  // the runs the text ends with
  if (runStart >= 0) {
    const length = n - runStart;
    if (runFilter[runFirst * 64 + (length < 63 ? length : 63)] === 1) shape |= runNames(byRun.get(runHashOf(text, runStart, n)), chunks);
  }
  if (numberStart >= 0 && isPublicQuad(quadBad || badPadding(pad, partDigits), quadParts, quadValue, part, partDigits)) shape |= SHAPE.publicV4;
  return shape;
}

/** runHash of text[start, end), a run of ASCII letters and digits, in lower case */
function runHashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    hash = runHash(hash, c | (CLASS[c]! & LETTER ? 0x20 : 0));
  }
  return hash;
}

/**
 * Whether a run of digits and dots read by shapeOf (its trailing dots left off) is a public IPv4
 * address: four parts (the three ended by dots and the last one read), the last of one to three
 * digits and at most 255, and the address public (isPublicIpv4Number).
 */
function isPublicQuad(bad: boolean, parts: number, value: number, last: number, lastDigits: number): boolean {
  return !bad && parts === 3 && lastDigits > 0 && last <= 255 && isPublicIpv4Number(value * 256 + last);
}

/** isPublicQuad of the address a reverse-DNS name's four labels stand for (reversedV4) */
function isPublicReverseQuad(bad: boolean, parts: number, value: number, last: number, lastDigits: number): boolean {
  return !bad && parts === 3 && lastDigits > 0 && last <= 255 && isPublicIpv4Number(reversedV4(value * 256 + last));
}

/** a zero-padded quad whose parts are not all three digits (shapeOf's pad, the last part's digits): no address */
const badPadding = (pad: number, lastDigits: number) => (pad & 1) !== 0 && ((pad & 2) !== 0 || lastDigits !== 3);

const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

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
