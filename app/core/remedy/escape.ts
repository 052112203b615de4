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
/** printable ASCII but cmd.exe's special characters (CMD_SPECIAL): `!"%&()<>^|` */
const ECHO_PLAIN_CHARS = String.raw`\x20\x23\x24\x27\x2a-\x3b\x3d\x3f-\x5d\x5f-\x7b\x7d\x7e`;

/**
 * Text escapeCmdEcho gives back unchanged: printable ASCII without cmd.exe's special characters
 * (CMD_SPECIAL), not blank, not on/off (any case, blanks around) and not starting with blanks and /?.
 */
const PLAIN_ECHO = new RegExp(String.raw`^(?! *$)(?! *(?:[Oo][Nn]|[Oo][Ff][Ff]) *$)(?! *\/\?)[${ECHO_PLAIN_CHARS}]*$`);

/**
 * PLAIN_ECHO with parentheses allowed: a step label names its next hop and interface in them
 * ("Send 10.1.0.0/16 through the VPN (10.9.0.1, interface 23)"), and cmdEscape would only put a
 * caret before each — done by caretParens, instead of cmdEscape's two replaces and the checks after
 * them. It must hold a parenthesis, so it is not blank or on/off; only the /? lookahead stays.
 */
const PAREN_ECHO = new RegExp(String.raw`^(?! *\/\?)[${ECHO_PLAIN_CHARS}()]*[()][${ECHO_PLAIN_CHARS}()]*$`);

/**
 * `text` with a caret before each parenthesis: what cmdEscape does to a text whose only special
 * characters are parentheses. By searching, not `replace(/[()]/g, '^$&')`: the replace cost a step
 * label ≈ 600 ns, these searches ≈ 100 ns (a label holds one pair).
 */
function caretParens(text: string): string {
  let out = '';
  let from = 0;
  let open = text.indexOf('(');
  let close = text.indexOf(')');
  while (open >= 0 || close >= 0) {
    const at = close < 0 || (open >= 0 && open < close) ? open : close;
    out += `${text.slice(from, at)}^${at === open ? '(' : ')'}`;
    from = at + 1;
    if (at === open) open = text.indexOf('(', from);
    else close = text.indexOf(')', from);
  }
  return out + text.slice(from);
}

export function escapeCmdEcho(text: string): string {
  // most labels: printable ASCII up to ECHO_MAX characters, nothing cmd.exe reads specially, and
  // something to print that is not on/off or /? — such text is its own echo (one regex, not five)
  if (text.length <= ECHO_MAX) {
    if (PLAIN_ECHO.test(text)) return text;
    if (PAREN_ECHO.test(text)) return caretParens(text);
  }
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

/**
 * `'a', 'b', 'c'`: the texts as psQuote quotes them, joined with ', ' (route.exe's arguments in
 * fix.ps1). One test of the joined texts instead of one per text: when it holds nothing psQuote
 * changes, neither does any of them.
 */
export function psQuoteList(texts: readonly string[]): string {
  if (texts.length === 0) return '';
  // (tested joined by a blank: the list's own separator holds the quote PS_QUOTE_WORK looks for)
  return PS_QUOTE_WORK.test(texts.join(' ')) ? texts.map(psQuote).join(', ') : `'${texts.join("', '")}'`;
}

/**
 * psQuote(`${prefix}${text}`) for a prefix of digits and punctuation psQuote never changes (a step's
 * "[3/65] "): the test runs on the text as given rather than on the joined copy it would make.
 */
export function psQuoteAfter(prefix: string, text: string): string {
  return PS_QUOTE_WORK.test(text) || PS_QUOTE_WORK.test(prefix) ? psQuote(`${prefix}${text}`) : `'${prefix}${text}'`;
}

/** Whether psQuote changes anything in the text beyond putting it between quotes. */
export const needsPsQuoting = (text: string): boolean => PS_QUOTE_WORK.test(text);

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
