import type { Cause } from '../types';

/**
 * The services a firewall's drop stops a VPN by: IKE (UDP 500, NAT-T 4500), GRE (IP 47) and PPTP's control connection (TCP 1723),
 * ESP (IP 50), bare L2TP (UDP 1701). Read from the ASA's drops (asa-deny.ts) and a Linux firewall's packet log (netfilter-log.ts).
 * A drop of GRE is what the PC sees as PPP never answering (error 806, or 619 before Vista: ../shared/windows-reference.md, the
 * RAS error table); of IKE, its first message never answered.
 */

/** The VPN service of a protocol and destination port (IANA port and protocol numbers), its cause when the drop stops it, or undefined. */
export function vpnServiceOf(proto: string, port: number | undefined): { service: string; cause?: Cause } | undefined {
  const p = proto.toLowerCase();
  if (p === 'gre' || p === 'protocol 47') return { service: 'GRE (IP 47)', cause: 'no-ppp-frames' };
  if (p === 'esp' || p === 'protocol 50') return { service: 'ESP (IP 50)' };
  if (p === 'udp' && port === 500) return { service: 'IKE (UDP 500)', cause: 'ike-init-unanswered' };
  if (p === 'udp' && port === 4500) return { service: 'IKE NAT-T (UDP 4500)', cause: 'ike-init-unanswered' };
  if (p === 'udp' && port === 1701) return { service: 'L2TP (UDP 1701)' };
  if (p === 'tcp' && port === 1723) return { service: 'PPTP (TCP 1723)' };
  return undefined;
}

/**
 * A logged packet's service (a firewall log's protocol, a name or an IP protocol number, and its destination port): the VPN's,
 * where it is one (vpnServiceOf), and its label either way — `GRE (IP 47)`, or the packet's own, `TCP 22`, `IP 41`.
 */
export function packetService(proto: string, port: number | undefined): { vpn: { service: string; cause?: Cause } | undefined; label: string } {
  const numbered = /^\d+$/.test(proto);
  const vpn = vpnServiceOf(numbered ? `protocol ${proto}` : proto, port);
  return { vpn, label: vpn?.service ?? `${numbered ? `IP ${proto}` : proto}${port !== undefined ? ` ${port}` : ''}` };
}
