import ipaddr from 'ipaddr.js';

/** Which addresses redaction replaces: public IPv4/IPv6 (private ones stay: the diagnosis needs them), never netmasks. */

/** Dotted decimal, each part 0–255 without leading zeros: what `ipaddr.IPv4.isValidFourPartDecimal` accepts. */
export const FOUR_PART_DECIMAL = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * ipaddr.js's special IPv4 ranges (everything its `range()` does not call 'unicast') as numbers,
 * read from ipaddr itself so the two can never disagree: a 20 000-route report asks about 20 000
 * addresses, and parsing each into an ipaddr object was most of the redaction's time.
 */
let specialV4: { net: number; mask: number }[] | null = null;
function specialV4Ranges(): { net: number; mask: number }[] {
  if (specialV4) return specialV4;
  const ranges = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]> }).SpecialRanges;
  specialV4 = [];
  for (const list of Object.values(ranges)) {
    for (const [address, bits] of (Array.isArray(list[0]) ? list : [list]) as [ipaddr.IPv4, number][]) {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      specialV4.push({ net: (v4Number(address.toString()) & mask) >>> 0, mask });
    }
  }
  return specialV4;
}

const v4Number = (text: string) => text.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);

export function isPublicIpv4(text: string): boolean {
  if (!FOUR_PART_DECIMAL.test(text)) return false;
  return isPublicIpv4Number(v4Number(text));
}

/** isPublicIpv4 of an address given as its number (what `fourPartDecimalAt` reads). */
export function isPublicIpv4Number(n: number): boolean {
  const ranges = specialV4Ranges();
  for (let i = 0; i < ranges.length; i++) if (((n & ranges[i]!.mask) >>> 0) === ranges[i]!.net) return false;
  return !isContiguousNetmask(n);
}

/**
 * The number of the dotted-decimal address `text.slice(start, end)` when FOUR_PART_DECIMAL accepts
 * that slice (four parts 0–255, no leading zeros), else -1; read in place, without slicing: a route
 * print holds 80 000 addresses, nearly all private, and none of them needs a string of its own.
 */
export function fourPartDecimalAt(text: string, start: number, end: number): number {
  let n = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  let leadingZero = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || ++dots > 3) return -1;
      n = n * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (leadingZero && digits === 1) return -1;
      if (digits === 0) leadingZero = c === 0x30;
      part = part * 10 + (c - 0x30);
      if (++digits > 3 || part > 255) return -1;
    } else return -1;
  }
  return dots === 3 && digits > 0 ? n * 256 + part : -1;
}

/**
 * `ipaddr.isValid`, without its cost for text that cannot be an address: every IPv6 form holds a
 * colon, and every IPv4 form ipaddr accepts (dotted, two/three-part, long, octal, 0x-hex) is made
 * of hex digits, x and dots only. Names are asked by the thousand (LMHOSTS), and ipaddr answers
 * "no" by throwing and catching an exception.
 */
export function isIpAddress(text: string): boolean {
  return (text.includes(':') || /^[0-9a-fx.]+$/i.test(text)) && ipaddr.isValid(text);
}

/** Netmasks (128.0.0.0, 255.255.255.0 …) are not addresses; 128.0.0.0 would otherwise count as public. */
function isContiguousNetmask(n: number): boolean {
  const inverted = ~n >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

export const isDigitOrDot = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;

export function isPublicIpv6(text: string): boolean {
  if (!ipaddr.IPv6.isValid(text)) return false;
  // Teredo and 6to4 addresses embed the machine's public IPv4 address.
  return ['unicast', 'teredo', '6to4'].includes(ipaddr.IPv6.parse(text).range());
}
