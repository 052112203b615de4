import type { NetInterface, Route, Snapshot } from '../model/snapshot';
import { interfaceOf } from '../diagnose/route-model';

/**
 * `route add … metric N` takes the route metric; Vista+ `route print` shows route metric plus
 * interface metric. To re-create a deleted route exactly, subtract the interface metric again.
 * route.exe accepts 1–9999, so a route whose own metric was 0 comes back as 1 (`exact: false`).
 */
export function routeMetricOf(route: Route, snapshot: Snapshot): { metric: number; exact: boolean } {
  const ifMetric = snapshot.os.family === 'nt6+' || snapshot.os.family === 'unknown' ? interfaceOf(route, snapshot)?.interfaceMetric ?? 0 : 0;
  const raw = route.metric - ifMetric;
  const metric = Math.min(9999, Math.max(1, raw));
  return { metric, exact: metric === raw };
}

export function interfaceIndexOf(route: Route, snapshot: Snapshot): number | undefined {
  return route.interfaceIndex ?? interfaceOf(route, snapshot)?.index ?? undefined;
}

export function describeInterface(iface: NetInterface | undefined, fallback: string): string {
  return iface ? `${iface.name}${iface.index !== null ? ` (#${iface.index})` : ''}` : fallback;
}
