import type { EngineLanguage } from '../../core/i18n';
import type { RunResult } from '../../shared/ipc';
import { UsageError } from '../errors';
import { resolveInput, type InputOptions } from '../input';
import { runsDir } from '../paths';
import { TOOL_VERSION } from '../version';
import { executePlan } from './apply';
import { readApprovedPlan } from './elevate';
import { RunStore } from './journal';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { reachabilityFor } from '../reachability';

/**
 * The elevated instance's whole job (CLI `apply-plan`, or the Electron app started with the same
 * arguments): check the approved plan's hash, run it on this machine, leave the result in the run
 * folder for the process that asked.
 */
export async function runApprovedPlan(planFile: string, sha256: string, input: InputOptions & { language?: EngineLanguage; probe?: boolean }): Promise<RunResult & { rollbackFailed?: boolean }> {
  const plan = await readApprovedPlan(planFile, sha256);
  const resolved = await resolveInput(input);
  if (!resolved.target) throw new UsageError('apply-plan changes this machine; a capture cannot be changed.');
  const store = new RunStore(runsDir(input.dataDir));
  const result = await executePlan(
    {
      target: resolved.target,
      store,
      analyse: { corporateNetworks: resolved.corporateNetworks, policy: resolved.policy, language: input.language, toolVersion: TOOL_VERSION },
      // the person allowed the reachability check in the consent (passed as --probe)
      reachability: reachabilityFor(resolved.source, input.probe === true, resolved.policy, async () => buildSnapshot(await resolved.target!.collect()).snapshot),
    },
    plan,
  );
  await store.writeResult(plan.runId, result);
  return result;
}
