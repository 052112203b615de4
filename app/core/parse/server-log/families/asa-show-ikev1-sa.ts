import { step, type Hit } from '../kit';

/**
 * The ASA's `show crypto ikev1 sa` typed into a paste (Cisco ASA Series Command Reference, show crypto isakmp sa / show crypto ikev1
 * sa; the real copy: test/fixtures/real/server-logs/asa-console-ping-inside-fails-show-crypto-ikev1-sa-l2l-show-ipsec-sa-encaps-no-decaps.txt):
 *
 *     IKEv1 SAs:
 *        Active SA: 1
 *         Rekey SA: 0 (A tunnel will report 1 Active and 1 Rekey SA during rekey)
 *     Total IKE SA: 1
 *     1   IKE Peer: 203.0.113.1
 *         Type    : L2L             Role    : initiator
 *         Rekey   : no              State   : MM_ACTIVE
 *
 * `Type : L2L` is a LAN-to-LAN tunnel — a router in a tunnel with another router (its statement carries role 'site': log-side.ts
 * logWrittenBy); `user` is a remote-access client's. The state is the phase 1 state machine's: `MM_ACTIVE` / `AM_ACTIVE` up;
 * `MM_WAIT_MSGn` / `AM_WAIT_MSGn` waits for message n of Main (Aggressive) Mode — with an initiator's MM_WAIT_MSG2 the other side never
 * answered its first message (Cisco TAC, "IPsec VPN troubleshooting: IKEv1 SA states", assumed as administrators read them).
 */

/** Each line's shape; the state and type rows are two columns each, as the ASA prints them */
const SHOW_ROW = /^\s*(?:(IKEv1 SAs:|There are no IKEv1 SAs)|(?:Active SA|Rekey SA|Total IKE SA): \d+(?: \(.*\))?|(\d+)\s+IKE Peer: (\S+)|Type\s+: (\S+)\s+Role\s+: (\w+)|Rekey\s+: (\w+)\s+State\s+: (\w+))\s*$/;

/**
 * A line the command printed: asked for every line no head was read on, so a char-code test first — its first visible character is
 * one of I, T, A, R or a digit (the rows above), and no line of it is longer than the two-column rows.
 */
export function isShowIkev1SaLine(message: string): boolean {
  if (message.length > 90) return false;
  let i = 0;
  // (blanks or tabs: a copy through mail turns the ASA's blanks into tab stops)
  for (let c = message.charCodeAt(i); c === 32 || c === 9; c = message.charCodeAt(++i));
  const c = message.charCodeAt(i);
  if (!(c === 73 /* I */ || c === 84 /* T */ || c === 65 /* A */ || c === 82 /* R */ || (c >= 48 && c <= 57))) return false;
  return SHOW_ROW.test(message);
}

/** The statement of one line of the command's output (isShowIkev1SaLine said it is one) */
export function showIkev1SaHit(message: string): Hit | null {
  const m = message.match(SHOW_ROW);
  if (!m) return null;
  if (m[1]) return step(m[1].startsWith('There') ? 'asaShowIkev1None' : 'asaShowIkev1Head');
  if (m[2]) return { ...step('asaShowIkev1Peer', { n: m[2], peer: m[3]! }), peer: m[3]! };
  if (m[4]) {
    const l2l = /^L2L$/i.test(m[4]);
    return step(l2l ? 'asaShowIkev1L2l' : 'asaShowIkev1Type', l2l ? { role: 'site', own: m[5]! } : { type: m[4], own: m[5]! });
  }
  if (m[7]) {
    const state = m[7];
    if (/^(?:MM|AM)_ACTIVE$/.test(state)) return step('asaShowIkev1Active', { state }, 'success');
    const wait = state.match(/^(MM|AM)_WAIT_MSG(\d)$/);
    if (wait) return step('asaShowIkev1Waits', { state, mode: wait[1] === 'MM' ? 'Main Mode' : 'Aggressive Mode', n: wait[2]! }, 'warning');
    return step('asaShowIkev1State', { state });
  }
  return step('asaShowIkev1Counts');
}
