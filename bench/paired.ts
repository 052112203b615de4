import { performance } from 'node:perf_hooks';

/** How the bench times a pair of things (scan.bench.ts, and the rows it runs in processes of their own). */

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const ms = async (fn: () => unknown) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
/**
 * Median of subject/baseline over `n` pairs, and the medians of each side. The order inside a
 * pair alternates (baseline first, then subject first): with baseline-then-subject every time,
 * the collections owed to one side's garbage fell into the other's time the same way in every
 * pair (the 64-network row read 1.31x by its median of ratios while its sides' medians were 30 vs
 * 27 ms). A full collection before each call (gc()) was tried and not kept: it left V8 a heap
 * limit so small that incremental marking ran inside nearly every measured scan (13-16 ms of its
 * 41-46), a state no real run is in.
 */
export async function paired(n: number, baseline: () => unknown, subject: () => unknown) {
  const ratios: number[] = [];
  const bs: number[] = [];
  const ss: number[] = [];
  for (let i = 0; i < n; i++) {
    let b: number;
    let s: number;
    if (i % 2 === 0) {
      b = await ms(baseline);
      s = await ms(subject);
    } else {
      s = await ms(subject);
      b = await ms(baseline);
    }
    ratios.push(s / b);
    bs.push(b);
    ss.push(s);
  }
  return { ratio: median(ratios), baseMs: median(bs), subjectMs: median(ss) };
}
