import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../test/corpus';
import { analyseCapture } from '../core/analyse';
import { lookupValue, registryViewOf } from '../core/model/registry-view';
import { errorText } from './error-text';
import { CollectionError } from './errors';
import { collectLive, liveCommands } from './live-collector';
import type { CommandRunner, RunOptions } from './run';

type Reply = string | null | { exitCode: number; stdout?: string; stderr?: string };
const KEY_MISSING = { exitCode: 1, stderr: 'ERROR: The system was unable to find the specified registry key or value.\r\n' };

/** Replays recorded outputs as the OEM console prints them (bytes in cp850), decoded like execa would. */
function replayRunner(outputs: Record<string, Reply>, fallback: Reply = { exitCode: 9009, stderr: 'is not recognized as an internal or external command' }) {
  const calls: { file: string; args: readonly string[]; options?: RunOptions }[] = [];
  const runner: CommandRunner & { calls: typeof calls } = {
    calls,
    get spawned() {
      return calls.length;
    },
    async run(file, args, options) {
      calls.push({ file, args, options });
      const key = [file, ...args].join(' ');
      const reply = key in outputs ? outputs[key]! : /^reg\.exe query /.test(key) ? KEY_MISSING : fallback;
      if (reply === null) throw new Error(`spawn ${file} ENOENT`);
      const r: { exitCode: number; stdout?: string; stderr?: string } = typeof reply === 'string' ? { exitCode: 0, stdout: reply } : reply;
      const codepage = (await options?.codepage) ?? 850;
      const decode = (t = '') => iconv.decode(iconv.encode(t, 'cp850'), `cp${codepage}`);
      return { stdout: decode(r.stdout), stderr: decode(r.stderr), exitCode: r.exitCode, ok: (options?.okExitCodes ?? [0]).includes(r.exitCode) };
    },
  };
  return runner;
}

const demo = (name: string) => readFileSync(`samples/demo/${name}`);
const demoRasman = demo('registry/rasman.txt').toString('utf8').split('\r\n').slice(1).join('\r\n');
const ENV = { SystemRoot: 'C:\\Windows', APPDATA: 'C:\\Users\\sam\\AppData\\Roaming', ProgramData: 'C:\\ProgramData' };
const readBytes = async (path: string) => {
  if (path === 'C:\\Windows\\System32\\drivers\\etc\\lmhosts') return demo('lmhosts');
  if (path === 'C:\\Users\\sam\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk') return demo('pbk/rasphone.pbk');
  throw new Error('ENOENT');
};

describe.skipIf(!corpusAvailable)('collectLive with recorded outputs', () => {
  it('runs every command as an argv array, in parallel, decodes the OEM code page and parses like a capture', async () => {
    const runner = replayRunner({
      'chcp.com': 'Página de códigos activa: 850\r\n',
      'cmd.exe /d /c ver': '\r\nMicrosoft Windows [Versión 10.0.22631.4460]\r\n',
      'route.exe print': readCorpus('route-print', 'win11-es-sgn-tunnel-onlink-split.txt'),
      'ipconfig.exe /all': readCorpus('ipconfig', 'win11-es-wifi-cgnat-ipv6-section-partial.txt'),
      'netsh.exe interface ipv4 show interfaces': readCorpus('netsh', 'win10-en-netsh-ipv4-show-interfaces-wsl-partial.txt'),
      'reg.exe query HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters /reg:64': demoRasman,
    });
    const { capture, spawned } = await collectLive(runner, { env: ENV, is64Bit: true, readBytes });
    const commands = liveCommands(true);
    expect(spawned).toBe(1 + commands.length);
    expect(runner.calls.map((c) => [c.file, ...c.args].join(' ')).sort()).toEqual(['chcp.com', ...commands.map((c) => [c.cmd, ...c.args].join(' '))].sort());
    expect(runner.calls.filter((c) => c.file === 'reg.exe').every((c) => c.args.at(-1) === '/reg:64')).toBe(true);
    const others = runner.calls.filter((c) => c.file !== 'chcp.com');
    expect((await Promise.all(others.map((c) => c.options?.codepage))).every((cp) => cp === 850)).toBe(true);
    expect(others.every((c) => (c.options?.timeoutMs ?? 0) > 0)).toBe(true);
    expect(capture.files.get('route-print.txt')!.text).toContain('En vínculo');

    const { report } = analyseCapture(capture, { toolVersion: 't' });
    expect(report.source).toBe('live');
    expect(report.snapshot.os).toMatchObject({ family: 'nt6+', version: '10.0' });
    expect(report.snapshot.routes.length).toBeGreaterThan(0);
    const view = registryViewOf(report.snapshot.registry);
    expect(lookupValue(view, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters', 'KeepRasConnections').state).toBe('absent');
    // a key reg.exe says is missing is known to be missing, not "not collected"
    expect(lookupValue(view, 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters', 'EnableLMHOSTS')).toMatchObject({ state: 'absent', keyExists: false });
    expect(report.snapshot.vpnProfiles).toHaveLength(1);
    expect(capture.files.get('lmhosts')!.text).toContain('PRINTER1');
    expect(report.findings.map((f) => f.id)).toContain('ras.keep-connections-disabled');
    expect(capture.notCollected).toEqual(expect.arrayContaining(['pbk/allusers-rasphone.pbk: C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk not found']));
  });

  it('32-bit Windows: no /reg:64 (older reg.exe does not know it); missing commands are recorded', async () => {
    const runner = replayRunner({ 'chcp.com': 'Active code page: 437', 'route.exe print': readCorpus('route-print', 'win10-en-anyconnect-two-defaults.txt'), 'netsh.exe interface ipv4 show interfaces': null });
    const { capture } = await collectLive(runner, { env: ENV, is64Bit: false, readBytes });
    expect(runner.calls.filter((c) => c.file === 'reg.exe').every((c) => !c.args.includes('/reg:64'))).toBe(true);
    expect(capture.readProblems.map((p) => p.source).sort()).toEqual(['ipconfig-all.txt', 'netsh-interfaces.txt', 'ver.txt']);
    expect(capture.readProblems.find((p) => p.source === 'netsh-interfaces.txt')!.message).toContain('could not be started');
    expect(capture.notCollected!.some((n) => n.startsWith('rasclient-events.txt: wevtutil.exe'))).toBe(true);
  });
});

describe('collectLive process plan (issue 16)', () => {
  const VPN_USER = '{\r\n    "Name":  "Corp VPN",\r\n    "ServerAddress":  "vpn.example.com"\r\n}\r\n';
  it('one PowerShell for both Get-VpnConnection queries, split into the two capture files', async () => {
    const ps = liveCommands(true).filter((c) => c.cmd === 'powershell.exe');
    expect(ps).toHaveLength(1);
    const key = ['powershell.exe', ...ps[0]!.args].join(' ');
    const runner = replayRunner({ 'chcp.com': 'Active code page: 850', [key]: `--- tunnelmedic False\r\n${VPN_USER}--- tunnelmedic True\r\n--- tunnelmedic failed: Access denied\r\n` });
    const { capture } = await collectLive(runner, { env: ENV, is64Bit: true, readBytes });
    expect(runner.calls.filter((c) => c.file === 'powershell.exe')).toHaveLength(1);
    expect(capture.files.get('powershell/vpnconnection-user.json')!.text).toBe(VPN_USER);
    expect(capture.files.has('powershell/vpnconnection-allusers.json')).toBe(false);
    expect(capture.notCollected).toContain('powershell/vpnconnection-allusers.json: Get-VpnConnection failed: Access denied');
  });

  it('starts every command without waiting for chcp, and hands over the route files before the slow ones end', async () => {
    let releaseChcp = () => {};
    let releasePs = () => {};
    const started: string[] = [];
    const runner: CommandRunner = {
      spawned: 0,
      async run(file) {
        started.push(file);
        if (file === 'chcp.com') await new Promise<void>((r) => (releaseChcp = r));
        if (file === 'powershell.exe') await new Promise<void>((r) => (releasePs = r));
        return { stdout: file === 'chcp.com' ? 'Active code page: 437' : `${file} output\r\n`, stderr: '', exitCode: 0, ok: true };
      },
    };
    let early: Awaited<ReturnType<typeof collectLive>>['capture'] | null = null;
    const done = collectLive(runner, { env: ENV, is64Bit: true, readBytes, onRoutesReady: (c) => (early = c) });
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toContain('powershell.exe');
    expect(started.length).toBe(1 + liveCommands(true).length);
    releaseChcp();
    await new Promise((r) => setTimeout(r, 10));
    expect(early).not.toBeNull();
    expect([...early!.files.keys()].sort()).toEqual(['ipconfig-all.txt', 'netsh-interfaces.txt', 'route-print.txt', 'ver.txt']);
    releasePs();
    const { capture } = await done;
    expect(capture.meta.codepage).toBe(437);
    expect(capture.files.get('route-print.txt')!.encoding).toBe('cp437');
  });
});

describe('collectLive failures', () => {
  it('fails with a collection error (exit 5) when nothing could be collected', async () => {
    const dead: CommandRunner = { spawned: 0, run: async (file) => Promise.reject(new Error(`spawn ${file} ENOENT`)) };
    await expect(collectLive(dead, { env: {}, readBytes: async () => Promise.reject(new Error('ENOENT')) })).rejects.toBeInstanceOf(CollectionError);
  });

  it('says what failed in the language the error is shown in, and keeps its English message', async () => {
    const dead: CommandRunner = { spawned: 0, run: async (file) => Promise.reject(new Error(`spawn ${file} ENOENT`)) };
    const error = (await collectLive(dead, { env: {}, readBytes: async () => Promise.reject(new Error('ENOENT')) }).catch((e: unknown) => e)) as CollectionError;
    expect(error.message).toContain('not collected: route.exe could not be started (spawn route.exe ENOENT)');
    const dutch = errorText(error, 'nl');
    expect(dutch).toContain('niet verzameld: route.exe kon niet worden gestart (spawn route.exe ENOENT)');
    expect(dutch).not.toMatch(/not collected|could not be started/);
  });
});
