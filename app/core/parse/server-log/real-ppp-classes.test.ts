import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Real pppd-family logs by failure class, beyond real-pppd.test.ts (same folder and naming,
 * test/fixtures/real/server-logs/pppd-*.txt; sources in test/fixtures/real/SOURCES.md): a PPTP
 * client's own log (pptp-linux under NetworkManager: its `log[func:file:line]` lines, the server's
 * MS-CHAP E=691, TCP 1723 refused, GRE dropped by its firewall, a Windows server's binary
 * Terminate-Request), the client's kernel without MPPE, pptpd's whole debug sequence with a bad HDLC
 * checksum from pppd, accel-pptp without its kernel module, and xl2tpd's Proxy LCP AVPs. The rows
 * are hand-checked against what each thread established.
 */

const en = engineT('en');
const nl = engineT('nl');

const PPP_CLASS_ROWS: Record<string, RealServerLogRow> = {
  // pptpd with `debug`: SCCRQ → SCCRP, OCRQ → OCRP, GRE's bad checksum from pppd; the next day pppd's LCP time-out with three blanks
  // (the forum copy's) — the thread: GRE did not get through the router (no-ppp-frames), not pptpd
  'pppd-pptpd-debug-sequence-gre-bad-checksum-lcp-timeout-three-blanks.txt': {
    records: 55,
    understood: 55,
    families: { pppd: 55 },
    causes: [[52, 'no-ppp-frames']],
    says: [
      [6, 'PPTP control message 1 from the PC: Start-Control-Connection-Request (SCCRQ)'],
      [12, 'PPTP control message 8 to the PC: Outgoing-Call-Reply (OCRP)'],
      [21, 'pptpd read a damaged frame from its own pppd (bad checksum)'],
      [22, 'pptpd lost its pppd (reading the PTY failed)'],
      [45, 'pppd option: ms-dns xxx # [don\'t know how to print value] (from /etc/ppp'],
      [52, 'LCP timed out: the server sent Configure-Requests and the PC never answered'],
    ],
  },
  // accel-pptp's pptpctrl on a kernel without its pptp module; the line as the post marked it, in Markdown bold
  'pppd-accel-pptpd-markdown-bold-failed-to-create-pptp-socket.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [[12, 'ppp-setup-failed']],
    says: [
      [6, 'The PC at 92.84.25.31 opened the PPTP control connection (TCP 1723).'],
      [11, 'PPTP control message 7 from the PC: Outgoing-Call-Request (OCRQ)'],
      [12, 'could not create its PPTP socket (Protocol not supported): the kernel has no PPTP support'],
    ],
  },
  // a PPTP client's own log: pptp-linux's lines make it the side that dialled, so pppd's lines name the server
  'pppd-pptp-client-nm-ms-chap-e691-then-call-clear.txt': {
    records: 31,
    understood: 31,
    families: { pppd: 26, syslog: 5 },
    causes: [
      [17, 'credentials-rejected'],
      [18, 'credentials-rejected'],
    ],
    says: [
      [8, 'PPTP control message 1 to the server: Start-Control-Connection-Request (SCCRQ)'],
      [10, 'The PPTP control connection (TCP 1723) to the server is up.'],
      [13, "The server accepted this side's PPTP call"],
      [14, 'PPTP control message 15 from the server: Set-Link-Info (SLI)'],
      [17, "The server refused this side's MS-CHAP log-in (MS-CHAP error E=691, RFC 2759)"],
      [25, 'The PPTP client lost its pppd'],
      [29, 'This side ended the call (Call-Clear-Request).'],
    ],
  },
  'pppd-pptp-client-nm-bbcode-rcvd-chap-failure-e691.txt': {
    records: 56,
    understood: 56,
    families: { pppd: 42, syslog: 14 },
    causes: [
      [32, 'credentials-rejected'],
      [33, 'credentials-rejected'],
      [34, 'credentials-rejected'],
    ],
    says: [
      [21, 'A GRE packet arrived out of order and was dropped.'],
      [24, 'LCP ConfRej to the server (id 0x1): callback CBCP, mrru 1614'],
      [32, "CHAP Failure from the server (id 0x0). The server refused this side's CHAP log-in (MS-CHAP error E=691"],
      [35, 'Reason given: "Failed to authenticate ourselves to peer"'],
    ],
  },
  // the same client with the right password: the Windows server ends the link with binary bytes after the CHAP Response — this
  // pppd never offered CCP (no MPPE); the PPTP Client Diagnosis HOWTO's "could not negotiate encryption"
  'pppd-pptp-client-nm-bbcode-lcp-terminated-garbled-no-ccp.txt': {
    records: 53,
    understood: 53,
    families: { pppd: 42, syslog: 11 },
    causes: [],
    says: [
      [28, 'CHAP Response to the server (id 0x0)'],
      [32, 'LCP TermReq from the server (id 0x4)'],
      [33, 'The server ended the link (LCP Terminate-Request) without a readable reason'],
      [33, 'the server requires encryption (MPPE) this side did not negotiate'],
      [35, 'The server ended the call (Call-Clear-Request).'],
    ],
  },
  // TCP 1723 refused: nothing of PPTP began, the server (address, service, path) is the cause (a PC's 800)
  'pppd-pptp-client-nm-tcp-1723-connection-refused.txt': {
    records: 12,
    understood: 12,
    families: { pppd: 11, syslog: 1 },
    causes: [[8, 'pptp-server-unreachable']],
    says: [
      [7, 'Opening TCP 1723 to the server failed (connect: Connection refused).'],
      [8, 'This side could not open the PPTP control connection (TCP 1723) to the server 94.75.253.244'],
      [9, "The PPTP client's call manager (the process holding TCP 1723) ended with an error"],
    ],
  },
  // the client's own firewall logs the server's GRE (`Inbound … PROTO=47`) and pppd never hears the server: the time-out is worded
  // for the side that dialled
  'pppd-pptp-client-nm-lcp-timeout-firewall-logs-inbound-gre.txt': {
    records: 60,
    understood: 60,
    // (racoon's six lines are its own family since round 44, families/racoon.ts: they were counted as other programs')
    families: { syslog: 34, pppd: 20, racoon: 6 },
    causes: [[43, 'no-ppp-frames']],
    says: [
      // (racoon opening its IKE sockets, lines 54–59, were unknown: families/other-daemons.ts)
      [54, 'racoon (the IKE service of ipsec-tools) listens for IKE on 127.0.0.1, port 500'],
      [59, 'listens for IKE on fe80::e60:76ff:fe1f:c78f%wlan0, port 500'],
      [21, "The server accepted this side's PPTP call"],
      [43, "LCP timed out: this side sent Configure-Requests and the server never answered — the server's PPP frames over GRE do not arrive here."],
      [52, 'PPTP control message 12 to the server: Call-Clear-Request (CCRQ)'],
    ],
  },
  // a Linux PPTP client whose kernel has no MPPE: "CHAP authentication succeeded" makes it the client
  'pppd-pptp-client-crouton-kernel-no-mppe-termreq.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [[3, 'mppe-unavailable']],
    says: [
      [2, 'The kernel has no PPP packet filtering'],
      [3, 'MPPE is required but the kernel of the machine that wrote this log has no MPPE support (the ppp_mppe module is missing or not loaded).'],
      [4, 'LCP TermReq to the server (id 0x2). Reason given: "MPPE required but not available".'],
      [6, 'pppd dropped a frame that came while LCP was not open'],
    ],
  },
  // a PPTP client (Hotspot Shield's Linux instructions) without a secret for the server's name: pppd answers with an empty one; the
  // log-in still succeeds, then 270 MB go out and 1280 bytes come back
  'pppd-pptp-client-no-chap-secret-for-us-one-way-counters.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [],
    says: [
      [4, 'This side has no CHAP secret for the server (LinuxVPNserver) in chap-secrets'],
      [7, 'This side was given *.*.*.*.'],
      [8, "The server's side of the tunnel: *.*.*.*."],
      [11, 'The link carried 269596392 bytes out and 1280 bytes in. Almost nothing came back over the link'],
    ],
  },
  // xl2tpd as LNS: the LAC's Proxy LCP AVPs (RFC 2661 §4.4.5) it has no handler for, and a missing framing type
  'pppd-xl2tpd-lns-write-packet-tty-not-open-avps-no-handler.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [],
    says: [
      [1, 'L2TP call established with a.b.c.d.'],
      [10, 'xl2tpd ignores AVP 26 (Initial Received LCP Confreq), which it does not use (RFC 2661).'],
      [13, 'xl2tpd bookkeeping.'],
    ],
  },
  // an xl2tpd LAC (it dials out) with pppd debug: the running call's LCP echoes come BEFORE the line that tells this side dials
  // (`Connecting to host …`), and are worded for the client all the same (pppd-role.ts awaitSide); rsyslog folds 9 repeats; a
  // Protocol-Reject of MPLSCP (0x8281); the first tunnel's retries run out
  'pppd-xl2tpd-lac-echo-before-connecting-two-calls-max-retries.txt': {
    records: 31,
    understood: 31,
    families: { pppd: 31 },
    causes: [],
    says: [
      [3, 'LCP EchoReq to the server (id 0x1)'],
      [6, 'LCP EchoReq from the server (id 0x1)'],
      [9, 'This side (xl2tpd as an L2TP client, LAC) connects to 115.28.138.19 on UDP 1701.'],
      [17, 'This side does not run protocol 0x8281 (MPLSCP) that the server sent'],
      [21, 'This side was given 172.1.1.187.'],
      [22, "The server's side of the tunnel: 192.168.1.181."],
      [28, 'xl2tpd bookkeeping. (The same line came 9 more times in a row; rsyslog wrote it once'],
      [31, 'L2TP tunnel 56 to 115.28.138.19 (port 1701) closed: Timeout.'],
    ],
  },
  // xl2tpd restarted twice (an Orange Pi's syslog): the Debian init script's lines under xl2tpd's tag, death_handler on SIGTERM, the banner
  'pppd-xl2tpd-death-handler-sigterm-init-script-restart.txt': {
    records: 16,
    understood: 16,
    families: { pppd: 16 },
    causes: [],
    says: [
      [1, 'The xl2tpd service is being started.'],
      [2, 'xl2tpd was told to stop (signal 15, SIGTERM: a service stop, restart or kill). It closes every tunnel and exits'],
      [3, 'The xl2tpd service is being stopped.'],
      [5, 'xl2tpd bookkeeping.'],
    ],
  },
  // an OpenWrt router's xl2tpd LAC redialling: its new pppd cannot take the interface name netifd gives it (l2tp-vma, still there) and
  // exits with code 1 — worded for this side (the client), though the line that tells it dials (`Calling on tunnel`) comes after
  'pppd-openwrt-xl2tpd-lac-couldnt-rename-ppp-interface-exit-1.txt': {
    records: 26,
    understood: 26,
    families: { pppd: 25, strongswan: 1 },
    causes: [
      [9, 'ppp-setup-failed'],
      [12, 'ppp-setup-failed'],
    ],
    says: [
      [9, 'pppd could not rename its new PPP interface ppp2 to l2tp-vma: an interface of that name still exists'],
      [10, "strongSwan saw interface ppp2 removed (a PPP session's interface goes when its session ends)."],
      [12, 'pppd ended for call 58413 with exit code 1 (FATAL_ERROR).'],
      [15, 'This side places its L2TP call in tunnel 63006.'],
    ],
  },
  // an xl2tpd LNS whose pppd asks RADIUS: the answer carries an attribute the radiusclient dictionary does not name (85,
  // Acct-Interim-Interval, logged with its value in hex), then the user is refused — 691 on the PC; the PC then closes the call and
  // the tunnel (its CDN, then its StopCCN)
  'pppd-xl2tpd-lns-radius-unknown-attributes-peer-failed-chap-stopccn.txt': {
    records: 16,
    understood: 16,
    families: { pppd: 16 },
    causes: [[11, 'credentials-rejected']],
    says: [
      [9, 'The RADIUS dictionary does not know attribute 60.'],
      [10, 'The RADIUS dictionary does not know attribute 85.'],
      [11, 'The user "test" failed CHAP authentication'],
    ],
  },
  // pptpd's pppd as `systemctl status pptpd` shows its tail, no header and no tag: a Windows PC's LCP never answered — was
  // IOS's "PPP step" (its `LCP:` head), no finding; pppd's line, GRE not arriving
  'pppd-pptpd-status-no-header-lcp-timeout-modem-hangup.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [[1, 'no-ppp-frames']],
    says: [[1, 'LCP timed out: the server sent Configure-Requests and the PC never answered']],
  },
  // VyOS's docs (troubleshooting, `journalctl -u accel-ppp@pptp`): a Windows 10 PC (MSRAS-0-MSEDGEWIN10) over accel-ppp's PPTP,
  // the server's PAP, CHAP and MS-CHAP v1 Nak'ed until MS-CHAP v2; its FSM resend, IPv6CP dropped (ipv6 denied) and the session up
  // — four lines were not understood
  'pppd-accel-pptp-vyos-docs-journal-windows-10-mschap-v2-fsm-timeout-ipv6cp-discarded.txt': {
    records: 59,
    understood: 59,
    families: { pppd: 59 },
    causes: [],
    says: [
      [19, 'accel-ppp got no answer to its negotiation request in time and sends it again (9 tries left).'],
      [32, 'MSRAS-0-MSEDGEWIN10'],
      [39, 'User "test" authenticated'],
      [45, "accel-ppp drops the PC's IPV6CP packet"],
      [58, "accel-ppp names the session's interface pptp0."],
      [59, 'The PPP session over PPTP is up: the PC is connected.'],
    ],
  },
  // the same docs' SSTP page: the Windows 10 PC signs in with PAP inside TLS; sstp.c's own `sstp: ppp: started` ends it
  'pppd-accel-sstp-vyos-docs-journal-windows-10-pap-fsm-timeout-ipv6cp-discarded.txt': {
    records: 57,
    understood: 57,
    families: { pppd: 57 },
    causes: [],
    says: [
      [27, 'sends it again (9 tries left)'],
      [45, "accel-ppp drops the PC's IPV6CP packet"],
      [56, "accel-ppp names the session's interface sstp0."],
      [57, 'The PPP session over SSTP is up: the PC is connected.'],
    ],
  },
  // an OpenWrt router's PPTP client (netifd starts pppd with the pptp.so plugin for its `pptp` interface, naming it pptp-pptp):
  // no answer to its LCP requests — the server's GRE does not come back. Was worded as a server whose PC never answered
  'pppd-openwrt-pptp-plugin-client-interface-name-lcp-timeout-netifd.txt': {
    records: 13,
    understood: 13,
    families: { syslog: 4, pppd: 9 },
    causes: [[9, 'no-ppp-frames']],
    says: [[9, 'LCP timed out: this side sent Configure-Requests and the server never answered']],
  },
  // pppd behind the Python sstpd with RFC 3339 times: a Windows SSTP client's LCP request with callback (CBCP), MRRU and an endpoint
  // discriminator; pppd refuses callback and MRRU (multilink), as it should — read whole already, no cause in the excerpt
  'pppd-sstpd-python-iso-time-windows-lcp-callback-cbcp-mrru-rejected.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [],
    says: [
      [6, 'LCP ConfReq from the PC (id 0x0): mru 4091, magic 0x3a00292c, pcomp, accomp, callback CBCP, mrru 1614'],
      [7, 'some options refused as not supported — LCP ConfRej to the PC (id 0x0): callback CBCP, mrru 1614'],
    ],
  },
};

const one = (text: string) => parseServerLog(text).entries.at(-1)!;

describe('real pppd-family fixtures by failure class', () => {
  realServerLogTable(PPP_CLASS_ROWS);
  it("accel-ppp's FSM resend, dropped packets and session start read in nl as well; near misses stay unknown", () => {
    const accel = (text: string) => parseServerLog(`Feb 29 14:59:00 vyos accel-pptp[4629]: ppp0:test: ${text}`);
    expect(describeEntry(accel('CCP: discarding packet').entries[0]!, nl)).toContain('CCP-pakket');
    expect(describeEntry(accel('fsm timeout 3').entries[0]!, nl)).toContain('nog 3 pogingen');
    expect(accel('pptp: ppp started').entries[0]!.outcome).toBe('success');
    expect(accel('FOO: discarding packet').unknown).toBe(1);
  });
  it("an OpenWrt client's interface name (pptp-…, l2tp-…) tells pppd dialled; a server's pppN does not", () => {
    const role = (iface: string) => parseServerLog(`pppd[7]: Using interface ${iface}\npppd[7]: LCP: timeout sending Config-Requests`).entries.at(-1)!.decoded[0]!.values?.role;
    expect([role('pptp-wan'), role('l2tp-vpn'), role('ppp0'), role('pppoe-wan')]).toEqual(['initiator', 'initiator', undefined, undefined]);
  });
  it("pppd's FSM time-outs without a tag are pppd's, IOS's own LCP lines stay IOS's", () => {
    const fam = (text: string) => parseServerLog(text).entries.map((e) => e.family);
    expect(fam('IPCP: timeout sending Config-Requests\nCCP: timeout  sending Config-Requests')).toEqual(['pppd', 'pppd']);
    expect(fam('Vi1 LCP: TIMEout: State REQsent\nLCP: O CONFREQ [Closed] id 1 len 10')).toEqual(['ios', 'ios']);
  });
  it('pptp-linux: every control message it logs by its RFC 2637 type, the server refusing the connection or the call', () => {
    const client = (text: string) => one(`Mar 11 22:49:13 h pptp[6370]: anon log[ctrlp_disp:pptp_ctrl.c:738]: ${text}`);
    expect(client("Sent control packet type is 3 'Stop-Control-Connection-Request'").decoded[0]!.values).toMatchObject({ type: 3, dir: 'out', role: 'initiator' });
    expect(client('Received Stop Control Connection Request.')).toMatchObject({ outcome: 'warning', decoded: [{ values: { type: 3, dir: 'in' } }, { key: 'pptpServerStopped' }] });
    expect(client('Call disconnect notification received (call id 0)').decoded[0]!.values).toMatchObject({ type: 13, dir: 'in' });
    expect(client('Echo Reply received.').decoded[0]!.values).toMatchObject({ type: 6 });
    expect(client('Negative reply received to our Start Control Connection Request')).toMatchObject({ outcome: 'failure', decoded: [{ key: 'pptpClientCtrlRefused' }] });
    expect(client('Our outgoing call request [callid 0] has not been accepted.')).toMatchObject({ outcome: 'failure', decoded: [{ key: 'pptpClientCallRefused' }] });
    expect(describeEntry(client("Result code is 2 'General Error'. Error code is 0, Cause code is 0"), en)).toBe('PPTP result code 2 (General Error), error code 0 (RFC 2637).');
    expect(client('closing control connection due to missing echo reply')).toMatchObject({ outcome: 'warning', decoded: [{ key: 'pptpClientNoEchoReply' }] });
    // the GRE socket (pptp_gre.c pptp_gre_bind), not the control connection (pptp_callmgr.c open_inetsock)
    expect(one('anon warn[pptp_gre_bind:pptp_gre.c:102]: socket: Operation not permitted')).toMatchObject({ outcome: 'failure', decoded: [{ key: 'pptpClientGreSocket' }] });
  });
  it('pptpd GRE: a send refused by the server\'s own netfilter is said so; ENOBUFS is a lost frame', () => {
    expect(one('pptpd[7]: GRE: xmit failed from decaps_hdlc: Operation not permitted').decoded[0]!.key).toBe('greXmitFirewall');
    expect(describeEntry(one('pptpd[7]: GRE: xmit failed from decaps_hdlc: No buffer space available'), en)).toContain('could not send PPP data to the PC over GRE (IP protocol 47): No buffer space available.');
  });
  it('pppd: a frame of a protocol it has no printer for, and a received CHAP Failure on either side', () => {
    expect(describeEntry(one('pppd[6635]: rcvd [proto=0x8281] 01 01 00 04'), en)).toBe('PPP frame of protocol 0x8281 (MPLSCP) from the PC: pppd has no decoder for it.');
    // the CHAP Failure pppd sends (a server refusing the PC) and the one it receives (this side refused)
    expect(one('pppd[7]: sent [CHAP Failure id=0x1 "E=691 R=1 C=00 V=3"]').decoded.map((x) => x.key)).toEqual(['packet', 'chapFailureCode']);
    expect(one('pppd[7]: rcvd [CHAP Failure id=0x1 "E=691 R=1 C=00 V=3"]')).toMatchObject({ cause: 'credentials-rejected', code: 691, decoded: [{ values: { role: 'initiator' } }, { key: 'ownLoginRejectedCode' }] });
  });
  it('xl2tpd: the PPPoL2TP socket of a call that cannot be connected is the server failing to start PPP', () => {
    expect(one('xl2tpd[6613]: start_pppd: Unable to connect PPPoL2TP socket.')).toMatchObject({ cause: 'ppp-setup-failed', decoded: [{ key: 'pppol2tpSocketFailed' }] });
  });
  it('an xl2tpd LAC (it dials) makes its pppd the client: the addresses are this side\'s and the server\'s', () => {
    const log = ['xl2tpd[6261]: Connecting to host 115.28.138.19, port 1701', 'pppd[6965]: local  IP address 191.1.1.254', 'pppd[6965]: remote IP address 171.1.1.254'].join('\n');
    const r = parseServerLog(log);
    expect(r.entries[0]).toMatchObject({ peer: '115.28.138.19', decoded: [{ key: 'step.l2tpLacConnects' }] });
    expect(r.entries.slice(1).map((e) => describeEntry(e, en))).toEqual(['This side was given 191.1.1.254.', "The server's side of the tunnel: 171.1.1.254."]);
    expect(describeEntry(r.entries[2]!, nl)).toBe('Serverkant van de tunnel: 171.1.1.254.');
  });
  it('pppd: a client\'s "No CHAP secret … us to" without a server name is no user "us to"; MS-CHAP-v2 as the server names it', () => {
    expect(one('pppd[1]: No CHAP secret found for authenticating us to ')).toMatchObject({ outcome: 'warning', decoded: [{ key: 'noOwnChapSecret' }] });
    expect(one('pppd[1]: No CHAP secret found for authenticating bob')).toMatchObject({ cause: 'credentials-rejected', user: 'bob' });
    expect(one('pppd[1]: MS-CHAP-v2 peer authentication failed for bob')).toMatchObject({ cause: 'credentials-rejected', user: 'bob', decoded: [{ values: { method: 'MS-CHAP-v2' } }] });
    expect(one('pppd[1]: Peer bob failed MS-CHAPv2 authentication').decoded[0]!.values!.method).toBe('MS-CHAP-v2');
  });
  it('pppd: statements made before the side is known are worded by it once a line tells it, per pppd; a server\'s stay the PC\'s', () => {
    const log = [
      'pppd[1]: sent [LCP ConfReq id=0x1 <magic 0x1>]',
      'pppd[2]: sent [LCP ConfReq id=0x1 <magic 0x2>]',
      'pppd[2]: CHAP peer authentication succeeded for bob',
      'pppd[1]: CHAP authentication succeeded',
      'pppd[1]: local  IP address 10.0.0.2',
    ].join('\n');
    const r = parseServerLog(log);
    expect(r.entries.map((e) => describeEntry(e, en))).toEqual([
      'Link settings proposed — LCP ConfReq to the server (id 0x1): magic 0x1',
      'Link settings proposed — LCP ConfReq to the PC (id 0x1): magic 0x2',
      'The user bob logged in (CHAP authentication succeeded).',
      'This side logged in to the other side (CHAP authentication succeeded).',
      'This side was given 10.0.0.2.',
    ]);
    // (bounded: a pppd's first 64 statements wait, no more)
    const long = parseServerLog([...Array.from({ length: 70 }, (_, i) => `pppd[3]: sent [LCP EchoReq id=0x${i.toString(16)} magic=0x1]`), 'pppd[3]: CHAP authentication succeeded'].join('\n'));
    expect(long.entries.filter((e) => e.decoded[0]!.values?.role === 'initiator')).toHaveLength(64);
  });
  it('xl2tpd: how it was stopped (death_handler, SIGTERM or SIGINT), and its init script\'s lines', () => {
    expect(one('xl2tpd[1]: death_handler: Fatal signal 2 received')).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.xl2tpdSigint' }] });
    expect(describeEntry(one('xl2tpd[1]: death_handler: Fatal signal 9 received'), nl)).toBe('xl2tpd kreeg de opdracht te stoppen (signaal 9). Het sluit elke tunnel en stopt; verbindingen erdoor vallen weg.');
    // (openSUSE's init script, xelerance/xl2tpd #5)
    expect(one('xl2tpd[6605]: Starting xl2tpd..done').decoded[0]!.key).toBe('step.xl2tpdInitStart');
    expect(parseServerLog('xl2tpd[1]: Starting xl2tpd: something').understood).toBe(0);
  });
  it('a cause on an L2TP client\'s log is worded for this side, also when the line that tells it dials comes later', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/pppd-openwrt-xl2tpd-lac-couldnt-rename-ppp-interface-exit-1.txt`));
    const [finding] = explainServerLogs([r], en).findings;
    expect(finding!.title).toBe("This side's PPP daemon could not start the session");
    expect(r.entries.filter((e) => e.cause).every((e) => e.decoded[0]!.values?.role === 'initiator')).toBe(true);
  });
  it('reads the Dutch', () => {
    expect(describeEntry(one('pppd[7]: MS-CHAP authentication failed: E=691 Authentication failure'), nl)).toContain('De server weigerde de MS-CHAP-aanmelding van deze kant (MS-CHAP-fout E=691, RFC 2759)');
  });
});
