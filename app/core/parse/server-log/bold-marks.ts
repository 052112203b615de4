/**
 * A poster's Markdown bold inside a fenced code block, where GitHub shows the marks as typed: the words that matter starred in
 * the log itself, tag and message alike (`pppd[**14179**]: Peer test1 **failed** CHAP authentication`, `CTRL: Reaping child
 * PPP[**14179**]`, fail2ban/fail2ban #2446): the tag unread, the line was taken as the last record's continuation and its failure lost.
 * normalizeLine (line-normalize.ts) undoes a whole line in bold, and these inside a line where the read chunk holds a `**` at all
 * (line-hints.ts NO_BOLD: one search per chunk, none per line).
 */

/**
 * `**x**` around a run that starts and ends with no blank (Markdown's emphasis rule, CommonMark §6.2: a left- and right-flanking run),
 * each mark a run of exactly two stars: a masked address's `69.***.***.**4` is no bold (its runs of three lost a star each)
 */
const BOLD = /(?<!\*)\*\*(?=[^\s*])([^*]*?[^\s*])\*\*(?!\*)/g;

/** The text without its bold marks, or undefined when it has none (a pluto debug line's `| **parse …` has no closing pair). */
export function withoutBoldMarks(text: string): string | undefined {
  if (text.indexOf('**') < 0) return undefined;
  const plain = text.replace(BOLD, '$1');
  return plain === text ? undefined : plain;
}
