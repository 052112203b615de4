import type { LogTime } from '../types';

/**
 * Sophos Firewall (SFOS, the XG/XGS firewalls' OS) log records: key=value, as its syslog export and its log viewer's raw view
 * show them. Two layouts, the same fields: before SFOS 19 `device="SFW" date=2020-05-18 time=14:38:58 timezone="CEST"
 * device_name="XG230" … log_id=062511418055 log_type="Event" log_component="IPSec" log_subtype="System" status="Failed"
 * priority=Warning … message="…"`, from SFOS 19 `device_name="SFW" timestamp="2021-11-15T20:52:23-0600" … log_id=063411660020
 * log_type="Event" log_component="DHCP Server" … log_version=1 status="Renew" severity="Information" … message="…"` (real lines:
 * test/fixtures/real/server-logs/sfos-*, from elastic/integrations' Sophos XG pipeline tests; the field names as Elastic's
 * pipeline reads them). The log id has twelve digits (a FortiGate's ten: fortigate-fields.ts), quoted or bare.
 */

/** the record's log id: twelve digits, quoted or bare */
const LOG_ID = /(?:^|\s)log_id="?\d{12}"?(?=\s|$)/;
/**
 * the record starts with its first field (`device=`, `device_name=`; a shortened copy's `log_id=`, one that starts at the time):
 * not any field, since a copy hard-wrapped at a width starts its next line inside the record (`vice_serial_id=… log_id=…
 * log_component=…`), which is the record's rest, not a record (test/server-log-paste-copies.test.ts, first-wrap.ts)
 */
const FIRST_FIELD = /^(?:device|device_name|log_id|timestamp|date)=/;

/** Whether a message is a Sophos Firewall record (cheap tests first: this runs for records no other family claimed). */
export function isSfosRecord(message: string): boolean {
  return message.includes('log_component=') && message.includes('log_id=') && FIRST_FIELD.test(message) && LOG_ID.test(message);
}

/** a field's value, undefined when absent, empty or `N/A` (SFOS writes `auth_client="N/A"`, `localgateway=""`) */
export function field(fields: Map<string, string>, name: string): string | undefined {
  const v = fields.get(name);
  return v === undefined || v === '' || v === 'N/A' ? undefined : v;
}

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d)$/;

/**
 * The record's own time, the firewall's local time: `date=` and `time=` (before SFOS 19), or `timestamp="…T…"` (SFOS 19; an SSL
 * VPN record of the older layout has a `timestamp=1589960866` of its own, in seconds: not read, its `date=` comes first).
 */
export function sfosTime(fields: Map<string, string>): LogTime | undefined {
  const date = DATE.exec(fields.get('date') ?? '');
  const time = TIME.exec(fields.get('time') ?? '');
  if (date && time) return { year: +date[1]!, month: +date[2]!, day: +date[3]!, hour: +time[1]!, minute: +time[2]!, second: +time[3]! };
  const iso = ISO.exec(fields.get('timestamp') ?? '');
  return iso ? { year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, hour: +iso[4]!, minute: +iso[5]!, second: +iso[6]! } : undefined;
}
