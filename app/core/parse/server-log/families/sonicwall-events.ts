import { applyRules, d, step, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { notifyByName } from '../codes/ike';

/**
 * What a SonicOS log event says, read from its message text — the same text whether it came in a syslog record's `msg="…"`,
 * a row of the GUI's log table (Log > View / Monitor, copied) or a forum's copy of the message column alone. Wordings, where
 * a source has them:
 * - SonicOS 6.5.1 Log Events Reference Guide (event id, category, message; the security events as u-siem/usiem-sonicwall's
 *   README lists them): 139 `XAUTH Succeeded with VPN %s`, 140 `XAUTH Failed with VPN %s, Authentication failure`,
 *   289 `PPP: Authentication successful`, 290–292 `PPP: PAP|CHAP|MS-CHAP authentication failed - check username / password`,
 *   311 `L2TP Server:  RADIUS/LDAP reports Authentication Failure`, 312 `L2TP Server:  Local  Authentication Failure`,
 *   318/319 the two successes, 336 `L2TP Server : Deleting the Tunnel`, 344 `L2TP Server : User  Name authentication Failure
 *   locally`, 212 `L2TP PPP Authentication Failed` (category L2TP Client: the SonicWall's own WAN log-in), 67 `IPsec
 *   Authentication Failed`, 1388 `IPSec VPN Decryption Failed`.
 * - the older numbering elastic/beats' SonicWall pipeline parses (x-pack/filebeat/module/sonicwall/firewall/config/pipeline.js):
 *   87 `IKE Responder: Accepting IPSec proposal`, 88 `IKE Responder: IPSec proposal not acceptable`, 89 `IKE negotiation
 *   complete. Adding IPSec SA`.
 * - real log copies (test/fixtures/real/server-logs/sonicwall-*): `IKE Responder: Received Aggressive Mode request (Phase 1)`,
 *   `… Aggressive Mode complete (Phase 1)`, `… Remote party timeout - Retransmitting IKE request.`, `… No response - remote
 *   party timeout`, `IKE negotiation aborted due to timeout`, `Received packet retransmission. Drop duplicate packet`,
 *   `RECEIVED<<< ISAKMP OAK AG (…)`, `NAT Discovery : Peer IPSec Security Gateway behind a NAT/NAPT Device`, `IKE Responder:
 *   Proposed IKE ID mismatch`.
 * - a SonicWall interoperability test script's expected messages (search index file 66782024964): `IKEv2 IKE proposal does not
 *   match`, `Received notify. NO_PROPOSAL_CHOSEN`, `IKEv2 Initiator: Remote party timeout - Retransmitting IKEv2 request`.
 * Assumed (no copy found; the wording as help desks quote it): `IKE Responder: IKE proposal does not match (Phase 1)`, `IPsec
 * proposal does not match (Phase 2)`, `Received notify: NO_PROPOSAL_CHOSEN`, `IKE Responder: No matching phase 1 ID found …`,
 * `L2TP Server : Retransmission Timeout, Deleting the Tunnel`, an L2TP address-pool message, `IKE SA lifetime expired`.
 */

const ROLE = 'swRole';
type Role = 'Responder' | 'Initiator';

/** the role the SonicWall last logged itself in (IKE Responder / IKE Initiator): who stopped answering when it gives up */
const noteRole = (state: FamilyState, role: string | undefined): void => {
  if (role === 'Responder' || role === 'Initiator') state[ROLE] = role;
};

/** a notification the other side sent (`Received notify: NO_PROPOSAL_CHOSEN`, or `Received notify. …` as the test script writes it) */
function notify(name: string): Hit {
  const t = notifyByName(name);
  const label = t ? `${t.name} (${t.code})` : name;
  if (t?.name === 'NO_PROPOSAL_CHOSEN') return { decoded: [d('ikeNotify', { name: label }), d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
  if (t?.name === 'AUTHENTICATION_FAILED') return { decoded: [d('ikeRejectedByPeer', { notify: label })], outcome: 'failure', cause: 'ike-auth-failed' };
  // (TS_UNACCEPTABLE received: the other side refused the networks this side asked for its IPsec SA, RFC 7296 §3.10.1 — this side asked)
  if (t?.name === 'TS_UNACCEPTABLE') return { decoded: [d('ikeNotify', { name: label, role: 'initiator' }), d('tsMismatch')], outcome: 'failure', cause: 'traffic-selector-mismatch' };
  return { decoded: [d('ikeNotify', { name: label })], outcome: t?.error ? 'warning' : 'info' };
}

/** the proposals of one phase matched nothing: phase 1 the IKE SA's, phase 2 the IPsec SA's (the data tunnel's) */
const noProposal = (phase: 1 | 2): Hit => ({ decoded: [d('swProposalNoMatch', { phase }), d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' });

/**
 * The SonicWall gave up waiting: as responder the PC's next message never came (or could not be read — a differing pre-shared
 * key looks the same: ike-no-mi3), as initiator the other side never answered (ike-responder-unreachable). `IKE negotiation
 * aborted due to timeout` says no role: the last one logged decides; none yet (a newest-first copy), no cause.
 */
function gaveUp(role: Role | undefined, key: 'swNoResponse' | 'swAborted'): Hit {
  if (role === 'Initiator') return { decoded: [d(`${key}Own`)], outcome: 'failure', cause: 'ike-responder-unreachable' };
  if (role === 'Responder') return { decoded: [d(key)], outcome: 'failure', cause: 'ike-no-mi3' };
  return { decoded: [d('swAbortedRoleUnknown')], outcome: 'failure' };
}

/** ISAKMP exchange names the packet trace abbreviates (`OAK AG`: RFC 2409's Oakley Aggressive Mode) */
const EXCHANGES: Record<string, string> = { MM: 'Main Mode', AG: 'Aggressive Mode', QM: 'Quick Mode', INFO: 'Informational', TRANS: 'Transaction (XAUTH / mode config)' };

const PPP_METHODS: Record<string, string> = { PAP: 'PAP', CHAP: 'CHAP', 'MS-CHAP': 'MS-CHAP' };

// (the message may go on — a forum copy of the message column has the addresses after it — so each rule reads only its start)
const RULES: readonly Rule[] = [
  [/^IKE (Responder|Initiator): Received (Main|Aggressive) Mode [Rr]equest \(Phase 1\)/, (m, _p, state) => (noteRole(state, m[1]), step('swIkeRequest', { mode: `${m[2]} Mode` }))],
  [/^IKE (Responder|Initiator): (Main|Aggressive) Mode complete \(Phase 1\)/, (m, _p, state) => (noteRole(state, m[1]), step('swPhase1Complete', { mode: `${m[2]} Mode` }))],
  [/^IKE (Responder|Initiator): Accepting IPsec proposal/i, (m, _p, state) => (noteRole(state, m[1]), step('swPhase2Accepted'))],
  // (89: phase 2 done, the IPsec SA — the data tunnel — is in place: for L2TP/IPsec the L2TP connection comes next)
  [/^IKE negotiation complete\. Adding IPsec SA/i, () => step('swIpsecSaAdded', undefined, 'success')],
  [/^IKE (Responder|Initiator): IPsec proposal (?:does not match|not acceptable)/i, (m, _p, state) => (noteRole(state, m[1]), noProposal(2))],
  [/^(?:IKE (Responder|Initiator): |IKEv2 )IKE proposal does not match/, (m, _p, state) => (noteRole(state, m[1]), noProposal(1))],
  [/^Received notify[.:] ([A-Z][A-Z0-9_]+)/, (m) => notify(m[1]!)],
  // the PC's identity (its IKE ID: an address, a group name) fits no VPN policy's, so no pre-shared key is picked for it
  // (`VPN Policy NOT found for proposed ID type: KEY ID` in the real row's notes)
  [/^IKE Responder: (?:Proposed IKE ID mismatch|No matching phase 1 ID found)/i, (_m, _p, state) => (noteRole(state, 'Responder'), { decoded: [d('swIkeIdMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })],
  // a retransmission is this side's own repeat, not yet a failure: the give-up lines below are
  [/^IKE(?:v2)? (Responder|Initiator): Remote party timeout - Retransmitting IKE(?:v2)? request/, (m, _p, state) => (noteRole(state, m[1]), step('swRetransmit', undefined, 'warning'))],
  [/^IKE (Responder|Initiator): No response - remote party timeout/, (m, _p, state) => (noteRole(state, m[1]), gaveUp(m[1] as Role, 'swNoResponse'))],
  [/^IKE negotiation aborted due to timeout/, (_m, _p, state) => gaveUp(state[ROLE] as Role | undefined, 'swAborted')],
  [/^Received packet retransmission\. Drop duplicate packet/, () => step('swDuplicate', undefined, 'warning')],
  [/^(RECEIVED<<<|SENDING>>>>) ISAKMP OAK (\w+) \(InitCookie [^)]*\) \(([^)]*)\)/, (m) => step(m[1] === 'SENDING>>>>' ? 'swPacketOut' : 'swPacketIn', { exchange: EXCHANGES[m[2]!] ?? m[2]!, payloads: m[3]! })],
  [/^NAT Discovery : (Peer|Local) IPSec Security Gateway behind a NAT\/NAPT Device/i, (m) => step(m[1] === 'Peer' ? 'swNatPeer' : 'swNatLocal')],
  [/^XAUTH Succeeded with VPN/, () => step('swXauthOk', undefined, 'success')],
  // XAUTH is no Windows built-in client's (libreswan-xauth.ts says why): xauth-rejected, no Windows code
  [/^XAUTH Failed with VPN/, () => ({ decoded: [d('xauthFailed')], outcome: 'failure', cause: 'xauth-rejected' })],
  [/^L2TP Server\s*:\s*(?:(RADIUS\/LDAP) reports Authentication Failure|(Local)\s+Authentication Failure|User\s+Name authentication Failure( locally)?)/i, (m) => l2tpLoginFailed(m[1] ? 'RADIUS/LDAP' : 'local')],
  [/^L2TP Server\s*:\s*(RADIUS\/LDAP|Local)\s+Authentication Success/i, (m) => step('swL2tpAuthOk', { where: m[1] === 'Local' ? 'local' : 'RADIUS/LDAP' }, 'success')],
  // (assumed) the PC stopped answering the L2TP control channel: the tunnel is torn down
  [/^L2TP Server\s*:\s*Retransmission Timeout, Deleting the Tunnel/i, () => step('swL2tpRetransmissionTimeout', undefined, 'warning')],
  [/^L2TP Server\s*:\s*Deleting the Tunnel/i, () => step('swL2tpTunnelDeleted')],
  // (assumed) no address left in the L2TP server's IP pool for the PC
  [/^L2TP Server\s*:.*\b(?:(?:IP )?(?:address )?pool\b.*\b(?:empty|exhausted|depleted)|no (?:free|more|available) (?:IP )?address)/i, () => ({ decoded: [d('swL2tpNoAddress')], outcome: 'failure', cause: 'address-pool' })],
  [/^PPP: (PAP|CHAP|MS-CHAP) [Aa]uthentication failed/, (m) => pppLoginFailed(PPP_METHODS[m[1]!]!)],
  [/^PPP: Authentication successful/, () => step('swPppAuthOk', undefined, 'success')],
  [/^L2TP PPP Authentication Failed/i, () => step('swL2tpClientAuthFailed', undefined, 'warning')],
  [/^IPsec Authentication Failed/i, () => step('swEspAuthFailed', undefined, 'warning')],
  [/^IPsec VPN Decryption Failed/i, () => step('swEspDecryptFailed', undefined, 'warning')],
  [/^IKE SA lifetime expired/i, () => step('swIkeSaExpired')],
];

/** the L2TP server refused the PC's user name or password (checked locally or by RADIUS/LDAP): the PC's 691 */
export const l2tpLoginFailed = (where: string): Hit => ({ decoded: [d('swL2tpAuthFailed', { where })], outcome: 'failure', cause: 'credentials-rejected', code: 691 });
/** PPP's own authentication refused (PAP, CHAP, MS-CHAP): the user name or password, the PC's 691 */
export const pppLoginFailed = (method: string): Hit => ({ decoded: [d('swPppAuthFailed', { method })], outcome: 'failure', cause: 'credentials-rejected', code: 691 });

/** a SonicOS event's message text decoded, or null */
export const eventText = (text: string, pre: Prefixed, state: FamilyState): Hit | null => applyRules(RULES, text, pre, state);

/** Message texts a line may start with when a copy holds the message column alone (no time, no table): one test per record. */
export const BARE_MESSAGE = /^(?:IKE(?:v2)? (?:Responder|Initiator): |IKEv2 IKE proposal does not match|Received notify[.:] [A-Z]|IKE negotiation (?:aborted due to timeout|complete\. Adding IPsec SA)|(?:RECEIVED<<<|SENDING>>>>) ISAKMP OAK |NAT Discovery : |L2TP Server ?: |XAUTH (?:Succeeded|Failed) with VPN |Received packet retransmission\. Drop duplicate packet)/;
