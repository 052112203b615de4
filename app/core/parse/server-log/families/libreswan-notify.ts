import { notifyByName } from '../codes/ike';
import { context, d, step, type FamilyState, type Hit, type Rule } from '../kit';
import { currentSerial } from './libreswan-serial';

/**
 * pluto's lines that carry an IKE notify (sent, received, ignored, answered with), read by the notify's name: its cause where the
 * name says one, and whose side the serial is on. Part of libreswan.ts's rule list, in its place there.
 */
export const NOTIFY_RULES: Rule[] = [
  // (Openswan 2.6 writes `ignoring informational payload, type IPSEC_INITIAL_CONTACT msgid=00000000`, Ubuntu Forums 2014)
  // (Libreswan/Openswan 3.x programs/pluto/ikev1.c: the other side's IKEv1 Informational, `ignoring informational payload NO_PROPOSAL_CHOSEN,
  // msgid=00000000, length=16` — libreswan #232, its Quick Mode proposal refused — and this side's `sending encrypted notification
  // INVALID_PAYLOAD_TYPE to 1.2.3.4:4500`, xelerance/Openswan #60: the notify's name decides, the message id and length after it say nothing more)
  // (this side's answer to a request it refuses, ikev2_send.c send_v2N_response_from_md, in each version's words: 3.x `responding to
  // SA_INIT message (ID 0) from 1.2.3.4:500 with unencrypted notification …`, 4.x `responding to IKE_SA_INIT (34) message (Message ID 0)
  // with unencrypted notification …` — libreswan #503, 4.4 —, 5.x `responding to IKE_SA_INIT request with Message ID 0 with unencrypted
  // notification NO_PROPOSAL_CHOSEN, <why>`)
  // (an exchange after IKE_SA_INIT is answered inside the IKE SA: `responding to CREATE_CHILD_SA message (ID 2) from 192.1.2.45:4500 with
  // encrypted notification NO_PROPOSAL_CHOSEN`, libreswan #1604)
  [/^responding to \w+(?: \(\d+\))?(?: message \((?:Message )?ID \d+\)(?: from \S+)?| request with Message ID \d+) with (?:un)?encrypted notification ([A-Z_]+)(?:, .+)?$/, (m, _p, s) => notifyHit(m[1]!, m[0], s)],
  // Libreswan 4.x/5.x ikev2_child.c (responder): the CREATE_CHILD_SA (or IKE_AUTH's CHILD SA) it refused, and why — `CREATE_CHILD_SA request
  // failed, responder SA processing returned NO_PROPOSAL_CHOSEN` (libreswan #1604); the line after it sends that notify, which names the cause
  context(/^(\w+) request failed, responder SA processing returned ([A-Z_0-9]+)$/, (m) => step('plutoChildRefused', { exchange: m[1]!, notify: m[2]! }, 'warning')),
  // Libreswan 3.x/4.x ikev2_parent.c, the initiator's IKE_SA_INIT answered with only a notify: `STATE_PARENT_I1: received unauthenticated
  // v2N_NO_PROPOSAL_CHOSEN - ignored` (libreswan #701). Unauthenticated, so pluto ignores it and keeps retransmitting, but it is the
  // responder refusing this side's proposals; only the side that sent IKE_SA_INIT gets it, so the state's side is the initiator's
  [/^((?:STATE_)?[A-Z][A-Z0-9]*_[A-Z0-9_]+): received unauthenticated v2N_([A-Z_0-9]+) - ignored$/, (m, _p, s) => {
    const hit = notifyHit(m[2]!, m[0], s);
    if (hit.cause) hit.decoded[0]!.values = { ...hit.decoded[0]!.values, role: 'initiator' };
    return hit;
  }],
  [/^(?:sending (?:unencrypted |encrypted )?notification|received (?:unencrypted )?notification|ignoring informational payload,? (?:type )?) ?([A-Z_]+)(?: to \S+|,? msgid=[0-9a-f]+(?:, length=\d+)?)?$/, (m, _p, s) => notifyHit(m[1]!, m[0], s)],
  // Libreswan 5.x (ikev2.c, an exchange's answer without the payloads it needs): `unexpected IKE_SA_INIT message containing
  // NO_PROPOSAL_CHOSEN notification; message payloads: N; missing payloads: SA,KE,Ni` (libreswan #2108) — the other side answered
  // this side's IKE_SA_INIT with only its refusal. Only the side that sent the IKE_SA_INIT request gets an answer to it, so this side
  // initiated (assumed for IKE_SA_INIT; another exchange's line keeps the serial's side): the notify's name decides, as above
  [/^unexpected (\w+) message containing ([A-Z_0-9]+) notification(?:; .*)?$/, (m, _p, s) => {
    const hit = notifyHit(m[2]!, m[0], s);
    if (hit.cause && m[1] === 'IKE_SA_INIT') hit.decoded[0]!.values = { ...hit.decoded[0]!.values, role: 'initiator' };
    return hit;
  }],
];

/** An IKE notify this side sent, received or ignored, by its name (the rules above): its cause where the name says one. */
function notifyHit(name: string, text: string, s: FamilyState): Hit {
  const t = notifyByName(name);
  // (in a serial this side initiated, the other side is the responder, not the PC: findings.ts words the cause so)
  const values: Record<string, string> = { name: t ? `${t.name} (${t.code})` : name };
  const hit: Hit = { decoded: [d('ikeNotify', values)], outcome: t?.error ? 'warning' : 'info' };
  if (name === 'NO_PROPOSAL_CHOSEN') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' });
  // (a Child SA refused over the networks it would carry, RFC 7296 §3.10.1: TS_UNACCEPTABLE, sent or received)
  if (name === 'TS_UNACCEPTABLE') Object.assign(hit, { outcome: 'failure', cause: 'traffic-selector-mismatch' });
  if (name === 'AUTHENTICATION_FAILED' || name === 'INVALID_HASH_INFORMATION' || name === 'INVALID_ID_INFORMATION') Object.assign(hit, { outcome: 'failure', cause: 'ike-auth-failed' });
  // INVALID_ID_INFORMATION once the serial's ISAKMP SA is up: the pre-shared key was right; the identity refused is Quick Mode's
  // (`peer client ID payload ID_IPV4_ADDR is invalid (0.0.0.0) in Quick I1`, hwdsl2/setup-ipsec-vpn #476) — not a key mismatch
  if (name === 'INVALID_ID_INFORMATION' && currentSerial(s)?.established === true) hit.cause = undefined;
  if (hit.cause && currentSerial(s)?.initiator === true) values.role = 'initiator';
  // this side's AUTHENTICATION_FAILED right after it found no private key of its own (libreswan-initiator.ts): that cause, not a mismatch
  if (name === 'AUTHENTICATION_FAILED' && currentSerial(s)?.ownKeyMissing === true && text.startsWith('sending')) Object.assign(hit, { outcome: 'warning', cause: undefined });
  // this side's AUTHENTICATION_FAILED right after it refused the other side's authentication method (the rule above): that cause, said once
  if (name === 'AUTHENTICATION_FAILED' && currentSerial(s)?.authMethodRefused === true && !text.startsWith('received')) Object.assign(hit, { outcome: 'warning', cause: undefined });
  if (name === 'INVALID_KE_PAYLOAD') hit.decoded.push(d('invalidKe'));
  return hit;
}
