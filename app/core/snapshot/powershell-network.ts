import type { Capture } from '../capture/capture';
import { looksBinary } from '../capture/decode';
import { classifyAdapter } from '../parse/adapter-kind';
import { dottedQuadToNumber } from '../parse/ipv4-dotted';
import { parseNetIPInterface, type NetIPInterfaceEntry } from '../parse/netipinterface';
import { parseNetRoute, type NetRouteEntry } from '../parse/netroute';
import { ANY_LINE, undoCopyDamage } from '../parse/pasted-copy';
import type { NetshInterface } from '../parse/types';
import { problemAt, type Problem } from '../model/problems';
import type { NetInterface, PersistentRoute, Route } from '../model/snapshot';
import { formatIpv4, inSubnet, maskOfPrefixLength } from '../sim/ipv4';

/**
 * The route table and interface metrics of a capture that has them only as PowerShell output
 * (powershell/*.json: `Get-NetRoute | ConvertTo-Json`, `Get-NetIPInterface | ConvertTo-Json`, or
 * their table views): a modern collector, or a support person's `Get-NetRoute | ConvertTo-Json >
 * powershell\netroute.json`. Used only where route-print.txt / netsh-interfaces.txt were not
 * collected: the classic outputs stay authoritative, and a capture with them reads as before.
 */

export interface PowerShellFile<T> {
  name: string;
  rows: T[];
  problems: Problem[];
}

export interface PowerShellNetwork {
  routeFiles: PowerShellFile<NetRouteEntry>[];
  interfaceFiles: PowerShellFile<NetIPInterfaceEntry>[];
}

/** A file that failed to parse is reported only when its name says what it should hold. */
const NAMED_ROUTES = /route/i;
const NAMED_INTERFACES = /ipinterface|ip-interface|interfaces?\b/i;

/** Every powershell/* file holding Get-NetRoute or Get-NetIPInterface output, in capture (name) order. */
export function readPowerShellNetwork(capture: Capture): PowerShellNetwork {
  const routeFiles: PowerShellFile<NetRouteEntry>[] = [];
  const interfaceFiles: PowerShellFile<NetIPInterfaceEntry>[] = [];
  for (const f of capture.files.values()) {
    // binary files are reported once, by the VPN profile reader (ras-sections.ts)
    if (!f.name.startsWith('powershell/') || looksBinary(f.text)) continue;
    // a copy's damage (fences, quote marks, a page's <br>) undone as for Get-VpnConnection, whose
    // reader reports it for every powershell/ file (ras-sections.ts): not reported twice
    const text = undoCopyDamage(f.text, { atColumnZero: ANY_LINE }).text;
    const routes = parseNetRoute(text, f.name);
    if (routes.value.recognised) {
      routeFiles.push({ name: f.name, rows: routes.value.routes, problems: routes.problems });
      continue;
    }
    const ifs = parseNetIPInterface(text, f.name);
    if (ifs.value.recognised) interfaceFiles.push({ name: f.name, rows: ifs.value.interfaces, problems: ifs.problems });
    else if (NAMED_INTERFACES.test(f.name) && !/vpn/i.test(f.name)) interfaceFiles.push({ name: f.name, rows: [], problems: ifs.problems });
    else if (NAMED_ROUTES.test(f.name)) routeFiles.push({ name: f.name, rows: [], problems: routes.problems });
  }
  return { routeFiles, interfaceFiles };
}

/** Get-NetIPInterface's IPv4 rows as `netsh interface ipv4 show interfaces` rows (ActiveStore only). */
export function interfaceMetricsAsNetsh(files: PowerShellFile<NetIPInterfaceEntry>[]): NetshInterface[] {
  const seen = new Set<number>();
  const out: NetshInterface[] = [];
  for (const f of files) {
    for (const r of f.rows) {
      if (r.family === 6 || r.store === 'persistent' || seen.has(r.ifIndex)) continue;
      seen.add(r.ifIndex);
      out.push({ index: r.ifIndex, metric: r.interfaceMetric, mtu: r.mtu ?? 0, state: r.connected === undefined ? '' : r.connected ? 'connected' : 'disconnected', name: r.alias ?? '' });
    }
  }
  return out;
}

export interface PowerShellRoutes {
  routes: Route[];
  persistentRoutes: PersistentRoute[];
  problems: Problem[];
}

/**
 * Get-NetRoute rows → the snapshot's routes, with the metric `route print` would show: Windows adds
 * the interface's metric to the route's ("When the computer is routing, the RouteMetric property is
 * added to the InterfaceMetric property, described as a part of NetIPInterface. This total value is
 * used to decide…", learn.microsoft.com, Get-NetRoute, Description; windows-reference.md §9). The
 * interface metric is Get-NetIPInterface's for the same interface and address family, else the
 * row's own (the table's ifMetric); without either, RouteMetric alone, and a problem says so.
 * PersistentStore rows are the stored copies of routes the ActiveStore lists again: they mark those
 * routes persistent and become the persistent route list (IPv4, as `route print` shows it).
 */
export function routesFromPowerShell(files: PowerShellFile<NetRouteEntry>[], interfaces: PowerShellFile<NetIPInterfaceEntry>[]): PowerShellRoutes {
  const metricOf = new Map<string, number>();
  for (const f of interfaces) for (const r of f.rows) if (r.store !== 'persistent') for (const fam of r.family ? [r.family] : [4, 6]) if (!metricOf.has(`${fam}/${r.ifIndex}`)) metricOf.set(`${fam}/${r.ifIndex}`, r.interfaceMetric);
  const problems: Problem[] = [];
  const routes: Route[] = [];
  const persistentRoutes: PersistentRoute[] = [];
  const unknownMetric = new Set<string>();
  for (const f of files) {
    for (const p of f.problems) problems.push(p);
    const stored = new Set(f.rows.filter((r) => r.store === 'persistent').map(sameRoute));
    for (const r of f.rows) {
      if (r.store === 'persistent') {
        if (r.family === 4 && r.nextHop) persistentRoutes.push({ destination: r.destination, prefixLength: r.prefixLength, netmask: maskOf(r.prefixLength), gateway: r.nextHop, metric: r.routeMetric });
        continue;
      }
      const interfaceMetric = r.ifIndex !== undefined ? (metricOf.get(`${r.family}/${r.ifIndex}`) ?? r.interfaceMetric) : r.interfaceMetric;
      if (interfaceMetric === undefined && !unknownMetric.has(`${f.name}/${r.ifIndex ?? '?'}`)) {
        unknownMetric.add(`${f.name}/${r.ifIndex ?? '?'}`);
        problems.push(problemAt(f.name, r.line || undefined, 'psNetwork.noInterfaceMetric', { index: r.ifIndex ?? '?' }));
      }
      routes.push({
        family: r.family,
        destination: r.destination,
        prefixLength: r.prefixLength,
        ...(r.family === 4 ? { netmask: maskOf(r.prefixLength) } : {}),
        gateway: r.nextHop,
        ...(r.ifIndex !== undefined ? { interfaceIndex: r.ifIndex } : {}),
        metric: r.routeMetric + (interfaceMetric ?? 0),
        persistent: stored.has(sameRoute(r)),
        source: { file: f.name, line: r.line, text: r.text },
      });
    }
  }
  return { routes: withInterfaceAddresses(routes), persistentRoutes, problems };
}

/** A note that an interface's metric is unknown: every line was read, one value was not collected. */
export const isPowerShellNetworkNote = (problem: { code?: string }): boolean => problem.code === 'psNetwork.noInterfaceMetric';

const sameRoute = (r: NetRouteEntry) => `${r.destination}/${r.prefixLength} ${r.nextHop ?? ''} ${r.ifIndex ?? ''}`;

const maskOf = (prefixLength: number): string => formatIpv4(maskOfPrefixLength(prefixLength));

/**
 * Get-NetRoute names no interface address; `route print` does, and the rules and fix plans use it
 * (an on-link tunnel route is deleted through the tunnel's own address). Each IPv4 interface's
 * address is the on-link host route (/32) Windows adds for it (as for every address it holds),
 * inside an on-link subnet route of the same interface and neither that subnet's network nor its
 * broadcast address; an interface with no subnet route (a PPP link) has only its own /32 besides
 * broadcast and multicast ones.
 */
function withInterfaceAddresses(routes: Route[]): Route[] {
  const byIndex = new Map<number, Route[]>();
  for (const r of routes) if (r.family === 4 && r.interfaceIndex !== undefined) byIndex.set(r.interfaceIndex, [...(byIndex.get(r.interfaceIndex) ?? []), r]);
  for (const [, rs] of byIndex) {
    const address = ownAddress(rs);
    if (address) for (const r of rs) r.interfaceAddress = address;
  }
  return routes;
}

function ownAddress(rs: Route[]): string | undefined {
  // (the multicast route 224.0.0.0/4 every interface has is no subnet of its own)
  const subnets = rs.filter((r) => r.gateway === null && r.prefixLength > 0 && r.prefixLength < 31 && (dottedQuadToNumber(r.destination) ?? 0) < 0xe0000000);
  const hosts = rs.filter((r) => {
    if (r.gateway !== null || r.prefixLength !== 32) return false;
    const n = dottedQuadToNumber(r.destination);
    // not 255.255.255.255, multicast (224/4) or loopback
    return n !== null && n !== 0xffffffff && n < 0xe0000000 && n >>> 24 !== 127;
  });
  const inside = hosts.filter((h) =>
    subnets.some((s) => {
      const net = dottedQuadToNumber(s.destination)!;
      const n = dottedQuadToNumber(h.destination)!;
      return inSubnet(n, net, s.prefixLength) && n !== net && n !== net + 2 ** (32 - s.prefixLength) - 1;
    }),
  );
  if (inside.length > 0) return inside[0]!.destination;
  const broadcasts = new Set(subnets.map((s) => (dottedQuadToNumber(s.destination)! + 2 ** (32 - s.prefixLength) - 1) >>> 0));
  const rest = hosts.filter((h) => !broadcasts.has(dottedQuadToNumber(h.destination)!));
  return subnets.length === 0 && rest.length === 1 ? rest[0]!.destination : undefined;
}

/**
 * The interfaces only PowerShell names (no ipconfig adapter, no route print Interface List row):
 * one per interface index of Get-NetIPInterface's rows and of the routes, named by its alias. Its
 * kind comes from that alias (a driver or VPN product in the name, Wi-Fi, loopback), else from the
 * shape of its routes: an on-link default route is a tunnel's (a broadcast LAN always names its
 * router — route-model.ts's reading of an interface it cannot name). A VPN profile's name as the
 * alias is decided by the caller, once the profiles are read (markVpnAliases).
 */
export function powerShellOnlyInterfaces(known: readonly NetInterface[], interfaces: PowerShellFile<NetIPInterfaceEntry>[], routes: readonly Route[], aliases: ReadonlyMap<number, string>): NetInterface[] {
  const taken = new Set(known.flatMap((i) => (i.index === null ? [] : [i.index])));
  const rows = new Map<number, NetIPInterfaceEntry>();
  for (const f of interfaces) for (const r of f.rows) if (r.family !== 6 && r.store !== 'persistent' && !rows.has(r.ifIndex)) rows.set(r.ifIndex, r);
  const indexes = [...new Set([...rows.keys(), ...routes.flatMap((r) => (r.interfaceIndex === undefined ? [] : [r.interfaceIndex]))])];
  const out: NetInterface[] = [];
  for (const index of indexes) {
    if (taken.has(index)) continue;
    const row = rows.get(index);
    const alias = row?.alias ?? aliases.get(index);
    const own = routes.filter((r) => r.interfaceIndex === index && r.family === 4);
    const address = own.find((r) => r.interfaceAddress)?.interfaceAddress;
    // its subnet: the longest on-link route of the interface that holds the address (none on a PPP link)
    const subnet = address ? own.filter((r) => r.gateway === null && r.prefixLength > 0 && r.prefixLength < 32 && contains(r, address)).map((r) => r.prefixLength).sort((a, b) => b - a)[0] : undefined;
    const named = classifyAdapter('', alias ?? '');
    const onLinkDefault = own.some((r) => r.prefixLength === 0 && r.gateway === null);
    out.push({
      index,
      name: alias ?? `ifIndex ${index}`,
      description: '',
      kind: named !== 'other' ? named : onLinkDefault ? 'vpn' : 'other',
      ...(row?.connected !== undefined ? { connected: row.connected } : {}),
      ipv4: address ? [{ address, prefixLength: subnet ?? 32 }] : [],
      ipv6: [],
      gateways: [...new Set(own.filter((r) => r.prefixLength === 0 && r.gateway !== null).map((r) => r.gateway!))],
      dnsServers: [],
      ...(row ? { interfaceMetric: row.interfaceMetric } : {}),
    });
  }
  return out;
}

const contains = (r: Route, address: string): boolean => inSubnet(dottedQuadToNumber(address)!, dottedQuadToNumber(r.destination)!, r.prefixLength);

/** The aliases Get-NetRoute rows name, by interface index. */
export function routeAliases(files: PowerShellFile<NetRouteEntry>[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of files) for (const r of f.rows) if (r.ifIndex !== undefined && r.alias && !out.has(r.ifIndex)) out.set(r.ifIndex, r.alias);
  return out;
}

/**
 * A RAS VPN connection's interface takes the connection's name as its alias (assumed: as `route
 * print` lists it by that name, adapter-kind.ts): an interface only PowerShell named whose alias is
 * a VPN profile's name is that VPN.
 */
export function markVpnAliases(interfaces: NetInterface[], added: ReadonlySet<NetInterface>, profileNames: readonly string[]): void {
  const names = new Set(profileNames.map((n) => n.toLowerCase()));
  for (const i of interfaces) if (added.has(i) && names.has(i.name.toLowerCase()) && i.kind !== 'ppp') i.kind = 'vpn';
}
