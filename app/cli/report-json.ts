import type { Report } from '../core/model/report';
import type { RouteRows } from '../core/parse/route-rows';
import { routeRowsOf, routesStillLazy } from '../core/parse/lazy-routes';

/**
 * Longer route tables are written in slices of this many routes. Small on purpose: a slice's JSON
 * (≈ 65 KB) stays below V8's large-object size, so it is made, written and dropped in the young
 * generation; 2 000-route slices (≈ 650 KB each) made every write and every string operation on
 * them several times slower (issue 16: the JSON was a third of `scan --json`).
 */
const ROUTES_PER_CHUNK = 200;

/**
 * The report JSON as a sequence of strings to write one after the other: indented (2 spaces) for a
 * person at a terminal, compact otherwise. Compact output is streamed: each top-level value is
 * stringified on its own and the route table (the bulk of a 200 000-route report) a slice at a
 * time, so the whole document never exists as one string. The bytes are exactly
 * `JSON.stringify(report)` + "\n" (a test compares them): keys in the same order, values that
 * JSON leaves out (undefined) left out. A route table the scan never made into objects
 * (route-rows.ts) is written from its columns, still unmade.
 */
export function* reportJsonChunks(report: Report, indented: boolean): Generator<string> {
  const snapshot = isPlainObject(report) ? report.snapshot : undefined;
  const lazy = isPlainObject(snapshot) && routesStillLazy(snapshot);
  if (indented || !isPlainObject(snapshot) || (!lazy && !Array.isArray(snapshot.routes))) {
    yield indented ? JSON.stringify(report, null, 2) + '\n' : JSON.stringify(report) + '\n';
    return;
  }
  yield* objectChunks(report, (key) => (key === 'snapshot' ? objectChunks(snapshot, (k) => (k === 'routes' ? routeChunks(lazy ? routeRowsOf(report.snapshot) : report.snapshot.routes) : null)) : null));
  yield '\n';
}

/**
 * `{…}` member by member; `special` may stream a member's value itself (else JSON.stringify). A
 * streamed member's value is not read here (reading a lazy route table would make it).
 */
function* objectChunks(object: object, special: (key: string) => Iterable<string> | null): Generator<string> {
  let separator = '{';
  for (const key of Object.keys(object)) {
    const streamed = special(key);
    if (streamed) {
      yield `${separator}${JSON.stringify(key)}:`;
      yield* streamed;
    } else {
      const json = JSON.stringify((object as Record<string, unknown>)[key]);
      if (json === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${json}`;
    }
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}

function* routeChunks(routes: unknown[] | RouteRows): Generator<string> {
  if (routes.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < routes.length; i += ROUTES_PER_CHUNK) {
    // "[" first, "," between, "]" last
    const rows = Array.isArray(routes) ? JSON.stringify(routes.slice(i, i + ROUTES_PER_CHUNK)).slice(1, -1) : routes.rowsJson(i, Math.min(i + ROUTES_PER_CHUNK, routes.length));
    yield `${i > 0 ? ',' : '['}${rows}`;
  }
  yield ']';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> & { snapshot: { routes: unknown } } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
