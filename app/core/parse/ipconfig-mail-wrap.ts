import { isTitle, parseHeader } from './ipconfig-labels';
import { indentOf, LABEL_SHAPE, labelShaped, PROMPT, splitKnownLabel, WRAP_COLUMNS, wrapColumnsOf } from './ipconfig-lines';
import { parseIpValue } from './ip-values';

/**
 * `ipconfig /all` pasted into a mail that hard-wraps its lines (72 columns in RFC 2646's format=flowed,
 * 76 or 78 in common mailers): a line longer than the width is broken at its last blank before it, and
 * the rest goes on at column 0 — an adapter's description cut between words ("…Gigabit Network" /
 * "Connection"), a long value pushed whole onto the next line ("Link-local IPv6 Address . . . :" /
 * "fe80::…%6(Preferred)"). Such a file has no line holding a blank that is longer than the width; a
 * field line followed, at column 0, by a line that is no field, header or title, whose first word would
 * not have fitted on it within the widest such line, was broken there.
 * Windows' own console wraps at column 80 without looking for a blank (ipconfig.ts reads that wrap).
 */

/** the widest a mail's hard wrap may leave a line (a file with a longer breakable line was not mail-wrapped; from 78 on, ipconfig.ts reads the console's own wrap) */
const MAIL_WIDTH_MAX = 77;
/** the narrowest widest line of a mail-wrapped output (72 columns less the longest word it could not fit: an IPv6 value) */
const MAIL_WIDTH_MIN = 64;

export interface Unwrapped {
  /** the lines with each broken one joined again; a line joined onto the one above is left blank, so every line keeps its number */
  lines: string[];
  /** 1-based first line joined onto the one above, and how many were */
  firstLine?: number;
  count: number;
}

const isField = (line: string) => labelShaped(line) || splitKnownLabel(line) !== undefined;

function isRest(line: string): boolean {
  const t = line.trim();
  return t !== '' && indentOf(line) <= 1 && !isField(line) && !t.endsWith(':') && !parseHeader(line) && !isTitle(line) && !PROMPT.test(line);
}

export function unwrapMail(input: readonly string[]): Unwrapped {
  const lines = input.map((l) => l.trimEnd());
  const out: Unwrapped = { lines: [...input], count: 0 };
  // a copy that lost its runs of blanks is no mail's: its lines are shorter, and the console's wrap is read at 70 columns
  if (wrapColumnsOf(input.join('\n')) !== WRAP_COLUMNS) return out;
  // a mail's break goes on at column 0, where an output with its indentation has no field: one that lost it is not read so
  if (lines.some((l) => isField(l) && indentOf(l) === 0 && !parseHeader(l))) return out;
  // the widest line that a mail could have broken (one holding a blank after its first word)
  let widest = 0;
  for (const l of lines) if (/\S\s+\S/u.test(l) && l.length > widest) widest = l.length;
  // a mail's width is 72 to 78 columns, and a wrapped output fills it: its widest breakable line is near it
  if (widest < MAIL_WIDTH_MIN || widest > MAIL_WIDTH_MAX) return out;
  let breaks = 0;
  let pushed = false;
  for (let i = 0; i < lines.length; i++) {
    if (!isField(lines[i]!)) continue;
    let joined = lines[i]!;
    let last = lines[i]!;
    let j = i + 1;
    // an address has no blank a mail could break at: what follows one at column 0 is no part of it
    if (parseIpValue(valueOf(lines[i]!))) continue;
    for (; j < lines.length && isRest(lines[j]!); j++) {
      const next = lines[j]!.trim();
      const firstWord = next.split(/\s/u)[0]!;
      // the word would have fitted, or the line ends far from the width: not a mail's break
      if (last.length + 1 + firstWord.length <= widest || last.length < widest - 40) break;
      joined = `${joined.trimEnd()} ${next}`;
      last = lines[j]!;
      out.lines[j] = '';
      out.count++;
      out.firstLine ??= j + 1;
    }
    if (j > i + 1 && joined !== lines[i]) {
      out.lines[i] = joined;
      breaks++;
      if (valueOf(lines[i]!) === '') pushed = true;
    }
    i = j - 1;
  }
  // a single break inside a value could be a person's note under a long line: a mail breaks every
  // line past its width, so it shows at least twice, or as a whole value pushed under its label
  return breaks >= 2 || pushed ? out : { lines: [...input], count: 0 };
}

/** the value of a field line (after its label's colon), '' when the value was pushed onto the next line */
const valueOf = (line: string): string => line.slice((splitKnownLabel(line) ?? LABEL_SHAPE.exec(line)) ? line.indexOf(':') + 1 : line.length).trim();
