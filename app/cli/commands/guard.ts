import { pickLanguage } from '../../core/i18n';
import { analyseCapture } from '../../core/analyse';
import { effectiveRoute, interfaceOf, INTERNET_PROBE } from '../../core/diagnose/route-model';
import { guardTaskName } from '../../core/remedy/guard-task';
import { applyFixes, rollbackRun } from '../../system/apply/apply';
import { RunStore } from '../../system/apply/journal';
import { ensureSafeRunsFolder } from '../../system/apply/runs-folder';
import { usageError } from '../../system/error-text';
import { resolveInput, type ResolvedInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { createExecaRunner } from '../../system/run';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { cliWords, inputOptions } from './shared';

/**
 * `tunnelmedic guard list|remove NAME` (issue 15.4): the "Keep it fixed" tasks on this machine.
 * list: what the task store holds under \TunnelMedic\ (read like every other state: collected),
 * with the run that installed each. remove: undoes that run from its journal — the same exact undo
 * as History → Undo; a task TunnelMedic did not install is named, not touched.
 */
export async function guardCommand(values: CliValues, rest: string[], io: CliIo): Promise<number> {
  const [sub, ...args] = rest;
  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  if (!input.target) throw usageError('cli.guard.needsMachine');
  const words = cliWords(values);
  const store = new RunStore(runsDir(options.dataDir));
  const installed = await installedGuards(input, store);
  if (sub === 'list') {
    if (values.json) io.stdout(JSON.stringify(installed, null, 2) + '\n');
    else io.stdout(installed.length ? installed.map((g) => `${g.task}\n  ${words('cli.guard.connection', { name: g.connection ?? words('cli.guard.notOursConnection') })}${g.runId ? `\n  ${words('cli.guard.installedBy', { runId: g.runId })}` : ''}\n`).join('') : `${words('cli.guard.none')}\n`);
    return EXIT.healthy;
  }
  if (sub === 'remove') {
    const which = args[0];
    if (!which) throw usageError('cli.guard.sayWhich');
    const guard = installed.find((g) => g.connection === which || g.task.toLowerCase() === which.toLowerCase() || g.task === guardTaskName(which));
    if (!guard) throw usageError('cli.guard.notInstalled', { name: which });
    if (!guard.runId) throw usageError('cli.guard.notOurs', { task: guard.task, command: `schtasks /Delete /TN "${guard.task}" /F` });
    await ensureSafeRunsFolder(store.root, { runner: input.source === 'live' ? createExecaRunner() : undefined, secure: input.source === 'live' });
    const result = await rollbackRun({ target: input.target, store, analyse: analyseOptions(input, values) }, guard.runId);
    io.stdout(`${result.message}\n`);
    return result.rolledBack ? EXIT.healthy : EXIT.rollbackFailed;
  }
  throw usageError('cli.guard.usage');
}

/**
 * What the guard task starts at each connect of CONNECTION: a fresh scan, and the "now" split fix
 * when this connection's default route wins again. Applied without a person — they consented once
 * when installing the guard — through the same engine (plan, journal, verification, rollback).
 */
export async function guardRunCommand(values: CliValues, io: CliIo): Promise<number> {
  const connection = values.connection;
  if (!connection) throw usageError('cli.guard.runNeedsConnection');
  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  if (!input.target) throw usageError('cli.guard.runNeedsMachine');
  const analyse = analyseOptions(input, values);
  const report = analyseCapture(await input.target.collect(), analyse).report;
  // by state: the interface of the route that wins for the Internet is this connection
  const winner = effectiveRoute(report.snapshot.routes, INTERNET_PROBE).winner;
  const ours = winner !== null && winner !== undefined && interfaceOf(winner, report.snapshot)?.name === connection;
  const finding = ours ? report.findings.find((f) => f.id === 'route.vpn-default-route-wins') : undefined;
  const fix = finding?.fixes.find((f) => f.id === 'route.vpn-default-route-wins:split-now');
  if (!fix) {
    io.stdout(`${cliWords(values)('cli.guard.nothingToDo', { connection })}\n`);
    return EXIT.healthy;
  }
  const store = new RunStore(runsDir(options.dataDir));
  await ensureSafeRunsFolder(store.root, { runner: input.source === 'live' ? createExecaRunner() : undefined, secure: input.source === 'live' });
  const result = await applyFixes({ target: input.target, store, analyse }, report, [fix.id]);
  io.stdout(`${result.message}\n`);
  if ((result as { rollbackFailed?: boolean }).rollbackFailed) return EXIT.rollbackFailed;
  return result.verified ? EXIT.healthy : EXIT.rolledBack;
}

function analyseOptions(input: ResolvedInput, values: CliValues) {
  return { corporateNetworks: input.corporateNetworks, policy: input.policy, language: pickLanguage(values.lang), toolVersion: TOOL_VERSION };
}

interface InstalledGuard {
  task: string;
  connection: string | null;
  runId: string | null;
}

/** Guard tasks in the task store, each with the not-undone run (and connection) that created it. */
export async function installedGuards(input: ResolvedInput, store: RunStore): Promise<InstalledGuard[]> {
  const snapshot = analyseCapture(await input.target!.collect(), { toolVersion: TOOL_VERSION }).report.snapshot;
  const runs = await Promise.all(
    (await store.list().catch(() => [] as string[])).map(async (runId) => {
      const [plan, journal] = await Promise.all([store.plan(runId).catch(() => null), store.journal(runId).catch(() => [])]);
      if (!plan || journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) return [];
      return plan.actions.flatMap((a) => (a.action.kind === 'task.create' ? [{ runId, task: a.action.name, connection: a.action.connection }] : []));
    }),
  );
  const created = runs.flat();
  return (snapshot.scheduledTasks ?? []).map((t) => {
    const run = created.filter((c) => c.task.toLowerCase() === t.name.toLowerCase()).at(-1);
    return { task: t.name, connection: run?.connection ?? null, runId: run?.runId ?? null };
  });
}
