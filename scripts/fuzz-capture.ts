/**
 * The capture fuzzer, long run (issue 12): `npx tsx scripts/fuzz-capture.ts [--seconds 600] [--seed N]`.
 * Random and mutated corpus files through reader → parsers → diagnosis → redacted report; prints
 * the figures (inputs, failures, peak memory) and keeps failing inputs in ./fuzz-failures/ to
 * replay with `tunnelmedic scan --capture`. The test suite runs a short seeded slice of the same
 * engine (test/capture-fuzz.test.ts). Exit 1 when any input failed.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzCaptures } from '../test/support/capture-fuzz';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '600' }, seed: { type: 'string' } } });
const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const keepDir = join(process.cwd(), 'fuzz-failures');
console.log(`capture fuzz: seed ${seed}, ${values.seconds} s`);
const figures = await fuzzCaptures({
  seed,
  seconds: Number(values.seconds),
  keepDir,
  onProgress: (f) => console.log(`  ${f.seconds.toFixed(0)} s: ${f.inputs} inputs, ${f.failures.length} failures, peak RSS ${f.peakRssMb.toFixed(0)} MB`),
});
console.log(JSON.stringify({ ...figures, failures: figures.failures.slice(0, 20) }, null, 2));
process.exitCode = figures.failures.length ? 1 : 0;
