import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../test/support/repo-files';
import { parseNetIPInterface, type NetIPInterfaceEntry } from './netipinterface';

const row = (r: NetIPInterfaceEntry) =>
  `#${r.ifIndex} ${r.alias ?? '?'} IPv${r.family ?? '?'} metric ${r.interfaceMetric} mtu ${r.mtu ?? '?'} dhcp ${r.dhcp ?? '?'} ${r.connected === undefined ? '?' : r.connected ? 'connected' : 'disconnected'} ${r.store ?? '?'} @${r.line}`;

describe('parseNetIPInterface on the real table view (test/fixtures/real/powershell)', () => {
  it('get-netipinterface-table-win10-ethernet-wifi-loopback.txt: aliases with blanks, both families, the loopback MTU', () => {
    const r = parseNetIPInterface(readRepoText('test/fixtures/real/powershell/get-netipinterface-table-win10-ethernet-wifi-loopback.txt'), 'x');
    expect(r.value.recognised).toBe(true);
    expect(r.value.format).toBe('table');
    expect(r.value.interfaces.map(row)).toEqual([
      '#4 Local Area Connection* 12 IPv6 metric 25 mtu 1500 dhcp true disconnected active @3',
      '#13 Local Area Connection* 1 IPv6 metric 25 mtu 1500 dhcp false disconnected active @4',
      '#1 Loopback Pseudo-Interface 1 IPv6 metric 75 mtu 4294967295 dhcp false connected active @5',
      '#4 Local Area Connection* 12 IPv4 metric 25 mtu 1500 dhcp false disconnected active @6',
      '#13 Local Area Connection* 1 IPv4 metric 25 mtu 1500 dhcp true disconnected active @7',
      '#7 Ethernet IPv4 metric 25 mtu 1500 dhcp true connected active @8',
      '#19 Wi-Fi IPv4 metric 25 mtu 1500 dhcp true disconnected active @9',
      '#1 Loopback Pseudo-Interface 1 IPv4 metric 75 mtu 1500 dhcp false connected active @10',
    ]);
    expect(r.problems).toEqual([]);
  });

  it('get-netipinterface-select-ft-no-alias-wintun-mtu-1420.txt: a Select-Object table in its own columns, no alias', () => {
    const r = parseNetIPInterface(readRepoText('test/fixtures/real/powershell/get-netipinterface-select-ft-no-alias-wintun-mtu-1420.txt'), 'x');
    expect(r.value.interfaces.map(row)).toEqual(['#70 ? IPv6 metric 5 mtu 65535 dhcp false connected ? @2', '#70 ? IPv4 metric 5 mtu 1420 dhcp false connected ? @3']);
    expect(r.problems).toEqual([]);
  });

  it('the real table rows as Format-List give the same interfaces', () => {
    const table = parseNetIPInterface(readRepoText('test/fixtures/real/powershell/get-netipinterface-table-win10-ethernet-wifi-loopback.txt'), 'x').value.interfaces;
    const list = table.map((r) => [`ifIndex         : ${r.ifIndex}`, `InterfaceAlias  : ${r.alias}`, `AddressFamily   : IPv${r.family}`, `NlMtu(Bytes)    : ${r.mtu}`, `InterfaceMetric : ${r.interfaceMetric}`, `Dhcp            : ${r.dhcp ? 'Enabled' : 'Disabled'}`, `ConnectionState : ${r.connected ? 'Connected' : 'Disconnected'}`, 'PolicyStore     : ActiveStore'].join('\n')).join('\n\n');
    const r = parseNetIPInterface(list, 'x');
    expect(r.value.format).toBe('list');
    expect(r.value.interfaces.map((x) => row({ ...x, line: 0, mtu: undefined }))).toEqual(table.map((x) => row({ ...x, line: 0, mtu: undefined })));
  });

  it('is not Get-NetRoute output (a route row has a prefix, an interface row none)', () => {
    const routes = readRepoText('test/fixtures/real/powershell/get-netroute-select-json-ps51-numeric-family-ethernet-loopback.json');
    expect(parseNetIPInterface(routes, 'x').value.recognised).toBe(false);
  });
});

describe('parseNetIPInterface on ConvertTo-Json shapes', () => {
  it('the CimInstanceProperties string of a depth-cut MSFT_NetIPInterface (the Bluetooth PAN of a real Get-NetIPConfiguration -Detailed dump)', () => {
    // the NetIPv4Interface member of search index file id 55807494450, its console wraps joined back
    const cim =
      'Caption Description ElementName InstanceID CommunicationStatus DetailedStatus HealthState InstallDate Name = "@55?55;" OperatingStatus OperationalStatus PrimaryStatus Status StatusDescriptions AvailableRequestedStates EnabledDefault = 2 EnabledState OtherEnabledState RequestedState = 12 TimeOfLastStateChange TransitioningToState = 12 CreationClassName = "" SystemCreationClassName = "" SystemName = "" NameFormat OtherTypeDescription ProtocolIFType ProtocolType AliasAddresses GroupAddresses LANID LANType MACAddress MaxDataSize OtherLANType AddressFamily = 2 AdvertiseDefaultRoute = 0 AdvertisedRouterLifetime = 00:30:00 Advertising = 0 AutomaticMetric = 1 BaseReachableTime = 30000 ClampMss = 0 CompartmentId = 1 ConnectionState = 0 CurrentHopLimit = 0 DadRetransmitTime = 1000 DadTransmits = 3 Dhcp = 1 DirectedMacWolPattern = 0 EcnMarking = 3 ForceArpNdWolPattern = 0 Forwarding = 0 IgnoreDefaultRoutes = 0 InterfaceAlias = "Połączenie sieciowe Bluetooth" InterfaceIndex = 6 InterfaceMetric = 65 IsolationId = 0 LowestIfNetLuid = 1689399649632256 ManagedAddressConfiguration = 1 NeighborDiscoverySupported = 1 NeighborUnreachabilityDetection = 1 NlMtu = 1500 OtherStatefulConfiguration = 1 ReachableTime = 31500 RetransmitTime = 1000 RouterDiscovery = 2 Store = 1 WeakHostReceive = 0 WeakHostSend = 0';
    const json = JSON.stringify({ CimClass: 'root/StandardCimv2:MSFT_NetIPInterface', CimInstanceProperties: cim, CimSystemProperties: 'Microsoft.Management.Infrastructure.CimSystemProperties' }, null, 4);
    const r = parseNetIPInterface(json, 'x');
    expect(r.value.interfaces.map(row)).toEqual(['#6 Połączenie sieciowe Bluetooth IPv4 metric 65 mtu 1500 dhcp true disconnected active @0']);
  });

  it('an array, numeric enums, and ConnectionState/Dhcp by name', () => {
    const rows = [
      { ifIndex: 23, InterfaceAlias: 'Contoso VPN', AddressFamily: 2, NlMtu: 1400, InterfaceMetric: 1, Dhcp: 0, ConnectionState: 1, Store: 1 },
      { ifIndex: 12, InterfaceAlias: 'Ethernet', AddressFamily: 'IPv4', NlMtu: 1500, InterfaceMetric: 25, Dhcp: 'Enabled', ConnectionState: 'Connected', PolicyStore: 'ActiveStore' },
    ];
    const r = parseNetIPInterface(JSON.stringify(rows, null, 4).replace(/": /g, '":  '), 'x');
    expect(r.value.interfaces.map(row)).toEqual(['#23 Contoso VPN IPv4 metric 1 mtu 1400 dhcp false connected active @7', '#12 Ethernet IPv4 metric 25 mtu 1500 dhcp true connected active @17']);
  });

  it('damaged JSON and depth-cut rows are problems', () => {
    expect(parseNetIPInterface('[{"ifIndex": 3, "InterfaceMetric"', 'x').problems.map((p) => p.code)).toEqual(['psNetwork.notJson']);
    const cut = parseNetIPInterface(JSON.stringify({ value: ['MSFT_NetIPInterface (Name = "@55?55;", CreationClassName = "")'], Count: 1 }), 'x');
    expect([cut.value.recognised, cut.problems.map((p) => p.code)]).toEqual([true, ['psNetwork.depthCut']]);
  });
});
