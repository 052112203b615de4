import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { readCaptureDir } from '../app/system/capture-reader';
import { buildReportZip } from '../app/core/report/report-zip';
import type { Capture } from '../app/core/capture/capture';

const now = new Date('2026-01-01T00:00:00Z');
const samples = readdirSync('samples').map((s) => join('samples', s));

/** The capture with its files in another order, as another run of the reader could deliver them. */
const reordered = (c: Capture, order: (names: string[]) => string[]): Capture => ({ ...c, files: new Map(order([...c.files.keys()]).map((n) => [n, c.files.get(n)!])) });

describe('same input, same bytes', () => {
  it.each(samples)('%s: the order files were read in changes neither the JSON nor the zip', async (dir) => {
    const capture = await readCaptureDir(dir);
    const outputs = [(n: string[]) => n, (n: string[]) => [...n].reverse(), (n: string[]) => [...n].sort(), (n: string[]) => [...n].sort().reverse()].map((order) => {
      const c = reordered(capture, order);
      const { report } = analyseCapture(c, { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't', now });
      return { json: JSON.stringify(report), zip: Buffer.from(buildReportZip({ report, capture: c })).toString('base64') };
    });
    for (const o of outputs.slice(1)) {
      expect(o.json).toBe(outputs[0]!.json);
      expect(o.zip).toBe(outputs[0]!.zip);
    }
  });
});
