/**
 * A structural check of generated PowerShell, for machines without PowerShell: brackets balance
 * outside strings and comments, every string and subexpression is closed, and no here-string or
 * block comment hides anything. It is a tokenizer for the subset our renderers emit, not a parser.
 */
const SQ = "'\u2018\u2019\u201a\u201b";
const DQ = '"\u201c\u201d\u201e';
/** PowerShell treats the typographic quotes as quotes too (psQuote doubles them for that reason). */
const isSq = (c: string | undefined) => c !== undefined && SQ.includes(c);
const isDq = (c: string | undefined) => c !== undefined && DQ.includes(c);

export function checkPs1Structure(text: string): string[] {
  const errors: string[] = [];
  const stack: { ch: string; line: number }[] = [];
  const pairs: Record<string, string> = { ')': '(', '}': '{', ']': '[' };
  let line = 1;
  let i = 0;
  type Mode = 'code' | 'single' | 'double';
  const modes: Mode[] = ['code'];
  const mode = () => modes[modes.length - 1]!;
  if (/@["']\s*$/m.test(text) || /<#/.test(text)) errors.push('here-strings and block comments are not expected');
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (mode() === 'code') {
      if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
        continue;
      }
      if (isSq(c)) modes.push('single');
      else if (isDq(c)) modes.push('double');
      else if (c === '`') i++;
      else if ('({['.includes(c)) stack.push({ ch: c, line });
      else if (')}]'.includes(c)) {
        const open = stack.pop();
        if (!open || open.ch !== pairs[c]) {
          errors.push(`line ${line}: unbalanced ${c}`);
          if (open) stack.push(open);
        } else if (open.ch === '(' && (open as { sub?: boolean }).sub) modes.pop();
      }
    } else if (mode() === 'single') {
      if (isSq(c) && isSq(text[i + 1])) i++;
      else if (isSq(c)) modes.pop();
      else if (c === '\n') errors.push(`line ${line - 1}: single-quoted string runs over a line end`);
    } else {
      if (c === '`') i++;
      else if (isDq(c) && isDq(text[i + 1])) i++;
      else if (isDq(c)) modes.pop();
      else if (c === '$' && text[i + 1] === '(') {
        modes.push('code');
        stack.push({ ch: '(', line, sub: true } as { ch: string; line: number });
        i++;
      } else if (c === '\n') errors.push(`line ${line - 1}: double-quoted string runs over a line end`);
    }
    i++;
  }
  if (modes.length !== 1) errors.push(`unterminated ${mode()} string or subexpression at the end`);
  for (const open of stack) errors.push(`line ${open.line}: ${open.ch} never closed`);
  return errors;
}

/** The values of the single-quoted literals on one line, unquoted. */
export function singleQuotedLiterals(line: string): string[] {
  const q = `[${SQ}]`;
  return [...line.matchAll(new RegExp(`${q}((?:[^${SQ}]|${q}${q})*)${q}`, 'g'))].map((m) => m[1]!.replace(new RegExp(`(${q})${q}`, 'g'), '$1'));
}
