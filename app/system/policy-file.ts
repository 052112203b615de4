import { readFile } from 'node:fs/promises';
import { describePolicyIssues, PolicySchema, type Policy } from '../core/model/policy';
import { usageError } from './error-text';

export async function readPolicyFile(path: string): Promise<Policy> {
  const raw = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw usageError('engineError.policyUnreadable', { path, why: e.code === 'ENOENT' ? { key: 'engineError.noSuchFile' } : e.message });
  });
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw usageError('engineError.policyNotJson', { path, why: (e as Error).message });
  }
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) throw usageError('engineError.policyInvalid', { path, problems: describePolicyIssues(parsed.error).join('\n  ') });
  return parsed.data;
}
