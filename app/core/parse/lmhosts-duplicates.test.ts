import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/support/prng';
import { forEachDuplicate, type NamedEntry } from './lmhosts-duplicates';

/** What forEachDuplicate replaced: a map keyed by `${name.trimEnd().toUpperCase()}|${suffix ?? 0x20}`. */
function reference(entries: NamedEntry[]): [number, number][] {
  const seen = new Map<string, number>();
  const out: [number, number][] = [];
  entries.forEach((e, k) => {
    const id = `${e.name.trimEnd().toUpperCase()}|${e.suffix ?? 0x20}`;
    const first = seen.get(id);
    if (first !== undefined) out.push([k, first]);
    else seen.set(id, k);
  });
  return out;
}

const found = (entries: NamedEntry[]) => {
  const out: [number, number][] = [];
  forEachDuplicate(entries, (e, first) => out.push([entries.indexOf(e), entries.indexOf(first)]));
  return out;
};

describe('forEachDuplicate', () => {
  it('finds what the name|suffix map found, case and padding aside, past ASCII too', () => {
    const r = prng(5150);
    // 'ſ' and 'ı' upper-case to ASCII, 'ß' to two letters, NBSP and tabs are trailing blanks
    const pieces = ['a', 'A', 'b', 'dc', 'DC', 'ſ', 's', 'S', 'ı', 'i', 'I', 'ß', 'SS', 'ss', 'é', 'É', '1', '-'];
    const tails = ['', ' ', '  ', '\t', '\u00a0', ' x'];
    for (let round = 0; round < 500; round++) {
      const entries: NamedEntry[] = Array.from({ length: 1 + Math.floor(r() * 40) }, () => {
        let name = '';
        for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) name += pieces[Math.floor(r() * pieces.length)];
        name += tails[Math.floor(r() * tails.length)];
        const e: NamedEntry = { name };
        if (r() < 0.3) e.suffix = [0x20, 0x1b, 0x1c][Math.floor(r() * 3)];
        return e;
      });
      expect(found(entries), JSON.stringify(entries)).toEqual(reference(entries));
    }
  });

  it('keeps up with many names (the table grows with the entries)', () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ name: `HOST${i % 4000}` }));
    expect(found(entries)).toEqual(reference(entries));
    expect(found(entries)).toHaveLength(1000);
  });
});
