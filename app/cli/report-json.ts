import type { Report } from '../core/model/report';

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
 * JSON leaves out (undefined) left out.
 */
export function* reportJsonChunks(report: Report, indented: boolean): Generator<string> {
  if (indented || !isPlainObject(report) || !isPlainObject(report.snapshot) || !Array.isArray(report.snapshot.routes)) {
    yield indented ? JSON.stringify(report, null, 2) + '\n' : JSON.stringify(report) + '\n';
    return;
  }
  yield* objectChunks(report, (key, value) => (key === 'snapshot' ? objectChunks(value as object, (k, v) => (k === 'routes' ? routeChunks(v as unknown[]) : null)) : null));
  yield '\n';
}

/** `{…}` member by member; `special` may stream a member's value itself (else JSON.stringify). */
function* objectChunks(object: object, special: (key: string, value: unknown) => Iterable<string> | null): Generator<string> {
  let separator = '{';
  for (const [key, value] of Object.entries(object)) {
    const streamed = special(key, value);
    if (streamed) {
      yield `${separator}${JSON.stringify(key)}:`;
      yield* streamed;
    } else {
      const json = JSON.stringify(value);
      if (json === undefined) continue;
      yield `${separator}${JSON.stringify(key)}:${json}`;
    }
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}

function* routeChunks(routes: unknown[]): Generator<string> {
  if (routes.length === 0) {
    yield '[]';
    return;
  }
  for (let i = 0; i < routes.length; i += ROUTES_PER_CHUNK) {
    const slice = JSON.stringify(routes.slice(i, i + ROUTES_PER_CHUNK));
    // the slice's own brackets become the table's: "[" first, "," between, "]" last
    yield `${i > 0 ? ',' : '['}${slice.slice(1, -1)}`;
  }
  yield ']';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> & { snapshot: { routes: unknown } } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
