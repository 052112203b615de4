import { runApprovedPlan } from '../../system/apply/approved-run';
import { UsageError } from '../../system/errors';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { inputOptions } from './shared';

/**
 * Internal: what the elevated instance runs (`apply-plan --plan-file F --sha256 H`). Not in the
 * main --help: people use `fix`, which starts this behind the UAC prompt.
 */
export async function applyPlanCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values['plan-file'] || !values.sha256) throw new UsageError('apply-plan needs --plan-file FILE and --sha256 HASH');
  const result = await runApprovedPlan(values['plan-file'], values.sha256, { ...inputOptions(values, io), probe: values.probe === true });
  io.stdout(`${result.message}\n`);
  if (result.rollbackFailed) return EXIT.rollbackFailed;
  return result.verified ? EXIT.healthy : EXIT.rolledBack;
}
