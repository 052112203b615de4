import { runApprovedPlan } from '../../system/apply/approved-run';
import { usageError } from '../../system/error-text';
import { DomainInputSchema } from '../../shared/ipc';
import type { Say } from '../../shared/engine-port';
import type * as z from '../../core/model/zod';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { inputOptions } from './shared';

/**
 * Internal: what the elevated instance runs —
 * `apply-plan --run-id ID --only FIX[,FIX] --sha256 H [--policy F] [--corp-net C]… [--domain NAME --dc NAME=ADDR…] [--lang L] [--user-sid SID]`.
 * Not in the main --help: people use `fix` (or the app), which starts this behind the UAC prompt.
 * It re-plans the fixes itself and applies only a plan whose SHA-256 is H (approved-run.ts).
 */
export async function applyPlanCommand(values: CliValues, io: CliIo): Promise<number> {
  if (!values['run-id'] || !values.only || !values.sha256) throw usageError('engineError.applyPlanArgs');
  const result = await runApprovedPlan({
    runId: values['run-id'],
    fixIds: values.only.split(',').map((s) => s.trim()).filter(Boolean),
    sha256: values.sha256,
    userSid: values['user-sid'],
    domain: domainOf(values),
    input: { ...inputOptions(values, io), probe: values.probe === true },
  });
  io.stdout(`${result.message}\n`);
  if (result.rollbackFailed) return EXIT.rollbackFailed;
  return result.verified ? EXIT.healthy : EXIT.rolledBack;
}

function domainOf(values: CliValues) {
  if (values.domain === undefined) return undefined;
  const dcs = values.dc ?? [];
  const controllers = dcs.map((dc) => {
    const [name, address] = dc.split('=');
    return { name: name ?? '', address: address ?? '' };
  });
  const parsed = DomainInputSchema.safeParse({ netbiosName: values.domain, controllers });
  if (!parsed.success) throw usageError('engineError.applyPlanDomain', { why: parsed.error.issues.map((issue) => domainIssue(issue, values.domain!, dcs)) });
  return parsed.data;
}

/**
 * What is wrong with --domain or one --dc, in the person's language: read from the issue's path
 * and code (zod/v4/core's issue shapes), never from zod's English message, and naming the argument
 * as it was typed.
 */
function domainIssue(issue: z.ZodError['issues'][number], domain: string, dcs: readonly string[]): Say {
  const [field, index, part] = issue.path;
  if (field === 'netbiosName') return { key: 'engineError.applyPlanDomainName', params: { flag: '--domain', value: domain } };
  if (field === 'controllers' && typeof index === 'number') {
    const dc = dcs[index] ?? '';
    return part === 'name' && dc.includes('=') ? { key: 'engineError.applyPlanDomainName', params: { flag: '--dc', value: dc } } : { key: 'engineError.applyPlanDomainController', params: { value: dc } };
  }
  if (field === 'controllers' && issue.code === 'too_small') return { key: 'engineError.applyPlanDomainNoController' };
  if (field === 'controllers' && issue.code === 'too_big') return { key: 'engineError.applyPlanDomainTooMany', params: { limit: Number(issue.maximum) } };
  return { key: 'engineError.applyPlanDomainOther', params: { path: issue.path.join('.') } };
}
