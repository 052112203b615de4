import type { NetInterface, PersistentRoute, Route } from '../model/snapshot';
import { formatIpv4, inSubnet, maskOfPrefixLength, parseIpv4 } from './ipv4';
import { parseRouteArgv, type RouteArgs, type RouteVerb } from './route-exe-args';
import { formatRoutePrint, type PrintRouteRow } from './route-print-format';
import { addsInterfaceMetric, DEFAULT_CELL, loopbackInterfaceMetric, routeExeMessages, type FailureReason, type RouteExeMessages, type WindowsCell } from './windows-cell';
import { LOOPBACK_INTERFACE, ON_LINK_ROUTE_METRIC, type Entry, type ExecResult, type PersistentEntry, type RouteTableOptions, type RouteTableState, type SimInterface, type SimPersistentRoute, type SimRoute } from './route-table-types';

export { LOOPBACK_INTERFACE, ON_LINK_ROUTE_METRIC };
export type { ExecResult, RouteTableOptions, RouteTableState, SimAddress, SimInterface, SimPersistentRoute, SimRoute } from './route-table-types';

/**
 * A model of a Windows IPv4 routing table driven through route.exe's command line, for tests,
 * the demo mode and benchmarks. Pure: no I/O. One table speaks one cell of the Windows matrix
 * (generation × display language, windows-cell.ts): its messages, its `route print` words and
 * layout, and its metric semantics. The default cell is Windows 10, English.
 *
 * Choices (each a Windows behaviour we model, or a simplification we say out loud):
 * - Vista+: printed metric = route metric + interface metric (windows-reference.md §9). XP: the
 *   metric as given (connected routes carry the interface metric as their own).
 * - XP's `route change` of a route that does not exist prints nothing and changes nothing (KB
 *   Q147232 documents this for NT 3.5–4.0; assumed unchanged in XP): only a fresh read tells.
 * - A route is identified by destination, mask, interface and next hop; the metric is not part of
 *   the key, so a second `add` of the same route fails with "The object already exists." even with
 *   another metric.
 * - A gateway equal to one of the interface's own addresses (or 0.0.0.0 with IF) means on-link.
 * - Without IF the interface is the one that owns the gateway address, else the first (in
 *   interface-list order) with a subnet containing the gateway; none → the add fails.
 * - `add` without METRIC uses route metric 1 (UNVERIFIED: real Windows picks a value we have not
 *   captured). `change` without METRIC keeps the metric.
 * - `delete`: MASK, gateway and IF each narrow the match when given; every matching route goes
 *   (a bare `route delete 0.0.0.0` drops every default, §9).
 * - `change` with a gateway no route has retargets the single route with that destination/mask
 *   (XP-style `route change 0.0.0.0 mask 0.0.0.0 <new-gw>`); with several candidates it fails.
 * - Exit codes — route.exe's quirk: failures reported by the IP helper API ("The route … failed: …")
 *   exit 0 like success, so only the text tells them apart; command-line errors ("Route: bad …",
 *   usage) and the elevation refusal exit 1. Which failures exit non-zero on real Windows is
 *   UNVERIFIED; scripts must judge the output, never the exit code (DESIGN.md, Safety rules).
 * - Row order in `print()`: destination, then mask (shorter first: 0.0.0.0/0 before 0.0.0.0/1 in
 *   the win7 def1 corpus file), then interface index (224.0.0.0 rows follow the index order in
 *   every Win10/11 corpus file, not the metric), then next hop (on-link first). The Interface List
 *   keeps state order (Windows prints binding order, loopback last).
 * - Persistent routes are a separate list, as in the registry: `-p add` writes both; `delete` and
 *   `change` touch both (route /? : "-p … Ignored for all other commands, which always affect the
 *   appropriate persistent routes"). `-f` removes what the ws2008 docs say it removes.
 * - IPv6 is not modelled and prints as two empty ("None") sections; print filters are ignored.
 */

export class RouteTable {
  private readonly interfaces: SimInterface[];
  private routes: Entry[] = [];
  private persistent: PersistentEntry[] = [];
  private readonly eol: string;
  private readonly elevated: boolean;
  readonly windows: WindowsCell;
  private readonly messages: RouteExeMessages;

  constructor(state: RouteTableState, options: RouteTableOptions = {}) {
    this.eol = options.eol ?? '\r\n';
    this.elevated = options.elevated ?? true;
    this.windows = options.windows ?? DEFAULT_CELL;
    this.messages = routeExeMessages(this.windows);
    this.interfaces = state.interfaces.map((i) => ({ ...i, addresses: i.addresses.map((a) => ({ ...a })) }));
    if (!this.interfaces.some((i) => i.index === LOOPBACK_INTERFACE.index)) {
      this.interfaces.push({ ...LOOPBACK_INTERFACE, addresses: [...LOOPBACK_INTERFACE.addresses], interfaceMetric: loopbackInterfaceMetric(this.windows.generation) });
    }
    for (const r of state.routes) {
      const entry = this.entryOf(r);
      this.routes.push(entry);
      if (r.persistent) {
        this.persistent.push({ dest: entry.dest, mask: entry.mask, gateway: entry.nextHop ?? 0, metric: r.routeMetric });
      }
    }
    for (const p of state.persistentRoutes ?? []) {
      this.persistent.push({ dest: ip(p.destination), mask: ip(p.netmask), gateway: ip(p.gateway), metric: p.metric });
    }
  }

  /**
   * A table with the routes Windows creates by itself for every address (subnet, host, subnet
   * broadcast, 224.0.0.0/4, 255.255.255.255; metric 256) plus `extraRoutes`.
   */
  static withConnectedRoutes(interfaces: SimInterface[], extraRoutes: SimRoute[] = [], options?: RouteTableOptions): RouteTable {
    const loopback = { ...LOOPBACK_INTERFACE, interfaceMetric: loopbackInterfaceMetric((options?.windows ?? DEFAULT_CELL).generation) };
    const all = interfaces.some((i) => i.index === LOOPBACK_INTERFACE.index) ? interfaces : [...interfaces, loopback];
    const routes: SimRoute[] = [...extraRoutes];
    // XP gives connected routes the interface metric itself (corpus winxp-en-jc-persistent); Vista+ 256.
    const xp = (options?.windows ?? DEFAULT_CELL).generation === 'xp';
    const onLinkMetric = (iface: SimInterface) => (xp ? iface.interfaceMetric : ON_LINK_ROUTE_METRIC);
    for (const iface of all) {
      for (const a of iface.addresses) {
        const addr = ip(a.address);
        const mask = maskOfPrefixLength(a.prefixLength);
        const network = (addr & mask) >>> 0;
        const onLink = (destination: number, netmask: number): SimRoute => ({
          destination: formatIpv4(destination),
          netmask: formatIpv4(netmask),
          gateway: 'On-link',
          interfaceIndex: iface.index,
          routeMetric: onLinkMetric(iface),
          interfaceAddress: a.address,
        });
        if (a.prefixLength < 32) routes.push(onLink(network, mask));
        routes.push(onLink(addr, 0xffffffff));
        if (a.prefixLength < 31) routes.push(onLink((network | ~mask) >>> 0, 0xffffffff));
      }
      if (iface.addresses.length > 0) {
        routes.push({ destination: '224.0.0.0', netmask: '240.0.0.0', gateway: 'On-link', interfaceIndex: iface.index, routeMetric: onLinkMetric(iface) });
        routes.push({ destination: '255.255.255.255', netmask: '255.255.255.255', gateway: 'On-link', interfaceIndex: iface.index, routeMetric: onLinkMetric(iface) });
      }
    }
    return new RouteTable({ interfaces: all, routes }, options);
  }

  /**
   * From a parsed snapshot: interfaces with an index, IPv4 routes converted back from printed
   * metrics (Vista+: routeMetric = printed − interfaceMetric; XP: as printed). An interface without
   * a known metric gets it from its on-link routes (printed − 256), else 0. Routes whose interface
   * cannot be found are returned in `dropped` rather than guessed.
   */
  static fromRoutes(
    interfaces: ReadonlyArray<Pick<NetInterface, 'index' | 'description' | 'ipv4'> & Partial<Pick<NetInterface, 'mac' | 'interfaceMetric'>>>,
    routes: readonly Route[],
    persistentRoutes: readonly PersistentRoute[] = [],
    options?: RouteTableOptions,
  ): { table: RouteTable; dropped: Route[] } {
    const ipv4Routes = routes.filter((r) => r.family === 4);
    const sims: SimInterface[] = [];
    for (const i of interfaces) {
      if (i.index === null) continue;
      sims.push({ index: i.index, description: i.description, addresses: i.ipv4.map((a) => ({ ...a })), interfaceMetric: 0, ...(i.mac ? { mac: i.mac } : {}) });
    }
    const loopbackMetric = loopbackInterfaceMetric((options?.windows ?? DEFAULT_CELL).generation);
    if (!sims.some((i) => i.index === LOOPBACK_INTERFACE.index)) sims.push({ ...LOOPBACK_INTERFACE, interfaceMetric: loopbackMetric });
    const ifaceOf = (r: Route): SimInterface | undefined =>
      r.interfaceIndex !== undefined
        ? sims.find((i) => i.index === r.interfaceIndex)
        : sims.find((i) => i.addresses.some((a) => a.address === r.interfaceAddress));
    for (const sim of sims) {
      const known = interfaces.find((i) => i.index === sim.index)?.interfaceMetric;
      const onLink = ipv4Routes.filter((r) => r.gateway === null && ifaceOf(r) === sim).map((r) => r.metric - ON_LINK_ROUTE_METRIC);
      sim.interfaceMetric = known ?? (onLink.length > 0 ? Math.max(0, Math.min(...onLink)) : sim.index === LOOPBACK_INTERFACE.index ? loopbackMetric : 0);
    }
    const kept: SimRoute[] = [];
    const dropped: Route[] = [];
    const vistaPlus = addsInterfaceMetric((options?.windows ?? DEFAULT_CELL).generation);
    for (const r of ipv4Routes) {
      const iface = ifaceOf(r);
      if (!iface) {
        dropped.push(r);
        continue;
      }
      kept.push({
        destination: r.destination,
        netmask: r.netmask ?? formatIpv4(maskOfPrefixLength(r.prefixLength)),
        gateway: r.gateway ?? 'On-link',
        interfaceIndex: iface.index,
        routeMetric: vistaPlus ? Math.max(0, r.metric - iface.interfaceMetric) : r.metric,
        ...(r.interfaceAddress ? { interfaceAddress: r.interfaceAddress } : {}),
      });
    }
    const persistent: SimPersistentRoute[] = persistentRoutes.map((p) => ({ destination: p.destination, netmask: p.netmask, gateway: p.gateway, metric: p.metric }));
    return { table: new RouteTable({ interfaces: sims, routes: kept, persistentRoutes: persistent }, options), dropped };
  }

  /** Runs one route.exe command line (argv without the program name). */
  exec(argv: readonly string[]): ExecResult {
    const parsed = parseRouteArgv(argv);
    if (!parsed.ok) return this.out(parsed.message, 1);
    const args = parsed.args;
    if (args.command === 'print') return { stdout: this.print(args.filter), exitCode: 0 };
    if (!this.elevated) return this.out(this.messages.elevation, 1);
    if (args.flush) this.flush();
    const failure = this.apply(args);
    if (failure === 'silent') return { stdout: '', exitCode: 0 };
    if (failure === null) return this.messages.ok ? this.out(this.messages.ok, 0) : { stdout: '', exitCode: 0 };
    return this.out(this.messages.failure(args.command as RouteVerb, failure), 0);
  }

  /** The metric `route print` shows for a route (the effective metric on Vista+). */
  private shownMetric(r: { routeMetric: number }, iface: SimInterface): number {
    return addsInterfaceMetric(this.windows.generation) ? r.routeMetric + iface.interfaceMetric : r.routeMetric;
  }

  /**
   * `route print [filter]` as this cell's Windows lays it out. The filter is route.exe's
   * destination pattern (`10.13.1.0`, `157.*`, `?` for one character): only matching rows print.
   */
  print(filter?: string): string {
    const match = filter ? destinationPattern(filter) : () => true;
    const rows: PrintRouteRow[] = [...this.routes].sort(compareEntries).filter((r) => match(formatIpv4(r.dest))).map((r) => {
      const iface = this.iface(r.ifIndex)!;
      const interfaceAddress = r.interfaceAddress ?? interfaceAddressFor(iface, r);
      return {
        destination: formatIpv4(r.dest),
        netmask: formatIpv4(r.mask),
        // XP never prints "On-link": a connected route names the interface's own address.
        gateway: r.nextHop === null ? (this.windows.generation === 'xp' ? interfaceAddress : 'On-link') : formatIpv4(r.nextHop),
        interfaceAddress,
        metric: this.shownMetric(r, iface),
      };
    });
    const persistent = this.persistent
      .filter((p) => match(formatIpv4(p.dest)))
      .map((p) => ({ destination: formatIpv4(p.dest), netmask: formatIpv4(p.mask), gateway: formatIpv4(p.gateway), metric: p.metric }));
    return formatRoutePrint({ interfaces: this.interfaces, routes: rows, persistent }, this.eol, this.windows);
  }

  /** The current table in constructor form (routes in print order). */
  state(): Required<RouteTableState> {
    return {
      interfaces: this.interfaces.map((i) => ({ ...i, addresses: i.addresses.map((a) => ({ ...a })) })),
      routes: [...this.routes].sort(compareEntries).map((r) => ({
        destination: formatIpv4(r.dest),
        netmask: formatIpv4(r.mask),
        gateway: r.nextHop === null ? 'On-link' : formatIpv4(r.nextHop),
        interfaceIndex: r.ifIndex,
        routeMetric: r.routeMetric,
        ...(r.interfaceAddress ? { interfaceAddress: r.interfaceAddress } : {}),
      })),
      persistentRoutes: this.persistent.map((p) => ({ destination: formatIpv4(p.dest), netmask: formatIpv4(p.mask), gateway: formatIpv4(p.gateway), metric: p.metric })),
    };
  }

  /**
   * The same machine on another Windows generation or language: the same effective metrics.
   * Vista+ → XP: a route's metric becomes its effective metric, a connected route's the interface
   * metric (XP gives connected routes the interface metric itself); XP → Vista+ the reverse.
   */
  inCell(windows: WindowsCell): RouteTable {
    const state = this.state();
    const from = addsInterfaceMetric(this.windows.generation);
    const to = addsInterfaceMetric(windows.generation);
    const ifMetric = (index: number) => state.interfaces.find((i) => i.index === index)?.interfaceMetric ?? 0;
    const routes = state.routes.map((r) => {
      if (from === to) return r;
      if (from) return { ...r, routeMetric: r.routeMetric >= ON_LINK_ROUTE_METRIC ? ifMetric(r.interfaceIndex) : r.routeMetric + ifMetric(r.interfaceIndex) };
      const isConnected = r.gateway === 'On-link';
      return { ...r, routeMetric: isConnected ? ON_LINK_ROUTE_METRIC : Math.max(0, r.routeMetric - ifMetric(r.interfaceIndex)) };
    });
    const interfaces = state.interfaces.map((i) => (i.index === LOOPBACK_INTERFACE.index ? { ...i, interfaceMetric: loopbackInterfaceMetric(windows.generation) } : i));
    return new RouteTable({ interfaces, routes, persistentRoutes: state.persistentRoutes }, { eol: this.eol, elevated: this.elevated, windows });
  }

  clone(): RouteTable {
    return new RouteTable(this.state(), { eol: this.eol, elevated: this.elevated, windows: this.windows });
  }

  private out(message: string, exitCode: number): ExecResult {
    return { stdout: message.split('\n').join(this.eol) + this.eol, exitCode };
  }

  private iface(index: number): SimInterface | undefined {
    return this.interfaces.find((i) => i.index === index);
  }

  private entryOf(r: SimRoute): Entry {
    const iface = this.iface(r.interfaceIndex);
    if (!iface) throw new Error(`route ${r.destination}/${r.netmask}: no interface ${r.interfaceIndex}`);
    const gw = r.gateway.toLowerCase() === 'on-link' ? 0 : ip(r.gateway);
    const nextHop = gw === 0 || ownsAddress(iface, gw) ? null : gw;
    return {
      dest: ip(r.destination),
      mask: ip(r.netmask),
      nextHop,
      ifIndex: iface.index,
      routeMetric: r.routeMetric,
      ...(r.interfaceAddress ? { interfaceAddress: r.interfaceAddress } : {}),
    };
  }

  /** Applies add/delete/change; returns the failure reason, null on success, 'silent' for a no-op that prints nothing. */
  private apply(a: RouteArgs): FailureReason | 'silent' | null {
    const dest = a.destination!;
    const mask = a.netmask ?? (a.command === 'delete' ? undefined : 0xffffffff);
    if (mask !== undefined && ((dest & mask) >>> 0) !== dest) return 'maskMismatch';
    const matches = (r: { dest: number; mask: number }) => r.dest === dest && (mask === undefined || r.mask === mask);
    const gatewayMatches = (r: Entry, gw: number) =>
      r.nextHop === gw || (r.nextHop === null && (gw === 0 || ownsAddress(this.iface(r.ifIndex)!, gw)));
    const scoped = (r: Entry) => matches(r) && (a.interfaceIndex === undefined || r.ifIndex === a.interfaceIndex);

    if (a.command === 'delete') {
      const gone = this.routes.filter((r) => scoped(r) && (a.gateway === undefined || gatewayMatches(r, a.gateway)));
      const goneP = this.persistent.filter((p) => matches(p) && (a.gateway === undefined || p.gateway === a.gateway));
      if (gone.length === 0 && goneP.length === 0) return 'notFound';
      this.routes = this.routes.filter((r) => !gone.includes(r));
      this.persistent = this.persistent.filter((p) => !goneP.includes(p));
      return null;
    }

    if (a.gateway === undefined) return 'parameter';
    const gw = a.gateway;
    if (a.command === 'change') {
      let hits = this.routes.filter((r) => scoped(r) && gatewayMatches(r, gw));
      if (hits.length === 0) {
        const candidates = this.routes.filter(scoped);
        const only = candidates.length === 1 ? candidates[0]! : undefined;
        if (!only || !reaches(this.iface(only.ifIndex)!, gw)) return this.windows.generation === 'xp' ? 'silent' : 'notFound';
        only.nextHop = gw === 0 || ownsAddress(this.iface(only.ifIndex)!, gw) ? null : gw;
        hits = [only];
      }
      for (const r of hits) if (a.metric !== undefined) r.routeMetric = a.metric;
      for (const p of this.persistent) if (matches(p) && p.gateway === gw && a.metric !== undefined) p.metric = a.metric;
      return null;
    }

    // add
    let iface: SimInterface | undefined;
    if (a.interfaceIndex !== undefined) {
      iface = this.iface(a.interfaceIndex);
      if (!iface) return 'parameter';
      if (gw !== 0 && !reaches(iface, gw)) return 'unreachable';
    } else {
      if (gw === 0) return 'unreachable';
      iface = this.interfaces.find((i) => ownsAddress(i, gw)) ?? this.interfaces.find((i) => reaches(i, gw));
      if (!iface) return 'unreachable';
    }
    const nextHop = gw === 0 || ownsAddress(iface, gw) ? null : gw;
    if (this.routes.some((r) => r.dest === dest && r.mask === mask && r.ifIndex === iface.index && r.nextHop === nextHop)) {
      return 'exists';
    }
    this.routes.push({ dest, mask: mask!, nextHop, ifIndex: iface.index, routeMetric: a.metric ?? 1 });
    if (a.persistent && !this.persistent.some((p) => matches(p) && p.gateway === gw)) {
      this.persistent.push({ dest, mask: mask!, gateway: gw, metric: a.metric ?? null });
    }
    return null;
  }

  /** `-f`: everything except host routes, 127.0.0.0/8 and 224.0.0.0/4 (ws2008 route docs). */
  private flush(): void {
    this.routes = this.routes.filter(
      (r) => r.mask === 0xffffffff || (r.dest === ip('127.0.0.0') && r.mask === ip('255.0.0.0')) || (r.dest === ip('224.0.0.0') && r.mask === ip('240.0.0.0')),
    );
  }
}

/** route.exe's PRINT pattern: `*` any run of characters, `?` one; otherwise the exact address. */
function destinationPattern(filter: string): (destination: string) => boolean {
  const re = new RegExp(`^${filter.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return (destination) => re.test(destination);
}

function ip(text: string): number {
  const value = parseIpv4(text);
  if (value === null) throw new Error(`not an IPv4 address: ${text}`);
  return value;
}

function ownsAddress(iface: SimInterface, address: number): boolean {
  return iface.addresses.some((a) => ip(a.address) === address);
}

/** The gateway is the interface's own address or lies in one of its subnets. */
function reaches(iface: SimInterface, gateway: number): boolean {
  return iface.addresses.some((a) => ip(a.address) === gateway || (a.prefixLength < 32 && inSubnet(gateway, ip(a.address), a.prefixLength)));
}

/** Windows shows the interface address on the same subnet as the next hop (or destination). */
function interfaceAddressFor(iface: SimInterface, r: Entry): string {
  const target = r.nextHop ?? r.dest;
  const match = iface.addresses.find((a) => inSubnet(target, ip(a.address), a.prefixLength));
  return (match ?? iface.addresses[0])?.address ?? '0.0.0.0';
}

function compareEntries(x: Entry, y: Entry): number {
  return x.dest - y.dest || x.mask - y.mask || x.ifIndex - y.ifIndex || (x.nextHop ?? -1) - (y.nextHop ?? -1);
}
