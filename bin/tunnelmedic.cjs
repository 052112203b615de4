#!/usr/bin/env node
// Runs the bundled CLI when it was built (npm run build), else the TypeScript sources via tsx,
// so `npx tunnelmedic` works on a fresh clone right after `npm ci`. CommonJS, as the built CLI's
// launcher (scripts/cli-launcher.cjs): Node starts a CommonJS entry faster than an ES module.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'cli', 'tunnelmedic.cjs');
if (existsSync(built) && !process.env.TUNNELMEDIC_FROM_SOURCE) {
  require(built);
} else {
  const { pathToFileURL } = require('node:url');
  import('tsx/esm/api').then(({ register }) => {
    register();
    return import(pathToFileURL(join(root, 'app', 'cli', 'bin.ts')).href);
  });
}
