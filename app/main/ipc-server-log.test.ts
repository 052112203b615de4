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
