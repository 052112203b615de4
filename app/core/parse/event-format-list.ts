/**
 * Event objects as PowerShell's Format-List prints them (`Get-EventLog -LogName Application -Source
 * RasClient | Format-List -Property *`, or Get-WinEvent's list view): one `Name : value` line per
 * property, the names padded so the colons line up, a long value wrapped onto lines indented to
 * the value's column, objects one after the other. The property names are PowerShell's and never
 * translated, unlike the message (Microsoft Learn, "Troubleshoot a hybrid VPN connection", which
 * shows this output for RasClient 20227).
 */

export interface ListedObject {
  /** 0-based line of its first property */
  start: number;
  /** property name → its value's lines (the first line's value, then each continuation, trimmed) */
  props: Map<string, string[]>;
}

// at least one space before the colon: Format-List pads every name to the longest one plus a space,
// which tells it from wevtutil's `Event ID: 20227` and Event Viewer's `Log Name:      Application`
const PROPERTY = /^(\s*)([A-Za-z][A-Za-z0-9]*) +: ?(.*)$/;

/** The text holds listed event objects: an id property and a Message at the same indentation. */
export function isFormatList(lines: readonly string[]): boolean {
  const indentOf = (name: RegExp) => lines.map((l) => PROPERTY.exec(l)).find((m) => m && name.test(m[2]!))?.[1];
  const idIndent = indentOf(/^(?:EventID|Id|InstanceId)$/);
  return idIndent !== undefined && indentOf(/^Message$/) === idIndent;
}

/** Splits the list into objects: a property name seen again starts the next object. */
export function readFormatList(lines: readonly string[]): ListedObject[] {
  const base = lines.map((l) => PROPERTY.exec(l)).find((m) => m)?.[1] ?? '';
  const objects: ListedObject[] = [];
  let current: ListedObject | undefined;
  let last: string[] | undefined;
  lines.forEach((l, i) => {
    const m = PROPERTY.exec(l);
    if (m && m[1] === base) {
      if (!current || current.props.has(m[2]!)) objects.push((current = { start: i, props: new Map() }));
      current.props.set(m[2]!, (last = [m[3]!.trim()]));
    } else if (last && l.trim() !== '' && l.length - l.trimStart().length > base.length) last.push(l.trim());
  });
  return objects;
}

/**
 * An array property (`{{B4000371-…}, SYSTEM, AzureGateway, 809}`): its elements, and whether
 * Format-List cut it short (`{a, b, c, d...}` past $FormatEnumerationLimit, 4 by default), in which
 * case the last element shown is cut too and is left out.
 */
export function listElements(value: string): { elements: string[]; cut: boolean } {
  const inner = /^\{(.*)\}$/.exec(value.trim())?.[1];
  if (inner === undefined || inner.trim() === '') return { elements: [], cut: false };
  const cut = /(?:\.\.\.|…)$/.test(inner);
  const elements = inner.split(', ').map((e) => e.trim());
  return { elements: cut ? elements.slice(0, -1) : elements, cut };
}
