import type { WindowsCell } from './windows-cell';

/**
 * The shapes RouteTable (route-table.ts) is built from and answers with: interfaces, routes as
 * route.exe takes them (dotted quads), and the entries the table keeps (numbers). Split from the
 * table so the model's behaviour reads on its own.
 */

export interface SimAddress {
  address: string;
  prefixLength: number;
}

export interface SimInterface {
  index: number;
  mac?: string;
  description: string;
  addresses: SimAddress[];
  interfaceMetric: number;
}

export interface SimRoute {
  destination: string;
  netmask: string;
  /** an address; "On-link", "0.0.0.0" or the interface's own address mean on-link */
  gateway: string;
  interfaceIndex: number;
  routeMetric: number;
  /** persistent routes also appear in "Persistent Routes:" with routeMetric */
  persistent?: boolean;
  /** the "Interface" column when it must be pinned (e.g. from a capture); otherwise derived */
  interfaceAddress?: string;
}

export interface SimPersistentRoute {
  destination: string;
  netmask: string;
  gateway: string;
  /** null prints "Default" */
  metric: number | null;
}

export interface RouteTableState {
  interfaces: SimInterface[];
  routes: SimRoute[];
  persistentRoutes?: SimPersistentRoute[];
}

export interface RouteTableOptions {
  /** line ending of every output; route.exe writes CRLF */
  eol?: string;
  /** false: add/delete/change print the elevation message (§12) */
  elevated?: boolean;
  /** which Windows this table is: messages, `route print` words, metric semantics */
  windows?: WindowsCell;
}

export interface ExecResult {
  stdout: string;
  exitCode: number;
}

export const LOOPBACK_INTERFACE: SimInterface = {
  index: 1,
  description: 'Software Loopback Interface 1',
  addresses: [{ address: '127.0.0.1', prefixLength: 8 }],
  // 331 = 256 + 75 on Windows 10/11 (win11 corpus); Server 2008 showed 306 (= 256 + 50).
  interfaceMetric: 75,
};

/** Windows' own on-link metric for connected, host, broadcast and multicast routes. */
export const ON_LINK_ROUTE_METRIC = 256;

/** a route as the table keeps it: addresses as numbers, on-link as a null next hop */
export interface Entry {
  dest: number;
  mask: number;
  nextHop: number | null;
  ifIndex: number;
  routeMetric: number;
  interfaceAddress?: string;
}

export interface PersistentEntry {
  dest: number;
  mask: number;
  gateway: number;
  metric: number | null;
}
