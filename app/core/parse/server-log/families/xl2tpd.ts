import { PPPD_EXIT_CODES } from '../codes/ppp';
import { context, d, fallback, step, tagged, type Hit, type Rule } from '../kit';
import { byRole, lacCallUp, lacTunnelUpTail } from './pppd-role';

/**
 * xl2tpd's own lines (xl2tpd.c, control.c, call.c, avp.c, network.c): the L2TP tunnel and calls
 * around the pppd it starts for each call. A slice of pppd.ts's one rule list, kept in its place
 * there (after accel-ppp's rows): rule order decides which rule takes a line (kit.ts: the rule
 * cache and `fallback`), so these rows are spread into that list, never tried as a list of their own.
 */
/** The signals xl2tpd's death_handler is set for (xl2tpd.c init: SIGTERM, SIGINT; their numbers on Linux, signal(7)), by their step */
const SIGNAL_STEPS: Readonly<Record<string, string>> = { '15': 'xl2tpdSigterm', '2': 'xl2tpdSigint' };
const INIT_STEPS: Readonly<Record<string, string>> = { Starting: 'xl2tpdInitStart', Stopping: 'xl2tpdInitStop', Restarting: 'xl2tpdInitRestart' };

/**
 * The control messages only the dialling side sends (control_finish's `sending %s` / `Sending %s`), by their step; any other is
 * l2tpSends. SCCRQ opens a tunnel and ICRQ a call; SCCCN and ICCN are the dialling side's confirmations of the other side's replies
 * (RFC 2661 §6.1–§6.3, §6.6–§6.8; xl2tpd control.c: `sending SCCCN` in the SCCRP case, `Sending ICCN` in the ICRP case).
 */
const SENDS_STEPS: Readonly<Record<string, string>> = { SCCRQ: 'l2tpSendsSccrq', ICRQ: 'l2tpSendsIcrq', SCCCN: 'l2tpSendsScccn', ICCN: 'l2tpSendsIccn' };

export const XL2TPD_RULES: readonly Rule[] = [
  // (on an L2TP client's log, byRole: the pppd that ended is the one that dialled — its cause is worded for that side)
  [/^(?:child_handler ?: )?pppd exited for call (\d+) with code (\d+)$/, (m, _p, s) => {
    const c = Number(m[2]);
    const name = PPPD_EXIT_CODES[c] ?? `code ${c}`;
    const hit: Hit = { decoded: [d('pppdExit', { call: m[1]!, code: c, name, ...byRole(s) })], outcome: c === 0 || c === 5 || c === 16 ? 'info' : 'failure' };
    if ([1, 2, 3, 4, 6, 7, 9, 18].includes(c)) hit.cause = 'ppp-setup-failed';
    else if (c === 11) {
      hit.cause = 'credentials-rejected';
      hit.code = 691;
    }
    return hit;
  }],
  // xl2tpd control.c: with `PID: n, ` in older builds, without it (and with `(ref=a/b)`) in others
  // (control.c prints the call's serial number, a 32-bit AVP value, with %d: one past 2^31 comes out negative — a VyOS log's
  // `Serial: -1084367864`)
  // (a poster may mask the serial as the peer: `Call established with x, Local: 24701, Remote: 32604, Serial: x`, hwdsl2/setup-ipsec-vpn#132;
  // or the peer in angle brackets with a blank: `Call established with <server ip>, …`, xelerance/xl2tpd#202)
  // Which side wrote it is in its shape (xelerance/xl2tpd control.c control_finish): `(ref=a/b)` closes the line of the ICRP case —
  // the other side answered this side's ICRQ, so this xl2tpd is the LAC, the side that dials — while the ICCN case (the LNS
  // answering a call) writes `PID: n, ` (1.3.x) or neither (older builds, whose ICRP line already carried the refs)
  context(/^Call established with (<[^<>]*>|\S*?),?(?: PID: \d+,)? Local: (\d+), Remote: (\d+), Serial: (-?\d+|[A-Za-z.]+)(?: \(ref=\d+\/\d+\))?$/, (m) => tagged(step(lacCallUp(m[0]) ? 'l2tpCallUpAsLac' : 'l2tpCallUp', { peer: m[1] || '?' }, 'success'), { peer: m[1] || undefined })),
  // xl2tpd.c start_pppd: "I'm running:" then pppd's argv, one `"arg"` per line
  context(/^start_pppd: I'm running:$/, () => step('xl2tpdStartPppd')),
  // the init script's line (see INIT_STEPS' rule below) with no tag of its own, behind a time: the syslog reader takes its verb for a
  // host and `xl2tpd:` for the tag, the message `xl2tpd.` (the L2TP IPsec VPN Manager log, Ubuntu Forums)
  [/^xl2tpd\.$/, (_m, pre) => {
    const verb = pre.program === 'xl2tpd' ? pre.host : undefined;
    return verb !== undefined && Object.hasOwn(INIT_STEPS, verb) ? step(INIT_STEPS[verb]!) : null;
  }],
  // (a bare quoted word is only taken from xl2tpd itself)
  [/^"[^"]*"$/, (_m, pre) => (pre.program === 'xl2tpd' ? step('xl2tpdStartPppd') : null)],
  // avp.c handle_avps: an AVP of a mandatory packet could not be handled; xl2tpd closes the tunnel
  context(/^handle_avps: Bad exit status handling attribute (\d+) \(([^)]*)\) on mandatory packet\.$/, (m) => ({ decoded: [d('l2tpBadAvp', { attr: m[1]!, name: m[2]! })], outcome: 'warning' })),
  context(/^(?:call_close: )?Call (\d+) to (\S*) ?disconnected$/, () => step('l2tpCallDown')),
  // control.c control_finish, on the other side's StopCCN: "%s: Connection closed to %s, port %d (%s), Local: %d, Remote: %d" — the
  // other side closed the tunnel, and the text in parentheses is its Result Code AVP's error message (RFC 2661 §4.4.2), in its own
  // words: "Reached configured max-tunnels limit" (an L2TP server refusing one more tunnel, openwrt/packages#1334), or empty
  // (older builds may print no address: `Connection closed to , port 61228 (), Local: 20601, Remote: 15`, the corpus's Synology log)
  context(/^control_finish: Connection closed to (\S*?),? port (\d+) \((.*)\), Local: -?\d+, Remote: -?\d+$/, (m) => tagged(step(m[3]!.trim() ? 'l2tpPeerStopccn' : 'l2tpPeerStopccnBare', { peer: m[1] || '?', reason: m[3]!.trim() }, 'warning'), { peer: m[1] || undefined })),
  // (a fallback: it takes the StopCCN line above too, whose first 16 characters it shares — kit.ts)
  fallback(/^(?:control_finish: )?Connection closed to (\S*),? .*$/, () => step('l2tpTunnelDown')),
  // xl2tpd xl2tpd.c lac_disconnect(): `Disconnecting from %s, Local: %d, Remote: %d` — this side (a LAC) ends the tunnel, "Goodbye!"
  context(/^Disconnecting from \S+, Local: \d+, Remote: \d+$/, () => step('l2tpTunnelDown')),
  // control.c control_finish: the SCCCN case (the LNS, the other side's tunnel confirmed) ends the line with `  LNS session is '%s'`,
  // the SCCRP case (the LAC: the other side answered this side's SCCRQ) with the Local/Remote ids and refs alone — a line whole to
  // its ids without the LNS's session is the side that dials
  // (the host as xl2tpd printed it, up to the format's comma: a poster's placeholder may hold a blank, `Connection established to [server ip],
  // 1701.`, nm-l2tp/NetworkManager-l2tp #189)
  context(/^(?:control_finish: )?Connection established to ([^,\s][^,]*), (\d+)\.(.*)$/, (m) => tagged(step(lacTunnelUpTail(m[3]!) ? 'l2tpTunnelUpAsLac' : 'l2tpTunnelUp', { peer: m[1]! }, 'success'), { peer: m[1] })),
  context(/^Maximum retries exceeded for tunnel (\d+)\. {1,2}Closing\.?$/, () => ({ decoded: [d('l2tpRetries')], outcome: 'warning' })),
  context(/^Terminating pppd: sending TERM signal to pid \d+$/, () => step('pppdEnd')),
  // how pppd ended, the other ways xl2tpd says it: xl2tpd.c child_handler "pppd terminated for call %d by signal %d" and "pppd exited
  // for call %d for unknown reason"; "pppd %d successfully terminated" is the wording of xl2tpd 1.2.6 (real Ubuntu 10.10 log; source assumed)
  context(/^(?:child_handler ?: )?pppd (?:terminated for call \d+ by signal \d+|exited for call \d+ for unknown reason|\d+ successfully terminated)$/, () => step('pppdEnd')),
  context(/^result_code_avp: result code endianness fix for buggy Apple client\. network=(\d+), le=(\d+)$/, (m) => step('l2tpResultCode', { code: m[2]! })),
  // xl2tpd control.c / network.c / avp.c messages
  // (call.c call_close writes it too, "call_close: Connection %d closed to …"; a book's copy sets a blank before the colon)
  context(/^(?:(?:control_finish|call_close) ?: )?Connection (\d+) closed to (\S+?),? port (\d+) \(([^)]*)\)$/, (m) => ({ decoded: [d('l2tpConnectionClosed', { tunnel: m[1]!, peer: m[2]!, port: m[3]!, reason: m[4]! })], outcome: /timeout/i.test(m[4]!) ? 'warning' : 'info' })),
  context(/^Unable to deliver closing message for tunnel \d+\. Destroying anyway\.$/, () => step('l2tpCloseUndelivered', undefined, 'warning')),
  context(/^udp_xmit failed to (\S+?) with err=(-?\d+):(.*)$/, (m) => ({ decoded: [d('udpXmitFailed', { peer: m[1]!, error: m[3]!.trim() })], outcome: 'warning' })),
  // control.c control_finish, on an SCCRQ for a tunnel id this side already has from that address: the other end's tunnel request
  // again (it missed this side's answer). The other end is the PC on a server's log; on an L2TP client's (byRole: a LAC's log,
  // pppd-role.ts) the server — the same holds for the peer's hostname and vendor AVPs below, which a LAC reads from the SCCRP
  context(/^(?:control_finish: )?Peer requested tunnel (\d+) twice, ignoring second one\.$/, (m, _p, s) => step('l2tpPeerRepeat', { tunnel: m[1]!, ...byRole(s) }, 'warning'), (_m, s) => void byRole(s)),
  // control.c control_finish, on the PC's SCCRQ: "%s: Denied connection to unauthorized peer %s" — get_lns() found no [lns] section
  // of xl2tpd.conf that takes this address (no `[lns default]`, or `access control = yes` and the address in no `lac =` range);
  // xl2tpd answers with a StopCCN "No Authorization" and closes the tunnel. A setting of the server: nothing on the PC changes it
  // (cause l2tp-peer-refused: findings.ts words the finding and what the PC shows)
  [/^(?:control_finish: )?Denied connection to unauthorized peer (\S+)$/, (m) => tagged({ decoded: [d('l2tpPeerNotAllowed', { peer: m[1]! })], outcome: 'failure', cause: 'l2tp-peer-refused' }, { peer: m[1] })],
  // control.c control_finish, the SCCCN case: this LNS asked the other end to prove the tunnel secret (xl2tpd.conf `challenge = yes`,
  // the secret from its auth file; RFC 2661 §4.4.3 Challenge / Challenge Response AVPs) and the answer did not check out, or this side
  // has no secret for that host — the tunnel closes ("Invalid challenge authentication"). A Windows PC's L2TP client does no tunnel
  // authentication (Wouters & Bantoft, "Building and Integrating Virtual Private Networks with Openswan", 2006, "Microsoft L2TP
  // Errors": "Windows does not support this mode of authentication"); between two routers the secrets differ
  [/^(?:control_finish: )?(Invalid authentication for host|No secret key for authenticating) '(.*)'$/, (m) => ({ decoded: [d(m[1]!.startsWith('Invalid') ? 'l2tpTunnelAuthFailed' : 'l2tpTunnelNoSecret', { host: m[2]! })], outcome: 'failure', cause: 'l2tp-tunnel-auth' })],
  // control.c control_finish, on the PC's ICRQ with `assign ip = yes`: "%s: Out of IP addresses on tunnel %d!" — xl2tpd's own
  // `ip range` has no free address; it refuses the call (CDN "No available IP address")
  [/^(?:control_finish: )?Out of IP addresses on tunnel (-?\d+)!$/, () => ({ decoded: [d('noAddressLeft', { address: '' })], outcome: 'failure', cause: 'address-pool' })],
  // control.c control_finish: "%s: message type is %s(%d).  Tunnel is %d, call is %d." — the message being handled ("(null)(0)" when
  // this side starts a tunnel itself, no message having come) — bookkeeping
  // (a copy through mail or a web page may turn its two blanks into a tab)
  context(/^control_finish: message type is (\S+?)\(\d+\)\.(?: {1,2}|\t)Tunnel is \d+, call is \d+\.$/, () => step('xl2tpdHousekeeping')),
  // control_finish (debug_state): "%s: sending %s" — the control message this side answers with or starts with (RFC 2661 §6): SCCRQ opens
  // a tunnel and ICRQ a call, which only the side that dials sends (a LAC: the Check Point LNS of xelerance/xl2tpd#43); SCCRP/SCCCN,
  // ICRP/ICCN the replies and confirmations of setting up
  // (the ICRQ and ICRP cases write `Sending`, capitalised: `Sending ICCN`, `Sending ICRP`)
  context(/^control_finish: [Ss]ending (\w+)$/, (m) => step(SENDS_STEPS[m[1]!] ?? 'l2tpSends', { message: m[1]! })),
  // (and avp.c handle_avps' trace before it reads a message's AVPs, `%s: handling avp's for tunnel %d, call %d` — with `debug avp`:
  // a Windows client's SCCRQ, xelerance/xl2tpd#14; a Check Point LNS's SCCRP, #43)
  context(/^(?:get_call: allocating new tunnel for host \S+, port \d+\.|Can not find tunnel \d+ \(refhim=\d+\)|handle_avps: handling avp's for tunnel -?\d+, call -?\d+)$/, () => step('xl2tpdHousekeeping')),
  // xl2tpd call.c get_call() writes `%s: can't find call %d in tunnel %d\n (ref=%d/%d)`: its own line break leaves the refs on a line of their own
  context(/^(?:get_call: can't find call \d+ in tunnel \d+|\(ref=\d+\/\d+\))$/, () => step('xl2tpdHousekeeping')),
  context(/^hostname_avp: peer reports hostname '([^']*)'$/, (m, _p, s) => step('l2tpPeerHost', { name: m[1]!, ...byRole(s) }), (_m, s) => void byRole(s)),
  // (Microsoft's on a client's log: Windows' own L2TP server, RRAS — a real LAC dialling Windows Server 2008 R2, xelerance/xl2tpd#227)
  context(/^vendor_avp: peer reports vendor '([^']*)'$/, (m, _p, s) => step(/^Microsoft/i.test(m[1]!) ? 'l2tpPeerWindows' : 'l2tpPeerVendor', { vendor: m[1]!, ...byRole(s) }), (_m, s) => void byRole(s)),
  // avp.c handle_avps: an AVP xl2tpd has no handler for, in a message where it is not mandatory, is skipped — 26-28 are the LAC's
  // Proxy LCP AVPs (RFC 2661 §4.4.5: the LCP Configure-Requests the LAC saw), which an LNS may ignore
  context(/^handle_avps: +no handler for attribute (\d+) \(([^)]*)\)\.$/, (m) => step('l2tpAvpIgnored', { attr: m[1]!, name: m[2]! })),
  // control.c control_finish: an optional AVP missing (transmit speed, framing or bearer type); xl2tpd goes on without it
  context(/^control_finish: Warning: Peer did not specify .*$/, () => step('xl2tpdHousekeeping')),
  // xl2tpd.c start_pppd (kernel L2TP): the PPPoL2TP socket for the call could not be connected to the kernel's L2TP tunnel (newer
  // builds add errno and its text) — no pppd is started, the call fails
  [/^start_pppd: Unable to (connect|create|open) PPPoL2TP socket\.?(?: -?\d+ (.+))?$/, (m) => ({ decoded: [d('pppol2tpSocketFailed', { error: m[2] ? ` (${m[2]})` : '' })], outcome: 'failure', cause: 'ppp-setup-failed' })],
  // avp.c message_type_avp: "%s: message type %d (%s)" — the control message that came in, named by its number (RFC 2661 §3.2): the
  // other side's StopCCN (4) closes the tunnel, its CDN (14) ends a call; the other messages of setting up are bookkeeping (below)
  context(/^message_type_avp: message type (4|14) \([^)]*\)$/, (m) => step(m[1] === '4' ? 'l2tpStopccnReceived' : 'l2tpCdnReceived', undefined, 'warning')),
  // avp.c result_code_avp, the SANITY check "%s: avp is incorrect size.  %d < 10": a Result Code AVP of 8 bytes, the Result Code alone
  // without the Error Code RFC 2661 §4.4.2 makes optional — xl2tpd before 1.3.14 (commit 9b939c0, xelerance/xl2tpd#175) refuses it and
  // with it the other side's StopCCN or CDN ("Bad exit status handling attribute 1" next); Android's and other L2TP stacks send it so
  context(/^result_code_avp: avp is incorrect size\. {1,2}(\d+) < 10$/, (m) => step('l2tpResultCodeShort', { n: m[1]! }, 'warning')),
  fallback(/^[a-z_]+_avp: .*$/, () => step('xl2tpdHousekeeping')),
  // xl2tpd.c init / network.c: start-up banner and kernel-support notes (xl2tpd 1.3.x wording)
  context(/^(?:xl2tpd version \S+ started on \S+ PID:\d+|Written by Mark Spencer, Copyright \(C\) 1998, Adtran, Inc\.|Forked by Scott Balmos and David Stipp, \(C\) 2001|Inherited by Jeff McAdams, \(C\) 2002|Forked again by Xelerance \(www\.xelerance\.com\) \(C\) 2006(?:-\d{4})?|Listening on IP address \S+, port \d+|Not looking for kernel SAref support\.|This binary does not support kernel L2TP\.|L2TP kernel support not detected \(try modprobing l2tp_ppp and pppol2tp\)|Using l2tp kernel support\.|setsockopt recvref\[\d+\]: Protocol not available)$/, () => step('xl2tpdHousekeeping')),
  // xl2tpd.c death_handler (installed for SIGTERM and SIGINT only: "somebody terminated us with a kill or a control-c"): xl2tpd closes
  // every tunnel with a StopCCN ("Server closing") and exits — a service stop or restart; the connections over it drop
  context(/^death_handler: Fatal signal (\d+) received$/, (m) => step(SIGNAL_STEPS[m[1]!] ?? 'xl2tpdSignalled', { signal: m[1]! }, 'warning')),
  // the distribution's init script under xl2tpd's tag (Debian's /etc/init.d/xl2tpd through systemd's LSB wrapper: "Starting xl2tpd:
  // xl2tpd."; openSUSE's "Starting xl2tpd..done"; `Starting xl2tpd:` alone when the daemon did not start and the script's
  // "xl2tpd." never came, hwdsl2/setup-ipsec-vpn#714)
  context(/^(Starting|Stopping|Restarting) xl2tpd(?::? xl2tpd\.?|\.\.done|:)$/, (m) => step(INIT_STEPS[m[1]!]!)),
  // xl2tpd.c lac_connect / lac_call: this xl2tpd is a LAC (it dials; pppd-role.ts dialsOut makes its pppd the client)
  // (l2tp.c lac_connect `Connecting to host %s, port %d`: up to the comma, as above — `Connecting to host [server ip], port 1701`)
  context(/^Connecting to host ([^,\s][^,]*), port (\d+)$/, (m) => tagged(step('l2tpLacConnects', { peer: m[1]!, port: m[2]! }), { peer: m[1] })),
  context(/^Calling on tunnel (\d+)$/, (m) => step('l2tpLacCalls', { tunnel: m[1]! })),
  // control.c check_control: "%s: Received out of order control packet on tunnel %d (got %d, expected %d)" — Ns of the control
  // message against the next Ns this side expects. RFC 2661 §5.8: Ns/Nr are 16-bit and compared modulo 65536 — a number just
  // behind the expected one is a message this side already has, sent again because the other end missed the acknowledgement
  // (xl2tpd answers it with a ZLB ack again); one ahead of it means a message in between has not come (lost, or overtaken on the
  // way), and xl2tpd drops this one and waits for the retransmission. Tunnel -1 with 0 expected: xl2tpd made a tunnel just for this message (its `t->tid == -1`
  // branch) — the other end speaks in a tunnel this side does not have, and the message is dropped (after a restart of one side:
  // assumed, xelerance/xl2tpd#40 shows it right after a server restart)
  context(/^check_control: Received out of order control packet on tunnel (-?\d+) \(got (\d+), expected (\d+)\)$/, (m) => {
    const tunnel = m[1]!;
    const got = Number(m[2]);
    const expected = Number(m[3]);
    if (tunnel === '-1') return step('l2tpControlNoTunnel', { got }, 'warning');
    const behind = (expected - got) & 0xffff;
    return behind > 0 && behind < 0x8000 ? step('l2tpControlRepeat', { tunnel, got, expected }, 'warning') : step('l2tpControlGap', { tunnel, got, expected }, 'warning');
  }),
  // network.c network_thread: "%s: unable to find call or tunnel to handle packet.  call = %d, tunnel = %d Dumping." — a packet for
  // a tunnel or call this xl2tpd does not have (already closed, or a stale one of the other end's); it is dropped
  context(/^network_thread: unable to find call or tunnel to handle packet\. {1,2}call = (\d+), tunnel = (\d+) Dumping\.$/, (m) => step('l2tpUnknownTunnel', { tunnel: m[2]!, call: m[1]! })),
  // (a fallback: the rows above read some of these functions' lines — check_control's sequence numbers, network_thread's unknown
  // tunnel — and the rule cache keys a message by its first 16 characters, which these share)
  fallback(/^write_packet: tty is not open yet\.$|^(?:network_thread|check_control|handle_packet|handle_control|control_xmit|build_fdset): .*$/, () => step('xl2tpdHousekeeping')),
];
