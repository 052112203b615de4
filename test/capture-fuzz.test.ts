import { describe, expect, it } from 'vitest';
import { fuzzCaptures } from './support/capture-fuzz';

/**
 * Issue 12 "Done when": a seeded slice of the capture fuzzer (random and mutated corpus files
 * through reader → parsers → diagnosis → redacted report; see test/support/capture-fuzz.ts).
 * The long run is `npx tsx scripts/fuzz-capture.ts --seconds 600` (figures in README "Security").
 * Budget: TM_FUZZ_SECONDS (default 60 s, the CI slice) of inputs; the seed is fixed so CI runs the same inputs
 * in the same order (how many fit in the time varies with the machine).
 */
const SECONDS = Number(process.env.TM_FUZZ_SECONDS ?? 60);
const SEED = Number(process.env.TM_FUZZ_SEED ?? 20261202);

describe('capture fuzzer (seeded CI slice)', () => {
  it(`${SECONDS} s of random and mutated captures: no crash, reports valid, memory bounded`, async () => {
    const f = await fuzzCaptures({ seed: SEED, seconds: SECONDS });
    console.log(`capture fuzz: seed ${f.seed}, ${f.inputs} inputs (${f.filesRead} files, ${f.diskInputs} through the reader) in ${f.seconds.toFixed(0)} s; peak RSS ${f.peakRssMb.toFixed(0)} MB; heap after GC ${f.heapStartMb.toFixed(0)} → ${f.heapEndMb.toFixed(0)} MB; slowest input ${f.slowestMs} ms`);
    expect(f.failures).toEqual([]);
    expect(f.inputs).toBeGreaterThan(20);
    // bounded memory: nothing retained across inputs, and no input that blows up
    expect(f.heapEndMb - f.heapStartMb).toBeLessThan(64);
    expect(f.peakRssMb).toBeLessThan(1536);
  }, (SECONDS + 60) * 1000);
});
