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

/** The causes this module settles (findings.ts words them by unit or daemon). */
export const SERVICE_CAUSES: ReadonlySet<Cause> = new Set(['service-down', 'service-recovered']);

/**
 * What an entry of this finding is about: the systemd unit (systemd-units.ts puts it in the values of every statement), or where a
 * daemon's own line names none, the daemon (values.service: strongswan-starter.ts "strongSwan (charon)", libreswan-startup.ts
 * "Libreswan (pluto)").
 */
type SubjectKind = 'unit' | 'windows' | 'daemon';
const subjectOf = (e: ServerLogEntry): { name: string; kind: SubjectKind } | undefined => {
  const values = e.decoded[0]?.values;
  if (typeof values?.unit === 'string') return { name: values.unit, kind: 'unit' };
  // a Windows service by its key name (service-control-events.ts, remote-access-events.ts): the service manager says when it runs again
  if (typeof values?.winService === 'string') return { name: values.winService, kind: 'windows' };
  return typeof values?.service === 'string' ? { name: values.service, kind: 'daemon' } : undefined;
};

interface Word {
  unit: string;
  /** a systemd unit, a Windows service (by its key name), or a daemon a line names without a unit */
  kind: SubjectKind;
  cause: Cause;
}

/**
 * Each unit's last word in each log, in the order the units were first met — only the units' when any is named: a daemon's own line
 * next to systemd's about its unit (addconn's `cannot load config` before `Failed to start … ipsec`) is that unit's story, and only
 * systemd says when the unit runs again.
 */
function lastWords(items: readonly Item[]): Map<string, Word> {
  const last = new Map<string, Word>();
  for (const { source, entry } of items) {
    const subject = subjectOf(entry);
    if (subject === undefined || !SERVICE_CAUSES.has(entry.cause!)) continue;
    last.set(`${source}\u0000${subject.name}`, { unit: subject.name, kind: subject.kind, cause: entry.cause! });
  }
  const units = [...last].filter(([, w]) => w.kind === 'unit');
  return units.length ? new Map(units) : last;
}

/**
 * What the log's end says about the finding's VPN services, read once per finding (findings.ts asks for all three for its title and
 * its advice).
 */
export interface ServiceState {
  /**
   * service-recovered when every unit of the finding runs again at its log's end, else service-down — also when nothing names a
   * unit that came back (a service-down line without a unit: nothing can say it runs again).
   */
  cause: Cause;
  /** the finding names systemd units (serverLog.cause.service-down) or only daemons whose lines name no unit (serverLog.cause.daemon-down) */
  namesUnits: boolean;
  /**
   * the finding names only Windows services (serverLog.cause.windows-service-down): `units` holds their key names (RemoteAccess), which
   * the finding words in the reader's language (serverLog.winService.*)
   */
  windows: boolean;
  /** the units the finding names (those still down when any is), once each: "xl2tpd.service" or "xl2tpd.service, ipsec.service" */
  units: string;
}

export function serviceState(items: readonly Item[]): ServiceState {
  const words = [...lastWords(items).values()];
  const down = words.filter((w) => w.cause === 'service-down');
  return {
    cause: words.length === 0 || down.length > 0 ? 'service-down' : 'service-recovered',
    namesUnits: words.length === 0 || words.some((w) => w.kind === 'unit'),
    windows: words.length > 0 && words.every((w) => w.kind === 'windows'),
    units: [...new Set((down.length ? down : words).map((w) => w.unit))].join(', '),
  };
}
