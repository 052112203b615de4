import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest's globalSetup: every temporary folder the suite makes (capture folders, data folders, Wine prefixes, Chromium
 * profiles, the benchmark-sized logs) goes under one folder of this run, removed at its end. Tests make theirs with
 * `mkdtemp(tmpdir())` and most never removed them: thousands of folders, gigabytes, piled up in /tmp run after run. The
 * forks inherit TMPDIR (os.tmpdir() reads it). TM_KEEP_TEST_TMP=1 keeps the folder to look into after a failure.
 */
export default function setup(): () => void {
  // (each vitest project runs the global setups it has — vitest.config.ts has two, both with this one: the first makes the folder)
  if (process.env.TM_TEST_TMP) return () => undefined;
  const root = mkdtempSync(join(tmpdir(), 'tunnelmedic-tests-'));
  // as /tmp itself is (sticky, everyone may write): capture-safety.test.ts runs the reader as `nobody`, which must reach its
  // capture folder and make its data folder here — mkdtemp's 0700 stopped it at this folder
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  process.env.TM_TEST_TMP = root;
  return () => {
    delete process.env.TM_TEST_TMP;
    if (process.env.TM_KEEP_TEST_TMP === '1') return void console.log(`[tests] temporary files kept in ${root}`);
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
