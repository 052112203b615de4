import { applyRules, d, fallback, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { notifyByName, WINDOWS_VENDOR_IDS } from '../codes/ike';
import { MIKROTIK_DEBUG_RULES } from './mikrotik-debug';
import { ovpnRules } from './mikrotik-ovpn';

/**
 * MikroTik RouterOS memory/remote log: `HH:MM:SS topic,topic[,topic] message` (topics such as
 * `pptp,ppp,info`, `ipsec,error`, `l2tp,ppp,account`); forum copies may have lost the time and even
 * the newlines (lines.ts splits those again). Message texts as RouterOS 6/7 logs them.
 */

const TOPICS = new Set(['pptp', 'l2tp', 'sstp', 'ovpn', 'pppoe', 'ppp', 'ipsec', 'ike2', 'firewall', 'radius', 'info', 'error', 'warning', 'debug', 'account', 'critical', 'system', 'packet', 'raw']);

/**
 * RouterOS's IKEv1 daemon is derived from ipsec-tools' racoon: its plog() puts the remote address
 * before a message about one peer (`10.5.107.112 failed to get valid proposal.`), and most messages
 * end in a full stop (ipsec-tools src/racoon/isakmp.c, ipsec_doi.c; MikroTik help "IPsec",
 * Troubleshooting/FAQ, shows both). `PEER` takes that address (or a poster's mask of it, `x.x.x.x`: forum.mikrotik.com thread
 * 1114502), `END` the full stop and any spaces.
 */
const PEER = String.raw`(?:(\d{1,3}(?:\.\d{1,3}){3}|x{1,3}(?:\.x{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)(?:\[\d+\])? )?`;
const END = String.raw`\.?\s*$`;
const ipsec = (body: string): RegExp => new RegExp(`^${PEER}${body}${END}`);

/** racoon's proposal check names the attribute that differs (ipsec-tools ipsec_doi.c, get_ph1approvalx: "rejected %s: DB(prop#%d:trns#%d):Peer(prop#%d:trns#%d) = %s:%s"): the router's value, then the PC's */
const ATTRIBUTES: Record<string, string> = { hashtype: 'mtRejectedHash', enctype: 'mtRejectedCipher', dh_group: 'mtRejectedDhGroup', authmethod: 'mtRejectedAuthMethod', lifetime: 'mtRejectedLifetime' };

const PEER_GONE = /^peer (?:is )?not responding\.?$/;

/** VPN ports by protocol (IANA service names registry: pptp 1723/tcp, isakmp 500/udp, ipsec-nat-t 4500/udp, l2tp 1701/udp; SSTP uses https 443/tcp) */
const VPN_PORTS: Record<string, string> = { 'TCP 1723': 'PPTP', 'UDP 500': 'IKE', 'UDP 4500': 'IPsec NAT-T', 'UDP 1701': 'L2TP', 'TCP 443': 'SSTP/HTTPS' };

/**
 * A firewall rule's log line (RouterOS prints `<chain>: in:<iface> out:<iface>, src-mac …, proto TCP (ACK,PSH), src:port->dst:port,
 * len n`, or `proto 47, src->dst, len n` for a protocol without ports; MikroTik help "Firewall", log action). The chain says where
 * the packet went: `input` to the router itself, `forward` through it, `output` from it (MikroTik help "Packet Flow in RouterOS").
 * The destination port says which service the packet was for — the PC's PPTP control connection, IKE, NAT-T, L2TP — so it is
 * named when it is a VPN port; the sender is the outside side of a packet to the router, the receiver of one from it.
 * m[1] chain, m[2] protocol, m[3] TCP flags, m[4] source, m[5] destination, m[6] destination port (TCP/UDP only).
 */
/** A firewall line's protocol as said: GRE by its name and number (RouterOS prints `47` or `GRE`), any other as printed. */
const protocolName = (proto: string): string => (proto === '47' || proto === 'GRE' ? 'GRE (47)' : proto);
const FIREWALL_KEYS: Record<string, string> = { input: 'mtFirewallInput', forward: 'mtFirewallForward', output: 'mtFirewallOutput' };
function firewallPacket(m: RegExpMatchArray): Hit {
  const proto = m[6] === undefined ? protocolName(m[2]!) : `${m[2]} ${m[6]}`;
  const name = VPN_PORTS[proto];
  const hit = step(FIREWALL_KEYS[m[1]!]!, { proto: name ? `${proto} (${name})` : proto, src: m[4]!, dst: m[5]! });
  // TCP's control flags (RFC 9293 §3.1): a SYN without ACK opens a connection, FIN closes the sender's side, RST breaks it off
  const flags = m[3]?.split(',') ?? [];
  if (flags.includes('SYN') && !flags.includes('ACK')) hit.decoded.push(d('mtTcpSyn'));
  if (flags.includes('FIN')) hit.decoded.push(d('mtTcpFin'));
  if (flags.includes('RST')) hit.decoded.push(d('mtTcpRst'));
  return tagged(hit, { peer: m[1] === 'input' ? m[4] : m[1] === 'output' ? m[5] : undefined });
}

/**
 * IKEv2 payload names as RouterOS 7's ipsec debug prints them (`processing payload: ID_I`): the RFC 7296 §3.2 payload types by
 * their short names (plus the IKEv1 ones racoon's debug names the same way). Only these: a word after the colon that names no
 * payload is not this message.
 */
const IKE_PAYLOAD = String.raw`(SA|KE|ID_I|ID_R|IDi|IDr|ID|CERT|CERTREQ|AUTH|HASH|SIG|NONCE|Ni|Nr|NOTIFY|N|DELETE|D|VID|V|TS_I|TS_R|TSi|TSr|SK|ENC|CP|EAP|SKF|NAT-D|NAT_D|NAT-OA)`;

/** An identity as RouterOS prints it (`ADDR4:8.215.24.90`): the address alone when it is one (the peer), else undefined */
const idAddress = (id: string): string | undefined => id.match(/^ADDR[46]:(\S+)$/)?.[1];

/**
 * `ID_I (ADDR4): 34.101.118.166`: an ID payload's type and value (RFC 7296 §3.5). An address or name has no space, so only its
 * first word is the value (a person's note after it is not); a distinguished name (DER_ASN1_DN) keeps its spaces.
 */
function ikeId(m: RegExpMatchArray): Hit {
  const type = m[2]!;
  const value = /DN$/.test(type) ? m[3]!.trim() : m[3]!.trim().split(/\s/)[0]!;
  return step(m[1] === 'ID_I' ? 'mtIkeIdInitiator' : 'mtIkeIdResponder', { id: value, type });
}

/**
 * `reply notify: AUTHENTICATION_FAILED`: the notification the router puts in its answer (RFC 7296 §3.10.1; assumed from the
 * message text, RouterOS's source is closed). An error type is a failure; its reason is the error line before it (`identity not
 * found …`, a refused proposal), so only NO_PROPOSAL_CHOSEN and TS_UNACCEPTABLE — each the reason itself — give a cause here: a second cause for the one
 * failure would name two findings where there is one.
 */
/**
 * "got fatal error: <NOTIFY>": the other side's error notify ended the IKEv2 exchange (as RouterOS users quote the line: a RouterOS
 * client against a Palo Alto, a forum copy in search index file 15033283117; against Libreswan, hwdsl2/setup-ipsec-vpn #1112).
 * AUTHENTICATION_FAILED: this side's IKE authentication was refused, as pluto's "rejected by peer" (libreswan.ts)
 */
function fatalNotify(name: string): Hit {
  const t = notifyByName(name);
  if (t?.name === 'AUTHENTICATION_FAILED') return { decoded: [d('ikeRejectedByPeer', { notify: t.name })], outcome: 'failure', cause: 'ike-auth-failed' };
  const hit: Hit = { decoded: [d('mtFatalNotify', { name: t ? `${t.name} (${t.code})` : name })], outcome: 'failure' };
  if (t?.name === 'NO_PROPOSAL_CHOSEN') hit.cause = 'ike-no-proposal';
  return hit;
}

function replyNotify(m: RegExpMatchArray): Hit {
  const t = notifyByName(m[1]!);
  const hit: Hit = { decoded: [d('mtReplyNotify', { name: t ? `${t.name} (${t.code})` : m[1]! })], outcome: t?.error ? 'failure' : 'info' };
  if (t?.name === 'NO_PROPOSAL_CHOSEN') hit.cause = 'ike-no-proposal';
  // TS_UNACCEPTABLE (38): the peer's traffic selectors fit no policy the responder has — on RouterOS no policy (template) for them
  if (t?.name === 'TS_UNACCEPTABLE') {
    hit.decoded.push(d('mtTsUnacceptable'));
    hit.cause = 'traffic-selector-mismatch';
  }
  return hit;
}

/**
 * Peers whose phase 1 already failed on a wrong pre-shared key, kept per input. racoon keeps such a phase 1 until its retries
 * run out (isakmp_ph1resend): a packet it cannot decrypt is dropped, and the wait that follows ends in "phase1 negotiation
 * failed due to time up" (a MikroTik user's L2TP test with a wrong IPsec secret: five "parsing packet failed, possible cause:
 * wrong password" lines, then one time-up, Onoro/Mikrotik README). That time-up is the same failure, not UDP 4500 being
 * blocked. Not a refused proposal: that phase 1 ends at once ("phase1 negotiation failed."), so a later time-up for the same
 * address is another exchange (a scanner's second try in the fixture routeros7-memory-log-ipsec-scanner-…, other cookies).
 */
const WRONG_KEY_PEERS = 'mtWrongKeyPeers';
function rememberWrongKey(hit: Hit, state: FamilyState): Hit {
  if (hit.peer) ((state[WRONG_KEY_PEERS] as Set<string> | undefined) ?? (state[WRONG_KEY_PEERS] = new Set<string>()) as Set<string>).add(hit.peer);
  return hit;
}

/**
 * Peers the router itself started IKE with, kept per input: `initiate new phase 1 (Identity Protection): <router>[500]<=><peer>[500]`
 * (racoon isakmp.c isakmp_ph1begin_i, "initiate new phase 1 negotiation: %s<=>%s"; RouterOS names the mode as in its `respond new
 * phase 1 (Identity Protection)`, assumed the same for this line). That is the router dialing out — its own L2TP/IPsec client or
 * a site-to-site peer (a MikroTik L2TP client to a Libreswan server: "phase 1 negotiation failed due to time up",
 * hwdsl2/setup-ipsec-vpn#455) — so a failure with that peer is the other side's (the responder's), not a PC's.
 */
const INITIATED_PEERS = 'mtInitiatedPeers';
function initiatePhase1(mode: string | undefined, peer: string | undefined, state: FamilyState): Hit {
  if (peer) ((state[INITIATED_PEERS] as Set<string> | undefined) ?? (state[INITIATED_PEERS] = new Set<string>()) as Set<string>).add(peer);
  if (!peer) return step('mtIkeInitiateNoPeer');
  return tagged(step('mtIkeInitiate', { peer, mode: mode === 'Identity Protection' || mode === undefined ? 'Main' : mode }), { peer });
}
const initiatedBy = (peer: string | undefined, state: FamilyState): boolean => peer !== undefined && (state[INITIATED_PEERS] as Set<string> | undefined)?.has(peer) === true;

/** A refused proposal: the PC's (ike-no-proposal) — or, with a peer the router started IKE with, this side's and the responder's */
function noProposal(peer: string | undefined, state: FamilyState): Hit {
  return { decoded: [d('ikeNoProposal', initiatedBy(peer, state) ? { role: 'initiator' } : undefined)], outcome: 'failure', cause: 'ike-no-proposal', peer };
}

/** the vendor-ID names that mark a Windows IKE peer (codes/ike.ts), as racoon prints them by name */
const WINDOWS_VENDOR_NAMES = new Set(Object.values(WINDOWS_VENDOR_IDS));

/** the mode racoon names (`Identity Protection`, `Aggressive Mode`, `Main Mode`) as the texts' `{{mode}} Mode` wants it: Main, Aggressive */
const ikeV1Mode = (mode: string): string => (mode === 'Identity Protection' ? 'Main' : mode.replace(/ Mode$/, ''));

/** A phase 1 time-up: the PC stopped answering (ike-no-mi3) — unless this peer's phase 1 already failed on a wrong pre-shared key */
function phase1TimeUp(peer: string | undefined, state: FamilyState): Hit {
  if (peer && (state[WRONG_KEY_PEERS] as Set<string> | undefined)?.has(peer)) return tagged(step('mtPhase1TimeoutAfterWrongKey', { peer }, 'warning'), { peer });
  // the router's own IKE to a peer it dials: that peer (the responder) never answered in time
  if (initiatedBy(peer, state)) return { decoded: [d('mtPhase1TimeoutOwn', { peer: peer!, role: 'initiator' })], outcome: 'failure', cause: 'ike-responder-unreachable', peer };
  return { decoded: [d('mtPhase1Timeout')], outcome: 'failure', cause: 'ike-no-mi3', peer };
}

/**
 * Whose PPP session a line is about: `<pptp-anna>` / `<203.0.113.5>` (a session of the router's PPP server, named by user or
 * address) or the router's own client interface (`l2tp-out1`, `sstp-out1`: RouterOS dialing out, its default names
 * `<protocol>-out<n>`; MikroTik help "L2TP", "SSTP" client). Only the default shape is taken for a client: any word before a
 * colon is not a session.
 */
const CLIENT_IFACE = String.raw`((?:pptp|l2tp|sstp|ovpn|pppoe)-[\w.-]+)`;
const SESSION_NAME = String.raw`(?:<([^>]+)>|${CLIENT_IFACE})`;
/** a session named by an address (IPv4, or IPv6 with its colons) */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)$/i;

/**
 * The text of a line about the router's own client interface: a PPPoE client (`pppoe-out1`) is, as a rule, the router's own
 * internet line to its provider (a DSL or fibre log-in; assumed from how RouterOS's PPPoE client is used), not a VPN — its
 * texts say so (`<key>Pppoe`)
 */
const ownLinkKey = (key: string, iface: string): string => (iface.startsWith('pppoe-') ? `${key}Pppoe` : key);

/** A PPP session step: m[1] the server session's name, m[2] the client interface, m[3] the word, m[4] a reason after ` - ` */
function pppSession(m: RegExpMatchArray): Hit {
  const client = m[1] === undefined;
  // a server session is named by the PC's address until its log-in names it by user (`<203.0.113.5>: authenticated`, then
  // `<l2tp-anna>: connected`): an address is the peer, never a user name (it was taken for one)
  const address = !client && ADDRESS.test(m[1]!) ? m[1] : undefined;
  const user = client || address ? undefined : m[1]!.replace(/^(?:pptp|l2tp|sstp|ovpn|pppoe)-/, '');
  const reason = m[4];
  // "TLS failed": the TLS handshake under an SSTP or OpenVPN session did not complete (RouterOS's words; the router's own
  // ovpn-out1 dialing a SoftEther server logged `ovpn-out1: terminating... - TLS failed`, SoftEtherVPN issue #333, RouterOS
  // 6.43.4). Which certificate or setting is at fault the line does not say: the side is what it tells
  if (reason === 'TLS failed') return tagged({ decoded: [d(client ? 'mtOwnTlsFailed' : 'mtTlsFailed', client ? { iface: m[2]! } : undefined)], outcome: 'failure' }, { user, peer: address });
  // "terminating... - peer is not responding": the keepalive time-out of RouterOS's PPP servers — "If no traffic and no keepalive
  // responses have come for that period of time (i.e. 2 * keepalive-timeout), not responding client is proclaimed disconnected"
  // (MikroTik help "PPTP", "L2TP", "SSTP", "OpenVPN" server keepalive-timeout): the PC vanished, as pppd's LCP echo time-out says;
  // on the router's own client interface the silent side is the server it dials
  if (reason !== undefined && PEER_GONE.test(reason)) return tagged({ decoded: [d(client ? ownLinkKey('mtServerNotResponding', m[2]!) : 'mtPeerNotResponding', client ? { iface: m[2]! } : undefined)], outcome: 'warning' }, { user, peer: address });
  // "hungup": the other side ended the PPP session (its Terminate-Request, or the tunnel closed under it; assumed from the word)
  if (reason === 'hungup') return tagged(step('mtHungUp', undefined, 'info'), { user, peer: address });
  // the router dialing out was refused by the server it dials: the user name or password on its client interface (assumed from the text)
  // …but a server session's (`<sstp-bob>: …`, the brackets RouterOS puts round a dial-in's dynamic interface) "authentication failed"
  // is the dialling PC's log-in refused, as `<l2tp-0>: authentication failed` says (assumed: no real copy of this form here)
  if (reason === 'authentication failed' && !client) return tagged({ decoded: [d('mtAuthFailed', { reason: '' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user, peer: address });
  if (reason !== undefined && /^(?:failed to authenticate ourselves to peer|authentication failed)$/.test(reason)) return { decoded: [d(ownLinkKey('mtOwnAuthFailed', (m[2] ?? m[1])!), { iface: (m[2] ?? m[1])! })], outcome: 'failure' };
  return tagged(step('mtSession', { what: m[3]! }, m[3] === 'authenticated' || m[3] === 'connected' ? 'success' : 'info'), { user, peer: address });
}

/** the protocol a RouterOS topic list starts with (`ovpn,info …`), when it names one of its TCP servers' */
function tcpServerOf(pre: Prefixed): string | undefined {
  const m = bodyOf(pre).match(TOPIC_HEAD);
  const first = m ? topicsOf(m[1]!)[0] : undefined;
  return first === 'pptp' || first === 'sstp' || first === 'ovpn' ? first : undefined;
}

/**
 * `TCP connection established from <addr>`: RouterOS's PPTP, SSTP and OpenVPN servers all print it when a TCP connection comes
 * in (the topic says which: `pptp,info`, `sstp,info`, `ovpn,info`; forum.mikrotik.com thread 213051 shows the `ovpn,info` one).
 * Without a topic (bsd-syslog remote logging drops it) it is read as PPTP's, as before. The sender is not called the PC: the
 * line is logged for any TCP connection to the port, a scanner's too (fixture routeros6-pptp-firewall-log-session-end-…, line 36:
 * a host after the PC's session had ended).
 */
function tcpConnection(peer: string, pre: Prefixed): Hit {
  const server = tcpServerOf(pre);
  const key = server === 'sstp' ? 'mtTcpConnectionSstp' : server === 'ovpn' ? 'mtTcpConnectionOvpn' : 'mtTcpConnectionPptp';
  // (a person's `...` in the address's place is said as written, and is no peer)
  return tagged(step(key, { peer }), { peer: /[\da-f]/i.test(peer) ? peer : undefined });
}

const RULES: Rule[] = [
  [/^<([^>]+)>: authentication failed: peer didn't respond to CHAP challenge$/, (m) => ({ decoded: [d('noChapResponse')], outcome: 'failure', cause: 'pc-no-chap-response', peer: /^\d/.test(m[1]!) ? m[1] : undefined })],
  // any other authentication failure, also the one the rule above names (a fallback: never the rule cache's answer for it)
  fallback(/^<([^>]+)>: (?:authentication failed|user (\S+) authentication failed)(?:: (.*))?$/, (m) => ({ decoded: [d('mtAuthFailed', { reason: m[3] ?? '' })], outcome: 'failure', cause: /radius.*(?:timeout|not respond)/i.test(m[3] ?? '') ? 'radius-unreachable' : 'credentials-rejected', code: 691, user: m[2], peer: /^\d/.test(m[1]!) ? m[1] : undefined })),
  [/^(?:user )?(\S+) authentication failed$/, (m) => ({ decoded: [d('mtAuthFailed', { reason: '' })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user: m[1] })],
  [new RegExp(`^${SESSION_NAME}: (authenticated|connected|disconnected|waiting for call\\.\\.\\.|terminating\\.\\.\\.(?: - (.*))?)$`), (m) => pppSession(m)],
  // a client interface named by the administrator (`usuario-fs`, not `pptp-out1`): only this reason tells it is the router's own
  // client — the PPP side that authenticates itself to the other is the one that dials (pppd's own words, auth.c) — so any name
  // is taken here, and no other step of such an interface is (a word before a colon is not a session). Seen on RouterOS remote
  // syslog with the identity after the topics, `pptp,ppp,info <identity>: usuario-fs: terminating... - failed to authenticate
  // ourselves to peer` (a project's notes on a MikroTik sending to its syslog server, 438 such lines, search index file id
  // 59002693929); read() takes the identity off
  [/^([\w.@-]+): terminating\.\.\. - failed to authenticate ourselves to peer$/, (m) => ({ decoded: [d(ownLinkKey('mtOwnAuthFailed', m[1]!), { iface: m[1]! })], outcome: 'failure' })],
  // a PPP interface the administrator named (`L2TP-IF: connected`: an L2TP server binding, `/interface l2tp-server add
  // name=L2TP-IF user=…`, in the Winbox copy of fixture routeros-winbox-copy-l2tp-debug-…; or a client interface): a session step
  // like `<user>: connected`, said without a side (the name does not tell which). Only under a ppp topic: elsewhere a word
  // before a colon is not a session
  fallback(/^([A-Za-z][\w.@-]*): (authenticated|connected|disconnected)$/, (m, pre) => (topicsOf(bodyOf(pre).match(TOPIC_HEAD)?.[1] ?? '').includes('ppp') ? tagged(step('mtSession', { what: m[2]! }, m[2] === 'disconnected' ? 'info' : 'success'), { session: m[1] }) : null)),
  // the router's own client interface dialing out (`l2tp-out1: initializing...`, `connecting...`)
  [new RegExp(`^${CLIENT_IFACE}: (?:initializing|connecting|dialing)\\.\\.\\.$`), (m) => step(ownLinkKey('mtClientDialing', m[1]!), { iface: m[1]! })],
  [/^<([^>]+)>: using encoding - (MPPE\d+) (stateless|stateful)$/, (m) => step('mppeUp', { mppe: (m[2] === 'MPPE40' ? 0x20 : m[2] === 'MPPE56' ? 0x80 : 0x40) | (m[3] === 'stateless' ? 0x01000000 : 0) }, 'success')],
  [/^<([^>]+)>: (?:encryption required|MPPE required but not supported|could not negotiate encryption).*$/i, () => ({ decoded: [d('mppeNegotiationFailed')], outcome: 'failure', cause: 'mppe-unavailable' })],
  // the PPP account lines (`pptp,ppp,info,account`): at log-in the tunnel address the PC got, at log-out the session's time in
  // seconds and its counters; RouterOS 7 adds ` from <the PC's address>` to both (MikroTik help "Syslog with Elasticsearch", its
  // grok patterns: "%{USERNAME} logged in, %{IP:client.ip} from %{IP:source.ip}", "… logged out, %{INT:event.duration} %{INT}
  // %{INT} %{INT} %{INT} from %{IP}"). The four counters are assumed to be bytes in, bytes out, packets in, packets out (as RADIUS
  // accounting counts them; the order is not documented), so they are given without a direction
  [/^(\S+) logged in, (\S+?)(?: from (\S+))?$/, (m) => tagged(step('mtLoggedIn', { user: m[1]!, ip: m[2]! }, 'success'), { user: m[1], peer: m[3] })],
  [/^(\S+) logged out, (\d+) (\d+) (\d+) (\d+) (\d+)(?: from (\S+))?$/, (m) => tagged(step('mtLoggedOut', { user: m[1]!, seconds: m[2]!, bytes: `${m[3]} / ${m[4]}`, packets: `${m[5]} / ${m[6]}` }), { user: m[1], peer: m[7] })],
  fallback(/^(\S+) logged (in|out), (.*)$/, (m) => tagged(step('mtAccount', { user: m[1]!, what: m[2]! }, 'success'), { user: m[1] })),
  // the PPP profile's only-one=yes: a second log-in of a user already connected is refused (MikroTik help "PPP AAA", profile
  // only-one; the message text from MikroTik help "Syslog with Elasticsearch": "user %{DATA} is already active")
  [/^(?:<([^>]+)>: )?user (\S+) is already active$/, (m) => tagged({ decoded: [d('mtAlreadyActive', { user: m[2]! })], outcome: 'failure' }, { user: m[2], peer: m[1] && /^\d/.test(m[1]) ? m[1] : undefined })],
  [/^respond new phase 1 \((Identity Protection|Aggressive Mode|Main Mode)\): (\S+?)\[\d+\]<=>(\S+?)\[\d+\]$/, (m) => tagged(step('ikeV1Respond', { mode: ikeV1Mode(m[1]!), peer: m[3]! }), { peer: m[3] })],
  // (its addresses left out, a person's `…` or `...` in their place: the mode alone, as `respond new phase 1 (Identity Protection): ...`
  // in a project's notes on a RouterOS's syslog lines, search index file 59002693929)
  fallback(/^respond new phase 1 \((Identity Protection|Aggressive Mode|Main Mode)\)(?::.*)?$/, (m) => step('mtIkeV1RespondNoPeer', { mode: ikeV1Mode(m[1]!) })),
  [/^initiate new phase 1(?: negotiation)?(?: \(([\w ]+)\))?: \S+?\[\d+\]<=>(\S+?)\[\d+\]$/, (m, _pre, state) => initiatePhase1(m[1], m[2], state)],
  // (any other shape of the line: the router starts IKE, its peer not read)
  fallback(/^initiate new phase 1\b.*$/, (_m, _pre, state) => initiatePhase1(undefined, undefined, state)),
  // racoon's steps before a phase 1 the router starts, under RouterOS's bare `ipsec` topic (its debug): the kernel's acquire (a
  // policy's traffic has no SA), the policy found for it, the peer's IKE version, the IPsec SA request put off until phase 1 is up
  // (ipsec-tools isakmp.c isakmp_post_acquire: "IPsec-SA request for %s queued due to no phase1 found."), each phase 1 message sent
  // with its cookies — the responder's all zeros until the other side has answered (RFC 2408 §3.1). A RouterOS L2TP/IPsec client's
  // `/log print` shows them in that order (pastebin 6TRwKsNG, fixture routeros-l2tp-client-ipsec-debug-acquire-…); the wording
  // of acquire, policy and peer lines is RouterOS's own (assumed from the words)
  [/^acquire for (\S+) <=> (\S+)$/, (m) => step('mtIpsecAcquire', { src: m[1]!, dst: m[2]! })],
  [/^suitable policy found: (\S+) <=> (\S+?)(?: ip-proto:(\d+))?$/, (m) => step('mtIpsecPolicyFound', { src: m[1]!, dst: m[2]! })],
  [/^peer is (IKEv1|IKEv2)$/, (m) => step('mtIpsecPeerVersion', { version: m[1]! })],
  [/^IPsec-SA request for (\S+) queued due to no phase1 found\.?$/, (m) => step('mtIpsecSaQueued', { peer: m[1]! })],
  [/^sent phase1 packet \S+?\[\d+\]<=>(\S+?)\[\d+\] [0-9a-f]{16}:([0-9a-f]{16})$/, (m) => step(/^0+$/.test(m[2]!) ? 'mtPhase1FirstSent' : 'mtPhase1Sent', { peer: m[1]! })],
  // the other side's vendor IDs (ipsec-tools vendorid.c handle_vendorid: "received Vendor ID: %s" for a known one, "received broken
  // Microsoft ID: %s" for Windows' MS NT5 ISAKMPOAKLEY, whose ID carries its version after the hash): Windows' names say the peer is a
  // Windows IKE client, as strongSwan's and Libreswan's vendor-ID lines do (codes/ike.ts WINDOWS_VENDOR_IDS)
  [/^received (?:Vendor ID|broken Microsoft ID): (.+?)\s*$/, (m) => (WINDOWS_VENDOR_NAMES.has(m[1]!) ? step('windowsVendorId', { name: m[1]! }) : step('vendorId', { name: m[1]! }))],
  [/^ISAKMP-SA established .*$/, () => step('ikeV1Established', { state: 'ISAKMP-SA', details: '' }, 'success')],
  [/^IPsec-SA established.*$/, () => step('childSaUp', { name: 'IPsec-SA' }, 'success')],
  [/^(?:purging ISAKMP-SA|ISAKMP-SA deleted|IPsec-SA (?:deleted|expired)).*$/, () => step('saDeleted', undefined, 'warning')],
  // RouterOS 7 adds the PC's source port (`… received from 204.188.254.146 port 39626`, a RouterOS 7 `/log print`, fixture
  // routeros7-memory-log-l2tp-first-packet-port-…); RouterOS 6 names the address alone
  [/^first L2TP UDP packet received from (\S+?)(?: port \d+)?$/, (m) => tagged(step('l2tpFirstPacket', { peer: m[1]! }), { peer: m[1] })],
  // "phase1 negotiation failed due to time up <us>[500]<=><peer>[500] <cookies>" (racoon isakmp_ph1resend: retries used up); the peer is the address after <=>
  [ipsec(String.raw`phase1 negotiation failed due to time up(?: \S+?\[\d+\]<=>(\S+?)\[\d+\])?.*?`), (m, _pre, state) => phase1TimeUp(m[2] ?? m[1], state)],
  // plain "phase1 negotiation failed." ends a phase 1 the lines before it explain (no proposal, wrong key): not a time-out
  [ipsec('phase1 negotiation failed'), (m) => tagged(step('mtPhase1Failed', undefined, 'warning'), { peer: m[1] })],
  [ipsec(String.raw`(?:no suitable proposal found|failed to get valid proposal|failed to pre-process ph1 packet(?: \(side: \d+, status \d+\))?)`), (m, _pre, state) => noProposal(m[1], state)],
  // "<peer> failed to pre-process ph2 packet." (racoon isakmp_quick.c, quick_r1recv and the like fail: Quick Mode, phase 2, is
  // refused; RouterOS prints it with a full stop and without racoon's "(side: …, status: …)" — a script that cuts the message's
  // last 34 characters to get the address, Onoro/Mikrotik README, shows the length). Its reason is a line before it (no
  // proposal, no policy for the PC's traffic): a step, not a second cause
  [ipsec(String.raw`failed to pre-process ph2 packet(?: \(side: \d+, status:? \d+\))?`), (m) => tagged(step('mtPhase2Failed', undefined, 'warning'), { peer: m[1] })],
  [/^rejected (hashtype|enctype|dh_group|authmethod|lifetime): DB\(prop#\d+:trns#\d+\):Peer\(prop#\d+:trns#\d+\) = ([^:]*):(.*?)\s*$/, (m) => step(ATTRIBUTES[m[1]!]!, { router: m[2]!, pc: m[3]! }, 'warning')],
  // racoon's "parsing packet failed, possible cause: wrong password" (an encrypted phase 1 packet could not be read: the keys differ)
  // (no full stop on RouterOS: the same script cuts the last 54 characters, " parsing packet failed, possible cause: wrong password")
  // ("couse" as well: a user's README quoting the router's log retyped it so; a person's copy of the line says the same)
  [ipsec('parsing packet failed, possible c(?:au|ou)se: wrong password'), (m, _pre, state) => rememberWrongKey({ decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed', peer: m[1] }, state)],
  [/^(?:parse error: probably the pre-shared key is incorrect|.*pre-shared key .*(?:incorrect|mismatch).*)$/i, () => ({ decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' })],
  // RouterOS 7 IKEv2 debug (a write-up of two RouterOS responders, the log's own lines: `ipsec processing payload: ID_I`, `ipsec ID_I
  // (ADDR4): …`, `ipsec,error identity not found for responder: ADDR4:… peer: ADDR4:…`, `ipsec reply notify: AUTHENTICATION_FAILED`,
  // `ipsec create child: respond`). Meanings assumed from the texts and MikroTik help "IPsec" (identities: my-id, remote-id)
  [new RegExp(`^processing payload: ${IKE_PAYLOAD}$`), (m) => step('mtIkePayload', { payload: m[1]! })],
  [/^(ID_I|ID_R) \(([A-Z0-9_]+)\): (\S.*)$/, (m) => ikeId(m)],
  // no /ip ipsec identity fits: the ID the initiator asked the router to have (ID_R, checked against my-id) and its own ID (ID_I,
  // against remote-id); without a remote-id check the `responder:` part is gone (the write-up says so). Like strongSwan's "no
  // matching peer config found": no connection fits the PC's identity and authentication, and the PC gets AUTHENTICATION_FAILED
  [/^identity not found for (?:responder: (\S+) )?peer: (\S+)$/, (m) => ({ decoded: [d(m[1] ? 'mtIdentityNotFound' : 'mtIdentityNotFoundPeer', { own: m[1] ?? '', peer: m[2]! })], outcome: 'failure', cause: 'auth-protocol-mismatch', peer: idAddress(m[2]!) })],
  // the router as initiator with an /ip ipsec peer that no identity names ("initiator can't find identity for peer: <peer name>":
  // a RouterOS test suite's note that a disabled peer stops it, search index file id 58767572981; an Indonesian site-to-site
  // write-up quotes it too, 71045217842): the router's own outgoing tunnel does not start — its peer is a name, not the PC
  [/^initiator can't find identity for peer: (\S+)$/, (m) => step('mtInitiatorNoIdentity', { peer: m[1]! }, 'warning')],
  // "killing ike2 SA: <peer> <local>[port]-<remote>[port] spi:…": the router tore down an IKEv2 SA, the end of a connection or a failed
  // set-up (the lines before it say which; assumed from the words). The remote lies between `]-` and `[` (a RouterOS blocking script
  // cuts it so, search index file 35072022793); a RouterOS 7.5 client's copy writes `SA:::ffff:<my_ip> <->::ffff:<my_server>`
  // (jawj/IKEv2-setup #154). Either side may be the PC or a server: worded for neither
  [/^killing ike2 SA:\s*(.*)$/, (m) => {
    const remote = (m[1]!.match(/\]-([^\s[]+)\[/)?.[1] ?? m[1]!.match(/<->\s*(\S+)/)?.[1] ?? '').replace(/^::ffff:/i, '');
    return tagged(step('mtIke2SaKilled', { peer: remote || '?' }, 'warning'), { peer: ADDRESS.test(remote) ? remote : undefined });
  }],
  [/^got fatal error: ([A-Z][A-Z0-9_]+)$/, (m) => fatalNotify(m[1]!)],
  // the other side's certificate checked: "peer's ID does not match certificate" (its IKE ID is not in its certificate's subject or
  // alternative names; a RouterOS IKEv2 client, hwdsl2/setup-ipsec-vpn #1112) and "can't verify peer's certificate from store" (no CA the
  // router trusts vouches for it; RouterOS 6.48.6, #1326) — as the users quote the lines; meanings from the words and MikroTik help
  // "IPsec" (identity: match-by, remote-id, remote-certificate)
  [/^peer's ID does not match certificate\.?$/, () => ({ decoded: [d('mtPeerIdNotInCert')], outcome: 'failure' })],
  [/^can't verify peer's certificate from store\.?$/, () => ({ decoded: [d('mtPeerCertUntrusted')], outcome: 'failure' })],
  [/^reply notify: ([A-Z][A-Z0-9_]+)$/, (m) => replyNotify(m)],
  [/^create child: (respond|initiate)$/, (m) => step(m[1] === 'respond' ? 'mtCreateChildRespond' : 'mtCreateChildInitiate')],
  [/^TCP connection established from (\S+)$/, (m, pre) => tcpConnection(m[1]!, pre)],
  ...ovpnRules(SESSION_NAME),
  // (a log-prefix may come first: `drop-in forward: …`, `remote-access input: …`; a NAT'd packet says where it went after the ports;
  // a packet the router sends comes from no interface, `in:(unknown 0)`)
  [/^(?:[\w-]+ )?(input|forward|output): in:(?:\([^)]*\)|\S+) out:.*?proto (TCP|UDP)(?: \(([A-Z,]+)\))?, (\S+?):\d+->(\S+?):(\d+),.*$/, (m) => firewallPacket(m)],
  [/^(?:[\w-]+ )?(input|forward|output): in:(?:\([^)]*\)|\S+) out:.*?proto (47|GRE|\d+)()(?: \([^)]*\))?, (\S+?)->(\S+?),.*$/, (m) => firewallPacket(m)],
  // (a protocol line whose addresses the rules above do not find: the protocol alone; a fallback, the rules above take the rest)
  fallback(/^input: in:(\S+) out:\S+(?: \(.*?\))?,? .*proto (47|GRE|6 \(\w+\)|\d+).*$/, (m) => step('firewallSeen', { proto: protocolName(m[2]!) })),
  [/^radius.*(?:timeout|not responding|no response).*$/i, () => ({ decoded: [d('radiusNoReply', { server: '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  ...MIKROTIK_DEBUG_RULES,
];

/**
 * A topic list and the message after it: `l2tp,ppp,info <…>` as RouterOS prints it, or `l2tp, ppp, debug | <…>` as the Winbox
 * log window shows its Topics column (comma and blank) and a copy of it separates the columns (` | `; search index file
 * 19298022767, a Winbox copy of an L2TP session's debug log). RouterOS 6 also printed garbled lists, empty topics between the
 * commas and topics of other facilities among them (`ovpn,debug,error,,,,,,,,,bgp,info,,l2tp,,,critical,,,,critical duplicate
 * packet, dropping`, a RouterOS OpenVPN client's log in SoftEtherVPN issue #333): the empty ones are no topics, the list stands.
 */
const TOPIC_HEAD = /^([a-z0-9-]+(?:,+ ?[a-z0-9-]+)*)(?: \| | )(.*)$/;
const topicsOf = (list: string): string[] => list.split(/,+ ?/);

/**
 * RouterOS facilities that are not the VPN (the memory log mixes them with it: `dhcp,info server1 assigned …`,
 * `interface,info ether9 link down`; topic names as RouterOS prints them, MikroTik help "Log"). Their lines
 * are the router's, read as such and ignored, when their first topic is one of these.
 */
const OTHER_TOPICS = new Set(['dhcp', 'interface', 'system', 'script', 'dns', 'wireless', 'wifi', 'bridge', 'route', 'ntp', 'snmp', 'ssh', 'e-mail', 'certificate', 'netwatch', 'upnp', 'poe-out', 'wireguard', 'caps', 'hotspot', 'web-proxy', 'telnet', 'ftp', 'bgp', 'ospf', 'stp', 'state', 'calc', 'event', 'lte', 'health', 'watchdog', 'backup', 'dude', 'container', 'manager', 'read', 'write']);
/** a list of RouterOS topics that names a VPN topic first (the garbled lists of RouterOS 6 mix in other facilities' topics) */
const isVpnTopicList = (topics: string[]): boolean => TOPICS.has(topics[0]!) && topics.every((t) => TOPICS.has(t) || OTHER_TOPICS.has(t));

/** the first topic when a topic list names a non-VPN facility first and every topic is a RouterOS one */
function otherFacility(message: string): string | undefined {
  const m = message.match(TOPIC_HEAD);
  if (!m || !m[1]!.includes(',')) return undefined;
  const topics = topicsOf(m[1]!);
  return OTHER_TOPICS.has(topics[0]!) && topics.every((t) => TOPICS.has(t) || OTHER_TOPICS.has(t)) ? topics[0] : undefined;
}

/**
 * RouterOS remote logging without bsd-syslog sends `<PRI>topics identity: message` (`<13>dhcp,debug,packet
 * MikroTik: …`, MikroTik forum thread 124291; a receiver may put its own time first): the priority goes, and
 * the identity after the topics when the message then reads (see parse).
 */
const PRI = /^<\d{1,3}>/;
/**
 * What comes before RouterOS's topic list in two more copies of its log:
 * - the `echo` logging action's prefix (`/system logging action` target=echo prints each entry on the terminal: `echo:
 *   ipsec,debug,packet sockname x.x.7.183[500]`, a RouterOS 6 user's log copy in a forum question, search index file
 *   68921984754; the word is the action's target, MikroTik help "Log", actions);
 * - a syslog collector's sender in angle brackets (`<192.0.2.10>: pptp,ppp,info …`: The Dude's syslog files write `date <sender
 *   address>: message`, collector-rows.ts dudeSyslogRow; a project's notes quote the router's lines with the envelope as `<H>: `,
 *   search index file 59002693929) — only before a RouterOS topic list with a comma: a PPP session's `<1.2.3.4>: authenticated`
 *   starts the same way.
 */
const ECHO = 'echo: ';
const SENDER_ENVELOPE = /^<[^>\s]+>: (?=[a-z])/;
function bodyOf(pre: Prefixed): string {
  const text = pre.message;
  const c = text.charCodeAt(0);
  if (c === 101 /* e */) return text.startsWith(ECHO) ? text.slice(ECHO.length) : text;
  if (c !== 60 /* < */) return text;
  const noPri = text.replace(PRI, '');
  if (noPri !== text) return noPri;
  const e = SENDER_ENVELOPE.exec(text);
  if (!e) return text;
  const rest = text.slice(e[0].length);
  const t = rest.match(TOPIC_HEAD);
  return t && t[1]!.includes(',') && isVpnTopicList(topicsOf(t[1]!)) ? rest : text;
}
const IDENTITY = /^[^\s:<>]+: (.*)$/;

function split(pre: Prefixed): string {
  const body = bodyOf(pre);
  const m = body.match(TOPIC_HEAD);
  if (m && isVpnTopicList(topicsOf(m[1]!)) && (m[1]!.includes(',') || TOPICS.has(m[1]!))) return m[2]!;
  return body;
}

/** the rules on the message, then (remote logging) on what follows an identity before it */
function read(pre: Prefixed, state: FamilyState): Hit | null {
  const text = split(pre).trim();
  const hit = applyRules(RULES, text, pre, state);
  if (hit) return hit;
  const id = text.match(IDENTITY);
  return id ? applyRules(RULES, id[1]!, pre, state) : null;
}

/** bsd-syslog remote logging: `<30>Nov  8 17:06:36 host Identity: <1.2.3.4>: …` — the identity is the program tag, the topics are gone; a PPP session bracket starts the message */
const SESSION_START = /^<[^>\s]+>: /;

export const mikrotikFamily: FamilyParser = {
  family: 'mikrotik',
  claims(pre: Prefixed): boolean {
    if (pre.program) return pre.message.charCodeAt(0) === 60 /* < */ && !pre.pid && SESSION_START.test(pre.message) && applyRules(RULES, pre.message.trim(), pre, {}) !== null;
    // RouterOS 7 prints entries of other days with their date (`2025-02-11 00:02:30 l2tp,ppp,error …`): an ISO header without a level
    if (pre.shape !== 'time-only' && pre.shape !== 'none' && !(pre.shape === 'syslog' && pre.host) && !(pre.shape === 'iso' && !pre.level)) return false;
    const body = bodyOf(pre);
    const m = body.match(TOPIC_HEAD);
    if (m && m[1]!.includes(',') && isVpnTopicList(topicsOf(m[1]!))) return true;
    if (otherFacility(body)) return true;
    // one topic (`ipsec rejected hashtype: …`, `ipsec,!debug` logging): the message after it must be one the rules read
    return read(pre, {}) !== null || (split(pre) !== body && applyRules(RULES, body.trim(), pre, {}) !== null);
  },
  parse(pre, state) {
    const other = otherFacility(bodyOf(pre));
    return other ? step('unrelatedProgram', { program: `RouterOS ${other}` }) : read(pre, state);
  },
};
