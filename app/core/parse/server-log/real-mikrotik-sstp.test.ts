import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * More real MikroTik RouterOS and SSTP-server lines (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), each with its hand-checked decoding; then the classes of lines they showed:
 * RouterOS 7's L2TP first packet with its port, racoon's phase 2 refusal, a phase 1 time-up after a wrong
 * pre-shared key, and the Python sstpd's lines (github.com/sorz/sstp-server: start-up, session tags, aborts).
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // the same message from the server side: the only line a RouterOS 6.49.7 OpenVPN server logged for a Windows OpenVPN 2.6.0 client
  // (OpenVPN issue #253), as a code span without time or topics: was not read; now the dropped packet and what to check
  'routeros6-ovpn-server-only-line-duplicate-packet-dropping-openvpn-26-client-code-span.txt': {
    records: 1,
    understood: 1,
    families: { mikrotik: 1 },
    causes: [],
    says: [[1, 'a PC with OpenVPN 2.6 against RouterOS 6 (OpenVPN 2.5 connects)']],
  },
  // the same issue's later comment: RouterOS 6.43.4's own OpenVPN client to a SoftEther server, the line a Markdown code span
  // (backticks, a blank first): was "PPP session: ending - TLS failed." as information; now the router's own link failing TLS
  'routeros6-ovpn-out1-client-terminating-tls-failed-markdown-code-span.txt': {
    records: 1,
    understood: 1,
    families: { mikrotik: 1 },
    causes: [],
    says: [[1, "The router's own VPN connection on ovpn-out1 ended: its TLS handshake with the server it dials failed (\"TLS failed\")"]],
  },
  // RouterOS 6 as an OpenVPN client of a SoftEther server (SoftEtherVPN issue #333): its garbled topic lists, empty topics and
  // other facilities' among them (`ovpn,debug,error,,,,,,,,,bgp,info,,l2tp,,,critical,…`), lines dated `jun/14/2017`; every line
  // the same dropped packet — no line was read before (the topic list was not one), now each is the OpenVPN step, no cause
  'routeros6-ovpn-client-garbled-topic-list-duplicate-packet-dropping.txt': {
    records: 8,
    understood: 8,
    families: { mikrotik: 8 },
    causes: [],
    says: [
      [1, 'The router dropped an OpenVPN packet it had already had ("duplicate packet, dropping")'],
      [8, 'Check which OpenVPN program and version the other end runs'],
    ],
  },
  // a RouterOS 7 PPTP server (`logged in, … from …`): three log-ins of one user from one address, each given 192.168.89.255; the
  // first two end in the second they began, the third after 60 s. No line says why (no reason after `terminating...`): no cause
  'routeros7-pptp-logged-in-dot255-address-then-terminating-after-0-and-60-seconds.txt': {
    records: 18,
    understood: 18,
    families: { mikrotik: 18 },
    causes: [],
    says: [
      [2, 'vetal12311 logged in; the PC got the tunnel address 192.168.89.255.'],
      [4, 'PPP session: ending.'],
      [5, 'vetal12311 logged out after 0 s'],
      [17, 'vetal12311 logged out after 60 s (counters: 0 / 126 bytes, 0 / 18 packets).'],
    ],
  },
  'routeros7-memory-log-l2tp-first-packet-port-dhcp-between.txt': {
    records: 5,
    understood: 5,
    families: { mikrotik: 5 },
    causes: [],
    says: [
      [3, 'The first L2TP packet arrived from 204.188.254.146'],
      [1, 'RouterOS dhcp'],
    ],
  },
  // the same forum post as routeros6-pptp-firewall-log-tcp-1723-gre-mppe128.txt, its log's second half: the PC's session ends,
  // then outside hosts try TCP 80 and TCP 1723 (one sends SYN then RST; another SYN, 196 bytes, FIN); the firewall lines say
  // who sent the packet and where to, the TCP flags what it does
  'routeros6-pptp-firewall-log-session-end-then-tcp-1723-scanners-syn-rst-fin.txt': {
    records: 44,
    understood: 44,
    families: { mikrotik: 44 },
    causes: [],
    says: [
      [1, "The router's firewall logged a GRE (47) packet from 82.132.216.62 to the router itself (82.XXX.XXX.177)."],
      [12, 'TCP 1723 (PPTP) packet from 82.132.216.62'],
      [22, 'USERNAME logged out after 109 s'],
      [26, 'The sender closes its side of the TCP connection (FIN).'],
      [29, 'TCP 80 packet from 93.174.93.94 to the router itself (82.XXX.XXX.177). It opens a new TCP connection (SYN).'],
      [33, 'from 123.151.149.222 to the router itself (82.XXX.XXX.177). The TCP connection is broken off: refused or aborted (RST).'],
      // (after the session ended: an outside host trying the port, not the PC)
      [36, "A TCP connection came in from 123.151.42.61 to the router's PPTP server (TCP 1723): a VPN client starting PPTP, or any other host trying the port."],
    ],
  },
  // four records in one line (the forum copy lost the newlines), the addresses masked `x.x.x.x`: racoon's per-peer messages are
  // cut before their address, and the mask is taken as the peer
  'routeros-forum-copy-newlines-lost-masked-peer-no-valid-proposal.txt': {
    records: 4,
    understood: 4,
    families: { mikrotik: 4 },
    causes: [
      [1, 'ike-no-proposal'],
      [1, 'ike-no-proposal'],
    ],
    says: [[1, "x.x.x.x starts IKEv1 Main Mode. | No proposal chosen: the PC's encryption, hash or Diffie-Hellman choices match nothing the server allows. | No proposal chosen: the PC's encryption, hash or Diffie-Hellman choices match nothing the server allows. | IKE phase 1 failed (the lines before say why)."]],
  },
  'routeros-l2tp-ipsec-wrong-psk-time-up-then-ph2-no-proposal.txt': {
    // line 1 is the poster's retyping ("couse"; the poster's script searches "cause" and cuts 54 characters, the device text's
    // length): still the router's wrong-key line, so line 2's time-up is that same failure
    records: 4,
    understood: 4,
    families: { mikrotik: 4 },
    causes: [
      [1, 'ike-auth-failed'],
      [3, 'ike-no-proposal'],
    ],
    says: [
      [1, 'The pre-shared key of the PC and the server differ'],
      [2, 'ran out of time after the pre-shared key mismatch above'],
      [4, 'IKE phase 2 (Quick Mode, the part that sets up the encrypted tunnel) failed'],
    ],
  },
  'sstpd-python-startup-cert-fingerprints-listening.txt': {
    records: 5,
    understood: 5,
    families: { sstp: 5 },
    causes: [],
    says: [
      [1, 'the SHA-1 fingerprint of its certificate is 54dabc04b60dc153cb6cd2a7187484e087da77dc'],
      [2, 'the SHA-256 fingerprint'],
      [3, 'SSTP server bookkeeping.'],
    ],
  },
  'softether-debug-console-sstp-log-prefix-lcp-options-rejected.txt': {
    records: 19,
    understood: 19,
    families: { softether: 19 },
    causes: [],
    says: [
      [1, 'SoftEther: a client at 192.168.122.100 connected.'],
      [7, 'SSTP CALL_CONNECT_REQUEST (1) from the PC'],
      [11, 'client software "Microsoft SSTP VPN Client"'],
      [17, "SoftEther does not support the PC's LCP option Callback"],
      [18, "SoftEther rejected the PC's LCP option Magic-Number (Configure-Reject"],
    ],
  },
  // the Markdown code span's opening backtick before line 1 (kept as pasted) is paste damage, not part of the line
  'softether-server-log-ike-sa-deleted-before-established-mac-l2tp.txt': {
    records: 9,
    understood: 9,
    families: { softether: 9 },
    causes: [],
    says: [
      [1, 'IPsec client 35 from xx.yyy.zzz.aa (UDP 62713) created.'],
      [3, 'moved to UDP 4500'],
      [5, 'IKE SA 12 of IPsec client 35 was deleted before IKE phase 1 finished'],
      [7, 'IPsec client 36 from xx.yyy.zzz.aa deleted.'],
    ],
  },
  'softether5-server-log-sstp-proto-session-created-microsoft-client.txt': {
    records: 6,
    understood: 6,
    families: { softether: 6 },
    causes: [],
    says: [[4, 'SoftEther: SSTP session of the client at xx.xxx.xxx.xxx (TCP 52918): Session created.']],
  },
  'softether-server-log-admin-mode-rpc-session-hub-users.txt': {
    records: 9,
    understood: 9,
    families: { softether: 9 },
    causes: [],
    says: [
      [4, "SoftEther: an administrator's connection (server manager or vpncmd), not a VPN client."],
      [7, "an administrator's connection"],
    ],
  },
};

describe('real MikroTik and SSTP-server logs (more)', () => {
  realServerLogTable(EXPECTED);
});

describe("the older sstpd's `pppd stopped.`", () => {
  it('after the PC\'s CALL_CONNECTED it is the end of a session that was up, no warning', () => {
    const lines = ['2017-03-30 08:33:08,928 INFO: SSTP control packet (CALL_CONNECT_REQUEST) received.', '2017-03-30 08:33:09,100 INFO: SSTP control packet (CALL_CONNECTED) received.', '2017-03-30 09:00:00,000 INFO: pppd stopped.'];
    expect(parseServerLog(lines.join('\n')).entries.at(-1)).toMatchObject({ outcome: 'info', decoded: [{ key: 'step.sstpdPppdStopped' }] });
    // a new call's request starts again: its pppd stopping first is the warning
    expect(parseServerLog([...lines, '2017-03-30 09:01:00,000 INFO: SSTP control packet (CALL_CONNECT_REQUEST) received.', '2017-03-30 09:01:01,000 INFO: pppd stopped.'].join('\n')).entries.at(-1)).toMatchObject({ outcome: 'warning', decoded: [{ key: 'step.sstpdPppdStoppedEarly' }] });
  });
});

describe('MikroTik RouterOS: phase 2, the L2TP first packet, a time-up after a wrong key', () => {
  it('RouterOS 7 names the port of the first L2TP packet; both versions give the peer', () => {
    const [v7, v6] = parseServerLog('12:12:50 l2tp,info first L2TP UDP packet received from 204.188.254.146 port 39626\n12:12:51 l2tp,info first L2TP UDP packet received from 37.0.0.9').entries;
    expect([v7!.peer, v6!.peer]).toEqual(['204.188.254.146', '37.0.0.9']);
    // a near miss: another word after the address is not this message
    expect(parseServerLog('12:12:50 l2tp,info first L2TP UDP packet received from 204.188.254.146 via 39626').understood).toBe(0);
  });

  it("racoon's phase 2 refusal, with or without its (side, status) and full stop: a warning with the peer, no cause of its own", () => {
    const r = parseServerLog(['12:00:03 ipsec,error no suitable proposal found', '12:00:04 ipsec,error 192.168.1.15 failed to pre-process ph2 packet.', '12:00:05 ipsec,error 10.0.0.2 failed to pre-process ph2 packet (side: 1, status: 1).'].join('\n'));
    expect(r.entries.map((e) => [e.outcome, e.cause ?? null, e.peer ?? null])).toEqual([
      ['failure', 'ike-no-proposal', null],
      ['warning', null, '192.168.1.15'],
      ['warning', null, '10.0.0.2'],
    ]);
    expect(describeEntry(r.entries[1]!, nl)).toContain('IKE-fase 2');
  });

  it("a time-up after that peer's wrong pre-shared key is the same failure, not UDP 4500; another peer's time-up still is", () => {
    const r = parseServerLog(
      [
        '17:00:01 ipsec,error 192.168.1.15 parsing packet failed, possible cause: wrong password',
        '17:00:02 ipsec,error 192.168.1.15 parsing packet failed, possible cause: wrong password',
        '17:00:31 ipsec,error phase1 negotiation failed due to time up 11.32.86.22[500]<=>192.168.1.15[500] 0a1b2c3d4e5f6071:8293a4b5c6d7e8f9',
        '17:00:32 ipsec,error phase1 negotiation failed due to time up 11.32.86.22[500]<=>192.168.1.16[500] 0a1b2c3d4e5f6072:8293a4b5c6d7e8f0',
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.line, e.cause ?? null])).toEqual([
      [1, 'ike-auth-failed'],
      [2, 'ike-auth-failed'],
      [3, null],
      [4, 'ike-no-mi3'],
    ]);
    expect([r.entries[2]!.outcome, r.entries[2]!.peer]).toEqual(['warning', '192.168.1.15']);
    expect(describeEntry(r.entries[2]!, t)).toBe('IKE phase 1 with 192.168.1.15 ran out of time after the pre-shared key mismatch above: the router stopped waiting. The same failure, not a blocked port.');
  });

  it('a refused proposal does not excuse a later time-up of the same address (that phase 1 ended at once; the time-up is another exchange)', () => {
    const r = parseServerLog(['09:54:41 ipsec,error 205.210.31.162 failed to get valid proposal.', '09:54:41 ipsec,error 205.210.31.162 phase1 negotiation failed.', '09:55:39 ipsec,error phase1 negotiation failed due to time up 89.109.14.221[500]<=>205.210.31.162[65297] e04473470d4ec0f6:d58734acb1ebf00b'].join('\n'));
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([
      [1, 'ike-no-proposal'],
      [3, 'ike-no-mi3'],
    ]);
  });
});

describe('MikroTik RouterOS: the PPP account lines and only-one', () => {
  it("log-in names the PC's tunnel address, log-out the session's seconds and counters; RouterOS 7's `from <PC>` is the peer", () => {
    const r = parseServerLog(
      [
        ' 2025-01-01 10:00:00 sstp,ppp,info,account anna logged in, 10.10.0.5 from 203.0.113.9',
        ' 2025-01-01 10:05:00 sstp,ppp,info,account anna logged out, 300 1234 5678 12 34 from 203.0.113.9',
        '20:20:36 pptp,ppp,info,account USERNAME logged out, 1 18 28 3 4',
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.user, e.peer ?? null, e.outcome])).toEqual([
      ['anna', '203.0.113.9', 'success'],
      ['anna', '203.0.113.9', 'info'],
      ['USERNAME', null, 'info'],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toBe('anna logged in; the PC got the tunnel address 10.10.0.5.');
    expect(describeEntry(r.entries[1]!, t)).toBe('anna logged out after 300 s (counters: 1234 / 5678 bytes, 12 / 34 packets).');
    // another shape after the comma is still an account line, said without the numbers
    expect(describeEntry(parseServerLog('20:20:36 pptp,ppp,info,account USERNAME logged out, 1 18').entries[0]!, t)).toBe('USERNAME logged out.');
  });

  it('a second log-in of a user already connected, refused by only-one: a failure naming the user and the PC', () => {
    const e = parseServerLog(' 2025-01-01 10:06:00 l2tp,ppp,error <203.0.113.10>: user anna is already active').entries[0]!;
    expect([e.outcome, e.user, e.peer, e.cause]).toEqual(['failure', 'anna', '203.0.113.10', undefined]);
    expect(describeEntry(e, nl)).toContain('only-one');
  });
});

describe("MikroTik RouterOS: a session's end by its reason, and the router's own client interface", () => {
  it('hungup is the other side ending the session; the client interface (<proto>-out1) is the router dialing out', () => {
    const r = parseServerLog(
      [
        '10:31:00 l2tp,ppp,info <l2tp-anna>: terminating... - hungup',
        '10:31:03 l2tp,ppp,info l2tp-out1: initializing...',
        '10:31:04 l2tp,ppp,info l2tp-out1: connecting...',
        '10:31:05 sstp,ppp,info sstp-out1: terminating... - failed to authenticate ourselves to peer',
        '10:31:06 l2tp,ppp,info l2tp-out1: terminating... - peer is not responding',
        '10:31:07 pppoe,ppp,info <pppoe-skn001>: terminating... - peer is not responding',
        '10:31:08 l2tp,ppp,info <l2tp-anna>: terminating... - disconnected',
      ].join('\n'),
    );
    expect([r.records, r.understood]).toEqual([7, 7]);
    expect(r.entries.map((e) => [e.outcome, e.user ?? null])).toEqual([
      ['info', 'anna'],
      ['info', null],
      ['info', null],
      ['failure', null],
      ['warning', null],
      ['warning', 'skn001'],
      ['info', 'anna'],
    ]);
    const says = r.entries.map((e) => describeEntry(e, t));
    expect(says[0]).toContain('The other side hung up');
    expect(says[3]).toContain("The server refused the router's own log-in on sstp-out1");
    expect(says[4]).toContain('the server it dials stopped answering');
    expect(says[5]).toContain('the PC stopped answering');
    expect(says[6]).toBe('PPP session: ending - disconnected.');
    expect(r.entries.every((e) => !e.cause)).toBe(true);
  });

  it('a word before a colon that is no client interface is not a session', () => {
    expect(parseServerLog('10:31:03 l2tp,ppp,info office: connecting...').understood).toBe(0);
  });

  it('a client interface with its own name is the router\'s only where the reason says so: it failed to authenticate itself', () => {
    const r = parseServerLog(['10:00:01 pptp,ppp,info ponte: usuario-fs: terminating... - failed to authenticate ourselves to peer', '10:31:05 sstp,ppp,info office: terminating... - failed to authenticate ourselves to peer'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? null])).toEqual([
      [1, 'failure', null],
      [2, 'failure', null],
    ]);
    expect(describeEntry(r.entries[0]!, t)).toContain("The server refused the router's own log-in on usuario-fs");
    expect(describeEntry(r.entries[1]!, nl)).toContain('office');
  });
});

describe('Python sstpd (sorz/sstp-server) lines', () => {
  const TAG = '[9F2B0C44-1111-2222-3333-444455556666/203.0.113.7:51234]';

  it('a session tag gives the session (the SSTP correlation ID) and the PC; the older control-packet line is read behind it', () => {
    const [ctrl, up] = parseServerLog(`2024-01-01 10:00:01,002 INFO: ${TAG} SSTP control packet (CALL_CONNECT_REQUEST) received.\n2024-01-01 10:00:04,004 INFO: [?/[2001:db8::1]:51234] Connection established.`).entries;
    expect([ctrl!.session, ctrl!.peer, describeEntry(ctrl!, t)]).toEqual(['9F2B0C44-1111-2222-3333-444455556666', '203.0.113.7', 'SSTP CALL_CONNECT_REQUEST from the PC ([MS-SSTP]).']);
    expect([up!.session, up!.peer, up!.outcome]).toEqual([undefined, '2001:db8::1', 'success']);
  });

  it('a full address pool and a pppd that cannot start are the server\'s causes', () => {
    const r = parseServerLog(
      [
        `2024-01-01 10:00:01,003 WARNING: ${TAG} IP address pool is full. Cannot accept new connection.`,
        `2024-01-01 10:00:06,004 WARNING: ${TAG} Fail to start pppd: [Errno 2] No such file or directory: '/usr/sbin/pppd'`,
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.cause, e.outcome])).toEqual([
      ['address-pool', 'failure'],
      ['ppp-setup-failed', 'failure'],
    ]);
    expect(describeEntry(r.entries[1]!, t)).toContain("([Errno 2] No such file or directory: '/usr/sbin/pppd')");
  });

  it("an abort's status is decoded from Python's bytes (the last byte; \\n is 10); the crypto-binding checks fail the call", () => {
    const r = parseServerLog(
      [
        `2024-01-01 10:00:02,005 WARNING: ${TAG} Abort (b'\\x00\\x00\\x00\\x07').`,
        `2024-01-01 10:00:02,006 WARNING: ${TAG} Abort (b'\\x00\\x00\\x00\\n').`,
        `2024-01-01 10:00:02,007 WARNING: ${TAG} Abort.`,
        `2024-01-01 10:00:02,004 WARNING: ${TAG} abort: certificate hash mismatched`,
        `2024-01-01 10:00:02,004 WARNING: ${TAG} abort: wrong nonce received`,
        `2024-01-01 10:00:02,004 ERROR: ${TAG} Crypto Binding is invalid.`,
        `2024-01-01 10:00:05,004 WARNING: ${TAG} Ping time out.`,
        '2024-01-01 10:00:03,004 WARNING: Unexpected HTTP method (GET) and/or version (HTTP/1.1).',
      ].join('\n'),
    );
    const says = r.entries.map((e) => describeEntry(e, t));
    expect(says[0]).toBe('The SSTP server aborted the call (ATTRIB_STATUS_INVALID_FRAME_RECEIVED, 7).');
    expect(says[1]).toBe('The SSTP server aborted the call (ATTRIB_STATUS_REQUIRED_ATTRIBUTE_MISSING, 10).');
    expect(says[2]).toBe('The SSTP server aborted the call.');
    expect(says[3]).toContain('The certificate the PC saw is not the SSTP server');
    expect(says[4]).toContain('crypto-binding check (Nonce)');
    expect(says[5]).toContain('crypto-binding check (Compound MAC)');
    expect(says[7]).toContain('it sent GET, not SSTP_DUPLEX_POST');
    expect(r.entries.map((e) => e.outcome)).toEqual(['warning', 'warning', 'warning', 'failure', 'failure', 'failure', 'warning', 'warning']);
    // (only the CMAC check names a cause: the log-in's keys differ on the two sides — a wrong nonce or certificate hash is another story)
    expect(r.entries.map((e) => e.cause)).toEqual([undefined, undefined, undefined, undefined, undefined, 'sstp-binding-failed', undefined, undefined]);
  });

  it('only under a Python logging header: a bare "Abort." or "Ping time out." elsewhere is not sstpd\'s', () => {
    expect(parseServerLog('Abort.\nPing time out.').understood).toBe(0);
    expect(parseServerLog('2024-01-01 10:00:02 Connection established.').understood).toBe(0);
  });
});

describe('SoftEther: the debug console, an IKE SA that never finished, SoftEther 5 protocol sessions', () => {
  it("the debug console's `LOG: ` lines are the server_log's; its Debug() lines are read (EAP NAK, Protocol-Reject, L2TP teardown, OpenSSL errors)", () => {
    const r = parseServerLog(
      [
        'LOG: IPsec Client 4 (69.1.2.4:56426 -> 0.0.0.0:500): A new IPsec client is created.',
        'Got a EAP_NAK, abandoning EAP protocol',
        'Rejecting PPP protocol = 0xc227',
        'Request MSCHAPv2 from EAP NAK',
        'L2TP Session 1/1 on Tunnel 5/1 Disconnected.',
        'L2TP Tunnel 5/1 is Disconnected.',
        '140368205227072:error:06065064:digital envelope routines:EVP_DecryptFinal_ex:bad decrypt:../crypto/evp/evp_enc.c:583:',
        'SKEYID_e: 2B B2 18 63 84 30 99 99 5D A1 BE C6 AA 67 2C A1 18 2F 7C 94',
      ].join('\n'),
    );
    expect([r.records, r.understood]).toEqual([8, 8]);
    const says = r.entries.map((e) => describeEntry(e, t));
    expect(r.entries[0]!.peer).toBe('69.1.2.4');
    expect(says[1]).toBe('The PC refused EAP (an EAP NAK): SoftEther drops EAP and falls back to another log-in method.');
    expect(says[2]).toContain('0xc227');
    expect(says[4]).toBe('SoftEther: L2TP session 1/1 on tunnel 5/1 is disconnected.');
    expect(says[6]).toContain('(OpenSSL: bad decrypt in digital envelope routines, EVP_DecryptFinal_ex)');
    expect(r.entries[6]!.outcome).toBe('warning');
    expect(describeEntry(r.entries[1]!, nl)).toContain('EAP-NAK');
  });

  it('an IKE SA deleted after it was established is the plain deletion; one this log never saw created is too', () => {
    const ike = (sa: number, what: string) => `2020-12-07 23:43:29.437 IPsec IKE Session (IKE SA) ${sa} (Client: 1) (73.0.0.214:1100 -> 0.0.0.0:4500): ${what}`;
    const r = parseServerLog(
      [
        ike(1, 'A new IKE SA (Main Mode) is created. Initiator Cookie: 0x217F83FCB6DA5BF1, Responder Cookie: 0x15CAC2459EA386C0, DH Group: MODP 2048 (Group 14), Hash Algorithm: SHA-2-256, Cipher Algorithm: AES-CBC, Cipher Key Size: 256 bits, Lifetime: 4294967295 Kbytes or 10800 seconds'),
        ike(1, 'This IKE SA is established between the server and the client.'),
        ike(1, 'This IKE SA is deleted.'),
        ike(7, 'This IKE SA is deleted.'),
      ].join('\n'),
    );
    expect(r.entries.slice(2).map((e) => describeEntry(e, t))).toEqual(['IKE SA 1 of IPsec client 1 deleted.', 'IKE SA 7 of IPsec client 1 deleted.']);
  });

  it("a Markdown code span's backticks around a pasted line go; a fence and backticks inside a message stay", () => {
    expect(parseServerLog('`2019-10-17 18:01:45.648 IPsec Client 35 (10.0.0.1:62713 -> 10.0.0.2:500): A new IPsec client is created.`').understood).toBe(1);
    expect(parseServerLog('2019-10-17 18:01:55.701 IPsec Client 35 (10.0.0.1:62718 -> 10.0.0.2:4500): This IPsec Client is deleted.`').understood).toBe(1);
    expect(parseServerLog('```\n2019-10-17 18:01:55.701 IPsec Client 35 (10.0.0.1:62718 -> 10.0.0.2:4500): This IPsec Client is deleted.\n```').understood).toBe(1);
  });
});
