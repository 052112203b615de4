import type { Prefixed } from '../prefix';
import { MONTHS, monthOf, ms } from '../prefixed';
import type { LogTime } from '../types';

/**
 * pluto's own log file (`logfile=` in ipsec.conf's config setup, with `logtime=yes`, the default): each line after its time with
 * microseconds and a colon, no host and no program — `Jun 18 04:06:52.343852: "ez-cash/0x4" #11: STATE_MAIN_I2: sent MI2, expecting MR2`,
 * `Jun 18 04:06:53.201786: | protocol/port …` (libreswan #187; Libreswan 4.9 the same, libreswan #1882; 5.x's failed internal check `EXPECTATION FAILED: "tun-out-1" #1: …`, libreswan #1989). The syslog reader finds no header
 * there; only a pluto head after the time (a quoted connection, a debug `| `, `packet from`) makes it pluto's. The format is read from those
 * lines (Libreswan's log.c writes the time with strftime `%b %e %T` and the microseconds: assumed from them). Without the microseconds
 * (xelerance/Openswan #204: `Aug  8 15:51:06: packet from …`) the IOS reader takes the time for a router's (shape ios); such a line is
 * pluto's for its head too, and any line of the file once the log has shown it is pluto's file (libreswan.ts claimsLeftover).
 */
export const LOGFILE_TIME = /^[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d{1,6})?: (?="|\||packet from |(?:EXPECTATION|ASSERTION) FAILED: ")/;
/** A line no header was read from that is pluto's log file's, a pluto head after its time: the two-character tests before the regex. */
export const isLogfileLine = (pre: Prefixed): boolean =>
  pre.shape === 'none' && !pre.program && pre.message.charCodeAt(3) === 32 && LOGFILE_TIME.test(pre.message) && MONTHS.includes(pre.message.slice(0, 3));
const LOGFILE_STAMP = /^([A-Z][a-z]{2}) ([ \d]?\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?: /;
/**
 * What pluto alone writes, at its start and in its debug lines (libreswan-startup.ts, the housekeeping rules; libreswan #503's and
 * xelerance/Openswan #204's pluto.log; Openswan's _plutorun, first in its stderr log): a log file's line saying one of these is pluto's even before a connection's line said so.
 */
export const PLUTO_OWN_WORDS = /^(?:\|[ \t]|Plutorun started on |adjusting ipsec\.d to |adding (?:UDP |TCP )?interface \S+ \S+:\d+$|loading secrets from |forgetting secrets$|listening for IKE messages$|Starting Pluto |added (?:connection description|IKEv[12] connection) "|reapchild failed |starting up \d+ (?:cryptographic )?helpers?(?: threads)?$|started (?:thread for )?helper |NAT-Traversal support +\[|core dump dir: |secrets file: |Initiali[sz]ing NSS|testing [\w-]+:$)/;
/** The time of pluto's log file before the message (LOGFILE_STAMP), for a line no header was read from; the message after it. */
export function logfileTime(pre: Prefixed): { pre: Prefixed; time: LogTime } | undefined {
  // only a line no header was read from, starting with a capital and a space after three letters (a month): one test of two characters first
  if (pre.shape !== 'none' || pre.program || pre.message.charCodeAt(3) !== 32) return undefined;
  const m = pre.message.match(LOGFILE_STAMP);
  const month = m ? monthOf(m[1]!) : 0;
  if (!m || month === 0) return undefined;
  const time: LogTime = { month, day: Number(m[2]!.trim()), hour: Number(m[3]), minute: Number(m[4]), second: Number(m[5]) };
  if (m[6]) time.ms = ms(m[6]);
  return { pre: { shape: 'none', message: pre.message.slice(m[0].length) }, time };
}

