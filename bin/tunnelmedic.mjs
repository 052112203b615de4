#!/usr/bin/env node
// Runs the bundled CLI when it was built (npm run build), else the TypeScript sources via tsx,
// so `npx tunnelmedic` works on a fresh clone right after `npm ci`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'tunnelmedic.mjs');
if (existsSync(built) && !process.env.TUNNELMEDIC_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'app', 'cli', 'bin.ts')).href);
}
