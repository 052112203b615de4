import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * "4 line(s) added", "oplossing(en)": a text that leaves its plural to the reader. Counted texts take
 * i18next's plural keys (`_one` / `_other`, chosen by `count`); texts without a count say it in words
 * ("every VPN default route"). Every locale file the engine and the renderer load.
 */
const LOCALES = ['app/core/i18n/en.json', 'app/core/i18n/nl.json', 'renderer/src/locales/en.json', 'renderer/src/locales/nl.json'];
const OPTIONAL_PLURAL = /\p{L}\((?:s|es|en|'s|n)\)/u;

function strings(value: unknown, path: string, out: [string, string][]): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) strings(v, path ? `${path}.${k}` : k, out);
  return out;
}

describe('no optional plural like "line(s)" in a user-visible text', () => {
  for (const file of LOCALES) {
    it(file, () => {
      const texts = strings(JSON.parse(readFileSync(join(import.meta.dirname, '..', file), 'utf8')), '', []);
      expect(texts.length).toBeGreaterThan(100);
      expect(texts.filter(([, text]) => OPTIONAL_PLURAL.test(text)).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    });
  }
  it('the pattern finds what it is for', () => {
    for (const bad of ['4 line(s) added', "IKE SA('s)", 'oplossing(en)', 'fix(es)']) expect(OPTIONAL_PLURAL.test(bad)).toBe(true);
    expect(OPTIONAL_PLURAL.test('the route print (route.exe)')).toBe(false);
  });
});
