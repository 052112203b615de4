import { d, fallback, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';

/**
 * Cisco IOS / IOS-XE `debug crypto ikev2` (FlexVPN, crypto maps and tunnel protection with IKEv2; ios.ts reads the rest of the
 * family). Each line starts `IKEv2:` — `IKEv2-ERROR:` for an error — then, once a negotiation has one, the session and IKE SA it
 * belongs to, `IKEv2:(SESSION ID = 31,SA ID = 1):Sending Packet […]`, or the SA alone, `IKEv2:(SA ID = 1):[Crypto Engine -> IKEv2]
 * …`; a profile or keyring lookup puts `%` after the head (`IKEv2:% Matched peer block 'ANY-IPV6'`). A packet is printed over
 * several lines with no head of their own: `Initiator SPI : … - Responder SPI : … Message id: 1`, `IKEv2 IKE_AUTH Exchange
 * RESPONSE`, `Payload contents:`, then the payloads on one indented line (` VID IDr AUTH NOTIFY(NO_PROPOSAL_CHOSEN)`); a proposal
 * so too (`IKE Proposal: 1, SPI size: 0 (initial negotiation),`, `Num. transforms: 15`, the transforms indented). Those lines are
 * read here one by one, the packet's direction and exchange kept in the family's state. (Cisco TAC document 115934 "IOS IKEv2
 * Debugs for Site-to-Site VPN with PSKs" prints the form; the texts below are the real IOS-XE 16.7 log of
 * test/fixtures/real/server-logs/ios-xe-debug-crypto-ikev2-…, unless marked otherwise.)
 */

/** `IKEv2:` / `IKEv2-ERROR:` and the optional `(SESSION ID = n,SA ID = m):` or `(SA ID = m):` head, `%` and blanks after it */
const HEAD = String.raw`^IKEv2(?:-(ERROR|INTERNAL))?:(?:\((?:SESSION ID = (\d+),\s*)?SA(?: ID)? = (\d+)\):+)?\s*%?\s*`;
const ikev2 = (body: string): RegExp => new RegExp(HEAD + body);

/** The packet being printed: set by its head line, read by the lines under it (family state). */
interface Ikev2Packet {
  dir: 'in' | 'out';
  exchange?: string;
  kind?: 'REQUEST' | 'RESPONSE';
}
const PACKET = 'iosIkev2Packet';
/** this router's IKE_SA_INIT request not answered yet: the peer it went to and how often IOS sent it again (family state) */
const INIT_SENT = 'iosIkev2InitSent';
interface InitSent {
  peer: string;
  again: number;
}
const SESSION = 'iosIkev2Session';
/** the identity the other side sent, as the last profile search named it (family state): what a missing profile did not take */
const PEER_ID = 'iosIkev2PeerId';

/** A line of the negotiation's: its session (the last one named, for the head-less lines under a packet) on the entry. */
function inSession(hit: Hit, state: FamilyState, session?: string): Hit {
  if (session) state[SESSION] = session;
  return tagged(hit, { session: session ?? (state[SESSION] as string | undefined) ?? '' });
}

/**
 * RFC 7296 §3.10.1 notify types that are errors (below 16384): which ones this reads as a refusal. NO_PROPOSAL_CHOSEN (14) in
 * IKE_SA_INIT refuses the IKE SA's proposals (phase 1), in IKE_AUTH or CREATE_CHILD_SA the Child SA's (phase 2, the IPsec SA);
 * AUTHENTICATION_FAILED (24) the key or certificate; TS_UNACCEPTABLE (38) and INVALID_SELECTORS (39) the networks. Status types
 * (16384 and above: NAT_DETECTION_*, INITIAL_CONTACT, SET_WINDOW_SIZE …) are routine.
 */
const ERROR_NOTIFIES = new Set(['UNSUPPORTED_CRITICAL_PAYLOAD', 'INVALID_IKE_SPI', 'INVALID_MAJOR_VERSION', 'INVALID_SYNTAX', 'INVALID_MESSAGE_ID', 'INVALID_SPI', 'NO_PROPOSAL_CHOSEN', 'INVALID_KE_PAYLOAD', 'AUTHENTICATION_FAILED', 'SINGLE_PAIR_REQUIRED', 'NO_ADDITIONAL_SAS', 'INTERNAL_ADDRESS_FAILURE', 'FAILED_CP_REQUIRED', 'TS_UNACCEPTABLE', 'INVALID_SELECTORS', 'TEMPORARY_FAILURE', 'CHILD_SA_NOT_FOUND']);

/** The payload line's meaning: what an error notify in it says, by who sent it (the packet in state). */
function payloadsHit(list: string, state: FamilyState): Hit {
  const pkt = state[PACKET] as Ikev2Packet | undefined;
  const hit = step('iosIkev2Payloads', { list: list || '-' });
  const errors = [...list.matchAll(/NOTIFY\(([A-Z0-9_]+)\)/g)].map((m) => m[1]!).filter((n) => ERROR_NOTIFIES.has(n));
  if (!pkt || errors.length === 0) return hit;
  const name = errors[0]!;
  // (the IKE SA's own proposals are refused only in IKE_SA_INIT; a message built for encryption is never one)
  const phase = pkt.exchange === 'IKE_SA_INIT' ? 1 : 2;
  if (pkt.dir === 'in') {
    if (name === 'NO_PROPOSAL_CHOSEN') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' }, { decoded: [...hit.decoded, d('iosIsakmpPeerNoProposal', { phase })] });
    else if (name === 'AUTHENTICATION_FAILED') Object.assign(hit, { outcome: 'failure', cause: 'ike-auth-failed' }, { decoded: [...hit.decoded, d('ikeAuthFailed', { id: '' })] });
    else if (name === 'TS_UNACCEPTABLE' || name === 'INVALID_SELECTORS') Object.assign(hit, { outcome: 'failure', cause: 'traffic-selector-mismatch' }, { decoded: [...hit.decoded, d('tsMismatch')] });
    else Object.assign(hit, { outcome: 'warning' }, { decoded: [...hit.decoded, d('step.iosIkev2NotifyIn', { name })] });
    return hit;
  }
  // this router's own refusal: of the PC's proposals when it answers (the responder), else the lines before it say why
  if (name === 'NO_PROPOSAL_CHOSEN') {
    hit.decoded.push(d('step.iosIsakmpSentNoProposal', { phase }));
    if (pkt.kind === 'RESPONSE' && state.iosIkeSide === 'responder') Object.assign(hit, { outcome: 'failure', cause: 'ike-no-proposal' }, { decoded: [...hit.decoded, d('ikeNoProposal')] });
    else hit.outcome = 'warning';
    return hit;
  }
  hit.decoded.push(d('step.iosIkev2NotifyOut', { name }));
  hit.outcome = 'warning';
  return hit;
}

/** `[To A:500/From B:500/VRF i0:f0]` / `[From A:500/To B:500/…]`: the other side's address and port (its last colon's) */
const PEER = /\[(To|From) ([0-9A-Fa-f.:]+):(\d+)\//;

/** IKEv2 payload names as IOS prints them (RFC 7296 §3.2 payload types: SA, KE, IDi, IDr, CERT, CERTREQ, AUTH, N, D, V, TSi, TSr, SK, CP, EAP) */
const PAYLOAD = String.raw`(?:SA|KE|N|IDi|IDr|CERT|CERTREQ|AUTH|NONCE|VID|TSi|TSr|ENCR|SK|CFG|EAP|DELETE|GSPM|SKF|NOTIFY\([A-Z0-9_]+\))`;
const PAYLOAD_LIST = new RegExp(String.raw`^${PAYLOAD}(?:[ \t]+${PAYLOAD})*\s*$`);
/**
 * IKEv2 transforms as IOS prints a proposal's (RFC 7296 §3.3.2: encryption, PRF, integrity, Diffie-Hellman group, ESN): `AES-CBC`,
 * `SHA512`, `SHA96`, `MD596`, `DH_GROUP_1536_MODP/Group 5`, `Don't use ESN`; three blanks between them (one, or a tab, in a copy)
 */
const TRANSFORM = String.raw`(?:AES-CBC|AES-GCM|AES-CTR|3DES|DES|NULL|SHA(?:1|96|256|384|512)|MD5(?:96)?|AES-XCBC|AES-CMAC|GMAC|DH_GROUP_[0-9A-Z_]+(?:\/Group \d+)?|(?:Don't use|Use) ESN)`;
const TRANSFORM_LIST = new RegExp(String.raw`^${TRANSFORM}(?:[ \t]+${TRANSFORM})*\s*$`);
/** The transforms, comma-separated: split at the runs of blanks, or, in a copy that left one, at each blank that starts a transform */
const transformsText = (list: string): string => (list.match(new RegExp(TRANSFORM, 'g')) ?? []).join(', ');
const IOS_BANNER = /^(?:Technical Support: http:\/\/www\.cisco\.com\/techsupport|Copyright \(c\) \d{4}-\d{4} by Cisco Systems, Inc\.|Compiled \w{3} \d{1,2}-\w{3}-\d{2} \d\d:\d\d by \S+)\s*$/;

export const IOS_IKEV2_RULES: Rule[] = [
  // a packet sent or received: the lines under it are its SPIs, exchange and payloads
  [ikev2(String.raw`(Sending|Received) Packet \[(.*?)\]?\s*$`), (m, _p, state) => {
    const dir = m[4] === 'Sending' ? 'out' : 'in';
    state[PACKET] = { dir } satisfies Ikev2Packet;
    const peer = `[${m[5]}`.match(PEER);
    state.iosIkev2Peer = peer?.[2];
    const hit = step(dir === 'out' ? 'iosIkev2Sent' : 'iosIkev2Received', { peer: peer?.[2] ?? '?', port: peer?.[3] ?? '?' });
    return inSession(tagged(hit, { peer: peer?.[2] }), state, m[2]);
  }],
  // the payloads of a message this router is about to encrypt and send (its `Payload contents:` follow; the send line names ENCR)
  [ikev2(String.raw`Building packet for encryption\.?\s*$`), (m, _p, state) => {
    state[PACKET] = { dir: 'out' } satisfies Ikev2Packet;
    return inSession(step('iosIkev2Building'), state, m[2]);
  }],
  // "Verification of peer's authentication data FAILED" (Cisco TAC, "ASA and IOS IKEv2 site-to-site with certificates" document:
  // a router that could not verify the ASA's certificate; IOS-XE 16 writes PASSED as "authenctication"): the other side's AUTH
  // payload does not verify with the key or certificate this router holds for it
  [ikev2(String.raw`Verification of peer's authen(?:c)?tication data (PASSED|FAILED)\s*$`), (m, _p, state) => {
    if (m[4] === 'PASSED') return inSession(step('iosIkev2PeerVerified', undefined, 'success'), state, m[2]);
    return inSession({ decoded: [d('ikeAuthFailed', { id: '' })], outcome: 'failure', cause: 'ike-auth-failed' }, state, m[2]);
  }],
  [ikev2(String.raw`Session with IKE ID PAIR \((\S+?),\s*(\S+?)\) is UP\s*$`), (m, _p, state) => inSession(step('iosIkev2Up', { a: m[4]!, b: m[5]! }, 'success'), state, m[2])],
  [ikev2(String.raw`Retransmitting packet\s*$`), (m, _p, state) => {
    const init = state[INIT_SENT] as InitSent | undefined;
    if (init) init.again++;
    return inSession(step('iosIkev2Retransmit', undefined, 'warning'), state, m[2]);
  }],
  // "Initial exchange failed" (IKEv2-ERROR): IKE_SA_INIT did not complete. After this router's own IKE_SA_INIT request went out
  // again and again with no response (its Responder SPI still zero: a real IOS-XE log), the other side never answered: this router
  // initiated, so the cause is the responder not reached (UDP 500/4500 blocked on the way, or no IKEv2 there). Otherwise the lines
  // before it say why
  [ikev2(String.raw`Initial exchange failed\b.*$`), (m, _p, state) => {
    const init = state[INIT_SENT] as InitSent | undefined;
    delete state[INIT_SENT];
    if (!init || init.again === 0 || state.iosIkeSide !== 'initiator') return inSession(step('iosIkev2InitialFailed', undefined, 'warning'), state, m[2]);
    const hit: Hit = { decoded: [d('iosIkev2InitUnanswered', { peer: init.peer, n: init.again, role: 'initiator' })], outcome: 'failure', cause: 'ike-responder-unreachable' };
    return inSession(tagged(hit, { peer: init.peer === '?' ? undefined : init.peer }), state, m[2]);
  }],
  [ikev2(String.raw`Queuing IKE SA delete request reason: (.*?)\s*$`), (m, _p, state) => inSession(step('iosIkev2DeleteQueued', { reason: m[4]! }, 'warning'), state, m[2])],
  [ikev2(String.raw`Sending DELETE INFO message for (IPsec|IKEv2) SA \[(.*?)\]\s*$`), (m, _p, state) => inSession(step('iosIkev2DeleteSent', { what: m[4] === 'IPsec' ? 'IPsec SA' : 'IKE SA', spi: m[5]! }), state, m[2])],
  // "Searching policy based on peer's identity 'R1.LAB.LOCAL' of type 'FQDN'" (an IOS-XE hub, search index file 55680960564)
  [ikev2(String.raw`Searching policy based on peer's identity '([^']*)' of type '([^']*)'\s*$`), (m, _p, state) => {
    state[PEER_ID] = m[4]!;
    return inSession(step('iosIkev2PeerIdentity', { id: m[4]!, type: m[5]! }), state, m[2]);
  }],
  // "IKEv2 profile not found" (after "Profile could not be found by peer certificate" when the identity came from a certificate; Cisco
  // document 117337, an IOS responder that finds no profile for the ASA's DN identity): no `crypto ikev2 profile` has a `match identity
  // remote` that takes the identity the other side sent in IKE_AUTH. The router refuses IKE_AUTH with AUTHENTICATION_FAILED (RFC 7296
  // §2.21.2), which a Windows IKEv2 client reports as 13801 (winerror.h ERROR_IPSEC_IKE_AUTH_FAIL): the PC's identity (its address,
  // or its machine certificate's name) is not one the router's profiles take — an authentication failure to the PC
  [ikev2(String.raw`IKEv2 profile not found\.?\s*$`), (m, _p, state) => {
    const id = state[PEER_ID] as string | undefined;
    return inSession({ decoded: [d('iosIkev2NoProfile', { id: id ? ` (${id})` : '' })], outcome: 'failure', cause: 'ike-auth-failed' }, state, m[2]);
  }],
  [ikev2(String.raw`(Profile could not be found by peer certificate\.?)\s*$`), (m, _p, state) => inSession(step('iosIkev2', { text: m[4]! }, 'warning'), state, m[2])],
  // "Failed to locate an item in the database" (IKEv2-ERROR, or `::` after the head): IOS's error text for a lookup that found nothing —
  // after "IKEv2 profile not found" in document 117337; what was looked for is named by the lines before it, so no cause here
  [ikev2(String.raw`(Failed to locate an item in the database\.?)\s*$`), (m, _p, state) => inSession(step('iosIkev2NotFound', { text: m[4]! }, 'warning'), state, m[2])],
  // "Auth exchange failed" (IKEv2-ERROR: an IOS-XE 26 router whose peer signed with another method than it verifies, a lab's `show
  // logging | include IKEv2`): IKE_AUTH ended without an IKE SA — one side refused the other's authentication. The IOS answer to an
  // IKE_AUTH it refuses is AUTHENTICATION_FAILED, 13801 on a Windows client (winerror.h ERROR_IPSEC_IKE_AUTH_FAIL)
  [ikev2(String.raw`Auth exchange failed\.?\s*$`), (m, _p, state) => inSession({ decoded: [d('iosIkev2AuthExchangeFailed')], outcome: 'failure', cause: 'ike-auth-failed' }, state, m[2])],
  // "Verify cert failed" (document 117337: before "Verification of peer's authentication data FAILED"): the certificate check failed
  [ikev2(String.raw`(Verify cert failed\.?)\s*$`), (m, _p, state) => inSession(step('iosIkev2', { text: m[4]! }, 'warning'), state, m[2])],
  // `IKE Proposal: 1, SPI size: 0 (initial negotiation),` / `ESP Proposal: 1, SPI size: 4 (IPSec negotiation),`: its transforms follow
  [ikev2(String.raw`(IKE|ESP|AH) Proposal: ?(\d+),.*$`), (m, _p, state) => inSession(step('iosIkev2Proposal', { kind: m[4]!, n: m[5]! }), state, m[2])],
  // an error line with no text (IOS-XE prints `IKEv2-ERROR:(SESSION ID = 31,SA ID = 1):` alone after a refused notify)
  [/^IKEv2-ERROR:(?:\((?:SESSION ID = (\d+),\s*)?SA(?: ID)? = \d+\):+)?\s*$/, (m, _p, state) => inSession(step('iosIkev2ErrorEmpty'), state, m[1])],
  // any other line: an IKEv2 step as printed (a catch-all, also for the texts above: never the rule cache's answer)
  fallback(ikev2(String.raw`(.*?)\s*$`), (m, _p, state) => inSession(step('iosIkev2', { text: m[4]! }, m[1] === 'ERROR' ? 'warning' : 'info'), state, m[2])),
  // the packet's lines without a head: its SPIs and message id
  [/^Initiator SPI : ([0-9A-Fa-f]{16}) - Responder SPI : ([0-9A-Fa-f]{16}) Message id: (\d+)\s*$/, (m, _p, state) =>
    inSession(step('iosIkev2Spis', { ispi: m[1]!, rspi: /^0+$/.test(m[2]!) ? '-' : m[2]!, id: m[3]! }), state)],
  // `IKEv2 IKE_SA_INIT Exchange REQUEST`: which exchange; this router's side is known from the first two (RFC 7296 §1.2: the
  // initiator sends the IKE_SA_INIT and IKE_AUTH requests), as `(I)`/`(R)` tells it in `debug crypto isakmp` (ios-crypto.ts noteIkeSide)
  [/^IKEv2 ([A-Z_]+) Exchange (REQUEST|RESPONSE)\s*$/, (m, _p, state) => {
    const pkt = (state[PACKET] as Ikev2Packet | undefined) ?? { dir: 'in' };
    pkt.exchange = m[1]!;
    pkt.kind = m[2] as 'REQUEST' | 'RESPONSE';
    state[PACKET] = pkt;
    if ((m[1] === 'IKE_SA_INIT' || m[1] === 'IKE_AUTH') && m[2] === 'REQUEST') state.iosIkeSide = pkt.dir === 'out' ? 'initiator' : 'responder';
    // (this router's IKE_SA_INIT request, sent again: one entry kept, its count going on; answered: forgotten)
    if (m[1] === 'IKE_SA_INIT' && m[2] === 'REQUEST' && pkt.dir === 'out') state[INIT_SENT] ??= { peer: (state.iosIkev2Peer as string | undefined) ?? '?', again: 0 } satisfies InitSent;
    if (m[1] === 'IKE_SA_INIT' && m[2] === 'RESPONSE' && pkt.dir === 'in') delete state[INIT_SENT];
    return inSession(step(m[2] === 'REQUEST' ? 'iosIkev2Request' : 'iosIkev2Response', { exchange: m[1]! }), state);
  }],
  [/^Payload contents:\s*$/, (_m, _p, state) => inSession(step('iosIkev2PayloadsHead'), state)],
  [PAYLOAD_LIST, (m, _p, state) => inSession(payloadsHit(m[0].trim().replace(/\s+/g, ' '), state), state)],
  [/^Num\. transforms: (\d+)\s*$/, (m, _p, state) => inSession(step('iosIkev2TransformCount', { n: m[1]! }), state)],
  [TRANSFORM_LIST, (m, _p, state) => inSession(step('iosIkev2Transforms', { list: transformsText(m[0]) }), state)],
  // the version text the router sends in its config request's app-version attribute, over the lines after it (the same lines
  // `show version` prints): IOS's, not a log line
  [IOS_BANNER, () => tagged(step('iosVersionText'), { session: '' })],
];

/** Whether a header-less line is one of this debug's (claims: a first-character test before any regex) */
const HEAD_LESS = [/^IKEv2(?:-[A-Z]+)?:/, /^Initiator SPI : /, /^IKEv2 [A-Z_]+ Exchange /, /^Payload contents:\s*$/, /^Num\. transforms: \d/] as const;
export function ikev2Claims(message: string): boolean {
  const c = message.charCodeAt(0);
  if (c === 73 /* I */) return HEAD_LESS[0].test(message) || HEAD_LESS[1].test(message) || HEAD_LESS[2].test(message);
  if (c === 80 /* P */) return HEAD_LESS[3].test(message);
  if (c === 78 /* N */) return HEAD_LESS[4].test(message);
  if (c === 84 /* T */ || c === 67 /* C */) return IOS_BANNER.test(message);
  // an indented line: a packet's payloads or a proposal's transforms
  if (c === 32 || c === 9) {
    const t = message.trim();
    return PAYLOAD_LIST.test(t) || TRANSFORM_LIST.test(t);
  }
  return false;
}
