import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../core/analyse';
import { guardTaskName } from '../../core/remedy/guard-task';
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
