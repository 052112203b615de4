import { describe, expect, it } from 'vitest';
import { parseRoutePrint } from '../parse/route-print';
import { parseVer } from '../parse/ver';
import { RouteTable, type SimInterface, type SimRoute } from './route-table';
import { allFailureTexts, cellName, routeExeMessages, verText, WINDOWS_MATRIX, type WindowsCell } from './windows-cell';

const WIFI: SimInterface = { index: 12, mac: 'f8-e4-e3-5b-20-7c', description: 'Intel(R) Wi-Fi 6 AX201 160MHz', addresses: [{ address: '192.168.1.23', prefixLength: 24 }], interfaceMetric: 25 };
const VPN: SimInterface = { index: 23, description: 'Corp VPN', addresses: [{ address: '10.13.1.200', prefixLength: 32 }], interfaceMetric: 1 };
const DEFAULTS: SimRoute[] = [
  { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 12, routeMetric: 0 },
  { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 23, routeMetric: 1 },
];
const table = (windows: WindowsCell) => RouteTable.withConnectedRoutes([WIFI, VPN], DEFAULTS, { windows });

describe.each(WINDOWS_MATRIX.map((c) => [cellName(c), c] as const))('Windows cell %s', (_name, cell) => {
  it('prints a route table our parser reads back: same routes, the metric semantics of the generation', () => {
    const t = table(cell);
    const parsed = parseRoutePrint(t.print());
    expect(parsed.problems).toEqual([]);
    const routes = parsed.value.routes.filter((r) => r.family === 4);
    expect(routes).toHaveLength(t.state().routes.length);
    const lanDefault = routes.find((r) => r.destination === '0.0.0.0' && r.gateway === '192.168.1.1')!;
    // Vista+: route metric 0 + interface metric 25; XP: the metric as given.
    expect(lanDefault.metric).toBe(cell.generation === 'xp' ? 0 : 25);
    const host = routes.find((r) => r.destination === '192.168.1.23' && r.prefixLength === 32)!;
    expect(host.metric).toBe(cell.generation === 'xp' ? 25 : 281);
  });

  it('adds with the metric semantics of the generation and prints its own words', () => {
    const t = table(cell);
    const out = t.exec(['ADD', '10.13.1.0', 'MASK', '255.255.255.0', '10.13.1.200', 'METRIC', '1', 'IF', '23']);
    expect(out.stdout.trim()).toBe(routeExeMessages(cell).ok.trim());
    const row = parseRoutePrint(t.print('10.13.1.0')).value.routes.filter((r) => r.family === 4);
    expect(row).toHaveLength(1);
    expect(row[0]!.metric).toBe(cell.generation === 'xp' ? 1 : 2);
    const again = t.exec(['ADD', '10.13.1.0', 'MASK', '255.255.255.0', '10.13.1.200', 'METRIC', '1', 'IF', '23']);
    expect(again.stdout.trim()).toBe(routeExeMessages(cell).failure('add', 'exists'));
    expect(again.exitCode).toBe(0);
  });

  it('route print <dest> shows only that destination', () => {
    const rows = parseRoutePrint(table(cell).print('0.0.0.0')).value.routes.filter((r) => r.family === 4);
    expect(rows.map((r) => r.destination)).toEqual(['0.0.0.0', '0.0.0.0']);
  });

  it('ver names the generation by number in every language', () => {
    expect(parseVer(verText(cell))?.family).toBe(cell.generation === 'xp' ? 'nt5' : 'nt6+');
  });

  it('no failure text contains the success line (a text-judging script would be fooled either way)', () => {
    const ok = routeExeMessages(cell).ok.trim();
    for (const text of allFailureTexts(cell)) if (ok) expect(text.includes(ok)).toBe(false);
  });
});

describe('XP route change of a route that is not there', () => {
  it('prints nothing and changes nothing (KB Q147232): only the table tells', () => {
    const t = table({ generation: 'xp', language: 'en' });
    const before = t.print();
    const out = t.exec(['CHANGE', '10.99.0.0', 'MASK', '255.255.0.0', '192.168.1.1', 'METRIC', '5']);
    expect(out.stdout).toBe('');
    expect(t.print()).toBe(before);
  });
});
