import ipaddr from 'ipaddr.js';
import type { Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';

/**
 * route.persistent-route-stale: a persistent route's gateway is on no connected subnet. Connected
 * subnets are the interfaces' addresses and the on-link networks of the same route table (rows with
 * "On-link", or on NT5 the interface's own address, as gateway): an adapter ipconfig did not show, or
 * showed without its mask, still makes its network reachable.
 */
export function persistentRouteStale(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const subnets = snapshot.interfaces.flatMap((i) => i.ipv4.filter((a) => a.prefixLength > 0));
  // Without ipconfig there is nothing to judge reachability against: say nothing rather than guess.
  if (subnets.length === 0) return [];
  const onLink = snapshot.routes
    .filter((r) => r.family === 4 && r.prefixLength >= 8 && !isMulticastOrBroadcast(r.destination) && (r.gateway === null || r.gateway === r.interfaceAddress))
    .map((r) => ({ address: r.destination, prefixLength: r.prefixLength }));
  const connected = [...subnets, ...onLink];
  return snapshot.persistentRoutes
    .filter((p) => p.gateway !== '0.0.0.0' && !connected.some((s) => reaches(p.gateway, s.address, s.prefixLength)))
    .map((p) => {
      const route = `${p.destination}/${p.prefixLength} → ${p.gateway}`;
      return {
        id: 'route.persistent-route-stale',
        severity: 'warning' as const,
        title: t('rules.persistentStale.title'),
        summary: t('rules.persistentStale.summary', { route, gateway: p.gateway }),
        evidence: [{ source: 'route-print.txt', text: `${p.destination} ${p.netmask} ${p.gateway} ${p.metric ?? 'Default'}` }],
        fixes: [],
      };
    });
}

const isMulticastOrBroadcast = (destination: string) => destination === '255.255.255.255' || Number(destination.split('.')[0]) >= 224;

function reaches(gateway: string, address: string, prefix: number): boolean {
  try {
    return ipaddr.IPv4.parse(gateway).match(ipaddr.IPv4.parse(address), prefix);
  } catch {
    return true;
  }
}
