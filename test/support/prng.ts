/**
 * mulberry32: a small seeded PRNG (uniform in [0, 1)), so a failing random test — a kill pattern, a
 * fuzzed capture — can be replayed from its seed.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `xs`, chosen by `r` (one draw): the random tests' pick. */
export const picker =
  (r: () => number) =>
  <T,>(xs: readonly T[]): T =>
    xs[Math.floor(r() * xs.length)]!;
