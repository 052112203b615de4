import { afterEach, beforeEach, expect } from 'vitest';

/**
 * A setup file (vitest.config.ts): names the test — or the file, while it is collected or in a hook — that ran too long without a
 * turn of its worker's event loop. Past 60 s vitest's own RPC times out with an error that names nothing (event-loop-turn.ts says
 * why): this fails the test there, named, and warns from half of that, so a stretch that grows is seen before it fails a run. (A
 * 55 s limit failed a CI run on a 56 s stretch before a file's first test, unnamed then; named in the next run: problem-language.test.ts's
 * 600 captures, computed while the file was collected — 62 s, past vitest's own limit — now in an awaited beforeAll that turns the loop.)
 * A timer's lateness is the stretch without a turn: it runs only when the loop does.
 */
// (TM_EVENT_LOOP_LIMIT_MS: for test/event-loop-watch.test.ts, which needs the watch to fire in a second, not in 60)
const LIMIT_MS = Number(process.env.TM_EVENT_LOOP_LIMIT_MS) || 60_000;
const WARN_MS = LIMIT_MS / 2;
const TICK_MS = Math.min(1000, LIMIT_MS / 4);

interface Watch {
  test: string;
  last: number;
  /** the clock as it was when the watch started (a test's fake timers would not move it) */
  now: () => number;
}
const KEY = Symbol.for('tunnelmedic.eventLoopWatch');
const shared = globalThis as { [KEY]?: Watch };
// (the pure project's worker threads keep their modules from file to file, but setup files run again for each: one timer a worker)
const watch: Watch = shared[KEY] ?? (shared[KEY] = start());
// (this file runs before each test file is collected: a stretch until its first test is that file's collection or beforeAll)
watch.test = `${expect.getState().testPath ?? 'a test file'} (collecting it, or in its beforeAll)`;
watch.last = watch.now();

function start(): Watch {
  const clock = performance.now.bind(performance);
  const w: Watch = { test: '', last: clock(), now: clock };
  setInterval(() => {
    const now = w.now();
    const stretch = now - w.last;
    w.last = now;
    const said = `${w.test}: ran ${Math.round(stretch / 1000)} s without a turn of the event loop; vitest's worker RPC times out at 60 s — await eventLoopTurns() (test/support/event-loop-turn.ts) between its pieces of work`;
    if (stretch > LIMIT_MS) throw new Error(said);
    if (stretch > WARN_MS) console.warn(`[event-loop watch] ${said}`);
  }, TICK_MS).unref();
  return w;
}

beforeEach(() => {
  const s = expect.getState();
  watch.test = `${s.testPath ?? ''} › ${s.currentTestName ?? ''}`;
  watch.last = watch.now();
});
afterEach(() => {
  const stretch = watch.now() - watch.last;
  if (stretch > LIMIT_MS) throw new Error(`ran ${Math.round(stretch / 1000)} s without a turn of the event loop; vitest's worker RPC times out at 60 s — await eventLoopTurns() (test/support/event-loop-turn.ts) between its pieces of work`);
  watch.test = `${watch.test} (then a hook after it)`;
  watch.last = watch.now();
});
