import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldName, namesPattern } from './redact-names';
import { namesPattern as trieNamesPattern } from '../../../test/support/redact-reference/redact-names';

/** The names regex as it was: one alternative per name, longest first. */
function flatPattern(names: string[]): string {
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/i/g, '(?:[iIıİ]\\u0307?)');
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(esc).join('|');
}
const wrap = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
const mark = (re: RegExp, text: string) => text.replace(re, (m) => `<${foldName(m)}>`);

describe('names as one trie-shaped regex', () => {
  it('matches exactly what the flat alternation matched', () => {
    const ch = fc.constantFrom('a', 'b', 'i', 'İ', 'ı', 'I', 'o', '.', '-', ' ', '0', '1', 'é', 'Ж');
    const name = fc.array(ch, { minLength: 2, maxLength: 6 }).map((c) => foldName(c.join('')).trim()).filter((n) => n.length >= 2);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 12 }), fc.array(fc.oneof(ch, name), { maxLength: 40 }), (names, parts) => {
        const text = parts.join('');
        expect(mark(wrap(namesPattern(names)), text)).toBe(mark(wrap(flatPattern(names)), text));
      }),
      { numRuns: 1500 },
    );
  });

  it('is the pattern the trie of Maps gave (the reference redactor), character for character', () => {
    // names sharing starts, prefixes of others, the same name twice, code points beyond the BMP and
    // lone surrogates (for…of reads those one by one), in any order
    const ch = fc.constantFrom('a', 'b', 'i', 'ı', 'o', '.', '-', '0', '1', 'é', 'Ж', '😀', '𝔸', '\ud83d', '\ude00', '\uffff', ' ');
    const name = fc.array(ch, { minLength: 1, maxLength: 7 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 30 }), (names) => {
        expect(namesPattern(names)).toBe(trieNamesPattern(names));
      }),
      { numRuns: 3000 },
    );
    const hosts = Array.from({ length: 5000 }, (_, i) => `host${String(i).padStart(5, '0')}`).reverse();
    expect(namesPattern(hosts)).toBe(trieNamesPattern(hosts));
  });

  it('prefers the longer name and gives it up when it does not end there', () => {
    const re = wrap(namesPattern(['corp', 'corp.example.com', 'corp.ex']));
    expect(mark(re, 'corp.example.com corp.example.comx corp.ex corp')).toBe('<corp.example.com> <corp>.example.comx <corp.ex> <corp>');
  });
});
