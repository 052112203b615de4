import type { Route } from '../model/snapshot';
import { RouteRows } from './route-rows';

/** Evidence shows the route as the user's own `route print` printed it. */
export function withSourceText<T extends Route[] | RouteRows>(routes: T, text: string | undefined): T {
  if (!text) return routes;
  const table = routes instanceof RouteRows ? routes : RouteRows.of(routes);
  // Line k as `text.split(/\r?\n/)[k - 1].trim()` gives it (a CR before the LF is trimmed away), found
  // by walking forward from the previous route's line — routes come in line order — instead of
  // splitting the whole text a second time. In place: the parser's routes are this snapshot's own,
  // and a copy of each route (200 000 at a time) doubled the peak memory of a large scan.
  let line = 1;
  let at = 0;
  for (let i = 0; i < table.length; i++) {
    // parseRoutePrint's sourceText option gave most rows this text already, read from the same line
    // (asked of the table's columns: such a row is not made into an object here)
    if (table.hasSourceTextAt(i)) continue;
    const r = table.at(i);
    if (!r.source || r.source.text !== undefined) continue;
    if (r.source.line < line) {
      line = 1;
      at = 0;
    }
    while (line < r.source.line && at >= 0) {
      at = text.indexOf('\n', at);
      if (at >= 0) at++;
      line++;
    }
    if (at < 0) {
      r.source.text = '';
      continue;
    }
    const end = text.indexOf('\n', at);
    r.source.text = text.slice(at, end < 0 ? text.length : end).trim();
  }
  return routes;
}
