import { readFile } from 'node:fs/promises';
import { describePolicyIssues, PolicySchema, type Policy } from '../core/model/policy';
import { UsageError } from './errors';

export async function readPolicyFile(path: string): Promise<Policy> {
  const raw = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`Cannot read policy file ${path}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`Policy file ${path} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`Policy file ${path} is invalid:\n  ${describePolicyIssues(parsed.error).join('\n  ')}`);
  return parsed.data;
}
