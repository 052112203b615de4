import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseCapture } from '../core/analyse';
import { NCSI_BODY, probeTargets, regressions, type ProbeRound, type ProbeTarget } from '../core/probe/reachability';
import { applyFixes } from './apply/apply';
import { RunStore } from './apply/journal';
import { simulatedTarget } from './apply/route-target';
import { demoCaptureDir, demoWorkspace, runsDir } from './paths';
import { measureReachability } from './reachability';

/** Issue 15.1 — every server here listens on 127.0.0.1 only. */
const servers: { close: (cb: () => void) => void }[] = [];
let httpOk = '';
let httpWrongBody = '';
let httpHang = '';
let tcpOpen = 0;
let tcpClosed = 0;

const listen = <T extends Server | ReturnType<typeof createTcpServer>>(s: T) =>
  new Promise<number>((resolve) => {
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port));
  });

beforeAll(async () => {
  httpOk = `http://127.0.0.1:${await listen(createHttpServer((_, res) => res.end(NCSI_BODY)))}/connecttest.txt`;
  httpWrongBody = `http://127.0.0.1:${await listen(createHttpServer((_, res) => res.end('<html>hotel login</html>')))}/connecttest.txt`;
  httpHang = `http://127.0.0.1:${await listen(createHttpServer(() => undefined))}/`;
  tcpOpen = await listen(createTcpServer((sock) => sock.end()));
  const closing = createTcpServer();
  tcpClosed = await new Promise<number>((resolve) => closing.listen(0, '127.0.0.1', () => resolve((closing.address() as AddressInfo).port)));
  await new Promise<void>((resolve) => closing.close(() => resolve()));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

describe('measureReachability (127.0.0.1 only)', () => {
  it('HTTP with the expected answer and an open port are reachable; a login page, a hang and a closed port are not', async () => {
    const targets: ProbeTarget[] = [
      { id: 'internet', kind: 'http', label: 'internet', url: httpOk, expectBody: NCSI_BODY },
      { id: 'portal', kind: 'http', label: 'internet', url: httpWrongBody, expectBody: NCSI_BODY },
      { id: 'hang', kind: 'http', label: 'internet', url: httpHang },
      { id: 'corporate:127.0.0.1:open', kind: 'tcp', label: 'corporate', host: '127.0.0.1', port: tcpOpen },
      { id: 'corporate:127.0.0.1:closed', kind: 'tcp', label: 'corporate', host: '127.0.0.1', port: tcpClosed },
    ];
    const round = await measureReachability(targets, { consent: true, timeoutMs: 500 });
    expect(Object.fromEntries(round.results.map((r) => [r.id, r.ok]))).toEqual({ internet: true, portal: false, hang: false, 'corporate:127.0.0.1:open': true, 'corporate:127.0.0.1:closed': false });
    expect(round.results.find((r) => r.id === 'hang')!.detail).toBe('timeout');
    expect(round.results.find((r) => r.id === 'portal')!.detail).toMatch(/unexpected answer/);
  });

  it('refuses to run without consent', async () => {
    await expect(measureReachability([], { consent: false as never })).rejects.toThrow(/consent/);
  });
});

describe('probe targets and regressions', () => {
  it('defaults: Windows\' own connectivity test and the VPN adapter\'s DNS servers on TCP 53; the policy overrides both', async () => {
    const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(mkdtempSync(join(tmpdir(), 'tm-probe-'))) });
    const { snapshot } = analyseCapture(await target.collect(), { toolVersion: 't' }).report;
    expect(probeTargets(snapshot, undefined).map((t) => t.id)).toEqual(['internet', 'corporate:10.13.1.10:53']);
    expect(probeTargets(snapshot, { schemaVersion: 1, probes: { internet: 'http://intranet.example/ok', corporate: ['10.13.1.20:443'] } }).map((t) => (t.kind === 'http' ? t.url : t.id))).toEqual(['http://intranet.example/ok', 'corporate:10.13.1.20:443']);
  });

  it('only what answered before and not after counts as broken', () => {
    const round = (ok: Record<string, boolean>): ProbeRound => ({ at: 'x', results: Object.entries(ok).map(([id, v]) => ({ id, ok: v, ms: 1, detail: '' })) });
    expect(regressions(round({ internet: true, 'corporate:a:53': false }), round({ internet: false, 'corporate:a:53': false })).map((r) => r.id)).toEqual(['internet']);
  });
});

describe('apply with reachability checks', () => {
  const FIX = 'route.vpn-default-route-wins:split-now';
  function setup(rounds: ProbeRound[]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-probe-apply-'));
    const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir) });
    const store = new RunStore(runsDir(dataDir));
    let i = 0;
    const ctx = { target, store, analyse: { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' }, reachability: async () => rounds[Math.min(i++, rounds.length - 1)]! };
    const table = () => readFileSync(join(demoWorkspace(dataDir), 'route-print.txt'), 'utf8');
    return { target, store, ctx, table };
  }
  const up = { at: '1', results: [{ id: 'internet', ok: true, ms: 5, detail: 'HTTP 200' }, { id: 'corporate:10.13.1.10:53', ok: true, ms: 5, detail: 'open' }] };
  const internetDown = { at: '2', results: [{ id: 'internet', ok: false, ms: 4000, detail: 'timeout' }, { id: 'corporate:10.13.1.10:53', ok: true, ms: 5, detail: 'open' }] };

  it('keeps the fix when everything that worked still works, and records both rounds', async () => {
    const s = setup([up, up]);
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const result = await applyFixes(s.ctx, consented, [FIX]);
    expect(result.verified).toBe(true);
    expect(result.report.run?.probes).toMatchObject({ before: up, after: up, broken: [] });
    expect((await s.store.journal(result.runId)).filter((r) => r.phase.startsWith('probe-')).map((r) => r.phase)).toEqual(['probe-before', 'probe-after']);
  });

  it('puts everything back when the Internet answered before and not after, and says so', async () => {
    const s = setup([up, internetDown]);
    const original = (await s.target.collect(), s.table());
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const result = await applyFixes(s.ctx, consented, [FIX]);
    expect(result.verified).toBe(false);
    expect(result.rolledBack).toBe(true);
    expect(result.message).toMatch(/the Internet could not be reached/);
    expect(result.message).toMatch(/rolled back/);
    expect(result.report.run?.probes?.broken).toEqual(['internet']);
    expect(s.table()).toBe(original);
  });

  it('a target that was already down before does not undo the fix', async () => {
    const s = setup([internetDown, internetDown]);
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const result = await applyFixes(s.ctx, consented, [FIX]);
    expect(result.verified).toBe(true);
  });
});
