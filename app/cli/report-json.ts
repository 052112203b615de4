import type { Report } from '../core/model/report';

/** Longer route tables are written in slices of this many routes. */
const ROUTES_PER_CHUNK = 2_000;

/**
 * The report JSON as a sequence of strings to write one after the other: indented (2 spaces) for a
 * person at a terminal, compact otherwise. Compact output is streamed: the route table (the bulk of
 * a 200 000-route report) is stringified a slice at a time, so the whole document never exists as
 * one string. The bytes are exactly `JSON.stringify(report)` + "\n" (a test compares them).
 */
export function* reportJsonChunks(report: Report, indented: boolean): Generator<string> {
  if (indented) {
    yield JSON.stringify(report, null, 2) + '\n';
    return;
  }
  const routes = report.snapshot.routes;
  // a value no capture can hold: NUL characters and a fresh random number
  const PLACEHOLDER = `\u0000routes-${Math.random()}\u0000`;
  const outline = JSON.stringify({ ...report, snapshot: { ...report.snapshot, routes: PLACEHOLDER } });
  const marker = JSON.stringify(PLACEHOLDER);
  const at = outline.indexOf(marker);
  yield outline.slice(0, at) + '[';
  for (let i = 0; i < routes.length; i += ROUTES_PER_CHUNK) {
    const slice = JSON.stringify(routes.slice(i, i + ROUTES_PER_CHUNK));
    yield (i > 0 ? ',' : '') + slice.slice(1, -1);
  }
  yield ']' + outline.slice(at + marker.length) + '\n';
}
