import { applyRules, d, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { WINDOWS_VENDOR_IDS } from '../codes/ike';
import { otherDaemonLine } from './other-daemons';

/**
 * racoon, ipsec-tools' IKEv1 daemon: the IPsec service of pfSense up to 2.1 (its IPsec log, Status > System Logs > IPsec, before
 * strongSwan came with 2.2: pfsense/docs source/vpn/ipsec/ipsec-logs.rst), of Linux and FreeBSD hosts set up with ipsec-tools, of
 * appliances built on them. Its syslog lines are `racoon: LEVEL: message` (or `racoon[pid]:`): plog() prefixes each message with
 * its level's name — INFO, NOTIFY, WARNING, ERROR, DEBUG, DEBUG2 (ipsec-tools src/racoon/plog.c, `s_pri` / `ptab`). A racoon on a
 * server answers the PC ("respond new phase 1 negotiation"); one that starts IKE itself ("initiate new phase 1 negotiation") is
 * the dialling side — a failure with a peer it dialled is the responder's to explain.
 *
 * Message texts as ipsec-tools 0.7/0.8 logs them (src/racoon/isakmp.c, isakmp_ident.c, isakmp_quick.c, oakley.c, sockmisc.c,
 * pfkey.c, vendorid.c); where the source file is named without a function, the wording is taken from the real lines and the
 * meaning from the source's context, "assumed" where not read there.
 */

const LEVEL = /^(?:INFO|NOTIFY|WARNING|ERROR|DEBUG2?): /;
/** `A[500]<=>B[500]`: this side, then the other (isakmp.c isakmp_ph1begin_i/_r, "%s<=>%s" of saddr2str(local), saddr2str(remote)) */
const PAIR = String.raw`(\S+?)\[\d+\]<=>(\S+?)\[\d+\]`;
const WINDOWS_VENDOR_NAMES = new Set(Object.values(WINDOWS_VENDOR_IDS));

/** peers this racoon started IKE with, kept per input and bounded (a long log of many peers keeps the first ones only) */
const INITIATED = 'racoonInitiated';
const MAX_INITIATED = 256;
function initiated(state: FamilyState): Set<string> {
  return ((state[INITIATED] as Set<string> | undefined) ?? (state[INITIATED] = new Set<string>())) as Set<string>;
}
function initiate(peer: string, state: FamilyState): Hit {
  const set = initiated(state);
  if (set.size < MAX_INITIATED) set.add(peer);
  return tagged(step('racoonInitiatePhase1', { peer }), { peer });
}
const dialled = (peer: string | undefined, state: FamilyState): boolean => peer !== undefined && (state[INITIATED] as Set<string> | undefined)?.has(peer) === true;

/**
 * "phase1 negotiation failed due to time up <us>[500]<=><peer>[500] <cookies>" (isakmp.c isakmp_ph1resend: its retries used up,
 * no answer it could read came): as a responder, the PC's next Main Mode message never arrived or could not be read (UDP 4500
 * blocked on the way, or a pre-shared key that differs — mikrotik.ts reads RouterOS's racoon the same); as the initiator, the
 * responder never answered.
 */
function phase1TimeUp(peer: string | undefined, state: FamilyState): Hit {
  if (dialled(peer, state)) return { decoded: [d('racoonPhase1TimeUpOwn', { peer: peer! })], outcome: 'failure', cause: 'ike-responder-unreachable', peer };
  return { decoded: [d('racoonPhase1TimeUp')], outcome: 'failure', cause: 'ike-no-mi3', peer };
}

const RULES: readonly Rule[] = [
  // isakmp.c isakmp_ph1begin_r / _i: "respond new phase 1 negotiation: %s<=>%s", "initiate new phase 1 negotiation: %s<=>%s"
  [new RegExp(`^respond new phase 1 negotiation: ${PAIR}$`), (m) => tagged(step('racoonRespondPhase1', { peer: m[2]! }), { peer: m[2] })],
  [new RegExp(`^initiate new phase 1 negotiation: ${PAIR}$`), (m, _pre, state) => initiate(m[2]!, state)],
  // isakmp.c: "begin %s mode." with the exchange type's name (s_isakmp_etype: Identity Protection is Main Mode, RFC 2409 §5)
  [/^begin (Identity Protection|Aggressive) mode\.$/, (m) => step('racoonBeginMode', { mode: m[1] === 'Aggressive' ? 'Aggressive' : 'Main' })],
  // vendorid.c handle_vendorid: "received Vendor ID: %s" (Windows' names mark a Windows IKE client: codes/ike.ts)
  [/^received (?:Vendor ID|broken Microsoft ID): (.+?)\s*$/, (m) => (WINDOWS_VENDOR_NAMES.has(m[1]!) ? step('windowsVendorId', { name: m[1]! }) : step('vendorId', { name: m[1]! }))],
  [/^ISAKMP-SA established .*$/, () => step('ikeV1Established', { state: 'ISAKMP-SA', details: '' }, 'success')],
  // isakmp.c isakmp_ph2begin_r: "respond new phase 2 negotiation: %s<=>%s"
  [new RegExp(`^(respond|initiate) new phase 2 negotiation: ${PAIR}$`), (m) => tagged(step('racoonPhase2', { peer: m[3]! }), { peer: m[3] })],
  [/^IPsec-SA established: .*$/, () => step('childSaUp', { name: 'IPsec-SA' }, 'success')],
  [/^(?:purging ISAKMP-SA|purged ISAKMP-SA|ISAKMP-SA deleted|ISAKMP-SA expired|IPsec-SA (?:deleted|expired)|purged IPsec-SA)\b.*$/, () => step('saDeleted', undefined, 'warning')],
  // generate_policy on: racoon writes the kernel policy the PC's Quick Mode asked for (isakmp_quick.c quick_r1recv; assumed from the words)
  [/^Update the generated policy ?: (.+)$/, (m) => step('racoonPolicyGenerated', { policy: m[1]! })],
  // pfkey.c (assumed: the kernel's answer to racoon's SPD request names a policy it does not hold) — racoon goes on
  [/^such policy (?:does not already exist|already exists): "(.+)"$/, (m) => step('racoonPolicyNote', { policy: m[1]! }, 'warning')],
  // sockmisc.c sendfromto: "sendto (%s)" with strerror, then "sendfromto failed"; isakmp.c: "phase1 negotiation failed due to send
  // error." — the server's own system would not send the IKE packet (pfsense/docs ipsec-troubleshooting.rst, "Send Errors": a
  // state or floating rule on the firewall blocks racoon's packets, or no route to the peer)
  [/^sendto \((.+)\)$/, (m) => ({ decoded: [d('racoonSendFailed', { error: m[1]! })], outcome: 'failure' })],
  [/^sendfromto failed$/, () => step('racoonSendfromtoFailed', undefined, 'warning')],
  [/^phase1 negotiation failed due to send error\.?.*$/, () => step('racoonPhase1SendError', undefined, 'warning')],
  [new RegExp(`^phase1 negotiation failed due to time up(?: ${PAIR})?.*$`), (m, _pre, state) => phase1TimeUp(m[2], state)],
  [/^phase1 negotiation failed\.?$/, () => step('mtPhase1Failed', undefined, 'warning')],
  // isakmp_quick.c get_sainfo_r: no sainfo section fits the networks the Quick Mode asked for (pfsense/docs: mismatched local and
  // remote subnets); the packet then is refused ("failed to pre-process packet.", isakmp.c ph2_recv — the reason is a line beside it)
  [/^failed to get sainfo\.?$/, () => ({ decoded: [d('racoonNoSainfo')], outcome: 'failure', cause: 'traffic-selector-mismatch' })],
  [/^failed to pre-process (?:ph2 )?packet\.?.*$/, () => step('racoonPreProcessFailed', undefined, 'warning')],
  // oakley.c / isakmp_ident.c (getpskbyaddr / getpskbyname): no pre-shared key for this peer in psk.txt
  [/^couldn't find the pskey for (\S+?)\.?$/, (m) => ({ decoded: [d('racoonNoPsk', { peer: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed', peer: m[1] })],
  [/^couldn't find the pskey\.?$/, () => ({ decoded: [d('racoonNoPsk', { peer: '?' })], outcome: 'failure', cause: 'ike-auth-failed' })],
  // pfkey.c (pk_recvadd / pk_recvupdate: "pfkey %s failed: %s", the kernel's errno): the system's kernel refused the IPsec SA racoon
  // had agreed — a cipher or key length the kernel (or its crypto accelerator) does not do (pfsense/docs ipsec-troubleshooting.rst,
  // "Unsupported Cipher Key Length for Cryptographic Accelerator": glxsb does AES-128 only); the tunnel does not come up
  [/^pfkey (ADD|UPDATE) failed: (.+)$/, (m) => ({ decoded: [d('racoonPfkeyFailed', { op: m[1]!, error: m[2]! })], outcome: 'failure' })],
  // (assumed from the words and the same docs: racoon took a proposal whose attribute, a key length or lifetime, it changed)
  [/^attribute has been modified\.?$/, () => step('racoonAttributeModified', undefined, 'warning')],
  // pfkey.c: the kernel's REGISTER message, which racoon does not handle (pfsense/docs: "a normal log message"), and an SA the
  // kernel deleted (as phase 2 is renegotiated)
  [/^unsupported PF_KEY message REGISTER$/, () => step('racoonPfkeyRegister')],
  [/^pfkey DELETE received.*$/, () => step('saDeleted', undefined, 'warning')],
  // the two sides disagree whether phase 1 is up (pfsense/docs, "Stuck/Broken Phase 1": one side still holds its ISAKMP-SA): an
  // unencrypted message after phase 1 (isakmp.c, "none message must be encrypted"), phase 2 asked without phase 1 (isakmp_quick.c
  // "can't start the quick mode, there is no ISAKMP-SA"; isakmp.c isakmp_post_acquire "request for establishing IPsec-SA was queued
  // due to no phase1 found.")
  [/^none message must be encrypted$/, () => step('racoonPhase1OutOfStep', undefined, 'warning')],
  [/^can't start the quick mode, there is no ISAKMP-SA.*$/, () => step('racoonPhase1OutOfStep', undefined, 'warning')],
  [/^request for establishing IPsec-SA was queued due to no phase1 found\.?$/, () => step('racoonSaQueued')],
  // ipsec_doi.c get_ph1approval / get_ph2approval: nothing the peer offered is in racoon's proposal
  [/^(?:no suitable proposal found|failed to get valid proposal)\.?$/, () => ({ decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' })],
];

const PEER_WORD = /^(\S+?)(?:\[\d+\])? (.+)$/;

/** the message without plog's level; then the rules, and then the rules on what follows a peer racoon put first (0.8: `<peer> <message>`) */
function read(pre: Prefixed, state: FamilyState): Hit | null {
  const text = pre.message.replace(LEVEL, '').trim();
  const hit = applyRules(RULES, text, pre, state);
  if (hit) return hit;
  const p = PEER_WORD.exec(text);
  if (!p || !/^[\d.:a-f]+$/i.test(p[1]!)) return null;
  const inner = applyRules(RULES, p[2]!, pre, state);
  if (inner && inner.peer === undefined) inner.peer = p[1];
  return inner;
}

export const racoonFamily: FamilyParser = {
  family: 'racoon',
  // (by its program tag only: detect.ts BY_PROGRAM)
  claims: (pre) => pre.program === 'racoon',
  parse(pre, state) {
    // its socket lines (other-daemons.ts, read before racoon had a family) stay as they were read
    return read(pre, state) ?? otherDaemonLine(pre)?.hit ?? null;
  },
};
