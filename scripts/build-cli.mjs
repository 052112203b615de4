// Bundles the CLI into dist/cli/tunnelmedic.mjs plus chunks that load when a command needs them
// (code splitting: `scan` never parses the apply engine or the zip writer).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The CLI's esbuild options (also used by bench/bundle.ts, so the bench measures this build). */
export function cliBuildOptions(outdir = 'dist/cli') {
  return {
    absWorkingDir: root,
    entryPoints: { tunnelmedic: 'app/cli/bin.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'info',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build(cliBuildOptions());
