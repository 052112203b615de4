import { createHash } from 'node:crypto';
import { analyseCapture, type AnalyseOptions } from '../../core/analyse';
import { CAPTURE_FILES } from '../../core/capture/capture';
import { inverseOf, routeArgv, type Action } from '../../core/remedy/actions';
import type { Fix, Report } from '../../core/report';
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
}

type Step = RunResult['steps'][number];

const findingIdOf = (fixId: string) => fixId.split(':')[0]!;

/**
 * precheck → backup → journal → act → verify, rolling back on any failure. `consented` is the
 * report the person saw: the fixes applied are re-planned from a fresh collection and must match
 * what they agreed to, action for action.
 */
export async function applyFixes(ctx: ApplyContext, consented: Report, fixIds: string[]): Promise<RunResult> {
  const progress = (phase: Progress['phase'], step: number, total: number, label: string) => ctx.onProgress?.({ phase, step, total, label });

  progress('precheck', 0, 1, 'Re-reading the route table');
  const beforeCapture = await ctx.target.collect();
  const before = analyseCapture(beforeCapture, ctx.analyse).report;
  const fixes = fixIds.map((id) => pickFix(before, consented, id));
  const planned = fixes.flatMap((f) => f.actions.map((action, i) => ({ action, label: f.steps[i] ?? describe(action) })));
  for (const { action } of planned) {
    const why = preconditionFailure(before.snapshot, action);
    if (why) throw new EngineError('PRECONDITION_FAILED', 'The machine changed since the scan; nothing was changed.', why);
  }

  const runId = newRunId();
  const backup = beforeCapture.files.get(CAPTURE_FILES.routePrint)?.text ?? '';
  const plan: Plan = { runId, createdAt: new Date().toISOString(), fixIds, findingIds: [...new Set(fixIds.map(findingIdOf))], actions: planned };
  plan.sha256 = createHash('sha256').update(JSON.stringify(plan.actions)).digest('hex');
  progress('backup', 0, 1, 'Backing up the route table');
  await ctx.store.create(plan, backup);

  const steps: Step[] = planned.map((p) => ({ label: p.label, status: 'pending' }));
  const done: Action[] = [];
  let failure: string | null = null;
  for (const [seq, p] of planned.entries()) {
    steps[seq]!.status = 'running';
    progress('apply', seq + 1, planned.length, p.label);
    await ctx.store.append(runId, { seq, phase: 'before' });
    const out = await ctx.target.execRoute(routeArgv(p.action));
    const ok = routeOutputSucceeded(out.stdout);
    await ctx.store.append(runId, { seq, phase: 'after', ok, output: out.stdout.trim() });
    steps[seq] = { label: p.label, status: ok ? 'done' : 'failed', output: out.stdout.trim() || undefined };
    if (!ok) {
      failure = `Step ${seq + 1} failed: ${p.label}\n${out.stdout.trim()}`;
      break;
    }
    done.push(p.action);
  }

  progress('verify', 0, 1, 'Checking the result');
  let after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  if (!failure) {
    const missing = planned.filter((p) => !effectObserved(after.snapshot, p.action));
    const remainingIds = fixIds.filter((id) => after.findings.some((f) => f.fixes.some((x) => x.id === id) || (f.id === findingIdOf(id) && f.fixes.length === 0)));
    if (missing.length) failure = `Verification failed: not observed after the change: ${missing.map((m) => m.label).join('; ')}`;
    else if (remainingIds.length) failure = `Verification failed: the problem is still there (${remainingIds.join(', ')})`;
  }

  if (!failure) {
    await ctx.store.append(runId, { seq: planned.length, phase: 'verified', ok: true });
    return result(runId, fixIds, plan.createdAt, steps, after, { verified: true, rolledBack: false, message: 'Applied and verified.' }, ctx.store);
  }

  await ctx.store.append(runId, { seq: planned.length, phase: 'failed', ok: false, message: failure });
  const undo = await undoActions(ctx, runId, done, steps, 'rollback');
  after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const message = undo.ok ? `${failure}\nEverything that was changed has been rolled back.` : `${failure}\nRollback failed as well: ${undo.error}. Manual action needed; journal: ${ctx.store.dir(runId)}`;
  await ctx.store.append(runId, { seq: planned.length, phase: undo.ok ? 'rolled-back' : 'rollback-failed', ok: undo.ok, message });
  return result(runId, fixIds, plan.createdAt, steps, after, { verified: false, rolledBack: undo.ok, message, rollbackFailed: !undo.ok }, ctx.store);
}

/** Undo a run from its journal: inverses of the actions whose "after" record says ok, newest first. */
export async function rollbackRun(ctx: ApplyContext, runId: string): Promise<RunResult> {
  const plan = await ctx.store.plan(runId).catch(() => {
    throw new EngineError('UNKNOWN_RUN', `No run with id ${runId}.`);
  });
  const journal = await ctx.store.journal(runId);
  if (journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) {
    throw new EngineError('ALREADY_UNDONE', `Run ${runId} has already been undone.`);
  }
  const applied = plan.actions.filter((_, seq) => journal.some((r) => r.seq === seq && r.phase === 'after' && r.ok)).map((a) => a.action);
  const steps: Step[] = plan.actions.map((a, seq) => ({ label: a.label, status: journal.some((r) => r.seq === seq && r.phase === 'after' && r.ok) ? 'done' : 'pending' }));
  const undo = await undoActions(ctx, runId, applied, steps, 'rollback');
  const after = analyseCapture(await ctx.target.collect(), ctx.analyse).report;
  const message = undo.ok ? `Undone: ${applied.length} change(s) reversed.` : `Undo failed: ${undo.error}. Journal: ${ctx.store.dir(runId)}`;
  await ctx.store.append(runId, { seq: plan.actions.length, phase: undo.ok ? 'undone' : 'rollback-failed', ok: undo.ok, message });
  return result(runId, plan.fixIds, plan.createdAt, steps, after, { verified: undo.ok, rolledBack: undo.ok, message, rollbackFailed: !undo.ok }, ctx.store);
}

async function undoActions(ctx: ApplyContext, runId: string, done: Action[], steps: Step[], phase: 'rollback'): Promise<{ ok: boolean; error?: string }> {
  for (let i = done.length - 1; i >= 0; i--) {
    const inverse = inverseOf(done[i]!);
    ctx.onProgress?.({ phase, step: done.length - i, total: done.length, label: describe(inverse) });
    await ctx.store.append(runId, { seq: i, phase: 'undo-before' });
    const out = await ctx.target.execRoute(routeArgv(inverse));
    const ok = routeOutputSucceeded(out.stdout);
    await ctx.store.append(runId, { seq: i, phase: 'undo-after', ok, output: out.stdout.trim() });
    if (!ok) return { ok: false, error: `${describe(inverse)}: ${out.stdout.trim()}` };
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

const describe = (a: Action) => `route ${routeArgv(a).join(' ')}`;

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
