import { referenceText } from './typography';
import { isLetter } from './char-codes';

/**
 * A log inside a saved web page: the forum thread, ticket or web-mail page a network team's log
 * arrived in, saved with the browser's "Save page as" (or its source copied). Before, its markup
 * was read as log lines and a log line that shared its source line with a tag (`<pre class="code">Nov
 * 18 10:21:05 gw pppd[12]: Peer bob failed CHAP authentication`) was not understood — the line that
 * named the cause.
 *
 * A page is known by its start (a doctype, `<html>`, `<head>`, `<body>`, or a block tag such as
 * `<pre>` or `<div>`); an XML log (NPS's DTS XML, a Windows event's XML) starts with its own tags and
 * is not a page. Its text is what a browser shows: comments, scripts and styles go, a line break
 * and the end of a block (`</p>`, `</div>`, `</li>`, `</tr>`, `</pre>`, a heading) end a line, a
 * table cell's end is a blank, other tags go, and character references are decoded (named ones a
 * log holds, and numeric ones). Line numbers are then the page's text's, not its source's.
 *
 * Hand-written, not htmlparser2 (the well-kept streaming tokenizer): only this text view is needed,
 * and loading a parser and its entity tables on every command that reads logs would cost start-up
 * time that issue 16's budget counts; markup inside attribute values is skipped by quoting rules.
 */

/** A page's start: a doctype, the document's own tags, or a block tag around the log. */
const PAGE_START = /^\s*(?:<!doctype html|<!--|<(?:html|head|body|meta|title|div|p|pre|table|tbody|tr|td|ul|ol|li|span|font|code|blockquote|h[1-6]|article|section)\b[^>]*>)/i;

export const looksLikeHtmlPage = (head: string): boolean => PAGE_START.test(head.slice(0, 2048));

/** tags whose start or end ends a line in what a browser shows */
const LINE_ENDING = new Set(['br', 'p', 'div', 'pre', 'li', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'ul', 'ol', 'dd', 'dt', 'hr', 'thead', 'tbody', 'form', 'title']);
const CELL = new Set(['td', 'th']);

const COMMENT = /<!--[\s\S]*?-->/g;
const RAW_TEXT = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// a tag, its attributes' quoted values may hold `>`
const TAG = /<(\/?)([A-Za-z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|<![^>]*>|<\?[^>]*>/g;
const TAG_AT = new RegExp(TAG.source, 'y');
const isTagStart = (c: number): boolean => isLetter(c) || c === 47 || c === 33 || c === 63;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|(lt|gt|amp|quot|apos|nbsp));/g;
/** blank lines the markup made (a `</p>` before a `<p>`): one line end */
const BLANK_RUNS = /\n(?:[ \t]*\n)+/g;

/** The text a browser shows of a piece of a page that holds no unfinished construct. */
export function pageText(html: string): string {
  return html
    .replace(COMMENT, '')
    .replace(RAW_TEXT, '')
    .replace(TAG, (whole: string, _close: string, name: string | undefined) => {
      if (!name) return '';
      const tag = name.toLowerCase();
      return LINE_ENDING.has(tag) ? '\n' : CELL.has(tag) ? ' ' : '';
    })
    .replace(REFERENCE, (whole: string, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
      if (named) return referenceText(whole) ?? whole;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    })
    .replace(BLANK_RUNS, '\n');
}

/** longer than this, an unfinished construct is not held back for the next chunk (a page cut short, or not a page after all) */
const MAX_HELD = 1 << 20;

/** A page's text chunk by chunk: a tag, comment, script or reference cut between chunks waits for the rest. */
export class PageText {
  private held = '';

  push(chunk: string): string {
    const text = this.held + chunk;
    const cut = unfinishedAt(text);
    if (cut < 0 || text.length - cut > MAX_HELD) {
      this.held = '';
      return pageText(text);
    }
    this.held = text.slice(cut);
    return pageText(text.slice(0, cut));
  }

  end(): string {
    const rest = this.held;
    this.held = '';
    return rest ? pageText(rest) : '';
  }
}

/** Where an unfinished tag, comment, script/style or character reference begins at the text's end, or -1. */
function unfinishedAt(text: string): number {
  let cut = -1;
  // a tag's start whose whole tag is not there (no `>`, or one inside a quoted value: `data-x="a>` …)
  const lt = text.lastIndexOf('<');
  if (lt >= 0 && isTagStart(text.charCodeAt(lt + 1))) {
    TAG_AT.lastIndex = lt;
    if (!TAG_AT.test(text)) cut = lt;
  } else if (lt === text.length - 1) cut = lt;
  const comment = text.lastIndexOf('<!--');
  if (comment >= 0 && text.indexOf('-->', comment + 4) < 0) cut = cut < 0 ? comment : Math.min(cut, comment);
  const lower = text.length > 64 ? text.slice(-65536).toLowerCase() : text.toLowerCase();
  const offset = text.length - lower.length;
  for (const raw of ['script', 'style', 'template']) {
    const open = lower.lastIndexOf(`<${raw}`);
    if (open < 0) continue;
    // (its end tag whole: a `</style` cut before its `>` leaves the style's text to the next chunk too)
    const close = lower.indexOf(`</${raw}`, open);
    if (close < 0 || lower.indexOf('>', close) < 0) cut = cut < 0 ? offset + open : Math.min(cut, offset + open);
  }
  const amp = text.lastIndexOf('&');
  if (amp >= 0 && amp >= text.length - 10 && text.indexOf(';', amp) < 0) cut = cut < 0 ? amp : Math.min(cut, amp);
  return cut;
}
