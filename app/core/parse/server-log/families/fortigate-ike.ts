import { applyRules, d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { notifyByName } from '../codes/ike';

/**
 * FortiOS IKE debug (`diagnose debug application ike -1`, with or without `diagnose debug console timestamp enable`'s
 * `2025-02-28 10:28:08.260710 ` before it): `ike <vdom>:<gateway>:<serial>: <text>`, where the gateway is the phase 1's
 * name (a dial-up instance `L2TP_0`, or the SA's cookies while none is matched yet:
 * `ike 0:a0ee3b66adfc8900/0000000000000000:207145:`), the serial the IKE SA's number; lines about a packet before any SA
 * have neither (`ike 0: comes 103.9.225.1:4500->10.17.4.132:4500,ifindex=4,vrf=0....`); FortiOS 7.4 may name the VDOM
 * (`ike V=root:0:…`, assumed from a copy). Texts as the real copies print them (Fortinet community articles 198232, 304205,
 * 380380; a Reddit r/fortinet thread; fixtures in test/fixtures/real/server-logs/fortios-ike-*).
 */
export const IKE_HEAD = /^ike (?:V=[^:\s]+:)?\d+:(?:([^:\s]*):(?:(\d+):)?)?\s*(.*)$/;

/** the serials (IKE SAs) this FortiGate started itself: a failure on them is the responder's side, not a PC's */
const INITIATED = 'fgInitiated';
function initiated(state: FamilyState): Set<string> {
  return (state[INITIATED] as Set<string> | undefined) ?? ((state[INITIATED] = new Set<string>()) as Set<string>);
}

const ORDINAL: Record<string, number> = { '1st': 1, '2nd': 2, '3rd': 3 };

/** `responder: main mode get 1st message...` / `initiator: main mode is sending 1st message...` (the IKEv1 exchange's messages) */
function modeMessage(m: RegExpMatchArray, session: string | undefined, state: FamilyState): Hit {
  if (m[1] === 'initiator' && session) initiated(state).add(session);
  const n = ORDINAL[m[4]!] ?? Number.parseInt(m[4]!, 10);
  const key = `fgIke${m[1] === 'initiator' ? 'Initiator' : 'Responder'}${m[3] === 'get' ? 'Gets' : 'Sends'}${m[2] === 'main' ? 'Main' : m[2] === 'aggressive' ? 'Aggressive' : 'Quick'}`;
  return step(key, { n });
}

/** a notification the other side sent (`received notify type AUTHENTICATION_FAILED`: community article 304205's title) */
function notify(name: string): Hit {
  const t = notifyByName(name);
  const label = t ? `${t.name} (${t.code})` : name;
  if (t?.name === 'AUTHENTICATION_FAILED') return { decoded: [d('ikeRejectedByPeer', { notify: label })], outcome: 'failure', cause: 'ike-auth-failed' };
  if (t?.name === 'NO_PROPOSAL_CHOSEN') return { decoded: [d('ikeNotify', { name: label }), d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
  // (TS_UNACCEPTABLE received: the other side refused the networks this side asked for its IPsec SA, RFC 7296 §3.10.1 — this side asked)
  if (t?.name === 'TS_UNACCEPTABLE') return { decoded: [d('ikeNotify', { name: label, role: 'initiator' }), d('tsMismatch')], outcome: 'failure', cause: 'traffic-selector-mismatch' };
  return { decoded: [d('ikeNotify', { name: label })], outcome: t?.error ? 'warning' : 'info' };
}

/**
 * `negotiation timeout, deleting` (assumed: FortiOS's words when an exchange's retries run out, as Fortinet's KB quotes
 * them; no fixture holds it): this side's own exchange got no answer from the responder, or — as a responder — the PC's
 * next message never came (after the first Main Mode exchange the PC moves to UDP 4500 when there is NAT)
 */
function timeout(session: string | undefined, state: FamilyState): Hit {
  if (session && initiated(state).has(session)) return { decoded: [d('fgIkeTimeoutOwn')], outcome: 'failure', cause: 'ike-responder-unreachable' };
  return { decoded: [d('fgIkeTimeout')], outcome: 'failure', cause: 'ike-no-mi3' };
}

/** the packet's bytes as the debug dumps them: as received (in), sent (out), decrypted (dec), encrypted (enc) */
const BYTES_KEYS: Record<string, string> = { in: 'fgIkeBytesIn', out: 'fgIkeBytesOut', dec: 'fgIkeBytesDec', enc: 'fgIkeBytesEnc' };

type IkeHandler = (m: RegExpMatchArray, session: string | undefined, state: FamilyState) => Hit;
const SESSION = 'fgSession';
const rule = (re: RegExp, handler: IkeHandler): Rule => [re, (m, _pre, state) => handler(m, state[SESSION] as string | undefined, state)];

const RULES: readonly Rule[] = [
  rule(/^comes (\S+?):(\d+)->(\S+?):(\d+),ifindex=\d+.*$/, (m) => tagged(step('fgIkeComes', { from: `${m[1]}:${m[2]}`, to: `${m[3]}:${m[4]}` }), { peer: m[1] })),
  // (IKEv1's Identity Protection exchange is what Windows and the debug's own mode lines call Main Mode: RFC 2409 §5)
  rule(/^IKEv([12]) exchange=(.+?) id=\S+ len=\d+.*$/, (m) => step('fgIkeExchange', { version: m[1]!, exchange: m[2] === 'Identity Protection' ? 'Identity Protection (Main Mode)' : m[2]! })),
  rule(/^(in|out|dec|enc) [0-9A-F]+$/, (m) => step(BYTES_KEYS[m[1]!]!)),
  rule(/^(responder|initiator): (main|aggressive|quick) mode (get|is sending) (\d(?:st|nd|rd|th)) message\.\.\.$/, (m, session, state) => modeMessage(m, session, state)),
  rule(/^VID (.+?) [0-9A-F]{8,}$/, (m) => step('fgIkeVendorId', { name: m[1]!.replace(/\\n$/, '') })),
  rule(/^(?:incoming proposal|negotiation result):?$/, (m) => step(m[0].startsWith('incoming') ? 'fgIkeIncomingProposal' : 'fgIkeNegotiationResult')),
  rule(/^my proposal, gw (\S+?):?$/, (m) => step('fgIkeMyProposal', { gw: m[1]! })),
  rule(/^(proposal id = \d+|protocol(?: id)? = \S+?|trans_id = \S+?|encapsulation = \S+?|type=\S+, val=.+?|(?:ISAKMP|IPsec) SA lifetime=\d+|PFS DH group = \d+)[:.]?$/, (m) => step('fgIkeProposalLine', { line: m[1]! })),
  rule(/^SA proposal chosen, matched gateway (\S+)$/, (m) => step('fgIkeProposalChosen', { gw: m[1]! }, 'success')),
  rule(/^found (\S+) \d+ -> (\S+?):(\d+)$/, (m) => step('fgIkeFoundGateway', { local: m[1]!, peer: `${m[2]}:${m[3]}` })),
  rule(/^DPD negotiated$/, () => step('fgIkeDpd')),
  rule(/^peer is (.+)$/, (m) => step('fgIkePeerIs', { what: m[1]! })),
  rule(/^selected NAT-T version: (.+)$/, (m) => step('fgIkeNatT', { version: m[1]! })),
  rule(/^cookie (\S+)$/, (m) => step('fgIkeCookie', { cookie: m[1]! })),
  rule(/^sent IKE msg \(([\w-]+)\): (\S+?):(\d+)->(\S+?):(\d+), len=\d+.*$/, (m) => tagged(step('fgIkeSent', { what: m[1]!, to: `${m[4]}:${m[5]}` }), { peer: m[4] })),
  rule(/^auto-negotiate connection$/, () => step('fgIkeAutoNegotiate')),
  rule(/^created connection: \S+ \d+ (\S+?)->(\S+?):(\d+)\.?$/, (m) => tagged(step('fgIkeCreated', { to: `${m[2]}:${m[3]}` }), { peer: m[2] })),
  rule(/^HA state (\w+)\(\d+\)$/, (m) => step('fgIkeHaState', { state: m[1]! })),
  rule(/^(initiator|responder) received (\w+) msg$/, (m) => step('fgIkeReceived', { what: m[2]! })),
  // IKEv2 dial-up (a Fortinet community article's copy, 408078): the peer's identity, the dial-up phase 1 checked against it, EAP.
  // FortiClient sends its UID and its EMS's serial and tenant (Fortinet's own IKE extension — assumed from the words: Windows'
  // built-in client sends neither); Windows' IKEv2 client logs in by EAP the same way, after `peer identifier`
  rule(/^received FCT-UID = (\S+)$/, (m) => step('fgIkeFctUid', { uid: m[1]! })),
  rule(/^received EMS (?:SN|tenant ID) : (\S+)$/, (m) => step('fgIkeEms', { id: m[1]! })),
  rule(/^peer identifier (\S+) (.+)$/, (m) => step('fgIkePeerIdentifier', { type: m[1]!, id: m[2]! })),
  rule(/^re-validate gw ID$/, () => step('fgIkeRevalidateGw')),
  rule(/^gw validation OK$/, () => step('fgIkeGwValidationOk', undefined, 'success')),
  // (the article: the local ID and peer ID of both sides must match; no cause of ours names it — a failure said in words)
  rule(/^gw validation failed$/, () => ({ decoded: [d('fgIkeGwValidationFailed')], outcome: 'failure' })),
  rule(/^responder preparing EAP identity request$/, () => step('fgIkeEapIdentityRequest')),
  // the proposal check failed: the PC's encryption, hash or DH group fit nothing of the phase 1 / phase 2 (the event log's
  // 37124 reason has the same words); FortiOS 6 prefixes the IKEv1 one with "Negotiate SA Error: "
  rule(/^(?:Negotiate SA Error: )?(?:peer SA proposal not match local policy|no SA proposal chosen)$/, () => ({ decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' })),
  rule(/^(?:Negotiate SA Error: )?probable pre-shared (?:secret|key) mismatch$/, () => ({ decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })),
  rule(/^received notify type ([A-Z][A-Z0-9_]+)$/, (m) => notify(m[1]!)),
  // the end of a failed exchange; its reason is the line before (a step, not a second cause)
  rule(/^negotiation failure$/, () => step('fgIkeNegotiationFailure', undefined, 'warning')),
  rule(/^negotiation timeout, deleting$/, (_m, session, state) => timeout(session, state)),
  // assumed (the help desk's own wording of FortiOS's XAUTH result; no fixture holds it): the user name or password was refused
  // (XAUTH, IKEv1's extra log-in, is no Windows built-in client's: xauth-rejected, no Windows code — libreswan-xauth.ts says why)
  rule(/^XAUTH user "([^"]+)" (?:authentication )?failed$/, (m) => ({ decoded: [d('xauthFailed')], outcome: 'failure', cause: 'xauth-rejected', user: m[1] })),
];

/** a debug line decoded: its session is the IKE SA's serial (or the gateway name when the line has none) */
export function ikeDebugLine(message: string, pre: Prefixed, state: FamilyState): Hit | null {
  const m = message.match(IKE_HEAD);
  if (!m) return null;
  const gateway = m[1] && !m[1].includes('/') ? m[1] : undefined;
  const session = m[2] ?? gateway;
  state[SESSION] = session;
  const hit = applyRules(RULES, m[3]!.trim(), pre, state);
  if (hit && session !== undefined && hit.session === undefined) hit.session = session;
  return hit;
}
