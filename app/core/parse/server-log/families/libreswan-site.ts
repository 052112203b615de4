import { d, type Hit } from '../kit';
import { currentSerial } from './libreswan-serial';

/**
 * Libreswan/Openswan pluto between two gateways (a net-to-net `type=tunnel` connection with leftsubnet= and rightsubnet=): the other
 * side is a router, not a PC, and the lines of such a connection carry `role: 'site'` (describe.ts SITE_WORDED words them "the other
 * router", findings.ts causeAsSite names whom to ask). Decided per connection name by structure, from what pluto writes of it:
 *
 * - its name's `/NxM` suffix: a connection with leftsubnets=/rightsubnets= (several networks) is loaded as one connection per pair of
 *   networks, `"conn/1x1"`, `"conn/1x2"` … (ipsec.conf(5), leftsubnets: "a conn is created for each combination"; assumed from the
 *   names in real logs, e.g. pluto-4x-established-child-sa-ikev2's `" /1x2"`) — a road-warrior server's instances are `"conn"[n] peer`;
 * - Quick Mode's two ends both networks (ikev1_quick.c quick_inI1_outR1, `    us: 192.168.1.0/24===203.0.113.1<…>` and then
 *   `  them: 198.51.100.7<…>===192.168.2.0/24`), where an L2TP/IPsec PC's are its one address and UDP 1701 (`us: …/32===…:17/1701`,
 *   `them: 1.2.3.4[192.168.0.104]:17/0`);
 * - an IKEv2 Child SA between two networks (`established Child SA using #1; IPsec tunnel [192.168.1.0-192.168.1.255:0-65535 0] ->
 *   [10.0.0.0-10.0.0.255:0-65535 0]`, 3.x `negotiated connection [192.168.1.0,192.168.1.255:0-65535 0] -> […]`), where a PC's is its
 *   one address or everything (0.0.0.0-255.255.255.255).
 *
 * A role a statement carries already (a serial this side initiated: libreswan-serial.ts byInitiatorSerial) stays, and a cause is worded
 * for two routers only on a serial this side answered (its role told, serialRole): a serial of unknown role may be one this side
 * started (`ignoring informational payload NO_PROPOSAL_CHOSEN` before `STATE_PARENT_I1`), whose cause findings.ts words for the side
 * that initiated — it says more than "the other router".
 */
const SITE_CONNS = 'plutoSiteConns';
const US_NET = 'plutoUsNet';
const MAX_CONNS = 1000;

/** `/NxM` at the end of a connection's name: leftsubnets=/rightsubnets= expanded */
const SUBNETS_ALIAS = /\/\d+x\d+$/;
/** Quick Mode's `us:` line's network before `===`, and `them:` line's after it */
const US_NETWORK = /^us: ([\da-fA-F:.]+)\/(\d+)===/;
const THEM_NETWORK = /===([\da-fA-F:.]+)\/(\d+)\s*$/;
/** an IKEv2 Child SA's two ranges (4.x `IPsec tunnel [a-b:ports proto] -> [c-d:…]`, 3.x `negotiated connection [a,b:…] -> […]`) */
const CHILD_RANGES = /\[([\da-fA-F:.]+)[-,]([\da-fA-F:.]+):[^\]]*\] -> \[([\da-fA-F:.]+)[-,]([\da-fA-F:.]+):/;

/** a prefix that is a network: neither one address (/32, /128) nor everything (/0) */
const networkPrefix = (address: string, len: string): boolean => {
  const n = Number(len);
  return n > 0 && n < (address.includes(':') ? 128 : 32);
};
/** a range that is a network: two ends, and not everything */
const networkRange = (from: string, to: string): boolean => from !== to && !(from === '0.0.0.0' && to === '255.255.255.255') && !(from === '::' && /^f{1,4}(?::f{1,4}){7}$/i.test(to));

/** Whether this line of `conn` tells it joins two networks (the signs above), undefined when it says nothing */
function signOf(conn: string, body: string, serial: string | undefined, state: Record<string, unknown>): boolean | undefined {
  if (conn.indexOf('/') > 0 && SUBNETS_ALIAS.test(conn)) return true;
  // (most pluto lines are none of these: their first letter before any search)
  const c = body.charCodeAt(0);
  if (c === 117 /* u */ && body.startsWith('us: ')) {
    const m = body.match(US_NETWORK);
    state[US_NET] = m && networkPrefix(m[1]!, m[2]!) ? serial : undefined;
    return undefined;
  }
  if (c === 116 /* t */ && body.startsWith('them: ')) {
    const m = body.match(THEM_NETWORK);
    const both = state[US_NET] !== undefined && state[US_NET] === serial && !!m && networkPrefix(m[1]!, m[2]!);
    state[US_NET] = undefined;
    return both || undefined;
  }
  // (`initiator established Child SA` / `responder established Child SA`: both words ten characters with their blank — many lines
  // start with r, `received …`, and are not searched)
  if ((c === 105 /* i */ || c === 114 /* r */) && body.charCodeAt(10) === 101 /* e */ && body.startsWith(' established Child SA', 9)) return childSign(body);
  if (c === 110 /* n */ && body.startsWith('negotiated connection [')) return childSign(body);
  return undefined;
}

const childSign = (body: string): true | undefined => {
  const m = body.match(CHILD_RANGES);
  return m && networkRange(m[1]!, m[2]!) && networkRange(m[3]!, m[4]!) ? true : undefined;
};

/** A pluto line of connection `conn` (HEAD's name): its statements worded for two routers when the connection is known to join two networks */
export function bySiteConn(hit: Hit, conn: string | undefined, body: string, serial: string | undefined, state: Record<string, unknown>): Hit {
  if (conn === undefined) return hit;
  let conns = state[SITE_CONNS] as Set<string> | undefined;
  if (signOf(conn, body, serial, state) === true && !conns?.has(conn)) {
    conns ??= state[SITE_CONNS] = new Set<string>();
    if (conns.size >= MAX_CONNS) conns.clear();
    conns.add(conn);
  }
  if (!conns?.has(conn) || (hit.cause !== undefined && currentSerial(state)?.initiator !== false)) return hit;
  hit.decoded = hit.decoded.map((dd) => (dd.values?.role === undefined ? d(dd.key, { ...dd.values, role: 'site' }) : dd));
  return hit;
}
