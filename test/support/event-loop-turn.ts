/**
 * Turns of the test worker's event loop inside a long computation.
 *
 * vitest 3.2's worker calls its main process over birpc with a fixed 60 s timeout (DEFAULT_TIMEOUT in
 * node_modules/vitest/dist/chunks/index.*.js; no option sets it). A test that computes for over a minute without a turn —
 * which a 30 s test does on two cores shared with the rest of the suite — lets that timer fire before the main process's
 * answer, long arrived, is read: `[vitest-worker]: Timeout calling "onTaskUpdate"`, an unhandled error that fails the run
 * with every test passed (focused runs in rounds 36 and 37, CI on 7b36f5c). test/support/event-loop-watch.ts found which
 * tests ran that long without a turn: the server-log identity test (78 s under load), the rule cache's every-line test
 * (46 s), the paste copies (40 s), the route-print fast-row properties (25 s).
 */

/** A function to await between pieces of work: it lets the loop turn (setImmediate) once `everyMs` have passed since the last turn, and costs nothing otherwise. */
export function eventLoopTurns(everyMs = 1000): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last < everyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        last = performance.now();
        resolve();
      }),
    );
  };
}
