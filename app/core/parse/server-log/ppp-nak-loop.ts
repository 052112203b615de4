import { d, type FamilyState } from './kit';
import type { Decoded } from './types';

/**
 * A Configure-Nak loop, for every PPP dump that shows Naks (pppd's and accel-ppp's `rcvd [LCP ConfNak id=0x3 <mru 1500>]`, RouterOS's
 * packet debug, Cisco IOS's option lines under `O CONFNAK`): the same option Naked again and again in one direction with no
 * Configure-Ack that way between. A Nak proposes the value the other side can take, and the asking side's next Configure-Request
 * should take it up (RFC 1661 §5.3); when it does not, both sides repeat themselves until Max-Failure ends the negotiation (RFC 1661
 * §4.6: "the number of Configure-Nak packets sent without sending a Configure-Ack before assuming that the configuration is not
 * converging", 5 by default; pppd's lcp-max-failure / ipcp-max-failure, 10, fsm.c).
 *
 * One threshold for every family: the THIRD Nak of one option. Not the second: a Configure-Request retransmitted when its Restart
 * timer runs out (RFC 1661 §4.6 Max-Configure; "for retransmissions, the Identifier MAY remain unchanged", §5.1) is Naked again with
 * the same value before the asker has read the first Nak — a slow link, not a disagreement. Two Naks answer at most one request sent
 * after a Nak was read; a third is the asker refusing the value it was offered, well under any Max-Failure. (The number itself is
 * assumed; the real case: a pptp client asking MRU 1416, a Windows server Naking MRU 1500 five times, then rejecting everything.)
 */
export const NAK_LOOP = 3;

type Dir = 'in' | 'out';
const MAX_NEGOTIATIONS = 256;

export interface NakNegotiation {
  /** the last value each way's Configure-Requests gave each option (by the option's name or type, as the caller names it) */
  asked: { in: Map<string, string>; out: Map<string, string> };
  /** the Naks of each option each way since that way's last Configure-Ack */
  naks: { in: Map<string, number>; out: Map<string, number> };
}

/** One negotiation's counts (`key`: the link or process and the protocol), kept in the family's state, bounded. */
export function nakNegotiation(key: string, state: FamilyState): NakNegotiation {
  let all = state.pppNakNegotiations as Map<string, NakNegotiation> | undefined;
  if (!all) state.pppNakNegotiations = all = new Map();
  let n = all.get(key);
  if (!n) {
    if (all.size >= MAX_NEGOTIATIONS) all.clear(); // bounded: a long log has a pid or an interface per call
    all.set(key, (n = { asked: { in: new Map(), out: new Map() }, naks: { in: new Map(), out: new Map() } }));
  }
  return n;
}

/** A Configure-Ack: that way's Naks are over. */
export const nakAcked = (n: NakNegotiation, dir: Dir): void => n.naks[dir].clear();

/** A negotiation started afresh (a Configure-Request from a closed state): the last one's Naks do not count. */
export function nakFresh(n: NakNegotiation): void {
  n.naks.in.clear();
  n.naks.out.clear();
}

/**
 * A Nak of one option (`name` as the caller keys it, `shown` as the statement names it, `offered` the Nak's value): the loop's
 * statement at its NAK_LOOP-th Nak that way, else undefined. `count` after the call: how many Naks of it so far.
 */
export function nakOf(n: NakNegotiation, dir: Dir, name: string, shown: string, offered: string): { loop?: Decoded; count: number } {
  const count = (n.naks[dir].get(name) ?? 0) + 1;
  n.naks[dir].set(name, count);
  // (a Nak answers the other way's Configure-Request)
  const asked = n.asked[dir === 'in' ? 'out' : 'in'].get(name);
  if (count !== NAK_LOOP) return { count };
  return { count, loop: d('nakLoop', { option: shown, asked: asked || '-', offered: offered || '-', count, dir }) };
}
