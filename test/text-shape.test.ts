import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, nameStart } from '../app/core/report/redact-names';
import { emptyNameStarts, shapeOf, type NameStarts } from '../app/core/report/text-shape';
import { shapeOf as referenceShapeOf } from './support/shape-of-reference';

/**
 * Issue 16.3: shapeOf reads a run of digits and dots as a dotted quad while it scans it (instead of
 * parsing the run again at its end) and hashes a run of letters and digits only when runFilter says
 * a name may begin with it. The shape bits and the chunks of names it lists are those of the
 * frozen copy from before (test/support/shape-of-reference.ts), for whole texts and for ranges of
 * them, with names that begin with every kind of run.
 */

/** NameStarts as Redactor.patterns() builds them, `perChunk` names a chunk */
function startsOf(names: string[], perChunk: number): NameStarts {
  const starts = emptyNameStarts();
  names.forEach((name, i) => {
    const chunk = Math.floor(i / perChunk);
    const start = nameStart(foldName(name));
    const add = (list: number[] | undefined) => (list && list[list.length - 1] !== chunk ? (list.push(chunk), list) : (list ?? [chunk]));
    if (start.kind === 'run') {
      starts.byRun.set(start.hash, add(starts.byRun.get(start.hash)));
      starts.runFilter[start.first * 64 + Math.min(start.length, 63)] = 1;
    } else if (start.kind === 'odd') starts.byChar[start.char] = add(starts.byChar[start.char]);
    else if (start.kind === 'always' && !starts.always.includes(chunk)) starts.always.push(chunk);
  });
  return starts;
}

const NAMES = ['10', '192', 'On', 'link', 'WS-KARPOV7', 'corp', 'dc1', '1password', '_srv', '-dash', 'Abcdef012345', 'S', 'x', 'ſusan', 'Иван', '255', '0', 'a1b2'];

/** dotted quads and near misses (leading zeros, a fifth part, dots first, last and doubled, parts over 255), MACs, SIDs, names */
const PIECES = [
  '8.8.8.8', '52.174.11.20', '10.13.1.10', '192.168.1.1', '255.255.255.0', '128.0.0.0', '0.0.0.0', '161.44.17.1', '1.2.3', '01.2.3.4', '1.02.3.4', '1.2.3.00',
  '256.1.1.1', '1.2.3.256', '1.2.3.4.5', '8.8.8.8.', '8.8.8.8..', '.8.8.8.8', '8..8.8.8', '8.8.8', '1234.1.1.1', '1.1.1.1234', '9.9.9.9', '223.255.255.255', '100.64.0.1',
  '8C-16-45-2A-0B-0E', '8c:16:45:2a:0b:0e', '00155D010B02', '0015.5d01.0b03', '8c 16 45 2a 91 0e', '...', '....', 'f8e4.', 'abcd.ef01.2345',
  'S-1-5-21-1004336348-1177238915-682001330-1001', 's-1-12', 'On-link', 'fe80::1', '::', 'a:b',
  // round 44: zero-padded quads, reverse-DNS zones, addresses in host names with dashes (and near misses)
  '081.002.003.004', '010.001.002.003', '.in-addr.arpa', 'in-addr.arpa', 'IN-ADDR.ARPA', 'in-addr.arpax', '4.3.2.10.', '81-2-3-4', '1-2-3', '-4', '2026-12-07', '1234-1',
  ...NAMES, ...NAMES.map((n) => n.toUpperCase()),
  ' ', '  ', '\t', '.', '..', '-', ':', '_', '\\', 'é', 'Ж', '😀', '\u0000', '0', '1', '9', 'a', 'f', 'F', 'g', 'z', 'Z',
];
const text = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 6 }, { arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789.abcdefABCDEFxyzS-: \u00e9'), maxLength: 12 }), weight: 2 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }), { maxLength: 12 }).map((p) => p.join(''));

describe('shapeOf gives what it gave before it read quads in one pass', () => {
  it('shape and chunks of whole texts and of ranges, for any names', () => {
    fc.assert(
      fc.property(fc.subarray(NAMES), fc.integer({ min: 1, max: 4 }), text, fc.nat(), fc.nat(), (names, perChunk, t, a, b) => {
        const starts = startsOf(names, perChunk);
        const chunks: number[] = [];
        const refChunks: number[] = [];
        expect(shapeOf(t, starts, chunks)).toBe(referenceShapeOf(t, starts, refChunks));
        expect(chunks).toEqual(refChunks);
        expect(shapeOf(t, starts)).toBe(referenceShapeOf(t, starts));
        const from = t.length ? a % t.length : 0;
        const to = from + (t.length - from ? b % (t.length - from + 1) : 0);
        expect(shapeOf(t, starts, undefined, from, to)).toBe(referenceShapeOf(t, starts, undefined, from, to));
      }),
      { numRuns: 20_000 },
    );
  });

  it('every public-address decision of a route line and its neighbours', () => {
    const starts = startsOf(['On'], 1);
    for (const line of ['0.0.0.0          0.0.0.0      161.44.17.1    161.44.17.23     50', '10.0.2.0    255.255.255.0         On-link       192.168.1.1     26', '8.8.8.8.', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', '255.255.255.255', '0.0.0.0', '203.0.113.7', '8.8.8.8a', 'a8.8.8.8', '8.8.8', '.8.8.8.8']) {
      expect(shapeOf(line, starts)).toBe(referenceShapeOf(line, starts));
    }
  });
});
