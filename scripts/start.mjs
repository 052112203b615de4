// `npm start`: builds the app and launches it in Electron. npm ci does not download the Electron
// binary here (install scripts are not run, or the download is blocked), so fetch it on first start.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const binaryPresent = () => {
  try {
    const rel = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    return existsSync(path.join(electronDir, 'dist', rel));
  } catch {
    return false;
  }
};

if (!binaryPresent()) {
  console.error('Fetching the Electron binary (first start)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const fetched = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], env, cwd: electronDir, encoding: 'utf8' });
  const reason = (fetched.stderr ?? '').split('\n').find((l) => /Error|ENOTFOUND|EAI_AGAIN|ECONN/.test(l));
  if (reason) console.error(`  ${reason.trim()}`);
}
if (!binaryPresent()) {
  console.error(
    '\nThe Electron binary could not be downloaded on this machine, so the desktop app cannot start here.\n' +
      'Try the engine instead: `npx tunnelmedic scan --demo`, or see the real UI in Chromium with `npm run preview`.',
  );
  process.exit(1);
}

const run = (args) => {
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { stdio: 'inherit', cwd: root, shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(['run', 'build:renderer']);
run(['run', 'build:main']);
const electron = createRequire(import.meta.url)('electron');
const r = spawnSync(electron, [path.join(root, 'dist', 'main', 'main.cjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 0);
