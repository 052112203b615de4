import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeEngine } from '../../e2e/support/fake-engine';
import { MAX_SERVER_LOG_CHARS } from '../shared/ipc';
import { createIpcDispatcher } from './ipc-handlers';

/** explainServerLog through the real dispatcher: text in (size-limited), a label that is no path, parsed in main. */
describe('explainServerLog through the dispatcher', () => {
  const d = createIpcDispatcher(createFakeEngine({ source: 'demo' }), () => undefined);
  const line = '04:41:09: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)';

  it('explains pasted text: decoded lines and the finding', async () => {
    const r = await d('explainServerLog', { text: line, label: 'router.txt', language: 'nl' });
    expect(r).toMatchObject({ ok: true, value: { correlated: false, serverLog: { verdict: 'ok', records: 1, understood: 1, source: 'router.txt' }, findings: [{ id: 'vpn.encryption-mismatch' }] } });
    expect(JSON.stringify(r)).toContain('De router weigerde de versleuteling (CCP) die de pc voorstelde');
  });
  it('refuses what is not text and a label: too long, a path as label, extra keys', async () => {
    for (const args of [{}, { text: 'x'.repeat(MAX_SERVER_LOG_CHARS + 1) }, { text: line, label: '../../etc/passwd' }, { text: line, label: 'C:\\Windows\\x.txt' }, { text: line, path: '/etc/passwd' }, { text: 42 }]) {
      await expect(d('explainServerLog', args), JSON.stringify(args).slice(0, 80)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    }
  });
  it('bad input is a verdict, not an error', async () => {
    await expect(d('explainServerLog', { text: '' })).resolves.toMatchObject({ ok: true, value: { serverLog: { verdict: 'empty' }, findings: [] } });
    await expect(d('explainServerLog', { text: '\u0000\u0001\u0002binary\u0000\u0003'.repeat(50) })).resolves.toMatchObject({ ok: true, value: { serverLog: { verdict: 'binary' } } });
  });
});

/** A log file read in full: main's dialog chooses the path (here a stand-in), the renderer sends only the id main gave and an index. */
describe('openServerLogFile and explainOpenedLog through the dispatcher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tm-open-ipc-'));
  const log = join(dir, 'router.log');
  writeFileSync(log, '04:41:09: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)\n');

  it('cancelled dialog: opened false, and no path is taken from the renderer', async () => {
    const d = createIpcDispatcher(createFakeEngine(), () => undefined);
    await expect(d('openServerLogFile', {})).resolves.toEqual({ ok: true, value: { opened: false } });
    await expect(d('openServerLogFile', { path: log })).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
  });
  it('the chosen file explained, named without its folder; another index of it by id only', async () => {
    const d = createIpcDispatcher(createFakeEngine(), () => undefined, undefined, async () => log);
    const r = await d('openServerLogFile', { language: 'nl' });
    expect(r).toMatchObject({ ok: true, value: { opened: true, fileName: 'router.log', logs: ['router.log'], index: 0, explanation: { findings: [{ id: 'vpn.encryption-mismatch' }] } } });
    expect(JSON.stringify(r)).not.toContain(dir);
    const openId = (r as { value: { openId: string } }).value.openId;
    await expect(d('explainOpenedLog', { openId, index: 0 })).resolves.toMatchObject({ ok: true, value: { openId, index: 0 } });
    await expect(d('explainOpenedLog', { openId, index: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPENED_LOG' } });
    for (const args of [{ openId, index: 64 }, { openId, index: -1 }, { openId: '../x', index: 0 }, { openId, index: 0, path: log }]) {
      await expect(d('explainOpenedLog', args), JSON.stringify(args)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    }
  });
});
