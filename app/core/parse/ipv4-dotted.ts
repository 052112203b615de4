/**
 * Dotted-quad IPv4 text ("192.168.1.1") as the parsers and the route model need it, without
 * exceptions: ipaddr.js's `isValid` parses by throwing and catching, which on a 200 000-route table
 * (an `On-link` column per row) was over half the scan. Same answers as ipaddr.js's
 * `IPv4.isValidFourPartDecimal` (four decimal parts 0–255, no leading zeros, nothing else), tested
 * against it.
 */
export function dottedQuadToNumber(s: string): number | null {
  return dottedQuadIn(s, 0, s.length);
}

/** dottedQuadToNumber(s.slice(start, end)) without making the slice. */
export function dottedQuadIn(s: string, start: number, end: number): number | null {
  const n = end - start;
  if (n < 7 || n > 15) return null;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return null;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) return null; // a leading zero ("01") is not four-part decimal
      part = part * 10 + (c - 48);
      if (++digits > 3) return null;
    } else return null;
  }
  return parts === 4 ? value : null;
}

export const isDottedQuad = (s: string): boolean => dottedQuadToNumber(s) !== null;

/**
 * The one bits of a dotted-quad netmask: its prefix length when contiguous, as route plans make
 * them (the scripts' `Test-TmRoute 10.13.1.0/24`, the fleet README's networks). A text that is no
 * dotted quad counts the one bits of the numbers it holds, as the per-octet count before did.
 */
export function maskBitCount(mask: string): number {
  const n = dottedQuadToNumber(mask);
  if (n === null) return mask.split('.').reduce((c, o) => c + (Number(o).toString(2).match(/1/g)?.length ?? 0), 0);
  return popcount32(n);
}

/** The one bits of a 32-bit number (SWAR, as Hacker's Delight 5-1: no loop of 32 divisions per mask, every route step renders one). */
function popcount32(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Prefix length of a contiguous netmask number (255.255.255.0 → 24), null when not contiguous. */
export function maskNumberToPrefix(mask: number): number | null {
  const inverted = ~mask >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return null;
  return Math.clz32(inverted);
}
