import type { TFunction } from 'i18next';
import type { RouteDecision } from '../model/report';
import type { Route, Snapshot } from '../model/snapshot';
import type { RouteRows } from '../parse/route-rows';
import { routeRowsOf } from '../parse/lazy-routes';
import { effectiveRoute, interfaceOf, isTunnelRoute, routeLabel } from './route-model';

/** "Traffic to X goes via Y because …" for one destination, in plain words. */
export function explainDecision(snapshot: Snapshot, target: string, label: string, t: TFunction, routes: readonly Route[] | RouteRows = routeRowsOf(snapshot)): RouteDecision {
  const { winner, ties, candidates } = effectiveRoute(routes, target);
  if (!winner) {
    return { target, label, winner: null, viaTunnel: false, reason: t('reason.none', { target }) };
  }
  const iface = interfaceOf(winner, snapshot);
  const viaTunnel = isTunnelRoute(winner, snapshot);
  const losers = candidates.filter((r) => r !== winner);
  const samePrefix = losers.filter((r) => r.prefixLength === winner.prefixLength);
  let reason: string;
  if (ties.length > 0) reason = t('reason.tie', { target, metric: winner.metric });
  else if (losers.length === 0) reason = t('reason.only', { target });
  else if (samePrefix.length === 0) reason = t('reason.longer', { target, prefix: winner.prefixLength, others: uniq(losers.map((r) => `/${r.prefixLength}`)).join(', ') });
  else reason = t('reason.metric', { target, prefix: winner.prefixLength, metric: winner.metric, others: samePrefix.map((r) => r.metric).join(', ') });

  const ifaceName = viaTunnel ? `${t('tunnel')}${iface ? ` (${iface.name})` : ''}` : iface?.name ?? winner.interfaceAddress ?? '?';
  const via = winner.gateway && winner.gateway !== winner.interfaceAddress ? t('via', { gateway: winner.gateway }) : t('onLink');
  return {
    target,
    label,
    winner: {
      destination: winner.destination,
      prefixLength: winner.prefixLength,
      gateway: winner.gateway,
      interfaceName: iface?.name,
      interfaceKind: iface?.kind,
      metric: winner.metric,
      line: winner.source?.line,
    },
    viaTunnel,
    reason: t('decision', { label, iface: ifaceName, via, reason }),
  };
}

const uniq = (xs: string[]) => [...new Set(xs)];

export function evidenceOf(route: Route): { source: string; text: string; line?: number } {
  return { source: route.source?.file ?? 'route-print.txt', text: route.source?.text ?? routeLabel(route), line: route.source?.line };
}
