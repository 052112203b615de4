import type { PersistentRoute, Route } from '../model/snapshot';
import { maskNumberToPrefix } from './ipv4-dotted';
import { isOnLinkWord, isSeparator, isV4, isV6, matchHeader, v4PrefixLength, v6Netmask, v6Prefix } from './route-print-lines';
import { excerpt, problem, type State } from './route-print-state';
import type { RouteRows } from './route-rows';
import { escapeRegExp } from '../text/escape-regexp';
import type { ProblemCode } from '../i18n/problem-text';

/**
 * The row readers of `route print`: IPv4 rows (active: destination, netmask, gateway or the
 * localised "On-link", interface address or XP's bare index, metric; persistent: no interface
 * column, metric possibly "Default"), IPv6 rows (the gateway possibly wrapped onto the next line),
 * and marking active routes that are also persistent. Each row is read by shape, any language.
 */

/** 1 to 15 decimal digits (what `route print` prints as a metric or index), else null. */
export function parseMetric(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 15) return null;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return Number(s);
}

/** An interface column that is an index rather than an address: decimal, or hex with 0x. */
const IFACE_INDEX = /^(?:\d{1,6}|0x[0-9A-Fa-f]{1,8})$/;

/** Rows under "Persistent Routes: None" are a copy or a retyped quote, never routes of this table. */
function afterPersistentNone(st: State, n: number, t: string): boolean {
  if (st.section !== 'persistent' || !st.persistentNone) return false;
  problem(st, n, 'routePrint.afterPersistentNone', { line: excerpt(t) });
  return true;
}

/** An IPv4 row: `tk` are the line's columns (the first two dotted quads), `t` the trimmed line. */
export function v4Row(st: State, tk: string[], n: number, t: string): void {
  if (afterPersistentNone(st, n, t)) return;
  const dest = tk[0]!;
  const mask = tk[1]!;
  const prefixLength = v4PrefixLength(mask);
  if (prefixLength === null) return problem(st, n, 'routePrint.badNetmask', { mask, line: excerpt(t) });
  const last = tk[tk.length - 1]!;
  const beforeLast = tk[tk.length - 2]!;
  const metric = parseMetric(last);

  // Persistent rows have no Interface column; their metric may be the word "Default".
  const persistentShape = tk.length >= 4 && isV4(tk[2]!) && (tk.length === 4 || st.section === 'persistent');
  if (persistentShape && (st.section === 'persistent' || metric === null)) {
    const word = tk.length === 4 ? tk[3]! : tk.slice(3).join(' ');
    const persistentMetric = parseMetric(word);
    if (persistentMetric === null && !isOnLinkWord(word)) return problem(st, n, 'routePrint.persistentMetric', { line: excerpt(t) });
    st.persistent.push({ destination: dest, prefixLength, netmask: mask, gateway: tk[2]!, metric: persistentMetric });
    st.rowsInSection++;
    return;
  }

  const ifaceIsAddress = tk.length >= 5 && isV4(beforeLast);
  if (tk.length < 5 || metric === null || !(ifaceIsAddress || IFACE_INDEX.test(beforeLast))) {
    return problem(st, n, 'routePrint.badV4Row', { line: excerpt(t) });
  }
  // the gateway is every column between the netmask and the interface: "On-link" may be two words
  const gwText = tk.length === 5 ? tk[2]! : tk.slice(2, -2).join(' ');
  let gateway: string | null;
  if (isV4(gwText)) gateway = gwText;
  else if (isOnLinkWord(gwText)) {
    gateway = null;
    st.onLink = true;
  } else return problem(st, n, 'routePrint.badV4Gateway', { gateway: excerpt(gwText), line: excerpt(t) });

  const route: Route = { family: 4, destination: dest, prefixLength, netmask: mask, gateway, metric, persistent: false };
  if (ifaceIsAddress) route.interfaceAddress = beforeLast;
  // XP prints the bare interface index when the adapter has no address, in hex without "0x"
  // (`10004` is the Interface List's 0x10004; test/fixtures/real/route-print/xp-en-juniper-…-10004.txt).
  else route.interfaceIndex = parseInt(beforeLast.replace(/^0x/i, ''), 16);
  route.source = { file: st.source, line: n };
  st.routes.push(route);
  st.rowsInSection++;
  if (st.section !== 'persistent') st.section = 'active';
}

/**
 * The common active IPv4 row, read in one pass without splitting: five columns separated by blanks —
 * destination, netmask (contiguous), a dotted-quad gateway or a one-word "On-link", the interface
 * address, a metric. True when it was that row and is added exactly as v4Row would add it; false
 * (nothing changed) for anything else — the general path then reads the line. This is what keeps a
 * 200 000-route table near the cost of reading its bytes.
 *
 * The row is `s` from `from` to `to`: a cleaned, trimmed line, or a raw line of the text straight
 * (spaces and tabs around it are skipped; anything cleanLine would change — a log prefix, forum
 * markup, other blanks — makes it no common row). `withText`: the route's source also gets the row
 * as printed, trimmed (what withSourceText gives).
 */
export function commonV4Row(st: State, s: string, from: number, to: number, n: number, withText: boolean): boolean {
  if (st.section === 'persistent' || st.promptLine !== null) return false;
  const table = st.routes;
  const recent = st.recentColumns;
  if (s === table.text && recent.tail !== '' && sameTail(st, s, from, to, n, withText)) return true;
  const start = skipBlanks(s, from, to);
  const c = s.charCodeAt(start);
  if (c < 48 || c > 57) return false;
  let end = to;
  while (end > start && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  const destEnd = quadEnd(s, start, end);
  if (destEnd < 0) return false;
  const destValue = quadValue;
  const maskStart = skipBlanks(s, destEnd, end);
  const maskEnd = quadEnd(s, maskStart, end);
  if (maskEnd < 0) return false;
  const maskValue = quadValue;
  const prefixLength = maskNumberToPrefix(maskValue);
  if (prefixLength === null) return false;
  const gwStart = skipBlanks(s, maskEnd, end);
  let gwEnd = quadEnd(s, gwStart, end);
  const gwIsAddress = gwEnd >= 0;
  const gwValue = quadValue;
  if (!gwIsAddress) {
    gwEnd = onLinkWordEnd(s, gwStart, end);
    if (gwEnd < 0) return false;
  }
  const ifStart = skipBlanks(s, gwEnd, end);
  const ifEnd = quadEnd(s, ifStart, end);
  if (ifEnd < 0) return false;
  const ifValue = quadValue;
  const metricStart = skipBlanks(s, ifEnd, end);
  if (metricStart === ifEnd) return false;
  const metric = metricAt(s, metricStart, end);
  if (metric === null) return false;

  if (s !== table.text) {
    // a cleaned line (the general path's second look), not the text the table points into: an object
    const route: Route = {
      family: 4,
      destination: s.slice(start, destEnd),
      prefixLength,
      netmask: s.slice(maskStart, maskEnd),
      gateway: gwIsAddress ? s.slice(gwStart, gwEnd) : null,
      metric,
      persistent: false,
      interfaceAddress: s.slice(ifStart, ifEnd),
      source: withText ? { file: st.source, line: n, text: s.slice(start, end) } : { file: st.source, line: n },
    };
    table.push(route);
  } else {
    // netmasks, gateways and interface addresses repeat from row to row: the previous row's id is
    // reused when the address is the same. A dotted quad's number gives its text (no leading zeros,
    // quadEnd), so numbers are compared.
    if (maskValue !== recent.maskValue) {
      recent.maskId = table.quadId(maskValue, maskStart, maskEnd);
      recent.maskValue = maskValue;
    }
    if (gwIsAddress && gwValue !== recent.gatewayValue) {
      recent.gatewayId = table.quadId(gwValue, gwStart, gwEnd);
      recent.gatewayValue = gwValue;
    }
    if (ifValue !== recent.ifaceValue) {
      recent.ifaceId = table.quadId(ifValue, ifStart, ifEnd);
      recent.ifaceValue = ifValue;
    }
    table.pushRow(n, start, destEnd, end, destValue >>> 0, prefixLength, recent.maskId, gwIsAddress ? recent.gatewayId : -1, recent.ifaceId, metric, withText);
    // for sameTail: this row from its destination's end on, and where that is in the row
    recent.tail = s.slice(destEnd, end);
    recent.tailAt = destEnd - from;
    recent.tailTaken = 0;
    recent.tailPattern = null;
    recent.tailPrefixLength = prefixLength;
    recent.tailGatewayIsAddress = gwIsAddress;
    recent.tailMetric = metric;
  }
  activeRowAdded(st, gwIsAddress);
  return true;
}

/** What an active row read in one pass (commonV4Row, sameTail) tells the state: an on-link gateway, one more row, the section. */
function activeRowAdded(st: State, gatewayIsAddress: boolean): void {
  if (!gatewayIsAddress) st.onLink = true;
  st.rowsInSection++;
  st.section = 'active';
}

/**
 * A tail taken this many times in a row is compared by a sticky regex of it from then on: the regex
 * engine compares without making the row's slice (twice as fast, no garbage), but compiling one costs
 * some 20 µs, what a few hundred slice comparisons cost; at most MAX_TAIL_PATTERNS a table.
 */
const TAIL_PATTERN_AFTER = 256;
const MAX_TAIL_PATTERNS = 16;

/**
 * The row from `from` to `to` is the last row read in full (recent.tail) but for its destination:
 * then it is added as that row was, with its own destination and line. `route print` right-aligns
 * every column in a fixed width, so a table's rows mostly end alike from the destination's end on:
 * same netmask, gateway, interface and metric at the same places (a VPN pushing thousands of routes
 * through one interface). The same characters read the same, so their reading is taken whole: one
 * native comparison (a slice, or the tail's regex) instead of some 50 characters read one by one,
 * which was most of a row's cost (a character read in JS costs several times what it costs there).
 */
function sameTail(st: State, s: string, from: number, to: number, n: number, withText: boolean): boolean {
  const recent = st.recentColumns;
  const destEnd = from + recent.tailAt;
  if (to - destEnd !== recent.tail.length) return false;
  const pattern = recent.tailPattern;
  if (pattern !== null) {
    pattern.lastIndex = destEnd;
    if (!pattern.test(s)) return false;
  } else {
    if (s.slice(destEnd, to) !== recent.tail) return false;
    if (++recent.tailTaken === TAIL_PATTERN_AFTER && recent.tailPatternsMade < MAX_TAIL_PATTERNS) {
      recent.tailPattern = new RegExp(escapeRegExp(recent.tail), 'y');
      recent.tailPatternsMade++;
    }
  }
  const start = skipBlanks(s, from, destEnd);
  // the tail starts with a blank (the last row's mask followed its destination after blanks), so a
  // destination here ends exactly where the last one did
  if (start === destEnd || quadEnd(s, start, to) !== destEnd) return false;
  st.routes.pushRow(n, start, destEnd, to, quadValue >>> 0, recent.tailPrefixLength, recent.maskId, recent.tailGatewayIsAddress ? recent.gatewayId : -1, recent.ifaceId, recent.tailMetric, withText);
  activeRowAdded(st, recent.tailGatewayIsAddress);
  return true;
}

/** parseMetric(s.slice(start, end)) without the slice: 1–15 digits up to `end`. */
function metricAt(s: string, start: number, end: number): number | null {
  const n = end - start;
  if (n <= 0 || n > 15) return null;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    value = value * 10 + (c - 48);
  }
  return value;
}

/**
 * The number of the dotted quad quadEnd accepted last, as an int32 (`| 0`: 255.255.255.0 is
 * negative). A module variable holding a number past 2^31 is a new heap number per write, two or
 * three per row; an int32 is not. Compared for equality and read by maskNumberToPrefix (`~mask >>> 0`),
 * the two forms answer alike.
 */
let quadValue = 0;

/**
 * The end of a four-part decimal dotted quad (dottedQuadToNumber's rules) starting at `i` and
 * followed by a blank or `end`, its number in quadValue; -1 when there is none.
 */
function quadEnd(s: string, i: number, end: number): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  let j = i;
  for (; ; j++) {
    const c = j < end ? s.charCodeAt(j) : 32;
    if (c === 46 || c === 32 || c === 9) {
      if (digits === 0 || part > 255 || ++parts > 4) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      if (c !== 46) break;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) return -1;
      part = part * 10 + (c - 48);
      if (++digits > 3) return -1;
    } else return -1;
  }
  if (parts !== 4) return -1;
  quadValue = value | 0;
  return j;
}

function skipBlanks(s: string, i: number, end: number): number {
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
  }
  return i;
}

/**
 * The end of a one-word "On-link" column (isOnLinkWord: 1–32 characters, no digit, ':', '.', '/',
 * '\\', '=' or '|') followed by a blank; -1 otherwise, and for any character a split on \s could
 * break at (the general path then decides). Nor "[", "*" or "_": forum markup cleanLine would strip
 * from a raw line (stripPasteMarkup) is left to the general path too.
 */
function onLinkWordEnd(s: string, i: number, end: number): number {
  let j = i;
  for (; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 32 || c === 9) break;
    if (c < 32 || (c >= 46 && c <= 58) || c === 61 || c === 92 || c === 124 || c === 127 || c >= 128 || c === 91 || c === 42 || c === 95) return -1;
  }
  return j > i && j - i <= 32 && j < end ? j : -1;
}

/** An IPv6 row "If Metric Destination [Gateway]": the gateway may follow on the next line. */
export function v6Row(st: State, tk: string[], n: number, t: string): void {
  if (afterPersistentNone(st, n, t)) return;
  const prefix = v6Prefix(tk[2]!);
  const ifIndex = parseMetric(tk[0]!);
  const metric = parseMetric(tk[1]!);
  if (!prefix || ifIndex === null || metric === null) {
    return problem(st, n, 'routePrint.badV6Row', { line: excerpt(t) });
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
    problem(st, n, 'routePrint.badV6Gateway', { line: excerpt(t) });
  }
}

/** Completes the pending IPv6 row with `gwText`; false when `gwText` is not a gateway. */
export function completeV6(st: State, gwText: string): boolean {
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

export function flushPendingV6(st: State, code: ProblemCode): void {
  const p = st.pendingV6!;
  st.pendingV6 = null;
  problem(st, p.line, code, { route: `${p.destination}/${p.prefixLength}` });
}

function routeKey(dest: string, prefixLength: number, gateway: string | null): string {
  const gw = gateway === null || gateway === '0.0.0.0' || gateway === '::' ? '' : gateway.toLowerCase();
  return `${dest.toLowerCase()}/${prefixLength}|${gw}`;
}

/** An active route that is also listed under Persistent Routes (same destination, prefix and gateway) is persistent. */
export function markPersistent(routes: RouteRows, persistent: PersistentRoute[]): void {
  if (persistent.length === 0) return;
  const keys = new Set(persistent.map((p) => routeKey(p.destination, p.prefixLength, p.gateway)));
  routes.forEach((r, i) => {
    if (keys.has(routeKey(r.destination, r.prefixLength, r.gateway))) routes.markPersistentAt(i);
  });
}
