import { buildFix } from '../../remedy/build-fix';
import { StepTexts } from '../../remedy/step-texts';
import { UNKNOWN_MACHINE } from '../../remedy/script-machine';
import { planGuard } from '../../remedy/plan-guard';
import { planSplitTunnel, planSplitTunnelLasting } from '../../remedy/plan-split-tunnel';
import { vpnProfilesOf } from '../../model/vpn-profile';
import type { Finding } from '../../model/report';
import type { Route } from '../../model/snapshot';
import type { DiagnoseContext } from '../context';
import { routeRowsOf } from '../../parse/lazy-routes';
import { evidenceOf, explainDecision } from '../explain';
import { effectiveRoute, firstHost, INTERNET_PROBE, interfaceOf, isDefaultHalf, isDefaultRoute, isTunnelRoute } from '../route-model';

/** route.vpn-default-route-wins: a tunnel default route (or def1 halves) beats the LAN default. */
export function vpnDefaultRouteWins(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const routes = routeRowsOf(snapshot);
  const internet = effectiveRoute(routes, INTERNET_PROBE).winner;
  if (!internet || !isTunnelRoute(internet, snapshot)) return [];
  const lanDefaults = routes.filterWithPrefix(0, 0, (r) => isDefaultRoute(r) && !isTunnelRoute(r, snapshot) && r.gateway !== null).sort((a, b) => a.metric - b.metric);
  const lanDefault = lanDefaults[0];
  if (!lanDefault) return [];
  const vpnDefaults = routes.filterWithPrefix(0, 1, (r) => (isDefaultRoute(r) || isDefaultHalf(r)) && isTunnelRoute(r, snapshot));
  const vpnName = interfaceOf(internet, snapshot)?.name ?? `${t('tunnel')}${internet.interfaceAddress ? ` (${internet.interfaceAddress})` : ''}`;

  const decisions = [
    explainDecision(snapshot, INTERNET_PROBE, t('internet'), t),
    ...ctx.corporateNetworks.flatMap((cidr) => {
      const host = firstHost(cidr);
      return host ? [explainDecision(snapshot, host, t('corpNet', { cidr }), t)] : [];
    }),
  ];
  const planned = planSplitTunnel(snapshot, vpnDefaults, lanDefault, ctx.corporateNetworks, t);
  const profile = vpnProfilesOf(snapshot.vpnProfiles).find((p) => p.source === 'powershell' && p.name === vpnName && p.splitTunnel === false);
  const lasting = planned && profile ? planSplitTunnelLasting(planned, profile, ctx.corporateNetworks, t) : null;
  // where the profile cannot be changed for good, a scheduled task re-applies the fix at each connect
  const guard = planned && !lasting ? planGuard(planned, interfaceOf(internet, snapshot)?.name ?? null, snapshot.os, t) : null;
  // the guard repeats the split's steps: their texts are rendered once for both fixes
  const texts = new StepTexts(t, ctx.machine ?? UNKNOWN_MACHINE);
  const corp = ctx.corporateNetworks.length ? ctx.corporateNetworks.join(', ') : t('tunnel');
  return [
    {
      id: 'route.vpn-default-route-wins',
      severity: 'critical',
      title: t('rules.vpnDefault.title'),
      summary: t('rules.vpnDefault.summary', { vpn: vpnName, vpnMetric: internet.metric, lanGateway: lanDefault.gateway, lanMetric: lanDefault.metric }),
      ifFixed: t('rules.vpnDefault.ifFixed', { lanGateway: lanDefault.gateway, corp }),
      evidence: [...vpnDefaults, lanDefault].map(evidenceOf),
      decisions,
      fixes: [planned, lasting, guard].flatMap((p) => (p ? [buildFix(p, t, ctx.machine, texts)] : [])),
    },
  ];
}

export type { Route };
