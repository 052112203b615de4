import { mkdir, rm, stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { RENDERER_DIR, ROOT } from './harness';

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(p) : (await stat(p)).mtimeMs);
  }
  return newest;
}

async function isFresh(): Promise<boolean> {
  try {
    const built = (await stat(path.join(RENDERER_DIR, 'index.html'))).mtimeMs;
    const sources = Math.max(await newestMtime(path.join(ROOT, 'renderer')), await newestMtime(path.join(ROOT, 'app', 'shared')));
    return built > sources;
  } catch {
    return false;
  }
}

/**
 * Builds dist/renderer once when it is missing or older than its sources. Vitest runs spec files in
 * parallel processes, so a lock directory makes the others wait instead of building over each other.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = path.join(ROOT, 'dist', '.renderer-build.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    if (await isFresh()) return;
    try {
      await mkdir(lock);
    } catch {
      if (waited > 120_000) throw new Error(`renderer build lock ${lock} held for 2 minutes; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!(await isFresh())) await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
      return;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
