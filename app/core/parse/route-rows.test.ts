import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../test/corpus';
import { effectiveRoute } from '../diagnose/route-model';
import type { Route } from '../model/snapshot';
import { repoFiles, readRepoText } from '../../../test/support/repo-files';
import { prng } from '../../../test/support/prng';
import { parseRoutePrint } from './route-print';
import { RouteRows } from './route-rows';
import { lazyRoutes, routeRowsOf, routesStillLazy } from './lazy-routes';

/**
 * The route table kept as columns (route-rows.ts) must answer every question exactly as the array of
 * Route objects it stands for, make each row's object once, and stay unmade through a whole scan
 * (issue 16: that is what it is for).
 */

/** every route print we have: the shared corpus, the real fixtures, the samples */
const tables = (): { p: string; text: string }[] => [
  ...corpusFiles('route-print').map((f) => ({ p: `corpus ${f}`, text: readCorpus('route-print', f) })),
  ...repoFiles('test/fixtures/real/route-print').map((f) => ({ p: f, text: readRepoText(join('test/fixtures/real/route-print', f)) })),
  ...repoFiles('samples').flatMap((s) => {
    try {
      return [{ p: `sample ${s}`, text: readRepoText(join('samples', s, 'route-print.txt')) }];
    } catch {
      return [];
    }
  }),
];

/** a fresh parse's table (unmade) and a second parse's routes made as plain objects */
const pair = (text: string) => {
  const table = routeRowsOf(parseRoutePrint(text, 'route-print.txt', { sourceText: true }).value);
  const array = JSON.parse(JSON.stringify(parseRoutePrint(text, 'route-print.txt', { sourceText: true }).value.routes)) as Route[];
  return { table, array };
};

describe('RouteRows answers as the array of its routes', () => {
  it('has real tables to check', () => {
    expect(tables().length).toBeGreaterThan(20);
  });

  it('filter, find, some, the prefix queries, the numbers and the made objects, on every real and sample table', () => {
    let columnRows = 0;
    for (const { p, text } of tables()) {
      const { table, array } = pair(text);
      let stored = 0;
      table.forEachObject(() => stored++);
      columnRows += array.length - stored;
      const questions: ((r: Route) => boolean)[] = [
        (r) => r.prefixLength === 0,
        (r) => r.gateway === null,
        (r) => r.interfaceAddress !== undefined && r.gateway === r.interfaceAddress,
        (r) => r.destination.startsWith('1'),
        (r) => r.metric > 30 && r.family === 4,
        (r) => r.persistent,
        (r) => r.interfaceIndex !== undefined,
        (r) => r.source?.text?.includes('255.255.255.255') ?? false,
      ];
      for (const q of questions) {
        expect(table.filter(q), p).toEqual(array.filter(q));
        expect(table.find(q), p).toEqual(array.find(q));
        expect(table.some(q), p).toBe(array.some(q));
        expect(table.filterWithPrefix(0, 1, q), p).toEqual(array.filter((r) => r.prefixLength <= 1 && q(r)));
        expect(table.findWithPrefix(32, 32, q), p).toEqual(array.find((r) => r.prefixLength === 32 && q(r)));
      }
      const seen: Route[] = [];
      // the view has getters, not own keys: read field by field
      table.forEach((r) => seen.push({ family: r.family, destination: r.destination, prefixLength: r.prefixLength, netmask: r.netmask, gateway: r.gateway, interfaceAddress: r.interfaceAddress, interfaceIndex: r.interfaceIndex, metric: r.metric, persistent: r.persistent, source: r.source }));
      expect(seen, p).toEqual(array);
      for (let i = 0; i < array.length; i++) {
        expect(table.familyAt(i)).toBe(array[i]!.family);
        expect(table.prefixLengthAt(i)).toBe(array[i]!.prefixLength);
        const n = table.destinationNumberAt(i);
        if (n !== null) expect(n, `${p} row ${i}`).toBe(array[i]!.destination.split('.').reduce((a, o) => a * 256 + Number(o), 0));
      }
      const objects: Route[] = [];
      table.forEachObject((r) => objects.push(r));
      expect(objects.every((r) => table.toArray().includes(r))).toBe(true);
      // made: the same keys in the same order as the parser's objects always had
      expect(JSON.stringify(table.toArray()), p).toBe(JSON.stringify(array));
    }
    expect(columnRows).toBeGreaterThan(100);
  });

  it('makes each row once: the same row is the same object, before and after the whole table is made', () => {
    const text = tables().find(({ text }) => text.includes('0.0.0.0'))!.text;
    const table = routeRowsOf(parseRoutePrint(text).value);
    const first = table.at(0);
    const found = table.filterWithPrefix(0, 0);
    expect(table.at(0)).toBe(first);
    const all = table.toArray();
    expect(all[0]).toBe(first);
    for (const r of found) expect(all).toContain(r);
    expect(table.toArray()).toBe(all);
  });

  it('effectiveRoute asks the table as it asks the array, for random addresses on every table', () => {
    const r = prng(16);
    for (const { p, text } of tables()) {
      const { table, array } = pair(text);
      for (let k = 0; k < 20; k++) {
        const target = k === 0 ? '8.8.8.8' : [0, 0, 0, 0].map(() => Math.floor(r() * 256)).join('.');
        const a = effectiveRoute(table, target);
        const b = effectiveRoute(array, target);
        expect(JSON.stringify(a), `${p} ${target}`).toBe(JSON.stringify(b));
      }
    }
  });

  it('marks a column row persistent whether or not it was made, and the made object shows it', () => {
    const text = ['===', 'IPv4 Route Table', 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric', '         10.1.0.0    255.255.0.0      192.168.1.1    192.168.1.20     26', '         10.2.0.0    255.255.0.0      192.168.1.1    192.168.1.20     26', '==='].join('\n');
    const table = routeRowsOf(parseRoutePrint(text).value);
    const made = table.at(0);
    table.markPersistentAt(0);
    table.markPersistentAt(1);
    expect(made.persistent).toBe(true);
    expect(table.at(1).persistent).toBe(true);
    expect(table.filter((x) => x.persistent)).toHaveLength(2);
  });
});

describe('lazyRoutes', () => {
  it('keeps the key in its place, makes the rows when read, and is a plain array property after', () => {
    const table = RouteRows.of([{ family: 4, destination: '0.0.0.0', prefixLength: 0, gateway: null, metric: 1, persistent: false }]);
    const holder = lazyRoutes({ a: 1, routes: [] as Route[], b: 2 }, table);
    expect(routesStillLazy(holder)).toBe(true);
    expect(routeRowsOf(holder)).toBe(table);
    expect(Object.keys(holder)).toEqual(['a', 'routes', 'b']);
    expect(JSON.stringify(holder)).toBe('{"a":1,"routes":[{"family":4,"destination":"0.0.0.0","prefixLength":0,"gateway":null,"metric":1,"persistent":false}],"b":2}');
    expect(routesStillLazy(holder)).toBe(false);
    expect(Object.getOwnPropertyDescriptor(holder, 'routes')).toMatchObject({ writable: true, enumerable: true });
    holder.routes = [];
    expect(routeRowsOf(holder).length).toBe(0);
  });

  it('a table over an array follows the array when it changes', () => {
    const routes: Route[] = [{ family: 4, destination: '0.0.0.0', prefixLength: 0, gateway: null, metric: 1, persistent: false }];
    const holder = { routes };
    expect(routeRowsOf(holder).length).toBe(1);
    routes.push({ ...routes[0]!, destination: '10.0.0.0', prefixLength: 8 });
    expect(routeRowsOf(holder).length).toBe(2);
    expect(effectiveRoute(holder.routes, '10.1.1.1').winner?.destination).toBe('10.0.0.0');
  });
});
