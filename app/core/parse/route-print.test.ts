import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { parseRoutePrint } from './route-print';
import type { RoutePrintResult } from './types';

interface Expect {
  layout: RoutePrintResult['layout'];
  interfaces: number;
  v4: number;
  v6: number;
  /** 0.0.0.0/0 routes in file order: gateway (null = on-link) and metric */
  defaults: [string | null, number][];
  persistent: number;
  /** routes marked persistent because the Persistent Routes list holds them */
  markedPersistent: number;
  defaultGateway?: string;
  /** line numbers of expected problems (the corpus files are complete up to their last line) */
  problems: number[];
}

/**
 * One row per corpus file, counted by hand from the file (line numbers in comments).
 * A new corpus file without a row fails the "every file has a row" test.
 */
const CORPUS: Record<string, Expect> = {
  // if 3-5; v4 12-22; v6 33,34,35(+36),37,38; persistent 26 "Default"
  'server2008-en-jc-persistent-default-metric.txt': {
    layout: 'nt6+', interfaces: 3, v4: 11, v6: 5, defaults: [['192.168.23.1', 266]], persistent: 1, markedPersistent: 1, problems: [],
  },
  // spaced "  8 ...00 12 ..." rows; one route; "Persistent Routes:" with nothing after it
  'vista-en-spaced-interface-list-trimmed.txt': {
    layout: 'nt6+', interfaces: 2, v4: 1, v6: 0, defaults: [['10.88.88.2', 10]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // if 3-8; v4 15-30 ("Auf Verbindung"); v6 39..59 with 6 wrapped rows = 15; "Keine"
  'win-de-parallels-ipv6-auf-verbindung.txt': {
    layout: 'nt6+', interfaces: 6, v4: 16, v6: 15, defaults: [['10.211.55.1', 10]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // if 3-9; a single on-link default
  'win-en-vpn-onlink-default-anonymised.txt': {
    layout: 'nt6+', interfaces: 7, v4: 1, v6: 0, defaults: [[null, 1]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // French headers, "Itinéraires actifs :", "Aucun"
  'win-fr-gateway-trimmed.txt': {
    layout: 'nt6+', interfaces: 2, v4: 1, v6: 0, defaults: [['10.88.88.2', 10]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // v4 5-19; gateways are all addresses and there is no Interface List: nothing says which Windows
  'win10-en-anyconnect-split-include-host-routes-partial.txt': {
    layout: 'unknown', interfaces: 0, v4: 15, v6: 0, defaults: [['192.168.1.1', 35]], persistent: 0, markedPersistent: 0, problems: [],
  },
  'win10-en-anyconnect-two-defaults.txt': {
    layout: 'nt6+', interfaces: 7, v4: 2, v6: 0, defaults: [['192.168.100.1', 50], ['10.21.38.1', 2]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // 12 log-prefixed Interface List rows only
  'win10-en-openconnect-gui-log-prefixed-cisco-vpn-adapter-iflist-partial.txt': {
    layout: 'nt6+', interfaces: 12, v4: 0, v6: 0, defaults: [], persistent: 0, markedPersistent: 0, problems: [],
  },
  // v4 5-10
  'win10-en-partial-split-tunnel-10-8.txt': {
    layout: 'nt6+', interfaces: 0, v4: 6, v6: 0, defaults: [['192.168.1.1', 281]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // if 3-5; v4 12-29; v6 43..54 (3 wrapped) = 9; persistent 33-36 + v6 58 (metric 4294967295)
  'win10-en-tailscale-persistent-ipv6-metric-overflow.txt': {
    layout: 'nt6+', interfaces: 3, v4: 18, v6: 9, defaults: [['10.211.55.1', 15]], persistent: 5, markedPersistent: 5, problems: [],
  },
  // if 3-13; v4 20-40; v6 49..70 (6 wrapped) = 16
  'win11-en-jc-openvpn-dco-tap-idle.txt': {
    layout: 'nt6+', interfaces: 11, v4: 21, v6: 16, defaults: [['192.168.1.1', 35]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // stray "I" before "Lista de interfaces"; 0.0.0.0/192.0.0.0 "En vínculo" is /2, not a default
  'win11-es-sgn-tunnel-onlink-split.txt': {
    layout: 'nt6+', interfaces: 7, v4: 2, v6: 0, defaults: [['192.168.100.1', 35]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // " netstat -ar" echo; if 4-11; v4 18-19 (def1 half default 0.0.0.0/1)
  'win7-en-netstat-ar-pia-openvpn-def1-partial.txt': {
    layout: 'nt6+', interfaces: 8, v4: 2, v6: 0, defaults: [['10.0.0.1', 10]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // log prefix on every line; if 1-7; v4 14-16
  'win7-en-openconnect-gui-log-prefixed-partial.txt': {
    layout: 'nt6+', interfaces: 7, v4: 3, v6: 0, defaults: [['192.168.1.1', 11]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // v4 5-14
  'win7-en-openconnect-two-defaults-partial.txt': {
    layout: 'nt6+', interfaces: 0, v4: 10, v6: 0, defaults: [['192.168.1.1', 25], ['172.27.2.103', 2]], persistent: 0, markedPersistent: 0, problems: [],
  },
  // CRLF; if 3-7; v4 14-24; v6 35..43 (2 wrapped) = 7; persistent "Default " with trailing space
  'win7-en-tap-win32-6to4-persistent-default.txt': {
    layout: 'nt6+', interfaces: 5, v4: 11, v6: 7, defaults: [['172.50.50.1', 266]], persistent: 1, markedPersistent: 1, problems: [],
  },
  // Russian heading; if 3-20
  'win7-ru-outline-tap-iflist-partial.txt': {
    layout: 'nt6+', interfaces: 18, v4: 0, v6: 0, defaults: [], persistent: 0, markedPersistent: 0, problems: [],
  },
  // XP: if 4-5 (0x1, 0x2); v4 10-17; footer 18; persistent 22
  'winxp-en-jc-persistent.txt': {
    layout: 'nt5', interfaces: 2, v4: 8, v6: 0, defaults: [['192.168.22.1', 10]], persistent: 1, markedPersistent: 1, defaultGateway: '192.168.22.1', problems: [],
  },
  // XP netstat -rn "Route Table"; if 5, 6(+7), 8(+9); v4 14-21 (line 20 interface "2")
  'xp-en-netstat-rn-route-table-wrapped-midword.txt': {
    layout: 'nt5', interfaces: 3, v4: 8, v6: 0, defaults: [['10.12.0.1', 30]], persistent: 0, markedPersistent: 0, defaultGateway: '10.12.0.1', problems: [],
  },
  // prompt; if 4, 5(+6), 7; v4 12-23
  'xp-en-ppp-dialup-netscape-wrapped-description.txt': {
    layout: 'nt5', interfaces: 3, v4: 12, v6: 0, defaults: [['172.198.208.8', 1]], persistent: 0, markedPersistent: 0, defaultGateway: '172.198.208.8', problems: [],
  },
  // collapsed spacing; v4 3-14; footer 15
  'xp-en-ppp-evdo-collapsed-spaces-repaste.txt': {
    layout: 'nt5', interfaces: 0, v4: 12, v6: 0, defaults: [['70.219.141.12', 1]], persistent: 0, markedPersistent: 0, defaultGateway: '70.219.141.12', problems: [],
  },
  // ">route PRINT"; if 4, 5 (wrap lost: blank line 6), 7; v4 12-23
  'xp-en-ppp-evdo-wrapped-blank-line.txt': {
    layout: 'nt5', interfaces: 3, v4: 12, v6: 0, defaults: [['70.219.141.12', 1]], persistent: 0, markedPersistent: 0, defaultGateway: '70.219.141.12', problems: [],
  },
};

const lineCount = (text: string): number => text.split(/\r\n|\n|\r/).length;

describe.skipIf(!corpusAvailable)('parseRoutePrint on the shared corpus', () => {
  const files = corpusFiles('route-print');

  it('has a hand-checked row for every corpus file', () => {
    expect(files.filter((f) => !(f in CORPUS))).toEqual([]);
    expect(Object.keys(CORPUS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const want = CORPUS[file];
    expect(want, `no expectation row for ${file}`).toBeDefined();
    const { value, problems } = parseRoutePrint(readCorpus('route-print', file), file);
    const v4 = value.routes.filter((r) => r.family === 4);
    expect({
      layout: value.layout,
      interfaces: value.interfaces.length,
      v4: v4.length,
      v6: value.routes.filter((r) => r.family === 6).length,
      defaults: v4.filter((r) => r.destination === '0.0.0.0' && r.prefixLength === 0).map((r) => [r.gateway, r.metric]),
      persistent: value.persistentRoutes.length,
      markedPersistent: value.routes.filter((r) => r.persistent).length,
      defaultGateway: value.defaultGateway,
      problems: problems.map((p) => p.line),
    }).toEqual({ ...want, defaultGateway: want!.defaultGateway });
    for (const p of problems) expect(p.source).toBe(file);
    for (const r of value.routes) expect(r.source?.file).toBe(file);
  });

  it('joins descriptions the console wrapped at 80 columns', () => {
    const mid = parseRoutePrint(readCorpus('route-print', 'xp-en-netstat-rn-route-table-wrapped-midword.txt')).value;
    expect(mid.interfaces.map((i) => [i.index, i.mac, i.description])).toEqual([
      [1, undefined, 'MS TCP Loopback interface'],
      [2, '00-40-45-2c-43-f1', 'Realtek RTL8139 Family PCI Fast Ethernet NIC - Packet Scheduler Miniport'],
      [0x10004, '00-1d-92-c4-43-d3', '802.11g Mini Card Wireless Adapter - Packet Scheduler Miniport'],
    ]);
    // the broadcast row whose Interface column is the bare index "2"
    const bare = mid.routes.find((r) => r.source?.line === 20)!;
    expect(bare).toMatchObject({ destination: '255.255.255.255', interfaceIndex: 2, metric: 1 });
    expect(bare.interfaceAddress).toBeUndefined();

    const ppp = parseRoutePrint(readCorpus('route-print', 'xp-en-ppp-dialup-netscape-wrapped-description.txt')).value;
    expect(ppp.interfaces[1]!.description).toBe('HP EN1207D-TX PCI 10/100 Fast Ethernet Adapter - Packet Scheduler Miniport');
    expect(ppp.interfaces[2]).toEqual({ index: 0x20004, mac: '00-53-45-00-00-00', description: 'WAN (PPP/SLIP) Interface' });
  });

  it('reads persistent "Default" metrics as null and 4294967295 as printed', () => {
    const s2008 = parseRoutePrint(readCorpus('route-print', 'server2008-en-jc-persistent-default-metric.txt')).value;
    expect(s2008.persistentRoutes).toEqual([
      { destination: '0.0.0.0', prefixLength: 0, netmask: '0.0.0.0', gateway: '192.168.23.1', metric: null },
    ]);
    expect(s2008.interfaces[2]).toEqual({ index: 12, mac: '00-00-00-00-00-00-00-e0', description: 'Microsoft ISATAP Adapter' });
    const ts = parseRoutePrint(readCorpus('route-print', 'win10-en-tailscale-persistent-ipv6-metric-overflow.txt')).value;
    expect(ts.persistentRoutes.at(-1)).toEqual({
      destination: '2001:db8::', prefixLength: 64, netmask: 'ffff:ffff:ffff:ffff::', gateway: 'fe80::1', metric: 4294967295,
    });
    expect(ts.routes.find((r) => r.family === 6 && r.destination === '2001:db8::')).toMatchObject({ persistent: true, interfaceIndex: 12, metric: 271 });
    expect(ts.routes.find((r) => r.destination === '0.0.0.0')!.persistent).toBe(false);
  });

  it('reads the Spanish on-link half default', () => {
    const es = parseRoutePrint(readCorpus('route-print', 'win11-es-sgn-tunnel-onlink-split.txt')).value;
    expect(es.routes[1]).toMatchObject({ destination: '0.0.0.0', prefixLength: 2, netmask: '192.0.0.0', gateway: null, interfaceAddress: '123.45.0.10', metric: 250 });
    expect(es.interfaces[0]).toEqual({ index: 29, description: 'SGNAutobahn Tunnel' });
  });
});

const XP_HEX = `Microsoft Windows XP [Version 5.1.2600]
(C) Copyright 1985-2001 Microsoft Corp.

C:\\Documents and Settings\\ann>route print
===========================================================================
Interface List
0x1 ........................... MS TCP Loopback interface
0x10003 ...00 0c 29 21 f9 3e ...... Intel(R) PRO/1000 MT Network Connection
0x20005 ...00 53 45 00 00 00 ...... WAN (PPP/SLIP) Interface
===========================================================================
===========================================================================
Active Routes:
Network Destination        Netmask          Gateway       Interface  Metric
          0.0.0.0          0.0.0.0     192.168.22.1   192.168.22.135     20
          0.0.0.0          0.0.0.0      10.13.1.201      10.13.1.201      1
        10.0.0.0        255.0.0.0      10.13.1.201      10.13.1.201      1
  255.255.255.255  255.255.255.255      10.13.1.201          0x20005      1
Default Gateway:       10.13.1.201
===========================================================================
Persistent Routes:
  Network Address          Netmask  Gateway Address  Metric
         10.0.0.0        255.0.0.0      10.13.1.201       1
`;

const GERMAN = `===========================================================================
Schnittstellenliste
 11...00 1c 42 2e f3 40 ......Intel(R) PRO/1000 MT-Netzwerkverbindung
  1...........................Software Loopback Interface 1
===========================================================================

IPv4-Routentabelle
===========================================================================
Aktive Routen:
     Netzwerkziel    Netzwerkmaske          Gateway    Schnittstelle Metrik
          0.0.0.0          0.0.0.0      10.211.55.1      10.211.55.3     10
      10.211.55.0    255.255.255.0   Auf Verbindung       10.211.55.3    266
===========================================================================
Ständige Routen:
  Netzwerkadresse          Netzmaske  Gatewayadresse  Metrik
          0.0.0.0          0.0.0.0      10.211.55.1  Standard

IPv6-Routentabelle
===========================================================================
Aktive Routen:
 If Metrik Netzwerkziel             Gateway
 11    266 fdb2:2c26:f4e4:0:24b4:9398:1a69:664/128
                                    Auf Verbindung
 11    266 ::/0                     fe80::21c:42ff:fe00:18
===========================================================================
Ständige Routen:
  Keine
`;

describe('parseRoutePrint on inline fixtures', () => {
  it('reads the XP layout: hex indexes, IP gateways, bare index interface, footer, persistent', () => {
    const { value, problems } = parseRoutePrint(XP_HEX, 'x.txt');
    expect(problems).toEqual([]);
    expect(value.layout).toBe('nt5');
    expect(value.defaultGateway).toBe('10.13.1.201');
    expect(value.interfaces).toEqual([
      { index: 1, description: 'MS TCP Loopback interface' },
      { index: 0x10003, mac: '00-0c-29-21-f9-3e', description: 'Intel(R) PRO/1000 MT Network Connection' },
      { index: 0x20005, mac: '00-53-45-00-00-00', description: 'WAN (PPP/SLIP) Interface' },
    ]);
    expect(value.routes).toHaveLength(4);
    expect(value.routes[1]).toEqual({
      family: 4, destination: '0.0.0.0', prefixLength: 0, netmask: '0.0.0.0', gateway: '10.13.1.201',
      interfaceAddress: '10.13.1.201', metric: 1, persistent: false, source: { file: 'x.txt', line: 15 },
    });
    expect(value.routes[2]).toMatchObject({ destination: '10.0.0.0', prefixLength: 8, persistent: true });
    expect(value.routes[3]).toMatchObject({ interfaceIndex: 0x20005 });
    expect(value.persistentRoutes).toEqual([{ destination: '10.0.0.0', prefixLength: 8, netmask: '255.0.0.0', gateway: '10.13.1.201', metric: 1 }]);
  });

  it('reads German headers, "Auf Verbindung", "Ständige Routen", a word metric and "Keine"', () => {
    const { value, problems } = parseRoutePrint(GERMAN);
    expect(problems).toEqual([]);
    expect(value.layout).toBe('nt6+');
    expect(value.routes.map((r) => [r.family, r.destination, r.prefixLength, r.gateway, r.metric, r.persistent])).toEqual([
      [4, '0.0.0.0', 0, '10.211.55.1', 10, true],
      [4, '10.211.55.0', 24, null, 266, false],
      [6, 'fdb2:2c26:f4e4:0:24b4:9398:1a69:664', 128, null, 266, false],
      [6, '::', 0, 'fe80::21c:42ff:fe00:18', 266, false],
    ]);
    expect(value.persistentRoutes).toEqual([{ destination: '0.0.0.0', prefixLength: 0, netmask: '0.0.0.0', gateway: '10.211.55.1', metric: null }]);
  });

  it('joins wrapped IPv6 rows and reports one whose gateway line is missing', () => {
    const text = [
      'IPv6 Route Table',
      '===========================================================================',
      'Active Routes:',
      ' If Metric Network Destination      Gateway',
      ' 11    291 fd63:cc9c:65eb:3f95:85e:ed3a:ebbf:d3ea/128',
      '                                    On-link',
      ' 11    291 fe80::4fae:1380:5a1b:8b6b/128',
      '  8    291 ff00::/8                 On-link',
      ' 10    291 fe80::4551:bf0d:59dd:a4f0/128',
      '                                    fe80::1',
    ].join('\r\n');
    const { value, problems } = parseRoutePrint(text);
    expect(value.routes.map((r) => [r.destination, r.prefixLength, r.gateway, r.interfaceIndex, r.source?.line])).toEqual([
      ['fd63:cc9c:65eb:3f95:85e:ed3a:ebbf:d3ea', 128, null, 11, 5],
      ['ff00::', 8, null, 8, 8],
      ['fe80::4551:bf0d:59dd:a4f0', 128, 'fe80::1', 10, 9],
    ]);
    expect(problems.map((p) => p.line)).toEqual([7]);
    expect(problems[0]!.message).toMatch(/no gateway/);
  });

  it('reads a table in a language it has no words for, by structure', () => {
    const text = [
      '===========================================================================',
      'Xyzzy plugh',
      ' 12...00 1c 42 da 01 6a ......Ethernet-ish',
      '===========================================================================',
      'IPv4 Qwerty',
      '===========================================================================',
      'Foo bar:',
      'Aa Bb Cc Dd Ee',
      '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.5     25',
      '      192.168.1.0    255.255.255.0     Zork zork    192.168.1.5    281',
      '===========================================================================',
      'Baz qux:',
      '  Aa Bb Cc Dd',
      '          0.0.0.0          0.0.0.0      192.168.1.1    Plugh',
      '',
      'IPv6 Qwerty',
      'Foo bar:',
      '  Nix',
      'Baz qux:',
      '  Nix',
    ].join('\n');
    const { value, problems } = parseRoutePrint(text);
    expect(problems).toEqual([]);
    expect(value.interfaces).toEqual([{ index: 12, mac: '00-1c-42-da-01-6a', description: 'Ethernet-ish' }]);
    expect(value.routes.map((r) => [r.destination, r.gateway, r.persistent])).toEqual([
      ['0.0.0.0', '192.168.1.1', true],
      ['192.168.1.0', null, false],
    ]);
    expect(value.persistentRoutes).toHaveLength(1);
  });

  it('reports stray text after the persistent list instead of taking it as a new section', () => {
    const text = ['IPv4 Route Table', 'Active Routes:', '          0.0.0.0          0.0.0.0      10.0.0.1     10.0.0.2     25',
      'Persistent Routes:', '  None', 'Note:', '  Sorry'].join('\n');
    expect(parseRoutePrint(text).problems.map((p) => p.line)).toEqual([6, 7]);
  });

  it.each([
    ['empty', ''],
    ['blank lines', '\n  \n\n'],
    ['binary garbage', '\u0000\u0001PK\u0003\u0004\u00ff\ufffd\n\u0010\u0011'],
    ['Linux ip route', 'default via 192.168.1.1 dev eth0 proto dhcp metric 100\n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.23 metric 100\n'],
    ['Linux route -n', 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n0.0.0.0         192.168.1.1     0.0.0.0         UG    100    0        0 eth0\n'],
    ['ipconfig', '\nWindows IP Configuration\n\nEthernet adapter Ethernet:\n\n   Default Gateway . . . . . . . . . : 192.168.1.1\n'],
  ])('says "not a Windows route print output" once for %s', (_name, text) => {
    const { value, problems } = parseRoutePrint(text, 'route-print.txt');
    expect(value.routes).toEqual([]);
    expect(value.interfaces).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ message: 'not a Windows route print output', code: 'routePrint.notRoutePrint' });
    const firstNonEmpty = text.split(/\r\n|\n|\r/).findIndex((l) => l.trim() !== '');
    expect(problems[0]!.line).toBe(firstNonEmpty < 0 ? 1 : firstNonEmpty + 1);
  });
});

function checkInvariants(text: string): void {
  const { value, problems } = parseRoutePrint(text, 'f.txt');
  const n = lineCount(text);
  for (const p of problems) {
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(n);
    expect(p.source).toBe('f.txt');
  }
  for (const r of value.routes) {
    expect(r.source!.line).toBeGreaterThanOrEqual(1);
    expect(r.source!.line).toBeLessThanOrEqual(n);
    expect(Number.isSafeInteger(r.metric) && r.metric >= 0).toBe(true);
    expect(r.prefixLength).toBeLessThanOrEqual(r.family === 4 ? 32 : 128);
  }
}

const SNIPPETS = [
  '===========================================================================',
  'Interface List', 'IPv4 Route Table', 'IPv6 Route Table', 'Active Routes:', 'Persistent Routes:', '  None',
  ' 11...00 0c 29 76 c8 d0 ......Intel', '0x10003 ...00 50 22 ba 0b ef ...... Realtek',
  '          0.0.0.0          0.0.0.0     192.168.23.1   192.168.23.154    266',
  '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    306',
  '          0.0.0.0          0.0.0.0     192.168.23.1  Default',
  ' 11    266 fe80::9595:e8d9:b190:ecac/128', '                                    On-link',
  '  0 4294967295 2001:db8::/64            fe80::1', 'Default Gateway:      192.168.22.1',
  '2017-12-15 21:45:14 | 1330 | ', 'C:\\>route print',
];

describe('parseRoutePrint properties', () => {
  it('never throws and keeps problem lines inside the text, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 400 })), (s) => checkInvariants(s)),
      { numRuns: 300 },
    );
  });

  it('never throws on shuffled route-print fragments', () => {
    const line = fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 60 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (ls, eol) => checkInvariants(ls.join(eol))),
      { numRuns: 300 },
    );
  });

  it.skipIf(!corpusAvailable)('never throws on corpus text with random line mutations', () => {
    const texts = corpusFiles('route-print').map((f) => readCorpus('route-print', f));
    const mutation = fc.record({
      kind: fc.constantFrom('delete', 'duplicate', 'truncate', 'insert', 'collapse', 'prefix'),
      at: fc.nat(),
      cut: fc.nat({ max: 120 }),
      junk: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { maxLength: 6 }), (which, muts) => {
        const lines = texts[which]!.split(/\r\n|\n|\r/);
        for (const m of muts) {
          const i = m.at % Math.max(lines.length, 1);
          const l = lines[i] ?? '';
          if (m.kind === 'delete') lines.splice(i, 1);
          else if (m.kind === 'duplicate') lines.splice(i, 0, l);
          else if (m.kind === 'truncate') lines[i] = l.slice(0, m.cut);
          else if (m.kind === 'insert') lines.splice(i, 0, m.junk);
          else if (m.kind === 'collapse') lines[i] = l.replace(/\s+/g, ' ');
          else lines[i] = `2020-01-01 00:00:00 | ab12 | ${l}`;
        }
        checkInvariants(lines.join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});
