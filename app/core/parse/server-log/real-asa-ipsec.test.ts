import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The ASA's IKEv2 (750xxx, 751xxx: families/asa-ikev2.ts), IKEv1 (713xxx), AAA (1130xx) and PPTP/L2TP (6031xx: families/asa-vpdn.ts)
 * messages: real lines found in public material (test/fixtures/real/SOURCES.md), then each class with its variants and near misses.
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // was "IKE: IKE Receiver: Runt ISAKMP packet discarded …", a warning in the ASA's own words
  'asa-logstash-sample-emblem-year-device-id-runt-isakmp-port-4500.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [],
    says: [[1, 'The ASA dropped a packet on UDP port 4500 from 1.2.3.4:4503 too short to be an IKE message (runt ISAKMP packet): often a NAT keepalive or a stray packet, harmless on its own.']],
  },
  // was "no line in a known format": no 750xxx message was read, and the post wrapped the line after its Username field
  'asa-syslog-ikev2-750003-wrapped-after-username-auth-msg-timer-expired.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [[1, 'ike-auth-never-came']],
    says: [[1, 'The ASA stopped the IKEv2 negotiation: Failed to receive the AUTH msg before the timer expired. The server answered IKE_SA_INIT']],
  },
  // 113009 was not understood, 713049 said nothing
  'asa-show-logging-prompt-l2l-default-group-policy-security-negotiation-complete.txt': {
    records: 8,
    understood: 8,
    // the prompt line with its command, read as typed at the device (families/ios.ts's prompt rule), counted as the ASA the other
    // seven records are from (console-device.ts): it was "Cisco IOS 1 line" in the verdict
    families: { asa: 8 },
    causes: [],
    says: [
      [1, "Typed at the Cisco ASA's prompt (not a log line): show logging."],
      [2, 'The ASA uses group policy DfltGrpPolicy for 46.37.188.24.'],
      [5, 'The IPsec tunnel is up: security negotiation complete for LAN-to-LAN Group (46.37.188.24).'],
      [8, 'IKE phase 2 completed.'],
    ],
  },
  // 713905 was an IKE step, 113019 a warning for a user's own disconnect
  'asa-siem-test-lines-anyconnect-address-ssl-disconnect-max-simultaneous-login.txt': {
    records: 3,
    understood: 3,
    families: { asa: 3 },
    causes: [],
    says: [
      [1, 'Address 10.82.239.225 given to tomerl-test-CA57DA549C121B25A5A5038A58C81E6B7B1C954F-iPhone'],
      [2, 'The SSL session ended after 1d 19h:41m:14s: User Requested.'],
      [3, "The user already has as many VPN sessions open as the server allows (the ASA's simultaneous-login limit)"],
    ],
    user: 'tomerl-test-CA57DA549C121B25A5A5038A58C81E6B7B1C954F-iPhone',
  },
  // the peer was not read: no blank after the commas
  'asa-ftd-113019-no-blank-after-commas-ssl-user-requested.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [],
    says: [[1, 'The SSL session ended after 0h:19m:17s: User Requested.']],
    user: 'alla',
  },
  // neither was understood: no `debug crypto ikev2` line was read
  'asa-debug-crypto-ikev2-received-expected-policies-no-matching-policy.txt': {
    records: 10,
    understood: 10,
    families: { asa: 10 },
    causes: [[8, 'ike-no-proposal']],
    says: [
      [2, 'The PC proposes: AES-CBC-256, PRF SHA1, SHA96, DH 2 (MODP 1024).'],
      [7, 'The PC proposes: 3DES, PRF SHA256, SHA256, DH 2 (MODP 1024).'],
      [10, 'The server allows: AES-CBC-256, PRF SHA384, SHA384, DH 24 (MODP 2048/256).'],
    ],
    session: '16',
  },
  'asa-debug-crypto-ikev2-first-letter-lost-trailing-blanks-no-matching-policy.txt': {
    records: 6,
    understood: 6,
    families: { asa: 6 },
    causes: [
      [2, 'ike-no-proposal'],
      [4, 'ike-no-proposal'],
      [6, 'ike-no-proposal'],
    ],
    says: [[1, 'IKE: Failed to verify the proposed policies']],
    session: '211',
  },
  // Cisco document 117337's ASA debug, its lines wrapped where the page ran out: the wrapped rest joins its record (detect.ts
  // continuesIosIkev2); the peer's certificate offered as an HTTP URL the ASA does not fetch (2)
  'asa-debug-crypto-ikev2-pdf-copy-wrapped-auth-exchange-failed-peer-http-url-cert-never-sent.txt': {
    records: 2,
    understood: 2,
    families: { asa: 2 },
    causes: [
      [1, 'ike-auth-failed'],
      [2, 'ike-auth-failed'],
    ],
    says: [[2, 'The other side offered its certificate as an HTTP URL']],
  },
  // the same document's platform debug: a LAN-to-LAN tunnel group (5), the peer's identity not in its certificate's SAN (11), the
  // database line after it that check's (12: no missing setting), the SM Trace lines joined over their three lines (14, 18: `(I)`,
  // the ASA initiated), so its last `Auth exchange failed` is worded for the side that started
  'asa-debug-crypto-ikev2-platform-pdf-copy-wrapped-l2l-initiator-peer-id-check-failed-san.txt': {
    records: 17,
    understood: 17,
    families: { asa: 17 },
    causes: [
      [11, 'ike-auth-failed'],
      [21, 'ike-auth-failed'],
    ],
    says: [
      [11, "The ASA's peer identity check failed: the IKE identity the other side sent is not in its certificate"],
      [12, 'IKE: Failed to locate an item in the database'],
      [14, 'SM Trace-> SA: I_SPI=833D2323FCB46093 R_SPI=F0B4D318DDDDB783 (I) MsgID = 00000001 CurState: I_PROC_AUTH Event: EV_AUTH_FAIL'],
    ],
  },
  // a SIEM vendor's raw ASA/FTD samples: an FTD 750003 whose id lost its colon (2: the IKE SA not authenticated), a host name as the
  // remote end (1), the TLS handshake lines; a 717037 text without its id stays unknown
  'asa-ftd-siem-raw-samples-750003-id-colon-lost-failed-to-authenticate-ike-sa-hostname-remote-tls.txt': {
    records: 9,
    understood: 8,
    families: { asa: 8 },
    // (750003's "no IPSEC policy found for received TS": the networks asked for, cause traffic-selector-mismatch)
    causes: [[1, 'traffic-selector-mismatch'], [2, 'ike-auth-failed'], [3, 'traffic-selector-mismatch']],
    says: [
      [1, 'There was no IPSEC policy found for received TS. The networks each side wants to join'],
      [2, 'The ASA stopped the IKEv2 negotiation: Failed to authenticate the IKE SA. IKE authentication failed'],
      [4, 'The IKEv2 tunnel is up (New Connection Established)'],
    ],
  },
  // "Can't find a valid tunnel group" was a plain IKE event and no finding: the ASA stops before any key is checked (the tunnel group
  // was set up under a `name` alias, not the peer's address); the peer-table lines after it are its tidying up, no warning
  'asa-console-debug-cant-find-valid-tunnel-group-peer-table-missing-sa-payload.txt': {
    records: 7,
    understood: 7,
    families: { asa: 7 },
    causes: [
      [1, 'ike-no-tunnel-group'],
      [4, 'ike-no-tunnel-group'],
    ],
    says: [
      [1, 'The ASA has no connection profile (tunnel group) for 31.204.98.143: it stopped the IPsec negotiation before checking any key or password.'],
      [2, 'The ASA tidies up after the failed negotiation'],
      [3, 'a consequence of the failure above, not a fault of its own.'],
      [7, "The other side's IKE message starts with a Key Exchange (4) payload instead of the SA payload"],
    ],
  },
  // was one unknown line: the records are glued with a blank between them. The line (2 360 characters) is split before each
  // record is cut at MAX_RECORD_CHARS, so its last two records (713049, 713905) are read too (lines.ts MAX_LINE_CHARS)
  // the firewall's own lines were unknown: the connection table, the IDS signature (no colon after its id) and the user's ACL refusing a flow
  'asa-pdf-slide-glued-records-firewall-and-remote-access-phase-1.txt': {
    records: 13,
    understood: 13,
    families: { asa: 13 },
    causes: [],
    says: [
      [1, "The ASA's built-in intrusion detection matched a packet (ICMP redirect from XXX.XXX.XXX.XXX to XXX.XXX.XXX.XXX on interface dmz)"],
      // each connection line by its fields (families/asa-traffic.ts): it said "built or closed a connection" for all
      [1, "The ASA's firewall opened an outbound TCP connection (started on its more trusted side) between XXX.XXX.XXX.XXX:22 (outside) and XXX.XXX.XXX.XXX:53496 (inside)"],
      [1, 'after 0:00:03 (1449 bytes). Closed the normal way: both sides ended the connection (TCP FIN).'],
      [1, "The ASA's firewall closed the UDP connection between XXX.XXX.XXX.XXX:30357 (Inside) and XXX.XXX.XXX.XXX:161 (NP Identity Ifc) after 0:02:01 (1055 bytes)."],
      [1, 'User UUUUUUUU is logged in, but the access list for that user (acmetechinbound) refuses this traffic (to XXX.XXX.XXX.XXX:53)'],
      [1, 'IKE phase 1 completed.'],
      [1, 'The IPsec tunnel is up: security negotiation complete for User (UUUUUUUU).'],
    ],
  },
  // 106015 was not understood: a TCP reset of no connection the ASA keeps, read by its fields (families/asa-deny.ts); the paste's
  // copied address and the two notes stay unknown
  // 106100 (an ACE's `log` option) denying an inside host's HTTPS: no VPN's service, so not understood, still the ASA's; a
  // denied VPN port is read (families/asa-deny.ts), none of these two
  'asa-ask-wireshark-106100-acl-denied-tcp-443-inside-to-outside-hit-cnt-first-hit.txt': {
    records: 2,
    understood: 0,
    families: {},
    causes: [],
    says: [],
  },
  'asa-pastebin-iso-relay-106015-rst-no-connection-russian-nat-notes.txt': {
    records: 9,
    understood: 6,
    families: { asa: 6 },
    causes: [],
    says: [[11, "The ASA's firewall dropped a TCP packet (flags RST) from 10.2.64.151:56308 to 10.159.11.1:443 on interface pt: it belongs to no connection the ASA keeps"]],
  },
  // 302014's teardown initiator (`TCP FINs from outside`) was taken into the reason ("The ASA's reason for closing it: TCP FINs from
  // outside."); the denies of no VPN's port stay unknown
  'asa-year-timestamp-teardown-initiator-fins-from-outside-double-spaced.txt': {
    records: 5,
    understood: 2,
    families: { asa: 2 },
    causes: [],
    says: [
      [1, 'The ASA\'s firewall opened an inbound TCP connection from 172.16.56.126:60723 (outside) to 144.13.30.43:443 (dot30), started by 172.16.56.126:60723'],
      [3, 'Closed the normal way: both sides ended the connection (TCP FIN). The close came from the side of interface outside.'],
    ],
  },
  // 305006 was not understood: GRE the ASA could not translate (no PPTP inspection through PAT), PPTP's data dropped
  'asa-pix-blog-305006-regular-translation-failed-protocol-47-placeholders.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [[1, 'no-ppp-frames']],
    says: [[1, 'The ASA could not translate (NAT, regular translation) the PPTP data, GRE (IP 47), from <IP address> to <IP address>, so it dropped it']],
  },
  // 402117 was not understood: a packet the crypto map wanted encrypted came in the clear (families/asa-ipsec-drops.ts)
  'asa-logstash-sample-402117-non-ipsec-packet-icmp-trailing-dot.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [],
    says: [[1, 'The ASA dropped a packet from 10.5.1.127 to 192.168.6.102 that should have come through the IPsec tunnel but came unencrypted']],
    peer: '10.5.1.127',
  },
};

const one = (line: string) => parseServerLog(line).entries[0]!;
const says = (line: string) => describeEntry(one(line), t);

describe('real ASA IPsec fixtures', () => {
  realServerLogTable(EXPECTED);
  it('the wrapped 750003 is one record, its remote end the peer, the unknown user none', () => {
    const r = parseServerLog('Apr  7 13:08:35 asa1 %ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown \nIKEv2 Negotiation aborted due to ERROR: Failed to receive the AUTH msg before the timer expired');
    expect([r.records, r.entries[0]!.peer, r.entries[0]!.user, r.entries[0]!.endLine]).toEqual([1, '2.3.4.5', undefined, 2]);
  });
  it('the tunnel-group lines read the same from the syslog as from the console; the cleanup lines are no warning', () => {
    const tg = one("Dec 19 15:49:51: %ASA-3-713902: Group = 10.9.8.7, IP = 10.9.8.7, Can't find a valid tunnel group, aborting...!");
    expect([tg.outcome, tg.cause, tg.peer]).toEqual(['failure', 'ike-no-tunnel-group', '10.9.8.7']);
    expect(one('%ASA-3-713902: Group = 77.88.99.100, IP = 77.88.99.100, Removing peer from correlator table failed, no match!').outcome).toBe('info');
    expect(one('[IKEv1]: IP = 31.204.98.143, Error: Unable to remove PeerTblEntry').outcome).toBe('info');
    expect(says('[IKEv1]: IP = 192.0.2.1, Header invalid, missing SA payload! (next payload = 8)')).toContain('starts with a Hash (8) payload');
    expect(says('[IKEv1]: IP = 192.0.2.1, Header invalid, missing SA payload! (next payload = 99)')).toContain('starts with a 99 payload');
  });
  it('the cut head with a blank after each colon (751xxx) continues too', () => {
    const r = parseServerLog('%ASA-3-751002: Local: 203.0.113.1:500 Remote: 198.51.100.7:500 Username: Unknown\nNo preshared key or trustpoint configured for self in tunnel group DefaultRAGroup');
    expect([r.records, r.entries[0]!.peer, r.entries[0]!.outcome]).toEqual([1, '198.51.100.7', 'failure']);
  });
  it('only a message cut right after its head takes the next line; a 750003 with its text does not', () => {
    const r = parseServerLog('Apr  7 13:08:35 asa1 %ASA-4-750003: Local:9.8.7.6:500 Remote:2.3.4.5:500 Username:Unknown IKEv2 Negotiation aborted due to ERROR: Failed to find a matching policy\nsome note typed under it');
    expect([r.records, r.entries[0]!.cause]).toEqual([2, 'ike-no-proposal']);
  });
  it("a wrapped IKEv2 debug line's rest joins it; its next debug line, a `Proposal n:` line and an IOS line do not", () => {
    const head = 'IKEv2-PROTO-1: (140): Unsupported cert encoding found or Peer requested';
    expect(parseServerLog(`${head}\nHTTP URL but never sent`).records).toBe(1);
    for (const next of ['IKEv2-PROTO-1: (140): Auth exchange failed', 'Proposal 1: AES-CBC-256 SHA1 SHA96 DH_GROUP_1024_MODP/Group 2', 'IKEv2:(SESSION ID = 1,SA ID = 1):Verify cert failed']) expect(parseServerLog(`${head}\n${next}`).records, next).toBe(2);
  });
  it('a responder\'s failed IKE authentication names the PC; an initiator\'s, or one with a LAN-to-LAN tunnel group, the two sides', () => {
    const role = (lines: string[]) => parseServerLog(lines.join('\n')).entries.at(-1)!.decoded.map((dd) => dd.values?.role);
    const failed = 'IKEv2-PROTO-3: (7): Auth exchange failed';
    expect(role([failed])).toEqual([undefined]);
    expect(role(['IKEv2-PROTO-5: (7): SM Trace-> SA: I_SPI=833D2323FCB46093 R_SPI=F0B4D318DDDDB783 (R) MsgID = 00000001 CurState: R_VERIFY_AUTH Event: EV_AUTH_FAIL', failed])).toEqual([undefined]);
    expect(role(['IKEv2-PROTO-5: (7): SM Trace-> SA: I_SPI=833D2323FCB46093 R_SPI=F0B4D318DDDDB783 (I) MsgID = 00000001 CurState: I_PROC_AUTH Event: EV_AUTH_FAIL', failed])).toEqual(['initiator']);
    expect(role(['IKEv2-PLAT-3: (7) tunn grp type set to: L2L', failed])).toEqual(['site']);
  });
  it("an id that lost its colon is read when a capital starts the text after it; a lower-case word there is no ASA text", () => {
    expect(parseServerLog('%FTD-4-750003 Local:2.2.2.2:500 Remote:1.1.1.1:500 Username:Username IKEv2 Negotiation aborted due to ERROR: Failed to authenticate the IKE SA').entries[0]).toMatchObject({ family: 'asa', cause: 'ike-auth-failed', peer: '1.1.1.1' });
    expect(parseServerLog('%ASA-4-750003 seen twice today').understood).toBe(0);
  });
  it("the database line is the peer ID check's after that check failed, else a missing setting", () => {
    const db = 'IKEv2-PROTO-1: (7): Failed to locate an item in the database';
    expect(parseServerLog(['IKEv2-PLAT-1: Peer ID check failed', db].join('\n')).entries.map((e) => [e.outcome, e.cause])).toEqual([['failure', 'ike-auth-failed'], ['warning', undefined]]);
    expect(parseServerLog(db).entries[0]!.outcome).toBe('failure');
  });
});

describe('ASA records glued with a blank between them', () => {
  it('each record its own, by its time, host and id; a time in a message with no ASA id after it splits nothing', () => {
    const r = parseServerLog('Mar 15 12:00:05 asa01 %ASA-5-713119: Group = RA, Username = bob, IP = 198.51.100.7, PHASE 1 COMPLETED Mar 15 12:00:06 asa01 %ASA-3-713132: Group = RA, Username = bob, IP = 198.51.100.7, Cannot obtain an IP address for remote peer');
    expect(r.entries.map((e) => [e.outcome, e.cause])).toEqual([['success', undefined], ['failure', 'address-pool']]);
    expect(parseServerLog('Mar 15 12:00:05 asa01 %ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: SSL, Duration: 0h:01m:00s, Bytes xmt: 1, Bytes rcv: 2, Reason: seen Mar 15 12:00:06 asa01 again').records).toBe(1);
  });
});

describe('ASA IKEv2 message classes (750xxx, 751xxx)', () => {
  const head = 'Apr 27 2020 02:03:03 asa01 : ';
  it('750003 errors by their words: proposals, IKE_AUTH never came, authentication, traffic selectors, no setting for the peer', () => {
    const abort = (error: string) => one(`${head}%ASA-4-750003: Local:203.0.113.1:500 Remote:198.51.100.7:500 Username:Unknown IKEv2 Negotiation aborted due to ERROR: ${error}`);
    expect(abort('Failed to find a matching policy')).toMatchObject({ cause: 'ike-no-proposal', peer: '198.51.100.7', outcome: 'failure' });
    expect(abort('Failed to receive the AUTH msg before the timer expired').cause).toBe('ike-auth-never-came');
    expect(abort('Auth exchange failed').cause).toBe('ike-auth-failed');
    const ts = abort('There was no IPSEC policy found for received TS');
    expect([ts.outcome, ts.cause]).toEqual(['failure', 'traffic-selector-mismatch']);
    expect(describeEntry(ts, t)).toContain('traffic selectors');
    expect(describeEntry(abort('Failed to locate an item in the database'), t)).toContain('The ASA has no settings for this peer');
    const other = abort('Detected unsupported failover version');
    expect([other.outcome, other.cause, describeEntry(other, t)]).toEqual(['warning', undefined, 'The ASA stopped the IKEv2 negotiation: Detected unsupported failover version.']);
  });
  it('the 9.x head without `IKEv2 `, a host name or IPv6 address as an end, a user', () => {
    const e = one('%ASA-4-750003: Local:2001:db8::1:500 Remote:2001:db8::2:4500 Username:jdoe Negotiation aborted due to ERROR: Failed to find a matching policy');
    expect(e).toMatchObject({ peer: '2001:db8::2', user: 'jdoe', cause: 'ike-no-proposal' });
    expect(one('%ASA-4-750003: Local:2.2.2.2:500 Remote:HOSTNAME:500 Username:User1 IKEv2 Negotiation aborted due to ERROR: There was no IPSEC policy found for received TS').peer).toBe('HOSTNAME');
  });
  it('a connection starting, its address, its end; 751xxx texts with a blank after each colon', () => {
    expect(says(`${head}%ASA-5-750002: Local:203.0.113.1:500 Remote:198.51.100.7:500 Username:Unknown IKEv2 Received a IKE_INIT_SA request`)).toBe('198.51.100.7 starts an IKEv2 connection (its first message, IKE_SA_INIT, arrived).');
    const addr = one(`${head}%ASA-6-751025: Local:203.0.113.1:4500 Remote:198.51.100.7:50466 Username:jdoe IKEv2 Group:GP_IKEv2 IPv4 Address=10.10.10.5 IPv6 address=::  assigned to session`);
    expect([addr.outcome, describeEntry(addr, t)]).toEqual(['success', 'Address 10.10.10.5 given to jdoe: the tunnel address of the PC.']);
    expect(says(`${head}%ASA-5-750007: Local:203.0.113.1:4500 Remote:198.51.100.7:50466 Username:jdoe IKEv2 SA DOWN. Reason: Peer Reclaimed`)).toBe('Session ended: Peer Reclaimed.');
    const noKey = one(`${head}%ASA-3-751002: Local: 203.0.113.1:500 Remote: 198.51.100.7:500 Username: Unknown No preshared key or trustpoint configured for self in tunnel group DefaultRAGroup`);
    expect([noKey.peer, noKey.outcome, noKey.cause]).toEqual(['198.51.100.7', 'failure', undefined]);
    expect(one(`${head}%ASA-3-751011: Local: 203.0.113.1:4500 Remote: 198.51.100.7:4500 Username: jdoe Failed user authentication. Error: Authentication failed`)).toMatchObject({ cause: 'credentials-rejected', user: 'jdoe' });
  });
});

describe("the ASA's debug crypto ikev2 output", () => {
  it('a proposal line belongs to the list head before it: the peer\'s (Received) or the ASA\'s (Expected); a list without a head is the peer\'s', () => {
    const r = parseServerLog('Proposal 1: AES-CBC-128 SHA256 SHA256 DH_GROUP_2048_MODP/Group 14\nIKEv2-PROTO-1: (5): Expected Policies:\nProposal 1: AES-GCM-256 SHA512 NULL DH_GROUP_384_ECP/Group 20');
    expect(r.entries.map((e) => describeEntry(e, t))).toEqual(['The PC proposes: AES-CBC-128, PRF SHA256, SHA256, DH 14 (MODP 2048).', 'IKE: Expected Policies:', 'The server allows: AES-GCM-256, PRF SHA512, NULL, DH 20 (ECP 384).']);
  });
  it('failures by the IKEv2 error words, the packet\'s sender as the peer; a proposal-like line with a header is not one', () => {
    expect(one('IKEv2-PROTO-1: (139): Auth exchange failed')).toMatchObject({ cause: 'ike-auth-failed', session: '139' });
    expect(one('IKEv2-PROTO-2: Received Packet [From 10.0.0.2:500/To 10.0.0.1:500/VRF i0:f0]')).toMatchObject({ family: 'asa', peer: '10.0.0.2', outcome: 'info' });
    expect(parseServerLog('Jun  1 10:00:00 host app: Proposal 1: A B C DH_GROUP_1').families.asa).toBeUndefined();
  });
});

describe("the ASA's firewall dropping a VPN's packets (asa-deny.ts)", () => {
  it('GRE by protocol number or name is the GRE block; IKE on UDP 500/4500 the unanswered first message; PPTP control a failure', () => {
    expect(one('%ASA-4-106023: Deny protocol 47 src outside:203.0.113.9 dst inside:172.31.98.44 by access-group "inbound"')).toMatchObject({ cause: 'no-ppp-frames', peer: '203.0.113.9' });
    expect(one('%ASA-4-106023: Deny gre src outside:203.0.113.9 dst inside:172.31.98.44 by access-group "inbound" [0x0, 0x0]').cause).toBe('no-ppp-frames');
    const ike = one('<164>Aug 26 2022 19:33:08: %ASA-4-106023: Deny udp src outside:198.51.100.7/500 dst inside:10.0.0.5/500 by access-group "outside_in" [0x0, 0x0]');
    expect([ike.cause, describeEntry(ike, t)]).toEqual(['ike-init-unanswered', "The ASA's firewall dropped IKE (UDP 500) from 198.51.100.7 to 10.0.0.5 (access-group outside_in): this VPN traffic does not get through."]);
    expect(one('%ASA-2-106006: Deny inbound UDP from 198.51.100.7/4500 to 10.0.0.5/4500 on interface outside').cause).toBe('ike-init-unanswered');
    const pptp = one('%ASA-2-106001: Inbound TCP connection denied from 198.51.100.7/51000 to 10.0.0.5/1723 flags SYN  on interface outside');
    expect([pptp.outcome, pptp.cause]).toEqual(['failure', 'pptp-control-blocked']);
  });
  it('106100 by its fields: a denied VPN service (by protocol name or number, the destination port) named with its access list; permitted is no drop', () => {
    const ike = one('%ASA-4-106100: access-list outside_in denied udp outside/198.51.100.7(500) -> inside/10.0.0.5(500) hit-cnt 1 first hit [0x2b7f3f90, 0x0]');
    expect([ike.cause, ike.peer, describeEntry(ike, t)]).toEqual(['ike-init-unanswered', '198.51.100.7', "The ASA's firewall dropped IKE (UDP 500) from 198.51.100.7 to 10.0.0.5 (access-list outside_in): this VPN traffic does not get through."]);
    expect(one('%ASA-4-106100: access-list outside_in denied 47 outside/198.51.100.7(0) -> inside/10.0.0.5(0) hit-cnt 1 first hit [0x0, 0x0]').cause).toBe('no-ppp-frames');
    expect(one('%ASA-4-106100: access-list outside_in denied gre outside/198.51.100.7(0) -> inside/10.0.0.5(0) hit-cnt 1 first hit [0x0, 0x0]').cause).toBe('no-ppp-frames');
    // the identity firewall's brackets after the ports; the Configuration Guide's `(12345)->` without blanks
    const pptp = one('%ASA-6-106100: access-list outside_in denied tcp outside/198.51.100.7(51000)(LOCAL\\bob, 0) -> inside/10.0.0.5(1723) (LOCAL\\bob, 0) hit-cnt 3 300-second interval [0x0, 0x0]');
    expect([pptp.outcome, pptp.cause, describeEntry(pptp, nl)]).toEqual(['failure', 'pptp-control-blocked', 'De firewall van de ASA liet PPTP (TCP 1723) van 198.51.100.7 naar 10.0.0.5 niet door (access-list outside_in): dit VPN-verkeer komt niet aan.']);
    expect(one('%ASA-2-106100: access-list outside-acl denied udp outside/192.0.2.7(12345)->inside/192.168.1.1(4500) hit-cnt 1 (first hit)').cause).toBe('ike-init-unanswered');
    // the source port is any number: only the destination's names the service; permitted and est-allowed let the packet through
    const r = parseServerLog(['%ASA-4-106100: access-list outside_in denied udp outside/198.51.100.7(500) -> inside/10.0.0.5(33000) hit-cnt 1 first hit [0x0, 0x0]', '%ASA-6-106100: access-list outside_in permitted udp outside/198.51.100.7(500) -> inside/10.0.0.5(500) hit-cnt 1 first hit [0x0, 0x0]', '%ASA-6-106100: access-list outside_in est-allowed udp outside/198.51.100.7(4500) -> inside/10.0.0.5(4500) hit-cnt 1 first hit [0x0, 0x0]'].join('\n'));
    expect([r.understood, r.unknownLines.map((u) => u.family)]).toEqual([0, ['asa', 'asa', 'asa']]);
  });
  it('any other drop is no VPN traffic: not understood, still the ASA family\'s', () => {
    const r = parseServerLog('%ASA-4-106023: Deny tcp src outside:10.10.10.2/56444 dst srv:192.168.2.2/443 by access-group "global_access_1"\n%ASA-3-710003: UDP access denied by ACL from 95.1.1.14/5000 to outside:95.1.1.13/1005');
    expect([r.understood, r.unknownLines.map((u) => u.family)]).toEqual([0, ['asa', 'asa']]);
  });
});

describe('ASA IKEv1, AAA and PPTP/L2TP message classes', () => {
  it('713900-713906 read by their words: all proposals unacceptable is the proposal failure at any of these ids', () => {
    for (const id of ['6-713905', '6-713904', '6-713903', '3-713902'])
      expect(one(`Apr 27 2020 02:03:03 asa01 : %ASA-${id}: Group = 100.60.140.10, IP = 192.168.1.1, All IPSec SA proposals found unacceptable!`)).toMatchObject({ cause: 'ike-no-proposal', peer: '192.168.1.1' });
  });
  it('113019: a session end with its type and duration; only the user\'s own request is no warning; FTD\'s commas without blanks', () => {
    const e = one('%FTD-4-113019: Group = RA,Username = alla,IP = 46.199.90.7,Session disconnected. Session Type: SSL,Duration: 0h:19m:17s,Bytes xmt: 1,Bytes rcv: 2,Reason: User Requested');
    expect(e).toMatchObject({ outcome: 'info', peer: '46.199.90.7', user: 'alla' });
    const idle = one('%ASA-4-113019: Group = RA, Username = bob, IP = 198.51.100.7, Session disconnected. Session Type: IKEv1, Duration: 0h:30m:00s, Bytes xmt: 1, Bytes rcv: 2, Reason: Idle Timeout');
    expect([idle.outcome, describeEntry(idle, nl)]).toEqual(['warning', 'De IKEv1-sessie eindigde na 0h:30m:00s: Idle Timeout.']);
  });
  it('713905 simultaneous-login limit: a failure that is not the password', () => {
    const e = one('Mar 21 2014 23:03:49 gw : %ASA-6-713905: Group = Everyone, Username = bob, IP = 102.78.186.30, Login authentication failed due to max simultaneous-login restriction.');
    expect([e.outcome, e.cause, e.user]).toEqual(['failure', undefined, 'bob']);
  });
  it('713xxx texts by their words: no address for the client, the user refused, a notify by its number, the address given, a session end', () => {
    const head = '%ASA-3-713132: Group = RA, Username = bob, IP = 198.51.100.7, ';
    expect(one(`${head}Cannot obtain an IP address for remote peer`)).toMatchObject({ cause: 'address-pool', user: 'bob', peer: '198.51.100.7' });
    expect(one('%ASA-3-713167: Group = RA, Username = bob, IP = 198.51.100.7, Remote peer has failed user authentication - check configured username and password').cause).toBe('xauth-rejected');
    const refused = one('%ASA-4-713068: Group = L2L, IP = 203.0.113.9, Received non-routine Notify message: No proposal chosen (14)');
    expect([refused.cause, describeEntry(refused, t)]).toEqual(['ike-no-proposal', 'No proposal chosen: the encryption, hash or Diffie-Hellman choices of this side and of the other side (the responder) have nothing in common.']);
    expect(says('%ASA-4-713068: Group = L2L, IP = 203.0.113.9, Received non-routine Notify message: Invalid ID info (18)')).toBe('The other side sent IKE notify Invalid ID info (18).');
    expect(says('%ASA-5-713228: Group = RA, Username = bob, IP = 198.51.100.7, Assigned private IP address 10.0.0.9 to remote user')).toBe('Address 10.0.0.9 given to bob: the tunnel address of the PC.');
    expect(says('%ASA-5-713050: Group = RA, Username = bob, IP = 198.51.100.7, Connection terminated for peer bob.  Reason: Peer Terminate  Remote Proxy 10.0.0.9, Local Proxy 0.0.0.0')).toBe('Session ended: Peer Terminate.');
  });
  it('an IKEv1 head names the peer and the user; 713049 says the tunnel is up', () => {
    const e = one('Apr 27 02:03:03 dev01: %ASA-5-713049: Group = RA, Username = test_user, IP = 81.2.69.143, Security negotiation complete for User (test_user) Responder, Inbound SPI = 0x0000000, Outbound SPI = 0x0000000');
    expect(e).toMatchObject({ family: 'asa', outcome: 'success', peer: '81.2.69.143', user: 'test_user' });
    expect(describeEntry(e, nl)).toBe('De IPsec-tunnel staat: de beveiligingsonderhandeling is klaar voor User (test_user).');
  });
  it('a host name with a colon before the id (no program tag) is still the ASA', () => {
    expect(parseServerLog('May  5 17:51:17 dev01: %FTD-6-113004: AAA user authentication Successful : server =  1.1.1.1 : user = jdoe').families).toEqual({ asa: 1 });
    expect(parseServerLog('May  5 17:51:17 dev01: ASA-6-113004: AAA user authentication Successful').families.asa).toBeUndefined();
  });
  it('AAA: server not accessible, credentials rejected with the client address, the group policy', () => {
    expect(one('%ASA-3-113014: AAA authentication server not accessible : server = 10.1.1.1 : user = bob')).toMatchObject({ cause: 'radius-unreachable', user: 'bob' });
    expect(one('%ASA-3-113016: AAA credentials rejected : reason = Invalid password : server = 10.1.1.1 : user = bob : user IP = 198.51.100.7')).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'bob', peer: '198.51.100.7' });
    expect(one('%ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.1.1.1 : user = ***** : user IP = 198.51.100.7')).toMatchObject({ cause: 'credentials-rejected', peer: '198.51.100.7' });
    expect(says('%ASA-6-113011: AAA retrieved user specific group policy (GP_Sales) for user = bob')).toBe('The ASA uses group policy GP_Sales for bob.');
  });
  it('PPTP/L2TP tunnels: created with the client address and key strength, deleted, a second L2TP session refused; PPPoE is no VPN', () => {
    const up = one('%ASA-6-603104: PPTP Tunnel created, tunnel_id is 12, remote_peer_ip is 198.51.100.7, ppp_virtual_interface_id is 1, client_dynamic_ip is 10.0.0.5, username is bob, MPPE_key_strength is 128 bits');
    expect([up.peer, up.user, describeEntry(up, t)]).toEqual(['198.51.100.7', 'bob', 'The PPTP tunnel from 198.51.100.7 is up: user bob, address 10.0.0.5 given to the PC. Encryption (MPPE): 128 bits.']);
    expect(one('%ASA-6-603106: L2TP Tunnel created, tunnel_id is 3, remote_peer_ip is 198.51.100.7, ppp_virtual_interface_id is 1, client_dynamic_ip is 10.0.0.6, username is *****').user).toBeUndefined();
    expect(says('%ASA-6-603107: L2TP Tunnel deleted, tunnel_id = 3, remote_peer_ip = 198.51.100.7')).toBe('The L2TP tunnel from 198.51.100.7 was closed.');
    expect(one('%ASA-4-603110: Failed to establish L2TP session, tunnel_id = 3, remote_peer_ip = 198.51.100.7, user = bob. Multiple sessions per tunnel are not supported')).toMatchObject({ outcome: 'warning', user: 'bob' });
    expect(one('%ASA-6-603103: PPP virtual interface 1 - user: bob aaa authentication failed')).toMatchObject({ cause: 'credentials-rejected', user: 'bob' });
    // (a user with a blank, a Windows logon name: read up to the guide's next words, not to the blank)
    expect(one('%ASA-6-603103: PPP virtual interface 1 - user: Bob de Vries aaa authentication failed')).toMatchObject({ cause: 'credentials-rejected', user: 'Bob de Vries' });
    expect(one('%ASA-6-603102: PPP virtual interface 1 - user: Bob de Vries aaa authentication started')).toMatchObject({ user: 'Bob de Vries' });
    expect(one('%ASA-4-403110: PPP virtual interface 1, user: Bob de Vries missing MPPE key from aaa server.')).toMatchObject({ cause: 'mppe-unavailable', user: 'Bob de Vries' });
    expect(says('%ASA-6-603109: Teardown PPPOE Tunnel, tunnel_id = 1, remote_peer_ip = 192.0.2.1')).toContain('Tunnel: Teardown PPPOE Tunnel');
  });
});

describe('ASA IKEv1 texts that name the tunnel group, the authentication mode, the user name (families/asa.ts ikeText)', () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('713022 no group for the pre-shared key peer: the missing tunnel group, not a key mismatch', () => {
    const e = one('%ASA-3-713022: IP = 198.51.100.7 No Group found matching 198.51.100.7 for Pre-shared key peer 198.51.100.7');
    expect([e.outcome, e.cause]).toEqual(['failure', 'ike-no-tunnel-group']);
    expect(describeEntry(e, t)).toContain('The ASA has no connection profile (tunnel group) for 198.51.100.7');
  });
  it("713165 the PC's IKE authentication mode is not the group's: the two sides' methods differ (vpn.auth-mismatch)", () => {
    const e = one("%ASA-3-713165: Group = DefaultRAGroup, IP = 198.51.100.7, Client IKE Auth mode differs from the group's configured Auth mode");
    expect([e.outcome, e.cause, e.peer]).toEqual(['failure', 'auth-protocol-mismatch', '198.51.100.7']);
    expect(describeEntry(e, nl)).toContain('De pc bewijst op een andere manier wie hij is');
  });
  it('713185 a user name too long: a failure that names the user name, no password cause; a runt packet is information', () => {
    const e = one('%ASA-3-713185: IP = 198.51.100.7 Error: Username too long - connection aborted');
    expect([e.outcome, e.cause]).toEqual(['failure', undefined]);
    const runt = one('%ASA-4-713903: IKE Receiver: Runt ISAKMP packet discarded on Port 500 from 203.0.113.9:500');
    expect([runt.outcome, runt.peer]).toEqual(['info', '203.0.113.9']);
  });
});
