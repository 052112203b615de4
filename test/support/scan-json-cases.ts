import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateCapture } from '../../bench/generate-capture';
import { analyseCapture } from '../../app/core/analyse';
import { readCaptureDir } from '../../app/system/capture-reader';

/**
 * Every capture whose scan JSON must stay byte-identical across performance work (issue 16):
 * the samples, each corpus and real-fixture route print / ipconfig / LMHOSTS as a one-file capture
 * (with and without corporate networks), and the bench generator's capture (none, one and 64
 * corporate networks). `test/scan-json-identity.test.ts` compares their digests with committed
 * ones; `bench/scan-json-all.ts OUTDIR` writes the JSON itself, to diff two trees.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const NOW = new Date('2026-01-01T00:00:00Z');
const NETS = ['10.13.1.0/24', '192.168.0.0/16', '172.16.5.0/24'];
const NETS64 = Array.from({ length: 64 }, (_, i) => `10.${200 + (i >> 4)}.${(i & 15) * 16}.0/20`);

export interface ScanJsonCase {
  name: string;
  /** the report as `JSON.stringify(report, null, 2)`, generatedAt fixed */
  json: string;
}

const scanJson = async (dir: string, nets: string[]) => {
  const { report } = analyseCapture(await readCaptureDir(dir), { corporateNetworks: nets, toolVersion: 'x', now: NOW });
  return JSON.stringify(report, null, 2);
};

/** One-file captures of every file in `folder` under the capture name `file`. */
async function* oneFileCases(prefix: string, folder: string, file: string): AsyncGenerator<ScanJsonCase> {
  if (!existsSync(folder)) return;
  for (const f of readdirSync(folder).sort()) {
    const dir = mkdtempSync(join(tmpdir(), 'tm-scanjson-'));
    try {
      copyFileSync(join(folder, f), join(dir, file));
      yield { name: `${prefix}-${f}`, json: await scanJson(dir, []) };
      yield { name: `${prefix}-${f}-nets`, json: await scanJson(dir, NETS) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function* scanJsonCases(corpus: string): AsyncGenerator<ScanJsonCase> {
  const samples = join(ROOT, 'samples');
  for (const s of readdirSync(samples).sort()) yield { name: `sample-${s}`, json: await scanJson(join(samples, s), s === 'demo' ? ['10.13.1.0/24'] : []) };
  for (const [folder, file] of [['route-print', 'route-print.txt'], ['ipconfig', 'ipconfig-all.txt'], ['lmhosts', 'lmhosts']] as const) {
    // corpus names kept as bench/scan-json-all.ts wrote them before LMHOSTS and the fixtures were added
    yield* oneFileCases(folder, join(corpus, folder), file);
    yield* oneFileCases(`real-${folder}`, join(ROOT, 'test', 'fixtures', 'real', folder), file);
  }
  const captures = join(ROOT, 'test', 'fixtures', 'real', 'captures');
  for (const c of readdirSync(captures).sort()) yield { name: `real-capture-${c}`, json: await scanJson(join(captures, c), NETS) };
  const generated = mkdtempSync(join(tmpdir(), 'tm-scanjson-gen-'));
  try {
    generateCapture(generated, 2_000, join(samples, 'demo'));
    for (const [label, nets] of [['none', []], ['one', ['10.13.1.0/24']], ['64', NETS64]] as const) yield { name: `generated-2000-${label}`, json: await scanJson(generated, [...nets]) };
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}
