import { describe, expect, it } from 'vitest';
import { fuzzServerLogs } from './support/server-log-fuzz';

/**
 * Issue 14 "Bad input … bounded time and memory" and "never throws, every line accounted for": a seeded slice of the server-log
 * fuzzer (real logs mutated and carried the ways logs travel, read as `explain-log --redact` reads a file, and every fourth
 * again as a stream of small chunks, as a gzip or tar member is; see test/support/server-log-fuzz.ts). The long run is
 * `npx tsx scripts/fuzz-server-log.ts --seconds 600` (README "Security"). Budget: TM_LOG_FUZZ_SECONDS (default 30 s); the seed
 * is fixed, so CI reads the same inputs in the same order (how many fit in the time varies with the machine). The slowest input
 * is printed, never asserted (speed budgets live in bench/).
 */
const SECONDS = Number(process.env.TM_LOG_FUZZ_SECONDS ?? 30);
const SEED = Number(process.env.TM_LOG_FUZZ_SEED ?? 20261207);

describe('server-log fuzzer (seeded CI slice)', () => {
  it(`${SECONDS} s of mutated real logs: no crash, counts add up, schemas hold, a stream reads as the file does, memory bounded`, async () => {
    const f = await fuzzServerLogs({ seed: SEED, seconds: SECONDS });
    console.log(`server-log fuzz: seed ${f.seed}, ${f.inputs} inputs (${(f.bytes / 2 ** 20).toFixed(0)} MiB) in ${f.seconds.toFixed(0)} s; peak RSS ${f.peakRssMb.toFixed(0)} MB; heap after GC ${f.heapStartMb.toFixed(0)} → ${f.heapEndMb.toFixed(0)} MB; slowest input ${f.slowestMs} ms (#${f.slowestInput}, ${f.slowestBytes} bytes)`);
    expect(f.failures).toEqual([]);
    expect(f.inputs).toBeGreaterThan(20);
    expect(f.heapEndMb - f.heapStartMb).toBeLessThan(64);
    expect(f.peakRssMb).toBeLessThan(1536);
  }, (SECONDS + 120) * 1000);
});
