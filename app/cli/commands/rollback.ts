import { pickLanguage } from '../../core/i18n';
import { rollbackRun } from '../../system/apply/apply';
import { RunStore } from '../../system/apply/journal';
import { UsageError } from '../../system/errors';
import { resolveInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { inputOptions } from './shared';

export async function rollbackCommand(values: CliValues, positionals: string[], io: CliIo): Promise<number> {
  const options = inputOptions(values, io);
  const store = new RunStore(runsDir(options.dataDir));
  let runId = positionals[0];
  if (!runId && values.last) {
    const runs = await store.list();
    for (const id of runs.reverse()) {
      const journal = await store.journal(id);
      if (!journal.some((r) => r.phase === 'undone' || r.phase === 'rolled-back')) {
        runId = id;
        break;
      }
    }
    if (!runId) throw new UsageError(`No run to undo in ${store.root}.`);
  }
  if (!runId) throw new UsageError('Say which run to undo: tunnelmedic rollback RUN_ID, or --last.');
  const input = await resolveInput(options);
  if (!input.target) throw new UsageError('Rollback changes a machine: use --demo or run it on the machine itself.');
  const language = pickLanguage(values.lang);
  const result = await rollbackRun(
    { target: input.target, store, analyse: { corporateNetworks: input.corporateNetworks, policy: input.policy, language, toolVersion: TOOL_VERSION }, onProgress: (p) => !values.quiet && io.stderr(`[${p.phase} ${p.step}/${p.total}] ${p.label}\n`) },
    runId,
  );
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n');
  else io.stdout(`${result.message}\n`);
  return result.rolledBack ? EXIT.healthy : EXIT.rollbackFailed;
}
