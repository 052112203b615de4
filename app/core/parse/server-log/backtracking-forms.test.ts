import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServerLog } from '.';
import { HTML_TAG } from './families/asa';
import { MARKDOWN_ROW, markdownCell, PPP_TRACE, traceOptions } from './families/draytek';
import { FIELDS_ONLY } from './families/fortigate-fields';
import { OPTION_LINE } from './families/ios';
import { wordBeforeFinalDot } from './families/rras';
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
  // round 44 (a pump survey: each pattern given real lines it matches with a long run of one character put in)
  iosOption: /^(\S+) (LCP|CCP|IPCP|IPV6CP):(?: {2,}|[ \t]*\t[ \t]*)(.+?) \(0x([0-9a-f]+)\)$/i,
  drayTrace: /^(PPTP|L2TP|SSLTunnel|SSL TUNNEL|IPsec|IKEv2)? ?\(VPN-\d+(?:, ([^)]*))?\) (<==|==>) Protocol:(\w+)\(([0-9a-f]{4})\) ([\w-]+) Identifier:0x([0-9a-f]+)\s*(.*?)\s*(?:##)?\s*$/i,
  markdownRow: /^\|\s*(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\s*\|\s*(.*?)\s*\|\s*$/,
  wordBeforeDot: /\S+(?=\.\s*$)/,
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

describe('round 44: the new forms match what the old ones matched', () => {
  it("IOS option lines (the run of blanks after the colon taken whole): the same, but for an option name of blanks only", () => {
    const s = text([' ', '  ', '\t', 'MRU', ' 1454', ' (0x', '010405AE', '05', ')', 'x', '\u2028', '(', 'lcp:']);
    const name = (m: RegExpExecArray | null, at: number) => (m ? [m[1], m[2], m[at], m[at + 1]] : null);
    fc.assert(fc.property(s, (rest) => {
          const line = `Vi1 LCP:${rest}`;
          const old = OLD.iosOption.exec(line);
          // (the run reaching the ` (0x` leaves no name: that line is no option line now)
          if (old && old[3]!.trim() === '') expect(OPTION_LINE.exec(line)).toBeNull();
          else expect(name(OPTION_LINE.exec(line), 4)).toEqual(name(old, 3));
        }), { numRuns: 3000 });
    expect(OLD.iosOption.exec('Vi1 LCP:     (0x05)')?.[3]).toBe(' ');
    expect(OPTION_LINE.exec('Vi1 LCP:     (0x05)')).toBeNull();
  });
  it("DrayTek's PPP trace lines: the options as the old pattern cut them, and no trace line where it found none", () => {
    const s = text([' ', '\t', '#', '##', 'a', 'Message:', '\u2028', '0', 'x y', ' Magic Number: 0xbff3']);
    fc.assert(fc.property(s, (rest) => {
          const line = `L2TP (VPN-0, ggyameg) <== Protocol:LCP(c021) EchoReq Identifier:0x04${rest}`;
          const old = OLD.drayTrace.exec(line);
          const now = PPP_TRACE.exec(line);
          const options = now ? traceOptions(now[8]!) : undefined;
          expect(options === undefined ? null : [now![7], options]).toEqual(old ? [old[7], old[8]] : null);
        }), { numRuns: 3000 });
  });
  it("NPS 4402's domain, the word before the message's final full stop: as the old pattern found it", () => {
    const s = text(['.', '..', ' ', '\t', 'a', 'CORP', 'x.y', '\u2028', '\n', '\u00a0']);
    fc.assert(fc.property(s, (message) => {
          expect(wordBeforeFinalDot(message)).toBe(message.match(OLD.wordBeforeDot)?.[0]);
        }), { numRuns: 3000 });
  });
  it("DrayTek's Syslog Explorer rows as a Markdown table: the message cell as the old pattern cut it", () => {
    const s = text([' ', '\t', '|', 'a', '\u2028', 'x y', '##']);
    fc.assert(fc.property(s, fc.constantFrom('', ' ', '  ', '\t'), (rest, blank) => {
          const line = `|${blank}2025-09-17 15:09:46${blank}|${rest}`;
          const old = OLD.markdownRow.exec(line);
          const now = MARKDOWN_ROW.exec(line);
          expect(now ? markdownCell(now[7]!) ?? null : null).toEqual(old ? old[7] : null);
        }), { numRuns: 3000 });
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
  it("a DrayTek Markdown row whose message cell is a long run of blanks and does not close (before: 4.6 s a row, n³)", () => {
    const r = parseServerLog(`| 2025-09-17 15:09:46 |${' '.repeat(1990)}x\n`.repeat(20));
    expect(r.records).toBe(20);
    expect(r.understood).toBe(0);
  });
  it('an IOS option line whose blanks after the colon are a long run of tabs and no option follows (before: 1.8 s a line)', () => {
    const r = parseServerLog(`*Mar  1 00:00:05.123: Vi1 LCP:${'\t'.repeat(1900)}x\n`.repeat(40));
    expect(r.records).toBe(40);
  });
  it('an NPS 4402 message that is one long word without a final full stop (the old pattern tried every start: n²)', () => {
    expect(wordBeforeFinalDot(`${'a'.repeat(400_000)} x`)).toBeUndefined();
    expect(wordBeforeFinalDot(`domain ${'a'.repeat(400_000)}.`)).toHaveLength(400_000);
  });
  it("a DrayTek trace line with a long run of tabs in its options and a line break after them (the pattern alone: 15 s)", () => {
    const line = `SSLTunnel (VPN-1) ==> Protocol:IPCP(8021) ConfReq Identifier:0x00 Compression Type: Unknown:..${'\t'.repeat(1600)}\u2028x`;
    const m = PPP_TRACE.exec(line);
    expect(m && traceOptions(m[8]!)).toBeUndefined();
  });
  it('a long run of blanks before a `<` that is no arrow (every line with a `<` and a blank is asked)', () => {
    const r = parseServerLog(`Mar 21 12:20:27 feist pppd[28594]: x${' '.repeat(400_000)}<x <-- y\n`);
    expect(r.records).toBe(1);
  });
});
