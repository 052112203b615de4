import { d, fallback, step, type Rule } from '../kit';

/**
 * IOS's `debug radius` and `debug aaa authentication|authorization` lines around a PPP log-in (a PC's PPTP or L2TP call, a PPPoE
 * client): the router's exchange with its RADIUS server and its AAA steps. A real IOS-XE CSR1000v PPPoE server's console (search index
 * file 2478681605) shows `RADIUS(0000001E): Sending a IPv4 Radius Packet`, `RADIUS(0000001E): Started 5 sec timeout`, `RADIUS: Received
 * from id 1645/9 192.168.18.12:1812, Access-Accept, len 55`, `RADIUS/ENCODE(0000001E):Orig. component type = PPPoE`, `AAA/BIND(0000001C):
 * Bind i/f Virtual-Template1`, `AAA/AUTHEN/PPP (0000001C): Pick method list 'default'`. The hex number is the AAA unique id of the
 * session (Cisco IOS Security Configuration Guide, "AAA Unique ID"); the answer's packet type is RFC 2865's (Access-Accept,
 * Access-Reject, Access-Challenge) or RFC 2866's (Accounting-Response).
 * `RADIUS: No response from (server:auth,acct) for id …` and `RADIUS: Retransmit to (…) for id …` are the router's waits for a
 * server that does not answer (the wording assumed from Cisco's `debug radius` samples; no real copy here).
 * Claimed only under IOS's own time header (ios.ts claims): another program's `RADIUS: …` line is not IOS's.
 */
export const RADIUS_HEAD = /^(?:RADIUS(?:\/\w+)?(?:\(\w+\))?: ?|AAA\/[\w/]+ ?\(\w+\): ?)/;

export const IOS_RADIUS_RULES: Rule[] = [
  [/^RADIUS: Received from id \S+ (\S+?):(\d+), (Access-Accept|Access-Reject|Access-Challenge|Accounting-[Rr]esponse), len \d+\s*$/, (m) => {
    // Access-Reject: the RADIUS server refused the user (RFC 2865 §4.3) — the PC sees error 691 (the router's MS-CHAP FAILURE after it says so too)
    if (m[3] === 'Access-Reject') return { decoded: [d('radiusReject')], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
    return step('iosRadiusAnswer', { server: m[1]!, packet: m[3]! }, m[3] === 'Access-Accept' ? 'success' : 'info');
  }],
  [/^RADIUS: No response from \((\S+?)(?::\d+(?:,\d+)?)?\) for id \S+\s*$/, (m) => ({ decoded: [d('radiusNoReply', { server: m[1]! })], outcome: 'failure', cause: 'radius-unreachable' })],
  [/^RADIUS: Retransmit to \((\S+?)(?::\d+(?:,\d+)?)?\) for id \S+\s*$/, (m) => step('iosRadiusRetransmit', { server: m[1]! }, 'warning')],
  // any other RADIUS or AAA line, also the ones above (catch-alls: never the rule cache's answer)
  fallback(/^RADIUS(?:\/\w+)?(?:\((\w+)\))?: ?(.*?)\s*$/, (m) => step('iosRadiusStep', { text: m[2]! })),
  fallback(/^AAA\/([\w/]+) ?\((\w+)\): ?(.*?)\s*$/, (m) => step('iosAaaStep', { what: m[1]!, text: m[3]! })),
];
