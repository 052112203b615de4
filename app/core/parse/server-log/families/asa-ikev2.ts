import { d, step, tagged, type Hit, withRole } from '../kit';

/**
 * The ASA's IKEv2 messages (750xxx, 751xxx), by id, as the "Cisco Secure Firewall ASA Series Syslog Messages" guide gives them
 * (https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html, "Messages 750001 to …"): each starts with the two
 * ends and the user, `Local:<local IP>:<port> Remote:<remote IP>:<port> Username:<user> …` (751xxx may put a blank after each
 * colon), and on 9.x images `IKEv2 ` before the text (`Username:Unknown IKEv2 Negotiation aborted due to ERROR: …`). An address
 * may be IPv6 or a host name: the port is what follows its last colon. `Unknown` is the ASA's word for a peer not yet identified.
 */
const HEAD = /^Local: ?(\S+):(\d+) Remote: ?(\S+):(\d+) Username: ?(\S*)\s+(?:IKEv2 )?(.*)$/;

/** Whether the id is one of these (750xxx, 751xxx). */
export const isIkev2Id = (id: number): boolean => Math.floor(id / 1000) === 750 || Math.floor(id / 1000) === 751;

/**
 * A 750xxx/751xxx message cut after its head (`… Username:Unknown ` and nothing else), as a forum paste or a terminal's wrap leaves
 * it: the guide's messages all have a text after the user, so the next line without a header of its own is that text (detect.ts).
 */
// (EMBLEM's form names the facility too: `%ASA-vpn-4-750003:`)
const IKEV2_HEAD_ONLY = /%(?:ASA|FTD)-(?:[a-z]+-)?\d-75[01]\d{3}: Local: ?\S+ Remote: ?\S+ Username: ?\S*\s*$/;

/**
 * Whether `text` is such a cut message. Asked of every record that a next line may continue (detect.ts, on chunks that hold an
 * ASA id), so the regex runs only when the text's last word is `Username:…` (or follows `Username: `).
 */
export function ikev2HeadOnly(text: string): boolean {
  // most records hold no `Username:` at all: one native search rules them out before the loop from the end (the loop alone, on
  // every record, cost 1.5 % of explain-log; V8's lastIndexOf is no fast search: in its place it cost 6 %)
  if (text.indexOf('Username:') < 0) return false;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && text.charCodeAt(start - 1) > 32) start--;
  if (!text.startsWith('Username:', start) && !text.endsWith('Username: ', start)) return false;
  return IKEV2_HEAD_ONLY.test(text);
}

/** One IKEv2 message: the remote end as the entry's peer, the user unless the ASA did not know it, its meaning by id and text. */
export function ikev2Hit(id: number, text: string, severity: number): Hit {
  const m = text.match(HEAD);
  const peer = m?.[3];
  const user = m?.[5] && !/^(?:Unknown|\*+)$/i.test(m[5]) ? m[5] : undefined;
  return tagged(meaning(id, m ? m[6]! : text, severity, user, peer), { peer, user });
}

function meaning(id: number, rest: string, severity: number, user: string | undefined, peer: string | undefined): Hit {
  switch (id) {
    // 750002 "Received a IKE_INIT_SA request": the first message of an IKEv2 connection (RFC 7296 §1.2 IKE_SA_INIT) reached the ASA
    case 750002:
      return step('asaIkev2Init', { peer: peer ?? '?' });
    // 750003 "Negotiation aborted due to ERROR: error": the ASA gave up this IKEv2 exchange; the error text says why
    case 750003: {
      const reason = rest.match(/ERROR: ?(.*?)\s*$/)?.[1] ?? rest;
      const why = failureOf(reason);
      if (!why) return step('asaIkev2Aborted', { reason }, 'warning');
      why.decoded.unshift(d('step.asaIkev2Aborted', { reason }));
      return why;
    }
    // 750006 "SA UP. Reason: reason", 750007 "SA DOWN. Reason: reason"
    case 750006:
      return step('asaIkev2Up', { reason: rest.match(/Reason: (.*?)\s*$/)?.[1] ?? '' }, 'success');
    case 750007:
      return step('asaSessionDown', { reason: rest.match(/Reason: (.*?)\s*$/)?.[1] ?? rest }, 'warning');
    // 751025 "Group:group-policy IPv4 Address=addr IPv6 address=addr assigned to session": the client's tunnel address
    case 751025: {
      const ip = rest.match(/IPv4 Address=(\S+)/)?.[1];
      if (ip) return step('asaSslAddress', { ip, user: user ?? '?' }, 'success');
      break;
    }
    // 751026 "Client OS: os Client: name version" (AnyConnect over IKEv2)
    case 751026:
      return step('asaSslClient', { client: rest.replace(/^Client OS: /, '') });
  }
  return failureOf(rest) ?? step('asaIke', { text: rest }, severity <= 3 ? 'warning' : 'info');
}

/**
 * What a 750003 error or a 751xxx text says went wrong, by its words (the guide's texts; the 750003 error strings as real ASA
 * logs write them), or undefined:
 * - no IKE proposal in common: 750003 "Failed to find a matching policy" (the PC's IKE_SA_INIT proposals match no `crypto ikev2
 *   policy`), "Received no proposal chosen" (RFC 7296 notify NO_PROPOSAL_CHOSEN, 14);
 * - IKE_AUTH never came: 750003 "Failed to receive the AUTH msg before the timer expired" — the ASA answered IKE_SA_INIT and waited
 *   for the IKE_AUTH request, which never arrived (a large, often fragmented UDP 4500 message);
 * - the peer's authentication did not verify: "Certificate authentication failed" (751006), "Auth exchange failed", notify
 *   AUTHENTICATION_FAILED (24), 750003 "Failed to authenticate the IKE SA" (an FTD's, in a SIEM vendor's raw samples);
 * - the user's password: 751011 "Failed user authentication";
 * - traffic selectors: 750003 "There was no IPSEC policy found for received TS", 751022 "Tunnel rejected: Crypto Map Policy not
 *   found for remote traffic selector …", notify TS_UNACCEPTABLE (38) — the networks the two ends want to join do not match;
 * - no setting for this peer: 751002 "No preshared key or trustpoint configured for self in tunnel group", 751004 "No remote
 *   authentication method configured for peer in tunnel group", 751009 "Unable to find tunnel group for peer", 751010 "Unable to
 *   determine self-authentication method", and 750003 "Failed to locate an item in the database" (assumed: the tunnel group or
 *   key the peer's identity names is not there, as ASA administrators read it);
 * - no address for the client: "IP assignment failed", "address assignment failed" (assumed wording of the IKEv2 address
 *   assignment failure; 737xxx IPAA messages name the pool).
 */
function failureOf(text: string): Hit | undefined {
  if (/matching policy|no proposal chosen|NO_PROPOSAL_CHOSEN|no (?:matching|acceptable) proposal/i.test(text)) return { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
  if (/AUTH msg before the timer/i.test(text)) return { decoded: [d('ikeAuthNeverCame')], outcome: 'failure', cause: 'ike-auth-never-came' };
  if (/Failed user authentication/i.test(text)) return { decoded: [d('asaUserRejected')], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
  if (/Certificate authentication failed|Auth(?:entication)? exchange failed|AUTHENTICATION_FAILED|authentication of (?:the )?(?:remote )?peer failed|Failed to authenticate the IKE SA/i.test(text)) return { decoded: [d('ikeAuthFailed', { id: '' })], outcome: 'failure', cause: 'ike-auth-failed' };
  if (/IPSEC policy found for received TS|Crypto Map Policy not found|TS_UNACCEPTABLE|INVALID_SELECTORS/i.test(text)) return { decoded: [d('tsMismatch')], outcome: 'failure', cause: 'traffic-selector-mismatch' };
  if (/No preshared key or trustpoint|No remote authentication method|Unable to find tunnel group|self-authentication method|locate an item in the database/i.test(text)) return { decoded: [d('asaIkev2NoPeerConfig')], outcome: 'failure' };
  if (/(?:IP|address) assignment failed/i.test(text)) return { decoded: [d('asaNoClientAddress')], outcome: 'failure', cause: 'address-pool' };
  return undefined;
}

/**
 * The ASA's `debug crypto ikev2 protocol|platform <level>` console output (Cisco TAC documents 115935 "ASA IKEv2 Debugs for
 * Site-to-Site VPN with PSKs" and 116158 "ASA IKEv2 Debugs for Remote Access VPN Troubleshooting" show it): `IKEv2-PROTO-<level>:
 * (<IKE SA id>): text` (or with no SA id, `IKEv2-PLAT-<level>: text`). On a failed IKE_SA_INIT the ASA lists the peer's proposals
 * under `Received Policies:` and its own under `Expected Policies:`, one `Proposal <n>: <encryption> <PRF> <integrity>
 * DH_GROUP_<bits>_MODP/Group <n>` line each (no debug head: a line of its own). A copy may have lost the line's first letter
 * (`KEv2-PROTO-5: …`, a real blog paste).
 */
export const IKEV2_DEBUG = /^I?KEv2-(?:PROTO|PLAT)-\d: (?:\((\d+)\): )?(.*?)\s*$/;
export const IKEV2_POLICY = /^Proposal (\d+): (\S+) (\S+) (\S+) (DH_GROUP_\S+(?: ?\/ ?Group \d+)?)\s*$/;

/** which list the `Proposal n:` lines that follow belong to (family state): the peer's (`Received Policies:`) or the ASA's own */
const POLICY_LIST = 'asaIkev2PolicyList';
/** the IKE SA id of that list's head: the `Proposal n:` lines' session */
const POLICY_SA = 'asaIkev2PolicySa';

export function ikev2DebugHit(text: string, state: Record<string, unknown>): Hit | null {
  const policy = text.match(IKEV2_POLICY);
  if (policy) {
    // DH_GROUP_1024_MODP/Group 2: Diffie-Hellman group 2, the 1024-bit MODP group (RFC 7296 §3.3.2 transform type 4; RFC 2409 §6.2)
    // (DH_GROUP_2048_MODP_256_PRIME/Group 24: the 2048-bit MODP group with a 256-bit prime order subgroup, RFC 5114 §2.3)
    const dh = policy[5]!.match(/^DH_GROUP_(\d+)_([A-Z]+)(?:_(\d+)_PRIME)?(?: ?\/ ?Group (\d+))?$/);
    // (written in protocol tokens only, the same in every language: `AES-CBC-256, PRF SHA1, SHA96, DH 2 (MODP 1024)`)
    const group = dh ? `DH ${dh[4] ? `${dh[4]} ` : ''}(${dh[2]} ${dh[1]}${dh[3] ? `/${dh[3]}` : ''})` : policy[5]!;
    const proposal = `${policy[2]}, PRF ${policy[3]}, ${policy[4]}, ${group}`;
    const sa = state[POLICY_SA] as string | undefined;
    return tagged(step(state[POLICY_LIST] === 'expected' ? 'ikeProposalsConfigured' : 'ikeProposalsReceived', { proposal }), { session: sa });
  }
  const m = text.match(IKEV2_DEBUG);
  if (!m) return null;
  const rest = m[2]!;
  if (/^(?:Received|Expected) Policies:$/i.test(rest)) {
    state[POLICY_LIST] = /^E/i.test(rest) ? 'expected' : 'received';
    state[POLICY_SA] = m[1];
  }
  const peer = rest.match(/\[From ([0-9A-Fa-f.:]+?):\d+\//)?.[1];
  return tagged(asInitiator(debugMeaning(rest, state), state), { session: m[1], peer });
}

/** which side of the negotiation the ASA is, as its last `SM Trace->` line marked it, `(I)` or `(R)` (family state) */
const SIDE = 'asaIkev2Side';
/** the ASA's peer ID check failed (family state): the database lookup it reports next is that check's, no missing setting */
const PEER_ID_FAILED = 'asaIkev2PeerIdFailed';
/** the type of the tunnel group the ASA took for this peer, `L2L` or `RA` (family state) */
const GROUP_TYPE = 'asaIkev2GroupType';

/**
 * A debug text's meaning. The ASA's platform debug checks the peer's IKE identity against its certificate (`peer-id-validate`,
 * Cisco document 117337: `Peer ID check started, received ID type: IPv4 address`, `Peer ID check: failed to retreive IP from SAN`,
 * `Peer ID check failed`, then `Failed to locate an item in the database` and `Auth exchange failed`): the identity the other side sent
 * is not in its certificate's subject alternative name — the certificate is refused for that peer, an authentication failure (a
 * Windows client's 13801). The same document's `Unsupported cert encoding found or Peer requested HTTP URL but never sent
 * HTTP_LOOKUP_SUPPORTED Notification`: the other side (an IOS router with `crypto ikev2 http-url cert`) sent its certificate as a URL
 * the ASA does not fetch — authentication fails too.
 */
function debugMeaning(rest: string, state: Record<string, unknown>): Hit {
  // (`SM Trace-> SA: I_SPI=… R_SPI=… (I) MsgID = …`, joined when a copy wrapped it: detect.ts continuesIosIkev2)
  if (rest.startsWith('SM Trace->')) {
    const side = rest.match(/\((I|R)\) MsgID\b/)?.[1];
    if (side) state[SIDE] = side === 'I' ? 'initiator' : 'responder';
  }
  // (`(172) tunn grp type set to: L2L`: the tunnel group found for the peer is a LAN-to-LAN one — the other side is a router or a
  // gateway, not a PC; `RA` a remote-access one)
  const type = rest.match(/tunn grp type set to: (\S+)/)?.[1];
  if (type) state[GROUP_TYPE] = type;
  if (/^Peer ID check failed\b/i.test(rest)) {
    state[PEER_ID_FAILED] = true;
    return { decoded: [d('asaIkev2PeerIdFailed')], outcome: 'failure', cause: 'ike-auth-failed' };
  }
  if (/Peer requested HTTP URL but never sent/i.test(rest)) return { decoded: [d('asaIkev2HttpUrlCert')], outcome: 'failure', cause: 'ike-auth-failed' };
  if (state[PEER_ID_FAILED] === true && /locate an item in the database/i.test(rest)) {
    delete state[PEER_ID_FAILED];
    return step('asaIke', { text: rest }, 'warning');
  }
  return failureOf(rest) ?? step('asaIke', { text: rest });
}

/**
 * An IKE cause of an ASA that started the negotiation (a LAN-to-LAN peer it dials, `(I)`) is worded for the side that initiated
 * (findings.ts causeAsInitiator), the other side being the responder; of an ASA that answered a LAN-to-LAN peer (its tunnel group's
 * type `L2L`), for a site-to-site tunnel (causeAsSite): no PC is involved in either.
 */
function asInitiator(hit: Hit, state: Record<string, unknown>): Hit {
  if (hit.cause !== 'ike-auth-failed' && hit.cause !== 'ike-no-proposal') return hit;
  const role = state[SIDE] === 'initiator' ? 'initiator' : state[GROUP_TYPE] === 'L2L' ? 'site' : undefined;
  if (role) hit.decoded = hit.decoded.map((dd) => withRole(dd, role));
  return hit;
}
