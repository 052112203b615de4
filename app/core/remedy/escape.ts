/**
 * Escaping for text that ends up inside generated scripts. Action arguments are validated
 * addresses and numbers; anything else that reaches a script (titles, interface names in
 * progress messages) goes through these functions and nowhere else.
 */

/** Text for `echo` in a .cmd file: `%` doubles (batch expansion), metacharacters get a caret. */
export function escapeCmdEcho(text: string): string {
  const oneLine = text.replace(/[\r\n\u0000-\u001f]+/g, ' ');
  const escaped = oneLine.replace(/%/g, '%%').replace(/[\^&|<>()"!]/g, (c) => `^${c}`);
  // `echo` followed by nothing, "on" or "off" would print the echo state or toggle it.
  return escaped.trim() === '' ? '.' : escaped;
}

/** A PowerShell single-quoted string literal: only the quote itself needs doubling. */
export function psQuote(text: string): string {
  const oneLine = text.replace(/[\r\n\u0000-\u001f]+/g, ' ');
  // PowerShell also treats the typographic single quotes as quote characters.
  return `'${oneLine.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}
