import { problemAt, type Problem } from '../model/problems';
import type { ProblemCode, ProblemParams } from '../i18n/problem-text';
import type { PersistentRoute } from '../model/snapshot';
import { RouteRows } from './route-rows';
import type { RoutePrintInterface, RoutePrintResult } from './types';

/**
 * The state the route print scanner (route-print.ts) carries from line to line, shared with the
 * row readers (route-print-rows.ts) and the interface list (route-print-iflist.ts); and the
 * bookkeeping for files that hold several runs of route print (one output is kept).
 */

export type Section = 'none' | 'iflist' | 'table' | 'active' | 'persistent';

export interface PendingV6 {
  line: number;
  ifIndex: number;
  metric: number;
  destination: string;
  prefixLength: number;
  persistent: boolean;
}

export interface State {
  source: string;
  /** the whole text being read (the route table's column rows point into it) */
  text: string;
  section: Section;
  activeSeenInTable: boolean;
  /** rows since the last header or label: "None" and column headers only follow a label */
  rowsInSection: number;
  routes: RouteRows;
  persistent: PersistentRoute[];
  interfaces: RoutePrintInterface[];
  problems: Problem[];
  defaultGateway?: string;
  hexIndexes: boolean;
  decimalIndexes: boolean;
  onLink: boolean;
  sawTableHeader: boolean;
  sawLabel: boolean;
  pendingV6: PendingV6 | null;
  /** the last interface row, while a console wrap may still continue its description */
  lastIface: { iface: RoutePrintInterface; width: number } | null;
  /** "None" was printed under the current Persistent Routes label: any row after it is not a route */
  persistentNone: boolean;
  /** a prompt running route print again, while it may still start a second output */
  promptLine: number | null;
  /** earlier complete outputs in the same file */
  earlier: Output[];
  /**
   * the last netmask, gateway and interface address the one-pass row reader read: their numbers and
   * RouteRows ids; and that row's text from its destination's end to its end (`tail`, '' before the
   * first row), where in the row it starts, and the prefix length, gateway kind and metric read from it
   */
  recentColumns: {
    maskId: number;
    maskValue: number;
    gatewayId: number;
    gatewayValue: number;
    ifaceId: number;
    ifaceValue: number;
    tail: string;
    tailAt: number;
    tailPrefixLength: number;
    tailGatewayIsAddress: boolean;
    tailMetric: number;
    /** rows taken by the tail since it was read, and a sticky regex of it once it has been taken often */
    tailTaken: number;
    tailPattern: RegExp | null;
    /** regexes made for this table (bounded: a table whose tails change every few hundred rows must not compile one per run) */
    tailPatternsMade: number;
  };
}

/** What one run of route print yields; a file with several runs keeps one. */
interface Output {
  routes: RouteRows;
  persistent: PersistentRoute[];
  interfaces: RoutePrintInterface[];
  defaultGateway?: string;
  hexIndexes: boolean;
  decimalIndexes: boolean;
  onLink: boolean;
}

/** NaN: equal to no address (an int32 from quadEnd may be -1: 255.255.255.255) */
const noRecentColumns = (): State['recentColumns'] => ({
  maskId: -1,
  maskValue: NaN,
  gatewayId: -1,
  gatewayValue: NaN,
  ifaceId: -1,
  ifaceValue: NaN,
  tail: '',
  tailAt: 0,
  tailPrefixLength: 0,
  tailGatewayIsAddress: false,
  tailMetric: 0,
  tailTaken: 0,
  tailPattern: null,
  tailPatternsMade: 0,
});

export function initialState(source: string, text = ''): State {
  return {
    source,
    text,
    section: 'none',
    activeSeenInTable: false,
    rowsInSection: 0,
    routes: new RouteRows(source, text),
    persistent: [],
    interfaces: [],
    problems: [],
    hexIndexes: false,
    decimalIndexes: false,
    onLink: false,
    sawTableHeader: false,
    sawLabel: false,
    pendingV6: null,
    lastIface: null,
    persistentNone: false,
    promptLine: null,
    earlier: [],
    recentColumns: noRecentColumns(),
  };
}

export function problem(st: State, line: number, code: ProblemCode, params?: ProblemParams): void {
  st.problems.push(problemAt(st.source, line, code, params));
}

/** A line quoted in a problem: control characters shown as `?`, at most 80 characters. */
export function excerpt(t: string): string {
  const s = t.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

const outputOf = (st: State): Output => ({
  routes: st.routes,
  persistent: st.persistent,
  interfaces: st.interfaces,
  ...(st.defaultGateway ? { defaultGateway: st.defaultGateway } : {}),
  hexIndexes: st.hexIndexes,
  decimalIndexes: st.decimalIndexes,
  onLink: st.onLink,
});

/** A second output starts at line `n` (or at the prompt before it): put the first one aside. */
export function startAnotherOutput(st: State, n: number): void {
  if (st.routes.length === 0 && st.persistent.length === 0 && st.interfaces.length === 0) {
    st.promptLine = null;
    return;
  }
  problem(st, st.promptLine ?? n, 'routePrint.anotherOutput');
  st.earlier.push(outputOf(st));
  // a new table: the recent column ids belong to the old one
  st.recentColumns = noRecentColumns();
  Object.assign(st, { routes: new RouteRows(st.source, st.text), persistent: [], interfaces: [], hexIndexes: false, decimalIndexes: false, onLink: false, section: 'none', rowsInSection: 0, persistentNone: false, activeSeenInTable: false });
  delete st.defaultGateway;
  st.promptLine = null;
}

export function keepFullerOutput(st: State): void {
  if (st.earlier.length === 0) return;
  const size = (o: Output) => o.routes.length + o.persistent.length + o.interfaces.length;
  const best = [...st.earlier, outputOf(st)].reduce((a, b) => (size(b) >= size(a) ? b : a));
  Object.assign(st, { routes: best.routes, persistent: best.persistent, interfaces: best.interfaces, hexIndexes: best.hexIndexes, decimalIndexes: best.decimalIndexes, onLink: best.onLink });
  if (best.defaultGateway) st.defaultGateway = best.defaultGateway;
  else delete st.defaultGateway;
}

export function layoutOf(st: State): RoutePrintResult['layout'] {
  // XP numbers interfaces in hex and never prints "On-link" or an IPv6 table in route print.
  if (st.hexIndexes && !st.decimalIndexes) return 'nt5';
  if (st.decimalIndexes || st.onLink || st.routes.some((r) => r.family === 6)) return 'nt6+';
  if (st.defaultGateway) return 'nt5';
  return 'unknown';
}
