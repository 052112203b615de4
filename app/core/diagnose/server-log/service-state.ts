import type { Cause, ServerLogEntry } from '../../parse/server-log/types';

/**
 * server.service-down: a VPN daemon's systemd unit went down (cause service-down) and perhaps came back (service-recovered, the
 * parser's UnitWatch gives it to a `Started <unit>` after the unit was down). The finding says what the log's end shows: a unit
 * still down is "not running" (critical); when every unit it names runs again, "stopped and was started again" (a warning: the
 * connections made in between failed, and it may happen again).
 */

interface Item {
  source: string;
  entry: ServerLogEntry;
}

const SERVICE_CAUSES: ReadonlySet<Cause> = new Set(['service-down', 'service-recovered']);

/** The unit an entry of this finding is about (systemd-units.ts puts it in the values of every statement). */
const unitOf = (e: ServerLogEntry): string | undefined => {
  const unit = e.decoded[0]?.values?.unit;
  return typeof unit === 'string' ? unit : undefined;
};

/** Each unit's last word in each log, in the order the units were first met. */
function lastWords(items: readonly Item[]): Map<string, { unit: string; cause: Cause }> {
  const last = new Map<string, { unit: string; cause: Cause }>();
  for (const { source, entry } of items) {
    const unit = unitOf(entry);
    if (unit === undefined || !SERVICE_CAUSES.has(entry.cause!)) continue;
    last.set(`${source}\u0000${unit}`, { unit, cause: entry.cause! });
  }
  return last;
}

/**
 * service-recovered when every unit of the finding runs again at its log's end, else service-down — also when nothing names a unit
 * that came back (a service-down line without a unit: nothing can say it runs again).
 */
export function settledServiceCause(items: readonly Item[]): Cause {
  const words = lastWords(items);
  if (words.size === 0) return 'service-down';
  for (const { cause } of words.values()) if (cause !== 'service-recovered') return 'service-down';
  return 'service-recovered';
}

/** The units the finding names (those still down when any is), once each: "xl2tpd.service" or "xl2tpd.service, ipsec.service". */
export function serviceUnits(items: readonly Item[]): string {
  const words = [...lastWords(items).values()];
  const down = words.filter((w) => w.cause === 'service-down');
  return [...new Set((down.length ? down : words).map((w) => w.unit))].join(', ');
}
