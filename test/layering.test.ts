import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's dependency direction: core ← system ← (cli, main); renderer sees only app/shared.
 * A file that imports across a layer fails here, with its name and the import.
 */
const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const FORBIDDEN_IN_CORE = /^(electron|execa|node:child_process|child_process|node:fs|fs|node:fs\/promises|fs\/promises|node:net|net|node:os|os)$/;

describe('layering', () => {
  it('app/core is pure: no electron, execa, child_process, fs, net or os', () => {
    const offenders = sources('app/core').flatMap((f) => imports(f).filter((i) => FORBIDDEN_IN_CORE.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('app/core imports nothing from system, cli, main or renderer', () => {
    const offenders = sources('app/core').flatMap((f) => imports(f).filter((i) => /\/(system|cli|main)\/|renderer\//.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('app/system does not import cli or main', () => {
    const offenders = sources('app/system').flatMap((f) => imports(f).filter((i) => /\.\.\/(cli|main)\//.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the renderer knows only app/shared (and core types through it)', () => {
    const offenders = sources('renderer').flatMap((f) =>
      imports(f)
        .filter((i) => /app\/(system|cli|main)\b/.test(i) || /^(electron|execa|node:|fs$|child_process)/.test(i))
        .map((i) => `${relative(root, join(root, f))} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only app/system/run.ts spawns processes', () => {
    const spawners = [...sources('app'), ...sources('renderer')].filter((f) => imports(f).some((i) => /^(execa|node:child_process|child_process)$/.test(i)));
    expect(spawners).toEqual(['app/system/run.ts']);
  });
});
