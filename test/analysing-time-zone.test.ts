import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import type { Capture } from '../app/core/capture/capture';
import { sampleCapture } from './support/repo-files';

/**
 * The PC's event time and the server's log time are matched the same whatever time zone the machine that analyses them is in.
 * A test of the process's time zone (it sets TZ): it runs in a process of its own (vitest.config.ts' isolated project), since
 * in the pure project's worker threads TZ changes nothing (V8 reads it per process).
 */

function capture(files: Record<string, string>): Capture {
  const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt', 'rasclient-events.txt']);
  for (const [name, text] of Object.entries(files)) pc.files.set(name, { name, text, encoding: 'utf-8' });
  return { ...pc, label: 'test' };
}

describe("correlation with the PC's capture, in any time zone", () => {
  it.each([
    ['a German short date (dd.MM.yyyy)', '18.11.2026 10:21:07'],
    ['an en-US Format-List time (M/d/yyyy h:mm:ss tt)', '11/18/2026 10:21:07 AM'],
    ['a wall clock without a zone (wevtutil /f:text)', '2026-11-18T10:21:07.551'],
  ])('the PC\'s event time as %s: matched 2 s apart, the same whatever time zone the analysing machine is in', (_form, time) => {
    const router = { 'server-logs/router.txt': 'Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n' };
    const withTime = (): Capture => {
      const c = capture(router);
      const events = c.files.get('rasclient-events.txt')!;
      c.files.set('rasclient-events.txt', { ...events, text: events.text.replace('Date: 2026-11-18T09:21:07.5510000Z', `Date: ${time}`) });
      return c;
    };
    const zone = process.env.TZ;
    const summaries: string[] = [];
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        const enc = analyseCapture(withTime(), { toolVersion: 't', now: new Date(0) }).report.findings.filter((f) => f.id === 'vpn.encryption-mismatch');
        expect(enc).toHaveLength(1);
        summaries.push(enc[0]!.summary);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(summaries[0]).toContain('are 2 s apart');
    expect(summaries[0]).not.toContain('time-zone difference');
    expect(summaries[0]).toContain(`(${time})`);
    expect(new Set(summaries).size).toBe(1);
  });
  it('the time zone really changes here (or the test above proves nothing)', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = new Date(0).getHours();
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(0).getHours()).not.toBe(utc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
