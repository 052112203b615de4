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

interface FirstExchange {
  /** this side sent its first request and has had no response to it yet */
  pending: boolean;
  retransmits: number;
  lastRetransmit?: ServerLogEntry;
  /** the PC's IKE_SA_INIT requests since the last answer, and the first of them */
  unanswered: number;
  firstUnanswered?: ServerLogEntry;
}

const of = (state: FamilyState): FirstExchange => (state.first ??= { pending: false, retransmits: 0, unanswered: 0 }) as FirstExchange;

const isOwnFirstRequest = (text: string) => text.includes('generating IKE_SA_INIT request 0 ') || text.includes('generating ID_PROT request 0 ') || text.includes('generating AGGRESSIVE request 0 ');
const isFirstResponseIn = (text: string) => text.includes('parsed IKE_SA_INIT response 0 ') || text.includes('parsed ID_PROT response 0 ') || text.includes('parsed AGGRESSIVE response 0 ');
// IKEv2 `retransmit 2 of request with message ID 0`; IKEv1 `sending retransmit 2 of request message ID 0, seq 1`
const FIRST_RETRANSMIT = /retransmit \d+ of request (?:with )?message ID 0(?:,|\s*$)/;
const isFirstRetransmit = (text: string) => text.includes('retransmit ') && FIRST_RETRANSMIT.test(text);

/**
 * A piece of every text track() and trackFirstExchange act on (`IKE_SA_INIT`, `retransmit`, ` request 0 `, ` response 0 `,
 * `giving up after `, `establishing IKE_SA failed`): a record without one changes nothing there. One scan instead of three to
 * six searches on every charon record (the searches were a fifth of a charon line's cost: bench/server-log.bench.ts). Each
 * piece starts with a character rare in charon's lines, so the scan skips ahead where a piece starting with a blank would not.
 */
const TRACKED_PIECES = /_INIT|nsmit|quest 0 |ponse 0 |ving up after |_SA failed/;
export const mayTrack = (text: string): boolean => TRACKED_PIECES.test(text);

/** Called for every understood charon record that mayTrack (strongswanFamily.track). */
export function trackFirstExchange(seen: TrackedRecord, state: FamilyState): ServerLogEntry[] | void {
  const text = seen.text;
  const f = of(state);
  if (f.pending) {
    if (isFirstResponseIn(text)) f.pending = false;
    else if (isFirstRetransmit(text)) {
      f.retransmits++;
      f.lastRetransmit = seen.entry();
    } else if ((text.includes('giving up after ') && f.lastRetransmit) || text.includes('establishing IKE_SA failed, peer not responding')) {
      // charon's "giving up" and then ike_sa.c's "establishing IKE_SA failed, peer not responding": the first one present is the cause
      f.pending = false;
      return [unansweredFirstExchange(seen.entry(), f.retransmits, 'ikeInitUnanswered')];
    }
  }
  if (!text.includes('IKE_SA_INIT') && !text.includes('retransmitting response') && !text.includes(' request 0 ')) return;
  if (isOwnFirstRequest(text)) Object.assign(f, { pending: true, retransmits: 0, lastRetransmit: undefined });
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
  if (f.pending && f.retransmits >= MIN_RETRANSMITS && f.lastRetransmit && !f.lastRetransmit.cause) out.push(unansweredFirstExchange(f.lastRetransmit, f.retransmits, 'ikeInitUnanswered'));
  if (f.unanswered >= MIN_UNANSWERED && f.firstUnanswered && !f.firstUnanswered.cause) out.push(unansweredFirstExchange(f.firstUnanswered, f.unanswered, 'ikeInitNoReply'));
  return out;
}
