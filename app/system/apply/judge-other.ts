import { lmhostsOf } from '../../core/snapshot/registry-section';
import { lookupValue, registryViewOf } from '../../core/model/registry-view';
import type { Action } from '../../core/remedy/actions';
import type { RegistryAction, RegState } from '../../core/remedy/registry-actions';
import type { RegistryView } from '../../core/model/registry-view';
import type { Snapshot } from '../../core/model/snapshot';
import { vpnProfilesOf } from '../../core/model/vpn-profile';
import type { VpnAction } from '../../core/remedy/vpn-actions';
import { engineT } from '../../core/i18n';

type Other = Exclude<Action, { kind: `route.${string}` }>;

const sameState = (value: { type: string; data: unknown }, state: RegState) => value.type === state.type && JSON.stringify(value.data) === JSON.stringify(state.data);

/** Registry and LMHOSTS: the machine must still be exactly as the person reviewed it. */
export function otherPrecondition(snapshot: Snapshot, action: Other, t = engineT('en')): string | null {
  switch (action.kind) {
    case 'registry.set':
    case 'registry.delete': {
      const now = lookupValue(registryViewOf(snapshot.registry), action.key, action.name);
      const name = `${action.key}\\${action.name || '(Default)'}`;
      if (now.state === 'unknown') return t('engineRun.precondition.notCollected', { name });
      const expected = action.previous;
      if ('absent' in expected) return now.state === 'absent' ? null : t('engineRun.precondition.appeared', { name });
      if (now.state !== 'present' || !sameState(now.value, expected)) return t('engineRun.precondition.changed', { name });
      return null;
    }
    case 'file.replace': {
      const file = lmhostsOf(snapshot.lmhosts);
      return (file?.text ?? '') === action.previous ? null : t('engineRun.precondition.lmhostsChanged');
    }
    case 'nbtstat.reload':
      return null;
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove': {
      const profile = profileOf(snapshot, action);
      if (!profile) return t('engineRun.precondition.vpnNotFound', { name: action.connectionName });
      if (action.kind === 'vpn.split.set') return profile.splitTunnel === action.previous ? null : t('engineRun.precondition.splitChanged', { name: action.connectionName });
      const has = profile.routes.includes(action.destinationPrefix);
      return has === (action.kind === 'vpn.route.remove') ? null : t('engineRun.precondition.vpnRouteChanged', { prefix: action.destinationPrefix, name: action.connectionName });
    }
    case 'task.create':
    case 'task.delete': {
      const present = taskPresent(snapshot, action.name);
      if (present === null) return t('engineRun.precondition.tasksNotCollected');
      return present === (action.kind === 'task.delete') ? null : t(present ? 'engineRun.precondition.taskExists' : 'engineRun.precondition.taskGone', { name: action.name });
    }
  }
}

/** Is this task in the collected task list (null: the list was not collected)? */
function taskPresent(snapshot: Snapshot, name: string): boolean | null {
  if (!snapshot.scheduledTasks) return null;
  return snapshot.scheduledTasks.some((t) => t.name.toLowerCase() === name.toLowerCase());
}

/** The connection as Get-VpnConnection reports it (only that source can be changed by the cmdlets). */
function profileOf(snapshot: Snapshot, action: VpnAction) {
  return vpnProfilesOf(snapshot.vpnProfiles).find((p) => p.source === 'powershell' && p.name === action.connectionName && Boolean(p.allUsers) === action.allUsers);
}

/** Does this registry view (a capture's, or a fresh `reg export`) show the step's change? */
export function registryEffectIn(view: RegistryView, action: RegistryAction): boolean {
  const now = lookupValue(view, action.key, action.name);
  if (action.kind === 'registry.set') return now.state === 'present' && sameState(now.value, { type: action.type, data: action.data } as RegState);
  return now.state === 'absent' && (!action.removeKey || !now.keyExists);
}

export function otherEffectObserved(snapshot: Snapshot, action: Other): boolean {
  switch (action.kind) {
    case 'registry.set':
    case 'registry.delete':
      return registryEffectIn(registryViewOf(snapshot.registry), action);
    case 'file.replace':
      return (lmhostsOf(snapshot.lmhosts)?.text ?? '') === action.content;
    case 'nbtstat.reload':
      return true;
    case 'vpn.split.set':
      return profileOf(snapshot, action)?.splitTunnel === action.splitTunneling;
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return (profileOf(snapshot, action)?.routes.includes(action.destinationPrefix) ?? false) === (action.kind === 'vpn.route.add');
    case 'task.create':
    case 'task.delete':
      return taskPresent(snapshot, action.name) === (action.kind === 'task.create');
  }
}
