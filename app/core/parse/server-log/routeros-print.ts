import { isDigit } from './char-codes';

/**
 * RouterOS `/log print detail` and `/log print terse`: each record as its properties, `time=<time> topics=<list>
 * message="<text>"`, not as the plain `<time> <topics> <text>` row `/log print` gives. Seen in real copies:
 * - RouterOS 6, one line a record, blank lines between: ` time=jul/19 14:27:01 topics=script,info message="Ping testA: …"`
 *   (networktocode/ntc-templates, tests/mikrotik_routeros/log_print_detail_without-paging, a device's output);
 * - RouterOS 7, the message (and 7's `extra-info="…"`) wrapped onto indented lines under `time=… topics=…`:
 *   ` time=2026-07-30 17:15:43 topics=system,info,account ` / `   message="user admin logged in from …" ` /
 *   `   extra-info="app=ssh duser=admin outcome=success src=… " ` (search index file 58279946906, reproductions of a
 *   RouterOS 7 device's output), `time=06:30:24 topics=l2tp,ppp,info` / `  message="l2tp-out1: initializing..."`
 *   (search index file 52865666109, "Sample from device").
 * `terse` prints the same properties on one line, after the item's number (RouterOS console: `print terse`; assumed for
 * /log, no real copy found). The record is read as the plain row it stands for, so one set of RouterOS rules reads both.
 */

/** the time as `/log print` shows it: the time alone, with RouterOS 6's `jul/19` or `jan/02/1970`, or RouterOS 7's ISO date */
const TIME = String.raw`((?:[A-Za-z]{3}\/\d\d(?:\/\d{4})? |\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d)`;
/** a quoted value, RouterOS's `\"` and `\\` escapes inside it */
const QUOTED = String.raw`"((?:[^"\\]|\\.)*)"`;
/** an item's number (`print terse`/`detail` number the items: ` 0 time=…`) and the blanks before it */
const LEAD = String.raw`^\s*(?:\d+\s+)?`;
const HEAD = new RegExp(`${LEAD}time=${TIME} topics=([a-z0-9,-]+)\\s*$`);
const RECORD = new RegExp(`${LEAD}time=${TIME} topics=([a-z0-9,-]+)\\s+message=${QUOTED}(\\s+extra-info=${QUOTED})?\\s*$`);

/** `time=` after the item's number and blanks, if any: a cheap look before a regex (every record is asked) */
function startsPrinted(text: string): boolean {
  let i = 0;
  while (i < 12 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || isDigit(text.charCodeAt(i)))) i++;
  return text.startsWith('time=', i);
}

/** RouterOS escapes a quote and a backslash in a printed value (`\"`, `\\`); other `\XX` escapes (non-ASCII bytes) are left as printed */
const unescape = (s: string): string => (s.includes('\\') ? s.replace(/\\(["\\])/g, '$1') : s);

/** The plain `/log print` row a printed record stands for (`<time> <topics> <message>`), or undefined when the text is none */
export function printedRow(text: string): string | undefined {
  if (!startsPrinted(text)) return undefined;
  const m = RECORD.exec(text);
  return m ? `${m[1]} ${m[2]} ${unescape(m[3]!)}` : undefined;
}

/**
 * Whether an indented line is the next property of the printed record before it: its `message="…"` under a head that
 * has none yet, or its `extra-info="…"` under a whole record without one (RouterOS 7 wraps each onto its own line).
 */
export function continuesPrinted(pending: string, line: string): boolean {
  const c = line.charCodeAt(0);
  if ((c !== 32 && c !== 9) || !startsPrinted(pending)) return false;
  const prop = line.trimStart();
  if (prop.startsWith('message="')) return HEAD.test(pending);
  if (prop.startsWith('extra-info="')) {
    const m = RECORD.exec(pending);
    return m !== null && m[4] === undefined;
  }
  return false;
}

/** Whether a line begins a printed record (`time=… topics=…`, its message on it or not): a record of its own, never another's text */
export const beginsPrinted = (line: string): boolean => startsPrinted(line) && (HEAD.test(line) || RECORD.test(line));
