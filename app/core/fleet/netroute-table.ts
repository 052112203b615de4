import type { NetRouteRow } from './default-route';

/**
 * `Get-NetRoute` in its default table view (with or without the header and dashed underline):
 * "ifIndex DestinationPrefix NextHop RouteMetric ifMetric PolicyStore". Rows of the
 * PersistentStore are left out: the same route is listed again from the ActiveStore, and the
 * Intune scripts read the ActiveStore only. Lines that are not rows are returned as `skipped`.
 */
export function parseNetRouteTable(text: string): { rows: NetRouteRow[]; skipped: string[] } {
  const rows: NetRouteRow[] = [];
  const skipped: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || /^\s*ifIndex\s+DestinationPrefix/i.test(line) || /^[\s-]+$/.test(line)) continue;
    const m = line.trim().match(/^(\d+)\s+(\S+\/\d+)\s+(\S+)\s+(\d+)\s+(\d+)(?:\s+(\S+))?$/);
    if (!m) {
      skipped.push(line);
      continue;
    }
    if (m[6] === 'PersistentStore') continue;
    rows.push({ ifIndex: Number(m[1]), destinationPrefix: m[2]!, nextHop: m[3]!, routeMetric: Number(m[4]), interfaceMetric: Number(m[5]) });
  }
  return { rows, skipped };
}
