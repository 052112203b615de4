/**
 * One argument of a reg.exe call written into a .cmd file, in two layers:
 * 1. reg.exe splits its command line with the C runtime's rules: `"` inside an argument is `\"`,
 *    and backslashes are doubled only when a quote follows them (so a trailing `\` becomes `\\`
 *    before the closing quote).
 * 2. cmd.exe reads the line first: `%` is doubled everywhere in a batch file; cmd's own quote
 *    state flips at every `"` (it knows nothing of `\"`), so a metacharacter that ends up outside
 *    cmd's quotes gets a caret. Delayed expansion is off in our scripts, so `!` is plain text.
 * Control characters are refused: neither layer can carry them (the action schema forbids them).
 */
export function cmdRegArg(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('control characters cannot be passed to reg.exe');
  return escapeForCmdLine(crtQuote(value));
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
export function escapeForCmdLine(text: string): string {
  let inQuotes = false;
  let out = '';
  for (const ch of text) {
    if (ch === '"') {
      inQuotes = !inQuotes;
      out += ch;
    } else if (ch === '%') out += '%%';
    else if (!inQuotes && '^&|<>()'.includes(ch)) out += `^${ch}`;
    else out += ch;
  }
  return out;
}
