import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerLog } from '.';
import { HTML_TAG } from './families/asa';
import { FIELDS_ONLY } from './families/fortigate-fields';
import { PPPD_OPTION_LINE } from './families/pppd';
import { arrowNoteStart, withoutMarkupAtEnds } from './author-marks';
import { BBCODE_TAG } from './line-normalize';

/**
 * Patterns that backtracked without bound on a damaged line (found by the server-log fuzzer, test/support/server-log-fuzz.ts, and
 * by a ReDoS check — recheck — of the readers' patterns), each replaced by a form that reads every input one way. Each new form
 * is checked against the old on short inputs built from the characters that matter (fast-check: same match, same groups), and
 * the whole reader is given a line sized so the old form takes minutes — past the 60 s the event-loop watch allows a test, which
 * then fails it by name; the speed itself is not asserted, what the line reads as is.
 */

const OLD = {
  pppdOption: /^(?:(.*?)[ \t]+)?# \(from (command line|[^\s)]+?)(?:\)|\$)$/,
  asaHtmlTag: /<\/?(?:span|font|b|i|em|strong|code|pre)(?:\s+[\w-]+\s*=[^>]*)?\s*\/?>/gi,
  fortiFieldsOnly: /^[a-z][a-z0-9_]*=(?:"[^"]*"|\S*)(?:\s+(?:[a-z][a-z0-9_]*=(?:"[^"]*"|\S*)|[^\s="]+))*\s*$/i,
  markupAtStart: /^(?:<(?:pre|code|tt|samp|kbd|p|div|span|font|b|i|br)(?:\s[^<>]*)?\/?>)+/i,
  arrowNote: /[ \t]+(?:<-+|<=+|\u2190)[ \t].*$|[ \t]+\u2190$/,
  bbcode: /\[\/?(?:COLOR|color|B|b|I|i|CODE|code|QUOTE|quote)(?:=[^\]]*)?\]/g,
  markupAtEnd: /(?:<\/?(?:pre|code|tt|samp|kbd|p|div|span|font|b|i|br)(?:\s[^<>]*)?\/?>)+$/i,
};
const NEW = { pppdOption: PPPD_OPTION_LINE, asaHtmlTag: HTML_TAG, fortiFieldsOnly: FIELDS_ONLY };

const text = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((p) => p.join(''));

describe('the new forms match what the old ones matched', () => {
  it('pppd `dump` option lines', () => {
    const s = text([' ', '\t', '\u00a0', 'x', 'noauth', '#', '# (from ', 'command line', '/etc/ppp/options', ')', '$', ' ', 'a b']);
    fc.assert(fc.property(s, (line) => {
          expect(NEW.pppdOption.exec(line)).toEqual(OLD.pppdOption.exec(line));
        }), { numRuns: 2000 });
  });
  it("an ASA line's HTML tags", () => {
    const s = text(['<span', '<b', '</span', ' ', '\t', 'style', '=', '"color: #00f;"', '/', '>', 'x', '<b.smith>', 'a']);
    fc.assert(fc.property(s, (line) => {
          expect(line.replace(NEW.asaHtmlTag, '|')).toBe(line.replace(OLD.asaHtmlTag, '|'));
        }), { numRuns: 2000 });
  });
  it('FortiOS fields-only lines', () => {
    // (the old form's worst case needs ~20 fields that end wrong; these stay far below it)
    const s = text(['a', 'loc_ip', '=', '"', 'x y', ' ', '\t', 'z', '1', '"q"', '\u0000']);
    fc.assert(fc.property(s, (line) => {
          expect(NEW.fortiFieldsOnly.test(line)).toBe(OLD.fortiFieldsOnly.test(line));
        }), { numRuns: 3000 });
  });
  it("markup at a line's ends is taken off as the old patterns took it", () => {
    const s = text(['<b>', '</pre>', '<P />', '<P\t/>', '<br/>', '<span class="x">', '<b.smith>', 'x', '>', '<', ' ', 'Exit.', '<I/']);
    fc.assert(
      fc.property(s, s, (head, tail) => {
        const line = `${head}Mar 21 12:20:27 feist pppd[28594]: Exit.${tail}`;
        const cut = line.replace(OLD.markupAtStart, '').replace(OLD.markupAtEnd, '');
        expect(withoutMarkupAtEnds(line)).toBe(cut.trim() === '' ? line : cut);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("a forum's BBCode tags", () => {
  it('are taken off as before wherever a tag closes before the next one opens', () => {
    const s = text(['[color=red]', '[color=#ff0000]', '[/color]', '[b]', '[/B]', '[code]', '[QUOTE=x y]', 'text', ']', ' ', '[x]', '=', '[/']);
    fc.assert(
      fc.property(s, (line) => {
        expect(line.replace(BBCODE_TAG, '')).toBe(line.replace(OLD.bbcode, ''));
      }),
      { numRuns: 2000 },
    );
  });
  it('a `[color=` left open is no tag up to the next one (before: both read as one tag)', () => {
    expect('[color=red [b]x[/b]'.replace(BBCODE_TAG, '')).toBe('[color=red x');
  });
});

describe("an author's arrow note after a line", () => {
  it('starts where the old pattern matched', () => {
    const s = text([' ', '\t', '<', '-', '--', '=', '<--', '<==', '\u2190', 'x', 'this is the error', '\u2028', '<>', 'a <= b']);
    fc.assert(
      fc.property(s, (line) => {
        expect(arrowNoteStart(line)).toBe(line.search(OLD.arrowNote));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('damaged lines the old forms took minutes over read in time linear in their length', () => {
  it('a pppd option line with a long run of tabs before `# (from` that does not end as one does', () => {
    expect(NEW.pppdOption.exec(`noauth${'\t'.repeat(400_000)}# (from /etc/ppp/options) x`)).toBeNull();
    expect(NEW.pppdOption.exec(`noauth${'\t'.repeat(400_000)}# (from /etc/ppp/options)`)?.[1]).toBe('noauth');
  });
  it('an ASA line with `<span a=` and a long run of blanks after it', () => {
    const line = `IKE<span a=${' '.repeat(400_000)}x`;
    expect(line.replace(NEW.asaHtmlTag, '')).toBe(line);
  });
  it('a line of fields with quoted blanks that does not end as fields do', () => {
    expect(NEW.fortiFieldsOnly.test(`A=\t\u0000${'\tA="\tA\tA="\tA'.repeat(40)}\t=`)).toBe(false);
    expect(NEW.fortiFieldsOnly.test(`loc_ip=1.2.3.4 ${'vd="root x" '.repeat(40_000)}`)).toBe(true);
  });
  it('a line that ends in many `<P />` tags, then text that is not one (every line of every log is asked)', () => {
    const r = parseServerLog(`Mar 21 12:20:27 feist pppd[28594]: Exit.<I/${'><P\t/><P/'.repeat(60)}R<P>\n${'<b>'.repeat(100_000)}x<b>\n`);
    expect(r.records).toBe(2);
  });
  it('a line of `. . .` pairs among a log\'s first lines (the ipconfig sniffer asks them)', () => {
    const dots = parseServerLog(`Mar 21 12:20:27 feist pppd[28594]:${' .'.repeat(300_000)} x\n`);
    expect(dots.records).toBe(1);
  });
  it('a line of `[color=` with no `]` (every line is asked)', () => {
    const bb = parseServerLog(`Mar 21 12:20:27 feist pppd[28594]: ${'[color='.repeat(170_000)}\n`);
    expect(bb.records).toBe(1);
  });
  it('a line of blanks among a log\'s first lines (the sniffer asks a line that starts with a blank whether it is a TunnelMedic JSON file)', () => {
    expect(parseServerLog(`${' '.repeat(300_000)}x\n`).records).toBe(1);
    expect(parseServerLog(`${'\t'.repeat(300_000)}y\n`).records).toBe(1);
  });
  it('a long run of blanks before a `<` that is no arrow (every line with a `<` and a blank is asked)', () => {
    const r = parseServerLog(`Mar 21 12:20:27 feist pppd[28594]: x${' '.repeat(400_000)}<x <-- y\n`);
    expect(r.records).toBe(1);
  });
});
