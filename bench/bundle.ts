import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * Bundles the bench's engine entry and the CLI into dist/bench/ (npm packages stay external and
 * resolve from node_modules, as for the shipped CLI), so the benchmarks measure bundled code.
 */
export async function bundleForBench(root: string): Promise<{ engine: string; cli: string }> {
  const outDir = join(root, 'dist', 'bench');
  const engine = join(outDir, 'engine.mjs');
  const cli = join(outDir, 'cli', 'tunnelmedic.cjs');
  const common = { absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' } as const;
  await build({ ...common, entryPoints: ['bench/engine-entry.ts'], outfile: engine });
  // the CLI exactly as scripts/build-cli.mjs builds it (its build is called, not copied): bundle,
  // launcher and code cache
  const { buildCli } = (await import(join(root, 'scripts', 'build-cli.mjs'))) as { buildCli: (outdir: string, o: { logLevel: string }) => Promise<unknown> };
  await buildCli(join(outDir, 'cli'), { logLevel: 'error' });
  return { engine, cli };
}
