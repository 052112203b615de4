/**
 * Damage that pasting into forums, chats and Markdown adds to command output, shared by the line
 * parsers: markup around lines (BBCode `[color="blue"]…[/color]`, `[SIZE=2]…[/SIZE]`, Markdown
 * `**…**`) and elision lines a person typed to shorten a paste (`.`, `:`, `...`, `[...]`).
 * Examples are in test/fixtures/real (SOURCES.md lists where each came from).
 */

/** Forum markup tags; anything else in square brackets (`[removed]`, `[...]`) is left alone. */
const BBCODE = /\[\/?(?:color|size|font|b|i|u|s|quote|code|highlight|noparse)(?:=[^\]\r\n]*)?\]/giu;
/** Markdown emphasis a poster wraps around a whole line (`**row**`, `__row__`). */
const EMPHASIS = /^(\s*)(?:\*\*|__)(.*?)(?:\*\*|__)(\s*)$/u;

/** The line without forum markup; its indentation is kept. */
export function stripPasteMarkup(line: string): string {
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
  return t.length > 0 && !/[\p{L}\p{N}\uFFFD?]/u.test(t);
}
