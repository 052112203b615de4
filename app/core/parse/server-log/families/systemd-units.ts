import { step, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { LogFamily } from '../types';

/**
 * systemd's own lines (tag `systemd`, pid 1 or none) about a VPN daemon's service unit: `journalctl -u xl2tpd`, a syslog file on
 * CentOS 7 or Debian/Ubuntu. They say whether the daemon runs at all — a VPN server whose xl2tpd or pluto exited answers no one,
 * whatever the PC does. The other systemd lines stay "not part of the VPN".
 *
 * Message formats, systemd src/core/service.c and src/core/unit.c (log_unit_* puts `<unit>: ` first; systemd 219, CentOS 7,
 * writes some lower-case or without it — both as in the real logs, test/fixtures/real/server-logs/pppd-systemd-…):
 *   `<unit>: Main process exited, code=<exited|killed|dumped>, status=<n>/<NAME>` (219: `main process exited, …`)
 *   `<unit>: Control process exited, code=exited status=<n>` (older) or `…, code=exited, status=<n>/<NAME>` (newer)
 *   `<unit>: Failed with result '<result>'.`, `<unit>: Unit entered failed state.` (219: `Unit <unit> entered failed state.`, `<unit> failed.`)
 *   `<unit> holdoff time over, scheduling restart.` (219), `<unit>: Scheduled restart job, restart counter is at <n>.`
 *   `<unit>: Start request repeated too quickly.`
 *   `Starting|Started|Stopping|Stopped|Failed to start <description>` — newer systemd puts `<unit> - ` before the description
 *   (strongswan/strongswan#2074, Debian sid 2024: `Started strongswan-starter.service - strongSwan IPsec …`; the version assumed).
 * code= is sigchld_code_to_string's word: exited (status is the exit code), killed or dumped (status is the signal; dumped: a core
 * was written — a crash).
 */

/** The VPN daemons' unit names (without `.service`) and the family whose lines the daemon writes. */
const UNIT_FAMILY: ReadonlyMap<string, LogFamily> = new Map([
  // xl2tpd's own unit (Fedora/EPEL, Debian since 1.3.16) and the one systemd-sysv-generator makes from /etc/init.d/xl2tpd
  ['xl2tpd', 'pppd'],
  ['pptpd', 'pppd'],
  ['accel-ppp', 'pppd'],
  // Libreswan's unit (initsystems/systemd/ipsec.service.in) — also Openswan's; strongSwan's are named strongswan*
  ['ipsec', 'libreswan'],
  ['strongswan', 'strongswan'],
  ['strongswan-starter', 'strongswan'],
  ['strongswan-swanctl', 'strongswan'],
]);

/**
 * The descriptions these units' files give, as `Starting/Started/Failed to start <description>` writes them without the unit's
 * name (systemd before 247): each seen in a real log (the fixtures' SOURCES rows, hwdsl2/docker-ipsec-vpn-server#261,
 * strongswan/strongswan#2074, teddysun/across#65).
 */
const DESCRIPTION_UNIT: ReadonlyMap<string, string> = new Map([
  ['Level 2 Tunnel Protocol Daemon (L2TP)', 'xl2tpd'],
  ['LSB: layer 2 tunelling protocol daemon', 'xl2tpd'],
  ['Internet Key Exchange (IKE) Protocol Daemon for IPsec', 'ipsec'],
  ['strongSwan IPsec IKEv1/IKEv2 daemon using ipsec.conf', 'strongswan-starter'],
  ['strongSwan IPsec IKEv1/IKEv2 daemon using swanctl', 'strongswan'],
]);

const UNIT_LINE = /^(?:Unit )?([\w@.-]+?)\.service(?::| entered| failed\.| holdoff)/;
const EXITED = /^(?:Main|main|Control|control) process exited, code=(exited|killed|dumped),? status=(\d+)(?:\/(\w+))?$/;
const FAILED_RESULT = /^Failed with result '([\w-]+)'\.$/;
const JOB = /^(Starting|Started|Stopping|Stopped|Failed to start) (.+?)(?:\.\.\.|\.)?$/;
const JOB_STEP: Readonly<Record<string, string>> = { Starting: 'systemdUnitStarting', Started: 'systemdUnitStarted', Stopping: 'systemdUnitStopping', Stopped: 'systemdUnitStopped' };

/**
 * A line saying the VPN daemon is not running (it exited with an error, was killed, crashed, failed, could not be started, systemd
 * gave up): the server answers no PC through it. A `code=killed` line is one systemd logs only for an unclean end: a main process
 * ended by SIGTERM, SIGHUP, SIGINT or SIGPIPE is a clean exit and logged at debug level (service.c service_sigchld_event,
 * is_clean_exit with EXIT_CLEAN_DAEMON), which syslog does not get by default.
 */
const down = (what: string, values: Record<string, string | number>): Hit => ({ ...step(what, values, 'failure'), cause: 'service-down' });

export interface UnitHit {
  family: LogFamily;
  hit: Hit;
}

/** A systemd line about a VPN daemon's unit, decoded; undefined for every other line (systemd's, or another program's). */
export function systemdUnitLine(pre: Prefixed): UnitHit | undefined {
  if (pre.program !== 'systemd') return undefined;
  const text = pre.message;
  const job = text.match(JOB);
  if (job) {
    // `xl2tpd.service - Level 2 …` (systemd 247 and later) or the description alone
    const named = job[2]!.match(/^([\w@.-]+?)\.service(?: - .*)?$/);
    const unit = named ? named[1]! : DESCRIPTION_UNIT.get(job[2]!);
    const family = unit === undefined ? undefined : UNIT_FAMILY.get(unit);
    if (!family) return undefined;
    const values = { unit: `${unit}.service` };
    return { family, hit: job[1] === 'Failed to start' ? down('systemdUnitStartFailed', values) : step(JOB_STEP[job[1]!]!, values) };
  }
  const head = text.match(UNIT_LINE);
  const family = head ? UNIT_FAMILY.get(head[1]!) : undefined;
  if (!family) return undefined;
  const unit = `${head![1]}.service`;
  // what follows the unit's `<unit>: ` (or the whole line, for systemd 219's `Unit <unit> entered …` and `<unit> failed.`)
  const rest = text.startsWith(`${unit}: `) ? text.slice(unit.length + 2) : text;
  let m: RegExpMatchArray | null;
  if ((m = rest.match(EXITED))) {
    const status = Number(m[2]);
    const name = m[3] ? `, ${m[3]}` : '';
    if (m[1] === 'exited') return { family, hit: status === 0 ? step('systemdUnitExitedOk', { unit }) : down('systemdUnitExited', { unit, status, name }) };
    return { family, hit: down(m[1] === 'dumped' ? 'systemdUnitCrashed' : 'systemdUnitKilled', { unit, signal: status, name }) };
  }
  if ((m = rest.match(FAILED_RESULT))) return { family, hit: down('systemdUnitFailedResult', { unit, result: m[1]! }) };
  if (/^(?:Unit entered failed state\.|Unit \S+ entered failed state\.|\S+\.service failed\.)$/.test(rest)) return { family, hit: down('systemdUnitFailed', { unit }) };
  if (/^(?:\S+\.service holdoff time over, scheduling restart\.|Service hold-off time over, scheduling restart\.|Scheduled restart job, restart counter is at \d+\.)$/.test(rest)) return { family, hit: step('systemdUnitRestart', { unit }, 'warning') };
  if (rest === 'Start request repeated too quickly.') return { family, hit: down('systemdUnitGaveUp', { unit }) };
  if (rest === 'Deactivated successfully.' || rest === 'Succeeded.') return { family, hit: step('systemdUnitStopped', { unit }) };
  return undefined;
}

/**
 * Each unit's state as the log has shown it so far: a `Started <unit>` after the unit was down says it runs again, and carries the
 * cause service-recovered, so the finding can tell "stopped and was started again" from "is not running" (diagnose/server-log
 * service-state.ts) — and the line is kept past the entries cap as causes are.
 */
export class UnitWatch {
  private readonly down = new Set<string>();

  see(unitHit: UnitHit): UnitHit {
    const hit = unitHit.hit;
    const unit = hit.decoded[0]?.values?.unit;
    if (typeof unit !== 'string') return unitHit;
    if (hit.cause === 'service-down') this.down.add(unit);
    else if (hit.decoded[0]!.key === STARTED_KEY && this.down.delete(unit)) return { family: unitHit.family, hit: { ...hit, outcome: 'success', cause: 'service-recovered' } };
    return unitHit;
  }
}

const STARTED_KEY = step('systemdUnitStarted').decoded[0]!.key;

/**
 * journalctl's own lines, not the journal's messages: its head and boot marks (`-- Logs begin at … --`, newer `-- Journal begins
 * at …`, `-- Boot <32 hex> --`, `-- Reboot --`, `-- No entries --`) and, with `-x`, the message catalog's explanation under a
 * message (`-- Subject: Unit ipsec.service has failed`, `-- Defined-By: systemd`, `-- Support: …`, `-- Unit ipsec.service has begun
 * starting up.`: systemd catalog/systemd.catalog.in; xelerance/Openswan#247, clearlinux/distribution#1435). Only these starts: a
 * bare `-- ` is an e-mail signature's delimiter.
 */
const JOURNAL_NOTE = /^-- (?:(?:Logs|Journal) begins? at .*|Boot [0-9a-f]{32} --|Reboot --|No entries --|(?:Subject|Defined-By|Support|Documentation): .+|(?:Unit|The unit|A (?:start|stop) job for unit|The job identifier is|The process' exit code is|An ExecStart= process belonging to unit|Automatic restarting of the unit) .+)$/;

/** A line journalctl writes around the journal's messages (JOURNAL_NOTE). */
export const isJournalNote = (text: string): boolean => text.charCodeAt(0) === 45 /* - */ && JOURNAL_NOTE.test(text);
