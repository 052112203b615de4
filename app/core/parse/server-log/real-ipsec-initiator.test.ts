import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * IKEv1 from the side that initiated (an Openswan / Libreswan client, `ipsec auto --up`, a strongSwan `ipsec up`), from real logs
 * (test/fixtures/real/server-logs, sources in SOURCES.md): the responder's identity that is not the one configured for it, this
 * side's first encrypted message (MI3) or Quick Mode never accepted, this side's own private key missing, and the responder's
 * packets pluto cannot parse. Each cause is worded for the side that initiated (serverLog.causeAsInitiator).
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // `ipsec auto --up` against a FortiGate: MI3 retransmitted, then pluto's own "Possible authentication failure"; whack's RC code
  // with two blanks before the quote, Openswan's `will wait 20s` (4 of 11 lines were unread, and no finding)
  'pluto-openswan-whack-main-i3-max-retransmissions-possible-auth-failure.txt': {
    records: 11,
    understood: 11,
    families: { libreswan: 11 },
    causes: [[10, 'ike-auth-failed']],
    says: [
      [8, 'STATE_MAIN_I3 (initiator sent MI3; waits for MR3): no answer yet, retransmitting (waits 20 s).'],
      [10, "gave up after 2 retransmissions. The other side never accepted this side's first encrypted message (MI3): most often the pre-shared key differs"],
      [11, 'Libreswan bookkeeping.'],
    ],
    session: '#4',
  },
  // an Openswan client whose server behind NAT declares its private address: the ID check (was unread; the finding told the PC to re-enter its key)
  'pluto-openswan-peer-declares-private-id-invalid-id-information.txt': {
    records: 10,
    understood: 10,
    families: { libreswan: 10 },
    causes: [[3, 'ike-auth-failed'], [4, 'ike-auth-failed']],
    says: [
      [10, 'The IPsec service (pluto) is being stopped: its connections end.'],
      [2, "The other side's IKE identity: ID_IPV4_ADDR 10.0.1.2 (the responder; a private address means it is behind NAT)."],
      [3, "The other side identifies itself as '10.0.1.2', but this side expects '123.123.123.123'"],
      [5, 'A packet from the other side could not be read and was dropped (malformed ISAKMP Hash Payload).'],
      [6, 'A packet from the other side was dropped: a part of it is malformed.'],
    ],
  },
  // L2TP IPsec VPN Manager's log: Main Mode up, then the responder's notifications unreadable and Quick Mode given up (was no finding)
  'pluto-openswan-l2tp-client-quick-i1-notification-too-short-gave-up.txt': {
    records: 53,
    understood: 52,
    families: { syslog: 1, pppd: 10, libreswan: 41 },
    causes: [[48, 'ike-no-proposal']],
    says: [
      [20, 'ISAKMP SA established (initiator)'],
      [22, 'A packet from the other side could not be read and was dropped (malformed ISAKMP Notification Payload).'],
      [30, 'STATE_QUICK_I1 (initiator sent QI1; waits for QR1): no answer yet, retransmitting (waits 20 s).'],
      [48, "The other side never accepted this side's Quick Mode (IPsec SA) proposal"],
      [49, 'Libreswan bookkeeping.'],
      [6, 'The xl2tpd service is being started.'],
      [51, 'xl2tpd was told to stop (signal 15, SIGTERM'],
      [52, 'The xl2tpd service is being stopped.'],
      [53, 'The IPsec service (pluto) is being stopped'],
      [13, 'pluto loaded the connection "TA_VPN" from its configuration.'],
    ],
  },
  // Libreswan 3.x, RSA signatures: this side's own key is not in NSS; its AUTHENTICATION_FAILED follows from that (was a key-mismatch finding)
  'pluto-nss-no-own-private-key-main-mode-sends-authentication-failed.txt': {
    records: 15,
    understood: 15,
    families: { libreswan: 15 },
    causes: [[4, 'certificate-missing'], [7, 'certificate-missing'], [10, 'certificate-missing'], [13, 'certificate-missing']],
    says: [
      [1, 'Libreswan starts IKEv1 Main Mode negotiation.'],
      [3, 'Libreswan looked for its own certificate or private key in its NSS database and did not find it.'],
      [4, 'This side has no private key for its own certificate or RSA key (in its NSS database): it cannot sign, so it sends AUTHENTICATION_FAILED.'],
      [5, 'IKE notification AUTHENTICATION_FAILED (24).'],
    ],
    session: '#1',
  },
  // strongSwan `ipsec up`, IKEv1 Main Mode: the responder's IDir is its private address; the line set in Markdown bold (5 of 20 lines were unread, no finding)
  'charon-ipsec-up-ikev1-idir-does-not-match-server-private-id.txt': {
    records: 20,
    understood: 20,
    families: { strongswan: 20 },
    causes: [[19, 'ike-auth-failed']],
    says: [
      [6, 'Vendor ID XAuth.'],
      [8, 'Vendor ID NAT-T (RFC 3947).'],
      [19, "The other side identifies itself as '172.16.1.254', but this side expects 'vpn.mydomain.com'"],
      [20, 'A security association was deleted.'],
    ],
  },
  // strongSwan `ipsec up` (IKEv2, headless) to a Let's Encrypt server: the client has R3 but not the ISRG Root X1 above it (13 of 15 lines
  // were unread; the one finding was worded for a server and the PC)
  'charon-ipsec-up-no-issuer-certificate-isrg-root-no-trusted-rsa-key.txt': {
    records: 15,
    understood: 15,
    families: { strongswan: 15 },
    causes: [[12, 'ike-auth-failed'], [13, 'ike-auth-failed']],
    says: [
      [2, 'Certificate C=US, O=Let\'s Encrypt, CN=R3.'],
      [4, 'Certificate C=US, O=Let\'s Encrypt, CN=R3.'],
      [9, 'strongSwan bookkeeping.'],
      [10, 'The certificate of the authority that issued "C=US, O=Let\'s Encrypt, CN=R3" is not here'],
      [11, 'Its issuer, whose certificate is missing: "C=US, O=Internet Security Research Group, CN=ISRG Root X1".'],
      [12, "No trusted certificate proves the other side's identity 'mydomain.com'"],
      [13, 'IKEv2 INFORMATIONAL request to the other side (the responder), AUTHENTICATION_FAILED (24).'],
      [15, "Starting the connection 'ikev2vpn' failed (this side started it)."],
    ],
  },
};

const parse = (text: string) => parseServerLog(text, 'x.log');

describe('real IKEv1 logs from the side that initiated', () => {
  realServerLogTable(EXPECTED);
});

describe('IKEv1 initiator classes', () => {
  it("pluto's give-up by state: MI3 is an authentication failure, QI1 a proposal the responder does not take, both worded for the initiator", () => {
    const mi3 = parse('"c" #4: max number of retransmissions (2) reached STATE_MAIN_I3.  Possible authentication failure: no acceptable response to our first encrypted message').entries[0]!;
    expect([mi3.cause, mi3.outcome]).toEqual(['ike-auth-failed', 'failure']);
    expect(mi3.decoded.some((dd) => dd.values?.role === 'initiator')).toBe(true);
    const qi1 = parse('"c" #5: max number of retransmissions (2) reached STATE_QUICK_I1.  No acceptable response to our first Quick Mode message: perhaps peer likes no proposal').entries[0]!;
    expect(qi1.cause).toBe('ike-no-proposal');
    // a responder left in MAIN_R2 keeps its reading (the PC's MI3 never came)
    expect(parse('"c" #6: max number of retransmissions (2) reached STATE_MAIN_R2').entries[0]!.cause).toBe('ike-no-mi3');
    expect(describeEntry(mi3, nl)).toMatch(/het eerste versleutelde bericht van deze kant \(MI3\)/);
  });
  it("whack's RC code with one or more blanks, Openswan's `20s` wait, and the keying attempt after a give-up", () => {
    const r = parse(['010  "Work" #4: STATE_MAIN_I3: retransmission; will wait 20s for response', '000 "Work" #4: starting keying attempt 2 of an unlimited number'].join('\n'));
    expect([r.records, r.understood]).toEqual([2, 2]);
    expect(r.entries[0]!.session).toBe('#4');
    expect(describeEntry(r.entries[0]!, t)).toContain('(waits 20 s)');
    // a wait with no unit after it is not read as seconds
    expect(parse('"c" #4: STATE_MAIN_I3: retransmission; will wait 20x for response').understood).toBe(0);
  });
  it('the identity check: pluto\'s and strongSwan\'s wording, the role on the notification that follows', () => {
    const log = ['"c" #1: STATE_MAIN_I3: sent MI3, expecting MR3', "\"c\" #1: we require peer to have ID '@gw', but peer declares '192.168.1.1'", '"c" #1: sending encrypted notification INVALID_ID_INFORMATION to 1.2.3.4:4500'].join('\n');
    const r = parse(log);
    expect(r.entries.map((e) => e.cause)).toEqual([undefined, 'ike-auth-failed', 'ike-auth-failed']);
    expect(r.entries[2]!.decoded[0]!.values?.role).toBe('initiator');
    // a responder's INVALID_ID_INFORMATION keeps the PC's wording (no role)
    expect(parse('"l2tp-psk"[1] 1.2.3.4 #1: sending encrypted notification INVALID_ID_INFORMATION to 1.2.3.4:4500').entries[0]!.decoded[0]!.values?.role).toBeUndefined();
    const charon = parse("IDir '10.0.0.1' does not match to 'vpn.example.com'").entries[0]!;
    expect([charon.family, charon.cause]).toEqual(['strongswan', 'ike-auth-failed']);
    expect(describeEntry(charon, nl)).toContain("De andere kant identificeert zich als '10.0.0.1', maar deze kant verwacht 'vpn.example.com'");
  });
  it("a server's `no trusted RSA public key found` keeps the PC's wording; the headless certificate lines need their own words", () => {
    const e = parse("12[IKE] no trusted RSA public key found for 'alice@example.com'").entries[0]!;
    expect([e.cause, describeEntry(e, t)]).toEqual(['ike-auth-failed', "No trusted certificate proves the PC's identity 'alice@example.com': the certification authority that issued it is not trusted on the server, or the identity is not in the certificate."]);
    expect(parse('issuer is "CN=Root"').understood).toBe(1);
    expect(parse('the issuer is "CN=Root"').understood).toBe(0);
  });
  it('a whole line in Markdown bold loses its marks; a line with marks inside keeps them', () => {
    expect(parse("**IDir '10.0.0.1' does not match to 'vpn.example.com'**").entries[0]!.text).toBe("IDir '10.0.0.1' does not match to 'vpn.example.com'");
    expect(parse('****').understood).toBe(0);
  });
});
