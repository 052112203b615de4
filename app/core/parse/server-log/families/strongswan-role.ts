import { INITIATOR_WORDED } from '../describe';
import { d, type Hit } from '../kit';
import type { Prefixed } from '../prefix';

/**
 * strongSwan charon: which side this side is in the IKE_SA a line belongs to — the responder (a server's log: the other side is the
 * PC) or the initiator (a router, a gateway or a strongSwan client dialling: the other side is the peer that answers, the
 * responder). strongswan.ts summary() sets it from the exchanges only an initiator requests (setRole); parse() reads it for every
 * line (readRole) and words by it the statements that name the two sides (asInitiator).
 */

/** `<PEER|5> ` (charon.filelog.<name>.ike_name): the IKE_SA's unique id */
const IKE_NAME_ID = /<(?:[^|<>]*\|)?(\d+)> $/;
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
}
const rolesOf = (state: Record<string, unknown>): Roles => (state.roles ??= { byKey: new Map() }) as Roles;

export function setRole(state: Record<string, unknown>, initiator: boolean): void {
  const roles = rolesOf(state);
  roles.last = initiator;
  for (const k of (state.roleKeys as readonly string[] | undefined) ?? []) roles.byKey.set(k, initiator);
  state.initiator = initiator;
}

/**
 * The role of the line about to be read (state.initiator), from its IKE_SA's or process's last role-telling line. `head`: where
 * the message's text starts after charon's `NN[GRP] ` and `<name|id> `.
 */
export function readRole(state: Record<string, unknown>, pre: Prefixed, head: number): void {
  const ikeName = head > 4 && pre.message.charCodeAt(head - 2) === 62 ? pre.message.slice(0, head).match(IKE_NAME_ID) : null;
  // (most lines name neither: no array made for them; pid is a getter that cuts the header: read once)
  const pid = pre.pid;
  const keys: readonly string[] = ikeName ? (pid !== undefined ? [`ike ${ikeName[1]}`, `pid ${pid}`] : [`ike ${ikeName[1]}`]) : pid !== undefined ? [`pid ${pid}`] : NO_KEYS;
  state.roleKeys = keys;
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
