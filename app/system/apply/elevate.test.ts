import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main';
import { analyseCapture } from '../../core/analyse';
import { EngineError } from '../../shared/engine-port';
import { demoCaptureDir, demoWorkspace, runsDir } from '../paths';
import type { CommandRunner } from '../run';
import { applyFixes } from './apply';
import { fixApprovalDigest } from './approval';
import { runApprovedPlan } from './approved-run';
import { elevatedExecutor, perUserActions, runAsCommand, windowsCommandLine, type ApprovedInputs } from './elevate';
import { RunStore } from './journal';
import { simulatedTarget } from './route-target';

/** CommandLineToArgvW's rules, to take the elevated command line apart again as Windows would. */
function parseWindowsCommandLine(s: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ' || s[i] === '\t') i++;
    if (i >= s.length) break;
    let arg = '';
    let quoted = false;
    while (i < s.length && (quoted || (s[i] !== ' ' && s[i] !== '\t'))) {
      if (s[i] === '\\') {
        let n = 0;
        for (; s[i] === '\\'; i++) n++;
        if (s[i] === '"') {
          arg += '\\'.repeat(n >> 1);
          if (n % 2) {
            arg += '"';
            i++;
          }
        } else arg += '\\'.repeat(n);
      } else if (s[i] === '"') {
        quoted = !quoted;
        i++;
      }
      else arg += s[i++];
    }
    args.push(arg);
  }
  return args;
}

const psLiteral = (command: string, name: string) => new RegExp(`\\$i\\.${name} = '((?:[^']|'')*)'`).exec(command)![1]!.replace(/''/g, "'");

const SID_USER = 'S-1-5-21-1004336348-1177238915-682003330-1001';
const SID_ADMIN = 'S-1-5-21-1004336348-1177238915-682003330-500';

/**
 * Stands in for powershell.exe + UAC + whoami: it takes the Process.Start command apart with
 * Windows' own argument rules and runs the "elevated instance" (the real CLI `apply-plan`)
 * in-process on the simulated demo machine. `exitCode` plays a refused prompt.
 */
function fakeUacRunner(dataDir: string, opts: { exitCode?: number; stderr?: string; edit?: (args: string[]) => string[] } = {}): CommandRunner & { commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    get spawned() {
      return commands.length;
    },
    async run(file, args) {
      if (file.endsWith('whoami.exe')) return { stdout: `"pc17\\jan","${SID_USER}"\r\n`, stderr: '', exitCode: 0, ok: true };
      const command = args.at(-1)!;
      commands.push(command);
      if (opts.exitCode !== undefined) return { stdout: '', stderr: opts.stderr ?? '', exitCode: opts.exitCode, ok: false };
      let elevated = parseWindowsCommandLine(psLiteral(command, 'Arguments'));
      elevated = opts.edit ? opts.edit(elevated) : elevated;
      let out = '';
      const code = await runCli([...elevated, '--demo'], { stdout: (t) => void (out += t), stderr: (t) => void (out += t), isTTY: false, confirm: async () => false, env: { TUNNELMEDIC_DATA_DIR: dataDir } });
      return { stdout: out, stderr: code === 0 ? '' : out, exitCode: code, ok: code === 0 };
    },
  };
}

async function setup(opts: Parameters<typeof fakeUacRunner>[1] & { policy?: object; inputs?: Partial<ApprovedInputs> } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-elev-'));
  const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir) });
  const store = new RunStore(runsDir(dataDir));
  const inputs: ApprovedInputs = { corporateNetworks: ['10.13.1.0/24'], ...opts.inputs };
  const analyse = { corporateNetworks: [...inputs.corporateNetworks], policy: opts.policy as never, toolVersion: 't' };
  const consented = analyseCapture(await target.collect(), analyse).report;
  const runner = fakeUacRunner(dataDir, opts);
  const execute = elevatedExecutor({ runner, self: { file: 'C:\\Program Files\\TunnelMedic\\TunnelMedic.exe', args: [] }, store, inputs });
  const routes = () => readFileSync(join(demoWorkspace(dataDir), 'route-print.txt'), 'utf8');
  return { dataDir, target, store, analyse, consented, runner, execute, routes };
}

const fixOf = (report: { findings: { fixes: { id: string; actions: never[] }[] }[] }, id: string) => report.findings.flatMap((f) => f.fixes).find((f) => f.id === id)!;

describe('elevated apply: the elevated side re-plans and checks the approved SHA-256', () => {
  it('raises UAC with Process.Start (not Start-Process), exits with the Win32 error code, every value single-quoted', () => {
    const command = runAsCommand("C:\\Program Files\\Tunnel'Medic\\app.exe", ['apply-plan', '--policy', 'C:\\Users\\A B\\p.json']);
    expect(command).not.toContain('Start-Process');
    expect(command).toContain("$i.FileName = 'C:\\Program Files\\Tunnel''Medic\\app.exe'");
    expect(command).toContain(`$i.Arguments = 'apply-plan --policy "C:\\Users\\A B\\p.json"'`);
    expect(command).toContain("$i.Verb = 'runas'");
    expect(command).toContain('catch [System.ComponentModel.Win32Exception] { exit $_.Exception.NativeErrorCode }');
  });

  it.each([['plain'], ['two words'], ['"quoted"'], ['C:\\dir with space\\'], ['a\\"b'], [''], ['\\\\server\\share\\'], ['ends\\\\'], ["it's & | ^ % !x!"]])('the command line gives %j back exactly', (value) => {
    expect(parseWindowsCommandLine(windowsCommandLine(['apply-plan', value, '--x']))).toEqual(['apply-plan', value, '--x']);
  });

  it('passes fix id, approved hash, run id, inputs and SID; the elevated side applies its own plan', async () => {
    const s = await setup();
    const fix = fixOf(s.consented as never, 'route.vpn-default-route-wins:split-now');
    const result = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, [fix.id]);
    expect(result.verified).toBe(true);
    const args = parseWindowsCommandLine(psLiteral(s.runner.commands[0]!, 'Arguments'));
    expect(args).toEqual(['apply-plan', '--run-id', result.runId, '--only', fix.id, '--sha256', fixApprovalDigest(fix), '--corp-net', '10.13.1.0/24', '--user-sid', SID_USER, '--quiet']);
    expect(JSON.parse(readFileSync(join(s.store.dir(result.runId), 'plan.json'), 'utf8')).runId).toBe(result.runId);
  });

  it('the domain typed in the app reaches the elevated side, so the LMHOSTS fix is re-planned the same and applied', async () => {
    const domain = { netbiosName: 'CORP', controllers: [{ name: 'DC1', address: '10.13.1.10' }] };
    const s = await setup({ policy: { schemaVersion: 1, domain }, inputs: { domain } });
    const fix = s.consented.findings.find((f) => f.id === 'lmhosts.missing-domain-entries')!.fixes[0]!;
    const result = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, [fix.id]);
    expect(result.message).toBe('Applied and verified.');
    expect(parseWindowsCommandLine(psLiteral(s.runner.commands[0]!, 'Arguments'))).toEqual(expect.arrayContaining(['--domain', 'CORP', '--dc', 'DC1=10.13.1.10']));
  });

  it('(the defect) without the typed domain the elevated side cannot plan the LMHOSTS fix the person saw: refused, not run', async () => {
    const domain = { netbiosName: 'CORP', controllers: [{ name: 'DC1', address: '10.13.1.10' }] };
    const s = await setup({ policy: { schemaVersion: 1, domain } });
    const fix = s.consented.findings.find((f) => f.id === 'lmhosts.missing-domain-entries')!.fixes[0]!;
    const before = readFileSync(join(demoWorkspace(s.dataDir), 'lmhosts'));
    const e = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, [fix.id]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EngineError);
    expect(readFileSync(join(demoWorkspace(s.dataDir), 'lmhosts')).equals(before)).toBe(true);
  });

  it('the app\'s scan hands out each fix\'s approval hash for the consent dialog', async () => {
    const { createDesktopEngine } = await import('../desktop-engine');
    const engine = createDesktopEngine({ source: 'demo', dataDir: mkdtempSync(join(tmpdir(), 'tm-elev-')) });
    const scan = await engine.scan({ corporateNetworks: ['10.13.1.0/24'] }, () => undefined);
    const fixes = scan.report.findings.flatMap((f) => f.fixes);
    expect(Object.keys(scan.fixSha256 ?? {})).toEqual(fixes.map((f) => f.id));
    for (const f of fixes) expect(scan.fixSha256![f.id]).toBe(fixApprovalDigest(f));
  });

  it('a hash that is not the one of the plan the elevated side derives is refused, and nothing changes', async () => {
    const other = 'ab'.repeat(32);
    const s = await setup({ edit: (args) => args.map((a, i) => (args[i - 1] === '--sha256' ? other : a)) });
    const before = s.routes();
    const error = await applyFixes({ target: s.target, store: s.store, analyse: s.analyse, execute: s.execute }, s.consented, ['route.vpn-default-route-wins:split-now']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('PLAN_MISMATCH');
    expect((error as EngineError).detail).toContain(`approved ${other}`);
    expect(s.routes()).toBe(before);
  });

  it('UAC refused: exit code 1223 is "cancelled" whatever the text; another failure is not, even with "abgebrochen" in it', async () => {
    const refused = await setup({ exitCode: 1223, stderr: 'Der Vorgang wurde vom Benutzer abgebrochen.' });
    const e1 = await applyFixes({ target: refused.target, store: refused.store, analyse: refused.analyse, execute: refused.execute }, refused.consented, ['route.vpn-default-route-wins:split-now']).catch((e: unknown) => e);
    expect((e1 as EngineError).code).toBe('ELEVATION_CANCELLED');
    const chinese = await setup({ exitCode: 1223, stderr: '操作已被用户取消。' });
    const e2 = await applyFixes({ target: chinese.target, store: chinese.store, analyse: chinese.analyse, execute: chinese.execute }, chinese.consented, ['route.vpn-default-route-wins:split-now']).catch((e: unknown) => e);
    expect((e2 as EngineError).code).toBe('ELEVATION_CANCELLED');
    const failed = await setup({ exitCode: 1, stderr: 'Vorgang abgebrochen: Datei nicht gefunden' });
    const e3 = await applyFixes({ target: failed.target, store: failed.store, analyse: failed.analyse, execute: failed.execute }, failed.consented, ['route.vpn-default-route-wins:split-now']).catch((e: unknown) => e);
    expect((e3 as EngineError).code).toBe('ELEVATION_FAILED');
  });

  it('elevated as another account: a per-user change (the VPN profile of the person) is refused with the reason; machine-wide changes run', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-elev-'));
    const admin: CommandRunner = { spawned: 0, run: async () => ({ stdout: `"pc17\\admin","${SID_ADMIN}"\r\n`, stderr: '', exitCode: 0, ok: true }) };
    const input = { demo: true, corpNets: ['10.13.1.0/24'], dataDir };
    const consented = analyseCapture(await simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir) }).collect(), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' }).report;
    const lasting = fixOf(consented as never, 'route.vpn-default-route-wins:split-lasting');
    expect(perUserActions(lasting.actions).length).toBeGreaterThan(0);
    const e = await runApprovedPlan({ runId: '20261202T070000Z-0000aa', fixIds: [lasting.id], sha256: fixApprovalDigest(lasting), userSid: SID_USER, input, runner: admin }).catch((x: unknown) => x);
    expect((e as EngineError).code).toBe('OTHER_ACCOUNT');
    expect(readFileSync(join(runsDir(dataDir), '20261202T070000Z-0000aa', 'refusal.json'), 'utf8')).toContain('OTHER_ACCOUNT');
    const now = fixOf(consented as never, 'route.vpn-default-route-wins:split-now');
    expect(perUserActions(now.actions)).toEqual([]);
    const ok = await runApprovedPlan({ runId: '20261202T070001Z-0000ab', fixIds: [now.id], sha256: fixApprovalDigest(now), userSid: SID_USER, input, runner: admin });
    expect(ok.verified).toBe(true);
  });
});
