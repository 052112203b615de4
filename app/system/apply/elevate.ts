import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { psQuote } from '../../core/remedy/escape';
import { RunResultSchema, type RunResult } from '../../shared/ipc';
import { EngineError } from '../../shared/engine-port';
import type { CommandRunner } from '../run';
import { PlanSchema, type Plan, type RunStore } from './journal';

/**
 * DESIGN.md "Elevation": the app runs as invoker. To apply, it stages the approved plan, then
 * starts itself elevated (UAC) with the staged file and the SHA-256 of its bytes. The elevated
 * side reads the file once, checks the hash, keeps the plan in the admin-only runs directory and
 * executes it from there; a plan edited after approval does not match its hash and is refused.
 */
export interface ElevationOptions {
  runner: CommandRunner;
  /** how to start this program again: the app's .exe (or node + the CLI script) and leading args */
  self: { file: string; args: string[] };
  /** the invoker's own temp folder for the staged plan */
  stagingDir: string;
  store: RunStore;
  /** the person allowed the reachability check: the elevated run measures before and after */
  probe?: boolean;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The PowerShell command that raises the UAC prompt and waits; every value single-quoted. */
export function runAsCommand(file: string, args: string[]): string {
  const list = args.map((a) => psQuote(a.includes(' ') ? `"${a}"` : a)).join(',');
  return `$p = Start-Process -FilePath ${psQuote(file)} -ArgumentList @(${list}) -Verb RunAs -Wait -PassThru -WindowStyle Hidden; exit $p.ExitCode`;
}

export function elevatedExecutor(opts: ElevationOptions): (plan: Plan) => Promise<RunResult> {
  return async (plan) => {
    await mkdir(opts.stagingDir, { recursive: true });
    const staged = join(opts.stagingDir, `${plan.runId}.plan.json`);
    const bytes = JSON.stringify(plan, null, 2);
    await writeFile(staged, bytes);
    return runElevated(opts, ['apply-plan', '--plan-file', staged, '--sha256', sha256(bytes), ...(opts.probe ? ['--probe'] : [])], () => opts.store.readResult(plan.runId));
  };
}

/** Undo needs administrator rights too: the elevated instance runs `rollback RUN_ID`. */
export function elevatedRollback(opts: ElevationOptions): (runId: string) => Promise<RunResult> {
  return (runId) => runElevated(opts, ['rollback', runId, '--quiet'], () => opts.store.readResult(runId, 'undo'));
}

async function runElevated(opts: ElevationOptions, command: string[], readResult: () => Promise<unknown>): Promise<RunResult> {
  const args = [...opts.self.args, ...command];
  const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
  const ps = `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
  const r = await opts.runner.run(ps, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', runAsCommand(opts.self.file, args)], { timeoutMs: 10 * 60_000, okExitCodes: [0, 1, 2, 3] });
  const result = await readResult().catch(() => null);
  if (!result) {
    // 1223 = ERROR_CANCELLED: the person said no at the UAC prompt.
    const cancelled = /cancel|abgebrochen|annul|geannuleerd/i.test(r.stderr) || r.exitCode === 1223;
    throw new EngineError(cancelled ? 'ELEVATION_CANCELLED' : 'ELEVATION_FAILED', cancelled ? 'Administrator rights were not granted; nothing was changed.' : 'The elevated run did not start; nothing was changed.', r.stderr.trim() || `exit code ${r.exitCode}`);
  }
  return RunResultSchema.parse(result);
}

/** The elevated side: read the staged plan once, check its hash, hand back the plan to execute. */
export async function readApprovedPlan(planFile: string, expectedSha256: string): Promise<Plan> {
  if (!/^[0-9a-f]{64}$/.test(expectedSha256)) throw new EngineError('BAD_PLAN', 'The plan hash is not a SHA-256.');
  const bytes = await readFile(planFile).catch(() => {
    throw new EngineError('BAD_PLAN', `The plan file ${planFile} cannot be read.`);
  });
  if (sha256(bytes) !== expectedSha256) throw new EngineError('PLAN_TAMPERED', 'The plan was changed after it was approved; nothing was run.', planFile);
  const parsed = PlanSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success) throw new EngineError('BAD_PLAN', 'The plan file is not a TunnelMedic plan.', parsed.error.message);
  return parsed.data;
}
