import { d, tagged, type Hit } from '../kit';
import { vpnServiceOf } from './vpn-services';

/**
 * The ASA's firewall dropping a VPN's own packets (Cisco Secure Firewall ASA Series Syslog Messages,
 * https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html): 106023 "Deny protocol src interface:ip/port dst
 * interface:ip/port by access-group acl [hash, hash]" (protocol a name, or `protocol 47` by number), 106006 "Deny inbound UDP from
 * ip/port to ip/port on interface name", 106001 "Inbound TCP connection denied from ip/port to ip/port flags … on interface name",
 * 710003 "TCP|UDP access denied by ACL from ip/port to interface:ip/port" (traffic to the ASA itself). Only the VPN's services are
 * read (vpn-services.ts) — every other drop is no VPN's and stays not understood.
 */

const DENY_106023 = /^Deny (\w+|protocol \d+) src [^:\s]+:([0-9A-Fa-f.:]+)(?:\/\d+)?(?:\([^)]*\))? dst [^:\s]+:([0-9A-Fa-f.:]+)(?:\/(\d+))?.*? by access-group "?([^"\s]+)"?/;
const DENY_106006 = /^Deny inbound (UDP) from ([0-9A-Fa-f.:]+?)\/\d+ to ([0-9A-Fa-f.:]+?)\/(\d+) on interface (\S+)/;
const DENY_106001 = /^Inbound (TCP) connection denied from ([0-9A-Fa-f.:]+?)\/\d+ to ([0-9A-Fa-f.:]+?)\/(\d+) flags .*? on interface (\S+)/;
const DENY_710003 = /^(TCP|UDP) access denied by ACL from ([0-9A-Fa-f.:]+?)\/\d+ to [^:\s]+:([0-9A-Fa-f.:]+?)\/(\d+)/;

export const isDenyId = (id: number): boolean => id === 106023 || id === 106006 || id === 106001 || id === 710003;

/** A drop of VPN traffic: a failure (with the cause the PC sees for it, where there is one), the sender as the peer; null for any other drop. */
export function denyHit(id: number, text: string): Hit | null {
  const m = text.match(id === 106023 ? DENY_106023 : id === 106006 ? DENY_106006 : id === 106001 ? DENY_106001 : DENY_710003);
  if (!m) return null;
  const what = vpnServiceOf(m[1]!, m[4] ? Number(m[4]) : undefined);
  if (!what) return null;
  const rule = id === 106023 ? `access-group ${m[5]}` : id === 710003 ? 'to-the-box ACL' : `interface ${m[5]}`;
  const hit: Hit = { decoded: [d('asaVpnDenied', { service: what.service, src: m[2]!, dst: m[3]!, rule })], outcome: 'failure' };
  if (what.cause) hit.cause = what.cause;
  return tagged(hit, { peer: m[2] });
}
