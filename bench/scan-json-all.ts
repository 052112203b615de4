// Writes the scan JSON (generatedAt fixed) of every capture test/support/scan-json-cases.ts lists
// (samples, corpus and real-fixture route prints / ipconfig / LMHOSTS, the bench generator's capture)
// into OUTDIR, so two trees can be compared byte for byte: `npx tsx bench/scan-json-all.ts OUTDIR`
// in each, then `diff -r`. test/scan-json-identity.test.ts checks the same cases against digests.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanJsonCases } from '../test/support/scan-json-cases';

const out = process.argv[2] ?? 'scan-json';
mkdirSync(out, { recursive: true });
for await (const c of scanJsonCases(process.env.TM_CORPUS ?? '../shared/corpus')) writeFileSync(join(out, `${c.name}.json`), c.json);
console.log(`wrote ${readdirSync(out).length} files to ${out}`);
