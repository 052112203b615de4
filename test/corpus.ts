import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared corpus of real Windows outputs lives beside the repository (../shared/corpus) and is
 * read in place, never copied. In CI (CI=true) a missing corpus is a failure; elsewhere the corpus
 * tests are skipped with a message saying why.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const corpusRoot = process.env.TM_CORPUS ?? resolve(repoRoot, '..', 'shared', 'corpus');
export const corpusAvailable = existsSync(corpusRoot);

if (!corpusAvailable) {
  if (process.env.CI === 'true') {
    throw new Error(`The shared corpus is missing at ${corpusRoot}; CI must have it.`);
  }
  console.warn(`[corpus] ${corpusRoot} not found: corpus tests are skipped on this machine.`);
}

export function corpusFiles(folder: string): string[] {
  if (!corpusAvailable) return [];
  return readdirSync(join(corpusRoot, folder)).sort();
}

/** Corpus files are UTF-8 text (some CRLF); returned as a string exactly as stored. */
export function readCorpus(folder: string, file: string): string {
  return readFileSync(join(corpusRoot, folder, file), 'utf8');
}

export function readCorpusBytes(folder: string, file: string): Buffer {
  return readFileSync(join(corpusRoot, folder, file));
}

/** Every line of the corpus's server logs, folder by folder (one line when the corpus is absent): property tests draw from them. */
export function serverLogCorpusLines(): string[] {
  if (!corpusAvailable) return ['Jul 29 09:59:54 gw pppd[1]: Exit.'];
  return ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'].flatMap((f) => corpusFiles(join('server-logs', f)).flatMap((n) => readCorpus(join('server-logs', f), n).split('\n')));
}
