import { describe, expect, it } from 'vitest';
import { readRepoText, sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * PPP and L2TP logs worded by the side that wrote them (split from initiator-wording.test.ts): on a server's log the other side
 * is the PC; on a client's — a PPTP client's pty, xl2tpd dialling out as a LAC, NetworkManager's pppd plugin — it is the server,
 * and the findings are that side's. Both languages.
 */

const en = engineT('en');
const nl = engineT('nl');
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const explain = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t);
/** the PC named as the other side, in either language */
const NAMES_PC = /\bPC\b|\bpc\b/;

// pppd's texts (lcp.c LcpLinkFailure, fsm.c "LCP: timeout sending Config-Requests", chap-new.c's client "CHAP authentication
// succeeded" against the server's "CHAP peer authentication succeeded for …", a PPTP client's pty `Script pptp … started`)
const PPP_CLIENT_HEAD = ['pppd[1234]: Script pptp vpn.example.com --nolaunchpppd  started (pid 1235)', 'pppd[1234]: Using interface ppp0', 'pppd[1234]: Connect: ppp0 <--> /dev/pts/2'];
const PPP_GONE = ['pppd[1234]: No response to 4 echo-requests', 'pppd[1234]: Serial link appears to be disconnected.'];

describe('PPP: the other side went away, read from the side that wrote the log', () => {
  it("a server's log: the PC stopped answering (as before)", () => {
    const log = ['pppd[1234]: CHAP peer authentication succeeded for alice', ...PPP_GONE].join('\n');
    expect(explain(log).serverLogs[0]!.entries.slice(-2).map((e) => e.decoded)).toEqual([
      "The PC stopped answering the server's LCP echo requests (4 unanswered): the link to the PC was lost (the PC went away, or its network or the GRE/UDP path broke).",
      'pppd considers the link to the PC lost.',
    ]);
  });
  it("a client's log: the server stopped answering, in English and Dutch", () => {
    const log = [...PPP_CLIENT_HEAD, 'pppd[1234]: CHAP authentication succeeded', ...PPP_GONE].join('\n');
    for (const t of [en, nl]) {
      for (const e of explain(log, t).serverLogs[0]!.entries) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
    }
    expect(explain(log).serverLogs[0]!.entries.slice(-2).map((e) => e.decoded)).toEqual([
      "The server stopped answering this side's LCP echo requests (4 unanswered): the link to the server was lost (the server went away or dropped the session, or the network or the GRE/UDP path broke).",
      'pppd considers the link to the server lost.',
    ]);
  });
  it("a PPTP client's LCP time-out: the server's GRE does not come back; the finding is worded for the side that dialled", () => {
    const log = [...PPP_CLIENT_HEAD, 'pppd[1234]: LCP: timeout sending Config-Requests'].join('\n');
    const { findings, serverLogs } = explain(log);
    expect(serverLogs[0]!.entries.at(-1)!.decoded).toBe("LCP timed out: this side sent Configure-Requests and the server never answered — the server's PPP frames over GRE do not arrive here.");
    expect(findings.map((f) => [f.id, f.title])).toEqual([['vpn.gre-blocked', 'PPP over GRE never came back from the server: GRE is blocked on the way']]);
    expect(findings[0]!.summary).toMatch(/^The log \(x\.log\), from the side that started the connection, says: /);
    expect(explain(log, nl).findings[0]!.title).toBe('PPP via GRE kwam nooit terug van de server: GRE wordt onderweg geblokkeerd');
    // the same line in a server's log (nothing tells a client): the PC's GRE, as before
    expect(explain('pppd[1234]: LCP: timeout sending Config-Requests').findings[0]!.title).toBe('PPP over GRE never reached the server: GRE is blocked');
  });

  it("a desktop's VPN connection: NetworkManager's pppd plugin tells a client (a 2008 Ubuntu messages log quoted in a blog post)", () => {
    const log = ['pppd[28594]: Plugin /usr/lib/pppd/2.4.4/nm-pptp-pppd-plugin.so loaded.', 'pppd[28594]: pppd 2.4.4 started by root, uid 0', 'pppd[28594]: Using interface ppp0', 'pppd[28594]: Connect: ppp0 <--> /dev/pts/0', 'pppd[28594]: LCP: timeout sending Config-Requests'].join('\n');
    expect(explain(log).findings.map((f) => f.title)).toEqual(['PPP over GRE never came back from the server: GRE is blocked on the way']);
    // a plugin a server loads says nothing of the side
    expect(explain(['pppd[7]: Plugin radius.so loaded.', 'pppd[7]: LCP: timeout sending Config-Requests'].join('\n')).findings[0]!.title).toBe('PPP over GRE never reached the server: GRE is blocked');
  });
});

/**
 * Every other pppd and xl2tpd line that names the other side (pppd lcp.c, ccp.c, ipcp.c, auth.c, main.c get_input; the packet dump's
 * LCP Ident and Configure-Reject; xl2tpd control.c and avp.c): as the PC on a server's log, as the server on a client's — a PPTP
 * client's (`Script pptp …`) or xl2tpd dialling out as a LAC (`Connecting to host …`; real: a LAC dialling Windows RRAS,
 * xelerance/xl2tpd#227, the fixture pppd-xl2tpd-lac-windows-2008r2-rras-sccrp-vendor-microsoft.txt).
 */
const PEER_NAMED = [
  'pppd[1234]: rcvd [LCP Ident id=0x3 magic=0x4a7b1c2d "MSRASV5.20"]',
  'pppd[1234]: rcvd [LCP ConfRej id=0x1 <auth chap MS-v2>]',
  "pppd[1234]: Unsupported protocol 'Compression Control Protocol' (0x80fd) received",
  'pppd[1234]: Unsupported protocol 0x8281 received',
  "pppd[1234]: Protocol-Reject for 'Compression Control Protocol' (0x80fd) received",
  "pppd[1234]: Protocol-Reject for 'IPv6 Control Protocol' (0x8057) received",
  'pppd[1234]: CCP terminated by peer (No compression negotiated)',
  'pppd[1234]: Peer refused to agree to our IP address',
  'pppd[1234]: peer refused to authenticate: terminating link',
  'pppd[1234]: MPPE required but peer refused',
  'pppd[1234]: Could not determine remote IP address: defaulting to 10.64.64.64',
  'pppd[1234]: Cannot determine ethernet address for proxy ARP',
  'xl2tpd[99]: control_finish: Peer requested tunnel 7 twice, ignoring second one.',
  "xl2tpd[99]: hostname_avp: peer reports hostname 'vpn-gw'",
  "xl2tpd[99]: vendor_avp: peer reports vendor 'Microsoft'",
  "xl2tpd[99]: vendor_avp: peer reports vendor 'xelerance.com'",
];
const sayings = (log: string, t = en) => explain(log, t).serverLogs[0]!.entries.map((e) => e.decoded);

describe('PPP and L2TP: the other side named by the side that wrote the log', () => {
  it("a server's log: each line names the PC (as before)", () => {
    const said = sayings(['pppd[1234]: CHAP peer authentication succeeded for alice', ...PEER_NAMED].join('\n')).slice(1);
    expect(said).toHaveLength(PEER_NAMED.length);
    for (const [i, s] of said.entries()) expect(s, PEER_NAMED[i]).toMatch(/\bPC\b/);
  });
  // (a PPTP client's log holds no xl2tpd lines: its pppd's alone)
  for (const [name, head, lines] of [
    ['a PPTP client', PPP_CLIENT_HEAD, PEER_NAMED.filter((l) => l.startsWith('pppd'))],
    ['xl2tpd dialling out (a LAC)', ['xl2tpd[99]: Connecting to host 198.51.100.7, port 1701'], PEER_NAMED],
  ] as const) {
    it(`${name}'s log: each line names the server, none the PC, in English and Dutch`, () => {
      const log = [...head, ...lines].join('\n');
      const said = sayings(log).slice(head.length);
      expect(said).toHaveLength(lines.length);
      for (const [i, s] of said.entries()) expect(s, lines[i]).toMatch(/\bserver\b/);
      for (const s of sayings(log, nl)) expect(s).not.toMatch(NAMES_PC);
      for (const s of said) expect(s).not.toMatch(NAMES_PC);
    });
  }
  it('lines before the one that tells the side are worded by it once it comes (a LAC\'s `Calling on tunnel` after the SCCRP\'s AVPs)', () => {
    const log = ["xl2tpd[99]: vendor_avp: peer reports vendor 'Microsoft'", "xl2tpd[99]: hostname_avp: peer reports hostname 'vpn-gw'", 'xl2tpd[99]: Calling on tunnel 29027'].join('\n');
    expect(sayings(log).slice(0, 2)).toEqual(["The server's L2TP software reports vendor Microsoft: Windows' own remote access server (RRAS).", 'The server gives its name as vpn-gw.']);
    expect(sayings(log, nl)[1]).toBe('De server noemt zich vpn-gw.');
    // without that line: the PC's, as on a server's log
    expect(sayings(log.split('\n').slice(0, 2).join('\n'))[1]).toBe('The PC gives its name as vpn-gw.');
    // a packet dump's every statement waits, not only the packet's own: its LCP Ident is the server's once pppd's own log-in tells
    const ident = ['pppd[7]: rcvd [LCP Ident id=0x3 magic=0x4a7b1c2d "MSRASV5.20"]', 'pppd[7]: CHAP authentication succeeded'].join('\n');
    expect(sayings(ident)[0]).toContain('The server identifies itself as Windows remote access (MSRASV5.20)');
  });
  it('real: a LAC dialling Windows Server 2008 R2 — the server gives its name and is Windows RRAS, not a Windows client', () => {
    const said = sayings(real('pppd-xl2tpd-lac-windows-2008r2-rras-sccrp-vendor-microsoft.txt'));
    expect(said[14]).toBe('The server gives its name as WS2008R2-WH1.');
    for (const s of said) expect(s).not.toMatch(NAMES_PC);
  });
});


/**
 * The findings of a PPTP/L2TP client's own log (its pppd refused by the server, or refusing it): titled and advised for that
 * side (serverLog.causeAsInitiator), never "on the PC"; and never matched with a PC's RasClient event — no Windows PC's attempt
 * wrote it (correlate.ts). A server's log keeps the PC's wording.
 */
describe("a PPP client's own log: its findings are that side's", () => {
  it.each([
    ['pppd-pptp-client-nm-ms-chap-e691-then-call-clear.txt', 'The server rejected the user name or password this side sent (MS-CHAP error 691)', 'De server weigerde de gebruikersnaam of het wachtwoord dat deze kant stuurde (MS-CHAP-fout 691)'],
    ['pppd-pptp-client-nm-bbcode-rcvd-chap-failure-e691.txt', 'The server rejected the user name or password this side sent (MS-CHAP error 691)', 'De server weigerde de gebruikersnaam of het wachtwoord dat deze kant stuurde (MS-CHAP-fout 691)'],
  ])('real: %s — the server refused its secret', (name, title, titleNl) => {
    const f = explain(real(name)).findings.find((x) => x.id === 'events.ras-error')!;
    expect(f.title).toBe(title);
    expect(f.summary).not.toMatch(/On the PC:|the PC's/);
    expect(explain(real(name), nl).findings.find((x) => x.id === 'events.ras-error')!.title).toBe(titleNl);
  });

  it("pppd making up the server's address on a client (`Could not determine remote IP address`) is no empty address pool", () => {
    const line = 'pppd[1234]: Could not determine remote IP address: defaulting to 10.64.64.64';
    expect(explain([...PPP_CLIENT_HEAD, line].join('\n')).findings.map((f) => f.id)).not.toContain('server.address-pool');
    expect(explain(line).findings.map((f) => f.id)).toContain('server.address-pool');
  });

  it('MPPE refused by the server, or by this side: worded for this side; on a server\'s log for the PC', () => {
    const client = (line: string, t = en) => explain([...PPP_CLIENT_HEAD, line].join('\n'), t).findings[0]!;
    expect(client('pppd[1234]: MPPE required but peer refused').title).toBe('The server refused the encryption (MPPE) this side requires');
    expect(client('pppd[1234]: MPPE required but peer refused', nl).title).toBe('De server weigerde de versleuteling (MPPE) die deze kant eist');
    expect(client('pppd[1234]: MPPE required but peer refused').summary).not.toMatch(/On the PC:/);
    expect(explain('pppd[1234]: MPPE required but peer refused').findings[0]!.title).toBe('The PC refused the encryption the server requires');
  });
  it("is not folded into a Windows PC's 691 of the same minute: no Windows PC's attempt wrote it", () => {
    const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt']);
    const event = ['Event[0]:', '  Log Name: Application', '  Source: RasClient', '  Date: 2026-11-18T09:12:58.0000000Z', '  Event ID: 20227', '  Task: N/A', '  Level: Error', '  Opcode: Info', '  Keyword: Classic', '  User: S-1-5-21-1-2-3-1013', '  User Name: LAPTOP-W11\\bob', '  Computer: LAPTOP-W11', '  Description: ', 'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user LAPTOP-W11\\bob dialed a connection named Office which has failed. The error code returned on failure is 691.', ''].join('\n');
    // a Linux PPTP client's pppd, refused by the server two seconds before the PC's 691
    const log = ['Nov 18 09:12:50 box pppd[1234]: Script pptp vpn.example.com --nolaunchpppd  started (pid 1235)', 'Nov 18 09:12:50 box pppd[1234]: Connect: ppp0 <--> /dev/pts/2', 'Nov 18 09:12:56 box pppd[1234]: MS-CHAP authentication failed: E=691 Authentication failure', 'Nov 18 09:12:56 box pppd[1234]: CHAP authentication failed'].join('\n');
    pc.files.set('rasclient-events.txt', { name: 'rasclient-events.txt', text: event, encoding: 'utf-8' });
    pc.files.set('server-logs/client.txt', { name: 'server-logs/client.txt', text: log, encoding: 'utf-8' });
    const { report } = analyseCapture({ ...pc, label: 'test' }, { toolVersion: 't', now: new Date(0) });
    const f = report.findings.filter((x) => x.id === 'events.ras-error');
    expect(f.length).toBeGreaterThanOrEqual(2);
    expect(f.some((x) => x.parts?.some((p) => p.kind === 'matched'))).toBe(false);
  });
});
