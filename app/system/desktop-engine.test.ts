import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../shared/engine-port';
import { createDesktopEngine, type DesktopEngineOptions } from './desktop-engine';
import * as probe from './pptp-probe';

/**
 * The desktop engine's PPTP path check. Live needs Windows, so the "live" path runs on the
 * win11-ras-errors capture with the test-only `allowProbe` + `probeTarget` redirecting every probe to
 * 127.0.0.1 (a listener we open, or a port we closed). No test here contacts any other address:
 * every probeTcp call is recorded and checked after each test.
 */
vi.mock('./pptp-probe', async (importOriginal) => {
  const real = await importOriginal<typeof import('./pptp-probe')>();
  return { ...real, probeTcp: vi.fn(real.probeTcp) };
});
const probeTcp = vi.mocked(probe.probeTcp);

const CAPTURE = path.resolve(__dirname, '..', '..', 'samples', 'win11-ras-errors');
let server: Server;
let openPort = 0;
let closedPort = 0;

beforeAll(async () => {
  server = createServer((s) => s.destroy());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  openPort = (server.address() as { port: number }).port;
  const tmp = createServer();
  await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
  closedPort = (tmp.address() as { port: number }).port;
  await new Promise<void>((r) => tmp.close(() => r()));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  for (const [host] of probeTcp.mock.calls) expect(host).toBe('127.0.0.1');
  probeTcp.mockClear();
});

const engineWith = async (opts: Partial<DesktopEngineOptions>) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tm-engine-pptp-'));
  return createDesktopEngine({ source: 'capture', captureDir: CAPTURE, dataDir, ...opts });
};
const toLocal = (port: () => number) => vi.fn((_host: string) => ({ host: '127.0.0.1', port: port() }));
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof EngineError ? e.code : `not an EngineError: ${String(e)}`));

describe('checkPptp on a capture with allowProbe (the live path, against 127.0.0.1 only)', () => {
  it('listener on 127.0.0.1 + the 806 of "Branch PPTP" in the log: gre-blocked', async () => {
    const target = toLocal(() => openPort);
    const engine = await engineWith({ allowProbe: true, probeTarget: target });
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    const r = await engine.checkPptp(runToken, 'Branch PPTP');
    // main took the server from the report; the renderer sent only the name
    expect(target).toHaveBeenCalledWith('branch.example.com');
    expect(probeTcp).toHaveBeenCalledWith('127.0.0.1', { consent: true, port: openPort, timeoutMs: 3_000 });
    expect(r).toMatchObject({ verdict: 'gre-blocked', host: '127.0.0.1', port: openPort, state: 'open' });
    expect(r.message).toMatch(/control channel is reachable.*806.*IP protocol 47/);
  });

  it('reads only that connection\'s events: "Corp Legacy" failed with 734, not 806, so the path is ok', async () => {
    const engine = await engineWith({ allowProbe: true, probeTarget: toLocal(() => openPort) });
    const { runToken } = await engine.scan({ language: 'nl' }, () => undefined);
    const r = await engine.checkPptp(runToken, 'Corp Legacy');
    expect(r.verdict).toBe('control-ok');
    expect(r.message).toContain('127.0.0.1'); // in the scan's language (nl)
    expect(r.message).toMatch(/antwoordde in \d+ ms: het controlekanaal van PPTP is bereikbaar/);
  });

  it('a closed port on 127.0.0.1: control-refused, whatever the log says', async () => {
    const engine = await engineWith({ allowProbe: true, probeTarget: toLocal(() => closedPort) });
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    const r = await engine.checkPptp(runToken, 'Branch PPTP');
    expect(r).toMatchObject({ verdict: 'control-refused', state: 'refused', host: '127.0.0.1', port: closedPort });
    expect(r.message).toContain('refused');
  });

  it('refuses unknown profiles, non-PPTP profiles and unknown scans without connecting', async () => {
    const engine = await engineWith({ allowProbe: true, probeTarget: toLocal(() => openPort) });
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    await expect(codeOf(engine.checkPptp(runToken, 'Nobody VPN'))).resolves.toBe('UNKNOWN_PROFILE');
    await expect(codeOf(engine.checkPptp(runToken, 'Partner L2TP'))).resolves.toBe('NOT_PPTP');
    await expect(codeOf(engine.checkPptp('scan-0000', 'Branch PPTP'))).resolves.toBe('UNKNOWN_RUN_TOKEN');
    expect(probeTcp).not.toHaveBeenCalled();
  });
});

describe('checkPptp outside live: PROBE_NOT_LIVE before anything is contacted', () => {
  it('the demo (whose server 161.44.20.10 is an outside address) never probes, even with a probeTarget', async () => {
    const target = toLocal(() => openPort);
    const engine = await engineWith({ source: 'demo', captureDir: undefined, probeTarget: target });
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    const error = await engine.checkPptp(runToken, 'Corp VPN').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect(error).toMatchObject({ code: 'PROBE_NOT_LIVE', detail: 'demo' });
    expect((error as Error).message).toMatch(/connects from this computer, so it only makes sense for this computer's own VPN/);
    expect(target).not.toHaveBeenCalled();
    expect(probeTcp).not.toHaveBeenCalled();
  });

  it('a capture without allowProbe refuses too', async () => {
    const engine = await engineWith({ probeTarget: toLocal(() => openPort) });
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    await expect(engine.checkPptp(runToken, 'Branch PPTP')).rejects.toMatchObject({ code: 'PROBE_NOT_LIVE', detail: 'capture', message: expect.stringMatching(/capture of another computer/) });
    expect(probeTcp).not.toHaveBeenCalled();
  });
});

describe('the scan result the renderer gets (issue 16)', () => {
  it('keeps only the routes the traffic diagrams need; the exported report keeps all of them', async () => {
    const engine = await engineWith({});
    const { runToken, report } = await engine.scan({ language: 'en' }, () => undefined);
    // this capture has no finding that decides a destination: no route goes to the renderer
    expect(report.snapshot.routes).toEqual([]);
    // the demo's two default routes decide both destinations of its route finding; its 14 other routes stay behind
    const demo = createDesktopEngine({ source: 'demo', dataDir: await mkdtemp(path.join(os.tmpdir(), 'tm-engine-demo-')) });
    const demoScan = await demo.scan({ language: 'en' }, () => undefined);
    expect(demoScan.report.snapshot.routes.map((r) => `${r.destination}/${r.prefixLength}`)).toEqual(['0.0.0.0/0', '0.0.0.0/0']);
    expect(report.findings.length).toBeGreaterThan(0);
    const exported = JSON.parse((await engine.exportReport(runToken, 'json')).content);
    expect(exported.snapshot.routes.length).toBeGreaterThan(0);
  });
});

describe('errors crossing to the app', () => {
  it('a capture with nothing understood says so in the language of the scan', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tm-engine-bad-'));
    await writeFile(path.join(dir, 'route-print.txt'), 'nothing a route table would say\r\n');
    const engine = await engineWith({ captureDir: dir });
    const error = (await engine.scan({ language: 'nl' }, () => undefined).catch((e: unknown) => e)) as EngineError;
    expect(error.code).toBe('BAD_INPUT');
    // the headline and its problem line in Dutch (the file name stays as it is)
    expect(error.message).toContain('route-print.txt');
    expect(error.message).not.toMatch(/\b(could|not understood|nothing in)\b/i);
  });
});

describe('the server log the person explained goes into that scan\'s exported report', () => {
  // the router's CCP refusal at 10:21:05 (UTC+1) is the capture's 742 of "Partner L2TP" at 09:21:07Z; a pppd line names a user
  const LOG = ['Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)', 'Nov 18 10:21:09 vpn1 pppd[4242]: Peer anna.jansen failed CHAP authentication'].join('\n');

  it('pasted: the report holds the log and the folded finding; redacted, the log\'s user name is gone', async () => {
    const engine = await engineWith({});
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    const before = JSON.parse((await engine.exportReport(runToken, 'json')).content);
    expect(before.serverLogs).toBeUndefined();
    await engine.explainServerLog({ text: LOG, label: 'router.txt', runToken });
    const after = JSON.parse((await engine.exportReport(runToken, 'json')).content);
    expect(after.serverLogs.map((l: { source: string }) => l.source)).toEqual(['router.txt']);
    const folded = after.findings.find((f: { id: string }) => f.id === 'vpn.encryption-mismatch');
    expect(folded.evidence.map((e: { source: string }) => e.source)).toEqual(expect.arrayContaining(['router.txt', 'rasclient-events.txt']));
    expect(JSON.stringify(after)).toContain('anna.jansen');
    for (const format of ['json', 'html'] as const) {
      const redacted = (await engine.exportReport(runToken, format, { redact: true })).content;
      expect(redacted).toContain('router.txt');
      expect(redacted).not.toContain('anna.jansen');
    }
    // a route print pasted next by mistake is no server log: the report holds none (the panel no longer shows the router's)
    await engine.explainServerLog({ text: '===========================================================================\nInterface List\n', label: 'oops.txt', runToken });
    expect(JSON.parse((await engine.exportReport(runToken, 'json')).content).serverLogs).toBeUndefined();
  });

  it('read in full from a file: that scan\'s report holds it, another scan\'s none', async () => {
    const engine = await engineWith({});
    const { runToken } = await engine.scan({ language: 'en' }, () => undefined);
    const other = await engine.scan({ language: 'en' }, () => undefined);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tm-engine-open-'));
    const file = path.join(dir, 'router.log');
    await writeFile(file, LOG);
    const opened = await engine.openServerLog(file, { runToken });
    expect(opened.explanation.correlated).toBe(true);
    const report = JSON.parse((await engine.exportReport(runToken, 'json')).content);
    expect(report.serverLogs.map((l: { source: string }) => l.source)).toEqual(['router.log']);
    expect(JSON.stringify(report)).not.toContain(dir);
    expect(JSON.parse((await engine.exportReport(other.runToken, 'json')).content).serverLogs).toBeUndefined();
  });
});
