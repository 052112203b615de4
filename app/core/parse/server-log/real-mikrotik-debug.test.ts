import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * RouterOS debug lines of its L2TP and PPP servers and the Winbox copy they came in (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md): the Topics column as Winbox shows it (`l2tp, ppp, debug`) with ` | ` before the message, L2TP
 * control messages and their AVP lines, tunnel states, PPP packets and their option lines, a PPP layer opened, an interface the
 * administrator named.
 */

const t = engineT('en');
const nl = engineT('nl');
const say = (text: string, lang = t): string[] => parseServerLog(text).entries.map((e) => describeEntry(e, lang));

const EXPECTED: Record<string, RealServerLogRow> = {
  // a working L2TP/IPsec session to a RouterOS server (a Linux client), its debug log as copied from Winbox; the author's `...`
  // between rows (left out lines) stay not understood
  'routeros-winbox-copy-l2tp-debug-control-messages-chap-success-ipcp-opened.txt': {
    records: 20,
    understood: 15,
    families: { mikrotik: 15 },
    causes: [],
    says: [
      [1, 'The router received an L2TP control message from 172.16.20.254'],
      [3, 'The first L2TP packet arrived from 172.16.20.254'],
      [4, "L2TP tunnel 17 is now in the state wait-ctl-conn. The router has answered the other side's request to open the tunnel and waits for its confirmation (SCCCN)."],
      [7, 'CHAP Success to the PC (id 0x1)'],
      [10, 'Option of the PPP packet above: addr 172.16.21.254.'],
      [11, 'IPCP opened'],
      [12, 'PPP session: connected.'],
      [16, 'LCP EchoRep from the PC (id 0x0)'],
      [19, 'Message-Type = HELLO (an attribute, AVP). It checks that the tunnel is still there, a keepalive (HELLO).'],
      [20, 'It only acknowledges the other side'],
    ],
  },
  // RouterOS 6 dialing out (l2tp-out1) with l2tp debug on: its SCCRQ, and the server's StopCCN at once — Result-Code 2 with the
  // server's own text; the control message lines name the other side alone, the header and the optional AVPs have no `(M)`
  'routeros6-l2tp-client-debug-sccrq-answered-stopccn-general-error-message.txt': {
    records: 23,
    understood: 23,
    families: { mikrotik: 23 },
    causes: [],
    says: [
      [4, 'The router sent an L2TP control message to XX.XX.XX.XX.'],
      [5, 'tunnel 0, session 0 (as the receiver numbers them; 0: not yet known), sequence numbers Ns 0, Nr 0.'],
      [10, 'Firmware-Revision = 0x1 (an attribute, AVP).'],
      [15, 'The router received an L2TP control message from XX.XX.XX.XX'],
      [18, 'StopCCN result code 2: a general error; the error code says which'],
      [19, 'Error code 0: no general error'],
      [20, 'The other side closed the tunnel (or the call); its reason in its own words: "No cc config for Linux".'],
      [22, 'It only acknowledges the other side'],
    ],
  },
  // a Windows PC's PPTP connection to RouterOS 6 with pptp debug on: its Start-Control-Connection-Request (vendor Microsoft Windows
  // NT), the router's reply with result code 1, the PC's Outgoing-Call-Request; the terminal's 80-column wrap cut the first message's
  // address (`71.127.78.` / `174`): that piece stays not understood, the cut address is no peer
  'routeros6-pptp-debug-windows-sccrq-sccrp-accepted-ocrq-wrapped-address.txt': {
    records: 27,
    understood: 26,
    families: { mikrotik: 26 },
    causes: [],
    says: [
      [2, 'PPP session: waiting for a call.'],
      [3, 'PPTP control message from 71.127.78.: Start-Control-Connection-Request (TCP 1723).'],
      [11, "vendor-name = Microsoft Windows NT. That is Windows' own PPTP client."],
      [12, 'The router sent a PPTP control message to 71.127.78.174: Start-Control-Connection-Reply'],
      [14, 'result-code = 1. Result code 1: accepted (RFC 2637).'],
      [22, 'Outgoing-Call-Request'],
      [27, 'bearer-type = 3'],
    ],
  },
};

describe('real RouterOS debug logs', () => {
  realServerLogTable(EXPECTED);
});

describe('RouterOS debug classes', () => {
  it('the Winbox copy: topics with blanks and ` | ` read like the memory log, the same sentence either way', () => {
    const winbox = say('l2tp, ppp, info | <l2tp-anna>: authenticated');
    expect(winbox).toEqual(say('10:00:00 l2tp,ppp,info <l2tp-anna>: authenticated'));
    expect(winbox[0]).toBe('PPP session: authenticated.');
    // a topic RouterOS does not have is no topic list
    expect(parseServerLog('l2tp, banana | <l2tp-anna>: authenticated').entries[0]?.family).not.toBe('mikrotik');
  });

  it('an L2TP control message names its peer; its Message-Type AVP is decoded (RFC 2661 §3.2)', () => {
    const r = parseServerLog(['l2tp,debug,packet rcvd control message from 198.51.100.7:1701 to 203.0.113.1:1701', '  (M) Message-Type=StopCCN', '  (M) Message-Type=SCCRQ', '  (M) Result-Code=1'].join('\n'));
    expect(r.entries[0]!.peer).toBe('198.51.100.7');
    const en = r.entries.map((e) => describeEntry(e, t));
    expect(en[1]).toContain('It closes the L2TP tunnel (StopCCN');
    expect(en[2]).toContain('It asks to open an L2TP tunnel (SCCRQ');
    expect(en[3]).toBe('Part of the L2TP message above: Result-Code = 1 (an attribute, AVP).');
  });

  it('a closing message\'s Result-Code is read by its type (RFC 2661 §4.4.2), its Error-Message by whose it is; a masked peer is no peer', () => {
    const sent = parseServerLog(['l2tp,debug,packet sent control message to 198.51.100.7:1701', 'l2tp,debug,packet (M) Message-Type=CDN', 'l2tp,debug,packet (M) Result-Code=3', 'l2tp,debug,packet Error-Message="bye"'].join('\n'));
    expect(sent.entries[0]!.peer).toBe('198.51.100.7');
    const en = sent.entries.map((e) => describeEntry(e, t));
    expect(en[2]).toContain('CDN result code 3: the call ended for administrative reasons');
    expect(en[3]).toContain('The router closed the tunnel (or the call)');
    expect(sent.entries[3]!.outcome).toBe('info');
    expect(parseServerLog('l2tp,debug,packet rcvd control message from XX.XX.XX.XX:1701').entries[0]!.peer).toBeUndefined();
    // a name=value line that names no L2TP attribute is no AVP
    expect(parseServerLog('l2tp,debug,packet Something-Else=1').understood).toBe(0);
    for (const s of sent.entries.map((e) => describeEntry(e, nl))) expect(s).not.toMatch(/\{\{|serverLog\./);
  });

  it('a PPTP control message by its RFC 2637 name only; a refused reply the router sends is a warning, no cause; a field is no field after another name', () => {
    const r = parseServerLog(['pptp,debug,packet sent Outgoing-Call-Reply to 198.51.100.7', 'pptp,debug,packet result-code=7', 'pptp,debug,packet error-code=0'].join('\n'));
    expect(r.entries[0]!.peer).toBe('198.51.100.7');
    expect([r.entries[1]!.outcome, r.entries[1]!.cause]).toEqual(['warning', undefined]);
    expect(describeEntry(r.entries[1]!, t)).toContain('Result code 7: the router refused the request');
    expect(describeEntry(r.entries[1]!, nl)).toContain('Resultaatcode 7: de router weigerde het verzoek');
    // a result code in a request is only a field
    expect(parseServerLog(['pptp,debug,packet rcvd Outgoing-Call-Request from 198.51.100.7', 'pptp,debug,packet result-code=2'].join('\n')).entries[1]!.outcome).toBe('info');
    expect(parseServerLog('pptp,debug,packet rcvd Some-Other-Thing from 198.51.100.7').understood).toBe(0);
  });

  it("a PPP packet of a server session is the router's to the PC; a CHAP Failure sent is the PC's log-in refused", () => {
    const r = parseServerLog('l2tp,ppp,debug,packet <198.51.100.7>: sent CHAP Failure id=0x2');
    expect(r.entries[0]!.cause).toBe('credentials-rejected');
    expect(r.entries[0]!.peer).toBe('198.51.100.7');
    expect(describeEntry(r.entries[0]!, t)).toContain('CHAP Failure to the PC');
  });

  it('a named interface is a session only under a ppp topic', () => {
    expect(say('l2tp,ppp,info L2TP-IF: disconnected')).toEqual(['PPP session: disconnected.']);
    expect(parseServerLog('l2tp,ppp,info L2TP-IF: disconnected').entries[0]!.session).toBe('L2TP-IF');
    expect(parseServerLog('12:00:00 script,info L2TP-IF: disconnected').entries[0]?.decoded[0]?.key).not.toBe('step.mtSession');
  });

  it('Dutch has every new sentence', () => {
    const text = ['l2tp,debug tunnel 3 entering state: established', 'l2tp,debug session 4 entering state: wait-connect', 'l2tp,ppp,debug <198.51.100.7>: LCP opened', 'l2tp,ppp,debug,packet <mru 1450>', '  (M) Message-Type=ICCN', 'pptp,info TCP connection established from 198.51.100.9'].join('\n');
    const out = say(text, nl);
    expect(out).toHaveLength(6);
    for (const s of out) expect(s).not.toMatch(/\{\{|serverLog\.|The |router's/);
    expect(out[5]).toBe('Er kwam een TCP-verbinding binnen van 198.51.100.9 naar de PPTP-server van de router (TCP 1723): een VPN-client die PPTP start, of een andere computer die de poort probeert.');
  });
});

describe('RouterOS dialing out as the IPsec initiator: the other side is the responder, not the PC', () => {
  const INIT = '10:00:00 ipsec,info initiate new phase 1 (Identity Protection): 192.0.2.10[500]<=>198.51.100.20[500]';
  const TIME_UP = '10:00:40 ipsec,error phase1 negotiation failed due to time up 192.0.2.10[500]<=>198.51.100.20[500] 1a2b3c4d5e6f7a8b:0000000000000000';

  it('a time-up with a peer the router started IKE with is that responder not answering, said without the PC', () => {
    const r = parseServerLog([INIT, TIME_UP].join('\n'));
    expect(r.entries.map((e) => [e.line, e.cause ?? null, e.peer])).toEqual([[1, null, '198.51.100.20'], [2, 'ike-responder-unreachable', '198.51.100.20']]);
    expect(describeEntry(r.entries[0]!, t)).toBe('The router starts IPsec with 198.51.100.20 (IKEv1 Main Mode): it dials out itself, as the initiator.');
    for (const lang of [t, nl]) expect(describeEntry(r.entries[1]!, lang)).not.toMatch(/the PC\b|de pc\b/);
    expect(describeEntry(r.entries[1]!, t)).toMatch(/^The other side \(198\.51\.100\.20\) did not answer the router's IPsec set-up in time/);
  });

  it('the same time-up without the router starting it is still the PC that stopped answering', () => {
    const r = parseServerLog(TIME_UP);
    expect(r.entries[0]!.cause).toBe('ike-no-mi3');
    // and a peer the router dialed does not change another peer's time-up
    const other = parseServerLog([INIT, TIME_UP.replace(/198\.51\.100\.20/g, '203.0.113.77')].join('\n'));
    expect(other.entries[1]!.cause).toBe('ike-no-mi3');
  });

  it("a refused proposal with that peer is this side's and the responder's", () => {
    const r = parseServerLog([INIT, '10:00:01 ipsec,error 198.51.100.20 failed to get valid proposal.'].join('\n'));
    expect(r.entries[1]!.cause).toBe('ike-no-proposal');
    expect(describeEntry(r.entries[1]!, t)).toContain('of this side and of the other side (the responder)');
  });
});
