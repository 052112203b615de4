import { createHash } from 'node:crypto';
import { analyseCapture, type AnalyseOptions } from '../../core/analyse';
import { CAPTURE_FILES } from '../../core/capture/capture';
import { inverseOf, isRouteAction, routeArgv, type Action, type RouteAction } from '../../core/remedy/actions';
import { vpnActionPs } from '../../core/remedy/vpn-actions';
import { findingIdOfFix, type Fix, type Report } from '../../core/model/report';
import type { Progress, RunResult } from '../../shared/ipc';
import { EngineError } from '../../shared/engine-port';
import { newRunId, type Plan, type RunStore } from './journal';
import { effectObserved, preconditionFailure, routeOutputSucceeded } from './judge';
import type { RouteTarget } from './route-target';

export interface ApplyContext {
  target: RouteTarget;
  store: RunStore;
  analyse: Omit<AnalyseOptions, 'now'>;
  onProgress?: (p: Progress) => void;
  /** runs a prepared plan somewhere else (an elevated process); default: here, with executePlan */
  execute?: (plan: Plan) => Promise<RunResult>;
  /** undoes a run somewhere else (an elevated process); default: here, with rollbackRun */
  executeRollback?: (runId: string) => Promise<RunResult>;
}

type Step = RunResult['steps'][number];


/**
 * precheck → backup → journal → act → verify, rolling back on any failure. `consented` is the
 * report the person saw: the fixes applied are re-planned from a fresh collection and must match
 * what they agreed to, action for action.
 */
export async function applyFixes(ctx: ApplyContext, consented: Report, fixIds: string[]): Promise<RunResult> {
  const plan = await preparePlan(ctx, consented, fixIds);
  return ctx.execute ? ctx.execute(plan) : executePlan(ctx, plan);
}

/** Re-collects, re-plans and checks that the plan is still what the person agreed to. */
export async function preparePlan(ctx: ApplyContext, consented: Report, fixIds: string[]): Promise<Plan> {
  progressOf(ctx)('precheck', 0, 1, 'Re-reading the route table');
  const before = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const fixes = fixIds.map((id) => pickFix(before, consented, id));
  const actions = fixes.flatMap((f) => f.actions.map((action, i) => ({ action, label: f.steps[i] ?? describe(action) })));
  checkPreconditions(before, actions);
  const plan: Plan = { runId: newRunId(), createdAt: new Date().toISOString(), fixIds, findingIds: [...new Set(fixIds.map(findingIdOfFix))], actions };
  return { ...plan, sha256: planDigest(plan) };
}

/** The digest that ties an elevated run to the plan the person approved. */
export function planDigest(plan: Plan): string {
  const { runId, createdAt, fixIds, findingIds, actions } = plan;
  return createHash('sha256').update(JSON.stringify({ runId, createdAt, fixIds, findingIds, actions })).digest('hex');
}

function checkPreconditions(report: Report, actions: Plan['actions']): void {
  for (const { action } of actions) {
    const why = preconditionFailure(report.snapshot, action);
    if (why) throw new EngineError('PRECONDITION_FAILED', 'The machine changed since the scan; nothing was changed.', why);
  }
}

const progressOf = (ctx: ApplyContext) => (phase: Progress['phase'], step: number, total: number, label: string) => ctx.onProgress?.({ phase, step, total, label });

/**
 * Runs a prepared plan on the target (in the elevated process on Windows): checks the
 * preconditions once more, backs up, journals each step, verifies, rolls back on failure.
 */
export async function executePlan(ctx: ApplyContext, plan: Plan): Promise<RunResult> {
  const progress = progressOf(ctx);
  const { runId, fixIds } = plan;
  const planned = plan.actions;
  const beforeCapture = await ctx.target.collect();
  checkPreconditions(analyseCapture(beforeCapture, ctx.analyse).report, planned);
  const backup = beforeCapture.files.get(CAPTURE_FILES.routePrint)?.text ?? '';
  progress('backup', 0, 1, 'Taking a backup of what will change');
  await ctx.store.create(plan, backup);
  await ctx.target.backup(ctx.store.dir(runId), planned.map((p) => p.action));

  const steps: Step[] = planned.map((p) => ({ label: p.label, status: 'pending' }));
  const done: { seq: number; action: Action }[] = [];
  let failure: string | null = null;
  for (const [seq, p] of planned.entries()) {
    steps[seq]!.status = 'running';
    progress('apply', seq + 1, planned.length, p.label);
    await ctx.store.append(runId, { seq, phase: 'before' });
    const { ok, output } = await runAction(ctx.target, p.action);
    await ctx.store.append(runId, { seq, phase: 'after', ok, output });
    steps[seq] = { label: p.label, status: ok ? 'done' : 'failed', output: output || undefined };
    if (!ok) {
      failure = `Step ${seq + 1} failed: ${p.label}\n${output}`;
      break;
    }
    done.push({ seq, action: p.action });
  }

  progress('verify', 0, 1, 'Checking the result');
  let after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  if (!failure) {
    const missing = planned.filter((p) => !effectObserved(after.snapshot, p.action));
    const remainingIds = fixIds.filter((id) => after.findings.some((f) => f.fixes.some((x) => x.id === id) || (f.id === findingIdOfFix(id) && f.fixes.length === 0)));
    if (missing.length) failure = `Verification failed: not observed after the change: ${missing.map((m) => m.label).join('; ')}`;
    else if (remainingIds.length) failure = `Verification failed: the problem is still there (${remainingIds.join(', ')})`;
  }

  if (!failure) {
    await ctx.store.append(runId, { seq: planned.length, phase: 'verified', ok: true });
    return result(runId, fixIds, plan.createdAt, steps, after, { verified: true, rolledBack: false, message: 'Applied and verified.' }, ctx.store);
  }

  await ctx.store.append(runId, { seq: planned.length, phase: 'failed', ok: false, message: failure });
  const undo = await undoActions(ctx, runId, done, steps);
  after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const message = undo.ok ? `${failure}\nEverything that was changed has been rolled back.` : `${failure}\nRollback failed as well: ${undo.error}. Manual action needed; journal: ${ctx.store.dir(runId)}`;
  await ctx.store.append(runId, { seq: planned.length, phase: undo.ok ? 'rolled-back' : 'rollback-failed', ok: undo.ok, message });
  return result(runId, fixIds, plan.createdAt, steps, after, { verified: false, rolledBack: undo.ok, message, rollbackFailed: !undo.ok }, ctx.store);
}

/** Undo a run from its journal: inverses of the actions whose "after" record says ok, newest first. */
export async function rollbackRun(ctx: ApplyContext, runId: string): Promise<RunResult> {
  if (ctx.executeRollback) return ctx.executeRollback(runId);
  const plan = await ctx.store.plan(runId).catch(() => {
    throw new EngineError('UNKNOWN_RUN', `No run with id ${runId}.`);
  });
  const journal = await ctx.store.journal(runId);
  if (journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) {
    throw new EngineError('ALREADY_UNDONE', `Run ${runId} has already been undone.`);
  }
  // After a crash an action may have a "before" but no "after" record: whether it happened is
  // read off the machine. Inverses that a failed earlier undo already ran are not run twice.
  const now = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const has = (seq: number, phase: string, ok?: boolean) => journal.some((r) => r.seq === seq && r.phase === phase && (ok === undefined || r.ok === ok));
  const pending = plan.actions.map((a, seq) => {
    const happened = has(seq, 'after', true) || (has(seq, 'before') && !has(seq, 'after') && effectObserved(now.snapshot, a.action));
    return happened && !has(seq, 'undo-after', true);
  });
  const applied = plan.actions.flatMap((a, seq) => (pending[seq] ? [{ seq, action: a.action }] : []));
  const steps: Step[] = plan.actions.filter((_, seq) => pending[seq]).map((a) => ({ label: a.label, status: 'done' }));
  const undo = await undoActions(ctx, runId, applied, steps);
  const after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const message = undo.ok ? `Undone: ${applied.length} change(s) reversed.` : `Undo failed: ${undo.error}. Journal: ${ctx.store.dir(runId)}`;
  await ctx.store.append(runId, { seq: plan.actions.length, phase: undo.ok ? 'undone' : 'rollback-failed', ok: undo.ok, message });
  const outcome = await result(runId, plan.fixIds, plan.createdAt, steps, after, { verified: undo.ok, rolledBack: undo.ok, message, rollbackFailed: !undo.ok }, ctx.store);
  await ctx.store.writeResult(runId, outcome, 'undo');
  return outcome;
}

/** Runs inverses newest first; `done` pairs each action with its plan position for the journal. */
async function undoActions(ctx: ApplyContext, runId: string, done: { seq: number; action: Action }[], steps: Step[]): Promise<{ ok: boolean; error?: string }> {
  for (let i = done.length - 1; i >= 0; i--) {
    const { seq, action } = done[i]!;
    const inverse = inverseOf(action);
    ctx.onProgress?.({ phase: 'rollback', step: done.length - i, total: done.length, label: describe(inverse) });
    await ctx.store.append(runId, { seq, phase: 'undo-before' });
    const { ok, output } = await runAction(ctx.target, inverse);
    await ctx.store.append(runId, { seq, phase: 'undo-after', ok, output });
    if (!ok) return { ok: false, error: `${describe(inverse)}: ${output}` };
    if (steps[i]) steps[i]!.status = 'rolled-back';
  }
  return { ok: true };
}

function pickFix(fresh: Report, consented: Report, fixId: string): Fix {
  const seen = consented.findings.flatMap((f) => f.fixes).find((f) => f.id === fixId);
  if (!seen) throw new EngineError('UNKNOWN_FIX', `No fix with id ${fixId} was offered.`);
  const now = fresh.findings.flatMap((f) => f.fixes).find((f) => f.id === fixId);
  if (!now) throw new EngineError('PRECONDITION_FAILED', 'The problem this fix was for is no longer present; nothing was changed.', fixId);
  if (JSON.stringify(now.actions) !== JSON.stringify(seen.actions)) {
    throw new EngineError('PRECONDITION_FAILED', 'The machine changed since you reviewed the fix; scan again and review the new plan.', fixId);
  }
  return now;
}

const describe = (a: Action) => (isRouteAction(a) ? `route ${routeArgv(a).join(' ')}` : describeOther(a));

function describeOther(a: Exclude<Action, RouteAction>): string {
  switch (a.kind) {
    case 'registry.set':
      return `reg add ${a.key} /v ${a.name || '(Default)'} (${a.type})`;
    case 'registry.delete':
      return a.removeKey ? `reg delete ${a.removeFrom ?? a.key}` : `reg delete ${a.key} /v ${a.name || '(Default)'}`;
    case 'file.replace':
      return 'write LMHOSTS';
    case 'nbtstat.reload':
      return 'nbtstat -R';
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return vpnActionPs(a);
  }
}

/** One action on the target: route.exe is judged by its output, the rest by the target. */
async function runAction(target: RouteTarget, action: Action): Promise<{ ok: boolean; output: string }> {
  if (!isRouteAction(action)) return target.execOther(action);
  const out = await target.execRoute(routeArgv(action));
  return { ok: routeOutputSucceeded(out.stdout), output: out.stdout.trim() };
}

async function result(
  runId: string,
  fixIds: string[],
  startedAt: string,
  steps: Step[],
  report: Report,
  outcome: { verified: boolean; rolledBack: boolean; message: string; rollbackFailed?: boolean },
  store: RunStore,
): Promise<RunResult & { rollbackFailed?: boolean }> {
  return {
    runId,
    fixIds,
    startedAt,
    steps,
    verified: outcome.verified,
    rolledBack: outcome.rolledBack,
    remaining: report.findings.filter((f) => f.severity !== 'info').map((f) => f.id),
    message: outcome.message,
    journalPath: store.dir(runId),
    report: { ...report, run: { id: runId, applied: fixIds, verified: outcome.verified, rolledBack: outcome.rolledBack, journal: store.dir(runId), message: outcome.message } },
    rollbackFailed: outcome.rollbackFailed,
  };
}
