import { isRouteAction, type Action, type RouteAction } from '../../core/remedy/actions';
import type { Route, Snapshot } from '../../core/model/snapshot';
import { interfaceOf } from '../../core/diagnose/route-model';
import ipaddr from 'ipaddr.js';
import { otherEffectObserved, otherPrecondition } from './judge-other';

/**
 * route.exe's exit code says little (it is 0 after many failures); its output decides: Vista+
 * prints " OK!" on success, NT4–XP print nothing. Same rule as the rendered scripts.
 */
export function routeOutputSucceeded(output: string): boolean {
  return output.trim() === '' || output.includes('OK!');
}

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
export function preconditionFailure(snapshot: Snapshot, action: Action): string | null {
  if (!isRouteAction(action)) return otherPrecondition(snapshot, action);
  const existing = findActionRoute(snapshot, action);
  const name = `${action.destination} mask ${action.netmask}${action.gateway ? ` via ${action.gateway}` : ''}`;
  if (action.kind === 'route.add' && existing) return `route ${name} already exists`;
  if ((action.kind === 'route.delete' || action.kind === 'route.change') && !existing) return `route ${name} is no longer there`;
  return null;
}

/** After the action ran: is its effect visible in a fresh collection? */
export function effectObserved(snapshot: Snapshot, action: Action): boolean {
  if (!isRouteAction(action)) return otherEffectObserved(snapshot, action);
  const existing = findActionRoute(snapshot, action);
  return action.kind === 'route.delete' ? !existing : !!existing;
}
