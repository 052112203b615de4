import { describe, expect, it } from 'vitest';
import { readRepoText, sampleCapture } from '../../../test/support/repo-files';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture/capture';
import { buildSnapshot } from './build-snapshot';

const DEMO_FILES = ['capture.json', 'ver.txt', 'route-print.txt', 'ipconfig-all.txt', 'netsh-interfaces.txt', 'lmhosts', 'rasclient-events.txt', 'pbk/rasphone.pbk', 'powershell/vpnconnection-user.json', 'registry/netbt.txt', 'registry/rasman.txt', 'registry/winlogon.txt'];
const demo = () => sampleCapture('demo', DEMO_FILES);
const withFiles = (capture: Capture, add: Record<string, string>, drop: string[] = []): Capture => {
  const files = new Map([...capture.files].filter(([name]) => !drop.includes(name)));
  for (const [name, text] of Object.entries(add)) files.set(name, { name, text, encoding: 'utf-8' });
  return { ...capture, files };
};
/** Windows PowerShell 5.1's layout: four-blank indent, two blanks after each colon */
const ps51 = (o: unknown) => JSON.stringify(o, null, 4).replace(/": /g, '":  ');

/**
 * The demo machine's own route table and interface metrics written as Get-NetRoute and
 * Get-NetIPInterface would (RouteMetric = route print's metric − the interface's metric; an on-link
 * route's NextHop 0.0.0.0), from the snapshot its route print and netsh make.
 */
function demoAsPowerShell() {
  const { snapshot } = buildSnapshot(demo());
  const byAddress = new Map(snapshot.interfaces.flatMap((i) => i.ipv4.map((a) => [a.address, i] as const)));
  const routes = snapshot.routes.map((r) => {
    const iface = r.interfaceAddress ? byAddress.get(r.interfaceAddress) : undefined;
    return {
      ifIndex: iface?.index,
      DestinationPrefix: `${r.destination}/${r.prefixLength}`,
      NextHop: r.gateway ?? (r.family === 4 ? '0.0.0.0' : '::'),
      RouteMetric: r.metric - (iface?.interfaceMetric ?? 0),
      InterfaceAlias: iface?.name,
      AddressFamily: r.family === 4 ? 2 : 23,
      Store: 1,
      CimClass: 'root/StandardCimv2:MSFT_NetRoute',
    };
  });
  const interfaces = snapshot.interfaces.map((i) => ({ ifIndex: i.index, InterfaceAlias: i.name, AddressFamily: 2, NlMtu: 1500, InterfaceMetric: i.interfaceMetric, Dhcp: 1, ConnectionState: 1, Store: 1 }));
  return { snapshot, routes: ps51(routes.filter((r) => r.ifIndex !== undefined)), interfaces: ps51(interfaces) };
}

describe('Get-NetRoute and Get-NetIPInterface stand in for route print and netsh', () => {
  it('the classic outputs stay authoritative: with route print and netsh, the PowerShell files change nothing', () => {
    const ps = demoAsPowerShell();
    const changed = (routes: string) => JSON.parse(JSON.stringify(buildSnapshot(withFiles(demo(), { 'powershell/netroute.json': routes, 'powershell/netipinterface.json': ps.interfaces.replace(/"InterfaceMetric": {2}\d+/g, '"InterfaceMetric":  999') })).snapshot));
    const before = JSON.parse(JSON.stringify(ps.snapshot));
    const after = changed(ps.routes.replace(/"RouteMetric": {2}\d+/g, '"RouteMetric":  1'));
    // only the list of collected files names them
    expect({ ...after, files: { ...after.files, collected: before.files.collected } }).toEqual(before);
    expect(after.files.substitutes).toBeUndefined();
  });

  it('a capture of JSON only (no route print, no netsh, no ipconfig) gives the demo machine\'s route findings', () => {
    const ps = demoAsPowerShell();
    const jsonOnly = withFiles(demo(), { 'powershell/netroute.json': ps.routes, 'powershell/netipinterface.json': ps.interfaces }, ['route-print.txt', 'netsh-interfaces.txt', 'ipconfig-all.txt']);
    const classic = analyseCapture(demo(), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't', now: new Date(0) });
    const fromJson = analyseCapture(jsonOnly, { corporateNetworks: ['10.13.1.0/24'], toolVersion: 't', now: new Date(0) });
    const routeFindings = (ids: string[]) => ids.filter((id) => id.startsWith('route.'));
    const ids = fromJson.report.findings.map((f) => f.id);
    expect(ids).toContain('route.vpn-default-route-wins');
    expect(routeFindings(ids)).toEqual(routeFindings(classic.report.findings.map((f) => f.id)));
    const s = fromJson.report.snapshot;
    expect(s.files.substitutes).toEqual([
      { file: 'route-print.txt', readFrom: ['powershell/netroute.json'] },
      { file: 'netsh-interfaces.txt', readFrom: ['powershell/netipinterface.json'] },
    ]);
    // every route's metric is route print's (RouteMetric + InterfaceMetric), and it cites the JSON file
    const sum = (rs: { destination: string; prefixLength: number; metric: number }[]) => rs.map((r) => `${r.destination}/${r.prefixLength} ${r.metric}`).sort();
    expect(sum(s.routes)).toEqual(sum(ps.snapshot.routes.filter((r) => r.interfaceAddress && ps.snapshot.interfaces.some((i) => i.ipv4.some((a) => a.address === r.interfaceAddress)))));
    expect(s.routes.every((r) => r.source?.file === 'powershell/netroute.json' && r.source.line > 0)).toBe(true);
    const vpn = fromJson.report.findings.find((f) => f.id === 'route.vpn-default-route-wins')!;
    expect(vpn.evidence.every((e) => e.source === 'powershell/netroute.json')).toBe(true);
    expect(vpn.fixes.length).toBeGreaterThan(0);
    // the tunnel named by its alias, its address the on-link host route of its own (a PPP link has no subnet)
    expect(s.interfaces.filter((i) => i.index === 23).map((i) => [i.name, i.kind, i.ipv4, i.interfaceMetric])).toEqual([['Corp VPN', 'vpn', [{ address: '192.168.1.1', prefixLength: 32 }], 25]]);
    expect(s.problems.filter((p) => p.source.startsWith('powershell/net'))).toEqual([]);
  });

  it('without ver.txt the OS is known from Get-NetRoute: Windows 8 / Server 2012 or later (adds interface metrics)', () => {
    const ps = demoAsPowerShell();
    const s = buildSnapshot(withFiles(demo(), { 'powershell/netroute.json': ps.routes }, ['route-print.txt', 'ver.txt']), 'nl').snapshot;
    expect(s.os).toEqual({ family: 'nt6+', name: 'Windows 8 / Server 2012 of nieuwer (uit de uitvoer van Get-NetRoute)' });
  });

  it('Get-NetIPInterface gives the interface metrics netsh gave (route print kept)', () => {
    const ps = demoAsPowerShell();
    const s = buildSnapshot(withFiles(demo(), { 'powershell/netipinterface.json': ps.interfaces }, ['netsh-interfaces.txt'])).snapshot;
    expect(s.interfaces.map((i) => [i.name, i.interfaceMetric])).toEqual(ps.snapshot.interfaces.map((i) => [i.name, i.interfaceMetric]));
    expect(s.files.substitutes).toEqual([{ file: 'netsh-interfaces.txt', readFrom: ['powershell/netipinterface.json'] }]);
  });

  it('real Get-NetRoute JSON without Get-NetIPInterface: RouteMetric alone, said once per interface; the interface and its address from the routes', () => {
    const file = 'powershell/netroute.json';
    const text = readRepoText('test/fixtures/real/powershell/get-netroute-select-json-ps51-numeric-family-ethernet-loopback.json');
    const capture: Capture = { origin: 'capture', label: 'x', meta: { schemaVersion: 1 }, files: new Map([[file, { name: file, text, encoding: 'utf-8' }]]), readProblems: [] };
    const { snapshot, unreadableFiles } = buildSnapshot(capture);
    expect(unreadableFiles).toEqual([]);
    expect(snapshot.problems.map((p) => [p.code, p.line, p.params])).toEqual([
      ['psNetwork.noInterfaceMetric', 3, { index: 13 }],
      ['psNetwork.noInterfaceMetric', 12, { index: 1 }],
    ]);
    expect(snapshot.interfaces.map((i) => [i.index, i.name, i.kind, i.ipv4, i.gateways])).toEqual([
      [13, 'Ethernet', 'ethernet', [{ address: '192.168.64.3', prefixLength: 24 }], ['192.168.64.1']],
      [1, 'Loopback Pseudo-Interface 1', 'loopback', [], []],
    ]);
    expect(snapshot.routes.filter((r) => r.prefixLength === 0).map((r) => [r.gateway, r.metric, r.interfaceAddress])).toEqual([['192.168.64.1', 0, '192.168.64.3']]);
    expect(snapshot.routes).toHaveLength(19);
  });

  it('a damaged Get-NetRoute file standing in for route print is named unreadable and said not JSON', () => {
    const file = 'powershell/netroute.json';
    const capture: Capture = { origin: 'capture', label: 'x', meta: { schemaVersion: 1 }, files: new Map([[file, { name: file, text: '[\n    {\n        "DestinationPrefix":  "0.0.0.0/0",', encoding: 'utf-8' }]]), readProblems: [] };
    const { snapshot, unreadableFiles } = buildSnapshot(capture);
    expect(unreadableFiles).toEqual([file]);
    expect(snapshot.problems.map((p) => p.code)).toEqual(['psNetwork.notJson']);
    expect(snapshot.files.substitutes).toEqual([{ file: 'route-print.txt', readFrom: [file] }]);
    // no Get-NetRoute row was read: nothing says which Windows wrote it
    expect(snapshot.os.family).toBe('unknown');
  });
});
