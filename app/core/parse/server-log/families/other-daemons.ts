import { step } from '../kit';
import type { Prefixed } from '../prefix';
import type { UnitHit } from './systemd-units';

/**
 * Lines of programs no family reads that a VPN paste carries along, understood as such (index.ts otherLine, family `syslog`):
 * - racoon (ipsec-tools' IKE daemon; on a Linux PC it starts with the system's IPsec and a PPTP client's log shows it) opening its IKE
 *   sockets: `INFO: 192.168.0.12[500] used as isakmp port (fd=8)`, `INFO: 127.0.0.1[500] used for NAT-T` (ipsec-tools
 *   src/racoon/isakmp.c isakmp_open, plog(LLV_INFO, …, "%s used as isakmp port (fd=%d)" / "%s used for NAT-T"; assumed from the real
 *   lines, test/fixtures/real/server-logs/pppd-pptp-client-nm-lcp-timeout-firewall-logs-inbound-gre.txt): where it listens, no more;
 * - BusyBox syslogd's own first line, `syslogd started: BusyBox v1.24.2` (syslogd.c: `"syslogd started: BusyBox v" BB_VER`, logged
 *   untagged under `syslog.info`): the system log starting, not part of the VPN.
 */
const RACOON_SOCKET = /^INFO: (\S+)\[(\d+)\] used (?:as isakmp port \(fd=\d+\)|for NAT-T)$/;
const BUSYBOX_SYSLOGD = /^(?:syslog\.info )?syslogd started: BusyBox v\S+$/;

/** A racoon line (program racoon) or BusyBox syslogd's start (no program), else undefined. */
export function otherDaemonLine(pre: Prefixed): UnitHit | undefined {
  if (pre.program === 'racoon') {
    const m = RACOON_SOCKET.exec(pre.message);
    return m ? { family: 'syslog', hit: step('racoonListens', { address: m[1]!, port: m[2]! }) } : undefined;
  }
  if (pre.program === undefined && pre.message.includes('syslogd started: BusyBox')) {
    return BUSYBOX_SYSLOGD.test(pre.message) ? { family: 'syslog', hit: step('busyboxSyslogdStarted') } : undefined;
  }
  return undefined;
}
