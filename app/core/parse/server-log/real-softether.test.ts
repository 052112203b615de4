import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

const readFixture = (name: string): string => readRepoText(`test/fixtures/real/server-logs/${name}`);

/**
 * Real SoftEther server_log and hub log copies (test/fixtures/real/server-logs, sources in test/fixtures/real/SOURCES.md), hand-checked:
 * a session's end with its error code (code 11, ERR_SESSION_REMOVED, src/Cedar/Cedar.h), a grep from inside the log folder, an L2TP
 * session's address from the hub's DHCP server, SoftEther 5's in-process listener (port 0), a terminal's hard wraps.
 */
const REAL: Record<string, RealServerLogRow> = {
  // one L2TP/IPsec client (24, behind NAT: source port 27015 to 4500) whose nine IKE SAs SoftEther deletes in the same
  // millisecond: each a warning, no cause (the log says no why)
  'softether-server-log-nine-ike-sas-of-one-client-deleted-same-millisecond.txt': {
    records: 9,
    understood: 9,
    families: { softether: 9 },
    causes: [],
    says: [
      [1, 'IKE SA 920 of IPsec client 24 deleted.'],
      [9, 'IKE SA 931 of IPsec client 24 deleted.'],
    ],
  },
  'softether-server-log-hub-session-ended-code-11-broadcast-policy.txt': {
    records: 5,
    understood: 5,
    families: { softether: 5 },
    causes: [],
    says: [
      [2, 'Session SID-TEST-WIN10-9 ended; it had carried 3304159 bytes out and 740370 bytes in'],
      [3, '(code 11, ERR_SESSION_REMOVED). The VPN session ended: the PC hung up, its connection to the server dropped, or an administrator ended it.'],
      [5, 'SoftEther: the client at 123.192.85.253 disconnected.'],
    ],
  },
  'softether-hub-log-grep-file-prefix-sessions-terminated.txt': {
    // `vpn_20220322.log:` is grep's file name, cut like a path's: each line is read from its own time on
    records: 3,
    understood: 3,
    families: { softether: 3 },
    causes: [],
    says: [
      [1, 'Session SID-xxx-20 ended; it had carried 130067314 bytes out and 10972551 bytes in'],
      [3, 'Session SID-xxx-2 ended'],
    ],
  },
  'softether-server-log-l2tp-hub-session-client-details-dhcp-allocated.txt': {
    records: 3,
    understood: 3,
    families: { softether: 3 },
    causes: [],
    says: [
      [1, 'Session SID-user-[L2TP]-7: the client calls itself "L2TP VPN Client", at xx.yyy.zzz.aa.'],
      [2, 'SoftEther asks a DHCP server for an address for the PC at xx.yyy.zzz.aa.'],
      [3, 'The DHCP server at 192.168.1.2 gave session SID-user-[L2TP]-7 the address 192.168.1.23.'],
    ],
  },
  'softether5-server-log-l2tp-indented-inproc-listener-session-created.txt': {
    records: 7,
    understood: 7,
    families: { softether: 7 },
    causes: [],
    says: [
      [1, 'SoftEther hands the PPP session of the PC at CLIENT_IP to its Virtual Hub (an internal link inside the server, listener port 0'],
      [3, 'SoftEther: connection CID-6753 is that internal link; it has no TLS of its own'],
      [5, 'SoftEther: connection CID-6753 logged in as user "userxyz".'],
      [6, 'SoftEther accepted the log-in and created session SID-USERXYX-[L2TP]-279 for the client at CLIENT_IP (Legacy VPN - L2TP).'],
    ],
  },
  'softether-server-log-port-5555-tls-closed-wrapped-150-columns.txt': {
    // fourteen physical lines: each of the four wrapped records is read with its piece (3-4, 5-6, 9-10, 11-12)
    records: 10,
    understood: 10,
    families: { softether: 10 },
    causes: [],
    says: [
      [1, 'SoftEther: TLS for connection CID-177 started (TLS_AES_256_GCM_SHA384).'],
      [3, 'SoftEther: a client at N.N.N.235 connected.'],
      [14, 'SoftEther: connection CID-179 closed.'],
    ],
  },
  'softether-server-log-l2tp-radius-auth-failed-date-first-digit-lost.txt': {
    // line 1's year lost its "2" in the copy (`019-10-11`): no time is read for it, its message is still SoftEther's
    records: 2,
    understood: 2,
    families: { softether: 2 },
    causes: [[2, 'credentials-rejected']],
    says: [
      [1, 'SoftEther: connection CID-34 from 2.247.241.98 (L2TP VPN Client) for user "xxx.xxx", External server authentication.'],
      [2, 'SoftEther: user authentication failed for "xxx.xxx" (connection CID-34)'],
    ],
    user: 'xxx.xxx',
  },
  'softether-server-log-openvpn3-client-empty-user-name-auth-failed.txt': {
    // the poster's `Port number: <REDACTED>` is still the connection line; an empty user name is said as such
    records: 2,
    understood: 2,
    families: { softether: 2 },
    causes: [[2, 'credentials-rejected']],
    says: [
      [1, 'SoftEther: connection CID-01 from <REDACTED> (OpenVPN Client) for user "", External server authentication.'],
      [2, 'SoftEther: the log-in of connection CID-01 failed: the client sent no user name at all.'],
    ],
  },
  'softether-vpntest-debug-macos-l2tp-key-dumps-cut-short-client-id-ike-sa-established.txt': {
    // vpntest's debug console (Proto_IKE.c Debug lines between `LOG:` lines): the key dumps the poster cut short with `...` are
    // still dumps, and Main Mode's third exchange names the PC's ID and the established IKE SA
    records: 17,
    understood: 17,
    families: { softether: 17 },
    causes: [],
    says: [
      [6, 'SoftEther\'s IPsec (IKE) debug output: its client table or key material'],
      [13, 'SoftEther\'s IPsec (IKE) debug output: its client table or key material'],
      [15, 'The PC names itself 192.168.178.122 in IKE'],
      [17, 'IKE phase 1 is done: the PC\'s hash checked out and the IKE SA is established (the PC named itself 192.168.178.122).'],
    ],
  },
  'softether-vpntest-debug-windows-10-ike-client-key-dumps-masked-address.txt': {
    // held out (read right before this round's changes): whole key dumps, the client's address masked with `*`
    records: 13,
    understood: 13,
    families: { softether: 13 },
    causes: [],
    says: [[5, 'IKE SA 4 (IKEv1 Main Mode) created for IPsec client 4: DH group MODP 2048 (Group 14), SHA-1, AES-CBC 256-bit.']],
  },
  'softether-vpntest-debug-windows-10-l2tp-bad-decrypt-eap-nak-l2tp-disconnected.txt': {
    // the same debug console later (SoftEther #1253): OpenSSL's error queue printed as is between Proto_PPP.c's and Proto_L2TP.c's
    // Debug lines — packets that do not decrypt, the PC's EAP NAK and the MS-CHAPv2 offered instead, the L2TP session and tunnel down
    records: 19,
    understood: 19,
    families: { softether: 19 },
    causes: [],
    says: [
      [1, 'A packet could not be decrypted with the keys SoftEther holds (OpenSSL: bad decrypt in digital envelope routines, EVP_DecryptFinal_ex)'],
      [8, 'The PC refused EAP (an EAP NAK)'],
      [10, 'SoftEther now asks the PC to log in with MS-CHAPv2.'],
      [18, 'SoftEther: L2TP tunnel 5/1 is disconnected.'],
    ],
  },
};

describe('real SoftEther server logs', () => {
  realServerLogTable(REAL);

  it('the wrapped records keep their pieces: the listener line ends on line 4, the CID line on line 6', () => {
    const r = parseServerLog(readFixture('softether-server-log-port-5555-tls-closed-wrapped-150-columns.txt'));
    expect(r.entries.filter((e) => e.endLine > e.line).map((e) => [e.line, e.endLine])).toEqual([
      [3, 4],
      [5, 6],
      [9, 10],
      [11, 12],
    ]);
  });

  it('Main Mode\'s hash that does not check out (Proto_IKE.c `IKE SA 0x%X Invalid Hash.`) is a pre-shared key mismatch', () => {
    const r = parseServerLog(['Client ID = 192.168.1.20', 'IKE SA 0x3F2A10 Invalid Hash.'].join('\n'), 'x');
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? ''])).toEqual([[1, 'info', ''], [2, 'failure', 'ike-auth-failed']]);
  });

  it('the debug console\'s IKE client and SA life (Proto_IKE.c Debug lines) is read, none of it a cause', () => {
    const lines = ['IKE_CLIENT 0x5A3B10: L2TP Server Started.', 'IPsec SA 0xC3F1A2B4 has been marked as being deleted.', 'IKE SA 1152921504606846976 - 2681143613976997564 has been marked as being deleted.', 'Deleting IKE_CLIENT: 0x7fa9f0070cd0: 192.0.2.44:4500 -> 198.51.100.1:4500', 'DhCompute failed.'];
    const r = parseServerLog(lines.join('\n'), 'x');
    expect([r.records, r.understood]).toEqual([5, 5]);
    expect(r.entries.map((e) => [e.outcome, e.cause ?? '', e.peer ?? ''])).toEqual([['info', '', ''], ['info', '', ''], ['info', '', ''], ['info', '', '192.0.2.44'], ['warning', '', '']]);
  });

  it('a line whose date lost its first digits has no time; the next line keeps its own', () => {
    const r = parseServerLog(readFixture('softether-server-log-l2tp-radius-auth-failed-date-first-digit-lost.txt'));
    expect(r.entries.map((e) => e.time?.year)).toEqual([undefined, 2019]);
  });
});
