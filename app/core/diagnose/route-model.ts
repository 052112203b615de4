import ipaddr from 'ipaddr.js';
import { isTunnelKind } from '../parse/adapter-kind';
import type { NetInterface, Route, Snapshot } from '../model/snapshot';

/** A stand-in address for "the Internet" when asking which route wins; nothing is contacted. */
export const INTERNET_PROBE = '8.8.8.8';

export function routeContains(route: Route, target: string): boolean {
  try {
    const addr = ipaddr.parse(target);
    const dest = ipaddr.parse(route.destination);
    if (addr.kind() !== dest.kind()) return false;
    return addr.match(dest, route.prefixLength);
  } catch {
    return false;
  }
}

/** The interface that carries a route: by its interface address (IPv4 tables) or index (IPv6, XP). */
export function interfaceOf(route: Route, snapshot: Pick<Snapshot, 'interfaces'>): NetInterface | undefined {
  if (route.interfaceAddress) {
    const byAddress = snapshot.interfaces.find((i) => i.ipv4.some((a) => a.address === route.interfaceAddress));
    if (byAddress) return byAddress;
  }
  if (route.interfaceIndex !== undefined) return snapshot.interfaces.find((i) => i.index === route.interfaceIndex);
  return undefined;
}

/**
 * A route goes through the tunnel when its interface is a PPP/VPN adapter. Without ipconfig, two
 * point-to-point signatures remain for default routes: a gateway equal to the route's own
 * interface address (RAS/PPP on every Windows generation), and an on-link default route (a broadcast LAN always names its
 * router; only a tunnel can carry "everything" without a next hop).
 */
export function isTunnelRoute(route: Route, snapshot: Pick<Snapshot, 'interfaces'>): boolean {
  const iface = interfaceOf(route, snapshot);
  if (iface) return isTunnelKind(iface.kind);
  // Only default routes: on NT4–XP every connected subnet also names its own address as gateway.
  if (route.family !== 4 || route.prefixLength > 1) return false;
  return route.gateway === null || route.gateway === route.interfaceAddress;
}

export const isDefaultRoute = (r: Route) => r.family === 4 && r.prefixLength === 0;
/** OpenVPN `redirect-gateway def1` halves (0/1 + 128/1) act as a default route. */
export const isDefaultHalf = (r: Route) => r.family === 4 && r.prefixLength === 1 && (r.destination === '0.0.0.0' || r.destination === '128.0.0.0');

export interface Selection {
  winner: Route | null;
  /** routes with the same prefix length and metric as the winner (Windows then picks unpredictably) */
  ties: Route[];
  /** every route that matches the target, best first */
  candidates: Route[];
}

/** Longest prefix wins; among equal prefixes the lowest metric (Vista+ prints route + interface metric). */
export function effectiveRoute(routes: readonly Route[], target: string): Selection {
  const family = target.includes(':') ? 6 : 4;
  const candidates = routes
    .filter((r) => r.family === family && routeContains(r, target))
    .sort((a, b) => b.prefixLength - a.prefixLength || a.metric - b.metric);
  const winner = candidates[0] ?? null;
  const ties = winner ? candidates.filter((r) => r !== winner && r.prefixLength === winner.prefixLength && r.metric === winner.metric) : [];
  return { winner, ties, candidates };
}

/** The network address of a CIDR, for "which route wins" questions about a whole network. */
export function parseCidr(cidr: string): { address: string; prefixLength: number; netmask: string } | null {
  try {
    const [addr, prefix] = ipaddr.IPv4.parseCIDR(cidr);
    const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
    void addr;
    return { address: network, prefixLength: prefix, netmask: ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString() };
  } catch {
    return null;
  }
}

/** A host inside a network to ask about (the first usable address). */
export function firstHost(cidr: string): string | null {
  const net = parseCidr(cidr);
  if (!net) return null;
  if (net.prefixLength >= 31) return net.address;
  const bytes = ipaddr.IPv4.parse(net.address).toByteArray();
  bytes[3] = (bytes[3] ?? 0) + 1;
  return ipaddr.fromByteArray(bytes).toString();
}

export function routeLabel(r: Route): string {
  return `${r.destination}/${r.prefixLength} via ${r.gateway ?? 'On-link'}${r.interfaceAddress ? ` (interface ${r.interfaceAddress})` : ''} metric ${r.metric}`;
}
