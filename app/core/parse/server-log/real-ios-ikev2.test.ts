import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Cisco IOS / IOS-XE `debug crypto ikev2` found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), each read by hand: the `IKEv2:(SESSION ID = n,SA ID = m):` heads, and a packet's lines under
 * its head (SPIs, exchange, payloads) and a proposal's (transform count, transforms), which carry no head of their own.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // an IOS-XE 16.7 router starting IKEv2 over IPv6: IKE_SA_INIT goes through, the responder's IKE_AUTH answer carries
  // NO_PROPOSAL_CHOSEN for the Child SA (line 81: this side's ESP proposal AES-CBC/SHA96 in transport mode, line 65), the IKE SA
  // comes up all the same and is deleted; the app-version attribute's text goes on over three lines of IOS's version banner
  'ios-xe-debug-crypto-ikev2-initiator-ipv6-ike-auth-child-no-proposal-chosen-app-version-banner.txt': {
    records: 123,
    understood: 123,
    families: { ios: 123 },
    causes: [[81, 'ike-no-proposal']],
    says: [
      [12, 'IKE proposal 1'],
      [14, 'Transforms: AES-CBC, AES-CBC, AES-CBC, SHA512'],
      [14, 'DH_GROUP_1536_MODP/Group 5, DH_GROUP_1024_MODP/Group 2'],
      [16, 'IKEv2 message sent to FC00:123:123:123::1 (port 500)'],
      [17, 'initiator 161B5964AD200FB7, responder -; message 0'],
      [18, 'request of the IKE_SA_INIT exchange'],
      [44, "Part of the router's software version text"],
      [65, "Transforms: AES-CBC, SHA96, Don't use ESN"],
      [79, 'response of the IKE_AUTH exchange'],
      [81, 'The other side answered NO_PROPOSAL_CHOSEN: it accepts none of the phase 2 proposals it was sent'],
      [84, 'IKEv2 error here without a text'],
      [98, "The other side's authentication data checks out"],
      [101, 'The IKEv2 SA is up between FC00:123:123:123::1 and FC00:123:123:123::2'],
      [106, 'deletes the IPsec SA (SPI: 0x555E9566)'],
    ],
  },
  // the same router later: its IKE_SA_INIT request (Responder SPI still zero) sent four times with no response while its
  // administrator types at the console (`U ALL` refused in config mode: the caret and `% Invalid input …`, `u all`, a mistyped
  // `debut`, which stays unknown), then `clear crypto ikev2 sa` and `Initial exchange failed` (63): the responder never answered
  'ios-xe-debug-crypto-ikev2-initiator-ike-sa-init-retransmits-clear-initial-exchange-failed-console.txt': {
    records: 56,
    understood: 55,
    families: { ios: 55 },
    causes: [[63, 'ike-responder-unreachable']],
    says: [
      [22, 'The router sends its last IKEv2 message again: no answer from the other side yet'],
      [43, 'a command it could not read'],
      [44, 'a command it could not read'],
      [49, 'all its debug output is off now'],
      [59, "Typed at the router's prompt (not a log line): debug crypto ikev2 error"],
      [63, "The other side (FC00:123:123:123::1) never answered this router's first IKEv2 message (IKE_SA_INIT, sent 3 more times)"],
    ],
  },
  // an IOS-XE hub finding a spoke's pre-shared key by the spoke's FQDN identity: lookups only, nothing failed (the copy's blank
  // before the first line kept)
  'ios-xe-debug-crypto-ikev2-hub-psk-lookup-by-fqdn-identity-leading-blank.txt': {
    records: 14,
    understood: 14,
    families: { ios: 14 },
    causes: [],
    says: [
      [1, "The other side's IKE identity: R1.LAB.LOCAL (FQDN)"],
      [2, "IKEv2: found matching IKEv2 profile 'IKEV2-PROFILE'"],
      [14, 'IKEv2: Use preshared key for id SPOKE1.LAB.LOCAL, key len 9'],
    ],
    session: '7',
  },
  // a FlexVPN hub receiving a spoke's IKE_AUTH request (a config request among its payloads), then its profile lookup
  'ios-flexvpn-hub-debug-crypto-ikev2-ike-auth-request-cfg-profile-match.txt': {
    records: 13,
    understood: 13,
    families: { ios: 13 },
    causes: [],
    says: [
      [1, 'IKEv2 message received from 10.150.3.1 (port 500)'],
      [2, 'initiator 98DB5FD5979EAC12, responder 1398F140044ABC30; message 1'],
      [5, 'Payloads: VID IDi AUTH CFG SA TSi TSr NOTIFY(INITIAL_CONTACT)'],
      [7, "The other side's IKE identity: 10.150.3.1 (IPv4 address)"],
    ],
    session: '23',
  },
  // Cisco document 117337's router debugs, its lines wrapped where the page ran out (no time on the rest): each piece joined to its
  // record (detect.ts continuesIosIkev2) — a responder that finds no IKEv2 profile for the ASA's DN identity (7): the IKE_AUTH it
  // refuses, an authentication failure to the other side (a Windows client's 13801)
  'ios-debug-crypto-ikev2-pdf-copy-wrapped-responder-profile-not-found-by-peer-dn.txt': {
    records: 5,
    understood: 5,
    families: { ios: 5 },
    causes: [[7, 'ike-auth-failed']],
    says: [
      [1, 'SM Trace-> SA: I_SPI=E9E4B7FD0A336C97 R_SPI=F2CF438C0CCA281C (R) MsgID = 1 CurState: R_WAIT_AUTH Event: EV_GET_POLICY_BY_PEERID'],
      [4, "The other side's IKE identity: hostname=asa.cisco.com (DER ASN1 DN)"],
      [7, "no IKEv2 profile whose remote identity (match identity remote) takes the other side's identity (hostname=asa.cisco.com)"],
      [8, 'Failed to locate an item in the database — something the router looked up'],
    ],
  },
  // the same document's second capture, with IOS's sequence numbers and `GMT`: the ASA's certificate chain not trusted, the
  // responder's `Verification of peer's authentication data FAILED` cut after its head's `)` (its `:` starts the next line); the
  // CRYPTO_PKI lines between (ios-pki.ts), their wrapped rests joined as an IKEv2 record's: no trustpoint for the issuer (26)
  'ios-debug-crypto-ikev2-pdf-copy-wrapped-sequence-gmt-verify-cert-failed-no-trustpoint.txt': {
    records: 20,
    understood: 20,
    families: { ios: 20 },
    causes: [[26, 'ike-auth-failed'], [37, 'ike-auth-failed']],
    says: [
      [1, "Get peer's authentication method"],
      [13, 'Certificates (PKI): ip-ext-val: IP extension validation not required'],
      [24, "No trust point for cert issuer, looking up cert chain — the issuer of the other side's certificate is not one of the router's trustpoints yet"],
      [26, "The router trusts no certification authority that issued the other side's certificate"],
      [27, 'Platform errors'],
      [32, 'Verify cert failed'],
      [37, 'IKE authentication failed: the pre-shared key or certificate does not match.'],
    ],
  },
  // an IOS-XE 26.2 lab router's console: its profile's local authentication changed, the SA cleared, a ping that fails, then the
  // logged `Auth exchange failed` (9); the ping's dots are no log line (left unknown)
  'ios-xe-26-console-clear-ping-show-logging-include-ikev2-auth-exchange-failed.txt': {
    records: 7,
    understood: 6,
    families: { ios: 6 },
    causes: [[9, 'ike-auth-failed']],
    says: [
      [1, "Typed at the router's prompt (not a log line): authentication local mldsa-sig"],
      [9, "The IKE_AUTH exchange failed: one side did not accept the other's authentication"],
    ],
  },
  // a study note's `show log` of two routers, indented, the author's `...` between the lines: each elision a line of its own, no
  // wrapped rest of the IKEv2 line above it (detect.ts continuesIosIkev2); nothing failed
  'ios-debug-crypto-ikev2-study-notes-indented-show-log-elisions-session-id-blank-sa-created.txt': {
    records: 13,
    understood: 9,
    families: { ios: 9 },
    causes: [],
    says: [
      [6, "IKEv2: Peer's authenticaton method is 'PSK'"],
      [11, 'IKEv2: IKEV2 SA created; inserting SA into database.'],
    ],
  },
  // an IOS-XE router refusing a PKCS #12 bundle for its trustpoint: the PKI status line names the error (E_DIGEST_ALG_NOT_SUPPORTED),
  // the router's own certificate is not there (no cause: no PC's connection is refused here)
  'ios-xe-crypto-pki-pkcs12-import-failure-digest-alg-not-supported-trailing-blank.txt': {
    records: 2,
    understood: 2,
    families: { ios: 2 },
    causes: [],
    says: [[1, "The router's certificate operation failed: Imported PKCS12 file failure (E_DIGEST_ALG_NOT_SUPPORTED, 0x760: message digest algorithms not supported)"]],
  },
};

const en = engineT('en');
const parse = (text: string) => parseServerLog(text, 'ios.log');

describe('real Cisco IOS debug crypto ikev2', () => {
  realServerLogTable(ROWS);

  it("a wrapped record's rest joins it; a blank line, a line with its own header and IOS's head-less packet lines do not", () => {
    const head = 'Jun  8 19:14:38.059: IKEv2:(SESSION ID = 14607,SA ID = 68)';
    expect(parseServerLog(`${head}\n:Verification of peer's authentication data FAILED`).entries.map((e) => [e.line, e.cause])).toEqual([[1, 'ike-auth-failed']]);
    expect(parseServerLog(`${head}:Verify cert\nfailed`).records).toBe(1);
    // (a blank line between: under the paste's first line only, a double-spaced copy's)
    expect(parseServerLog(`${head}:Verify cert\n\nfailed`).records).toBe(1);
    for (const text of [`${head}:Platform errors\n${head}:Verify cert\n\nfailed`, `${head}:Verify cert\nJun  8 19:14:38.059: IKEv2:(SESSION ID = 14607,SA ID = 68):Platform`, `${head}:Sending Packet [To 10.0.0.2:500/From 10.0.0.1:500/VRF i0:f0]\nPayload contents:`]) {
      expect(parseServerLog(text).records, text).toBe(text.startsWith(`${head}:Platform`) ? 3 : 2);
    }
  });

  it("CRYPTO_PKI lines are read: the trustpoint search's end is the refusal, an expired certificate too; a wrapped piece joins its line", () => {
    const at = (text: string) => `Jun  8 19:14:38.055 GMT: CRYPTO_PKI: ${text}`;
    const one = (text: string) => parse(at(text)).entries[0]!;
    expect([one('(A16A8) No suitable trustpoints found').cause, one('(A16A8) No suitable trustpoints found').outcome]).toEqual(['ike-auth-failed', 'failure']);
    const read = (e: { outcome: string; cause?: string }) => [e.outcome, e.cause];
    expect(read(one('No trust point for cert issuer, looking up cert chain'))).toEqual(['warning', undefined]);
    expect(read(one('(A16A8)validation path has 1 certs'))).toEqual(['info', undefined]);
    expect(describeEntry(one('(A16A8)validation path has 1 certs'), en)).toBe('Certificates (PKI): validation path has 1 certs');
    expect(one('Certificate (SN: 1DF9761C) has expired.')).toMatchObject({ outcome: 'failure', cause: 'ike-auth-failed' });
    // (IOS 15's blank before the colon; no header at all)
    expect(parse('CRYPTO_PKI : (A16A8) Validating non-trusted cert').entries[0]).toMatchObject({ family: 'ios', outcome: 'info' });
    // (a line that only starts so is no PKI line)
    expect(parse('CRYPTO_PKIX whatever').entries[0]?.family).toBeUndefined();
    const wrapped = parse([at('No trust point for cert issuer,'), 'looking up cert chain', 'Jun  8 19:14:38.059 GMT: IKEv2:(SESSION ID = 1,SA ID = 1):Verify cert failed'].join('\n'));
    expect(wrapped.records).toBe(2);
  });

  it("IOS's `%` lookup lines: no IKEv2 profile for the peer's identity and the failed IKE_AUTH are authentication failures; the database line names none", () => {
    const r = parse(["IKEv2:(SESSION ID = 9,SA ID = 1):Searching policy based on peer's identity '10.0.0.7' of type 'IPv4 address'", 'IKEv2:% IKEv2 profile not found', 'IKEv2-ERROR:(SESSION ID = 9,SA ID = 1):: Failed to locate an item in the database', 'IKEv2-ERROR:(SESSION ID = 9,SA ID = 1):: Auth exchange failed'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause])).toEqual([[1, 'info', undefined], [2, 'failure', 'ike-auth-failed'], [3, 'warning', undefined], [4, 'failure', 'ike-auth-failed']]);
    expect(describeEntry(r.entries[1]!, en)).toContain("takes the other side's identity (10.0.0.7)");
    expect(describeEntry(r.entries[1]!, engineT('nl'))).toContain('fout 13801');
  });

  it('the child SA refused by the responder is worded for the side that started, with the remote end as peer', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/ios-xe-debug-crypto-ikev2-initiator-ipv6-ike-auth-child-no-proposal-chosen-app-version-banner.txt`), 'a');
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toEqual(['server.ike-proposal-mismatch']);
    expect(explainServerLogs([r], en).findings[0]!.title).toContain('the other side (the responder)');
    expect(r.entries.find((e) => e.line === 77)!.peer).toBe('FC00:123:123:123::1');
  });

  const packet = (dir: 'Sending' | 'Received', exchange: string, kind: string, payloads: string) => [
    `*Mar  1 10:00:00.000: IKEv2:(SESSION ID = 5,SA ID = 1):${dir} Packet [${dir === 'Sending' ? 'To' : 'From'} 198.51.100.7:500/${dir === 'Sending' ? 'From' : 'To'} 203.0.113.1:500/VRF i0:f0]`,
    'Initiator SPI : 1D418169B24BF95A - Responder SPI : 0000000000000000 Message id: 0',
    `IKEv2 ${exchange} Exchange ${kind}`,
    'Payload contents:',
    ` ${payloads}`,
  ];

  it('a responder refusing the IKE_SA_INIT proposals is the PC\'s proposal mismatch; the other side\'s AUTHENTICATION_FAILED is the key', () => {
    const refused = parse([...packet('Received', 'IKE_SA_INIT', 'REQUEST', 'SA KE N NOTIFY(NAT_DETECTION_SOURCE_IP)'), ...packet('Sending', 'IKE_SA_INIT', 'RESPONSE', 'NOTIFY(NO_PROPOSAL_CHOSEN)')].join('\n'));
    expect(refused.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[10, 'ike-no-proposal']]);
    expect(describeEntry(refused.entries.find((e) => e.line === 10)!, en)).toContain("the PC's encryption, hash or Diffie-Hellman choices match nothing");
    const auth = parse([...packet('Sending', 'IKE_AUTH', 'REQUEST', 'ENCR'), ...packet('Received', 'IKE_AUTH', 'RESPONSE', 'NOTIFY(AUTHENTICATION_FAILED)')].join('\n'));
    expect(auth.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[10, 'ike-auth-failed']]);
  });

  it('the peer\'s authentication data that does not verify is a failed IKE authentication; routine notifies are no warning', () => {
    const r = parse('2328323: Jun  8 19:14:38.059 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):Verification of peer\'s authentication data FAILED');
    expect([r.entries[0]!.outcome, r.entries[0]!.cause, r.entries[0]!.session]).toEqual(['failure', 'ike-auth-failed', '14607']);
    const ok = parse(packet('Received', 'IKE_SA_INIT', 'RESPONSE', 'SA KE N VID NOTIFY(NAT_DETECTION_SOURCE_IP) NOTIFY(NAT_DETECTION_DESTINATION_IP)').join('\n'));
    expect(ok.entries.map((e) => e.outcome)).toEqual(['info', 'info', 'info', 'info', 'info']);
  });

  it('IKE_SA_INIT that failed without being sent again, or after an answer, is no unreachable responder', () => {
    const failed = 'IKEv2-ERROR:(SESSION ID = 5,SA ID = 1):Initial exchange failed: Initial exchange failed';
    const once = parse([...packet('Sending', 'IKE_SA_INIT', 'REQUEST', 'SA KE N'), failed].join('\n'));
    expect(once.entries.filter((e) => e.cause)).toEqual([]);
    const answered = parse([...packet('Sending', 'IKE_SA_INIT', 'REQUEST', 'SA KE N'), 'IKEv2:(SESSION ID = 5,SA ID = 1):Retransmitting packet', ...packet('Received', 'IKE_SA_INIT', 'RESPONSE', 'SA KE N'), failed].join('\n'));
    expect(answered.entries.filter((e) => e.cause)).toEqual([]);
  });

  it('IOS\'s time with its zone and no `*` mark is IOS\'s header, not a syslog tag named after the zone', () => {
    const r = parse(["Jun  8 19:14:38.051 GMT: IKEv2:(SESSION ID = 14607,SA ID = 68):Peer's authentication method is 'RSA'", 'Jun  8 19:14:38.060 GMT: ISAKMP:(0):Old State = IKE_READY  New State = IKE_I_MM1'].join('\n'));
    expect(r.families).toEqual({ ios: 2 });
    expect(r.entries.map((e) => [e.program, e.time?.second, e.time?.ms])).toEqual([[undefined, 38, 51], [undefined, 38, 60]]);
    // (a zone word before a line no family reads stays the tag it was read as)
    expect(parse('Jun  8 19:14:38 UTC: hello there').entries[0]!.program).toBe('UTC');
  });
});
