import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaptureDir } from '../app/system/capture-reader';
import { analyseCapture } from '../app/core/analyse';
import { analyseClientSide, needsServerLogEngine } from '../app/core/analyse-client';
import { parseServerLog } from '../app/core/parse/server-log';

/**
 * `scan` takes the PC side alone when there is no server log (analyse-client.ts): its report must be
 * the one analyseCapture gives, which the scan JSON digests are recorded from.
 */
const SAMPLES = resolve(import.meta.dirname, '..', 'samples');
const NOW = new Date('2026-01-01T00:00:00Z');

describe('the PC side of an analysis', () => {
  it('is the whole analysis when no server log is given or held: same report on every sample, in en and nl', async () => {
    for (const name of readdirSync(SAMPLES).sort()) {
      const capture = await readCaptureDir(join(SAMPLES, name));
      expect(needsServerLogEngine(capture, undefined)).toBe(false);
      for (const language of ['en', 'nl'] as const) {
        const opts = { corporateNetworks: ['10.13.1.0/24'], language, toolVersion: 'x', now: NOW };
        expect(JSON.stringify(analyseClientSide(capture, opts)), `${name} ${language}`).toBe(JSON.stringify(analyseCapture(capture, opts)));
      }
    }
  });

  it('needs the server-log engine for a log given beside the capture or one in its server-logs/ folder', async () => {
    const capture = await readCaptureDir(join(SAMPLES, 'demo'));
    const log = parseServerLog('Mar  3 09:12:01 vpn pppd[1]: LCP: timeout sending Config-Requests\n', 'router.txt');
    expect(needsServerLogEngine(capture, [log])).toBe(true);
    expect(needsServerLogEngine(capture, [])).toBe(false);
    const withFolder = { ...capture, files: new Map([...capture.files, ['server-logs/router.txt', { name: 'server-logs/router.txt', text: 'x', encoding: 'utf-8' }]]) };
    expect(needsServerLogEngine(withFolder, undefined)).toBe(true);
    expect(analyseCapture(withFolder, { toolVersion: 'x', now: NOW }).report.serverLogs).toHaveLength(1);
  });
});
