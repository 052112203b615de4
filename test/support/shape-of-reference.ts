/**
 * text-shape.ts's shapeOf as it was before it read a dotted quad while scanning and hashed a run only
 * when runFilter asked (issue 16.3): the reference test/text-shape.test.ts compares it with.
 * A frozen copy of that algorithm: changed only where what shapeOf reads changes on purpose (round 43: two or more dots end an
 * address and may begin the next, isPublicIpv4Run) — the way test/support/redact-reference/redact.ts follows redact.ts.
 */
import { isPublicIpv4Number } from '../../app/core/report/redact-addresses';
import { runHash } from '../../app/core/report/redact-names';
import { SHAPE, type NameStarts } from '../../app/core/report/text-shape';

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66);

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
        if (isPublicIpv4Run(text, numberStart, i, n)) shape |= SHAPE.publicV4;
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
      if (isPublicIpv4Run(text, numberStart, i, n)) shape |= SHAPE.publicV4;
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
  if (numberStart >= 0 && isPublicIpv4Run(text, numberStart, n, n)) shape |= SHAPE.publicV4;
  // round 44: four runs of 1–3 digits joined by dashes (an address in a host name)
  if (/(?<!\d)\d{1,3}-\d{1,3}-\d{1,3}-\d/.test(text.slice(from, to))) shape |= SHAPE.dashedV4;
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

/**
 * the run of digits and dots text[start, end) holds a public IPv4 address: two or more dots end one and may begin the next
 * (strongSwan's `1.2.3.4...5.6.7.8`; round 43, as text-shape.ts now reads it), each piece without its trailing dots; a run that
 * begins with one dot is no address up to its next two dots
 */
function isPublicIpv4Run(text: string, start: number, end: number, to: number): boolean {
  const pieces = text.slice(start, end).split(/\.{2,}/);
  // round 44: the last piece, with one dot after it, before `in-addr.arpa` is read backwards
  const reverse = /^[^.]+\.[^.]+\.[^.]+\.[^.]+\.$/.test(pieces[pieces.length - 1]!) && /^in-addr\.arpa(?![a-z0-9])/i.test(text.slice(end, to));
  return pieces.some((piece, i) => !(i === 0 && piece.startsWith('.')) && isPublicIpv4Piece(piece, 0, piece.length, reverse && i === pieces.length - 1));
}

function isPublicIpv4Piece(text: string, start: number, end: number, reverse: boolean): boolean {
  while (end > start && text.charCodeAt(end - 1) === 0x2e) end--;
  if (end - start < 7) return false;
  // round 44: parts may be zero-padded to three digits each (`081.002.003.004`, read as decimal)
  const parts = text.slice(start, end).split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return false;
  if (parts.some((p) => /^0\d/.test(p)) && !parts.every((p) => p.length === 3)) return false;
  const n = (reverse ? parts.reverse() : parts).reduce((acc, p) => acc * 256 + Number(p), 0);
  return isPublicIpv4Number(n);
}

