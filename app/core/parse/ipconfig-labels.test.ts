import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksBinary } from '../capture/decode';
import { COMMON_LETTER_RANGES, labelKey, stripLeaderTail } from './ipconfig-labels';

/** labelKey and stripLeaderTail as they were before their ASCII short way (issue 16.2): the reference. */
function referenceStrip(text: string): string {
  let end = text.length;
  while (end > 0) {
    const pair = end >= 2 && /[\udc00-\udfff]/u.test(text[end - 1]!) && /[\ud800-\udbff]/u.test(text[end - 2]!);
    const ch = pair ? text.slice(end - 2, end) : text[end - 1]!;
    if (/[\p{L}\p{N})\]]/u.test(ch)) break;
    end -= ch.length;
  }
  return text.slice(0, end);
}
function referenceKey(text: string): string {
  // a no-break space is cp850's á only before a letter (a leader's one is filler: ipconfig-labels.ts MOJIBAKE)
  const decoded = text.replace(/\u00a0(?=[A-Za-z\u00a1-\u00a4\u00c0-\u024f])/g, 'a').replace(/[¢]/g, 'o').replace(/[¡]/g, 'i').replace(/[£]/g, 'u').replace(/[¤]/g, 'n');
  return referenceStrip(decoded).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}
/** looksBinary as it was, iterating by code point */
function referenceLooksBinary(text: string): boolean {
  if (text.length === 0) return false;
  const sample = text.slice(0, 4096);
  let control = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control / sample.length > 0.05;
}

// label-like text: words, dot leaders, filler that pastes leave, brackets, accents, CJK, surrogates
const piece = fc.constantFrom('IPv4 Address', 'Adresse IP', ' . . . . :', '. .', '.*.', '\t', '  ', ')', ']', '(Preferred)', 'Conexi¢n', '\u00a0', 'ó', 'é', '無線', '𠀀', '\ud800', '\udc00', '\ufffd', '\u0000', '\u0007', '1', 'Z', ':', '-', '_', '\u0301', 'ª');
const labelish = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 8 }).map((p) => p.join(''));

describe('labelKey, stripLeaderTail and looksBinary: the ASCII short ways answer as before', () => {
  it('labelKey and stripLeaderTail equal the reference on label-like and arbitrary text', () => {
    fc.assert(
      fc.property(labelish, (t) => {
        expect(stripLeaderTail(t)).toBe(referenceStrip(t));
        expect(labelKey(t)).toBe(referenceKey(t));
      }),
      { numRuns: 5000 },
    );
    for (const t of ['', ' ', '...', 'Default Gateway . . . . . . . . . :', 'Physical Address. . . . . . . . . . ]', 'DNS Servers (IPv4)', 'Windows IP Configuration']) {
      expect(labelKey(t)).toBe(referenceKey(t));
    }
  });

  it('every code unit stripLeaderTail takes for a letter without the regex is one (\\p{L})', () => {
    for (const [from, to] of COMMON_LETTER_RANGES) {
      for (let c = from; c <= to; c++) expect(/^\p{L}$/u.test(String.fromCharCode(c)), c.toString(16)).toBe(true);
    }
  });

  it('looksBinary equals the reference, surrogates and control characters included', () => {
    const text = fc.array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 20 })), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(looksBinary(t)).toBe(referenceLooksBinary(t));
      }),
      { numRuns: 3000 },
    );
    // the 4096-unit sample cut through a surrogate pair, and long text mostly control characters
    const cut = 'a'.repeat(4095) + '𠀀' + '\u0001'.repeat(300);
    expect(looksBinary(cut)).toBe(referenceLooksBinary(cut));
    const dense = '\u0001x'.repeat(3000);
    expect(looksBinary(dense)).toBe(referenceLooksBinary(dense));
  });
});
