import { PPP_PROTOCOLS, PPPD_CODE_NAMES } from '../codes/ppp';
import { applyRules, context, d, isCounted, messageAt, msChapErrorOf, step, tagged, trimmed, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import { mppeFromPppd } from '../ppp-packet';
import type { Prefixed } from '../prefix';
import { relayed } from './relayed';
import { ipcpAddressRefused, linkCounters, mppeStrengthMismatch, rememberMppeOffer } from './pppd-negotiation';
import { byRole, dialsOut, noteRole } from './pppd-role';
import { PPTP_CLIENT_LINE, pptpClientLine } from './pptp-client';
import { XL2TPD_RULES } from './xl2tpd';
import { pptpType, PPTPD_RULES } from './pptpd';

/**
 * pppd, pptpd (PoPToP: CTRL/GRE/MGR), accel-pptpd (Padavan/Asuswrt log pppd as `pptp[pid]`) and
 * xl2tpd: message texts from pppd (auth.c, lcp.c, ccp.c, ipcp.c, chap-new.c), pptpd
 * (pptpctrl.c, pqueue.c, pptpgre.c) and xl2tpd (xl2tpd.c, control.c: its rows in xl2tpd.ts). Server's
 * view: "peer" = the PC.
 */

// accel-ppp's syslog ident is set in its [log] section (`syslog=accel-pppd,daemon`): `accel-sstp`, `accel-pptp` are seen
const PROGRAMS = /^(pppd|pptpd|pptp|pptpctrl|xl2tpd|accel-pppd|accel-(?:sstp|pptp|l2tp|ppp)|pppoe-server|pppoe|l2tpd|openl2tpd|PPP)$/i;

/**
 * accel-ppp's session prefix before its message: syslog (accel-pppd/logs/log_syslog.c) writes
 * `ifname:username: ` (`ppp0:test: `, `br0:: `, `:: ` before a session has a name); log_file writes
 * `ifname: sessionid: ` (`ppp0: da66f165863aaaac: `) or `ifname: ` (`tek0.10: `). The bare
 * `ifname: ` form is only taken when the word looks like an interface (a module name such as
 * `sstp: ` or `auth: ` is part of the message).
 */
const ACCEL_SESSION = /^(?:([\w.-]*):([^\s:]*): |([\w.-]+): ([0-9a-f]{16}): |((?:ppp|br|eth|ens|enp|vlan|bond|tek|wan|lan)[\w-]*\d(?:\.\d+)?): )/;

/** `sent [LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> …]` — pppd's debug packet dump. */
function packetDump(m: RegExpMatchArray): Hit {
  const dir = m[1] === 'sent' ? 'out' : 'in';
  const proto = m[2]!;
  const codeName = m[3]!;
  const body = m[4] ?? '';
  const code = PPPD_CODE_NAMES[codeName];
  const id = body.match(/id=(0x[0-9a-f]+)/i)?.[1];
  const options = [...body.matchAll(/<([^<>]*)>/g)].map((o) => o[1]!).filter((o) => !/^[0-9a-f]{16,}$/i.test(o));
  const quoted = body.match(/"((?:[^"\\]|\\.)*)"/)?.[1];
  const name = body.match(/name = "([^"]*)"/)?.[1];
  const values: Record<string, string | number> = { dir, proto, code: codeName, id: id ?? '-', options: options.join(', ') };
  const mppe = mppeFromPppd(body);
  if (mppe !== undefined) values.mppe = mppe;
  const hit: Hit = { decoded: [d('packet', values)], outcome: 'info' };
  if (proto === 'CHAP' && name && dir === 'in' && codeName === 'Response') hit.user = name;
  if (proto === 'CHAP' && codeName === 'Failure') {
    const e = msChapErrorOf(body);
    hit.outcome = 'failure';
    hit.cause = 'credentials-rejected';
    if (e) hit.code = e;
    // a Failure received is the answer to this side's own Response (RFC 1994 §4.1: only the authenticator sends it): this side
    // is the one logging in, and the other side refused it
    if (dir === 'in') hit.decoded[0]!.values!.role = 'initiator';
    if (dir === 'in') hit.decoded.push(e ? d('ownLoginRejectedCode', { method: 'CHAP', code: e, role: 'initiator' }) : d('ownLoginRejected', { method: 'CHAP', role: 'initiator' }));
    else hit.decoded.push(d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' }));
  }
  if (proto === 'LCP' && codeName === 'Ident' && quoted && /^MSRAS/.test(quoted)) hit.decoded.push(d('windowsRasIdent', { ident: quoted }));
  if (proto === 'LCP' && codeName === 'ProtRej' && /\b80 ?fd\b|CCP/i.test(body)) {
    hit.outcome = 'failure';
    hit.cause = dir === 'in' ? 'pc-refused-encryption' : 'server-refused-encryption';
  }
  if (proto === 'LCP' && codeName === 'ConfRej' && /<auth /.test(body) && dir === 'in') {
    hit.outcome = 'warning';
    hit.decoded.push(d('authRejected', { options: options.join(', ') }));
  }
  if (proto === 'LCP' && codeName === 'TermReq' && quoted) hit.decoded.push(d('termReason', { reason: quoted }));
  if (proto === 'IPCP' && codeName === 'ConfRej' && dir === 'out') ipcpAddressRefused(hit, options);
  if (code === undefined) hit.decoded[0]!.values!.code = codeName;
  return hit;
}

/**
 * pppd main.c (get_input): a frame of a protocol pppd has no handler for is logged (with `debug`) as
 * "Unsupported protocol 'NAME' (0xNNNN) received" or "Unsupported protocol 0xNNNN received" and
 * answered with an LCP Protocol-Reject. 0x80fd is CCP: the PC offered MPPE to a pppd without CCP.
 */
function unsupportedProtocol(m: RegExpMatchArray): Hit {
  const number = m[2] ?? m[3]!;
  const value = parseInt(number, 16);
  if (value === 0x80fd) return { decoded: [d('unsupportedCcp')], outcome: 'failure', cause: 'server-refused-encryption' };
  const name = m[1] ?? PPP_PROTOCOLS[value];
  return { decoded: [d('unsupportedProtocol', { number, name: name ? ` (${name})` : '' })], outcome: 'info' };
}

/** accel-ppp's packet dump (`send [LCP ConfReq id=65 <auth MSCHAP-v2> …]`, `send [MSCHAP-v2 Failure id=1 "E=691 …"]`), read as pppd's. */
function accelPacket(m: RegExpMatchArray): Hit {
  const proto = /^MSCHAP|^CHAP/.test(m[2]!) ? 'CHAP' : m[2]!;
  // accel-ppp prints the id in hex without `0x` (`id=1`, `id=65`)
  const body = (m[4] ?? '').replace(/^id=([0-9a-f]+)\b/, 'id=0x$1');
  const dump = [m[0], m[1] === 'send' ? 'sent' : 'rcvd', proto, m[3]!, body] as unknown as RegExpMatchArray;
  const hit = packetDump(dump);
  // accel-ppp writes the name as `name="user"` (auth_mschap_v2.c chap_recv_response)
  const name = body.match(/name="([^"]*)"/)?.[1];
  if (proto === 'CHAP' && name && m[1] === 'recv' && m[3] === 'Response') hit.user = name;
  return hit;
}

/** A protocol name as pppd's lines give it, in one spelling: CHAP, PAP, EAP, MS-CHAP, MS-CHAP-v2. */
const authMethod = (name: string): string => (/^ms/i.test(name) ? name.replace(/^ms-chap-?/i, 'MS-CHAP-').replace(/-$/, '').replace(/v2$/i, 'v2') : name.toUpperCase());

/**
 * A name pppd printed with `%q` (utils.c vslprintf): a backslash before every `"` and `\` — a Windows
 * user typed as DOMAIN\user is logged `DOMAIN\\user`. The name as the user typed it.
 */
const unq = (s: string | undefined): string | undefined => (s === undefined || s.indexOf('\\') < 0 ? s : s.replace(/\\(["\\])/g, '$1'));

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
  else hit = step('accelHousekeeping');
  return tagged(hit, { peer });
}

const RULES: Rule[] = [
  [/^(sent|rcvd) \[(\w+) (\w+)(?: (.*))?\]$/, (m, pre, state) => {
    if (m[2] === 'CCP' && m[3] === 'ConfReq') rememberMppeOffer(`${pre.pid ?? ''}:${m[1] === 'sent' ? 'out' : 'in'}`, m[4] ?? '', state);
    const hit = packetDump(m);
    // on a client's log (pppd-role.ts) the packets go to and come from the server, not a PC
    if (state.pppClient) hit.decoded[0]!.values!.role = 'initiator';
    return hit;
  }],
  // (chap-new.c: "Peer %q failed CHAP authentication"; later builds "%s peer authentication failed for %q" with the protocol's name —
  // MS-CHAP and MS-CHAP-v2 as the success line writes them; assumed for the failure)
  [/^(?:Peer (.+?) failed (CHAP|PAP|EAP|MS-CHAP(?:-?v2)?) authentication|(CHAP|PAP|EAP|MS-CHAP(?:-?v2)?) peer authentication failed(?: for (.+))?)$/i, (m) => {
    const user = unq(m[1] ?? m[4]);
    return { decoded: [d('peerAuthFailed', { user: user ?? '?', method: authMethod((m[2] ?? m[3])!) })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user };
  }],
  // chap-new.c chap_handle_status ("%s authentication failed") and chap_ms.c chapms_handle_failure ("MS-CHAP authentication failed:
  // %v"): only the side that logs in writes them, on the CHAP Failure the other side (the server) sent it — this side was refused
  [/^(MS-CHAP(?:v2)?|CHAP) authentication failed(?:: (.*))?$/i, (m) => {
    const e = msChapErrorOf(m[2] ?? '');
    const values = { method: m[1]!.toUpperCase(), role: 'initiator' };
    return { decoded: [e ? d('ownLoginRejectedCode', { ...values, code: e }) : d('ownLoginRejected', values)], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }],
  context(/^(CHAP|PAP|EAP|MS-CHAP\S*) (?:peer )?authentication succeeded(?: for (.+))?$/i, (m) => tagged(step('authOk', { method: m[1]!.toUpperCase(), user: unq(m[2]) ?? '' }, 'success'), { user: unq(m[2]) })),
  context(/^peer from calling number (\S+) authorized$/, (m) => tagged(step('peerAuthorized', { peer: m[1]! }), { peer: m[1] })),
  [/^LCP terminated by peer(?: \((.*)\))?$/, (m, _p, s) => {
    const reason = m[1] ?? '';
    // the other side's pppd (ccp.c ccp_resetci) closes with this reason when it requires MPPE but cannot set it up itself: no MS-CHAP
    // log-in was done (MPPE's keys come from MS-CHAP, RFC 3079 — a server that asks for no MS-CHAP v2 log-in leaves it none) or
    // its own kernel has no MPPE
    if (/MPPE required but not available/i.test(reason)) return { decoded: [d('peerNeedsMppe', byRole(s))], outcome: 'failure', cause: 'mppe-unavailable' };
    if (/auth/i.test(reason)) return { decoded: [d('lcpTerminatedByPeer', { reason, ...byRole(s) })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
    // Windows puts its magic number and binary data in the Terminate-Request: no readable reason
    const readable = /^[\x20-\x7e]*$/.test(reason) && !/\^@|<M-/.test(reason);
    return { decoded: [d(readable && reason ? 'lcpTerminatedByPeer' : 'lcpTerminatedByPeerBinary', { reason, ...byRole(s) })], outcome: 'warning' };
  }],
  // (the MPPE lines of ccp.c are written by either side: on a client's log, byRole, the other side is the server — findings.ts words
  // the cause for the side that dialled)
  [/^MPPE required but peer negotiation failed$/, (_m, pre, state) => ({ decoded: [d('mppeNegotiationFailed', byRole(state)), ...mppeStrengthMismatch(pre.pid ?? '', state)], outcome: 'failure', cause: 'mppe-unavailable' })],
  [/^Refusing MPPE stateful mode offered by peer$/, (_m, _p, s) => ({ decoded: [d('mppeStatefulRefused', byRole(s))], outcome: 'failure', cause: 'mppe-stateful-only' })],
  // ccp.c ccp_resetci: why MPPE cannot be offered at all (then lcp_close "MPPE required but not available")
  // (which reason it names says what to fix: the kernel of the machine that logged it has no ppp_mppe module; or no MS-CHAP log-in
  // was done, so there are no keys — MPPE's keys are derived from MS-CHAP's, RFC 3079 §2)
  [/^MPPE required, but (MS-CHAP\[v2\] auth not performed|kernel has no support|auth done in both directions|both 40-bit and 128-bit disabled)\.?$/i, (m, _p, s) => {
    const why = m[1]!.toLowerCase();
    const key = why.startsWith('kernel') ? 'mppeNoKernel' : why.startsWith('ms-chap') ? 'mppeNoMsChap' : 'mppeNotPossible';
    return { decoded: [d(key, byRole(s))], outcome: 'failure', cause: 'mppe-unavailable' };
  }],
  // ccp_resetci: MS-CHAP succeeded but no key material came with it — with the RADIUS plugin, the server's Access-Accept carried no
  // MS-MPPE-Send-Key / MS-MPPE-Recv-Key (RFC 2548 §2.4.2, §2.4.3), so MPPE has no keys
  [/^MPPE required, but keys are not available\. {1,2}Possible plugin problem\?$/, (_m, _p, s) => ({ decoded: [d('mppeNoKeys', byRole(s))], outcome: 'failure', cause: 'mppe-unavailable' })],
  // ccp_resetci: after MS-CHAP v1/v2 (not LM) 40-bit MPPE is dropped from this side's offer; a notice, not a failure
  context(/^Disabling 40-bit MPPE; MS-CHAP LM not supported$/, () => step('mppe40Dropped')),
  context(/^MPPE (\d+)-bit (stateless|stateful)? ?compression enabled$/, (m) => step('mppeUp', { mppe: (m[1] === '40' ? 0x20 : m[1] === '56' ? 0x80 : 0x40) | (m[2] === 'stateless' ? 0x01000000 : 0) }, 'success')),
  context(/^MPPE disabled$/, () => step('mppeDisabled', undefined, 'warning')),
  // pppd lcp.c: the server's Configure-Requests got no answer. Over PPTP the PC's PPP frames come in GRE, so blocked GRE is the usual
  // cause; over L2TP there is no GRE (PPP rides in L2TP's UDP 1701, inside IPsec for Windows), so that finding would be wrong there —
  // the log only says the frames did not come back through the L2TP tunnel (ppp-project/ppp #556: pppd with pppol2tp.so). Which one
  // the log shows: noteTransport below; with signs of both (a server running pptpd and xl2tpd) or neither, PPTP's reading stays
  // (on a client's log, pppClient, the side that never answered is the server: worded so, describe.ts INITIATOR_WORDED)
  // (blanks between the words as a copy left them: a forum post shows "LCP: timeout sending   Config-Requests")
  [/^LCP: timeout +sending +Config-Requests$/, (_m, _p, s) => (s.l2tp && !s.pptp ? { decoded: [d('lcpTimeoutL2tp', byRole(s))], outcome: 'failure' } : { decoded: [d('lcpTimeout', byRole(s))], outcome: 'failure', cause: 'no-ppp-frames' })],
  // (LCP's is the rule above: the link itself never came up)
  context(/^(IPCP|CCP|IPV6CP): timeout +sending +Config-Requests$/, (m) => ({ decoded: [d('ncpTimeout', { proto: m[1]! })], outcome: 'warning' })),
  [/^Could not determine remote IP address: defaulting to (\S+)$/, (m) => ({ decoded: [d('noRemoteIp', { address: m[1]! })], outcome: 'failure', cause: 'address-pool' })],
  [/^IPCP terminated by peer \((.*)\)$/, (m) => /IP address/i.test(m[1]!) ? { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'failure', cause: 'address-pool' } : { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'warning' }],
  [/^(?:no (?:more )?(?:free )?IP addresses? (?:available|left)|Peer is not authorized to use remote address (\S+))/i, (m) => ({ decoded: [d('noAddressLeft', { address: m[1] ?? '' })], outcome: 'failure', cause: 'address-pool' })],
  // ipcp.c ipcp_up: this side's address and the other side's (on a client's log, byRole: this side's own and the server's)
  [/^(local|remote) +IP address (\S+)$/, (m, _p, s) => step(m[1] === 'local' ? 'localIp' : 'remoteIp', { address: m[2]!, ...byRole(s) }, 'success')],
  [/^(?:rc_send_server: no reply from RADIUS server(?: (\S+))?|RADIUS: .*(?:timed? ?out|no response)|Timeout on RADIUS server)/i, (m) => ({ decoded: [d('radiusNoReply', { server: m[1] ?? '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  // pptpd's rows (families/pptpd.ts), in their place in this one list
  ...PPTPD_RULES,
  context(/^accel-pptpd-\S+ compiled for .*$|^PPTP plugin version .*$|^Plugin \S+ loaded\.$|^(?:RADIUS|RADATTR) plugin initialized\.$|^pppd [\d.]+ started by .*$/, () => step('pppdStart')),
  context(/^Using interface (\S+)$/, (m) => step('usingInterface', { iface: m[1]! })),
  // pppd sys-linux.c (dbglog): the kernel PPP channel pppd attached to — with a kernel-mode tunnel (pppol2tp, pppoe) there is no tty
  context(/^using channel (\d+)$/, (m) => step('pppChannel', { n: m[1]! })),
  // pppd's pppol2tp.c plugin: the kernel L2TP tunnel and session ids xl2tpd (or the LNS) handed it (`PPPoL2TP options: lnsmode tid 59263 sid 15552 debugmask 0`)
  context(/^PPPoL2TP options: (?:\S+ )*?tid (\d+) sid (\d+)\b.*$/, (m) => step('pppol2tpSession', { tunnel: m[1]!, session: m[2]! })),
  context(/^Connect: (\S+) <-->(?: (.*))?$/, (m) => step('connect', { iface: m[1]!, peer: m[2] ?? '' })),
  context(/^(?:Connection terminated\.?|Modem hangup|Exit\.|Terminating on signal \d+\.?|Hangup \(SIGHUP\)|Connect time [\d.]+ minutes\.|Terminating connection due to lack of activity\.?)$/, () => step('pppdEnd')),
  // main.c print_link_stats at the link's end: what went through it each way (see linkCounters)
  [/^Sent (\d+) bytes, received (\d+) bytes\.$/, (m) => linkCounters(Number(m[1]), Number(m[2]))],
  // main.c: the children pppd waits for at its end (`Waiting for %d child processes...`, then `  script %s, pid %d` each)
  context(/^Waiting for \d+ child process(?:es)?\.\.\.$|^script .+, pid \d+$/, () => step('pppdEnd')),
  // options.c print_options (the `dump` option): "pppd options in effect:", then one option a line, `NAME VALUE\t\t# (from SOURCE)`;
  // an option whose value is hidden (a password, a device given without a name) prints as the comment alone
  context(/^pppd options in effect:$/, () => step('pppdOptionsDump')),
  // (a line cut at the terminal's width by a pager, `# (from /etc/ppp$`, ends in `$` where its source was cut)
  context(/^(?:(.*?)[ \t]+)?# \(from (command line|[^\s)]+?)(?:\)|\$)$/, (m) => step('pppdOption', { option: m[1] ?? '…', source: m[2]! })),
  // ipcp.c ipcp_up (usepeerdns): the DNS servers the other side gave
  context(/^(primary|secondary)[ \t]+DNS address (\S+)$/, (m) => step('pppdPeerDns', { address: m[2]! })),
  context(/^Cannot determine ethernet address for proxy ARP$/, () => step('noProxyArp', undefined, 'warning')),
  context(/^Overriding (mtu|mru) .*$/, () => step('mtuOverride')),
  context(/^(?:VPN server: )?peer (\S+) \(([^)]*)\) connected - ifname: (\S+), local IP: (\S+)$/, (m) => tagged(step('firmwarePeerConnected', { peer: m[1]!, user: m[2]!, address: m[4]! }, 'success'), { peer: m[1], user: m[2] })),
  context(/^(?:User request|LCP down)$/, (m) => step(m[0] === 'LCP down' ? 'lcpDown' : 'userRequest', undefined, 'warning')),
  context(/^sent Call-Clear-Request$/, () => ({ decoded: [...pptpType(12, 'out').decoded, d('selfHungUp')], outcome: 'info' })),
  // lcp.c LcpLinkFailure: the other side (the PC; on a client's log the server) stopped answering LCP Echo-Requests (pppd exits with
  // EXIT_PEER_DEAD, 15), then "Serial link appears to be disconnected."
  [/^No response to (\d+) echo-requests$/, (m, _p, s) => ({ decoded: [d('echoTimeout', { n: m[1]!, ...byRole(s) })], outcome: 'warning' })],
  [/^Serial link appears to be disconnected\.$/, (_m, _p, s) => ({ decoded: [d('step.linkDisconnected', byRole(s))], outcome: 'warning' })],
  // ipcp.c ipcp_up: no address for the server's own end (pptpd.conf `localip`, or `<local>:` in the options)
  [/^Could not determine local IP address$/, () => ({ decoded: [d('noLocalIp')], outcome: 'failure', cause: 'address-pool' })],
  context(/^Peer refused to agree to our IP address$/, () => ({ decoded: [d('peerRefusedOurIp')], outcome: 'warning' })),
  // chap-new.c chap_verify_response: the user name is not in chap-secrets (the PC gets a CHAP Failure: error 691);
  // "… authenticating us to X" is the client side (chap_respond) and not this
  // (the client's line names no server when pppd had no remote name — `… us to ` with its blank trimmed: not a user "us to")
  [/^No CHAP secret found for authenticating (?!us to(?: |$))(.+)$/, (m) => tagged({ decoded: [d('noChapSecret', { user: unq(m[1])! })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: unq(m[1]) })],
  // chap-new.c chap_respond: the client side has no secret for this server name in chap-secrets and answers with an empty one
  // (a plugin may give the password instead — NetworkManager's does; then the log-in still succeeds)
  context(/^No CHAP secret found for authenticating us to(?: (.*))?$/, (m) => ({ decoded: [d('noOwnChapSecret', { server: unq(m[1]?.trim()) ?? '' })], outcome: 'warning' })),
  // auth.c link_established: the PC rejected every authentication protocol the server requires (exit 11)
  [/^peer refused to authenticate: terminating link$/, () => ({ decoded: [d('peerRefusedAuth')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  // ccp.c ccp_rejci: the PC rejected the MPPE option the server requires
  [/^MPPE required but peer refused$/, () => ({ decoded: [d('mppePeerRefused')], outcome: 'failure', cause: 'pc-refused-encryption' })],
  // lcp.c lcp_rprotrej: the PC sent an LCP Protocol-Reject (debug "… received"; warn "… for unsupported protocol …")
  [/^Protocol-Reject for (?:unsupported protocol )?(?:'([^']+)' \((0x[0-9a-f]+)\)|(0x[0-9a-f]+))(?: received)?$/i, (m) => {
    const number = m[2] ?? m[3]!;
    if (parseInt(number, 16) === 0x80fd) return { decoded: [d('protRejCcp')], outcome: 'failure', cause: 'pc-refused-encryption' };
    const name = m[1] ?? PPP_PROTOCOLS[parseInt(number, 16)];
    return { decoded: [d('protRejReceived', { number, name: name ? ` (${name})` : '' })], outcome: 'info' };
  }],
  // chap_ms.c chapms_handle_failure: an E= code pppd has no text for; the raw failure packet follows
  [/^Unknown MS-CHAP authentication failure: (.*)$/, (m) => {
    const e = msChapErrorOf(m[1]!);
    return { decoded: [d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' })], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }],
  // fsm.c fsm_rtermreq: "%s terminated by peer (%0.*v)" for the other control protocols (LCP and IPCP have their rules above)
  context(/^(CCP|IPV6CP|ECP|BACP|IPXCP) terminated by peer(?: \((.*)\))?$/, (m) => ({ decoded: [d('ncpTerminated', { proto: m[1]!, reason: m[2] ?? '' })], outcome: 'warning' })),
  // sys-linux.c ppp_available / main.c: the kernel has no PPP (no ppp_generic; an OpenVZ container without /dev/ppp) —
  // pppd cannot start any session (exit 4, NO_KERNEL_SUPPORT)
  [/^(?:Couldn't open the \/dev\/ppp device: (.+)|Sorry - this system lacks PPP kernel support)$/, (m) => ({ decoded: [d('noPppKernel', { error: m[1] ? `: ${m[1]}` : '' })], outcome: 'failure', cause: 'ppp-setup-failed' })],
  // ccp.c ccp_up: a compressor other than MPPE (whose line is read above)
  context(/^(?!MPPE )(\S+(?: \([^)]*\))?) compression enabled$/, (m) => step('compressionUp', { method: m[1]! })),
  // lcp.c lcp_reqci (LCPDEBUG): pppd's verdict on the PC's Configure-Request (the packet dump follows)
  context(/^lcp_reqci: returning CONF(ACK|NAK|REJ)\.$/, () => step('pppdDebug')),
  // main.c run_program / reap_kids
  // (the `pty` command of a PPTP client is reaped under its whole command line, blanks and all: `Script pptp host --nolaunchpppd  finished`)
  context(/^Script (.+?)[ \t]+(?:started \(pid \d+\)|finished \(pid \d+\), status = 0x[0-9a-f]+)$/, (m) => step('pppdScript', { script: m[1]! })),
  context(/^Child process (\S+) \(pid \d+\) terminated with signal \d+$/, () => step('pppdEnd')),
  // plugins/radius/radius.c radius_init: the plugin cannot start, so every log-in through it fails
  [/^RADIUS: Can't read (config|dictionary|map) file (.*)$/, (m) => ({ decoded: [d('radiusConfig', { what: m[1]!, file: m[2]! })], outcome: 'failure', cause: 'radius-misconfigured' })],
  // accel-ppp radius/dict.c and radius/serv.c (log_emerg at start-up or config reload): its dictionary cannot be opened, or a
  // server line of [radius] cannot be read (`radius: failed to parse 'auth-server'`, `… '10.0.0.1,secret,x'`, `… dae-server`) — the
  // module has no usable server, so no password can be checked
  [/^radius: (?:open dictionary '([^']*)': (.+)|failed to parse '?(.*?)'?)$/, (m) => ({ decoded: [d('accelRadiusConfig', { detail: m[1] !== undefined ? `dictionary ${m[1]}: ${m[2]}` : m[3]! })], outcome: 'failure', cause: 'radius-misconfigured' })],
  // radiusclient avpair.c: an attribute the dictionary does not name (harmless unless it is one pppd needs)
  context(/^rc_avpair_new: unknown attribute (\d+)$/, (m) => step('radiusUnknownAttr', { attr: m[1]! })),
  // auth.c check_access: the secrets file is readable by others (a warning; authentication goes on)
  context(/^Warning - secret file (\S+) has world and\/or group access$/, (m) => step('secretsWorldReadable', { file: m[1]! }, 'warning')),
  // pptpd's logwtmp plugin (plugins/pptpd-logwtmp.c ip_up, with `debug`): interface, user and the PC's real address
  context(/^pptpd-logwtmp\.so ip-up (\S+) (\S+) (\S+)$/, (m) => tagged(step('logwtmpUp', { iface: m[1]!, user: m[2]!, peer: m[3]! }, 'success'), { user: m[2], peer: m[3] })),
  context(/^pptpd-logwtmp\.so ip-down (\S+)$/, () => step('pppdEnd')),
  // plugins/pptpd-logwtmp.c plugin_init: its banner (the RCS keyword never expanded in the released source)
  context(/^pptpd-logwtmp: \$Version\$$/, () => step('pppdStart')),
  // pppd main.c get_input (see unsupportedProtocol)
  [/^Unsupported protocol (?:'([^']+)' \((0x[0-9a-f]+)\)|(0x[0-9a-f]+)) received$/i, (m) => unsupportedProtocol(m)],
  // accel-ppp (accel-pppd/ppp/*.c, auth/*.c; the session prefix is cut first, see ACCEL_SESSION)
  [/^(send|recv) \[(LCP|IPCP|IPV6CP|CCP|PAP|CHAP-md5|MSCHAP-v1|MSCHAP-v2) (\w+)(?: (.*))?\]$/, (m) => accelPacket(m)],
  // radius/packet.c: `recv [RADIUS(1) Access-Reject id=1 <Reply-Message …>]` (the format of the Access-Request lines seen;
  // assumed for Access-Reject): the RADIUS server refused the user
  [/^recv \[RADIUS(?:\(\d+\))? Access-Reject\b/, () => ({ decoded: [d('radiusReject')], outcome: 'failure', cause: 'credentials-rejected', code: 691 })],
  // accel-pppd/ctrl/pptp/pptp.c (verbose): the PC's Call-Clear-Request, as pptpd's 'Received CALL CLR request'
  context(/^recv \[PPTP Call-Clear-Request\b/, () => ({ decoded: [...pptpType(12, 'in').decoded, d('pcHungUp')], outcome: 'info' })),
  [/^l2tp tunnel \d+-\d+ \(([\d.]+):\d+\): (.*)$/, (m) => accelL2tp(m[2]!, m[1])],
  [/^l2tp session \d+-\d+, \d+-\d+: (.*)$/, (m) => accelL2tp(m[1]!, undefined)],
  // pptp.c: a new control connection (TCP 1723), with the PC's address
  context(/^pptp: new connection from (\S+)$/, (m) => tagged(step('ctrlStarted', { peer: m[1]! }), { peer: m[1] })),
  // pptp.c pptp_send_echo: the PC stopped answering PPTP Echo-Requests; accel-ppp drops the connection
  context(/^pptp: no echo reply$/, () => ({ decoded: [d('pptpNoEchoReply')], outcome: 'warning' })),
  // pptp.c pptp_read: what arrived on TCP 1723 is not a valid PPTP message; accel-ppp drops the connection
  context(/^pptp: (invalid magic|message is too long|invalid message length)$/, (m) => ({ decoded: [d('ctrlBadPacket', { what: m[1]! })], outcome: 'warning' })),
  context(/^pptp: IP is out of client-ip-range, droping connection\.*$/, () => ({ decoded: [d('pptpOutOfRange')], outcome: 'warning' })),
  context(/^(?:send|recv) \[(PPPoE|SSTP|HTTP|SSL|RADIUS(?:\(\d+\))?|L2TP|PPTP) (?!Access-Reject\b|Call-Clear-Request\b)([^\s\]<]+)/, (m) => step('accelPacket', { proto: m[1]!.replace(/\(\d+\)$/, ''), what: m[2]! })),
  // radius/req.c, radius/serv.c
  [/^radius: (?:server\((\d+)\) not responding(?:, terminating session\.\.\.)?|no available servers)$/, (m) => ({ decoded: [d('radiusNoReply', { server: m[1] ? `(${m[1]})` : '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  // accel-pppd start-up: kernel modules of the IPoE/PPPoE VLAN monitor (not used by PPTP, L2TP or SSTP)
  context(/^(?:failed to load vlan_mon module|vlan_mon: kernel module is not loaded|genl: error talking to kernel)$/, () => step('accelHousekeeping')),
  // ppp_auth.c ppp_auth_failed / __ppp_auth_started: "%s: authentication failed|succeeded" (username may be empty)
  [/^(?:(\S*): )?authentication failed$/, (m) => tagged({ decoded: [d('accelAuthFailed', { user: m[1] || '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: m[1] || undefined })],
  context(/^(\S+): authentication succeeded$/, (m) => tagged(step('accelAuthOk', { user: m[1]! }, 'success'), { user: m[1] })),
  // ppp_auth.c auth_recv_conf_nak/rej: every method the server offered was Nak'ed or rejected
  [/^cann't negotiate authentication type$/, () => ({ decoded: [d('accelNoAuthType')], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  context(/^auth: unexcepcted configure-(nak|reject)$/, (m) => ({ decoded: [d('accelAuthUnexpected', { what: m[1] === 'nak' ? 'Configure-Nak' : 'Configure-Reject' })], outcome: 'warning' })),
  // ccp_mppe.c setup_mppe_key
  [/^mppe: MPPE requested but not supported by kernel$/, () => ({ decoded: [d('mppeNotPossible')], outcome: 'failure', cause: 'mppe-unavailable' })],
  context(/^connect: (\S+) <--> (\w+)\(([^)]*)\)$/, (m) => tagged(step('connect', { iface: m[1]!, peer: `${m[2]} ${m[3]}` }), { peer: m[3]!.replace(/:\d+$/, '') })),
  context(/^accel-ppp version \S+$/, () => step('pppdStart')),
  context(/^(?:(?:lcp|auth|ccp|ipcp|ipv6cp)_layer_(?:init|start|started|finish|finished|free)|ppp (?:establishing|connected)|disconnecting|terminate)$/, () => step('accelHousekeeping')),
  // accel-ppp module start-up: no address range for the PPP interfaces (pptp.c, l2tp.c, sstp.c)
  context(/^(pptp|l2tp|sstp|pppoe|ipoe): iprange module disabled, improper IP configuration of PPP interfaces may cause kernel soft lockup$/, (m) => step('accelNoIprange', { what: m[1]! }, 'warning')),
  // sstp.c: the TLS certificate or key file named in [sstp] cannot be loaded (wording of the real line, assumed for the
  // other options): the SSTP server has no certificate to present, so no PC's TLS handshake can succeed
  [/^sstp: ssl-(pemfile|keyfile|ca-file) error: (.*)$/, (m) => ({ decoded: [d('sstpCertFile', { option: `ssl-${m[1]}`, error: m[2]! })], outcome: 'failure', cause: 'sstp-server-certificate' })],
  // pptp.c / l2tp.c / sstp.c: a control connection closed (before a PPP session when the prefix is `:: `)
  context(/^disconnected$/, () => step('accelDisconnected')),
  // sstp.c: the Call-Connected's crypto binding (Nonce, Compound MAC, hash protocol) did not check out; accel-ppp aborts the call
  context(/^sstp: invalid (Nonce|Compound MAC|Hash Protocol|Certificate Hash)/i, (m) => ({ decoded: [d('sstpBindingInvalid', { what: m[1]! })], outcome: 'warning' })),
  context(/^(?:sstp|pptp|l2tp): disconnect by peer$/, () => step('disconnectByPeer', undefined, 'warning')),
  // pptp.c disconnect() (debug): the control connection is torn down, its PPP session ended as a lost carrier (why: the lines before)
  context(/^pptp: disconnect$/, () => step('accelDisconnected')),
  context(/^sstp: ppp: read: (.+)$/, (m) => ({ decoded: [d('accelPppReadError', { error: m[1]! })], outcome: 'warning' })),
  // pptp-linux, the PPTP client (`anon log[ctrlp_disp:pptp_ctrl.c:739]: …`, families/pptp-client.ts)
  [PPTP_CLIENT_LINE, (m, pre, state) => pptpClientLine(m, pre, state)],
  // pppd utils.c format_packet: a frame of a protocol pppd has no printer for, dumped as `[proto=0xNNNN]` and its bytes in hex
  context(/^(sent|rcvd) \[proto=0x([0-9a-f]+)\](?: [0-9a-f ]*)?$/i, (m) => {
    const name = PPP_PROTOCOLS[parseInt(m[2]!, 16)];
    return step('pppdOtherPacket', { dir: m[1] === 'sent' ? 'out' : 'in', number: `0x${m[2]}`, name: name ? ` (${name})` : '' });
  }),
  // sys-linux.c: no PPP packet filter in the kernel (active-filter, pass-filter unusable; nothing else changes) — main.c get_input:
  // a frame of another protocol before LCP is open is dropped (a late frame while the link closes, or one sent too early)
  context(/^kernel does not support PPP filtering$/, () => step('pppdNoFilter')),
  context(/^Discarded non-LCP packet when LCP not open$/, () => step('pppdNonLcpDropped')),
  // xl2tpd's rows (families/xl2tpd.ts), in their place in this one list: rule order decides which rule takes a line (kit.ts)
  ...XL2TPD_RULES,
];


/**
 * The message the rules read: trimmed, accel-ppp's session prefix cut, and a trailing comma dropped
 * (log lines pasted as a list, a comma after each: a Docker log pasted in an issue, `… Closing.,`;
 * assumed: no pppd, pptpd, xl2tpd or accel-ppp message ends with one).
 */
function messageOf(raw: string): string {
  let message = trimmed(raw);
  lastSession = undefined;
  const c = message.charCodeAt(0);
  // (a letter-digit interface, a `:` or the 16 hex digits of a session id start it)
  if ((c === 58 || (c >= 97 && c <= 122)) && message.indexOf(': ') > 0) {
    const m = ACCEL_SESSION.exec(message);
    if (m) {
      message = message.slice(m[0].length);
      lastSession = m[1] || m[3] || m[5] || undefined;
    }
  }
  if (message.charCodeAt(message.length - 1) === 44 /* , */) message = message.slice(0, -1);
  return message;
}
/** accel-ppp's interface name (ppp0) from the prefix the last messageOf cut, as the session. */
let lastSession: string | undefined;

/**
 * What carries the PPP frames in this log, from the programs and lines around pppd: xl2tpd (or l2tpd, openl2tpd) and pppd's
 * kernel-L2TP plugin (`Plugin pppol2tp.so loaded.`, `PPPoL2TP options: …`, pppd's pppol2tp.c) are L2TP; pptpd and its control
 * lines, PoPToP's pptpd-logwtmp plugin and accel-pptp's plugin banner (and pppd logging as `pptp[pid]` on Asuswrt/Padavan) are
 * PPTP. Flags only ever set, so reading a record twice changes nothing.
 */
function noteTransport(program: string | undefined, message: string, state: FamilyState): void {
  if (program === 'xl2tpd' || program === 'l2tpd' || program === 'openl2tpd') state.l2tp = true;
  else if (program === 'pptpd' || program === 'pptp' || program === 'pptpctrl') state.pptp = true;
  const c = message.charCodeAt(0);
  // (P: a plugin or PPPoL2TP/PPTP line; C, G: pptpd's CTRL:/GRE: lines without a program)
  if (c === 80) {
    if (/^Plugin \S*pppol2tp\.so loaded\.$|^PPPoL2TP options: /.test(message)) state.l2tp = true;
    else if (/^Plugin \S*pptpd-logwtmp\.so loaded\.$|^PPTP plugin version /.test(message)) state.pptp = true;
  } else if ((c === 67 || c === 71) && /^(?:CTRL|GRE): /.test(message)) state.pptp = true;
}

export const pppdFamily: FamilyParser = {
  family: 'pppd',
  claims(pre: Prefixed): boolean {
    if (pre.program && PROGRAMS.test(pre.program)) return true;
    // Padavan firmware logs with the tag "VPN server" (syslog shows it like host + program)
    // (program first: host is read from the header again when asked)
    if (pre.program === 'server' && pre.host === 'VPN') return true;
    if (pre.shape === 'router-tab') return true;
    // a relay's header before the router's `host: xl2tpd[pid]:` (families/relayed.ts)
    if (pre.program) return relayed(pre, PROGRAMS) !== undefined;
    return applyRules(RULES, messageOf(pre.message), pre, {}) !== null;
  },
  parse(pre, state, countOnly) {
    if (pre.program && !PROGRAMS.test(pre.program)) pre = relayed(pre, PROGRAMS) ?? pre;
    const message = messageOf(pre.message);
    const session = lastSession;
    // the message lies in the chunk when only a prefix was cut from it (not a trailing comma)
    const at = message === pre.message ? messageAt(pre, 0, message) : pre.message.endsWith(message) ? messageAt(pre, pre.message.length - message.length, message) : -1;
    noteTransport(pre.program, message, state);
    if (!state.pppDialler && dialsOut(message)) state.pppDialler = true;
    noteRole(message, pre, state);
    const hit = applyRules(RULES, message, pre, state, countOnly, at < 0 ? undefined : pre.src, at);
    if (session !== undefined && hit && !isCounted(hit) && hit.session === undefined) hit.session = session;
    return hit;
  },
};
