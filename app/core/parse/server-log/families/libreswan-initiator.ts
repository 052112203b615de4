import { IKEV1_STATES } from '../codes/ike';
import { context, d, step, type Hit, type Rule } from '../kit';
import { currentSerial, INITIATOR_STATE, serialOf } from './libreswan-serial';

/**
 * Libreswan / Openswan pluto where this side gave up or was refused, and the lines of the side that initiated (an Openswan or
 * Libreswan client, `ipsec auto --up`, a site-to-site gateway): the give-up reading by state (gaveUp), the other side's identity
 * that is not the one configured for it, this side's own private key missing, and packets from the other side pluto cannot read.
 */

/** Libreswan 3.x's established IKEv2 states by role (programs/pluto: PARENT_I3 "PARENT SA established", PARENT_R2 "received v2I2, PARENT SA established") */
const ESTABLISHED_PARENT = /^(?:STATE_)?(?:V2_)?(?:PARENT_I3|PARENT_R2)$/;
const FIRST_MESSAGE_STATE = /^(?:STATE_)?(?:V2_)?(?:PARENT_I1|MAIN_I1|AGGR_I1)$|^IKE_SA_INIT_I$/;
/**
 * The initiator's first encrypted message unanswered: Openswan/Libreswan programs/pluto/retransmit.c (timer.c in Openswan 2.6) adds
 * ".  Possible authentication failure: no acceptable response to our first encrypted message" for STATE_MAIN_I3 (and AGGR_I2, which
 * the state table holds established: its give-up stays the established reading) — the responder could not read MI3 (another
 * pre-shared key) or refused the identity in it; it may also never have arrived (UDP 4500).
 */
const FIRST_ENCRYPTED_STATE = /^STATE_MAIN_I3$/;

/**
 * The state this side was left in when it stopped retransmitting (Libreswan programs/pluto/retransmit.c names the case:
 * MAIN_I1/AGGR_I1/PARENT_I1 "no response … to our first IKE message", MAIN_I3/AGGR_I2/PARENT_I2 "no acceptable response to our
 * first encrypted message", QUICK_I1 "No acceptable response to our first Quick Mode message: perhaps peer likes no proposal"): its
 * first message unanswered is UDP 500/4500 not getting through; MI3 unanswered is, as pluto says, most often an authentication
 * failure; QI1 unanswered, as pluto guesses, a Quick Mode proposal the other side does not take; a responder stuck in MAIN_R2
 * waits for MI3 (UDP 4500); a later Main Mode or IKEv2 message unanswered is the PC's next message that never came; an
 * established SA that stops getting answers has lost the PC (liveness/DPD, as an LCP echo time-out).
 */
export function gaveUp(state: string, said: ReturnType<typeof d>, n: string, s: Record<string, unknown>): Hit {
  const hit: Hit = { decoded: [said], outcome: 'failure' };
  if (FIRST_MESSAGE_STATE.test(state)) {
    // an _I1 state: this side initiated, the other side is the responder (not the PC)
    hit.cause = 'ike-responder-unreachable';
    hit.decoded.push(d('ikeInitUnanswered', { n }));
  } else if (FIRST_ENCRYPTED_STATE.test(state)) {
    // (the role makes findings.ts word the cause for the side that initiated: causeAsInitiator)
    hit.cause = 'ike-auth-failed';
    hit.decoded.push(d('plutoFirstEncryptedUnanswered', { role: 'initiator' }));
  } else if (state === 'STATE_QUICK_I1') {
    hit.cause = 'ike-no-proposal';
    hit.decoded.push(d('plutoQuickModeUnanswered', { role: 'initiator' }));
  } else if (state === 'STATE_MAIN_R2') {
    // the give-up line says why in the same words as finish()'s last retransmission (a blocked UDP 500/4500, or differing keys)
    hit.cause = 'ike-no-mi3';
    hit.decoded.push(d('mi3NeverCame', { n }));
  } else if (/ESTABLISHED/.test(state) || IKEV1_STATES[state]?.established || ESTABLISHED_PARENT.test(state)) {
    // an established _I state (MAIN_I4, QUICK_I2, PARENT_I3): this side initiated, the other side is the responder (not
    // the PC; describe.ts INITIATOR_WORDED); a name without a role (4.x/5.x ESTABLISHED_IKE_SA) takes the role an earlier line of
    // its serial told (serialRole: `initiator established IKE SA`, `sent IKE_SA_INIT request` …); an _R state, or no such line, keeps the PC
    const initiator = INITIATOR_STATE.test(state) || currentSerial(s)?.initiator === true;
    hit.decoded.push(initiator ? d('ikePeerGone', { role: 'initiator' }) : d('ikePeerGone'));
    hit.outcome = 'warning';
  } else if (IKEV1_STATES[state]?.mode === 'main' || /^(?:STATE_)?(?:V2_)?PARENT_|^IKE_AUTH_I$/.test(state)) hit.cause = 'ike-auth-never-came';
  return hit;
}

export const INITIATOR_RULES: Rule[] = [
  // Openswan programs/pluto/ikev1_main.c / Libreswan 3.x ikev1.c decode_peer_id(), the initiator's branch: the responder's ID payload
  // (in MR3) is not the ID configured for it (rightid) — `we require peer to have ID '123.123.123.123', but peer declares '10.0.1.2'`
  // (a server behind NAT declares its private address; Ubuntu Forums, "Setup VPN L2TP IPSEC Client", 2012: setting the server's
  // identity fixed it). pluto then sends INVALID_ID_INFORMATION
  [/^we require peer to have ID '([^']*)', but peer declares '([^']*)'$/, (m) => ({ decoded: [d('peerIdMismatch', { want: m[1]!, got: m[2]!, role: 'initiator' })], outcome: 'failure', cause: 'ike-auth-failed' })],
  // Libreswan 3.x programs/pluto/ikev1_main.c (RSA signature): this side's own certificate or key is not in its NSS database —
  // `Can't find the certificate or private key from the NSS CKA_ID`, then `unable to locate my private key for RSA Signature`
  // and AUTHENTICATION_FAILED sent (libreswan #274): nothing the other side can change
  // (the AUTHENTICATION_FAILED this side sends next is this, not a key mismatch: libreswan.ts's notify rule reads ownKeyMissing)
  [/^unable to locate my private key for (?:RSA|ECDSA|EdDSA) Signature$/, (_m, _p, s) => {
    const serial = serialOf(s, s.serialNow as string | undefined);
    if (serial) serial.ownKeyMissing = true;
    return { decoded: [d('plutoNoOwnKey', currentSerial(s)?.initiator === true ? { role: 'initiator' } : undefined)], outcome: 'failure', cause: 'certificate-missing' };
  }],
  context(/^Can't find the certificate or private key from the NSS CKA_ID$/, () => step('plutoNssKeyLookup', undefined, 'warning')),
  // Openswan/Libreswan lib/libswan/packet.c in_struct() and programs/pluto/demux.c: a packet from the other side whose payloads
  // cannot be parsed (`length of ISAKMP Notification Payload is smaller than minimum`, `next payload type of ISAKMP Hash Payload has
  // an unknown value: 240`, then `malformed payload in packet`): pluto drops it. Warnings; the lines around say why (an encrypted
  // one after a key mismatch, an older peer's notification Openswan 2.6 misreads)
  context(/^length of (ISAKMP \w+(?: \w+)* Payload) is smaller than minimum$|^next payload type of (ISAKMP \w+(?: \w+)* Payload) has an unknown value: \d+$/, (m) => step('plutoMalformedPayload', { payload: m[1] ?? m[2]! }, 'warning')),
  context(/^malformed payload in packet$/, () => step('plutoMalformedPacket', undefined, 'warning')),
  // Libreswan 3.x programs/pluto/ikev1_quick.c (quick_inI1_outR1): the initiator's Quick Mode ID names its own end as an address
  // that cannot be one (`peer client ID payload ID_IPV4_ADDR is invalid (0.0.0.0) in Quick I1`, hwdsl2/setup-ipsec-vpn #476); the
  // responder answers INVALID_ID_INFORMATION. Main Mode was done, so the key is right; no cause is named (the thread found none)
  [/^peer client ID payload (ID_\w+) is invalid \(([^)]*)\) in Quick I1$/, (m) => ({ decoded: [d('plutoQuickIdInvalid', { kind: m[1]!, id: m[2]! })], outcome: 'failure' })],
  // Openswan 2.6 / Libreswan 3.x (ikev1_main.c main_outI1, ikev1_aggr.c): this side starts Main or Aggressive Mode (`initiating Main Mode`,
  // `initiating Main Mode to replace #3`); the peer is the connection's other end, named on the line's head
  context(/^initiating (Main|Aggressive) Mode(?: to replace #\d+)?$/, (m) => step('ikeInitiating', { peer: 'Libreswan', mode: `IKEv1 ${m[1]} Mode` })),
  // Openswan/Libreswan programs/pluto/timer.c (retransmit.c): after giving up, keyingtries decides whether to start again
  // (`starting keying attempt 2 of at most 3, but releasing whack`, `… of an unlimited number`): bookkeeping; the line before says why
  context(/^starting keying attempt \d+ of (?:at most \d+|an unlimited number)(?:, but releasing whack)?$/, () => step('plutoHousekeeping')),
];
