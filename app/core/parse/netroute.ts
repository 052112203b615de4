import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { family, int, looksLikeJson, looksLikeList, prop, psJsonRows, psListItems, store, text, type PsObject } from './powershell-json';
import { psTable } from './powershell-table';

/**
 * `Get-NetRoute` as ConvertTo-Json writes it (powershell/*.json of a capture: whole CIM objects or a
 * Select-Object of their properties, numeric or named enums) or in its default table view pasted as
 * text ("ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore", the layout
 * app/core/fleet/netroute-table.ts reads for the Intune scripts). Pure: text in, rows and problems out.
 */

export interface NetRouteEntry {
  family: 4 | 6;
  destination: string;
  prefixLength: number;
  /** null: on-link (Get-NetRoute's NextHop 0.0.0.0 or ::) */
  nextHop: string | null;
  ifIndex?: number;
  alias?: string;
  /** the route's own metric (RouteMetric) */
  routeMetric: number;
  /** the interface's metric when the row carries it (the table's ifMetric, an InterfaceMetric property) */
  interfaceMetric?: number;
  store?: 'active' | 'persistent';
  /** 1-based line of the row (JSON: of its DestinationPrefix; 0 when it could not be placed) */
  line: number;
  /** the row as Windows named its fields, for evidence */
  text: string;
}

export interface NetRouteResult {
  /** false: the text is not Get-NetRoute output (another cmdlet's, or nothing readable) */
  recognised: boolean;
  format?: 'json' | 'list' | 'table';
  routes: NetRouteEntry[];
}

const PREFIX = /^([0-9a-f.:]+)\/(\d{1,3})$/i;
const ON_LINK = new Set(['0.0.0.0', '::']);

/** A route row: a DestinationPrefix with a prefix length, and a next hop or a metric. */
const isRouteRow = (o: PsObject): boolean => PREFIX.test(text(prop(o, 'DestinationPrefix')) ?? '') && (prop(o, 'NextHop') !== undefined || prop(o, 'RouteMetric') !== undefined);

export function parseNetRoute(input: string, source: string): ParseResult<NetRouteResult> {
  if (looksLikeJson(input)) return fromJson(input, source);
  if (looksLikeList(input, 'DestinationPrefix')) {
    const items = psListItems(input, isRouteRow, 'DestinationPrefix');
    if (items.length > 0) return fromItems(items, source, 'list', []);
  }
  return fromTable(input, source);
}

function fromJson(input: string, source: string): ParseResult<NetRouteResult> {
  const found = psJsonRows(input, source, 'Get-NetRoute', isRouteRow, 'DestinationPrefix');
  const problems = found.problems;
  if (found.items === null) return { value: { recognised: false, routes: [] }, problems };
  if (found.items.length === 0) return { value: { recognised: found.depthCut > 0, format: 'json', routes: [] }, problems };
  return fromItems(found.items, source, 'json', problems);
}

/** Row objects (of JSON or of a list view) → routes; a row without RouteMetric is a problem. */
function fromItems(items: { value: PsObject; line: number }[], source: string, format: 'json' | 'list', problems: Problem[]): ParseResult<NetRouteResult> {
  const routes: NetRouteEntry[] = [];
  items.forEach(({ value: o, line }, i) => {
    const where = line || undefined;
    const [, address, bits] = PREFIX.exec(text(prop(o, 'DestinationPrefix'))!)!;
    const fam = family(prop(o, 'AddressFamily')) ?? (address!.includes(':') ? 6 : 4);
    const routeMetric = int(prop(o, 'RouteMetric'));
    const hop = text(prop(o, 'NextHop'));
    if (routeMetric === undefined) {
      problems.push(problemAt(source, where, 'psNetwork.missing', { row: i + 1, field: 'RouteMetric' }));
      return;
    }
    const ifIndex = int(prop(o, 'ifIndex', 'InterfaceIndex'));
    const alias = text(prop(o, 'InterfaceAlias'));
    const interfaceMetric = int(prop(o, 'InterfaceMetric', 'ifMetric'));
    const st = store(prop(o, 'Store', 'PolicyStore'));
    routes.push({
      family: fam,
      destination: address!,
      prefixLength: Number(bits),
      nextHop: hop === undefined || ON_LINK.has(hop) ? null : hop,
      ...(ifIndex !== undefined ? { ifIndex } : {}),
      ...(alias !== undefined ? { alias } : {}),
      routeMetric,
      ...(interfaceMetric !== undefined ? { interfaceMetric } : {}),
      ...(st ? { store: st } : {}),
      line,
      text: [
        `DestinationPrefix ${address}/${bits}`,
        `NextHop ${hop ?? '-'}`,
        ifIndex !== undefined ? `ifIndex ${ifIndex}${alias ? ` (${alias})` : ''}` : '',
        `RouteMetric ${routeMetric}`,
        interfaceMetric !== undefined ? `InterfaceMetric ${interfaceMetric}` : '',
      ].filter(Boolean).join('  '),
    });
  });
  return { value: { recognised: true, format, routes }, problems };
}

/** Get-NetRoute's default table view (learn.microsoft.com, Get-NetRoute, Example 1) */
const DEFAULT_COLUMNS = ['ifIndex', 'DestinationPrefix', 'NextHop', 'RouteMetric', 'ifMetric', 'PolicyStore'];
const isHeader = (names: string[]) => names.includes('DestinationPrefix') && names.some((n) => /^(ifIndex|InterfaceIndex|InterfaceAlias)$/i.test(n));
const isRow = (v: Record<string, string>) =>
  PREFIX.test(v.DestinationPrefix ?? '') && /^\d+$/.test(v.RouteMetric ?? '') && [v.ifIndex, v.InterfaceIndex, v.ifMetric, v.InterfaceMetric].every((x) => x === undefined || /^\d+$/.test(x));

/**
 * The table view, with or without its header and dashed underline (pasted rows alone are common:
 * ../shared/corpus/powershell/get-netroute-*-headerless.txt), in the default columns or in the
 * columns of a `Select-Object` (powershell-table.ts). A line that is not a row is a problem only once
 * the text has shown it is this table (a header or a row).
 */
function fromTable(input: string, source: string): ParseResult<NetRouteResult> {
  const table = psTable(input, isHeader, isRow, DEFAULT_COLUMNS);
  const routes = table.rows.map(({ values: v, line, text }): NetRouteEntry => {
    const [, address, bits] = PREFIX.exec(v.DestinationPrefix!)!;
    const ifIndex = int(v.ifIndex ?? v.InterfaceIndex);
    const interfaceMetric = int(v.ifMetric ?? v.InterfaceMetric);
    const st = store(v.PolicyStore);
    const hop = v.NextHop;
    return {
      family: address!.includes(':') ? 6 : 4,
      destination: address!,
      prefixLength: Number(bits),
      nextHop: hop === undefined || ON_LINK.has(hop) ? null : hop,
      ...(ifIndex !== undefined ? { ifIndex } : {}),
      ...(v.InterfaceAlias ? { alias: v.InterfaceAlias } : {}),
      routeMetric: Number(v.RouteMetric),
      ...(interfaceMetric !== undefined ? { interfaceMetric } : {}),
      ...(st ? { store: st } : {}),
      line,
      text,
    };
  });
  const recognised = table.header || routes.length > 0;
  const problems = recognised ? table.strays.map((line) => problemAt(source, line, 'psNetwork.notRow', { cmdlet: 'Get-NetRoute' })) : [];
  return { value: { recognised, ...(recognised ? { format: 'table' as const } : {}), routes }, problems };
}
