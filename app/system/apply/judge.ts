import { isRouteAction, type Action, type RouteAction } from '../../core/remedy/actions';
import type { Route, Snapshot } from '../../core/model/snapshot';
import { interfaceOf } from '../../core/diagnose/route-model';
import { expectedShownMetric } from '../../core/remedy/route-metric';
import ipaddr from 'ipaddr.js';
import { engineT } from '../../core/i18n';
import { otherEffectObserved, otherPrecondition } from './judge-other';

type Words = ReturnType<typeof engineT>;

/**
 * Every route step is judged by the table, never by route.exe's words: its messages are translated
 * (windows-cell.ts), its exit code is 0 after many failures, NT's `route change` of a missing route
 * prints nothing at all (KB Q147232), and whether its success line reads the same in every display
 * language is documented nowhere. route.exe's text is kept only as evidence for the person.
 */

const prefixOf = (mask: string) => ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask() ?? -1;

/** Does the snapshot hold the route an action names (same destination, mask, next hop, interface)? */
export function findActionRoute(snapshot: Snapshot, action: RouteAction): Route | undefined {
  const prefix = prefixOf(action.netmask);
  return snapshot.routes.find((r) => {
    if (r.family !== 4 || r.destination !== action.destination || r.prefixLength !== prefix) return false;
    const iface = interfaceOf(r, snapshot);
    if (action.interfaceIndex !== undefined && iface && iface.index !== null && iface.index !== action.interfaceIndex) return false;
    if (!action.gateway) return true;
    // An on-link route named by the interface's own address (route.exe's convention).
    return r.gateway === action.gateway || (r.gateway === null && r.interfaceAddress === action.gateway);
  });
}

/** Precondition before running an action; null when it holds, else why not. */
export function preconditionFailure(snapshot: Snapshot, action: Action, t: Words = engineT('en')): string | null {
  if (!isRouteAction(action)) return otherPrecondition(snapshot, action, t);
  const existing = findActionRoute(snapshot, action);
  const name = `${t('engineRun.judge.route', { destination: action.destination, netmask: action.netmask })}${action.gateway ? t('engineRun.judge.via', { gateway: action.gateway }) : ''}`;
  if (action.kind === 'route.add' && existing) return t('engineRun.precondition.routeExists', { name });
  if ((action.kind === 'route.delete' || action.kind === 'route.change') && !existing) return t('engineRun.precondition.routeGone', { name });
  return null;
}

export interface StepJudgement {
  /** the table shows exactly what the step was for */
  ok: boolean;
  /** some of the step's change is in the table (so an undo has something to reverse) */
  present: boolean;
  /** what the table showed instead, for the person */
  why?: string;
}

/**
 * A route step against a fresh read of the table (`route print <dest>` rows; `baseline` supplies
 * interfaces and interface metrics, which route steps do not change): the added route with the
 * planned gateway, interface and effective metric; the deleted one gone; the changed one with the
 * new effective metric.
 */
export function judgeRouteStep(baseline: Snapshot, rows: readonly Route[], action: RouteAction, t: Words = engineT('en')): StepJudgement {
  const view: Snapshot = { ...baseline, routes: [...rows] };
  if (interfaceGone(baseline, action)) return { ok: false, present: false, why: t('engineRun.judge.interfaceGone', { n: action.interfaceIndex }) };
  const found = findActionRoute(view, action);
  const name = `${t('engineRun.judge.route', { destination: action.destination, netmask: action.netmask })}${action.gateway ? t('engineRun.judge.via', { gateway: action.gateway }) : ''}${action.interfaceIndex !== undefined ? t('engineRun.judge.onInterface', { n: action.interfaceIndex }) : ''}`;
  switch (action.kind) {
    case 'route.delete':
      return found ? { ok: false, present: false, why: t('engineRun.judge.stillInTable', { name }) } : { ok: true, present: true };
    case 'route.add': {
      if (!found) return { ok: false, present: false, why: t('engineRun.judge.notInTable', { name }) };
      const expected = expectedShownMetric(baseline, action.metric, action.interfaceIndex, action.gateway);
      if (expected !== null && found.metric !== expected) return { ok: false, present: true, why: t('engineRun.judge.metricDiffers', { name, shown: found.metric, planned: expected }) };
      return { ok: true, present: true };
    }
    case 'route.change': {
      if (!found) return { ok: false, present: false, why: t('engineRun.judge.noLongerInTable', { name }) };
      const expected = expectedShownMetric(baseline, action.metric, action.interfaceIndex, action.gateway);
      const previous = expectedShownMetric(baseline, action.previousMetric, action.interfaceIndex, action.gateway);
      const ok = expected !== null ? found.metric === expected : previous !== null && found.metric !== previous;
      const present = previous !== null ? found.metric !== previous : ok;
      return ok ? { ok, present } : { ok, present, why: t('engineRun.judge.metricDiffers', { name, shown: found.metric, planned: expected ?? '?' }) };
    }
  }
}

/** The interface an action names is gone from a machine whose interface indexes are known. */
function interfaceGone(snapshot: Snapshot, action: RouteAction): boolean {
  if (action.interfaceIndex === undefined) return false;
  const indexes = snapshot.interfaces.map((i) => i.index).filter((i): i is number => i !== null);
  return indexes.length > 0 && !indexes.includes(action.interfaceIndex);
}

/**
 * Is some of this action's change on the machine now? Route actions by the table; registry,
 * LMHOSTS and VPN profile actions by whether their target still differs from what it was before.
 * A NetBT reload leaves no state of its own.
 */
export function changePresent(snapshot: Snapshot, action: Action): boolean {
  if (isRouteAction(action)) return judgeRouteStep(snapshot, snapshot.routes, action).present;
  if (action.kind === 'nbtstat.reload') return false;
  return otherPrecondition(snapshot, action) !== null;
}

/** After the action ran: is its effect visible in a fresh collection? */
export function effectObserved(snapshot: Snapshot, action: Action): boolean {
  if (!isRouteAction(action)) return otherEffectObserved(snapshot, action);
  return judgeRouteStep(snapshot, snapshot.routes, action).ok;
}
