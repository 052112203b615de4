import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../core/analyse';
import { guardTaskName, guardTaskXml } from '../../core/remedy/guard-task';
import type { CommandRunner } from '../run';
import { execOtherLive } from './other-actions';
import { RunStore } from './journal';
import { applyFixes, rollbackRun } from './apply';
import { simulatedTarget } from './route-target';

/** "Keep it fixed" on a Windows 7 capture (no Get-VpnConnection): the guard task is installed and removed by state. */
const seed = join(import.meta.dirname, '..', '..', '..', 'samples', 'win7-guard');
const GUARD = 'route.vpn-default-route-wins:guard';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-guard-'));
  const workspace = join(dataDir, 'machine');
  const target = simulatedTarget({ seedDir: seed, workspaceDir: workspace, origin: 'capture' });
  const store = new RunStore(join(dataDir, 'runs'));
  const ctx = { target, store, analyse: { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' } };
  const tasks = () => readFileSync(join(workspace, 'scheduled-tasks.csv'), 'utf8');
  return { target, ctx, tasks };
}

describe('guard fix (issue 15.4)', () => {
  it('is offered on Windows 7 without a VPN profile that PowerShell can change, beside the now-fix', async () => {
    const s = setup();
    const report = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const ids = report.findings.find((f) => f.id === 'route.vpn-default-route-wins')!.fixes.map((f) => f.id);
    expect(ids).toEqual(['route.vpn-default-route-wins:split-now', GUARD]);
  });

  it('is not offered where the profile can be changed for good (the demo: Get-VpnConnection)', async () => {
    const demo = simulatedTarget({ seedDir: join(seed, '..', 'demo'), workspaceDir: join(mkdtempSync(join(tmpdir(), 'tm-guard-')), 'm') });
    const report = analyseCapture(await demo.collect(), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' }).report;
    expect(report.findings.flatMap((f) => f.fixes.map((x) => x.id))).not.toContain(GUARD);
  });

  it('applies (routes + task), verifies by the task list, and undo removes the task leaving the list byte for byte', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const before = s.tasks();
    const result = await applyFixes(s.ctx, consented, [GUARD]);
    expect(result.message).toBe('Applied and verified.');
    expect(result.verified).toBe(true);
    expect(s.tasks()).toContain(guardTaskName('Corp VPN'));
    const fresh = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    expect(fresh.snapshot.scheduledTasks?.map((t) => t.name)).toEqual([guardTaskName('Corp VPN')]);
    const undo = await rollbackRun(s.ctx, result.runId);
    expect(undo.rolledBack).toBe(true);
    expect(s.tasks()).toBe(before);
  });

  it('refuses when a task of that name appeared since the review', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const create = consented.findings.flatMap((f) => f.fixes).find((f) => f.id === GUARD)!.actions.find((a) => a.kind === 'task.create')!;
    await s.target.execOther(create as never);
    await expect(applyFixes(s.ctx, consented, [GUARD])).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });
});

describe('guard task on this PC (schtasks.exe through the runner)', () => {
  const create = { kind: 'task.create' as const, name: guardTaskName('Corp VPN'), connection: 'Corp VPN', xml: guardTaskXml({ connection: 'Corp VPN', program: 'C:\\TM\\TunnelMedic.exe' }) };
  function fakeRunner(stored: (xmlFile: string) => string | null) {
    const calls: { file: string; args: readonly string[] }[] = [];
    let lastXml: string | null = null;
    const runner: CommandRunner = {
      spawned: 0,
      async run(file, args) {
        calls.push({ file, args });
        if (args[0] === '/Create') lastXml = stored(readFileSync(args[4]!, 'utf16le').replace(/^\uFEFF/, ''));
        if (args[0] === '/Query') return { ok: lastXml !== null, exitCode: lastXml ? 0 : 1, stdout: lastXml ?? '', stderr: '' };
        return { ok: true, exitCode: 0, stdout: 'SUCCESS', stderr: '' };
      },
    };
    return { runner, calls };
  }

  it('calls System32\\schtasks.exe by full path with the XML as UTF-16 and judges by what the store holds', async () => {
    const { runner, calls } = fakeRunner((xml) => xml);
    const r = await execOtherLive(runner, 'C:\\Windows', create);
    expect(r.ok).toBe(true);
    expect(calls.map((c) => c.file)).toEqual(['C:\\Windows\\System32\\schtasks.exe', 'C:\\Windows\\System32\\schtasks.exe']);
    expect(calls[0]!.args.slice(0, 3)).toEqual(['/Create', '/TN', create.name]);
  });

  it('removes the task again when the store holds another definition than the one reviewed', async () => {
    const { runner, calls } = fakeRunner((xml) => xml.replace('guard-run', 'something-else'));
    const r = await execOtherLive(runner, 'C:\\Windows', create);
    expect(r.ok).toBe(false);
    expect(calls.at(-1)!.args).toEqual(['/Delete', '/TN', create.name, '/F']);
  });
});
