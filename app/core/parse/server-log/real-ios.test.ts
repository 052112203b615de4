import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Cisco IOS `debug ppp negotiation` / `debug ppp authentication` found in public material
 * (test/fixtures/real/server-logs, sources in test/fixtures/real/SOURCES.md), each read by hand.
 * All of them are an IOS router as the client of its link (a DSL line): what it logs is its own
 * connection, never a PC's, and no line may send the reader to the PC's password or GRE.
 */
const ROWS: Record<string, RealServerLogRow> = {
  // a PPPoE client set for PAP only, asked for CHAP: the other side's Configure-Request carries the Authentication-Protocol
  // option (line 5: the router is the one logging in), SENDAUTH FAIL and "Unable to authenticate for peer" are the router's
  // own missing credentials; the article's caption in the block (line 17) is no log line
  'ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt': {
    records: 12,
    understood: 11,
    families: { ios: 11 },
    causes: [],
    says: [
      [5, 'LCP option: Authentication-Protocol CHAP (MD5). On Vi2 this router is the client'],
      [9, 'LCP Configure-Ack to the server this router logs in to (id 2)'],
      [21, 'The router has no user name and password of its own for this login'],
      [23, 'The router cannot log in with CHAP, the method the other side asks for'],
    ],
  },
  // a PPPoA client whose ISP never answers: only O CONFREQ, the LCP timer running out in REQsent; the manual's `!---` notes
  // and the prompt lines are the copy's, not the router's log
  'ios-827-pppoa-client-lcp-timeout-reqsent-no-answer-doc-notes.txt': {
    records: 28,
    understood: 28,
    families: { ios: 28 },
    causes: [],
    says: [
      [1, "Typed at the router's prompt (not a log line): debug ppp negotiation."],
      [2, 'On Vi1 this router is the client'],
      [5, 'LCP Configure-Request to the server this router logs in to (id 1) [Closed]'],
      [6, 'A note the author of the copy put between the router\'s lines (not logged by the router): "O" specifies an outbound packet.'],
      [8, 'Nothing has come from the server this router logs in to yet'],
      [8, 'its timer ran out in state REQsent'],
      [28, "Typed at the router's prompt (not a log line): undebug all."],
    ],
  },
  // the same client negotiating well, uptime stamps, the option lines' blanks collapsed to one by the copy
  'ios-827-pppoa-client-uptime-2w3d-chap-success-collapsed-option-blanks.txt': {
    records: 35,
    understood: 35,
    families: { ios: 35 },
    causes: [],
    says: [
      [2, "The router's answer: its debug output for PPP protocol negotiation is now on."],
      [3, "The router's prompt (not a log line)."],
      [7, 'LCP option: Magic-Number 0x8ccf0e1e'],
      [9, 'LCP option: Authentication-Protocol CHAP (MD5)'],
      [11, 'PPP step: Remove route to 20.20.2.1.'],
      [14, 'PPP step: State is Open.'],
      [4, 'On Vi1 this router is the client'],
      [15, 'PPP step: Phase is AUTHENTICATING, by the peer.'],
      [18, 'CHAP SUCCESS from the server this router logs in to.'],
      [21, 'IPCP option: IP-Address 0.0.0.0'],
      [27, 'IPCP option: IP-Address 40.1.1.2'],
      // the ISP's Nak gives the address the router asked for with 0.0.0.0: a normal step (ios-nak.ts)
      [27, 'A normal step: the request asked for a value to be given (0.0.0.0), and this is the one offered: IP-Address 40.1.1.2'],
    ],
  },
  // the guide's "LCP Not Open" example: the ISP asks for PAP, the router (set for CHAP) Naks it with CHAP — a mismatch of the
  // authentication protocol, the Nak a warning unlike an MRU's or an address's (the copy's page ends after the Nak's option)
  'ios-827-pppoa-client-lcp-not-open-confnak-authproto-chap-for-pap-doc-notes.txt': {
    records: 12,
    understood: 12,
    families: { ios: 12 },
    causes: [],
    says: [
      [2, 'On Vi1 this router is the client'],
      [10, 'LCP Configure-Nak to the server this router logs in to (id 180) [REQsent]'],
      [11, 'PPP option reject.'],
      [12, 'The router asks for another value for this setting: Authentication-Protocol CHAP (MD5).'],
    ],
  },
  // the router's PAP login refused by its ISP (AUTH−REQ / AUTH−NAK with U+2212 minus signs); the timer running out while the
  // link closes (TERMsent) is no warning
  'ios-827-pppoa-client-pap-auth-nak-unicode-minus-terminating.txt': {
    records: 25,
    understood: 25,
    families: { ios: 25 },
    causes: [],
    says: [
      [2, 'On Vi1 this router is the client'],
      [10, 'LCP option: Authentication-Protocol PAP'],
      [17, 'PAP AUTH-REQ to the server this router logs in to "cisco".'],
      [19, 'PAP AUTH-NAK from the server this router logs in to: "Authentication failure".'],
      [19, "The other side refused this router's own login"],
      [23, 'LCP: the timer ran out waiting for an answer (state TERMsent).'],
      [25, 'PPP step: Phase is DOWN [0 sess, 1 load].'],
    ],
  },
  // the router's CHAP login refused, `MSG is` in capitals; the sample's first lines (on the page before) are not in the copy,
  // so its first packet still reads "from the PC" until `by the peer` says otherwise
  'ios-827-pppoa-client-chap-failure-msg-uppercase-alternate-hostname.txt': {
    records: 19,
    understood: 19,
    families: { ios: 19 },
    causes: [],
    says: [
      [5, 'On Vi1 this router is the client'],
      [7, 'PPP step: Using alternate hostname cisco.'],
      [12, 'CHAP FAILURE from the server this router logs in to: "Authentication failure".'],
      [12, "The other side refused this router's own login"],
    ],
  },
  // two captures of an authentication type mismatch joined by the guide's `or` (not a log line); the first packet line lost its
  // blanks around the direction
  'ios-827-pppoa-client-auth-type-mismatch-glued-direction-two-captures.txt': {
    records: 22,
    understood: 21,
    families: { ios: 21 },
    causes: [],
    says: [
      // (the side is learnt on line 7; the packet lines before it are worded by it too)
      [2, 'LCP Configure-Request to the server this router logs in to (id 53) [REQsent]'],
      [4, 'A note the author of the copy put between the router\'s lines (not logged by the router): Sending CHAP requests.'],
      [7, 'LCP option: Authentication-Protocol PAP. On Vi1 this router is the client'],
      [10, 'LCP Configure-Reject to the server this router logs in to (id 252) [REQsent]'],
      [13, "Typed at the router's prompt (not a log line): debug ppp negotiation."],
    ],
  },
};

/**
 * Cisco IOS / IOS-XE `debug crypto isakmp` and `debug crypto ipsec` found in public material (families/ios-crypto.ts), each read by
 * hand: site-to-site tunnels between two routers, no PC.
 */
const CRYPTO_ROWS: Record<string, RealServerLogRow> = {
  // IOS-XE 16's heads (`ISAKMP: (1001):`, `ISAKMP-PAK:`, `ISAKMP-ERROR:`) were not read (the PAK and ERROR lines were not understood,
  // and a refused proposal behind `ISAKMP: (0):` would have named no cause); `debug crypto ipsec`'s records over several indented
  // lines were a line each, not understood
  'ios-xe-debug-crypto-quick-mode-responder-connection-id-heads-multiline-ipsec-records.txt': {
    records: 47,
    understood: 47,
    families: { ios: 47 },
    causes: [],
    says: [
      [1, "The router's prompt (not a log line)."],
      [2, 'ISAKMP: received packet from 203.0.113.100 dport 500 sport 500 Global (R) QM_IDLE'],
      [9, 'ISAKMP: encaps is 1 (Tunnel)'],
      [18, 'IPsec (validate_proposal_request): a tunnel between 203.0.113.200:0 and 203.0.113.100:0 for the traffic 192.168.102.0/24 ↔ 192.168.101.0/24, ESP esp-aes 256 esp-sha512-hmac (Tunnel).'],
      [25, "The crypto map's access list is checked against the traffic 192.168.102.0 → 192.168.101.0."],
      [31, 'IPsec (ipsec_process_proposal): Map Accepted: CMAP, 10'],
      [39, 'IKE state IKE_QM_SPI_STARVE → IKE_QM_IPSEC_INSTALL_AWAIT.'],
      [49, 'IPsec SA installed: ESP to 203.0.113.200, SPI 0x63A278D7, esp-aes 256 esp-sha512-hmac.'],
      [57, 'IPsec SA installed: ESP to 203.0.113.100, SPI 0x731256EB'],
      [65, 'ISAKMP: Failed to find peer index node to update peer_info_list'],
      [75, 'IKE state IKE_QM_R_QM2 → IKE_QM_PHASE2_COMPLETE.'],
    ],
  },
  // the show crypto isakmp sa head and row were not understood; the duplicate and the retransmission were plain ISAKMP events
  'ios-debug-crypto-isakmp-stuck-mm-sa-setup-show-isakmp-sa-duplicate-phase-1.txt': {
    records: 28,
    understood: 28,
    families: { ios: 28 },
    causes: [],
    says: [
      [2, "The router's answer: its debug output for Crypto ISAKMP is now on."],
      [5, "The head of show crypto isakmp sa, the router's IKE SAs (typed output, not a log line)."],
      [25, 'IKE SA from 10.10.10.2 to 11.11.11.2: MM_SA_SETUP (the proposals are agreed, the key exchange has not happened).'],
      [29, "The other side sent the same phase 1 message again: this router's answer did not reach it, or came too late."],
      [30, 'The router sends its last phase 1 message again: no answer from the other side yet.'],
    ],
  },
  // the key engine message's lines, their indent lost, were six unknown lines; the crypto engine's three lines were not understood
  'ios-12-2-debug-crypto-initiator-main-mode-key-engine-message-unindented-crypto-engine.txt': {
    records: 18,
    understood: 18,
    families: { ios: 18 },
    causes: [],
    says: [
      [1, 'IPsec (sa_request): a tunnel between 10.15.58.10 and 10.15.58.38 for the traffic 192.168.1.0/24 ↔ 192.168.2.0/24, ESP esp-des esp-md5-hmac.'],
      [11, 'ISAKMP: sending packet to 10.15.58.38 (I) MM_NO_STATE'],
      [21, 'Crypto engine: generate alg parameter'],
      [22, 'Crypto engine: Dh phase 1 status: 0'],
    ],
  },
  // nothing was read: the Markdown bullets that replaced IOS's `*` before each time hid the times (lines.ts normalizeLine); the
  // author's two Chinese captions stay unknown (no log lines)
  'ios-debug-crypto-markdown-quote-bullet-times-chinese-notes-main-mode-initiator.txt': {
    records: 23,
    understood: 21,
    families: { ios: 21 },
    causes: [],
    says: [
      [1, 'IPsec (sa_request): a tunnel between 12.1.1.2 and 13.1.1.3 for the traffic 2.2.2.0/24 ↔ 3.3.3.0/24, ESP esp-des esp-sha-hmac (Tunnel).'],
      [15, 'ISAKMP: received ke message (1/1) <===IKE的第一阶段'],
      [27, 'IKE state IKE_READY → IKE_I_MM1.'],
      [33, 'ISAKMP: received packet from 13.1.1.3 dport 500 sport 500 Global (I) MM_NO_STATE'],
    ],
  },
};

const en = engineT('en');
const nl = engineT('nl');
const parse = (text: string) => parseServerLog(text, 'x');
const said = (text: string, line: number, t = en) =>
  parse(text)
    .entries.filter((e) => e.line === line)
    .map((e) => describeEntry(e, t))
    .join(' | ');

describe('real Cisco IOS debug ppp logs', () => {
  realServerLogTable(ROWS);

  it('the router logging in is not a PC: its CHAP name is no user, its success no PC success', () => {
    const r = parse(readRepoText(`${REAL_SERVER_LOGS}/ios-827-pppoa-client-uptime-2w3d-chap-success-collapsed-option-blanks.txt`));
    expect(r.entries.some((e) => e.user)).toBe(false);
    expect(r.entries.every((e) => !describeEntry(e, en).includes('the PC'))).toBe(true);
    expect(describeEntry(r.entries.find((e) => e.line === 18)!, nl)).toBe('CHAP SUCCESS van de server waarbij deze router zich aanmeldt.');
  });
});

/** Crafted lines in the same formats: the cases the real copies above do not hold. */
describe('real Cisco IOS debug crypto logs', () => {
  realServerLogTable(CRYPTO_ROWS);
  it('every ISAKMP head IOS prints reads the same text, and a refusal behind an IOS-XE head is still the cause', () => {
    for (const head of ['ISAKMP:(0):', 'ISAKMP (0:0): ', 'ISAKMP: ', 'ISAKMP: (0):', 'ISAKMP-ERROR: (0):', '*Feb 23 00:19:54.626: ISAKMP: (1001):']) {
      const e = parse(`${head}no offers accepted!`).entries[0]!;
      expect([e.family, e.cause], head).toEqual(['ios', 'ike-no-proposal']);
    }
    expect(said('ISAKMP-PAK: (1001):sending packet to 203.0.113.100 my_port 500 peer_port 500 (R) QM_IDLE      ', 1)).toBe('ISAKMP: sending packet to 203.0.113.100 my_port 500 peer_port 500 (R) QM_IDLE');
  });
  it("a Markdown bullet in place of IOS's unsynchronised-clock mark is the mark again; a list item that is no IOS time stays", () => {
    const e = parse('- Mar 1 00:55:40.771: ISAKMP (0:2): Can not start Aggressive mode, trying Main mode.').entries[0]!;
    expect([e.family, e.time?.month, e.time?.day, e.time?.ms]).toEqual(['ios', 3, 1, 771]);
    expect(parse('• Mar  1 00:12:34.567 UTC: ISAKMP:(0):no offers accepted!').entries[0]!.cause).toBe('ike-no-proposal');
    expect(parse('- Mar 1 00:55:40: ISAKMP (0:2): beginning Main Mode exchange').understood).toBe(0);
  });
  it('show crypto isakmp sa in each IOS release, its states in words; a retransmission names the state it is stuck in', () => {
    expect(said('IPv4 Crypto ISAKMP SA\ndst             src             state          conn-id status\n10.0.0.1        192.168.1.1     MM_NO_STATE    1001     ACTIVE', 3)).toBe('IKE SA from 192.168.1.1 to 10.0.0.1: MM_NO_STATE (nothing agreed yet).');
    expect(parse('dst             src             state          conn-id slot status\n192.0.2.1       192.0.2.2       QM_IDLE           1    0 ACTIVE').entries.map((e) => e.outcome)).toEqual(['info', 'success']);
    expect(said('192.0.2.1 192.0.2.2 MM_WAIT_SOMETHING 3 0', 1)).toBe('IKE SA from 192.0.2.2 to 192.0.2.1: MM_WAIT_SOMETHING.');
    expect(said('ISAKMP:(1002): retransmitting phase 1 MM_KEY_EXCH...', 1, nl)).toBe('De router stuurt zijn laatste fase 1-bericht opnieuw, in MM_KEY_EXCH (sleutels uitgewisseld, de twee kanten hebben nog niet bewezen wie ze zijn): nog geen antwoord van de andere kant.');
    // near misses: a table of other columns, an address pair with a word that is no IKE state
    expect(parse('10.0.0.1        192.168.1.1     ESTABLISHED    1001     ACTIVE').understood).toBe(0);
  });
  it('IOS system messages of a failed IKE negotiation: a failure with its peer, no cause of its own (the lines before it have it)', () => {
    const failed = parse('*Mar 28 08:14:22.339: %CRYPTO-6-IKMP_MODE_FAILURE: Processing of Main mode failed with peer at 10.2.2.1').entries[0]!;
    expect([failed.outcome, failed.cause, failed.peer]).toEqual(['failure', undefined, '10.2.2.1']);
    expect(describeEntry(failed, en)).toBe('The IKE negotiation (Main mode) with 10.2.2.1 failed; the lines before it say why.');
    const noSa = parse('*Mar  1 00:01:11.000: %CRYPTO-4-IKMP_NO_SA: IKE message from 198.51.100.7 has no SA and is not an initialization offer').entries[0]!;
    expect([noSa.outcome, noSa.peer]).toEqual(['warning', '198.51.100.7']);
  });
  it('a debug crypto ipsec record goes on over its lines, indented or not; the next timed line is a record of its own', () => {
    // (Cisco's VPN solutions guide, "Sample Problem Scenarios": IOS 12.2 wording, the indent lost by the web copy)
    const old = parse('00:27:07: IPSEC(sa_request): ,\n(key eng. msg.) src= 10.15.58.10, dest= 10.15.58.38,\nsrc_proxy= 192.168.1.0/255.255.255.0/0/0 (type=4),\ndest_proxy= 192.168.2.0/255.255.255.0/6/1701 (type=4),\nprotocol= ESP, transform= esp-des esp-md5-hmac ,\nlifedur= 3600s and 4608000kb,\n00:27:07: ISAKMP: received ke message (1/1)');
    expect([old.records, old.understood]).toEqual([2, 2]);
    expect(describeEntry(old.entries[0]!, en)).toBe('IPsec (sa_request): a tunnel between 10.15.58.10 and 10.15.58.38 for the traffic 192.168.1.0/24 ↔ 192.168.2.0/24 protocol 6 port 1701, ESP esp-des esp-md5-hmac.');
    // the fields end where the record's lines do: after a blank line, only an unfinished record (its last line ending in a comma) or
    // one of its own fields goes on
    expect(parse('IPSEC(create_sa): sa created,\n  (sa) sa_dest= 192.0.2.1, sa_proto= 51, \n    sa_trans= ah-sha-hmac , sa_conn_id= 7\n\n  flags= 0x0').records).toBe(2);
    expect(parse('IPSEC(create_sa): sa created,\n\n  (sa) sa_dest= 192.0.2.1, sa_proto= 51, \n\n    sa_trans= ah-sha-hmac , sa_conn_id= 7').records).toBe(1);
    expect(said('IPSEC(create_sa): sa created,\n  (sa) sa_dest= 192.0.2.1, sa_proto= 51, \n    sa_spi= 0x1A(26), \n    sa_trans= ah-sha-hmac , sa_conn_id= 7', 1)).toBe('IPsec SA installed: AH to 192.0.2.1, SPI 0x1A, ah-sha-hmac.');
    // IOS's own words for a transform set mismatch (Cisco doc 5409): phase 2 refused
    const refused = parse('IPSEC(validate_proposal): transform proposal (prot 3, trans 2, hmac_alg 1) not supported for identity:').entries[0]!;
    expect([refused.outcome, refused.cause]).toEqual(['failure', 'ike-no-proposal']);
    expect(describeEntry(refused, en)).toContain('none of the other side\'s transforms matches a transform set of this router (prot 3, trans 2, hmac_alg 1).');
  });
});

describe('IOS Configure-Nak: a normal step of the negotiation or a sign it does not converge (RFC 1661 §5.3)', () => {
  const outcomes = (file: string) => new Map(parse(readRepoText(`${REAL_SERVER_LOGS}/${file}`)).entries.map((e) => [e.line, e.outcome]));
  it('the pool address offered to a PC that asked 0.0.0.0 and an MRU counter-proposal are no warnings (real IOS-XE PPPoE server, real 827 client)', () => {
    const server = outcomes('ios-xe-csr-pppoe-server-clear-session-chap-success-ipcp-author-avl-route-platform-notify.txt');
    // 50/51: I CONFNAK with MRU 1500; 83/84: O CONFNAK with the pool's 172.20.1.3
    expect([50, 51, 83, 84].map((l) => server.get(l))).toEqual(['info', 'info', 'info', 'info']);
    const client = outcomes('ios-827-pppoa-client-uptime-2w3d-chap-success-collapsed-option-blanks.txt');
    expect([client.get(26), client.get(27)]).toEqual(['info', 'info']);
  });
  it('a Nak of the authentication protocol stays a warning (real 827 client, the guide\'s option mismatch)', () => {
    const r = outcomes('ios-827-pppoa-client-lcp-not-open-confnak-authproto-chap-for-pap-doc-notes.txt');
    expect(r.get(12)).toBe('warning');
    expect([...r.values()].filter((o) => o === 'warning')).toHaveLength(1);
  });
  it('the same option Naked a third time before an Ack is a loop (ppp-nak-loop.ts, the threshold pppd shares); an Ack ends the count, a fresh negotiation starts it anew', () => {
    const req = (id: number, fsm: string, addr: string, hex: string) => `Vi2 IPCP: I CONFREQ [${fsm}] id ${id} len 10\nVi2 IPCP:    Address ${addr} (0x0306${hex})`;
    const nak = (id: number) => `Vi2 IPCP: O CONFNAK [REQsent] id ${id} len 10\nVi2 IPCP:    Address 10.1.1.5 (0x03060A010105)`;
    // the PC keeps asking 0.0.0.0 and never takes the offered address up: the second Nak may answer a retransmitted request, the third is the loop
    const log = [1, 2, 3].map((id) => [req(id, 'REQsent', '0.0.0.0', '00000000'), nak(id)].join('\n')).join('\n');
    expect(parse(log).entries.map((e) => e.outcome)).toEqual(['info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'info', 'warning']);
    expect(said(log, 12)).toContain('The same setting asked for again and again (3 times without agreement): IP-Address was asked 0.0.0.0, the answer each time 10.1.1.5');
    expect(said(log, 12, nl)).toContain('voor IP-Address werd 0.0.0.0 gevraagd, het antwoord telkens 10.1.1.5');
    // an Ack that way between ends the count
    const acked = [req(1, 'REQsent', '0.0.0.0', '00000000'), nak(1), req(2, 'REQsent', '0.0.0.0', '00000000'), nak(2), 'Vi2 IPCP: O CONFACK [REQsent] id 3 len 10', req(4, 'REQsent', '0.0.0.0', '00000000'), nak(4)].join('\n');
    expect(parse(acked).entries.every((e) => e.outcome === 'info')).toBe(true);
    // a Nak of an address the PC asked for by value is the router refusing it: a warning, said from the router's side
    expect(parse([req(1, 'REQsent', '10.9.9.9', '0A090909'), nak(1)].join('\n')).entries[3]!.outcome).toBe('warning');
    expect(said([req(1, 'REQsent', '10.9.9.9', '0A090909'), nak(1)].join('\n'), 4, nl)).toContain('De router vraagt om een andere waarde voor deze instelling: IP-Address 10.1.1.5');
    // the next session on the link (a request from Closed) starts without the last one's Naks
    const next = [req(1, 'REQsent', '0.0.0.0', '00000000'), nak(1), req(2, 'REQsent', '0.0.0.0', '00000000'), nak(2), req(1, 'Closed', '0.0.0.0', '00000000'), nak(1)].join('\n');
    expect(parse(next).entries[11]!.outcome).toBe('info');
    // an MRU Naked from the PC is a counter-proposal; an IPCP Nak of a DNS the PC asked 0.0.0.0 for is the DNS offered (RFC 1877)
    expect(said('Vi3 LCP: O CONFREQ [REQsent] id 1 len 8\nVi3 LCP:    MRU 1492 (0x010405D4)\nVi3 LCP: I CONFNAK [REQsent] id 1 len 8\nVi3 LCP:    MRU 1500 (0x010405DC)', 4)).toContain('a counter-proposal for the packet size, MRU 1500');
    expect(parse('Vi4 IPCP: I CONFREQ [REQsent] id 1 len 10\nVi4 IPCP:    PrimaryDNS 0.0.0.0 (0x810600000000)\nVi4 IPCP: O CONFNAK [REQsent] id 1 len 10\nVi4 IPCP:    PrimaryDNS 10.0.0.53 (0x81060A000035)').entries[3]!.outcome).toBe('info');
    // a Configure-Reject is judged on its option lines (ppp-reject.ts): its packet line is none of it
    const rej = parse('Vi5 LCP: O CONFREJ [REQsent] id 9 len 8\nVi5 LCP:    AuthProto PAP (0x0304C023)').entries;
    expect(rej.map((e) => [e.outcome, e.cause])).toEqual([['info', undefined], ['failure', 'auth-protocol-mismatch']]);
  });
});

describe('IOS link sides and LCP timeouts (crafted)', () => {
  const pptpServer = ['Tnl 17 PPTP: CC I SCCRQ', 'Tnl 17 PPTP: CC O SCCRP', 'Vi1 Tnl/Cl 17/17 PPTP: CC I OCRQ', 'Vi1 LCP: O CONFREQ [Closed] id 1 len 15', 'Vi1 LCP:    AuthProto MS-CHAP-V2 (0x0305C22381)'];
  const timeouts = ['Vi1 LCP: TIMEout: State REQsent', 'Vi1 LCP: O CONFREQ [REQsent] id 2 len 15', 'Vi1 LCP: TIMEout: State REQsent', 'Vi1 LCP: O CONFREQ [REQsent] id 3 len 15', 'Vi1 LCP: TIMEout: State REQsent'];

  it('a PPTP server whose LCP never hears the PC: GRE does not get through (said once, at the second timeout)', () => {
    const text = [...pptpServer, ...timeouts].join('\n');
    const r = parse(text);
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[8, 'no-ppp-frames']]);
    expect(said(text, 8)).toContain('Nothing has come from the PC yet');
    expect(said(text, 8)).toContain('GRE (IP protocol 47) is blocked');
    expect(said(text, 8, nl)).toContain('GRE (IP-protocol 47) wordt tussen de pc en deze router geblokkeerd');
    expect(explainServerLogs([r], en).findings.map((f) => f.id)).toContain('vpn.gre-blocked');
  });

  it('one LCP packet from the PC and the timeouts are only waiting; on L2TP they are no GRE matter', () => {
    expect(parse([...pptpServer, 'Vi1 LCP: I CONFREQ [REQsent] id 1 len 10', ...timeouts].join('\n')).entries.some((e) => e.cause)).toBe(false);
    const l2tp = ['Tnl 4875 L2TP: I SCCRQ from LAC', ...pptpServer.slice(3), ...timeouts].join('\n');
    const r = parse(l2tp);
    expect(r.entries.some((e) => e.cause)).toBe(false);
    expect(said(l2tp, 6)).toContain('UDP 1701');
  });

  it("another protocol's timer, or LCP past REQsent, is a plain retry", () => {
    expect(said('Vi1 IPCP: TIMEout: State ACKrcvd', 1)).toBe('IPCP: the timer ran out waiting for an answer (state ACKrcvd).');
    expect(parse('Vi1 IPCP: TIMEout: State ACKrcvd').entries[0]!.outcome).toBe('warning');
    // closing: the Terminate-Request unanswered, the link closes anyway (the guide's CHAP and PAP failure samples)
    expect(parse('Vi1 LCP: TIMEout: State TERMsent').entries[0]!.outcome).toBe('info');
  });

  it("a client link's refused login and disconnect are the router's own, not error 691 on a PC", () => {
    const client = ['Vi1 PPP: Treating connection as a callout', 'Vi1 PPP: Phase is AUTHENTICATING, by the peer', 'Vi1 CHAP: I CHALLENGE id 1 len 24 from "BAS"', 'Vi1 CHAP: O RESPONSE id 1 len 30 from "router@isp"', 'Vi1 CHAP: I FAILURE id 1 len 25 msg is "Authentication failed"', 'Vi1 PPP DISC: User failed CHAP authentication'].join('\n');
    const r = parse(client);
    expect(r.entries.some((e) => e.cause || e.user)).toBe(false);
    expect(said(client, 5)).toContain("The other side refused this router's own login");
    expect(said(client, 6)).toContain("It was the router's own login that failed");
    expect(explainServerLogs([r], en).findings).toEqual([]);
  });

  it('after SENDAUTH FAIL, the disconnect is the router\'s own; on a server link it stays the PC\'s password', () => {
    const own = ['Vi2 PPP: Received SENDAUTH Response FAIL', 'Vi2 PPP DISC: User failed CHAP authentication'].join('\n');
    expect(parse(own).entries.some((e) => e.cause)).toBe(false);
    const server = ['Vi2 PPP: Phase is AUTHENTICATING, by this end', 'Vi2 PPP DISC: User failed CHAP authentication'].join('\n');
    expect(parse(server).entries.filter((e) => e.cause).map((e) => [e.line, e.cause])).toEqual([[2, 'credentials-rejected']]);
    expect(said(server, 1)).toBe("On Vi2 this router checks the other side's login: it is the server and the PC logs in to it.");
    expect(said('ppp61 PPP: Treating connection as a callin', 1)).toBe('On ppp61 the other side dialled in: this router is the server of this link.');
  });

  it("a client link's other disconnects carry no PC cause either (the router's own MPPE, its own AAA)", () => {
    const text = ['Vi1 PPP: Treating connection as a callout', 'Vi1 PPP DISC: Could not negotiate MPPE', 'Vi1 PPP DISC: AAA Server did not respond'].join('\n');
    expect(parse(text).entries.map((e) => [e.outcome, e.cause])).toEqual([['info', undefined], ['warning', undefined], ['warning', undefined]]);
    expect(parse('Vi1 PPP DISC: Could not negotiate MPPE').entries[0]!.cause).toBe('mppe-unavailable');
  });

  it('the next session on the same interface starts without the last one\'s side', () => {
    const text = ['Vi1 PPP: Phase is AUTHENTICATING, by the peer', 'Vi1 PPP: Phase is DOWN', 'Vi1 LCP: I CONFREQ [Listen] id 1 len 10'].join('\n');
    expect(said(text, 2)).toBe('PPP step: Phase is DOWN.');
    expect(said(text, 3)).toContain('LCP Configure-Request from the PC (id 1)');
  });

  it('an option line whose blanks a copy collapsed is read by its bytes; a step with a hex value in brackets is not', () => {
    expect(said('Vi1 LCP: MRU 1454 (0x010405AE)', 1)).toBe('LCP option: MRU 1454');
    // its length octet (0x09) does not count the five bytes: no option
    expect(said('Vi1 LCP: Something odd (0x0109AABBCC)', 1)).toBe('PPP step: Something odd (0x0109AABBCC).');
  });
});

/**
 * `debug ip packet [detail]` (families/ios-ip-packet.ts): the Cisco IOS Debug Command Reference's sample, read by hand — forwarded
 * and received packets, and one an access list refused, whose line names no protocol or port: a drop warning without a cause.
 */
describe('Cisco IOS debug ip packet', () => {
  realServerLogTable({
    'ios-debug-ip-packet-command-reference-forward-rcvd-access-denied.txt': {
      records: 10,
      understood: 10,
      families: { ios: 10 },
      causes: [],
      says: [
        [2, 'IP packet from 172.16.13.44 (Fddi0) to 10.125.254.1 (Serial2): forward (debug ip packet).'],
        [4, 'IP packet from 172.16.1.6 (Ethernet4) to 255.255.255.255: rcvd 2'],
        [10, 'An access list on the router dropped a packet from 172.16.1.57 (Ethernet4) to 10.36.125.2 (Serial2) (access denied)'],
      ],
    },
  });
  it('a denied packet is that VPN\'s traffic dropped only where its protocol and port are said: on the line (joined) or on the detail line under it', () => {
    const head = '*Mar  1 00:15:23.456: IP: s=192.0.2.7 (Dialer0), d=198.51.100.1 (Dialer0), len 48, access denied';
    const pptp = parse(`${head}\n    TCP src=1056, dst=1723, seq=1, ack=0, win=16384 SYN`).entries;
    expect(pptp.map((e) => [e.line, e.outcome, e.cause, e.peer])).toEqual([[1, 'warning', undefined, '192.0.2.7'], [2, 'failure', 'pptp-control-blocked', '192.0.2.7']]);
    expect(describeEntry(pptp[1]!, en)).toBe('An access list on the router dropped PPTP (TCP 1723) from 192.0.2.7 (Dialer0) to 198.51.100.1 (Dialer0) (access denied): this VPN traffic does not get through.');
    expect(describeEntry(pptp[1]!, nl)).toBe('Een toegangslijst op de router liet PPTP (TCP 1723) van 192.0.2.7 (Dialer0) naar 198.51.100.1 (Dialer0) niet door (access denied): dit VPN-verkeer komt niet aan.');
    expect(parse(`${head}\n    UDP src=500, dst=500`).entries[1]!.cause).toBe('ike-init-unanswered');
    expect(parse(`${head}\n    UDP src=4500, dst=4500`).entries[1]!.cause).toBe('ike-init-unanswered');
    // without a time the indented line is joined to the packet line: the same reading from the one record
    const gre = parse('IP: s=192.0.2.7 (Dialer0), d=198.51.100.1, len 68, access denied\n    proto=47').entries;
    expect(gre.map((e) => [e.outcome, e.cause])).toEqual([['failure', 'no-ppp-frames']]);
    expect(parse('IP: tableid=0, s=192.0.2.7 (Dialer0), d=198.51.100.1 (Dialer0), routed via RIB').entries[0]).toMatchObject({ family: 'ios', outcome: 'info' });
  });
  it('a detail line names a service only under a denied packet; another port is no VPN\'s', () => {
    const rcvd = parse('*Mar  1 00:15:23.456: IP: s=192.0.2.7 (Dialer0), d=198.51.100.1, len 48, rcvd 3\n    TCP src=1056, dst=1723, seq=1, ack=0, win=16384 SYN').entries;
    expect(rcvd.map((e) => [e.outcome, e.cause])).toEqual([['info', undefined], ['info', undefined]]);
    const web = parse('*Mar  1 00:15:23.456: IP: s=192.0.2.7 (Dialer0), d=198.51.100.1, len 48, access denied\n    TCP src=1056, dst=443, seq=1, ack=0, win=16384 SYN').entries;
    expect(web.map((e) => [e.outcome, e.cause])).toEqual([['warning', undefined], ['info', undefined]]);
  });
});
