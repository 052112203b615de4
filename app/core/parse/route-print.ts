import type { ParseResult, Problem } from '../model/problems';
import type { PersistentRoute, Route } from '../model/snapshot';
import type { RoutePrintInterface, RoutePrintResult } from './types';
import {
  cleanLine,
  columnWordCount,
  isNoiseOrPrompt,
  isNoneWord,
  isOnLinkWord,
  isRoutePrompt,
  isSeparator,
  isV4,
  isV6,
  isWordy,
  matchFooter,
  matchHeader,
  matchIfaceRow,
  v4PrefixLength,
  v6Netmask,
  v6Prefix,
} from './route-print-lines';
import { isElisionLine } from './paste-damage';

/**
 * Parser for `route print`, `netstat -rn` and `netstat -ar` output of every Windows generation
 * (NT4/2000/XP/2003 and Vista..11), in any display language, including copies damaged by pasting.
 * Every non-empty line is either understood or reported as a Problem with its line number.
 *
 * Pasted damage handled by class (examples in test/fixtures/real): elision lines (`.`, `:`, `[...]`)
 * are reported and change nothing; rows after "Persistent Routes: None" (any language) are reported,
 * not added; rows without any header are read by their shape (5 columns: active route); a second
 * output after a `route print` prompt or a second Interface List is reported and the fuller output
 * kept (on a tie the later one); XP's bare interface number in a row (`10004`) is hexadecimal.
 */

export const NOT_ROUTE_PRINT = 'not a Windows route print output';

type Section = 'none' | 'iflist' | 'table' | 'active' | 'persistent';

interface PendingV6 {
  line: number;
  ifIndex: number;
  metric: number;
  destination: string;
  prefixLength: number;
  persistent: boolean;
}

interface State {
  source: string;
  section: Section;
  activeSeenInTable: boolean;
  /** rows since the last header or label: "None" and column headers only follow a label */
  rowsInSection: number;
  routes: Route[];
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
  /** a blank line after every line: blanks then do not end a wrapped description */
  doubleSpaced: boolean;
  /** a prompt running route print again, while it may still start a second output */
  promptLine: number | null;
  /** earlier complete outputs in the same file */
  earlier: Output[];
}

/** What one run of route print yields; a file with several runs keeps one. */
interface Output {
  routes: Route[];
  persistent: PersistentRoute[];
  interfaces: RoutePrintInterface[];
  defaultGateway?: string;
  hexIndexes: boolean;
  decimalIndexes: boolean;
  onLink: boolean;
}

export function parseRoutePrint(text: string, source = 'route-print.txt'): ParseResult<RoutePrintResult> {
  const raw = typeof text === 'string' ? text.split(/\r\n|\n|\r/) : [''];
  const lines = raw.map((l, i) => cleanLine(l, i === 0));
  const st: State = {
    source,
    section: 'none',
    activeSeenInTable: false,
    rowsInSection: 0,
    routes: [],
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
    doubleSpaced: isDoubleSpaced(lines),
    promptLine: null,
    earlier: [],
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.trim();
    if (t === '') {
      if (!st.doubleSpaced) st.lastIface = null;
      continue;
    }
    if (st.pendingV6) {
      if (isElisionLine(t)) {
        problem(st, i + 1, `elision line skipped: ${excerpt(t)}`);
        continue;
      }
      if (completeV6(st, t)) continue;
      if (!isStructural(t)) {
        // a note typed between a wrapped IPv6 row and its gateway line: reported, the row still completes
        problem(st, i + 1, `unrecognised line: ${excerpt(t)}`);
        continue;
      }
      flushPendingV6(st, 'IPv6 route row has no gateway (the gateway line is missing)');
    }
    classify(st, line, t, i + 1, () => nextNonEmpty(lines, i));
  }
  if (st.pendingV6) flushPendingV6(st, 'IPv6 route row has no gateway (the text ends here)');
  keepFullerOutput(st);

  const recognised =
    st.routes.length > 0 || st.interfaces.length > 0 || st.persistent.length > 0 || (st.sawTableHeader && st.sawLabel);
  if (!recognised) {
    const first = lines.findIndex((l) => l.trim() !== '');
    return {
      value: { layout: 'unknown', interfaces: [], routes: [], persistentRoutes: [] },
      problems: [{ source, line: first < 0 ? 1 : first + 1, message: NOT_ROUTE_PRINT }],
    };
  }

  markPersistent(st.routes, st.persistent);
  const value: RoutePrintResult = {
    layout: layoutOf(st),
    interfaces: st.interfaces,
    routes: st.routes,
    persistentRoutes: st.persistent,
  };
  if (st.defaultGateway) value.defaultGateway = st.defaultGateway;
  return { value, problems: st.problems };
}

function nextNonEmpty(lines: string[], i: number): string {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.trim();
    if (t !== '') return t;
  }
  return '';
}

function isDoubleSpaced(lines: string[]): boolean {
  const nonBlank = lines.filter((l) => l.trim() !== '').length;
  const followed = lines.filter((l, i) => l.trim() !== '' && (lines[i + 1] ?? '').trim() === '').length;
  return nonBlank >= 4 && followed >= nonBlank * 0.8;
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
function startAnotherOutput(st: State, n: number): void {
  if (st.routes.length === 0 && st.persistent.length === 0 && st.interfaces.length === 0) {
    st.promptLine = null;
    return;
  }
  problem(st, st.promptLine ?? n, 'another route print output starts here; one is kept (the fuller output, on a tie the later one)');
  st.earlier.push(outputOf(st));
  Object.assign(st, { routes: [], persistent: [], interfaces: [], hexIndexes: false, decimalIndexes: false, onLink: false, section: 'none', rowsInSection: 0, persistentNone: false, activeSeenInTable: false });
  delete st.defaultGateway;
  st.promptLine = null;
}

function keepFullerOutput(st: State): void {
  if (st.earlier.length === 0) return;
  const size = (o: Output) => o.routes.length + o.persistent.length + o.interfaces.length;
  const best = [...st.earlier, outputOf(st)].reduce((a, b) => (size(b) >= size(a) ? b : a));
  Object.assign(st, { routes: best.routes, persistent: best.persistent, interfaces: best.interfaces, hexIndexes: best.hexIndexes, decimalIndexes: best.decimalIndexes, onLink: best.onLink });
  if (best.defaultGateway) st.defaultGateway = best.defaultGateway;
  else delete st.defaultGateway;
}

function problem(st: State, line: number, message: string): void {
  st.problems.push({ source: st.source, line, message });
}

function excerpt(t: string): string {
  const s = t.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

function classify(st: State, line: string, t: string, n: number, next: () => string): void {
  const continuesIface = st.lastIface;
  st.lastIface = null;

  if (isSeparator(t)) return;

  const iface = matchIfaceRow(t);
  if (iface && st.section !== 'iflist' && st.routes.length > 0) startAnotherOutput(st, n);
  if (iface) {
    const entry: RoutePrintInterface = { index: iface.index, description: iface.description };
    if (iface.mac) entry.mac = iface.mac;
    st.interfaces.push(entry);
    if (iface.hex) st.hexIndexes = true;
    else st.decimalIndexes = true;
    st.section = 'iflist';
    st.lastIface = { iface: entry, width: line.length };
    return;
  }

  if (isRoutePrompt(t)) {
    if (st.routes.length > 0 || st.persistent.length > 0 || st.interfaces.length > 0) st.promptLine = n;
    return;
  }
  if (isNoiseOrPrompt(t)) return;
  if (isElisionLine(t)) {
    // a person's "." / ":" / "[...]" shortening the paste: reported, and the section stays as it was
    if (continuesIface) st.lastIface = continuesIface;
    return problem(st, n, `elision line skipped: ${excerpt(t)}`);
  }
  // after a prompt running route print again, whatever comes next is the second output
  if (st.promptLine !== null) startAnotherOutput(st, n);

  const tokens = t.split(/\s+/);
  if (isV4(tokens[0]!) && tokens.length > 1 && isV4(tokens[1]!)) return v4Row(st, tokens, n, t);
  if (/^\d+$/.test(tokens[0]!) && /^\d+$/.test(tokens[1] ?? '') && tokens[2]?.includes('/')) return v6Row(st, tokens, n, t);

  const footer = matchFooter(t);
  if (footer) {
    if (footer.gateway) st.defaultGateway = footer.gateway;
    return;
  }

  // XP and the console wrap long adapter descriptions at 80 columns onto the next line; some pastes
  // re-wrap them onto an indented line instead.
  if (continuesIface && (continuesIface.width >= 78 || /^\s/.test(line)) && !matchHeader(t)) {
    const d = continuesIface.iface.description;
    continuesIface.iface.description = continuesIface.width >= 80 ? `${d}${line}`.trim() : `${d} ${t}`;
    return;
  }

  const header = matchHeader(t);
  if (header === 'iflist' && st.routes.length > 0) startAnotherOutput(st, n);
  // After "Persistent Routes:" only a new table header can follow; another bare label is noise.
  if (header && !(header === 'label' && st.section === 'persistent')) return enterSection(st, header);

  if (isColumnHeader(st, t, next)) return;
  // "None" in the display language: a lone word right after an Active/Persistent label.
  const inRoutes = st.section === 'active' || st.section === 'persistent';
  if (inRoutes && st.rowsInSection === 0 && (isNoneWord(t) || (isOnLinkWord(t) && !/\s/.test(t) && t.length <= 24))) {
    st.rowsInSection++;
    if (st.section === 'persistent') st.persistentNone = true;
    return;
  }
  if ((st.section === 'none' || st.section === 'table') && isWordy(t) && matchIfaceRow(next())) {
    // An Interface List heading in a language (or mojibake) the word list does not know.
    st.section = 'iflist';
    return;
  }
  problem(st, n, `unrecognised line: ${excerpt(t)}`);
}

function isColumnHeader(st: State, t: string, next: () => string): boolean {
  // Windows prints column headers only right after a section label, never between rows.
  if (st.rowsInSection > 0 || !isWordy(t) || t.length > 120) return false;
  const words = columnWordCount(t);
  if (words >= 2) return true;
  if (!/\s/.test(t)) return false;
  if (words === 1 && st.section !== 'none' && st.section !== 'iflist') return true;
  return looksLikeRow(next());
}

/** Anything the table itself prints: a rule, a heading or label, an interface row, a route row or the footer. */
function isStructural(t: string): boolean {
  return isSeparator(t) || matchHeader(t) !== null || matchIfaceRow(t) !== null || looksLikeRow(t) || matchFooter(t) !== null || isRoutePrompt(t) || isNoiseOrPrompt(t);
}

function looksLikeRow(t: string): boolean {
  const tk = t.split(/\s+/);
  return (isV4(tk[0] ?? '') && isV4(tk[1] ?? '')) || (/^\d+$/.test(tk[0] ?? '') && v6Prefix(tk[2] ?? '') !== null);
}

function enterSection(st: State, header: ReturnType<typeof matchHeader>): void {
  st.rowsInSection = 0;
  st.persistentNone = false;
  switch (header) {
    case 'iflist':
      st.section = 'iflist';
      return;
    case 'table4':
    case 'table6':
      st.section = 'table';
      st.activeSeenInTable = false;
      st.sawTableHeader = true;
      return;
    case 'active':
      st.section = 'active';
      st.activeSeenInTable = true;
      st.sawLabel = true;
      return;
    case 'persistent':
      st.section = 'persistent';
      st.sawLabel = true;
      return;
    default:
      // A label in an unknown language: each table has "Active Routes:" first, then "Persistent Routes:".
      st.section = st.activeSeenInTable ? 'persistent' : 'active';
      st.activeSeenInTable = true;
  }
}

function parseMetric(s: string): number | null {
  if (!/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}

/** Rows under "Persistent Routes: None" are a copy or a retyped quote, never routes of this table. */
function afterPersistentNone(st: State, n: number, t: string): boolean {
  if (st.section !== 'persistent' || !st.persistentNone) return false;
  problem(st, n, `row after "None" under Persistent Routes (a copy or a quote, not a route of this table): ${excerpt(t)}`);
  return true;
}

function v4Row(st: State, tk: string[], n: number, t: string): void {
  if (afterPersistentNone(st, n, t)) return;
  const [dest, mask] = [tk[0]!, tk[1]!];
  const prefixLength = v4PrefixLength(mask);
  if (prefixLength === null) return problem(st, n, `netmask ${mask} is not a contiguous subnet mask: ${excerpt(t)}`);
  const last = tk[tk.length - 1]!;
  const beforeLast = tk[tk.length - 2]!;
  const ifaceIsIndex = /^(?:\d{1,6}|0x[0-9A-Fa-f]{1,8})$/.test(beforeLast);

  // Persistent rows have no Interface column; their metric may be the word "Default".
  const persistentShape = tk.length >= 4 && isV4(tk[2]!) && (tk.length === 4 || st.section === 'persistent');
  if (persistentShape && (st.section === 'persistent' || parseMetric(last) === null)) {
    const word = tk.slice(3).join(' ');
    const metric = parseMetric(word);
    if (metric === null && !isOnLinkWord(word)) return problem(st, n, `unreadable persistent route metric: ${excerpt(t)}`);
    st.persistent.push({ destination: dest, prefixLength, netmask: mask, gateway: tk[2]!, metric });
    st.rowsInSection++;
    return;
  }

  const metric = parseMetric(last);
  if (tk.length < 5 || metric === null || !(isV4(beforeLast) || ifaceIsIndex)) {
    return problem(st, n, `incomplete or malformed IPv4 route row (cut short?): ${excerpt(t)}`);
  }
  const gwText = tk.slice(2, -2).join(' ');
  let gateway: string | null;
  if (isV4(gwText)) gateway = gwText;
  else if (isOnLinkWord(gwText)) {
    gateway = null;
    st.onLink = true;
  } else return problem(st, n, `gateway ${excerpt(gwText)} is neither an address nor "On-link": ${excerpt(t)}`);

  const route: Route = { family: 4, destination: dest, prefixLength, netmask: mask, gateway, metric, persistent: false };
  if (isV4(beforeLast)) route.interfaceAddress = beforeLast;
  // XP prints the bare interface index when the adapter has no address, in hex without "0x"
  // (`10004` is the Interface List's 0x10004; test/fixtures/real/route-print/xp-en-juniper-…-10004.txt).
  else route.interfaceIndex = parseInt(beforeLast.replace(/^0x/i, ''), 16);
  route.source = { file: st.source, line: n };
  st.routes.push(route);
  st.rowsInSection++;
  if (st.section !== 'persistent') st.section = 'active';
}

function v6Row(st: State, tk: string[], n: number, t: string): void {
  if (afterPersistentNone(st, n, t)) return;
  const prefix = v6Prefix(tk[2]!);
  const ifIndex = parseMetric(tk[0]!);
  const metric = parseMetric(tk[1]!);
  if (!prefix || ifIndex === null || metric === null) {
    return problem(st, n, `malformed IPv6 route row: ${excerpt(t)}`);
  }
  st.pendingV6 = {
    line: n,
    ifIndex,
    metric,
    destination: prefix[0],
    prefixLength: prefix[1],
    persistent: st.section === 'persistent',
  };
  // Long destinations push the gateway onto a continuation line indented to the Gateway column.
  if (tk.length > 3 && !completeV6(st, tk.slice(3).join(' '))) {
    st.pendingV6 = null;
    problem(st, n, `IPv6 route gateway is neither an address nor "On-link": ${excerpt(t)}`);
  }
}

/** Completes the pending IPv6 row with `gwText`; false when `gwText` is not a gateway. */
function completeV6(st: State, gwText: string): boolean {
  const p = st.pendingV6!;
  let gateway: string | null;
  if (isV6(gwText)) gateway = gwText;
  else if (isOnLinkWord(gwText) && !isSeparator(gwText) && matchHeader(gwText) === null) gateway = null;
  else return false;
  st.pendingV6 = null;
  st.rowsInSection++;
  if (gateway === null) st.onLink = true;
  if (p.persistent) {
    st.persistent.push({
      destination: p.destination,
      prefixLength: p.prefixLength,
      netmask: v6Netmask(p.prefixLength),
      gateway: gateway ?? '::',
      metric: p.metric,
    });
    return true;
  }
  st.routes.push({
    family: 6,
    destination: p.destination,
    prefixLength: p.prefixLength,
    gateway,
    interfaceIndex: p.ifIndex,
    metric: p.metric,
    persistent: false,
    source: { file: st.source, line: p.line },
  });
  if (st.section !== 'persistent') st.section = 'active';
  return true;
}

function flushPendingV6(st: State, message: string): void {
  const p = st.pendingV6!;
  st.pendingV6 = null;
  problem(st, p.line, `${message}: ${p.destination}/${p.prefixLength}`);
}

function routeKey(dest: string, prefixLength: number, gateway: string | null): string {
  const gw = gateway === null || gateway === '0.0.0.0' || gateway === '::' ? '' : gateway.toLowerCase();
  return `${dest.toLowerCase()}/${prefixLength}|${gw}`;
}

function markPersistent(routes: Route[], persistent: PersistentRoute[]): void {
  const keys = new Set(persistent.map((p) => routeKey(p.destination, p.prefixLength, p.gateway)));
  for (const r of routes) if (keys.has(routeKey(r.destination, r.prefixLength, r.gateway))) r.persistent = true;
}

function layoutOf(st: State): RoutePrintResult['layout'] {
  // XP numbers interfaces in hex and never prints "On-link" or an IPv6 table in route print.
  if (st.hexIndexes && !st.decimalIndexes) return 'nt5';
  if (st.decimalIndexes || st.onLink || st.routes.some((r) => r.family === 6)) return 'nt6+';
  if (st.defaultGateway) return 'nt5';
  return 'unknown';
}
