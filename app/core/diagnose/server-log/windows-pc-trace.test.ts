import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpus } from '../../../../test/corpus';
import { readRepoText, sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';
import { pppLogPacket } from '../../../../test/support/ppp-log-packet';

/**
 * A Windows PC's own RAS trace (ppp.log whose packets say it logs in, a RASMAN trace that dialled a phone-book entry) is the PC's
 * log: its finding says so ("The PC's own log …") and keeps the Windows PC's advice (the VPN connection's settings), never a Linux or
 * router client's (pppd's options, "nothing on the PC causes this" — role 'initiator', log-side.ts). An RRAS server's trace stays the
 * server's log.
 */

const en = engineT('en');
const nl = engineT('nl');
const explain = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t);
/** a Linux or router client's advice: pppd's options, chap-secrets, "nothing on the PC" */
const CLIENT_ADVICE = /pppd|chap-secrets|nothing on the PC causes this|from the side that started the connection/i;
const PC_SAYS = { en: "The PC's own log (x.log: Windows' RAS tracing, written on the PC that dialled) says: ", nl: 'Het eigen logboek van de pc (x.log: de RAS-tracering van Windows, geschreven op de pc die belde) zegt: ' };

/** real Windows RAS traces written on the PC (their SOURCES rows say so), and the finding's advice each must give */
const REAL: [string, () => string, RegExp][] = [
  // KB Q256509: a RAS client's PAP Authenticate-Request refused ("Password validation failure")
  ['ppp.log of an NT 4.0 RAS client (KB Q256509)', () => readRepoText('test/fixtures/real/server-logs/rras-ppp-log-nt4-pap-blank-domain-password-validation-failure.txt'), /On the PC: re-enter the user name/],
  // a Windows 7 client's RASMAN trace dialling a PPTP phone-book entry, error 734 (the corpus' CLIENT-side trace)
  ...(corpusAvailable ? [['RASMAN trace of a Windows 7 PPTP client (corpus)', () => readCorpus('server-logs/other', 'windows-client-rasman-trace-pptp-error-734.txt'), /The PC dialled the VPN connection "VPN Connection 2"[\s\S]*VPN profile's Security tab/] as [string, () => string, RegExp]] : []),
];

describe("a Windows PC's own RAS trace is the PC's log, with the PC's advice (real traces)", () => {
  it.each(REAL)('%s', (_what, text, advice) => {
    for (const t of [en, nl]) {
      const { findings } = explain(text(), t);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.summary.startsWith(t === en ? PC_SAYS.en : PC_SAYS.nl)).toBe(true);
    }
    const f = explain(text()).findings[0]!;
    expect(f.summary).toMatch(advice);
    expect(`${f.title} ${f.summary}`).not.toMatch(CLIENT_ADVICE);
  });
});

/** ppp.log as Windows writes it (KB Q256509's layout, RAS tracing's header): `<` sent by this side, `>` received */
const HEADER = '[1612] 09-07 11:12:54:668: ';
const packet = (mark: '<' | '>', hex: string): string[] => pppLogPacket(mark, hex, { header: HEADER, at: '09/07/2014 11:12:54:668', names: 'Protocol = LCP, Type = Configure-Req' });
const hexOf = (s: string): string => [...s].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')).join(' ');
const chapFailure = (msg: string): string[] => packet('>', `C2 23 04 02 00 ${(4 + msg.length).toString(16).toUpperCase().padStart(2, '0')} ${hexOf(msg)}`);
// RASMAN's own lines when the PC dials a phone-book entry (the corpus' Windows 7 trace: CreateConnection, ProtocolStart)
const DIALS = [`${HEADER}CreateConnection: entry=Office VPN, pbk=C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk`, `${HEADER}ProtocolStart: PhoneNum: vpn.example.com`];
// LCP: the server asks for MS-CHAP v2 (RFC 2759), the PC agrees (its Configure-Ack, RFC 1661 §6.2)
const AUTH_ASKED = (mark: '<' | '>') => packet(mark, 'C0 21 01 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25');
const AUTH_ACKED = (mark: '<' | '>') => packet(mark, 'C0 21 02 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25');
// the PC refuses the server's MPPE (CCP Configure-Reject, RFC 3078 §2.1)
const MPPE_REFUSED = (mark: '<' | '>') => packet(mark, '80 FD 04 02 00 0A 12 06 01 00 00 40');

describe('a RASMAN trace that dialled, with the ppp.log failures of the same dial pasted after it', () => {
  const cases: [string, string[], string, RegExp][] = [
    ['the password refused (MS-CHAP v2 Failure E=691)', [...DIALS, ...AUTH_ASKED('>'), ...AUTH_ACKED('<'), ...chapFailure('E=691 R=0 V=3'), `${HEADER}setting error to 691`], 'The server rejected the user name or password (error 691 on the PC)', /On the PC: re-enter the user name/],
    ['the PC refused MPPE', [...DIALS, ...AUTH_ASKED('>'), ...AUTH_ACKED('<'), ...MPPE_REFUSED('<')], 'The PC refused the encryption the server requires', /Data encryption/],
    // (ppp.log's packets tell no side here — only the request: the RASMAN trace's dial says whose trace it is)
    ['the sign-in method refused, only RASMAN tells the side', [...DIALS, ...packet('<', 'C0 21 04 01 00 09 03 05 C2 23 81')], 'The PC and the server use different authentication methods', /VPN connection's Security tab/],
  ];
  it.each(cases)('%s: the PC\'s own log and the Windows connection\'s advice, en and nl', (_what, lines, title, advice) => {
    const text = lines.join('\n');
    const f = explain(text).findings[0]!;
    expect(f.title).toBe(title);
    expect(f.summary.startsWith(PC_SAYS.en)).toBe(true);
    expect(f.summary).toMatch(advice);
    expect(`${f.title} ${f.summary}`).not.toMatch(CLIENT_ADVICE);
    // (the phone-book entry RASMAN dialled: the connection whose settings the advice means)
    expect(f.summary).toContain('The PC dialled the VPN connection "Office VPN" (a phone-book entry)');
    const g = explain(text, nl).findings[0]!;
    expect(g.summary).toContain('De pc belde de VPN-verbinding "Office VPN"');
    expect(g.summary.startsWith(PC_SAYS.nl)).toBe(true);
    expect(g.summary).not.toMatch(/pppd|chap-secrets/);
  });
  it("an RRAS server's trace (it sends the Challenge, receives the Ack of its sign-in method) stays the server's log", () => {
    const text = [...AUTH_ASKED('<'), ...AUTH_ACKED('>'), ...packet('<', `C2 23 04 02 00 11 ${hexOf('E=691 R=0 V=3')}`)].join('\n');
    const f = explain(text).findings[0]!;
    expect(f.summary).toMatch(/^The server's log \(x\.log\) says: /);
    expect(f.summary).not.toContain('phone-book entry');
  });
  it("the error RASMAN set beside the refusal is the PC's own: said as what Windows reported, not \"the server logged\" nor a pointer elsewhere", () => {
    const text = [...DIALS, ...AUTH_ASKED('>'), ...AUTH_ACKED('<'), ...chapFailure('E=691 R=0 V=3'), `${HEADER}setting error to 691`].join('\n');
    const f = explain(text).findings[0]!;
    expect(f.summary).toContain('Windows reported this connection attempt as error 691.');
    expect(f.summary).not.toMatch(/server logged|PC's findings/);
    expect(explain(text, nl).findings[0]!.summary).toContain('Windows meldde deze verbindingspoging als fout 691.');
  });
});

describe("the PC's own RAS trace is not matched with the PC's RasClient event as if it were a server's log (correlate.ts)", () => {
  it("a 691 in the PC's own ppp.log two seconds before its RasClient 691: no 'the server's log … and the PC's event' match", () => {
    const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt']);
    const event = ['Event[0]:', '  Log Name: Application', '  Source: RasClient', '  Date: 2026-11-18T09:12:58.0000000Z', '  Event ID: 20227', '  Task: N/A', '  Level: Error', '  Opcode: Info', '  Keyword: Classic', '  User: S-1-5-21-1-2-3-1013', '  User Name: LAPTOP-W11\\bob', '  Computer: LAPTOP-W11', '  Description: ', 'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user LAPTOP-W11\\bob dialed a connection named Office which has failed. The error code returned on failure is 691.', ''].join('\n');
    // (the trace's packets say it is the PC's: it receives the CHAP Challenge, RFC 1994 §4.1)
    const at = (lines: string[]) => lines.map((l) => l.replace(HEADER, '[1612] 11-18 09:12:56:000: '));
    const trace = [...at(packet('>', 'C2 23 01 01 00 15 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF')), ...at(chapFailure('E=691 R=0 V=3'))].join('\n');
    pc.files.set('rasclient-events.txt', { name: 'rasclient-events.txt', text: event, encoding: 'utf-8' });
    pc.files.set('server-logs/ppp.log', { name: 'server-logs/ppp.log', text: trace, encoding: 'utf-8' });
    const { report } = analyseCapture({ ...pc, label: 'test' }, { toolVersion: 't', now: new Date(0) });
    const f = report.findings.filter((x) => x.id === 'events.ras-error');
    expect(f.some((x) => x.summary.startsWith("The PC's own log"))).toBe(true);
    expect(f.some((x) => x.parts?.some((p) => p.kind === 'matched'))).toBe(false);
  });
});
