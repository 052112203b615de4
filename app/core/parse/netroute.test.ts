import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText } from '../../../test/support/repo-files';
import { decodeCaptureBytes } from '../capture/decode';
import { parseNetRoute, type NetRouteEntry } from './netroute';

const REAL = 'test/fixtures/real/powershell';
const read = (file: string) => readRepoText(`${REAL}/${file}`);
/** one route as a line: family destination/prefix nextHop|on-link #ifIndex alias metric[+ifMetric] store @line */
const row = (r: NetRouteEntry) =>
  `${r.family} ${r.destination}/${r.prefixLength} ${r.nextHop ?? 'on-link'} #${r.ifIndex ?? '?'}${r.alias ? ` ${r.alias}` : ''} ${r.routeMetric}${r.interfaceMetric !== undefined ? `+${r.interfaceMetric}` : ''}${r.store ? ` ${r.store}` : ''} @${r.line}`;

/** Real outputs (test/fixtures/real/SOURCES.md) → what the parser reads, row by row. */
const REAL_JSON: Record<string, { format: 'json'; rows: string[]; problems: string[] }> = {
  // Windows PowerShell 5.1 (two blanks after each colon), Select-Object of Get-NetRoute, AddressFamily 2/23 as numbers
  'get-netroute-select-json-ps51-numeric-family-ethernet-loopback.json': {
    format: 'json',
    rows: [
      '4 255.255.255.255/32 on-link #13 Ethernet 256 @3',
      '4 255.255.255.255/32 on-link #1 Loopback Pseudo-Interface 1 256 @12',
      '4 224.0.0.0/4 on-link #13 Ethernet 256 @21',
      '4 224.0.0.0/4 on-link #1 Loopback Pseudo-Interface 1 256 @30',
      '4 192.168.64.255/32 on-link #13 Ethernet 256 @39',
      '4 192.168.64.3/32 on-link #13 Ethernet 256 @48',
      '4 192.168.64.0/24 on-link #13 Ethernet 256 @57',
      '4 127.255.255.255/32 on-link #1 Loopback Pseudo-Interface 1 256 @66',
      '4 127.0.0.1/32 on-link #1 Loopback Pseudo-Interface 1 256 @75',
      '4 127.0.0.0/8 on-link #1 Loopback Pseudo-Interface 1 256 @84',
      '4 0.0.0.0/0 192.168.64.1 #13 Ethernet 0 @93',
      '6 ff00::/8 on-link #13 Ethernet 256 @102',
      '6 ff00::/8 on-link #1 Loopback Pseudo-Interface 1 256 @111',
      '6 fe80::9b29:7b8f:bc2:f9bf/128 on-link #13 Ethernet 256 @120',
      '6 fe80::/64 on-link #13 Ethernet 256 @129',
      '6 fd28:df6a:5fc8:2cb:d33a:a509:e9d8:681a/128 on-link #13 Ethernet 256 @138',
      '6 fd28:df6a:5fc8:2cb:cd60:a4f0:52ca:3c3/128 on-link #13 Ethernet 256 @147',
      '6 fd28:df6a:5fc8:2cb::/64 on-link #13 Ethernet 256 @156',
      '6 ::1/128 on-link #1 Loopback Pseudo-Interface 1 256 @165',
    ],
    problems: [],
  },
  // a collector's report object holding Get-NetRoute rows under "default_routes" (its Get-NetAdapter rows beside them are no routes)
  'get-netroute-default-routes-nested-in-report-sing-tun.json': {
    format: 'json',
    rows: ['4 0.0.0.0/0 172.18.0.2 #10 happ-tun 0 @12', '4 0.0.0.0/0 192.168.0.1 #2 Ethernet 0 @19'],
    problems: [],
  },
};

describe('parseNetRoute on real ConvertTo-Json outputs (test/fixtures/real/powershell)', () => {
  it.each(Object.keys(REAL_JSON))('%s', (file) => {
    const want = REAL_JSON[file]!;
    const { value, problems } = parseNetRoute(read(file), `powershell/${file}`);
    expect(value.recognised).toBe(true);
    expect(value.format).toBe(want.format);
    expect(value.routes.map(row)).toEqual(want.rows);
    expect(problems.map((p) => p.code)).toEqual(want.problems);
  });

  it('get-netroute-select-ft-alias-last-column-wintun.txt: a Select-Object table in its own columns (no ifMetric, the alias last)', () => {
    const r = parseNetRoute(read('get-netroute-select-ft-alias-last-column-wintun.txt'), 'x');
    expect([r.value.recognised, r.value.format]).toEqual([true, 'table']);
    expect(r.value.routes.map(row)).toEqual([
      '4 255.255.255.255/32 on-link #70 HypoMux-VNIC-E2E 256 @2',
      '4 224.0.0.0/4 on-link #70 HypoMux-VNIC-E2E 256 @3',
      '4 10.66.1.255/32 on-link #70 HypoMux-VNIC-E2E 256 @4',
      '4 10.66.1.1/32 on-link #70 HypoMux-VNIC-E2E 256 @5',
      '4 10.66.1.0/24 on-link #70 HypoMux-VNIC-E2E 256 @6',
    ]);
    expect(r.problems).toEqual([]);
  });

  it('get-netroute-format-list-default-route-without-routemetric.txt: a Format-List of chosen properties, Store by name, no RouteMetric', () => {
    const r = parseNetRoute(read('get-netroute-format-list-default-route-without-routemetric.txt'), 'x');
    expect([r.value.recognised, r.value.format, r.value.routes]).toEqual([true, 'list', []]);
    // without RouteMetric the route cannot be weighed: said, not guessed
    expect(r.problems.map((p) => [p.code, p.line, p.params])).toEqual([['psNetwork.missing', 1, { row: 1, field: 'RouteMetric' }]]);
  });

  it('the routes of a Get-VpnConnection profile (its Routes property) are no route table', () => {
    const route = { DestinationPrefix: '10.13.1.0/24', NextHop: '0.0.0.0', RouteMetric: 1, ifIndex: 23 };
    const profile = { Name: 'Corp VPN', ServerAddress: 'vpn.example.com', SplitTunneling: true, Routes: [route] };
    expect(parseNetRoute(JSON.stringify(profile), 'x').value.recognised).toBe(false);
    expect(parseNetRoute(JSON.stringify([profile, { ...profile, Name: 'Other' }]), 'x').value.recognised).toBe(false);
    // cut to CIM paths by the depth limit inside a profile: not Get-NetRoute output either
    expect(parseNetRoute(JSON.stringify([{ ...profile, Routes: ['MSFT_NetRoute (InstanceID = ";C?8;@B8??:8:9??55;?55:8:8:8:55;")'] }]), 'x').value.recognised).toBe(false);
    // a report object holding route rows is read (the sing-tun fixture above)
    expect(parseNetRoute(JSON.stringify({ routes: [route] }), 'x').value.routes).toHaveLength(1);
  });

  it('is not Get-NetIPInterface or Get-VpnConnection output', () => {
    expect(parseNetRoute(read('get-netipinterface-table-win10-ethernet-wifi-loopback.txt'), 'x').value).toEqual({ recognised: false, routes: [] });
    expect(parseNetRoute(read('get-vpnconnection-tab-indented-sstp-notes.txt'), 'x')).toEqual({ value: { recognised: false, routes: [] }, problems: [] });
  });
});

describe('the shapes ConvertTo-Json gives the same rows', () => {
  const real = read('get-netroute-select-json-ps51-numeric-family-ethernet-loopback.json');
  const rows = (text: string) => parseNetRoute(text, 'powershell/netroute.json').value.routes.map((r) => row({ ...r, line: 0 }));
  const reference = rows(real);

  it("PowerShell 7's layout (one blank after the colon, two-space indent) and a minified file", () => {
    expect(rows(JSON.stringify(JSON.parse(real), null, 2))).toEqual(reference);
    expect(rows(JSON.stringify(JSON.parse(real)))).toEqual(reference);
  });

  it("Windows PowerShell's `>`: UTF-16LE with a byte order mark, decoded as the capture reader does", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(real.replace(/\n/g, '\r\n'), 'utf16le')]);
    const decoded = decodeCaptureBytes(bytes).text;
    expect(rows(decoded)).toEqual(reference);
    // a BOM left in the text (a file decoded by something else) is no JSON error
    expect(rows(`\uFEFF${real}`)).toEqual(reference);
  });

  it('the same rows as Format-List (blocks of "Name : value", a blank line between them)', () => {
    const list = (JSON.parse(real) as Record<string, unknown>[]).map((o) => Object.entries(o).map(([k, v]) => `${k.padEnd(17)} : ${String(v)}`).join('\r\n')).join('\r\n\r\n');
    const r = parseNetRoute(list, 'x');
    expect(r.value.format).toBe('list');
    expect(r.value.routes.map((x) => row({ ...x, line: 0 }))).toEqual(reference);
  });

  it('one route alone is written as an object, not an array', () => {
    const one = JSON.stringify((JSON.parse(real) as unknown[])[10], null, 4);
    expect(rows(one)).toEqual([reference[10]]);
  });

  it('enums as names (-EnumsAsStrings) and the PersistentStore copy of a route', () => {
    const named = (JSON.parse(real) as Record<string, unknown>[]).map((o) => ({ ...o, AddressFamily: o.AddressFamily === 2 ? 'IPv4' : 'IPv6', Store: 'ActiveStore' }));
    expect(rows(JSON.stringify(named))).toEqual(reference.map((r) => `${r.replace(/ @0$/, '')} active @0`));
    const stored = parseNetRoute(JSON.stringify([{ DestinationPrefix: '10.0.0.0/8', NextHop: '192.168.64.1', ifIndex: 13, RouteMetric: 1, Store: 0, AddressFamily: 2 }]), 'x');
    expect(stored.value.routes.map(row)).toEqual(['4 10.0.0.0/8 192.168.64.1 #13 1 persistent @1']);
  });

  it('a property Select-Object left out is read from CimInstanceProperties, as a list or as the one string the depth limit makes', () => {
    const list = { CimClass: 'root/StandardCimv2:MSFT_NetRoute', CimInstanceProperties: ['Caption', 'DestinationPrefix = "0.0.0.0/0"', 'InterfaceIndex = 23', 'NextHop = "0.0.0.0"', 'RouteMetric = 1', 'AddressFamily = 2', 'Store = 1'] };
    expect(parseNetRoute(JSON.stringify([list]), 'x').value.routes.map(row)).toEqual(['4 0.0.0.0/0 on-link #23 1 active @0']);
    const joined = { ...list, CimInstanceProperties: list.CimInstanceProperties.join(' ') };
    expect(parseNetRoute(JSON.stringify([joined]), 'x').value.routes.map(row)).toEqual(['4 0.0.0.0/0 on-link #23 1 active @0']);
    // a value the depth limit cut with "..." is no value
    const cut = { ...list, CimInstanceProperties: ['DestinationPrefix = "0.0.0.0/0"', 'InterfaceIndex = 23', 'NextHop = "0.0.0...', 'RouteMetric = 1'] };
    expect(parseNetRoute(JSON.stringify([cut]), 'x').value.routes.map(row)).toEqual(['4 0.0.0.0/0 on-link #23 1 @0']);
  });

  it('rows cut to their CIM path by the depth limit, a row without RouteMetric and damaged JSON are problems', () => {
    // the path form of a route as a depth-cut ConvertTo-Json writes it (PSWriteHTML's example data, search index file id 2503974016)
    const cut = JSON.stringify({ routes: ['MSFT_NetRoute (InstanceID = ";C?8;@B8??:8:9??55;?55:8:8:8:55;")'] });
    const r = parseNetRoute(cut, 'powershell/routes.json');
    expect(r.value).toEqual({ recognised: true, format: 'json', routes: [] });
    expect(r.problems.map((p) => [p.code, p.params])).toEqual([['psNetwork.depthCut', { count: 1, cmdlet: 'Get-NetRoute' }]]);
    const noMetric = parseNetRoute('[\n  {\n    "DestinationPrefix": "0.0.0.0/0",\n    "NextHop": "10.0.0.1"\n  }\n]', 'x');
    expect(noMetric.problems.map((p) => [p.code, p.line])).toEqual([['psNetwork.missing', 3]]);
    const damaged = parseNetRoute(real.slice(0, 500), 'x');
    expect(damaged.value.recognised).toBe(false);
    expect(damaged.problems.map((p) => p.code)).toEqual(['psNetwork.notJson']);
  });
});

/** The shared corpus's Get-NetRoute table views (header-less pastes too): rows with their ifMetric column. */
const CORPUS_TABLES: Record<string, string[] | null> = {
  'get-dnsclientglobalsetting-list.txt': null,
  'get-netroute-anyconnect-overlapping-wsl-route-headerless.txt': [
    '4 172.31.79.255/32 on-link #26 256+5000 active @1',
    '4 172.31.64.1/32 on-link #26 256+5000 active @2',
    '4 172.31.64.0/20 10.17.104.1 #56 1+1 active @3',
    '4 172.31.64.0/20 on-link #26 256+5000 active @4',
  ],
  'get-netroute-anyconnect-three-defaults-headerless.txt': ['4 0.0.0.0/0 10.17.104.1 #56 1+6000 active @1', '4 0.0.0.0/0 10.2.9.254 #17 0+50 active @2', '4 0.0.0.0/0 10.2.9.254 #13 0+25 active @3'],
  'get-netroute-wsl2-routes-table-header.txt': null,
  'get-vpnconnection-alluser-l2tp-split-msdocs.txt': null,
  'get-vpnconnection-list-user-msdocs.txt': null,
};

describe.skipIf(!corpusAvailable)('parseNetRoute on the corpus table views (../shared/corpus/powershell)', () => {
  it('has a row for every corpus file', () => expect(corpusFiles('powershell')).toEqual(Object.keys(CORPUS_TABLES).sort()));
  it.each(Object.keys(CORPUS_TABLES).filter((f) => f !== 'get-netroute-wsl2-routes-table-header.txt'))('%s', (file) => {
    const want = CORPUS_TABLES[file];
    const r = parseNetRoute(readCorpus('powershell', file), `powershell/${file}`);
    expect(r.value.recognised).toBe(want !== null);
    if (want) expect(r.value.routes.map(row)).toEqual(want);
    expect(r.problems).toEqual([]);
  });
  it('get-netroute-wsl2-routes-table-header.txt: header, dashed underline and rows', () => {
    const r = parseNetRoute(readCorpus('powershell', 'get-netroute-wsl2-routes-table-header.txt'), 'x');
    expect(r.value.format).toBe('table');
    expect(r.value.routes.length).toBeGreaterThan(0);
    expect(r.value.routes.every((x) => x.ifIndex !== undefined && x.interfaceMetric !== undefined && x.line > 2)).toBe(true);
    expect(r.problems).toEqual([]);
  });
});
