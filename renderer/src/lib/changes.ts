import type { Fix } from '../../../app/shared/model-types';

/**
 * Plain descriptions of a fix's typed actions for "What changes". The renderer reads the actions
 * as data (types only from core); route actions are already described by the fix's steps.
 */
type Action = Fix['actions'][number];
export type RegistrySet = Extract<Action, { kind: 'registry.set' }>;
export type RegistryDelete = Extract<Action, { kind: 'registry.delete' }>;
export type FileReplace = Extract<Action, { kind: 'file.replace' }>;

type RegData = RegistrySet['data'];

/** A registry value as a person reads it: "1", "text", "a, b" (the type is shown next to it). */
export function formatRegData(data: RegData): string {
  if (Array.isArray(data)) return data.join(', ');
  return String(data);
}

export const registryChanges = (fix: Fix): (RegistrySet | RegistryDelete)[] =>
  fix.actions.filter((a): a is RegistrySet | RegistryDelete => a.kind === 'registry.set' || a.kind === 'registry.delete');

export const fileChanges = (fix: Fix): FileReplace[] => fix.actions.filter((a): a is FileReplace => a.kind === 'file.replace');

export const reloadsNameCache = (fix: Fix): boolean => fix.actions.some((a) => a.kind === 'nbtstat.reload');

/** What a lasting fix changes, so its "lasting" tag explains itself. */
export function lastingKind(fix: Fix): 'registry' | 'file' | 'profile' | 'guard' {
  if (fix.actions.some((a) => a.kind === 'task.create')) return 'guard';
  if (fix.actions.some((a) => a.kind.startsWith('vpn.'))) return 'profile';
  if (registryChanges(fix).length > 0) return 'registry';
  if (fileChanges(fix).length > 0) return 'file';
  return 'profile';
}

/** The engine's steps split into what the fix does (one per action) and its notes (how long, when it counts). */
export const actionSteps = (fix: Fix): string[] => fix.steps.slice(0, fix.actions.length);
export const fixNotes = (fix: Fix): string[] => fix.steps.slice(fix.actions.length);

/** Only a fix the engine marks so needs a restart (a note that says "no restart needed" does not). */
export const needsRestart = (fix: Fix): boolean => fix.takesEffect === 'restart';

/**
 * VPN profile actions (vpn.split.set, vpn.route.add/remove), read structurally so this file does
 * not depend on the exact action union: per connection, the split-tunnel switch and stored routes.
 */
export interface ProfileChangeView {
  connectionName: string;
  allUsers: boolean;
  split?: { before: boolean; after: boolean };
  routesAdded: string[];
  routesRemoved: string[];
}

type LooseAction = { kind: string; connectionName?: string; allUsers?: boolean; splitTunneling?: boolean; previous?: unknown; destinationPrefix?: string };

export function profileChanges(fix: Fix): ProfileChangeView[] {
  const out = new Map<string, ProfileChangeView>();
  for (const a of fix.actions as LooseAction[]) {
    if (!a.kind.startsWith('vpn.') || !a.connectionName) continue;
    const key = `${a.connectionName}\u0000${a.allUsers ? 1 : 0}`;
    const view = out.get(key) ?? { connectionName: a.connectionName, allUsers: !!a.allUsers, routesAdded: [], routesRemoved: [] };
    if (a.kind === 'vpn.split.set' && typeof a.splitTunneling === 'boolean') view.split = { before: a.previous === true, after: a.splitTunneling };
    if (a.kind === 'vpn.route.add' && a.destinationPrefix) view.routesAdded.push(a.destinationPrefix);
    if (a.kind === 'vpn.route.remove' && a.destinationPrefix) view.routesRemoved.push(a.destinationPrefix);
    out.set(key, view);
  }
  return [...out.values()];
}
