import { buildFix } from '../../remedy/build-fix';
import { corpRouteAction } from '../../remedy/plan-split-tunnel';
import { interfaceIndexOf } from '../../remedy/route-metric';
import type { Finding } from '../../model/report';
import type { Route } from '../../model/snapshot';
import type { DiagnoseContext } from '../context';
import { routeRowsOf } from '../../parse/lazy-routes';
import { evidenceOf, explainDecision } from '../explain';
import { effectiveRoute, firstHost, interfaceOf, isTunnelRoute, parseCidr, tunnelRouteTest } from '../route-model';

/** The route leaves through an address that carries tunnel routes, or names such an address as its gateway. */
function throughTunnelAddress(route: Route, tunnelAddresses: Set<string>): boolean {
  return (route.interfaceAddress !== undefined && tunnelAddresses.has(route.interfaceAddress)) || (route.gateway !== null && tunnelAddresses.has(route.gateway));
}

/** route.vpn-network-unreachable: the tunnel is up, but a corporate network is routed elsewhere. */
export function vpnNetworkUnreachable(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const isTunnel = tunnelRouteTest(snapshot);
  // One pass over the table: the tunnel's IPv4 routes give the anchor — the first through a named
  // gateway, else the first through the tunnel's own address (on-link for route.exe) — and the
  // addresses they leave through.
  let throughGateway: Route | undefined;
  let throughAddress: Route | undefined;
  const tunnelAddresses = new Set<string>();
  const routes = routeRowsOf(snapshot);
  routes.forEach((r, i) => {
    if (r.family !== 4 || !isTunnel(r)) return;
    if (!throughGateway && r.gateway && r.gateway !== r.interfaceAddress) throughGateway = routes.at(i);
    if (!throughAddress && r.interfaceAddress) throughAddress = routes.at(i);
    if (r.interfaceAddress) tunnelAddresses.add(r.interfaceAddress);
  });
  const anchor = throughGateway ?? throughAddress;
  if (!anchor) return [];
  const gateway = anchor.gateway ?? anchor.interfaceAddress!;
  const vpn = interfaceOf(anchor, snapshot);
  const findings: Finding[] = [];
  for (const cidr of ctx.corporateNetworks) {
    const net = parseCidr(cidr);
    const host = firstHost(cidr);
    if (!net || !host) continue;
    const winner = effectiveRoute(routes, host).winner;
    // a route through the tunnel's own address (PPP names itself as gateway) is a tunnel route,
    // whatever its destination: the network is already reached through the VPN
    if (winner && (isTunnelRoute(winner, snapshot) || throughTunnelAddress(winner, tunnelAddresses))) continue;
    const decision = explainDecision(snapshot, host, t('corpNet', { cidr }), t);
    const index = interfaceIndexOf(anchor, snapshot);
    const label = t('fix.step.addCorp', { cidr, gateway, index: index ?? '?' });
    findings.push({
      id: 'route.vpn-network-unreachable',
      severity: 'critical',
      title: t('rules.corpUnreachable.title', { cidr }),
      summary: t('rules.corpUnreachable.summary', {
        cidr,
        vpn: vpn?.name ?? anchor.interfaceAddress,
        iface: winner ? interfaceOf(winner, snapshot)?.name ?? winner.interfaceAddress : '—',
        via: winner?.gateway ? t('via', { gateway: winner.gateway }) : t('onLink'),
      }),
      ifFixed: t('rules.corpUnreachable.ifFixed', { cidr }),
      evidence: [...(winner ? [evidenceOf(winner)] : []), evidenceOf(anchor), { source: 'policy', text: t('corpNet', { cidr }) }],
      decisions: [decision],
      fixes: [
        buildFix(
          {
            id: `route.vpn-network-unreachable:${cidr.replace("/", "-")}`,
            title: t('fix.addCorpNow', { cidr }),
            strength: 'now',
            risk: 'low',
            steps: [{ label, action: corpRouteAction(net.address, net.netmask, gateway, index) }],
          },
          t,
          ctx.machine,
        ),
      ],
    });
  }
  return findings;
}
