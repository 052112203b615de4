import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Real pppd-family logs (pppd, pptpd, xl2tpd, accel-ppp) found in public issues
 * (test/fixtures/real/server-logs/pppd-*.txt, sources in test/fixtures/real/SOURCES.md): header
 * styles (Docker's RFC 3339 with nanoseconds, OpenWrt logread cut before the date, accel-ppp's
 * log_file, no header) and message classes, each with its hand-checked decoding.
 */

const nl = engineT('nl');
const en = engineT('en');
const DIR = 'test/fixtures/real/server-logs';

const EXPECTED: Record<string, RealServerLogRow> = {
  'pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [],
    says: [
      [1, 'xl2tpd could not send to 71.105.XXX.XX:49577: No such device.'],
      [2, "The PC sent its tunnel request (tunnel 35655) again: it did not get the server's answer in time."],
      [3, 'L2TP control messages were not acknowledged: the tunnel was closed.'],
      [4, 'L2TP tunnel 35655 to 71.105.XXX.XX (port 49577) closed: Timeout.'],
    ],
  },
  'pppd-openwrt-xl2tpd-logread-no-date-max-retries.txt': {
    records: 3,
    understood: 3,
    families: { pppd: 3 },
    causes: [],
    says: [
      [2, 'L2TP tunnel 0 to L2TP_SERVER_IP (port 1701) closed: Timeout.'],
      [3, 'xl2tpd got no answer to its closing message: it dropped the tunnel anyway.'],
    ],
  },
  'pppd-pptpd-no-header-windows-msras-chap-failed.txt': {
    records: 18,
    understood: 18,
    families: { pppd: 18 },
    causes: [
      [16, 'credentials-rejected'],
      [17, 'credentials-rejected'],
    ],
    says: [
      [12, 'The PC identifies itself as Windows remote access (MSRAS-0-USER-GD91F6BBDH).'],
      [16, 'The user "yaya" failed CHAP authentication'],
    ],
  },
  'pppd-accel-ppp-log-file-sstp-auth-configure-nak.txt': {
    records: 5,
    understood: 5,
    families: { pppd: 5 },
    causes: [],
    session: 'ppp0',
    says: [
      [2, 'PPP link ppp0 opened.'],
      [3, "The PC answered the server's authentication option with a Configure-Nak the server did not expect."],
      [5, 'accel-ppp lost the PPP channel (Input/output error).'],
    ],
  },
  'pppd-accel-sstp-syslog-mschap-v2-success-then-abort.txt': {
    records: 12,
    understood: 12,
    families: { pppd: 12 },
    causes: [],
    session: 'ppp0',
    says: [
      [1, 'CHAP Success to the PC (id 0x1)'],
      [6, 'User "test" authenticated (accel-ppp).'],
      [8, "The PC's SSTP Call-Connected failed the crypto-binding check (Nonce): the server aborts the call."],
      [9, 'accel-ppp SSTP message SSTP_MSG_CALL_ABORT.'],
      [10, 'The PC closed the connection.'],
    ],
  },
  // accel-ppp's log_file behind sslh (xebd/accel-ppp #177): the connection comes from the proxy on the server itself, not the PC;
  // the SNI the client asked for; the TLS read fails (EIO: an OpenSSL error) before any PPP session, whose prefix is log_file's
  // bare `: ` (an SSTP connection has no interface name yet)
  'pppd-accel-log-file-sstp-behind-sslh-sni-read-input-output-error.txt': {
    records: 5,
    understood: 5,
    families: { pppd: 5 },
    causes: [],
    says: [
      [1, 'from 127.0.0.1, the server itself: a proxy in front of it'],
      [3, 'asks for the server name o--------r (SNI)'],
      [4, 'The TLS connection to the SSTP server broke off (read: Input/output error)'],
      [5, 'accel-ppp: a control connection closed.'],
    ],
  },
  // the flood of xebd/accel-ppp #107 (a maintainer: "just flood"): TLS reads that fail, one with errno 0 ("Success": the TCP
  // connection closed under TLS); warnings, no cause — before a PPP session they are no PC's failure
  'pppd-accel-log-file-sstp-read-errors-flood-no-interface-name.txt': {
    records: 9,
    understood: 9,
    families: { pppd: 9 },
    causes: [],
    says: [
      [1, 'broke off (read: Input/output error)'],
      [5, 'broke off (read: Success)'],
    ],
  },
  // the same issue's later comment (xebd/accel-ppp #100, alex-eri): in the journal, before a session has a name (`:: `), the PC's
  // Call-Connected and its crypto binding's Compound MAC failing, glued to the Call-Abort by accel-ppp itself: the two sides' log-in
  // keys differ (sstp-binding-failed; the maintainers there: the client's CMAC or the RADIUS server, PAP as the workaround)
  'pppd-accel-pppd-journal-sstp-call-connected-invalid-compound-mac.txt': {
    records: 2,
    understood: 2,
    families: { pppd: 2 },
    causes: [[2, 'sstp-binding-failed']],
    says: [
      [1, 'accel-ppp SSTP message SSTP_MSG_CALL_CONNECTED.'],
      [2, "The PC's SSTP Call-Connected failed the crypto-binding check (Compound MAC): the server aborts the call."],
    ],
  },
  'pppd-xl2tpd-lns-windows-client-sccrq-avps.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 14 },
    causes: [],
    says: [
      [12, 'The PC gives its name as RWB-LAPTOP-DELL.'],
      [13, "The PC's L2TP software reports vendor Microsoft: the VPN client built into Windows."],
    ],
  },
  'pppd-pptpd-unsupported-protocol-after-mppe.txt': {
    records: 6,
    understood: 6,
    families: { pppd: 6 },
    causes: [],
    says: [
      [1, 'The PC sent a frame of protocol 0xc7, which this pppd does not handle'],
      [4, 'The PC sent a frame of protocol 0x3b (AppleTalk SmartBuffered)'],
    ],
  },
  'pppd-openwrt-pptpd-gre-pty-failed-after-authorized.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [],
    says: [
      [7, 'The secrets file /etc/ppp/chap-secrets can be read by other users of the machine that wrote this log'],
      [8, 'The PC at 192.168.123.6 was authorised.'],
      [13, "pptpd lost its pppd (reading the PTY failed): pppd ended or never started. pppd's own lines just before say why; this is not GRE being blocked."],
    ],
  },
  'pppd-asuswrt-merlin-pptpd-ctrl-eof-mppe-disabled.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 14 },
    causes: [],
    says: [
      [4, 'No Ethernet address for proxy ARP'],
      [8, 'Encryption (MPPE) is off for this link.'],
      [9, 'The PPTP control connection (TCP 1723) was closed by the other side without a Call-Clear-Request.'],
    ],
  },
  'pppd-accel-pppd-journal-sstp-pemfile-error.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 6, syslog: 1 },
    causes: [[2, 'sstp-server-certificate']],
    says: [
      [1, 'accel-ppp pptp: no address range (iprange) set for the PPP interfaces.'],
      [2, 'accel-ppp cannot load its SSTP certificate (ssl-pemfile: error:02001002:system library:fopen:No such file or directory): SSTP clients cannot connect.'],
      [6, 'accel-ppp: a control connection closed.'],
    ],
  },
  'pppd-syslog-priority-prefix-lcp-debug.txt': {
    records: 3,
    understood: 3,
    families: { pppd: 3 },
    causes: [],
    says: [
      [1, 'LCP ConfReq from the server (id 0x6a): asyncmap 0x0, auth chap MD5'],
      [2, 'pppd debug detail.'],
    ],
  },
  'pppd-xl2tpd-docker-start-pppd-exit-code-11.txt': {
    records: 22,
    understood: 22,
    families: { pppd: 22 },
    causes: [[16, 'credentials-rejected']],
    says: [
      [2, 'xl2tpd starts pppd (its command line follows).'],
      [15, 'L2TP call established with ip3.'],
      [16, 'pppd ended for call 40082 with exit code 11 (PEER_AUTH_FAILED).'],
      [19, 'xl2tpd could not handle attribute 1 (Result Code) of an L2TP message from the other side: it closes the tunnel.'],
    ],
  },
  'pppd-xl2tpd-docker-logs-indented-startup.txt': {
    records: 6,
    understood: 6,
    families: { pppd: 6 },
    causes: [],
    says: [[3, 'xl2tpd bookkeeping.']],
  },
  'pppd-router-syslog-host-facility-xl2tpd-startup.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 7 },
    causes: [],
    says: [[1, 'xl2tpd bookkeeping.']],
  },
  'pppd-accel-ppp-log-file-radius-access-request.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [],
    says: [
      [1, 'accel-ppp bookkeeping.'],
      [4, 'accel-ppp RADIUS message Access-Request.'],
    ],
  },
  'pppd-pptpd-openvz-no-ppp-kernel-support.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [
      [3, 'ppp-setup-failed'],
      [4, 'ppp-setup-failed'],
    ],
    says: [
      [3, "The server's kernel has no PPP support (/dev/ppp cannot be opened: Permission denied;"],
      [6, 'pptpd lost its pppd'],
      [8, 'control connection'],
    ],
  },
  'pppd-docker-compose-xl2tpd-startup.txt': {
    records: 8,
    understood: 8,
    families: { pppd: 8 },
    causes: [],
    says: [[8, 'xl2tpd bookkeeping.']],
  },
  // BusyBox syslogd's own start line is no VPN family's (left unknown)
  'pppd-docker-compose-busybox-syslog-pptpd-mgr.txt': {
    records: 2,
    understood: 2,
    families: { syslog: 1, pppd: 1 },
    causes: [],
    // (BusyBox syslogd's first line was unknown: families/other-daemons.ts)
    says: [[1, 'The system log (BusyBox syslogd) started: not part of the VPN.'], [2, 'pptpd bookkeeping.']],
  },
  // pppd on an L2TP LNS (pppol2tp.so): its LCP time-out was vpn.gre-blocked — L2TP has no GRE (pppd-transport.test.ts)
  'pppd-pppol2tp-lns-lcp-timeout-no-gre.txt': {
    records: 15,
    understood: 15,
    families: { pppd: 15 },
    causes: [],
    says: [[12, 'LCP timed out: the server sent Configure-Requests over L2TP and the PC never answered']],
  },
  // pppd 2.4.9 on an L2TP LNS: its kernel channel and the PPPoL2TP tunnel/session ids were not understood
  'pppd-pppol2tp-lns-radius-using-channel-options.txt': {
    records: 15,
    understood: 15,
    families: { pppd: 15 },
    causes: [],
    says: [
      [11, "pppd uses the kernel's PPP channel 869."],
      [15, 'PPP over kernel L2TP: tunnel 59263, session 15552.'],
    ],
  },
  // an OpenWrt router's lines relayed to a syslog server (`relay host: xl2tpd[pid]:`): all read as the program `minerva` and ignored
  // before; xl2tpd's own two-line get_call message (line 4 is its ` (ref=0/0)`), lac_disconnect's "Disconnecting from"
  'pppd-openwrt-xl2tpd-relayed-get-call-ref-continuation.txt': {
    records: 14,
    understood: 14,
    families: { pppd: 9, syslog: 5 },
    causes: [],
    says: [
      [1, 'L2TP call disconnected.'],
      [4, 'xl2tpd bookkeeping.'],
      [5, 'L2TP tunnel closed.'],
      [6, 'L2TP tunnel 42669 to __serverip__ (port 1701) closed: Goodbye!'],
    ],
  },
  // a Windows client's IPCP address request (<addr 0.0.0.0>) answered with a Configure-Reject: pppd had no address for it
  // (ipcp.c ipcp_reqci), which read before as a plain packet with no cause; xl2tpd 1.2.6's "pppd N successfully terminated"
  // was not read. The last line is cut short in the post itself
  'pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt': {
    records: 69,
    understood: 68,
    families: { pppd: 66, syslog: 2 },
    causes: [
      [44, 'address-pool'],
      [53, 'address-pool'],
    ],
    says: [
      [29, 'Windows remote access (MSRASV5.20)'],
      [44, "The server refused the PC's request for an IP address (0.0.0.0)"],
      [68, 'pppd ends the link.'],
    ],
  },
  // a 128-bit-only pppd (pptp client) against a peer offering 40-bit MPPE only: "MPPE required but peer negotiation failed" said
  // nothing of why; the two CCP offers now say it. ccp.c's "Disabling 40-bit MPPE; MS-CHAP LM not supported" was unknown
  'pppd-pptp-client-peer-offers-40-bit-only-mppe-negotiation-failed.txt': {
    records: 7,
    understood: 7,
    families: { pppd: 7 },
    causes: [
      [6, 'mppe-unavailable'],
    ],
    says: [
      [3, '40-bit MPPE is left out after MS-CHAP'],
      [6, 'No key length in common: this side allows 128-bit MPPE, the other side offered 40-bit.'],
    ],
  },
  // a PPTP client whose link sent 1 GB and received 60 bytes (its route to the server went into the tunnel): the end counters were
  // read as a plain "pppd ends the link"; ipcp.c's "primary   DNS address", the pty command's "Script pptp … finished" (blanks in the
  // name) and main.c's "Waiting for 1 child processes..." / "  script …, pid …" were unknown
  'pppd-pptp-client-routing-loop-sent-1-gb-received-60-bytes.txt': {
    records: 55,
    understood: 55,
    families: { pppd: 55 },
    causes: [],
    says: [
      [41, 'DNS server given by the other side: XXX.YYY.2.2.'],
      [45, 'pptp vpn.myworkplace.com --nolaunchpppd'],
      [48, 'The link carried 1061971208 bytes out and 60 bytes in. Almost nothing came back over the link'],
      [54, 'pppd ends the link.'],
    ],
  },
  // `pon … debug dump`: options.c print_options' list, refused before as no known format (tabs shown as blanks in the copy)
  'pppd-pptp-client-options-in-effect-dump.txt': {
    records: 28,
    understood: 28,
    families: { pppd: 28 },
    causes: [],
    says: [
      [1, 'pppd lists the options in effect (the dump option).'],
      [13, 'pppd option: … (from /etc/ppp/options.pptp).'],
      [27, 'pppd option: require-mppe-128 (from /etc/ppp/options.pptp).'],
    ],
  },
};

describe('real pppd-family fixtures', () => {
  it('has a row for every pppd-* fixture', () => {
    // (or in real-ppp-classes.test.ts, the rows by failure class, real-systemd-units.test.ts, xl2tpd under systemd, or
    // real-xl2tpd-control.test.ts, xl2tpd's control-channel sequence numbers, or real-held-out.test.ts (and -round39), logs of a round of
    // families' real logs the parser had not met, or real-ppp-servers-unseen.test.ts, PPP servers' lines not read before, or
    // real-ppp-rejects.test.ts, Configure-Rejects judged by what they refuse, or real-pppd-role.test.ts, the side by the packets and
    // PPPoE discovery, or real-held-out-round40-windows-ppp.test.ts, Linux PPP servers a Windows PC dialled: read as text, so their
    // tests do not run twice)
    const byClass = ['real-ppp-classes', 'real-pppd-role', 'real-systemd-units', 'real-xl2tpd-control', 'real-held-out', 'real-held-out-round39', 'real-ppp-servers-unseen', 'real-ppp-rejects', 'real-held-out-round40-windows-ppp', 'real-held-out-round42-ppp-servers'].map((f) => readRepoText(`app/core/parse/server-log/${f}.test.ts`)).join('');
    const files = repoFiles(DIR).filter((f) => f.startsWith('pppd-') && f.endsWith('.txt'));
    expect(files.filter((f) => !byClass.includes(`'${f}': {`))).toEqual(Object.keys(EXPECTED).sort());
  });
  realServerLogTable(EXPECTED);
  it('pppd ccp.c: MPPE without keys (a RADIUS reply without MS-MPPE keys), the other reasons it cannot be offered; key lengths in common are no mismatch', () => {
    const one = (text: string) => parseServerLog(text).entries.at(-1)!;
    expect(one('pppd[7]: MPPE required, but keys are not available.  Possible plugin problem?')).toMatchObject({ cause: 'mppe-unavailable', decoded: [{ key: 'mppeNoKeys' }] });
    expect(one('pppd[7]: MPPE required, but auth done in both directions.')).toMatchObject({ cause: 'mppe-unavailable', decoded: [{ key: 'mppeNotPossible' }] });
    expect(one('pppd[7]: MPPE required, but both 40-bit and 128-bit disabled.')).toMatchObject({ cause: 'mppe-unavailable', decoded: [{ key: 'mppeNotPossible' }] });
    const common = ['pppd[7]: sent [CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>]', 'pppd[7]: rcvd [CCP ConfReq id=0x1 <mppe -H -M +S -L -D -C>]', 'pppd[7]: MPPE required but peer negotiation failed'].join('\n');
    expect(one(common).decoded.map((x) => x.key)).toEqual(['mppeNegotiationFailed']);
    // another pppd's offer is not this one's
    const other = ['pppd[7]: sent [CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>]', 'pppd[8]: rcvd [CCP ConfReq id=0x1 <mppe +H -M -S +L -D -C>]', 'pppd[7]: MPPE required but peer negotiation failed'].join('\n');
    expect(one(other).decoded.map((x) => x.key)).toEqual(['mppeNegotiationFailed']);
  });
  it("accel-ppp sstp.c: its call aborts, the certificate hash, protocol errors, a PROXY header's address (texts of sstp.c)", () => {
    const one = (text: string) => parseServerLog(text).entries.at(-1)!;
    const keys = (text: string) => one(text).decoded.map((x) => x.key);
    expect(keys('[2024-03-13 10:23:46]:  warn: : sstp: negotiation timeout')).toEqual(['accelSstpNegotiationTimeout']);
    expect(keys('Mar 13 10:23:46 vpn03 accel-sstp: ppp0:anna: sstp: no echo reply')).toEqual(['accelSstpNoEchoReply']);
    expect(keys('Mar 13 10:23:46 vpn03 accel-sstp: :: sstp: nak limit reached')).toEqual(['accelSstpNakLimit']);
    expect(one('Mar 13 10:23:46 vpn03 accel-sstp: ppp0:anna: sstp: invalid SHA256 Cert Hash')).toMatchObject({ outcome: 'failure', decoded: [{ key: 'sstpdCertHashMismatch' }] });
    // not a message named `invalid`: the packet-dump rule would take the word
    expect(one('Mar 13 10:23:46 vpn03 accel-sstp: :: recv [SSTP invalid version 0x20]')).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.sstpdProtocolError', values: { text: 'SSTP invalid version 0x20' } }] });
    expect(keys('Mar 13 10:23:46 vpn03 accel-sstp: :: sstp: recv [SSL <no SNI>]')).toEqual(['step.accelSstpNoSni']);
    expect(one('Mar 13 10:23:46 vpn03 accel-sstp: sstp: proxy: connection from 198.51.100.7:50123')).toMatchObject({ peer: '198.51.100.7', decoded: [{ key: 'step.sstpConnStarted' }] });
    expect(one('Mar 13 10:23:46 vpn03 accel-sstp: sstp: new connection from [::1]:41000').peer).toBeUndefined();
    expect(keys('Mar 13 10:23:46 vpn03 accel-sstp: sstp: IP is out of client-ip-range, droping connection...')).toEqual(['pptpOutOfRange']);
  });
  it('pppd end counters: a small or balanced link is no warning', () => {
    const one = (text: string) => parseServerLog(text).entries.at(-1)!;
    expect(one('pppd[7]: Sent 74 bytes, received 124 bytes.')).toMatchObject({ outcome: 'info', decoded: [{ values: { sent: 74, received: 124 } }] });
    expect(one('pppd[7]: Sent 5000000 bytes, received 4000000 bytes.').outcome).toBe('info');
    expect(one('pppd[7]: Sent 5000000 bytes, received 0 bytes.').outcome).toBe('warning');
  });
  it('reads the Dutch', () => {
    const r = parseServerLog(readRepoText(`${DIR}/pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt`));
    expect(describeEntry(r.entries[3]!, nl)).toBe('L2TP-tunnel 35655 naar 71.105.XXX.XX (poort 49577) gesloten: Timeout.');
  });
  it('words the key lengths of two MPPE offers in the reader\'s language (the parser keeps their bits)', () => {
    const failed = parseServerLog(readRepoText(`${DIR}/pppd-pptp-client-peer-offers-40-bit-only-mppe-negotiation-failed.txt`)).entries.find((e) => e.decoded.some((x) => x.key === 'mppeStrengthMismatch'))!;
    expect(failed.decoded.find((x) => x.key === 'mppeStrengthMismatch')!.values).toEqual({ ours: 0x01000040, theirs: 0x01000020 });
    expect(describeEntry(failed, nl)).toContain('deze kant staat 128-bits MPPE toe, de andere kant bood 40-bits aan.');
    // several lengths each way, and an offer without any
    const mismatch = (ours: string, theirs: string) => parseServerLog([`pppd[7]: sent [CCP ConfReq id=0x1 <mppe ${ours}>]`, `pppd[7]: rcvd [CCP ConfReq id=0x1 <mppe ${theirs}>]`, 'pppd[7]: MPPE required but peer negotiation failed'].join('\n')).entries.at(-1)!;
    expect(describeEntry(mismatch('+H +M +S -L -D -C', '-H -M -S +L -D -C'), nl)).toContain('deze kant staat 128-bits of 56-bits MPPE toe, de andere kant bood 40-bits aan.');
    expect(describeEntry(mismatch('+H -M -S -L -D -C', '-H -M -S +L -D -C'), en)).toContain('this side allows no key length MPPE, the other side offered 40-bit.');
  });
  it('the times are read: Docker RFC 3339 with nanoseconds, accel-ppp log_file with milliseconds', () => {
    expect(parseServerLog(readRepoText(`${DIR}/pppd-xl2tpd-docker-rfc3339-nanos-max-retries.txt`)).entries[0]!.time).toEqual({ year: 2018, month: 8, day: 23, hour: 18, minute: 36, second: 51, ms: 279 });
    expect(parseServerLog(readRepoText(`${DIR}/pppd-accel-ppp-log-file-sstp-auth-configure-nak.txt`)).entries[1]!.time).toEqual({ year: 2017, month: 12, day: 7, hour: 1, minute: 4, second: 30, ms: 344 });
  });
});
