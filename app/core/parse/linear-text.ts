import { escapeRegExp } from '../text/escape-regexp';

/**
 * Text tests that take time linear in the text, where the obvious regex does not. V8's backtracking
 * regexes try a pattern from every start position: `/[ \t]+$/` runs each blank run of a line to its
 * end and back (a line of k blanks followed by a letter costs k²), and `/^\s*Key/im` lets every line
 * start inside a run of blank lines eat all of the run. A damaged paste or a fuzzed capture
 * (test/capture-fuzz.test.ts) holds such runs: a 76 KB registry file took 6 s, a 226 KB Format-List
 * 9 s, where a linear test takes a millisecond.
 */

export const isBlank = (code: number): boolean => code === 0x20 || code === 0x09;

/** `s.replace(/[ \t]+$/, '')`: trailing blanks and tabs only (\s would also eat a U+2028 or no-break space that ends a value's data). */
export function trimBlanksEnd(s: string): string {
  let end = s.length;
  while (end > 0 && isBlank(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** What JavaScript's `\s` matches, by code unit (ECMA-262 WhiteSpace and LineTerminator). */
export function isRegexSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const isLineBreak = (code: number): boolean => code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;

/**
 * `new RegExp('^\\s*' + key + '\\s*:\\s*\\S', 'im').test(text)`, linear: `key` (case-insensitive) where only white space
 * stands between it and a line's start (so `\s*` may cross blank lines, as the regex's did), then `:` after white space, then
 * something after white space. Each occurrence of the key is looked at once.
 */
export function keyAtLineStart(text: string, key: string): boolean {
  const after = new RegExp(`${escapeRegExp(key)}\\s*:\\s*\\S`, 'giy');
  const find = new RegExp(escapeRegExp(key), 'gi');
  for (let m = find.exec(text); m !== null; m = find.exec(text)) {
    let at = m.index;
    // white space back to the text's start or a line break: the key starts a line, blank lines before it allowed
    while (at > 0 && isRegexSpace(text.charCodeAt(at - 1)) && !isLineBreak(text.charCodeAt(at - 1))) at--;
    if (at === 0 || isLineBreak(text.charCodeAt(at - 1))) {
      after.lastIndex = m.index;
      if (after.test(text)) return true;
    }
    find.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * `/^([^=]+?)\s*=\s*(.*?)\s*$/.exec(line)` as [name, value], linear: the name up to the first `=` without the white space
 * before it (one character at least), the value after it without white space around it, none when the value holds a line
 * break (`.` does not match one). The regex's lazy groups tried `\s*$` again after each character: a line of blanks took k².
 */
export function nameAndValue(line: string): [string, string] | undefined {
  const eq = line.indexOf('=');
  if (eq <= 0) return undefined;
  let nameEnd = eq;
  while (nameEnd > 1 && isRegexSpace(line.charCodeAt(nameEnd - 1))) nameEnd--;
  let start = eq + 1;
  let end = line.length;
  while (start < end && isRegexSpace(line.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(line.charCodeAt(end - 1))) end--;
  for (let i = start; i < end; i++) if (isLineBreak(line.charCodeAt(i))) return undefined;
  return [line.slice(0, nameEnd), line.slice(start, end)];
}
