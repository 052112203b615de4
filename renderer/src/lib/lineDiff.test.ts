import { describe, expect, it } from 'vitest';
import { diffCounts, diffLines, hunks, splitLines } from './lineDiff';

const lmhostsBefore = '# LMHOSTS for LAPTOP-DEMO\r\n#\r\n# Printer\r\n161.44.17.40    PRINTER1\r\n';
const block = '#BEGIN TunnelMedic\r\n10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n#END TunnelMedic\r\n';

describe('line diff', () => {
  it('splits CRLF, LF and CR without an extra empty last line', () => {
    expect(splitLines('a\r\nb\nc\rd\r\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
  });

  it('shows an appended block as added lines with their new line numbers', () => {
    const d = diffLines(lmhostsBefore, lmhostsBefore + block);
    expect(diffCounts(d)).toEqual({ added: 4, removed: 0 });
    expect(d.filter((l) => l.kind === 'added').map((l) => (l.kind === 'added' ? l.newNo : 0))).toEqual([5, 6, 7, 8]);
    expect(d.slice(0, 4).every((l) => l.kind === 'same')).toBe(true);
  });

  it('finds a replaced line in the middle and keeps both numberings right', () => {
    const d = diffLines('a\nb\nc\nd\n', 'a\nB\nc\nd\ne\n');
    expect(d.map((l) => `${l.kind[0]}${l.text}`)).toEqual(['sa', 'rb', 'aB', 'sc', 'sd', 'ae']);
    const c = d.find((l) => l.text === 'c');
    expect(c).toMatchObject({ oldNo: 3, newNo: 3 });
    expect(d.at(-1)).toMatchObject({ kind: 'added', newNo: 5 });
  });

  it('rebuilds both texts from the diff (property over small random files)', () => {
    const alphabet = ['x', 'y', 'z', '', '#PRE'];
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 300; run++) {
      const a = Array.from({ length: rnd(8) }, () => alphabet[rnd(alphabet.length)]!);
      const b = Array.from({ length: rnd(8) }, () => alphabet[rnd(alphabet.length)]!);
      const d = diffLines(a.map((l) => `${l}\n`).join(''), b.map((l) => `${l}\n`).join(''));
      expect(d.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(a);
      expect(d.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(b);
    }
  });

  it('falls back to removed + added for huge rewrites instead of a huge table', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
    expect(diffCounts(diffLines(a, b))).toEqual({ added: 3000, removed: 3000 });
  });

  it('collapses long unchanged runs into gaps, keeping two lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const parts = hunks(diffLines(before, `${before}\nnew`));
    expect(parts[0]).toMatchObject({ kind: 'gap', count: 18 });
    expect(parts[1]?.kind).toBe('lines');
    expect(parts[1]?.lines.map((l) => l.text)).toEqual(['line 19', 'line 20', 'new']);
  });
});
