import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../app/core/model/policy';
import * as z from '../app/core/model/zod';

/**
 * Issue 16.2: zod's generated fast parsers cost the CLI more to build than they save, so every
 * schema is built with `jitless` (app/core/model/zod.ts). zod reads the setting when a schema is
 * built, so a module importing `z` straight from 'zod' could build its schemas before it is set.
 */
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [join(dir, f)] : []));

describe('zod without generated parsers', () => {
  it('every schema module takes z from app/core/model/zod', () => {
    // any value import from 'zod' or 'zod/mini' (a namespace, `{ z }`, a builder); ZodError alone builds no schema
    const direct = files('app').filter((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^import (?!type )(.+) from 'zod(?:\/mini)?';$/gm)].some((m) => m[1] !== '{ ZodError }'),
    );
    expect(direct.map((f) => relative('.', f))).toEqual(['app/core/model/zod.ts']);
  });

  it('the schema modules take z as a namespace of named exports, built on zod/mini, so a bundle keeps only the members they call', () => {
    const named = files('app').filter((f) => /import \{[^}]*\bz\b[^}]*\} from '[./]*(?:model\/)?zod'/.test(readFileSync(f, 'utf8')));
    expect(named).toEqual([]);
    // classic zod's namespace (every method, JSON Schema conversion) would come back with any value import of 'zod'
    const facade = readFileSync('app/core/model/zod.ts', 'utf8');
    expect(facade).toMatch(/^import \* as mini from 'zod\/mini';$/m);
    expect(facade).not.toMatch(/^(?:import|export) (?!type ).* from 'zod';$/m);
  });

  it('is jitless, and still validates', () => {
    expect(z.config().jitless).toBe(true);
    expect(PolicySchema.safeParse({ corporateNetworks: 42 }).success).toBe(false);
  });
});
