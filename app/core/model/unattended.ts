import { engineT } from '../i18n';
import type { Fix } from './report';
import { RISK_LEVELS, type Policy, type RiskLevel } from './policy';

/** What an unattended run (`fix --yes` without a terminal, `--silent`) applies at most. */
export const DEFAULT_UNATTENDED_MAX_RISK: RiskLevel = 'low';

/**
 * Why a fix may not be applied without a person, or null when it may. Allowed are only fixes of
 * findings the policy's `unattended.allow` lists, rated at or below `unattended.maxRisk` (default
 * low), and never a fix that removes a default route without routing any network through the VPN
 * in its place (a split fix without corporate networks: afterwards the VPN reaches nothing).
 */
export function unattendedRefusal(
  fix: Pick<Fix, 'risk' | 'actions'>,
  findingId: string,
  policy: Pick<Policy, 'unattended'> | undefined,
  /** the corporate networks of the run, when the caller knows them (`fix` does) */
  corporateNetworks?: readonly string[],
): string | null {
  const refusal = unattendedRefusalText(fix, findingId, policy, corporateNetworks);
  return refusal && engineT('en')(refusal.key, refusal.params);
}

/** unattendedRefusal as a catalogue text (`unattended.*`), for a face to word in the person's language. */
export function unattendedRefusalText(
  fix: Pick<Fix, 'risk' | 'actions'>,
  findingId: string,
  policy: Pick<Policy, 'unattended'> | undefined,
  corporateNetworks?: readonly string[],
): { key: string; params?: Record<string, string> } | null {
  const unattended = policy?.unattended;
  if (!unattended?.allow.includes(findingId as never)) return { key: 'unattended.notAllowed' };
  const maxRisk = unattended.maxRisk ?? DEFAULT_UNATTENDED_MAX_RISK;
  if (RISK_LEVELS.indexOf(fix.risk) > RISK_LEVELS.indexOf(maxRisk)) return { key: 'unattended.aboveMaxRisk', params: { risk: fix.risk, maxRisk } };
  if (removesDefaultWithoutReplacement(fix.actions) || (corporateNetworks?.length === 0 && deletesDefault(fix.actions))) return { key: 'unattended.noCorporateNetworks' };
  return null;
}

const deletesDefault = (actions: Fix['actions']) => actions.some((a) => a.kind === 'route.delete' && a.destination === '0.0.0.0' && a.netmask === '0.0.0.0');

/** A default route goes and no network (a host route, e.g. for the VPN's DNS server, is none) takes its place. */
function removesDefaultWithoutReplacement(actions: Fix['actions']): boolean {
  const addsNetwork = actions.some(
    (a) => (a.kind === 'route.add' && a.netmask !== '0.0.0.0' && a.netmask !== '255.255.255.255') || (a.kind === 'vpn.route.add' && !a.destinationPrefix.endsWith('/32')),
  );
  return deletesDefault(actions) && !addsNetwork;
}
