import { d, type FamilyState, type Hit } from '../kit';
import type { PppOption } from '../ppp-packet';
import { judgeRejects, type RejectedOption } from '../ppp-reject';
import type { LinkSide } from './ios-link-side';
import { nakAcked, nakFresh, nakNegotiation, nakOf } from '../ppp-nak-loop';

/**
 * Whether a Configure-Nak in Cisco IOS `debug ppp negotiation` is a normal step of the negotiation or a sign it is not converging.
 * IOS prints the Nak's options on the lines under its packet line (`Vi1.1 IPCP: O CONFNAK [REQsent] id 1 len 10`, then
 * `Vi1.1 IPCP:    Address 172.20.1.3 (0x0306AC140103)`), so the verdict is the option line's: the packet line itself is no warning.
 *
 * A Configure-Nak is the answer "acceptable option, other value": the sender proposes the value it can accept, and the other side's
 * next Configure-Request may take it up (RFC 1661 §5.3). Normal steps:
 * - IPCP IP-Address (and the DNS/NBNS options) Naked after the other side asked 0.0.0.0: asking 0.0.0.0 is how a peer requests an
 *   address, and the Nak carries the one given (RFC 1332 §3.3; the same for Primary/Secondary DNS and NBNS, RFC 1877 §1);
 * - an MRU or MRRU counter-proposal (RFC 1661 §6.1: a peer "MAY" Nak the MRU with the size it will send; RFC 1990 §5.1.1 MRRU).
 * Anything else Naked (the authentication protocol, an address the peer asked for by value) stays a warning; the same option Naked
 * again and again in the same direction before an Ack is a loop (ppp-nak-loop.ts: NAK_LOOP, the threshold pppd's dumps share).
 */

/** IPCP options whose 0.0.0.0 in a Configure-Request asks the other side for a value: IP-Address (RFC 1332), DNS and NBNS (RFC 1877). */
const ASKED_BY_ZERO = new Set([3, 129, 130, 131, 132]);
/** LCP options a Nak merely counter-proposes a size for: MRU (RFC 1661 §6.1), MRRU (RFC 1990 §5.1.1). */
const SIZE_OPTIONS = new Set([1, 17]);
/** FSM states IOS prints in brackets from which a Configure-Request starts a negotiation afresh (RFC 1661 §4.2). */
const FRESH_STATES = new Set(['Initial', 'Starting', 'Closed', 'Stopped', 'Listen']);

type Dir = 'in' | 'out';

/** A packet line of a control protocol: a Configure-Request starts that way's options; a Configure-Ack ends the Naks in that way. */
export function noteNegotiationPacket(link: string, proto: string, dir: Dir, codeName: string, fsm: string, state: FamilyState): void {
  if (codeName !== 'CONFREQ' && codeName !== 'CONFACK') return;
  const n = nakNegotiation(`ios ${link} ${proto}`, state);
  if (codeName === 'CONFACK') nakAcked(n, dir);
  else {
    n.asked[dir].clear();
    if (FRESH_STATES.has(fsm)) nakFresh(n);
  }
}

/**
 * An option line under a Configure-Request (remembered) or a Configure-Nak (judged: the hit's outcome and a sentence). The same
 * option Naked again is counted for a loop (ppp-nak-loop.ts: one threshold with pppd's); until then each Nak is judged by its option.
 */
export function noteNegotiationOption(link: string, proto: string, pkt: { dir: string; codeName: string } | undefined, option: PppOption | undefined, hit: Hit, state: FamilyState): void {
  if (!pkt || !option || (pkt.codeName !== 'CONFREQ' && pkt.codeName !== 'CONFNAK')) return;
  const dir = pkt.dir as Dir;
  const n = nakNegotiation(`ios ${link} ${proto}`, state);
  const type = String(option.type);
  if (pkt.codeName === 'CONFREQ') {
    n.asked[dir].set(type, option.value ?? '');
    return;
  }
  const text = option.value ? `${option.name} ${option.value}` : option.name;
  // (a Nak answers the other way's Configure-Request)
  const asked = n.asked[dir === 'in' ? 'out' : 'in'];
  const { loop } = nakOf(n, dir, type, option.name, option.value ?? '');
  // (Naked again before the loop's count: judged as the first was)
  if (loop) {
    hit.decoded.push(loop);
    hit.outcome = 'warning';
  } else if (proto === 'IPCP' && ASKED_BY_ZERO.has(option.type) && asked.get(type) === '0.0.0.0') {
    hit.decoded.push(d('nakOffersAddress', { option: text }));
  } else if (proto === 'LCP' && SIZE_OPTIONS.has(option.type)) {
    hit.decoded.push(d('nakCounterProposal', { option: text }));
  } else {
    hit.decoded.push(d(dir === 'out' ? 'nakOtherSent' : 'nakOtherReceived', { option: text }));
    hit.outcome = 'warning';
  }
}

/**
 * An option line under a Configure-Reject (`Vi1 LCP: I CONFREJ [REQsent] id 1 len 10`, then `Vi1 LCP:    AuthProto CHAP
 * (0x0305C22305)`): judged and said by ppp-reject.ts. I: the other side refused what the router asked for; O: the router refused
 * the other side's option. `side` 'client': a link where the router itself logs in to a server (as a Protocol-Reject of CCP there,
 * ios.ts) — no PC is involved, the router's own link; else the router answers a PC (the side IOS's packet headings take, "from
 * the PC", until ios-link-side.ts learns otherwise: ios.ts keeps these statements waiting for that).
 */
export function judgeRejectedOption(proto: string, dir: string, option: PppOption, mppe: number | undefined, side: LinkSide | undefined, hit: Hit): void {
  const text = option.value ? `${option.name} ${option.value}` : option.name;
  const parsed: RejectedOption = { text, type: option.type, ...(option.value !== undefined ? { value: option.value } : {}), ...(mppe !== undefined ? { mppe } : {}) };
  const client = side === 'client';
  judgeRejects(hit, proto, [parsed], { refusedHere: dir === 'out', ownLink: client, role: client ? 'client' : 'server' });
}
