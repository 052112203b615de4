import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from '.';

/** A decoded PPP packet says what it does before its protocol and code, in en and nl, for every family's spelling of the code. */
const said = (line: string, lang: 'en' | 'nl' = 'en') => {
  const r = parseServerLog(line, 'test.log');
  return r.entries.map((e) => describeEntry(e, engineT(lang))).join(' | ');
};

describe('PPP packets in plain words first', () => {
  it.each([
    ['pppd: LCP ConfNak', 'rcvd [LCP ConfNak id=0x1 <auth chap MS-v2>]', 'Link settings: other values asked for — LCP ConfNak from the PC (id 0x1)'],
    ['pppd: IPCP ConfReq', 'sent [IPCP ConfReq id=0x1 <addr 10.0.0.1>]', 'IP address settings proposed — IPCP ConfReq to the PC (id 0x1)'],
    ['pppd: LCP EchoReq', 'sent [LCP EchoReq id=0x0 magic=0x51d39181]', 'Link check (is the other side still there?) — LCP EchoReq to the PC (id 0x0)'],
    ['pppd: CHAP Challenge', 'sent [CHAP Challenge id=0x35 <2f6a>, name = "pptpd"]', 'Sign-in challenge — CHAP Challenge to the PC (id 0x35)'],
    ['pppd: a protocol without its own words', 'rcvd [CBCP ConfReq id=0x1]', 'CBCP settings proposed — CBCP ConfReq from the PC (id 0x1)'],
    ['IOS: CONFREJ', 'Nov 18 10:21:05.300: Vi1 LCP: O CONFREJ [REQsent] id 6 len 8', 'Link settings: some options refused as not supported — LCP Configure-Reject to the PC (id 6)'],
  ])('%s', (_what, line, text) => {
    expect(said(line)).toContain(text);
  });

  it('in Dutch', () => {
    expect(said('rcvd [LCP ConfNak id=0x1 <auth chap MS-v2>]', 'nl')).toContain('Verbindingsinstellingen: andere waarden gevraagd — LCP ConfNak');
  });

  it('a Protocol-Reject keeps its own sentence, and an unknown code is said by its names alone', () => {
    expect(said('Nov 18 10:21:05.100: Vi1 LCP: O PROTREJ [Open] id 5 len 16 protocol CCP (0x80FD0102000A1206010000B0)')).toBe('The router refused the encryption (CCP) the PC proposed: MPPE 40-bit or 56-bit, stateless.');
    expect(said('sent [LCP Foo id=0x1]')).toBe('LCP Foo to the PC (id 0x1)');
  });
});
