import { problemAt, type ParseResult } from '../model/problems';
import { enumValue, family, int, looksLikeJson, looksLikeList, prop, psJsonRows, psListItems, store, text, type PsObject } from './powershell-json';
import { psTable } from './powershell-table';

/**
 * `Get-NetIPInterface` as ConvertTo-Json writes it, or its default table view ("ifIndex
 * InterfaceAlias AddressFamily NlMtu(Bytes) InterfaceMetric Dhcp ConnectionState PolicyStore",
 * test/fixtures/real/powershell/get-netipinterface-table-*.txt): the interface metric per interface
 * and address family — what `netsh interface ipv4 show interfaces` gives on older captures.
 */

export interface NetIPInterfaceEntry {
  ifIndex: number;
  alias?: string;
  family?: 4 | 6;
  interfaceMetric: number;
  mtu?: number;
  dhcp?: boolean;
  connected?: boolean;
  store?: 'active' | 'persistent';
  line: number;
}

export interface NetIPInterfaceResult {
  recognised: boolean;
  format?: 'json' | 'list' | 'table';
  interfaces: NetIPInterfaceEntry[];
}

/**
 * MSFT_NetIPInterface ConnectionState: Disconnected (0), Connected (1); Dhcp: Disabled (0),
 * Enabled (1) (learn.microsoft.com, "MSFT_NetIPInterface class"; `ConnectionState = 0` on the
 * unplugged Bluetooth PAN of the Get-NetIPConfiguration dump, search index file id 55807494450).
 */
const connected = (v: unknown) => enumValue<boolean>(v, { 0: false, 1: true }, { connected: true, disconnected: false });
const dhcp = (v: unknown) => enumValue<boolean>(v, { 0: false, 1: true }, { enabled: true, disabled: false });

/** An interface row: an index and an interface metric, and no route's prefix. */
const isInterfaceRow = (o: PsObject): boolean =>
  prop(o, 'DestinationPrefix') === undefined && int(prop(o, 'InterfaceMetric')) !== undefined && int(prop(o, 'ifIndex', 'InterfaceIndex')) !== undefined;

export function parseNetIPInterface(input: string, source: string): ParseResult<NetIPInterfaceResult> {
  if (looksLikeJson(input)) return fromJson(input, source);
  if (looksLikeList(input, 'InterfaceMetric')) {
    const items = psListItems(input, isInterfaceRow, 'InterfaceMetric');
    if (items.length > 0) return { value: { recognised: true, format: 'list', interfaces: items.map(toEntry) }, problems: [] };
  }
  return fromTable(input, source);
}

function fromJson(input: string, source: string): ParseResult<NetIPInterfaceResult> {
  const found = psJsonRows(input, source, 'Get-NetIPInterface', isInterfaceRow, 'InterfaceMetric');
  if (found.items === null) return { value: { recognised: false, interfaces: [] }, problems: found.problems };
  return { value: { recognised: found.items.length > 0 || found.depthCut > 0, format: 'json', interfaces: found.items.map(toEntry) }, problems: found.problems };
}

function toEntry({ value: o, line }: { value: PsObject; line: number }): NetIPInterfaceEntry {
  const fam = family(prop(o, 'AddressFamily'));
  const alias = text(prop(o, 'InterfaceAlias'));
  const mtu = int(prop(o, 'NlMtu'));
  const d = dhcp(prop(o, 'Dhcp'));
  const c = connected(prop(o, 'ConnectionState'));
  const st = store(prop(o, 'Store', 'PolicyStore'));
  return {
    ifIndex: int(prop(o, 'ifIndex', 'InterfaceIndex'))!,
    ...(alias !== undefined ? { alias } : {}),
    ...(fam ? { family: fam } : {}),
    interfaceMetric: int(prop(o, 'InterfaceMetric'))!,
    ...(mtu !== undefined ? { mtu } : {}),
    ...(d !== undefined ? { dhcp: d } : {}),
    ...(c !== undefined ? { connected: c } : {}),
    ...(st ? { store: st } : {}),
    line,
  };
}

/** Get-NetIPInterface's default table view (test/fixtures/real/powershell/get-netipinterface-table-*.txt) */
const DEFAULT_COLUMNS = ['ifIndex', 'InterfaceAlias', 'AddressFamily', 'NlMtu', 'InterfaceMetric', 'Dhcp', 'ConnectionState', 'PolicyStore'];
const isHeader = (names: string[]) => names.includes('InterfaceMetric') && !names.includes('DestinationPrefix') && names.some((n) => /^(ifIndex|InterfaceIndex)$/i.test(n));
const isRow = (v: Record<string, string>) =>
  /^\d+$/.test(v.ifIndex ?? v.InterfaceIndex ?? '') && /^\d+$/.test(v.InterfaceMetric ?? '') && (v.AddressFamily === undefined || family(v.AddressFamily) !== undefined);

function fromTable(input: string, source: string): ParseResult<NetIPInterfaceResult> {
  const table = psTable(input, isHeader, isRow, DEFAULT_COLUMNS);
  // a row's cells are read as a JSON row's properties are (by name, numbers and enums from their text)
  const interfaces = table.rows.map(({ values, line }) => toEntry({ value: values, line }));
  // rows without the header are taken only as the whole text: a table's rows look like little else
  const recognised = table.header || (interfaces.length > 0 && table.strays.length === 0);
  return {
    value: { recognised, ...(recognised ? { format: 'table' as const } : {}), interfaces: recognised ? interfaces : [] },
    problems: recognised ? table.strays.map((line) => problemAt(source, line, 'psNetwork.notRow', { cmdlet: 'Get-NetIPInterface' })) : [],
  };
}
