import { d, type Hit } from '../kit';
import { value } from './fortigate-fields';

/**
 * FortiOS traffic-log records (`type="traffic" subtype="forward"`, key=value as its event records: fortigate-fields.ts) of what
 * came OUT of a VPN tunnel — a connected user's own traffic — and what FortiGate's firewall policies did with it.
 *
 * FortiOS Log Message Reference (docs.fortinet.com/document/fortigate/<version>/fortios-log-message-reference/<id>): 13
 * LOG_ID_TRAFFIC_END_FORWARD "Forward traffic", 2 LOG_ID_TRAFFIC_ALLOW; their `action` is "the status of the session: Deny =
 * blocked by firewall policy. Start = session start log … All Others = allowed by Firewall Policy and the status indicates how it
 * was closed" (accept, close, timeout, client-rst, server-rst …); `vpntype` "The type of the VPN tunnel"; `srcintf`/`dstintf` the
 * interfaces, `srcintfrole`/`dstintfrole` their roles (lan, wan, dmz, undefined); `policyid` the policy that decided, 0 being
 * FortiOS's implicit deny — no policy matched (FortiOS administration guide, "Firewall policy": the implicit deny policy, ID 0).
 *
 * Which records are a tunnel's:
 * - the SSL VPN's tunnel interface is `ssl.<VDOM>` (`ssl.root`; FortiOS administration guide, "SSL VPN full tunnel for remote
 *   user": the policy's incoming interface is the SSL-VPN tunnel interface ssl.root). Tunnel mode serves only remote users (FortiClient,
 *   on the Windows PC): a record from it is a PC's traffic.
 * - an IPsec tunnel's interface bears the phase 1's name, which says nothing; its records carry `vpntype` (real record:
 *   `vpntype="ipsecvpn"`). That the packet came OUT of the tunnel is read from the roles: the tunnel's interface has no role
 *   (`undefined`) and the other side has one (`lan`, `dmz`, `wan`) — assumed: FortiOS sets no role on a tunnel interface, and a
 *   physical interface without a role is then taken for neither. The record does not say whether the tunnel is a dial-up
 *   (a PC) or another router's (site-to-site), so an IPsec record's denial is a warning with no cause.
 */

const PROTOCOLS: Readonly<Record<string, string>> = { '1': 'ICMP', '6': 'TCP', '17': 'UDP', '47': 'GRE', '50': 'ESP' };
/** the SSL VPN tunnel interface: `ssl.` and the VDOM's name */
const SSL_TUNNEL = /^ssl\.\S+$/;

/** what was sent: FortiOS's service name and the protocol and port (`HTTP (TCP 80)`), or the protocol alone */
function serviceOf(fields: Map<string, string>): string {
  const proto = fields.get('proto') ?? '';
  const name = PROTOCOLS[proto] ?? (proto ? `IP ${proto}` : '?');
  const port = value(fields, 'dstport');
  const transport = (proto === '6' || proto === '17') && port && port !== '0' ? `${name} ${port}` : name;
  const service = value(fields, 'service');
  return service && service !== transport ? `${service} (${transport})` : transport;
}

/** Whether a traffic record is of what came out of a VPN tunnel, and of which kind; undefined when it is not. */
function tunnelOf(fields: Map<string, string>): 'Ssl' | 'Ipsec' | undefined {
  const into = fields.get('srcintf') ?? '';
  if (SSL_TUNNEL.test(into)) return 'Ssl';
  if (!value(fields, 'vpntype')) return undefined;
  const dstRole = fields.get('dstintfrole');
  return fields.get('srcintfrole') === 'undefined' && dstRole !== undefined && dstRole !== 'undefined' ? 'Ipsec' : undefined;
}

/**
 * A FortiOS traffic record of what came out of a VPN tunnel, read (its time, peer and user: fortigate-event.ts fortiOsRecord);
 * undefined for any other traffic record (not the VPN's: said as such there).
 */
export function tunnelTrafficRecord(fields: Map<string, string>): Hit | undefined {
  const tunnel = tunnelOf(fields);
  if (!tunnel) return undefined;
  const values = {
    service: serviceOf(fields),
    src: fields.get('srcip') ?? '?',
    dst: fields.get('dstip') ?? '?',
    in: fields.get('srcintf') ?? '?',
    out: fields.get('dstintf') ?? '?',
  };
  if (fields.get('action') !== 'deny') return { decoded: [d(`fg${tunnel}TunnelAllowed`, values)], outcome: 'info' };
  const policy = fields.get('policyid') ?? '';
  const hit: Hit = {
    decoded: [
      d(`fg${tunnel}TunnelDenied`, values),
      policy === '0' ? d('fgPolicyImplicitDeny', { in: values.in, out: values.out }) : d('fgPolicyDeny', { id: policy || '?', name: value(fields, 'policyname') ?? '-' }),
    ],
    outcome: 'warning',
  };
  // (the PC is connected and its traffic refused by the FortiGate's own policies: server.tunnel-traffic-dropped, a warning — the
  // policy may keep VPN users from that target on purpose; an IPsec tunnel's record may be another router's: no cause)
  if (tunnel === 'Ssl') hit.cause = 'tunnel-traffic-dropped';
  return hit;
}
