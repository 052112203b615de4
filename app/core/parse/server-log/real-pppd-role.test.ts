import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { packetTellsRole } from './families/pppd-role';
import { parseServerLog } from './index';

/**
 * Which side a pppd log is from, by the PPP protocol itself (pppd-role.ts packetTellsRole): the side that is sent the CHAP
 * Challenge, agrees to log in (its LCP Configure-Ack of `<auth …>`) or asks for its address (`<addr 0.0.0.0>`) dialled — its
 * packets go to and come from the server — also when none of the lines that used to tell it (`Remote message:`, pptp-linux's own,
 * NetworkManager's plugin) is there. Hand-checked against each thread (test/fixtures/real/SOURCES.md).
 */

const en = engineT('en');
const nl = engineT('nl');

/** every real pppd fixture with a packet dump, and the side its pppd is by its packets */
const SIDES: Record<string, 'client' | 'server'> = {
  // a 3G modem dialled by pppd (`rcvd [CHAP Challenge`, `sent [LCP ConfAck … <auth chap MD5>]`); no line of its own said so
  'pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt': 'client',
  // NetworkManager's pptp client without its plugin's line in the excerpt: the server's `<auth chap MS-v2>` Ack'ed, its Challenges
  'pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt': 'client',
  // an LTE modem's link: this pppd Acks the modem's `<auth chap MD5>`
  'pppd-syslog-priority-prefix-lcp-debug.txt': 'client',
  // clients told before by their own lines: the packets agree
  'pppd-pptp-client-nm-bbcode-lcp-terminated-garbled-no-ccp.txt': 'client',
  'pppd-pptp-client-nm-bbcode-rcvd-chap-failure-e691.txt': 'client',
  'pppd-pptp-client-routing-loop-sent-1-gb-received-60-bytes.txt': 'client',
  'pppd-pptp-client-crouton-kernel-no-mppe-termreq.txt': 'client',
  'pppd-pptp-client-peer-offers-40-bit-only-mppe-negotiation-failed.txt': 'client',
  'pppd-xl2tpd-lac-echo-before-connecting-two-calls-max-retries.txt': 'client',
  // a PPPoE client (pppd's rp-pppoe plugin): its discovery (Send PADI …) tells it from the first packet on
  'pppd-pppoe-client-rp-pppoe-plugin-docker-padi-pado-padr-pads-ipcp-nak-padt.txt': 'client',
  // servers: they send the Challenge, the PC Acks their `<auth …>`, the PC asks for `<addr 0.0.0.0>`
  'pppd-pptpd-no-header-windows-msras-chap-failed.txt': 'server',
  'pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt': 'server',
  'pppd-accel-pptp-vyos-docs-journal-windows-10-mschap-v2-fsm-timeout-ipv6cp-discarded.txt': 'server',
  'pppd-accel-sstp-vyos-docs-journal-windows-10-pap-fsm-timeout-ipv6cp-discarded.txt': 'server',
  'pppd-sstpd-python-iso-time-windows-lcp-callback-cbcp-mrru-rejected.txt': 'server',
};

/** a PPPoE client's own lines (families/pppoe-client.ts), hand-checked against the README they come from */
const PPPOE_ROWS: Record<string, RealServerLogRow> = {
  'pppd-pppoe-client-rp-pppoe-plugin-docker-padi-pado-padr-pads-ipcp-nak-padt.txt': {
    records: 59,
    understood: 59,
    families: { pppd: 59 },
    causes: [],
    says: [
      [3, 'PPPoE discovery: this side looks for an access concentrator'],
      [5, 'The addresses and tags of the PPPoE discovery packet above.'],
      [12, 'the access concentrator gives this side session 0x1 (PADS, RFC 2516 §5.4)'],
      [16, "This side's PPPoE session 1 is set up"],
      [17, 'to the access concentrator 02:42:ac:11:00:02 through eth0'],
      [26, 'The server (calling number 02:42:AC:11:00:02) is let on without logging in'],
      [35, 'IPCP ConfNak from the server (id 0x1): addr 10.67.15.1'],
      [43, 'This side did not make the link to the server its default route: it already had one (172.17.0.1)'],
      [44, 'This side was given 10.67.15.1.'],
      [56, 'This side ends its PPPoE session (PADT, RFC 2516 §5.5).'],
    ],
  },
  'pppd-pppoe-client-rp-pppoe-plugin-docker-padi-unanswered-timeout-pado.txt': {
    records: 13,
    understood: 13,
    families: { pppd: 13 },
    causes: [],
    says: [
      [9, 'PPPoE discovery: this side looks for an access concentrator'],
      [12, "No access concentrator answered this side's PPPoE discovery (no PADO to its PADIs"],
      [13, 'The PPPoE discovery did not complete'],
    ],
  },
  // rp-pppoe's separate `pppoe` program under adsl-connect, copied from a log viewer with time-only headers: the `pppoe` lines tell
  // the pppd runs are the client's (pppd-role.ts pppoeProgramDials), their LCP time-outs the access concentrator's silence
  'pppd-pppoe-client-rp-pppoe-time-only-viewer-copy-pads-timeout-lcp-timeout-pap-ok.txt': {
    records: 163,
    understood: 163,
    families: { syslog: 99, pppd: 64 },
    causes: [],
    says: [
      [62, "The PPPoE program's Ethernet socket failed (recv: Network is down)"],
      [86, 'this side sent Configure-Requests over its PPPoE session and the access concentrator never answered'],
      [96, "The access concentrator did not confirm this side's PPPoE session (no PADS to its PADR"],
      [131, "This side's PPPoE session 3674 is set up"],
      [136, 'The PPPoE program lost the pppd it carries (Input/output error)'],
      [146, 'This side logged in to the other side (PAP authentication succeeded).'],
      [147, 'the server may not reach the LAN behind this side'],
    ],
  },
};

const real = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);

describe("a pppd log's side, from its packets", () => {
  it.each(Object.entries(SIDES))('%s: %s', (file, side) => {
    const packets = real(file).entries.filter((e) => e.decoded[0]?.key === 'packet');
    expect(packets.length).toBeGreaterThan(0);
    // (every packet line, those before the one that tells too: they waited for it, pppd-role.ts awaitSide)
    expect(packets.map((e) => e.decoded[0]!.values?.role === 'initiator')).toEqual(packets.map(() => side === 'client'));
  });

  realServerLogTable(PPPOE_ROWS);

  it('a PPPoE client\'s discovery tells its own pppd only: a router\'s PPTP server beside it keeps the PC', () => {
    const r = parseServerLog([
      'Jan  1 10:00:00 gw pppd[10]: Send PPPOE Discovery V1T1 PADI session 0x0 length 12',
      'Jan  1 10:00:01 gw pppd[20]: rcvd [LCP ConfReq id=0x1 <mru 1400>]',
      'Jan  1 10:00:02 gw pppd[10]: rcvd [LCP ConfReq id=0x1 <mru 1492>]',
      'Jan  1 10:00:03 gw pppd[10]: PPP session is 7',
      'Jan  1 10:00:04 gw pppd[30]: Timeout waiting for PADS packets',
      'Jan  1 10:00:05 gw pppd[30]: LCP: timeout sending Config-Requests',
    ].join('\n'));
    expect(r.entries.map((e) => e.decoded[0]!.values?.role)).toEqual([undefined, undefined, 'initiator', undefined, undefined, 'initiator']);
    expect(describeEntry(r.entries[4]!, nl)).toContain('De toegangsconcentrator bevestigde de PPPoE-sessie van deze kant niet');
    // (over PPPoE no GRE carries the frames: an LCP time-out is no PPTP cause, and on the client it is the access concentrator's silence)
    expect(r.entries[5]).toMatchObject({ outcome: 'failure', decoded: [{ key: 'lcpTimeoutPppoe' }] });
    expect(r.entries[5]!.cause).toBeUndefined();
    expect(describeEntry(r.entries[5]!, en)).toContain('the access concentrator never answered');
    expect(parseServerLog('pppd[9]: LCP: timeout sending Config-Requests').entries[0]!.cause).toBe('no-ppp-frames');
    // (a line either side writes tells nothing: `Sent PADT`, a PADT received)
    const either = parseServerLog('pppd[40]: Sent PADT\npppd[40]: Recv PPPOE Discovery V1T1 PADT session 0x1 length 0\npppd[40]: LCP: timeout sending Config-Requests');
    expect(either.entries.at(-1)!.decoded[0]!.values?.role).toBeUndefined();
  });

  it("a 3G modem's client requiring the modem to log in: the finding is this side's setting, not the PC's", () => {
    const r = real('pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt');
    expect(r.entries.filter((e) => e.cause).map((e) => describeEntry(e, en))).toEqual([
      'Link settings: some options refused as not supported — LCP ConfRej from the server (id 0x1): auth chap MD5. The server refused the sign-in method this side asks it for (chap MD5): unless this side offers another method the server accepts, the link cannot come up (LCP Configure-Reject, RFC 1661 §5.4).',
      'The server refused every authentication protocol this side requires of it (LCP Configure-Reject): no method both sides accept.',
    ]);
    const [finding] = explainServerLogs([r], en).findings;
    expect(finding!.title).toBe('This side and the server have no authentication method in common');
    expect(finding!.summary).not.toMatch(/On the PC:/);
    expect(explainServerLogs([r], nl).findings[0]!.title).toBe('Deze kant en de server hebben geen aanmeldmethode gemeen');
    // (a server's log keeps the PC's wording)
    const server = parseServerLog('pppd[9]: rcvd [LCP ConfAck id=0x1 <auth chap MS-v2>]\npppd[9]: peer refused to authenticate: terminating link');
    expect(explainServerLogs([server], en).findings[0]!.title).toBe('The PC and the server use different authentication methods');
  });

  it('each protocol by the side that sends it; what either side sends tells nothing', () => {
    const rows: [string, boolean | undefined][] = [
      ['rcvd [CHAP Challenge id=0x1 <364473181c736a80>, name = "srv"]', true],
      ['sent [CHAP Challenge id=0x1 <364473181c736a80>, name = "srv"]', false],
      ['sent [CHAP Response id=0x1 <a1b2>, name = "bob"]', true],
      ['rcvd [CHAP Response id=0x1 <a1b2>, name = "bob"]', false],
      ['rcvd [CHAP Success id=0x1 "S=0123 M=Access granted"]', true],
      ['sent [CHAP Failure id=0x1 "E=691 R=1 C=00 V=3"]', false],
      ['sent [PAP AuthReq id=0x1 user="bob" password=<hidden>]', true],
      ['rcvd [PAP AuthReq id=0x1 user="bob" password=<hidden>]', false],
      ['rcvd [PAP AuthAck id=0x1 ""]', true],
      ['sent [PAP AuthNak id=0x1 "Login incorrect"]', false],
      ['rcvd [EAP Request id=0x1 Identity <Message "">]', true],
      ['sent [EAP Response id=0x1 Identity <Name "bob">]', true],
      ['sent [EAP Request id=0x1 Identity <Message "">]', false],
      ['rcvd [EAP Success id=0x2]', true],
      ['sent [LCP ConfAck id=0x2 <mru 1400> <auth chap MS-v2> <magic 0x1>]', true],
      ['rcvd [LCP ConfAck id=0x1 <asyncmap 0x0> <auth chap MD5> <magic 0x2>]', false],
      ['sent [IPCP ConfReq id=0x1 <compress VJ 0f 01> <addr 0.0.0.0>]', true],
      ['rcvd [IPCP ConfReq id=0x8 <addr 0.0.0.0> <ms-dns1 0.0.0.0>]', false],
      ['rcvd [IPCP ConfNak id=0x1 <addr 10.67.15.1>]', true],
      ['sent [IPCP ConfNak id=0x8 <addr 172.21.118.10> <ms-dns1 10.0.0.1>]', false],
      ['sent [IPCP ConfNak id=0x8 <ms-dns1 10.0.0.1>]', undefined],
      // (asking the other side to log in is not agreed until its Ack: a client asks too, pppd-role.ts)
      ['sent [LCP ConfReq id=0x1 <mru 1416> <auth eap> <magic 0x3>]', undefined],
      ['rcvd [LCP ConfReq id=0x1 <auth chap MS-v2>]', undefined],
      ['sent [LCP ConfAck id=0x9 <asyncmap 0x0> <magic 0x4>]', undefined],
      ['sent [IPCP ConfReq id=0x1 <addr 172.21.118.1>]', undefined],
      ['rcvd [CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>]', undefined],
      ['sent [LCP EchoReq id=0x1 magic=0x5]', undefined],
      // (accel-ppp's dump says send/recv: always a server, its own rows)
      ['send [CHAP Challenge id=0x1 <aa>]', undefined],
      ['rcvd [CHAPX Challenge id=0x1]', undefined],
    ];
    expect(rows.map(([line]) => packetTellsRole(line))).toEqual(rows.map(([, side]) => side));
  });

  it('per pppd: a server and a client in one log each keep their own side; the first packet that tells decides', () => {
    const r = parseServerLog([
      'pppd[1]: sent [LCP ConfReq id=0x1 <auth chap MS-v2>]',
      'pppd[2]: sent [LCP ConfReq id=0x1 <magic 0x2>]',
      'pppd[1]: rcvd [LCP ConfAck id=0x1 <auth chap MS-v2>]',
      'pppd[2]: rcvd [CHAP Challenge id=0x1 <364473181c736a8040cbc1df0805044f>, name = "srv"]',
      'pppd[2]: sent [CHAP Challenge id=0x7 <67ae1fed188635ae561fcc6dd684c4b7>, name = "me"]',
      'pppd[2]: local  IP address 10.0.0.2',
    ].join('\n'));
    expect(r.entries.map((e) => describeEntry(e, en))).toEqual([
      'Link settings proposed — LCP ConfReq to the PC (id 0x1): auth chap MS-v2',
      'Link settings proposed — LCP ConfReq to the server (id 0x1): magic 0x2',
      'Link settings accepted — LCP ConfAck from the PC (id 0x1): auth chap MS-v2',
      'Sign-in challenge — CHAP Challenge from the server (id 0x1)',
      'Sign-in challenge — CHAP Challenge to the server (id 0x7)',
      'This side was given 10.0.0.2.',
    ]);
  });
});
