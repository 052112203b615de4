import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus, serverLogCorpusLines } from '../../../../test/corpus';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { mppeBits } from './codes/ppp';
import { decodePptpHex } from './codes/pptp';
import { describeEntry, describeEntryOnce, mppeText } from './describe';
import { MAX_CAUSE_ENTRIES, MAX_ENTRIES, parseServerLog, ServerLogParser, type ServerLogEntry } from './index';
import { decodeProtocolPacket } from './ppp-packet';

const t = engineT('en');
const one = (line: string) => parseServerLog(line).entries[0];
const said = (line: string) => describeEntry(one(line)!, t);

describe('RFC tables', () => {
  it('MPPE Supported Bits (RFC 3078 §2.1): H stateless, M 56, S 128, L 40, D obsolete, C MPPC', () => {
    expect(mppeBits(0x010000b0)).toMatchObject({ stateless: true, bits56: true, bits40: true, obsoleteD: true, bits128: false, mppc: false, unknown: 0 });
    expect(mppeBits(0x00000041)).toMatchObject({ stateless: false, bits128: true, mppc: true });
    expect(mppeText(0x01000040, t)).toBe('MPPE 128-bit, stateless');
    expect(mppeText(0x000000e0, engineT('nl'))).toBe('MPPE 40-bits of 56-bits of 128-bits, met status (sleutel loopt door tussen pakketten)');
  });
  it('PPTP control header (RFC 2637 §2): length, message type, magic cookie, control type, call id', () => {
    expect(decodePptpHex('001000011A2B3C4D000C000000000000')).toEqual({ length: 16, messageType: 1, cookieOk: true, controlType: 12, name: 'Call-Clear-Request', callId: 0 });
    expect(decodePptpHex('009C00011A2B3C4D0001')).toMatchObject({ controlType: 1, name: 'Start-Control-Connection-Request' });
    expect(decodePptpHex('001000010000000D000D')).toMatchObject({ cookieOk: false, controlType: 13 });
    expect(decodePptpHex('zz')).toBeNull();
    // Outgoing-Call-Reply, Call ID 0x0001, peer 0x0002, Result 7 "Do Not Accept"; SCCRP result 4; CDN General Error / Bad-Value
    expect(decodePptpHex('0020 0001 1A2B3C4D 0008 0000 0001 0002 07 00 0000'.replace(/ /g, ''))?.result).toEqual({ code: 7, text: 'Do Not Accept' });
    expect(decodePptpHex('009C00011A2B3C4D0002000001000400')?.result).toEqual({ code: 4, text: 'Requester is not authorized to establish a command channel' });
    expect(decodePptpHex('009400011A2B3C4D000D0000000102030000')?.result).toEqual({ code: 2, text: 'General Error', error: 3, errorText: 'Bad-Value' });
  });
  it('a PPP packet behind its protocol field (RFC 1661 §5.7): LCP Configure-Request with MRU, auth MS-CHAP v2, magic', () => {
    const p = decodeProtocolPacket('C02101010013010405DC0305C22381050612345678');
    expect(p).toMatchObject({ protocolName: 'LCP', codeName: 'Configure-Request', id: 1, length: 19 });
    expect(p!.options.map((o) => `${o.name} ${o.value}`)).toEqual(['MRU 1500', 'Authentication-Protocol MS-CHAP v2', 'Magic-Number 0x12345678']);
  });
});

describe('formats the corpus does not hold (from the vendors\' documented line shapes)', () => {
  it('IAS/NPS database-format line: Access-Reject, reason 16, MS-CHAP-Error hex E=691', () => {
    // fields per "Interpret NPS Database Format Log Files"; MS-CHAP-Error = ident 0x00 + "E=691 R=0 V=3"
    const fields = ['RASSRV', 'RAS', '11/18/2026', '09:12:41', '3', 'CORP\\anna', '', '', '198.51.100.7', ...Array(16).fill(''), '16', ...Array(20).fill(''), '0x00453D36393120523D3020563D33'];
    const e = one(fields.map((f) => `"${f}"`).join(','));
    expect(e).toMatchObject({ family: 'rras', cause: 'credentials-rejected', code: 691, user: 'CORP\\anna', time: { year: 2026, month: 11, day: 18, hour: 9, minute: 12, second: 41 } });
    expect(describeEntry(e!, t)).toBe('NPS refused the sign-in of CORP\\anna (RADIUS Access-Reject): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE); the PC is shown error 691.');
  });
  it('IAS-format line with the IAS-specific Packet-Type (4136) and Reason-Code (4142): the decision in words, the attributes after', () => {
    // 4136/4142/4130 as Microsoft's IAS-format attribute table numbers them (florianburnel/PowerShell NAP_Logs_Interpreter.ps1)
    const reject = one('10.10.10.10,CORP\\anna,06/04/2024,14:42:19,NPS,NPS1,6,2,7,1,61,5,64,1,4136,3,4142,16');
    expect(reject).toMatchObject({ family: 'rras', outcome: 'failure', cause: 'credentials-rejected', code: 691, user: 'CORP\\anna' });
    expect(describeEntry(reject!, t)).toBe(
      'NPS refused the sign-in of CORP\\anna (RADIUS Access-Reject): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE). IAS log record (IAS format) for CORP\\anna from access server 10.10.10.10, NPS on NPS1: Service-Type Framed, Framed-Protocol PPP, NAS-Port-Type Virtual, Tunnel-Type PPTP.',
    );
    // no user in the header: the Fully-Qualified-User-Name (4130); no RADIUS attribute left to list: the decision alone
    const accept = one('10.10.10.10,,06/04/2024,14:42:20,NPS,NPS1,4130,CORP\\anna,4136,2,4142,0');
    expect([accept!.outcome, accept!.user, describeEntry(accept!, t)]).toEqual(['success', 'CORP\\anna', 'NPS accepted the sign-in of CORP\\anna (RADIUS Access-Accept).']);
  });
  it('IOS CCP option line: MS-PPC supported bits', () => {
    expect(said('*Mar  1 00:01:02.123: Vi1 CCP:    MS-PPC supported bits 0x01000060 (0x120601000060)')).toBe('CCP option: MPPE/MPPC 0x01000060: MPPE 40-bit or 128-bit, stateless');
  });
  it('IOS debug vpdn: an Outgoing-Call-Reply in hex with its result code', () => {
    expect(said('00:45:58: Tnl 17 PPTP: CC O 002000011A2B3C4D000800000001000207000000')).toBe('PPTP control message 8 to the PC: Outgoing-Call-Reply (OCRP) (RFC 2637). Result code 7: Do Not Accept (RFC 2637).');
  });
  it('IOS MS-CHAP-V2 failure with E=649 (no dial-in permission)', () => {
    expect(one('00:12:01: Vi1 MS-CHAP-V2: O FAILURE id 1 len 48 msg is "E=649 R=0 C=0123 V=3"')).toMatchObject({ cause: 'credentials-rejected', code: 649 });
  });
  it('pppd debug: CHAP Failure carrying E=691, CCP ConfReq with <mppe +H -M +S -L -D -C>', () => {
    expect(one('rcvd [CHAP Failure id=0x1 "E=691 R=1 C=0123456789abcdef V=3 M=Access denied"]')).toMatchObject({ cause: 'credentials-rejected', code: 691 });
    // what the packet does first, then its names (packet-words.ts)
    expect(said('sent [CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>]')).toBe('Encryption settings proposed — CCP ConfReq to the PC (id 0x1): mppe +H -M +S -L -D -C: MPPE 128-bit, stateless');
  });
  it('strongSwan notifies: N(NO_PROP), N(AUTH_FAILED), NO_PROPOSAL with its RFC 7296 number', () => {
    expect(one('charon: 07[ENC] generating IKE_SA_INIT response 0 [ N(NO_PROP) ]')).toMatchObject({ cause: 'ike-no-proposal' });
    expect(said('charon: 07[ENC] generating IKE_SA_INIT response 0 [ N(NO_PROP) ]')).toContain('NO_PROPOSAL_CHOSEN (14)');
    expect(one('charon: 09[ENC] generating IKE_AUTH response 1 [ N(AUTH_FAILED) ]')).toMatchObject({ cause: 'ike-auth-failed' });
    expect(one("charon: 09[IKE] tried 1 shared key for 'a' - 'b', but MAC mismatched")).toMatchObject({ cause: 'ike-auth-failed' });
  });
  it('Libreswan gives up in STATE_MAIN_R2: MI3 never came', () => {
    expect(one('pluto[1]: "l2tp-psk"[1] 203.0.113.5 #3: max number of retransmissions (8) reached STATE_MAIN_R2')).toMatchObject({ cause: 'ike-no-mi3', session: '#3', peer: '203.0.113.5' });
  });
  it('SoftEther SSTP: control message numbers and a rejected LCP option', () => {
    expect(said('SSTP Control Packet Recv: Msg = 1')).toBe('SSTP CALL_CONNECT_REQUEST (1) from the PC ([MS-SSTP]).');
    expect(said('Rejected LCP option = 0x5, proto = 0xc021')).toBe("SoftEther rejected the PC's LCP option Magic-Number (Configure-Reject: it does not support it; harmless, the PC goes on without it).");
  });
  it('MikroTik with time and topics; ASA 113022 AAA server failed', () => {
    expect(one('22:45:15 pptp,ppp,info <pptp-anna>: using encoding - MPPE128 stateless')).toMatchObject({ family: 'mikrotik', outcome: 'success' });
    expect(one('22:45:15 pptp,ppp,info,account anna logged in, 10.0.0.5')).toMatchObject({ family: 'mikrotik', user: 'anna' });
    expect(one('Jan  8 09:12:56 asa %ASA-2-113022: AAA Marking RADIUS server radius1 in aaa-server group VPN as FAILED')).toMatchObject({ family: 'asa', cause: 'radius-unreachable' });
  });
  it('rsyslog #011 tabs, Markdown quotes and glued records', () => {
    const r = parseServerLog('> Jul 29 09:59:54 gw pppd[11787]:#011LCP: timeout sending Config-Requests\nJul 29 09:59:54 gw pppd[1]: Exit.Jul 29 09:59:55 gw pptpd[2]: CTRL: Client 198.51.100.4 control connection finished');
    expect(r.entries.map((e) => [e.line, e.cause ?? e.decoded[0]!.key])).toEqual([[1, 'no-ppp-frames'], [2, 'step.pppdEnd'], [2, 'step.ctrlFinished']]);
    expect(r.records).toBe(3);
  });
});

describe('bad input: a clear verdict, never an exception', () => {
  it('empty and blank pastes', () => {
    expect(parseServerLog('').verdict).toBe('empty');
    expect(parseServerLog('\n  \n\t\n').verdict).toBe('empty');
  });
  it('binary', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(parseServerLog(bytes.toString('latin1')).verdict).toBe('binary');
    expect(parseServerLog(bytes.toString('utf8')).verdict).toBe('binary');
  });
  it('a route print pasted by mistake (the demo machine\'s)', () => {
    const text = readRepoText('samples/demo/route-print.txt');
    const r = parseServerLog(text);
    expect(r.verdict).toBe('route-print');
    expect(r.understood).toBe(0);
  });
  it('ipconfig, and prose', () => {
    expect(parseServerLog(readRepoText('samples/demo/ipconfig-all.txt')).verdict).toBe('ipconfig');
    expect(parseServerLog('Hello,\nthe VPN does not work since Monday.\nRegards').verdict).toBe('not-a-log');
  });
});

const corpusLines = serverLogCorpusLines();

describe('a report describes a repeated statement once', () => {
  it('describeEntryOnce with one memo over many entries says what describeEntry says of each (en, nl; a value as number or as string kept apart)', () => {
    const pool = parseServerLog(corpusLines.join('\n')).entries.flatMap((e) => e.decoded);
    const retyped = pool.filter((dd) => dd.values && Object.values(dd.values).some((v) => typeof v === 'number')).map((dd) => ({ key: dd.key, values: Object.fromEntries(Object.entries(dd.values!).map(([k, v]) => [k, String(v)])) }));
    const statements = [...pool, ...retyped];
    expect(statements.length).toBeGreaterThan(corpusAvailable ? 50 : 0);
    const entry = fc.array(fc.constantFrom(...statements), { minLength: 0, maxLength: 3 }).map((decoded) => ({ decoded }));
    for (const lang of ['en', 'nl'] as const) {
      const tl = engineT(lang);
      fc.assert(
        fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
          const memo = new Map<string, string>();
          for (const e of entries) expect(describeEntryOnce(e, tl, memo)).toBe(describeEntry(e, tl));
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('past the entries cap, a tracked family keeps its state from counted records', () => {
  const at = (msg: string) => `Jul 29 09:59:54 vpn charon: 05[NET] ${msg}`;
  const filler = Array.from({ length: MAX_ENTRIES + 500 }, (_, i) => at(`received packet: from 198.51.100.${i % 250}[500] to 203.0.113.5[500] (300 bytes)`));
  const log = (auth: string) => [...filler, at('generating IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]'), ...filler, at(auth)].join('\n');
  const neverCame = (text: string) => parseServerLog(text).entries.filter((e) => e.cause === 'ike-auth-never-came').length;
  it('a counted packet on UDP 4500 still says IKE_AUTH arrived (no 809 cause); one on UDP 500 does not', () => {
    expect(neverCame(log('received packet: from 198.51.100.7[4500] to 203.0.113.5[4500] (1200 bytes)'))).toBe(0);
    expect(neverCame(log('received packet: from 198.51.100.7[500] to 203.0.113.5[500] (1200 bytes)'))).toBe(1);
    // the same record before the cap, decoded in full, says the same
    expect(neverCame([at('generating IKE_SA_INIT response 0 [ SA KE No ]'), at('received packet: from 198.51.100.7[4500] to 203.0.113.5[4500] (1200 bytes)')].join('\n'))).toBe(0);
  });
});

describe('everyEntry (what --redact reads names from) sees every understood record, decoded in full', () => {
  it('past the entries cap too, in every family path: untracked, tracked and an unrelated program; the result is the one without it', () => {
    const lines = [
      ...Array.from({ length: MAX_ENTRIES + 20 }, (_, i) => `Jul 29 09:59:54 gw pppd[${i}]: Using interface ppp${i % 9}`),
      'Jul 29 09:59:55 gw pppd[7]: CHAP peer authentication succeeded for alice',
      'Jul 29 09:59:55 gw charon: 05[IKE] 198.51.100.7 is initiating an IKE_SA',
      'Jul 29 09:59:55 gw pluto[9]: "l2tp-psk"[1] 198.51.100.8 #12: STATE_MAIN_R1: sent MR1, expecting MI2',
      'Jul 29 09:59:55 gw kernel: [1.2] ppp0: renamed from ppp',
      'Jul 29 09:59:55 gw pppd[7]: a line no rule knows',
    ].join('\n');
    const seen: ServerLogEntry[] = [];
    const p = new ServerLogParser('x', { everyEntry: (e) => seen.push(e) });
    p.pushText(lines);
    const withHook = p.end();
    expect(seen).toHaveLength(withHook.understood);
    expect(seen.slice(-4).map((e) => [e.family, e.line, e.decoded.length > 0])).toEqual([['pppd', MAX_ENTRIES + 21, true], ['strongswan', MAX_ENTRIES + 22, true], ['libreswan', MAX_ENTRIES + 23, true], ['syslog', MAX_ENTRIES + 24, true]]);
    expect(seen.find((e) => e.line === MAX_ENTRIES + 21)?.decoded[0]?.values).toMatchObject({ user: 'alice' });
    expect(JSON.stringify(withHook)).toBe(JSON.stringify(parseServerLog(lines, 'x')));
  });
});

describe('past the entries cap, a pluto record with a cause is decoded as before the cap', () => {
  const pluto = (msg: string) => `Jan 22 03:18:24 vpn pluto[2209]: ${msg}`;
  const filler = Array.from({ length: MAX_ENTRIES + 50 }, (_, i) => pluto(`"l2tp-psk"[${i % 40}] 198.51.100.${i % 250} #${i}: STATE_MAIN_R1: sent MR1, expecting MI2`));
  // conn heads with and without a peer, with a port, a host name, and HEAD's `packet from` shape
  const causes = [
    '"l2tp-psk"[7] 198.51.100.7 #4501: max number of retransmissions (2) reached STATE_MAIN_R2',
    '"l2tp-psk"[7] 198.51.100.8:4500 #4502: max number of retransmissions (2) reached STATE_MAIN_R2',
    '"l2tp-psk" #4503: max number of retransmissions (2) reached STATE_MAIN_R2',
    '"l2tp-psk"[3] host.example #4504: no acceptable Oakley Transform',
    'packet from 198.51.100.9:500: max number of retransmissions (2) reached STATE_MAIN_R2',
  ];
  it('the same entry (serial as session, the PC\'s address as peer) as the record alone gives', () => {
    const past = parseServerLog([...filler, ...causes.map(pluto)].join('\n')).entries.filter((e) => e.line > filler.length);
    const alone = parseServerLog(causes.map(pluto).join('\n')).entries;
    const shape = (e: (typeof alone)[number]) => ({ text: e.text, session: e.session, peer: e.peer, cause: e.cause, decoded: e.decoded });
    expect(past.map(shape)).toEqual(alone.map(shape));
    expect(alone.map((e) => [e.session, e.peer])).toEqual([['#4501', '198.51.100.7'], ['#4502', '198.51.100.8'], ['#4503', undefined], ['#4504', undefined], ['pluto[2209]', '198.51.100.9']]);
  });
});

describe.skipIf(!corpusAvailable)('past the entries cap, lines are only counted — and counted as when decoded', () => {
  it('the pppd corpus (and a line no rule knows) repeated 300 times: every count is 300 times that of one copy', () => {
    // plus a pppd line no rule knows: it must stay unknown when the copy is only counted
    const one = [...corpusFiles(join('server-logs', 'pppd')).map((n) => readCorpus(join('server-logs', 'pppd'), n).replace(/\s+$/, '')), 'Jul 29 09:59:54 gw pppd[1]: a message no rule knows'].join('\n');
    const single = parseServerLog(one);
    const many = parseServerLog(Array(300).fill(one).join('\n'));
    expect(many.records).toBeGreaterThan(MAX_ENTRIES * 2); // most copies are past the cap: context rules answer without decoding
    expect(single.unknown).toBe(1);
    expect([many.records, many.understood, many.unknown]).toEqual([single.records * 300, single.understood * 300, single.unknown * 300]);
    expect(many.families).toEqual(Object.fromEntries(Object.entries(single.families).map(([f, n]) => [f, n! * 300])));
    const causes = (r: typeof single) => r.entries.filter((e) => e.cause).map((e) => e.cause);
    expect(causes(many)).toEqual(Array(300).fill(causes(single)).flat().slice(0, MAX_CAUSE_ENTRIES));
  });
});

describe('IKE words are the reader\'s language: strongSwan message kinds, Libreswan IKEv1 states', () => {
  const nl = engineT('nl');
  const retransmit = 'Mar 16 18:41:52 vpn pluto[1614]: "l2tp-psk"[1] 109.252.69.155 #1: STATE_MAIN_R2: retransmission; will wait 4 seconds for response';
  const transition = 'Mar 16 18:41:47 vpn pluto[1614]: "l2tp-psk"[1] 109.252.69.155 #1: transition from state STATE_MAIN_R0 to state STATE_MAIN_R1';

  it('the entry keeps the state as the log names it; its words come from the language', () => {
    const e = one(retransmit)!;
    expect(e.decoded[0]!.values?.state).toBe('STATE_MAIN_R2');
    expect(describeEntry(e, t)).toBe('STATE_MAIN_R2 (responder sent MR2 (key exchange); waits for MI3): no answer yet, retransmitting (waits 4 s).');
    expect(describeEntry(e, nl)).toBe('STATE_MAIN_R2 (responder verstuurde MR2 (sleuteluitwisseling); wacht op MI3): nog geen antwoord, opnieuw verstuurd (wacht 4 s).');
  });

  it('both states of a transition, in Dutch; a state the table does not know is its name alone', () => {
    expect(describeEntry(one(transition)!, nl)).toBe('IKEv1-toestand STATE_MAIN_R0 (responder, nog niets verstuurd; wacht op MI1) → STATE_MAIN_R1 (responder verstuurde MR1 (SA gekozen); wacht op MI2).');
    const unknown = one(transition.replace('STATE_MAIN_R1', 'STATE_XAUTH_R0'))!;
    expect(describeEntry(unknown, nl)).toContain('→ STATE_XAUTH_R0.');
    expect(describeEntry(unknown, nl)).not.toMatch(/responder sent|waits for/);
  });

  it('an established state says so once, in either language; a state the table does not know keeps pluto\'s words', () => {
    const sent = 'Mar 16 18:41:54 vpn pluto[1614]: "l2tp-psk"[1] 109.252.69.155 #1: STATE_MAIN_R3: sent MR3, ISAKMP SA established {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP1024}';
    expect(describeEntry(one(sent)!, t)).toBe('STATE_MAIN_R3 (responder sent MR3: ISAKMP SA established) {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP1024}.');
    expect(describeEntry(one(sent)!, nl)).toBe('STATE_MAIN_R3 (responder verstuurde MR3: ISAKMP SA opgezet) {auth=PRESHARED_KEY cipher=aes_256 integ=sha group=MODP1024}.');
    // `ipsec status`: the parenthesis is pluto's own words for the state, in English
    const status = '000 #4: "l2tp-psk"[4] 5.123.246.46:1396 STATE_QUICK_R2 (IPsec SA established); EVENT_SA_EXPIRE in 3600s; newest IPSEC; idle';
    expect(describeEntry(one(status)!, t)).toBe('STATE_QUICK_R2 (IPsec SA established).');
    expect(describeEntry(one(status)!, nl)).toBe('STATE_QUICK_R2 (IPsec SA opgezet).');
    expect(describeEntry(one(status.replace('STATE_QUICK_R2', 'STATE_XAUTH_R1'))!, t)).toBe('STATE_XAUTH_R1 IPsec SA established.');
  });

  it('an IKEv2 request or response, in Dutch', () => {
    const line = 'Mar 16 18:41:48 vpn charon: 09[NET] generating IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]';
    expect(describeEntry(one(line)!, t)).toMatch(/^IKEv2 IKE_SA_INIT response to the PC/);
    expect(describeEntry(one(line)!, nl)).toMatch(/^IKEv2 IKE_SA_INIT antwoord naar de pc/);
    expect(describeEntry(one(line.replace('generating', 'parsed').replace('response', 'request'))!, nl)).toMatch(/^IKEv2 IKE_SA_INIT verzoek van de pc/);
  });
});
