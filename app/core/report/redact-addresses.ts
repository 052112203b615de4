import ipaddr from 'ipaddr.js';
import { dottedQuadToNumber } from '../parse/ipv4-dotted';

/** Which addresses redaction replaces: public IPv4/IPv6 (private ones stay: the diagnosis needs them), never netmasks. */

/**
 * ipaddr.js's special IPv4 ranges (everything its `range()` does not call 'unicast') as numbers,
 * read from ipaddr itself so the two can never disagree: a 20 000-route report asks about 100 000
 * addresses, and parsing each into an ipaddr object was most of the redaction's time. Indexed by
 * first octet: `true` when a range holds every address with that first octet (10, 127, 224–255 …),
 * else the ranges that hold some (192: 192.168/16, 192.0.2/24 …), most octets none.
 */
let specialV4ByOctet: (true | { net: number; mask: number }[])[] | null = null;
function specialV4Ranges(): (true | { net: number; mask: number }[])[] {
  if (specialV4ByOctet) return specialV4ByOctet;
  const ranges = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]> }).SpecialRanges;
  const byOctet: (true | { net: number; mask: number }[])[] = Array.from({ length: 256 }, () => []);
  for (const list of Object.values(ranges)) {
    for (const [address, bits] of (Array.isArray(list[0]) ? list : [list]) as [ipaddr.IPv4, number][]) {
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
      const net = (dottedQuadToNumber(address.toString())! & mask) >>> 0;
      // the first octets the range spans: all of them when it is /8 or wider
      const first = net >>> 24;
      const last = (net | (~mask >>> 0)) >>> 24;
      for (let octet = first; octet <= last; octet++) {
        const at = byOctet[octet]!;
        if (at === true) continue;
        if (bits <= 8) byOctet[octet] = true;
        else at.push({ net, mask });
      }
    }
  }
  specialV4ByOctet = byOctet;
  return byOctet;
}

/** Whether the IPv4 address with this number (`dottedQuadIn`) is public: in none of ipaddr's special ranges, and no netmask. */
export function isPublicIpv4Number(n: number): boolean {
  const special = specialV4Ranges()[n >>> 24]!;
  if (special === true) return false;
  for (let i = 0; i < special.length; i++) if (((n & special[i]!.mask) >>> 0) === special[i]!.net) return false;
  // netmasks (128.0.0.0, 255.255.255.0 …) are not addresses; 128.0.0.0 would otherwise count as public.
  // maskNumberToPrefix(n) === null, in 32-bit integers: its `~n >>> 0` and `+ 1` left the range of
  // a small integer for most public addresses (≥ 128.0.0.0), and this line was a third of shapeOf
  const inverted = ~n;
  return (inverted & ((inverted + 1) | 0)) !== 0;
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

export const isDigitOrDot = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2e;

export function isPublicIpv6(text: string): boolean {
  if (!ipaddr.IPv6.isValid(text)) return false;
  // Teredo and 6to4 addresses embed the machine's public IPv4 address.
  return ['unicast', 'teredo', '6to4'].includes(ipaddr.IPv6.parse(text).range());
}

/**
 * A dotted quad, or one zero-padded to three digits a part, read as decimal (`010.001.002.003` is 10.1.2.3: Windows' `netsh` and
 * some appliances pad each part to three digits; round 44): four parts, each at most 255, with no leading zero unless all four
 * have three digits (`2.62.00.00` in pppd's endpoint-discriminator byte dump is none). Its number, or null.
 * (inet_aton would read a leading zero as octal; no log this redacts writes octal, and a padded part read as decimal is the same
 * address the same log writes unpadded elsewhere — assumed from netsh's `010.001.002.003` spelling, issue 14 round 44.)
 */
export function paddedQuadIn(s: string, start: number, end: number): number | null {
  const n = end - start;
  if (n < 7 || n > 15) return null;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let leadingZero = false;
  let notThree = false;
  for (let i = start; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || part > 255 || ++parts > 4) return null;
      if (digits !== 3) notThree = true;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) leadingZero = true;
      part = part * 10 + (c - 48);
      if (++digits > 3) return null;
    } else return null;
  }
  return parts === 4 && !(leadingZero && notThree) ? value : null;
}

/** An IPv4 number as the dotted quad ipaddr and the token book know it (no leading zeros). */
export const dottedOf = (n: number): string => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** The address a reverse-DNS name's four labels stand for (`4.3.2.1.in-addr.arpa` is 1.2.3.4, RFC 1035 3.5): the bytes swapped. */
export const reversedV4 = (n: number): number => (((n & 255) << 24) | (((n >>> 8) & 255) << 16) | (((n >>> 16) & 255) << 8) | (n >>> 24)) >>> 0;

/** `in-addr.arpa` (any case) at text[at], not followed by a letter or digit: the reverse-DNS zone a dotted run before it names. */
export function inAddrArpaAt(text: string, at: number, end = text.length): boolean {
  if (at + 12 > end || (text.charCodeAt(at) | 0x20) !== 0x69) return false;
  for (let k = 0; k < 12; k++) {
    const c = text.charCodeAt(at + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== IN_ADDR_ARPA.charCodeAt(k)) return false;
  }
  if (at + 12 === end) return true;
  const c = text.charCodeAt(at + 12) | 0x20;
  return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a));
}
const IN_ADDR_ARPA = 'in-addr.arpa';
