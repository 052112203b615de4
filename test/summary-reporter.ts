import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

/** Ends the run with the plain "N passed, N failed, N skipped" line that CI tooling reads. */
export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = [], errors: unknown[] = []): void {
    const count = { passed: 0, failed: errors.length, skipped: 0 };
    const walk = (t: Task): void => {
      if (t.type === 'test') {
        if (t.result?.state === 'pass') count.passed++;
        else if (t.result?.state === 'fail') count.failed++;
        else count.skipped++;
      }
      t.tasks?.forEach(walk);
      // a file that failed to load has no tests but must still count as a failure
      if (t.type === 'suite' && !t.tasks?.length && t.result?.state === 'fail') count.failed++;
    };
    files.forEach(walk);
    // after the default reporter's summary, which it prints in its own onFinished
    setImmediate(() => process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`));
  }
}
