import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Windows RAS tracing's four headers (rtutils TracePrintfEx/TracePutsEx: `[tid] MM-DD hh:mm:ss:mmm: ` with TRACE_USE_DATE, `[tid]
 * hh:mm:ss:mmm: ` without it; TraceDumpEx's hex-dump lines never carry the date) and the PPP engine's own lines in ppp.log (its
 * PppLog format strings: families/ppp-log-engine.ts). The lines are built from those formats — no real ppp.log with the time-only
 * header was found in public material (test/fixtures/real/SOURCES.md has the NT 4.0 KB sample, which has no header at all).
 */
const t = engineT('en');
const nl = engineT('nl');
const parse = (lines: string[]) => parseServerLog(lines.join('\n'), 'ppp.log');

// a server's ppp.log as XP … Server 2012 write it: the time without the date (the packet dump's bytes are a real MS-CHAP v2
// Failure's layout, RFC 2759 §6: code 4, the "E=691 R=0 … V=3" text)
const SERVER_TRACE = [
  '[1612] 13:39:26:078: Line up event occurred on port 5',
  '[1612] 13:39:26:093: <PPP packet sent at 06/10/2005 11:39:26:093',
  '[1612] 13:39:26:093: <Protocol = LCP, Type = Configure-Req, Length = 0x34, Id = 0x0, Port = 5',
  '[1612] 13:39:26:093: <C0 21 01 00 00 0A 05 06 2C 34 4C 25             |.!......,4L%    |',
  '[1612] 13:39:26:109: FsmThisLayerUp called for protocol = c021, port = 5',
  '[1612] 13:39:26:109: Authenticating phase started',
  '[1612] 13:39:27:093: Auth Protocol c223 returned error 691',
  '[1612] 13:39:27:093: FsmThisLayerFinished called for protocol = c021, port = 5',
  '[1612] 13:39:27:109: Line down event occurred on port 5',
];

describe('RAS tracing without the date (XP … 2012 ppp.log / rasman.log) and the PPP engine lines', () => {
  it('every line is a RAS trace line, its time read without a date', () => {
    const r = parse(SERVER_TRACE);
    expect([r.records, r.understood]).toEqual([SERVER_TRACE.length, SERVER_TRACE.length]);
    expect(r.entries.every((e) => e.family === 'rasman')).toBe(true);
    expect(r.entries[0]!.time).toEqual({ hour: 13, minute: 39, second: 26, ms: 78 });
  });
  it("the authentication protocol's error is the failure, its RAS number the cause (691: the password refused), en and nl", () => {
    const e = parse(SERVER_TRACE).entries[6]!;
    expect(e).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691 });
    expect(describeEntry(e, t)).toContain('CHAP ended with Windows error 691');
    expect(describeEntry(e, nl)).toContain('CHAP eindigde met Windows-fout 691');
  });
  it('another error number keeps its own cause (734: LCP terminated), not the password', () => {
    const e = parse(['[2004] 14:02:11:201: Auth Protocol c223 returned error 734']).entries[0]!;
    expect(e).toMatchObject({ outcome: 'failure', cause: 'ras-error', code: 734 });
  });
  it('a layer closing is every hang-up: a step, no failure; IPCP up is the dial done', () => {
    const [fin, up] = parse(['[2004] 14:02:11:201: FsmThisLayerFinished called for protocol = c021, port = 3', '[2004] 14:02:12:201: FsmThisLayerUp called for protocol = 8021, port = 3']).entries;
    expect([fin!.outcome, fin!.cause]).toEqual(['info', undefined]);
    expect(describeEntry(fin!, t)).toContain('LCP has closed');
    expect(up!.outcome).toBe('success');
    expect(describeEntry(up!, nl)).toContain('IPCP is actief');
  });
  it("the dated header (Windows 10's rasman) still reads, and a dump line without the date inside it joins the same trace", () => {
    const r = parse(['[10828] 09-07 11:12:58:092: setting error to 734', '[10828] 11:12:58:093: <C0 21 05 02 00 04                               |.!..            |']);
    expect(r.entries.map((e) => e.family)).toEqual(['rasman', 'rasman']);
    expect(r.entries[0]!.time).toMatchObject({ month: 9, day: 7, hour: 11 });
  });
  it('two trace lines whose newline was lost come apart at the time-only header too', () => {
    const r = parse(['[1612] 13:39:27:093: Auth Protocol c223 returned error 691[1612] 13:39:27:109: Line down event occurred on port 5']);
    expect(r.records).toBe(2);
  });
  it('a bracketed number and a time without milliseconds is no RAS trace (every RAS component traces with TRACE_USE_MSEC)', () => {
    const r = parse(['[12] 10:07:47: Auth Protocol c223 returned error 691']);
    expect(r.entries[0]?.family).not.toBe('rasman');
  });
});

describe("ppp.log's Configure-Nak/-Reject and Terminate-Request packets, read from their bytes", () => {
  const packet = (mark: '<' | '>', type: string, dump: string[]) => [
    `[1612] 13:39:26:094: ${mark}PPP packet ${mark === '<' ? 'sent' : 'received'} at 06/10/2005 11:39:26:094`,
    `[1612] 13:39:26:094: ${mark}Protocol = LCP, Type = ${type}, Length = 0xb, Id = 0x1, Port = 5`,
    ...dump.map((l) => `[1612] 13:39:26:094: ${mark}${l}`),
  ];
  it('a sent LCP Configure-Reject names the refused sign-in method (RFC 1661 §6 option 3, c223 algorithm 0x81 = MS-CHAP v2): with nothing after it, the cause pppd gives (ppp-log-rejects.test.ts)', () => {
    const r = parse(packet('<', 'Configure-Reject', ['C0 21 04 01 00 09 03 05 C2 23 81                |.!.......#.     |']));
    const e = r.entries.at(-1)!;
    expect([e.outcome, e.cause]).toEqual(['failure', 'auth-protocol-mismatch']);
    expect(describeEntry(e, t)).toMatch(/^This side refused options of the other side's LCP request: Authentication-Protocol MS-CHAP v2 \(Configure-Reject, RFC 1661 §5\.4\)\. This side refused the sign-in method/);
    expect(describeEntry(e, nl)).toContain('Deze kant weigerde opties');
  });
  it('a received Configure-Reject of options PPP drops (ACFC, PFC) is information', () => {
    const e = parse(packet('>', 'Configure-Reject', ['C0 21 04 01 00 08 07 02 08 02                   |.!......        |'])).entries.at(-1)!;
    expect(e.outcome).toBe('info');
    expect(describeEntry(e, t)).toContain('The other side refused options of this side');
  });
  it('a received LCP Terminate-Request: the other side ends the link', () => {
    const e = parse(packet('>', 'Terminate-Req', ['C0 21 05 02 00 04                               |.!....          |'])).entries.at(-1)!;
    expect(e.outcome).toBe('warning');
    expect(describeEntry(e, t)).toContain('The other side ends the PPP link');
  });
});

describe("a RASMAN trace that dials (a phone-book entry opened, its number dialled) is the PC's own, not a server's log", () => {
  const dial = ['[200] 03-01 09:00:00:001: CreateConnection: entry=Office VPN, pbk=C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk', '[201] 03-01 09:00:01:001: ProtocolStart: PhoneNum: vpn.example.com'];
  const error = '[202] 03-01 09:00:05:001: setting error to 691';
  it("its error is the PC's own (role 'pc': the Windows connection's advice, not a Linux or router client's 'initiator')", () => {
    const e = parse([...dial, error]).entries.at(-1)!;
    expect([e.cause, e.code]).toEqual(['ras-error', 691]);
    expect(e.decoded[0]!.values).toMatchObject({ code: 691, role: 'pc' });
  });
  it("without the dialling lines (an RRAS server's trace, or a cut copy) the error stays the server's", () => {
    const e = parse([error]).entries[0]!;
    expect(e.decoded[0]!.values?.role).toBeUndefined();
  });
});
