import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText, repoFiles } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { WRAP_COLUMNS, wrapColumnsOf } from './ipconfig-lines';

/**
 * `ipconfig /all` pasted into a mail that hard-wraps at 72 or 76 columns (RFC 2646's and common
 * mailers' widths): each line longer than that is broken at its last blank before the width, the rest
 * going on at column 0 — an adapter's description cut in two ("…Gigabit Network" / "Connection"), a
 * long value pushed whole onto the next line ("Link-local IPv6 Address . . . :" / "fe80::…%6(Preferred)").
 * Every real output the parser reads without a problem reads the same once mail-wrapped, with one note
 * that the copy was rejoined.
 */
function mailWrap(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const at = rest.lastIndexOf(' ', width);
        if (at <= 0 || rest.slice(0, at).trim() === '') break;
        out.push(rest.slice(0, at));
        rest = rest.slice(at + 1);
      }
      return [...out, rest];
    })
    .join('\r\n');
}

const inputs: [string, string][] = [
  ...(corpusAvailable ? corpusFiles('ipconfig').map((f) => [`corpus ${f}`, readCorpus('ipconfig', f)] as [string, string]) : []),
  ...repoFiles('test/fixtures/real/ipconfig').map((f) => [`real ${f}`, readRepoText(`test/fixtures/real/ipconfig/${f}`)] as [string, string]),
];
/** the console's own 80-column wrap already in the output (a line of 79+ columns, the rest at column 0): a mail's break on top of it is not this class */
const columns = (line: string) => line.length + (line.match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu)?.length ?? 0);
const consoleWrapped = (text: string) => text.split(/\r?\n/).some((l, i, all) => columns(l.trimEnd()) >= 79 && /^ ?\S/.test(all[i + 1] ?? ''));
/**
 * (and other copy damage under the mail's: HTML entities, which the parser decodes before it measures
 * lines; double spacing; indentation lost — each a copy of another kind, read by its own rules)
 */
const doubleSpaced = (text: string) => {
  const lines = text.split(/\r?\n/);
  const filled = lines.filter((l) => l.trim() !== '').length;
  return lines.filter((l, k) => l.trim() !== '' && (lines[k + 1] ?? '').trim() === '').length >= filled * 0.8;
};
const otherDamage = (text: string) => /&#?\w+;/u.test(text) || doubleSpaced(text) || wrapColumnsOf(text) !== WRAP_COLUMNS || /^\S[^\r\n]*?(?: \.){3}[^\r\n]*:/mu.test(text);
const clean = inputs.filter(([, text]) => parseIpconfig(text).problems.length === 0 && !consoleWrapped(text) && !otherDamage(text));
/** how many lines the mail broke */
const broken = (text: string, width: number) => text.split(/\r?\n/).filter((l) => l.length > width && l.slice(0, width + 1).trim().includes(' ') && l.lastIndexOf(' ', width) > l.search(/\S/)).length;

describe('ipconfig /all hard-wrapped by a mail', () => {
  it('has real outputs to wrap, some of them with lines a mail would break', () => {
    expect(clean.length).toBeGreaterThan(8);
    expect(clean.filter(([, t]) => mailWrap(t, 72) !== t.replace(/\r?\n/g, '\r\n')).length).toBeGreaterThan(5);
    // and most of those are rejoined (not left to the single-break rule)
    const joined = clean.filter(([, t]) => parseIpconfig(mailWrap(t, 72)).problems.some((p) => p.code === 'pasted.mailWrap'));
    expect(joined.length).toBeGreaterThan(5);
  });

  for (const width of [72, 76]) {
    it.each(clean.map(([name, text]) => [name, text] as const))(`%s at ${width} columns`, (_name, text) => {
      const wrapped = mailWrap(text, width);
      const r = parseIpconfig(wrapped);
      const changed = wrapped !== text.replace(/\r?\n/g, '\r\n');
      const codes = r.problems.map((p) => p.code);
      // one break alone inside a value may be joined or, like a person's note, reported: never read silently
      if (broken(text, width) === 1 && !codes.includes('pasted.mailWrap')) {
        expect(codes).toContain('ipconfig.unrecognised');
        return;
      }
      expect(r.value).toEqual(parseIpconfig(text).value);
      expect(codes).toEqual(changed ? ['pasted.mailWrap'] : []);
    });
  }

  // (under the file's widest line a note and a mail's break look alike, and are read as a break)
  it('an unwrapped output with a person\'s note at column 0 under a line shorter than the widest is not joined', () => {
    const text = ['Windows IP Configuration', '', 'Ethernet adapter LAN:', '', '   Description . . . . . . . . . . . : Realtek PCIe GbE Family Controller', '   Physical Address. . . . . . . . . : 00-1D-60-2A-91-0E', 'this is the office PC', '   IPv4 Address. . . . . . . . . . . : 192.168.1.20(Preferred)', '   Subnet Mask . . . . . . . . . . . : 255.255.255.0', ''].join('\r\n');
    const r = parseIpconfig(text);
    expect(r.value.adapters[0]?.description).toBe('Realtek PCIe GbE Family Controller');
    expect(r.value.adapters[0]?.mac).toBe('00-1d-60-2a-91-0e');
    expect(r.problems.map((p) => p.code)).toEqual(['ipconfig.unrecognised']);
  });
});
