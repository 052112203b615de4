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
  const unattended = policy?.unattended;
  if (!unattended?.allow.includes(findingId as never)) return "not in the policy's unattended.allow";
  const maxRisk = unattended.maxRisk ?? DEFAULT_UNATTENDED_MAX_RISK;
  if (RISK_LEVELS.indexOf(fix.risk) > RISK_LEVELS.indexOf(maxRisk)) return `risk ${fix.risk} is above the policy's unattended.maxRisk (${maxRisk})`;
  if (removesDefaultWithoutReplacement(fix.actions) || (corporateNetworks?.length === 0 && deletesDefault(fix.actions))) return "removes the VPN's default route but routes no corporate network through the VPN; give corporateNetworks in the policy";
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
