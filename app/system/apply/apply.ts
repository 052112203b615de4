import { analyseCapture, type AnalyseOptions } from '../../core/analyse';
import { CAPTURE_FILES, type Capture } from '../../core/capture/capture';
import { inverseOf, isRouteAction, routeArgv, type Action, type RouteAction } from '../../core/remedy/actions';
import { regressions, type ProbeRound } from '../../core/probe/reachability';
import { describeTaskAction } from '../../core/remedy/task-actions';
import { vpnActionPs } from '../../core/remedy/vpn-actions';
import { findingIdOfFix, type Fix, type Report } from '../../core/model/report';
import type { Progress, RunResult } from '../../shared/ipc';
import { engineT } from '../../core/i18n';
import { engineError } from '../error-text';
import { newRunId, planDigest, type Plan, type RunStore } from './journal';
import { parseRoutePrint } from '../../core/parse/route-print';
import type { Snapshot } from '../../core/model/snapshot';
import { changePresent, effectObserved, judgeRouteStep, preconditionFailure } from './judge';
import { restoreProblems } from './restore-check';
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
  /**
   * Measures reachability (the Internet, the corporate networks) before and after the change; set
   * only when the person allowed it (it contacts the network) and never on the demo or a capture.
   * Something that answered before and not after makes the run fail and be put back.
   */
  reachability?: () => Promise<ProbeRound>;
  /** capture → report; default analyseCapture (the matrix property test passes a memoising one) */
  analyser?: typeof analyseCapture;
}

const analyse = (ctx: ApplyContext, capture: Capture) => (ctx.analyser ?? analyseCapture)(capture, ctx.analyse);

/** The engine's words to the person (results, progress), in the language of the run (default English). */
const wordsOf = (ctx: ApplyContext) => engineT(ctx.analyse.language);

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
  progressOf(ctx)('precheck', 0, 1, wordsOf(ctx)('engineRun.progress.precheck'));
  const before = analyse(ctx, await ctx.target.collect()).report;
  const fixes = fixIds.map((id) => pickFix(before, consented, id));
  const actions = fixes.flatMap((f) => f.actions.map((action, i) => ({ action, label: f.steps[i] ?? describe(action) })));
  checkPreconditions(before, actions, wordsOf(ctx));
  const plan: Plan = { runId: newRunId(), createdAt: new Date().toISOString(), fixIds, findingIds: [...new Set(fixIds.map(findingIdOfFix))], actions };
  return { ...plan, sha256: planDigest(plan) };
}

export { planDigest } from './journal';

function checkPreconditions(report: Report, actions: Plan['actions'], t: ReturnType<typeof engineT>): void {
  for (const { action } of actions) {
    const why = preconditionFailure(report.snapshot, action, t);
    if (why) throw engineError('PRECONDITION_FAILED', 'engineError.preconditionChanged', undefined, why);
  }
}

const progressOf = (ctx: ApplyContext) => (phase: Progress['phase'], step: number, total: number, label: string) => ctx.onProgress?.({ phase, step, total, label });

/**
 * Runs a prepared plan on the target (in the elevated process on Windows): checks the
 * preconditions once more, backs up, journals each step, judges each step by a fresh read of the
 * machine, verifies, and on any failure reverses every change that is on the machine — including
 * the failing step's own, if it took effect after all.
 */
export async function executePlan(ctx: ApplyContext, plan: Plan): Promise<RunResult> {
  const progress = progressOf(ctx);
  const t = wordsOf(ctx);
  const { runId, fixIds } = plan;
  const planned = plan.actions;
  const beforeCapture = await ctx.target.collect();
  const baseline = analyse(ctx, beforeCapture).report;
  checkPreconditions(baseline, planned, t);
  const backup = beforeCapture.files.get(CAPTURE_FILES.routePrint)?.text ?? '';
  progress('backup', 0, 1, t('engineRun.progress.backup'));
  await ctx.store.create(plan, backup);
  await ctx.target.backup(ctx.store.dir(runId), planned.map((p) => p.action));
  const probeBefore = ctx.reachability ? await measure(ctx, runId, 'probe-before') : undefined;

  const steps: Step[] = planned.map((p) => ({ label: p.label, status: 'pending' }));
  let attempted = 0;
  let failure: string | null = null;
  for (const [seq, p] of planned.entries()) {
    steps[seq]!.status = 'running';
    progress('apply', seq + 1, planned.length, p.label);
    await ctx.store.append(runId, { seq, phase: 'before' });
    attempted = seq + 1;
    const { ok, output, why } = await runAction(ctx.target, baseline.snapshot, p.action, ctx.store.dir(runId), t);
    await ctx.store.append(runId, { seq, phase: 'after', ok, output });
    steps[seq] = { label: p.label, status: ok ? 'done' : 'failed', output: output || undefined };
    if (!ok) {
      failure = `${t('engineRun.stepFailed', { n: seq + 1, label: p.label })}${why ? `\n${why}` : ''}${output ? `\n${output}` : ''}`;
      break;
    }
  }

  progress('verify', 0, 1, t('engineRun.progress.verify'));
  let after = analyse(ctx, await ctx.target.collect()).report;
  if (!failure) {
    const missing = planned.filter((p) => !effectObserved(after.snapshot, p.action));
    const remainingIds = fixIds.filter((id) => after.findings.some((f) => f.fixes.some((x) => x.id === id) || (f.id === findingIdOfFix(id) && f.fixes.length === 0)));
    if (missing.length) failure = t('engineRun.notObserved', { labels: missing.map((m) => m.label).join('; ') });
    else if (remainingIds.length) failure = t('engineRun.stillThere', { ids: remainingIds.join(', ') });
  }
  let probes: ProbeSummary | undefined = probeBefore ? { before: probeBefore, broken: [] } : undefined;
  if (!failure && probeBefore && ctx.reachability) {
    const probeAfter = await measure(ctx, runId, 'probe-after');
    const broken = regressions(probeBefore, probeAfter).map((r) => r.id);
    probes = { before: probeBefore, after: probeAfter, broken };
    if (broken.length) failure = t('engineRun.reachabilityLost', { targets: broken.map((id) => describeProbeTarget(t, id)).join(t('engineRun.and')) });
  }

  if (!failure) {
    await ctx.store.append(runId, { seq: planned.length, phase: 'verified', ok: true });
    return result(runId, fixIds, plan.createdAt, steps, after, { verified: true, rolledBack: false, message: t('engineRun.applied'), probes }, ctx.store);
  }

  await ctx.store.append(runId, { seq: planned.length, phase: 'failed', ok: false, message: failure });
  const candidates = planned.slice(0, attempted).map((p, seq) => ({ seq, action: p.action }));
  const undo = await undoPresent(ctx, runId, candidates, after.snapshot, steps);
  after = analyse(ctx, await ctx.target.collect()).report;
  const left = stillPresent(after.snapshot, candidates, planned);
  const ok = undo.ok && left.length === 0;
  const message = ok
    ? `${failure}\n${t(undo.reversed === 0 ? 'engineRun.nothingChanged' : 'engineRun.rolledBack')}`
    : `${failure}\n${t('engineRun.rollbackFailed', { why: undo.error ?? t('engineRun.stillChanged', { labels: left.join('; ') }), journal: ctx.store.dir(runId) })}`;
  await ctx.store.append(runId, { seq: planned.length, phase: ok ? 'rolled-back' : 'rollback-failed', ok, message });
  return result(runId, fixIds, plan.createdAt, steps, after, { verified: false, rolledBack: ok, message, rollbackFailed: !ok, probes }, ctx.store);
}

type ProbeSummary = NonNullable<NonNullable<Report['run']>['probes']>;

/** One reachability round, journaled (its results as JSON in `output`). */
async function measure(ctx: ApplyContext, runId: string, phase: 'probe-before' | 'probe-after'): Promise<ProbeRound> {
  progressOf(ctx)('verify', 0, 1, wordsOf(ctx)(phase === 'probe-before' ? 'engineRun.progress.probeBefore' : 'engineRun.progress.probeAfter'));
  const round = await ctx.reachability!();
  await ctx.store.append(runId, { seq: -1, phase, ok: round.results.every((r) => r.ok), output: JSON.stringify(round) });
  return round;
}

/** For the journal and the CLI, in the run's language; the UI words it from the ids (probe.* in the i18n files). */
const describeProbeTarget = (t: ReturnType<typeof engineT>, id: string) => (id === 'internet' ? t('engineRun.internet') : t('engineRun.corporate', { target: id.replace(/^corporate:/, '') }));

/**
 * Undo a run from its journal. Which changes to reverse is read off the machine, not the journal's
 * verdicts: every step that started (a "before" record) and whose change is on the machine now —
 * a step judged failed that took effect after all, a step cut off by a crash. When none is (the VPN
 * reconnected and put its routes back, or a reboot dropped them), the machine is already as before.
 */
export async function rollbackRun(ctx: ApplyContext, runId: string): Promise<RunResult> {
  if (ctx.executeRollback) return ctx.executeRollback(runId);
  // only what this run's own apply recorded: plan digest, catalogue actions, journal hash chain
  const { plan, journal } = await ctx.store.verifiedRun(runId);
  if (journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) {
    throw engineError('ALREADY_UNDONE', 'engineError.alreadyUndone', { runId });
  }
  const t = wordsOf(ctx);
  const now = analyse(ctx, await ctx.target.collect()).report;
  const started = plan.actions.flatMap((a, seq) => (journal.some((r) => r.seq === seq && r.phase === 'before') ? [{ seq, action: a.action }] : []));
  const steps: Step[] = started.map(({ seq }) => ({ label: plan.actions[seq]!.label, status: 'done' }));
  const undo = await undoPresent(ctx, runId, started, now.snapshot, steps);
  const after = analyse(ctx, await ctx.target.collect()).report;
  const left = stillPresent(after.snapshot, started, plan.actions);
  // the restored state is also checked against the backup taken before the run (restore-check.ts)
  const check = restoreProblems(await ctx.store.backup(runId).catch(() => null), after.snapshot, started.map((s) => s.action), t);
  const ok = undo.ok && left.length === 0 && check.differs.length === 0;
  const told = [check.unchecked && t('engineRun.notChecked', { what: check.unchecked }), ...check.notes.map((n) => t('engineRun.note', { what: n }))].filter(Boolean).join(' ');
  const message = !ok
    ? t('engineRun.undoFailed', { why: undo.error ?? t('engineRun.stillChanged', { labels: [...left, ...check.differs].join('; ') }), journal: ctx.store.dir(runId) })
    : undo.reversed === 0 && started.length > 0
      ? t('engineRun.alreadyAsBefore')
      : `${t('engineRun.undone', { count: undo.reversed })}${told ? ` ${told}` : ''}`;
  await ctx.store.append(runId, { seq: plan.actions.length, phase: ok ? 'undone' : 'rollback-failed', ok, message });
  const outcome = await result(runId, plan.fixIds, plan.createdAt, steps, after, { verified: ok, rolledBack: ok, message, rollbackFailed: !ok }, ctx.store);
  await ctx.store.writeResult(runId, outcome, 'undo');
  return outcome;
}

/** Labels of the changes still on the machine (a NetBT reload leaves none). */
function stillPresent(snapshot: Snapshot, candidates: { seq: number; action: Action }[], planned: Plan['actions']): string[] {
  return candidates.filter((c) => changePresent(snapshot, c.action)).map((c) => planned[c.seq]!.label);
}

/**
 * Reverses, newest first, every candidate whose change is on the machine in `now`; each inverse is
 * judged like a step (route: a fresh read shows the change gone). A NetBT reload is repeated when
 * LMHOSTS is put back, so the cache holds the restored file. `steps` is indexed like `candidates`.
 */
async function undoPresent(
  ctx: ApplyContext,
  runId: string,
  candidates: { seq: number; action: Action }[],
  now: Snapshot,
  steps: Step[],
): Promise<{ ok: boolean; reversed: number; error?: string }> {
  const lmhostsBack = candidates.some((c) => c.action.kind === 'file.replace' && changePresent(now, c.action));
  const todo = candidates.map((c, i) => ({ ...c, i })).filter((c) => changePresent(now, c.action) || (lmhostsBack && c.action.kind === 'nbtstat.reload'));
  let reversed = 0;
  for (let k = todo.length - 1; k >= 0; k--) {
    const { seq, action, i } = todo[k]!;
    const inverse = inverseOf(action);
    ctx.onProgress?.({ phase: 'rollback', step: todo.length - k, total: todo.length, label: describe(inverse) });
    await ctx.store.append(runId, { seq, phase: 'undo-before' });
    const { ok, output, why }: { ok: boolean; output: string; why?: string } = isRouteAction(action)
      ? await runInverseOfRoute(ctx.target, now, action, inverse, wordsOf(ctx))
      : await execOtherWorded(ctx.target, inverse as Exclude<Action, RouteAction>, ctx.store.dir(runId), wordsOf(ctx));
    await ctx.store.append(runId, { seq, phase: 'undo-after', ok, output });
    if (!ok) return { ok: false, reversed, error: `${describe(inverse)}: ${why ?? output}` };
    // A reload is repeated, not reversed: its step keeps what it was ("done" or "failed").
    if (action.kind === 'nbtstat.reload') continue;
    reversed++;
    if (steps[i]) steps[i]!.status = 'rolled-back';
  }
  return { ok: true, reversed };
}

/** The inverse of a route step, judged by whether the step's change is gone from a fresh read. */
async function runInverseOfRoute(target: RouteTarget, baseline: Snapshot, action: RouteAction, inverse: Action, t: ReturnType<typeof engineT>): Promise<{ ok: boolean; output: string; why?: string }> {
  const out = await target.execRoute(routeArgv(inverse));
  const rows = await freshRows(target, action.destination);
  const judged = judgeRouteStep(baseline, rows, action);
  return { ok: !judged.present, output: out.stdout.trim(), why: judged.present ? t('engineRun.stillInEffect', { what: describe(action) }) : undefined };
}

function pickFix(fresh: Report, consented: Report, fixId: string): Fix {
  const seen = consented.findings.flatMap((f) => f.fixes).find((f) => f.id === fixId);
  if (!seen) throw engineError('UNKNOWN_FIX', 'engineError.unknownFix', { fixId });
  const now = fresh.findings.flatMap((f) => f.fixes).find((f) => f.id === fixId);
  if (!now) throw engineError('PRECONDITION_FAILED', 'engineError.fixGone', undefined, fixId);
  if (JSON.stringify(now.actions) !== JSON.stringify(seen.actions)) {
    throw engineError('PRECONDITION_FAILED', 'engineError.reviewChanged', undefined, fixId);
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
    case 'task.create':
    case 'task.delete':
      return describeTaskAction(a);
  }
}

/** The IPv4 rows of a fresh `route print <destination>`. */
async function freshRows(target: RouteTarget, destination: string) {
  return parseRoutePrint(await target.readRoutes(destination)).value.routes.filter((r) => r.family === 4);
}

/** A step other than a route on the target; its own reason for refusing (when it gives one) in the run's language. */
async function execOtherWorded(target: RouteTarget, action: Exclude<Action, RouteAction>, runDir: string, t: ReturnType<typeof engineT>): Promise<{ ok: boolean; output: string; why?: string }> {
  const done = await target.execOther(action, runDir);
  return { ok: done.ok, output: done.output, ...(done.why ? { why: t(done.why.key, done.why.params) } : {}) };
}

/**
 * One action on the target. A route step is judged by a fresh read of the table (its output is
 * only evidence); the rest by the target (reg.exe's exit code is reliable; LMHOSTS is compared byte
 * for byte before it is written).
 */
async function runAction(target: RouteTarget, baseline: Snapshot, action: Action, runDir: string, t: ReturnType<typeof engineT>): Promise<{ ok: boolean; output: string; why?: string }> {
  if (!isRouteAction(action)) return execOtherWorded(target, action, runDir, t);
  const out = await target.execRoute(routeArgv(action));
  const judged = judgeRouteStep(baseline, await freshRows(target, action.destination), action, t);
  return { ok: judged.ok, output: out.stdout.trim(), why: judged.why };
}

async function result(
  runId: string,
  fixIds: string[],
  startedAt: string,
  steps: Step[],
  report: Report,
  outcome: { verified: boolean; rolledBack: boolean; message: string; rollbackFailed?: boolean; probes?: ProbeSummary },
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
    report: { ...report, run: { id: runId, applied: fixIds, verified: outcome.verified, rolledBack: outcome.rolledBack, journal: store.dir(runId), message: outcome.message, ...(outcome.probes ? { probes: outcome.probes } : {}) } },
    rollbackFailed: outcome.rollbackFailed,
  };
}
