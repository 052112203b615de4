import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { psQuote } from '../../core/remedy/escape';
import type { Action } from '../../core/remedy/actions';
import { RunResultSchema, type DomainInput, type RunResult } from '../../shared/ipc';
import { EngineError, type Say } from '../../shared/engine-port';
import { engineError } from '../error-text';
import type { CommandRunner } from '../run';
import { approvalDigest } from './approval';
import type { Plan, RunStore } from './journal';

/**
 * DESIGN.md "Elevation": the app runs as invoker. To apply, it starts itself elevated (UAC) with
 * the approved fix ids, the SHA-256 the consent showed (approval.ts), the run id to use, and the
 * inputs the person used — policy file, corporate networks, the domain typed in the app, language —
 * plus the caller's SID. No plan file is handed over: the elevated side re-collects, re-diagnoses
 * and re-plans on its own (approved-run.ts) and runs the plan only when it hashes the same.
 */
export interface ApprovedInputs {
  policyFile?: string;
  corporateNetworks: readonly string[];
  domain?: DomainInput;
  language?: string;
}

export interface ElevationOptions {
  runner: CommandRunner;
  /** how to start this program again: the app's .exe (or node + the CLI script) and leading args */
  self: { file: string; args: string[] };
  store: RunStore;
  /** the person allowed the reachability check: the elevated run measures before and after */
  probe?: boolean;
  inputs: ApprovedInputs;
}

/** ERROR_CANCELLED: the person said No at the UAC prompt (or closed it). Same number in every language. */
export const ERROR_CANCELLED = 1223;

/**
 * One Windows command line from argv, quoted the way CommandLineToArgvW and the MSVC runtime split
 * it again: a quote is written as \", backslashes are doubled only before a quote or the closing
 * quote. (learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments)
 */
export function windowsCommandLine(args: readonly string[]): string {
  return args
    .map((a) => {
      if (a !== '' && !/[\s"]/.test(a)) return a;
      return `"${a.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
    })
    .join(' ');
}

/**
 * The PowerShell command that raises the UAC prompt and waits. Not Start-Process: it turns the
 * Win32Exception of a refused prompt into an InvalidOperationException that keeps only the
 * (translated) message text (PowerShell source, Process.cs StartWithShellExecute). Process.Start
 * with the runas verb throws the Win32Exception itself, whose NativeErrorCode (1223) becomes the
 * exit code; every value is a single-quoted literal.
 */
export function runAsCommand(file: string, args: readonly string[]): string {
  return [
    '$i = New-Object System.Diagnostics.ProcessStartInfo',
    `$i.FileName = ${psQuote(file)}`,
    `$i.Arguments = ${psQuote(windowsCommandLine(args))}`,
    "$i.Verb = 'runas'",
    '$i.UseShellExecute = $true',
    "$i.WindowStyle = 'Hidden'",
    'try { $p = [System.Diagnostics.Process]::Start($i) } catch [System.ComponentModel.Win32Exception] { exit $_.Exception.NativeErrorCode }',
    '$p.WaitForExit()',
    'exit $p.ExitCode',
  ].join('; ');
}

/** The caller's SID (whoami /user /fo csv /nh → "domain\user","S-1-5-21-…"); null when it cannot be read. */
export async function currentUserSid(runner: CommandRunner): Promise<string | null> {
  const r = await runner.run(`${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\whoami.exe`, ['/user', '/fo', 'csv', '/nh'], { timeoutMs: 15_000 });
  return /"(S-1-\d+(?:-\d+)+)"/.exec(r.stdout)?.[1] ?? null;
}

/** What the elevated instance is started with (CLI `apply-plan`). */
export function applyPlanArgs(plan: Pick<Plan, 'runId' | 'fixIds' | 'actions'>, inputs: ApprovedInputs, userSid: string | null): string[] {
  return [
    'apply-plan',
    '--run-id', plan.runId,
    '--only', plan.fixIds.join(','),
    '--sha256', approvalDigest(plan.fixIds, plan.actions.map((a) => a.action)),
    ...(inputs.policyFile ? ['--policy', inputs.policyFile] : []),
    ...inputs.corporateNetworks.flatMap((c) => ['--corp-net', c]),
    ...(inputs.domain ? ['--domain', inputs.domain.netbiosName, ...inputs.domain.controllers.flatMap((c) => ['--dc', `${c.name}=${c.address}`])] : []),
    ...(inputs.language ? ['--lang', inputs.language] : []),
    ...(userSid ? ['--user-sid', userSid] : []),
    '--quiet',
  ];
}

export function elevatedExecutor(opts: ElevationOptions): (plan: Plan) => Promise<RunResult> {
  return async (plan) => {
    const sid = await currentUserSid(opts.runner);
    return runElevated(opts, [...applyPlanArgs(plan, opts.inputs, sid), ...(opts.probe ? ['--probe'] : [])], plan.runId, 'apply');
  };
}

/** Undo needs administrator rights too: the elevated instance runs `rollback RUN_ID` on its own runs folder. */
export function elevatedRollback(opts: ElevationOptions): (runId: string) => Promise<RunResult> {
  return (runId) => runElevated(opts, ['rollback', runId, '--quiet'], runId, 'undo');
}

async function runElevated(opts: ElevationOptions, command: string[], runId: string, which: 'apply' | 'undo'): Promise<RunResult> {
  const args = [...opts.self.args, ...command];
  const ps = `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  const r = await opts.runner.run(ps, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', runAsCommand(opts.self.file, args)], { timeoutMs: 10 * 60_000, okExitCodes: [0, 1, 2, 3] });
  const result = await opts.store.readResult(runId, which).catch(() => null);
  if (result) return RunResultSchema.parse(result);
  // judged by the exit code, never by the (translated) text
  if (r.exitCode === ERROR_CANCELLED) throw engineError('ELEVATION_CANCELLED', 'engineError.elevationCancelled', undefined, `exit code ${r.exitCode}`);
  const refusal = await readRefusal(opts.store, runId);
  if (refusal) throw refusal;
  throw engineError('ELEVATION_FAILED', 'engineError.elevationFailed', undefined, r.stderr.trim() || `exit code ${r.exitCode}`);
}

/** Why the elevated side refused (it leaves refusal.json in the run folder, having no console to print to). */
async function readRefusal(store: RunStore, runId: string): Promise<EngineError | null> {
  const raw = await readFile(join(store.dir(runId), 'refusal.json'), 'utf8').catch(() => null);
  if (!raw) return null;
  try {
    const e = JSON.parse(raw) as { code?: unknown; message?: unknown; detail?: unknown; say?: unknown };
    return new EngineError(String(e.code ?? 'REFUSED'), String(e.message ?? 'The elevated run refused the plan.'), e.detail === undefined ? undefined : String(e.detail), sayOf(e.say));
  } catch {
    return null;
  }
}

/** The catalogue text of a refusal, only when it is one (a key of engineError.*, values text or numbers). */
function sayOf(value: unknown): Say | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, params } = value as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !/^engineError\.\w+$/.test(key)) return undefined;
  if (params === undefined) return { key };
  if (typeof params !== 'object' || params === null || !Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number')) return undefined;
  return { key, params: params as Record<string, string | number> };
}

/** Changes that belong to the signed-in person (their HKCU, their own VPN phonebook), not to the machine. */
export function perUserActions(actions: readonly Action[]): Action[] {
  return actions.filter((a) => ((a.kind === 'registry.set' || a.kind === 'registry.delete') && /^HKCU\\/i.test(a.key)) || (a.kind.startsWith('vpn.') && 'allUsers' in a && a.allUsers === false));
}
