import { KEYS } from '../../core/diagnose/rules/registry-evidence';
import { isSelfOrAncestor } from '../../core/remedy/registry-actions';
import type { Action } from '../../core/remedy/actions';

/**
 * The catalogue: what a TunnelMedic fix can ever change. The zod schemas already make every action
 * a typed catalogue action (no free-form command exists); this narrows registry actions to the
 * values the rules plan (KeepRasConnections, the cached-logon switches, EnableLMHOSTS), so a plan
 * that reaches privileged code with, say, Winlogon\Userinit in it is refused instead of run.
 */
const REGISTRY_VALUES: readonly { key: string; name: string }[] = [
  { key: KEYS.rasman, name: 'KeepRasConnections' },
  { key: KEYS.winlogon, name: 'KeepRasConnections' },
  { key: KEYS.winlogon, name: 'CachedLogonsCount' },
  { key: KEYS.winlogon, name: 'ReportControllerMissing' },
  { key: KEYS.winlogonUser, name: 'ReportDC' },
  { key: KEYS.policiesSystem, name: 'ReportControllerMissing' },
  { key: KEYS.policiesSystemUser, name: 'ReportControllerMissing' },
  { key: KEYS.netbt, name: 'EnableLMHOSTS' },
];

/**
 * Parents a set may create (and its undo remove) above a catalogue key: never above
 * ...\CurrentVersion or ...\Parameters' service key, so no undo can delete a hive's branch.
 */
const MIN_REMOVABLE_DEPTH = 6;

const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/** Why an action is not one a TunnelMedic fix plans, or null when it is. */
export function catalogueRefusal(action: Action): string | null {
  if (action.kind !== 'registry.set' && action.kind !== 'registry.delete') return null;
  if (!REGISTRY_VALUES.some((v) => same(v.key, action.key) && same(v.name, action.name))) {
    return `${action.key}\\${action.name || '(Default)'} is not a value any TunnelMedic fix changes`;
  }
  const top = action.kind === 'registry.set' ? action.createdFrom : action.removeFrom;
  if (top !== undefined && !same(top, action.key) && (!isSelfOrAncestor(top, action.key) || top.split('\\').length < MIN_REMOVABLE_DEPTH)) {
    return `${top} is too high up for a TunnelMedic fix to create or remove`;
  }
  return null;
}
