import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ENGINE_LANGUAGES, engineT } from '../i18n';
import en from '../i18n/en.json';
import { compiledT } from './compiled-t';
import { eventLoopTurns } from '../../../test/support/event-loop-turn';

/** every leaf key of the engine texts, with its text */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim()))];

/** i18next's t, counting its calls (so a test can see the compiled path answer without it) */
function counting(t: TFunction): { t: TFunction; calls: () => number } {
  let n = 0;
  const wrapped = ((...args: unknown[]) => {
    n++;
    return (t as unknown as (...a: unknown[]) => unknown)(...args);
  }) as unknown as TFunction;
  return { t: wrapped, calls: () => n };
}

describe('compiledT: i18next words, faster', () => {
  const keys = leaves(en);

  it.each(ENGINE_LANGUAGES)('gives i18next’s text for every engine key (%s), plain and awkward values alike', async (language) => {
    const theirs = engineT(language);
    const ours = compiledT(counting(theirs).t);
    const valueSets = [
      (name: string, i: number) => (i % 2 ? `v-${name}` : i * 7),
      () => '',
      () => 0,
      (name: string) => `{{${name}}}`,
      () => '$t(internet)',
      () => '$& $1 $$ }} {{',
      (name: string) => `a "quoted" 'text' (${name}) ^&|<> % é ü`,
    ];
    const turn = eventLoopTurns();
    for (const [key, text] of keys) {
      await turn();
      const names = placeholders(text);
      // a value that spells another placeholder of the same text (i18next then replaces inside the value)
      const crossed = (name: string, i: number) => `{{${names[(i + 1) % names.length]}}}`;
      for (const make of [...valueSets, crossed]) {
        const options = Object.fromEntries(names.map((n, i) => [n, make(n, i)]));
        // three times: i18next answers the first call, the second compiles and checks the text, the third uses it
        expect(ours(key, options), key).toBe(theirs(key, options));
        expect(ours(key, options), key).toBe(theirs(key, options));
        expect(ours(key, options), key).toBe(theirs(key, options));
      }
      // a missing value, an extra one, and i18next's own options are i18next's to handle
      if (names.length) expect(ours(key, {}), key).toBe(theirs(key, {}));
      expect(ours(key, { ...Object.fromEntries(names.map((n) => [n, 'x'])), extra: 'y' }), key).toBe(theirs(key, { ...Object.fromEntries(names.map((n) => [n, 'x'])), extra: 'y' }));
      expect(ours(key, { ...Object.fromEntries(names.map((n) => [n, 'x'])), count: 2 }), key).toBe(theirs(key, { ...Object.fromEntries(names.map((n) => [n, 'x'])), count: 2 }));
      expect(ours(key), key).toBe(theirs(key));
    }
    expect(ours('no.such.key', { a: 'b' })).toBe(theirs('no.such.key', { a: 'b' }));
  });

  it('answers a plain text without asking i18next once the text is known', () => {
    const { t, calls } = counting(engineT('en'));
    const ours = compiledT(t);
    const first = ours('fix.step.addCorp', { cidr: '10.1.0.0/16', gateway: '10.9.0.1', index: 23 });
    // the first use is i18next's (one call), the second compiles and checks the text
    expect(calls()).toBe(1);
    ours('fix.step.addCorp', { cidr: '10.3.0.0/16', gateway: '10.9.0.1', index: 23 });
    const before = calls();
    const later = ours('fix.step.addCorp', { cidr: '10.2.0.0/16', gateway: '10.9.0.1', index: 23 });
    expect(calls()).toBe(before);
    expect(later).toBe(engineT('en')('fix.step.addCorp', { cidr: '10.2.0.0/16', gateway: '10.9.0.1', index: 23 }));
    expect(first).toContain('10.1.0.0/16');
  });

  it('leaves a text to i18next for good when its compiled form would differ', () => {
    // a t that does not interpolate as i18next does (here: upper-cases values)
    const odd = ((key: string, options?: Record<string, unknown>) =>
      options && 'skipInterpolation' in options ? 'Hello {{name}}' : `Hello ${String(options?.name ?? '').toUpperCase()}`) as unknown as TFunction;
    const ours = compiledT(odd);
    expect(ours('greet', { name: 'ann' })).toBe('Hello ANN');
    expect(ours('greet', { name: 'bob' })).toBe('Hello BOB');
    expect(ours('greet', { name: 'cy' })).toBe('Hello CY');
  });
});
