// Bundles Electron main (CommonJS, .cjs because package.json is "type": "module") and the preload.
// The preload must be a single CommonJS file: sandboxed preloads cannot load modules or ESM.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

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

await build({ ...common, entryPoints: ['app/main/main.ts'], outfile: 'dist/main/main.cjs' });
await build({ ...common, entryPoints: ['app/main/preload/preload.ts'], outfile: 'dist/main/preload.cjs', sourcemap: 'inline' });
