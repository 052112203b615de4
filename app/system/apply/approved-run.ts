import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { analyseCapture } from '../../core/analyse';
import type { EngineLanguage } from '../../core/i18n';
import type { Policy } from '../../core/model/policy';
import type { DomainInput, RunResult } from '../../shared/ipc';
import { EngineError } from '../../shared/engine-port';
import { engineError, usageError } from '../error-text';
import { writeFileAtomic } from '../atomic-file';
import { resolveInput, type InputOptions } from '../input';
import { runsDir } from '../paths';
import { createExecaRunner, type CommandRunner } from '../run';
import { TOOL_VERSION } from '../version';
import { executePlan, preparePlan, type ApplyContext } from './apply';
import { approvalDigest } from './approval';
import { catalogueRefusal } from './catalogue';
import { currentUserSid, perUserActions } from './elevate';
import { isRunId, planDigest, RunStore } from './journal';
import { ensureSafeRunsFolder } from './runs-folder';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { reachabilityFor } from '../reachability';

export interface ApprovedRunRequest {
  /** the run id the caller will read the result from (a fresh one: an existing run is refused) */
  runId: string;
  fixIds: string[];
  /** the SHA-256 the person approved (approval.ts) */
  sha256: string;
  /** the SID of the account that asked; per-user changes are refused when this process runs as another */
  userSid?: string;
  /** the domain the person typed in the app (the policy file's wins where it names one) */
  domain?: DomainInput;
  input: InputOptions & { language?: EngineLanguage; probe?: boolean };
  runner?: CommandRunner;
}

/**
 * The elevated instance's whole job (CLI `apply-plan`, or the Electron app started with the same
 * arguments). It trusts no plan: it collects this machine, diagnoses and plans the approved fix ids
 * itself with the inputs the person used, and runs that plan only if its SHA-256 equals the one
 * the person approved and every action is a catalogue action. A refusal is left as refusal.json in
 * the run folder for the process that asked (an elevated process has no console it could see).
 */
export async function runApprovedPlan(req: ApprovedRunRequest): Promise<RunResult & { rollbackFailed?: boolean }> {
  if (!isRunId(req.runId)) throw usageError('engineError.notRunId', { runId: req.runId });
  if (!/^[0-9a-f]{64}$/.test(req.sha256)) throw usageError('engineError.applyPlanSha');
  const resolved = await resolveInput(req.input);
  if (!resolved.target) throw usageError('engineError.applyPlanCapture');
  const live = resolved.source === 'live';
  const runner = req.runner ?? (live ? createExecaRunner() : undefined);
  const store = new RunStore(runsDir(req.input.dataDir));
  await ensureSafeRunsFolder(store.root, { runner, secure: live });
  if (await stat(store.dir(req.runId)).catch(() => null)) throw engineError('RUN_EXISTS', 'engineError.runExists', { runId: req.runId });
  try {
    const target = resolved.target;
    const ctx: ApplyContext = {
      target,
      store,
      analyse: { corporateNetworks: resolved.corporateNetworks, policy: withDomain(resolved.policy, req.domain), language: req.input.language, toolVersion: TOOL_VERSION },
      // the person allowed the reachability check in the consent (passed as --probe)
      reachability: reachabilityFor(resolved.source, req.input.probe === true, resolved.policy, async () => buildSnapshot(await target.collect()).snapshot),
    };
    const fresh = analyseCapture(await resolved.target.collect(), ctx.analyse).report;
    const prepared = await preparePlan(ctx, fresh, req.fixIds);
    const plan = { ...prepared, runId: req.runId };
    plan.sha256 = planDigest(plan);
    const mine = approvalDigest(plan.fixIds, plan.actions.map((a) => a.action));
    if (mine !== req.sha256) {
      throw engineError('PLAN_MISMATCH', 'engineError.planMismatch', undefined, `approved ${req.sha256}, planned ${mine}`);
    }
    for (const { action } of plan.actions) {
      const why = catalogueRefusal(action);
      if (why) throw engineError('NOT_IN_CATALOGUE', 'engineError.notInCatalogue', { why });
    }
    if (req.userSid && runner) {
      const own = await currentUserSid(runner);
      const personal = perUserActions(plan.actions.map((a) => a.action));
      if (own !== req.userSid && personal.length) {
        throw engineError('OTHER_ACCOUNT', 'engineError.otherAccount', undefined, `you: ${req.userSid}; elevated as: ${own ?? 'unknown'}`);
      }
    }
    const result = await executePlan(ctx, plan);
    await store.writeResult(plan.runId, result);
    return result;
  } catch (e) {
    if (e instanceof EngineError) await leaveRefusal(store, req.runId, e);
    throw e;
  }
}

async function leaveRefusal(store: RunStore, runId: string, e: EngineError): Promise<void> {
  const dir = store.dir(runId);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (await stat(join(dir, 'plan.json')).catch(() => null)) return; // it ran: result.json or the journal tells
  await writeFileAtomic(join(dir, 'refusal.json'), JSON.stringify({ code: e.code, message: e.message, detail: e.detail, say: e.say }, null, 2));
}

/** The typed domain completes the policy, as in the app's scan (desktop-engine.ts); the file's domain wins. */
function withDomain(policy: Policy | undefined, domain: DomainInput | undefined): Policy | undefined {
  if (!domain || policy?.domain?.controllers?.length) return policy;
  return { schemaVersion: 1, ...policy, domain: { ...policy?.domain, ...domain } };
}
