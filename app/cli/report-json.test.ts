import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../core/analyse';
import { readCaptureDir } from '../system/capture-reader';
import type { Report } from '../core/model/report';
import { reportJsonChunks } from './report-json';
import { routesStillLazy } from '../core/parse/lazy-routes';
import { corpusFiles, readCorpus } from '../../test/corpus';
import { readRepoText, repoFiles } from '../../test/support/repo-files';
import type { Capture } from '../core/capture/capture';

describe('report JSON written in chunks', () => {
  it('is byte for byte JSON.stringify, compact and indented, for small and long route tables', async () => {
    const { report } = analyseCapture(await readCaptureDir('samples/demo'), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't' });
    const route = report.snapshot.routes[0]!;
    const tricky = { ...route, source: { file: 'route-print.txt', line: 1, text: '"\\u0000routes\\u0000" ] , {' } };
    for (const n of [0, 1, 199, 200, 201, 1999, 2000, 2001, 4500]) {
      const r: Report = { ...report, snapshot: { ...report.snapshot, routes: Array.from({ length: n }, (_, i) => (i % 7 ? route : tricky)) } };
      expect([...reportJsonChunks(r, false)].join('')).toBe(JSON.stringify(r) + '\n');
    }
    // members JSON leaves out (undefined values) are left out, wherever they stand
    const gaps = { ...report, language: undefined, snapshot: { hostname: undefined, ...report.snapshot, fileVersions: undefined } } as unknown as Report;
    expect([...reportJsonChunks(gaps, false)].join('')).toBe(JSON.stringify(gaps) + '\n');
    expect([...reportJsonChunks(report, true)].join('')).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});

/** a capture of one route print (and the demo's ipconfig, so the rules find tunnels and make some rows) */
const routeCapture = (text: string): Capture => ({
  origin: 'capture',
  label: 't',
  meta: { schemaVersion: 1 },
  readProblems: [],
  files: new Map([
    ['route-print.txt', { name: 'route-print.txt', text, encoding: 'utf-8' }],
    ['ipconfig-all.txt', { name: 'ipconfig-all.txt', text: readRepoText('samples/demo/ipconfig-all.txt'), encoding: 'utf-8' }],
  ]),
});

describe('a route table never made into objects is written from its columns', () => {
  const texts = [
    ...corpusFiles('route-print').map((f) => readCorpus('route-print', f)),
    ...repoFiles('test/fixtures/real/route-print').map((f) => readRepoText(`test/fixtures/real/route-print/${f}`)),
    // a tab inside a row, a quote in the on-link word, a lone CR (rows after it get their text later), persistent rows
    'Active Routes:\n  10.0.0.0\t255.0.0.0   On-link   10.1.1.1   26\n  10.2.0.0  255.255.0.0  "On"   10.1.1.1  26\r  10.3.0.0  255.255.0.0  10.1.1.254  10.1.1.1  26\nPersistent Routes:\n  10.3.0.0  255.255.0.0  10.1.1.254  1\n',
  ];

  it('byte for byte as JSON.stringify of the made report, and still unmade after', () => {
    let lazyTables = 0;
    for (const [k, text] of texts.entries()) {
      for (const nets of [[], ['10.13.1.0/24', '172.16.0.0/12']]) {
        const { report } = analyseCapture(routeCapture(text), { corporateNetworks: nets, toolVersion: 't', now: new Date(0) });
        const lazy = routesStillLazy(report.snapshot);
        const chunks = [...reportJsonChunks(report, false)].join('');
        expect(routesStillLazy(report.snapshot), `text ${k}`).toBe(lazy);
        if (lazy) lazyTables++;
        const again = analyseCapture(routeCapture(text), { corporateNetworks: nets, toolVersion: 't', now: new Date(0) }).report;
        expect(chunks, `text ${k}`).toBe(JSON.stringify(again) + '\n');
      }
    }
    expect(lazyTables).toBeGreaterThan(20);
  });
});

