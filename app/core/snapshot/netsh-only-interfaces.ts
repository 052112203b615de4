import { classifyAdapter } from '../parse/adapter-kind';
import type { NetshInterface } from '../parse/types';
import type { NetInterface } from '../model/snapshot';

/**
 * The interfaces only netsh names: a row of `netsh interface ipv4 show interfaces` whose index no
 * route print Interface List row and whose name no ipconfig adapter holds (a capture of the netsh
 * table alone, or ipconfig without route print: the loopback, a disconnected or hidden adapter, a
 * tunnel ipconfig was not run for). Kept as an interface with its index, name and interface metric,
 * as powerShellOnlyInterfaces keeps Get-NetIPInterface's rows; before, such a row was dropped and a
 * netsh-only capture was called "not understood" though every row had been read.
 *
 * Its kind comes from the name alone (netsh prints no description): a driver or VPN product, Wi-Fi,
 * loopback (adapter-kind.ts's words), else 'other'. The State column is not read into `connected`:
 * its words may be localised (assumed), and nothing here is judged by words.
 */
export function netshOnlyInterfaces(known: readonly NetInterface[], netsh: readonly NetshInterface[]): NetInterface[] {
  const taken = new Set(known.flatMap((i) => (i.index === null ? [] : [i.index])));
  const names = new Set(known.map((i) => i.name));
  const out: NetInterface[] = [];
  for (const n of netsh) {
    if (taken.has(n.index) || names.has(n.name)) continue;
    taken.add(n.index);
    const kind = classifyAdapter('', n.name);
    out.push({
      index: n.index,
      name: n.name,
      description: '',
      kind,
      // as a route print Interface List row of the loopback: its routes use 127.0.0.1 (build-snapshot.ts)
      ipv4: kind === 'loopback' ? [{ address: '127.0.0.1', prefixLength: 8 }] : [],
      ipv6: [],
      gateways: [],
      dnsServers: [],
      interfaceMetric: n.metric,
    });
  }
  return out;
}
