import ipaddr from 'ipaddr.js';
import type { Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { evidenceOf, explainDecision } from '../explain';
import { effectiveRoute, isTunnelRoute, routeLabel } from '../route-model';
import { routeRowsOf } from '../../parse/lazy-routes';
import { isTunnelKind } from '../../parse/adapter-kind';

/** route.lan-hidden-by-vpn: a tunnel route wins for addresses of a directly connected LAN. */
export function lanHiddenByVpn(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const findings: Finding[] = [];
  for (const iface of snapshot.interfaces) {
    if (isTunnelKind(iface.kind) || iface.kind === 'loopback') continue;
    for (const addr of iface.ipv4) {
      if (addr.prefixLength >= 31 || addr.prefixLength === 0) continue;
      const cidr = `${ipaddr.IPv4.networkAddressFromCIDR(`${addr.address}/${addr.prefixLength}`).toString()}/${addr.prefixLength}`;
      const probe = iface.gateways.find((g) => g.includes('.') && inSubnet(g, addr.address, addr.prefixLength)) ?? addr.address;
      const winner = effectiveRoute(routeRowsOf(snapshot), probe).winner;
      if (!winner || !isTunnelRoute(winner, snapshot) || winner.prefixLength === 0 || winner.prefixLength === 1) continue;
      findings.push({
        id: 'route.lan-hidden-by-vpn',
        severity: 'warning',
        title: t('rules.lanHidden.title', { cidr }),
        summary: t('rules.lanHidden.summary', { cidr, route: routeLabel(winner), gateway: probe }),
        evidence: [evidenceOf(winner)],
        decisions: [explainDecision(snapshot, probe, t('lan', { cidr }), t)],
        fixes: [],
      });
    }
  }
  return findings;
}

function inSubnet(address: string, network: string, prefix: number): boolean {
  try {
    return ipaddr.IPv4.parse(address).match(ipaddr.IPv4.parse(network), prefix);
  } catch {
    return false;
  }
}
