import type { RoutePrintInterface } from './types';
import { matchHeader, type IfaceRow } from './route-print-lines';
import type { State } from './route-print-state';

/**
 * The Interface List of `route print`: one row per adapter (index, MAC when it has one, description),
 * and descriptions the console (or a paste) wrapped onto the next line.
 */

/** The columns a printed line took: an ellipsis a blog's typography made of three dots took three (route-print-lines.ts, IFACE_ROW). */
export const printedWidth = (line: string): number => line.length + 2 * (line.split('\u2026').length - 1);

/** Adds an interface row; `width` is the untrimmed line's printed width (a wrap happens at 80 columns). */
export function addInterface(st: State, row: IfaceRow, width: number): void {
  const entry: RoutePrintInterface = { index: row.index, description: row.description };
  if (row.mac) entry.mac = row.mac;
  st.interfaces.push(entry);
  if (row.hex) st.hexIndexes = true;
  else st.decimalIndexes = true;
  st.section = 'iflist';
  st.lastIface = { iface: entry, width };
}

/**
 * XP and the console wrap long adapter descriptions at 80 columns onto the next line; some pastes
 * re-wrap them onto an indented line instead. True when `line` (trimmed: `t`) continued the
 * description of the interface row before it.
 */
export function continuesDescription(previous: State['lastIface'], line: string, t: string): boolean {
  if (!previous || !(previous.width >= 78 || /^\s/.test(line)) || matchHeader(t)) return false;
  const d = previous.iface.description;
  previous.iface.description = previous.width >= 80 ? `${d}${line}`.trim() : `${d} ${t}`;
  return true;
}
