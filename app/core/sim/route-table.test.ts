import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../../test/corpus';
import { rollbackActions, routeArgv, type RouteAction } from '../remedy/actions';
import type { Route } from '../model/snapshot';
import { RouteTable, type SimInterface, type SimRoute } from './route-table';

const WIFI: SimInterface = {
  index: 6,
  mac: 'cc-15-31-1e-58-07',
  description: 'Intel(R) Wi-Fi 6 AX201 160MHz',
  addresses: [{ address: '192.168.1.23', prefixLength: 24 }],
  interfaceMetric: 25,
};
const VPN: SimInterface = {
  index: 19,
  description: 'Corp VPN',
  addresses: [{ address: '10.13.1.200', prefixLength: 32 }],
  interfaceMetric: 1,
};
const DEFAULTS: SimRoute[] = [
  { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 6, routeMetric: 0 },
  { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 19, routeMetric: 1 },
];

const machine = () => RouteTable.withConnectedRoutes([WIFI, VPN], DEFAULTS, { eol: '\n' });
const ok = { stdout: ' OK!\n', exitCode: 0 };

/** Written by hand in the shape of the Win10 corpus files (widths counted, not generated). */
const EXPECTED_PRINT = `===========================================================================
Interface List
  6...cc 15 31 1e 58 07 ......Intel(R) Wi-Fi 6 AX201 160MHz
 19...........................Corp VPN
  1...........................Software Loopback Interface 1
===========================================================================

IPv4 Route Table
===========================================================================
Active Routes:
Network Destination        Netmask          Gateway       Interface  Metric
          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.23     25
          0.0.0.0          0.0.0.0         On-link       10.13.1.200      2
      10.13.1.200  255.255.255.255         On-link       10.13.1.200    257
        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331
        127.0.0.1  255.255.255.255         On-link         127.0.0.1    331
  127.255.255.255  255.255.255.255         On-link         127.0.0.1    331
      192.168.1.0    255.255.255.0         On-link      192.168.1.23    281
     192.168.1.23  255.255.255.255         On-link      192.168.1.23    281
    192.168.1.255  255.255.255.255         On-link      192.168.1.23    281
        224.0.0.0        240.0.0.0         On-link         127.0.0.1    331
        224.0.0.0        240.0.0.0         On-link      192.168.1.23    281
        224.0.0.0        240.0.0.0         On-link       10.13.1.200    257
  255.255.255.255  255.255.255.255         On-link         127.0.0.1    331
  255.255.255.255  255.255.255.255         On-link      192.168.1.23    281
  255.255.255.255  255.255.255.255         On-link       10.13.1.200    257
===========================================================================
Persistent Routes:
  None

IPv6 Route Table
===========================================================================
Active Routes:
  None
Persistent Routes:
  None
`;

describe('RouteTable print', () => {
  it('reproduces the Windows 10 route print layout', () => {
    expect(machine().print()).toBe(EXPECTED_PRINT);
  });

  it('writes CRLF by default, like route.exe', () => {
    const t = RouteTable.withConnectedRoutes([WIFI, VPN], DEFAULTS);
    expect(t.print()).toBe(EXPECTED_PRINT.replace(/\n/g, '\r\n'));
    expect(t.exec(['PRINT']).stdout).toBe(t.print());
  });

  it('prints persistent routes with the route metric, "Default" when none was given', () => {
    const t = machine();
    expect(t.exec(['-p', 'add', '10.0.1.0', 'mask', '255.255.255.0', '192.168.1.1', 'metric', '1'])).toEqual(ok);
    expect(t.exec(['/P', 'ADD', '10.0.0.0', 'MASK', '255.0.0.0', '192.168.1.1'])).toEqual(ok);
    expect(t.print()).toContain(
      [
        'Persistent Routes:',
        '  Network Address          Netmask  Gateway Address  Metric',
        '         10.0.1.0    255.255.255.0      192.168.1.1       1',
        '         10.0.0.0        255.0.0.0      192.168.1.1  Default ',
        '===========================================================================',
        '',
        'IPv6 Route Table',
      ].join('\n'),
    );
  });

  it.skipIf(!corpusAvailable)('matches the win11 corpus IPv4 table built from the same machine', () => {
    const corpus = readCorpus('route-print', 'win11-en-jc-openvpn-dco-tap-idle.txt').replace(/\r\n/g, '\n');
    const lan = (index: number, description: string, mac: string | undefined, address: string, interfaceMetric: number): SimInterface => ({
      index, description, interfaceMetric, addresses: address ? [{ address, prefixLength: 24 }] : [], ...(mac ? { mac } : {}),
    });
    const t = RouteTable.withConnectedRoutes(
      [
        lan(17, 'Intel(R) I211 Gigabit Network Connection', '24-4b-fe-5b-9b-e6', '', 5),
        lan(20, 'Realtek PCIe 2.5GbE Family Controller', '24-4b-fe-5b-9b-e7', '', 5),
        lan(3, 'OpenVPN Data Channel Offload', undefined, '', 5),
        lan(7, 'TAP-NordVPN Windows Adapter V9', '00-ff-4c-ff-b8-68', '', 5),
        lan(13, 'Microsoft Wi-Fi Direct Virtual Adapter', 'a8-7e-ea-36-46-61', '', 5),
        lan(22, 'Microsoft Wi-Fi Direct Virtual Adapter #2', 'aa-7e-ea-36-46-60', '', 5),
        lan(8, 'VMware Virtual Ethernet Adapter for VMnet1', '00-50-56-c0-00-01', '192.168.181.1', 35),
        lan(10, 'VMware Virtual Ethernet Adapter for VMnet8', '00-50-56-c0-00-08', '192.168.213.1', 35),
        lan(11, 'Intel(R) Wi-Fi 6 AX200 160MHz', 'a8-7e-ea-36-46-60', '192.168.1.169', 35),
        lan(4, 'Bluetooth Device (Personal Area Network)', 'a8-7e-ea-36-46-64', '', 5),
      ],
      [{ destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '192.168.1.1', interfaceIndex: 11, routeMetric: 0 }],
      { eol: '\n' },
    );
    const ipv4 = (text: string) => text.slice(0, text.indexOf('IPv6 Route Table'));
    expect(ipv4(t.print())).toBe(ipv4(corpus));
  });

  it.skipIf(!corpusAvailable)('fromRoutes rebuilds the win10 two-defaults corpus file byte for byte', () => {
    const corpus = readCorpus('route-print', 'win10-en-anyconnect-two-defaults.txt').replace(/\r\n/g, '\n');
    const iface = (index: number, mac: string, description: string) => ({ index, mac, description, ipv4: [] });
    const route = (gateway: string, interfaceAddress: string, metric: number): Route => ({
      family: 4, destination: '0.0.0.0', prefixLength: 0, netmask: '0.0.0.0', gateway, interfaceAddress, metric, persistent: false,
    });
    const { table, dropped } = RouteTable.fromRoutes(
      [
        iface(19, '00-05-9a-3c-7a-00', 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64'),
        iface(37, '00-15-5d-0e-76-41', 'Hyper-V Virtual Ethernet Adapter'),
        iface(21, 'cc-15-31-1e-58-08', 'Microsoft Wi-Fi Direct Virtual Adapter'),
        iface(9, 'ce-15-31-1e-58-07', 'Microsoft Wi-Fi Direct Virtual Adapter #2'),
        { ...iface(6, 'cc-15-31-1e-58-07', 'Intel(R) Wi-Fi 6 AX201 160MHz'), ipv4: [{ address: '192.168.100.74', prefixLength: 24 }], interfaceMetric: 50 },
        iface(17, 'cc-15-31-1e-58-0b', 'Bluetooth Device (Personal Area Network)'),
        { index: 1, description: 'Software Loopback Interface 1', ipv4: [{ address: '127.0.0.1', prefixLength: 8 }] },
      ],
      [route('192.168.100.1', '192.168.100.74', 50), { ...route('10.21.38.1', '10.21.38.97', 2), interfaceIndex: 19 }],
      [],
      { eol: '\n' },
    );
    expect(dropped).toEqual([]);
    expect(table.print()).toBe(corpus + '\n');
    // printed 50 on an interface of metric 50 → route metric 0
    expect(table.state().routes.map((r) => r.routeMetric)).toEqual([0, 2]);
  });
});

describe('RouteTable exec: add, delete, change', () => {
  it('adds with mask, metric and IF (decimal or hex), keywords in any case', () => {
    const t = machine();
    expect(t.exec(['add', '10.13.1.0', 'mask', '255.255.255.0', '10.13.1.200', 'metric', '1', 'if', '0x13'])).toEqual(ok);
    expect(t.print()).toContain('        10.13.1.0    255.255.255.0         On-link       10.13.1.200      2\n');
    expect(t.exec(['ADD', '172.16.0.0', 'MASK', '255.240.0.0', '192.168.1.254', 'METRIC', '5'])).toEqual(ok);
    expect(t.print()).toContain('       172.16.0.0      255.240.0.0    192.168.1.254     192.168.1.23     30\n');
  });

  it('uses 255.255.255.255 when the mask is omitted and picks the interface from the gateway', () => {
    const t = machine();
    expect(t.exec(['add', '8.8.8.8', '192.168.1.1', 'metric', '3'])).toEqual(ok);
    expect(t.state().routes).toContainEqual({ destination: '8.8.8.8', netmask: '255.255.255.255', gateway: '192.168.1.1', interfaceIndex: 6, routeMetric: 3 });
  });

  it('deletes by destination, narrowed by mask, gateway and IF', () => {
    const t = machine();
    expect(t.exec(['delete', '0.0.0.0', 'mask', '0.0.0.0', '10.13.1.200', 'IF', '19'])).toEqual(ok);
    expect(t.state().routes.filter((r) => r.destination === '0.0.0.0')).toHaveLength(1);
    const u = machine();
    expect(u.exec(['delete', '0.0.0.0'])).toEqual(ok); // no gateway: every default goes (§9)
    expect(u.state().routes.filter((r) => r.destination === '0.0.0.0')).toHaveLength(0);
  });

  it('changes the metric of the route named by destination, mask and gateway', () => {
    const t = machine();
    expect(t.exec(['change', '0.0.0.0', 'mask', '0.0.0.0', '192.168.1.1', 'metric', '1'])).toEqual(ok);
    expect(t.print()).toContain('          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.23     26\n');
  });

  it('retargets the only route with that destination when the gateway is new (XP-style change)', () => {
    const t = machine();
    t.exec(['add', '172.16.0.0', 'mask', '255.240.0.0', '192.168.1.254', 'metric', '5']);
    expect(t.exec(['change', '172.16.0.0', 'mask', '255.240.0.0', '192.168.1.253'])).toEqual(ok);
    expect(t.print()).toContain('       172.16.0.0      255.240.0.0    192.168.1.253     192.168.1.23     30\n');
  });
});

describe('RouteTable exec: failures', () => {
  const failsWith = (argv: string[], stdout: string, exitCode: number) => {
    const t = machine();
    const before = t.print();
    expect(t.exec(argv)).toEqual({ stdout: stdout + '\n', exitCode });
    expect(t.print()).toBe(before);
  };

  it('API failures print the reason and exit 0 (route.exe quirk)', () => {
    failsWith(['add', '0.0.0.0', 'mask', '0.0.0.0', '192.168.1.1', 'metric', '9'], 'The route addition failed: The object already exists.', 0);
    failsWith(['delete', '10.9.9.0', 'mask', '255.255.255.0'], 'The route deletion failed: Element not found.', 0);
    failsWith(['delete', '0.0.0.0', 'mask', '0.0.0.0', '192.168.1.2'], 'The route deletion failed: Element not found.', 0);
    failsWith(['change', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'metric', '2'], 'The route change failed: Element not found.', 0);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'if', '42'], 'The route addition failed: The parameter is incorrect.', 0);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0'], 'The route addition failed: The parameter is incorrect.', 0);
    failsWith(
      ['add', '10.9.9.0', 'mask', '255.255.255.0', '172.20.0.1'],
      'The route addition failed: Either the interface index is wrong or the gateway does not lie on the same network as the interface. Check the IP Address Table for the machine.',
      0,
    );
    failsWith(
      ['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'IF', '19'],
      'The route addition failed: Either the interface index is wrong or the gateway does not lie on the same network as the interface. Check the IP Address Table for the machine.',
      0,
    );
    failsWith(
      ['add', '10.9.9.1', 'mask', '255.255.255.0', '192.168.1.1'],
      'The route addition failed: The specified mask parameter is invalid. (Destination & Mask) != Destination.',
      0,
    );
  });

  it('command-line errors print "Route: bad …" and exit 1', () => {
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.300'], 'Route: bad gateway address 192.168.1.300', 1);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'bogus'], 'Route: bad argument bogus', 1);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'metric', '0'], 'Route: bad argument 0', 1);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'metric', '10000'], 'Route: bad argument 10000', 1);
    failsWith(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1', 'if', 'eth0'], 'Route: bad argument eth0', 1);
    failsWith(['add', '10.9.9.0', 'mask', '255.0.255.0', '192.168.1.1'], 'Route: bad mask 255.0.255.0', 1);
    failsWith(['add', '10.9.9.0', 'mask'], 'Route: bad argument mask', 1);
    failsWith(['add', 'corp.example', '192.168.1.1'], 'Route: bad destination address corp.example', 1);
  });

  it('prints the usage for a missing or unknown command', () => {
    const t = machine();
    for (const argv of [[], ['frobnicate'], ['add']]) {
      const r = t.exec(argv);
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('ROUTE [-f] [-p] [-4|-6] command [destination]');
    }
  });

  it('refuses changes without elevation', () => {
    const t = RouteTable.withConnectedRoutes([WIFI], [], { eol: '\n', elevated: false });
    expect(t.exec(['add', '10.9.9.0', 'mask', '255.255.255.0', '192.168.1.1'])).toEqual({ stdout: 'The requested operation requires elevation.\n', exitCode: 1 });
    expect(t.exec(['print']).exitCode).toBe(0);
  });
});

describe('RouteTable + rollbackActions', () => {
  const step = fc.record({
    op: fc.constantFrom('add', 'delete', 'change'),
    pick: fc.nat(),
    dest: fc.integer({ min: 0, max: 0xffffffff }),
    prefix: fc.integer({ min: 0, max: 32 }),
    gateway: fc.constantFrom('192.168.1.1', '192.168.1.77', '192.168.1.23', '10.13.1.200', '172.20.0.1'),
    metric: fc.integer({ min: 1, max: 9999 }),
    withIf: fc.boolean(),
  });

  it('any valid action sequence followed by its rollback restores print() byte for byte', () => {
    let appliedTotal = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const t = machine();
        const original = t.print();
        const applied: RouteAction[] = [];
        for (const s of steps) {
          const action = toAction(t, s);
          if (!action) continue;
          const before = t.state().routes.length;
          const result = t.exec(routeArgv(action));
          if (result.stdout !== ' OK!\n') continue; // not a valid action in this state: not part of the fix
          const expectedDelta = action.kind === 'route.add' ? 1 : action.kind === 'route.delete' ? -1 : 0;
          expect(t.state().routes.length - before).toBe(expectedDelta);
          applied.push(action);
        }
        appliedTotal += applied.length;
        for (const inverse of rollbackActions(applied)) {
          expect(t.exec(routeArgv(inverse as RouteAction))).toEqual(ok);
        }
        expect(t.print()).toBe(original);
      }),
      { numRuns: 300 },
    );
    // guard against a generator that only ever produces rejected actions
    expect(appliedTotal).toBeGreaterThan(600);
  });
});

type Step = { op: string; pick: number; dest: number; prefix: number; gateway: string; metric: number; withIf: boolean };

/** A route action that is valid for the current table (or undefined when none fits the draw). */
function toAction(t: RouteTable, s: Step): RouteAction | undefined {
  const state = t.state();
  if (s.op === 'add') {
    const mask = s.prefix === 0 ? 0 : (0xffffffff << (32 - s.prefix)) >>> 0;
    const dest = (s.dest & mask) >>> 0;
    const quad = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    const ifIndex = s.gateway.startsWith('10.13.') ? 19 : 6;
    return { kind: 'route.add', destination: quad(dest), netmask: quad(mask), gateway: s.gateway, metric: s.metric, ...(s.withIf ? { interfaceIndex: ifIndex } : {}) };
  }
  // delete/change: only routes whose metric route.exe can write back (1–9999)
  const candidates = state.routes.filter((r) => r.routeMetric >= 1 && r.routeMetric <= 9999);
  const route = candidates[s.pick % Math.max(1, candidates.length)];
  if (!route) return undefined;
  const iface = state.interfaces.find((i) => i.index === route.interfaceIndex)!;
  const gateway = route.gateway === 'On-link' ? iface.addresses[0]!.address : route.gateway;
  const scope = s.withIf ? { interfaceIndex: route.interfaceIndex } : {};
  const common = { destination: route.destination, netmask: route.netmask, gateway, previousMetric: route.routeMetric, ...scope };
  return s.op === 'delete' ? { kind: 'route.delete', ...common } : { kind: 'route.change', ...common, metric: s.metric };
}
