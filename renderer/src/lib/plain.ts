import type { Finding, Severity } from '../../../app/shared/model-types';

/**
 * The first layer of words: per finding id (DESIGN.md's stable list) one sentence without jargon
 * (what the person notices) and one for what the fix does; the engine's technical summary goes under
 * Details. Keys live in the locales as plain.<family>.<name>.{what,fix,steps}, so a new finding id
 * without its sentence falls back to the engine's summary instead of showing nothing.
 */
type T = (key: string, opts?: Record<string, unknown>) => unknown;

const key = (id: string, part: 'what' | 'fix' | 'steps'): string => `plain.${id}.${part}`;

export function plainWhat(t: T, f: Finding): string {
  const s = t(key(f.id, 'what'), { defaultValue: '' });
  return typeof s === 'string' && s ? s : f.summary;
}

export function plainFix(t: T, f: Finding): string | undefined {
  const s = t(key(f.id, 'fix'), { defaultValue: '' });
  if (typeof s === 'string' && s) return s;
  return f.ifFixed;
}

/** Steps the person or the IT desk can take when TunnelMedic cannot fix it (where to click, what to ask). */
export function itSteps(t: T, f: Finding): string[] {
  const s = t(key(f.id, 'steps'), { returnObjects: true, defaultValue: [] });
  return Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : [];
}

const RANK: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The order to work through findings: the most serious first; among equals, the ones TunnelMedic can
 * fix before those it cannot (a quick win first), then the engine's order. "Start here" is the first.
 */
export function workOrder(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || Number(b.f.fixes.length > 0) - Number(a.f.fixes.length > 0) || a.i - b.i)
    .map(({ f }) => f);
}

export const startHere = (findings: readonly Finding[]): Finding | undefined => workOrder(findings).find((f) => f.severity !== 'info');
