// Bundles the CLI, its npm packages included, into dist/cli/tunnelmedic.mjs plus chunks that load
// when a command needs them (code splitting: `scan` never loads execa, the apply engine or the zip
// writer). One bundled file per need starts in a fraction of the time Node takes to resolve and
// compile the packages' hundreds of modules (zod alone has ~100).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod re-exports its error messages in ~60 languages as `z.locales`; nothing here uses them
 * (English is imported by zod's schemas directly), and compiling them cost every start ~0.5 MB of
 * source. The CLI gets an empty `locales` namespace instead.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'tm-empty' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'tm-empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** The CLI's esbuild options (also used by bench/bundle.ts, so the bench measures this build). */
export function cliBuildOptions(outdir = 'dist/cli') {
  return {
    absWorkingDir: root,
    entryPoints: { tunnelmedic: 'app/cli/bin.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    plugins: [noZodLocales],
    // less source for V8 to scan at every start; names stay readable in stack traces
    minifyWhitespace: true,
    minifySyntax: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // iconv-lite stays a package: bundled, its code-page tables (1 MB) would be compiled at every
    // start; installed, Node reads them only when a capture is not UTF-8/UTF-16
    external: ['iconv-lite'],
    // bundled CommonJS packages (safer-buffer, i18next's helpers) may require Node built-ins
    banner: { js: "import { createRequire as __tmCreateRequire } from 'node:module'; const require = __tmCreateRequire(import.meta.url);" },
    logLevel: 'info',
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await build(cliBuildOptions());
