import { describe, expect, it } from 'vitest';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { pppdOptionType } from './ppp-option-names';
import { rejectedOption } from './ppp-reject';

/**
 * PPP Configure-Rejects judged by what they refuse, and Configure-Nak loops (ppp-reject.ts, families/pppd-packet.ts,
 * families/ios-nak.ts, diagnose/server-log/rejects-overcome.ts): real pppd logs (test/fixtures/real/SOURCES.md) and the
 * Configure-Rejects of the other real fixtures that hold one.
 */

const en = engineT('en');
const nl = engineT('nl');

const REJECT_ROWS: Record<string, RealServerLogRow> = {
  // a pptp client asking the server to authenticate: EAP refused, then CHAP MD5 refused, then it asks none and goes on — no
  // failure, each reject worded by how the client went on (ppp-got-past.ts); the server Naks MRU 1500 five times (the thread's fix: MRU 1500)
  'pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt': {
    records: 42,
    understood: 42,
    families: { pppd: 42 },
    causes: [],
    says: [
      [5, "The server refused the sign-in method this side asked for (eap); this side's next request asks for another (chap MD5), so the negotiation goes on"],
      [9, "The server refused the sign-in method this side asked for (chap MD5); this side's next request, without it, was accepted: the link goes on without the server proving who it is"],
      [15, 'The same setting asked for again and again (3 times without agreement): mru was asked 1416, the answer each time 1500'],
    ],
  },
  // a 3G modem's PPP server refuses to authenticate itself with CHAP MD5, and pppd, which requires it, gives up
  'pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt': {
    records: 19,
    understood: 19,
    families: { pppd: 19 },
    causes: [
      [9, 'auth-protocol-mismatch'],
      [12, 'auth-protocol-mismatch'],
    ],
    says: [[9, 'The server refused the sign-in method this side asks it for (chap MD5)']],
  },
};

const findingsOf = (file: string) => explainServerLogs([parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file)], en).findings;

describe('PPP Configure-Reject judged by the options it refuses; Configure-Nak loops', () => {
  realServerLogTable(REJECT_ROWS);

  it('a refused authentication method the asker got past (another method asked, or its next request acknowledged) makes no finding; one it gave up on does', () => {
    expect(findingsOf('pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt').map((f) => f.id)).toEqual([]);
    const [finding, ...rest] = findingsOf('pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt');
    expect(rest).toEqual([]);
    expect(finding!.id).toBe('vpn.auth-mismatch');
    expect(finding!.evidence.map((e) => e.line)).toEqual([9, 12]);
  });

  it('a reject the asker got past is no failure on its own line: worded by how it went on (another method; without it), in en and nl', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt`));
    const at = (line: number) => r.entries.find((e) => e.line === line)!;
    expect([at(5).outcome, at(5).cause, at(9).outcome, at(9).cause]).toEqual(['info', undefined, 'warning', undefined]);
    expect(describeEntry(at(5), nl)).toContain('het volgende verzoek van deze kant vraagt een andere (chap MD5)');
    expect(describeEntry(at(9), nl)).toContain('zonder die methode, werd aanvaard');
    // the 3G modem's client gave up (pppd: "peer refused to authenticate"): its reject stays the failure
    const gaveUp = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/pppd-3g-modem-client-auth-chap-md5-rejected-peer-refused-to-authenticate.txt`));
    expect(gaveUp.entries.find((e) => e.line === 9)!.outcome).toBe('failure');
  });

  it('got past, by structure: pppd/accel MPPE refused then a request without it acknowledged (unencrypted: a warning); a reject with nothing after it stays', () => {
    const accel = ['Feb 28 17:03:07 vyos accel-sstp[2]: ppp0:test: recv [CCP ConfRej id=7 <mppe +H -M +S -L -D -C>]', 'Feb 28 17:03:07 vyos accel-sstp[2]: ppp0:test: send [CCP ConfReq id=8]', 'Feb 28 17:03:07 vyos accel-sstp[2]: ppp0:test: recv [CCP ConfAck id=8]'];
    const r = parseServerLog(accel.join('\n'));
    expect([r.entries[0]!.outcome, r.entries[0]!.cause]).toEqual(['warning', undefined]);
    expect(describeEntry(r.entries[0]!, en)).toContain('The PC refused encryption (mppe +H -M +S -L -D -C: MPPE 128-bit, stateless); the server\'s next request, without it, was accepted: the link goes on unencrypted');
    expect(describeEntry(r.entries[0]!, nl)).toContain('de verbinding gaat onversleuteld door');
    expect(explainServerLogs([r], en).findings).toEqual([]);
    // the Ack of ANOTHER session, or one travelling the other way, is not this asker going on
    expect(parseServerLog([accel[0], accel[1], accel[2]!.replace('ppp0:test', 'ppp1:other')].join('\n')).entries[0]!.cause).toBe('pc-refused-encryption');
    expect(parseServerLog([accel[0], 'Feb 28 17:03:07 vyos accel-sstp[2]: ppp0:test: send [CCP ConfAck id=3]'].join('\n')).entries[0]!.cause).toBe('pc-refused-encryption');
    expect(parseServerLog(accel[0]!).entries[0]!.outcome).toBe('failure');
  });

  it('got past on IOS option lines: the method refused, then a CONFREQ asking another and its CONFACK', () => {
    const log = [
      'Vi1 LCP: O CONFREQ [Closed] id 1 len 10',
      'Vi1 LCP:    AuthProto MS-CHAP-V2 (0x0305C22381)',
      'Vi1 LCP: I CONFREJ [REQsent] id 1 len 9',
      'Vi1 LCP:    AuthProto MS-CHAP-V2 (0x0305C22381)',
      'Vi1 LCP: O CONFREQ [REQsent] id 2 len 9',
      'Vi1 LCP:    AuthProto CHAP (0x0305C22305)',
      'Vi1 LCP: I CONFACK [REQsent] id 2 len 9',
      'Vi1 LCP:    AuthProto CHAP (0x0305C22305)',
    ];
    const r = parseServerLog(log.join('\n'));
    expect([r.entries[3]!.outcome, r.entries[3]!.cause]).toEqual(['info', undefined]);
    expect(describeEntry(r.entries[3]!, en)).toContain("the server's next request asks for another (CHAP (MD5))");
    // another link's request is not this one's
    const other = parseServerLog([...log.slice(0, 4), ...log.slice(4).map((l) => l.replace('Vi1', 'Vi2'))].join('\n'));
    expect(other.entries[3]!.cause).toBe('auth-protocol-mismatch');
    // the router refusing the PC's method (O CONFREJ), the PC then asking for none and the router acknowledging: a warning
    const here = ['Vi3 LCP: I CONFREQ [REQsent] id 1 len 9', 'Vi3 LCP:    AuthProto PAP (0x0304C023)', 'Vi3 LCP: O CONFREJ [REQsent] id 1 len 8', 'Vi3 LCP:    AuthProto PAP (0x0304C023)', 'Vi3 LCP: I CONFREQ [REQsent] id 2 len 4', 'Vi3 LCP: O CONFACK [REQsent] id 2 len 4'];
    const h = parseServerLog(here.join('\n'));
    expect([h.entries[3]!.outcome, h.entries[3]!.cause]).toEqual(['warning', undefined]);
    expect(describeEntry(h.entries[3]!, en)).toContain("the server's next request, without it, was accepted: the link goes on without this side proving who it is");
  });

  it('got past on RouterOS packet debug: option lines, a valueless option (`<pcomp>`) read as one; a bracketed note is not', () => {
    const topic = 'l2tp, ppp, debug, packet | ';
    const log = ['<10.0.0.9>: sent LCP ConfReq id=0x1', '<auth mschap2>', '<pcomp>', '<10.0.0.9>: rcvd LCP ConfRej id=0x1', '<auth mschap2>', '<pcomp>', '<10.0.0.9>: sent LCP ConfReq id=0x2', '<auth chap>', '<10.0.0.9>: rcvd LCP ConfAck id=0x2', '<auth chap>', '<snip>'];
    const r = parseServerLog(log.map((l) => topic + l).join('\n'));
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? null])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => [line, 'info', null]));
    expect(describeEntry(r.entries[4]!, en)).toContain("the server's next request asks for another (chap)");
    expect(describeEntry(r.entries[5]!, en)).toContain('The PC does not use header compression (pcomp)');
    expect(r.unknownLines.map((u) => u.line)).toEqual([11]);
  });

  it('mpd: a refused authentication method got past (another asked on the next request) is worded so; its other dropped options too', () => {
    const head = 'Apr  1 11:47:11 R3 ppp[58548]: [L-1] ';
    const log = ['LCP: SendConfigReq #1', '  AUTHPROTO CHAP MSOFTv2', '  MP MRRU 1600', "LCP: rec'd Configure Reject #1 (Req-Sent)", '  AUTHPROTO CHAP MSOFTv2', '  MP MRRU 1600', 'LCP: SendConfigReq #2', '  AUTHPROTO CHAP MD5'];
    const r = parseServerLog(log.map((l) => head + l).join('\n'));
    expect(r.entries.map((e) => e.outcome)).toEqual(['info', 'info', 'info', 'info', 'info', 'info', 'info', 'info']);
    expect(describeEntry(r.entries[4]!, en)).toContain("The PC refused the sign-in method the server asked for (CHAP MSOFTv2); the server's next request asks for another (CHAP MD5)");
    expect(describeEntry(r.entries[5]!, en)).toContain('The PC does not use multilink (several links bundled into one) (MP MRRU 1600)');
    // with nothing after it, the reject stays a cause, as pppd's and IOS's do
    expect(parseServerLog(log.slice(0, 5).map((l) => head + l).join('\n')).entries[4]!.cause).toBe('auth-protocol-mismatch');
  });

  it('mpd: Naks counted with the same threshold (the third Nak of one option, no Ack between, names both values); an Ack ends the count', () => {
    const head = 'Apr  1 11:47:11 R3 ppp[58548]: [L-1] ';
    const round = (id: number) => [`LCP: rec'd Configure Request #${id} (Req-Sent)`, '  MRU 1400', '  MAGICNUM 16c02943', `LCP: SendConfigNak #${id}`, '  MRU 1500'];
    const loop = parseServerLog([1, 2, 3].flatMap(round).map((l) => head + l).join('\n'));
    expect(loop.entries.filter((e) => e.outcome === 'warning').map((e) => e.line)).toEqual([15]);
    expect(describeEntry(loop.entries[14]!, en)).toContain('MRU was asked 1400, the answer each time 1500');
    const acked = [...round(1), ...round(2), 'LCP: SendConfigAck #3', ...round(4)];
    expect(parseServerLog(acked.map((l) => head + l).join('\n')).entries.every((e) => e.outcome === 'info')).toBe(true);
  });

  it.each([
    // [fixture, line, outcome, cause, what it says]
    ['pppd-sstpd-python-iso-time-windows-lcp-callback-cbcp-mrru-rejected.txt', 7, 'info', undefined, 'The server does not use multilink (several links bundled into one) (mrru 1614); the link goes on without it'],
    ['pppd-sstpd-python-iso-time-windows-lcp-callback-cbcp-mrru-rejected.txt', 7, 'info', undefined, 'The server does not use callback (callback CBCP)'],
    ['pppd-accel-sstp-vyos-docs-journal-windows-10-pap-fsm-timeout-ipv6cp-discarded.txt', undefined, 'info', undefined, 'The server does not use header compression (pcomp, accomp)'],
    ['pppd-accel-sstp-vyos-docs-journal-windows-10-pap-fsm-timeout-ipv6cp-discarded.txt', undefined, 'info', undefined, 'name server addresses (DNS/WINS)'],
    ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 46, 'info', undefined, 'The PC does not use data compression (deflate 15, deflate(old#) 15, bsd v1 15)'],
    ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 48, 'info', undefined, 'The PC does not use header compression (compress VJ 0f 01)'],
    // an MPPE option with no key length (Windows over L2TP/IPsec) asks for no encryption: its refusal is no cause
    ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 42, 'info', undefined, 'CCP ConfRej'],
    ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 53, 'failure', 'address-pool', "The server refused the PC's request for an IP address (0.0.0.0)"],
    // mpd's option lines under its Configure-Rejects (`[L-1]   ACFCOMP`), worded as pppd's dump is
    ['mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt', 21, 'info', undefined, 'The PC does not use header compression (ACFCOMP); the link goes on without it'],
    ['mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt', 82, 'info', undefined, 'The server does not use name server addresses (DNS/WINS)'],
    ['mpd5-pfsense-docs-l2tps-windows-chap-ccp-protocol-rejected-then-disconnect.txt', 28, 'info', undefined, 'The server does not use callback (CALLBACK 6)'],
    ['mpd5-pfsense-docs-l2tps-windows-chap-ccp-protocol-rejected-then-disconnect.txt', 102, 'info', undefined, 'The PC does not use header compression (COMPPROTO VJCOMP)'],
  ] as const)('%s line %s: %s', (file, line, outcome, cause, text) => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);
    const e = line !== undefined ? r.entries.find((x) => x.line === line)! : r.entries.find((x) => describeEntry(x, en).includes(text))!;
    expect([e.outcome, e.cause]).toEqual([outcome, cause]);
    expect(describeEntry(e, en)).toContain(text);
    expect(describeEntry(e, nl)).not.toMatch(/\{\{|serverLog\.|does not use/);
  });

  it('accel-ppp and pppd dumps: the auth method, MPPE with a key length and the request for an address are causes, by who refused', () => {
    const said = (line: string) => {
      const e = parseServerLog(`${line}\n`).entries[0]!;
      return [e.outcome, e.cause ?? null, describeEntry(e, en)];
    };
    expect(said('Feb 28 17:03:07 vyos accel-sstp[2492]: ppp0:test: recv [CCP ConfRej id=7 <mppe +H -M +S -L -D -C>]')).toEqual([
      'failure',
      'pc-refused-encryption',
      expect.stringContaining('The PC refused encryption (mppe +H -M +S -L -D -C: MPPE 128-bit, stateless)'),
    ]);
    expect(said('Feb 28 17:03:07 vyos pppd[2492]: sent [CCP ConfRej id=0x1 <mppe +H -M +S +L -D -C>]').slice(0, 2)).toEqual(['failure', 'server-refused-encryption']);
    expect(said('Dec 10 21:01:46 bender pppd[17396]: sent [LCP ConfRej id=0x0 <auth chap 81> <mrru 1614> < 17 04 00 18>]')).toEqual([
      'failure',
      'auth-protocol-mismatch',
      expect.stringMatching(/The server refused the sign-in method the PC asks for \(chap 81\).*The server does not use multilink .*\(mrru 1614, 17 04 00 18\)/),
    ]);
    expect(said('Dec 10 21:01:46 bender pppd[17396]: rcvd [IPCP ConfRej id=0x1 <addr 0.0.0.0>]').slice(0, 2)).toEqual(['failure', 'address-pool']);
    // this side's own address refused: the link goes on (the other side has one for it)
    expect(said('Dec 10 21:01:46 bender pppd[17396]: rcvd [IPCP ConfRej id=0x1 <addr 10.0.0.1>]').slice(0, 2)).toEqual(['info', null]);
  });

  it('IOS: a Configure-Reject is judged on its option lines; on a link where the router logs in to a server it is no cause', () => {
    const log = [
      'Vi1 LCP: I CONFREQ [REQsent] id 180 len 17',
      'Vi1 LCP:    MagicNumber 0x39D50E9B (0x050639D50E9B)',
      'Vi1 LCP:    PFC (0x0702)',
      'Vi1 LCP:    Callback 6  (0x0D0306)',
      'Vi1 LCP: O CONFREJ [REQsent] id 180 len 7',
      'Vi1 LCP:    Callback 6  (0x0D0306)',
      'Vi1 LCP: I CONFREJ [REQsent] id 3 len 9',
      'Vi1 LCP:    AuthProto MS-CHAP-V2 (0x0305C22381)',
      'Vi1 CCP: I CONFREJ [REQsent] id 4 len 10',
      'Vi1 CCP:    MS-PPC supported bits 0x01000040 (0x120601000040)',
      'Vi1 IPCP: O CONFREJ [REQsent] id 5 len 10',
      'Vi1 IPCP:    Address 0.0.0.0 (0x030600000000)',
    ].join('\n');
    const r = parseServerLog(log);
    expect(r.entries.map((e) => [e.line, e.outcome, e.cause ?? null])).toEqual([
      [1, 'info', null],
      [2, 'info', null],
      [3, 'info', null],
      [4, 'info', null],
      [5, 'info', null],
      [6, 'info', null],
      [7, 'info', null],
      [8, 'failure', 'auth-protocol-mismatch'],
      [9, 'info', null],
      [10, 'failure', 'pc-refused-encryption'],
      [11, 'info', null],
      [12, 'failure', 'address-pool'],
    ]);
    expect(describeEntry(r.entries[5]!, en)).toContain('The server does not use callback (Callback CBCP); the link goes on without it');
    expect(describeEntry(r.entries[7]!, nl)).toContain('De pc weigerde de aanmeldmethode die de server vraagt');
    // the router is the client (its own login asked by the server: `AuthProto` in the server's request): the refusal is its own
    const client = ['Vi2 LCP: I CONFREQ [REQsent] id 1 len 9', 'Vi2 LCP:    AuthProto CHAP (0x0305C22305)', 'Vi2 LCP: O CONFREJ [REQsent] id 1 len 9', 'Vi2 LCP:    AuthProto CHAP (0x0305C22305)'].join('\n');
    expect(parseServerLog(client).entries.map((e) => e.cause ?? null)).toEqual([null, null, null, null]);
  });

  it('RouterOS packet debug: the option lines under a Configure-Reject judged as pppd\'s dump is; under Naks counted for a loop', () => {
    // (the shape of the Winbox copy routeros-winbox-copy-l2tp-debug-…: a packet line, then its options one a line)
    const topic = 'l2tp, ppp, debug, packet | ';
    const log = ['<10.0.0.9>: sent LCP ConfRej id=0x1', '<mrru 1614>', '<callback CBCP>', '<10.0.0.9>: rcvd LCP ConfRej id=0x2', '<auth mschap2>'].map((l) => topic + l).join('\n');
    const r = parseServerLog(log);
    expect(r.entries.map((e) => [e.outcome, e.cause ?? null])).toEqual([
      ['info', null],
      ['info', null],
      ['info', null],
      ['info', null],
      ['failure', 'auth-protocol-mismatch'],
    ]);
    expect(describeEntry(r.entries[1]!, en)).toContain('The server does not use multilink');
    const naks = [1, 2, 3].flatMap((id) => [`<10.0.0.9>: sent IPCP ConfReq id=0x${id}`, '<addr 0.0.0.0>', `<10.0.0.9>: rcvd IPCP ConfNak id=0x${id}`, '<addr 10.5.5.5>']);
    const loop = parseServerLog(naks.map((l) => topic + l).join('\n'));
    expect(loop.entries.map((e) => e.outcome).filter((o) => o === 'warning')).toEqual(['warning']);
    expect(describeEntry(loop.entries[11]!, en)).toContain('addr was asked 0.0.0.0, the answer each time 10.5.5.5');
  });

  it('a pppd Nak loop: the third Nak of one option with no Ack that way between is a warning naming both values; an Ack ends the count', () => {
    const nak = (id: number) => `pppd[7]: rcvd [LCP ConfNak id=0x${id} <mru 1500>]`;
    const req = (id: number) => `pppd[7]: sent [LCP ConfReq id=0x${id} <mru 1400> <magic 0x1>]`;
    const loop = [req(1), nak(1), req(2), nak(2), req(3), nak(3), req(4), nak(4)].join('\n');
    expect(parseServerLog(loop).entries.map((e) => e.outcome)).toEqual(['info', 'info', 'info', 'info', 'info', 'warning', 'info', 'info']);
    expect(describeEntry(parseServerLog(loop).entries[5]!, nl)).toContain('voor mru werd 1400 gevraagd, het antwoord telkens 1500');
    const acked = [req(1), nak(1), req(2), nak(2), 'pppd[7]: rcvd [LCP ConfAck id=0x3 <mru 1400>]', req(3), nak(3)].join('\n');
    expect(parseServerLog(acked).entries.every((e) => e.outcome === 'info')).toBe(true);
    // another pppd's Naks are its own negotiation
    const two = [nak(1), nak(2), nak(3).replace('pppd[7]', 'pppd[8]')].join('\n');
    expect(parseServerLog(two).entries.every((e) => e.outcome === 'info')).toBe(true);
  });

  it.each([
    ['LCP', 'asyncmap 0x0', { kind: 'dropped', words: 'asyncmap' }],
    ['LCP', 'magic 0xd79088c7', { kind: 'dropped', words: 'magic' }],
    ['LCP', 'pcomp', { kind: 'dropped', words: 'headerCompression' }],
    ['LCP', 'accomp', { kind: 'dropped', words: 'headerCompression' }],
    ['LCP', 'mrru 1614', { kind: 'dropped', words: 'multilink' }],
    ['LCP', 'endpoint [local:b5.1f]', { kind: 'dropped', words: 'multilink' }],
    ['LCP', ' 17 04 00 52', { kind: 'dropped', words: 'multilink' }],
    ['LCP', ' d 3 6 ', { kind: 'dropped', words: 'callback' }],
    ['LCP', 'auth chap MS-v2', { kind: 'auth' }],
    ['IPCP', 'compress VJ 0f 01', { kind: 'dropped', words: 'headerCompression' }],
    ['IPCP', 'ms-wins 0.0.0.0', { kind: 'dropped', words: 'nameServers' }],
    ['IPCP', 'dns2 0.0.0.0', { kind: 'dropped', words: 'nameServers' }],
    ['CCP', 'bsd v1 15', { kind: 'dropped', words: 'dataCompression' }],
    ['CCP', 'deflate(old#) 15', { kind: 'dropped', words: 'dataCompression' }],
  ] as const)('%s <%s>: %o', (proto, option, verdict) => {
    expect(rejectedOption(proto, pppdOptionType(proto, option), {}, false)).toEqual(verdict);
  });
});
