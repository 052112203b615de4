import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture/capture';
import { RouteTable, type SimInterface, type SimRoute } from '../sim/route-table';
import { rollbackActions, routeArgv, isRouteAction } from './actions';

/** A machine known only from `route print` (no ipconfig, no netsh): what a pasted output gives. */
function capture(routePrint: string): Capture {
  return { origin: 'capture', label: 'fixture', meta: { schemaVersion: 1 }, readProblems: [], files: new Map([['route-print.txt', { name: 'route-print.txt', text: routePrint, encoding: 'utf-8' }]]) };
}

const WIFI: SimInterface = { index: 12, description: 'Intel(R) Wi-Fi 6 AX201 160MHz', addresses: [{ address: '192.168.1.23', prefixLength: 24 }], interfaceMetric: 25 };
const ETHERNET: SimInterface = { index: 7, description: 'Intel(R) Ethernet Connection I219-V', addresses: [{ address: '192.168.1.24', prefixLength: 24 }], interfaceMetric: 25 };
const VPN: SimInterface = { index: 23, description: 'Corp VPN', addresses: [{ address: '10.13.1.200', prefixLength: 32 }], interfaceMetric: 1 };
// DHCP default routes have route metric 0 (printed 0 + 25 = 25); the VPN's default 1 + 1 = 2.
const lanDefault = (iface: SimInterface): SimRoute => ({ destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: iface.index, routeMetric: 0 });
const VPN_DEFAULT: SimRoute = { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 23, routeMetric: 1 };

const plan = (text: string) => {
  const { report } = analyseCapture(capture(text), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'test' });
  const fix = report.findings.find((f) => f.id === 'route.vpn-default-route-wins')!.fixes[0]!;
  return fix;
};

/** Apply a fix's route actions on the simulator, then its rollback: the table must be byte for byte as before. */
function applyAndUndo(table: RouteTable, actions: ReturnType<typeof plan>['actions']) {
  const before = table.print();
  for (const a of actions.filter(isRouteAction)) expect(table.exec(routeArgv(a)).stdout.trim()).toBe('OK!');
  const during = table.print();
  for (const a of rollbackActions(actions.filter(isRouteAction))) expect(table.exec(routeArgv(a)).stdout.trim()).toBe('OK!');
  return { before, during, after: table.print() };
}

describe('split-tunnel plan: exact undo of metrics', () => {
  it('without interface metrics in the capture, derives them from the host route of the interface address (257 → 1)', () => {
    const table = RouteTable.withConnectedRoutes([WIFI, VPN], [lanDefault(WIFI), VPN_DEFAULT]);
    const fix = plan(table.print());
    expect(fix.actions[0]).toMatchObject({ kind: 'route.delete', gateway: '10.13.1.200', previousMetric: 1 });
    expect(fix.steps.join('\n')).not.toMatch(/not show the metric|may not put/);
    const { before, after } = applyAndUndo(table, fix.actions);
    expect(after).toBe(before);
  });

  it('where the interface metric cannot be known, the fix says its undo is not exact', () => {
    const table = RouteTable.withConnectedRoutes([WIFI, VPN], [lanDefault(WIFI), VPN_DEFAULT]);
    // The pasted output lost the VPN's own host route: nothing tells its interface metric.
    const text = table.print().split('\r\n').filter((l) => !/^\s+10\.13\.1\.200\s+255\.255\.255\.255/.test(l)).join('\r\n');
    const fix = plan(text);
    expect(fix.steps).toContain('Undo may not put the route 0.0.0.0/0 back with exactly the same metric: this capture does not show the metric of its interface (no netsh output and no host route of its address).');
  });

  it('when another default would still tie, the LAN default (DHCP route metric 0) is left alone: /1 halves win, and undo is exact', () => {
    const table = RouteTable.withConnectedRoutes([WIFI, ETHERNET, VPN], [lanDefault(WIFI), lanDefault(ETHERNET), VPN_DEFAULT]);
    const fix = plan(table.print());
    expect(fix.actions.some((a) => a.kind === 'route.change')).toBe(false);
    expect(fix.actions.filter((a) => a.kind === 'route.add' && a.netmask === '128.0.0.0').map((a) => a.kind === 'route.add' && a.destination)).toEqual(['0.0.0.0', '128.0.0.0']);
    const { before, during, after } = applyAndUndo(table, fix.actions);
    // The LAN defaults still show 25 while the fix is on (route metric 0 untouched) …
    expect(during.match(/^\s+0\.0\.0\.0\s+0\.0\.0\.0\s+192\.168\.1\.1\s+\S+\s+25$/gm)).toHaveLength(2);
    // … and the Internet now goes through the LAN.
    const { report } = analyseCapture(capture(during), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'test' });
    expect(report.findings.map((f) => f.id)).not.toContain('route.vpn-default-route-wins');
    expect(after).toBe(before);
  });

  it('a persistent VPN default: the fix says its undo lasts until the next restart only', () => {
    const table = RouteTable.withConnectedRoutes([WIFI, VPN], [lanDefault(WIFI), { ...VPN_DEFAULT, persistent: true }]);
    const fix = plan(table.print());
    expect(fix.steps).toContain('Undo puts the route 0.0.0.0/0 back until the next restart only: it was also stored as a persistent route, which route delete removes.');
  });
});
