import { describe, expect, it, vi } from 'vitest';
import { picker, prng } from '../../../test/support/prng';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';

/**
 * parseLmhosts reads the plain entry line in one pass (plainEntry) and every other line through the
 * general path. Its answers must be the general path's: the same files parsed with the one-pass
 * reader switched off give the same result, on the corpus and on files built from random lines
 * (odd blanks, invalid addresses, long or quoted names, escapes, keywords in any case, comments,
 * directives, control characters, BOMs, every line ending).
 */

async function parsers() {
  const fast = await import('./lmhosts');
  vi.resetModules();
  vi.doMock('./lmhosts-plain-entry', async (original) => ({ ...(await original<typeof import('./lmhosts-plain-entry')>()), plainEntry: () => undefined }));
  const general = await import('./lmhosts');
  vi.doUnmock('./lmhosts-plain-entry');
  vi.resetModules();
  return { fast: fast.parseLmhosts, general: general.parseLmhosts };
}

const ADDRESSES = ['10.0.0.10', '192.168.1.1', '0.0.0.0', '255.255.255.255', '01.2.3.4', '256.1.1.1', '1.2.3', '10.0.0.x', 'fe80::1', '#10.0.0.1', '', '1.2.3.04', '249.250.199.100', '300.1.1.1', '1.2.3.4.5', '00.1.2.3', '10.0.0.1x', '1.2.3.260'];
const NAMES = ['HOST', 'host-1', 'DC1', 'A'.repeat(15), 'A'.repeat(16), '$IPC!~[]', 'back\\slash', ']x', '"CORP           \\0x1B"', '"unterminated', 'WOLF\\0x1b', 'na#me', '#PRE', 'x'];
const KEYWORDS = ['#PRE', '#pre', '#Pre', '#PRE ', '#PR', '#MH', '#mH', '#DOM:CORP', '#dom:corp', '#DOM:', '#DOMX', '#', '# a comment', '#PREX', 'extra', '#PRE#MH', '#INCLUDE'];
const BLANKS = [' ', '    ', '\t', ' \t', '\u00a0', '\u3000', '\v', '\f'];
const ODD = ['\u0001', '\ufffd', '\u00e9', '\u007f', '\ufeff'];
const WHOLE = ['#INCLUDE \\\\DC1\\share\\lmhosts', '#BEGIN_ALTERNATE', '#END_ALTERNATE', '# comment', '', '   ', '\t'];

function randomLine(r: () => number): string {
  const pick = picker(r);
  if (r() < 0.08) return pick(WHOLE);
  const cols = [r() < 0.85 ? pick(ADDRESSES.slice(0, 4)) : pick(ADDRESSES), r() < 0.8 ? pick(NAMES.slice(0, 4)) : pick(NAMES)];
  while (r() < 0.5) cols.push(pick(KEYWORDS));
  let line = cols.map((c, i) => (i === 0 ? c : `${r() < 0.85 ? '    ' : pick(BLANKS)}${c}`)).join('');
  if (r() < 0.2) line = `${pick(BLANKS)}${line}`;
  if (r() < 0.2) line = `${line}${pick(BLANKS)}`;
  if (r() < 0.05) {
    const at = Math.floor(r() * (line.length + 1));
    line = `${line.slice(0, at)}${pick(ODD)}${line.slice(at)}`;
  }
  return line;
}

describe('the one-pass LMHOSTS entry reader answers as the general path does', () => {
  it.skipIf(!corpusAvailable)('on every corpus file', async () => {
    const { fast, general } = await parsers();
    for (const f of corpusFiles('lmhosts')) {
      const text = readCorpus('lmhosts', f);
      expect(fast(text), f).toEqual(general(text));
    }
  });

  it('on 2 000 files of random lines', async () => {
    const { fast, general } = await parsers();
    const r = prng(20261202);
    let entries = 0;
    for (let i = 0; i < 2000; i++) {
      const lines = Array.from({ length: 1 + Math.floor(r() * 20) }, () => randomLine(r));
      const text = lines.join(r() < 0.4 ? '\r\n' : r() < 0.8 ? '\n' : '\r') + (r() < 0.5 ? '\r\n' : '');
      const a = fast(text);
      expect(a, JSON.stringify(text)).toEqual(general(text));
      entries += a.value.entries.length;
    }
    // mostly readable files: the comparison covers the lines the one-pass reader takes
    expect(entries).toBeGreaterThan(8_000);
  });
});
