import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../../core/analyse';
import { routeArgv } from '../../core/remedy/actions';
import { EngineError } from '../../shared/engine-port';
import { demoCaptureDir, demoWorkspace, runsDir } from '../paths';
import { applyFixes, executePlan, preparePlan, rollbackRun } from './apply';
import { errorText } from '../error-text';
import { interruptedRuns } from './interrupted';
import { RunStore } from './journal';
import { seedWorkspaceInCell, simulatedTarget, type SimulatedTargetOptions } from './route-target';
import type { WindowsCell } from '../../core/sim/windows-cell';

const FIX = 'route.vpn-default-route-wins:split-now';
const original = readFileSync(join(demoCaptureDir(), 'route-print.txt'), 'utf8');

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-apply-'));
  const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir) });
  const store = new RunStore(runsDir(dataDir));
  const ctx = { target, store, analyse: { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' } };
  const table = () => readFileSync(join(demoWorkspace(dataDir), 'route-print.txt'), 'utf8');
  return { dataDir, target, store, ctx, table };
}

describe('apply engine', () => {
  it('journals a record before and after every step, backs up the table, verifies', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const progress: string[] = [];
    const result = await applyFixes({ ...s.ctx, onProgress: (p) => progress.push(p.phase) }, consented, [FIX]);
    expect(result.verified).toBe(true);
    // only the split-tunnel fix was asked for; without a policy the LMHOSTS finding is an info question
    expect(result.remaining).toEqual(['ras.keep-connections-disabled']);
    const journal = await s.store.journal(result.runId);
    expect(journal.map((r) => `${r.seq}:${r.phase}`)).toEqual(['0:before', '0:after', '1:before', '1:after', '2:verified']);
    expect(await s.store.backup(result.runId)).toBe(original);
    expect(progress).toEqual(['precheck', 'backup', 'apply', 'apply', 'verify']);
  });

  it('refuses when the machine changed after the person reviewed the plan', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    await s.target.execRoute(['DELETE', '0.0.0.0', 'MASK', '0.0.0.0', '192.168.1.1', 'IF', '23']);
    const changed = s.table();
    const error = await applyFixes(s.ctx, consented, [FIX]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('PRECONDITION_FAILED');
    expect(s.table()).toBe(changed);
  });

  it("in Dutch: the refusal is worded in the run's language (the English message stays for logs)", async () => {
    const s = setup();
    const ctx = { ...s.ctx, analyse: { ...s.ctx.analyse, language: 'nl' as const } };
    const consented = analyseCapture(await s.target.collect(), ctx.analyse).report;
    await s.target.execRoute(['DELETE', '0.0.0.0', 'MASK', '0.0.0.0', '192.168.1.1', 'IF', '23']);
    const error = (await applyFixes(ctx, consented, [FIX]).catch((e: unknown) => e)) as EngineError;
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toBe('The problem this fix was for is no longer present; nothing was changed.');
    expect(errorText(error, 'nl')).toBe('Het probleem waarvoor deze oplossing was, is er niet meer; er is niets veranderd.');
  });

  it('in Dutch: a precondition that no longer holds is named in Dutch', async () => {
    const s = setup();
    const ctx = { ...s.ctx, analyse: { ...s.ctx.analyse, language: 'nl' as const } };
    const consented = analyseCapture(await s.target.collect(), ctx.analyse).report;
    const plan = await preparePlan(ctx, consented, [FIX]);
    await s.target.execRoute(['DELETE', '0.0.0.0', 'MASK', '0.0.0.0', '192.168.1.1', 'IF', '23']);
    const error = (await executePlan(ctx, plan).catch((e: unknown) => e)) as EngineError;
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(errorText(error, 'nl')).toBe('De computer is veranderd sinds de controle; er is niets veranderd.');
    expect(error.detail).toBe('route 0.0.0.0 masker 0.0.0.0 met gateway 192.168.1.1 is er niet meer');
  });

  it('rejects fix ids that were never offered', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    await expect(applyFixes(s.ctx, consented, ['route.other:nope'])).rejects.toMatchObject({ code: 'UNKNOWN_FIX' });
  });

  it('after a crash mid-step, the interrupted run is found and rolled back exactly', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const plan = await preparePlan(s.ctx, consented, [FIX]);
    // What a crash leaves: step 0 done and journaled, step 1 done on the machine but its "after" never written.
    await s.store.create(plan, original);
    await s.store.append(plan.runId, { seq: 0, phase: 'before' });
    await s.target.execRoute(routeArgv(plan.actions[0]!.action));
    await s.store.append(plan.runId, { seq: 0, phase: 'after', ok: true });
    await s.store.append(plan.runId, { seq: 1, phase: 'before' });
    await s.target.execRoute(routeArgv(plan.actions[1]!.action));
    expect(s.table()).not.toBe(original);

    expect(await interruptedRuns(s.store)).toEqual([plan.runId]);
    const result = await rollbackRun(s.ctx, plan.runId);
    expect(result.rolledBack).toBe(true);
    expect(result.message).toBe('Undone: 2 changes reversed.');
    expect(s.table()).toBe(original);
    expect(await interruptedRuns(s.store)).toEqual([]);
    await expect(rollbackRun(s.ctx, plan.runId)).rejects.toMatchObject({ code: 'ALREADY_UNDONE' });
  });

  it('a crash before the step ran: nothing to undo for it', async () => {
    const s = setup();
    const consented = analyseCapture(await s.target.collect(), s.ctx.analyse).report;
    const plan = await preparePlan(s.ctx, consented, [FIX]);
    await s.store.create(plan, original);
    await s.store.append(plan.runId, { seq: 0, phase: 'before' });
    const result = await rollbackRun(s.ctx, plan.runId);
    expect(result.message).toMatch(/^Already as before: /);
    expect(result.rolledBack).toBe(true);
    expect(s.table()).toBe(original);
  });
});

describe('apply engine: every route step judged by the table, never by route.exe\'s words', () => {
  async function cellSetup(windows: WindowsCell, faults: Pick<SimulatedTargetOptions, 'failRouteCalls' | 'garbleCalls' | 'skewCalls'> = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'tm-apply-cell-'));
    await seedWorkspaceInCell(demoCaptureDir(), demoWorkspace(dataDir), windows);
    const target = simulatedTarget({ seedDir: demoCaptureDir(), workspaceDir: demoWorkspace(dataDir), windows, ...faults });
    const store = new RunStore(runsDir(dataDir));
    const ctx = { target, store, analyse: { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' } };
    const table = () => readFileSync(join(demoWorkspace(dataDir), 'route-print.txt'), 'utf8');
    const consented = analyseCapture(await target.collect(), ctx.analyse).report;
    return { target, store, ctx, table, consented, original: table() };
  }

  it.each([
    { generation: 'xp', language: 'de' },
    { generation: '7', language: 'zh-CN' },
    { generation: '10', language: 'ru' },
  ] as const)('succeeds on %o although route.exe prints nothing or words nobody knows', async (windows) => {
    const s = await cellSetup(windows, { garbleCalls: [1, 2] });
    const result = await applyFixes(s.ctx, s.consented, [FIX]);
    expect(result.message).toBe('Applied and verified.');
    expect(result.steps.map((x) => x.status)).toEqual(['done', 'done']);
    expect(result.steps[0]!.output).toContain('0x80070000'); // kept as evidence
    const undo = await rollbackRun(s.ctx, result.runId);
    expect(undo.message).toBe('Undone: 2 changes reversed.');
    expect(s.table()).toBe(s.original);
  });

  it('a step judged failed whose change did take effect is undone too (the failing step\'s own included)', async () => {
    // Step 2 adds the company route, but with another metric than planned, and prints nonsense.
    const s = await cellSetup({ generation: '10', language: 'de' }, { skewCalls: [2] });
    const result = await applyFixes(s.ctx, s.consented, [FIX]);
    expect(result.verified).toBe(false);
    expect(result.rolledBack).toBe(true);
    expect(result.message).toMatch(/^Step 2 failed: .*\n.*shows metric 31, planned 26/);
    expect(result.message).toContain('Everything that was changed has been rolled back.');
    expect(result.steps.map((x) => x.status)).toEqual(['rolled-back', 'rolled-back']);
    expect(s.table()).toBe(s.original);
  });

  it('a step that failed without effect: the earlier steps are undone and the person is told so', async () => {
    const s = await cellSetup({ generation: 'xp', language: 'fr' }, { failRouteCalls: [2] });
    const result = await applyFixes(s.ctx, s.consented, [FIX]);
    expect(result.rolledBack).toBe(true);
    expect(result.steps.map((x) => x.status)).toEqual(['rolled-back', 'failed']);
    expect(s.table()).toBe(s.original);
  });

  it('after a reconnect that put the VPN routes back, the rollback says "already as before"', async () => {
    const s = await cellSetup({ generation: '10', language: 'en' });
    const result = await applyFixes(s.ctx, s.consented, [FIX]);
    expect(result.verified).toBe(true);
    // RAS re-plumbs on reconnect: its default route comes back, our company route is gone.
    await s.target.execRoute(['DELETE', '10.13.1.0', 'MASK', '255.255.255.0', '192.168.1.1', 'IF', '23']);
    await s.target.execRoute(['ADD', '0.0.0.0', 'MASK', '0.0.0.0', '192.168.1.1', 'METRIC', '1', 'IF', '23']);
    expect(s.table()).toBe(s.original);
    const undo = await rollbackRun(s.ctx, result.runId);
    expect(undo.rolledBack).toBe(true);
    expect(undo.message).toMatch(/^Already as before: /);
    expect(s.table()).toBe(s.original);
  });
});
