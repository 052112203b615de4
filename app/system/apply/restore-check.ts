import { CAPTURE_FILES, type Capture } from '../../core/capture/capture';
import type { Snapshot } from '../../core/model/snapshot';
import { inverseOf, isRouteAction, type Action } from '../../core/remedy/actions';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { engineT } from '../../core/i18n';
import { effectObserved, findActionRoute } from './judge';

/**
 * After an undo: is the machine as it was before the run? Every undone action's inverse must be
 * visible in a fresh collection, and every route an action touched must be as the backup of the
 * route table (taken before the first change) shows it: there or not, with the same metric.
 * Returns what differs, or — when the backup is missing or unreadable — says it cannot check.
 */
export function restoreProblems(backupRoutePrint: string | null, after: Snapshot, undone: readonly Action[], t = engineT('en')): { differs: string[]; notes: string[]; unchecked?: string } {
  const differs: string[] = [];
  const notes: string[] = [];
  for (const action of undone) {
    if (!effectObserved(after, inverseOf(action))) differs.push(t('engineRun.restore.notUndone', { what: describe(action) }));
  }
  const routeActions = undone.filter(isRouteAction);
  if (routeActions.length === 0) return { differs, notes };
  const backup = backupRoutePrint ? snapshotOfRoutePrint(backupRoutePrint) : null;
  if (!backup || backup.routes.length === 0) return { differs, notes, unchecked: t('engineRun.restore.backupUnreadable') };
  for (const action of routeActions) {
    const before = findActionRoute(backup, action);
    const now = findActionRoute(after, action);
    if (!!before !== !!now) differs.push(t(before ? 'engineRun.restore.missing' : 'engineRun.restore.extra', { destination: action.destination, netmask: action.netmask }));
    // a metric route.exe cannot set (0) comes back as 1: the fix said so when it was offered
    else if (before && now && before.metric !== now.metric) notes.push(t('engineRun.restore.metricBack', { destination: action.destination, netmask: action.netmask, now: now.metric, before: before.metric }));
  }
  return { differs, notes };
}

function snapshotOfRoutePrint(text: string): Snapshot {
  const capture: Capture = {
    origin: 'capture',
    label: 'backup',
    meta: { schemaVersion: 1 },
    files: new Map([[CAPTURE_FILES.routePrint, { name: CAPTURE_FILES.routePrint, text, encoding: 'utf-8' }]]),
    readProblems: [],
  };
  return buildSnapshot(capture).snapshot;
}

const describe = (a: Action) => (isRouteAction(a) ? `route ${a.kind.slice(6)} ${a.destination} mask ${a.netmask}` : a.kind === 'registry.set' || a.kind === 'registry.delete' ? `${a.kind} ${a.key}\\${a.name}` : a.kind);
