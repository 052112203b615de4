import { describe, expect, it } from 'vitest';
import { corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * DrayTek Vigor syslog found in public material (test/fixtures/real/server-logs/draytek-*, sources in
 * test/fixtures/real/SOURCES.md), each read by hand: the Syslog Explorer's newest-first table of dial-in IKE, a case study's two
 * lines, and DrayTek's own security note's syslog-server copy.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // newest first: two addresses whose Main Mode message 5 decrypts to garbage (the pre-shared key), and 51.155.99.248 whose phase 1
  // comes up (#622 sent MR3) and whose Quick Mode the router refuses (`Parse dial-in phase2 SA proposals failed`); the table's
  // `Time<TAB>Message` head says the order
  'draytek-syslog-explorer-dial-in-psk-mismatch-then-phase2-proposals-refused-newest-first.txt': {
    records: 69,
    understood: 69,
    families: { draytek: 69 },
    causes: [[16, 'ike-auth-failed'], [18, 'ike-auth-failed'], [20, 'ike-auth-failed'], [22, 'ike-auth-failed'], [24, 'ike-auth-failed'], [26, 'ike-auth-failed'], [37, 'ike-auth-failed'], [53, 'ike-no-proposal']],
    says: [
      [1, 'rows are newest first'],
      [3, 'An IKE message came in (Quick Mode (32), first payload Hash (8))'],
      [4, 'IPsec phase 1 with 51.155.99.248 is up'],
      [12, 'encryption AES_CBC, hash SHA'],
      [16, 'The pre-shared key of the PC and the server differ'],
      [17, 'decrypted with the wrong key'],
      [30, 'NAT traversal (draft-ietf-ipsec-nat-t-ike-02/03): no NAT'],
      [51, 'STATE_QUICK_R0 (responder got QI1)'],
      [52, 'The DrayTek sent an IKE message (Informational (5), first payload Hash (8))'],
      // (51.155.99.248 asks for 10.0.33.0/24 in Quick Mode, row 56: a LAN behind it, another router — draytek-site.ts)
      [53, "The DrayTek refused the other router's IPsec phase 2 (Quick Mode) proposals"],
      [56, 'asks for the network 10.0.33.0/24'],
      [68, '51.155.99.248 starts IKEv1 Main Mode'],
    ],
  },
  // the "High" security level of IPsec General Setup ignores the client's SHA1 phase 1 proposals: the negotiation stops at MAIN_R0
  'draytek-syslog-security-level-high-ignores-sha1-phase1-proposals-main-r0.txt': {
    records: 2,
    understood: 2,
    families: { draytek: 2 },
    causes: [[2, 'ike-no-proposal']],
    says: [[1, 'STATE_MAIN_R0 (responder, nothing sent yet'], [2, 'security level "High" ignores phase 1 proposals with DES/3DES/MD5/SHA1/DH G1 G2 G5']],
  },
  // the router's name (`HQ:`) is the syslog tag; the SSL group line is no VPN step (other programs); a PPTP control connection
  // accepted and shut down at once (a scan from the internet, the note says): no cause
  'draytek-syslog-relay-ssl-portal-login-fail-pptp-accept-then-ppp-shutdown.txt': {
    records: 5,
    understood: 5,
    families: { syslog: 1, draytek: 4 },
    causes: [],
    says: [[2, 'SSL VPN web portal failed from 218.255.242.246'], [3, 'PPTP control connection (TCP 1723) from 218.255.242.246:50212'], [4, 'ended the PPP session'], [5, 'closed the PPTP connection']],
  },
  // the Syslog Explorer table as a Markdown table (its head and rule), newest first: the SSL tunnel of DrayTek's Smart VPN Client
  // dials in, LCP and PAP pass, LDAP accepts Edward.Parkes, IPCP gives 192.168.240.121 — then no PPP frame comes and the router
  // drops the session, again a second later: the PPP trace and the session's lines read, no cause (the log says no why)
  'draytek-syslog-explorer-markdown-ssl-tunnel-pap-ldap-ok-then-no-ppp-header-drop.txt': {
    records: 67,
    understood: 67,
    families: { draytek: 67 },
    causes: [],
    says: [
      [2, 'rows are newest first'],
      [3, "The DrayTek's own service (VPN Matcher"],
      [6, 'dropped the dial-in session of Edward.Parkes'],
      [8, 'Nothing came from the SSL VPN client after 5 tries'],
      [16, 'PAP Authenticate-Ack: user name and password accepted'],
      [17, 'with its LDAP server'],
      [18, 'PAP Authenticate-Request for the user "Edward.Parkes"'],
      [21, 'PPP packet received: LCP (0xc021), Configure-Request, id 0x00'],
      [36, 'The PC asked for the tunnel address 192.168.240.121'],
      [37, "asks its DHCP server for the PC's tunnel address"],
      [48, 'PPP packet sent: IPCP (0x8021), Configure-Nak, id 0x00'],
      [52, 'PPP packet received: IPCP (0x8021), Configure-Reject, id 0x00'],
      [66, 'An SSL VPN client dialed in'],
    ],
  },
  // the Syslog Explorer's CSV export of an L2TP/IPsec dial-in that works: LCP echoes both ways (the user ggyameg in slot VPN-0),
  // L2TP control messages and acknowledgements, IKE informational exchanges (DPD): no cause
  'draytek-syslog-explorer-csv-l2tp-lcp-echo-ike-informational.txt': {
    records: 11,
    understood: 11,
    families: { draytek: 11 },
    causes: [],
    says: [
      [1, 'PPP packet sent: LCP (0xc021), Echo-Reply, id 0x04'],
      [2, 'PPP packet received: LCP (0xc021), Echo-Request, id 0x04'],
      [3, 'L2TP acknowledgement from the PC (an empty control message, tunnel 9)'],
      [4, 'The DrayTek sent an L2TP control message (tunnel 65460)'],
      [6, 'An IKE message came in (Informational (5), first payload Hash (8))'],
    ],
  },
};

const one = (line: string) => parseServerLog(line, 'x').entries[0]!;

describe('real DrayTek Vigor logs', () => {
  realServerLogTable(ROWS);

  it('the bracket tags name the peer (a masked one none) and the profile\'s user; the Syslog Explorer row its time', () => {
    const e = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/draytek-syslog-explorer-dial-in-psk-mismatch-then-phase2-proposals-refused-newest-first.txt`), 'x').entries.find((x) => x.line === 16)!;
    expect(e).toMatchObject({ family: 'draytek', peer: '51.155.169.9', time: { year: 2025, month: 10, day: 15, hour: 16, minute: 57, second: 57 } });
    expect(one('[IPSEC/IKE][@x.x.x.x] state transition fail: STATE_MAIN_R0').peer).toBeUndefined();
    // (the SSL table copy of another post: `[SSL TUNNEL][Radius/LDAP][65:Edward.Parkes][@86.26.32.231] pppShutdown`)
    expect(one('[SSL TUNNEL][Radius/LDAP][65:Edward.Parkes][@86.26.32.231] pppShutdown')).toMatchObject({ family: 'draytek', user: 'Edward.Parkes', peer: '86.26.32.231' });
  });

  it('an IKE packet line relayed to a syslog server (the router\'s name as tag) decodes its exchange type and first payload by number', () => {
    const e = one('Oct 15 16:57:33 192.168.1.1 Vigor: IKE <==, Next Payload=ISAKMP_NEXT_HASH, Exchange Type = 0x20, Message ID = 0x81943e84');
    expect(e.family).toBe('draytek');
    expect(e.decoded).toEqual([{ key: 'step.dtIkeIn', values: { exchange: 'Quick Mode (32)', payload: 'Hash (8)' } }]);
    expect(one('IKE ==>, Next Payload=ISAKMP_NEXT_N, Exchange Type = 0x5, Message ID = 0x1').decoded[0]!.values).toEqual({ exchange: 'Informational (5)', payload: 'Notification (11)' });
  });

  it('a tagged line with a text no rule reads stays counted as not understood; an exchange or payload without a name keeps its number', () => {
    const r = parseServerLog(['[IPSEC/IKE][@192.0.2.7] something new', 'IKE <==, Next Payload=ISAKMP_NEXT_FOO, Exchange Type = 0x99, Message ID = 0x0'].join('\n'), 'x');
    expect([r.records, r.understood, r.unknown]).toEqual([2, 1, 1]);
    expect(r.entries[0]!.decoded[0]!.values).toEqual({ exchange: '153', payload: 'FOO' });
  });

  // crafted from the VPN up/down formats DrayTek's Syslog utility note lists (attel.sk) and Fastvue's draytekvpnanalyzer README
  it('the VPN up/down lines: a dial-in user\'s (H2L) names the user; a LAN-to-LAN one (L2L) the site profile', () => {
    expect(one('<137>Jan 01 09:00:00 Vigor3900: [H2L][UP][SSLTunnel][@Username]')).toMatchObject({ family: 'draytek', outcome: 'success', user: 'Username' });
    expect(one('[H2L][Down][IPSec][@3:jacky]')).toMatchObject({ outcome: 'info', user: 'jacky' });
    const site = one('[L2L][UP][PPTP][@1:test]');
    expect([site.outcome, site.user, site.decoded[0]!.key]).toEqual(['success', undefined, 'step.dtSiteUp']);
  });

  it('the PPP trace: the arrow is the direction (no author\'s note), the user in the slot\'s brackets; a refused log-in is the PC\'s 691', () => {
    const e = one('2020-09-23 09:18:04\tL2TP (VPN-0, ggyameg) <== Protocol:LCP(c021) EchoReq Identifier:0x04 Magic Number: 0xbff3 a8 aa ##');
    expect(e).toMatchObject({ family: 'draytek', user: 'ggyameg', time: { year: 2020, month: 9, day: 23, hour: 9, minute: 18, second: 4 } });
    expect(e.decoded).toEqual([{ key: 'step.pppLogProtocolReceived', values: { proto: 'LCP (0xc021)', type: 'Echo-Request', id: '0x04' } }]);
    // (crafted from the trace's form and RFC 1334 §2.2 / RFC 1994 §4 codes: no real copy of a refused log-in found)
    expect(one('PPTP (VPN-2) ==> Protocol:PAP(c023) Authenticate-Nak Identifier:0x01 Message: ##')).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691 });
    expect(one('L2TP (VPN-0) ==> Protocol:CHAP(c223) Failure Identifier:0x01 E=691 R=0 ##')).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    // the PC's own Authenticate-Nak would be no refusal of the PC's log-in
    expect(one('L2TP (VPN-0) <== Protocol:PAP(c023) Authenticate-Nak Identifier:0x01 Message: ##').cause).toBeUndefined();
  });

  it('the first word a copy took for a level is the message\'s (PPP Start, PPP Drop VPN, VPN Matcher); other such levels stay levels', () => {
    expect(one('2025-09-17 15:09:46\tPPP Drop VPN : Remote Dial-in User, Profile in LDAP Server, Name = Edward.Parkes, ifno=20')).toMatchObject({ family: 'draytek', user: 'Edward.Parkes' });
    expect(one('2025-09-17 15:09:42\tPPP Start ()').decoded[0]!.key).toBe('step.dtPppStart');
    expect(parseServerLog('2025-09-17 15:09:42\tPPP something else', 'x').understood).toBe(0);
  });

  it('never claims a line of the shared corpus or of another family\'s fixture', () => {
    const seen: string[] = [];
    for (const folder of ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000']) {
      for (const file of corpusFiles(`server-logs/${folder}`)) if (parseServerLog(readCorpus(`server-logs/${folder}`, file), file).families.draytek) seen.push(`${folder}/${file}`);
    }
    const fixtures = repoFiles(REAL_SERVER_LOGS).filter((f) => !f.startsWith('draytek'));
    expect(fixtures.length).toBeGreaterThan(100);
    for (const file of fixtures) if (parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).families.draytek) seen.push(file);
    expect(seen).toEqual([]);
  });
});
