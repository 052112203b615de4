import { d, step, tagged, type Hit } from '../kit';
import { dropOutcome, packetService, vpnServiceOf, type VpnService } from './vpn-services';

/**
 * The ASA's firewall dropping a VPN's own packets (Cisco Secure Firewall ASA Series Syslog Messages,
 * https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html): 106023 "Deny protocol src interface:ip/port dst
 * interface:ip/port by access-group acl [hash, hash]" (protocol a name, or `protocol 47` by number), 106006 "Deny inbound UDP from
 * ip/port to ip/port on interface name", 106001 "Inbound TCP connection denied from ip/port to ip/port flags … on interface name",
 * 710003 "TCP|UDP access denied by ACL from ip/port to interface:ip/port" (traffic to the ASA itself). Only the VPN's services are
 * read (vpn-services.ts) — every other drop by an access rule is no VPN's and stays not understood.
 * Two drops are read whatever their port, because they say what kind of packet it was, not which rule refused it:
 *  106015 "Deny TCP (no connection) from IP_address/port to IP_address/port flags tcp_flags on interface interface_name" — the guide:
 *  "discarded a TCP packet that has no associated connection in the … connection table … If the SYN flag is not set, and there is no
 *  existing connection, the Secure Firewall ASA discards the packet": a late packet of a connection already closed (a FIN or RST
 *  after the teardown, an idle one timed out) or one whose start went another way. To TCP 1723 it is the PPTP control connection's
 *  — named so, a warning without a cause: on its own it does not say the VPN failed (the lines around it do);
 *  106007 "Deny inbound UDP from outside_address/outside_port to inside_address/inside_port due to DNS {Response|Query}" — "A UDP
 *  packet containing a DNS query or response was denied"; for a response (from port 53), "a DNS server was probably too slow to
 *  respond, and the query was answered by another server": DNS through the box, never the VPN's.
 */

const DENY_106023 = /^Deny (\w+|protocol \d+) src [^:\s]+:([0-9A-Fa-f.:]+)(?:\/\d+)?(?:\([^)]*\))? dst [^:\s]+:([0-9A-Fa-f.:]+)(?:\/(\d+))?.*? by access-group "?([^"\s]+)"?/;
const DENY_106006 = /^Deny inbound (UDP) from ([0-9A-Fa-f.:]+?)\/\d+ to ([0-9A-Fa-f.:]+?)\/(\d+) on interface (\S+)/;
const DENY_106001 = /^Inbound (TCP) connection denied from ([0-9A-Fa-f.:]+?)\/\d+ to ([0-9A-Fa-f.:]+?)\/(\d+) flags .*? on interface (\S+)/;
const DENY_710003 = /^(TCP|UDP) access denied by ACL from ([0-9A-Fa-f.:]+?)\/\d+ to [^:\s]+:([0-9A-Fa-f.:]+?)\/(\d+)/;
// (the flags are blank-separated words, `SYN ACK`, with two blanks before `on` in real lines: the lazy match ends at the last blank)
const NO_CONNECTION_106015 = /^Deny TCP \(no connection\) from ([0-9A-Fa-f.:]+?)\/(\d+) to ([0-9A-Fa-f.:]+?)\/(\d+) flags (.*?)\s+on interface (\S+?)\.?$/;
/**
 * 106100 "access-list acl_ID {permitted | denied | est-allowed} protocol interface_name/source_address(source_port)(idfw_user, sg_info)
 * -> interface_name/dest_address(dest_port) (idfw_user, sg_info) hit-cnt number ({first hit | number-second interval}) hash codes"
 * (the guide): an ACE with the `log` option matched. The protocol is "tcp, udp, icmp, or an IP protocol number" (GRE may come as
 * `gre` or `47`); the ports are in brackets after the addresses ("For ICMP, this field is icmp-type"). Only `denied` is a drop:
 * `est-allowed` is a packet the ACL denied but let through for an established session, `permitted` one it let through. The
 * identity-firewall brackets after a port are optional (not in older releases); the Configuration Guide's examples put no blank
 * before `->` when the line wraps (`(12345)->`), so blanks around the arrow are optional
 */
const ACL_106100 = /^access-list (\S+) denied (\w+) [^/\s]+\/([^\s(]+)(?:\(\d+\))?(?:\([^)]*\))?\s*->\s*[^/\s]+\/([^\s(]+)(?:\((\d+)\))?/;
const DNS_106007 = /^Deny inbound UDP from ([0-9A-Fa-f.:]+?)\/\d+ to ([0-9A-Fa-f.:]+?)\/\d+ due to DNS (Query|Response)\b/i;

/**
 * 305006 "{outbound static|identity|portmap|regular} translation creation failed for protocol src interface_name:source_address/
 * source_port dst interface_name:dest_address/dest_port" (the guide): NAT found no way to translate the packet, which is dropped. For
 * GRE (protocol 47) through PAT that is PPTP's data without the ASA's PPTP inspection, which alone translates it by its call id (Cisco
 * ASA configuration guide, "PPTP Inspection": "PAT is only performed for the modified version of GRE [RFC 2637] when negotiated over
 * the PPTP TCP control channel"; a real PIX 8.0 line behind which no PPTP tunnel came up, booches.nl 2008). The address may be a
 * placeholder with a blank (`<IP address>`) in a post
 */
const NAT_305006 = /^(outbound static|identity|portmap|regular) translation creation failed for (\w+|protocol \d+) src [^:\s]+:(<[^>]*>|[^\s/]+)(?:\/\d+)? dst [^:\s]+:(<[^>]*>|[^\s/]+)(?:\/(\d+))?/;

export const isDenyId = (id: number): boolean => id === 106023 || id === 106006 || id === 106001 || id === 710003 || id === 106015 || id === 106007 || id === 305006 || id === 106100;

/** 305006 for a VPN's own traffic: the translation's failure stops it (a failure with the service's cause); null for any other protocol or port */
function natFailedHit(text: string): Hit | null {
  const m = text.match(NAT_305006);
  if (!m) return null;
  const what = vpnServiceOf(m[2]!, m[5] ? Number(m[5]) : undefined);
  if (!what) return null;
  const key = what.service.startsWith('GRE') ? 'asaGreNatFailed' : 'asaVpnNatFailed';
  // (the source is the side the translation was for: a placeholder is no address)
  return vpnDropHit(what, d(key, { service: what.service, kind: m[1]!, src: m[3]!, dst: m[4]! }), m[3]!.startsWith('<') ? undefined : m[3]);
}

/** A drop of a VPN's service: its outcome and note (vpn-services.ts dropOutcome), the service's cause, the sender as the peer */
function vpnDropHit(what: VpnService, said: ReturnType<typeof d>, peer: string | undefined): Hit {
  const drop = dropOutcome(what);
  const hit: Hit = { decoded: drop.note ? [said, drop.note] : [said], outcome: drop.outcome };
  if (what.cause) hit.cause = what.cause;
  return tagged(hit, { peer });
}

/** 106015: a TCP packet of no connection the ASA keeps; the PPTP control connection's (to TCP 1723) named, the sender as the peer */
function noConnectionHit(text: string): Hit | null {
  const m = text.match(NO_CONNECTION_106015);
  if (!m) return null;
  const values = { src: `${m[1]!}:${m[2]!}`, dst: `${m[3]!}:${m[4]!}`, flags: m[5]!.trim(), iface: m[6]! };
  // only the destination port names the service: a packet *to* the VPN's port (the source port of a client is any number)
  const vpn = vpnServiceOf('tcp', Number(m[4]));
  if (!vpn) return step('asaNoConnectionDrop', values);
  return tagged(step('asaNoConnectionVpnDrop', { ...values, service: vpn.service }, 'warning'), { peer: m[1] });
}

/** 106100 `denied` of a VPN's service (its protocol, a name or a number, and its destination port): read as 106023 is, the access list named as its rule */
function aclHit(text: string): Hit | null {
  const m = text.match(ACL_106100);
  if (!m) return null;
  const what = packetService(m[2]!, m[5] ? Number(m[5]) : undefined).vpn;
  if (!what) return null;
  return vpnDropHit(what, d('asaVpnDenied', { service: what.service, src: m[3]!, dst: m[4]!, rule: `access-list ${m[1]!}` }), m[3]);
}

/** A drop of VPN traffic: a failure (with the cause the PC sees for it, where there is one), the sender as the peer; null for any other drop. */
export function denyHit(id: number, text: string): Hit | null {
  if (id === 106015) return noConnectionHit(text);
  if (id === 305006) return natFailedHit(text);
  if (id === 106007) {
    const dns = text.match(DNS_106007);
    return dns ? step(/^q/i.test(dns[3]!) ? 'asaDnsQueryDenied' : 'asaDnsResponseDenied', { src: dns[1]!, dst: dns[2]! }) : null;
  }
  if (id === 106100) return aclHit(text);
  const m = text.match(id === 106023 ? DENY_106023 : id === 106006 ? DENY_106006 : id === 106001 ? DENY_106001 : DENY_710003);
  if (!m) return null;
  const what = vpnServiceOf(m[1]!, m[4] ? Number(m[4]) : undefined);
  if (!what) return null;
  const rule = id === 106023 ? `access-group ${m[5]}` : id === 710003 ? 'to-the-box ACL' : `interface ${m[5]}`;
  return vpnDropHit(what, d('asaVpnDenied', { service: what.service, src: m[2]!, dst: m[3]!, rule }), m[2]);
}
