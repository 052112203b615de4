import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRoutePrint, type PrintRouteRow } from '../app/core/sim/route-print-format';

/**
 * A synthetic capture shaped like the demo machine (Wi-Fi + PPP VPN stealing the default route)
 * with `routes` extra host/network routes, as a big split-include VPN profile pushes them.
 */
export function generateCapture(dir: string, routes: number, demoDir: string): void {
  mkdirSync(dir, { recursive: true });
  const rows: PrintRouteRow[] = [
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '161.44.17.1', interfaceAddress: '161.44.17.23', metric: 50 },
    { destination: '0.0.0.0', netmask: '0.0.0.0', gateway: 'On-link', interfaceAddress: '192.168.1.1', metric: 26 },
    { destination: '161.44.17.0', netmask: '255.255.255.0', gateway: 'On-link', interfaceAddress: '161.44.17.23', metric: 306 },
  ];
  for (let i = 0; rows.length < routes; i++) {
    const a = 10 + ((i >> 16) & 0x3f);
    rows.push({ destination: `${a}.${(i >> 8) & 0xff}.${i & 0xff}.0`, netmask: '255.255.255.0', gateway: 'On-link', interfaceAddress: '192.168.1.1', metric: 26 });
  }
  const text = formatRoutePrint({
    interfaces: [
      { index: 23, description: 'Corp VPN' },
      { index: 12, mac: 'f8-e4-e3-5b-20-7c', description: 'Intel(R) Wi-Fi 6 AX201 160MHz' },
      { index: 1, description: 'Software Loopback Interface 1' },
    ],
    routes: rows,
    persistent: [],
  });
  writeFileSync(join(dir, 'route-print.txt'), text);
  // LMHOSTS scales with the table: 20 000 routes come with 5 000 LMHOSTS lines (DESIGN.md benchmarks)
  const hosts = Array.from({ length: Math.round(routes / 4) }, (_, i) => `10.${(i >> 8) & 0xff}.${i & 0xff}.10    HOST${String(i).padStart(5, '0')}    #PRE`);
  writeFileSync(join(dir, 'lmhosts'), ['# generated', ...hosts, ''].join('\r\n'));
  for (const f of ['ipconfig-all.txt', 'netsh-interfaces.txt', 'ver.txt', 'capture.json']) writeFileSync(join(dir, f), readFileSync(join(demoDir, f)));
}
