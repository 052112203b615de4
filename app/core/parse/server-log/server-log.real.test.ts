import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';
import { describeEntry } from './describe';
import { engineT } from '../../i18n';

/**
 * Real server-log lines found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), beyond the shared corpus: SoftEther VPN Server's server_log and
 * the IAS/NPS log formats. Each with its hand-checked decoding.
 */

const DIR = 'test/fixtures/real/server-logs';

const EXPECTED: Record<string, RealServerLogRow> = {
  'softether-server-log-l2tp-ipsec-main-mode-ike-sa.txt': {
    records: 3,
    understood: 3,
    families: { softether: 3 },
    causes: [],
    says: [
      [1, 'IPsec client 14 from 126.xx.yy.zz (UDP 56101) created.'],
      [2, 'IKE SA 9 (IKEv1 Main Mode) created for IPsec client 14: DH group MODP 3072 (Group 15), SHA-2-256, AES-CBC 128-bit.'],
      [3, 'IPsec client 14 from 126.xx.yy.zz moved to UDP 4500: NAT traversal works, UDP 4500 reaches the server.'],
    ],
  },
  // `journalctl -o export` (journal-export.ts): three entries, not 80 lines; the first two's identifiers (`gdm-password]`,
  // `/USR/SBIN/CROND`) are no tag journalctl's own short line could be read by either; the binary MESSAGE reads `foo bar`
  'systemd-journal-export-format-doc-three-entries-binary-message.txt': {
    records: 3,
    understood: 1,
    families: { syslog: 1 },
    causes: [],
    says: [[51, 'python3']],
  },
  // `journalctl -f` (short): the four `[NB blob data]` lines read as messages journalctl left out (journal-export.ts leftOutHit),
  // under the last word of an identifier with a blank the header reader takes for no tag; the container's console lines stay unknown
  'journalctl-follow-nixos-container-blob-data-lines.txt': {
    records: 13,
    understood: 7,
    families: { syslog: 7 },
    causes: [],
    says: [
      [1, 'Typed at a command prompt (not a log line): journalctl -f -u container@target1.service.'],
      [7, 'journalctl showed only the size of this message of target1 (2B)'],
      [12, 'Run journalctl again with --all'],
    ],
  },
  'softether-l2tp-ppp-session-dhcp-failed.txt': {
    records: 1,
    understood: 1,
    families: { softether: 1 },
    causes: [[1, 'address-pool']],
    says: [[1, 'could not get an address for the PC at 192.168.xxx.xxx from a DHCP server']],
  },
  'nps-ias-format-access-request.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    user: 'client',
    says: [[1, 'IAS log record (IAS format) for client from access server 10.10.10.10, NPS on CLIENTCOMP: Service-Type Framed, Framed-Protocol PPP, NAS-Port 9, NAS-Port-Type Virtual, Tunnel-Type PPTP, Tunnel-Medium-Type IPv4, Calling-Station-Id 1.']],
  },
  'nps-database-format-access-request-and-accept.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [],
    says: [
      [1, 'NPS received a sign-in request for client (RADIUS Access-Request).'],
      [2, 'NPS accepted the sign-in of npsclientdc/Users/client (RADIUS Access-Accept).'],
    ],
  },
  // Event Viewer "Copy details as text" as a forum showed it: every line double-spaced, labels and values on lines of their own, the XML after each
  'nps-eventviewer-4402-no-dc-and-6273-reason-7-label-value-lines.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    // (round 42: the 6273 is a Wi-Fi access point's 802.1X request — NAS Port-Type Wireless - IEEE 802.11 — not a VPN server's: no VPN cause, was credentials-rejected)
    causes: [[1, 'radius-unreachable']],
    says: [
      [1, 'NPS found no domain controller for domain K12.TX.US (event 4402): it cannot check any user name or password.'],
      [59, 'NPS denied access to K12.TX.US\\abusby (event 6273, authentication PEAP / Microsoft: Secured password (EAP-MSCHAP v2)): the domain in the user name does not exist (NPS reason 7, IAS_NO_SUCH_DOMAIN).'],
    ],
  },
  // NPS's "DTS compliant" log: one <Event> per RADIUS packet on a line (a Wi-Fi NPS, the same log a VPN's NPS writes)
  'nps-dts-xml-in-log-access-request-reject-reason-8-challenge.txt': {
    records: 4,
    understood: 4,
    families: { rras: 4 },
    // (round 42: the reject answers a Wi-Fi request — NAS-Port-Type 19 on the request of the same Class — no VPN cause, was credentials-rejected)
    causes: [],
    says: [
      [1, 'NPS received a sign-in request for ComputerName.domain.com (RADIUS Access-Request).'],
      [2, 'The request came from a Wi-Fi access point'],
      [2, 'NPS refused the sign-in of DOMAIN\\ComputerName.domain.com (RADIUS Access-Reject): the user account does not exist (NPS reason 8, IAS_NO_SUCH_USER).'],
      [4, 'NPS asked DOMAIN\\ComputerName$ for the next step of the sign-in (RADIUS Access-Challenge).'],
    ],
  },
  // a DTS record pretty-printed over 25 lines by a blog (the author: "really on a single line"): an Accounting-Request with
  // Acct-Status-Type 1, a session record (no decision), not a sign-in; the Wi-Fi client's MAC is no peer
  'nps-dts-xml-pretty-printed-accounting-request-start.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    user: 'john_doe@iu13.org',
    says: [[1, 'Session record for john_doe@iu13.org (RADIUS Accounting-Request, Start).']],
  },
  // SoftEther's server_log: a scanner on the listener port; the second connection ends with cause code 5
  'softether-server-log-scanner-non-softether-client-code-5.txt': {
    records: 8,
    understood: 8,
    families: { softether: 8 },
    causes: [],
    says: [
      [1, 'SoftEther: a client at 167.248.133.58 connected.'],
      [3, 'SoftEther: connection CID-8671 closed.'],
      [4, 'SoftEther: the client at 167.248.133.58 disconnected.'],
      [7, 'SoftEther: TLS for connection CID-8672 started (AES128-SHA).'],
      [8, 'SoftEther: connection CID-8672 ended: "A client which is non-SoftEther VPN software has connected to the port." (code 5, ERR_CLIENT_IS_NOT_VPN). What connected spoke no VPN protocol SoftEther takes on this port: usually a port scanner'],
    ],
  },
  // SoftEther's server_log of a phone's L2TP/IPsec attempt: Main Mode done behind NAT (client port 64916 to the server's 4500), SoftEther's
  // own empty line, the IKE SA established, then no Quick Mode: 10 s later the client and its IKE SA are deleted
  'softether-server-log-ike-sa-established-then-deleted-nat-t-port-update.txt': {
    records: 7,
    understood: 7,
    families: { softether: 7 },
    causes: [],
    says: [
      [3, 'IPsec client 271 from xxx.xxx.xxx.xxx moved to UDP 4500: NAT traversal works'],
      [4, 'SoftEther logged an empty message for IPsec client 271.'],
      [5, 'IKE SA 178 of IPsec client 271 is established (IKE phase 1 done).'],
      [6, 'IPsec client 271 from xxx.xxx.xxx.xxx deleted.'],
      [7, 'IKE SA 178 of IPsec client 271 deleted.'],
    ],
  },
  // SoftEther 4.36 accepting a Windows PC's SSTP connection: TCP 443, TLS, the PPP session with its client software name, then the
  // internal connection (listener port 0, no cipher) SoftEther opens for the session
  'softether-server-log-sstp-ppp-session-microsoft-client-tls.txt': {
    records: 7,
    understood: 7,
    families: { softether: 7 },
    causes: [],
    says: [
      [3, 'SoftEther: TLS for connection CID-1 started (AES128-SHA).'],
      [4, 'SoftEther: a new PPP session over SSTP from xx.xxx.xxx.xxx (TCP 52193), client software "Microsoft SSTP VPN Client".'],
    ],
  },
  // Windows' PPP trace (ppp.log) as Microsoft's KB Q256509 printed it, indented by a tab: the PAP request carries the user name
  // with the blank domain (" \\sponake"; the KB retyped the dump's text column as "alfred"), the answer is an Authenticate-Nak
  // (lines 7–12, the PPP engine's receive loop between the two packets, were unknown)
  'rras-ppp-log-nt4-pap-blank-domain-password-validation-failure.txt': {
    records: 16,
    understood: 16,
    families: { rasman: 16 },
    causes: [[17, 'credentials-rejected']],
    says: [
      [8, 'PPP trace: the PPP engine waits for and reads the next packet (its own bookkeeping).'],
      [12, 'PPP trace: the PPP engine waits for and reads the next packet (its own bookkeeping).'],
      [1, 'PPP: phase started (Authenticating).'],
      [2, 'PPP packet sent (03/06/2000 11:51:07).'],
      [3, 'PPP packet sent: PAP, Protocol specific, id 0x0.'],
      [4, 'PPP packet bytes (hex dump).'],
      [5, 'PAP Authenticate-Request for the user " \\sponake" (the password is not shown).'],
      [14, 'PPP packet received: PAP, Protocol specific, id 0x0.'],
      [17, 'PAP Authenticate-Nak: the authenticator refused the user name or password: "Password validation failure".'],
    ],
  },
};

describe('real server-log fixtures beyond the corpus', () => {
  it('has a hand-checked row for every fixture: here, or in a family group\'s real-*.test.ts', () => {
    const groups = repoFiles('app/core/parse/server-log').filter((f) => /^real-.+\.test\.ts$/.test(f)).map((f) => readRepoText(`app/core/parse/server-log/${f}`));
    const unchecked = repoFiles(DIR).filter((f) => f.endsWith('.txt') && !(f in EXPECTED) && !groups.some((g) => g.includes(`'${f}'`)));
    expect(unchecked).toEqual([]);
    for (const f of Object.keys(EXPECTED)) expect(repoFiles(DIR)).toContain(f);
  });
  realServerLogTable(EXPECTED);
  it('SoftEther IPsec lines after the IKE SA: Quick Mode, the IPsec SA, deletions (texts from SoftEther issues #2110 and #192)', () => {
    const said = (line: string) => { const r = parseServerLog(`${line}\n`); return { n: r.understood, family: r.entries[0]?.family, outcome: r.entries[0]?.outcome, says: r.entries[0] ? describeEntry(r.entries[0], engineT('en')) : '' }; };
    expect(said('2025-03-17 13:10:57.731 IPsec IKE Session (IKE SA) 6 (Client: 6) (CLIENT_IP:49306 -> 172.32.0.2.129:4500): The client initiates a QuickMode negotiation.')).toMatchObject({ family: 'softether', says: 'IKE SA 6 of IPsec client 6: the client starts Quick Mode (IKE phase 2).' });
    expect(said('2025-03-17 13:10:57.731 IPsec ESP Session (IPsec SA) 13 (Client: 6) (CLIENT_IP:49306 -> 172.32.0.2.129:4500): A new IPsec SA (Direction: Client -> Server) is created. SPI: 0xCA783F98, DH Group: (null), Hash Algorithm: SHA-1, Cipher Algorithm: AES-CBC, Cipher Key Size: 256 bits, Lifetime: 4294967295 Kbytes or 3600 seconds')).toMatchObject({ family: 'softether', outcome: 'success', says: 'IPsec SA 13 (Client -> Server) created for IPsec client 6: SHA-1, AES-CBC 256-bit.' });
    // the client's own port 4500, or the server's: either is the move to NAT-T; another update is said as written
    expect(said('2015-10-27 15:08:02.959 IPsec Client 271 (198.51.100.7:64916 -> 203.0.113.1:4500): The port number information of this client is updated.').outcome).toBe('success');
    expect(said('2015-10-27 15:08:02.959 IPsec Client 271 (198.51.100.7:64916 -> 203.0.113.1:500): The port number information of this client is updated.').outcome).toBe('info');
  });
  it('SoftEther: a PPP session over L2TP or SSTP started, and the TLS line of newer builds with the protocol version (SoftEther issues #1396, #1854)', () => {
    const said = (line: string) => { const r = parseServerLog(`${line}\n`); return { n: r.understood, family: r.entries[0]?.family, peer: r.entries[0]?.peer, says: r.entries[0] ? describeEntry(r.entries[0], engineT('en')) : '' }; };
    expect(said('2023-06-27 22:29:02.886 L2TP PPP Session [10.99.99.9:1701]: A new PPP session (Upper protocol: L2TP) is started. IP Address of PPP Client: 10.99.99.9 (Hostname: "10.99.99.9"), Port Number of PPP Client: 1701, IP Address of PPP Server: 10.99.99.1, Port Number of PPP Server: 1701, Client Software Name: "L2TP VPN Client", IPv4 TCP MSS (Max Segment Size): 1314 bytes')).toMatchObject({ family: 'softether', peer: '10.99.99.9', says: 'SoftEther: a new PPP session over L2TP from 10.99.99.9 (UDP 1701), client software "L2TP VPN Client".' });
    expect(said('2023-06-27 22:29:02.895 SSL communication for connection "CID-3" has been started. The protocol version is (null). The encryption algorithm name is "(null)".')).toMatchObject({ family: 'softether', says: 'SoftEther: connection CID-3 is that internal link; it has no TLS of its own (the cipher "(null)" is normal here).' });
    expect(said('2023-06-27 22:29:02.895 SSL communication for connection "CID-3" has been started. The protocol version is TLSv1.2. The encryption algorithm name is "ECDHE-RSA-AES256-GCM-SHA384".').says).toBe('SoftEther: TLS for connection CID-3 started (ECDHE-RSA-AES256-GCM-SHA384, TLSv1.2).');
    // TLS that did not start (SoftEther issue #1926, Windows 10's SSTP client): a warning with SoftEther's reason and what it means for a PC, bare or
    // behind the debug console's `LOG: `; no cause (a scanner's handshake fails alike)
    for (const line of ['2023-11-13 21:40:02.131 Failed to start SSL communication for connection "CID-3". Error: Failed to find an available cipher that is supported by both sides, or the cipher specified is not compatible with the server certificate. (code 151)', 'LOG: Failed to start SSL communication for connection "CID-12". Error: Some other reason (code 150).']) {
      const r = parseServerLog(`${line}\n`);
      expect(r.understood).toBe(1);
      expect(r.entries[0]).toMatchObject({ family: 'softether', outcome: 'warning' });
      expect(r.entries[0]!.cause).toBeUndefined();
      const says = describeEntry(r.entries[0]!, engineT('en'));
      expect(says).toMatch(/^SoftEther: TLS for connection CID-\d+ did not start: "(?:Failed to find an available cipher|Some other reason)[^"]*" \(code 15[01]\)\. The connection's encrypted start \(TLS/);
      expect(describeEntry(r.entries[0]!, engineT('nl'))).toContain('geen TLS-versie of versleutelingsalgoritme gemeen');
    }
  });
  it('Windows ppp.log packet traces: with the tracing header or without, the packet assembled from its hex dump lines', () => {
    const r = parseServerLog(readRepoText(`${DIR}/rras-ppp-log-nt4-pap-blank-domain-password-validation-failure.txt`));
    expect(r.entries.find((e) => e.line === 5)!.user).toBe(' \\sponake');
    expect(r.entries.find((e) => e.line === 17)!.code).toBe(691);
    expect(r.entries.find((e) => e.line === 2)!.time).toEqual({ year: 2000, month: 3, day: 6, hour: 11, minute: 51, second: 7, ms: 100 });
    // the modern form: every line under RAS tracing's `[tid] MM-DD hh:mm:ss:mmm:` header, `>` for received; a CHAP Failure's MS-CHAP error
    const modern = parseServerLog([
      '[1234] 06-03 18:05:28:750: >PPP packet received at 06/03/2008 18:05:28:750',
      '[1234] 06-03 18:05:28:750: >Protocol = CHAP, Type = Protocol specific, Length = 0x16, Id = 0x2, Port = 0',
      '[1234] 06-03 18:05:28:750: >C2 23 04 02 00 16 45 3D 36 39 31 20 52 3D 31 20 |.#....E=691 R=1 |',
      '[1234] 06-03 18:05:28:750: >43 3D 41 42 20 56 3D 33                         |C=AB V=3        |',
    ].join('\n'));
    expect([modern.records, modern.understood]).toEqual([4, 4]);
    expect(modern.entries.map((e) => [e.line, e.cause, e.code]).filter((x) => x[1])).toEqual([[4, 'credentials-rejected', 691]]);
    expect(modern.entries[1]!.decoded[0]!.key).toBe('step.pppLogProtocolReceived');
    // an LCP packet's dump is the packet by protocol and code (a Terminate-Request: who ends the link, by the direction mark; any
    // other code by its name); near miss: a hex dump without its text column is no trace line
    const lcp = parseServerLog('[1234] 06-03 18:05:28:734: <PPP packet sent at 06/03/2008 18:05:28:734\n[1234] 06-03 18:05:28:734: <C0 21 05 03 00 04 |.!....|\n');
    expect(describeEntry(lcp.entries[1]!, engineT('en'))).toBe('This side ends the PPP link (LCP Terminate-Request, RFC 1661 §5.5).');
    const echo = parseServerLog('[1234] 06-03 18:05:28:734: <PPP packet sent at 06/03/2008 18:05:28:734\n[1234] 06-03 18:05:28:734: <C0 21 09 03 00 08 00 00 00 00 |.!......|\n');
    expect(describeEntry(echo.entries[1]!, engineT('en'))).toBe('PPP packet complete: LCP Echo-Request, id 0x3.');
    expect(parseServerLog('C0 21 05 03 00 04\n').understood).toBe(0);
  });
  it('the times are read: SoftEther ISO with milliseconds, IAS-format MM/DD/YYYY', () => {
    expect(parseServerLog(readRepoText(`${DIR}/softether-server-log-l2tp-ipsec-main-mode-ike-sa.txt`)).entries[2]!.time).toEqual({ year: 2021, month: 8, day: 8, hour: 12, minute: 44, second: 48, ms: 167 });
    expect(parseServerLog(readRepoText(`${DIR}/nps-ias-format-access-request.txt`)).entries[0]!.time).toEqual({ year: 1999, month: 6, day: 4, hour: 14, minute: 42, second: 19 });
  });
});
