import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import type { ServerLogEntry } from './types';

/**
 * One Configure-Reject verdict for every PPP family (ppp-reject.ts judgeRejects): the same option refused in a pppd dump, on Cisco
 * IOS's option line, on mpd's option line and in RouterOS's packet debug reads the same — outcome, cause, statement and, for an
 * option PPP drops, the same plain words. (RouterOS writes its options one a line as pppd's names, `<mrru 1614>`; an MPPE or VJ
 * option of it with more than two value words is not in any real copy here, so those rows hold three families.)
 */

const en = engineT('en');
const nl = engineT('nl');

const pppd = (dir: 'sent' | 'rcvd', proto: string, options: string) => [`Dec 10 21:01:46 srv pppd[17396]: ${dir} [${proto} ConfRej id=0x1 ${options}]`];
const ios = (dir: 'O' | 'I', proto: string, option: string) => [`Vi1 ${proto}: ${dir} CONFREJ [REQsent] id 1 len 10`, `Vi1 ${proto}:    ${option}`];
const mpd = (dir: 'sent' | 'rcvd', proto: string, ...options: string[]) => [
  `Apr  1 11:47:11 R3 mpd[5854]: [L-1] ${proto}: ${dir === 'sent' ? 'SendConfigRej #1' : "rec'd Configure Reject #1 (Req-Sent)"}`,
  ...options.map((o) => `Apr  1 11:47:11 R3 mpd[5854]: [L-1]   ${o}`),
];
const routeros = (dir: 'sent' | 'rcvd', proto: string, option: string) => [`l2tp, ppp, debug, packet | <10.0.0.9>: ${dir} ${proto} ConfRej id=0x1`, `l2tp, ppp, debug, packet | <${option}>`];

const REJECT_KEYS = /^(?:reject(?:Auth|Encryption|Dropped|Other)(?:Here|ByOther)|ipcpAddressRefused(?:Here|ByOther))$/;

/** what the reject's line says: its outcome, cause and reject statements (with a dropped option's words) */
function verdictOf(lines: string[]) {
  const r = parseServerLog(lines.join('\n'));
  const e = r.entries.at(-1)!;
  expect(e.line).toBe(lines.length);
  return { outcome: e.outcome, cause: e.cause ?? null, said: e.decoded.filter((dd) => REJECT_KEYS.test(dd.key)).map((dd) => (dd.values?.words ? `${dd.key}:${String(dd.values.words)}` : dd.key)), entry: e };
}

const ROWS: [string, string[][], { outcome: string; cause: string | null; said: string[] }][] = [
  ['the sign-in method this side asks for, refused by the other side (RFC 1661 §6.2)', [
    pppd('rcvd', 'LCP', '<auth chap MS-v2>'),
    ios('I', 'LCP', 'AuthProto MS-CHAP-V2 (0x0305C22381)'),
    mpd('rcvd', 'LCP', 'AUTHPROTO CHAP MSOFTv2'),
    routeros('rcvd', 'LCP', 'auth mschap2'),
  ], { outcome: 'failure', cause: 'auth-protocol-mismatch', said: ['rejectAuthByOther'] }],
  ['the other side\'s request for an address (0.0.0.0) refused here (RFC 1332 §3.3)', [
    pppd('sent', 'IPCP', '<addr 0.0.0.0>'),
    ios('O', 'IPCP', 'Address 0.0.0.0 (0x030600000000)'),
    mpd('sent', 'IPCP', 'IPADDR 0.0.0.0'),
    routeros('sent', 'IPCP', 'addr 0.0.0.0'),
  ], { outcome: 'failure', cause: 'address-pool', said: ['ipcpAddressRefusedHere'] }],
  ['MPPE with a 128-bit key refused by the other side (RFC 3078 §2.1)', [
    pppd('rcvd', 'CCP', '<mppe +H -M +S -L -D -C>'),
    ios('I', 'CCP', 'MS-PPC supported bits 0x01000040 (0x120601000040)'),
    mpd('rcvd', 'CCP', 'MPPC', '  0x01000040:MPPE(128 bits), stateless'),
  ], { outcome: 'failure', cause: 'pc-refused-encryption', said: ['rejectEncryptionByOther'] }],
  ['MPPC compression without a key length refused: a compression method dropped, no encryption refused (RFC 2118, RFC 3078 §2.1)', [
    pppd('rcvd', 'CCP', '<mppe -H -M -S -L -D +C>'),
    ios('I', 'CCP', 'MS-PPC supported bits 0x00000001 (0x120600000001)'),
    mpd('rcvd', 'CCP', 'MPPC', '  0x00000001:MPPC'),
  ], { outcome: 'info', cause: null, said: ['rejectDroppedByOther:dataCompression'] }],
  ['multilink refused here (RFC 1990 §5.1.1)', [
    pppd('sent', 'LCP', '<mrru 1614>'),
    ios('O', 'LCP', 'MRRU 1614 (0x1104064E)'),
    mpd('sent', 'LCP', 'MP MRRU 1614'),
    routeros('sent', 'LCP', 'mrru 1614'),
  ], { outcome: 'info', cause: null, said: ['rejectDroppedHere:multilink'] }],
  ['callback refused here (RFC 1570 §2.3)', [
    pppd('sent', 'LCP', '<callback CBCP>'),
    ios('O', 'LCP', 'Callback 6  (0x0D0306)'),
    mpd('sent', 'LCP', 'CALLBACK 6'),
    routeros('sent', 'LCP', 'callback CBCP'),
  ], { outcome: 'info', cause: null, said: ['rejectDroppedHere:callback'] }],
  ['Van Jacobson header compression refused by the other side (RFC 1332 §3.2)', [
    pppd('rcvd', 'IPCP', '<compress VJ 0f 01>'),
    ios('I', 'IPCP', 'CompressType VJ 15 slots CompressSlotID (0x0206002D0F01)'),
    mpd('rcvd', 'IPCP', 'COMPPROTO VJCOMP, 16 comp. channels, no comp-cid'),
  ], { outcome: 'info', cause: null, said: ['rejectDroppedByOther:headerCompression'] }],
  ['a name server address refused here (RFC 1877 §1)', [
    pppd('sent', 'IPCP', '<ms-dns 0.0.0.0>'),
    ios('O', 'IPCP', 'PrimaryDNS 0.0.0.0 (0x810600000000)'),
    mpd('sent', 'IPCP', 'PRIDNS 0.0.0.0'),
    routeros('sent', 'IPCP', 'ms-dns 0.0.0.0'),
  ], { outcome: 'info', cause: null, said: ['rejectDroppedHere:nameServers'] }],
];

describe('one Configure-Reject verdict for pppd, Cisco IOS, mpd and RouterOS', () => {
  it.each(ROWS)('%s', (_what, logs, expected) => {
    for (const lines of logs) {
      const v = verdictOf(lines);
      expect({ log: lines.at(-1), outcome: v.outcome, cause: v.cause, said: v.said }).toEqual({ log: lines.at(-1), ...expected });
      // worded in both languages, no key or English left in the Dutch
      expect(describeEntry(v.entry, nl)).not.toMatch(/\{\{|serverLog\.|does not use|refused/);
      expect(describeEntry(v.entry, en)).not.toMatch(/\{\{|serverLog\./);
    }
  });

  it('on a router\'s own link (Cisco IOS logging in to a server; mpd as the pfSense WAN client) a refusal the link needs is a warning, no cause', () => {
    const iosOwn = ['Vi2 LCP: I CONFREQ [REQsent] id 1 len 9', 'Vi2 LCP:    AuthProto CHAP (0x0305C22305)', ...ios('O', 'LCP', 'AuthProto CHAP (0x0305C22305)').map((l) => l.replace('Vi1', 'Vi2'))];
    const mpdOwn = ['Apr  1 11:47:11 R3 ppp[58548]: [wan_link0] LCP: auth: peer wants CHAP, I want nothing', ...mpd('rcvd', 'IPCP', 'IPADDR 0.0.0.0').map((l) => l.replace('mpd[5854]: [L-1]', 'ppp[58548]: [wan_link0]'))];
    for (const lines of [iosOwn, mpdOwn]) {
      const e: ServerLogEntry = parseServerLog(lines.join('\n')).entries.at(-1)!;
      expect([e.outcome, e.cause ?? null]).toEqual(['warning', null]);
    }
    // (mpd as a client: the other side is its server, named so — ppp-reject-side.ts)
    expect(describeEntry(parseServerLog(mpdOwn.join('\n')).entries.at(-1)!, en)).toContain("The server refused this side's request for an IP address (0.0.0.0)");
  });

  it('mpd\'s note under a Configure-Request that it will refuse an option (`Not supported`, `bogus len=N`) is read, the refusal judged on its reject', () => {
    const head = 'Apr  1 11:47:11 R3 mpd[5854]: [L-1] ';
    const lines = ["IPCP: rec'd Configure Request #1 (Req-Sent)", '  IPADDRS', '    Not supported', '  PRIDNS 0.0.0.0', 'IPCP: SendConfigRej #1', '  IPADDRS'];
    const r = parseServerLog(lines.map((l) => head + l).join('\n'));
    expect(r.unknownLines).toEqual([]);
    expect(r.entries.at(-1)!.decoded.map((dd) => dd.key)).toContain('rejectDroppedHere');
  });

  // mpd writes each option by its protocol's table (lcp.c gLcpConfOpts, ipcp.c gIpcpConfOpts, ccp.c gCcpTypeNames; `UNKNOWN[n]` for
  // a number it has no name for): the names its sources give, not guessed ones (`BSD`, not `BSD-COMP`; `MP SHORTSEQ`)
  it.each([
    ['CCP', 'BSD', 'rejectDroppedHere:dataCompression'],
    ['CCP', 'DEFLATE24', 'rejectDroppedHere:dataCompression'],
    ['CCP', 'STAC', 'rejectDroppedHere:dataCompression'],
    ['CCP', 'PRED2', 'rejectDroppedHere:dataCompression'],
    ['LCP', 'MP SHORTSEQ', 'rejectDroppedHere:multilink'],
    // (options mpd does not take are written by their name alone: the table's `supported` FALSE)
    ['LCP', 'QUALPROTO', 'rejectDroppedHere:quality'],
    ['IPCP', 'IPADDRS', 'rejectDroppedHere:oldAddresses'],
    // (a number IPCP does not define: refused, info — a Configure-Reject is a normal step, RFC 1661 §5.4)
    ['IPCP', 'UNKNOWN[144] len=6', 'rejectOtherHere'],
  ])('mpd %s option line `%s` under SendConfigRej: %s', (proto, option, said) => {
    expect(verdictOf(mpd('sent', proto, option))).toMatchObject({ outcome: 'info', cause: null, said: [said] });
  });
});
