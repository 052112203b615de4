import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpusBytes } from '../../../test/corpus';
import { dottedQuadToNumber, isDottedQuad, maskBitCount, maskNumberToPrefix } from './ipv4-dotted';

// the reference: what the parsers asked ipaddr.js before (throwing and catching inside)
const reference = (s: string) => ipaddr.IPv4.isValidFourPartDecimal(s);
const referenceNumber = (s: string) => (reference(s) ? ipaddr.IPv4.parse(s).toByteArray().reduce((n, b) => n * 256 + b, 0) : null);

describe('dotted-quad IPv4 without exceptions', () => {
  it('agrees with ipaddr.js on edge cases', () => {
    const cases = ['0.0.0.0', '255.255.255.255', '256.1.1.1', '1.1.1', '1.1.1.1.1', '01.1.1.1', '1.1.1.01', '0.0.0.00', '1..1.1', '.1.1.1', '1.1.1.', ' 1.1.1.1', '1.1.1.1 ', '1.1.1.1\n', '0x1.1.1.1', '1e1.1.1.1', '１.1.1.1', '999.999.999.999', '1000.1.1.1', '10.0.0.1', 'On-link', '', '1.2.3.4/24'];
    for (const c of cases) {
      expect(isDottedQuad(c), c).toBe(reference(c));
      expect(dottedQuadToNumber(c), c).toBe(referenceNumber(c));
    }
  });

  it('agrees with ipaddr.js on random strings shaped like addresses', () => {
    const part = fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '01', '', 'a', '-1', '0x1', '255', '256', '1 '));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), fc.constantFrom('.', '.', '.', ',', '..'), (parts, sep) => {
        const s = parts.join(sep);
        expect(isDottedQuad(s)).toBe(reference(s));
        expect(dottedQuadToNumber(s)).toBe(referenceNumber(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 16 }), (s) => {
        expect(isDottedQuad(s)).toBe(reference(s));
      }), { numRuns: 2000 });
  });

  it('agrees with ipaddr.js on every token of the corpus route prints', () => {
    if (!corpusAvailable) return;
    let tokens = 0;
    for (const f of corpusFiles('route-print')) {
      for (const t of readCorpusBytes('route-print', f).toString('latin1').split(/\s+/)) {
        tokens++;
        expect(isDottedQuad(t), `${f}: ${t}`).toBe(reference(t));
      }
    }
    expect(tokens).toBeGreaterThan(1000);
  });

  it('reads netmask prefix lengths like ipaddr.js', () => {
    for (let len = 0; len <= 32; len++) {
      const mask = ipaddr.IPv4.subnetMaskFromPrefixLength(len).toString();
      expect(maskNumberToPrefix(dottedQuadToNumber(mask)!)).toBe(len);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => {
        const text = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
        expect(maskNumberToPrefix(n)).toBe(ipaddr.IPv4.parse(text).prefixLengthFromSubnetMask());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maskBitCount', () => {
  it('counts the one bits of every contiguous mask, /0 to /32, as the per-octet count did', () => {
    for (let p = 0; p <= 32; p++) {
      const n = p === 0 ? 0 : (~0 << (32 - p)) >>> 0;
      const mask = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
      expect(maskBitCount(mask)).toBe(p);
      expect(maskBitCount(mask)).toBe(mask.split('.').reduce((c, o) => c + Number(o).toString(2).replace(/0/g, '').length, 0));
    }
  });

  it('a non-contiguous mask gives its bit count; a text that is no dotted quad counts the numbers it holds', () => {
    expect(maskBitCount('255.0.255.0')).toBe(16);
    expect(maskBitCount('255.255.x.0')).toBe(16);
    // any dotted quad (the high bit set or not): the per-octet count
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (octets) => {
        const mask = octets.join('.');
        expect(maskBitCount(mask)).toBe(octets.reduce((c, o) => c + o.toString(2).replace(/0/g, '').length, 0));
      }),
      { numRuns: 3000 },
    );
  });
});
