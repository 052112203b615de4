import type { NetInterface, Route, Snapshot } from '../model/snapshot';
import { interfaceOf } from '../diagnose/route-model';
import { routeRowsOf } from '../parse/lazy-routes';
import type { RouteRows } from '../parse/route-rows';

/**
 * Metric arithmetic shared by the planner (exact undo) and the apply engine (judging a step by the
 * table). `route add … metric N` takes the route metric; Vista+ `route print` shows route metric +
 * interface metric (windows-reference.md §9, KB 947216); NT4–XP show the metric as given.
 */

/** Whether `route print` adds the interface metric: Vista+, or a capture whose family is unknown but whose table looks Vista+. */
export function addsInterfaceMetric(snapshot: Pick<Snapshot, 'os'>): boolean {
  return snapshot.os.family === 'nt6+' || snapshot.os.family === 'unknown';
}

/** Vista+ on-link routes: route metric 256 (host route of the interface's own address = 256 + interface metric). */
const ON_LINK = 256;

export type MetricSource = 'reported' | 'host-route';

/**
 * An interface's metric: as reported (netsh / Get-NetIPInterface), else derived from the host route
 * of its own address (Vista+: 256 + interface metric, e.g. 281 → 25). The address is the interface's
 * own or, without ipconfig, the route's "Interface" column. null: cannot be known from this capture.
 */
export function interfaceMetricOf(snapshot: Pick<Snapshot, 'routes' | 'interfaces'>, iface: NetInterface | undefined, address?: string): { metric: number; source: MetricSource } | null {
  if (iface?.interfaceMetric !== undefined) return { metric: iface.interfaceMetric, source: 'reported' };
  const addresses = [...(iface?.ipv4.map((a) => a.address) ?? []), ...(address ? [address] : [])];
  for (const a of addresses) {
    const host = routeRowsOf(snapshot).findWithPrefix(32, 32, (r) => r.family === 4 && r.destination === a && r.gateway === null && r.interfaceAddress === a);
    if (host && host.metric >= ON_LINK) return { metric: host.metric - ON_LINK, source: 'host-route' };
  }
  return null;
}

export interface RouteMetric {
  /** the value to hand route.exe (1–9999) */
  metric: number;
  /** false: re-adding with `metric` would not give back the same effective metric */
  exact: boolean;
  /** why not exact: the interface metric is unknown, or the route metric is 0 (route.exe takes 1–9999) */
  why?: 'interface-metric-unknown' | 'metric-zero' | 'out-of-range';
}

/**
 * The route metric of a printed route, to re-create it exactly. Never silent: when the interface
 * metric cannot be known, or the route metric is one route.exe cannot set, `exact` is false and
 * `why` says which.
 */
export function routeMetricOf(route: Route, snapshot: Snapshot): RouteMetric {
  if (!addsInterfaceMetric(snapshot)) return clamp(route.metric, undefined);
  const known = interfaceMetricOf(snapshot, interfaceOf(route, snapshot), route.interfaceAddress);
  if (!known) return { ...clamp(route.metric, undefined), exact: false, why: 'interface-metric-unknown' };
  return clamp(route.metric - known.metric, undefined);
}

function clamp(raw: number, why: RouteMetric['why']): RouteMetric {
  const metric = Math.min(9999, Math.max(1, raw));
  if (metric === raw) return { metric, exact: why === undefined, ...(why ? { why } : {}) };
  return { metric, exact: false, why: raw <= 0 ? 'metric-zero' : 'out-of-range' };
}

/**
 * The metric `route print` will show for a route added or changed with `metric` on the interface
 * with `interfaceIndex`; null when the interface metric cannot be known (then only gateway and
 * interface can be checked).
 */
export function expectedShownMetric(snapshot: Snapshot, metric: number, interfaceIndex: number | undefined, gateway: string): number | null {
  if (!addsInterfaceMetric(snapshot)) return metric;
  const iface =
    interfaceIndex !== undefined
      ? snapshot.interfaces.find((i) => i.index === interfaceIndex)
      : snapshot.interfaces.find((i) => i.ipv4.some((a) => a.address === gateway));
  const own = interfaceMetricOf(snapshot, iface);
  if (own) return metric + own.metric;
  // Without ipconfig the interface has no address: the gateway itself (an on-link tunnel route names
  // the tunnel's own address) or the "Interface" column of a route through the same gateway tells it.
  for (const address of addressesVia(snapshot, gateway)) {
    const known = interfaceMetricOf(snapshot, iface, address);
    if (known) return metric + known.metric;
  }
  return null;
}

/**
 * The gateway, then the interface addresses of the routes through it, each once, in table order:
 * one pass over the table per gateway (a fix adding 64 networks asks 64 times, and each address
 * asked again gave the same answer).
 */
function addressesVia(snapshot: Pick<Snapshot, 'routes'>, gateway: string): string[] {
  const rows = routeRowsOf(snapshot);
  let byGateway = addressesByGateway.get(rows);
  if (!byGateway) addressesByGateway.set(rows, (byGateway = new Map()));
  let addresses = byGateway.get(gateway);
  if (!addresses) {
    const seen = new Set<string>([gateway]);
    rows.forEach((r) => {
      if (r.gateway === gateway && r.interfaceAddress) seen.add(r.interfaceAddress);
    });
    byGateway.set(gateway, (addresses = [...seen]));
  }
  return addresses;
}

const addressesByGateway = new WeakMap<RouteRows, Map<string, string[]>>();

export function interfaceIndexOf(route: Route, snapshot: Snapshot): number | undefined {
  return route.interfaceIndex ?? interfaceOf(route, snapshot)?.index ?? undefined;
}

export function describeInterface(iface: NetInterface | undefined, fallback: string): string {
  return iface ? `${iface.name}${iface.index !== null ? ` (#${iface.index})` : ''}` : fallback;
}
