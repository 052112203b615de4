import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { parseNetIPInterface } from './netipinterface';
import { parseNetRoute } from './netroute';
import { parseNetshInterfaces } from './netsh-interfaces';

/**
 * Round 42, the PC's own captures pasted: real outputs (test/fixtures/real, SOURCES.md) that read
 * badly before, one row each, and small tests of each class (other shapes, the negative case).
 */
const read = (path: string) => readRepoText(`test/fixtures/real/${path}`);

describe('real held-out captures, round 42', () => {
  // (was 0 of 18 interfaces: the wrapped label's two header lines strays, the file "not understood")
  it('powershell/get-netipinterface-ft-ru-header-wrapped-80-columns.txt: a label Format-Table wrapped', () => {
    const r = parseNetIPInterface(read('powershell/get-netipinterface-ft-ru-header-wrapped-80-columns.txt'), 'x');
    expect(r.value.recognised).toBe(true);
    expect(r.problems).toEqual([]);
    const v4 = r.value.interfaces.filter((x) => x.family === 4).map((x) => [x.ifIndex, x.alias, x.interfaceMetric, x.mtu]);
    expect(v4).toEqual([
      [5, 'VirtualBox Host-Only Network', 25, 1500],
      [17, 'Ethernet', 5, 1500],
      [13, 'Подключение по локальной сет...', 25, 1500],
      [18, 'Подключение по локальной сети', 15, 1500],
      [3, 'Подключение по локальной сет...', 25, 1500],
      [9, 'OpenVPN TAP-Windows6', 25, 1500],
      [6, 'Беспроводная сеть', 50, 1500],
      [20, 'OpenVPN Wintun', 5, 65535],
      [1, 'Loopback Pseudo-Interface 1', 75, 4294967295],
    ]);
    expect(r.value.interfaces).toHaveLength(18);
  });

  // (was the ipv4 table read, but each of `netsh interface show interface`'s 9 lines a problem of its own)
  it('netsh/win10-ru-show-interface-then-ipv4-table.txt: the other command named once', () => {
    const r = parseNetshInterfaces(read('netsh/win10-ru-show-interface-then-ipv4-table.txt'), 'x');
    expect(r.problems.map((p) => [p.line, p.code, p.params])).toEqual([[3, 'netsh.showInterfaceBeside', { lines: 9 }]]);
    expect(r.value.interfaces.map((x) => [x.index, x.metric, x.state, x.name])).toEqual([
      [1, 75, 'connected', 'Loopback Pseudo-Interface 1'],
      [11, 50, 'connected', 'Беспроводная сеть'],
      [20, 25, 'disconnected', 'Подключение по локальной сети* 9'],
      [12, 25, 'disconnected', 'Подключение по локальной сети* 10'],
      [22, 25, 'connected', 'VirtualBox Host-Only Network'],
      [18, 25, 'connected', 'Ethernet 2'],
      [25, 25, 'connected', 'Ethernet 3'],
      [13, 25, 'connected', 'Ethernet 4'],
      [4, 25, 'connected', 'Ethernet 5'],
    ]);
  });

  // (was "not a Windows ipconfig output": 0 of 1 adapter)
  it('ipconfig/xp-pl-adapter-fields-only-no-header.txt: an adapter without its header', () => {
    const r = parseIpconfig(read('ipconfig/xp-pl-adapter-fields-only-no-header.txt'), 'x');
    const a = r.value.adapters;
    expect(a.map((x) => [x.name, x.kind, x.ipv4, x.gateways, x.dnsServers])).toEqual([
      ['Ralink RT2500 Wireless LAN Card', 'wifi', [{ address: '10.4.22.75', prefixLength: 25 }], ['10.4.22.126'], ['84.38.160.69', '84.38.160.77']],
    ]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [2, 'ipconfig.noHeader'],
      [3, 'ipconfig.notPhysical'],
      [4, 'ipconfig.labelsByValue'],
    ]);
  });
});

describe('class: a table label Format-Table wrapped onto a second header line', () => {
  const wrapped = [
    'ifIndex InterfaceAlias                  AddressFamily NlMtu(Bytes) InterfaceMet',
    '                                                                            ric',
    '------- --------------                  ------------- ------------ ------------',
    '5       VirtualBox Host-Only Network    IPv4                  1500           25',
    '17      Ethernet                        IPv4                  1500            5',
  ].join('\n');

  it('is read by the dash groups’ positions', () => {
    const r = parseNetIPInterface(wrapped, 'x');
    expect(r.value.interfaces.map((x) => [x.ifIndex, x.alias, x.interfaceMetric])).toEqual([
      [5, 'VirtualBox Host-Only Network', 25],
      [17, 'Ethernet', 5],
    ]);
    expect(r.problems).toEqual([]);
  });

  it('is read when the paste lost the positions (every line trimmed)', () => {
    const trimmed = wrapped.split('\n').map((l) => l.trim()).join('\n');
    const r = parseNetIPInterface(trimmed, 'x');
    expect(r.value.interfaces.map((x) => [x.ifIndex, x.interfaceMetric])).toEqual([
      [5, 25],
      [17, 5],
    ]);
  });

  it('reads a Get-NetRoute table whose label wrapped the same way', () => {
    const route = [
      'ifIndex DestinationPrefix NextHop     RouteMet',
      '                                           ric',
      '------- ----------------- -------     --------',
      '12      0.0.0.0/0         10.0.0.1          25',
    ].join('\n');
    const r = parseNetRoute(route, 'x');
    expect(r.value.routes.map((x) => [x.destination, x.prefixLength, x.nextHop, x.routeMetric])).toEqual([['0.0.0.0', 0, '10.0.0.1', 25]]);
  });

  it('leaves two lines of names that make no header strays', () => {
    const r = parseNetIPInterface(['Alpha Beta', 'Gamma', '----- ----', '5 25'].join('\n'), 'x');
    expect(r.value.recognised).toBe(false);
  });
});

describe('class: `netsh interface show interface` pasted beside the ipv4 table', () => {
  const ipv4 = [
    'Idx     Met         MTU          State                Name',
    '---  ----------  ----------  ------------  ---------------------------',
    '  1          75  4294967295  connected     Loopback Pseudo-Interface 1',
    ' 11          25        1500  connected     Ethernet',
  ].join('\n');

  it('is one problem in English too, after the table', () => {
    const show = ['', 'Admin State    State          Type             Interface Name', '-------------------------------------------------------------------------', 'Enabled        Connected      Dedicated        Ethernet', 'Disabled       Disconnected   Dedicated        Wi-Fi'].join('\n');
    const r = parseNetshInterfaces(ipv4 + '\n' + show, 'x');
    expect(r.problems.map((p) => [p.code, p.params])).toEqual([['netsh.showInterfaceBeside', { lines: 4 }]]);
    expect(r.value.interfaces.map((x) => x.index)).toEqual([1, 11]);
  });

  it('does not take a dash line a person put above the table for it', () => {
    const r = parseNetshInterfaces('-----------------------------\n' + ipv4, 'x');
    expect(r.problems.map((p) => p.code)).not.toContain('netsh.showInterfaceBeside');
    expect(r.value.interfaces.map((x) => x.index)).toEqual([1, 11]);
  });
});

describe('class: an adapter’s fields pasted without the title and its header', () => {
  it('reads English XP fields as one adapter named by its description', () => {
    const text = ['IP Address. . . . . . . . . . . . : 192.168.1.100', 'Subnet Mask . . . . . . . . . . . : 255.255.255.0', 'Default Gateway . . . . . . . . . : 192.168.1.1', 'Description . . . . . . . . . . . : Realtek RTL8139 Family PCI Fast Ethernet NIC'].join('\n');
    const r = parseIpconfig(text, 'x');
    expect(r.value.adapters.map((x) => [x.name, x.kind, x.ipv4, x.gateways])).toEqual([
      ['Realtek RTL8139 Family PCI Fast Ethernet NIC', 'ethernet', [{ address: '192.168.1.100', prefixLength: 24 }], ['192.168.1.1']],
    ]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([[1, 'ipconfig.noHeader']]);
  });

  it('ends that adapter at the next header, which is read as usual', () => {
    const text = ['   IPv4 Address. . . . . . . . . . . : 10.0.0.5', '   Subnet Mask . . . . . . . . . . . : 255.0.0.0', '', 'PPP adapter VPN:', '', '   IPv4 Address. . . . . . . . . . . : 172.16.0.9', '   Subnet Mask . . . . . . . . . . . : 255.255.255.255'].join('\n');
    const r = parseIpconfig(text, 'x');
    expect(r.value.adapters.map((x) => [x.name, x.ipv4[0]?.address])).toEqual([
      ['', '10.0.0.5'],
      ['VPN', '172.16.0.9'],
    ]);
  });

  it('keeps a field between the title and the first header outside any adapter', () => {
    const r = parseIpconfig(['Windows IP Configuration', '   Description . . . . . : orphan', 'Ethernet adapter LAN:', '   IPv4 Address. . . . . : 10.0.0.5'].join('\n'), 'x');
    expect(r.problems.map((p) => p.code)).toContain('ipconfig.outsideAdapter');
    expect(r.value.adapters.map((x) => x.name)).toEqual(['LAN']);
  });
});
