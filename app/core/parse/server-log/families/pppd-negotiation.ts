import { d, step, type FamilyState, type Hit } from '../kit';
import { mppeBits } from '../codes/ppp';
import { mppeFromPppd } from '../ppp-packet';
import { nakAcked, nakNegotiation, nakOf } from '../ppp-nak-loop';

/**
 * What pppd's negotiation and link-end lines mean beyond their words (pppd.ts's rules call these): the IP address the server
 * refused to negotiate, the MPPE key lengths the two CCP offers had in common, and the link's end counters.
 */

/**
 * pppd's "Sent N bytes, received M bytes." at the link's end. Almost nothing received against much sent means the other side's
 * packets did not come back through the link: on a PPTP client the classic routing loop (the route to the server points into the
 * tunnel itself), on a server the PC's GRE not arriving. The thresholds (100 kB sent, a thousandth of it received) are assumed.
 * A pppd the log shows under L2TP only (xl2tpd's lines, the pppol2tp plugin: `l2tp`) carries no GRE: its way back is the tunnel's
 * UDP (1701, or inside IPsec's ESP / UDP 4500) — xelerance/xl2tpd #162, an LNS's pppd that sent 2.6 GB and received 0 bytes.
 */
export function linkCounters(sent: number, received: number, l2tp = false): Hit {
  const hit = step('pppdCounters', { sent, received });
  if (sent >= 100_000 && received * 1000 < sent) {
    hit.decoded.push(d(l2tp ? 'pppdOneWayL2tp' : 'pppdOneWay'));
    hit.outcome = 'warning';
  }
  return hit;
}

const hasKeyLength = (bits: number): boolean => {
  const b = mppeBits(bits);
  return b.bits40 || b.bits56 || b.bits128;
};

/** The last MPPE offer each way per pppd (`<mppe +H -M +S -L -D -C>` in a CCP Configure-Request), for the failure that may follow. */
export function rememberMppeOffer(key: string, body: string, state: FamilyState): void {
  const bits = mppeFromPppd(body);
  if (bits !== undefined) state[`mppeOffer:${key}`] = bits;
}

/**
 * pppd's "MPPE required but peer negotiation failed" says only that no MPPE was agreed; the two last offers say why when their
 * key lengths have nothing in common (the real case: a 128-bit-only pppd against a peer offering 40-bit only).
 */
export function mppeStrengthMismatch(pid: string, state: FamilyState): Hit['decoded'] {
  const ours = state[`mppeOffer:${pid}:out`] as number | undefined;
  const theirs = state[`mppeOffer:${pid}:in`] as number | undefined;
  if (ours === undefined || theirs === undefined) return [];
  if (hasKeyLength(ours & theirs) || !hasKeyLength(theirs)) return [];
  // the two offers' Supported Bits as numbers: describe.ts words their key lengths in the reader's language
  return [d('mppeStrengthMismatch', { ours, theirs })];
}

const nameAndValue = (option: string): [string, string] => {
  const blank = option.indexOf(' ');
  return blank < 0 ? [option, ''] : [option.slice(0, blank), option.slice(blank + 1)];
};

/**
 * A Configure-Request, -Ack or -Nak of one pppd (`key`: its pid and protocol; accel-ppp's and RouterOS's dumps alike): the loop's
 * statement at the NAK_LOOP-th Nak of one option (ppp-nak-loop.ts, the one threshold for every PPP dump).
 */
export function notePppdNak(key: string, dir: 'in' | 'out', codeName: string, options: readonly string[], state: FamilyState): Hit['decoded'] {
  if (codeName !== 'ConfReq' && codeName !== 'ConfAck' && codeName !== 'ConfNak') return [];
  const n = nakNegotiation(key, state);
  if (codeName === 'ConfAck') {
    nakAcked(n, dir);
    return [];
  }
  if (codeName === 'ConfReq') {
    for (const o of options) n.asked[dir].set(...nameAndValue(o));
    return [];
  }
  const out: Hit['decoded'] = [];
  for (const o of options) {
    const [name, offered] = nameAndValue(o);
    const { loop } = nakOf(n, dir, name, name, offered);
    if (loop) out.push(loop);
  }
  return out;
}
