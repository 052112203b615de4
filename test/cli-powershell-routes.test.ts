import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import { reportBundleFiles } from '../app/core/report/report-zip';
import { readCaptureDir } from '../app/system/capture-reader';
import { cli } from './support/cli';
import { expectValidReport } from './support/report-schema';

/**
 * A capture made of PowerShell output only, as a modern collector or a support person writes it:
 * `Get-NetRoute | ConvertTo-Json > powershell\netroute.json` in Windows PowerShell 5.1 (whole CIM
 * objects, numeric enums, two blanks after each colon, CRLF, and `>`'s UTF-16LE with a byte order
 * mark) and `Get-NetIPInterface | ConvertTo-Json` from PowerShell 7 (UTF-8, one blank). No route
 * print, no netsh, no ipconfig: the route table and the interface metrics come from these files.
 */
function route(ifIndex: number, alias: string, prefix: string, nextHop: string, routeMetric: number) {
  return {
    Publish: 0,
    Protocol: 3,
    Store: 1,
    AddressFamily: 2,
    State: 1,
    ifIndex,
    Caption: null,
    Description: null,
    ElementName: null,
    InstanceID: ':8:8:8:9:55=55;C?8;@B8??:8:9??55;?55:8:8:8:55;',
    AdminDistance: null,
    DestinationAddress: null,
    IsStatic: null,
    RouteMetric: routeMetric,
    TypeOfRoute: 3,
    CompartmentId: 1,
    DestinationPrefix: prefix,
    InterfaceAlias: alias,
    InterfaceIndex: ifIndex,
    NextHop: nextHop,
    // TimeSpan.MaxValue as ConvertTo-Json writes it; a double cannot hold it, and neither can the JSON reader on the other side
    // eslint-disable-next-line no-loss-of-precision
    PreferredLifetime: { Ticks: 9223372036854775807, Days: 10675199, Hours: 2 },
    // eslint-disable-next-line no-loss-of-precision
    ValidLifetime: { Ticks: 9223372036854775807, Days: 10675199, Hours: 2 },
    PSComputerName: null,
    CimClass: 'root/StandardCimv2:MSFT_NetRoute',
    CimInstanceProperties: ['Caption', 'Description', `DestinationPrefix = "${prefix}"`, `InterfaceIndex = ${ifIndex}`, `NextHop = "${nextHop}"`, `RouteMetric = ${routeMetric}`, 'Store = 1'],
    CimSystemProperties: { Namespace: 'ROOT/StandardCimv2', ServerName: 'WS-0042', ClassName: 'MSFT_NetRoute', Path: null },
  };
}
const ipInterface = (ifIndex: number, alias: string, metric: number) => ({
  ifIndex,
  InterfaceAlias: alias,
  AddressFamily: 2,
  NlMtu: ifIndex === 23 ? 1400 : 1500,
  InterfaceMetric: metric,
  Dhcp: ifIndex === 12 ? 1 : 0,
  ConnectionState: 1,
  Store: 1,
  CimClass: 'root/StandardCimv2:MSFT_NetIPInterface',
  CimSystemProperties: 'Microsoft.Management.Infrastructure.CimSystemProperties',
});

const routes = [
  route(23, 'Contoso VPN', '0.0.0.0/0', '0.0.0.0', 1),
  route(23, 'Contoso VPN', '10.200.5.17/32', '0.0.0.0', 256),
  route(23, 'Contoso VPN', '255.255.255.255/32', '0.0.0.0', 256),
  route(12, 'Ethernet', '161.44.20.10/32', '192.168.1.1', 1),
  route(12, 'Ethernet', '0.0.0.0/0', '192.168.1.1', 0),
  route(12, 'Ethernet', '192.168.1.0/24', '0.0.0.0', 256),
  route(12, 'Ethernet', '192.168.1.23/32', '0.0.0.0', 256),
  route(12, 'Ethernet', '192.168.1.255/32', '0.0.0.0', 256),
  route(1, 'Loopback Pseudo-Interface 1', '127.0.0.0/8', '0.0.0.0', 256),
];
const interfaces = [ipInterface(23, 'Contoso VPN', 1), ipInterface(12, 'Ethernet', 25), ipInterface(1, 'Loopback Pseudo-Interface 1', 75)];

function jsonOnlyCapture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-ps-capture-'));
  mkdirSync(join(dir, 'powershell'));
  const ps51 = JSON.stringify(routes, null, 4).replace(/": /g, '":  ').replace(/\n/g, '\r\n');
  writeFileSync(join(dir, 'powershell', 'netroute.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ps51, 'utf16le')]));
  writeFileSync(join(dir, 'powershell', 'netipinterface.json'), JSON.stringify(interfaces, null, 2));
  writeFileSync(join(dir, 'capture.json'), JSON.stringify({ schemaVersion: 1, tool: 'support' }));
  return dir;
}

describe('tunnelmedic scan of a capture with only Get-NetRoute / Get-NetIPInterface JSON', () => {
  it('finds the VPN default route winning, with the metric Windows computes (RouteMetric + InterfaceMetric), in English', async () => {
    const r = await cli(['scan', '--capture', jsonOnlyCapture()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[route.vpn-default-route-wins]');
    // 1 + 1 against 0 + 25
    expect(r.stdout).toContain('While Contoso VPN is connected, its default route (metric 2) beats your network\'s default route');
    expect(r.stdout).toContain('via 192.168.1.1 (metric 25)');
    expect(r.stdout).toContain('read in their place: route-print.txt ← powershell/netroute.json; netsh-interfaces.txt ← powershell/netipinterface.json');
    expect(r.stdout).toMatch(/powershell\/netroute\.json:\d+ {2}DestinationPrefix 0\.0\.0\.0\/0 {2}NextHop 0\.0\.0\.0 {2}ifIndex 23 \(Contoso VPN\) {2}RouteMetric 1/);
    expect(r.stdout).toContain('Windows 8 / Server 2012 or later (from Get-NetRoute output)');
    expect(r.stderr).not.toContain('not understood');
  });

  it('says the same in Dutch', async () => {
    const r = await cli(['scan', '--capture', jsonOnlyCapture(), '--lang', 'nl']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('De VPN neemt al uw internetverkeer over   [route.vpn-default-route-wins]');
    expect(r.stdout).toContain('gelezen in hun plaats: route-print.txt ← powershell/netroute.json; netsh-interfaces.txt ← powershell/netipinterface.json');
    expect(r.stdout).toContain('Windows 8 / Server 2012 of nieuwer (uit de uitvoer van Get-NetRoute)');
  });

  it('--json: a valid report whose snapshot says what stood in for route print and netsh, and a fix that can be planned', async () => {
    const r = await cli(['scan', '--capture', jsonOnlyCapture(), '--json']);
    const report = expectValidReport(r.stdout) as { snapshot: { files: { substitutes?: unknown }; interfaces: { name: string; kind: string; ipv4: unknown }[] }; findings: { id: string; fixes: { id: string }[] }[] };
    expect(report.snapshot.files.substitutes).toEqual([
      { file: 'route-print.txt', readFrom: ['powershell/netroute.json'] },
      { file: 'netsh-interfaces.txt', readFrom: ['powershell/netipinterface.json'] },
    ]);
    expect(report.snapshot.interfaces.map((i) => [i.name, i.kind, i.ipv4])).toEqual([
      ['Contoso VPN', 'vpn', [{ address: '10.200.5.17', prefixLength: 32 }]],
      ['Ethernet', 'ethernet', [{ address: '192.168.1.23', prefixLength: 24 }]],
      ['Loopback Pseudo-Interface 1', 'loopback', []],
    ]);
    const vpn = report.findings.find((f) => f.id === 'route.vpn-default-route-wins');
    expect(vpn?.fixes.map((f) => f.id)).toContain('route.vpn-default-route-wins:split-now');
  });
});

describe('--redact on a capture of PowerShell JSON', () => {
  it('hides the computer a CIM cmdlet names (PSComputerName, CimSystemProperties.ServerName) and public addresses, in every file of the bundle', async () => {
    const dir = jsonOnlyCapture();
    const remote = routes.map((r) => ({ ...r, PSComputerName: 'HELPDESK-PC7.ops.example.org', CimSystemProperties: { ...r.CimSystemProperties, ServerName: 'WS-0042' } }));
    writeFileSync(join(dir, 'powershell', 'netroute.json'), JSON.stringify(remote, null, 4).replace(/": /g, '":  '));
    const capture = await readCaptureDir(dir);
    const { report } = analyseCapture(capture, { toolVersion: 't' });
    expect(report.findings.map((f) => f.id)).toContain('route.vpn-default-route-wins');
    const files = reportBundleFiles({ report, capture, redact: true });
    const leaks = files.flatMap((f) => ['HELPDESK-PC7', 'ops.example.org', 'WS-0042', '161.44.20.10'].filter((v) => f.content.toLowerCase().includes(v.toLowerCase())).map((v) => `${f.name}: ${v}`));
    expect(leaks).toEqual([]);
    // private addresses stay: the diagnosis depends on them
    expect(files.find((f) => f.name.endsWith('netroute.json'))?.content).toContain('192.168.1.1');
  });
});
