import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../app/core/analyse';
import type { Capture } from '../app/core/capture/capture';
import { ReportSchema } from '../app/core/model/report';
import { corpusAvailable, readCorpus } from './corpus';
import { cli } from './support/cli';

/**
 * Issue 17 classes 5, 7, 8 and 9 end to end: real outputs (test/fixtures/real, SOURCES.md) through
 * the snapshot, the rules and the CLI.
 */
const REAL = join(import.meta.dirname, 'fixtures', 'real');
const read = (path: string) => readFileSync(join(REAL, path), 'utf8');

function capture(files: Record<string, string>): Capture {
  return { origin: 'capture', label: 'fixture', meta: { schemaVersion: 1 }, readProblems: [], files: new Map(Object.entries(files).map(([name, text]) => [name, { name, text, encoding: 'utf-8' }])) };
}
const analyse = (files: Record<string, string>, corporateNetworks: string[] = []) => analyseCapture(capture(files), { corporateNetworks, toolVersion: 'test' });

function captureDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tm-real-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('class 7: XP route print and ipconfig of one PC describe the same adapters', () => {
  it('shows each adapter once, joined by name token, kind and description (6 interfaces, not 9)', () => {
    const { report } = analyse({ 'route-print.txt': read('captures/xp-en-evdo-ppp-vmware/route-print.txt'), 'ipconfig-all.txt': read('captures/xp-en-evdo-ppp-vmware/ipconfig-all.txt') });
    expect(report.snapshot.interfaces.map((i) => [i.index, i.name, i.kind])).toEqual([
      [2, 'VMware Network Adapter VMnet8', 'ethernet'],
      [3, 'VMware Network Adapter VMnet1', 'ethernet'],
      [0x20007, 'Maxon MiniMax Connection', 'ppp'],
      [1, 'MS TCP Loopback interface', 'loopback'],
      [4, 'Intel(R) PRO/Wireless 2915ABG Network Connection - Packet Scheduler Miniport', 'wifi'],
      [0x10006, 'Broadcom NetXtreme Gigabit Ethernet - Packet Scheduler Miniport', 'ethernet'],
    ]);
  });

  it('joins ipconfig /all to the route print row by MAC when the descriptions differ (German XP)', () => {
    const rp = ['Interface List', '0x1 ........................... MS TCP Loopback interface', '0x2 ...00 50 22 e3 a1 26 ...... Realtek RTL8139-Familie-PCI-Fast Ethernet-NIC - Paketplaner-Miniport', '0x20004 ...00 53 45 00 00 00 ...... WAN (PPP/SLIP) Interface'].join('\r\n');
    const { report } = analyse({ 'route-print.txt': rp, 'ipconfig-all.txt': read('ipconfig/xp-de-ethernetadapter-ppp-breitband.txt') });
    expect(report.snapshot.interfaces.map((i) => [i.index, i.name])).toEqual([
      [2, 'LAN-Verbindung'],
      [0x20004, 'Breitbandverbindung'],
      [1, 'MS TCP Loopback interface'],
    ]);
  });
});

describe('class 8: tunnels found from a route print alone', () => {
  it('a full tunnel of the two half-default routes through TAP-Windows is found without ipconfig', () => {
    const { report } = analyse({ 'route-print.txt': read('route-print/win7-en-openvpn-tap-def1-full-tunnel-route-only.txt') });
    expect(report.findings.map((f) => f.id)).toContain('route.vpn-default-route-wins');
    expect(report.snapshot.interfaces.find((i) => i.index === 12)).toMatchObject({ kind: 'vpn', ipv4: [{ address: '10.8.0.6', prefixLength: 30 }] });
  });

  it('a network already routed through the PPP adapter\'s own address is not reported unreachable', () => {
    const rp = read('route-print/xp-en-ppp-only-host-route-via-own-address.txt');
    expect(analyse({ 'route-print.txt': rp }, ['61.5.148.10/32']).report.findings.map((f) => f.id)).not.toContain('route.vpn-network-unreachable');
    const lanOnly = read('route-print/xp-en-ppp-collapsed-spaces-two-defaults.txt');
    expect(analyse({ 'route-print.txt': lanOnly }, ['61.5.148.10/32']).report.findings.map((f) => f.id)).not.toContain('route.vpn-network-unreachable');
  });

  it('the list alone says tunnel for WAN Miniport, a named connection, Wintun, WireGuard, DCO and vendor adapters', () => {
    const rows = [
      ' 23...........................Corp VPN',
      ' 24...........................Scottsdale',
      ' 25...........................WAN Miniport (L2TP)',
      ' 26...........................Wintun Userspace Tunnel',
      ' 27...........................WireGuard Tunnel',
      ' 28...........................OpenVPN Data Channel Offload',
      ' 29...00 ff d8 2a 28 86 ......Juniper Network Connect Virtual Adapter',
      ' 30...00 ff 84 7e f0 72 ......TAP-Windows Adapter V9',
      '  1...........................Software Loopback Interface 1',
      ' 11...00 00 00 00 00 00 00 e0 Microsoft ISATAP Adapter',
      ' 12...00 50 56 23 cb c3 ......Intel(R) PRO/1000 MT Network Connection',
    ];
    const { report } = analyse({ 'route-print.txt': ['Interface List', ...rows].join('\r\n') });
    expect(report.snapshot.interfaces.map((i) => i.kind)).toEqual(['vpn', 'vpn', 'vpn', 'vpn', 'vpn', 'vpn', 'vpn', 'vpn', 'loopback', 'other', 'ethernet']);
  });

  it('persistent-route-stale does not fire when the gateway lies in an on-link network of the same table', () => {
    const routes = read('route-print/win10-fr-rows-after-aucun-retyped.txt').replace('  Aucun\n', '  Adresse réseau    Masque réseau  Adresse passerelle Métrique\n    10.99.0.0    255.255.0.0    192.168.127.10  1\n').split('\n').slice(0, 29).join('\n');
    // ipconfig showed only the Wi-Fi adapter; the host-only network 192.168.127.0/24 is on-link in the table
    const ip = read('ipconfig/win10-fr-dot-elision-inside-adapter.txt').replace('10.33.3.244', '10.33.1.139');
    const { report } = analyse({ 'route-print.txt': routes, 'ipconfig-all.txt': ip });
    expect(report.snapshot.persistentRoutes).toHaveLength(1);
    expect(report.findings.map((f) => f.id)).not.toContain('route.persistent-route-stale');
    const away = analyse({ 'route-print.txt': routes.replace('192.168.127.10  1', '172.31.9.9  1'), 'ipconfig-all.txt': ip }).report;
    expect(away.findings.map((f) => f.id)).toContain('route.persistent-route-stale');
  });
});

describe('class 5: the human view says what was not read', () => {
  it('never says "No problems found" when lines were not understood; names how many and where', async () => {
    const dir = captureDir({ 'route-print.txt': read('route-print/win10-fr-double-spaced-dot-elisions.txt') });
    const human = await cli(['scan', '--capture', dir]);
    expect(human.stdout).not.toContain('No problems found.');
    expect(human.stdout).toContain('6 lines could not be read (route-print.txt:2, route-print.txt:4, route-print.txt:6, route-print.txt:54, route-print.txt:56, route-print.txt:58)');
    const json = ReportSchema.parse(JSON.parse((await cli(['scan', '--capture', dir, '--json'])).stdout));
    expect(json.snapshot.problems.map((p) => `${p.source}:${p.line}`)).toEqual(['route-print.txt:2', 'route-print.txt:4', 'route-print.txt:6', 'route-print.txt:54', 'route-print.txt:56', 'route-print.txt:58']);
  });

  it('answers in Dutch too', async () => {
    const dir = captureDir({ 'route-print.txt': read('route-print/win10-fr-headerless-rows-annotated.txt') });
    const r = await cli(['scan', '--capture', dir, '--lang', 'nl']);
    expect(r.stdout).toContain('1 regel kon niet worden gelezen (route-print.txt:2)');
  });
});

describe('class 9: registry files', () => {
  it('a registry file with no reg output in it is not understood: named on stderr, exit 4 when it is the only input', async () => {
    const only = captureDir({ 'registry/rasman.txt': read('reg/win10-en-powershell-native-command-error.txt') });
    const r = await cli(['scan', '--capture', only]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('registry/rasman.txt');
    const withRoutes = captureDir({ 'registry/rasman.txt': read('reg/win11-en-reg-invalid-syntax-twice.txt'), 'route-print.txt': read('route-print/xp-en-juniper-network-connect-bare-hex-10004.txt') });
    const s = await cli(['scan', '--capture', withRoutes, '--json']);
    expect(s.stderr).toContain(`${withRoutes}/registry/rasman.txt: not understood`);
    expect(ReportSchema.parse(JSON.parse(s.stdout)).snapshot.registry).toEqual({});
  });

  it.skipIf(!corpusAvailable)('a lone subkey line is a subkey, not a key known to have no values', () => {
    const line = readCorpus('reg-query', 'win10-en-reg-query-hklm-software-subkeys.txt').split(/\r?\n/).find((l) => /OpenVPN$/.test(l))!;
    const { report } = analyse({ 'registry/openvpn.txt': `\r\n${line}\r\n` });
    const key = Object.values((report.snapshot.registry as { keys: Record<string, { path: string; valuesListed: boolean }> }).keys)[0]!;
    expect(key).toMatchObject({ path: 'HKLM\\SOFTWARE\\OpenVPN', valuesListed: false });
    // the same line after the command that queried it is that key's header: its values were listed (none)
    const queried = analyse({ 'registry/openvpn.txt': `C:\\>reg query ${line}\r\n\r\n${line}\r\n` }).report;
    expect(Object.values((queried.snapshot.registry as { keys: Record<string, { valuesListed: boolean }> }).keys)[0]).toMatchObject({ valuesListed: true });
  });
});

describe('netsh\'s interface table: rows no other output names are interfaces too', () => {
  it('a capture of the netsh table alone is understood: its interfaces, indexes and metrics (was exit 4, "could not be understood")', async () => {
    const dir = captureDir({ 'netsh-interfaces.txt': read('netsh/win-fr-bare-gt-prompt-route-add-after-table-ligolo.txt') });
    const r = await cli(['scan', '--capture', dir, '--json']);
    expect(r.code).toBe(0);
    const json = ReportSchema.parse(JSON.parse(r.stdout));
    expect(json.snapshot.interfaces.map((i) => [i.index, i.name, i.interfaceMetric])).toEqual([[25, 'ligolo', 5]]);
    expect(json.snapshot.problems).toEqual([]);
  });

  it('with plain ipconfig of the same PC, the loopback only netsh lists is kept beside the two adapters it names', () => {
    const dir = 'captures/win10-fr-netsh-then-plain-ipconfig-snmp-lab';
    const { report } = analyse({ 'netsh-interfaces.txt': read(`${dir}/netsh-interfaces.txt`), 'ipconfig-all.txt': read(`${dir}/ipconfig-all.txt`) });
    expect(report.snapshot.interfaces.map((i) => [i.index, i.name, i.kind, i.interfaceMetric])).toEqual([
      [3, 'Ethernet0', 'ethernet', 25],
      [4, 'Connexion réseau Bluetooth', 'ethernet', 65],
      [1, 'Loopback Pseudo-Interface 1', 'loopback', 75],
    ]);
    expect(report.snapshot.problems).toEqual([]);
  });
});
