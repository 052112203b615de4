import * as z from '../model/zod';
import { FileReplaceSchema, inverseOfFileAction, NbtstatReloadSchema, type FileAction } from './file-actions';
import { inverseOfRegistryAction, RegistryDeleteSchema, RegistrySetSchema, type RegistryAction } from './registry-actions';
import { inverseOfTaskAction, TaskCreateSchema, TaskDeleteSchema } from './task-actions';
import { inverseOfVpnAction, VpnRouteSchema, VpnSplitSetSchema } from './vpn-actions';

/**
 * A fix is a list of typed actions. Scripts, the elevated runner, the journal, the UI preview and
 * the rollback are all derived from these; nothing downstream re-parses script text.
 *
 * `metric` is the value handed to route.exe (`metric N`). On Vista+ `route print` shows that value
 * plus the interface metric, so the planner converts printed metrics back before it writes actions.
 */
const Ipv4 = z.string().regex(/^(\d{1,3}\.){3}\d{1,3}$/);

export const RouteAddSchema = z.object({
  kind: z.literal('route.add'),
  destination: Ipv4,
  netmask: Ipv4,
  gateway: Ipv4,
  metric: z.number().int().min(1).max(9999),
  interfaceIndex: z.number().int().positive().optional(),
});

export const RouteDeleteSchema = z.object({
  kind: z.literal('route.delete'),
  destination: Ipv4,
  netmask: Ipv4,
  /** omitted for on-link routes: then interfaceIndex scopes the delete */
  gateway: Ipv4.optional(),
  interfaceIndex: z.number().int().positive().optional(),
  /** route metric before the delete, so the inverse re-adds it exactly */
  previousMetric: z.number().int().min(1).max(9999),
});

export const RouteChangeSchema = z.object({
  kind: z.literal('route.change'),
  destination: Ipv4,
  netmask: Ipv4,
  gateway: Ipv4,
  metric: z.number().int().min(1).max(9999),
  interfaceIndex: z.number().int().positive().optional(),
  previousMetric: z.number().int().min(1).max(9999),
});

export const RouteActionSchema = z.discriminatedUnion('kind', [RouteAddSchema, RouteDeleteSchema, RouteChangeSchema]);
export const ActionSchema = z.discriminatedUnion('kind', [
  RouteAddSchema,
  RouteDeleteSchema,
  RouteChangeSchema,
  RegistrySetSchema,
  RegistryDeleteSchema,
  FileReplaceSchema,
  NbtstatReloadSchema,
  VpnSplitSetSchema,
  VpnRouteSchema,
  TaskCreateSchema,
  TaskDeleteSchema,
]);

export type RouteAdd = z.infer<typeof RouteAddSchema>;
export type RouteDelete = z.infer<typeof RouteDeleteSchema>;
export type RouteChange = z.infer<typeof RouteChangeSchema>;
export type RouteAction = z.infer<typeof RouteActionSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type { FileAction, RegistryAction };

export const isRouteAction = (action: Action): action is RouteAction => action.kind.startsWith('route.');

/** The exact inverse of one action; rollback runs the inverses newest first. */
export function inverseOf(action: Action): Action {
  switch (action.kind) {
    case 'route.add':
      return {
        kind: 'route.delete',
        destination: action.destination,
        netmask: action.netmask,
        gateway: action.gateway,
        interfaceIndex: action.interfaceIndex,
        previousMetric: action.metric,
      };
    case 'route.delete':
      if (!action.gateway) {
        throw new Error('An on-link route delete has no exact inverse; the planner must name the gateway.');
      }
      return {
        kind: 'route.add',
        destination: action.destination,
        netmask: action.netmask,
        gateway: action.gateway,
        metric: action.previousMetric,
        interfaceIndex: action.interfaceIndex,
      };
    case 'route.change':
      return { ...action, metric: action.previousMetric, previousMetric: action.metric };
    case 'registry.set':
    case 'registry.delete':
      return inverseOfRegistryAction(action);
    case 'file.replace':
    case 'nbtstat.reload':
      return inverseOfFileAction(action);
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return inverseOfVpnAction(action);
    case 'task.create':
    case 'task.delete':
      return inverseOfTaskAction(action);
  }
}

export function rollbackActions(actions: readonly Action[]): Action[] {
  return [...actions].reverse().map(inverseOf);
}

/**
 * route.exe arguments for one action: an argv array, never a shell string. Takes any action so
 * callers that hold an `Action` keep compiling; a non-route action is a programming error here.
 */
export function routeArgv(action: Action): string[] {
  if (!isRouteAction(action)) throw new Error(`routeArgv: ${action.kind} is not a route action`);
  const scope = action.interfaceIndex !== undefined ? ['IF', String(action.interfaceIndex)] : [];
  switch (action.kind) {
    case 'route.add':
    case 'route.change':
      return [action.kind === 'route.add' ? 'ADD' : 'CHANGE', action.destination, 'MASK', action.netmask, action.gateway, 'METRIC', String(action.metric), ...scope];
    case 'route.delete':
      return ['DELETE', action.destination, 'MASK', action.netmask, ...(action.gateway ? [action.gateway] : []), ...scope];
  }
}
