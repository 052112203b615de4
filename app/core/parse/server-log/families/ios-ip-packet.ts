import { step, tagged, type Hit, type Rule } from '../kit';
import { dropOutcome, vpnServiceOf, type VpnService } from './vpn-services';

/**
 * Cisco IOS `debug ip packet [detail]` (Cisco IOS Debug Command Reference, "debug ip packet"; Cisco's "Understanding the Ping and
 * Traceroute Commands"): one line per packet the router handles in process switching, `IP: s=SRC (in-iface), d=DST (out-iface),
 * g=GATEWAY, len N, STATUS` — `forward`, `rcvd N`, `sending`, `unroutable`, `encapsulation failed`, `access denied` — and the route
 * lookup before it, `IP: tableid=0, s=…, d=…, routed via RIB|FIB`. The command reference's sample ends on `…, g=172.16.16.2, access
 * denied`: an access list on one of the router's interfaces refused the packet. With `detail` the packet's protocol follows on an
 * indented line (`TCP src=1056, dst=1723, seq=…`, `UDP src=500, dst=500`, `proto=47`), joined to the line above it when the paste
 * keeps the indent (detect.ts continues). Only that protocol and port name a VPN's service (vpn-services.ts); a denied line without
 * them is a drop of some packet, a warning without a cause.
 */

const ADDR = String.raw`([0-9A-Fa-f.:]+)(?: \(([^)]*)\))?`;
const PACKET = new RegExp(String.raw`^IP: (?:tableid=\d+, )?s=${ADDR}, d=${ADDR}(?:,? nexthop=\S+?)?(?:, g=[0-9A-Fa-f.:]+)?(?:, len \d+)?,? (access denied|routed via [RF]IB|forward|rcvd \d+|sending(?: [\w/ ]+?)?|unroutable|encapsulation failed)\b[.,]?\s*(.*)$`);
/** the protocol `detail` adds: `TCP src=a, dst=b, …`, `UDP src=a, dst=b`, an IP protocol by its number `proto=47` */
const DETAIL = /^(?:(TCP|UDP) src=\d+, dst=(\d+)|.*?\bproto=(\d+))/;

function detailService(tail: string): VpnService | undefined {
  const m = tail.match(DETAIL);
  if (!m) return undefined;
  return m[1] ? vpnServiceOf(m[1], Number(m[2])) : vpnServiceOf(`protocol ${m[3]}`, undefined);
}

const place = (addr: string, iface: string | undefined): string => (iface && iface !== 'nil' ? `${addr} (${iface})` : addr);

/** the packet an `access denied` line refused, until the next packet line: a detail line under it names its protocol */
const DENIED = 'ipPacketDenied';
interface Denied { src: string; dst: string; peer: string }

function vpnDropHit(vpn: VpnService, p: Denied): Hit {
  const drop = dropOutcome(vpn);
  const hit = step('iosVpnPacketDenied', { service: vpn.service, src: p.src, dst: p.dst }, drop.outcome);
  if (drop.note) hit.decoded.push(drop.note);
  if (vpn.cause) hit.cause = vpn.cause;
  return tagged(hit, { session: '', peer: p.peer });
}

function packetHit(m: RegExpMatchArray, state: Record<string, unknown>): Hit {
  const p: Denied = { src: place(m[1]!, m[2]), dst: place(m[3]!, m[4]), peer: m[1]! };
  const status = m[5]!;
  delete state[DENIED];
  if (status !== 'access denied') return tagged(step('iosIpPacket', { src: p.src, dst: p.dst, status }), { session: '' });
  const vpn = detailService(m[6] ?? '');
  if (vpn) return vpnDropHit(vpn, p);
  state[DENIED] = p;
  return tagged(step('iosPacketDenied', { src: p.src, dst: p.dst }, 'warning'), { session: '', peer: p.peer });
}

/** a detail line on its own (the record above it had a time, so it was not joined): the denied packet's VPN service, if it names one */
function detailHit(text: string, state: Record<string, unknown>): Hit {
  const denied = state[DENIED] as Denied | undefined;
  delete state[DENIED];
  const vpn = denied ? detailService(text) : undefined;
  return vpn ? vpnDropHit(vpn, denied!) : tagged(step('iosIpPacketDetail', { text }), { session: '' });
}

export const IOS_IP_PACKET_RULES: Rule[] = [
  [PACKET, (m, _p, state) => packetHit(m, state)],
  [/^((?:TCP|UDP) src=\d+, dst=\d+.*?|proto=\d+)\s*$/, (m, _p, state) => detailHit(m[1]!, state)],
];

/** a `debug ip packet` line: `IP: s=` or `IP: tableid=` (a first-characters test: no regex for other lines) */
export const isIpPacketLine = (message: string): boolean => message.startsWith('IP: s=') || message.startsWith('IP: tableid=');
/** `detail`'s protocol line under a packet line (never a line of its own kind in other logs: asked only of lines without a header) */
export function isIpPacketDetail(message: string): boolean {
  // IOS indents it under the packet line (a blank or a tab first: only then is the line trimmed)
  const c = message.charCodeAt(0);
  const m = c === 32 || c === 9 ? message.trimStart() : message;
  return m.startsWith('TCP src=') || m.startsWith('UDP src=') || m.startsWith('proto=');
}
