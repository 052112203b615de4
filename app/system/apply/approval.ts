import { createHash } from 'node:crypto';
import type { Action } from '../../core/remedy/actions';
import type { Fix } from '../../core/model/report';

/**
 * The SHA-256 a person approves: of the fix ids and their typed actions (not the translated step
 * texts), in canonical JSON (keys sorted), so the app's consent dialog, the CLI and the elevated
 * instance — which re-plans on its own and compares — compute the same value for the same plan.
 */
export function approvalDigest(fixIds: readonly string[], actions: readonly Action[]): string {
  return createHash('sha256').update(canonicalJson({ fixIds, actions })).digest('hex');
}

export const fixApprovalDigest = (fix: Pick<Fix, 'id' | 'actions'>) => approvalDigest([fix.id], fix.actions);

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
