import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Capture } from '../../app/core/capture/capture';

/**
 * Files of this repository (samples/, test/fixtures/) for tests that sit beside the pure core.
 * app/core may not touch the disk (test/layering.test.ts checks its tests too), so its table tests
 * read their inputs through here, as they read the shared corpus through test/corpus.ts.
 */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The names in a repository folder, sorted (readdir's order differs between file systems). */
export function repoFiles(folder: string): string[] {
  return readdirSync(join(repoRoot, folder)).sort();
}

export function readRepoText(path: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(join(repoRoot, path), encoding);
}

/**
 * A capture folder of samples/ in memory, as the capture reader would give it for UTF-8 files.
 * `names` picks files (capture-relative, may name registry/…); default: the folder's .txt and .csv.
 */
export function sampleCapture(sample: string, names?: string[]): Capture {
  const folder = join('samples', sample);
  const chosen = names ?? repoFiles(folder).filter((n) => n.endsWith('.txt') || n.endsWith('.csv'));
  const files = new Map(chosen.map((name) => [name, { name, text: readRepoText(join(folder, name)), encoding: 'utf-8' }]));
  return { origin: 'capture', label: sample, meta: { schemaVersion: 1 }, files, readProblems: [] };
}
