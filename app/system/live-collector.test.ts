import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../test/corpus';
import { analyseCapture } from '../core/analyse';
import { CollectionError } from './errors';
import { collectLive, LIVE_COMMANDS } from './live-collector';
import type { CommandRunner, RunOptions } from './run';

/** A runner that replays recorded outputs as the OEM console would print them (bytes in cp850). */
function replayRunner(outputs: Record<string, string | null>): CommandRunner & { calls: { file: string; args: readonly string[]; options?: RunOptions }[] } {
  const calls: { file: string; args: readonly string[]; options?: RunOptions }[] = [];
  return {
    calls,
    get spawned() {
      return calls.length;
    },
    async run(file, args, options) {
      calls.push({ file, args, options });
      const key = [file, ...args].join(' ');
      const out = outputs[key];
      if (out === undefined) return { stdout: '', stderr: `'${file}' is not recognized as an internal or external command`, exitCode: 9009, ok: false };
      if (out === null) throw new Error(`spawn ${file} ENOENT`);
      // what execa would hand back after decoding cp850 bytes with the code page chcp reported
      const decoded = iconv.decode(iconv.encode(out, 'cp850'), `cp${options?.codepage ?? 850}`);
      return { stdout: decoded, stderr: '', exitCode: 0, ok: true };
    },
  };
}

describe.skipIf(!corpusAvailable)('collectLive with recorded outputs', () => {
  it('runs every command as an argv array, in parallel, decodes the OEM code page and parses like a capture', async () => {
    const runner = replayRunner({
      'chcp.com': 'Página de códigos activa: 850\r\n',
      'cmd.exe /d /c ver': '\r\nMicrosoft Windows [Versión 10.0.22631.4460]\r\n',
      'route.exe print': readCorpus('route-print', 'win11-es-sgn-tunnel-onlink-split.txt'),
      'ipconfig.exe /all': readCorpus('ipconfig', 'win11-es-wifi-cgnat-ipv6-section-partial.txt'),
      'netsh.exe interface ipv4 show interfaces': readCorpus('netsh', 'win10-en-netsh-ipv4-show-interfaces-wsl-partial.txt'),
    });
    const { capture, spawned } = await collectLive(runner);
    expect(spawned).toBe(5);
    expect(runner.calls.map((c) => [c.file, ...c.args].join(' '))).toEqual(['chcp.com', ...LIVE_COMMANDS.map((c) => [c.cmd, ...c.args].join(' '))]);
    expect(runner.calls.slice(1).every((c) => c.options?.codepage === 850 && (c.options.timeoutMs ?? 0) > 0)).toBe(true);
    expect(capture.files.get('route-print.txt')!.text).toContain('En vínculo');
    const { report } = analyseCapture(capture, { toolVersion: 't' });
    expect(report.source).toBe('live');
    expect(report.snapshot.os).toMatchObject({ family: 'nt6+', version: '10.0' });
    expect(report.snapshot.routes.length).toBeGreaterThan(0);
    expect(report.snapshot.interfaces.length).toBeGreaterThan(0);
  });

  it('a missing command is recorded as not collected; the rest still counts', async () => {
    const runner = replayRunner({ 'chcp.com': 'Active code page: 437', 'route.exe print': readCorpus('route-print', 'win10-en-anyconnect-two-defaults.txt'), 'netsh.exe interface ipv4 show interfaces': null });
    const { capture } = await collectLive(runner);
    expect([...capture.files.keys()]).toEqual(['route-print.txt']);
    expect(capture.readProblems.map((p) => p.source).sort()).toEqual(['ipconfig-all.txt', 'netsh-interfaces.txt', 'ver.txt']);
    expect(capture.readProblems.find((p) => p.source === 'netsh-interfaces.txt')!.message).toContain('could not be started');
  });
});

describe('collectLive failures', () => {
  it('fails with a collection error (exit 5) when nothing could be collected', async () => {
    await expect(collectLive(replayRunner({}))).rejects.toBeInstanceOf(CollectionError);
  });
});
