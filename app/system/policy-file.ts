import { readFile } from 'node:fs/promises';
import { PolicySchema, type Policy } from '../core/model/policy';
import { policyIssueTexts } from '../core/model/policy-issues';
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
  // each problem worded in the person's language (engine catalogue policyIssue.*), one per line
  if (!parsed.success) throw usageError('engineError.policyInvalid', { path, problems: policyIssueTexts(parsed.error) });
  return parsed.data;
}
