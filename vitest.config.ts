import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files run in at least two processes. vitest's default for `vitest run` is one fewer than the
 * CPUs, which on a 2-core machine (this one, CI's) is one: the whole suite ran file after file in a
 * single process (`tests` ≈ 708 s of a 900 s run), mostly waiting — on Wine's cmd.exe, Chromium,
 * the kill test's child processes and the CLI runs. Files share nothing a second process could
 * disturb: each Wine test file has its own WINEPREFIX (test/wine/harness.ts), each e2e spec its own
 * Chromium and temporary folders, network tests their own servers on 127.0.0.1 port 0.
 */
const forks = Math.max(2, availableParallelism() - 1);

/**
 * The pure core's tests (app/core, app/shared: no processes, no Electron, DESIGN.md) run in worker threads that keep the
 * modules they loaded from one test file to the next. Isolated, each of these ~170 files loaded the engine again — the
 * parser's families, the locales, zod — and loading was most of their time: app/core/parse and app/core/diagnose took
 * 337 s of wall time and 211 s of CPU isolated, 158 s and 74 s not (this machine, 2 cores). vitest isolates per pool,
 * not per project: hence threads for these, forks for the rest. What these tests change they put back (rule-cache's
 * setTemplateCache, in finally blocks); a test of the process's time zone lives in test/ (TZ is per process, a thread's
 * change is no change). Everything else — CLI runs, Wine, Chromium, the kill test, files and environment — keeps a fresh
 * process per file.
 */
const PURE = ['app/core/**/*.test.ts', 'app/shared/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/temp-dir-setup.ts'],
    // names (and fails) a test that computes so long without a turn of its event loop that vitest's worker RPC would time out
    setupFiles: ['./test/support/event-loop-watch.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: forks, minForks: 1 }, threads: { maxThreads: forks, minThreads: 1, isolate: false } },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, pool: 'threads' } },
      { extends: true, test: { name: 'isolated', include: ['app/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'], exclude: [...PURE, '**/node_modules/**'] } },
    ],
  },
});
