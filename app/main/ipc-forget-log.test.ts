import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createDesktopEngine } from '../system/desktop-engine';
import { READ_PROGRESS_INTERVAL_MS } from '../system/read-progress';
import type { Progress } from '../shared/ipc';
import { tarOf } from '../../test/support/tar-of';
import { createIpcDispatcher } from './ipc-handlers';

/**
 * The panel's Clear through the real dispatcher and the real engine: what main kept of a server log (the log an exported report
 * holds, the file read in full) is let go, so an export after Clear ships no log the person removed.
 */
const CAPTURE = resolve(__dirname, '..', '..', 'samples', 'win11-ras-errors');
// the router's CCP refusal (the capture's 742 of "Partner L2TP") and a pppd line naming a user
const LOG = ['Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)', 'Nov 18 10:21:09 vpn1 pppd[4242]: Peer anna.jansen failed CHAP authentication'].join('\n');

function harness(chosen?: string) {
  const saved: string[] = [];
  const progress: Progress[] = [];
  const engine = createDesktopEngine({ source: 'capture', captureDir: CAPTURE, dataDir: mkdtempSync(join(tmpdir(), 'tm-forget-')) });
  const d = createIpcDispatcher(engine, (p) => progress.push(p), async (file) => (saved.push(file.content), { saved: true, fileName: file.suggestedName }), async () => chosen);
  const scan = async (): Promise<string> => ((await d('scan', { language: 'en' })) as { value: { runToken: string } }).value.runToken;
  const exported = async (runToken: string): Promise<{ serverLogs?: { source: string }[] }> => {
    expect(await d('exportReport', { runToken, format: 'json' })).toMatchObject({ ok: true, value: { saved: true } });
    return JSON.parse(saved.at(-1)!);
  };
  return { d, scan, exported, progress };
}

describe('forgetServerLog: Clear in the panel, and main lets go of the log', () => {
  it('pasted, then cleared: the export holds no server log (before Clear it did)', async () => {
    const { d, scan, exported } = harness();
    const runToken = await scan();
    await d('explainServerLog', { text: LOG, label: 'router.txt', runToken });
    expect((await exported(runToken)).serverLogs?.map((l) => l.source)).toEqual(['router.txt']);
    await expect(d('forgetServerLog', { runToken })).resolves.toEqual({ ok: true, value: { forgotten: true } });
    const after = await exported(runToken);
    expect(after.serverLogs).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain('anna.jansen');
    // once more: nothing left to forget, and that is no error
    await expect(d('forgetServerLog', { runToken })).resolves.toEqual({ ok: true, value: { forgotten: false } });
  });

  it('read in full, then cleared: the export holds no log and the file is no longer open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-forget-file-'));
    const file = join(dir, 'router.log');
    writeFileSync(file, LOG);
    const { d, scan, exported } = harness(file);
    const runToken = await scan();
    const opened = (await d('openServerLogFile', { runToken })) as { ok: true; value: { openId: string } };
    expect((await exported(runToken)).serverLogs?.map((l) => l.source)).toEqual(['router.log']);
    await expect(d('forgetServerLog', { runToken, openId: opened.value.openId })).resolves.toEqual({ ok: true, value: { forgotten: true } });
    expect((await exported(runToken)).serverLogs).toBeUndefined();
    await expect(d('explainOpenedLog', { openId: opened.value.openId, index: 0, runToken })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPENED_LOG' } });
  });

  it('a file read in full replaced by a paste: forgetting the file by its id keeps the pasted log for the export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-forget-replace-'));
    const file = join(dir, 'router.log');
    writeFileSync(file, LOG);
    const { d, scan, exported } = harness(file);
    const runToken = await scan();
    const opened = (await d('openServerLogFile', { runToken })) as { ok: true; value: { openId: string } };
    await d('explainServerLog', { text: LOG, label: 'pasted.txt', runToken });
    await expect(d('forgetServerLog', { openId: opened.value.openId })).resolves.toEqual({ ok: true, value: { forgotten: true } });
    expect((await exported(runToken)).serverLogs?.map((l) => l.source)).toEqual(['pasted.txt']);
  });

  it('only ids main issued: no path, no other keys; an unknown token or id is nothing to forget', async () => {
    const { d } = harness();
    for (const args of [{ path: '/var/log/syslog' }, { runToken: '../x' }, { openId: 'a b' }, { openId: 42 }]) {
      await expect(d('forgetServerLog', args), JSON.stringify(args)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    }
    await expect(d('forgetServerLog', {})).resolves.toEqual({ ok: true, value: { forgotten: false } });
    await expect(d('forgetServerLog', { runToken: 'scan-0000', openId: 'never-issued' })).resolves.toEqual({ ok: true, value: { forgotten: false } });
  });
});

describe('openServerLogFile sends how far the reading is', () => {
  /** A syslog of `mb` megabytes: the router's line over and over (each one read, so the read takes a while). */
  const bigLog = (mb: number): string => {
    const line = 'Nov 18 10:21:09 vpn1 pppd[4242]: Peer anna.jansen failed CHAP authentication\n';
    return line.repeat(Math.ceil((mb * 1_000_000) / line.length));
  };
  const check = (progress: Progress[], size: number, ms: number): void => {
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((p) => p.phase === 'read' && p.total === size)).toBe(true);
    // monotone, from 0 to the whole file
    expect(progress[0]!.step).toBe(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.step).toBeGreaterThan(progress[i - 1]!.step);
    expect(progress.at(-1)!.step).toBe(size);
    // throttled: the first at once, then one per interval at most, and the last
    expect(progress.length).toBeLessThanOrEqual(2 + Math.floor(ms / READ_PROGRESS_INTERVAL_MS));
  };

  it('a plain 24 MB syslog: bytes read of its size, monotone, named by its file name only, ten a second at most', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-progress-'));
    const file = join(dir, 'syslog.1');
    writeFileSync(file, bigLog(24));
    const { d, scan, progress } = harness(file);
    const runToken = await scan();
    progress.length = 0;
    const started = Date.now();
    expect(await d('openServerLogFile', { runToken })).toMatchObject({ ok: true, value: { opened: true, fileName: 'syslog.1' } });
    check(progress, statSync(file).size, Date.now() - started);
    expect(progress.every((p) => p.label === 'syslog.1')).toBe(true);
    expect(JSON.stringify(progress)).not.toContain(dir);
  });

  it('a gzip file and a tar.gz archive: their packed bytes of the file\'s size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tm-progress-gz-'));
    const gz = join(dir, 'syslog.2.gz');
    writeFileSync(gz, gzipSync(bigLog(8)));
    const tgz = join(dir, 'logs.tar.gz');
    writeFileSync(tgz, gzipSync(await tarOf([['var/log/syslog', bigLog(6)], ['var/log/pluto.log', LOG]])));
    for (const file of [gz, tgz]) {
      const { d, progress } = harness(file);
      const started = Date.now();
      expect(await d('openServerLogFile', {})).toMatchObject({ ok: true, value: { opened: true } });
      check(progress, statSync(file).size, Date.now() - started);
    }
  });
});
