import { describe, expect, it } from 'vitest';
import { foldRepeats } from './repeated-lines';

const line = (n: number, decoded: string, outcome = 'warning') => ({ line: n, endLine: n, decoded, outcome });

describe('foldRepeats', () => {
  it('folds a run of lines that say the same into its first, counting them and keeping the last line number', () => {
    const runs = foldRepeats([line(1, 'started'), line(2, 'GRE blocked'), line(3, 'GRE blocked'), line(5, 'GRE blocked'), line(6, 'stopped', 'info')]);
    expect(runs.map((r) => [r.first.line, r.count, r.lastLine])).toEqual([
      [1, 1, 1],
      [2, 3, 5],
      [6, 1, 6],
    ]);
  });

  it('keeps the order of events: the same meaning after another line is a run of its own', () => {
    const runs = foldRepeats([line(1, 'GRE blocked'), line(2, 'LCP timeout'), line(3, 'GRE blocked')]);
    expect(runs.map((r) => r.count)).toEqual([1, 1, 1]);
  });

  it('the same words with another outcome, or another address in them, are other lines', () => {
    const runs = foldRepeats([line(1, 'from 10.0.0.1'), line(2, 'from 10.0.0.2'), line(3, 'from 10.0.0.2', 'error')]);
    expect(runs).toHaveLength(3);
  });

  it('a record over several lines ends its run at its own last line', () => {
    const runs = foldRepeats([line(1, 'x'), { line: 2, endLine: 4, decoded: 'x', outcome: 'warning' }]);
    expect(runs[0]).toMatchObject({ count: 2, lastLine: 4 });
    expect(foldRepeats([])).toEqual([]);
  });
});
