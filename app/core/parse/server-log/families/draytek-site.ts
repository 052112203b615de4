import { SITE_WORDED } from '../describe';
import type { Hit } from '../kit';
import type { Decoded } from '../types';
import { WaitingForSide } from '../waiting-for-side';

/**
 * A DrayTek answering another router (a LAN-to-LAN dial-in), not a PC: in Quick Mode the router writes the network the other side
 * asks for, `Receive client L2L remote network setting is 10.0.33.0/24` (the real Syslog Explorer copy draytek-syslog-explorer-dial-
 * in-…); a network there (neither one address, /32, nor everything, /0) is a LAN behind the other side, which is then a router — a
 * Windows L2TP/IPsec PC asks for its own address alone (assumed from the protocol: its Quick Mode ID is its one address, RFC 2409
 * §5.5; no DrayTek source text is public). The statements of that attempt that name the PC (describe.ts SITE_WORDED) then say
 * "the other router".
 *
 * An attempt starts at `Responding to Main|Aggressive Mode from <peer>`: in a syslog file (oldest first) the network line comes
 * before the refusal it explains, in a Syslog Explorer copy (newest first) after it — so the attempt's statements wait for the sign
 * (bounded), and a sign words what waited and what follows until the next attempt starts.
 */
const SITE = 'dtSite';
const MAX_WAITING = 32;
interface Attempt {
  /** what the attempt's network line said: true a network, false one address or everything, undefined none yet */
  site?: boolean;
  waiting: WaitingForSide<Decoded>;
}
/** (one key: the attempt's other side) */
const PEER = 'peer';
const newAttempt = (): Attempt => ({ waiting: new WaitingForSide<Decoded>({ keys: 1, perKey: MAX_WAITING }) });
const RESPOND = 'step.ikeV1Respond';
const NETWORK = 'step.dtClientNetwork';
/** `10.0.33.0/24`: a prefix shorter than one address and not everything */
const NETWORK_PREFIX = /^[\d.]+\/(\d+)$|^[\da-fA-F:]+\/(\d+)$/;
const isNetwork = (value: string): boolean => {
  const m = value.match(NETWORK_PREFIX);
  if (!m) return false;
  const len = Number(m[1] ?? m[2]);
  return len > 0 && len < (m[1] !== undefined ? 32 : 128);
};
const asSite = (dd: Decoded): void => {
  if (dd.values?.role === undefined && SITE_WORDED.has(dd.key)) dd.values = { ...dd.values, role: 'site' };
};

export function bySiteAttempt(hit: Hit | null, state: Record<string, unknown>): Hit | null {
  if (!hit) return hit;
  const first = hit.decoded[0]?.key;
  if (first === RESPOND) {
    state[SITE] = newAttempt();
    return hit;
  }
  const attempt = (state[SITE] ??= newAttempt()) as Attempt;
  if (first === NETWORK) {
    attempt.site = isNetwork(String(hit.decoded[0]!.values?.network ?? ''));
    const waited = attempt.waiting.settle(PEER);
    if (attempt.site) for (const dd of waited) asSite(dd);
    return hit;
  }
  if (attempt.site === true) hit.decoded.forEach(asSite);
  else if (attempt.site === undefined) for (const dd of hit.decoded) if (SITE_WORDED.has(dd.key)) attempt.waiting.put(PEER, dd);
  return hit;
}
