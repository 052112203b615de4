import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverLogBenchmark } from './server-log.bench';

/**
 * Only issue 14's explain-log row of `npm run bench`, for iterating on the server-log parser:
 * `node --import tsx bench/server-log-only.ts [pairs]`. Same engine entry, bundled the same way,
 * same paired measurement (bench/server-log.bench.ts).
 */
const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const engineFile = join(root, 'dist', 'bench', 'engine-server-log.mjs');
await build({ absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error', entryPoints: ['bench/engine-entry.ts'], outfile: engineFile });
const engine = (await import(engineFile)) as typeof import('./engine-entry');
const work = mkdtempSync(join(tmpdir(), 'tm-bench-sl-'));
try {
  const r = await serverLogBenchmark(engine, work, Number(process.argv[2] ?? 7));
  console.log(`${r.ratio.toFixed(2)}× (${r.explainMs.toFixed(0)} ms vs ${r.readMs.toFixed(0)} ms; ${r.understood}/${r.records} understood, ${r.findings} findings)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
