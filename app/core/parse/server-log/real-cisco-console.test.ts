import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Cisco ASA and IOS console copies nobody here had seen before round 35 (test/fixtures/real/SOURCES.md): each row fails without
 * the fix named above it; then the class's variants and near misses.
 */

const ROWS: Record<string, RealServerLogRow> = {
  // was "no line in a known format": the ASA console's `[IKEv1]` head with the text's first word glued to it (`[IKEv1]Group = …`)
  'asa-console-glued-ikev1-head-lab-notes-qm-fsm-error-crypto-map-policy-not-found.txt': {
    records: 12,
    understood: 12,
    families: { asa: 12 },
    // (713259's reason `crypto map policy not found`: the proxies fit no crypto map entry — the only sign here, no 713061 logged)
    causes: [[3, 'traffic-selector-mismatch'], [6, 'traffic-selector-mismatch'], [9, 'traffic-selector-mismatch'], [12, 'traffic-selector-mismatch']],
    says: [
      [2, 'a consequence of the failure above'],
      [3, 'Session ended: crypto map policy not found.'],
    ],
    peer: '172.16.0.2',
  },
  // 7 lines were not understood: IOS-XE's `IPCP AUTHOR:` address check, the neighbor route put into and taken out of the AVL
  // tree, `ppp_session_ntfy` (families/ios-ppp-platform.ts); a PPPoE server's own session, the PC's login accepted
  'ios-xe-csr-pppoe-server-clear-session-chap-success-ipcp-author-avl-route-platform-notify.txt': {
    records: 98,
    understood: 98,
    families: { ios: 98 },
    causes: [],
    says: [
      [12, 'The PPP session on Vi1.1 is taken out of the router\'s forwarding.'],
      [20, 'Route to the other end of Vi1.1 (172.20.1.2) removed.'],
      [70, 'CHAP SUCCESS to the PC.'],
      // the PC's MRU Nak and the router's Nak with the pool address: normal steps of the negotiation, no warnings (ios-nak.ts)
      [51, 'A normal step: a counter-proposal for the packet size, MRU 1500'],
      [84, 'A normal step: the request asked for a value to be given (0.0.0.0), and this is the one offered: IP-Address 172.20.1.3'],
      [80, 'IPCP address check with AAA (Start): the other end asks for 0.0.0.0, the router means to give it 0.0.0.0.'],
      [96, 'Route to the other end of Vi1.1 (172.20.1.3) added.'],
    ],
  },
  // 8 lines were not understood: the prompt whose command debug output cut (`HQ#clea`), the ID payload's indented fields after the
  // first, `bring down existing …` under `Process initial contact,`; RECVD_PKT_INV_SPI was a plain system message
  'ios-xe-console-clear-crypto-sa-typing-cut-by-debug-invalid-spi-isakmp-id-payload-fields.txt': {
    records: 171,
    understood: 171,
    families: { ios: 171 },
    causes: [],
    says: [
      [2, "Typed at the router's prompt (not a log line): clea."],
      [23, 'An ESP packet from 103.1.1.1 belongs to an IPsec SA this router does not have (any more) (SPI 0x3EA71AED)'],
      [118, 'ID payload next-payload : 8 type : 1'],
      [137, "Process initial contact, bring down existing phase 1 and 2 SA's"],
      [132, 'IKE phase 1 authenticated with 103.1.1.1.'],
    ],
  },
  // 2 lines were not understood: the system messages without a header (no `service timestamps`); RECVD_PKT_INV_SPI with a backtick
  'ios-debug-crypto-book-copy-no-timestamps-hsrp-failover-invalid-spi-backtick-author-markers.txt': {
    records: 16,
    understood: 16,
    families: { ios: 16 },
    causes: [],
    says: [
      [2, 'IOS message %HSRP-5-STATECHANGE: FastEthernet0/0.100 Grp 1 state Standby -> Active (#1)'],
      [4, 'An ESP packet from 1.1.56.6 belongs to an IPsec SA this router does not have (any more) (SPI 0x33C701EA)'],
    ],
  },
};

describe('real Cisco console copies (round 35)', () => {
  realServerLogTable(ROWS);
});

describe('the ASA console head glued to its text (families/asa.ts consoleText)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('reads `[IKEv1]IP = …`, `[IKEv1 DEBUG]Group = …` and the head without a time, and names the peer', () => {
    for (const line of [
      'Feb 16 13:36:40 [IKEv1]IP = 203.0.113.9, No crypto map bound to interface... dropping pkt',
      'Feb 16 13:36:40 [IKEv1 DEBUG]Group = 203.0.113.9, IP = 203.0.113.9, All SA proposals found unacceptable',
      '[IKEv1]Group = 203.0.113.9, IP = 203.0.113.9, Session is being torn down. Reason: crypto map policy not found',
    ]) expect([one(line)?.family, one(line)?.peer], line).toEqual(['asa', '203.0.113.9']);
  });
  it('a bracket glued to any other word is no ASA head', () => {
    expect(one('Feb 16 13:36:40 [IKEv1]Foo = 203.0.113.9, x')?.family).not.toBe('asa');
    expect(one('Feb 16 13:36:40 [IKEv1]Group 203.0.113.9')?.family).not.toBe('asa');
  });
});

describe("IOS-XE's lines around a PPP session (families/ios-ppp-platform.ts)", () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('reads the IPv6CP address check too, and the platform notice names its interface as the session', () => {
    expect(one('*Sep  6 08:24:05.279: Vi2 IPV6CP AUTHOR: Done.  Her address ::, we want ::')?.family).toBe('ios');
    const e = one('*Sep  6 08:24:05.285: ppp_session_ntfy, topswidb Vi2.1, va Vi2.1, platform notify 0');
    expect([e?.family, e?.session, e?.outcome]).toEqual(['ios', 'Vi2.1', 'info']);
  });
  it('an interface name followed by other words about an AVL tree is not taken', () => {
    expect(one('*Sep  6 08:24:05.287: Vi1.1 Rebalanced AVL tree: topoid 1, address 172.20.1.3')?.family).not.toBe('ios');
  });
});

describe('IOS debug crypto isakmp records over several lines, a prompt cut short (detect.ts continuesIosIsakmp, families/ios.ts)', () => {
  const parse = (text: string) => parseServerLog(text);
  it("an ID payload's indented fields are the payload line's; a line with its own header or a capital is not", () => {
    const r = parse(['ISAKMP:(1003):ID payload', '\tnext-payload : 8', '\ttype         : 1', '\tport         : 500', 'ISAKMP:(1003):Total payload length: 12'].join('\n'));
    expect([r.records, r.unknown]).toEqual([2, 0]);
    expect(parse(['ISAKMP: (1003):Process initial contact,', 'Bring down existing phase 1'].join('\n')).records).toBe(2);
  });
  it("IOS 12's `ISAKMP (0:1):` head too, and `SA authentication status:` its value; an event quote's indented field pasted below is not the record's", () => {
    expect(parse(['ISAKMP (0:1): ID payload', '\tnext-payload : 8', '\ttype         : 1', '\taddress      : 10.1.1.1', 'ISAKMP (0:1): Total payload length: 12'].join('\n')).records).toBe(2);
    expect(parse(['ISAKMP: (1003):SA authentication status:', '        authenticated'].join('\n')).records).toBe(1);
    const quote = ['   Event ID   : 20103', '   Source     : Router', '   Description: Unable to load C:\\WINNT\\system32\\ipxrtmgr.dll. '];
    expect(parse(['ISAKMP: (1003):Old State = IKE_QM_R_QM2  New State = IKE_QM_PHASE2_COMPLETE', ...quote].join('\n')).records).toBe(1 + parse(quote.join('\n')).records);
  });
  it('only the start of a command the prompt rule knows is a cut prompt', () => {
    expect(parse('HQ#clea').entries[0]?.family).toBe('ios');
    expect(parse('HQ#zebra').unknown).toBe(1);
  });
  it('RECVD_PKT_INV_SPI names the peer and is a warning without a cause', () => {
    const e = parse("*Oct 24 04:31:10.058: %CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=192.0.2.1, prot=50, spi=0x3EA71AED(1051138797), srcaddr=198.51.100.7").entries[0]!;
    expect([e.peer, e.outcome, e.cause]).toEqual(['198.51.100.7', 'warning', undefined]);
  });
});

describe('an IOS system message without a header (families/ios.ts BARE_SYSTEM_MESSAGE)', () => {
  it("is the router's; an ASA's numeric id and a word that is no mnemonic are not", () => {
    expect(parseServerLog('%LINEPROTO-5-UPDOWN: Line protocol on Interface Virtual-Access2, changed state to up').entries[0]?.family).toBe('ios');
    expect(parseServerLog('%ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 10.0.0.2 : user = bob').entries[0]?.family).toBe('asa');
    expect(parseServerLog('%Discount-5-OFF: today').unknown).toBe(1);
  });
});
