import { DEFAULT_CELL, routePrintLabels, type WindowsCell } from './windows-cell';

/**
 * The Windows 10 (Vista+) `route print` layout, reproduced from the corpus
 * (../shared/corpus/route-print/win10-*, win11-en-jc-openvpn-dco-tap-idle, server2008-*,
 * win10-en-tailscale-persistent-*), in the cell's display language (windows-cell.ts), and the XP
 * layout (corpus winxp-en-jc-persistent: hex indexes, no "On-link", a "Default Gateway:" footer,
 * no IPv6 table). Rows arrive already sorted; this module only lays them out.
 */

export interface PrintInterfaceRow {
  index: number;
  /** "00-05-9a-3c-7a-00" or "00 05 9a 3c 7a 00"; 6 or 8 bytes; absent for e.g. tunnels and loopback */
  mac?: string;
  description: string;
}

export interface PrintRouteRow {
  destination: string;
  netmask: string;
  /** an address, or "On-link" */
  gateway: string;
  interfaceAddress: string;
  /** the printed (effective) metric: route metric + interface metric */
  metric: number;
}

export interface PrintPersistentRow {
  destination: string;
  netmask: string;
  gateway: string;
  /** null prints "Default" (route -p add without METRIC) */
  metric: number | null;
}

export interface RoutePrintView {
  interfaces: PrintInterfaceRow[];
  routes: PrintRouteRow[];
  persistent: PrintPersistentRow[];
}

export const RULE = '='.repeat(75);
export const ROUTE_HEADER = 'Network Destination        Netmask          Gateway       Interface  Metric';
export const PERSISTENT_HEADER = '  Network Address          Netmask  Gateway Address  Metric';

/**
 * Interface List row: `%3d...` then the MAC bytes separated by spaces, padded with dots to 24
 * characters, then the description. 6-byte MAC → "00 05 9a 3c 7a 00 ......", none → 24 dots,
 * 8-byte (ISATAP, server2008 corpus) → "00 00 00 00 00 00 00 e0 " with no dots.
 */
export function formatInterfaceRow(row: PrintInterfaceRow): string {
  const bytes = row.mac ? row.mac.trim().split(/[-: ]+/).map((b) => b.toLowerCase()) : [];
  const macField = (bytes.length > 0 ? bytes.join(' ') + ' ' : '').padEnd(24, '.');
  return `${String(row.index).padStart(3)}...${macField}${row.description}`;
}

/**
 * printf("%17s%17s%17s%17s%7d"), checked column by column against the corpus — except that
 * "On-link" sits one column left of an address gateway ("         On-link " = %16s plus a blank;
 * every Vista+ corpus file shows it, e.g. win10-en-partial-split-tunnel-10-8).
 */
export function formatRouteRow(row: PrintRouteRow, onLinkWord = 'On-link'): string {
  const gateway = row.gateway === 'On-link' ? onLinkWord.padStart(16) + ' ' : row.gateway.padStart(17);
  return (
    row.destination.padStart(17) +
    row.netmask.padStart(17) +
    gateway +
    row.interfaceAddress.padStart(17) +
    String(row.metric).padStart(7)
  );
}

/**
 * Persistent rows: three %17s columns then the metric right-aligned in 8 ("       1"). A missing
 * metric prints "  Default " (with the trailing blank, as in the CRLF-preserved win7 corpus file;
 * the server2008 file lost it to trimming).
 */
export function formatPersistentRow(row: PrintPersistentRow, defaultWord = 'Default'): string {
  const metric = row.metric === null ? `  ${defaultWord} ` : String(row.metric).padStart(8);
  return row.destination.padStart(17) + row.netmask.padStart(17) + row.gateway.padStart(17) + metric;
}

export function formatRoutePrint(view: RoutePrintView, eol = '\r\n', cell: WindowsCell = DEFAULT_CELL): string {
  const w = routePrintLabels(cell.language);
  if (cell.generation === 'xp') return formatXpRoutePrint(view, eol, w);
  const lines: string[] = [RULE, w.interfaceList, ...view.interfaces.map(formatInterfaceRow), RULE, ''];
  lines.push(w.ipv4Table, RULE, w.activeRoutes);
  if (view.routes.length === 0) {
    lines.push(w.none);
  } else {
    // a loop, not push(...rows): an argument spread overflows the stack at ~120 000 rows
    lines.push(w.routeHeader);
    for (const r of view.routes) lines.push(formatRouteRow(r, w.onLink));
  }
  lines.push(RULE, w.persistentRoutes);
  if (view.persistent.length === 0) {
    lines.push(w.none);
  } else {
    lines.push(w.persistentHeader);
    for (const p of view.persistent) lines.push(formatPersistentRow(p, w.defaultMetric));
    lines.push(RULE);
  }
  // IPv6 is not modelled: both sections print as empty, the way a machine without IPv6 shows them.
  lines.push('', w.ipv6Table, RULE, w.activeRoutes, w.none, w.persistentRoutes, w.none);
  return lines.join(eol) + eol;
}

/** XP Interface List row: "0x2 ...00 0c 29 21 f9 3e ...... Desc", "0x1 ........................... Desc". */
export function formatXpInterfaceRow(row: PrintInterfaceRow): string {
  const bytes = row.mac ? row.mac.trim().split(/[-: ]+/).map((b) => b.toLowerCase()) : [];
  const middle = bytes.length > 0 ? `...${bytes.join(' ')} ......` : '.'.repeat(27);
  return `0x${row.index.toString(16)} ${middle} ${row.description}`;
}

function formatXpRoutePrint(view: RoutePrintView, eol: string, w: ReturnType<typeof routePrintLabels>): string {
  const lines: string[] = [RULE, w.interfaceList, ...view.interfaces.map(formatXpInterfaceRow), RULE, RULE, w.activeRoutes];
  lines.push(w.routeHeader);
  for (const r of view.routes) lines.push(formatRouteRow(r));
  const gateway = view.routes.find((r) => r.destination === '0.0.0.0' && r.netmask === '0.0.0.0' && r.gateway !== r.interfaceAddress);
  // "Default Gateway:" in English on every language: assumed (no localised XP route print found).
  if (gateway) lines.push(`Default Gateway:${gateway.gateway.padStart(17)}`);
  lines.push(RULE, w.persistentRoutes);
  if (view.persistent.length === 0) lines.push(w.none);
  else lines.push(w.persistentHeader, ...view.persistent.map((p) => formatPersistentRow(p, w.defaultMetric)));
  return lines.join(eol) + eol;
}
