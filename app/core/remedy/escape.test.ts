import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ECHO_MAX, escapeCmdEcho, psQuote, psQuoteAfter, psQuoteList } from './escape';
import { checkedScript } from './render-cmd';

/** escapeCmdEcho and psQuote as they were before their fast paths for plain text */
function escapeCmdEchoReference(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\u0000-\u007e]/g, '?');
  const short = ascii.length > ECHO_MAX ? `${ascii.slice(0, ECHO_MAX - 3)}...` : ascii;
  const oneLine = short.replace(/[\r\n\u0000-\u001f\u007f]+/g, ' ');
  const escaped = oneLine.replace(/%/g, '%%').replace(/[\^&|<>()"!]/g, (c) => `^${c}`);
  if (oneLine.trim() === '') return '.';
  if (/^ *(on|off) *$/i.test(oneLine) || /^ *\/\?/.test(oneLine)) return `^"${escaped}^"`;
  return escaped;
}
function psQuoteReference(text: string): string {
  const oneLine = text.replace(/[\r\n\u0000-\u001f]+/g, ' ');
  return `'${oneLine.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

// texts built from the characters that matter: ASCII edges, controls, DEL, quotes, accents, wide characters
const awkward = fc.string({
  unit: fc.constantFrom(...'aZ09 %^&|<>()"!\'/?.-_~#$*;=@[]`{}\\\x7f\x00\x1f\t\r\nÉéüñß\u0301\u2018\u2019\u201a\u201b€中🙂ﬁ'.split(''), 'on', 'off', 'ON'),
  maxLength: 40,
});

describe('script escaping: plain text takes a short cut, every text the same result', () => {
  it('escapeCmdEcho', () => {
    fc.assert(fc.property(awkward, (text) => {
        expect(escapeCmdEcho(text)).toBe(escapeCmdEchoReference(text));
      }), { numRuns: 3000 });
    for (const text of ['', ' ', 'on', ' OFF ', '/?', 'x'.repeat(ECHO_MAX + 5), `${'é'.repeat(ECHO_MAX)}`, 'Send 10.1.0.0/16 through the VPN (10.9.0.1, interface 23)', '100% done & (ok)', '(', ')(', ' /? (x)', '/?(', '(on)', ' ( ) ', '(a|b)', '(a!)', '("x")', `${'('.repeat(ECHO_MAX)}x`])
      expect(escapeCmdEcho(text), text).toBe(escapeCmdEchoReference(text));
  });

  it('psQuote', () => {
    fc.assert(fc.property(awkward, (text) => {
        expect(psQuote(text)).toBe(psQuoteReference(text));
      }), { numRuns: 3000 });
    for (const text of ['', "it's", 'a\r\nb', '[1/65] Send 10.1.0.0/16 through the VPN']) expect(psQuote(text), text).toBe(psQuoteReference(text));
  });

  it('psQuoteList', () => {
    fc.assert(fc.property(fc.array(awkward, { maxLength: 8 }), (texts) => {
        expect(psQuoteList(texts)).toBe(texts.map(psQuoteReference).join(', '));
      }), { numRuns: 2000 });
    for (const texts of [[], [''], ['ADD', '10.1.0.0', 'MASK', '255.255.0.0'], ['a', "b'c"], ["'"], ['x\r\n', 'y']]) expect(psQuoteList(texts), JSON.stringify(texts)).toBe(texts.map(psQuoteReference).join(', '));
  });

  it('psQuoteAfter', () => {
    fc.assert(fc.property(awkward, awkward, (prefix, text) => {
        expect(psQuoteAfter(prefix, text)).toBe(psQuoteReference(prefix + text));
      }), { numRuns: 2000 });
    for (const [prefix, text] of [['[1/65] ', 'Send 10.1.0.0/16 (x)'], ['[1/2] ', "it's"], ["'", 'x'], ['', ''], ['[1/1] ', 'a\r\nb']]) expect(psQuoteAfter(prefix!, text!)).toBe(psQuoteReference(prefix! + text!));
  });

  it('a .cmd script is refused when a line holds a break, a non-ASCII character or too many characters', () => {
    expect(checkedScript(['@echo off', '', 'echo ok'])).toBe('@echo off\r\n\r\necho ok\r\n');
    expect(checkedScript([])).toBe('\r\n');
    for (const bad of ['echo a\nb', 'echo a\rb', 'echo a\r\nb', 'echo é', 'echo \t', 'echo \x7f'])
      expect(() => checkedScript(['@echo off', bad, 'exit /b 0']), JSON.stringify(bad)).toThrow(/outside printable ASCII/);
    expect(() => checkedScript(['@echo off', `echo ${'x'.repeat(6000)}`])).toThrow(/characters long/);
    // the first problem is named, as line by line
    expect(() => checkedScript(['echo é', `echo ${'x'.repeat(6000)}`])).toThrow(/outside printable ASCII/);
    expect(() => checkedScript([`echo ${'x'.repeat(6000)}`, 'echo é'])).toThrow(/characters long/);
  });
});
