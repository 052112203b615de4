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
