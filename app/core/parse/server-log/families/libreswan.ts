import { IKEV1_STATES, windowsVendorId } from '../codes/ike';
import { applyRules, context, COUNTED, d, fallback, messageAt, step, tagged, trimmed, unansweredFirstExchange, type FamilyParser, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { isLogfileLine, logfileTime, PLUTO_OWN_WORDS } from './libreswan-logfile';
import { relayed } from './relayed';
import type { ServerLogEntry } from '../types';
import { bySiteConn } from './libreswan-site';
import { byInitiatorSerial, currentSerial, lastState, type Serial, serialOf, serialRole, stateName } from './libreswan-serial';
import { gaveUp, INITIATOR_RULES } from './libreswan-initiator';
import { PLUTO_STARTUP_RULES } from './libreswan-startup';
import { XAUTH_RULES } from './libreswan-xauth';
import { PLUTO_EAP_RULES } from './libreswan-eap';
import { V1_STORY_RULES } from './libreswan-v1-stories';
import { V2_STORY_RULES } from './libreswan-v2-stories';
import { namedDhGroup, REFUSED_PROPOSAL_RULES } from './libreswan-refused-proposal';
import { NOTIFY_RULES } from './libreswan-notify';
import { byStartedConn, keepUnroled, noteStarted } from './libreswan-initiating-conn';
import { LOCAL_PROPOSAL_RULES } from './libreswan-proposals';
import { BARE_PLUTO_HEAD, CONN_HEAD, countedHead, HEAD, isPlutoProgram, MENDED_HEAD, PROGRAMS, STATUS_HEAD, WHACK_HEAD, withPeer } from './libreswan-heads';

/**
 * Libreswan / Openswan pluto: `"conn"[n] ip #serial: message`, `packet from ip:port: message`, and
 * `ipsec status` lines `000 #n: "conn"[n] ip:port STATE_X (…)`. Texts from Libreswan
 * programs/pluto (ikev1_main.c, ikev1_spdb_struct.c, ikev2_parent.c, state names in
 * ikev1_states.c). Per serial the parser remembers the Main Mode state, so a responder left
 * in STATE_MAIN_R2 retransmitting (MI3 never came) is named at the end. Its rule list takes in
 * the IKEv1 state stories (libreswan-v1-stories.ts), the refused IKEv1 proposals
 * (libreswan-refused-proposal.ts), the initiator's and give-up lines (libreswan-initiator.ts),
 * pluto's start-up (libreswan-startup.ts), XAUTH (libreswan-xauth.ts) and the notify lines (libreswan-notify.ts); the
 * line heads are read by libreswan-heads.ts.
 */

const RULES: Rule[] = [
  ...V1_STORY_RULES,
  ...V2_STORY_RULES,
  // (Openswan 2.6 writes the wait as `20s`: `STATE_MAIN_I3: retransmission; will wait 20s for response`, Ubuntu Forums 2014)
  // (Libreswan 5.x names states without STATE_: `IKE_SA_INIT_I: retransmission; will wait 32 seconds for response`, libreswan #2184)
  context(/^((?:STATE_)?[A-Z][A-Z0-9]*_[A-Z0-9_]+): retransmission; will wait ([\d.]+)(?:s| seconds?) for response$/, (m) => ({ decoded: [d('ikeV1Retransmit', { state: stateName(m[1]!), wait: m[2]! })], outcome: 'warning' })),
  [/^max number of retransmissions \((\d+)\) reached (STATE_\w+)(.*)$/, (m, _p, s) => gaveUp(m[2]!, d('ikeV1GaveUp', { state: stateName(m[2]!), n: m[1]! }), m[1]!, s)],
  // Libreswan programs/pluto/retransmit.c (3.2x+): `STATE_V2_PARENT_I1: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable
  // response) to our first IKEv2 message` (5.x `IKE_SA_INIT_I: …`, libreswan #2184; an established SA's `… to our IKEv2 message`, hwdsl2/setup-ipsec-vpn #1574)
  [/^((?:STATE_)?[A-Z][A-Z0-9]*_[A-Z0-9_]+): (\d+) second timeout exceeded after (\d+) retransmits\..*$/, (m, _p, s) => gaveUp(m[1]!, d('ikeV1GaveUp', { state: stateName(m[1]!), n: m[3]! }), m[3]!, s)],
  ...REFUSED_PROPOSAL_RULES,
  // (this side's own proposal lists, titled or on one line, and the IKEv2 refusal that names them)
  ...LOCAL_PROPOSAL_RULES,
  // ikev1_aggr.c / ikev1_host_pair.c: "initial Aggressive Mode message from %s but no (wildcard) connection has been configured with policy %s" (5.x "with authby %s"):
  // a device asking for IKEv1 Aggressive Mode (a "Cisco IPsec" client, a router) no connection takes — not a Windows PC: its IKEv1 is Main Mode only (assumed from [MS-IKEE])
  [/^initial Aggressive Mode message from (\S+) but no (?:\(wildcard\) )?connection has been configured with (?:policy|authby) (\S+)$/, (m) => tagged(step('noAggressiveConnection', { peer: m[1]!, policy: m[2]! }, 'failure'), { peer: m[1] })],
  // Libreswan programs/pluto/ikev1_main.c main_inI1_outR1 (4.x/5.x: `with authby=PSK and xauth=no`), older Libreswan/Openswan
  // (`received on 10.0.0.1:500 but no connection has been authorized with policy=PSK`, `… with policy PSK+ENCRYPT…`), and
  // `… but "conn" forbids connection`: no loaded IKEv1 connection takes the PC's Main Mode (for Windows L2TP/IPsec, 789)
  [/^initial Main Mode message received (?:on \S+ )?but (?:no connection has been authorized with (?:authby=(\S+) and xauth=\w+|policy[= ](\S+))|(".*") forbids connection)$/, (m) => ({ decoded: [d('noIkev1Connection', { auth: m[1] ?? m[2] ?? m[3]! })], outcome: 'failure', cause: 'ike-no-connection' })],
  // Libreswan programs/pluto/ikev2.c: 3.x "initial parent SA message received on %s:%u but no suitable connection found with IKEv2 policy",
  // 3.2x+ "%s message received on %s but no suitable connection found with IKEv2 policy" with the exchange's enum name (ikev2_exchange_names:
  // `ISAKMP_v2_IKE_SA_INIT` in 3.2x/4.x, hwdsl2/docker-ipsec-vpn-server #323; `IKE_SA_INIT` later)
  [/^(?:initial parent SA|[A-Z][A-Za-z0-9_]*) message received on (\S+) but no (?:suitable )?connection found with IKEv2 policy$/, () => ({ decoded: [d('noIkev2Connection')], outcome: 'failure', cause: 'ike-no-connection' })],
  ...NOTIFY_RULES,
  // Libreswan (programs/pluto/keys.c, the PSK's length against its PRF's key size): `WARNING: connection l2tp-psk PSK length of 14
  // bytes is too short for HMAC_SHA2_256 PRF in FIPS mode (16 bytes required)` (hwdsl2/docker-ipsec-vpn-server #242, xelerance/xl2tpd
  // #223). WARNING: pluto is not in FIPS mode and goes on with the key — a short key is weak, not a refusal
  context(/^WARNING: connection (\S+) PSK length of (\d+) bytes is too short for (\S+) PRF in FIPS mode \((\d+) bytes required\)$/, (m) => step('plutoShortPsk', { conn: m[1]!, n: m[2]!, prf: m[3]!, need: m[4]! })),
  // Libreswan 3.x (programs/pluto/timer.c, EVENT_SA_EXPIRE with rekey=no — hwdsl2/setup-ipsec-vpn's `--dontrekey` connections):
  // `IKE SA expired (--dontrekey)`; the SA is deleted and not renewed. Right after it was made (the real case: 0.4 s after STATE_MAIN_R3,
  // an iKuai router's L2TP/IPsec) its lifetime as the other side proposed it was next to nothing: worth a look, no cause named
  context(/^(IKE|ISAKMP|IPsec) SA expired \(--dontrekey\)$/, (m) => step('plutoSaExpired', { sa: m[1]! }, 'warning')),
  // demux.c read_packet: a UDP packet shorter than an IKE header (`recvfrom 1.2.3.4:4500 too small packet (0)`) is dropped
  context(/^recvfrom (\S+?):(\d+) too small packet \((\d+)\)$/, (m) => step('plutoShortPacket', { peer: m[1]!, port: m[2]!, n: m[3]! })),
  // ikev2_auth.c v2_authsig_and_log (4.x/5.x `authentication failed: peer attempted PSK authentication but we want EAPONLY`, libreswan #2843;
  // 3.2x `peer attempted RSA authentication but we want PSK in <context>`, 3.x `Peer attempted …`): the other side proves itself with another
  // method than the connection's authby= — no key or certificate was compared, so no mismatch of them; the AUTHENTICATION_FAILED this side
  // answers with next is this refusal (libreswan-notify.ts notifyHit reads authMethodRefused). Names by pluto's enum keywords (RSA, PSK, NULL, ECDSA; RSASIG,
  // EAPONLY …), which no translation changes
  [/^(?:authentication failed: )?[Pp]eer attempted (\S+) authentication but we want (\S+)(?: in .*)?$/, (m, _p, s) => {
    const serial = serialOf(s, s.serialNow as string | undefined);
    if (serial) serial.authMethodRefused = true;
    return { decoded: [d('plutoAuthMethodRefused', { offered: m[1]!, wanted: m[2]! })], outcome: 'failure', cause: 'auth-protocol-mismatch' };
  }],
  // (Libreswan 4.x/5.x `authentication failed: using RSA with SHA2_512 for '…' tried …`, `Signature check failed`: a certificate or key, not the PSK)
  // (a fallback: its `authentication failed:` also takes the refused method's line above, which shares its first 16 characters — kit.ts)
  fallback(/^probable authentication failure \(mismatch of preshared secrets\?\).*$|^(?:Signature|PSK) check failed.*$|^authentication failed:.*$/i, (m) => ({ decoded: [/^Signature|^authentication failed:.*\b(?:RSA|ECDSA|EdDSA|certificate|signature)\b/i.test(m[0]) ? d('ikeAuthFailed', { id: '' }) : d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })),
  [/^(?:left|right)? ?certificate with nickname '([^']*)' was not found in NSS DB$|^(?:failed to find|cannot find) (?:certificate|private key).*$/, (m) => ({ decoded: [d('certMissing', { name: m[1] ?? '' })], outcome: 'failure', cause: 'certificate-missing' })],
  // Libreswan: `Main mode peer ID is …`, IKEv2 `IKEv2 mode peer ID is ID_FQDN: '@SAMABR'` (hwdsl2 #856)
  // (in a serial this side initiated the peer is the responder, not the PC: Openswan's `Main mode peer ID is ID_IPV4_ADDR: '10.0.1.2'`
  // on a client, Ubuntu Forums 2012 — so the serial's role is read, and this is no context rule)
  [/^(?:Main mode |IKEv2 mode )?[Pp]eer ID is (ID_\w+): '([^']*)'$/, (m, _p, s) => step('peerId', currentSerial(s)?.initiator === true ? { kind: m[1]!, id: m[2]!, role: 'initiator' } : { kind: m[1]!, id: m[2]! })],
  context(/^responding to (Main|Aggressive) Mode from unknown peer (\S+?)(?: on port (\d+))?$/, (m) => tagged(step('ikeV1Respond', { mode: m[1]!, peer: m[2]! }), { peer: m[2] })),
  context(/^(?:ignoring unknown Vendor ID payload|ignoring Vendor ID payload|received Vendor ID payload) \[([^\]]+)\].*$/, (m) => {
    const win = windowsVendorId(m[1]!) ?? (/MS NT5|MS-Negotiation|Vid-Initial-Contact|IKE CGA/.test(m[1]!) ? m[1] : undefined);
    return win ? step('windowsVendorId', { name: win }) : step('vendorId', { name: m[1]! });
  }),
  // Libreswan programs/pluto/ikev1_main.c accept_delete(): the other side deleted an SA (`received Delete SA(0x24dff856) payload: deleting IPSEC State #344`, older `received Delete SA payload: …`), and the deletes that follow
  context(/^received Delete SA(?:\(0x[0-9a-f]+\))? payload: .*$|^deleting other state #\d+ \(STATE_\w+\).*$/, () => step('saDeleted', undefined, 'warning')),
  // Libreswan programs/pluto/iface_udp.c check_msg_errqueue(): an ICMP error came back for a packet to the PC — nothing listens there any more
  // (the PC gave up or its NAT mapping is gone): `ERROR: asynchronous network error report on eth0 (sport=500) for message to 71.6.146.185 port 500, complainant …: Connection refused [errno 111, …]`
  context(/^ERROR: asynchronous network error report on \S+ \(sport=\d+\) for message to (\S+) port (\d+), complainant \S+: (.+?) \[errno \d+.*$/, (m) => step('icmpFromPc', { peer: m[1]!, port: m[2]!, error: m[3]! }, 'warning')),
  // Libreswan programs/pluto/ikev1.c: a copy of the PC's first Main Mode packet while its state is already there (the PC retransmits: it got no answer, or did not take it)
  // Libreswan programs/pluto/ikev1.c: the PC repeated a packet the server already answered; the server answers again
  context(/^retransmitting in response to duplicate packet; already (STATE_\w+)$/, (m) => step('plutoRepeatedFirst', { state: stateName(m[1]!) }, 'warning')),
  // Libreswan lib/libswan/packet.c: a payload decrypted with the wrong key reads as garbage (`byte at offset … should have been zero`,
  // `length of ISAKMP Identification Payload is larger than can fit`); the line after says "probable authentication failure (mismatch of preshared secrets?)"
  context(/^byte at offset \d+ \(\d+\) of '.*' is 0x[0-9a-f]+ but should have been zero \(ignored\)$|^length of ISAKMP \w+(?: \w+)* Payload is larger than can fit$/, () => step('plutoGarbledPayload', undefined, 'warning')),
  // Libreswan programs/pluto/ikev2.c (4.x+): the PC sent its IKE_SA_INIT (or another request) again — the server's answer did not reach it
  // (`received duplicate IKE_SA_INIT message request (Message ID 0); retransmitting response`, libreswan #786; a fragmented request's
  // `(Message ID 1, fragment 1)`, libreswan #678)
  context(/^received duplicate (\S+) message request \(Message ID (\d+)(?:, fragment \d+)?\); retransmitting response$/, (m) => step('ikeRequestRepeated', { id: m[2]! }, 'warning')),
  // Libreswan programs/pluto/state.c: a responder's state that never completed is dropped (`deleting incomplete state after 200 seconds`;
  // 3.2x writes the time as a deltatime with milliseconds, `after 60.000 seconds`, hwdsl2/setup-ipsec-vpn #379)
  context(/^deleting incomplete state after \d+(?:\.\d+)? seconds?$/, () => step('incompleteStateDropped', undefined, 'warning')),
  // Libreswan 3.x IKEv1 (dpd_init, ikev1_dpd.c — assumed): DPD is configured for the connection, but the other side's Main Mode carried no
  // DPD vendor ID (RFC 3706 §5.1), so none is run (`Configured DPD (RFC 3706) support not enabled because remote peer did not advertise
  // DPD support`, hwdsl2/docker-ipsec-vpn-server #135): a gone PC is noticed only when its SA expires — no failure
  context(/^Configured DPD \(RFC 3706\) support not enabled because remote peer did not advertise DPD support$/, () => step('plutoDpdNotAdvertised')),
  context(/^discarding (?:initial|duplicate) packet; already (STATE_\w+)$/, (m) => step('plutoRepeatedFirst', { state: stateName(m[1]!) }, 'warning')),
  // Libreswan 4.x/5.x IKEv2 wording (programs/pluto/ikev2*.c): `sent IKE_SA_INIT request to 192.1.2.23:UDP/500`, `sent IKE_AUTH request {cipher=…}`
  // (a responder's `sent IKE_SA_INIT reply {cipher=…}`, libreswan #786)
  // (5.x names what it waits for next: `sent IKE_SA_INIT response to 67.42.30.57:UDP/500 {cipher=…}, expecting IKE_AUTH, IKE_INTERMEDIATE, or
  // IKE_AUTH (EAP)`, libreswan #2843)
  context(/^sent (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) (request|response|reply)(?: to (\S+))?(?: (?:for|with) .*)?(?: \{.*\})?(?:, expecting .*)?$/, (m) => step(m[2] === 'request' ? 'ikeV2Sent' : 'ikeV2SentReply', { exchange: m[1]!, to: m[3] ? ` → ${m[3]}` : '' })),
  context(/^initiating IKEv2 (?:IKE SA|connection)(?: to (\S+))?(?: using \w+)?$/, () => step('ikeInitiating', { peer: 'Libreswan', mode: 'IKEv2' })), // this side starts: the address after `to` is the other side's
  // Libreswan 5.x ikev2.c, an IKE_AUTH request as a responder reads it (libreswan #2843): `received first encrypted IKE_AUTH message containing
  // SK payload from 67.42.30.57:UDP/500, completing Key Exchange computation (SKEYSEED) in the background`, then `processing IKE_AUTH request
  // from 67.42.30.57:UDP/500 containing SK{IDi,AUTH,N(MOBIKE_SUPPORTED),SA,CP,TSi,TSr}` — the PC's (or other side's) request came in
  context(/^(?:received first encrypted (\w+) message containing SK payload from (\S+?), completing .*|processing (?:decrypted )?(\w+) request from (\S+?) containing .*)$/, (m) => step('plutoV2Received', { exchange: (m[1] ?? m[3])!, from: (m[2] ?? m[4])! })),
  // Libreswan 4.6+ (issues #462, #615): `established IKE SA; authenticated using …`, `initiator|responder established Child SA using #1; IPsec tunnel|transport […] {ESP=>…}`
  [/^(?:(?:initiator|responder) )?established IKE SA\b.*$/, () => step('plutoIkeSaUp', undefined, 'success')],
  [/^(?:(?:initiator|responder) )?established Child SA\b(?:.*?; IPsec (tunnel|transport)\b)?.*$/, (m) => step('plutoChildSaUp', { mode: m[1] ?? 'IPsec' }, 'success')],
  // Libreswan programs/pluto/ikev2_parent.c: the peer's AUTHENTICATION_FAILED (or another error) to this side's IKE_AUTH
  [/^IKE SA authentication request rejected by peer: ([A-Z_0-9]+)$/, (m) => ({ decoded: [d('ikeRejectedByPeer', { notify: m[1]! })], outcome: 'failure', ...(m[1] === 'AUTHENTICATION_FAILED' ? { cause: 'ike-auth-failed' as const } : m[1] === 'NO_PROPOSAL_CHOSEN' ? { cause: 'ike-no-proposal' as const } : {}) })],
  // Libreswan programs/pluto/ikev2_parent.c: `Received unauthenticated INVALID_KE_PAYLOAD response to DH MODP2048; resending with suggested DH DH19`,
  // 5.x `received unauthenticated INVALID_KE_PAYLOAD response to Key Exchange Method (DH) DH21; resending with suggested DH19` (libreswan #2468)
  context(/^Received unauthenticated INVALID_KE_PAYLOAD response to (?:DH|Key Exchange Method \(DH\)) (\S+); resending with suggested (?:DH )?(\S+)$/i, (m) => step('invalidKeRetry', { offered: namedDhGroup(m[1]!), wanted: namedDhGroup(m[2]!) })),
  // Libreswan programs/pluto/ikev2_ike_sa_init.c (responder): the PC's KE is in another group than the chosen proposal's; it retries with that one (normal)
  context(/^initiator guessed wrong keying material group \((\S+)\); responding with INVALID_KE_PAYLOAD requesting (\S+)$/, (m) => ({ decoded: [d('dhInacceptable', { offered: namedDhGroup(m[1]!), wanted: namedDhGroup(m[2]!) })], outcome: 'info' })),
  // Libreswan 4.x/5.x ikev2_ike_sa_init.c (initiator): the responder's IKE_SA_INIT answer, processed (`processed IKE_SA_INIT response from
  // 192.0.2.157:UDP/500 {cipher=AES_GCM_16_256 integ=n/a prf=HMAC_SHA2_512 group=DH19}, initiating IKE_AUTH`, libreswan #1867)
  context(/^processed IKE_SA_INIT response from (\S+?)(?: \{([^}]*)\})?(?:, initiating IKE_AUTH)?$/, (m) => step('plutoInitAnswered', { from: m[1]!, cipher: m[2] ?? '' })),
  // ikev2.c: a message that does not fit the state's exchange (`unexpected CREATE_CHILD_SA request; message dropped`, libreswan #1867)
  context(/^unexpected ([A-Z_]+) (request|response); message dropped$/, (m) => step('plutoUnexpectedDropped', { exchange: m[1]!, kind: m[2]! }, 'warning')),
  // whack's `STATE_QUICK_I1: initiate` / `STATE_AGGR_I1: initiate` / `STATE_PARENT_I1: initiate` (Libreswan 3.x, RC 112/117/133 before it):
  // this side starts that exchange in that state
  context(/^(STATE_\w+): initiate$/, (m) => step('plutoStateInitiate', { state: stateName(m[1]!) })),
  // Libreswan 3.x/4.x state story of an IKEv2 responder: `STATE_PARENT_R1: received v2I1, sent v2R1 {auth=IKEv2 cipher=…}`
  context(/^(STATE_\w+): received (\w+), sent (\w+)(.*)$/, (m) => step('ikeV1Waiting', { state: stateName(m[1]!), details: m[4]!.trim() })),
  // Libreswan programs/pluto/x509.c / nss_cert_verify.c: the PC's certificate checked against the server's CA
  context(/^certificate verified OK: (.*)$/, (m) => step('certificate', { subject: m[1]! }, 'success')),
  [/^Certificate (.+) failed verification$/, (m) => ({ decoded: [d('ikeAuthFailed', { id: m[1]! })], outcome: 'failure', cause: 'ike-auth-failed' })],
  // Libreswan 3.x `Authenticated using RSA with IKEv2_AUTH_HASH_SHA1`, 4.x `authenticated using RSA with SHA2_512 and preloaded certificate '@east'`
  context(/^[Aa]uthenticated using (?:RSA|ECDSA|EdDSA|authby=secret|PSK)\b.*$/, () => step('ikeProgress', { id: '' }, 'success')),
  // Libreswan 5.x (issue #2294): the PC asks for EAP (Windows' username/password IKEv2) but the connection has no EAP configured
  [/^Peer attempted EAP authentication, but IKE_AUTH is required$/, () => ({ decoded: [d('eapNotConfigured')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  // Libreswan programs/pluto/kernel_xfrm.c: the kernel refused to install the negotiated IPsec SA (`ERROR: netlink response for Add SA
  // esp.70a671a@1.2.3.4 included errno 2: No such file or directory`, hwdsl2/setup-ipsec-vpn #102, a Windows 10 L2TP/IPsec PC): Quick Mode
  // cannot finish on the server, whatever the PC sends — the server's kernel (a missing xfrm/ESP module or algorithm, a container without
  // them; assumed from the errno's usual causes). The server's failure: no PC-side cause
  [/^ERROR: netlink response for (.+?) included errno (\d+): (.*)$/, (m) => ({ decoded: [d('plutoKernelRefusedSa', { what: m[1]!, errno: m[2]!, error: m[3]! })], outcome: 'failure' })],
  // Openswan kernel_netlink.c netlink_policy: deleting a flow's kernel policy the kernel no longer holds (XFRM_MSG_DELPOLICY, errno 2 ENOENT,
  // as the PC's Delete removed it first: Ubuntu Forums 2013, a Windows L2TP/IPsec PC) — the SA goes all the same
  context(/^ERROR: netlink XFRM_MSG_DELPOLICY response for flow (.+?) included errno 2: .*$/, () => step('plutoKernelPolicyGone')),
  // (kernel.c, the line after it: `setup_half_ipsec_sa() hit fail:`, 4.x `setup_half_kernel_state() hit fail:`)
  context(/^setup_half_(?:ipsec_sa|kernel_state)\(\) hit fail:?$/, () => step('plutoSaNotInstalled', undefined, 'warning')),
  // Libreswan programs/pluto/ikev1_quick.c quick_inI1_outR1: the two ends of the PC's Quick Mode proposal (`    us: 10.8.165.23/32===…:17/1701`,
  // `  them: 1.2.3.4[192.168.0.104]:17/0`): for L2TP/IPsec, UDP 1701 on both (port 0 = any, as Windows proposes behind NAT)
  // (5.x writes both ends on one line, `us: …  them: …`: two statements)
  context(/^us: (\S.*?)\s{2,}them: (\S.*)$/, (m) => ({ decoded: [d('step.plutoQuickUs', { end: m[1]! }), d('step.plutoQuickThem', { end: m[2]! })], outcome: 'info' })),
  context(/^(us|them): (?!.*\s{2}them: )(\S.*)$/, (m) => step(m[1] === 'us' ? 'plutoQuickUs' : 'plutoQuickThem', { end: m[2]! })),
  // ikev1_quick.c quick_outI1: this side starts Quick Mode (`initiating Quick Mode PSK+ENCRYPT+TUNNEL+PFS+UP+… to replace #8 {using isakmp#11
  // msgid:da90015c proposal=defaults pfsgroup=MODP1536}`, libreswan #187 and #232; 4.x lists the proposals, `proposal=AES_CBC_256-HMAC_SHA1_96,
  // AES_CBC_128-HMAC_SHA1_96 pfsgroup=MODP2048}`, libreswan #1343) — the server as initiator, a site-to-site tunnel
  context(/^initiating Quick Mode \S+(?: to replace #\d+)? \{using isakmp#\d+ msgid:[0-9a-f]+ proposal=(.+?)(?: pfsgroup=(\S+?))?\}$/, (m) => step('plutoQuickInitiating', { proposal: m[2] ? `${m[1]!}, PFS ${m[2]}` : m[1]! })),
  // ikev1.c: a packet whose payloads do not fit the state (`message ignored because it contains an unexpected payload type (ISAKMP_NEXT_HASH)`,
  // xelerance/Openswan #60): the two sides disagree on where the exchange is — a warning, the notification after it says what was sent
  context(/^message ignored because it contains an unexpected payload type \((\w+)\)$/, (m) => step('plutoUnexpectedPayload', { payload: m[1]! }, 'warning')),
  // pluto's debug lines (`plutodebug=`; `| ` before each, as DBG_log writes them: `| ISAKMP Notification Payload`, `|   00 00 00 10 …`,
  // `| failed to install outgoing SA: 0`): the detail of the line before, for a developer
  // (an editor's tabify may turn the blanks after the bar into a tab: `|\t00 00 00 0c  …`, a hex dump's indent)
  context(/^\|(?:[ \t].*)?$/, () => step('plutoDebug')),
  [/^encountered fatal error in state (STATE_\w+)$/, (m) => ({ decoded: [d('plutoFatal', { state: m[1]! })], outcome: 'warning' })],
  // Libreswan: the chosen proposal, IKEv2 (`proposal 1:IKE:ENCR=…;DH=MODP2048 chosen from: …`, 4.x `… chosen from remote proposals …`) and the local list
  // (a Child SA's, Libreswan 4.x: the SPI between, `proposal 1:ESP=AES_GCM_16_256-ESN:YES SPI=15c4f0d7 chosen from remote proposals …`)
  context(/^proposal (\S+)(?: SPI=[0-9a-f]+)? chosen from(?: remote proposals)?:? .*$/, (m) => step('ikeProposalSelected', { proposal: m[1]! })),
  // plutomain.c exit_pluto (Openswan 2.6 `openswan_log("shutting down")`, Libreswan the same word): pluto ends — `ipsec stop` or a restart;
  // it says nothing of why (a crash has no such line): the service stopping, as `ipsec setup`'s own Stopping line
  context(/^shutting down$/, () => step('plutoServiceStop', undefined, 'warning')),
  ...INITIATOR_RULES,
  ...PLUTO_STARTUP_RULES,
  ...XAUTH_RULES,
  ...PLUTO_EAP_RULES,
  // Openswan programs/pluto/dpd.c dpd_timeout() (Libreswan ikev1_dpd.c the same): no R_U_THERE_ACK within dpdtimeout, the SAs go
  // (`DPD: No response from peer - declaring peer dead`, then `DPD: Clearing Connection`): the other side went away, worded by role
  [/^DPD: No response from peer - declaring peer dead$/, (_m, _p, s) => ({ decoded: [currentSerial(s)?.initiator === true ? d('ikePeerGone', { role: 'initiator' }) : d('ikePeerGone')], outcome: 'warning' })],
  context(/^switched from .*$|^deleting connection .*$|^deleting state #\d+ .*$|^deleting state \(STATE_\w+\).*$|^deleting (?:IKE|Child) SA \(.*$|^ESP traffic information: .*$|^dropping negotiation as superseeded .*$|^switching CHILD #\d+ .*$|^scheduling retry attempt .*$|^connection is supposed to remain up; .*$|^forgetting secrets$|^loading secrets from .*$|^enabling possible NAT-traversal .*$|^processing (?:decrypted )?(?:IKE_SA_INIT|IKE_AUTH) request: .*$|^PPK AUTH calculated .*$|^received and ignored (?:empty )?informational (?:notification payload|message)$|^reapchild failed with errno=\d+ .*$|^responding to Quick Mode proposal \{.*\}(?: using ISAKMP SA #\d+)?$|^keeping refhim=\d+ during rekey$|^new NAT mapping for .*$|^NAT-Traversal: .*$|^the peer proposed: .*$|^instantiating .*$|^Dead Peer Detection .*$|^DPD: (?!No response from peer - declaring peer dead$).*$/, () => step('plutoHousekeeping')),
  // `ipsec status`: the state and pluto's words for it in parentheses, which a state the table knows already says in the reader's language
  // (Libreswan 4.x+ `ipsec showstates` / `ipsec status`: IKEv2 state names without STATE_ and without the `000 ` code, `#11104: "c"[1] ...1.2.3.4:500
  // ESTABLISHED_IKE_SA (established IKE SA); REKEY in 28103s; …` — established as pluto's own words say, for a name the table does not know)
  context(/^((?:STATE_)?[A-Z][A-Z0-9]*_[A-Z0-9_]+) \(([^)]*)\); (.*)$/, (m) => {
    const est = IKEV1_STATES[m[1]!]?.established ?? /^established\b/.test(m[2]!);
    const known = Object.hasOwn(IKEV1_STATES, m[1]!);
    // an unknown state's own words already say "established …": said once (the state's name, then pluto's words)
    return step(est && known ? 'ikeV1Established' : 'ikeV1Waiting', { state: stateName(m[1]!), details: known ? '' : m[2]! }, est ? 'success' : 'info');
  }),
  context(/^esp\.\S+ esp\.\S+ .*Traffic: ESPin=(\S+) ESPout=(\S+?)!? .*$/, (m) => step('espTraffic', { in: m[1]!, out: m[2]! })),
];

const ESTABLISHED = /ISAKMP SA established|IPsec SA established|IKE SA established|STATE_MAIN_R3|STATE_QUICK_R2|established IKE SA|ESTABLISHED_IKE_SA|STATE_PARENT_R2|STATE_PARENT_I3/;
/**
 * A word every test of track() after the state needs (ESTABLISHED's, `retransmi` of the
 * retransmission and give-up lines, the duplicate IKE_SA_INIT, IKE_AUTH / v2I2 / v2R2): a line
 * without one changes nothing there. One scan instead of ESTABLISHED's and up to eight searches on
 * every pluto record (bench/server-log.bench.ts: track was a sixth of a pluto line's cost).
 */
const TRACKED_WORDS = /established|ESTABLISHED_IKE_SA|STATE_(?:MAIN_R3|QUICK_R2|PARENT_R2|PARENT_I3)|retransmi|duplicate IKE_SA_INIT|IKE_AUTH|v2[IR]2/;

/** `STATE_PARENT_I1: retransmission; …` (or MAIN_I1, AGGR_I1, 5.x IKE_SA_INIT_I): this side's first message, still unanswered */
const FIRST_RETRANSMISSION = /(?:^|[\s:])(?:(?:STATE_)?(?:V2_)?(?:PARENT_I1|MAIN_I1|AGGR_I1)|IKE_SA_INIT_I): retransmission;/;
/** first messages retransmitted (ike-responder-unreachable), or the PC's IKE_SA_INIT repeated (ike-init-unanswered), before a log ends without anything after them: UDP 500/4500 */
const MIN_FIRST_RETRANSMITS = 3;
const MIN_INIT_REPEATS = 2;

function firstUnanswered(s: Serial): ServerLogEntry | undefined {
  if (s.established || s.movedOn) return undefined;
  const [e, key, n] = (s.firstRetransmits ?? 0) >= MIN_FIRST_RETRANSMITS ? [s.lastFirst, 'ikeInitUnanswered' as const, s.firstRetransmits!] : (s.initRepeats ?? 0) >= MIN_INIT_REPEATS ? [s.lastRepeat, 'ikeInitAnswerLost' as const, s.initRepeats!] : [];
  if (!e || e.cause) return undefined;
  return unansweredFirstExchange(e, n!, key!);
}

/** The state name track() read last (of any serial): pluto's records of one phase name one state, serial after serial. */
let lastName: string | undefined;

export const libreswanFamily: FamilyParser = {
  family: 'libreswan',
  claims(pre: Prefixed): boolean {
    if (pre.program && isPlutoProgram(pre.program)) return true;
    const message = pre.message;
    // the status, mended, connection and whack heads all quote the connection's name: one search for a quote rules the four out
    if (message.indexOf('"') >= 0 && (STATUS_HEAD.test(message) || MENDED_HEAD.test(message) || CONN_HEAD.test(message) || WHACK_HEAD.test(message))) return true;
    // (under a log file's time without microseconds too, which the IOS reader takes for a router's: shape ios)
    return ((pre.shape === 'none' || pre.shape === 'ios') && !pre.program && BARE_PLUTO_HEAD.test(message)) || isLogfileLine(pre) || relayed(pre, PROGRAMS) !== undefined;
  },
  claimsLeftover(pre, state) {
    if (pre.program) return false;
    // (a line of pluto's stderr log, `plutostderrlog=`: no time at all — Openswan 2.6's, Ubuntu Forums 2014, its start-up banner)
    const timed = pre.shape === 'none' ? logfileTime(pre)?.pre.message : undefined;
    const message = pre.shape === 'ios' ? pre.message : pre.shape === 'none' ? (timed ?? pre.message) : undefined;
    if (message === undefined) return false;
    if (state.logfile === true) return true;
    // (without its time, a debug line's `| ` alone is no sign: a table's or a compose prefix's bar starts lines too)
    if (!PLUTO_OWN_WORDS.test(message) || (timed === undefined && pre.shape === 'none' && message.charCodeAt(0) === 124)) return false;
    // pluto's own words: the lines after them without a header are its file's too (its start-up banner's feature lines)
    state.logfile = true;
    return true;
  },
  countsTracked: true,
  parse(pre, state, countOnly) {
    // a relay's header before the router's `host: pluto[pid]: …` (families/relayed.ts)
    if (pre.program && !PROGRAMS.test(pre.program)) pre = relayed(pre, PROGRAMS) ?? pre;
    const own = logfileTime(pre);
    if (own) {
      const hit = libreswanFamily.parse(own.pre, state, countOnly);
      if (hit) {
        hit.time = own.time;
        state.logfile = true;
      }
      return hit;
    }
    // pluto's log file with a time the IOS reader took (no microseconds): said so for the lines after it (claimsLeftover)
    if (pre.shape === 'ios' && !pre.program) {
      const hit = libreswanFamily.parse({ shape: 'none', message: pre.message }, state, countOnly);
      if (hit) state.logfile = true;
      return hit;
    }
    // a counted record (past the entries cap) needs only its serial and body: read without HEAD's match array
    const head = countOnly ? countedHead(pre.message, pre.src !== undefined) : undefined;
    state.serialNow = head?.session;
    if (head) {
      state.plutoConnNow = undefined;
      const body = trimmed(pre.message.slice(head.bodyAt));
      const at = messageAt(pre, head.bodyAt, body);
      const found = applyRules(RULES, body, pre, state, true, at < 0 ? undefined : pre.src, at);
      if (!found) return null;
      const hit: Hit = found === COUNTED ? { decoded: COUNTED.decoded, outcome: 'info' } : found;
      hit.session = head.session;
      // a rule that is not a context rule decoded the record in full: its peer as below (HEAD's third group, this alternative's)
      if (found !== COUNTED) withPeer(hit, pre.message.match(HEAD)?.[3]);
      return hit;
    }
    // a pasted line may start mid-name: `l2tp-psk"[1] 109.252.69.155 #1: …`
    const msg = pre.message.charCodeAt(0) === 34 ? pre.message : pre.message.charCodeAt(0) === 32 && pre.message.charCodeAt(1) === 34 ? pre.message.slice(1) : pre.message.replace(/^([^"\s]+)"\[/, '"$1"['); // a quote first: nothing to mend
    const m = msg.match(HEAD);
    if (!m) return null;
    const serial = m[4] ?? m[1];
    state.serialNow = serial ? `#${serial}` : undefined;
    // (the connection a list of its own proposals belongs to: libreswan-proposals.ts)
    state.plutoConnNow = m[2] ?? m[5];
    const peer = m[3] ?? m[6] ?? m[7];
    const body = trimmed(m[9]!);
    // (where the body lies in the read chunk, when the message was not mended: HEAD's last group ends it)
    const at = msg.length === pre.message.length ? messageAt(pre, msg.length - m[9]!.length, body) : -1;
    const found = applyRules(RULES, body, pre, state, countOnly, at < 0 ? undefined : pre.src, at);
    if (!found) return null;
    // a counted record still names its serial (track needs it): a hit of its own, COUNTED is shared and frozen
    const hit: Hit = found === COUNTED ? { decoded: COUNTED.decoded, outcome: 'info' } : found;
    if (serial) hit.session = `#${serial}`;
    // a counted record's peer is never read: its entry, if one is wanted, is decoded again (FamilyParser.countsTracked)
    if (found !== COUNTED) withPeer(hit, peer);
    let worded = byInitiatorSerial(hit, state);
    // a failure on a serial whose role no line told: by its connection's, when this side was seen starting it (libreswan-initiating-conn.ts)
    if (worded.cause && currentSerial(state)?.initiator === undefined && !worded.decoded.some((dd) => dd.values?.role !== undefined)) worded = byStartedConn(worded, msg, state);
    // (a net-to-net connection's lines name the other router, libreswan-site.ts)
    return bySiteConn(worded, m[2] ?? m[5], body, serial, state);
  },
  track(seen, state) {
    // (a failure parse found on a serial of unknown role: kept until its connection shows its role)
    keepUnroled(state, () => seen.entry());
    const session = seen.session;
    // keyed by the session as the hit names it (`#serial`, or program[pid] for a record without one): no cut per record
    const s = serialOf(state, session);
    if (!s) return;
    const text = seen.text;
    const st = lastState(text, s.state ?? lastName);
    if (st !== undefined) s.state = lastName = st;
    // (once per serial: its first line that tells the role)
    if (s.initiator === undefined) {
      s.initiator = serialRole(text, st);
      // (this side starting the connection's first exchange: its failures on serials of unknown role are the starting side's)
      if (s.initiator === true) noteStarted(text, state);
    }
    // most pluto lines say nothing the tests below look for: one scan for all their words first
    if (!TRACKED_WORDS.test(text)) return;
    if (!s.established && ESTABLISHED.test(text)) s.established = true;
    if (text.includes('STATE_MAIN_R2: retransmission')) {
      s.retransmits++;
      s.last = seen.entry();
    } else if (text.includes(': retransmission; will wait') && FIRST_RETRANSMISSION.test(text)) {
      s.firstRetransmits = (s.firstRetransmits ?? 0) + 1;
      s.lastFirst = seen.entry();
    } else if (text.includes('received duplicate IKE_SA_INIT message request')) {
      s.initRepeats = (s.initRepeats ?? 0) + 1;
      s.lastRepeat = seen.entry();
    } else if (!s.movedOn && (text.includes('IKE_AUTH') || text.includes('v2I2') || text.includes('v2R2') || text.includes(' retransmits.') || text.includes('max number of retransmissions'))) s.movedOn = true; // (or the give-up line, which names the cause itself)
  },
  finish(state) {
    const out: ServerLogEntry[] = [];
    for (const s of ((state.serials as Map<string, Serial> | undefined) ?? new Map<string, Serial>()).values()) {
      const first = firstUnanswered(s);
      if (first) out.push(first);
      if (s.established || s.retransmits < 2 || !s.last || s.last.cause) continue;
      s.last.cause = 'ike-no-mi3';
      s.last.outcome = 'failure';
      s.last.decoded.push(d('mi3NeverCame', { n: s.retransmits }));
      out.push(s.last);
    }
    return out;
  },
};
