import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateCapture } from '../bench/generate-capture';

const ROOT = resolve(__dirname, '..');

/**
 * `tunnelmedic scan --capture DIR --json | head -c 100`: the reader closes the pipe after a few
 * bytes. The CLI must neither die with Node's "Unhandled 'error' event" (EPIPE) nor change its exit
 * code: the capture (the bench's demo-shaped machine) has findings, so 1 (README "Exit codes"). Its
 * 20 000 routes make ~6 MB of JSON, far more than a pipe holds, so writes go on after the close.
 */
it('a reader that closes stdout early: no crash, the exit code stands', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-epipe-cap-'));
  generateCapture(dir, 20_000, join(ROOT, 'samples', 'demo'));
  const child = spawn(process.execPath, [join(ROOT, 'bin/tunnelmedic.cjs'), 'scan', '--capture', dir, '--json'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TUNNELMEDIC_FROM_SOURCE: '1', TUNNELMEDIC_DATA_DIR: mkdtempSync(join(tmpdir(), 'tm-epipe-')), TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.json') },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // read the first chunk, then close our end as `head -c` does
  await new Promise<void>((done) => child.stdout.once('data', () => done()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  expect(stderr).not.toMatch(/EPIPE|Unhandled|Error/);
  expect(code).toBe(1);
}, 60_000);
