import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { parseRoutePrint } from '../parse/route-print';
import type { Route } from '../model/snapshot';
import ipaddr from 'ipaddr.js';
import { effectiveRoute, firstHost, INTERNET_PROBE, parseCidr, routeContains } from './route-model';

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
        // listed by destination, as route print lists a table (the index then finds its keys in
        // order and need not sort them), and with two rows of such a table swapped
        const num = (r: Route) => r.destination.split('.').reduce((n, o) => n * 256 + Number(o), 0);
        const sorted = [...routes].sort((a, b) => num(a) - num(b));
        expect(effectiveRoute(sorted, target)).toEqual(linear(sorted, target));
        if (sorted.length > 2) {
          [sorted[0], sorted[sorted.length - 1]] = [sorted[sorted.length - 1]!, sorted[0]!];
          expect(effectiveRoute(sorted, target)).toEqual(linear(sorted, target));
          // a few rows moved to the front or the back: ascending runs the index merges
          const moved = [...sorted.slice(-2), ...sorted.slice(2, -2), ...sorted.slice(0, 2)];
          expect(effectiveRoute(moved, target)).toEqual(linear(moved, target));
        }
        // the index follows a table that changed since it was built
        routes.push({ family: 4, destination: target, prefixLength: 32, metric: 1, gateway: null, persistent: false });
        expect(effectiveRoute(routes, target)).toEqual(linear(routes, target));
      }),
      { numRuns: 400 },
    );
  });
});

describe('parseCidr / firstHost: read once, as ipaddr.js reads them', () => {
  /** what parseCidr and firstHost answered when each call went through ipaddr.js */
  function byIpaddr(cidr: string) {
    try {
      const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
      const address = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
      const bytes = ipaddr.IPv4.parse(address).toByteArray();
      bytes[3] = (bytes[3] ?? 0) + 1;
      const host = prefix >= 31 ? address : ipaddr.fromByteArray(bytes).toString();
      return { address, prefixLength: prefix, netmask: ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString(), firstHost: host };
    } catch {
      return null;
    }
  }
  const answer = (cidr: string) => {
    const net = parseCidr(cidr);
    return net ? { address: net.address, prefixLength: net.prefixLength, netmask: net.netmask, firstHost: firstHost(cidr) } : (expect(firstHost(cidr)).toBeNull(), null);
  };

  it('agrees on written forms, odd ones included', () => {
    const cases = [
      '10.13.1.0/24', '10.13.1.77/24', '0.0.0.0/0', '255.255.255.255/32', '192.168.1.5/31', '192.168.1.5/30', '172.16.0.0/12', '10.0.0.0/8',
      '10.0.0.0/33', '10.0.0.0/024', '10.0.0.0/', '/24', '10.0.0.0', '010.1.2.0/24', '0x0a.1.2.0/24', '10.1/16', '10.1.2.3.4/24', '256.1.2.3/8',
      '10.0.0.0/-1', '10.0.0.0/ 8', ' 10.0.0.0/8', '10.0.0.0/8 ', '1.2.3.4/2/4', '', '::1/128', '10.0.0.0/8\n', '01.2.3.4/8', '1.2.3.04/8',
    ];
    for (const cidr of cases) expect(answer(cidr), cidr).toEqual(byIpaddr(cidr));
  });

  it('agrees on any address and prefix, asked twice', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 40 }), (address, prefix) => {
        const cidr = `${address}/${prefix}`;
        expect(answer(cidr)).toEqual(byIpaddr(cidr));
        expect(answer(cidr)).toEqual(byIpaddr(cidr));
      }),
    );
  });
});
