import type { LogFamily, ServerLogEntry, ServerLogResult } from '../../parse/server-log/types';

/**
 * Windows Firewall's log (pfirewall.log, families/windows-firewall-log.ts) is a server's only where the server runs a VPN; every
 * Windows PC writes one too. A PC's firewall drops inbound IKE (UDP 500/4500, path RECEIVE) that nothing on it asked for: a scanner, a
 * stray peer — Windows Firewall blocks inbound traffic that is no answer to the machine's own and matches no allow rule by default
 * (Microsoft Learn, "Windows Firewall overview" / its best-practices page: default inbound action Block), and a PC that is no VPN
 * server has no rule to let IKE in. Such a drop says nothing about a
 * VPN: it makes no finding where the same log shows no VPN on the machine that logged it — no VPN daemon's line (an entry of
 * another family than the firewall's own `syslog`), no VPN traffic the firewall let through (an RRAS server lets some in, a client's
 * own goes out), no VPN traffic this machine sent. Where it shows one, a dropped IKE is that VPN's, and its finding stands.
 */
const isReceivedIkeDrop = (e: ServerLogEntry): boolean =>
  e.cause === 'ike-init-unanswered' && e.decoded[0]?.key === 'windowsFirewallDropped' && e.decoded.some((d) => d.key === 'windowsFirewallReceive');

const OTHER_DEVICE: ReadonlySet<LogFamily> = new Set(['junos', 'sophos', 'sfos']);

const showsVpnHere = (e: ServerLogEntry): boolean => {
  const key = e.decoded[0]?.key;
  if (key === 'windowsFirewallAllowed') return true;
  if (key === 'windowsFirewallDropped') return e.decoded.some((d) => d.key === 'windowsFirewallSend');
  // (the firewall's other lines — its header, a packet no VPN's — and every other `syslog` line say nothing of a VPN; nor do a
  // Juniper SRX's or a Sophos UTM's lines: another device's, the firewall in front, not the machine whose pfirewall.log this is)
  return e.family !== 'syslog' && !OTHER_DEVICE.has(e.family);
};

/** The log's IKE drops that nothing on the machine asked for (above), added to `drop`: they make no finding. */
export function unaskedIkeDrops(log: ServerLogResult, drop: Set<ServerLogEntry>): void {
  const ike = log.entries.filter(isReceivedIkeDrop);
  if (ike.length === 0 || log.entries.some(showsVpnHere)) return;
  for (const e of ike) drop.add(e);
}
