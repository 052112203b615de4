import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../analyse';
import type { Capture } from '../capture/capture';

/** Small machines written by hand: the route table plus the ipconfig that names the adapters. */
function capture(files: Record<string, string>): Capture {
  return { origin: 'capture', label: 'fixture', meta: { schemaVersion: 1 }, readProblems: [], files: new Map(Object.entries(files).map(([name, text]) => [name, { name, text, encoding: 'utf-8' }])) };
}

const row = (d: string, m: string, g: string, i: string, metric: number) => `${d.padStart(17)}${m.padStart(17)}${(g === 'On-link' ? g.padStart(16) + ' ' : g.padStart(17))}${i.padStart(g === 'On-link' ? 17 : 17)}${String(metric).padStart(7)}`;

function routePrint(rows: string[], interfaces = ['  1...........................Software Loopback Interface 1']): string {
  const rule = '='.repeat(75);
  return [rule, 'Interface List', ...interfaces, rule, '', 'IPv4 Route Table', rule, 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric', ...rows, rule, 'Persistent Routes:', '  None', ''].join('\r\n');
}

function ipconfig(adapters: { header: string; description: string; ipv4: string; mask: string; gateway?: string }[]): string {
  return ['', 'Windows IP Configuration', '', '   Host Name . . . . . . . . . . . . : PC1', '', ...adapters.flatMap((a) => [`${a.header}:`, '', `   Description . . . . . . . . . . . : ${a.description}`, `   IPv4 Address. . . . . . . . . . . : ${a.ipv4}(Preferred)`, `   Subnet Mask . . . . . . . . . . . : ${a.mask}`, `   Default Gateway . . . . . . . . . : ${a.gateway ?? ''}`, ''])].join('\r\n');
}

const wifi = { header: 'Wireless LAN adapter Wi-Fi', description: 'Intel(R) Wi-Fi 6 AX201 160MHz', ipv4: '192.168.1.20', mask: '255.255.255.0', gateway: '192.168.1.1' };
const anyconnect = { header: 'Ethernet adapter Ethernet 3', description: 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64', ipv4: '10.21.38.97', mask: '255.255.255.0', gateway: '10.21.38.1' };
const lanRows = [row('0.0.0.0', '0.0.0.0', '192.168.1.1', '192.168.1.20', 35), row('192.168.1.0', '255.255.255.0', 'On-link', '192.168.1.20', 291), row('192.168.1.20', '255.255.255.255', 'On-link', '192.168.1.20', 291)];

const ids = (files: Record<string, string>, corporateNetworks: string[] = []) =>
  analyseCapture(capture(files), { corporateNetworks, toolVersion: 'test' }).report.findings.map((f) => f.id);

describe('diagnose', () => {
  it('AnyConnect full tunnel: the VPN default route with metric 2 wins over the Wi-Fi default', () => {
    const files = { 'route-print.txt': routePrint([...lanRows, row('0.0.0.0', '0.0.0.0', '10.21.38.1', '10.21.38.97', 2)]), 'ipconfig-all.txt': ipconfig([anyconnect, wifi]) };
    const { report } = analyseCapture(capture(files), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'test' });
    expect(report.findings.map((f) => f.id)).toEqual(['route.vpn-default-route-wins']);
    const [finding] = report.findings;
    expect(finding!.decisions![0]).toMatchObject({ label: 'the Internet', viaTunnel: true, winner: { gateway: '10.21.38.1', metric: 2 } });
    expect(finding!.decisions![0]!.reason).toContain('lowest metric (2 against 35)');
    const fix = finding!.fixes[0]!;
    expect(fix.actions).toEqual([
      { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.21.38.1', previousMetric: 2, interfaceIndex: undefined },
      { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.21.38.1', metric: 1, interfaceIndex: undefined },
    ]);
  });

  it('a VPN default route whose own metric is 0 comes back as 1 on undo, and the fix says so', () => {
    const rows = [...lanRows, row('0.0.0.0', '0.0.0.0', '10.21.38.1', '10.21.38.97', 25), row('10.21.38.97', '255.255.255.255', 'On-link', '10.21.38.97', 281)];
    const { report } = analyseCapture(capture({ 'route-print.txt': routePrint(rows), 'ipconfig-all.txt': ipconfig([anyconnect, wifi]) }), { toolVersion: 'test' });
    const fix = report.findings[0]!.fixes[0]!;
    expect(fix.actions[0]).toMatchObject({ kind: 'route.delete', previousMetric: 1 });
    expect(fix.steps).toContain('Undo puts the route 0.0.0.0/0 back with route metric 1: it had 0, which route.exe cannot set.');
  });

  it('OpenVPN def1 halves count as the VPN taking the default route, and both halves go', () => {
    const tap = { header: 'Ethernet adapter Local Area Connection 2', description: 'TAP-Windows Adapter V9', ipv4: '10.8.0.6', mask: '255.255.255.252', gateway: '' };
    const files = {
      'route-print.txt': routePrint([...lanRows, row('0.0.0.0', '128.0.0.0', '10.8.0.5', '10.8.0.6', 20), row('128.0.0.0', '128.0.0.0', '10.8.0.5', '10.8.0.6', 20)]),
      'ipconfig-all.txt': ipconfig([tap, wifi]),
    };
    const { report } = analyseCapture(capture(files), { toolVersion: 'test' });
    const finding = report.findings.find((f) => f.id === 'route.vpn-default-route-wins')!;
    expect(finding.decisions![0]!.reason).toContain('most specific');
    expect(finding.fixes[0]!.actions.filter((a) => a.kind === 'route.delete').map((a) => `${a.destination}/${a.netmask}`)).toEqual(['0.0.0.0/128.0.0.0', '128.0.0.0/128.0.0.0']);
    expect(finding.fixes[0]!.risk).toBe('high');
  });

  it('two LAN defaults with the same metric are reported as unpredictable', () => {
    const eth = { header: 'Ethernet adapter Ethernet', description: 'Intel(R) Ethernet Connection I219-V', ipv4: '192.168.2.30', mask: '255.255.255.0', gateway: '192.168.2.1' };
    const files = { 'route-print.txt': routePrint([...lanRows, row('0.0.0.0', '0.0.0.0', '192.168.2.1', '192.168.2.30', 35)]), 'ipconfig-all.txt': ipconfig([wifi, eth]) };
    expect(ids(files)).toEqual(['route.duplicate-default-equal-metric']);
  });

  it('split tunnel without a route for a corporate network: unreachable, with a fix via the VPN', () => {
    const files = { 'route-print.txt': routePrint([...lanRows, row('10.21.0.0', '255.255.0.0', '10.21.38.1', '10.21.38.97', 2)]), 'ipconfig-all.txt': ipconfig([anyconnect, wifi]) };
    const { report } = analyseCapture(capture(files), { corporateNetworks: ['10.21.0.0/16', '10.99.0.0/16'], toolVersion: 'test' });
    expect(report.findings.map((f) => f.id)).toEqual(['route.vpn-network-unreachable']);
    expect(report.findings[0]!.title).toBe('10.99.0.0/16 is not reached through the VPN');
    expect(report.findings[0]!.fixes[0]!.actions).toEqual([{ kind: 'route.add', destination: '10.99.0.0', netmask: '255.255.0.0', gateway: '10.21.38.1', metric: 1, interfaceIndex: undefined }]);
  });

  it('a VPN route over the LAN subnet hides the printer and the router', () => {
    const files = { 'route-print.txt': routePrint([...lanRows, row('192.168.1.0', '255.255.255.0', '10.21.38.1', '10.21.38.97', 2)]), 'ipconfig-all.txt': ipconfig([anyconnect, wifi]) };
    expect(ids(files)).toEqual(['route.lan-hidden-by-vpn']);
  });

  it('XP PPP dial-up VPN without ipconfig: gateway = own address on a default route is the tunnel', () => {
    const xp = [
      '===========================================================================',
      'Interface List',
      '0x1 ........................... MS TCP Loopback interface',
      '0x2 ...00 0c 29 21 f9 3e ...... Intel(R) PRO/1000 MT Network Connection',
      '0x20004 ...00 53 45 00 00 00 ...... WAN (PPP/SLIP) Interface',
      '===========================================================================',
      '===========================================================================',
      'Active Routes:',
      'Network Destination        Netmask          Gateway       Interface  Metric',
      '          0.0.0.0          0.0.0.0      161.44.17.1     161.44.17.23     2',
      '          0.0.0.0          0.0.0.0      192.168.1.1      192.168.1.1     1',
      '      161.44.17.0    255.255.255.0     161.44.17.23     161.44.17.23     20',
      '      192.168.1.1  255.255.255.255        127.0.0.1        127.0.0.1     50',
      'Default Gateway:       192.168.1.1',
      '===========================================================================',
      'Persistent Routes:',
      '  None',
    ].join('\r\n');
    const { report } = analyseCapture(capture({ 'route-print.txt': xp }), { corporateNetworks: ['10.13.1.0/24'], toolVersion: 'test' });
    expect(report.snapshot.os.family).toBe('nt5');
    const f = report.findings.find((x) => x.id === 'route.vpn-default-route-wins')!;
    // NT5: the printed metric is the route metric; the FAQ's `route add 10.13.1.0 … 192.168.1.1 metric 1`.
    // The PPP address is the Interface List's WAN (PPP/SLIP) row, so the steps name its index (0x20004).
    expect(f.fixes[0]!.actions).toEqual([
      { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', previousMetric: 1, interfaceIndex: 0x20004 },
      { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '192.168.1.1', metric: 1, interfaceIndex: 0x20004 },
    ]);
    expect(report.snapshot.interfaces.find((i) => i.index === 0x20004)).toMatchObject({ kind: 'ppp', ipv4: [{ address: '192.168.1.1', prefixLength: 32 }] });
  });

  it('a persistent route whose gateway no interface reaches is stale', () => {
    const text = routePrint(lanRows).replace('Persistent Routes:\r\n  None', 'Persistent Routes:\r\n  Network Address          Netmask  Gateway Address  Metric\r\n         10.0.4.0    255.255.255.0     172.16.9.1       1');
    expect(ids({ 'route-print.txt': text, 'ipconfig-all.txt': ipconfig([wifi]) })).toEqual(['route.persistent-route-stale']);
  });

  it('a healthy machine has no findings', () => {
    expect(ids({ 'route-print.txt': routePrint(lanRows), 'ipconfig-all.txt': ipconfig([wifi]) }, ['10.13.1.0/24'])).toEqual([]);
  });
});
