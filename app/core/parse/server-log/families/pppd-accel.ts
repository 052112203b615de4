import { context, d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';
import { packetDump } from './pppd-packet';
import { pptpType } from './pptpd';

/**
 * accel-ppp's own lines (accel-pppd/ppp/*.c, auth/*.c, ctrl/pptp, ctrl/l2tp, ctrl/sstp, radius/*.c): its session prefix, its
 * packet dumps read as pppd's, its L2TP, PPTP and SSTP control lines. A slice of pppd.ts's one rule list, spread there in its
 * place (rule order decides which rule takes a line: kit.ts), as xl2tpd.ts's and pptpd.ts's rows are.
 */

/**
 * accel-ppp's session prefix before its message: syslog (accel-pppd/logs/log_syslog.c) writes
 * `ifname:username: ` (`ppp0:test: `, `br0:: `, `:: ` before a session has a name); log_file writes
 * `ifname: sessionid: ` (`ppp0: da66f165863aaaac: `) or `ifname: ` (`tek0.10: `). The bare
 * `ifname: ` form is only taken when the word looks like an interface (a module name such as
 * `sstp: ` or `auth: ` is part of the message). IPoE sessions' interfaces are `ipoe<N>` (accel-pppd/ctrl/ipoe: `[…]:  warn: ipoe125:
 * radius: no available servers`, accel-ppp/accel-ppp #324). log_file's `: ` alone is a session whose interface has no name yet
 * (log_file.c set_hdr writes `ses->ifname`, else `ctrl->ifname`, then `: `; sstp.c sets `ctrl.ifname = ""`, so an SSTP
 * connection before its PPP interface exists logs `[…]: error: : sstp: read: …`, xebd/accel-ppp #107 and #177).
 * The username is the name the peer sent, written as it came: words with single blanks between (a Windows user types `John Smith`),
 * never a blank first, so a module's `sstp: read: ` is no session.
 */
export const ACCEL_SESSION = /^(?:([\w.-]*):((?:[^\s:]+(?: [^\s:]+)*)?): |([\w.-]+): ([0-9a-f]{16}): |((?:ppp|br|eth|ens|enp|vlan|bond|tek|wan|lan|ipoe)[\w-]*\d(?:\.\d+)?): |: )/;

/**
 * log_file's level word (accel-pppd/logs/log_file.c: `[time]: level: `, the level padded to five characters — `error: `, ` warn: `,
 * ` info: `) left at the start of a line whose time was cut: a line quoted in an issue's prose, `"error: ipoe253: no free IPv4
 * address"` (xebd/accel-ppp #15). Only cut before a session prefix (ACCEL_SESSION), so no other program's `error: ` goes.
 */
export const ACCEL_LEVEL = /^(?:emerg|error|warn|info|msg|debug):[ \t]+/;

/** accel-ppp's packet dump (`send [LCP ConfReq id=65 <auth MSCHAP-v2> …]`, `send [MSCHAP-v2 Failure id=1 "E=691 …"]`), read as pppd's. */
function accelPacket(m: RegExpMatchArray, pid: string | undefined, state: FamilyState): Hit {
  const proto = /^MSCHAP|^CHAP/.test(m[2]!) ? 'CHAP' : m[2]!;
  // accel-ppp prints the id in hex without `0x` (`id=1`, `id=65`)
  const body = (m[4] ?? '').replace(/^id=([0-9a-f]+)\b/, 'id=0x$1');
  const dump = [m[0], m[1] === 'send' ? 'sent' : 'rcvd', proto, m[3]!, body] as unknown as RegExpMatchArray;
  // (Naks counted per accel-pppd process: its LCP runs before the session has a name, `:: send [LCP …]`; a loop needs one option
  // Naked NAK_LOOP times with no Configure-Ack that way between, which calls that each take up the Nak do not make)
  const hit = packetDump(dump, { key: `accel ${pid ?? ''}`, state });
  // accel-ppp writes the name as `name="user"` (auth_mschap_v2.c chap_recv_response)
  const name = body.match(/name="([^"]*)"/)?.[1];
  if (proto === 'CHAP' && name && m[1] === 'recv' && m[3] === 'Response') hit.user = name;
  return hit;
}

/**
 * accel-ppp's L2TP lines (accel-pppd/ctrl/l2tp/l2tp.c log_tunnel / log_session): `l2tp tunnel TID-PEERTID (IP:PORT): …`
 * and `l2tp session TID-PEERTID, SID-PEERSID: …`; the tunnel form names the PC's address.
 */
function accelL2tp(inner: string, peer: string | undefined): Hit {
  let hit: Hit;
  let m: RegExpMatchArray | null;
  if (/^established at \S+$/.test(inner)) hit = step('l2tpTunnelUp', { peer: peer ?? '?' }, 'success');
  else if ((m = inner.match(/^sending (StopCCN|CDN) \(res: ?(\d+), err: ?(\d+)\)$/))) hit = step('accelL2tpStop', { what: m[1]!, res: m[2]!, err: m[3]! }, 'warning');
  // l2tp_tunnel_checkchallresp: the tunnel secret (L2TP's own CHAP-like check, not the user's password) does not match
  else if ((m = inner.match(/^impossible to authenticate peer: (.*)$/))) hit = { decoded: [d('accelL2tpTunnelAuth', { why: m[1]! })], outcome: 'warning' };
  // l2tp_rtimeout (log_warn): a control message stayed unacknowledged through every retransmission ([l2tp] retransmit=, rtimeout=):
  // the other side no longer answers — the PC went away, or its L2TP (inside IPsec) no longer gets through; as xl2tpd's
  // "Maximum retries exceeded for tunnel"
  else if (/^no acknowledgement from peer after \d+ retransmissions, deleting tunnel$/.test(inner)) hit = { decoded: [d('l2tpRetries')], outcome: 'warning' };
  // l2tp_recv_StopCCN (log_info1; the session's CDN line of the same form assumed): the other side closed the tunnel or the call, with its Result Code (RFC 2661
  // §4.4.2: a StopCCN's 1 "general request to clear control connection", 6 "requester is being shut down"; a CDN's 3 "administrative
  // reasons" — an orderly end; other results an error, its Error Code and message given)
  else if ((m = inner.match(/^(StopCCN|CDN) received from peer \(result: (\d+), error: (\d+)(?:, message: "(.*)")?\), disconnecting (?:tunnel|session)$/))) {
    const orderly = m[1] === 'StopCCN' ? m[2] === '1' || m[2] === '6' : m[2] === '3';
    hit = orderly ? step(m[1] === 'StopCCN' ? 'accelL2tpPeerClosedTunnel' : 'accelL2tpPeerClosedCall', { what: m[1]!, res: m[2]! }) : step(m[1] === 'StopCCN' ? 'accelL2tpPeerErrorTunnel' : 'accelL2tpPeerErrorCall', { what: m[1]!, res: m[2]!, err: m[3]!, message: m[4] ? `: "${m[4]}"` : '' }, 'warning');
  }
  // l2tp_recv_SCCRQ's and l2tp_recv_ICRQ's own errors and every "impossible to …" (log_error) of a tunnel or session: the step
  // failed and accel-ppp drops it — an error, no bookkeeping
  else if (inner.startsWith('impossible to ')) hit = step('accelL2tpError', { text: inner }, 'warning');
  else hit = step('accelHousekeeping');
  return tagged(hit, { peer });
}

/** sstp.c's aborts of a call by their log text (see the rule) */
const SSTP_ABORTS: Readonly<Record<string, string>> = { 'negotiation timeout': 'accelSstpNegotiationTimeout', 'no echo reply': 'accelSstpNoEchoReply', 'nak limit reached': 'accelSstpNakLimit' };

/**
 * sstp.c sstp_connect: a TCP connection to the SSTP port. From a loopback address it is no PC: a proxy on the server itself
 * (sslh, haproxy, nginx's stream module — xebd/accel-ppp #177, behind sslh) passes the PC's connection on, so the PC's own
 * address is not in the line and no peer is taken from it.
 */
function sstpConnection(peer: string): Hit {
  if (/^(?:127\.|\[?::1\]?$|\[?::ffff:127\.)/.test(peer)) return step('sstpConnLocalProxy', { peer });
  return tagged(step('sstpConnStarted', { peer }), { peer });
}

export const ACCEL_PPP_RULES: readonly Rule[] = [
  // accel-ppp (accel-pppd/ppp/*.c, auth/*.c; the session prefix is cut first, see ACCEL_SESSION)
  [/^(send|recv) \[(LCP|IPCP|IPV6CP|CCP|PAP|CHAP-md5|MSCHAP-v1|MSCHAP-v2) (\w+)(?: (.*))?\]$/, (m, pre, state) => accelPacket(m, pre.pid, state)],
  // radius/packet.c: `recv [RADIUS(1) Access-Reject id=1 <Reply-Message …>]` (the format of the Access-Request lines seen;
  // assumed for Access-Reject): the RADIUS server refused the user
  [/^recv \[RADIUS(?:\(\d+\))? Access-Reject\b/, () => ({ decoded: [d('radiusReject')], outcome: 'failure', cause: 'credentials-rejected', code: 691 })],
  // accel-pppd/ctrl/pptp/pptp.c (verbose): the PC's Call-Clear-Request, as pptpd's 'Received CALL CLR request'
  context(/^recv \[PPTP Call-Clear-Request\b/, () => ({ decoded: [...pptpType(12, 'in').decoded, d('pcHungUp')], outcome: 'info' })),
  [/^l2tp tunnel \d+-\d+ \(([\d.]+):\d+\): (.*)$/, (m) => accelL2tp(m[2]!, m[1])],
  [/^l2tp session \d+-\d+, \d+-\d+: (.*)$/, (m) => accelL2tp(m[1]!, undefined)],
  // l2tp.c l2tp_recv_SCCRQ (log_info1): the PC's tunnel request taken, a tunnel made for it — the line names the PC's address
  context(/^l2tp: new tunnel \d+-\d+ created following reception of SCCRQ from ([\d.]+):\d+$/, (m) => tagged(step('accelL2tpNewTunnel', { peer: m[1]! }), { peer: m[1] })),
  // l2tp_recv_SCCRQ (log_warn): connlimit's rate limit ([connlimit] limit=, burst=) turned the PC's tunnel request away, unanswered;
  // or accel-ppp is shutting down
  context(/^l2tp: (connection limits reached|shutdown in progress), discarding SCCRQ from ([\d.]+)$/, (m) => tagged(step(m[1] === 'shutdown in progress' ? 'accelL2tpShutdownDiscard' : 'accelL2tpConnLimit', { peer: m[2]! }, 'warning'), { peer: m[2] })),
  // l2tp_recv_SCCRQ (log_error): the PC's tunnel request could not be taken (no Protocol Version, an unknown version, no Framing
  // Capabilities, L2TPv3 attributes …): no tunnel, the PC's request goes unanswered
  context(/^l2tp: impossible to handle SCCRQ from ([\d.]+): (.+)$/, (m) => tagged(step('accelL2tpSccrqRefused', { peer: m[1]!, why: m[2]! }, 'warning'), { peer: m[1] })),
  // pptp.c: a new control connection (TCP 1723), with the PC's address
  context(/^pptp: new connection from (\S+)$/, (m) => tagged(step('ctrlStarted', { peer: m[1]! }), { peer: m[1] })),
  // pptp.c pptp_send_echo: the PC stopped answering PPTP Echo-Requests; accel-ppp drops the connection
  context(/^pptp: no echo reply$/, () => ({ decoded: [d('pptpNoEchoReply')], outcome: 'warning' })),
  // pptp.c pptp_read: what arrived on TCP 1723 is not a valid PPTP message; accel-ppp drops the connection
  context(/^pptp: (invalid magic|message is too long|invalid message length)$/, (m) => ({ decoded: [d('ctrlBadPacket', { what: m[1]! })], outcome: 'warning' })),
  context(/^(?:pptp|sstp|sstp: proxy): IP is out of client-ip-range, droping connection\.*$/, () => ({ decoded: [d('pptpOutOfRange')], outcome: 'warning' })),
  // sstp.c sstp_handler / sstp_recv_packet / http_handler (log_ppp_error, log_ppp_warn): what came in on the TLS connection is no
  // SSTP the server can follow — another version byte, a packet longer than SSTP allows, a control message too short, an HTTP
  // request that never ends (before the packet-dump rule below, which would take the first word for a message name)
  context(/^recv \[((?:SSTP (?:invalid version 0x[0-9a-f]+|too long packet|too short message|unknown (?:packet type|message type) (?:0x)?[0-9a-f]+))|HTTP too long header)\]$/, (m) => step('sstpdProtocolError', { text: m[1]! }, 'warning')),
  // sstp.c ssl_servername (only with [sstp] host-name set): the server name the client's TLS hello asks for; one that is not
  // host-name, or none, ends the handshake with a fatal alert
  context(/^sstp: recv \[SSL <(?:SNI (\S+)|no SNI)>\]$/, (m) => (m[1] ? step('accelSstpSni', { host: m[1] }) : step('accelSstpNoSni', undefined, 'warning'))),
  // (sstp.c logs its TLS and HTTP steps with its module's name first and the value in angle brackets: `sstp: recv [SSL <SNI host>]`,
  // `recv [HTTP <SSTP_DUPLEX_POST /sra_{…}/ HTTP/1.1>]`, `send [HTTP <HTTP/1.1 200 OK>]`, xebd/accel-ppp #91)
  context(/^(?:sstp: )?(?:send|recv) \[(PPPoE|SSTP|HTTP|SSL|RADIUS(?:\(\d+\))?|L2TP|PPTP) (?!Access-Reject\b|Call-Clear-Request\b|<SNI |<no SNI>|invalid version |too (?:long|short) |unknown (?:packet|message) type )<?([^\s\]<>:]+)/, (m) => step('accelPacket', { proto: m[1]!.replace(/\(\d+\)$/, ''), what: m[2]! })),
  // sstp.c sstp_connect (log_info2): a new TLS connection on the SSTP port, then the module's `starting` / `started` of its handler
  // (`sstp: proxy: connection from` is proxy_handler's: the PC's address as the PROXY protocol header in front of the TLS names it)
  context(/^sstp: (?:proxy: )?(?:new )?connection from (\S+?)(?::\d+)?$/, (m) => sstpConnection(m[1]!)),
  context(/^sstp: (?:starting|started|SSL\/TLS support (?:enabled|disabled), PROXY support (?:enabled|disabled))$/, () => step('accelHousekeeping')),
  // sstp.c sstp_read / sstp_recv / sstp_write: reading (or writing) the PC's TLS connection failed. ssl_stream_read turns every
  // OpenSSL error but "want read/write", "syscall" and "zero return" into EIO ("Input/output error": a failed TLS handshake or
  // record); "Success" is SSL_ERROR_SYSCALL with no errno, the TCP connection closed under TLS. Logged before a PPP session
  // exists as well — a scanner's or a proxy's connection (xebd/accel-ppp #107: dozens a second; #177: behind sslh) — so a step
  // for the line, not a cause of the PC's failure
  context(/^sstp: (read|recv|write): (.+)$/, (m) => ({ decoded: [d('accelSstpStreamError', { call: m[1]!, error: m[2]! })], outcome: 'warning' })),
  // sstp.c sstp_timeout: no Call-Connect-Request, or no Call-Connected after the server's Ack, within [sstp] timeout; sstp_msg_echo:
  // two echo requests unanswered ([sstp] hello-interval); sstp_recv_msg_call_connect_request: the fourth request to carry another
  // protocol than PPP. The server aborts the call in each
  context(/^sstp: (negotiation timeout|no echo reply|nak limit reached)$/, (m) => ({ decoded: [d(SSTP_ABORTS[m[1]!]!)], outcome: 'warning' })),
  // radius/req.c, radius/serv.c
  // radius/req.c make_socket (log_ppp_error): the RADIUS client's UDP socket could not be made, bound (`bind=` / nas-ip-address of
  // [radius]) or connected — `radius:bind: Address already in use` (accel-ppp/accel-ppp #324, fixed in #328): no request leaves, no
  // password is checked; `radius: no available servers` follows
  [/^radius:(socket|bind|connect): (.+)$/, (m) => ({ decoded: [d('accelRadiusSocket', { call: m[1]!, error: m[2]! })], outcome: 'failure', cause: 'radius-misconfigured' })],
  [/^radius: (?:server\((\d+)\) not responding(?:, terminating session\.\.\.)?|no available servers)$/, (m) => ({ decoded: [d('radiusNoReply', { server: m[1] ? `(${m[1]})` : '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  // accel-pppd start-up: kernel modules of the IPoE/PPPoE VLAN monitor (not used by PPTP, L2TP or SSTP)
  context(/^(?:failed to load vlan_mon module|vlan_mon: kernel module is not loaded|genl: error talking to kernel)$/, () => step('accelHousekeeping')),
  // ppp_auth.c ppp_auth_failed / __ppp_auth_started: "%s: authentication failed|succeeded" (username may be empty)
  [/^(?:(\S+(?: \S+)*?): )?authentication failed$/, (m) => tagged({ decoded: [d('accelAuthFailed', { user: m[1] || '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: m[1] || undefined })],
  context(/^(\S+(?: \S+)*?): authentication succeeded$/, (m) => tagged(step('accelAuthOk', { user: m[1]! }, 'success'), { user: m[1] })),
  // ppp_auth.c auth_recv_conf_nak/rej: every method the server offered was Nak'ed or rejected
  [/^cann't negotiate authentication type$/, () => ({ decoded: [d('accelNoAuthType')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  context(/^auth: unexcepcted configure-(nak|reject)$/, (m) => ({ decoded: [d('accelAuthUnexpected', { what: m[1] === 'nak' ? 'Configure-Nak' : 'Configure-Reject' })], outcome: 'warning' })),
  // ccp_mppe.c setup_mppe_key
  [/^mppe: MPPE requested but not supported by kernel$/, () => ({ decoded: [d('mppeNotPossible')], outcome: 'failure', cause: 'mppe-unavailable' })],
  context(/^connect: (\S+) <--> (\w+)\(([^)]*)\)$/, (m) => tagged(step('connect', { iface: m[1]!, peer: `${m[2]} ${m[3]}` }), { peer: m[3]!.replace(/:\d+$/, '') })),
  // accel-pppd/cli/tcp.c and telnet.c: accel-ppp's management console (accel-cmd on TCP [cli] tcp=, telnet on [cli] telnet=) — an
  // administrator's or a monitoring script's connection (`cli: tcp: new connection from 127.0.0.1`, `cli: disconnect`, with [cli]
  // verbose=2 each command as `cli: 127.0.0.1: show sessions`), never a VPN client's (xebd/accel-ppp #62: one every few seconds)
  context(/^cli: (?:(?:tcp|telnet): new connection from \S+|disconnect|\d{1,3}(?:\.\d{1,3}){3}: .+)$/, () => step('accelCliConnection')),
  // the same files' errors (log_emerg / log_error): the console could not be set up or one of its connections failed — accel-cmd
  // cannot reach the daemon; the VPN sessions are not touched
  context(/^cli: (?:(?:tcp|telnet): )?(failed to (?:create server socket|bind socket|listen socket|set nonblocking mode)|accept failed|read|write)(?:: (.+?))?(?:, closing connection\.\.\.)?$/, (m) => step('accelCliFailed', { call: m[1]!, error: m[2] ? `: ${m[2]}` : '' }, 'warning')),
  context(/^accel-ppp version \S+$/, () => step('pppdStart')),
  context(/^(?:(?:lcp|auth|ccp|ipcp|ipv6cp)_layer_(?:init|start|started|finish|finished|free)|ppp (?:establishing|connected)|disconnecting|terminate)$/, () => step('accelHousekeeping')),
  // ppp/ppp_fsm.c restart_timer_func (debug): no answer to a Configure- or Terminate-Request within the restart time; the number is
  // the restart counter, the tries left — the request goes out again (VyOS's PPTP and SSTP docs: a Windows 10 PC's first LCP
  // answer came only after one)
  context(/^fsm timeout (\d+)$/, (m) => step('accelFsmTimeout', { left: m[1]! })),
  // ppp/ppp_lcp.c, ppp_ipcp.c, ppp_ipv6cp.c, ppp_ccp.c *_recv (log_ppp_warn with [ppp] verbose): a packet of a protocol not open on
  // the session — not started, closed, terminating, or denied (ipv4=deny, ipv6=deny); a Protocol-Reject follows (Windows asks for
  // IPv6CP whatever the server allows)
  context(/^(LCP|IPCP|IPV6CP|CCP): discarding packet$/, (m) => step('accelDiscardingPacket', { proto: m[1]! })),
  // ifcfg.c ap_session_rename / ap_session_set_ifname (log_ppp_info2): the session's interface renamed (its [pptp] / [sstp] ifname)
  context(/^rename interface to '([^']+)'$/, (m) => step('accelRenameInterface', { iface: m[1]! })),
  // pptp.c ppp_started ("pptp: ppp started", log_ppp_debug); sstp.c's reads "sstp: ppp: started" (VyOS's SSTP docs): the PPP
  // session came up — the last line of a good connection
  context(/^(pptp|sstp): ppp:? started$/, (m) => step('accelPppStarted', { what: m[1]!.toUpperCase() }, 'success')),
  // accel-ppp module start-up: no address range for the PPP interfaces (pptp.c, l2tp.c, sstp.c)
  context(/^(pptp|l2tp|sstp|pppoe|ipoe): iprange module disabled, improper IP configuration of PPP interfaces may cause kernel soft lockup$/, (m) => step('accelNoIprange', { what: m[1]! }, 'warning')),
  // sstp.c: the TLS certificate or key file named in [sstp] cannot be loaded (wording of the real line, assumed for the
  // other options): the SSTP server has no certificate to present, so no PC's TLS handshake can succeed
  [/^sstp: ssl-(pemfile|keyfile|ca-file) error: (.*)$/, (m) => ({ decoded: [d('sstpCertFile', { option: `ssl-${m[1]}`, error: m[2]! })], outcome: 'failure', cause: 'sstp-server-certificate' })],
  // pptp.c / l2tp.c / sstp.c: a control connection closed (before a PPP session when the prefix is `:: `)
  // (sstp.c sstp_disconnect logs `sstp: disconnected` with log_info2, no session: the module's name first)
  context(/^(?:sstp: )?disconnected$/, () => step('accelDisconnected')),
  // sstp.c sstp_recv_msg_call_connected: the certificate hash in the PC's crypto binding is not the one of the server's
  // certificate (ssl-pemfile, or cert-hash-sha1 / cert-hash-sha256): the PC saw another certificate — something between them
  context(/^sstp: invalid (?:SHA1|SHA256) Cert Hash$/, () => ({ decoded: [d('sstpdCertHashMismatch')], outcome: 'failure' })),
  // sstp.c sstp_recv_msg_call_connected: the Call-Connected's crypto binding (Nonce, Compound MAC, hash protocol) did not check
  // out; accel-ppp aborts the call (log_ppp_error, then sstp_abort). The Compound MAC is an HMAC keyed from the PPP log-in's keys
  // (the HLAK: MS-CHAPv2's MPPE keys, [MS-SSTP] §3.2.5.2.3): its failure after an accepted log-in is the two sides' log-in keys
  // differing — the cause sstp-binding-failed (findings.ts; accel-ppp#100). A wrong Nonce or hash protocol is the PC's message not
  // matching the server's own request, no known cause: failure without one
  context(/^sstp: invalid (Nonce|Compound MAC|Hash Protocol|Certificate Hash)/i, (m) =>
    m[1]!.toLowerCase() === 'compound mac' ? { decoded: [d('sstpBindingInvalid', { what: m[1]! })], outcome: 'failure', cause: 'sstp-binding-failed' } : { decoded: [d('sstpBindingInvalid', { what: m[1]! })], outcome: 'warning' }),
  context(/^(?:sstp|pptp|l2tp): disconnect by peer$/, () => step('disconnectByPeer', undefined, 'warning')),
  // pptp.c disconnect() (debug): the control connection is torn down, its PPP session ended as a lost carrier (why: the lines before)
  context(/^pptp: disconnect$/, () => step('accelDisconnected')),
  // accel-ppp ipcp_opt_addr.c: the address this server was to give the PC (its ip pool, chap-secrets or RADIUS) lies outside every
  // [client-ip-range] of accel-ppp.conf (iprange.c iprange_client_check), so IPCP refuses it and the PC gets no address
  [/^ppp:ipcp: to avoid kernel soft lockup requested IP cannot be assigned \((\S+)\)$/, (m) => ({ decoded: [d('accelIprangeRefused', { address: m[1]! })], outcome: 'failure', cause: 'address-pool' })],
  context(/^sstp: ppp: read: (.+)$/, (m) => ({ decoded: [d('accelPppReadError', { error: m[1]! })], outcome: 'warning' })),
  // ppp/ppp_lcp.c send_echo_request (log_ppp_warn): more than [ppp] lcp-echo-failure LCP Echo-Requests went unanswered (every
  // lcp-echo-interval seconds, no frame from the PC between): accel-ppp ends the session as a lost carrier (TERM_LOST_CARRIER)
  context(/^lcp: no echo reply$/, () => step('accelLcpNoEchoReply', undefined, 'warning')),
  // ppp_lcp.c lcp_recv_echo_repl (log_ppp_error): an Echo-Reply came back with accel-ppp's own magic number — the link loops back
  // to this side; the session ends (TERM_NAS_ERROR)
  context(/^lcp: echo: loop-back detected$/, () => step('accelLcpLoopback', undefined, 'warning')),
  // ppp/ipcp_opt_ipaddr.c alloc_ip (log_ppp_warn "ppp: no free IPv4 address") and ctrl/ipoe/ipoe.c (log_ppp_error "no free IPv4
  // address"): ipdb_get_ipv4 found no address for the session — every address of the [ip-pool] it draws from is in use, the
  // connection type's pool (ip-pool= of [pptp], [l2tp], [sstp], [pppoe]) names none, or RADIUS sent no Framed-IP-Address and no
  // Framed-Pool. IPCP closes (IPCP_OPT_CLOSE) and the session ends: the PC connects, logs in and gets no address
  [/^(?:ppp: )?no free IPv4 address$/, () => ({ decoded: [d('accelNoFreeAddress')], outcome: 'failure', cause: 'address-pool' })],
  // ipcp_opt_ipaddr.c check_exists ([ppp] or [common] check-ip=1): the address this session was to get (a static one from
  // chap-secrets or RADIUS) is already the peer address of another live session; IPCP fails and the session ends
  [/^ppp: requested IPv4 address already assigned to (\S+)$/, (m) => ({ decoded: [d('accelAddressInUse', { iface: m[1]! })], outcome: 'failure', cause: 'address-pool' })],
];
