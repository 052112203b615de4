// Writes the scan JSON (generatedAt fixed) of every sample and of every corpus route print / ipconfig
// (each as a one-file capture, with and without corporate networks) into OUTDIR, so two trees can be
// compared byte for byte: `npx tsx bench/scan-json-all.ts OUTDIR` in each, then `diff -r`.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseCapture } from '../app/core/analyse';
import { readCaptureDir } from '../app/system/capture-reader';

const out = process.argv[2] ?? 'scan-json';
mkdirSync(out, { recursive: true });
const now = new Date('2026-01-01T00:00:00Z');
const write = async (name: string, dir: string, nets: string[]) => {
  const { report } = analyseCapture(await readCaptureDir(dir), { corporateNetworks: nets, toolVersion: 'x', now });
  writeFileSync(join(out, `${name}.json`), JSON.stringify(report, null, 2));
};
for (const s of readdirSync('samples')) await write(`sample-${s}`, join('samples', s), s === 'demo' ? ['10.13.1.0/24'] : []);
const corpus = process.env.TM_CORPUS ?? '../shared/corpus';
for (const [folder, file] of [['route-print', 'route-print.txt'], ['ipconfig', 'ipconfig-all.txt']] as const) {
  if (!existsSync(join(corpus, folder))) continue;
  for (const f of readdirSync(join(corpus, folder))) {
    const dir = mkdtempSync(join(tmpdir(), 'tm-corpus-'));
    copyFileSync(join(corpus, folder, f), join(dir, file));
    await write(`${folder}-${f}`, dir, []);
    await write(`${folder}-${f}-nets`, dir, ['10.13.1.0/24', '192.168.0.0/16', '172.16.5.0/24']);
  }
}
console.log(`wrote ${readdirSync(out).length} files to ${out}`);
