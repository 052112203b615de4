import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');

/**
 * The bundled CLI's English texts (scripts/build-cli.mjs parsedBySection): each top-level section of
 * en.json is parsed on first read. The object must be what the file describes to everything that
 * reads it: the same keys in the same order, the same values, `in`, JSON.stringify, and a write.
 */
describe('en.json in the bundled CLI, parsed by section', () => {
  let loads = 0;
  /** a new module each time (a data: URL is imported once per text) */
  const load = async () => {
    const { parsedBySection } = (await import(join(ROOT, 'scripts', 'build-cli.mjs'))) as { parsedBySection: (catalog: unknown) => string };
    const catalog = JSON.parse(readFileSync(join(ROOT, 'app', 'core', 'i18n', 'en.json'), 'utf8')) as Record<string, unknown>;
    const module = (await import(`data:text/javascript,${encodeURIComponent(`${parsedBySection(catalog)}\n// load ${++loads}`)}`)) as { default: Record<string, unknown> };
    return { catalog, texts: module.default };
  };

  it('is the file: keys in order, each section equal, whole and read one by one', async () => {
    const { catalog, texts } = await load();
    expect(Object.keys(texts)).toEqual(Object.keys(catalog));
    expect(JSON.stringify(texts)).toBe(JSON.stringify(catalog));
    const { texts: fresh } = await load();
    for (const key of Object.keys(catalog).reverse()) {
      expect(key in fresh).toBe(true);
      expect(fresh[key]).toEqual(catalog[key]);
      // read once: the same object every time after
      expect(fresh[key]).toBe(fresh[key]);
    }
    expect(Object.keys(fresh)).toEqual(Object.keys(catalog));
  });

  it('a section written before it was read holds what was written', async () => {
    const { catalog, texts } = await load();
    const [first, second] = Object.keys(catalog) as [string, string];
    texts[first] = { replaced: true };
    expect(texts[first]).toEqual({ replaced: true });
    expect(texts[second]).toEqual(catalog[second]);
    expect(Object.keys(texts)).toEqual(Object.keys(catalog));
  });
});
