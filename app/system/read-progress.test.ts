import { describe, expect, it } from 'vitest';
import type { Progress } from '../shared/ipc';
import { readProgress } from './read-progress';

/** The throttle on its own, on a clock the test moves: how many messages, which ones, never back. */
describe('readProgress', () => {
  const run = (calls: [ms: number, read: number][], total = 1000) => {
    let clock = 0;
    const sent: Progress[] = [];
    const p = readProgress('syslog.1', (x) => sent.push(x), { intervalMs: 100, now: () => clock });
    for (const [ms, read] of calls) {
      clock = ms;
      p.onBytes(read, total);
    }
    p.finish();
    return sent.map((s) => [s.step, s.total]);
  };

  it('the first at once (also at 0 bytes), then one per interval, the last one held back sent by finish', () => {
    expect(run([[0, 0], [10, 100], [50, 200], [100, 300], [150, 400], [199, 500], [230, 600]])).toEqual([[0, 1000], [300, 1000], [600, 1000]]);
  });
  it('a burst of 800 reads within 1 s: eleven messages at most, monotone, ending at the last position', () => {
    const sent = run(Array.from({ length: 800 }, (_, i) => [Math.floor(i * 1.25), (i + 1) * 1000] as [number, number]), 800_000);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent.at(-1)).toEqual([800_000, 800_000]);
    for (let i = 1; i < sent.length; i++) expect(sent[i]![0]!).toBeGreaterThan(sent[i - 1]![0]!);
  });
  it('never back and never past the end; nothing sent twice', () => {
    expect(run([[0, 500], [200, 300], [400, 1200], [600, 1200]])).toEqual([[500, 1000], [1000, 1000]]);
  });
  it('the label is the file name, the phase read', () => {
    const sent: Progress[] = [];
    readProgress('logs.tar.gz', (x) => sent.push(x)).onBytes(0, 10);
    expect(sent).toEqual([{ phase: 'read', step: 0, total: 10, label: 'logs.tar.gz' }]);
  });
});
