/**
 * Damage that pasting into forums, chats and Markdown adds to command output, shared by the line
 * parsers: markup around lines (BBCode `[color="blue"]…[/color]`, `[SIZE=2]…[/SIZE]`, Markdown
 * `**…**`), the quote marks of a quoted blank line (`>`, `>>`, `> >`) and elision lines a person
 * typed to shorten a paste (`.`, `:`, `...`, `[...]`).
 * Examples are in test/fixtures/real (SOURCES.md lists where each came from).
 */

/** Forum markup tags; anything else in square brackets (`[removed]`, `[...]`) is left alone. */
const BBCODE = /\[\/?(?:color|size|font|b|i|u|s|quote|code|highlight|noparse)(?:=[^\]\r\n]*)?\]/giu;
/** Markdown emphasis a poster wraps around a whole line (`**row**`, `__row__`). */
const EMPHASIS = /^(\s*)(?:\*\*|__)(.*?)(?:\*\*|__)(\s*)$/u;

/**
 * Quote marks and nothing else: a blank line of a mail reply or a Markdown block quote, at any depth
 * (`>`, Outlook's `>>`, Gmail's and Markdown's `> >`). undoCopyDamage takes off only as many marks as
 * most lines have, and none when most lines are not quoted, so such a line can still reach a parser
 * (a `>>` between lines quoted once, a paste quoted twice of which only part was copied again).
 */
const QUOTE_MARKS_ONLY = /^\s*(?:>\s*)+$/u;

/** Whether a line is only quote marks: a quoted blank line, not an elision (nothing was left out there). */
export function isQuotedBlankLine(line: string): boolean {
  return line.indexOf('>') >= 0 && QUOTE_MARKS_ONLY.test(line);
}

/** The line without forum markup; its indentation is kept. A quoted blank line is blank: it is one. */
export function stripPasteMarkup(line: string): string {
  if (isQuotedBlankLine(line)) return '';
  if (!line.includes('[') && !line.includes('**') && !line.includes('__')) return line;
  const noTags = line.replace(BBCODE, '');
  const m = EMPHASIS.exec(noTags);
  return m ? `${m[1]}${m[2]}${m[3]}` : noTags.replace(/^(\s*)\*\*(?=\S)/u, '$1').replace(/(?<=\S)\*\*(\s*)$/u, '$1');
}

/**
 * A line that only elides or separates: no letter and no digit, made of dots, colons, ellipses,
 * brackets, dashes and the like (`.`, `:`, `…`, `[...]  [...]`, `:       :`). Windows' own rules
 * (`=====`, `-----`) are this shape too; callers check for those first.
 *
 * A letter lost on the way counts as a letter: U+FFFD (a byte the reader's encoding had no
 * character for: the console's OEM bytes read as UTF-8) and `?` (a conversion to a code page without
 * that letter; assumed: what Windows' and editors' conversions with replacement write). A localised
 * heading or label whose every letter was lost (`??????? ????????:`) is a heading, not an elision.
 */
export function isElisionLine(t: string): boolean {
  return t.length > 0 && !/[\p{L}\p{N}\uFFFD?]/u.test(t) && !isQuotedBlankLine(t);
}
