import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { isPublicIpv4Number } from './redact-addresses';

/** What isPublicIpv4Number must say, asked of ipaddr.js itself: its range is 'unicast', and it is no netmask. */
function publicByIpaddr(n: number): boolean {
  const address = ipaddr.IPv4.parse([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  const inverted = ~n >>> 0;
  return address.range() === 'unicast' && (inverted & (inverted + 1)) !== 0;
}

/** the first and last address of every special range, and one either side: where a per-octet index could go wrong */
const EDGES = (() => {
  const ranges = (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number] | [ipaddr.IPv4, number][]> }).SpecialRanges;
  const out: number[] = [0, 0xffffffff];
  for (const list of Object.values(ranges)) {
    for (const [address, bits] of (Array.isArray(list[0]) ? list : [list]) as [ipaddr.IPv4, number][]) {
      const net = address.octets.reduce((a, o) => a * 256 + o, 0);
      const last = net + 2 ** (32 - bits) - 1;
      for (const n of [net - 1, net, net + 1, last - 1, last, last + 1]) if (n >= 0 && n <= 0xffffffff) out.push(n);
    }
  }
  return out;
})();

describe('isPublicIpv4Number (special ranges indexed by first octet)', () => {
  it('agrees with ipaddr.js at every special range edge', () => {
    for (const n of EDGES) expect([n, isPublicIpv4Number(n)]).toEqual([n, publicByIpaddr(n)]);
  });

  it('agrees with ipaddr.js on any address', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => isPublicIpv4Number(n) === publicByIpaddr(n)),
      { numRuns: 20_000, seed: 16_03 },
    );
  });

  it('netmasks are not public', () => {
    for (let bits = 1; bits <= 32; bits++) expect(isPublicIpv4Number((~0 << (32 - bits)) >>> 0)).toBe(false);
  });
});
