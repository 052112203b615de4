import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import type { Capture } from '../app/core/capture/capture';
import { fleetFiles } from '../app/core/fleet/bundle';
import type { Report } from '../app/core/model/report';
import { renderBat9x } from '../app/core/remedy/render-bat-9x';
import { renderCmd } from '../app/core/remedy/render-cmd';
import { renderCmdNt4 } from '../app/core/remedy/render-cmd-nt4';
import { renderReportHtml } from '../app/core/report/report-html';
import { COMMAND_COM_LACKS, NT4_LACKS, scriptConstructViolations } from '../app/core/remedy/script-constructs';
import { ps1Absence, scriptDialectOf, scriptRefusalOf, type ScriptDialect } from '../app/core/remedy/script-dialect';
import { ReportSchema } from '../app/core/model/report';
import { readCaptureDir } from '../app/system/capture-reader';
import { readPolicyFile } from '../app/system/policy-file';
import { existsSync } from 'node:fs';
import type { Policy } from '../app/core/model/policy';
import { cli } from './support/cli';

/**
 * Issue 11.6: every script made for a Windows NT 4.0 or 9x capture is in the dialect that Windows
 * runs, and holds nothing its shell lacks (script-constructs.ts: a per-generation list with
 * sources). fix.ps1 is offered only where PowerShell 4 and Get-NetRoute run, and every face says
 * why when it is not.
 */

const SAMPLES = join(import.meta.dirname, '..', 'samples');
const SAMPLE_NAMES = ['demo', 'nt4-sp5', 'win11-ras-errors', 'win11-registry', 'win7-guard', 'win95-osr2', 'xp-registry'];
/** `ver` as NT 4.0 and Windows 95 print it (samples/nt4-sp5, samples/win95-osr2) */
const VER = { nt4: 'Windows NT Version 4.0  \r\n', win9x: 'Windows 95. [Version 4.00.1111]\r\n' } as const;

/** a sample's capture (optionally with another `ver`), with its policy.json like `--policy` gives it */
async function sample(name: string, ver?: string): Promise<Capture & { policy?: Policy }> {
  const cap: Capture & { policy?: Policy } = await readCaptureDir(join(SAMPLES, name));
  if (ver !== undefined) cap.files.set('ver.txt', { name: 'ver.txt', text: ver, encoding: 'utf-8' } as never);
  const policy = join(SAMPLES, name, 'policy.json');
  if (existsSync(policy)) cap.policy = await readPolicyFile(policy);
  return cap;
}

const analyse = (cap: Capture & { policy?: Policy }, lang: 'en' | 'nl' = 'en') =>
  analyseCapture(cap, { toolVersion: 'test', corporateNetworks: ['10.13.1.0/24'], language: lang, ...(cap.policy ? { policy: cap.policy } : {}) }).report;

/** Every sample as NT 4.0 and as Windows 95 (the rules plan what they plan; the scripts must follow). */
async function oldCaptures(): Promise<{ name: string; dialect: ScriptDialect; report: Report }[]> {
  const out: { name: string; dialect: ScriptDialect; report: Report }[] = [];
  for (const name of SAMPLE_NAMES) {
    for (const [gen, ver] of Object.entries(VER)) out.push({ name: `${name} as ${gen}`, dialect: gen === 'nt4' ? 'cmd-nt4' : 'command-com', report: analyse(await sample(name, ver)) });
  }
  // the real NT 4.0 and Windows 95 samples in their own route print layout, connected to a PPTP server
  // whose default route wins (the seed FAQ's split-tunnel case)
  for (const [name, dialect] of [['nt4-sp5', 'cmd-nt4'], ['win95-osr2', 'command-com']] as const) out.push({ name: `${name} + PPTP`, dialect, report: analyse(await withPptpDefault(name)) });
  return out;
}

async function withPptpDefault(name: string): Promise<Capture> {
  const cap = await sample(name);
  const rp = cap.files.get('route-print.txt')!;
  const lines = rp.text.split(/\r?\n/);
  const i = lines.findIndex((l) => /^\s+0\.0\.0\.0\s+0\.0\.0\.0/.test(l));
  lines[i] = lines[i]!.replace(/1\s*$/, '2');
  lines.splice(i, 0, '          0.0.0.0          0.0.0.0    192.168.1.10    192.168.1.10       1', '     192.168.1.10  255.255.255.255       127.0.0.1       127.0.0.1       1');
  cap.files.set('route-print.txt', { ...rp, text: lines.join('\r\n') });
  return cap;
}

describe('scripts per Windows generation (issue 11.6)', () => {
  it('the dialect follows the generation; a generation is refused what it cannot script, per action kind', () => {
    expect(scriptDialectOf('win9x')).toBe('command-com');
    expect(scriptDialectOf('nt4')).toBe('cmd-nt4');
    expect(scriptDialectOf('nt5')).toBe('cmd');
    expect(scriptDialectOf('unknown')).toBe('cmd');
    const route = { kind: 'route.add', destination: '10.0.0.0', netmask: '255.0.0.0', gateway: '10.1.1.1', metric: 1 } as const;
    const change = { kind: 'route.change', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.1.1.1', metric: 1, previousMetric: 5 } as const;
    const reg = { kind: 'registry.set', key: 'HKLM\\X', name: 'Y', type: 'REG_DWORD', data: 1, view: 64, previous: { absent: true }, keyExisted: true } as const;
    const vpn = { kind: 'vpn.split.set', connectionName: 'Corp', allUsers: true, splitTunneling: true, previous: false } as const;
    const at = (generation: 'win9x' | 'nt4' | 'nt5' | 'nt6+', osVersion?: string) => ({ generation, osVersion });
    expect(scriptRefusalOf(route, at('win9x'))).toBeUndefined();
    expect(scriptRefusalOf(route, at('nt4'))).toBeUndefined();
    expect(scriptRefusalOf(change, at('win9x'))).toBe('noMetricColumn9x');
    expect(scriptRefusalOf(change, at('nt4'))).toBeUndefined();
    expect(scriptRefusalOf(reg as never, at('nt4'))).toBe('noRegExe');
    expect(scriptRefusalOf(reg as never, at('win9x'))).toBe('noRegExe');
    expect(scriptRefusalOf(reg as never, at('nt5'))).toBeUndefined();
    expect(scriptRefusalOf(vpn, at('nt6+', '6.1'))).toBe('noVpnClient');
    expect(scriptRefusalOf(vpn, at('nt6+', '6.2'))).toBeUndefined();
    expect(scriptRefusalOf(vpn, at('nt6+'))).toBeUndefined();
  });

  it('every script of every fix of every NT 4.0 / 9x capture passes its generation\'s construct check; refused fixes say why', async () => {
    let scripts = 0;
    let refused = 0;
    const caps = await oldCaptures();
    for (const { name, dialect, report } of caps) {
      expect(ReportSchema.safeParse(report).success, name).toBe(true);
      for (const f of report.findings) {
        refused += f.evidence.filter((e) => e.text.startsWith('No script is offered for the fix')).length;
        for (const fix of f.fixes) {
          expect(fix.script.dialect, `${name} ${fix.id}`).toBe(dialect);
          expect(fix.script.ps1, `${name} ${fix.id}`).toBeUndefined();
          expect(fix.script.rollbackPs1).toBeUndefined();
          expect(fix.script.ps1Unavailable).toMatch(/fix\.ps1 is not offered for this PC: Windows (NT 4\.0|95\/98\/ME) has no PowerShell/);
          for (const text of [fix.script.cmd, fix.script.rollbackCmd]) {
            expect(scriptConstructViolations(text, dialect), `${name} ${fix.id}`).toEqual([]);
            scripts++;
          }
          // no action a generation cannot script survives into a fix
          for (const a of [...fix.actions, ...fix.rollbackActions]) expect(scriptRefusalOf(a, { generation: report.snapshot.os.family })).toBeUndefined();
        }
      }
      // the scripts command's files: a .bat for 9x, no fix.ps1 at all, and each one passes too
      for (const file of fleetFiles(report, { corporateNetworks: ['10.13.1.0/24'], madeFrom: name, toolVersion: 'test' })) {
        if (/(^|\/)(fix|rollback)\.ps1$/.test(file.name)) throw new Error(`${name}: ${file.name} offered for a Windows that cannot run it`);
        if (!/(^|\/)(fix|rollback)\.(cmd|bat)$/.test(file.name)) continue;
        expect(file.name.endsWith(dialect === 'command-com' ? '.bat' : '.cmd'), `${name} ${file.name}`).toBe(true);
        expect(scriptConstructViolations(String(file.content), dialect), `${name} ${file.name}`).toEqual([]);
        scripts++;
      }
    }
    // the demo and win7-guard plan route fixes (scripted), the lasting/guard/registry fixes are refused
    expect(scripts).toBeGreaterThan(20);
    for (const real of caps.filter((c) => c.name.endsWith('+ PPTP'))) expect(real.report.findings.flatMap((f) => f.fixes).map((f) => f.id), real.name).toContain('route.vpn-default-route-wins:split-now');
    expect(refused).toBeGreaterThan(5);
  });

  it('a refused fix is named with its reason in the finding, in en and nl', async () => {
    const en = analyse(await sample('xp-registry', VER.win9x));
    const nl = analyse(await sample('xp-registry', VER.win9x), 'nl');
    const lines = (r: Report) => r.findings.flatMap((f) => f.evidence.map((e) => e.text)).filter((t) => /reg\.exe/.test(t));
    expect(lines(en).join('\n')).toContain('this Windows has no reg.exe');
    expect(lines(nl).join('\n')).toContain('deze Windows heeft geen reg.exe');
    expect(en.findings.flatMap((f) => f.fixes)).toEqual([]);
  });

  it('the checker rejects what each generation lacks (a modern script, and hand-made bad ones)', async () => {
    const demo = analyse(await sample('demo'));
    const modern = demo.findings.flatMap((f) => f.fixes).find((f) => f.id.endsWith('split-now'))!.script.cmd;
    const whats = (text: string, d: ScriptDialect) => new Set(scriptConstructViolations(text, d).map((v) => v.what));
    const nt4 = whats(modern, 'cmd-nt4');
    for (const w of ['exit /b', '%~1 (quote stripping)', 'for /f usebackq', 'a dynamic variable (Windows 2000+)', 'setlocal with arguments']) expect(nt4, w).toContain(w);
    const bat = whats(modern, 'command-com');
    for (const w of ['for /f, /l, /d, /r', 'call :label', 'set /a, set /p', 'if defined, if /i', 'handle redirection (2>, 2>&1, >&2)', '%*']) expect(bat, w).toContain(w);
    // the modern dialect keeps what it had: nothing forbidden
    expect(scriptConstructViolations(modern, 'cmd')).toEqual([]);
    // structure: a label COMMAND.COM cannot tell from another (first 8 characters), a jump to nowhere, a long line
    const bad = ['@echo off', 'goto cleanup_1', ':cleanup_1', ':cleanup_2', 'goto nowhere', `echo ${'x'.repeat(130)}`].join('\r\n');
    const b = whats(bad, 'command-com');
    expect([...b].some((w) => /the same as line/.test(w))).toBe(true);
    expect([...b].some((w) => /missing label nowhere/.test(w))).toBe(true);
    expect(b).toContain('a command line longer than 127 characters');
    // every forbidden construct names its source
    for (const c of [...NT4_LACKS, ...COMMAND_COM_LACKS]) expect(c.source).toMatch(/^[A-Z0-9-]+$/);
  });

  it('the renderers never return a script their shell cannot run', () => {
    const spec = { title: 't', steps: [{ action: { kind: 'nbtstat.reload' } as const, label: 'reload' }] };
    expect(() => renderBat9x(spec)).toThrow(/cannot render nbtstat\.reload/);
    const vpn = { kind: 'vpn.route.add', connectionName: 'Corp', allUsers: true, destinationPrefix: '10.13.1.0/24' } as const;
    expect(() => renderCmdNt4({ title: 't', steps: [{ action: vpn, label: 'vpn' }] })).toThrow(/cannot render vpn\.route\.add/);
    // NT 4.0 runs nbtstat -R and the LMHOSTS edit (judged by the exit code / fc /b, like later Windows)
    expect(scriptConstructViolations(renderCmdNt4(spec), 'cmd-nt4')).toEqual([]);
  });

  it('the COMMAND.COM .bat judges each route step by FIND over route print (structure, no interpreter)', () => {
    const del = { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', previousMetric: 1 } as const;
    const add = { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 23 } as const;
    const bat = renderBat9x({ title: 'TunnelMedic: fix & <test> 100%', steps: [{ action: del, label: 'remove' }, { action: add, label: 'add' }] }, { generation: 'win9x', interfaces: [{ index: 23, address: '192.168.1.5' }] });
    const lines = bat.split('\r\n');
    expect(lines[1]).toBe('echo TunnelMedic: fix test 100'); // & < > % dropped
    // route.exe without IF (9x's has none), then a fresh PRINT, then FINDs over it
    const step = (from: string, to: string) => lines.slice(lines.indexOf(from) + 1, lines.indexOf(to));
    const first = step('echo [1/2] remove', 'echo [2/2] add');
    expect(first[0]).toBe('%windir%\\ROUTE.EXE DELETE 0.0.0.0 MASK 0.0.0.0 192.168.1.1');
    expect(first[1]).toBe('%windir%\\ROUTE.EXE PRINT >%TEMP%\\TMROUTEA.TXT');
    const finds = (ls: string[]) => ls.filter((l) => l.includes('FIND.EXE')).map((l) => /" (\S+) "/.exec(l)![1]);
    expect(finds(first)).toEqual(['0.0.0.0', '0.0.0.0', '192.168.1.1']);
    // each FIND is followed by its error check, and the verdict of an absent check is "found = failed"
    first.forEach((l, i) => l.includes('FIND.EXE') && expect(first[i + 1]).toBe('if errorlevel 2 goto failed'));
    expect(first.at(-1)).toBe('if not errorlevel 1 goto failed');
    const second = step('echo [2/2] add', 'echo TunnelMedic: all 2 steps done.');
    expect(second[0]).toBe('%windir%\\ROUTE.EXE ADD 10.13.1.0 MASK 255.255.255.0 192.168.1.1 METRIC 1');
    expect(finds(second)).toEqual(['10.13.1.0', '255.255.255.0', '192.168.1.1', '192.168.1.5']);
    expect(second.at(-1)).toBe('if errorlevel 1 goto failed');
    // each FIND reads what the one before it wrote
    const io = second.filter((l) => l.includes('FIND.EXE')).map((l) => /<(\S+) >(\S+)/.exec(l)!.slice(1));
    io.slice(1).forEach(([from], i) => expect(from).toBe(io[i]![1]));
    expect(scriptConstructViolations(bat, 'command-com')).toEqual([]);
  });

  it('NT 4.0 LMHOSTS edit: the reviewed bytes are compared (fc /b) before anything is copied or deleted', () => {
    const replace = { kind: 'file.replace', path: { kind: 'lmhosts' }, content: 'new\r\n', previous: 'old\r\n', encoding: 'cp850', lineEnding: 'crlf' } as const;
    const lines = renderCmdNt4({ title: 't', steps: [{ action: replace, label: 'edit' }] }).split('\r\n');
    const fc = lines.indexOf('"%TM_FC%" /b "%TM_FILE%" "%TM_PREV%" >nul 2>&1');
    expect(fc).toBeGreaterThan(0);
    // -1 (fc could not compare) is below 1: without the second check it would read as "equal"
    expect(lines.slice(fc + 1, fc + 3)).toEqual(['if errorlevel 1 goto changed', 'if not errorlevel 0 goto changed']);
    const firstWrite = lines.findIndex((l) => /^(copy|del) /.test(l));
    expect(firstWrite).toBeGreaterThan(fc + 2);
    // after the copy the new bytes are compared again
    expect(lines.slice(lines.indexOf('copy /b "%TM_NEW%" "%TM_FILE%" >nul') + 1, lines.indexOf('copy /b "%TM_NEW%" "%TM_FILE%" >nul') + 4)).toEqual(['"%TM_FC%" /b "%TM_NEW%" "%TM_FILE%" >nul 2>&1', 'if errorlevel 1 goto failed', 'if not errorlevel 0 goto failed']);
    // a creation (no file before) refuses a file that appeared since; its undo deletes only the reviewed bytes
    const create = renderCmdNt4({ title: 't', steps: [{ action: { ...replace, previous: '', previousAbsent: true }, label: 'create' }] });
    expect(create).toContain('if exist "%TM_FILE%" goto changed\r\ncopy /b "%TM_NEW%" "%TM_FILE%" >nul\r\n');
    const remove = renderCmdNt4({ title: 't', steps: [{ action: { ...replace, content: '', contentAbsent: true }, label: 'delete' }] });
    expect(remove).toContain('if errorlevel 1 goto changed\r\nif not errorlevel 0 goto changed\r\nif exist "%TM_FILE%.tunnelmedic.bak" del "%TM_FILE%.tunnelmedic.bak"');
    expect(remove).not.toContain('TM_NEW');
  });

  it('NT 4.0 scripts leave IF out and read the table without usebackq', () => {
    const add = { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.13.1.200', metric: 1, interfaceIndex: 31 } as const;
    const s = renderCmdNt4({ title: 't', steps: [{ action: add, label: 'add' }] }, { generation: 'nt4', interfaces: [{ index: 31, address: '10.13.1.200' }] });
    expect(s).toContain('call :route ADD 10.13.1.0 MASK 255.255.255.0 10.13.1.200 METRIC 1\r\n');
    expect(s).toContain('do if "%%a"=="10.13.1.0" if "%%b"=="255.255.255.0" if "%%c"=="10.13.1.200" if "%%d"=="10.13.1.200" if "%%e"=="1" set TM_FOUND=1\r\n');
    expect(s).toContain(`for /f "tokens=1-5" %%a in ('type "%TM_OUT%"') do`);
    // the same route in the modern dialect keeps IF and its checks
    expect(renderCmd({ title: 't', steps: [{ action: add, label: 'add' }] })).toContain('IF 31');
  });
});

describe('fix.ps1 is offered only where it runs (issue 11.6)', () => {
  it('by Windows version: 8.1 / 2012 R2 (6.3) and later, or a capture that does not say', () => {
    expect(ps1Absence({ family: 'nt6+', version: '10.0' })).toBeUndefined();
    expect(ps1Absence({ family: 'nt6+', version: '6.3' })).toBeUndefined();
    expect(ps1Absence({ family: 'nt6+', version: '6.2' })).toBe('nt6old');
    expect(ps1Absence({ family: 'nt6+', version: '6.1' })).toBe('nt6old');
    expect(ps1Absence({ family: 'nt6+', version: '6.0' })).toBe('nt6old');
    expect(ps1Absence({ family: 'nt6+' })).toBeUndefined();
    expect(ps1Absence({ family: 'unknown' })).toBeUndefined();
    expect(ps1Absence({ family: 'nt5', version: '5.1' })).toBe('nt5');
    expect(ps1Absence({ family: 'nt4', version: '4.0' })).toBe('nt4');
    expect(ps1Absence({ family: 'win9x', version: '4.0' })).toBe('win9x');
  });

  it('Windows 10 capture: offered in the report, the bundle and the HTML; XP and NT 4.0 captures: not, and each says why', async () => {
    const win10 = analyse(await sample('demo'));
    const win10Fixes = win10.findings.flatMap((f) => f.fixes);
    expect(win10Fixes.length).toBeGreaterThan(0);
    for (const fix of win10Fixes) {
      expect(fix.script.ps1).toMatch(/^#Requires -Version 4\.0\r\n#Requires -RunAsAdministrator/);
      expect(fix.script.ps1Unavailable).toBeUndefined();
    }
    const names10 = fleetFiles(win10, { corporateNetworks: [], madeFrom: 'demo', toolVersion: 't' }).map((f) => f.name);
    expect(names10).toContain('fix.ps1');
    expect(names10.filter((n) => /^fixes\/.*\/fix\.ps1$/.test(n)).length).toBe(win10Fixes.length);

    for (const [name, cap, reason] of [
      ['xp', await sample('xp-registry'), 'Windows 2000, XP and Server 2003 cannot run'],
      ['nt4', await sample('demo', VER.nt4), 'Windows NT 4.0 has no PowerShell'],
      ['win7', await sample('win7-guard'), 'Windows 7 has no Get-NetRoute'],
    ] as const) {
      const report = analyse(cap);
      const fixes = report.findings.flatMap((f) => f.fixes);
      expect(fixes.length, name).toBeGreaterThan(0);
      for (const fix of fixes) {
        expect(fix.script.ps1, name).toBeUndefined();
        expect(fix.script.ps1Unavailable, name).toContain(reason);
      }
      const files = fleetFiles(report, { corporateNetworks: [], madeFrom: name, toolVersion: 't' });
      expect(files.map((f) => f.name).filter((n) => /(fix|rollback)\.ps1$/.test(n)), name).toEqual([]);
      expect(String(files.find((f) => f.name === 'README.txt')!.content), name).toContain(reason);
      expect(renderReportHtml(report), name).toContain(reason);
    }
    // Dutch
    const nl = analyse(await sample('xp-registry'), 'nl');
    expect(nl.findings.flatMap((f) => f.fixes)[0]!.script.ps1Unavailable).toContain('fix.ps1 wordt voor deze pc niet aangeboden');
  });

  it('`scripts` for an XP capture writes no fix.ps1 and says why (the Windows 10 demo: scripts-command.test.ts)', async () => {
    const { mkdtempSync, existsSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = join(mkdtempSync(join(tmpdir(), 'tm-dialect-')), 'xp');
    const r = await cli(['scripts', '--capture', join(SAMPLES, 'xp-registry'), '--out', out]);
    expect(r.stdout).toContain('fix.ps1 is not offered for this PC: it needs PowerShell 4 and Get-NetRoute');
    expect(existsSync(join(out, 'fix.cmd'))).toBe(true);
    expect(existsSync(join(out, 'fix.ps1'))).toBe(false);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('fix.ps1 is not offered for this PC');
  });
});
