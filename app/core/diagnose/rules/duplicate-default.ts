import type { Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { routeRowsOf } from '../../parse/lazy-routes';
import { evidenceOf, explainDecision } from '../explain';
import { effectiveRoute, INTERNET_PROBE, isDefaultRoute } from '../route-model';

/** route.duplicate-default-equal-metric: the winning default route has a twin with the same metric. */
export function duplicateDefaultEqualMetric(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const defaults = routeRowsOf(snapshot).filterWithPrefix(0, 0, isDefaultRoute);
  const { winner, ties } = effectiveRoute(defaults, INTERNET_PROBE);
  if (!winner) return [];
  const distinct = ties.filter((r) => r.gateway !== winner.gateway || r.interfaceAddress !== winner.interfaceAddress);
  if (distinct.length === 0) return [];
  const tied = [winner, ...distinct];
  return [
    {
      id: 'route.duplicate-default-equal-metric',
      severity: 'warning',
      title: t('rules.duplicateDefault.title'),
      summary: t('rules.duplicateDefault.summary', { gateways: tied.map((r) => r.gateway ?? r.interfaceAddress ?? 'On-link').join(', '), metric: winner.metric }),
      evidence: tied.map(evidenceOf),
      decisions: [explainDecision(snapshot, INTERNET_PROBE, t('internet'), t)],
      fixes: [],
    },
  ];
}
