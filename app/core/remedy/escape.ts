/**
 * Escaping for text that ends up inside generated scripts. Action arguments are validated
 * addresses and numbers; anything else that reaches a script (titles, interface names in
 * progress messages) goes through these functions and nowhere else.
 */

/** Longest text an echo line shows; longer text is cut (it is only shown, never a value). */
export const ECHO_MAX = 1000;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** what psQuote changes: control characters (flattened to a space) and the four quote characters (doubled) */
const PS_QUOTE_WORK = /[\u0000-\u001f'\u2018\u2019\u201a\u201b]/;

/** Accents dropped (é → e): what every script text keeps of a letter outside ASCII. */
const dropAccents = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** Line breaks and other control characters, each run flattened to one space. */
const flattenControls = (text: string): string => text.replace(/[\r\n\u0000-\u001f]+/g, ' ');

/**
 * cmd's escaping of text already ASCII: `%` doubled, its metacharacters behind a caret — the
 * parentheses too when `parens` (inside a parenthesised block, or whenever the text may stand in
 * one). '^$&' puts a caret before the matched character (a replacement string is much cheaper than
 * a callback per match).
 */
const cmdEscape = (text: string, parens: boolean): string => (CMD_SPECIAL.test(text) ? text.replace(/%/g, '%%').replace(parens ? /[\^&|<>()"!]/g : /[\^&|<>"!]/g, '^$&') : text);
/** what cmdEscape changes (either set): most step labels hold none, and one test is cheaper than two replacing passes */
const CMD_SPECIAL = /[%^&|<>()"!]/;

/**
 * Text for `echo` in a .cmd file: `%` doubles (batch expansion), metacharacters get a caret.
 * A .cmd file is read in the OEM code page, which differs per display language (issue 12.8), so
 * echoed text is kept ASCII: accents are dropped (é → e), other characters become `?`. Values
 * never travel through echo: they go in companion files (render-registry.ts).
 */
/**
 * Text escapeCmdEcho gives back unchanged: printable ASCII without cmd.exe's special characters
 * (CMD_SPECIAL), not blank, not on/off (any case, blanks around) and not starting with blanks and /?.
 */
const PLAIN_ECHO = /^(?! *$)(?! *(?:[Oo][Nn]|[Oo][Ff][Ff]) *$)(?! *\/\?)[\x20\x23\x24\x27\x2a-\x3b\x3d\x3f-\x5d\x5f-\x7b\x7d\x7e]*$/;

export function escapeCmdEcho(text: string): string {
  // most labels: printable ASCII up to ECHO_MAX characters, nothing cmd.exe reads specially, and
  // something to print that is not on/off or /? — such text is its own echo (one regex, not five)
  if (text.length <= ECHO_MAX && PLAIN_ECHO.test(text)) return text;
  // printable ASCII (most labels) has nothing to fold or flatten: NFKD leaves it as it is
  const printable = PRINTABLE_ASCII.test(text);
  const ascii = printable ? text : dropAccents(text).replace(/[^\u0000-\u007e]/g, '?');
  const short = ascii.length > ECHO_MAX ? `${ascii.slice(0, ECHO_MAX - 3)}...` : ascii;
  const oneLine = printable ? short : short.replace(/[\r\n\u0000-\u001f\u007f]+/g, ' ');
  const escaped = cmdEscape(oneLine, true);
  // `echo` followed by nothing would print the echo state.
  if (oneLine.trim() === '') return '.';
  // `echo on` / `echo off` (any case, blanks around them ignored) toggle the echo state instead of
  // printing, and `echo /?` prints echo's help; carets do not help (they are gone before echo looks).
  // Such text is printed between quotes: not verbatim, but visible and harmless.
  if (/^ *(on|off) *$/i.test(oneLine) || /^ *\/\?/.test(oneLine)) return `^"${escaped}^"`;
  return escaped;
}

/** A PowerShell single-quoted string literal: only the quote itself needs doubling. */
export function psQuote(text: string): string {
  // most values hold neither a line break nor a quote: nothing to change
  if (!PS_QUOTE_WORK.test(text)) return `'${text}'`;
  const oneLine = flattenControls(text);
  // PowerShell also treats the typographic single quotes as quote characters.
  return `'${oneLine.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}

/**
 * A translated part of a generated script's own message (script-words.ts) in a .cmd `echo`, after
 * its fixed "TunnelMedic: ": ASCII (accents dropped, anything else `?`), cmd-escaped. `inBlock`: the
 * echo is inside a parenthesised block, where an unescaped `)` would end the block; outside one,
 * parentheses are plain text and stay as they are.
 */
export function cmdLiteral(text: string, inBlock = false): string {
  return cmdEscape(PRINTABLE_ASCII.test(text) ? text : dropAccents(text).replace(/[^\x20-\x7e]/g, '?'), inBlock);
}

/** The same for a COMMAND.COM `echo`: ASCII, and what COMMAND.COM would take as syntax (it has no caret escapes) becomes a blank. */
export function batLiteral(text: string): string {
  return dropAccents(text).replace(/[^\x20-\x7e]/g, ' ').replace(/[%<>|"^&]/g, ' ');
}

/** The same inside a PowerShell double-quoted string: backtick, `$` and the double quotes (PowerShell also ends a string at “ ” „) behind a backtick. */
export function psDoubleQuotedLiteral(text: string): string {
  return flattenControls(text).replace(/[`$"\u201c\u201d\u201e]/g, '`$&');
}
