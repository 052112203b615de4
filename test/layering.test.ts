import { readdirSync, readFileSync, statSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * DESIGN.md's dependency direction: core ← system ← (cli, main); renderer sees only app/shared.
 * A file that imports across a layer fails here, with its name and the import.
 */
const root = join(import.meta.dirname, '..');

function sources(dir: string, withTests = false): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path, withTests);
    return /\.(ts|tsx)$/.test(name) && (withTests || !/\.test\.tsx?$/.test(name)) ? [path] : [];
  });
}

/** The repository file a relative import names (as TypeScript resolves it), or null for packages. */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

/** Every import cycle among `files`, each as the list of files around it (Tarjan's strongly connected components). */
export function importCycles(files: string[]): string[][] {
  const edges = new Map(files.map((f) => [f, imports(f).map((i) => resolveImport(f, i)).filter((t): t is string => t !== null)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        if (!edges.has(w)) continue;
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

// node:crypto too: core is also bundled into the renderer (the report's zod schemas), where it does not exist
const FORBIDDEN_IN_CORE = /^(electron|execa|node:child_process|child_process|node:fs|fs|node:fs\/promises|fs\/promises|node:net|net|node:os|os|node:crypto|crypto)$/;

describe('layering', () => {
  // its tests too: a core test that needs the disk reads through test/corpus.ts or test/support/repo-files.ts
  it('app/core is pure: no electron, execa, child_process, fs, net or os (its tests included)', () => {
    const offenders = sources('app/core', true).flatMap((f) => imports(f).filter((i) => FORBIDDEN_IN_CORE.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('app/core imports nothing from system, cli, main or renderer (its tests included)', () => {
    const offenders = sources('app/core', true).flatMap((f) => imports(f).filter((i) => /\/(system|cli|main)\/|renderer\//.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('app/system does not import cli or main', () => {
    const offenders = sources('app/system').flatMap((f) => imports(f).filter((i) => /\.\.\/(cli|main)\//.test(i)).map((i) => `${f} imports ${i}`));
    expect(offenders).toEqual([]);
  });

  it('the renderer imports nothing outside renderer/ and app/shared (core types come through app/shared/model-types)', () => {
    const offenders = sources('renderer', true).flatMap((f) =>
      imports(f)
        .filter((i) => {
          if (/^(electron|execa|node:|fs$|child_process)/.test(i)) return true;
          const target = resolveImport(f, i);
          return target !== null && !target.startsWith('renderer/') && !target.startsWith('app/shared/');
        })
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has no import cycles in app/ or renderer/', () => {
    expect(importCycles([...sources('app', true), ...sources('renderer', true)])).toEqual([]);
  });

  it('the cycle finder finds a cycle (so the test above can fail)', () => {
    expect(importCycles(['test/fixtures/cycle/a.ts', 'test/fixtures/cycle/b.ts', 'test/fixtures/cycle/c.ts'])).toEqual([['test/fixtures/cycle/a.ts', 'test/fixtures/cycle/b.ts']]);
  });

  it('only app/system/run.ts spawns processes', () => {
    const spawners = [...sources('app'), ...sources('renderer')].filter((f) => imports(f).some((i) => /^(execa|node:child_process|child_process)$/.test(i)));
    expect(spawners).toEqual(['app/system/run.ts']);
  });
});
