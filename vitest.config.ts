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

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ['./test/temp-dir-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: forks, minForks: 1 } },
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
