import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

/**
 * The event-loop watch (test/support/event-loop-watch.ts) in a vitest run of its own, its limit at 2 s: a test that computes
 * 2.4 s without a turn fails, named (whether it ends so or waits after it); one that computes as long awaiting eventLoopTurns() passes.
 */
describe('the event-loop watch', () => {
  it('fails the test that computes past its limit without a turn, by name, and passes the one with turns', { timeout: 120_000 }, async () => {
    const run = await execa('npx', ['vitest', 'run', '--config', 'test/fixtures/event-loop-watch/vitest.config.ts', '--reporter', 'verbose'], {
      reject: false,
      all: true,
      env: { TM_EVENT_LOOP_LIMIT_MS: '2000', CI: 'true', NO_COLOR: '1' },
    });
    expect(run.exitCode).toBe(1);
    // ended without a turn: the test itself fails (afterEach)
    expect(run.all).toMatch(/× [^\n]*computes without a turn \d+ms\n\s+→ ran \d s without a turn of the event loop/);
    // a turn after the stretch: the watch's timer names the test in an unhandled error (as vitest's own timeout would, without the name)
    expect(run.all).toMatch(/Error: [^\n]*loop\.check\.ts › computes without a turn, then waits: ran \d s without a turn of the event loop/);
    expect(run.all).toMatch(/✓ [^\n]*computes as long with turns/);
    // before a file's first test: the file, while collected
    expect(run.all).toMatch(/collect\.check\.ts \(collecting it, or in its beforeAll\): ran \d s without a turn of the event loop/);
    // from half the limit, a warning
    expect(run.all).toMatch(/\[event-loop watch\] [^\n]*computes past half the limit, then waits: ran \d s/);
    expect(run.all).toMatch(/✓ [^\n]*computes past half the limit, then waits/);
  });
});
