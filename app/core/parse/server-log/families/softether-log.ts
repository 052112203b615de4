import { SOFTETHER_ERRORS } from '../codes/softether';
import { d, step, tagged, type Hit, type Rule } from '../kit';

/**
 * SoftEther VPN Server's server_log lines about a connection's end, a hub's sessions and the PPP sessions of its L2TP and SSTP
 * clients (sstp.ts reads the rest of that log). Texts as SoftEther writes them in the real logs of test/fixtures/real/server-logs
 * (SoftEther issues #1002, #1403, #1545, #2093, #2110); meanings assumed from the texts, codes from src/Cedar/Cedar.h.
 */

/**
 * A connection's end with SoftEther's error code (`Connection "CID-78" terminated by the cause "…" (code 11).`, newer builds `The
 * connection "CID-…" has been terminated due to the reason "…" (Code 5).`): the reason as logged, the code's name, and what it means
 * for the PC where the code is one a server ends a client with (codes/softether.ts).
 */
function terminated(cid: string, reason: string, code: string): Hit {
  const known = SOFTETHER_ERRORS[+code];
  const hit = step('seTerminated', { cid, reason, code: known ? `${code}, ${known.name}` : code }, known?.outcome ?? 'warning');
  if (known?.say) hit.decoded.push(...step(known.say).decoded);
  if (known?.cause) hit.cause = known.cause;
  if (known?.pcCode !== undefined) hit.code = known.pcCode;
  return hit;
}

/** A PPP session of SoftEther's L2TP or SSTP server (`L2TP PPP Session [ip:port]: …`): an address asked for, given, the session's end */
function pppSession(peer: string, text: string): Hit | null {
  if (text === 'Trying to request an IP address from the DHCP server.') return tagged(step('seDhcpRequest', { peer }), { peer });
  const assigned = text.match(/^An IP address is assigned\. IP Address of Client: ([^,]+)(?:, Subnet Mask: [^,]+)?(?:, Default Gateway: ([^,]+))?/);
  if (assigned) return tagged(step('seAddressAssigned', { peer, ip: assigned[1]!, gateway: assigned[2] ?? '?' }, 'success'), { peer });
  // the PPP session ended: a protocol error or the PC hanging up — SoftEther's one text for both
  if (text === 'A PPP protocol error occurred, or the PPP session has been disconnected.') return tagged(step('sePppEnded', { peer }, 'warning'), { peer });
  if (text.endsWith(AUTH_FAILED)) return tagged(pppAuthFailed(text, peer), { peer });
  return null;
}

/**
 * The PC's PPP log-in refused by SoftEther's own PPP server (L2TP, SSTP): src/Cedar/Proto_PPP.c logs `LP_PAP_FAILED` when the hub
 * refused the PC's PAP Authenticate-Request and `LP_MSCHAPV2_FAILED` when it refused its MS-CHAPv2 Response, and answers the PC
 * with MS-CHAPv2's error 691 (its `MsChapV2_ErrorCode = 691`): the PC shows 691. The English text as a real log shows it (SoftEther
 * issue #459, a RADIUS-backed hub: `… PAP (password authentication protocol) user authentication failed.`); the MS-CHAPv2 and CHAP
 * texts assumed to end alike, the protocol read from the words before.
 */
export const AUTH_FAILED = ' user authentication failed.';
export function pppAuthFailed(text: string, peer: string | undefined): Hit {
  const proto = /MS-?CHAP ?v?2/i.test(text) ? 'MS-CHAPv2' : /\bPAP\b|word authentication protocol/i.test(text) ? 'PAP' : /\bCHAP\b|shake authentication protocol/i.test(text) ? 'CHAP' : /\bEAP\b/.test(text) ? 'EAP' : '?';
  return { decoded: [peer ? d('sePppAuthFailed', { peer, proto }) : d('sePppAuthFailedNoPeer', { proto })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
}

const HUB = String.raw`(?:\[HUB "[^"]*"\] )?`;

export const SOFTETHER_LOG_RULES: Rule[] = [
  [/^(?:Connection "(CID-[\w-]+)" terminated by the cause|The connection "(CID-[\w-]+)" has been terminated due to the reason) "([^"]*)" \([Cc]ode (\d+)\)\.$/, (m) => terminated((m[1] ?? m[2])!, m[3]!, m[4]!)],
  [/^(?:\w+ )?PPP Session \[(\S+?):\d+\]: (Trying to request an IP address from the DHCP server\.|An IP address is assigned\. .*|A PPP protocol error occurred, or the PPP session has been disconnected\.|.* user authentication failed\.)$/, (m) => pppSession(m[1]!, m[2]!)],
  // a hub session made for a log-in, and the underlying protocol it runs on ("Legacy VPN - L2TP", "SSTP", "OPENVPN_L2")
  [new RegExp(String.raw`^${HUB}Connection "(CID-[\w-]+)": The new session "(SID-[^"]+)" has been created\. \(IP address: ([^,]+), Port number: \d+, Physical underlying protocol: "([^"]*)"\)$`), (m) =>
    tagged(step('seSessionCreated', { sid: m[2]!, peer: m[3]!, proto: m[4]! }, 'success'), { peer: m[3] })],
  // the client's own report of itself: its product name (a PC's built-in L2TP or SSTP client is "L2TP VPN Client", "SSTP VPN Client") and address
  [new RegExp(String.raw`^${HUB}Session "(SID-[^"]+)": VPN Client details: \(Client product name: "([^"]*)",.*?Client IP address: "([^"]*)"`), (m) =>
    tagged(step('seClientDetails', { sid: m[1]!, client: m[2]!, peer: m[3]! }), { peer: m[3] })],
  // the hub's DHCP server (a Local Bridge's LAN router, or SecureNAT) gave the PC's session an address
  [new RegExp(String.raw`^${HUB}Session "SID-[^"]+": The DHCP server of host "[^"]*" \(([^)]+)\) on this session allocated, for host "(SID-[^"]+)" on another session "[^"]*", the new IP address ([^\s,]+?)\.?$`), (m) =>
    step('seDhcpAllocated', { server: m[1]!, sid: m[2]!, ip: m[3]! }, 'success')],
  // a session's end and its traffic: a session that carried data in both directions worked while it lasted
  [new RegExp(String.raw`^${HUB}Session "(SID-[^"]+)": The session has been terminated\. The statistical information is as follows: Total outgoing data size: (\d+) bytes, Total incoming data size: (\d+) bytes\.$`), (m) =>
    step('seSessionEnded', { sid: m[1]!, out: m[2]!, in: m[3]! })],
];
