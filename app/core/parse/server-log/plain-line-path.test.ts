import { describe, expect, it } from 'vitest';
import { ChunkLines } from './chunk-lines';
import { LineSplitter, type RawRecord } from './lines';
import { continues, headShape, recordCap, startsRecord } from './detect';

/**
 * LineSplitter.push reads a plain chunk's line from the chunk it was cut from (plainLead) and skips normalizeLine, the blank-line and
 * quote-mark tests for it; a line pushed without its chunk goes the whole way. Both must make the same records: the same lines cut
 * into records by the same splitter, once with the chunk and once without, over random pastes of odd lines (grep and cat prefixes,
 * names whose fourth character is a file name's, CR, backticks, BBCode, rsyslog escapes, typography, quotes, indents, blank lines).
 */

const PIECES = [
  'Jan  1 00:00:01 vpn1 pppd[1001]: Using interface ppp0',
  'Aug 12 10:00:00 host charon: 09[IKE] received proposals inacceptable',
  'Nov  8 17:06:36 gw pluto[3665]: "l2tp-psk"[1] 1.2.3.4 #1: STATE_MAIN_R3',
  'vpn_20220322.log:2022-03-22 11:24:33.775 IPsec Client 1 (1.2.3.4:500 -> 5.6.7.8:500): connected',
  'syslog.log:Oct 25 05:23:28 host pluto[3665]: "x" #1: hi',
  'abc.txt.1:Oct 25 05:23:28 host pppd[1]: Connect: ppp0 <--> /dev/pts/0',
  'syslog.2.gz:Oct 25 05:23:28 host pppd[1]: zgrep',
  'messages-20240105:Oct 25 05:23:28 host pppd[1]: dateext',
  'notes:Oct 25 05:23:28 host pppd[1]: no file',
  'abcd:efg Jan  1 00:00:01 x',
  'a.b-c_d Oct 25 05:23:28 host pppd[1]: x',
  'Dec 10 21:01:46 bender pppd[17396]: sent [LCP TermAck id=0x3]\r',
  'Dec 10 21:01:46 bender pppd[17396]: code span`',
  '`Dec 10 21:01:46 bender pppd[17396]: in a code span`',
  '[B]Dec 10 21:02:59 bender pppd[17852]: bold[/B]',
  'Jan  1 00:00:01 vpn1 kernel: a#011tab#015',
  'Sep\u00a05 10:00:00 host pppd[1]: typography \u2013 here',
  'strongswan      | 06[IKE] compose line',
  '> Jan  1 00:00:01 vpn1 pppd[1001]: quoted',
  '    Jan  1 00:00:01 vpn1 pppd[1001]: indented',
  '   Message : wrapped value',
  'Message   : a Format-List field',
  '    123456\tJan  1 00:00:01 vpn1 pppd[1001]: cat -n',
  '1234:Jan  1 00:00:01 vpn1 pppd[1001]: grep -n',
  '2024-05-01T10:00:00.123456+02:00 host charon: 09[IKE] iso',
  '103 12/09/1999 09:08:01.550 SEV=6 PPP/4 RPT=3 80.50.0.4',
  'User [ testuser ]',
  'Jan  1 00:00:01 asa %ASA-6-722036: x %ASA-6-722037: y',
  'Jan  1 00:00:01 vpn1 pppd[1001]: a]: b pppd[1002]: glued',
  'ISAKMP-SA established 1.2.3.4[500]-5.6.7.8[500] spi:x',
  'Abc',
  'Ab',
  'x',
  '```',
  '',
  '   ',
  '\t',
  '**Feb 21 10:00:00 host pppd[1]: bold line**',
  '- Mar  1 00:55:40.767: ISAKMP (0:1): bullet',
  'Jan  1 00:00:01 vpn1 pppd[1001]: IPSEC(create_sa): sa created,',
  '        (sa) sa_dest= 1.2.3.4, sa_proto= 50,',
  'A'.repeat(80),
  'B'.repeat(80),
];

/** a small deterministic generator (the same pastes on every run) */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paste(next: () => number): string {
  const n = 1 + Math.floor(next() * 12);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(PIECES[Math.floor(next() * PIECES.length)]!);
  return `${lines.join(next() < 0.2 ? '\r\n' : '\n')}${next() < 0.5 ? '\n' : ''}`;
}

/** the records `text` makes, its lines pushed with the chunk they were cut from or without it */
function records(text: string, withSource: boolean): Omit<RawRecord, 'src' | 'at'>[] {
  const out: Omit<RawRecord, 'src' | 'at'>[] = [];
  const splitter = new LineSplitter((r) => out.push({ line: r.line, endLine: r.endLine, text: r.text, clean: r.clean, hints: r.hints }), continues, recordCap, startsRecord, headShape);
  const lines = new ChunkLines((line, hints, src, at) => (withSource ? splitter.push(line, hints, src, at) : splitter.push(line, hints)));
  lines.push(text);
  lines.end();
  splitter.end();
  return out;
}

describe("a plain chunk's line read from its chunk (LineSplitter's fast path)", () => {
  it('makes the records the whole path makes, over 3 000 random pastes of odd lines', () => {
    const next = random(20261205);
    for (let i = 0; i < 3000; i++) {
      const text = paste(next);
      expect(records(text, true), JSON.stringify(text)).toEqual(records(text, false));
    }
  });
});
