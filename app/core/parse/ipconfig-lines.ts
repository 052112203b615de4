import { isTitle, lookupLabel, parseHeader, rereadLabel, stripLeaderTail, type LabelMeaning } from './ipconfig-labels';
import { readMisread } from './code-page-misreadings';
import { stripLeaderKeepingLostLetters } from './lost-letters';
import { isElisionLine } from './paste-damage';
import { parseIpValue } from './ip-values';

/**
 * What an ipconfig line is before it is read as an adapter's field (ipconfig.ts): noise a capture
 * or a paste adds (prompts, banners, date stamps, the command's own echo), a known label and its
 * value, a label-shaped line the vocabulary does not know, and how deep it is indented.
 */

export const MAX_LABEL_COLUMN = 120;
/** The console wraps at 80 columns; a line this long may continue on the next one. */
export const WRAP_COLUMNS = 78;
/**
 * The same in a copy whose runs of blanks were collapsed to one (a web page's text rather than its
 * <pre>) or made tabs: the printed width is gone, and a wrapped line lost its indent (XP's eight
 * blanks to one: 78 → 71) and the runs in its value; a line this long may still continue.
 */
export const COLLAPSED_WRAP_COLUMNS = 70;

/**
 * The width from which a line may continue on the next: no two blanks in a row anywhere is a collapsed
 * copy (every ipconfig indents its labels by three or more), and no line indented at all is a copy
 * that stripped the indent (XP's eight blanks: an 80-column line is 72 long;
 * test/fixtures/real/ipconfig/xp-en-html-br-one-line-chinese-blog.txt).
 */
export const wrapColumnsOf = (text: string): number => (text.indexOf('  ') < 0 || !INDENTED_LINE.test(text) ? COLLAPSED_WRAP_COLUMNS : WRAP_COLUMNS);
const INDENTED_LINE = /^[ \t]+\S/mu;

export const PROMPT = /^\s*(?:PS\s+)?[A-Za-z]:\\[^<>|"\r\n]*>/u;
const BANNERS = [
  /^\s*Microsoft Windows\b[^[]*\[[^\]]*\d+\.\d+[^\]]*\]\s*$/u,
  /^\s*\(c\).*Microsoft/iu,
  /^\s*Copyright\b.*Microsoft/iu,
];
/** Date/time stamps that capture scripts append (`echo %time% %date%`, `date /t`). */
const STAMPS = [
  /^\s*\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[AP]M\s*)?(?:\p{L}{2,3}\.?\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$/u,
  /^\s*(?:\p{L}{2,3}\.?\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\s*(?:[AP]M)?\s*$/u,
  /^\s*(?:\p{L}{2,3}\.?\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})\s*$/u,
];
/** A label/value separator that is not in a known label: a dot leader (any filler in it) or a spaced colon. */
export const LABEL_SHAPE = /^\s*(\S.*?)(?:\s*[.*†](?:\s*[.*†])*\s*|\s+):(?:\s|$)/u;
/** Labels sit in the first columns; testing only those keeps a huge pasted line linear. */
export const labelShaped = (line: string): boolean => LABEL_SHAPE.test(line.slice(0, MAX_LABEL_COLUMN + 40));
/** The echo of the command itself (reverse shells and some terminals repeat it on its own line). */
export const COMMAND_ECHO = /^\s*ipconfig(?:\.exe)?(?:\s+[/-][a-z]+)*\s*$/iu;
/**
 * A prompt running ipconfig: cmd and PowerShell (`C:\>`, `PS C:\>`), and the prompts of other shells a
 * Windows user may paste from (`❯` starship/oh-my-posh, `$`/`#` in WSL or Git Bash, `%`, `»`;
 * test/fixtures/real/ipconfig/win10-ko-wifi-direct-starship-prompt.txt).
 */
export const IPCONFIG_PROMPT = /^\s*(?:(?:PS\s+)?[A-Za-z]:\\[^<>|"\r\n]*|\S{0,60})?[>$#❯»%]\s*ipconfig(?:\.exe)?\b/iu;
/** A prompt running ipconfig, also one whose prompt sign was shown in the wrong code page ("â¯ ipconfig" is UTF-8's "❯" in Windows-1252). */
export const isIpconfigPrompt = (line: string): boolean => IPCONFIG_PROMPT.test(line) || (/ipconfig/iu.test(line) && readMisread(line, (t) => (IPCONFIG_PROMPT.test(t) ? true : undefined)) !== undefined);

/**
 * The columns a line took on the console, which tell a wrap: its length, less what a code-page
 * misreading added to its label (UTF-8 shown as Windows-1252 prints "é" as "Ã©", so a wrapped
 * 80-column description line grows past 81; code-page-misreadings.ts).
 */
export function printedWidth(line: string): number {
  if (line.length < WRAP_COLUMNS || !NON_ASCII.test(line)) return line.length;
  const known = splitKnownLabel(line);
  if (!known) return line.length;
  // the label as printed, leader included: a misread letter may look like filler to stripLeaderTail
  // (UTF-8's Cyrillic shown in cp437 is box-drawing characters)
  const text = line.trimEnd();
  const rawLabel = text.slice(0, text.lastIndexOf(':', text.length - known.value.length));
  const reread = NON_ASCII.test(rawLabel) ? rereadLabel(rawLabel) : undefined;
  return reread === undefined ? line.length : line.length - (rawLabel.length - reread.length);
}
const NON_ASCII = /[^\x00-\x7f]/u;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/u);
}

/** Archived forum posts store non-ASCII letters as "&#322;"; decode them back. */
export function decodeNumericEntities(line: string): string {
  return line.replace(/&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/giu, (whole, hex: string | undefined, dec: string | undefined) => {
    const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/**
 * What every stamp starts with: a digit, perhaps after a day's short name (`\p{L}{2,3}\.?` is 2 to 8
 * code units of neither blank nor digit). Tested first because it is ASCII: the stamps' letter class
 * costs ≈ 1 ms to compile, at the first line of every scan, and no line of intact ipconfig output
 * passes this (its labels start with a word followed by a word; issue 16.2).
 */
export const STAMP_START = /^\s*(?:[^\s\d]{2,8}\s+)?\d/;

export function isNoise(line: string): boolean {
  return PROMPT.test(line) || BANNERS.some((re) => re.test(line)) || (STAMP_START.test(line) && isStamp(line));
}

/** A date/time stamp line (STAMPS), not gated: isNoise asks STAMP_START first. */
export const isStamp = (line: string): boolean => STAMPS.some((re) => re.test(line));

/** Finds the known label on a line: the first "…:" split whose left side is in the vocabulary. */
export function splitKnownLabel(line: string): { meaning: LabelMeaning; label: string; value: string } | undefined {
  // labels are short; bounding the search keeps a pathological line with many colons linear
  for (let i = line.indexOf(':'); i >= 0 && i <= MAX_LABEL_COLUMN; i = line.indexOf(':', i + 1)) {
    const next = line[i + 1];
    if (next !== undefined && !/\s/u.test(next)) continue;
    const label = line.slice(0, i);
    const meaning = lookupLabel(label);
    if (meaning) return { meaning, label: stripLeaderTail(label).trim(), value: line.slice(i + 1).trim() };
  }
  return undefined;
}

export function quote(s: string): string {
  const t = s.trim();
  return `«${t.length > 80 ? t.slice(0, 77) + '…' : t}»`;
}

export const indentOf = (line: string): number => {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 8 - (n % 8);
    else break;
  }
  return n;
};

/** Words a field's label keeps in translation and an adapter header does not have ("DNS-Suffix:", "Suffisso DNS specifico per connessione:"). */
export const FIELD_TOKEN = /\b(?:DNS|DHCP|DHCPv6|WINS|IPv[46])\b/u;

/** "label . . . : value" of a line whose label is in no vocabulary (LABEL_SHAPE), or undefined. */
export function splitUnknownLabel(line: string): { label: string; value: string } | undefined {
  const m = LABEL_SHAPE.exec(line.slice(0, MAX_LABEL_COLUMN + 40));
  if (!m) return undefined;
  return { label: stripLeaderKeepingLostLetters(m[1] ?? '', stripLeaderTail).trim(), value: line.slice(m[0].length).trim() };
}

/**
 * "Label: value" with neither leader nor blank before the colon, retyped by a person
 * ("Connection specific DNS Suffix: xxx.bbb.tld", test/fixtures/real/ipconfig/xp-de-hand-translated-labels-pptp-ppp.txt).
 * Taken inside an adapter only, indented, and only when the label keeps a field's token or the value
 * is an address: a note typed between the lines ("   see: below") stays reported.
 */
export function splitGluedLabel(line: string): { label: string; value: string } | undefined {
  const m = /^\s+(\S[^:]{0,80}?):\s+(\S.*)$/u.exec(line.slice(0, MAX_LABEL_COLUMN + 80));
  if (!m) return undefined;
  const label = m[1]!.trim();
  // the value runs to the end of the line (the pattern saw only its first columns)
  const value = line.slice(m[0].length - m[2]!.length).trim();
  return FIELD_TOKEN.test(label) || parseIpValue(value) ? { label, value } : undefined;
}

/** Label and value of the field lines after line i in the same section (blank, elision and continuation lines skipped), at most `count`. */
export function fieldsAfter(lines: readonly string[], i: number, count: number): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (let j = i + 1; j < lines.length && out.length < count; j++) {
    const l = (lines[j] ?? '').trimEnd();
    const t = l.trim();
    if (t === '' || isElisionLine(t)) continue;
    if (isTitle(l) || parseHeader(l) || PROMPT.test(l)) break;
    const f = splitKnownLabel(l) ?? splitUnknownLabel(l);
    if (f) out.push({ label: f.label, value: f.value });
  }
  return out;
}

/** A line ipconfig prints: its title, an adapter header or a label of its vocabulary. */
export const ofIpconfig = (t: string): boolean => isTitle(t) || parseHeader(t) !== undefined || splitKnownLabel(t) !== undefined;
/** A line of a transcript's frame around the output (transcript-frame.ts): words, none of ipconfig's own. */
export const inTranscriptFrame = (t: string): boolean => /\p{L}/u.test(t) && !ofIpconfig(t);
