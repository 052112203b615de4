import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { analyseCapture } from '../../app/core/analyse';
import { readCaptureDir } from '../../app/system/capture-reader';
import { describeWine, disposeWinePrefix, runCmdScript, winePrefix } from './harness';

/**
 * scripts/collect.cmd and collect.bat in Wine's real cmd.exe. Wine lacks route.exe, wevtutil.exe
 * and the phonebooks — exactly the "one command is missing" case: the collector must carry on,
 * write what it can in the capture layout, and list the rest in not-collected.txt. The result is
 * read back with the same reader and analysis as `tunnelmedic scan --capture`.
 */
const scripts = resolve(__dirname, '..', '..', 'scripts');

afterAll(() => disposeWinePrefix());

async function collect(script: 'collect.cmd' | 'collect.bat', dirName: string) {
  const p = await winePrefix();
  // this machine has no route.exe (the harness installs a stand-in for the fix-script tests)
  for (const f of ['route.exe', 'route.cmd']) rmSync(join(p.system32, f), { force: true });
  copyFileSync(join(scripts, script), join(p.work, script));
  const out = join(p.work, dirName);
  rmSync(out, { recursive: true, force: true });
  const run = await runCmdScript(`@echo off\r\ncall C:\\tm\\${script} C:\\tm\\${dirName}\r\necho collector-exit=%ERRORLEVEL%\r\n`, { timeoutMs: 120_000 });
  return { run, out };
}

describeWine('legacy collector under Wine', () => {
  it('collect.cmd writes the capture layout, records what is missing, and the capture reads back', async () => {
    const { run, out } = await collect('collect.cmd', 'cap-cmd');
    expect(run.stdout).toContain('collector-exit=0');
    const files = readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['capture.json', 'ver.txt', 'ipconfig-all.txt', 'not-collected.txt', 'registry', 'pbk']));
    const missing = readFileSync(join(out, 'not-collected.txt'), 'latin1');
    expect(missing).toMatch(/^route-print\.txt: route\.exe not found\r$/m);
    expect(missing).toMatch(/^pbk\\user\.pbk: .*rasphone\.pbk not found\r$/m);
    expect(existsSync(join(out, 'route-print.txt'))).toBe(false);
    const meta = JSON.parse(readFileSync(join(out, 'capture.json'), 'latin1')) as Record<string, unknown>;
    expect(meta).toMatchObject({ schemaVersion: 1, tool: 'scripts/collect.cmd' });
    // Wine's chcp reports code page 0: the collector leaves a code page it cannot trust out
    expect(meta.codepage === undefined || (typeof meta.codepage === 'number' && meta.codepage > 0)).toBe(true);

    const capture = await readCaptureDir(out);
    expect(capture.readProblems).toEqual([]);
    expect([...capture.files.keys()]).toEqual(expect.arrayContaining(['ver.txt', 'ipconfig-all.txt', 'registry/winlogon.txt', 'registry/windows-nt-currentversion.txt']));
    const { report } = analyseCapture(capture, { toolVersion: 'test' });
    expect(report.snapshot.os.family).toBe('nt6+');
    expect(report.snapshot.files.notCollected).toContain('route-print.txt');
    expect(report.snapshot.files.collected).not.toContain('route-print.txt');
    // a key that does not exist is recorded, not kept as a file holding reg's error text
    expect(missing).toMatch(/^registry\\rasman-parameters\.txt: reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters - key not present\r$/m);
    expect(existsSync(join(out, 'registry', 'rasman-parameters.txt'))).toBe(false);
    expect(report.snapshot.problems.filter((p) => p.source.startsWith('registry/'))).toEqual([]);
  }, 180_000);

  it('a command that fails with error text (netsh interface ipv4 on XP) is recorded as not collected, not kept as output', async () => {
    const p = await winePrefix();
    // netsh.exe replaced by the harness's launcher (nbtstat.exe is one) running netsh.cmd beside it:
    // XP's netsh has no "interface ipv4" context and prints why, in the display language, then fails.
    const netsh = join(p.system32, 'netsh.exe');
    const saved = join(p.system32, 'netsh.exe.wine');
    renameSync(netsh, saved);
    // Wine prefers its own built-in netsh.exe to the file on disk: load the file (native) instead
    const overrides = p.env.WINEDLLOVERRIDES;
    p.env.WINEDLLOVERRIDES = `${overrides ?? ''};netsh.exe=n`;
    try {
      copyFileSync(join(p.system32, 'nbtstat.exe'), netsh);
      writeFileSync(join(p.system32, 'netsh.cmd'), '@echo off\r\necho Der folgende Befehl wurde nicht gefunden: %*.\r\nexit /b 1\r\n', 'latin1');
      const { run, out } = await collect('collect.cmd', 'cap-netsh-fails');
      expect(run.stdout).toContain('collector-exit=0');
      expect(existsSync(join(out, 'netsh-interfaces.txt'))).toBe(false);
      const missing = readFileSync(join(out, 'not-collected.txt'), 'latin1');
      expect(missing).toMatch(/^netsh-interfaces\.txt: netsh\.exe failed; its error text was not kept\r$/m);
      expect(missing).not.toContain('nicht gefunden');
      const capture = await readCaptureDir(out);
      expect(capture.files.has('netsh-interfaces.txt')).toBe(false);
      expect(capture.notCollected).toContain('netsh-interfaces.txt: netsh.exe failed; its error text was not kept');
      const { report } = analyseCapture(capture, { toolVersion: 'test' });
      expect(report.snapshot.files.notCollected).toContain('netsh-interfaces.txt');
      expect(report.snapshot.files.collected).not.toContain('netsh-interfaces.txt');
      expect(report.snapshot.problems.filter((x) => x.source === 'netsh-interfaces.txt')).toEqual([]);
    } finally {
      p.env.WINEDLLOVERRIDES = overrides;
      rmSync(netsh, { force: true });
      rmSync(join(p.system32, 'netsh.cmd'), { force: true });
      renameSync(saved, netsh);
    }
  }, 180_000);

  it('collect.bat (COMMAND.COM dialect) runs too: looks for each tool first and records the ones it lacks', async () => {
    const { run, out } = await collect('collect.bat', 'cap-bat');
    expect(run.stdout).toContain('Capture written to');
    const missing = readFileSync(join(out, 'not-collected.txt'), 'latin1');
    expect(missing).toMatch(/^route-print\.txt: ROUTE\.EXE not found\r$/m);
    expect(missing).toMatch(/^rasclient-events\.txt: no event log on Windows 9x\r$/m);
    expect(missing).toMatch(/^file-versions\.txt: no version tool/m);
    const capture = await readCaptureDir(out);
    expect(capture.readProblems).toEqual([]);
    expect(capture.files.has('ver.txt')).toBe(true);
    expect(capture.files.has('route-print.txt')).toBe(false);
    const { report } = analyseCapture(capture, { toolVersion: 'test' });
    expect(report.snapshot.files.notCollected).toContain('route-print.txt');
  }, 180_000);
});
