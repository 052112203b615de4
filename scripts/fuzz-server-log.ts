/**
 * The server-log fuzzer, long run (issue 14 "Bad input"): `npx tsx scripts/fuzz-server-log.ts [--seconds 600] [--seed N] [--keep DIR]`.
 * Real logs mutated and carried the ways logs travel, read as `explain-log --redact` reads them (test/support/server-log-fuzz.ts);
 * prints the figures and, with --keep, writes the failing and the slowest inputs to DIR to replay with `tunnelmedic explain-log`.
 * The test suite runs a short seeded slice (test/server-log-fuzz.test.ts). Exit 1 when any input failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzServerLogs } from '../test/support/server-log-fuzz';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' }, keep: { type: 'string' }, 'slow-ms': { type: 'string', default: '1000' } } });
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const slowMs = Number(values['slow-ms']);
if (values.keep) mkdirSync(values.keep, { recursive: true });
console.log(`server-log fuzz: seed ${seed}, ${values.seconds} s`);
const figures = await fuzzServerLogs({
  seed,
  seconds: Number(values.seconds),
  onInput: (n, bytes, ms, failed) => {
    if (failed || ms >= slowMs) console.log(`  input ${n}: ${ms} ms, ${bytes.length} bytes${failed ? ', FAILED' : ''}`);
    if (values.keep && (failed || ms >= slowMs)) writeFileSync(join(values.keep, `seed-${seed}-input-${n}.log`), bytes);
  },
  onProgress: (f) => console.log(`  ${f.seconds.toFixed(0)} s: ${f.inputs} inputs, ${f.failures.length} failures, peak RSS ${f.peakRssMb.toFixed(0)} MB, slowest ${f.slowestMs} ms`),
});
console.log(JSON.stringify({ ...figures, failures: figures.failures.slice(0, 20) }, null, 2));
process.exitCode = figures.failures.length ? 1 : 0;
