import { step, tagged, type Hit } from '../kit';

/**
 * The ASA's firewall lines a VPN paste carries along (Cisco Secure Firewall ASA Series Syslog Messages,
 * https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html; the texts below as that guide gives them, assumed where only
 * the real lines show them): its connection table — 302013 "Built {inbound|outbound} TCP connection id for interface:ip/port …",
 * 302014 "Teardown TCP connection id …", 302015/302016 the same for UDP, 302020/302021 for ICMP, 609001/609002 "Built|Teardown
 * local-host interface:ip" — and its built-in IDS (`ip audit`, 400000–400050 "IPS:number name from ip to ip on interface name":
 * 400013 is signature 2003, ICMP Redirect). They say traffic passed through the box, not how a VPN session was negotiated: context.
 * 109025 "Authorization denied (acl=acl_ID) for user 'user' from ip/port to ip/port on interface name using protocol" is the
 * user's own ACL (cut-through proxy or a VPN user's downloadable ACL) refusing one flow after the user logged in: the log-in
 * worked, that traffic is not allowed for that user — a warning, not a failed connection.
 */

const CONNECTION_TABLE: ReadonlySet<number> = new Set([302013, 302014, 302015, 302016, 302020, 302021, 609001, 609002]);

export const isTrafficId = (id: number): boolean => CONNECTION_TABLE.has(id) || id === 109025 || (id >= 400000 && id <= 400050);

export function trafficHit(id: number, text: string): Hit | null {
  if (CONNECTION_TABLE.has(id)) return step('asaConnectionTable');
  if (id !== 109025) return step('asaIdsSignature', { text: text.replace(/^I[PD]S:\d+ /, '').trim() });
  const m = text.match(/^Authorization denied \(acl=([^)]+)\) for user '([^']*)' from (\S+?)\/\d+ to (\S+?)\/(\d+)/);
  if (!m) return null;
  return tagged(step('asaUserAclDenied', { acl: m[1]!, user: m[2]!, dst: `${m[4]!}:${m[5]!}` }, 'warning'), { user: m[2] });
}
