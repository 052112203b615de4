import { type Hit, withRole } from '../kit';
import { currentSerial } from './libreswan-serial';

/**
 * Libreswan/Openswan pluto between two gateways (a net-to-net `type=tunnel` connection with leftsubnet= and rightsubnet=): the other
 * side is a router, not a PC, and the lines of such a connection carry `role: 'site'` (describe.ts SITE_WORDED words them "the other
 * router", findings.ts causeAsSite names whom to ask). Decided per connection name by structure, from what pluto writes of it:
 *
 * - its name's `/NxM` suffix with both numbers 1 or more: a connection with leftsubnets=/rightsubnets= is loaded as one connection
 *   per pair, named `conn/<left>x<right>` with 0 for the side's single subnet= (or none: the host itself) and 1, 2 … for the entries of
 *   its subnets= list (libreswan programs/pluto/whack_add.c permutate_connection_subnets, "When the connection also
 *   contained subnet=, that has NR==0"; 4.x lib/libipsecconf/starterwhack.c first_subnet). `/1x2` is then two lists of networks, one a side;
 *   a 0 says nothing: that side's one subnet= may be `vhost:%priv`, `0.0.0.0/0` or absent, a road-warrior server offering several
 *   networks to its PCs (`leftsubnets={…}`, the PCs' side one address) is `conn/1x0`, `conn/2x0`;
 * - Quick Mode's two ends both networks (ikev1_quick.c quick_inI1_outR1, `    us: 192.168.1.0/24===203.0.113.1<…>` and then
 *   `  them: 198.51.100.7<…>===192.168.2.0/24`), where an L2TP/IPsec PC's are its one address and UDP 1701 (`us: …/32===…:17/1701`,
 *   `them: 1.2.3.4[192.168.0.104]:17/0`);
 * - the selectors the peer proposed in Quick Mode (`the peer proposed: 10.0.0.0/24:0/0 -> 172.31.0.0/24:0/0`, 5.x
 *   `the peer proposed: 192.168.20.0/24===192.168.20.2/32`; libreswan ikev1_quick.c) both networks;
 * - an IKEv2 Child SA between two networks (`established Child SA using #1; IPsec tunnel [192.168.1.0-192.168.1.255:0-65535 0] ->
 *   [10.0.0.0-10.0.0.255:0-65535 0]`, 3.x `negotiated connection [192.168.1.0,192.168.1.255:0-65535 0] -> […]`), where a PC's is its
 *   one address or everything (0.0.0.0-255.255.255.255).
 *
 * What a connection's lines show of both ends counts last: an end that is one address or everything (a Quick Mode `them:` with no
 * network, a proposal or Child SA to a /32) says a PC, and the connection's later lines keep the PC whatever its name said.
 *
 * A role a statement carries already (a serial this side initiated: libreswan-serial.ts byInitiatorSerial) stays, and a cause is worded
 * for two routers only on a serial this side answered (its role told, serialRole): a serial of unknown role may be one this side
 * started (`ignoring informational payload NO_PROPOSAL_CHOSEN` before `STATE_PARENT_I1`), whose cause findings.ts words for the side
 * that initiated — it says more than "the other router".
 */
const SITE_CONNS = 'plutoSiteConns';
const US_NET = 'plutoUsNet';
const MAX_CONNS = 1000;

/** `/NxM` at the end of a connection's name, both numbers 1 or more: an entry of leftsubnets= against one of rightsubnets= */
const LISTS_ALIAS = /\/[1-9]\d*x[1-9]\d*$/;
/** Quick Mode's `us:` network before `===`, and `them:`'s after it (5.x writes both on one line, `them:`'s network in braces) */
const US_NETWORK = /^us: ([\da-fA-F:.]+)\/(\d+)===/;
const THEM_NETWORK = /===\{?([\da-fA-F:.]+)\/(\d+)\}?\s*$/;
/** `the peer proposed: a/len:proto/port -> b/len:…` (3.x, 4.x) or `a/len===b/len` (5.x): each end's address and length */
const PROPOSED = /^the peer proposed: ([\da-fA-F:.]+)\/(\d+)\S*?(?: -> |===)([\da-fA-F:.]+)\/(\d+)/;
/** an IKEv2 Child SA's two ranges (4.x `IPsec tunnel [a-b:ports proto] -> [c-d:…]`, 3.x `negotiated connection [a,b:…] -> […]`) */
const CHILD_RANGES = /\[([\da-fA-F:.]+)[-,]([\da-fA-F:.]+):[^\]]*\] -> \[([\da-fA-F:.]+)[-,]([\da-fA-F:.]+):/;

/** a prefix that is a network: neither one address (/32, /128) nor everything (/0) */
const networkPrefix = (address: string, len: string): boolean => {
  const n = Number(len);
  return n > 0 && n < (address.includes(':') ? 128 : 32);
};
/** a range that is a network: two ends, and not everything */
const networkRange = (from: string, to: string): boolean => from !== to && !(from === '0.0.0.0' && to === '255.255.255.255') && !(from === '::' && /^f{1,4}(?::f{1,4}){7}$/i.test(to));

/**
 * Whether this line of `conn` tells it joins two networks (the signs above): true, false when it shows an end that is one address or
 * everything (a PC's), undefined when it says nothing of its ends
 */
function signOf(body: string, serial: string | undefined, state: Record<string, unknown>): boolean | undefined {
  // (most pluto lines are none of these: their first letter before any search)
  const c = body.charCodeAt(0);
  if (c === 117 /* u */ && body.startsWith('us: ')) {
    const m = body.match(US_NETWORK);
    const us = !!m && networkPrefix(m[1]!, m[2]!);
    const them = body.indexOf('  them: ', 4);
    // (5.x: `us: … them: …` on one line)
    if (them > 0) return us && themSign(body.slice(them + 2));
    state[US_NET] = us ? serial : undefined;
    return us ? undefined : false;
  }
  if (c === 116 /* t */ && body.startsWith('them: ')) {
    const us = state[US_NET] !== undefined && state[US_NET] === serial;
    state[US_NET] = undefined;
    // (a `them:` after a `us:` that was one address has said so already)
    return us ? themSign(body) : undefined;
  }
  if (c === 116 /* t */ && body.startsWith('the peer proposed: ')) {
    const m = body.match(PROPOSED);
    return m ? networkPrefix(m[1]!, m[2]!) && networkPrefix(m[3]!, m[4]!) : undefined;
  }
  // (`initiator established Child SA` / `responder established Child SA`: both words ten characters with their blank — many lines
  // start with r, `received …`, and are not searched)
  if ((c === 105 /* i */ || c === 114 /* r */) && body.charCodeAt(10) === 101 /* e */ && body.startsWith(' established Child SA', 9)) return childSign(body);
  if (c === 110 /* n */ && body.startsWith('negotiated connection [')) return childSign(body);
  return undefined;
}

/** `them: 198.51.100.7<…>===192.168.2.0/24`: a network; `them: 1.2.3.4[192.168.0.104]:17/0` (no `===`) or a /32: a PC */
const themSign = (them: string): boolean => {
  const m = them.match(THEM_NETWORK);
  return !!m && networkPrefix(m[1]!, m[2]!);
};

const childSign = (body: string): boolean | undefined => {
  const m = body.match(CHILD_RANGES);
  return m ? networkRange(m[1]!, m[2]!) && networkRange(m[3]!, m[4]!) : undefined;
};

/** A pluto line of connection `conn` (HEAD's name): its statements worded for two routers when the connection is known to join two networks */
export function bySiteConn(hit: Hit, conn: string | undefined, body: string, serial: string | undefined, state: Record<string, unknown>): Hit {
  if (conn === undefined) return hit;
  let conns = state[SITE_CONNS] as Map<string, boolean> | undefined;
  // (what the lines showed of the ends counts over the name: a name read again after them keeps their word)
  const sign = signOf(body, serial, state) ?? (conn.indexOf('/') > 0 && !conns?.has(conn) && LISTS_ALIAS.test(conn) ? true : undefined);
  if (sign !== undefined && conns?.get(conn) !== sign) {
    conns ??= state[SITE_CONNS] = new Map<string, boolean>();
    if (conns.size >= MAX_CONNS) conns.clear();
    conns.set(conn, sign);
  }
  if (conns?.get(conn) !== true || (hit.cause !== undefined && currentSerial(state)?.initiator !== false)) return hit;
  hit.decoded = hit.decoded.map((dd) => withRole(dd, 'site'));
  return hit;
}
