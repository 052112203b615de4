/**
 * A PowerShell table view pasted as text (Format-Table, the default view of Get-NetRoute and
 * Get-NetIPInterface, or a `Select-Object … | ft` of other columns in another order): the header
 * names the columns, a dashed line follows, each row has one value per column. Values hold no blanks
 * but the interface alias ("Local Area Connection* 12", "vEthernet (xuni-01)"): a row with more words
 * than columns gives the extra ones to InterfaceAlias. A paste of rows without their header is read
 * with the cmdlet's default columns.
 */

export interface PsTableRow {
  /** column name (as the header spells it, "(Bytes)" and the like left out) → the row's value */
  values: Record<string, string>;
  line: number;
  text: string;
}

export interface PsTable {
  /** a header of this cmdlet was seen */
  header: boolean;
  rows: PsTableRow[];
  /** 1-based lines that are neither a header, an underline, a prompt nor a row */
  strays: number[];
}

const NAME = /^[A-Za-z][A-Za-z0-9]*(?:\([A-Za-z]+\))?$/;

/**
 * `isHeader`: whether column names are this cmdlet's; `isRow`: whether a row's values are one of its
 * rows (a number where a number belongs…); `defaults`: the columns of a header-less paste.
 */
export function psTable(text: string, isHeader: (names: string[]) => boolean, isRow: (values: Record<string, string>) => boolean, defaults: string[]): PsTable {
  const rows: PsTableRow[] = [];
  const strays: number[] = [];
  let columns: string[] | null = null;
  let header = false;
  // lines of names not yet taken: a label the table wrapped goes on under them, up to the dashes
  let pending: { raw: string; line: number; names: string[] }[] = [];
  /** the pending lines without a wrapped label: the last one that is a header on its own is taken */
  const settle = () => {
    const at = pending.map((p) => isHeader(p.names)).lastIndexOf(true);
    pending.forEach((p, k) => (k === at ? undefined : strays.push(p.line)));
    if (at >= 0) {
      columns = pending[at]!.names;
      header = true;
    }
    pending = [];
  };
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (/^[-\s]+$/.test(line)) {
      const names = pending.length > 1 ? wrappedHeader(pending.map((p) => p.raw), raw, isHeader) : null;
      if (names) {
        columns = names;
        header = true;
        pending = [];
      } else settle();
      return;
    }
    if (/^PS [^>]*>/.test(line)) return;
    const words = line.split(/\s+/);
    if (words.every((w) => NAME.test(w)) && pending.length < MAX_HEADER_LINES) {
      pending.push({ raw, line: i + 1, names: words.map((w) => w.replace(/\(.*\)$/, '')) });
      return;
    }
    settle();
    const values = rowValues(words, columns ?? defaults);
    if (values && isRow(values)) rows.push({ values, line: i + 1, text: line });
    else strays.push(i + 1);
  });
  settle();
  return { header, rows, strays };
}

/**
 * Format-Table wraps a column's label that is longer than the column onto the next header lines,
 * each piece inside the column's width (right-aligned in a right-aligned column) and the dashed
 * underline under the last piece ("InterfaceMet" / "ric" over "------------" in an 80-column
 * console: test/fixtures/real/powershell/get-netipinterface-ft-ru-header-wrapped-80-columns.txt;
 * PowerShell's TableWriter, "wrap column headers": assumed from that output, no document found).
 * Read by position: each dash group's text on every header line, joined. A paste that lost the
 * positions (lines trimmed) is read by trying each continuation word after each name.
 */
const MAX_HEADER_LINES = 4;
function wrappedHeader(lines: string[], dashes: string, isHeader: (names: string[]) => boolean): string[] | null {
  if (lines.length < 2) return null;
  const clean = (names: string[]) => names.map((w) => w.replace(/\(.*\)$/, ''));
  const spans: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) spans.push([m.index, m.index + m[0].length]);
  const byPosition = spans.map(([from, to]) => lines.map((l) => l.slice(from, to).trim()).join(''));
  // every word of every line inside one column: nothing left between the dash groups
  const covered = lines.every((l) => {
    let rest = l;
    for (const [from, to] of spans) rest = rest.slice(0, from) + ' '.repeat(Math.max(0, Math.min(to, rest.length) - from)) + rest.slice(to);
    return rest.trim() === '';
  });
  if (covered && byPosition.every((n) => NAME.test(n)) && isHeader(clean(byPosition))) return clean(byPosition);
  // positions lost: one continuation word per line, appended to the name it completes
  let names = lines[0]!.trim().split(/\s+/);
  for (const l of lines.slice(1)) {
    const more = l.trim().split(/\s+/);
    if (more.length !== 1) return null;
    const fit = names.map((_, j) => names.map((n, k) => (k === j ? n + more[0] : n))).find((c) => c.every((n) => NAME.test(n)) && isHeader(clean(c)));
    if (!fit) return null;
    names = fit;
  }
  return clean(names);
}

function rowValues(words: string[], columns: string[]): Record<string, string> | null {
  let cells = words;
  const alias = columns.indexOf('InterfaceAlias');
  if (words.length > columns.length && alias >= 0) {
    const extra = words.length - columns.length;
    cells = [...words.slice(0, alias), words.slice(alias, alias + extra + 1).join(' '), ...words.slice(alias + extra + 1)];
  }
  // a last PolicyStore column left empty (rows copied without it)
  if (cells.length === columns.length - 1 && columns[columns.length - 1] === 'PolicyStore') cells = [...cells, ''];
  if (cells.length !== columns.length) return null;
  return Object.fromEntries(columns.map((c, k) => [c, cells[k]!]));
}
