import { problemAt, type ParseResult, type Problem } from '../model/problems';
import { enumValue, family, int, looksLikeJson, prop, psJsonItems, store, text, type PsObject } from './powershell-json';

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
  format?: 'json' | 'table';
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
  return looksLikeJson(input) ? fromJson(input, source) : fromTable(input, source);
}

function fromJson(input: string, source: string): ParseResult<NetIPInterfaceResult> {
  let found;
  try {
    found = psJsonItems(input, isInterfaceRow, 'InterfaceMetric');
  } catch {
    return { value: { recognised: false, interfaces: [] }, problems: [problemAt(source, undefined, 'psNetwork.notJson', { cmdlet: 'Get-NetIPInterface' })] };
  }
  const problems: Problem[] = [];
  if (found.depthCut > 0) problems.push(problemAt(source, undefined, 'psNetwork.depthCut', { count: found.depthCut, cmdlet: 'Get-NetIPInterface' }));
  const interfaces = found.items.map(({ value: o, line }): NetIPInterfaceEntry => {
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
  });
  return { value: { recognised: interfaces.length > 0 || found.depthCut > 0, format: 'json', interfaces }, problems };
}

const HEADER = /^\s*ifIndex\s+InterfaceAlias\s+AddressFamily\s+NlMtu/i;
// the alias may hold spaces ("Local Area Connection* 12"): the columns right of it are read first
const ROW = /^(\d+)\s+(.+?)\s+(IPv4|IPv6)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)(?:\s+(\S+))?$/i;

function fromTable(input: string, source: string): ParseResult<NetIPInterfaceResult> {
  const interfaces: NetIPInterfaceEntry[] = [];
  const strays: number[] = [];
  let header = false;
  input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || /^[-\s]+$/.test(line) || /^PS [^>]*>/.test(line)) return;
    if (HEADER.test(line)) {
      header = true;
      return;
    }
    const m = ROW.exec(line);
    if (!m) {
      if (header) strays.push(i + 1);
      return;
    }
    const d = dhcp(m[6]);
    const c = connected(m[7]);
    const st = store(m[8]);
    interfaces.push({
      ifIndex: Number(m[1]),
      alias: m[2]!,
      family: family(m[3])!,
      mtu: Number(m[4]),
      interfaceMetric: Number(m[5]),
      ...(d !== undefined ? { dhcp: d } : {}),
      ...(c !== undefined ? { connected: c } : {}),
      ...(st ? { store: st } : {}),
      line: i + 1,
    });
  });
  // rows without the header are taken only as the whole text: a table's rows look like little else
  const recognised = header || (interfaces.length > 0 && strays.length === 0);
  return {
    value: { recognised, ...(recognised ? { format: 'table' as const } : {}), interfaces: recognised ? interfaces : [] },
    problems: recognised ? strays.map((line) => problemAt(source, line, 'psNetwork.notRow', { cmdlet: 'Get-NetIPInterface' })) : [],
  };
}
