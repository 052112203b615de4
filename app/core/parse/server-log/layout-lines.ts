/**
 * A line's layout around a pasted log rather than its text (lines.ts LineSplitter): the blanks a whole paste is shifted by, a Markdown
 * fence, a rule between two logs.
 */

export const LEADING_BLANKS = /^[ \t]+/;
/**
 * The part of a line's leading blanks that may be a paste's shift, when a shorter shift than the first line's turns up
 * (LineSplitter.outdent): its tabs and the blanks after them in whole fours (a Markdown code block's four, a tab, a code block's
 * own indented log under a tab) — the rest is, on a wrapped piece, the blank the wrap cut before (`     and pppol2tp)`).
 * Assumed: a paste is shifted by fours or by tabs (every real shifted paste here is). The first line's blanks stay the shift
 * as they were (all of them: a log's own indent under it is cut from its lines too, as before).
 */
export function shiftOf(lead: string): string {
  let tabs = 0;
  while (lead.charCodeAt(tabs) === 9) tabs++;
  const blanks = lead.length - tabs;
  return lead.slice(0, lead.length - (blanks % 4));
}
/**
 * A code fence on its own line: Markdown's three or more backticks or tildes with the block's language (```text, ~~~log), or
 * Jira's and Confluence's `{code}` / `{code:title=syslog}` / `{noformat}` — a help-desk ticket's log is pasted between those, and
 * the client side's reader already took them for layout (pasted-copy.ts FENCE_LINE); here each was a line not understood.
 */
export const FENCE = /^\s*(?:`{3,}[\w+.-]*|~{3,}[\w+.-]*|\{(?:code|noformat)(?::[^}\r\n]*)?\})\s*$/;
/** Could this line's first character begin a fence (FENCE)? Asked before the regex. */
export const mayBeFence = (c: number): boolean => c === 96 || c === 126 || c === 123;
/**
 * A rule between pasted logs or under a heading: one character of - = * _ # + three times or more and nothing else (Markdown's
 * `---` and `***`, a mail's `-----` or `=====` between two logs). Layout, not a record, as a fence is: it was listed as a line not
 * understood. (A table's dash row has blanks between its columns, `----- --`: not a rule.) Also `--` alone: the line GNU grep
 * prints between two groups of lines that are not next to each other in the file when `-A`, `-B` or `-C` shows lines around
 * each match (GNU grep manual, 2.1.5 Context Line Control: "by default a separator appears between non-adjacent groups … a `--`
 * line") — a `grep -C 3 pppd /var/log/syslog` paste had each one as a line not understood.
 */
export const RULE = /^(?:([-=*_#+])\1{2,}|--)[ \t]*$/;
/** Could this line be a rule (RULE)? Its first character, asked before the regex: a log line never starts so. */
export const mayBeRule = (c: number): boolean => c === 45 || c === 61 || c === 42 || c === 95 || c === 35 || c === 43;
/** A line that is layout around or between logs, no record: a Markdown fence or a rule (what LineSplitter.push counts as blank). */
export const isLayoutLine = (text: string): boolean => FENCE.test(text) || RULE.test(text);
