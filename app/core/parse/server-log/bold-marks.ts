/**
 * A poster's Markdown bold inside a fenced code block, where GitHub shows the marks as typed: the words that matter starred in
 * the log itself, tag and message alike (`pppd[**14179**]: Peer test1 **failed** CHAP authentication`, `CTRL: Reaping child
 * PPP[**14179**]`, fail2ban/fail2ban #2446). A whole line in bold is undone by normalizeLine (line-normalize.ts); marks inside a
 * line are looked for only on a record nothing read (ServerLogParser.record's unknown path): understood lines pay nothing.
 */

/** `**x**` around a run that starts and ends with no blank (Markdown's emphasis rule, CommonMark §6.2: a left- and right-flanking run) */
const BOLD = /\*\*(?=[^\s*])([^*]*?[^\s*])\*\*/g;

/** The text without its bold marks, or undefined when it has none (a pluto debug line's `| **parse …` has no closing pair). */
export function withoutBoldMarks(text: string): string | undefined {
  if (text.indexOf('**') < 0) return undefined;
  const plain = text.replace(BOLD, '$1');
  return plain === text ? undefined : plain;
}
