import { problemAt, type Problem } from '../model/problems';

/**
 * A command's output as Windows printed it, from a copy of it that went through a mail, a chat, a
 * ticket, a web page or Markdown (the help desk's usual way to get `route print` or `ipconfig /all`
 * of a PC they cannot sit at). What each of those adds is taken out again, shape only:
 *
 * - quote marks before every line: a mail reply (`> `; Outlook's plain-text reply to a reply adds
 *   another `>` without a blank, `>> `) or a Markdown block quote (`> `, nested `> > `);
 * - zero-width spaces (U+200B), word joiners (U+2060) and byte order marks inside the text (a web
 *   page or chat puts them where a line may break);
 * - no-break spaces (U+00A0) in place of blanks: Outlook and browsers write a run of blanks as
 *   `&nbsp; ` (or every blank as `&nbsp;` in a rich-text editor's code block);
 * - a Markdown code fence (```` ``` ````, `~~~`, with its language) or Jira/Confluence's `{code}` /
 *   `{noformat}` on a line of its own;
 * - the indent of a Markdown code block (four blanks or a tab before every line), when a line Windows
 *   prints at the line's start is indented too (`IndentOptions`);
 * - a web page's HTML source copied as text (a cheat sheet's `<code>…</code>`, a blog's saved
 *   source): its lines joined by `<br>` (also `<br/>`, `<br />`, `</br>`), blanks written `&nbsp;`,
 *   `>` `<` `&` `"` as `&gt;` `&lt;` `&amp;` `&quot;`, `<code>` / `<pre>` / `<tt>` / `<kbd>` / `<samp>`
 *   around it, `<p>` / `<div>` around each line, `<span>` / `<font>` / `<b>`… inside one. Taken for
 *   such a copy only by one of those tags or named entities: no Windows output prints them (assumed);
 *   a numeric entity (`w&#322;&#261;czony`, a forum archive's letters) is left as it is;
 * - line ends converted twice (`\r\r\n`: a CRLF text given CRLF again by a mail gateway or an FTP
 *   transfer in text mode) become a line end and an empty line, as the parsers read them already
 *   (`\r` alone ends a line), so that every reader counts lines alike: route-source-text.ts, which
 *   finds a route's line by its `\n`, showed another line as the route's evidence.
 * (assumed: what mail programs, chats and browsers do is seen in copies, not documented by their makers)
 *
 * Why here, and not in decodeCaptureBytes: LMHOSTS, registry files and phonebooks are also what a
 * fix rewrites, backs up and restores (app/system/apply reads them with decodeCaptureBytes), so their
 * bytes are never changed; this step is used only by the read-only parsing of command outputs
 * (build-snapshot.ts, ras-sections.ts), and a capture's files keep their bytes (the zip, redaction).
 *
 * Values are never rewritten: a no-break space that may be the output's own (an `á` of cp850 output
 * read as Latin-1, a thousands separator: mayBeOwn) is left unless the copy wrote every blank as one;
 * `>` stays where it is a line's own (a prompt `>route print`) unless most lines are quoted; `\u200c`
 * / `\u200d` (joiners inside a name) are not zero-width damage. Every line keeps its number: a fence
 * line becomes an empty one (an HTML copy's `<br>` becomes a line end again: the output's own lines).
 *
 * A plain output pays seven `indexOf` scans (the first five measured at ≈ 0.08 ms per MB together; the
 * last two look for `<` and `&`) and a regex test that V8 answers without reading a one-byte text
 * (every ASCII file); nothing per line.
 */

/** `lineBreaks`: a route print whose lost line ends were put back (route-print-line-breaks.ts) */
export type CopyRepairKind = 'html' | 'quoteMarks' | 'zeroWidth' | 'noBreakSpaces' | 'fence' | 'indent' | 'lineEnds' | 'lineBreaks';

export interface CopyRepair {
  kind: CopyRepairKind;
  /** 1-based number of the first line it changed */
  firstLine: number;
  /** how many lines it changed */
  lines: number;
}

export interface UndoneCopy {
  /** the text as Windows printed it (the same text when nothing was found) */
  text: string;
  /** what was taken out, in the order it was done; empty for a plain output */
  repairs: CopyRepair[];
}

const ZERO_WIDTH = /[\u200b\u2060\ufeff]/;
const ZERO_WIDTH_ALL = /[\u200b\u2060\ufeff]/g;
const NBSP = '\u00a0';
/** A code fence on a line of its own: Markdown's (with its info string, ```` ```text ````) or Jira/Confluence's. */
const FENCE_LINE = /^ {0,3}(?:`{3,}[\w+.#-]*|~{3,}[\w+.#-]*|\{(?:code|noformat)(?::[^}\r\n]*)?\})\s*$/;

export interface IndentOptions {
  /**
   * A line (trimmed) that Windows prints at column 0: a blank indent shared by every line (a Markdown
   * code block's four blanks or tab) is a copy's when such a line has it too. Any line of ipconfig,
   * netsh, ver and PowerShell's list view (`Windows IP Configuration`, the adapter headers, `Idx`,
   * `Name :`; their own indent is three blanks at most); only the `====` rules of `route print`, whose
   * rows Windows indents itself (a paste of the rows alone is indented as a whole). Absent: an indent
   * is never a copy's.
   */
  atColumnZero?: (trimmed: string) => boolean;
}

/** Any line: see IndentOptions. */
export const ANY_LINE = (): boolean => true;

/** The output as printed, and what a copy had done to it (see above). */
export function undoCopyDamage(copy: string, opts: IndentOptions = {}): UndoneCopy {
  const outer = undoTextCopyDamage(copy, opts);
  // the page's source last: it was the first copy (a mail quoting it quotes its one long line)
  const html = fromHtmlSource(outer.text);
  if (!html) return outer;
  // and the lines its <br>s made judged again (a no-break space, an indent, a fence inside the page's text)
  const again = undoTextCopyDamage(html.text, opts);
  return { text: again.text, repairs: [...outer.repairs, html.repair, ...again.repairs] };
}

function undoTextCopyDamage(text: string, opts: IndentOptions): UndoneCopy {
  const zw = mayHoldZeroWidth(text);
  const nbsp = text.indexOf(NBSP) >= 0;
  const quote = mayBeQuoted(text);
  const fence = text.indexOf('```') >= 0 || text.indexOf('~~~') >= 0 || mayHoldBraceFence(text);
  const indent = opts.atColumnZero !== undefined && firstLineIndented(text);
  const twice = lineEndsTwice(text);
  if (!zw && !nbsp && !quote && !fence && !indent && !twice) return { text, repairs: [] };

  // lines and their breaks, kept apart so that every break comes back as it was
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push(parts[i]!);
  const repairs: CopyRepair[] = [];
  const note = (kind: CopyRepairKind, changed: number[]) => {
    if (changed.length) repairs.push({ kind, firstLine: changed[0]! + 1, lines: changed.length });
  };
  if (zw) note('zeroWidth', dropZeroWidth(lines));
  if (nbsp) note('noBreakSpaces', blanksForNoBreakSpaces(lines));
  if (quote) note('quoteMarks', dropQuoteMarks(lines));
  if (fence) note('fence', dropFences(lines));
  // (also under quote marks: a code block quoted in a mail)
  if (opts.atColumnZero) note('indent', dropCommonIndent(lines, opts.atColumnZero));
  if (twice) note('lineEnds', lineEndsOnce(parts));
  if (!repairs.length) return { text, repairs };
  for (let i = 0; i < lines.length; i++) parts[i * 2] = lines[i]!;
  return { text: parts.join(''), repairs };
}

/** One problem per kind of repair, so that a support person reads the file was a copy, not the PC's own output. */
export function copyProblems(source: string, repairs: readonly CopyRepair[]): Problem[] {
  return repairs.map((r) => problemAt(source, r.firstLine, `pasted.${r.kind}`, { lines: r.lines }));
}

/** The codes of copyProblems: notes on how a file came, not lines that could not be read. */
export const isCopyNote = (problem: { code?: string }): boolean => problem.code?.startsWith('pasted.') === true;

/** Markers of a web page's source: an HTML line break, code, block or inline tag, or a named entity no Windows output prints. */
const HTML_MARKER = /<\/?(?:br|code|pre|tt|kbd|samp|p|div|span|font)\b[^<>]*>|&(?:nbsp|gt|lt|amp|quot);/i;
/** Block tags around every line (a mail archive's `<p>line` + `<br>`, an editor's `<div>line</div>`): a line's edge, a line end only between text. */
const HTML_BLOCK_TAG = /<\/?(?:p|div)(?:\s[^<>]*)?>/gi;
/** The inline tags around part of a line (a mail archive's quote level `<span class="quotelev1">`, a colour, bold): no text of the output. */
const HTML_INLINE_TAG = /<\/?(?:span|font|b|strong|i|em|u)(?:\s[^<>]*)?>/gi;
const HTML_BREAK = /<\/?br\s*\/?>/gi;
/** the tags a page puts around preformatted text, with their attributes */
const HTML_CODE_TAG = /<\/?(?:code|pre|tt|kbd|samp)(?:\s[^<>]*)?>/gi;
/** named only: a numeric one (`&#322;`) is a forum archive's letter the readers already see as it is, in a plain copy too */
const HTML_ENTITY = /&(nbsp|gt|lt|amp|quot|apos);/gi;
const NAMED_ENTITY: Record<string, string> = { nbsp: NBSP, gt: '>', lt: '<', amp: '&', quot: '"', apos: "'" };

/**
 * The text of a web page's source (see above): each `<br>` a line end (the text's own kind, LF when it
 * has none), the code tags out, entities decoded, an `&nbsp;` that stood for a blank a blank
 * (blanksForNoBreakSpaces' rules). The repair counts the copy's lines: a `<br>` that was a line end
 * gives the output its own line numbers back. Undefined when the text shows no marker of one.
 */
function fromHtmlSource(text: string): { text: string; repair: CopyRepair } | undefined {
  if (text.indexOf('<') < 0 && text.indexOf('&') < 0) return undefined;
  if (!HTML_MARKER.test(text)) return undefined;
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const parts = text.split(/(\r\n|\n|\r)/);
  const changed: number[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i]!;
    // entities first: a page that showed its own source escaped its <br> too (and its `&nbsp;`, twice)
    const out = decodeEntities(decodeEntities(line))
      .replace(HTML_BREAK, eol)
      .replace(HTML_CODE_TAG, '')
      .replace(HTML_INLINE_TAG, '')
      .split(HTML_BLOCK_TAG)
      .filter((piece, at, pieces) => piece !== '' || pieces.length === 1)
      .join(eol);
    if (out === line) continue;
    parts[i] = out;
    changed.push(i / 2);
  }
  if (!changed.length) return undefined;
  // `&nbsp;` as blanks where it stood for one (the rules of a copy's no-break spaces)
  const lines = parts.join('').split(/(\r\n|\n|\r)/);
  const own = lines.filter((_, i) => i % 2 === 0);
  blanksForNoBreakSpaces(own);
  for (let i = 0; i < own.length; i++) lines[i * 2] = own[i]!;
  return { text: lines.join(''), repair: { kind: 'html', firstLine: changed[0]! + 1, lines: changed.length } };
}

const decodeEntities = (line: string): string => line.replace(HTML_ENTITY, (_, name: string) => NAMED_ENTITY[name.toLowerCase()]!);

/** `{code` or `{noformat` somewhere (a brace is rare in these outputs: Get-VpnConnection's Guid). */
function mayHoldBraceFence(text: string): boolean {
  for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) if (text.startsWith('{code', at) || text.startsWith('{noformat', at)) return true;
  return false;
}

/**
 * A conversion is done to every line end: the first one tells (searching the whole text for
 * `\r\r` stops at every CRLF's `\r`, as slow as reading it line by line).
 */
function lineEndsTwice(text: string): boolean {
  const lf = text.indexOf('\n');
  return lf >= 2 && text.charCodeAt(lf - 1) === 13 && text.charCodeAt(lf - 2) === 13;
}

/** A zero-width character past a leading byte order mark (the parsers skip that one, and it is the file's own). */
function mayHoldZeroWidth(text: string): boolean {
  return ZERO_WIDTH.test(text.length > 0 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

function dropZeroWidth(lines: string[]): number[] {
  const changed: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // the text's own byte order mark stays (the parsers know it)
    const keep = i === 0 && line.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (!ZERO_WIDTH.test(line.slice(keep))) continue;
    lines[i] = line.slice(0, keep) + line.slice(keep).replace(ZERO_WIDTH_ALL, '');
    changed.push(i);
  }
  return changed;
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}|\p{M}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/**
 * A no-break space a Windows output may hold as part of what it says: between letters an `á` of cp850
 * output read as Latin-1 (ipconfig-labels.ts), between digits the thousands separator of French or
 * Russian numbers (`8\u00a0072 Mo`). (assumed: seen in copies of localised outputs, not documented)
 */
const mayBeOwn = (line: string, at: number) => (isLetter(line[at - 1]) && isLetter(line[at + 1])) || (isDigit(line[at - 1]) && isDigit(line[at + 1]));

/**
 * No-break spaces back to blanks, only in a text that used them as blanks: one of them has no letter
 * on either side and is no thousands separator (between columns, before an address, at a line's
 * end), or one starts a run of blanks (`&nbsp; ` after a word: "Suffix&nbsp; . :", where a copy
 * stripped the indent and this run is the only one left; an `á` of cp850 read as Latin-1 sits
 * inside a word or before one, never before a blank in ipconfig's words — assumed). Those that may be the output's own (mayBeOwn) stay, unless the copy wrote every blank as a
 * no-break space (more of them than blanks).
 */
function blanksForNoBreakSpaces(lines: string[]): number[] {
  let layout = false;
  let nbsps = 0;
  let blanks = 0;
  for (const line of lines) {
    for (let at = line.indexOf(NBSP); at >= 0; at = line.indexOf(NBSP, at + 1)) {
      nbsps++;
      if (!layout && ((!isLetter(line[at - 1]) && !isLetter(line[at + 1]) && !mayBeOwn(line, at)) || line[at + 1] === ' ')) layout = true;
    }
    blanks += line.split(' ').length - 1;
  }
  // more of them than blanks: no Windows output, whose columns are blanks, is written so
  const everyBlank = nbsps > blanks;
  if (!layout && !everyBlank) return [];
  const changed: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.indexOf(NBSP) < 0) continue;
    let out = '';
    let from = 0;
    for (let at = line.indexOf(NBSP); at >= 0; at = line.indexOf(NBSP, at + 1)) {
      if (!everyBlank && mayBeOwn(line, at)) continue;
      out += line.slice(from, at) + ' ';
      from = at + 1;
    }
    if (from === 0) continue;
    lines[i] = out + line.slice(from);
    changed.push(i);
  }
  return changed;
}

/** Where a line's quote marks end: after up to three blanks, `>`s, each perhaps followed by one blank before the next. */
function quoteMarkEnds(line: string): number[] {
  const ends: number[] = [];
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  while (line.charCodeAt(i) === 62) {
    ends.push(++i);
    if (line.charCodeAt(i) === 32 && line.charCodeAt(i + 1) === 62) i++;
  }
  return ends;
}

/** Some line starts with `>` (after at most three blanks): only then is a text looked at line by line. */
function mayBeQuoted(text: string): boolean {
  for (let at = text.indexOf('>'); at >= 0; at = text.indexOf('>', at + 1)) {
    let i = at - 1;
    while (i >= 0 && at - i <= 3 && text.charCodeAt(i) === 32) i--;
    if (i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return true;
  }
  return false;
}

/**
 * Quote marks off every quoted line, when most lines are quoted (one `>` before a line of its own is
 * a prompt: `>route print`). As many marks as most quoted lines have come off each (a line quoted
 * deeper keeps its own `>`), and the blank after them when every such line has one (`> ` quoting;
 * Outlook's `>` has none, and the blank is then the line's own indent). A line of quote marks alone
 * is a quoted blank line at any depth (`>>` among lines quoted once: a reply quoting a reply's blank
 * lines once more): it becomes blank, and says nothing of the depth or of the blank after the marks.
 */
function dropQuoteMarks(lines: string[]): number[] {
  const marks = lines.map(quoteMarkEnds);
  const quotedBlank = (i: number) => {
    const m = marks[i]!;
    return m.length > 0 && lines[i]!.slice(m[m.length - 1]).trim() === '';
  };
  let filled = 0;
  let quoted = 0;
  const depths = new Map<number, number>();
  lines.forEach((line, i) => {
    const m = marks[i]!;
    if (line.trim() === '') return;
    filled++;
    if (!m.length) return;
    quoted++;
    if (!quotedBlank(i)) depths.set(m.length, (depths.get(m.length) ?? 0) + 1);
  });
  if (quoted === 0 || quoted * 2 < filled) return [];
  let depth = 1;
  let most = -1;
  for (const [d, n] of depths) if (n > most || (n === most && d < depth)) [depth, most] = [d, n];
  const spaced = lines.every((line, i) => {
    const m = marks[i]!;
    if (m.length < depth || quotedBlank(i)) return true;
    return line.charCodeAt(m[depth - 1]!) === 32;
  });
  const changed: number[] = [];
  lines.forEach((line, i) => {
    const m = marks[i]!;
    if (!m.length) return;
    if (quotedBlank(i)) {
      lines[i] = '';
      changed.push(i);
      return;
    }
    let cut = m[Math.min(depth, m.length) - 1]!;
    if (spaced && line.charCodeAt(cut) === 32) cut++;
    lines[i] = line.slice(cut);
    changed.push(i);
  });
  return changed;
}

function dropFences(lines: string[]): number[] {
  const changed: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!FENCE_LINE.test(lines[i]!)) continue;
    lines[i] = '';
    changed.push(i);
  }
  return changed;
}

/** Whether the first line that is not blank starts with a blank or a tab: a whole text indented does. */
function firstLineIndented(text: string): boolean {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const before = text.charCodeAt(i - 1);
  return i > 0 && (before === 32 || before === 9);
}

/**
 * The blanks every non-blank line starts with, when they are a code block's (four blanks or a tab
 * at least) and a line Windows prints at column 0 has them, off every line.
 */
function dropCommonIndent(lines: string[], atColumnZero: (trimmed: string) => boolean): number[] {
  let common: string | undefined;
  let shifted = false;
  for (const line of lines) {
    const t = line.trim();
    if (t === '') continue;
    shifted ||= atColumnZero(t);
    const lead = /^[ \t]*/.exec(line)![0];
    if (common === undefined) common = lead;
    else {
      let n = 0;
      while (n < common.length && n < lead.length && common[n] === lead[n]) n++;
      common = common.slice(0, n);
    }
    if (common === '') return [];
  }
  if (common === undefined || !shifted || !(common.length >= 4 || common.startsWith('\t'))) return [];
  const changed: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || !line.startsWith(common)) continue;
    lines[i] = line.slice(common.length);
    changed.push(i);
  }
  return changed;
}

/**
 * `\r\r\n` → `\r\n\r\n` in the breaks of `parts` (text.split with its breaks kept): a lone `\r` and
 * a `\r\n` are two line ends for the parsers already, now for every reader; the lines (the empty one
 * between) are numbered as before.
 */
function lineEndsOnce(parts: string[]): number[] {
  const changed: number[] = [];
  for (let i = 1; i + 2 < parts.length; i += 2) {
    if (parts[i] !== '\r' || parts[i + 1] !== '' || parts[i + 2] !== '\r\n') continue;
    parts[i] = '\r\n';
    changed.push((i - 1) / 2);
  }
  return changed;
}
