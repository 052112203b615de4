import { context, d, step, type FamilyState, type Hit, type Rule } from '../kit';
import { windowsFit } from './windows-ike-settings';

/**
 * strongSwan charon's proposal comparison: the proposals the other side sent and this side's, each pair compared
 * (src/libstrongswan/crypto/proposal.c, src/libcharon/sa/ikev2/tasks/ike_init.c), and the refusal when no pair matched
 * (NO_PROPOSAL_CHOSEN). State kept across lines: what the PC proposed (pcProposals) and which transform types no pair agreed
 * on (proposalMisses), both said again on the refusal line. Spread into strongswan.ts's rule list, in this order.
 */

/**
 * The proposal Windows' built-in IKEv2 client sends first without a custom IPsec policy (3DES, SHA-1,
 * DH group 2 = MODP_1024), as real logs show it: test/fixtures/real/server-logs/charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt
 * (quericy/one-key-ikev2-vpn #124) and Windows 10's remote proposals in hwdsl2/setup-ipsec-vpn #670
 * (`1:IKE:ENCR=3DES;INTEG=HMAC_SHA1_96;PRF=HMAC_SHA1;DH=MODP1024`). Servers that allow only strong suites refuse it.
 */
const WINDOWS_WEAK = /^IKE:3DES_CBC\/HMAC_SHA1_96\/PRF_HMAC_SHA1\/MODP_1024(?:,|$)/; // the first (or only) proposal offered

/** proposal.c's transform type → the step for one pair without it in common, and the reason said again on the refusal. */
const TRANSFORM_MISSES: Readonly<Record<string, { pair: string; refusal: string }>> = {
  ENCRYPTION_ALGORITHM: { pair: 'proposalNoMatchEncr', refusal: 'proposalMissedEncr' },
  INTEGRITY_ALGORITHM: { pair: 'proposalNoMatchInteg', refusal: 'proposalMissedInteg' },
  PSEUDO_RANDOM_FUNCTION: { pair: 'proposalNoMatchPrf', refusal: 'proposalMissedPrf' },
  DIFFIE_HELLMAN_GROUP: { pair: 'proposalNoMatchDh', refusal: 'proposalMissedDh' },
  KEY_EXCHANGE_METHOD: { pair: 'proposalNoMatchDh', refusal: 'proposalMissedDh' },
  EXTENDED_SEQUENCE_NUMBERS: { pair: 'proposalNoMatchEsn', refusal: 'proposalMissedEsn' },
};
const OTHER_TRANSFORM = { pair: 'proposalNoMatchOther', refusal: 'proposalMissedOther' };
const transformMiss = (type: string) => TRANSFORM_MISSES[type] ?? OTHER_TRANSFORM;

/** Remember a transform type no pair of proposals agreed on, once each (there are six), until a match or the refusal. */
function noteProposalMiss(s: FamilyState, type: string): void {
  const misses = (s.proposalMisses as string[] | undefined) ?? [];
  if (!misses.includes(type) && misses.length < 8) s.proposalMisses = [...misses, type];
}

/** Keep what the two sides proposed until the refusal that names them (received: the other side's; configured: this server's). */
function noteProposals(s: FamilyState, kind: string, proposals: string): void {
  if (kind === 'received') s.pcProposals = proposals;
  else if (kind === 'configured') s.serverProposals = proposals;
  else if (kind === 'selected') s.serverProposals = undefined;
}

export const PROPOSAL_RULES: readonly Rule[] = [
  // (`no matching proposal found, sending NO_PROPOSAL_CHOSEN`: strongSwan src/libcharon/sa/ikev1/tasks/quick_mode.c process_r, the
  // responder of a Quick Mode refusing its ESP proposals — pfsense/docs ipsec-troubleshooting.rst "Phase 2 … Mismatch", Responder)
  [/^(?:no acceptable proposal found|no matching proposal found|received proposals (?:inacceptable|unacceptable)|no proposal (?:found|chosen))/i, (_m, _p, s) => {
    const hit: Hit = { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
    // what the PC proposed, from the `received proposals: …` line charon logs just before (same task, proposal.c / ike_init.c)
    // which part of the proposals had nothing in common (proposal.c's `no acceptable %N found` lines of this comparison): said here
    // again, as the reason of this refusal — the comparison lines carry no cause of their own
    const misses = s.proposalMisses as string[] | undefined;
    if (misses) {
      for (const miss of misses) hit.decoded.push(d(`step.${transformMiss(miss).refusal}`, { type: miss }));
      s.proposalMisses = undefined;
    }
    const offered = s.pcProposals as string | undefined;
    if (offered) {
      hit.decoded.push(d('pcProposed', { proposal: offered }));
      // (an initiator's `received proposals` are the responder's answer, not a Windows client's offer)
      if (!s.initiator && WINDOWS_WEAK.test(offered)) hit.decoded.push(d('windowsWeakProposal'));
      s.pcProposals = undefined;
    }
    // what this server allows, from its `configured proposals:` line of the same comparison: the Windows IPsec policy that sends
    // one of them, or that Windows' built-in client can send none (windows-ike-settings.ts)
    const allowed = s.serverProposals as string | undefined;
    if (allowed && !s.initiator) hit.decoded.push(...windowsFit(allowed));
    s.serverProposals = undefined;
    return hit;
  }],
  context(
    /^(received|configured|selected) proposals?: (.*)$/,
    (m, _p, s) => {
      noteProposals(s, m[1]!, m[2]!);
      return step(m[1] === 'selected' ? 'ikeProposalSelected' : m[1] === 'received' ? 'ikeProposalsReceived' : 'ikeProposalsConfigured', { proposal: m[2]! });
    },
    (message, s) => {
      const colon = message.indexOf(': ');
      const kind = message.slice(0, message.indexOf(' '));
      if (colon > 0) noteProposals(s, kind, message.slice(colon + 2));
    },
  ),
  // strongSwan src/libstrongswan/crypto/proposal.c select_algo (DBG2, for each pair of proposals compared): `no acceptable %N found`
  // names the transform type the pair had no algorithm of in common (transform_type_names: ENCRYPTION_ALGORITHM, INTEGRITY_ALGORITHM,
  // PSEUDO_RANDOM_FUNCTION, DIFFIE_HELLMAN_GROUP, 6.x KEY_EXCHANGE_METHOD, EXTENDED_SEQUENCE_NUMBERS) — not "no acceptable proposal
  // found", the failure the rule before takes. When no later pair matches, that is the reason of the NO_PROPOSAL_CHOSEN: the failure line
  // says it again (proposalMisses); a `proposal matches` clears it. No cause here, the refusal's own line gives it
  context(
    /^\s*no acceptable ([A-Z_]+) found$/,
    (m, _p, s) => {
      noteProposalMiss(s, m[1]!);
      return step(transformMiss(m[1]!).pair, { type: m[1]! });
    },
    (message, s) => noteProposalMiss(s, message.trim().slice('no acceptable '.length, -' found'.length)),
  ),
  context(
    /^(?:selecting proposal:|\s*proposal matches)$/,
    (m, _p, s) => {
      if (m[0].endsWith('matches')) s.proposalMisses = undefined;
      return step('ikeProposalCheck');
    },
    (message, s) => {
      if (message.endsWith('matches')) s.proposalMisses = undefined;
    },
  ),
];
