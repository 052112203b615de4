import ipaddr from 'ipaddr.js';
import { isTunnelKind } from '../parse/adapter-kind';
import { dottedQuadToNumber } from '../parse/ipv4-dotted';
import type { NetInterface, Route, Snapshot } from '../model/snapshot';
import { RouteRows } from '../parse/route-rows';
import { routeRowsOf } from '../parse/lazy-routes';

/** A stand-in address for "the Internet" when asking which route wins; nothing is contacted. */
export const INTERNET_PROBE = '8.8.8.8';

export function routeContains(route: Route, target: string): boolean {
  try {
    const addr = ipaddr.parse(target);
    const dest = ipaddr.parse(route.destination);
    if (addr.kind() !== dest.kind()) return false;
    return addr.match(dest, route.prefixLength);
  } catch {
    return false;
  }
}

/** The interface that carries a route: by its interface address (IPv4 tables) or index (IPv6, XP). */
export function interfaceOf(route: Route, snapshot: Pick<Snapshot, 'interfaces'>): NetInterface | undefined {
  if (route.interfaceAddress) {
    const byAddress = snapshot.interfaces.find((i) => i.ipv4.some((a) => a.address === route.interfaceAddress));
    if (byAddress) return byAddress;
  }
  if (route.interfaceIndex !== undefined) return snapshot.interfaces.find((i) => i.index === route.interfaceIndex);
  return undefined;
}

/**
 * interfaceOf for many routes of one snapshot: the interfaces indexed once by address and index
 * (first match wins, as with interfaceOf), so a rule asking about 200 000 routes does not search
 * the interface list for each.
 */
export function interfaceLookup(snapshot: Pick<Snapshot, 'interfaces'>): (route: Route) => NetInterface | undefined {
  const byAddress = new Map<string, NetInterface>();
  const byIndex = new Map<number, NetInterface>();
  for (const i of snapshot.interfaces) {
    for (const a of i.ipv4) if (!byAddress.has(a.address)) byAddress.set(a.address, i);
    if (i.index !== null && !Number.isNaN(i.index) && !byIndex.has(i.index)) byIndex.set(i.index, i);
  }
  // a table's routes leave through a handful of addresses, row after row: the last answer is kept
  let lastAddress: string | undefined;
  let lastFound: NetInterface | undefined;
  return (route) => {
    const address = route.interfaceAddress;
    if (address) {
      if (address !== lastAddress) {
        lastAddress = address;
        lastFound = byAddress.get(address);
      }
      if (lastFound) return lastFound;
    }
    return route.interfaceIndex !== undefined ? byIndex.get(route.interfaceIndex) : undefined;
  };
}

/**
 * A route goes through the tunnel when its interface is a PPP/VPN adapter. Without ipconfig, two
 * point-to-point signatures remain for default routes: a gateway equal to the route's own
 * interface address (RAS/PPP on every Windows generation), and an on-link default route (a broadcast LAN always names its
 * router; only a tunnel can carry "everything" without a next hop).
 */
export function isTunnelRoute(route: Route, snapshot: Pick<Snapshot, 'interfaces'>): boolean {
  return tunnelVia(route, interfaceOf(route, snapshot));
}

/** isTunnelRoute for many routes of one snapshot (the interface lookups built once, same answers). */
export function tunnelRouteTest(snapshot: Pick<Snapshot, 'interfaces'>): (route: Route) => boolean {
  const lookup = interfaceLookup(snapshot);
  return (route) => tunnelVia(route, lookup(route));
}

function tunnelVia(route: Route, iface: NetInterface | undefined): boolean {
  if (iface) return isTunnelKind(iface.kind);
  // Only default routes: on NT4–XP every connected subnet also names its own address as gateway.
  if (route.family !== 4 || route.prefixLength > 1) return false;
  return route.gateway === null || route.gateway === route.interfaceAddress;
}

export const isDefaultRoute = (r: Route) => r.family === 4 && r.prefixLength === 0;
/** OpenVPN `redirect-gateway def1` halves (0/1 + 128/1) act as a default route. */
export const isDefaultHalf = (r: Route) => r.family === 4 && r.prefixLength === 1 && (r.destination === '0.0.0.0' || r.destination === '128.0.0.0');

export interface Selection {
  winner: Route | null;
  /** routes with the same prefix length and metric as the winner (Windows then picks unpredictably) */
  ties: Route[];
  /** every route that matches the target, best first */
  candidates: readonly Route[];
}

/**
 * Longest prefix wins; among equal prefixes the lowest metric (Vista+ prints route + interface metric).
 * `routes`: an array, or a snapshot's table (routeRowsOf) — asked without making its rows.
 */
export function effectiveRoute(routes: readonly Route[] | RouteRows, target: string): Selection {
  const family = target.includes(':') ? 6 : 4;
  const address = family === 4 ? dottedQuadToNumber(target) : null;
  const table = routes instanceof RouteRows ? routes : routeRowsOf(routes);
  const index = address !== null ? v4Index(table) : null;
  const candidates = index ? index.candidates(address!) : linearCandidates(table, target, family);
  const winner = candidates[0] ?? null;
  const ties = winner ? candidates.filter((r) => r !== winner && r.prefixLength === winner.prefixLength && r.metric === winner.metric) : [];
  return { winner, ties, candidates };
}

const byPrefixThenMetric = (a: Route, b: Route) => b.prefixLength - a.prefixLength || a.metric - b.metric;

function linearCandidates(routes: RouteRows, target: string, family: 4 | 6): Route[] {
  return routes.filter((r) => r.family === family && routeContains(r, target)).sort(byPrefixThenMetric);
}

/**
 * The IPv4 routes by prefix length, then by network number: "which route wins" for an address is
 * one lookup per prefix length present (at most 33), not a parse of every destination per
 * question — a 20 000-route table asked about 64 corporate networks stays as fast as asked about
 * none. Built once per route array; the answers are the linear scan's, in the same order (a test
 * compares both on every sample and corpus table). Read from the table's columns: the parser's
 * numbers, no destination parsed again, no route made but the candidates.
 */
interface V4Index {
  candidates(address: number): readonly Route[];
}

/** per table: a table over an array is replaced when the array changes (routeRowsOf) */
const v4Indexes = new WeakMap<RouteRows, V4Index | null>();

function v4Index(routes: RouteRows): V4Index | null {
  const known = v4Indexes.get(routes);
  if (known !== undefined) return known;
  const index = buildV4Index(routes);
  v4Indexes.set(routes, index);
  return index;
}

const maskOf = (prefixLength: number) => (prefixLength === 0 ? 0 : (0xffffffff << (32 - prefixLength)) >>> 0);

/** A route's position rides below its network number in one float: network × 2^21 + position (< 2^53). */
const POSITION = 2 ** 21;

/**
 * null when a destination is not four-part decimal (ipaddr.js reads forms the index does not): then
 * the linear scan answers. Per prefix length, one sorted array of network × 2^21 + position: built
 * with two passes and a numeric sort (no map or array per network, which made building the index
 * the largest part of a 20 000-route diagnosis), asked by binary search.
 */
function buildV4Index(routes: RouteRows): V4Index | null {
  if (routes.length >= POSITION) return null;
  const networks = new Float64Array(routes.length);
  const lengthOf = new Int8Array(routes.length).fill(-1);
  const perLength = new Int32Array(34);
  for (let i = 0; i < routes.length; i++) {
    if (routes.familyAt(i) !== 4) continue;
    const dest = routes.destinationNumberAt(i);
    const prefixLength = routes.prefixLengthAt(i);
    if (dest === null || !Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > 32) return null;
    networks[i] = (dest & maskOf(prefixLength)) >>> 0;
    lengthOf[i] = prefixLength;
    perLength[prefixLength + 1]!++;
  }
  // counting sort by prefix length: length L occupies keys[start[L] .. start[L + 1])
  const start = new Int32Array(34);
  for (let len = 1; len < 34; len++) start[len] = start[len - 1]! + perLength[len]!;
  const keys = new Float64Array(start[33]!);
  const fill = start.slice();
  for (let i = 0; i < routes.length; i++) {
    const len = lengthOf[i]!;
    if (len >= 0) keys[fill[len]!++] = networks[i]! * POSITION + i;
  }
  const lengths: number[] = [];
  for (let len = 32; len >= 0; len--) {
    if (start[len + 1]! > start[len]!) {
      sortKeys(keys, start[len]!, start[len + 1]!);
      lengths.push(len);
    }
  }
  // the rules ask about the same few addresses (each corporate network is asked by four of them):
  // each is answered once per table, and the answer shared, frozen — so no caller can change another's
  const answered = new Map<number, readonly Route[]>();
  return {
    candidates(address) {
      const known = answered.get(address);
      if (known) return known;
      const out: Route[] = [];
      for (const len of lengths) {
        const network = (address & maskOf(len)) >>> 0;
        const low = network * POSITION;
        // first key ≥ low in this length's slice
        let lo = start[len]!;
        let hi = start[len + 1]!;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (keys[mid]! < low) lo = mid + 1;
          else hi = mid;
        }
        // table order among equals (positions ascend), then stably by metric inside one prefix length:
        // an insertion sort in place (a bucket holds a few routes; Array.prototype.sort copies them
        // into a work array of its own, most of what a 64-network diagnosis allocated here)
        const first = out.length;
        for (let k = lo; k < start[len + 1]! && keys[k]! < low + POSITION; k++) {
          const route = routes.at(keys[k]! - low);
          let at = out.length;
          while (at > first && out[at - 1]!.metric > route.metric) {
            out[at] = out[at - 1]!;
            at--;
          }
          out[at] = route;
        }
      }
      Object.freeze(out);
      if (answered.size < MAX_ANSWERS) answered.set(address, out);
      return out;
    },
  };
}

/** Addresses whose candidates an index keeps (a diagnosis asks about a few dozen; the IPC contract allows 64 corporate networks). */
const MAX_ANSWERS = 1024;

/** Up to this many ascending runs are merged; more are sorted. */
const MAX_RUNS = 4;

/**
 * Sorts keys[from..to). route print lists a table by destination, so a prefix length's keys are in
 * order already, or in a few ascending runs (routes added after the table was listed): one look at
 * them, and a merge of the runs, instead of a sort, which was half of this index's cost at 20 000
 * routes.
 */
function sortKeys(keys: Float64Array, from: number, to: number): void {
  const runStarts: number[] = [];
  for (let k = from + 1; k < to; k++) {
    if (keys[k - 1]! <= keys[k]!) continue;
    if (runStarts.length === MAX_RUNS - 1) {
      keys.subarray(from, to).sort();
      return;
    }
    runStarts.push(k);
  }
  // each run merged into the ascending part before it
  for (let r = 0; r < runStarts.length; r++) mergeRuns(keys, from, runStarts[r]!, runStarts[r + 1] ?? to);
}

/** keys[from..mid) and keys[mid..to) each ascending: makes keys[from..to) ascending. */
function mergeRuns(keys: Float64Array, from: number, mid: number, to: number): void {
  const left = keys.slice(from, mid);
  let i = 0;
  let j = mid;
  let k = from;
  while (i < left.length && j < to) keys[k++] = left[i]! <= keys[j]! ? left[i++]! : keys[j++]!;
  while (i < left.length) keys[k++] = left[i++]!;
}

/** The network address of a CIDR, for "which route wins" questions about a whole network. */
export function parseCidr(cidr: string): CidrNetwork | null {
  let known = parsedCidrs.get(cidr);
  if (known === undefined) {
    known = parseCidrOnce(cidr);
    // a policy or a form names a handful of networks; the bound only keeps a stream of odd input from growing it
    if (parsedCidrs.size >= 1024) parsedCidrs.clear();
    parsedCidrs.set(cidr, known);
  }
  return known;
}

export interface CidrNetwork {
  readonly address: string;
  readonly prefixLength: number;
  readonly netmask: string;
  /** the first usable address (firstHost) */
  readonly firstHost: string;
}

/**
 * Each CIDR text is read once: the rules and the split-tunnel plan ask about every corporate network
 * several times, and ipaddr.js parsed it anew each time. Four-part decimal addresses (what a policy
 * holds) are read as numbers; any other form ipaddr.js accepts (octal, hex, fewer parts) goes to it,
 * so the answers stay ipaddr.js's.
 */
const parsedCidrs = new Map<string, CidrNetwork | null>();

function parseCidrOnce(cidr: string): CidrNetwork | null {
  const slash = cidr.lastIndexOf('/');
  const address = slash > 0 ? dottedQuadToNumber(cidr.slice(0, slash)) : null;
  const prefixText = cidr.slice(slash + 1);
  if (address !== null && /^\d+$/.test(prefixText)) {
    // ipaddr.js: parseInt of the digits, 0–32 or an error
    const prefixLength = parseInt(prefixText, 10);
    if (prefixLength > 32) return null;
    const network = (address & maskOf(prefixLength)) >>> 0;
    return Object.freeze({
      address: numberToDottedQuad(network),
      prefixLength,
      netmask: numberToDottedQuad(maskOf(prefixLength)),
      firstHost: numberToDottedQuad(prefixLength >= 31 ? network : network + 1),
    });
  }
  try {
    const [, prefix] = ipaddr.IPv4.parseCIDR(cidr);
    const network = ipaddr.IPv4.networkAddressFromCIDR(cidr).toString();
    let firstHost = network;
    if (prefix < 31) {
      const bytes = ipaddr.IPv4.parse(network).toByteArray();
      bytes[3] = (bytes[3] ?? 0) + 1;
      firstHost = ipaddr.fromByteArray(bytes).toString();
    }
    return Object.freeze({ address: network, prefixLength: prefix, netmask: ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString(), firstHost });
  } catch {
    return null;
  }
}

const numberToDottedQuad = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** A host inside a network to ask about (the first usable address). */
export function firstHost(cidr: string): string | null {
  return parseCidr(cidr)?.firstHost ?? null;
}

export function routeLabel(r: Route): string {
  return `${r.destination}/${r.prefixLength} via ${r.gateway ?? 'On-link'}${r.interfaceAddress ? ` (interface ${r.interfaceAddress})` : ''} metric ${r.metric}`;
}
