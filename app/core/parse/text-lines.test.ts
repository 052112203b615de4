import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/support/prng';
import { lineAt, textLines } from './text-lines';

describe('textLines', () => {
  const lines = (text: string) => {
    const l = textLines(text);
    return Array.from({ length: l.count }, (_, i) => lineAt(l, i));
  };

  it('cuts exactly where text.split(/\\r\\n|\\n|\\r/) cuts, and finds the first lone CR', () => {
    const r = prng(1202);
    const parts = ['a', 'bc', ' ', '\r', '\n', '\r\n', '\n\r', '\u2028', '\u0085'];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      // some long texts of short lines: the arrays outgrow the room guessed from the length
      const n = r() < 0.8 ? Math.floor(r() * 12) : Math.floor(r() * 600);
      // mostly LF or CRLF texts (the typed-array path), some with lone CRs (the general path)
      const pool = r() < 0.5 ? parts.filter((p) => p !== '\r' && p !== '\n\r') : parts;
      for (let k = 0; k < n; k++) text += pool[Math.floor(r() * pool.length)];
      expect(lines(text), JSON.stringify(text)).toEqual(text.split(/\r\n|\n|\r/));
      const lone = /\r(?!\n)/.exec(text);
      expect(textLines(text).firstLoneCr, JSON.stringify(text)).toBe(lone ? lone.index : Infinity);
    }
    expect(lines('')).toEqual(['']);
    expect(lines('\r\n')).toEqual(['', '']);
  });
});
