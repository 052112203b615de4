import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The ASA's SSL VPN messages (AnyConnect 722xxx, WebVPN 716xxx, the parent session 113039: families/asa-svc.ts) and a log copied
 * out of a vendor PDF, whose text writes U+2212 for every hyphen (the real line of Cisco TAC document 116881 as a PDF-to-text copy
 * shows it; test/fixtures/real/SOURCES.md).
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // was not understood: the id's hyphens are minus signs, and no 722xxx message was read
  'asa-pdf-copy-minus-signs-anyconnect-large-packet.txt': {
    records: 1,
    understood: 1,
    families: { asa: 1 },
    causes: [],
    says: [[1, 'A packet of 1418 bytes is larger than the tunnel takes (1347): an MTU problem']],
    user: 'vpn',
  },
  // was 1 of 18: no certificate (717xxx), TLS (725xxx) or username-from-certificate (113026–113028) message was read, and the
  // authorization refusal of a user the ASA had no name for said "re-enter the password" (credentials-rejected, 691)
  'asa-cac-anyconnect-certificate-map-none-lua-username-script-error-authorization-unknown-user.txt': {
    records: 18,
    understood: 17,
    families: { asa: 17 },
    causes: [],
    says: [
      // the ASA's connection to its LDAP server (port 389) in the connection table; `[88] Session Start` after it (`debug ldap`'s
      // session number, alone in this copy) stays unknown: one line of a debug this paste does not show
      // (by their fields, families/asa-traffic.ts: both said "built or closed a connection (its connection table)")
      [15, 'The ASA starts keeping track of host 10.202.192.10 on interface management'],
      [16, "The ASA's firewall opened an outbound TCP connection (started on its more trusted side) between 10.202.192.10:389 (management) and 10.202.192.3:9892 (identity)"],
      [1, "The ASA starts checking the certificate the PC logs in with (a chain of 1)."],
      [4, "The ASA accepted the PC's certificate (c=US,st=MD,l=Fort Meade,o=Military,ou=NEC,cn=RYAN.WOLFE.9101161615)."],
      [5, 'without checking whether it was revoked'],
      [6, 'The secure (TLS) connection with the client 10.202.190.133 is set up'],
      [8, 'No rule chose a connection profile by the PC\'s certificate'],
      [11, 'failed for connection profile ipsecvpn: a setting on the ASA, nothing the PC can change (Lua script error: [string "user_from_cert_xlate_lua"]:264: No function found).'],
      [13, 'The ASA could not take a user name from the PC\'s certificate (request 7)'],
      [19, 'about a user it has no name for, and was refused (Unspecified)'],
    ],
  },
};

const parse = (text: string) => parseServerLog(text);
const one = (line: string) => parse(line).entries[0];

describe('real ASA SSL VPN fixtures', () => {
  realServerLogTable(EXPECTED);
  it('the PDF copy names the client address too', () => {
    expect(parse('%ASA\u22126\u2212722036: Group <g> User <vpn> IP <10.1.75.111> Transmitting large packet 1418 (threshold 1347).').entries[0]!.peer).toBe('10.1.75.111');
  });
});

describe('ASA AnyConnect / WebVPN message classes', () => {
  const head = 'Apr 10 2019 10:21:33: ';
  it('a session coming up: parent session, tunnel, address; the user and the client address are the entry\'s', () => {
    expect(one(`${head}%ASA-6-113039: Group <GP> User <jdoe> IP <203.0.113.5> AnyConnect parent session started.`)).toMatchObject({ family: 'asa', outcome: 'success', user: 'jdoe', peer: '203.0.113.5' });
    expect(describeEntry(one(`${head}%ASA-6-722022: Group <GP> User <jdoe> IP <203.0.113.5> UDP SVC connection established without compression`)!, t)).toContain('over UDP');
    expect(describeEntry(one(`${head}%ASA-4-722051: Group <GP> User <jdoe> IP <203.0.113.5> IPv4 Address <10.10.10.5> IPv6 address <::> assigned to session`)!, t)).toBe('Address 10.10.10.5 given to jdoe: the tunnel address of the PC.');
  });
  it('failures: no address in the pool, a rejected login; a closing reason and a lost client are warnings', () => {
    expect(one(`${head}%ASA-3-722020: TunnelGroup <TG> GroupPolicy <GP> User <jdoe> IP <203.0.113.5> No address available for SVC connection`)).toMatchObject({ outcome: 'failure', cause: 'address-pool', user: 'jdoe' });
    const rejected = one(`${head}%ASA-6-716039: Group <DfltGrpPolicy> User <jdoe> IP <203.0.113.5> Authentication: rejected, Session Type: WebVPN.`)!;
    expect(rejected).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    expect(describeEntry(rejected, nl)).toContain('De ASA weigerde de gebruikersnaam of het wachtwoord van jdoe');
    expect(describeEntry(one(`${head}%ASA-5-722037: Group <GP> User <jdoe> IP <203.0.113.5> SVC closing connection: DPD failure.`)!, t)).toBe('Session ended: DPD failure.');
    expect(one(`${head}%ASA-6-716058: Group <GP> User <jdoe> IP <203.0.113.5> AnyConnect session lost connection. Waiting to resume.`)!.outcome).toBe('warning');
  });
  it("the syslog guide's form without angle brackets reads the same; another 722xxx text is quoted, with no user when it names none", () => {
    expect(one(`${head}%ASA-6-113039: Group VPN_USERS User example.user IP 67.43.156.14 AnyConnect parent session started.`)).toMatchObject({ user: 'example.user', peer: '67.43.156.14' });
    const e = one(`${head}%ASA-4-722001: IP <203.0.113.5> Error parsing SVC connect request.`)!;
    expect(e.user).toBeUndefined();
    expect(describeEntry(e, t)).toContain('SSL VPN: IP <203.0.113.5> Error parsing SVC connect request.');
  });
});

describe("the ASA refusing an AnyConnect session, the client's own messages", () => {
  it('113029 session limit, 113037 reboot pending, 113040 group lock: failures that are not the password', () => {
    const limit = one('Oct 10 2018 12:34:56 asa : %ASA-4-113029: Group VPN_USERS User jdoe IP 67.43.156.14 Session could not be established: session limit of 5 reached')!;
    expect([limit.outcome, limit.cause, limit.user, limit.peer]).toEqual(['failure', undefined, 'jdoe', '67.43.156.14']);
    expect(describeEntry(limit, t)).toBe('The ASA refused the AnyConnect session: Session could not be established: session limit of 5 reached (a server setting or limit, not the password).');
    expect(one('%ASA-6-113037: Reboot pending, new sessions disabled. Denied user login.')!.outcome).toBe('failure');
    expect(describeEntry(one('%ASA-4-113040: Terminating the VPN connection attempt from VPN_USERS. Reason: This connection is group locked to OTHER.')!, nl)).toBe(
      'De ASA weigerde de AnyConnect-sessie: Terminating the VPN connection attempt from VPN_USERS. Reason: This connection is group locked to OTHER (een instelling of limiet van de server, niet het wachtwoord).',
    );
  });
  it('722011/722012 SVC Message: a WARNING is a warning, INFO is not', () => {
    const w = one('%ASA-5-722011: Group <G> User <jdoe> IP <192.0.2.1> SVC Message: 17/WARNING: Reconnecting the VPN tunnel..')!;
    expect([w.outcome, describeEntry(w, t)]).toEqual(['warning', 'The AnyConnect client reports: Reconnecting the VPN tunnel..']);
    expect(one('%ASA-5-722012: Group <G> User <jdoe> IP <192.0.2.1> SVC Message: 16/INFO: Received user-agent.')!.outcome).toBe('info');
  });
});

describe("the client's certificate, the TLS handshake, the user name taken from the certificate (families/asa-pki.ts)", () => {
  it('a refused certificate is a failure with its reason; a failed TLS handshake a warning that names the client', () => {
    const bad = one('%ASA-3-717009: Certificate validation failed. Peer certificate key usage is invalid, serial number: 1A, subject name: cn=pc1.')!;
    expect([bad.outcome, bad.cause]).toEqual(['failure', undefined]);
    expect(describeEntry(bad, t)).toBe('The ASA refused the certificate the PC logs in with: Peer certificate key usage is invalid, serial number: 1A, subject name: cn=pc1.');
    const tls = one('%ASA-6-725006: Device failed SSL handshake with client outside:198.51.100.7/52311 to 203.0.113.1/443')!;
    expect([tls.outcome, tls.peer]).toEqual(['warning', '198.51.100.7']);
    expect(one('%ASA-6-113028: Extraction of username from VPN client certificate has completed.  [Request 3]')!.outcome).toBe('info');
    // the guide's other peer type: the ASA's own TLS connection to a server (forms as a SIEM's Cisco parser lists them)
    expect(describeEntry(one('%ASA-6-725002: Device completed SSL handshake with server inside:10.0.0.9/636')!, t)).toBe("The ASA's own secure (TLS) connection to the server 10.0.0.9 (a server the ASA uses, not a VPN client).");
  });
  it('113005 authorization: a named user refused is still the account (691); with no name, no PC-side cause', () => {
    const named = one('%ASA-6-113005: AAA user authorization Rejected : reason = Unspecified : server = 10.0.0.5 : user = jdoe : user IP = 198.51.100.7')!;
    expect([named.cause, named.code, named.user, named.peer]).toEqual(['credentials-rejected', 691, 'jdoe', '198.51.100.7']);
    expect(describeEntry(named, t)).toBe('The server that decides what a user may do (10.0.0.5) refused user jdoe: Unspecified. The account\'s rights were refused, not necessarily its password (AAA authorization).');
    const nameless = one('%ASA-6-113005: AAA user authorization Rejected : reason = Unspecified : server = 10.0.0.5 : user = <Unknown>')!;
    expect([nameless.outcome, nameless.cause, nameless.user]).toEqual(['failure', undefined, undefined]);
    expect(one('%ASA-6-113005: AAA user authentication Rejected : reason = Invalid password : server = 10.0.0.5 : user = jdoe')!.cause).toBe('credentials-rejected');
    // a name the ASA hid (`logging hide username`, the default) is still a user: the account's refusal, not "no name"
    const hidden = one('%ASA-6-113005: AAA user authorization Rejected : reason = Unspecified : server = 10.0.0.5 : user = ***** : user IP = 198.51.100.7')!;
    expect([hidden.cause, hidden.user]).toEqual(['credentials-rejected', undefined]);
  });
});

describe('hyphens a PDF or word processor made typographic', () => {
  it('minus sign, hyphen, no-break hyphen, figure dash and en dash read as `-`; the em dash does not', () => {
    for (const h of ['\u2212', '\u2010', '\u2011', '\u2012', '\u2013']) expect(parse(`%ASA${h}4${h}113019: Group = g, Username = u, IP = 1.2.3.4, Session disconnected. Reason: Idle Timeout`).understood, JSON.stringify(h)).toBe(1);
    expect(parse('%ASA\u20144\u2014113019: Group = g, Username = u, IP = 1.2.3.4, Session disconnected. Reason: Idle Timeout').understood).toBe(0);
  });
});
