import type { Route } from '../model/snapshot';
import { RouteRows } from './route-rows';

/**
 * How a snapshot (or a parse result) holds its route table until someone reads it: `routes` stays
 * the same key in the same place, made from the table's columns on first read (RouteRows), and the
 * engine asks the table itself (routeRowsOf) meanwhile.
 */

const lazyTables = new WeakMap<object, RouteRows>();
const arrayTables = new WeakMap<readonly Route[], { table: RouteRows; length: number; first: Route | undefined; last: Route | undefined }>();

/**
 * Gives `holder.routes` (an existing key, so JSON keeps its place) the table's rows, made on first
 * read: after that it is a plain array property again. Until then routeRowsOf(holder) answers from
 * the columns.
 */
export function lazyRoutes<T extends { routes: Route[] }>(holder: T, table: RouteRows): T {
  lazyTables.set(holder, table);
  const settle = (routes: Route[]) => {
    lazyTables.delete(holder);
    Object.defineProperty(holder, 'routes', { value: routes, writable: true, enumerable: true, configurable: true });
    return routes;
  };
  Object.defineProperty(holder, 'routes', {
    get: () => settle(table.toArray()),
    set: (routes: Route[]) => settle(routes),
    enumerable: true,
    configurable: true,
  });
  return holder;
}

/**
 * The table of a snapshot's (or a parse result's) routes without making their objects when they were
 * never read; over the array itself otherwise (kept while the array has the same length and ends).
 */
export function routeRowsOf(holder: { routes: readonly Route[] } | readonly Route[]): RouteRows {
  if (!Array.isArray(holder)) {
    const lazy = lazyTables.get(holder);
    if (lazy) return lazy;
    return tableOfArray((holder as { routes: readonly Route[] }).routes);
  }
  return tableOfArray(holder as readonly Route[]);
}

function tableOfArray(routes: readonly Route[]): RouteRows {
  const known = arrayTables.get(routes);
  const first = routes[0];
  const last = routes[routes.length - 1];
  if (known && known.length === routes.length && known.first === first && known.last === last) return known.table;
  const table = RouteRows.of(routes);
  arrayTables.set(routes, { table, length: routes.length, first, last });
  return table;
}

/**
 * A copy of `holder` (keys in the same order) with `routes` in place of its routes, without reading
 * them: a spread would make every row of a lazy table only to replace them.
 */
export function withRoutes<T extends { routes: Route[] }>(holder: T, routes: Route[]): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(holder)) out[key] = key === 'routes' ? routes : (holder as Record<string, unknown>)[key];
  return out as T;
}

/** Whether `holder.routes` is still unmade (tests: a scan should not make 20 000 objects it never shows). */
export function routesStillLazy(holder: object): boolean {
  return lazyTables.has(holder);
}
