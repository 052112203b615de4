import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPrefix, splitPrefix, type Prefixed } from './prefix';

/**
 * readPrefix reads rsyslog's RFC 3339 header (`2024-05-01T10:00:00.123456+02:00 host tag[pid]: …`) by one sticky regex and
 * its time on demand (prefix.ts findIsoProgram); splitPrefix's regexes (ISO, then ISO_TAG or ISO_TAG_NO_PID) are the
 * reference. Near-ISO lines: every part varied where the reading may take another turn.
 */
/** A part of the line: mostly its usual spelling (so that most lines reach the tag), else an odd one. */
const part = (usual: string[], odd: string[]) => fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 4 }, { arbitrary: fc.constantFrom(...odd), weight: 1 });
const header = fc
  .tuple(
    part(['2024-05-01', '0000-00-00'], ['2024-5-01', '2024-05-011', '12-04']),
    part(['T'], [' ', 't', '']),
    part(['10:00:00', '23:59:60'], ['10:00', '1:00:00']),
    part(['', '.1', '.123456', ',5', '.123456789'], ['.1234567890', '.', '.12a']),
    part(['', 'Z', '+02:00', '-0500'], ['+02:0', '+2:00', 'z', '+02:00:00']),
    part([' '], ['  ', '\t', '', ' \u00a0']),
    part(['vpn1 ', 'VPN ', 'h ', ''], ['INFO: ', 'a:b ', '<30>', '<30>x ', '1.2.3.4 ', '12 ', 'a/ ', 'x/y ', 'h\u00e9 ', 'a[1] ', 'vpn1  ', 'A/']),
    part(['pppd', 'charon', 'kernel', 'CRON', 'charon-systemd', 'I/charon', 'x.y/z-1'], ['Remote message', '1pppd', 'x\u00a0y', 'ppp0 LCP', '34 I charon ', '', 'p:q']),
    part(['[123]', ''], ['[]', '[x]', '[12', '[1] ']),
    part([': ', ':'], ['', ':  ', ' : ']),
    fc.oneof(fc.constantFrom('09[IKE] 1.2.3.4 is initiating an IKE_SA', 'Exit.', 'x\u2028y', ''), fc.string({ maxLength: 20 })),
  )
  .map((parts) => parts.join(''));

/** Every field a reader may give, in order (JSON: a time's fields in the order the regex reading makes them). */
const fields = (p: Prefixed) => JSON.stringify([p.shape, p.time, p.host, p.program, p.pid, p.level, p.seq, p.clockUnsynced, p.message]);
const clean = (l: string) => !/[\r\n\u2028\u2029]/.test(l);

describe('rsyslog RFC 3339 header read fast (readPrefix) is the regex reading (splitPrefix)', () => {
  it('on near-ISO lines, alone and not known clean', () => {
    fc.assert(
      fc.property(header, (line) => {
        expect(fields(readPrefix(line))).toBe(fields(splitPrefix(line)));
        if (clean(line)) expect(fields(readPrefix(line, true))).toBe(fields(splitPrefix(line)));
      }),
      { numRuns: 4000 },
    );
  });
  it('in place in a chunk, with any text around it, and cut anywhere: nothing past the line is read; the message lies where it says', () => {
    const around = fc.constantFrom('', '2024-05-01T10:00:00Z h p[1]: x\n', 'abc', '\n', '12', ' ', '[1]: ', ':', '/');
    const check = (before: string, line: string, after: string) => {
      const src = before + line + after;
      const inPlace = readPrefix(line, true, src, before.length);
      expect(fields(inPlace)).toBe(fields(splitPrefix(line)));
      if (inPlace.src !== undefined) expect(src.slice(inPlace.messageAt, inPlace.messageAt! + inPlace.message.length)).toBe(inPlace.message);
    };
    fc.assert(fc.property(around, header.filter(clean), around, check), { numRuns: 3000 });
    fc.assert(
      fc.property(header.filter(clean), (line) => {
        for (let k = 0; k <= line.length; k++) check('', line.slice(0, k), line.slice(k));
      }),
      { numRuns: 500 },
    );
  });
  it('the common lines: tag with pid, a known daemon without one, and the turns left to the regexes', () => {
    for (const line of [
      '2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: Exit.',
      '2024-05-01T10:00:00+0200 vpn kernel: [ 12.5] ppp0: renamed from ppp',
      '2024-05-01T10:00:00Z vpn charon: 09[IKE] x',
      '2024-05-01T10:00:00Z vpn NetworkManager: x',
      '2024-05-01T10:00:00Z VPN pppd[1]: x',
      '2024-05-01T10:00:00Z 12 34 I charon  : 09[IKE] x',
      '2024-05-01T10:00:00Z I/charon  ( 1234): 09[IKE] x',
      '2024-05-01T10:00:00Z I/charon[12]: 09[IKE] x',
      '2024-05-01T10:00:00Z VPN:  pppd[1]: x',
      '2024-05-01T10:00:00Z <30>Nov  8 17:06:36 host prog[1]: x',
      '2024-05-01T10:00:00,5 pppd[1]:x',
    ]) {
      const src = `x\n${line}\ny`;
      expect(fields(readPrefix(line, true, src, 2)), line).toBe(fields(splitPrefix(line)));
      expect(fields(readPrefix(line, true)), line).toBe(fields(splitPrefix(line)));
    }
    expect(readPrefix('2024-05-01T10:00:00.123456+02:00 vpn pppd[123]: Exit.', true).time).toEqual({ year: 2024, month: 5, day: 1, hour: 10, minute: 0, second: 0, ms: 123 });
  });
});
