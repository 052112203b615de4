import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { parseRoutePrint } from '../parse/route-print';
import type { Route } from '../model/snapshot';
import { effectiveRoute, firstHost, INTERNET_PROBE, routeContains } from './route-model';

/** "Which route wins" as it was asked before the index: every route parsed per question. */
function linear(routes: readonly Route[], target: string) {
  const family = target.includes(':') ? 6 : 4;
  const candidates = routes.filter((r) => r.family === family && routeContains(r, target)).sort((a, b) => b.prefixLength - a.prefixLength || a.metric - b.metric);
  const winner = candidates[0] ?? null;
  const ties = winner ? candidates.filter((r) => r !== winner && r.prefixLength === winner.prefixLength && r.metric === winner.metric) : [];
  return { winner, ties, candidates };
}

/** Addresses worth asking about a table: every destination, its first host and neighbours, the usual probes. */
function targetsOf(routes: readonly Route[]): string[] {
  const targets = new Set<string>([INTERNET_PROBE, '10.13.1.1', '192.168.1.10', '127.0.0.1', '224.0.0.1', '255.255.255.255', '0.0.0.0', '10.1', 'fe80::1', '::1']);
  for (const r of routes) {
    targets.add(r.destination);
    const host = r.family === 4 ? firstHost(`${r.destination}/${r.prefixLength}`) : null;
    if (host) targets.add(host);
    if (r.family === 4) targets.add(r.destination.replace(/\d+$/, (d) => String((Number(d) + 200) % 256)));
  }
  return [...targets];
}

const tables: [string, Route[]][] = [
  ...corpusFiles('route-print').map((f): [string, Route[]] => [`corpus ${f}`, parseRoutePrint(readCorpus('route-print', f)).value.routes]),
  ...repoFiles('samples').flatMap((s): [string, Route[]][] => {
    try {
      return [[`sample ${s}`, parseRoutePrint(readRepoText(join('samples', s, 'route-print.txt'))).value.routes]];
    } catch {
      return [];
    }
  }),
];

describe('which route wins: the index answers as the linear scan did', () => {
  it.each(tables)('%s', (_name, routes) => {
    for (const target of targetsOf(routes)) expect(effectiveRoute(routes, target), target).toEqual(linear(routes, target));
  });

  it('on random tables with ties, overlaps and odd destinations', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const route = fc.record({
      destination: fc.oneof(fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')), fc.constantFrom('0.0.0.0', '10.0.0.0', '10.1.0.0', '128.0.0.0')),
      prefixLength: fc.integer({ min: 0, max: 32 }),
      metric: fc.integer({ min: 1, max: 4 }),
      gateway: fc.constantFrom(null, '10.0.0.1'),
    });
    fc.assert(
      fc.property(fc.array(route, { maxLength: 40 }), fc.tuple(octet, octet, octet, octet), (rows, t) => {
        const routes: Route[] = rows.map((r) => ({ family: 4, persistent: false, ...r }));
        const target = t.join('.');
        expect(effectiveRoute(routes, target)).toEqual(linear(routes, target));
        // the index follows a table that changed since it was built
        routes.push({ family: 4, destination: target, prefixLength: 32, metric: 1, gateway: null, persistent: false });
        expect(effectiveRoute(routes, target)).toEqual(linear(routes, target));
      }),
      { numRuns: 400 },
    );
  });
});
