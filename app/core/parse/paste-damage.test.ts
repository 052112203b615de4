import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { parseNetshInterfaces } from './netsh-interfaces';
import { isElisionLine, stripPasteMarkup } from './paste-damage';
import { parseRegQuery } from './reg-query';
import { parseRoutePrint } from './route-print';

/**
 * Properties of every line parser under the damage people add when they paste output (issue 17):
 * elision and annotation lines, a second prompt and output, double spacing, trailing padding or
 * tabs. None of them may turn junk into data or drop a real row without a word. The texts are the
 * real fixtures (test/fixtures/real) and the shared corpus, read in place.
 */
const realFiles = (dir: string) => repoFiles(join('test/fixtures/real', dir)).map((f) => readRepoText(join('test/fixtures/real', dir, f)));
const corpus = (dir: string) => (corpusAvailable ? corpusFiles(dir).filter((f) => f.endsWith('.txt')).map((f) => readCorpus(dir, f)) : []);

const ELISIONS = ['.', ':', '...', '…', '[...]', ':       :       :', '  .  ', '[...]\t\t[...]'];
/** What people type between pasted lines; a two-digit number keeps it from looking like a heading. */
const NOTES = ['this is the one from the office 12', '<- 10 was here before the update', 'see post 15 for the rest'];

const splitLines = (t: string) => t.split(/\r\n|\n|\r/u);
const doubleSpace = (t: string) => splitLines(t).flatMap((l) => [l, '']).join('\n');
const pad = (t: string, tail: string) => splitLines(t).map((l) => (l === '' ? l : l + tail)).join('\n');
const insertAt = (t: string, at: number, line: string) => {
  const lines = splitLines(t);
  const i = at % (lines.length + 1);
  lines.splice(i, 0, line);
  return { text: lines.join('\n'), line: i + 1, before: lines[i - 1] ?? '' };
};
const RUNS = { numRuns: 60 };

interface Harness<T> {
  name: string;
  texts: string[];
  parse: (text: string) => { value: T; problems: { line?: number }[] };
  /** the data a damaged copy must keep exactly */
  data: (value: T) => unknown;
  prompt: string;
}

function properties<T>(h: Harness<T>) {
  describe(`${h.name} under paste damage`, () => {
    const texts = h.texts.filter((t) => h.parse(t).problems.length < splitLines(t).length);
    const base = (t: string) => h.parse(t);

    it('an inserted elision line is reported and changes no data', () => {
      fc.assert(
        fc.property(fc.constantFrom(...texts), fc.nat(), fc.constantFrom(...ELISIONS), (text, at, elision) => {
          const ins = insertAt(text, at, elision);
          const r = h.parse(ins.text);
          expect(h.data(r.value)).toEqual(h.data(base(text).value));
          expect(r.problems.map((p) => p.line)).toContain(ins.line);
        }),
        RUNS,
      );
    });

    it('an inserted note changes no data and no problem goes missing', () => {
      fc.assert(
        fc.property(fc.constantFrom(...texts), fc.nat(), fc.constantFrom(...NOTES), (text, at, note) => {
          const ins = insertAt(text, at, note);
          // a note typed between the two halves of a line the console cut at column 80 separates them
          // for good (the tail is then reported on its own): not this property's case
          fc.pre(ins.before.trimEnd().length < 78);
          const r = h.parse(ins.text);
          const b = base(text);
          expect(h.data(r.value)).toEqual(h.data(b.value));
          expect(r.problems.length).toBeGreaterThanOrEqual(b.problems.length);
        }),
        RUNS,
      );
    });

    it('double spacing, trailing padding and trailing tabs change neither data nor the problems found', () => {
      for (const text of texts) {
        const b = base(text);
        for (const damaged of [doubleSpace(text), pad(text, '   '), pad(text, '\t')]) {
          const r = h.parse(damaged);
          expect(h.data(r.value)).toEqual(h.data(b.value));
          expect(r.problems.length).toBe(b.problems.length);
        }
      }
    });

    it('a second prompt and output keeps one set of data and reports where it starts', () => {
      for (const text of texts) {
        const b = base(text);
        const first = splitLines(text).length;
        const r = h.parse(`${text}\n${h.prompt}\n${text}`);
        expect(h.data(r.value)).toEqual(h.data(b.value));
        expect(r.problems.length).toBe(b.problems.length * 2 + 1);
        // the prompt, or the copy's own prompt when it begins with one
        expect(r.problems.some((p) => (p.line ?? 0) > first && /another .* output starts here/.test((p as { message?: string }).message ?? ''))).toBe(true);
      }
    });
  });
}

properties({
  name: 'ipconfig',
  texts: [...realFiles('ipconfig'), ...corpus('ipconfig')].filter((t) => parseIpconfig(t).value.adapters.length > 0),
  parse: (t) => parseIpconfig(t, 'x.txt'),
  data: (v) => ({ adapters: v.adapters.map((a) => [a.name, a.kind, a.connected, a.mac, a.ipv4, a.ipv6, a.gateways, a.dnsServers]) }),
  prompt: 'C:\\Documents and Settings\\user>ipconfig /all',
});

properties({
  name: 'route print',
  texts: [...realFiles('route-print'), ...corpus('route-print')].filter((t) => parseRoutePrint(t).value.routes.length > 0),
  parse: (t) => parseRoutePrint(t, 'x.txt'),
  data: (v) => ({ routes: v.routes.map((r) => ({ ...r, source: undefined })), persistent: v.persistentRoutes, interfaces: v.interfaces.map((i) => [i.index, i.mac]) }),
  prompt: 'C:\\>route print',
});

properties({
  name: 'netsh interface ipv4 show interfaces',
  texts: corpus('netsh').filter((t) => parseNetshInterfaces(t).value.interfaces.length > 0),
  parse: (t) => parseNetshInterfaces(t, 'x.txt'),
  data: (v) => v.interfaces,
  prompt: 'C:\\>netsh interface ipv4 show interfaces',
});

describe('reg query under paste damage', () => {
  const texts = corpus('reg-query');
  const values = (t: string) =>
    Object.values(parseRegQuery(t, 'r.txt').value.keys).map((k) => [k.path, k.values.map((v) => [v.name, v.type, v.data])]);
  // (trailing blanks are not tested here: a REG_SZ value may end in spaces, so reg query keeps them)
  it.skipIf(texts.length === 0)('elision lines change no key or value and are reported', () => {
    for (const text of texts) {
      const ins = insertAt(text, 1, '...');
      expect(values(ins.text)).toEqual(values(text));
      expect(parseRegQuery(ins.text, 'r.txt').problems.map((p) => p.line)).toContain(ins.line);
    }
  });
});

describe('paste markup and elision helpers', () => {
  it('strips forum markup around a line and keeps its indentation', () => {
    expect(stripPasteMarkup('         **10.8.0.6  255.255.255.255        127.0.0.1       127.0.0.1       30**')).toBe('         10.8.0.6  255.255.255.255        127.0.0.1       127.0.0.1       30');
    expect(stripPasteMarkup(' [color="blue"]       Adresse IP. . . : 134.157.195.42')).toBe('        Adresse IP. . . : 134.157.195.42');
    expect(stripPasteMarkup('[SIZE=2][SIZE=2]C:\\>ipconfig /all[/SIZE]')).toBe('C:\\>ipconfig /all');
    expect(stripPasteMarkup('   Physical Address. . . : [removed for security purpose]')).toBe('   Physical Address. . . : [removed for security purpose]');
  });

  it('takes only letter- and digit-free lines for elisions', () => {
    for (const e of ELISIONS) expect(isElisionLine(e.trim())).toBe(true);
    for (const t of ['None', '0.0.0.0', 'Aucun', '===', ':-)'.replace(')', 'x')]) expect(isElisionLine(t)).toBe(t === '===');
    // a localised label whose letters were lost (OEM bytes read as UTF-8, or replaced by "?") is no elision
    for (const t of ['\uFFFD\uFFFD\u2A22\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD:', '???????? ????????:', '??????????']) expect(isElisionLine(t)).toBe(false);
  });
});
