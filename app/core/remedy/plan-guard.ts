import type { TFunction } from 'i18next';
import type { OsInfo } from '../model/snapshot';
import type { PlannedFix } from './build-fix';
import { DEFAULT_GUARD_PROGRAM, guardNameProblem, guardTaskName, guardTaskXml } from './guard-task';

/**
 * "Keep it fixed": the "now" split-tunnel fix plus a task that applies it again at every connect
 * of this VPN (guard-task.ts). Offered only where the profile cannot be changed for good (no
 * Get-VpnConnection profile: third-party clients, Windows 7) and where Task Scheduler 2.0 with
 * event triggers exists (Vista and later; XP's Task Scheduler 1.0 has no event triggers — Learn,
 * "Task Scheduler 1.0 vs 2.0"), and for a connection name a task can carry.
 */
export function planGuard(now: PlannedFix, connection: string | null, os: OsInfo, t: TFunction, program = DEFAULT_GUARD_PROGRAM): PlannedFix | null {
  if (os.family !== 'nt6+' || !connection || guardNameProblem(connection)) return null;
  const name = guardTaskName(connection);
  return {
    id: 'route.vpn-default-route-wins:guard',
    title: t('fix.guard'),
    strength: 'lasting',
    risk: now.risk,
    steps: [...now.steps, { label: t('fix.step.guardTask', { name: connection }), action: { kind: 'task.create', name, connection, xml: guardTaskXml({ connection, program }) } }],
    notes: [t('fix.guardNote', { name: connection }), ...(now.notes ?? [])],
  };
}
