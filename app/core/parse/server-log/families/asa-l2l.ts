import { SITE_WORDED } from '../describe';
import { type Hit, withRole } from '../kit';
import type { Decoded } from '../types';
import { type WaitingForSide, waitingOn } from '../waiting-for-side';

/**
 * Whether an ASA's IKEv1/IPsec message (syslog 713xxx/602xxx/113019, or its console debug) is of a LAN-to-LAN tunnel: the other side
 * is then a router or a gateway, not a PC, and its statements carry `role: 'site'` (describe.ts SITE_WORDED words them "the other
 * router", findings.ts causeAsSite tells whom to ask). Decided by structure, per peer address, from what the ASA wrote:
 *
 * - the tunnel group in the message's head is named by an address (`Group = 203.0.113.9, IP = 203.0.113.9, …`): a site-to-site
 *   connection profile is named by its peer's IP address (Cisco ASA VPN configuration guide, "Connection Profiles": `tunnel-group
 *   <peer IP> type ipsec-l2l`), remote access takes a named one (`DefaultRAGroup`, the group a Cisco VPN Client sends). Not on the
 *   lines where the ASA names what it looked up and did not find (`Can't find a valid tunnel group`, 713022 `No Group found matching
 *   …`), nor on that peer's lines after one (`Removing peer from peer table failed` repeats the name it looked up): a main-mode
 *   remote-access PC is looked up by its address too;
 * - the ASA's own words for the tunnel's type: `LAN-to-LAN` (713049 `Security negotiation complete for LAN-to-LAN Group (…)`, 602303
 *   `An outbound LAN-to-LAN SA …`, 113019 `Session Type: LAN-to-LAN`) and its default L2L group, `DefaultL2LGroup` (the guide);
 * - 713061's proxies both networks (`remote proxy 100.120.5.0/255.255.255.0/0/0 local proxy 10.0.16.0/255.255.255.0/0/0`): a PC asks
 *   for its one address (mask 255.255.255.255) or for everything (0.0.0.0).
 *
 * A named group that is not the default L2L one, or a user name that is not the peer's address, says remote access: that peer's lines
 * keep the PC. The last sign read for a peer counts; lines with no sign of their own (`IP = …` only) take their peer's, and those read
 * before any sign for their peer (`IP = …, No crypto map bound to interface`, the ASA's first line for a peer it then finds a group
 * for) wait for it: their statements that name the PC are worded by the first sign that comes (bounded).
 */
const L2L_ROLE = 'asaL2lPeers';
const L2L_WAITING = 'asaL2lWaiting';
/** the peers whose tunnel group by address the ASA did not find: their heads' group names say nothing */
const NOT_FOUND_PEERS = 'asaL2lNotFound';
const MAX_PEERS = 5000;
const MAX_WAITING_PEERS = 64;
const MAX_WAITING = 32;

/** `Group = g, ` and `Username = u, ` of TUNNEL_HEAD (asa.ts), and the peer's address after `IP = ` */
const HEAD = /^Group = ([^,]+),\s*(?:Username = ([^,]+),\s*)?IP = ([0-9A-Fa-f.:]+)/;
/** an IPv4 or IPv6 address, whole */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*)$/;
/** the lines that name the group the ASA looked for and did not find: its name there says nothing of the group's type */
const NOT_FOUND = /Can't find a valid tunnel group|No Group found matching/i;
/** 713061's two proxies, address/mask each */
const PROXIES = /remote proxy ([\d.]+)\/([\d.]+)\/\S* local proxy ([\d.]+)\/([\d.]+)\//;

/** a proxy's mask that is a network: neither one address (255.255.255.255) nor everything (0.0.0.0) */
const networkMask = (mask: string): boolean => mask !== '255.255.255.255' && mask !== '0.0.0.0';

/** What this line itself says of its tunnel's type: true LAN-to-LAN, false remote access, undefined nothing */
function signOf(hit: Hit, text: string, group: string | undefined, user: string | undefined, peer: string | undefined, state: Record<string, unknown>): boolean | undefined {
  if (group === 'DefaultL2LGroup' || text.includes('LAN-to-LAN')) return true;
  if (group !== undefined && peer !== undefined && NOT_FOUND.test(text)) {
    const lost = (state[NOT_FOUND_PEERS] ??= new Set<string>()) as Set<string>;
    if (lost.size >= MAX_PEERS) lost.clear();
    lost.add(peer);
    return undefined;
  }
  if (group !== undefined && !(peer !== undefined && (state[NOT_FOUND_PEERS] as Set<string> | undefined)?.has(peer))) {
    if (ADDRESS.test(group)) return user === undefined || user === peer || user === group ? true : false;
    return false;
  }
  // (713061's text only: its statement, not a search of every line)
  if (hit.decoded[0]?.key === 'asaNoCryptoMap') {
    const p = text.match(PROXIES);
    if (p && networkMask(p[2]!) && networkMask(p[4]!)) return true;
  }
  return undefined;
}

/**
 * The hit of an IKE text (its head read as withTunnelHead reads it), with `role: 'site'` on its statements when its peer's tunnel is a
 * LAN-to-LAN one; a role a statement already carries (a notify the ASA received as the initiator) stays.
 */
export function asL2lPeer(hit: Hit | null, text: string, state: Record<string, unknown>): Hit | null {
  if (!hit) return hit;
  // (most ASA lines are not IKE texts with a head, nor name a LAN-to-LAN tunnel: a letter and a plain search before any regex)
  const head = text.charCodeAt(0) === 71 /* G */ ? text.match(HEAD) : null;
  const peer = head?.[3] ?? hit.peer;
  const sign = signOf(hit, text, head?.[1]?.trim(), head?.[2]?.trim(), peer, state);
  let peers = state[L2L_ROLE] as Map<string, boolean> | undefined;
  if (sign !== undefined && peer !== undefined) {
    peers ??= state[L2L_ROLE] = new Map<string, boolean>();
    if (peers.size >= MAX_PEERS) peers.clear();
    peers.set(peer, sign);
  }
  const site = sign ?? (peer !== undefined ? peers?.get(peer) : undefined);
  if (site === true) hit.decoded = hit.decoded.map((dd) => withRole(dd, 'site'));
  if (peer === undefined) return hit;
  if (sign !== undefined) settle(state, peer, sign);
  else if (site === undefined) wait(state, peer, hit.decoded);
  return hit;
}

/** statements that name the PC (SITE_WORDED), of a peer no line has told the tunnel type of yet */
function wait(state: Record<string, unknown>, peer: string, decoded: readonly Decoded[]): void {
  let waiting;
  for (const dd of decoded) {
    if (dd.values?.role !== undefined || !SITE_WORDED.has(dd.key)) continue;
    // (the oldest peer's statements go first: a long log runs through many peers)
    (waiting ??= waitingOn<Decoded>(state, L2L_WAITING, { keys: MAX_WAITING_PEERS, perKey: MAX_WAITING })).put(peer, dd);
  }
}

/** A peer's tunnel type is known now: what waited for it is worded by it (a LAN-to-LAN peer's as the other router's), then let go */
function settle(state: Record<string, unknown>, peer: string, site: boolean): void {
  const waiting = state[L2L_WAITING] as WaitingForSide<Decoded> | undefined;
  if (!waiting) return;
  const list = waiting.settle(peer);
  if (site) for (const dd of list) dd.values = { ...dd.values, role: 'site' };
}
