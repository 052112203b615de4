import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCapture } from '../bench/generate-capture';
import { analyseCapture } from '../app/core/analyse';
import { routesStillLazy } from '../app/core/parse/lazy-routes';
import { buildSnapshot } from '../app/core/snapshot/build-snapshot';
import { readCaptureDir } from '../app/system/capture-reader';
import { understoodAnything } from '../app/system/input';
import { reportJsonChunks } from '../app/cli/report-json';
import { repoRoot } from './support/repo-files';

/**
 * The route table stays columns through a scan (app/core/parse/route-rows.ts, issue 16): a rule or
 * a snapshot step that reads `snapshot.routes` makes every row an object, which is what a
 * 20 000-route scan spent most of its time and memory on. This fails when one does.
 */
describe('a scan leaves the route table unmade', () => {
  it('building the snapshot and every rule of a 2 000-route capture make no more than the routes findings name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-rows-'));
    try {
      generateCapture(dir, 2_000, join(repoRoot, 'samples', 'demo'));
      const capture = await readCaptureDir(dir);
      const { snapshot } = buildSnapshot(capture);
      expect(routesStillLazy(snapshot)).toBe(true);
      const { report } = analyseCapture(capture, { corporateNetworks: ['10.13.1.0/24', '172.16.0.0/12'], toolVersion: 'test' });
      // a rule that read snapshot.routes would have made all 2 000 objects: the scan works on columns
      expect(routesStillLazy(report.snapshot)).toBe(true);
      expect(report.findings.map((f) => f.id)).toContain('route.vpn-default-route-wins');
      // what `scan --json` does next: is there anything understood, then the JSON, streamed
      expect(understoodAnything(report.snapshot)).toBe(true);
      const json = [...reportJsonChunks(report, false)].join('');
      expect(routesStillLazy(report.snapshot)).toBe(true);
      expect(report.snapshot.routes).toHaveLength(2_000);
      expect(routesStillLazy(report.snapshot)).toBe(false);
      expect(json).toBe(JSON.stringify(report) + '\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
