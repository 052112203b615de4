import { pickLanguage, type EngineLanguage } from '../../core/i18n';
import { rollbackRun } from '../../system/apply/apply';
import { RunStore, runIdTime } from '../../system/apply/journal';
import { ensureSafeRunsFolder } from '../../system/apply/runs-folder';
import { errorText, usageError } from '../../system/error-text';
import { resolveInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { createExecaRunner } from '../../system/run';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { cliWords, inputOptions, type CliWords } from './shared';

/** A run id dated later than this after now is not trusted as "the last run" (clock skew allowance). */
const FUTURE_SLACK_MS = 5 * 60_000;

export async function rollbackCommand(values: CliValues, positionals: string[], io: CliIo): Promise<number> {
  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  if (!input.target) throw usageError('cli.rollback.needsMachine');
  const store = new RunStore(runsDir(options.dataDir));
  // Rollback acts with administrator rights on what the runs folder holds: refuse a folder others can write.
  await ensureSafeRunsFolder(store.root, { runner: input.source === 'live' ? createExecaRunner() : undefined, secure: input.source === 'live' });
  const say = (text: string) => !values.quiet && io.stderr(text);
  const language = pickLanguage(values.lang);
  let runId = positionals[0];
  if (!runId && values.last) runId = await lastRun(store, say, cliWords(values), language);
  if (!runId) throw usageError('cli.rollback.sayWhich');
  const result = await rollbackRun(
    { target: input.target, store, analyse: { corporateNetworks: input.corporateNetworks, policy: input.policy, language, toolVersion: TOOL_VERSION }, onProgress: (p) => say(`[${p.phase} ${p.step}/${p.total}] ${p.label}\n`) },
    runId,
  );
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(`${result.message}\n`);
  return result.rolledBack ? EXIT.healthy : EXIT.rollbackFailed;
}

/**
 * The newest run that changed something and is not undone yet. Runs dated in the future, runs whose
 * record does not verify (edited, forged: RUN_TAMPERED) and runs cut off before they recorded a
 * plan are passed over — with a line on stderr for the first two, so nothing is skipped silently.
 */
async function lastRun(store: RunStore, say: (text: string) => void, words: CliWords, language: EngineLanguage): Promise<string> {
  const now = Date.now();
  for (const id of (await store.list()).reverse()) {
    if (!(runIdTime(id) <= now + FUTURE_SLACK_MS)) {
      say(`${words('cli.rollback.passedOverFuture', { runId: id })}\n`);
      continue;
    }
    const run = await store.verifiedRun(id).catch((e: Error & { code?: string }) => {
      if (e.code !== 'UNKNOWN_RUN') say(`${words('cli.rollback.passedOver', { runId: id, why: errorText(e, language) })}\n`);
      return null;
    });
    if (!run) continue;
    if (!run.journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) return id;
  }
  throw usageError('cli.rollback.nothingToUndo', { folder: store.root });
}
