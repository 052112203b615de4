// `node --cpu-prof --import tsx bench/profile-scan.ts [ROUTES]`: one bundled scan of a generated
// capture, for CPU profiles (read them with `node bench/profile-top.mjs FILE.cpuprofile`).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForBench } from './bundle';
import { generateCapture } from './generate-capture';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const routes = Number(process.argv[2] ?? 20_000);
const { engine: enginePath } = await bundleForBench(root);
const engine = (await import(enginePath)) as typeof import('./engine-entry');
const dir = mkdtempSync(join(tmpdir(), 'tm-prof-'));
generateCapture(dir, routes, engine.demoCaptureDir());
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) {
  const t = performance.now();
  const { report } = engine.analyseCapture(await engine.readCaptureDir(dir), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'prof' });
  const t2 = performance.now();
  const json = JSON.stringify(report);
  console.log(`scan ${(t2 - t).toFixed(0)} ms, stringify ${(performance.now() - t2).toFixed(0)} ms, ${json.length} chars`);
}
