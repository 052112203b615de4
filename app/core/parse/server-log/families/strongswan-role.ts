import { INITIATOR_WORDED } from '../describe';
import { d, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { Decoded } from '../types';
import { WaitingForSide } from '../waiting-for-side';
import { noteRoleForSite } from './strongswan-site';
import { wordAs, wordedBy } from './strongswan-wording';

/**
 * strongSwan charon: which side this side is in the IKE_SA a line belongs to — the responder (a server's log: the other side is the
 * PC) or the initiator (a router, a gateway or a strongSwan client dialling: the other side is the peer that answers, the
 * responder). strongswan.ts summary() sets it from the exchanges only an initiator requests (setRole); parse() reads it for every
 * line (readRole) and words by it the statements that name the two sides (asInitiator).
 */

/** `<PEER|5> ` (charon.filelog.<name>.ike_name): the IKE_SA's unique id */
const IKE_NAME_ID = /<(?:([^|<>]*)\|)?(\d+)> $/;
const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * Where a line's role is kept: its IKE_SA's unique id (`ike_name = yes`: `<PEER|5> `) and its charon's pid, set by parse() in
 * state.roleKeys before the rules run. A log may hold two charons (a VyOS `show log` of both routers) or one charon that
 * initiates some IKE_SAs and answers others: a line takes its own IKE_SA's role, else its process's, and only a line that names
 * neither takes the last role seen.
 */
interface Roles {
  byKey: Map<string, boolean>;
  last?: boolean;
  /**
   * statements read while their line's role was not known yet (see awaitRole), under each of their line's keys; a line that names
   * no key waits under NO_KEY, settled by the log's first role-telling line
   */
  waiting: WaitingForSide<Decoded[]>;
}
/** how many role-less statements wait for a later role-telling line: a log's head before its first IKE_SA_INIT, not a whole log */
const MAX_WAITING = 200;
const NO_KEY = '';
/** how many keys keep their role: bounded memory on a long log (as pppd-role.ts and strongswan-site.ts); a key met again after a clear is told again */
const MAX_KEYS = 5000;
// (the keys: at most two per waiting statement, and the one of lines naming none)
const rolesOf = (state: Record<string, unknown>): Roles =>
  (state.roles ??= { byKey: new Map(), waiting: new WaitingForSide<Decoded[]>({ keys: 2 * MAX_WAITING + 1, perKey: MAX_WAITING, total: MAX_WAITING }) }) as Roles;

/** `newSa`: the line is the other side's first request of an IKE_SA (summary()): for strongswan-site.ts */
export function setRole(state: Record<string, unknown>, initiator: boolean, newSa = false): void {
  const roles = rolesOf(state);
  const keys = (state.roleKeys as readonly string[] | undefined) ?? NO_KEYS;
  const first = roles.last === undefined;
  roles.last = initiator;
  if (roles.byKey.size > MAX_KEYS) roles.byKey.clear();
  for (const k of keys) roles.byKey.set(k, initiator);
  state.initiator = initiator;
  noteRoleForSite(state, initiator, newSa);
  if (!roles.waiting.isEmpty) settleWaiting(roles, keys, first, initiator);
}

/**
 * The statements read before their role was known, settled by the first role-telling line of their IKE_SA or process (or, for
 * a line that names neither, by the log's first role-telling line): a log that starts in the middle of an IKE_SA — the
 * strongSwan Android app's log opens with the server's INFORMATIONAL request that deletes the IKE_SA, before the app's own
 * IKE_SA_INIT request of the next one (test/fixtures/real/server-logs/charon-android-app-log-peer-deletes-ike-sa-restart.txt) —
 * is worded by the role its later lines show, as parse() words the lines after them. Only the initiator's wording is written:
 * a responder's is the default the statements already have.
 */
function settleWaiting(roles: Roles, keys: readonly string[], first: boolean, initiator: boolean): void {
  for (const k of first ? [...keys, NO_KEY] : keys) {
    const settled = roles.waiting.settle(k);
    if (initiator) for (const decoded of settled) wordAs(decoded, 'initiator', byRole);
  }
}

/**
 * A hit whose line's role is not known yet (no role-telling line of its IKE_SA or process so far, state.initiator undefined):
 * its statements that are worded by role wait for the first line that tells it (settleWaiting). Bounded (MAX_WAITING).
 */
export function awaitRole(state: Record<string, unknown>, hit: Hit): void {
  if (!hit.decoded.some(byRole)) return;
  const keys = (state.roleKeys as readonly string[] | undefined) ?? NO_KEYS;
  rolesOf(state).waiting.put(keys.length ? keys : NO_KEY, hit.decoded);
}

/** A statement worded by this side's role: an IKE message's direction (summary()) or one of INITIATOR_WORDED */
const byRole = wordedBy(INITIATOR_WORDED);

/**
 * The role of the line about to be read (state.initiator), from its IKE_SA's or process's last role-telling line. `head`: where
 * the message's text starts after charon's `NN[GRP] ` and `<name|id> `.
 */
export function readRole(state: Record<string, unknown>, pre: Prefixed, head: number): void {
  const ikeName = head > 4 && pre.message.charCodeAt(head - 2) === 62 ? pre.message.slice(0, head).match(IKE_NAME_ID) : null;
  // (most lines name neither: no array made for them; pid is a getter that cuts the header: read once)
  const pid = pre.pid;
  const keys: readonly string[] = ikeName ? (pid !== undefined ? [`ike ${ikeName[2]}`, `pid ${pid}`] : [`ike ${ikeName[2]}`]) : pid !== undefined ? [`pid ${pid}`] : NO_KEYS;
  state.roleKeys = keys;
  // the connection's name (`<PEER|5> `), for strongswan-site.ts
  state.roleConn = ikeName?.[1];
  const roles = state.roles as Roles | undefined;
  if (!roles) return;
  let role: boolean | undefined;
  for (const k of keys) if ((role = roles.byKey.get(k)) !== undefined) break;
  state.initiator = keys.length ? role : roles.last;
}

/**
 * A line of a log whose last role-telling message showed this side initiating (summary(): `state.initiator`): the statements that
 * name the PC or the server as the two sides get `role: 'initiator'`, worded so by describe.ts (INITIATOR_WORDED) — the other side
 * is the responder, "the server" is this side. Only those: the other statements' values stay as they are. Done here, after the
 * rules, so the context rules stay pure (kit.ts `context`); a record only counted is never decoded, and one decoded later
 * for track is decoded in the same state.
 */
export function asInitiator(hit: Hit): Hit {
  for (let i = 0; i < hit.decoded.length; i++) {
    const dd = hit.decoded[i]!;
    if (INITIATOR_WORDED.has(dd.key) && dd.values?.role === undefined) hit.decoded[i] = d(dd.key, { ...dd.values, role: 'initiator' });
  }
  return hit;
}
