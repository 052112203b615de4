import { PPP_PROTOCOLS } from '../codes/ppp';
import { applyRules, context, d, isCounted, messageAt, msChapErrorOf, step, tagged, trimmed, type FamilyParser, type FamilyState, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import type { Decoded } from '../types';
import { repeatedMessage } from '../syslog-repeat';
import { relayed } from './relayed';
import { ACCEL_LEVEL, ACCEL_PPP_RULES, ACCEL_SESSION } from './pppd-accel';
import { linkCounters, mppeStrengthMismatch, rememberMppeOffer } from './pppd-negotiation';
import { ccpRestarted, noteMppeUp } from './pppd-ccp-restart';
import { packetDump, pppdUnquoted, unsupportedProtocol } from './pppd-packet';
import { awaitSide, byRole, dialsOut, noteRole, pppoeProgramDials, settleAsDialler } from './pppd-role';
import { PPTP_CLIENT_LINE, pptpClientLine } from './pptp-client';
import { isPppoeDiscovery, PPPOE_CLIENT_RULES } from './pppoe-client';
import { XL2TPD_RULES } from './xl2tpd';
import { mpdView, readMpd } from './mpd';
import { pptpType, PPTPD_RULES } from './pptpd';
import { isLower } from '../char-codes';

/**
 * pppd, pptpd (PoPToP: CTRL/GRE/MGR), accel-pptpd (Padavan/Asuswrt log pppd as `pptp[pid]`) and
 * xl2tpd: message texts from pppd (auth.c, lcp.c, ccp.c, ipcp.c, chap-new.c), pptpd
 * (pptpctrl.c, pqueue.c, pptpgre.c) and xl2tpd (xl2tpd.c, control.c: its rows in xl2tpd.ts). Server's
 * view: "peer" = the PC, until a line tells this side is the client (pppd-role.ts). pppd's packet dump is
 * read in pppd-packet.ts, accel-ppp's lines in pppd-accel.ts.
 */

// accel-ppp's syslog ident is set in its [log] section (`syslog=accel-pppd,daemon`): `accel-sstp`, `accel-pptp` are seen
const PROGRAMS = /^(pppd|pptpd|pptp|pptpctrl|xl2tpd|accel-pppd|accel-(?:sstp|pptp|l2tp|ppp)|pppoe-server|pppoe|l2tpd|openl2tpd|PPP)$/i;
/**
 * PROGRAMS.test(name), done cheaply: the three names nearly every record of these logs has are compared first (the
 * case-insensitive regex cost about 110 ns a record, a quarter of what parse did besides the rules on the bench log;
 * prefix.ts gives those names as the same strings, so each comparison is mostly a pointer's), and the regex runs only after
 * its names' first letters, p, x, a, l and o in either case (claims: most program tags that reach it are other daemons',
 * `kernel`, `systemd` …). `| 32` folds only a letter's case: no other character comes to one of these five so.
 */
const isPppProgram = (name: string): boolean => {
  if (name === 'pppd' || name === 'pptpd' || name === 'xl2tpd') return true;
  const c = name.charCodeAt(0) | 32;
  return (c === 112 || c === 120 || c === 97 || c === 108 || c === 111) && PROGRAMS.test(name);
};

/** A protocol name as pppd's lines give it, in one spelling: CHAP, PAP, EAP, MS-CHAP, MS-CHAP-v2. */
const authMethod = (name: string): string => (/^ms/i.test(name) ? name.replace(/^ms-chap-?/i, 'MS-CHAP-').replace(/-$/, '').replace(/v2$/i, 'v2') : name.toUpperCase());

const unq = pppdUnquoted;

/**
 * options.c print_options (`dump`): one option a line, `NAME VALUE\t\t# (from SOURCE)`.
 * (a line cut at the terminal's width by a pager, `# (from /etc/ppp$`, ends in `$` where its source was cut; the option is the
 * text before the blanks, taken greedily up to its last non-blank: a lazy `(.*?)[ \t]+` tried each blank run's every length
 * from every point, n² on a long run of tabs — found by the server-log fuzzer, 7 s for a 150 KB log)
 */
export const PPPD_OPTION_LINE = /^(?:(.*[^ \t]|)[ \t]+)?# \(from (command line|[^\s)]+?)(?:\)|\$)$/;

const RULES: Rule[] = [
  [/^(sent|rcvd) \[(\w+) (\w+)(?: (.*))?\]$/, (m, pre, state) => {
    if (m[2] === 'CCP' && m[3] === 'ConfReq') rememberMppeOffer(`${pre.pid ?? ''}:${m[1] === 'sent' ? 'out' : 'in'}`, m[4] ?? '', state);
    const hit = packetDump(m, { key: pre.pid ?? '', state });
    // on a client's log (pppd-role.ts) the packets go to and come from the server, not a PC — and what the dump's other statements
    // say of the other side (its LCP Ident `MSRAS…`: Windows' RRAS; its Configure-Reject of the authentication asked) is the server's
    if (byRole(state)) for (const dd of hit.decoded) dd.values = { ...dd.values, role: 'initiator' };
    return hit;
  }],
  // (chap-new.c: "Peer %q failed CHAP authentication"; later builds "%s peer authentication failed for %q" with the protocol's name —
  // MS-CHAP and MS-CHAP-v2 as the success line writes them; assumed for the failure)
  [/^(?:Peer (.+?) failed (CHAP|PAP|EAP|MS-CHAP(?:-?v2)?) authentication|(CHAP|PAP|EAP|MS-CHAP(?:-?v2)?) peer authentication failed(?: for (.+))?)$/i, (m) => {
    const user = unq(m[1] ?? m[4]);
    return { decoded: [d('peerAuthFailed', { user: user ?? '?', method: authMethod((m[2] ?? m[3])!) })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user };
  }],
  // chap_ms.c chapms_check_success (pppd ≥ 2.4.5): the server SENT a CHAP Success — it took the password — and this side's pppd
  // could not accept it: the message is not of the form `S=<40 hex> M=…` ("badly formed": Windows Server 2019 leaves the blank
  // before M= out, which pppd reads only from 2.4.9 on, ppp-project/ppp pull request #156), or the server's proof that it knows the
  // password (the authenticator response, RFC 2759 §8.7) is not the one this side computed ("mutual authentication failed"). Then
  // chap-new.c chap_handle_status turns the Success into a failure and logs "CHAP authentication failed" (the rule below, told by
  // this pid's note): no password was refused, so no credentials cause
  [/^MS-CHAPv2 (Success packet is badly formed|mutual authentication failed)\.?$/, (m, pre, state) => {
    state[`msSuccessRefused:${pre.pid ?? ''}`] = true;
    return { decoded: [d(m[1]!.startsWith('mutual') ? 'msChapServerProofWrong' : 'msChapSuccessMalformed', { role: 'initiator' })], outcome: 'failure' };
  }],
  // chap-new.c chap_handle_status ("%s authentication failed") and chap_ms.c chapms_handle_failure ("MS-CHAP authentication failed:
  // %v"): only the side that logs in writes them, on the CHAP Failure the other side (the server) sent it — this side was refused
  [/^(MS-CHAP(?:v2)?|CHAP) authentication failed(?:: (.*))?$/i, (m, pre, state) => {
    // (after the line above the server had taken the password: this side gave the log-in up itself)
    const noted = `msSuccessRefused:${pre.pid ?? ''}`;
    if (m[2] === undefined && state[noted]) {
      delete state[noted];
      return { decoded: [d('ownLoginAbandoned', { method: m[1]!.toUpperCase(), role: 'initiator' })], outcome: 'failure' };
    }
    const e = msChapErrorOf(m[2] ?? '');
    const values = { method: m[1]!.toUpperCase(), role: 'initiator' };
    return { decoded: [e ? d('ownLoginRejectedCode', { ...values, code: e }) : d('ownLoginRejected', values)], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }],
  // chap-new.c chap_handle_response, upap.c upap_rauthreq: "%s peer authentication succeeded for %q" — this side (the server) let the
  // other side's user in; chap_handle_status, upap_rauthack: "%s authentication succeeded" — this side logged in to the other side
  context(/^(CHAP|PAP|EAP|MS-CHAP\S*) (peer )?authentication succeeded(?: for (.+))?$/i, (m) => {
    const user = unq(m[3]);
    const key = user !== undefined ? 'pppUserLoggedIn' : m[2] ? 'pppPeerLoggedIn' : 'pppOwnLoginOk';
    return tagged(step(key, { method: m[1]!.toUpperCase(), user: user ?? '' }, 'success'), { user });
  }),
  // (auth.c: the other side let on without logging in — this side did not ask it to; on a client's log, byRole, the server)
  context(/^peer from calling number (\S+) authorized$/, (m, _p, s) => tagged(step('peerAuthorized', { peer: m[1]!, ...byRole(s) }), { peer: m[1] }), (_m, s) => void byRole(s)),
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
  // (a context rule, its state written when only counted too: a busy server's log states this once a session, and past the entries
  // cap a plain rule decoded and kept each — explain-log 1.11× on the bench log)
  context(
    /^MPPE (\d+)-bit (stateless|stateful)? ?compression enabled$/,
    (m, pre, s) => {
      noteMppeUp(s, pre.pid ?? '');
      return step('mppeUp', { mppe: (m[1] === '40' ? 0x20 : m[1] === '56' ? 0x80 : 0x40) | (m[2] === 'stateless' ? 0x01000000 : 0) }, 'success');
    },
    (_message, s, pre) => noteMppeUp(s, pre.pid ?? ''),
  ),
  // ccp.c ccp_down: CCP went down after MPPE was agreed while LCP is still open, and pppd closes the link ("MPPE disabled" is its
  // LCP Terminate-Request's reason too). At a link's normal end it follows the end counters and means nothing; right after the
  // other side sent a new CCP Configure-Request (fsm.c: a Configure-Request in the Opened state restarts the negotiation) it is the
  // cause: pppd cannot renegotiate MPPE on a live link and ends it — a Windows PC shows 734 (the PPP link control protocol was
  // terminated; the real case's poster quotes it). Its trigger there: the server offered 40- and 128-bit at once, the PC Nak'ed to
  // 128-bit and the two offers crossed (assumed from the real log's order)
  [/^MPPE disabled$/, (_m, pre, s) => (ccpRestarted(s, pre.pid ?? '') ? { decoded: [d('mppeRenegotiated', byRole(s))], outcome: 'failure', cause: 'mppe-renegotiated' } : step('mppeDisabled', undefined, 'warning'))],
  // pppd lcp.c: the server's Configure-Requests got no answer. Over PPTP the PC's PPP frames come in GRE, so blocked GRE is the usual
  // cause; over L2TP there is no GRE (PPP rides in L2TP's UDP 1701, inside IPsec for Windows), so that finding would be wrong there —
  // the log only says the frames did not come back through the L2TP tunnel (ppp-project/ppp #556: pppd with pppol2tp.so). Which one
  // the log shows: noteTransport below; with signs of both (a server running pptpd and xl2tpd) or neither, PPTP's reading stays
  // (on a client's log, pppClient, the side that never answered is the server: worded so, describe.ts INITIATOR_WORDED)
  // (blanks between the words as a copy left them: a forum post shows "LCP: timeout sending   Config-Requests")
  // (over PPPoE, noteTransport's pppoe, PPP rides on Ethernet itself, RFC 2516: no GRE either)
  [/^LCP: timeout +sending +Config-Requests$/, (_m, _p, s) => (s.pptp ? { decoded: [d('lcpTimeout', byRole(s))], outcome: 'failure', cause: 'no-ppp-frames' } : s.l2tp || s.pppoe ? { decoded: [d(s.l2tp ? 'lcpTimeoutL2tp' : 'lcpTimeoutPppoe', byRole(s))], outcome: 'failure' } : { decoded: [d('lcpTimeout', byRole(s))], outcome: 'failure', cause: 'no-ppp-frames' })],
  // (LCP's is the rule above: the link itself never came up)
  context(/^(IPCP|CCP|IPV6CP): timeout +sending +Config-Requests$/, (m) => ({ decoded: [d('ncpTimeout', { proto: m[1]! })], outcome: 'warning' })),
  // ipcp.c ipcp_up: the other side gave no address of its own. On a server the PC's address, from its pool (a failure); on a client's
  // log the server's own, which pppd then makes up (10.64.64.64 + unit) — harmless there, routes go through the interface
  [/^Could not determine remote IP address: defaulting to (\S+)$/, (m, _p, s) => {
    const role = byRole(s);
    return role ? { decoded: [d('noRemoteIp', { address: m[1]!, ...role })], outcome: 'info' } : { decoded: [d('noRemoteIp', { address: m[1]! })], outcome: 'failure', cause: 'address-pool' };
  }],
  [/^IPCP terminated by peer \((.*)\)$/, (m) => /IP address/i.test(m[1]!) ? { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'failure', cause: 'address-pool' } : { decoded: [d('ipcpTerminated', { reason: m[1]! })], outcome: 'warning' }],
  [/^(?:no (?:more )?(?:free )?IP addresses? (?:available|left)|Peer is not authorized to use remote address (\S+))/i, (m) => ({ decoded: [d('noAddressLeft', { address: m[1] ?? '' })], outcome: 'failure', cause: 'address-pool' })],
  // ipcp.c ipcp_up: this side's address and the other side's (on a client's log, byRole: this side's own and the server's)
  // (pppd pads "local" to line up with "remote": two blanks, a tab where a copy tabified them)
  // (a context rule that asks the side: when the record is only counted its statement is not made, and counted asks for it — parse
  // then keeps the pppd's place among those waiting for their side as the statement would, see awaitSide)
  context(/^(local|remote)[ \t]+IP address (\S+)$/, (m, _p, s) => step(m[1] === 'local' ? 'localIp' : 'remoteIp', { address: m[2]!, ...byRole(s) }, 'success'), (_m, s) => void byRole(s)),
  [/^(?:rc_send_server: no reply from RADIUS server(?: (\S+))?|RADIUS: .*(?:timed? ?out|no response)|Timeout on RADIUS server)/i, (m) => ({ decoded: [d('radiusNoReply', { server: m[1] ?? '' })], outcome: 'failure', cause: 'radius-unreachable' })],
  // pptpd's rows (families/pptpd.ts), in their place in this one list
  ...PPTPD_RULES,
  context(/^accel-pptpd-\S+ compiled for .*$|^PPTP plugin version .*$|^Plugin \S+ loaded\.$|^(?:RADIUS|RADATTR) plugin initialized\.$|^pppd [\d.]+ started by .*$/, () => step('pppdStart')),
  context(/^Using interface (\S+)$/, (m) => step('usingInterface', { iface: m[1]! })),
  // pppd sys-linux.c (dbglog): the kernel PPP channel pppd attached to — with a kernel-mode tunnel (pppol2tp, pppoe) there is no tty
  context(/^using channel (\d+)$/, (m) => step('pppChannel', { n: m[1]! })),
  // pppd's pppol2tp.c plugin: the kernel L2TP tunnel and session ids xl2tpd (or the LNS) handed it (`PPPoL2TP options: lnsmode tid 59263 sid 15552 debugmask 0`)
  context(/^PPPoL2TP options: (?:\S+ )*?tid (\d+) sid (\d+)\b.*$/, (m) => step('pppol2tpSession', { tunnel: m[1]!, session: m[2]! })),
  // (a LAC's pppd, which xl2tpd hands no ids on its line, prints only its debug mask: `PPPoL2TP options: debugmask 0`, xelerance/xl2tpd #202)
  context(/^PPPoL2TP options: debugmask \d+$/, () => step('pppdStart')),
  context(/^Connect: (\S+) <-->(?: (.*))?$/, (m) => step('connect', { iface: m[1]!, peer: m[2] ?? '' })),
  context(/^(?:Connection terminated\.?|Modem hangup|Exit\.|Terminating on signal \d+\.?|Hangup \(SIGHUP\)|Connect time [\d.]+ minutes\.|Terminating connection due to lack of activity\.?)$/, () => step('pppdEnd')),
  // main.c print_link_stats at the link's end: what went through it each way (see linkCounters)
  [/^Sent (\d+) bytes, received (\d+) bytes\.$/, (m, _p, s) => linkCounters(Number(m[1]), Number(m[2]), s.l2tp === true && s.pptp !== true)],
  // main.c: the children pppd waits for at its end (`Waiting for %d child processes...`, then `  script %s, pid %d` each)
  context(/^Waiting for \d+ child process(?:es)?\.\.\.$|^script .+, pid \d+$/, () => step('pppdEnd')),
  // options.c print_options (the `dump` option): "pppd options in effect:", then one option a line, `NAME VALUE\t\t# (from SOURCE)`;
  // an option whose value is hidden (a password, a device given without a name) prints as the comment alone
  context(/^pppd options in effect:$/, () => step('pppdOptionsDump')),
  context(PPPD_OPTION_LINE, (m) => step('pppdOption', { option: m[1] ?? '…', source: m[2]! })),
  // ipcp.c ipcp_up (usepeerdns): the DNS servers the other side gave
  context(/^(primary|secondary)[ \t]+DNS address (\S+)$/, (m) => step('pppdPeerDns', { address: m[2]! })),
  // (sys-linux.c sifproxyarp: `proxyarp` set and no Ethernet interface on the other side's subnet — this side's LAN is then not
  // reachable from the other side, the PC's on a server, the server's on a client)
  context(/^Cannot determine ethernet address for proxy ARP$/, (_m, _p, s) => step('noProxyArp', byRole(s), 'warning')),
  // sys-linux.c get_ether_addr: the LAN interface pppd answers ARP on for the PC's address (proxyarp) — the way the PC reaches the LAN
  context(/^found interface (\S+) for proxy arp$/, (m) => step('proxyArpOn', { iface: m[1]! })),
  // sys-linux.c sifdefaultroute (`defaultroute` set, another default route already there): pppd leaves it, so only traffic routed
  // to the link goes through it — `via <gateway>`, `through <interface>`, from pppd 2.4.8 ` with metric N`, pppd 2.3's `to <dev>[<gw>]`
  // (real lines: pppd-pppoe-client-rp-pppoe-plugin-docker-…, and Ubuntu Forums plogs of PPPoE and 3G clients)
  context(/^(?:ppp )?not replacing existing default route (?:via|through|to) ([^\s[]+)(?: ?\[[^\]]*\])?(?: with metric -?\d+)?$/, (m, _p, s) => step('defaultRouteKept', { route: m[1]!, ...byRole(s) }, 'warning')),
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
  // (the lines below that name the other side as the PC are worded for a client's log by byRole: there it is the server)
  context(/^Peer refused to agree to our IP address$/, (_m, _p, s) => ({ decoded: [d('peerRefusedOurIp', byRole(s))], outcome: 'warning' }), (_m, s) => void byRole(s)),
  // chap-new.c chap_verify_response: the user name is not in chap-secrets (the PC gets a CHAP Failure: error 691);
  // "… authenticating us to X" is the client side (chap_respond) and not this
  // (the client's line names no server when pppd had no remote name — `… us to ` with its blank trimmed: not a user "us to")
  [/^No CHAP secret found for authenticating (?!us to(?: |$))(.+)$/, (m) => tagged({ decoded: [d('noChapSecret', { user: unq(m[1])! })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: unq(m[1]) })],
  // chap-new.c chap_respond: the client side has no secret for this server name in chap-secrets and answers with an empty one
  // (a plugin may give the password instead — NetworkManager's does; then the log-in still succeeds)
  context(/^No CHAP secret found for authenticating us to(?: (.*))?$/, (m) => ({ decoded: [d('noOwnChapSecret', { server: unq(m[1]?.trim()) ?? '' })], outcome: 'warning' })),
  // auth.c link_established: the PC rejected every authentication protocol the server requires (exit 11)
  [/^peer refused to authenticate: terminating link$/, (_m, _p, s) => ({ decoded: [d('peerRefusedAuth', byRole(s))], outcome: 'failure', cause: 'auth-protocol-mismatch' })],
  // ccp.c ccp_rejci: the PC rejected the MPPE option the server requires
  [/^MPPE required but peer refused$/, (_m, _p, s) => ({ decoded: [d('mppePeerRefused', byRole(s))], outcome: 'failure', cause: 'pc-refused-encryption' })],
  // lcp.c lcp_rprotrej: the PC sent an LCP Protocol-Reject (debug "… received"; warn "… for unsupported protocol …")
  [/^Protocol-Reject for (?:unsupported protocol )?(?:'([^']+)' \((0x[0-9a-f]+)\)|(0x[0-9a-f]+))(?: received)?$/i, (m, _p, s) => {
    const number = m[2] ?? m[3]!;
    if (parseInt(number, 16) === 0x80fd) return { decoded: [d('protRejCcp', byRole(s))], outcome: 'failure', cause: 'pc-refused-encryption' };
    const name = m[1] ?? PPP_PROTOCOLS[parseInt(number, 16)];
    return { decoded: [d('protRejReceived', { number, name: name ? ` (${name})` : '', ...byRole(s) })], outcome: 'info' };
  }],
  // chap_ms.c chapms_handle_failure: an E= code pppd has no text for; the raw failure packet follows
  [/^Unknown MS-CHAP authentication failure: (.*)$/, (m) => {
    const e = msChapErrorOf(m[1]!);
    return { decoded: [d(e ? 'chapFailureCode' : 'chapFailure', { code: e ?? '' })], outcome: 'failure', cause: 'credentials-rejected', code: e ?? 691 };
  }],
  // fsm.c fsm_rtermreq: "%s terminated by peer (%0.*v)" for the other control protocols (LCP and IPCP have their rules above)
  context(/^(CCP|IPV6CP|ECP|BACP|IPXCP) terminated by peer(?: \((.*)\))?$/, (m, _p, s) => ({ decoded: [d('ncpTerminated', { proto: m[1]!, reason: m[2] ?? '', ...byRole(s) })], outcome: 'warning' }), (_m, s) => void byRole(s)),
  // fsm.c fsm_rconfack / fsm_rconfnakrej: the other side answered this side's Configure-Request with an Ack (or a Nak or Reject)
  // that does not fit it — options this side did not ask for, or a packet cut short. pppd ignores it (error "Received bad
  // configure-ack: %P", "Received bad configure-nak/rej: %P": the packet after the colon, often empty) and asks again, so the
  // option negotiation may time out: a peer that answers wrongly, or frames changed on the way (a middlebox) — assumed
  context(/^Received bad configure-(ack|nak\/rej):?(?: (.*))?$/, (m) => step('pppdBadConfAnswer', { what: m[1] === 'ack' ? 'Configure-Ack' : 'Configure-Nak/Reject', packet: m[2]?.trim() ? ` (${m[2].trim()})` : '' }, 'warning')),
  // sys-linux.c ppp_available / main.c: the kernel has no PPP (no ppp_generic; an OpenVZ container without /dev/ppp) —
  // pppd cannot start any session (exit 4, NO_KERNEL_SUPPORT)
  [/^(?:Couldn't open the \/dev\/ppp device: (.+)|Sorry - this system lacks PPP kernel support)$/, (m) => ({ decoded: [d('noPppKernel', { error: m[1] ? `: ${m[1]}` : '' })], outcome: 'failure', cause: 'ppp-setup-failed' })],
  // OpenWrt's pppd (its `ifname` option, set by netifd: `l2tp-<name>`, `pptp-<name>`, `pppoe-<name>`; the wording of the real line,
  // openwrt/packages #1334): the new PPP interface cannot take its configured name — one of that name is still there (the previous
  // session's, not yet gone: assumed from that thread, "xl2tp client fails to reconnect") — and pppd exits at once (code 1)
  [/^Couldn't rename (\S+) to (\S+)$/, (m, _p, s) => ({ decoded: [d('pppdRenameFailed', { from: m[1]!, to: m[2]!, ...byRole(s) })], outcome: 'failure', cause: 'ppp-setup-failed' })],
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
  // radiusclient avpair.c: an attribute the dictionary does not name (harmless unless it is one pppd needs) — one this side puts
  // in its request (rc_avpair_new "unknown attribute %d") or one the server's answer holds (rc_avpair_gen "received unknown
  // attribute %d of length %d: 0x%s", its value in hex: hwdsl2/setup-ipsec-vpn #182 shows Acct-Interim-Interval, 85, so)
  context(/^rc_avpair_(?:new: unknown|gen: received unknown) attribute (\d+)(?: of length \d+: 0x[0-9A-Fa-f]*)?$/, (m) => step('radiusUnknownAttr', { attr: m[1]! })),
  // auth.c check_access: the secrets file is readable by others (a warning; authentication goes on)
  context(/^Warning - secret file (\S+) has world and\/or group access$/, (m) => step('secretsWorldReadable', { file: m[1]! }, 'warning')),
  // pptpd's logwtmp plugin (plugins/pptpd-logwtmp.c ip_up, with `debug`): interface, user and the PC's real address
  context(/^pptpd-logwtmp\.so ip-up (\S+) (\S+) (\S+)$/, (m) => tagged(step('logwtmpUp', { iface: m[1]!, user: m[2]!, peer: m[3]! }, 'success'), { user: m[2], peer: m[3] })),
  context(/^pptpd-logwtmp\.so ip-down (\S+)$/, () => step('pppdEnd')),
  // plugins/pptpd-logwtmp.c plugin_init: its banner (the RCS keyword never expanded in the released source)
  context(/^pptpd-logwtmp: \$Version\$$/, () => step('pppdStart')),
  // pppd main.c get_input (see unsupportedProtocol)
  [/^Unsupported protocol (?:'([^']+)' \((0x[0-9a-f]+)\)|(0x[0-9a-f]+)) received$/i, (m, _p, s) => unsupportedProtocol(m, byRole(s))],
  // accel-ppp's rows (families/pppd-accel.ts), in their place in this one list
  ...ACCEL_PPP_RULES,
  // pptp-linux, the PPTP client (`anon log[ctrlp_disp:pptp_ctrl.c:739]: …`, families/pptp-client.ts)
  [PPTP_CLIENT_LINE, (m, pre, state) => pptpClientLine(m, pre, state)],
  // a PPPoE client's discovery and session lines (pppd's rp-pppoe plugin, rp-pppoe's pppoe: families/pppoe-client.ts)
  ...PPPOE_CLIENT_RULES,
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
  lastUser = undefined;
  let c = message.charCodeAt(0);
  // (accel-ppp log_file's level word before the session, the line's time cut: ACCEL_LEVEL — e, w, i, m, d first)
  const colon = c === 101 || c === 119 || c === 105 || c === 109 || c === 100 ? message.indexOf(': ') : -1;
  if (colon >= 3 && colon <= 5) {
    const level = ACCEL_LEVEL.exec(message);
    if (level && ACCEL_SESSION.test(message.slice(level[0].length))) {
      message = message.slice(level[0].length);
      c = message.charCodeAt(0);
    }
  }
  // (a letter-digit interface, a `:` or the 16 hex digits of a session id start it; log_file's `: ` of a session without an
  // interface name starts at the first character)
  if ((c === 58 || isLower(c)) && message.indexOf(': ') >= 0) {
    const m = ACCEL_SESSION.exec(message);
    if (m) {
      message = message.slice(m[0].length);
      lastSession = m[1] || m[3] || m[5] || undefined;
      lastUser = m[2] || undefined;
    }
  }
  if (message.charCodeAt(message.length - 1) === 44 /* , */) message = message.slice(0, -1);
  return message;
}
/** accel-ppp's interface name (ppp0) from the prefix the last messageOf cut, as the session. */
let lastSession: string | undefined;
/** accel-ppp's user name from that prefix (`ppp0:alice: `; empty before the session has one) */
let lastUser: string | undefined;

/**
 * What carries the PPP frames in this log, from the programs and lines around pppd: xl2tpd (or l2tpd, openl2tpd) and pppd's
 * kernel-L2TP plugin (`Plugin pppol2tp.so loaded.`, `PPPoL2TP options: …`, pppd's pppol2tp.c) are L2TP; pptpd and its control
 * lines, PoPToP's pptpd-logwtmp plugin and accel-pptp's plugin banner (and pppd logging as `pptp[pid]` on Asuswrt/Padavan) are
 * PPTP. Flags only ever set, so reading a record twice changes nothing.
 */
function noteTransport(program: string | undefined, message: string, state: FamilyState): void {
  if (program === 'xl2tpd' || program === 'l2tpd' || program === 'openl2tpd') state.l2tp = true;
  else if (program === 'pptpd' || program === 'pptp' || program === 'pptpctrl') state.pptp = true;
  else if (program === 'pppoe' || program === 'pppoe-server') state.pppoe = true;
  const c = message.charCodeAt(0);
  // PPPoE: pppd's rp-pppoe plugin loaded, its banner, or a discovery line (families/pppoe-client.ts): a letter and a blank first
  if (state.pppoe !== true && (c === 80 || c === 82 || c === 83) && pppoeLine(message)) state.pppoe = true;
  // (P: a plugin or PPPoL2TP/PPTP line — `Pl`, `PP`, not pppd's `Peer …`; C, G: pptpd's CTRL:/GRE: lines without a program,
  // not tested once PPTP is known — on a pptpd's log its program said so already, and the regex ran on each of its lines)
  if (c === 80) {
    const c1 = message.charCodeAt(1);
    if (c1 !== 108 /* l */ && c1 !== 80 /* P */) return;
    if (/^Plugin \S*pppol2tp\.so loaded\.$|^PPPoL2TP options: /.test(message)) state.l2tp = true;
    else if (/^Plugin \S*pptpd-logwtmp\.so loaded\.$|^PPTP plugin version /.test(message)) state.pptp = true;
  } else if ((c === 67 || c === 71) && state.pptp !== true && /^(?:CTRL|GRE): /.test(message)) state.pptp = true;
}


/** A line that says PPPoE carries this pppd's frames: `Plugin rp-pppoe.so loaded.` (`pppoe.so` from pppd 2.5), `RP-PPPoE plugin …`, `Send|Recv PPPOE Discovery …` */
function pppoeLine(message: string): boolean {
  const c1 = message.charCodeAt(1);
  if (c1 === 108 /* Pl */) return /^Plugin \S*pppoe\.so loaded\.$/.test(message);
  if (c1 === 80 /* RP- */) return message.startsWith('RP-PPPoE plugin ');
  return isPppoeDiscovery(message);
}

/**
 * What waits for its pppd's side (awaitSide) in place of the statement of a record only counted: nobody reads that statement (the
 * record has no entry), but it took a place in its pppd's list, and its pppd one among those waiting — as this does.
 */
const UNREAD_STATEMENT: Decoded = { key: 'unread' };

export const pppdFamily: FamilyParser = {
  family: 'pppd',
  claims(pre: Prefixed): boolean {
    if (pre.program && isPppProgram(pre.program)) return true;
    // mpd5 (families/mpd.ts): its idents, and a copy that put its ident where the host goes
    if (mpdView(pre)) return true;
    // Padavan firmware logs with the tag "VPN server" (syslog shows it like host + program)
    // (program first: host is read from the header again when asked)
    if (pre.program === 'server' && pre.host === 'VPN') return true;
    if (pre.shape === 'router-tab') return true;
    // a relay's header before the router's `host: xl2tpd[pid]:` (families/relayed.ts)
    if (pre.program) return relayed(pre, PROGRAMS) !== undefined;
    return applyRules(RULES, messageOf(pre.message), pre, {}) !== null;
  },
  parse(pre, state, countOnly) {
    // mpd5's lines (families/mpd.ts): its idents, or `ppp` with mpd's `[link] ` head
    const mpd = mpdView(pre);
    if (mpd) return readMpd(mpd, pre, state);
    if (pre.program && !isPppProgram(pre.program)) pre = relayed(pre, PROGRAMS) ?? pre;
    // (a line rsyslog folded, `message repeated 9 times: [ …]`: the message inside is read, the repeats said after it)
    const repeated = repeatedMessage(pre.message);
    const message = messageOf(repeated ? repeated.message : pre.message);
    const session = lastSession;
    const user = lastUser;
    // the message lies in the chunk when only a prefix was cut from it (not a trailing comma)
    const at = message === pre.message ? messageAt(pre, 0, message) : pre.message.endsWith(message) ? messageAt(pre, pre.message.length - message.length, message) : -1;
    // (flags only ever set: once both are, nothing is left to note)
    if (state.l2tp !== true || state.pptp !== true) noteTransport(pre.program, message, state);
    if (!state.pppDialler && (dialsOut(message) || pppoeProgramDials(pre.program, message))) {
      state.pppDialler = true;
      settleAsDialler(state);
    }
    noteRole(message, pre, state);
    state.pppSideAsked = false;
    const hit = applyRules(RULES, message, pre, state, countOnly, at < 0 ? undefined : pre.src, at);
    // a statement worded by side while the side is not known yet waits for the line that tells it (pppd-role.ts)
    if (state.pppSideAsked && hit) awaitSide(isCounted(hit) ? [UNREAD_STATEMENT] : hit.decoded, pre, state);
    if (session !== undefined && hit && !isCounted(hit) && hit.session === undefined) hit.session = session;
    if (user !== undefined && hit && !isCounted(hit) && hit.user === undefined) hit.user = user;
    if (repeated && hit && !isCounted(hit)) hit.decoded.push(d('step.syslogRepeated', { n: repeated.n }));
    return hit;
  },
};
