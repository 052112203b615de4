/**
 * One argument of a reg.exe call written into a .cmd file, in two layers:
 * 1. reg.exe splits its command line with the C runtime's rules: `"` inside an argument is `\"`,
 *    and backslashes are doubled only when a quote follows them (so a trailing `\` becomes `\\`
 *    before the closing quote).
 * 2. cmd.exe reads the line first: `%` is doubled everywhere in a batch file; cmd's own quote
 *    state flips at every `"` (it knows nothing of `\"`), so a metacharacter that ends up outside
 *    cmd's quotes (& | < > ^) gets a caret. Delayed expansion is off in our scripts, so `!` is plain text.
 * Control characters are refused: neither layer can carry them (the action schema forbids them).
 */
export function cmdRegArg(value: string): CmdArg {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('control characters cannot be passed to reg.exe');
  return { arg: crtQuote(value) };
}

/** A CRT-quoted argument; plain words (switches, type names) are strings. */
export interface CmdArg {
  arg: string;
}

/**
 * One command line. cmd's quote state runs across the whole line: an argument holding `\"` leaves
 * it flipped for everything after it, so the state is threaded through all the parts.
 */
export function cmdLine(parts: (string | CmdArg)[]): string {
  let inQuotes = false;
  return parts
    .map((p) => {
      if (typeof p === 'string') {
        if (/["%^&|<>]/.test(p.replace(/%TM_REGVIEW%|"%TM_REG%"/g, ''))) throw new Error(`cmdLine: plain part needs escaping: ${p}`);
        return p;
      }
      const r = escapeForCmdLine(p.arg, inQuotes);
      inQuotes = r.inQuotes;
      return r.text;
    })
    .join(' ');
}

/** The C runtime's quoting (CommandLineToArgvW rules), always quoted. */
export function crtQuote(value: string): string {
  let out = '"';
  let backslashes = 0;
  for (const ch of value) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    if (ch === '"') {
      out += '\\'.repeat(backslashes * 2 + 1) + '"';
    } else {
      out += '\\'.repeat(backslashes) + ch;
    }
    backslashes = 0;
  }
  return out + '\\'.repeat(backslashes * 2) + '"';
}

/** Text that cmd.exe must pass through unchanged to the program it starts. */
export function escapeForCmdLine(text: string, startInQuotes = false): { text: string; inQuotes: boolean } {
  let inQuotes = startInQuotes;
  let out = '';
  for (const ch of text) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      out += ch;
    } else if (ch === '%') out += '%%';
    // ( and ) mean something to cmd only inside a parenthesised block, and our reg lines are never
    // in one; Wine's cmd keeps the caret of "^)" before a quote, so they are left alone.
    else if (!inQuotes && '^&|<>'.includes(ch)) out += `^${ch}`;
    else out += ch;
  }
  return { text: out, inQuotes };
}
