import type { LogTime } from './types';
import type { Prefixed } from './prefixed';
import { sophosUnderYearTag } from './sophos-header';

/**
 * An RFC 3339 time with a numeric zone, as a syslog writer puts it before `HOST TAG: ` — rsyslog's file format, the default of
 * Debian's rsyslog (RSYSLOG_FileFormat: timereported as rfc3339, a blank, hostname, a blank, syslogtag, msg —
 * https://www.rsyslog.com/doc/reference/templates/templates-reserved-names.html; `2021-12-19T20:35:40.572463+01:00 pluto
 * rtkit-daemon[582]: …`, garabik/grc#202, "the default in rsyslog") and `journalctl -o short-iso` (`2024-05-01T10:00:00+0200 host
 * tag[pid]: `, no colon in the offset: systemd/systemd#26639). Docker's `-t` prefix, the other RFC 3339 time before raw lines,
 * is UTC with a `Z` (Go's RFC3339Nano): a line there is a program's own output (`Remote message: …` from a foreground pppd), no tag.
 */
const NUMERIC_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d{1,9})?[+-]\d\d:?\d\d /;

/**
 * `HOST TAG: ` without a pid, the host a name or an address (RFC 3164 §4.1.2: a host name or an IP address, no blanks): not a
 * priority and topics (`<13>dhcp,debug,packet MikroTik: …`, RouterOS's raw message under the writer's time: prefix-shapes.ts)
 */
const HOST_TAG = /^([\w.-]+) ([A-Za-z][\w./-]*): ?(.*)$/;

/** a relay took a Sophos UTM's year for the tag: `192.168.10.1 2017: 03:01-02:30:05 utm ulogd[4824]: …` (sophos-header.ts) */
const YEAR_TAG = /^([\w.-]+) (\d{4}): (.*)$/;

/**
 * After a syslog writer's RFC 3339 time (`rest`: what follows the time and its blank), a tag without a pid whatever its name:
 * such a writer always puts the host and the tag there, as the classic header (RFC 3164 §4.1.2) does, where any name is read as
 * the tag — a router's relayed `192.168.177.1 HQ: …`, strongSwan's updown script's `gw vpn: + …`, a relay's `gw minerva:
 * xl2tpd[1030]: …` (its inner tag read then as under the classic header), a Sophos UTM's year taken for the tag. Undefined where
 * the time is not such a writer's, or the rest no host and tag (the caller's reading stands).
 */
export function tagAfterWriterTime(text: string, time: LogTime, rest: string): Prefixed | undefined {
  return NUMERIC_ZONE.test(text) ? writerTag(time, rest) : undefined;
}

/**
 * `HOST TAG: ` after the time of a format only a syslog writer writes (journalctl's `-o short-unix` and `-o short-full`, whose
 * lines without a pid are the kernel's and what journald took in without one — systemd's journalctl(1)), or after such a writer's
 * RFC 3339 time (tagAfterWriterTime): a tag of any name, as the classic header reads one.
 */
export function writerTag(time: LogTime, rest: string): Prefixed | undefined {
  const u = HOST_TAG.exec(rest);
  if (u) return { shape: 'iso', time, host: u[1], program: u[2], message: u[3]! };
  const y = YEAR_TAG.exec(rest);
  return y ? sophosUnderYearTag({ shape: 'iso', time, host: y[1], program: y[2], message: y[3]! }, y[2]!) : undefined;
}
