import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../core/analyse';
import { readCaptureDir } from '../system/capture-reader';
import type { Report } from '../core/model/report';
import { reportJsonChunks } from './report-json';

describe('report JSON written in chunks', () => {
  it('is byte for byte JSON.stringify, compact and indented, for small and long route tables', async () => {
    const { report } = analyseCapture(await readCaptureDir('samples/demo'), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' });
    const route = report.snapshot.routes[0]!;
    const tricky = { ...route, source: { file: 'route-print.txt', line: 1, text: '"\\u0000routes\\u0000" ] , {' } };
    for (const n of [0, 1, 199, 200, 201, 1999, 2000, 2001, 4500]) {
      const r: Report = { ...report, snapshot: { ...report.snapshot, routes: Array.from({ length: n }, (_, i) => (i % 7 ? route : tricky)) } };
      expect([...reportJsonChunks(r, false)].join('')).toBe(JSON.stringify(r) + '\n');
    }
    // members JSON leaves out (undefined values) are left out, wherever they stand
    const gaps = { ...report, language: undefined, snapshot: { hostname: undefined, ...report.snapshot, fileVersions: undefined } } as unknown as Report;
    expect([...reportJsonChunks(gaps, false)].join('')).toBe(JSON.stringify(gaps) + '\n');
    expect([...reportJsonChunks(report, true)].join('')).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
