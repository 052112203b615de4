import { unansweredFirstExchange, type FamilyState, type TrackedRecord } from '../kit';
import type { ServerLogEntry } from '../types';

/**
 * strongSwan charon: the first exchange (IKEv2 IKE_SA_INIT, IKEv1 Main/Aggressive Mode, message ID
 * 0) that gets no answer through — UDP 500/4500 blocked on the way, or NAT-T. Two shapes, both read
 * from the whole log (track/finish, not one line), with a cause each by this side's role:
 *
 * - this side initiates (a router or concentrator dialling, or a strongSwan client's log pasted as
 *   the "server's"): `generating IKE_SA_INIT request 0 [ … ]`, then `retransmit N of request with
 *   message ID 0` (IKEv1: `sending retransmit N of request message ID 0, seq 1`) and `giving up after
 *   N retransmits` — strongSwan src/libcharon/sa/ikev2/task_manager_v2.c retransmit(), ikev1/task_manager_v1.c — and then
 *   `establishing IKE_SA failed, peer not responding` (src/libcharon/sa/ike_sa.c retransmit(), IKE_CONNECTING), which is the
 *   cause's line when no "giving up" came before it.
 *   Cause ike-responder-unreachable: the other side is the peer that should answer (the responder), not the PC.
 *   Real: test/fixtures/real/server-logs/charon-initiator-ike-sa-init-retransmits-no-response.txt
 *   (strongswan/strongswan #1815). A retransmitted request ID 0 without this side's own IKE_SA_INIT
 *   before it is not one: message IDs count per direction, and a responder's first request (a DPD,
 *   a DELETE) is ID 0 too.
 * - this side responds, but the PC's IKE_SA_INIT requests pile up with no answer logged (no
 *   `generating IKE_SA_INIT response`, no `retransmitting response`) and the log ends so. Cause
 *   ike-init-unanswered (the server's log: the other side is the PC).
 */

/** retransmissions of an unanswered first request before the log's end says "no answer" without charon's own "giving up" */
const MIN_RETRANSMITS = 3;
/** the PC's IKE_SA_INIT requests in a row with no answer logged */
const MIN_UNANSWERED = 3;

/**
 * This side's first requests with no response yet, of one IKE SA as the lines name it (`ike_name = yes`: `<conn|7>`), or of all
 * that name none. A count, not a flag: a hub sets up its tunnels to several spokes at once, and without `ike_name` charon writes no
 * IKE SA on these lines, so one spoke's answer must not answer another's request (a spoke that never answered, among others that
 * did, was "no cause found"). Retransmissions of message ID 0 while any is pending are counted together: those lines do not say
 * whose they are either.
 */
interface Initiated {
  pending: number;
  retransmits: number;
  lastRetransmit?: ServerLogEntry;
}

interface FirstExchange {
  /** by IKE SA name (`<conn|7>`), '' for the lines that name none */
  initiated: Map<string, Initiated>;
  /** the PC's IKE_SA_INIT requests since the last answer, and the first of them */
  unanswered: number;
  firstUnanswered?: ServerLogEntry;
}

/** IKE SAs remembered at once (bounded memory on a long log of many SAs) */
const MAX_INITIATED = 1000;

const of = (state: FamilyState): FirstExchange => (state.first ??= { initiated: new Map(), unanswered: 0 }) as FirstExchange;
const initiatedBy = (f: FirstExchange, ikeName: string): Initiated => {
  let i = f.initiated.get(ikeName);
  if (!i) {
    if (f.initiated.size >= MAX_INITIATED) f.initiated.clear();
    f.initiated.set(ikeName, (i = { pending: 0, retransmits: 0 }));
  }
  return i;
};

const isOwnFirstRequest = (text: string) => text.includes('generating IKE_SA_INIT request 0 ') || text.includes('generating ID_PROT request 0 ') || text.includes('generating AGGRESSIVE request 0 ');
// (and one charon could not process — `ID_PROT response with message ID 0 processing failed`, an integrity check that failed: the
// other side did answer; task_manager_v1.c/v2.c process_response)
const isFirstResponseIn = (text: string) =>
  text.includes('parsed IKE_SA_INIT response 0 ') || text.includes('parsed ID_PROT response 0 ') || text.includes('parsed AGGRESSIVE response 0 ') || text.includes(' response with message ID 0 processing failed');
// IKEv2 `retransmit 2 of request with message ID 0`; IKEv1 `sending retransmit 2 of request message ID 0, seq 1`
const FIRST_RETRANSMIT = /retransmit \d+ of request (?:with )?message ID 0(?:,|\s*$)/;
const isFirstRetransmit = (text: string) => text.includes('retransmit ') && FIRST_RETRANSMIT.test(text);

/**
 * A piece of every text track() and trackFirstExchange act on (`IKE_SA_INIT`, `retransmit`, ` request 0 `, ` response 0 `,
 * `giving up after `, `establishing IKE_SA failed`): a record without one changes nothing there. One scan instead of three to
 * six searches on every charon record (the searches were a fifth of a charon line's cost: bench/server-log.bench.ts). Each
 * piece starts with a character rare in charon's lines, so the scan skips ahead where a piece starting with a blank would not.
 */
const TRACKED_PIECES = /_INIT|nsmit|quest 0 |ponse 0 |ving up after |_SA failed|ID 0 processing failed/;
export const mayTrack = (text: string): boolean => TRACKED_PIECES.test(text);

/**
 * Called for every understood charon record that mayTrack (strongswanFamily.track). `ikeName`: the IKE SA the record's line names
 * (`<conn|7>`, strongswan-head.ts afterThreadIkeName), '' when none.
 */
export function trackFirstExchange(seen: TrackedRecord, state: FamilyState, ikeName: string): ServerLogEntry[] | void {
  const text = seen.text;
  const f = of(state);
  const i = isOwnFirstRequest(text) ? initiatedBy(f, ikeName) : f.initiated.get(ikeName);
  if (i !== undefined && i.pending > 0) {
    if (isFirstResponseIn(text)) {
      // (the last request answered: what was counted was its retransmissions)
      if (--i.pending === 0) Object.assign(i, { retransmits: 0, lastRetransmit: undefined });
    } else if (isFirstRetransmit(text)) {
      i.retransmits++;
      i.lastRetransmit = seen.entry();
    } else if ((text.includes('giving up after ') && i.lastRetransmit) || text.includes('establishing IKE_SA failed, peer not responding')) {
      // charon's "giving up" and then ike_sa.c's "establishing IKE_SA failed, peer not responding": the first one present is the cause
      const retransmits = i.retransmits;
      Object.assign(i, { pending: i.pending - 1, retransmits: 0, lastRetransmit: undefined });
      return [unansweredFirstExchange(seen.entry(), retransmits, 'ikeInitUnanswered')];
    }
  }
  if (!text.includes('IKE_SA_INIT') && !text.includes('retransmitting response') && !text.includes(' request 0 ')) return;
  if (i !== undefined && isOwnFirstRequest(text) && i.pending++ === 0) Object.assign(i, { retransmits: 0, lastRetransmit: undefined });
  if (text.includes('parsed IKE_SA_INIT request 0 ')) {
    if (f.unanswered++ === 0) f.firstUnanswered = seen.entry();
  } else if (text.includes('generating IKE_SA_INIT response') || text.includes('retransmitting response')) {
    f.unanswered = 0;
    f.firstUnanswered = undefined;
  }
}

/** At the log's end: a first request still unanswered after its retransmissions, or the PC's requests never answered. */
export function finishFirstExchange(state: FamilyState): ServerLogEntry[] {
  const f = state.first as FirstExchange | undefined;
  const out: ServerLogEntry[] = [];
  if (!f) return out;
  for (const i of f.initiated.values()) {
    if (i.pending > 0 && i.retransmits >= MIN_RETRANSMITS && i.lastRetransmit && !i.lastRetransmit.cause) out.push(unansweredFirstExchange(i.lastRetransmit, i.retransmits, 'ikeInitUnanswered'));
  }
  if (f.unanswered >= MIN_UNANSWERED && f.firstUnanswered && !f.firstUnanswered.cause) out.push(unansweredFirstExchange(f.firstUnanswered, f.unanswered, 'ikeInitNoReply'));
  return out;
}
