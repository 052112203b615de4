import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelName, channels, progressChannel, type Progress } from '../shared/ipc';
import { EngineError, type DesktopEngine } from '../shared/engine-port';
import { createFakeEngine } from '../../e2e/support/fake-engine';
import { chooseEngineSource } from './engine-options';
import { createIpcDispatcher, isTrustedUrl, registerIpcHandlers, type IpcEventLike } from './ipc-handlers';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

describe('preload', () => {
  beforeEach(() => {
    electron.exposed.clear();
    vi.resetModules();
  });

  it('exposes exactly the contract channels plus onProgress, under window.tunnelmedic only', async () => {
    await import('./preload/preload');
    expect([...electron.exposed.keys()]).toEqual(['tunnelmedic']);
    const api = electron.exposed.get('tunnelmedic') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...channels, 'onProgress', 'onSourceChanged'].sort());
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function');
  });

  it('forwards each channel to its own IPC name, with the one argument object', async () => {
    await import('./preload/preload');
    const api = electron.exposed.get('tunnelmedic') as Record<string, (a: unknown) => Promise<unknown>>;
    for (const channel of channels) {
      electron.invoke.mockClear();
      await expect(api[channel]!({ probe: channel })).resolves.toEqual({ ok: true, value: 'from-main' });
      expect(electron.invoke).toHaveBeenCalledWith(channelName(channel), { probe: channel });
    }
  });

  it('onProgress subscribes to the progress channel, hides the IPC event, and unsubscribes', async () => {
    await import('./preload/preload');
    const api = electron.exposed.get('tunnelmedic') as { onProgress: (l: (p: Progress) => void) => () => void };
    const seen: Progress[] = [];
    const off = api.onProgress((p) => seen.push(p));
    const [name, handler] = electron.on.mock.calls.at(-1) as [string, (e: unknown, p: Progress) => void];
    expect(name).toBe(progressChannel);
    const p: Progress = { phase: 'collect', step: 1, total: 2, label: 'x' };
    handler({ sender: 'ipc-event-must-not-leak' }, p);
    expect(seen).toEqual([p]);
    off();
    expect(electron.removeListener).toHaveBeenCalledWith(progressChannel, handler);
  });
});

describe('createIpcDispatcher', () => {
  const progress: Progress[] = [];
  const dispatch = createIpcDispatcher(createFakeEngine(), (p) => progress.push(p));

  it('rejects malformed arguments with BAD_ARGUMENTS and the zod issue path', async () => {
    const bad = await dispatch('scan', { corporateNetworks: ['10.13.1.0/24', 'rm -rf /'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    expect(bad.ok ? '' : bad.error.detail).toContain('corporateNetworks.1');

    const extra = await dispatch('history', { path: 'C:\\Windows' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });

    const notAnId = await dispatch('rollback', { runId: 'run 1 & del *' });
    expect(notAnId).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    expect(notAnId.ok ? '' : notAnId.error.detail).toContain('runId');

    const noFixes = await dispatch('applyFixes', { runToken: 'scan-1', fixIds: [] });
    expect(noFixes.ok ? '' : noFixes.error.detail).toContain('fixIds');
  });

  it('rejects unknown channels', async () => {
    await expect(dispatch('openShell', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(dispatch('__proto__', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('passes engine errors through with code, message and detail intact', async () => {
    const r = await dispatch('applyFixes', { runToken: 'scan-999', fixIds: ['fix.split-tunnel-now'] });
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_RUN_TOKEN', message: 'This scan is out of date; scan again.', detail: 'scan-999' } });
    const run = await dispatch('rollback', { runId: 'run-404' });
    expect(run).toMatchObject({ ok: false, error: { code: 'UNKNOWN_RUN', detail: 'run-404' } });
  });

  it('scans, forwards progress, applies and undoes through the envelope', async () => {
    const scan = await dispatch('scan', { language: 'en' });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(progress.length).toBeGreaterThan(0);
    const { runToken } = scan.value as { runToken: string };
    const applied = await dispatch('applyFixes', { runToken, fixIds: ['fix.split-tunnel-now'] });
    expect(applied).toMatchObject({ ok: true, value: { verified: true } });
  });

  it('returns only what the contract names and hides unexpected errors behind INTERNAL', async () => {
    const leaky: DesktopEngine = {
      ...createFakeEngine(),
      info: async () => ({ version: '1', platform: 'win32', source: 'live', sourceLabel: 'This PC', locale: 'en', policyNetworks: [], secret: 'C:\\Users\\jan' }) as never,
      history: async () => {
        throw new TypeError('boom');
      },
      rollback: async () => {
        throw new EngineError('ROLLBACK_FAILED', 'Manual action needed.');
      },
    };
    const d = createIpcDispatcher(leaky, () => undefined);
    const info = await d('appInfo', {});
    expect(info.ok && Object.keys(info.value as object)).not.toContain('secret');
    await expect(d('history', {})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: 'TunnelMedic ran into an unexpected error.', detail: 'boom' } });
    await expect(d('rollback', { runId: 'run-1' })).resolves.toEqual({ ok: false, error: { code: 'ROLLBACK_FAILED', message: 'Manual action needed.' } });
  });

  it('saves exports through the injected save function only', async () => {
    const engine = createFakeEngine();
    const scan = await createIpcDispatcher(engine, () => undefined)('scan', {});
    const token = scan.ok ? (scan.value as { runToken: string }).runToken : '';
    const save = vi.fn(async () => ({ saved: true, fileName: 'r.html' }));
    await expect(createIpcDispatcher(engine, () => undefined, save)('exportReport', { runToken: token, format: 'html' })).resolves.toEqual({ ok: true, value: { saved: true, fileName: 'r.html' } });
    expect(save).toHaveBeenCalledWith({ suggestedName: 'tunnelmedic-report.html', content: '<html></html>' });
  });
});

describe('checkPptp through the dispatcher', () => {
  const scanned = async (source: 'demo' | 'live') => {
    const d = createIpcDispatcher(createFakeEngine({ source }), () => undefined);
    const scan = await d('scan', {});
    if (!scan.ok) throw new Error(scan.error.message);
    return { d, runToken: (scan.value as { runToken: string }).runToken };
  };

  it('takes ids only: a run token and a profile name, nothing else', async () => {
    const { d, runToken } = await scanned('live');
    const cases: unknown[] = [
      {},
      { runToken },
      { profileName: 'Corp VPN' },
      { runToken, profileName: '' },
      { runToken, profileName: 'x'.repeat(257) },
      { runToken, profileName: 'Corp VPN\r\nrm' },
      { runToken: 'scan 1; calc', profileName: 'Corp VPN' },
      { runToken, profileName: 'Corp VPN', host: '161.44.20.10' },
      { runToken, profileName: 'Corp VPN', port: 1723 },
    ];
    for (const args of cases) await expect(d('checkPptp', args), JSON.stringify(args)).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
    const extra = await d('checkPptp', { runToken, profileName: 'Corp VPN', host: '127.0.0.1' });
    expect(extra.ok ? '' : extra.error.detail).toMatch(/host|unrecognized/i);
  });

  it('returns the verdict through the envelope, only with the fields the contract names', async () => {
    const { d, runToken } = await scanned('live');
    await expect(d('checkPptp', { runToken, profileName: 'Corp VPN' })).resolves.toEqual({
      ok: true,
      value: { verdict: 'control-ok', message: expect.stringContaining('1723'), host: 'vpn.example.com', port: 1723, state: 'open', ms: 12 },
    });
  });

  it('passes UNKNOWN_PROFILE and UNKNOWN_RUN_TOKEN through with their detail', async () => {
    const { d, runToken } = await scanned('live');
    await expect(d('checkPptp', { runToken, profileName: 'Nobody VPN' })).resolves.toEqual({
      ok: false,
      error: { code: 'UNKNOWN_PROFILE', message: 'This scan has no VPN connection with that name; scan again.', detail: 'Nobody VPN' },
    });
    await expect(d('checkPptp', { runToken: 'scan-999', profileName: 'Corp VPN' })).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_RUN_TOKEN', detail: 'scan-999' } });
  });

  it('passes PROBE_NOT_LIVE through on the demo, with its plain message', async () => {
    const { d, runToken } = await scanned('demo');
    const r = await d('checkPptp', { runToken, profileName: 'Corp VPN' });
    expect(r).toMatchObject({ ok: false, error: { code: 'PROBE_NOT_LIVE', detail: 'demo' } });
    expect(r.ok ? '' : r.error.message).toMatch(/connects from this computer.*only makes sense for this computer's own VPN/);
  });

  it('hides a result that does not fit the contract behind INTERNAL', async () => {
    const engine: DesktopEngine = { ...createFakeEngine({ source: 'live' }), checkPptp: async () => ({ verdict: 'maybe', message: '', host: 'h', port: 1723, state: 'open', ms: 1 }) as never };
    await expect(createIpcDispatcher(engine, () => undefined)('checkPptp', { runToken: 'scan-1', profileName: 'Corp VPN' })).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('registerIpcHandlers', () => {
  const indexUrl = 'file:///opt/TunnelMedic/resources/app/dist/renderer/index.html';
  const setup = () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    registerIpcHandlers({ handle: (c, l) => handlers.set(c, l) }, createFakeEngine(), {
      isTrustedSender: (e) => !!e.senderFrame && isTrustedUrl(e.senderFrame.url, { indexUrl }),
      sendProgress: () => undefined,
    });
    return handlers;
  };

  it('registers one handler per contract channel', () => {
    expect([...setup().keys()].sort()).toEqual(channels.map(channelName).sort());
  });

  it('rejects untrusted senders before touching the engine', async () => {
    const handlers = setup();
    const history = handlers.get(channelName('history'))!;
    await expect(history({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER', detail: 'https://evil.example/' } });
    await expect(history({ senderFrame: null }, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    await expect(history({ senderFrame: { url: indexUrl } }, {})).resolves.toEqual({ ok: true, value: [] });
    await expect(history({ senderFrame: { url: indexUrl } }, {}, 'extra')).resolves.toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENTS' } });
  });

  it('trusts only our index page or the dev server origin', () => {
    expect(isTrustedUrl(indexUrl, { indexUrl })).toBe(true);
    expect(isTrustedUrl(`${indexUrl}#/finding`, { indexUrl })).toBe(true);
    expect(isTrustedUrl('file:///C:/Users/x/Downloads/evil.html', { indexUrl })).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', { indexUrl })).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/src/x', { indexUrl, devServerUrl: 'http://localhost:5173' })).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', { indexUrl, devServerUrl: 'http://localhost:5173' })).toBe(false);
  });
});

describe('chooseEngineSource', () => {
  it('uses live on Windows, demo elsewhere, and a capture folder when given', () => {
    expect(chooseEngineSource([], 'win32')).toEqual({ source: 'live' });
    expect(chooseEngineSource([], 'linux')).toEqual({ source: 'demo' });
    expect(chooseEngineSource(['--demo'], 'win32')).toEqual({ source: 'demo' });
    expect(chooseEngineSource(['.', '--capture', 'C:\\caps\\pc1'], 'win32')).toEqual({ source: 'capture', captureDir: 'C:\\caps\\pc1' });
    expect(chooseEngineSource(['--capture=/tmp/c', '--policy', 'p.json'], 'linux')).toEqual({ source: 'capture', captureDir: '/tmp/c', policyFile: 'p.json' });
  });
});
