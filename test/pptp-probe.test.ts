import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineT } from '../app/core/i18n';
import { interpretPptpPath } from '../app/core/diagnose/pptp-path';
import type { RasEvent } from '../app/core/model/ras-event';
import { probeTcp } from '../app/system/pptp-probe';

/** The PPTP path check, only ever against 127.0.0.1: a listener we open, and a port we closed. */
let server: Server;
let openPort = 0;
let closedPort = 0;

beforeAll(async () => {
  server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  openPort = (server.address() as { port: number }).port;
  // a port that was just free: open and close a listener on it
  const tmp = createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  closedPort = (tmp.address() as { port: number }).port;
  await new Promise<void>((r) => tmp.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const gre = (code: number): RasEvent => ({ type: 'rasclient', id: 20227, kind: 'failed', errorCode: code, entryName: 'Branch PPTP', file: 'rasclient-events.txt', line: 1, text: '' });
const t = engineT('en');

describe('PPTP path check on 127.0.0.1', () => {
  it('open control port + 806 in the log: GRE is what is blocked', async () => {
    const probe = await probeTcp('127.0.0.1', { consent: true, port: openPort, timeoutMs: 2000 });
    expect(probe).toMatchObject({ host: '127.0.0.1', port: openPort, state: 'open' });
    const reading = interpretPptpPath(probe, [gre(806), gre(619)], t);
    expect(reading.verdict).toBe('gre-blocked');
    expect(reading.message).toMatch(/control channel is reachable.*806\/619.*IP protocol 47.*pass-through/);
    expect(interpretPptpPath(probe, [], engineT('nl')).verdict).toBe('control-ok');
  });
  it('closed port: refused, and the events do not change that', async () => {
    const probe = await probeTcp('127.0.0.1', { consent: true, port: closedPort, timeoutMs: 2000 });
    expect(probe.state).toBe('refused');
    expect(interpretPptpPath(probe, [gre(806)], t)).toMatchObject({ verdict: 'control-refused', message: expect.stringContaining('refused') });
  });
  it('timeouts and errors read as unreachable (constructed results: no other address is ever contacted)', () => {
    expect(interpretPptpPath({ host: 'vpn.example.com', port: 1723, state: 'timeout', ms: 3000 }, [], t).message).toContain('within 3000 ms');
    expect(interpretPptpPath({ host: 'vpn.example.com', port: 1723, state: 'error', ms: 1, error: 'ENOTFOUND' }, [], t).message).toContain('ENOTFOUND');
  });
  it('refuses to run without consent', async () => {
    await expect(probeTcp('127.0.0.1', { consent: false as true, port: openPort })).rejects.toThrow(/consent/);
  });
});
