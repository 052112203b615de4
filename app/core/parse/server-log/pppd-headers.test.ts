import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/**
 * The header styles real pppd-family logs showed (real-pppd.test.ts has the fixtures): ISO 8601 /
 * RFC 3339 with host and program[pid], <PRI> and RFC 5424, indented lines, a facility.level after
 * the host, wrapper prefixes (docker compose, kubectl, journalctl short-monotonic), each with its
 * variants and near misses.
 */

describe('header classes (prefix.ts)', () => {
  it('ISO 8601 / RFC 3339 time, then host and program[pid] (rsyslog RFC 3339 files, journalctl -o short-iso, docker logs -t)', () => {
    for (const [line, host] of [
      ['2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: Peer bob failed CHAP authentication', 'vpn'],
      ['2024-05-01T10:00:00+0200 vpn pppd[123]: Peer bob failed CHAP authentication', 'vpn'],
      ['2024-05-01 10:00:00 VPN pppd[123]: Peer bob failed CHAP authentication', 'VPN'],
      ['2018-08-23T18:36:56.281411938Z pppd[123]: Peer bob failed CHAP authentication', undefined],
    ] as const) {
      const p = splitPrefix(line);
      expect([p.shape, p.host, p.program, p.pid, p.message], line).toEqual(['iso', host, 'pppd', '123', 'Peer bob failed CHAP authentication']);
      expect(parseServerLog(line).entries[0]!.cause, line).toBe('credentials-rejected');
    }
  });
  it('an ISO line without a pid keeps its level word and message (near miss: `host word:` is not a tag)', () => {
    const sstpd = splitPrefix('2017-03-30 08:33:08,928 INFO: SSTP control packet received.');
    expect([sstpd.shape, sstpd.level, sstpd.program, sstpd.message]).toEqual(['iso', 'INFO', undefined, 'SSTP control packet received.']);
    const noPid = splitPrefix('2024-05-01 10:00:00 ppp0 LCP: timeout');
    expect([noPid.shape, noPid.program, noPid.message]).toEqual(['iso', undefined, 'ppp0 LCP: timeout']);
  });
  it('a header whose blanks a copy doubled or tabified is read with them collapsed; near misses keep their shape', () => {
    for (const line of ['úno 26  16:19:07 bernat pppd[3467]: Exit.', 'úno 26 16:19:07 bernat  pppd[3467]: Exit.', 'Feb 26  16:19:07  bernat pppd[3467]: Exit.', 'Feb 26 16:19:07 bernat\tpppd[3467]: Exit.']) {
      expect([splitPrefix(line).shape, splitPrefix(line).host, splitPrefix(line).program, splitPrefix(line).message], line).toEqual(['syslog', 'bernat', 'pppd', 'Exit.']);
    }
    // no tag after the collapse, a digit-led line, or the doubled blank past the header's reach: not a syslog header
    expect(splitPrefix('Some  words here without a tag').shape).toBe('none');
    expect(splitPrefix('12  Feb 26 16:19:07 bernat pppd[1]: Exit.').program).toBeUndefined();
    expect(splitPrefix(`note ${'x'.repeat(50)}  Feb 26 16:19:07 bernat pppd[1]: Exit.`).program).toBeUndefined();
  });
  it('OpenWrt logread cut before the date; near miss: a facility without a known level', () => {
    expect(splitPrefix('daemon.notice xl2tpd[1180]: Maximum retries exceeded for tunnel 22298.  Closing.')).toMatchObject({ shape: 'logread', level: 'daemon.notice', program: 'xl2tpd', pid: '1180' });
    expect(splitPrefix('daemon.foo xl2tpd[1180]: x').shape).not.toBe('logread');
  });
  it("accel-ppp's log_file: `[date time]: level: …` and `[date time.ms] …`", () => {
    expect(splitPrefix('[2017-12-05 14:36:29]:  info: tek0.10: recv [PPPoE PADI a4:b1:e9:ac:f7:20 => ff:ff:ff:ff:ff:ff sid=0000]')).toMatchObject({ shape: 'iso', level: 'info', message: 'tek0.10: recv [PPPoE PADI a4:b1:e9:ac:f7:20 => ff:ff:ff:ff:ff:ff sid=0000]' });
    expect(splitPrefix('[2017-12-07 01:04:33.346] ppp0: da66f165863aaaac: auth: unexcepcted configure-nak').message).toBe('ppp0: da66f165863aaaac: auth: unexcepcted configure-nak');
  });
});

describe('syslog priority and RFC 5424 headers (prefix.ts)', () => {
  it('<PRI> before a classic header, and RFC 5424 with and without structured data', () => {
    expect(splitPrefix('<7>May 20 14:22:45 pppd[536]: lcp_reqci: returning CONFACK.')).toMatchObject({ shape: 'syslog', program: 'pppd', pid: '536', message: 'lcp_reqci: returning CONFACK.' });
    const r = splitPrefix('<30>1 2024-05-01T10:00:00.123+02:00 vpn pppd 123 - - Peer bob failed CHAP authentication');
    expect([r.shape, r.host, r.program, r.pid, r.message, r.time?.ms]).toEqual(['iso', 'vpn', 'pppd', '123', 'Peer bob failed CHAP authentication', 123]);
    expect(splitPrefix('<30>1 2024-05-01T10:00:00Z vpn xl2tpd - - [meta sequenceId="1"] Maximum retries exceeded for tunnel 1.  Closing.')).toMatchObject({ program: 'xl2tpd', message: 'Maximum retries exceeded for tunnel 1.  Closing.' });
    // near miss: a MikroTik-style `<user>` is not a priority
    expect(splitPrefix('<pptp-bob>: authenticated').shape).toBe('none');
  });
});

describe('indented lines and a facility.level after the host (prefix.ts)', () => {
  it('a line indented as a Markdown code block keeps its header; an indented line without one stays as it was', () => {
    expect(splitPrefix('    Jul 29 09:59:54 host pppd[11787]: Peer bob failed CHAP authentication')).toMatchObject({ shape: 'syslog', host: 'host', program: 'pppd', message: 'Peer bob failed CHAP authentication' });
    expect(splitPrefix('\txl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.')).toMatchObject({ shape: 'program', program: 'xl2tpd' });
    expect(splitPrefix('    LCP:    MRU 1500 (0x010405DC)')).toEqual({ shape: 'none', message: '    LCP:    MRU 1500 (0x010405DC)' });
  });
  it('`host facility.level program[pid]:` (router syslog) gives host, level and program; near miss: a host then a plain word', () => {
    expect(splitPrefix('Feb  6 15:20:07 router daemon.info xl2tpd[19616]: Not looking for kernel SAref support.')).toMatchObject({ host: 'router', level: 'daemon.info', program: 'xl2tpd', pid: '19616', message: 'Not looking for kernel SAref support.' });
    const plain = splitPrefix('Feb  6 15:20:07 router some text here');
    expect([plain.host, plain.program, plain.message]).toEqual(['router', undefined, 'some text here']);
  });
  it('xl2tpd start-up banner is bookkeeping', () => {
    expect(parseServerLog('xl2tpd[1]: Listening on IP address 0.0.0.0, port 1701').entries[0]!.outcome).toBe('info');
  });
});

describe('wrapper prefixes: docker compose (line-normalize.ts), kubectl --prefix, journalctl short-monotonic (prefix.ts)', () => {
  it('the inner header is read', () => {
    // docker compose's `service  | ` is cut from the line before its header is read (line-normalize.ts normalizeLine)
    expect(parseServerLog('ipsec-vpn-server | xl2tpd[1]: Listening on IP address 0.0.0.0, port 1701').entries[0]).toMatchObject({ program: 'xl2tpd', session: 'xl2tpd[1]' });
    expect(parseServerLog('pptpd_1  | Aug 23 02:23:03 4f9a7d5d39f5 daemon.info pptpd[9]: MGR: Manager process started').entries[0]).toMatchObject({ host: '4f9a7d5d39f5', program: 'pptpd' });
    expect(splitPrefix('[pod/ipsec-vpn-7d9/ipsec] xl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.')).toMatchObject({ program: 'xl2tpd', message: 'Maximum retries exceeded for tunnel 9072.  Closing.' });
    expect(splitPrefix('[ 1234.567890] vpn pppd[123]: Peer bob failed CHAP authentication')).toMatchObject({ host: 'vpn', program: 'pppd', pid: '123', message: 'Peer bob failed CHAP authentication' });
  });
  it('near miss: a word, a pipe and text without a header is no log line', () => {
    expect(parseServerLog('ipsec-vpn-server | Redirecting to: /etc/init.d/ipsec start').understood).toBe(0);
  });
});
