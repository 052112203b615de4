import { describe, expect, it } from 'vitest';
import { analyseCapture } from '../analyse';
import { inMemory } from '../../../test/support/capture-fuzz';
import { readRepoText } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { parseNetshInterfaces } from './netsh-interfaces';
import { isElisionLine, isQuotedBlankLine, stripPasteMarkup } from './paste-damage';
import { undoCopyDamage } from './pasted-copy';
import { parseRoutePrint } from './route-print';

/**
 * A line holding only quote marks (`>`, Outlook's `>>`, Gmail's and Markdown's `> >`) in a pasted
 * output is a quoted blank line: a mail or Markdown quoted the paste, nothing was left out there. It
 * used to be reported as "elision line skipped" (nl "hier is iets weggelaten") by route print,
 * ipconfig and netsh alike, since it has no letter and no digit. A line a person typed to shorten
 * the paste (`...`, `…`) stays an elision, quoted or not. Two places agree on it: undoCopyDamage
 * (pasted-copy.ts) blanks such a line of a quoted paste whatever its depth (it took off only as many
 * marks as most lines have, and a deeper blank line also kept it from taking off the blank after
 * `> `), and the parsers' stripPasteMarkup (paste-damage.ts) blanks one that reaches them anyway (a
 * paste of which most lines are not quoted).
 */
const ROUTE_PRINT = [
  '===========================================================================',
  'Interface List',
  ' 12...00 15 5d 01 02 03 ......Intel(R) Ethernet Connection',
  '  1...........................Software Loopback Interface 1',
  '===========================================================================',
  '',
  'IPv4 Route Table',
  '===========================================================================',
  'Active Routes:',
  'Network Destination        Netmask          Gateway       Interface  Metric',
  '          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.10     25',
  '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    331',
  '      192.168.1.0    255.255.255.0         On-link      192.168.1.10    281',
  '===========================================================================',
  'Persistent Routes:',
  '  None',
].join('\r\n');

const IPCONFIG = [
  'Windows IP Configuration',
  '',
  '   Host Name . . . . . . . . . . . . : PC1',
  '   Node Type . . . . . . . . . . . . : Hybrid',
  '',
  'Ethernet adapter Ethernet:',
  '',
  '   Connection-specific DNS Suffix  . : corp.example',
  '   Description . . . . . . . . . . . : Intel(R) Ethernet Connection',
  '   Physical Address. . . . . . . . . : 00-15-5D-01-02-03',
  '   DHCP Enabled. . . . . . . . . . . : Yes',
  '   IPv4 Address. . . . . . . . . . . : 192.168.1.10(Preferred)',
  '   Subnet Mask . . . . . . . . . . . : 255.255.255.0',
  '   Default Gateway . . . . . . . . . : 192.168.1.1',
  '   DNS Servers . . . . . . . . . . . : 192.168.1.1',
].join('\r\n');

const NETSH = [
  '',
  'Idx     Met         MTU          State                Name',
  '---  ----------  ----------  ------------  ---------------------------',
  '  1          75  4294967295  connected     Loopback Pseudo-Interface 1',
  ' 12          25        1500  connected     Ethernet',
  '',
].join('\r\n');

interface Reader {
  capture: string;
  text: string;
  elision: string;
  read: (text: string) => { value: unknown; problems: { line?: number; code: string }[] };
}
const READERS: Reader[] = [
  { capture: 'route-print.txt', text: ROUTE_PRINT, elision: 'routePrint.elision', read: (t) => parseRoutePrint(t) },
  { capture: 'ipconfig-all.txt', text: IPCONFIG, elision: 'ipconfig.elision', read: (t) => parseIpconfig(t) },
  { capture: 'netsh-interfaces.txt', text: NETSH, elision: 'netsh.elision', read: (t) => parseNetshInterfaces(t) },
];

/** Quote marks alone as mails and Markdown write them, with the blanks they leave around them. */
const QUOTE_MARK_LINES = ['>', '>>', '> >', '> > >', '  >> ', '>\t>', '>>>'];

const lines = (t: string) => t.split('\r\n');
/** The text with `line` put before its line `at` (0-based); its 1-based number. */
const insert = (t: string, at: number, line: string) => ({ text: [...lines(t).slice(0, at), line, ...lines(t).slice(at)].join('\r\n'), line: at + 1 });
/** Some places of each kind: before the first line, in a block, between blocks, after a row. */
const places = (t: string) => [0, 2, lines(t).indexOf(''), lines(t).length - 2].filter((at) => at >= 0);
const data = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v instanceof Map ? [...v] : v));

describe('a line of quote marks alone is a quoted blank line, not an elision', () => {
  it('is told by paste-damage.ts, and made blank as the other paste markup is taken off', () => {
    for (const q of QUOTE_MARK_LINES) {
      expect([q, isQuotedBlankLine(q), isElisionLine(q.trim()), stripPasteMarkup(q)]).toEqual([q, true, false, '']);
    }
    // a quoted elision, a prompt and a person's arrow keep what they are
    expect(isElisionLine('> ...')).toBe(true);
    expect(isQuotedBlankLine('> ...')).toBe(false);
    expect(stripPasteMarkup('>route print')).toBe('>route print');
    expect(isQuotedBlankLine('-->')).toBe(false);
  });

  for (const r of READERS) {
    describe(r.capture, () => {
      const plain = r.read(r.text);

      it('reads the plain text with no problem', () => {
        expect(plain.problems).toEqual([]);
      });

      it('a quote-marks-only line anywhere reads as a blank line there: no problem, the same data', () => {
        for (const at of places(r.text)) {
          const blank = r.read(insert(r.text, at, '').text);
          for (const q of QUOTE_MARK_LINES) {
            const got = r.read(insert(r.text, at, q).text);
            expect([q, at, got.problems.map((p) => p.code)]).toEqual([q, at, []]);
            expect(data(got.value)).toBe(data(blank.value));
          }
        }
      });

      it('a real elision ("...", "…", "[...]") is still reported at its line', () => {
        for (const e of ['...', '…', '[...]']) {
          const ins = insert(r.text, lines(r.text).length - 2, e);
          expect(r.read(ins.text).problems.map((p) => [p.line, p.code])).toEqual([[ins.line, r.elision]]);
        }
      });
    });
  }
});

/** The snapshot's problems of a capture holding one file: what the user is shown. */
const shown = (name: string, text: string) =>
  analyseCapture(inMemory(new Map([[name, Buffer.from(text, 'utf8')]])), { toolVersion: 'x', now: new Date(0) }).report.snapshot.problems.map((p) => [p.line, p.code]);
const quote = (marks: string, t: string) => lines(t).map((l) => marks + l);

describe('a pasted output quoted in a mail reads with its quote note and no elision note', () => {
  it('undoCopyDamage makes a quoted blank line blank at any depth, and still takes the blank after "> " off the other lines', () => {
    const rows = ['Active Routes:', '', '          0.0.0.0          0.0.0.0      192.168.1.1     192.168.1.10     25', ''];
    for (const blank of ['>', '>>', '> >', '>>>']) {
      const copy = rows.map((l) => (l ? `> ${l}` : blank)).join('\n');
      expect([blank, undoCopyDamage(copy)]).toEqual([blank, { text: rows.join('\n'), repairs: [{ kind: 'quoteMarks', firstLine: 1, lines: 4 }] }]);
    }
  });

  for (const r of READERS) {
    it(`${r.capture}: "> " before its lines and a bare ">>" between them`, () => {
      const copy = quote('> ', r.text);
      copy.splice(3, 0, '>>');
      expect(shown(r.capture, copy.join('\r\n'))).toEqual([[1, 'pasted.quoteMarks']]);
    });

    it(`${r.capture}: quoted twice (">> ") with lines of one and three marks between`, () => {
      const copy = quote('>> ', r.text);
      copy.splice(3, 0, '>');
      copy.splice(5, 0, '> > >');
      expect(shown(r.capture, ['>', ...copy, '>'].join('\r\n'))).toEqual([[1, 'pasted.quoteMarks']]);
    });

    it(`${r.capture}: a "..." line quoted with the rest is still an elision`, () => {
      const copy = quote('> ', r.text);
      copy.splice(3, 0, '>>', '> ...');
      expect(shown(r.capture, copy.join('\r\n'))).toEqual([
        [1, 'pasted.quoteMarks'],
        [5, r.elision],
      ]);
    });
  }

  it('a bare ">>" line in an output that is not quoted otherwise is no elision either', () => {
    for (const r of READERS) expect([r.capture, shown(r.capture, insert(r.text, 3, '>>').text)]).toEqual([r.capture, []]);
  });

  it('the real netsh tables, quoted once with their blank lines quoted twice, are read with no elision note', () => {
    const real = [
      'test/fixtures/real/netsh/win-fr-bare-gt-prompt-route-add-after-table-ligolo.txt',
      'test/fixtures/real/captures/win10-fr-netsh-then-plain-ipconfig-snmp-lab/netsh-interfaces.txt',
    ];
    for (const path of real) {
      const text = readRepoText(path);
      const copy = text.split('\n').map((l) => (l.trim() === '' ? '>>' : `> ${l}`)).join('\n');
      const codes = (t: string) => shown('netsh-interfaces.txt', t).map(([, code]) => code).sort();
      // what the plain file is told, and that it came quoted: nothing more
      expect([path, codes(copy)]).toEqual([path, [...codes(text), 'pasted.quoteMarks'].sort()]);
    }
  });
});
