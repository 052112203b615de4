import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { packetTellsRole } from './families/pppd-role';
import { parseServerLog } from './index';
import type { ServerLogEntry } from './types';
import { pppLogPacket } from '../../../../test/support/ppp-log-packet';

/**
 * Windows' ppp.log (RAS PPP tracing, families/ppp-log.ts) judged like every PPP family: a Configure-Reject's options go through
 * ppp-reject.ts's verdict (the same cause as pppd's dump for the same option refused the same way), ppp-got-past.ts settles a
 * reject whose asker went on, the trace's side is told by its packets (RFC 1661 §6.2, RFC 1994 §4.1, RFC 1334 §2.2), a dump line
 * says its own direction, and the engine's lines without the tracing header are read. The packets are built byte for byte from
 * the RFC layouts in the trace's own format (KB Q256509's sample: head, `Protocol = …` line, hex dump with its text column): no
 * real ppp.log with a Configure-Reject was found in public material (test/fixtures/real/SOURCES.md has the KB's PAP trace).
 */
const t = engineT('en');
const nl = engineT('nl');
const HEADER = '[1612] 13:39:26:094: ';

/** one packet as ppp.log writes it: `<` sent by this side, `>` received */
const packet = (mark: '<' | '>', hex: string, port = 5): string[] => pppLogPacket(mark, hex, { header: HEADER, at: '06/10/2005 11:39:26:094', port });
const parse = (...packets: string[][]) => parseServerLog(packets.flat().join('\n'), 'ppp.log');
/** the entry that completes the n-th packet (its last dump line) */
const completing = (entries: ServerLogEntry[]) => entries.filter((e) => e.decoded[0]!.key !== 'step.pppLogBytes' && /^\[\d+\] [\d:]+: [<>][0-9A-F]{2} /.test(e.text));
const last = (r: ReturnType<typeof parse>) => completing(r.entries).at(-1)!;

const pppd = (line: string) => parseServerLog(`Mar  1 10:00:00 vpn pppd[4321]: ${line}\n`).entries[0]!;

// the same option refused the same way: a pppd dump line and the ppp.log packet (its bytes: RFC 1661 §6.3, RFC 3078 §2.1, RFC 1332 §3.3)
const SAME_REFUSAL: [string, string, '<' | '>', string, string][] = [
  ['the sign-in method MS-CHAP v2, refused by the other side', 'rcvd [LCP ConfRej id=0x1 <auth chap MS-v2>]', '>', 'C0 21 04 01 00 09 03 05 C2 23 81', 'auth-protocol-mismatch'],
  ['the sign-in method MS-CHAP v2, refused by this side', 'sent [LCP ConfRej id=0x1 <auth chap MS-v2>]', '<', 'C0 21 04 01 00 09 03 05 C2 23 81', 'auth-protocol-mismatch'],
  ['MPPE 128-bit stateless, refused by the other side', 'rcvd [CCP ConfRej id=0x2 <mppe +H -M +S -L -D -C>]', '>', '80 FD 04 02 00 0A 12 06 01 00 00 40', 'pc-refused-encryption'],
  ['MPPE 128-bit stateless, refused by this side', 'sent [CCP ConfRej id=0x2 <mppe +H -M +S -L -D -C>]', '<', '80 FD 04 02 00 0A 12 06 01 00 00 40', 'server-refused-encryption'],
  ["the other side's request for an address, refused here", 'sent [IPCP ConfRej id=0x3 <addr 0.0.0.0>]', '<', '80 21 04 03 00 0A 03 06 00 00 00 00', 'address-pool'],
];

describe("ppp.log's Configure-Rejects judged by ppp-reject.ts, as pppd's", () => {
  it.each(SAME_REFUSAL)('%s: the same cause and statement as the pppd dump', (_what, pppdLine, mark, hex, cause) => {
    const a = pppd(pppdLine);
    const b = last(parse(packet(mark, hex)));
    expect([a.outcome, a.cause]).toEqual(['failure', cause]);
    expect([b.outcome, b.cause]).toEqual(['failure', cause]);
    // the judged statement (after each family's packet heading) is the same key with the same option value
    expect(b.decoded.slice(1).map((x) => x.key)).toEqual(a.decoded.slice(1).map((x) => x.key));
  });
  it('options PPP drops (ACFC, PFC) refused: information in plain words, as in pppd', () => {
    const e = last(parse(packet('>', 'C0 21 04 01 00 08 07 02 08 02')));
    expect([e.outcome, e.cause]).toEqual(['info', undefined]);
    expect(e.decoded.map((x) => x.key)).toEqual(['step.pppLogRejectReceived', 'rejectDroppedByOther']);
  });
  it('MPPC compression alone (no key length bit) refused is a compression method dropped, not encryption', () => {
    const e = last(parse(packet('>', '80 FD 04 02 00 0A 12 06 00 00 00 01')));
    expect([e.outcome, e.cause]).toEqual(['info', undefined]);
  });
});

describe('ppp-got-past.ts settles a ppp.log reject whose asker went on', () => {
  const serverAsks = (auth: string, id: string) => packet('<', `C0 21 01 ${id} 00 0F 03 05 C2 23 ${auth} 05 06 2C 34 4C 25`);
  it('the sign-in method refused, the next request asks for another: a normal step, no cause', () => {
    const r = parse(serverAsks('81', '01'), packet('>', 'C0 21 04 01 00 09 03 05 C2 23 81'), serverAsks('05', '02'));
    const reject = completing(r.entries)[1]!;
    expect([reject.outcome, reject.cause]).toEqual(['info', undefined]);
    expect(describeEntry(reject, t)).toContain('asks for another (CHAP (MD5))');
  });
  it('the request for an address refused, asked again without it and acknowledged: a warning, no empty pool', () => {
    const r = parse(packet('>', '80 21 01 03 00 0A 03 06 00 00 00 00'), packet('<', '80 21 04 03 00 0A 03 06 00 00 00 00'), packet('>', '80 21 01 04 00 04'), packet('<', '80 21 02 04 00 04'));
    const reject = completing(r.entries)[1]!;
    expect([reject.outcome, reject.cause]).toEqual(['warning', undefined]);
    expect(reject.decoded.at(-1)!.key).toBe('rejectAddressHereWithout');
  });
  it("another port's request (a busy server's trace interleaves its connections) does not settle this port's reject", () => {
    const r = parse(serverAsks('81', '01'), packet('>', 'C0 21 04 01 00 09 03 05 C2 23 81'), packet('<', 'C0 21 01 02 00 0F 03 05 C2 23 05 05 06 2C 34 4C 25', 7));
    const reject = completing(r.entries)[1]!;
    expect([reject.session, reject.cause]).toEqual(['Port=5', 'auth-protocol-mismatch']);
    expect(completing(r.entries)[2]!.session).toBe('Port=7');
  });
  it('nothing after the reject: the cause stays', () => {
    expect(last(parse(serverAsks('81', '01'), packet('>', 'C0 21 04 01 00 09 03 05 C2 23 81'))).cause).toBe('auth-protocol-mismatch');
  });
});

describe("a ppp.log's side, by its packets (ppp-sender.ts, the table pppd's dump reads too): a Windows PC's own trace or an RRAS server's", () => {
  const mppeRefusedHere = packet('<', '80 FD 04 02 00 0A 12 06 01 00 00 40');
  const serverAsksAuth = (mark: '<' | '>') => packet(mark, 'C0 21 01 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25');
  const authAcked = (mark: '<' | '>') => packet(mark, 'C0 21 02 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25');
  const challenge = (mark: '<' | '>') => packet(mark, 'C2 23 01 01 00 15 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF');
  const roles = (r: ReturnType<typeof parse>) => completing(r.entries).map((e) => e.decoded[0]!.values?.role);
  it('the PC agrees to log in (its LCP Configure-Ack of the sign-in method, RFC 1661 §6.2): the MPPE it refuses is the PC refusing encryption', () => {
    const e = last(parse(serverAsksAuth('>'), authAcked('<'), mppeRefusedHere));
    expect(e.cause).toBe('pc-refused-encryption');
    // (the PC's own log: role 'pc', whose findings keep the Windows PC's advice — not a Linux client's 'initiator')
    expect(e.decoded.some((x) => x.values?.role === 'initiator')).toBe(false);
    expect(describeEntry(e, t)).toContain("This side refused options of the server's CCP request");
  });
  it('…as when it receives the CHAP Challenge (RFC 1994 §4.1) or sends PAP\'s Authenticate-Request (RFC 1334 §2.2), or asks for address 0.0.0.0 (RFC 1332 §3.3)', () => {
    expect(last(parse(challenge('>'), mppeRefusedHere)).cause).toBe('pc-refused-encryption');
    expect(last(parse(packet('<', 'C0 23 01 00 00 0A 01 61 03 70 77 64'), mppeRefusedHere)).cause).toBe('pc-refused-encryption');
    expect(last(parse(packet('<', '80 21 01 03 00 0A 03 06 00 00 00 00'), mppeRefusedHere)).cause).toBe('pc-refused-encryption');
  });
  it("the server sends the CHAP Challenge, receives the Ack of its sign-in method or names the PC's address: its own refusal is the server's", () => {
    expect(last(parse(challenge('<'), mppeRefusedHere)).cause).toBe('server-refused-encryption');
    expect(last(parse(serverAsksAuth('<'), authAcked('>'), mppeRefusedHere)).cause).toBe('server-refused-encryption');
    const e = last(parse(packet('<', '80 21 03 03 00 0A 03 06 0A 00 00 05'), mppeRefusedHere));
    expect(describeEntry(e, t)).toContain("The server refused options of the PC's CCP request");
    expect(describeEntry(e, nl)).toContain('De server weigerde opties uit het CCP-verzoek van de pc');
  });
  it('asking for a sign-in method tells nothing: a client may ask the server to log in too and be refused (the table pppd-role.ts reads)', () => {
    const r = parse(serverAsksAuth('<'), mppeRefusedHere);
    expect(roles(r)).toEqual([undefined, undefined]);
    expect(describeEntry(completing(r.entries)[0]!, t)).toMatch(/^This side proposes its LCP settings/);
  });
  it("the packets before the one that tells are worded by the side too (the server's LCP request, then the PC's Ack)", () => {
    const r = parse(serverAsksAuth('>'), authAcked('<'));
    expect(roles(r)).toEqual(['pc', 'pc']);
    const [ask, ack] = completing(r.entries);
    expect(describeEntry(ask!, t)).toBe('The server proposes its LCP settings: Authentication-Protocol MS-CHAP v2, Magic-Number 0x2c344c25 (Configure-Request, id 0x1, RFC 1661 §5.1).');
    expect(describeEntry(ack!, t)).toMatch(/^This side accepts the server's LCP settings/);
    expect(describeEntry(ask!, nl)).toMatch(/^De server stelt zijn LCP-instellingen voor/);
    // an RRAS server's trace: the PC proposes, the PC accepts
    const server = completing(parse(packet('>', 'C0 21 01 01 00 0A 05 06 11 22 33 44'), serverAsksAuth('<'), authAcked('>')).entries);
    expect(server.map((e) => describeEntry(e, t).split(' ').slice(0, 3).join(' '))).toEqual(['The PC proposes', 'The server proposes', 'The PC accepts']);
  });
  it('packets that say both sides authenticate (two routers): no side from then on, the default wording', () => {
    const both = parse(authAcked('<'), authAcked('>'), mppeRefusedHere);
    expect(last(both).cause).toBe('server-refused-encryption');
    expect(describeEntry(last(both), t)).toMatch(/^This side refused options of the other side's CCP request/);
  });
});

describe('ppp.log lines read by their own structure', () => {
  it('a dump line with no head before it takes its direction from its own mark', () => {
    const sent = parseServerLog(`${HEADER}<C0 21 05 03 00 04                               |.!....          |\n`, 'ppp.log').entries[0]!;
    expect(describeEntry(sent, t)).toBe('This side ends the PPP link (LCP Terminate-Request, RFC 1661 §5.5).');
    // a mark the other way than the packet being gathered: the one before was cut, this is another packet
    const r = parseServerLog([`${HEADER}>PPP packet received at 06/10/2005 11:39:26:094`, `${HEADER}>C0 21 01 01 00 0F 03 05`, `${HEADER}<C0 21 05 03 00 04                               |.!....          |`].join('\n').replace(/(>C0 21 01 01 00 0F 03 05)$/m, '$1                         |.!......        |'), 'ppp.log');
    expect(describeEntry(r.entries.at(-1)!, t)).toBe('This side ends the PPP link (LCP Terminate-Request, RFC 1661 §5.5).');
  });
  it('Configure-Request and -Ack say who proposes what, en and nl', () => {
    const e = last(parse(packet('<', 'C0 21 01 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25')));
    expect(describeEntry(e, t)).toBe('This side proposes its LCP settings: Authentication-Protocol MS-CHAP v2, Magic-Number 0x2c344c25 (Configure-Request, id 0x1, RFC 1661 §5.1).');
    expect(describeEntry(last(parse(packet('>', '80 21 02 04 00 04'))), nl)).toBe('De andere kant aanvaardt de IPCP-instellingen van deze kant: — (Configure-Ack, id 0x4, RFC 1661 §5.2).');
  });
  it("the engine's lines without the tracing header (NT 4.0's ppp.log, a copy that lost it) are the trace's; a near miss is not", () => {
    const r = parseServerLog(['\tLine up event occurred on port 1', '\tFsmThisLayerUp called for protocol = c021, port = 1', '\tAuth Protocol c223 returned error 691', '\tLine down event occurred on port 1', 'Line up on port 3 ok'].join('\n'), 'ppp.log');
    expect(r.entries.filter((e) => e.family === 'rasman').map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(r.entries[2]).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691 });
  });
});

// One table (ppp-sender.ts) says which packet only the authenticator or only the peer sends: pppd's printed dump (pppd-role.ts) and
// ppp.log's bytes must read the same side from the same packet (true: this side is the one that logs in, false: the server, undefined: either)
const TWINS: [string, '<' | '>', string, boolean | undefined][] = [
  ['sent [CHAP Challenge id=0x1 <00112233445566778899aabbccddeeff>, name = "vpn"]', '<', 'C2 23 01 01 00 15 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF', false],
  ['rcvd [CHAP Challenge id=0x1 <00112233445566778899aabbccddeeff>, name = "vpn"]', '>', 'C2 23 01 01 00 15 10 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF', true],
  ['sent [CHAP Response id=0x1 <0011>, name = "u"]', '<', 'C2 23 02 01 00 08 02 00 11 75', true],
  ['rcvd [CHAP Success id=0x1 ""]', '>', 'C2 23 03 01 00 04', true],
  ['sent [CHAP Failure id=0x1 "E=691 R=0"]', '<', 'C2 23 04 01 00 0D 45 3D 36 39 31 20 52 3D 30', false],
  ['sent [PAP AuthReq id=0x1 user="a" password=<hidden>]', '<', 'C0 23 01 00 00 0A 01 61 03 70 77 64', true],
  ['rcvd [PAP AuthNak id=0x1 "no"]', '>', 'C0 23 03 01 00 07 02 6E 6F', true],
  ['rcvd [EAP Request id=0x1 Identity <Message "">]', '>', 'C2 27 01 01 00 05 01', true],
  ['sent [EAP Response id=0x1 Identity <Name "u">]', '<', 'C2 27 02 01 00 06 01 75', true],
  // the Configure-Request that asks for a sign-in method: either side (a client may ask too); the Ack agreeing to log in: the peer
  ['sent [LCP ConfReq id=0x1 <auth chap MS-v2> <magic 0x2c344c25>]', '<', 'C0 21 01 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25', undefined],
  ['sent [LCP ConfAck id=0x1 <auth chap MS-v2> <magic 0x2c344c25>]', '<', 'C0 21 02 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25', true],
  ['rcvd [LCP ConfAck id=0x1 <auth chap MS-v2> <magic 0x2c344c25>]', '>', 'C0 21 02 01 00 0F 03 05 C2 23 81 05 06 2C 34 4C 25', false],
  ['sent [LCP ConfAck id=0x1 <magic 0x2c344c25>]', '<', 'C0 21 02 01 00 0A 05 06 2C 34 4C 25', undefined],
  ['sent [IPCP ConfReq id=0x1 <addr 0.0.0.0>]', '<', '80 21 01 01 00 0A 03 06 00 00 00 00', true],
  ['sent [IPCP ConfReq id=0x1 <addr 10.0.0.1>]', '<', '80 21 01 01 00 0A 03 06 0A 00 00 01', undefined],
  ['sent [IPCP ConfNak id=0x1 <addr 10.0.0.5>]', '<', '80 21 03 01 00 0A 03 06 0A 00 00 05', false],
  ['rcvd [IPCP ConfRej id=0x1 <addr 0.0.0.0>]', '>', '80 21 04 01 00 0A 03 06 00 00 00 00', undefined],
];

describe("one table of the packets only one side sends: pppd's dump and ppp.log read the same side", () => {
  // (what the ppp.log trace then is: the role its next statement carries, a Configure-Reject of MPPE this side sends)
  const probe = packet('<', '80 FD 04 02 00 0A 12 06 01 00 00 40');
  const sideOfTrace = (mark: '<' | '>', hex: string): boolean | undefined => {
    const role = last(parse(packet(mark, hex), probe)).decoded[0]!.values?.role;
    return role === 'pc' ? true : role === 'server' ? false : undefined;
  };
  it.each(TWINS)('%s', (line, mark, hex, client) => {
    expect(packetTellsRole(line)).toBe(client);
    expect(sideOfTrace(mark, hex)).toBe(client);
  });
});
