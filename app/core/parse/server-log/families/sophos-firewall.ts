import { d, step, tagged, type FamilyParser, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { Cause, Outcome } from '../types';
import { readFields } from './fortigate-fields';
import { field, isSfosRecord, sfosTime } from './sophos-firewall-fields';
import { dropOutcome, packetService } from './vpn-services';

/**
 * Sophos Firewall (SFOS: the XG and XGS firewalls; Cyberoam's OS, not the UTM's — Sophos UTM is Astaro's, with other logs:
 * sophos-packetfilter.ts) — its key=value records (sophos-firewall-fields.ts), read by their fields: `log_type` (Event, Firewall,
 * and the proxies' Content Filtering, Anti-Spam, IDP, …), `log_component` (IPSec, SSL VPN, VPN Authentication, DHCP Server, …)
 * and `status` (Failed, Expire, Established, Successful, Deny, Allow). `message` is English only (SFOS logs in English, assumed)
 * and is quoted, not read, except for an IPsec failure's reason (below).
 *
 * VPN records: an IPsec event (a connection that failed, timed out or came up; `connectionname`, `remoteinterfaceip`), an SSL VPN
 * event (a user connected, `ipaddress` the address it got), a VPN log-in (`log_component="VPN Authentication"` / `"SSL VPN
 * Authentication"`, `status="Failed"` with `reason="wrong credentials"`: the user name or password; vpnLogin), L2TP and PPTP events by their
 * status. A Firewall record is one packet (`protocol`, `dst_port`, `in_interface`, `status` Allow/Deny): a VPN's service by its
 * protocol and port (vpn-services.ts, as for the UTM's packet filter), and a packet that came out of a tunnel (`tun0`, SFOS's SSL VPN;
 * `ipsec0`) is a connected user's traffic, whatever it is. Every other record (web filter, anti-virus, DHCP, …) is counted as the
 * firewall's own line, said to be no VPN's.
 */

/** IKE's own error words in an IPsec failure's message (strongSwan's notify names and log words: SFOS's IPsec is strongSwan — assumed) */
const IPSEC_CAUSES: readonly (readonly [RegExp, Cause])[] = [
  [/NO_PROPOSAL_CHOSEN|no (?:matching )?proposal/i, 'ike-no-proposal'],
  [/AUTHENTICATION_FAILED|authentication (?:of \S+ )?failed|MAC mismatch/i, 'ike-auth-failed'],
];
/** a log-in refused for its user name or password (the real record's `reason="wrong credentials"`; "password" assumed) */
const WRONG_CREDENTIALS = /credential|password/i;
/** a tunnel's own interface: SSL VPN's `tun0` (OpenVPN's), IPsec's `ipsec0` / `xfrm1` (assumed from the real records' `tun0`, `ipsec0`) */
const TUNNEL_INTERFACE = /^(?:tun|ipsec|xfrm)\d+$/;
const ADDRESS = /^[0-9A-Fa-f.:]+$/;
/** protocol names SFOS may write for the IP protocols a VPN uses, by number (IANA); TCP and UDP keep their names (their ports say more) */
const PROTOCOL_NUMBERS: Record<string, string> = { GRE: '47', ESP: '50', AH: '51' };

const lower = (v: string | undefined): string => (v ?? '').toLowerCase();

/** an event's status as an outcome (the statuses seen: Failed, Expire, Established, Successful, Renew, Terminated) */
function outcomeOf(status: string): Outcome {
  if (status === 'failed' || status === 'expire' || status === 'failure') return 'failure';
  if (status === 'established' || status === 'connected' || status === 'successful' || status === 'success') return 'success';
  return 'info';
}

function ipsecEvent(fields: Map<string, string>): Hit {
  const status = lower(field(fields, 'status'));
  const connection = field(fields, 'connectionname') ?? field(fields, 'con_name') ?? '';
  const message = field(fields, 'message') ?? '';
  const outcome = outcomeOf(status);
  const key = outcome === 'failure' ? (connection ? 'sfosIpsecFailed' : 'sfosIpsecFailedUnnamed') : outcome === 'success' ? 'sfosIpsecUp' : 'sfosIpsecEvent';
  const hit: Hit = { decoded: [d(key, { connection: connection || '-', status: field(fields, 'status') ?? '-', message })], outcome };
  const cause = outcome === 'failure' ? IPSEC_CAUSES.find(([re]) => re.test(message))?.[1] : undefined;
  if (cause) hit.cause = cause;
  const peer = field(fields, 'remoteinterfaceip') ?? field(fields, 'dst_ip');
  return tagged(hit, { peer: peer && ADDRESS.test(peer) ? peer : undefined, session: connection || undefined });
}

function sslVpnEvent(fields: Map<string, string>, component: string): Hit {
  const status = lower(field(fields, 'status'));
  const user = field(fields, 'user_name');
  const outcome = outcomeOf(status);
  const hit: Hit =
    component === 'ssl vpn' && outcome === 'success'
      ? step('sfosSslVpnUp', { user: user ?? '?', ip: field(fields, 'ipaddress') ?? '-' }, 'success')
      : { decoded: [d('sfosVpnEvent', { component: fields.get('log_component') ?? component, status: field(fields, 'status') ?? '-', message: field(fields, 'message') ?? '' })], outcome };
  return tagged(hit, { user });
}

/**
 * A VPN log-in: `VPN Authentication` (the log-ins of SFOS's L2TP, PPTP and IPsec remote access — assumed from the component's name
 * beside `SSL VPN Authentication`), or SSL VPN's. A refusal for its user name or password is the PC's wrong credentials where the
 * PC's own client logs in (L2TP's PPP log-in: error 691); SSL VPN's client is Sophos Connect (OpenVPN), no Windows error: a failure
 * with its reason, no cause.
 */
function vpnLogin(fields: Map<string, string>, component: string): Hit {
  const status = lower(field(fields, 'status'));
  const user = field(fields, 'user_name') ?? '?';
  const method = field(fields, 'auth_mechanism') ?? 'Sophos Firewall';
  const src = field(fields, 'src_ip');
  let hit: Hit;
  if (outcomeOf(status) === 'success') hit = step('authOk', { user, method }, 'success');
  else {
    const reason = field(fields, 'reason') ?? field(fields, 'status') ?? '';
    hit = { decoded: [d('sfosVpnLoginFailed', { user, reason })], outcome: 'failure' };
    if (component === 'vpn authentication' && WRONG_CREDENTIALS.test(reason)) hit.cause = 'credentials-rejected';
  }
  return tagged(hit, { user: user === '?' ? undefined : user, peer: src && ADDRESS.test(src) ? src : undefined });
}

function eventRecord(fields: Map<string, string>): Hit {
  const component = lower(fields.get('log_component'));
  if (component === 'ipsec') return ipsecEvent(fields);
  if (lower(fields.get('log_subtype')) === 'authentication' && /\bvpn\b/.test(component)) return vpnLogin(fields, component);
  if (component === 'ssl vpn' || component === 'l2tp' || component === 'pptp') return sslVpnEvent(fields, component);
  return otherRecord(fields);
}

/** a Firewall record: one packet, allowed or denied */
function packetRecord(fields: Map<string, string>): Hit | null {
  const src = field(fields, 'src_ip');
  const dst = field(fields, 'dst_ip');
  const protocol = (field(fields, 'protocol') ?? '').toUpperCase();
  if (!src || !dst || !protocol) return otherRecord(fields);
  const named = protocol === 'TCP' || protocol === 'UDP';
  const dport = named ? field(fields, 'dst_port') : undefined;
  const port = dport !== undefined && /^\d+$/.test(dport) && dport !== '0' ? Number(dport) : undefined;
  const { vpn: service, label } = packetService(named ? protocol : (PROTOCOL_NUMBERS[protocol] ?? protocol), port);
  const status = lower(field(fields, 'status'));
  const state = status === 'deny' || status === 'drop' || status === 'reject' ? 'Dropped' : status === 'allow' ? 'Allowed' : 'Logged';
  const into = field(fields, 'in_interface') ?? '';
  const out = field(fields, 'out_interface') ?? '';
  const inside = TUNNEL_INTERFACE.test(into);
  const drop = service && state === 'Dropped' ? dropOutcome(service) : undefined;
  const values = { service: label, src, dst, component: fields.get('log_component') ?? '-' };
  const decoded = [
    d(inside ? `sfosTunnelPacket${state}` : service ? `sfosPacket${state}` : 'sfosPacketOther', values),
    into && out ? d('netfilterForward', { in: into, out }) : into ? d('netfilterIn', { in: into }) : d('netfilterOut', { out: out || '-' }),
    d('sfosPacketRule', { rule: field(fields, 'fw_rule_id') ?? '-' }),
  ];
  // (a connected user's packet the rules denied: the tunnel is up, what the user may reach is not — a warning, its finding
  // server.tunnel-traffic-dropped a warning too: the rules may keep VPN users from that address on purpose)
  const hit: Hit = { decoded, outcome: inside ? (state === 'Dropped' ? 'warning' : 'info') : (drop?.outcome ?? 'info') };
  if (!inside && drop?.note) hit.decoded.push(drop.note);
  if (!inside && service?.cause && state === 'Dropped') hit.cause = service.cause;
  if (inside && state === 'Dropped') hit.cause = 'tunnel-traffic-dropped';
  return inside || service ? tagged(hit, { peer: inside || into ? src : dst, user: field(fields, 'user_name') }) : hit;
}

const otherRecord = (fields: Map<string, string>): Hit => step('sfosOtherRecord', { type: fields.get('log_type') ?? '?', component: fields.get('log_component') ?? '?' });

/** A Sophos Firewall record: decoded, with its own time. */
export function sfosRecord(message: string): Hit | null {
  const fields = readFields(message);
  const type = lower(fields.get('log_type'));
  const hit = type === 'event' ? eventRecord(fields) : type === 'firewall' ? packetRecord(fields) : otherRecord(fields);
  if (!hit) return null;
  const time = sfosTime(fields);
  if (time) hit.time = time;
  return hit;
}

export const sfosFamily: FamilyParser = {
  family: 'sfos',
  claims: (pre: Prefixed) => isSfosRecord(pre.message),
  parse: (pre) => sfosRecord(pre.message),
};
