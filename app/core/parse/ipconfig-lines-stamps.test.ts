import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNoise, isStamp, STAMP_START } from './ipconfig-lines';

/**
 * isNoise asks the cheap STAMP_START before the stamps' own patterns (their letter class is costly to
 * compile at start-up): that is only right when every stamp passes STAMP_START.
 */

/** A day's short name in the scripts a capture script's `date /t` may print, astral letters included. */
const dayName = fc.constantFrom('Mo', 'Thu', 'mié', 'Пн', 'вт.', '周一', '月曜', '월요', '𠀀𠀁𠀂', '𠀀𠀁.', 'ven.');
const sep = fc.constantFrom('.', '/', '-');
const blanks = fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u3000');
const digits = (min: number, max: number) => fc.integer({ min: 0, max: 10 ** max - 1 }).map((n) => String(n).padStart(min, '0').slice(-max));
const date = fc.tuple(digits(1, 4), sep, digits(1, 2), sep, digits(1, 4)).map((p) => p.join(''));
/** A date printed alone: day, month and a four-digit year, or ISO. */
const dateAlone = fc.oneof(fc.tuple(digits(1, 2), sep, digits(1, 2), sep, digits(4, 4)).map((p) => p.join('')), fc.tuple(digits(4, 4), digits(2, 2), digits(2, 2)).map((p) => p.join('-')));
const time = fc.tuple(digits(1, 2), digits(2, 2), fc.option(digits(2, 2)), fc.option(fc.constantFrom(',5', '.12')), fc.option(fc.constantFrom(' AM', ' PM')))
  .map(([h, m, s, f, ampm]) => `${h}:${m}${s ? `:${s}` : ''}${f ?? ''}${ampm ?? ''}`);
/** Stamps of the three shapes: time then date, date then time, date alone; a day's name or not. */
const stamp = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.option(dayName), blanks, date, dateAlone, time, blanks).map(([shape, day, lead, d, alone, t, tail]) => {
  const dayPart = day ? `${day} ` : '';
  if (shape === 0) return `${lead}${t} ${dayPart}${d}${tail}`;
  if (shape === 1) return `${lead}${dayPart}${d} ${t}${tail}`;
  return `${lead}${dayPart}${alone}${tail}`;
});
/** Anything built of the stamps' own characters and a few others. */
const lineOf = fc.array(fc.constantFrom(' ', '\t', '\u3000', '1', '2', '0', '.', '/', '-', ':', ',', 'A', 'P', 'M', 'a', 'é', 'П', '周', '𠀀', 'x', '.'), { maxLength: 30 }).map((cs) => cs.join(''));

describe('ipconfig date/time stamps behind the ASCII gate', () => {
  it('every generated stamp is one, and passes the gate', () => {
    fc.assert(
      fc.property(stamp, (line) => {
        expect(isStamp(line)).toBe(true);
        expect(STAMP_START.test(line)).toBe(true);
        expect(isNoise(line)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('no line is a stamp that the gate turns away', () => {
    fc.assert(
      fc.property(lineOf, (line) => {
        if (isStamp(line)) expect(STAMP_START.test(line)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('the lines of intact ipconfig output do not pass the gate (the stamps are not compiled for them)', () => {
    for (const line of [
      '   Host Name . . . . . . . . . . . . : LAPTOP-DEMO',
      'Ethernet adapter Ethernet:',
      '   IPv4 Address. . . . . . . . . . . : 192.168.1.10(Preferred)',
      '   Link-local IPv6 Address . . . . . : fe80::1%5(Preferred)',
      'Windows IP Configuration',
      '   Lease Obtained. . . . . . . . . . : Monday, 1 January 2024 10:00:00',
    ]) expect(STAMP_START.test(line)).toBe(false);
    // a DNS server's second line starts with a digit: asked of the stamps, and none
    expect(STAMP_START.test('                                       8.8.4.4')).toBe(true);
    expect(isNoise('                                       8.8.4.4')).toBe(false);
  });
});
