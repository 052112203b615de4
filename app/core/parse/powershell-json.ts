import { problemAt, type Problem } from '../model/problems';
import { shortestBlankRun } from './vpnconnection';
import { keyAtLineStart } from './linear-text';

/**
 * What `Get-NetRoute | ConvertTo-Json` and `Get-NetIPInterface | ConvertTo-Json` write, read as data:
 * the objects (an array, or one object alone when the cmdlet returned one row), each property read
 * from the object itself or, where a `Select-Object` or the depth limit left it out, from the CIM
 * instance's own list (`CimInstanceProperties`: "Name = value" strings, or the whole list as one
 * string once ConvertTo-Json's depth limit is reached — e.g. `InterfaceMetric = 65` in a
 * Get-NetIPConfiguration -Detailed dump, search index file id 55807494450). Windows PowerShell's
 * `>` writes UTF-16LE with a byte order mark (the capture reader decodes it; a BOM left at the start
 * is skipped here); PowerShell 7 writes UTF-8, one space after each colon instead of two.
 */

export type PsObject = Record<string, unknown>;

export interface PsJsonItems {
  /** the row objects, in file order, each with the 1-based line its first property is on (0: not found) */
  items: { value: PsObject; line: number }[];
  /**
   * rows ConvertTo-Json could only write as their CIM path because its -Depth was reached
   * ("MSFT_NetRoute (InstanceID = …)"): the objects are lost, only their count is known
   */
  depthCut: number;
}

/** `[…]`, `{…}` or text that is no JSON at all (a table or list view, a paste). */
export const looksLikeJson = (text: string): boolean => /^[[{]/.test(text.replace(/^\uFEFF/, '').trimStart());

/**
 * JSON text → its row objects. `isRow` says which objects are rows (a route, an interface); a
 * top-level object that is not one is looked into one level deep, for a collector's report that
 * holds the rows under a property (`{"default_routes": [ … ]}`) and for Windows PowerShell 5.1's
 * `{"value": [ … ], "Count": n}` wrapping of an array (assumed: the shape `ConvertTo-Json -InputObject`
 * gives an array that carries extended members). Throws JSON.parse's SyntaxError on bad JSON.
 */
export function psJsonItems(text: string, isRow: (o: PsObject) => boolean, keyOfRow: string): PsJsonItems {
  const body = text.replace(/^\uFEFF/, '');
  const data: unknown = JSON.parse(body);
  const rows: PsObject[] = [];
  let depthCut = 0;
  const take = (v: unknown) => {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === 'string' && /^MSFT_Net\w+ \(/.test(x)) depthCut++;
      else if (isObject(x) && isRow(x)) rows.push(x);
    }
  };
  take(data);
  // one object that is no row: a report or wrapper holding rows under its properties — but not a
  // Get-VpnConnection profile, whose `Routes` are the profile's own routes, not the route table
  if (isObject(data) && !isRow(data) && !('ServerAddress' in data)) for (const inner of Object.values(data)) take(inner);
  const lines = keyLines(body, keyOfRow);
  // the k-th row's key is the k-th occurrence of `"Key":` outside a string: its line is the row's
  const items = rows.map((value, k) => ({ value, line: lines.length === rows.length ? lines[k]! : 0 }));
  return { items, depthCut };
}

/**
 * psJsonItems for one cmdlet's file, with what is wrong in it as problems in the report's language
 * (JSON.parse's own words are English): not JSON at all (`items` null), rows ConvertTo-Json cut to
 * their CIM path at its -Depth. The snapshot reports them only for a file named for that cmdlet.
 */
export function psJsonRows(text: string, source: string, cmdlet: string, isRow: (o: PsObject) => boolean, keyOfRow: string): { items: PsJsonItems['items'] | null; depthCut: number; problems: Problem[] } {
  let found: PsJsonItems;
  try {
    found = psJsonItems(text, isRow, keyOfRow);
  } catch {
    return { items: null, depthCut: 0, problems: [problemAt(source, undefined, 'psNetwork.notJson', { cmdlet })] };
  }
  const problems = found.depthCut > 0 ? [problemAt(source, undefined, 'psNetwork.depthCut', { count: found.depthCut, cmdlet })] : [];
  return { items: found.items, depthCut: found.depthCut, problems };
}

const isObject = (x: unknown): x is PsObject => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The 1-based line of every `"key":` (a key, not text inside a string value: no backslash before its quote). */
function keyLines(text: string, key: string): number[] {
  const out: number[] = [];
  const re = new RegExp(`(^|[^\\\\])"${key}"\\s*:`, 'g');
  let line = 1;
  let from = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index! + m[1]!.length;
    for (let i = from; i < at; i++) if (text.charCodeAt(i) === 0x0a) line++;
    from = at;
    out.push(line);
  }
  return out;
}

/**
 * A property of a row, case-insensitively, from the object or from its CimInstanceProperties.
 * A value cut by the depth limit's own "..." is no value.
 */
export function prop(o: PsObject, ...names: string[]): unknown {
  for (const name of names) {
    for (const [k, v] of Object.entries(o)) if (k.toLowerCase() === name.toLowerCase() && v !== null && v !== undefined) return v;
  }
  const cim = o.CimInstanceProperties;
  if (cim === undefined || cim === null) return undefined;
  const pairs = Array.isArray(cim) ? cim.filter((x): x is string => typeof x === 'string').join(' ') : typeof cim === 'string' ? cim : '';
  for (const name of names) {
    // `Name = 65`, `Name = "text"` (quotes as the depth limit writes them), never a value cut with "..."
    const m = new RegExp(`(?:^|\\s)${name} = (?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s"]+))`, 'i').exec(pairs);
    if (!m) continue;
    const raw = m[1] ?? m[2]!;
    if (raw.endsWith('...')) continue;
    return m[1] !== undefined ? raw.replace(/\\(.)/g, '$1') : /^-?\d+$/.test(raw) ? Number(raw) : raw;
  }
  return undefined;
}

/** A whole number, as ConvertTo-Json writes it or as a list-view/CIM string holds it. */
export function int(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

export function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * An enum as ConvertTo-Json writes it: its number (Windows PowerShell 5.1 and PowerShell 7 by
 * default) or its name (`-EnumsAsStrings`, a Select-Object that formatted it, a table view).
 */
export function enumValue<T>(v: unknown, byNumber: Record<number, T>, byName: Record<string, T>): T | undefined {
  if (typeof v === 'number') return byNumber[v];
  if (typeof v === 'string') return /^\d+$/.test(v.trim()) ? byNumber[Number(v)] : byName[v.trim().toLowerCase()];
  return undefined;
}

/**
 * MSFT_NetRoute and MSFT_NetIPInterface AddressFamily: IPv4 (2), IPv6 (23)
 * (learn.microsoft.com, "MSFT_NetRoute class", AddressFamily; the same values in MSFT_NetIPInterface).
 */
export const family = (v: unknown): 4 | 6 | undefined =>
  enumValue<4 | 6>(v, { 2: 4, 23: 6 }, { ipv4: 4, ipv6: 6, internetwork: 4, internetworkv6: 6 });

/**
 * Store / PolicyStore: PersistentStore (0), ActiveStore (1) (MSFT_NetRoute and MSFT_NetIPInterface
 * `Store`; assumed from the class documentation's order and from `Store = 1` on live interfaces in
 * the Get-NetIPConfiguration dump cited above).
 */
export const store = (v: unknown): 'active' | 'persistent' | undefined =>
  enumValue<'active' | 'persistent'>(v, { 0: 'persistent', 1: 'active' }, { activestore: 'active', persistentstore: 'persistent', active: 'active', persistent: 'persistent' });

/**
 * Format-List output ("Name : value" lines, a blank line between objects, e.g. `Get-NetRoute
 * -DestinationPrefix 0.0.0.0/0 | Format-List …`) as the same row objects: each block whose first
 * `key` line starts a new object (a property seen again starts one too, whatever blank lines a copy
 * kept or lost). Values are the printed text; `int`, `enumValue` and `prop` read them as from JSON.
 * Lines that are no "Name : value" are left out (a prompt, the command line). An empty value is none.
 */
export function psListItems(text: string, isRow: (o: PsObject) => boolean, keyOfRow: string): { value: PsObject; line: number }[] {
  const out: { value: PsObject; line: number }[] = [];
  let current: { value: PsObject; line: number } | null = null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // a double-spaced copy (line ends converted twice) has a blank line after every line: there an
  // object ends only at a longer run of blanks, or where a property comes again (as vpnconnection.ts)
  const gap = shortestBlankRun(lines) + 1;
  let blanks = 0;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') {
      if (++blanks >= gap) current = null;
      return;
    }
    blanks = 0;
    const m = /^\s*([A-Za-z_][\w]*)\s*:\s?(.*)$/.exec(raw);
    if (!m || /^PS\b/.test(raw.trim())) return;
    const name = m[1]!;
    if (current && Object.prototype.hasOwnProperty.call(current.value, name)) current = null;
    if (!current) {
      current = { value: {}, line: 0 };
      out.push(current);
    }
    const value = m[2]!.trim();
    if (value !== '') current.value[name] = value;
    if (name.toLowerCase() === keyOfRow.toLowerCase()) current.line = i + 1;
  });
  return out.filter((o) => isRow(o.value));
}

/** Whether a text is a Format-List of objects that have `key` ("DestinationPrefix : 0.0.0.0/0"); linear (linear-text.ts). */
export const looksLikeList = (text: string, key: string): boolean => keyAtLineStart(text, key);

