import { SITE_WORDED } from '../describe';
import type { Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { Decoded } from '../types';
import { WaitingForSide } from '../waiting-for-side';
import { wordAs, wordedBy } from './strongswan-wording';

/**
 * strongSwan charon answering another router (a site-to-site tunnel), not a PC: its statements that name the PC as the other side
 * (describe.ts SITE_WORDED) get `role: 'site'` and say "the other router". strongswan-role.ts tells the initiator apart (its
 * other side is "the responder"); this is the responder's other half. What shows the other side is a router, per IKE_SA (its
 * ike_name id, else its charon's pid, as the role is kept) and per connection name:
 *
 * - the connection this log shows initiating too (setRole: a VyOS `show log` of both routers, or a gateway that dials and
 *   answers one connection — a road-warrior server does not dial its PCs);
 * - VyOS's names for its site-to-site peers: IKE connection `peer-<name>` / `peer_<name>`, CHILD_SA `<name>-tunnel-<n>`
 *   (VyOS's strongSwan templates: ipsec.conf `conn peer-<peer>-tunnel-<n>`, swanctl.conf children `<peer>-tunnel-<n>`, assumed
 *   from the fixture charon-vyos-show-log-… and VyOS's docs "IPsec Site-to-Site"; its remote-access connections are `ra-<name>`);
 * - both ends of one exchange in the paste: one charon generating a response (`generating IKE_SA_INIT response 0 [ N(NO_PROP) ]`)
 *   and another process parsing the same response as the initiator — two routers' logs pasted together (VyOS's documentation
 *   shows its examples so: the responder's block, then the initiator's);
 * - traffic selectors that are networks on both sides (`10.0.2.0/24 === 10.0.0.0/24`: `traffic selectors … unacceptable`,
 *   `CHILD_SA … established with SPIs … and TS …`): a PC asks for its one address (a /32, /128) or everything (0.0.0.0/0).
 *
 * A statement read before its IKE_SA (or connection) showed any of these waits for it (bounded), as strongswan-role.ts's waiting
 * statements do.
 */

interface Site {
  /** the responses this log shows one end of (mirrorOf), by their text after the verb: that end's process, keys and connection */
  ends: Map<string, { pid: string; initiator: boolean; keys: readonly string[]; conn: string | undefined }>;
  /** per IKE_SA id / pid key: true once one of the signs above showed for it, false when an IKE_SA began as responder without one */
  byKey: Map<string, boolean>;
  /** connection names known to join two routers */
  conns: Set<string>;
  /** statements waiting for a sign (asSiteResponder), under their line's first key (`k <key>`) and its connection's name (`c <conn>`) */
  waiting: WaitingForSide<Waiting>;
}
interface Waiting {
  key: string;
  conn: string | undefined;
  decoded: Decoded[];
}
/** how many statements wait in all; past it the oldest goes */
const MAX_WAITING = 200;
const MAX_CONNS = 1000;
const MAX_KEYS = 5000;
const keyOf = (key: string): string => `k ${key}`;
const connKey = (conn: string): string => `c ${conn}`;
// (the keys: at most two per waiting statement)
const siteOf = (state: Record<string, unknown>): Site =>
  (state.site ??= {
    ends: new Map(),
    byKey: new Map(),
    conns: new Set(),
    waiting: new WaitingForSide<Waiting>({ keys: 2 * MAX_WAITING, perKey: Infinity, total: MAX_WAITING, whenFull: 'drop-oldest' }),
  }) as Site;

/** VyOS's site-to-site names (see above): the IKE connection's, or a CHILD_SA's in the message */
const VYOS_PEER_CONN = /^peer[-_]|-tunnel-\d+$/;
const VYOS_CHILD = /CHILD_SA \S+-tunnel-\d+\{/;
/** `A === B` of traffic selectors: the two lists, each of `addr/len` with an optional `[proto/port]` */
const TS_PAIR = /(?:^|\s)((?:[\da-fA-F:.]+\/\d+(?:\[[^\]]*\])? ?)+) === ((?:[\da-fA-F:.]+\/\d+(?:\[[^\]]*\])? ?)+)/;

/** A traffic selector list that is only networks: no single address (/32, /128), not everything (/0) */
function networksOnly(list: string): boolean {
  const ts = list.trim().split(/\s+/);
  return ts.every((s) => {
    const m = s.match(/^([\da-fA-F:.]+)\/(\d+)/);
    if (!m) return false;
    const len = Number(m[2]);
    return len > 0 && len < (m[1]!.includes(':') ? 128 : 32);
  });
}

/** The connection name of the line's ike_name (`<PEER|5> `), set by strongswan-role.ts readRole */
const connOf = (state: Record<string, unknown>): string | undefined => state.roleConn as string | undefined;
const firstKey = (state: Record<string, unknown>): string | undefined => (state.roleKeys as readonly string[] | undefined)?.[0];

/** Whether the line about to be read is of an IKE_SA between routers: its connection's, IKE_SA's or process's last word */
export function readSite(state: Record<string, unknown>, message: string): boolean {
  const site = state.site as Site | undefined;
  const conn = connOf(state);
  if (conn !== undefined && (VYOS_PEER_CONN.test(conn) || site?.conns.has(conn))) return markSite(state, conn);
  // (most lines hold neither: a plain search first)
  if ((message.includes('-tunnel-') && VYOS_CHILD.test(message)) || (message.includes(' === ') && siteSelectors(message))) return markSite(state, conn);
  if (!site) return false;
  for (const k of (state.roleKeys as readonly string[] | undefined) ?? []) {
    const v = site.byKey.get(k);
    if (v !== undefined) return v;
  }
  return false;
}

function siteSelectors(message: string): boolean {
  const m = message.match(TS_PAIR);
  return !!m && networksOnly(m[1]!) && networksOnly(m[2]!);
}

/** This IKE_SA (and its process, its connection) joins two routers: its waiting statements are worded so */
function markSite(state: Record<string, unknown>, conn: string | undefined, keys: readonly string[] = (state.roleKeys as readonly string[] | undefined) ?? []): true {
  const site = siteOf(state);
  if (conn !== undefined && !site.conns.has(conn) && site.conns.size < MAX_CONNS) site.conns.add(conn);
  if (site.byKey.size > MAX_KEYS) site.byKey.clear();
  for (const k of keys) site.byKey.set(k, true);
  if (!site.waiting.isEmpty) {
    if (conn !== undefined) for (const w of site.waiting.settle(connKey(conn))) wordAs(w.decoded, 'site', bySite);
    for (const k of keys) {
      // (an IKE_SA id is another IKE_SA's under another connection name: ids start from 1 again when charon does)
      const other = k.startsWith('ike ') ? (w: Waiting): boolean => w.conn !== conn : undefined;
      for (const w of site.waiting.settle(keyOf(k), other)) wordAs(w.decoded, 'site', bySite);
    }
  }
  return true;
}

/**
 * strongswan-role.ts setRole: an IKE_SA this side initiates names a connection between routers; one the other side begins
 * (`newSa`: its first request) starts unknown, unless its connection is known — a journal's copy of a later message of the same
 * IKE_SA (VyOS's charon-systemd lines, with the pid only) must not forget what its IKE_SA showed.
 */
export function noteRoleForSite(state: Record<string, unknown>, initiator: boolean, newSa: boolean): void {
  const conn = connOf(state);
  if (!initiator && !newSa) return;
  // statements left waiting under this key are an earlier IKE_SA's: its process's (no ike_name: the pid is their key), or one
  // of a charon that started again and numbers its IKE_SAs from 1 anew — never this one's
  const key = firstKey(state);
  const site = state.site as Site | undefined;
  if (site && key !== undefined) site.waiting.drop(keyOf(key));
  if (initiator) {
    if (conn !== undefined) markSite(state, conn);
    return;
  }
  if (!site || (conn !== undefined && site.conns.has(conn))) return;
  // (bounded: a long server log begins an IKE_SA per PC connection, each with its own id)
  if (site.byKey.size > MAX_KEYS) site.byKey.clear();
  for (const k of (state.roleKeys as readonly string[] | undefined) ?? []) site.byKey.set(k, false);
}

/** The statements worded by the other side being a router (describe.ts SITE_WORDED, an IKE message's direction) */
const bySite = wordedBy(SITE_WORDED);

/** A responder's line: worded as between routers when its IKE_SA is known so, else its statements wait for a sign (bounded) */
export function asSiteResponder(state: Record<string, unknown>, hit: Hit, site: boolean): Hit {
  if (site) {
    wordAs(hit.decoded, 'site', bySite);
    return hit;
  }
  const key = firstKey(state);
  if (key === undefined || !hit.decoded.some(bySite)) return hit;
  const conn = connOf(state);
  siteOf(state).waiting.put(conn !== undefined ? [keyOf(key), connKey(conn)] : keyOf(key), { key, conn, decoded: hit.decoded });
  return hit;
}

/** responses remembered for mirrorOf (a paste of two routers shows the pair within a few lines) */
const MAX_ENDS = 200;
const RESPONSE = / response \d+ \[/;

/**
 * Every line of a log: `generating X response N [ … ]` as the responder and `parsed X response N [ … ]` as the initiator, the same
 * text in two processes, are the two ends of one exchange — the responder's IKE_SA answered the initiator's, a router dialling
 * (strongswan-role.ts tells the two roles apart). The responder's side is then marked as between routers, whichever came first.
 */
export function mirrorOf(state: Record<string, unknown>, message: string, pre: Prefixed): void {
  const generating = message.startsWith('generating ');
  if ((!generating && !message.startsWith('parsed ')) || !RESPONSE.test(message)) return;
  // (pid is a getter that cuts the header: read only for such a line)
  const pid = pre.pid;
  if (pid === undefined) return;
  const initiator = state.initiator === true;
  // (the responder generates its response, the initiator parses it: any other pairing is no pair)
  if (generating === initiator) return;
  const text = message.slice(generating ? 11 : 7);
  const site = siteOf(state);
  const other = site.ends.get(text);
  const keys = (state.roleKeys as readonly string[] | undefined) ?? [];
  if (other && other.pid !== pid && other.initiator !== initiator) {
    if (initiator) markSite(state, other.conn, other.keys);
    else markSite(state, connOf(state), keys);
    return;
  }
  if (site.ends.size >= MAX_ENDS) site.ends.clear();
  site.ends.set(text, { pid, initiator, keys, conn: connOf(state) });
}
