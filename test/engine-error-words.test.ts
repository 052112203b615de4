import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import engineEn from '../app/core/i18n/en.json';
import uiEn from '../renderer/src/locales/en.json';
import uiNl from '../renderer/src/locales/nl.json';
import { WORDED_BY_MAIN } from '../app/shared/ipc';

/**
 * Every error code the engine throws (app/system, app/main) reaches the person in their language:
 * the renderer words it by code (engineError.<CODE>, en and nl), the CLI by its catalogue key
 * (engineError.* in app/core/i18n, checked here to exist). A new code without words fails here.
 */
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const sources = ['app/system', 'app/main'].flatMap(files).map((f) => readFileSync(f, 'utf8'));

describe('engine errors have words', () => {
  const codes = [...new Set(sources.flatMap((s) => [...s.matchAll(/(?:new EngineError|engineError)\(\s*'([A-Z_]+)'/g)].map((m) => m[1]!)))].sort();
  const keys = [...new Set(sources.flatMap((s) => [...s.matchAll(/engineError\(\s*'[A-Z_]+',\s*'(engineError\.\w+)'/g)].map((m) => m[1]!)))].sort();

  it('the scan of the sources finds the codes (the check itself works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['ALREADY_UNDONE', 'ELEVATION_CANCELLED', 'PRECONDITION_FAILED', 'RUN_TAMPERED']));
    expect(keys).toEqual(expect.arrayContaining(['engineError.alreadyUndone', 'engineError.runsFolderUnsafe']));
  });

  it('every code has renderer words in en and nl', () => {
    const worded = (c: string) => (WORDED_BY_MAIN as readonly string[]).includes(c);
    expect(codes.filter((c) => !(c in uiEn.engineError) && !worded(c))).toEqual([]);
    expect(codes.filter((c) => !(c in uiNl.engineError) && !worded(c))).toEqual([]);
  });

  it("a code main words itself has no renderer words (they would hide main's reason) and is thrown in the person's language", () => {
    for (const c of WORDED_BY_MAIN) {
      expect(c in uiEn.engineError || c in uiNl.engineError, c).toBe(false);
      expect(codes, c).toContain(c);
    }
  });

  it('every catalogue key an engine error names exists (en; i18n-complete checks nl)', () => {
    expect(keys.filter((k) => !(k.split('.')[1]! in engineEn.engineError))).toEqual([]);
  });
});
