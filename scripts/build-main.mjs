// Bundles Electron main (CommonJS, .cjs because package.json is "type": "module") and the preload.
// The preload must be a single CommonJS file: sandboxed preloads cannot load modules or ESM.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { refuseUndefinedImports } from './build-cli.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'info',
  absWorkingDir: root,
};

// The engine finds its bundled samples from import.meta.url (app/system/paths.ts); in a CommonJS
// bundle that is the bundle's own file URL.
// (an import of what a module does not export is only a warning to esbuild, and undefined at run time: the build fails instead)
refuseUndefinedImports(await build({
  ...common,
  entryPoints: ['app/main/main.ts'],
  outfile: 'dist/main/main.cjs',
  define: { 'import.meta.url': '__tm_import_meta_url' },
  banner: { js: 'const __tm_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
}));
refuseUndefinedImports(await build({ ...common, entryPoints: ['app/main/preload/preload.ts'], outfile: 'dist/main/preload.cjs', sourcemap: false, minify: true }));
