import { d } from '../kit';
import type { Cause, Decoded, Outcome } from '../types';

/**
 * The services a firewall's drop stops a VPN by: IKE (UDP 500, NAT-T 4500), GRE (IP 47) and PPTP's control connection (TCP 1723),
 * ESP (IP 50), bare L2TP (UDP 1701). Read from the ASA's drops (asa-deny.ts), a Linux firewall's packet log (netfilter-log.ts),
 * pfSense's (filterlog.ts), Windows Firewall's (windows-firewall-log.ts) and an IOS access list's (ios-ip-packet.ts). Each drop's
 * cause is the one the PC meets (the ports: ../shared/windows-reference.md §10 and the seed Cisco PPTP FAQ, "TCP/1723, IP-protocol/47
 * GRE"; the errors: §7, the RAS error table):
 *  - GRE: the PPP inside never answers (error 806, 619 before Vista);
 *  - IKE: the PC's first message never answered (809);
 *  - TCP 1723, a connection's start (SYN): PPTP's control connection never opens — the server is unreachable on its PPTP port, and
 *    Windows says so with 800 ("unable to establish the VPN connection … the VPN server may be unreachable", ERROR_AUTOMATIC_VPN_FAILED),
 *    as for a PPTP client's refused control connection (pptp-client.ts). A later packet of it (an ACK, a FIN after the connection
 *    timed out) says nothing of the start: named, no cause;
 *  - ESP: IKE (Main and Quick Mode) completes, then the IPsec data — L2TP inside it, or an IKEv2 tunnel's traffic — is dropped: L2TP
 *    never answers, the PC gives up waiting (error 809 assumed: the RAS error table's "server not responding"; 789 is IPsec's own
 *    negotiation failing, which here succeeded). Without NAT only: behind NAT, NAT-T carries ESP inside UDP 4500;
 *  - UDP 1701, no cause: on the wire L2TP/IPsec's L2TP is inside ESP (or UDP 4500), so a firewall on the way only sees bare L2TP —
 *    a client trying L2TP without IPsec — and an L2TP/IPsec server's own firewall drops bare L2TP on purpose (Libreswan's L2TP tests,
 *    testing/pluto/l2tp-01/eastinit.sh: "ensure that clear text does not get through", `iptables -A INPUT … -m policy --dir in --pol
 *    none -p udp --dport 1701 -j REJECT`; hwdsl2/setup-ipsec-vpn's rules, `--dport 1701 -m policy --dir in --pol none -j DROP`). On
 *    the server's own firewall the drop of L2TP that came out of IPsec looks the same (the log line shows no policy): a warning that
 *    says both, no finding (l2tpDropNote).
 */

export interface VpnService {
  service: string;
  cause?: Cause;
  /** a drop of it is often meant (bare L2TP): a warning with this statement, not a failure */
  note?: string;
}

/**
 * The VPN service of a protocol and destination port (IANA port and protocol numbers), its cause when the drop stops it, or undefined.
 * `opening`: false for a TCP packet that is not a connection's start (its flags show an ACK, or no SYN) — only a start's drop stops it.
 */
export function vpnServiceOf(proto: string, port: number | undefined, opening = true): VpnService | undefined {
  const p = proto.toLowerCase();
  if (p === 'gre' || p === 'protocol 47') return { service: 'GRE (IP 47)', cause: 'no-ppp-frames' };
  if (p === 'esp' || p === 'protocol 50') return { service: 'ESP (IP 50)', cause: 'esp-blocked' };
  if (p === 'udp' && port === 500) return { service: 'IKE (UDP 500)', cause: 'ike-init-unanswered' };
  if (p === 'udp' && port === 4500) return { service: 'IKE NAT-T (UDP 4500)', cause: 'ike-init-unanswered' };
  if (p === 'udp' && port === 1701) return { service: 'L2TP (UDP 1701)', note: 'l2tpDropNote' };
  if (p === 'tcp' && port === 1723) return opening ? { service: 'PPTP (TCP 1723)', cause: 'pptp-control-blocked' } : { service: 'PPTP (TCP 1723)' };
  return undefined;
}

/**
 * A logged packet's service (a firewall log's protocol, a name or an IP protocol number, and its destination port): the VPN's,
 * where it is one (vpnServiceOf), and its label either way — `GRE (IP 47)`, or the packet's own, `TCP 22`, `IP 41`.
 */
export function packetService(proto: string, port: number | undefined, opening = true): { vpn: VpnService | undefined; label: string } {
  const numbered = /^\d+$/.test(proto);
  const vpn = vpnServiceOf(numbered ? `protocol ${proto}` : proto, port, opening);
  return { vpn, label: vpn?.service ?? `${numbered ? `IP ${proto}` : proto}${port !== undefined ? ` ${port}` : ''}` };
}

/** A firewall's drop of a VPN's service: a failure, or a warning with its statement where such a drop is often meant (vpnServiceOf's note). */
export function dropOutcome(vpn: VpnService): { outcome: Outcome; note?: Decoded } {
  return vpn.note ? { outcome: 'warning', note: d(vpn.note) } : { outcome: 'failure' };
}
