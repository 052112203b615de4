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
  text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || /^[-\s]+$/.test(line) || /^PS [^>]*>/.test(line)) return;
    const words = line.split(/\s+/);
    if (words.every((w) => NAME.test(w))) {
      const names = words.map((w) => w.replace(/\(.*\)$/, ''));
      if (isHeader(names)) {
        columns = names;
        header = true;
        return;
      }
    }
    const values = rowValues(words, columns ?? defaults);
    if (values && isRow(values)) rows.push({ values, line: i + 1, text: line });
    else strays.push(i + 1);
  });
  return { header, rows, strays };
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
