import ipaddr from 'ipaddr.js';
import { dottedQuadToNumber } from '../../parse/ipv4-dotted';
import type { Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { routeRowsOf } from '../../parse/lazy-routes';

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
  const stale = snapshot.persistentRoutes.filter((p) => p.gateway !== '0.0.0.0');
  if (stale.length === 0) return [];
  const onLink: { address: string; prefixLength: number }[] = [];
  routeRowsOf(snapshot).forEach((r) => {
    if (r.family === 4 && r.prefixLength >= 8 && !isMulticastOrBroadcast(r.destination) && (r.gateway === null || r.gateway === r.interfaceAddress)) onLink.push({ address: r.destination, prefixLength: r.prefixLength });
  });
  const reachable = reachability([...subnets, ...onLink]);
  return stale
    .filter((p) => !reachable(p.gateway))
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

/**
 * `gateway => connected.some((s) => reaches(gateway, s.address, s.prefixLength))`, with the
 * four-part decimal networks indexed once by prefix length (a table's on-link routes times its
 * persistent routes was quadratic); anything else (ipaddr.js's other address forms, odd prefix
 * lengths) still goes through `reaches`.
 */
function reachability(connected: { address: string; prefixLength: number }[]): (gateway: string) => boolean {
  const byLength = new Map<number, Set<number>>();
  const other: { address: string; prefixLength: number }[] = [];
  for (const s of connected) {
    const address = dottedQuadToNumber(s.address);
    if (address === null || !Number.isInteger(s.prefixLength) || s.prefixLength < 0 || s.prefixLength > 32) {
      other.push(s);
      continue;
    }
    let nets = byLength.get(s.prefixLength);
    if (!nets) byLength.set(s.prefixLength, (nets = new Set()));
    nets.add(networkOf(address, s.prefixLength));
  }
  return (gateway) => {
    const address = dottedQuadToNumber(gateway);
    if (address === null) return connected.some((s) => reaches(gateway, s.address, s.prefixLength));
    for (const [length, nets] of byLength) if (nets.has(networkOf(address, length))) return true;
    return other.some((s) => reaches(gateway, s.address, s.prefixLength));
  };
}

const networkOf = (address: number, prefixLength: number) => (prefixLength === 0 ? 0 : (address & ((0xffffffff << (32 - prefixLength)) >>> 0)) >>> 0);
