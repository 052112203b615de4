import { afterBlanks, isDigit } from './char-codes';
import { headerlessFilterlogLine } from './families/filterlog';
import { isPromptLine } from './shell-prompt';
import { splitPrefix } from './prefix';

/**
 * The first line of a log that has no log header of its own, by its shape: where, after a record with a header, a second log pasted
 * below it begins (lines.ts LineSplitter: such a line goes on no record of the log above). Each is the start of a paste, never a piece
 * of a line a copy wrapped or a record's text:
 * - a shell's or PowerShell's prompt with the command typed after it (`PS C:\Users\admin> Get-EventLog …`, `[root@host:~]# journalctl
 *   -f`: shell-prompt.ts);
 * - a W3C extended log file's directive (`#Version: 1.5`, `#Software: Microsoft Windows Firewall`, `#Fields: date time …`), the head
 *   of pfirewall.log (W3C Working Draft WD-logfile-960323, "Directives": `#Version:`, `#Fields:`, `#Software:`, `#Start-Date:`,
 *   `#End-Date:`, `#Date:`, `#Remark:`; Microsoft Learn, "Configure Windows Firewall logging" shows pfirewall.log's);
 * - a Markdown heading over a pasted log (`### Reconnaissance: …`: an ATX heading, one to six `#` and a blank, CommonMark 0.31 §4.2);
 * - pfSense's filterlog CSV without its syslog header (families/filterlog.ts headerlessFilterlogLine: rule number first, `,in,`/`,out,`).
 * `text`: the line as normalised, its leading blanks (a paste shifted as a whole) allowed.
 */
export function startsHeaderlessLog(text: string): boolean {
  const i = afterBlanks(text);
  const c = text.charCodeAt(i);
  if (c === 35 /* # */) return W3C_DIRECTIVE.test(text.slice(i)) || ATX_HEADING.test(text.slice(i)) || isPromptLine(text);
  if (isDigit(c)) return i === 0 && headerlessFilterlogLine(splitPrefix(text)) !== undefined;
  return isPromptLine(text);
}

const W3C_DIRECTIVE = /^#(?:Version|Fields|Software|Start-Date|End-Date|Date|Remark): /;
/** an ATX heading with text (`# ` alone, or a root prompt's `# cmd`, is shell-prompt.ts's to tell) */
const ATX_HEADING = /^#{2,6} \S/;
