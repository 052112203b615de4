/**
 * Mail and web typography in a copied log, undone before a line is read (lines.ts normalizeLine,
 * per read chunk through textHints): what the daemon wrote, not what the copy made of it.
 */

/**
 * What a log forwarded by mail, or copied from a web page or a word processor, holds in place of
 * what the daemon wrote (the help desk's usual copy): no-break and other Unicode spaces (Outlook and
 * browsers turn a run of blanks into `&nbsp;`s, so `Sep  5` arrives as `Sep\u00a05`), zero-width
 * spaces, "smart" quotes (Word and Outlook's AutoFormat: Libreswan's `"l2tp-psk"[1]` becomes
 * `\u201cl2tp-psk\u201d[1]`), the ellipsis AutoCorrect makes of `...`, and HTML's escapes of `<`,
 * `>`, `"`, `&` and `'` where a page's source or a double-escaping forum was copied. (assumed: what
 * these programs do is seen in copies, not documented by their makers)
 * Hyphens made typographic: a vendor PDF's text copy writes the minus sign U+2212 for every `-`
 * (`%ASA−6−722036: …` in a copy of Cisco TAC document 116881), pages and word processors the
 * Unicode hyphen, no-break hyphen, figure dash, and the en dash Outlook's AutoFormat makes of a
 * ` - ` (U+2010–U+2013). The em dash is left: it may stand for one hyphen or two.
 */
const TYPOGRAPHY = /[\u00a0\u2000-\u200b\u2010-\u2013\u2212\u2018\u2019\u201a-\u201f\u2026\u202f\u2032\u2033\u205f\u2060\u3000\ufeff]|&(?:lt|gt|quot|amp|apos|nbsp|#39|#34);/g;
const ENTITY = /&(?:lt|gt|quot|amp|apos|nbsp|#39|#34);/y;
/** The characters past Latin-1 of TYPOGRAPHY: V8 finds a one-byte text (nearly every log chunk) cannot hold them without reading it. */
const WIDE_TYPOGRAPHY = /[\u02d3\u2000-\u200b\u2010-\u2013\u2212\u2018\u2019\u201a-\u201f\u2026\u202f\u2032\u2033\u205f\u2060\u3000\ufeff]/;
const PLAIN: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2026': '...',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2212': '-',
  '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&', '&apos;': "'", '&#39;': "'", '&#34;': '"', '&nbsp;': ' ',
};
/** A named character reference a log may hold (`&lt;`, `&amp;`, `&nbsp;` …) as its plain text; undefined for any other text. */
export const referenceText = (reference: string): string | undefined => (reference.charCodeAt(0) === 38 /* & */ ? PLAIN[reference] : undefined);

/**
 * the zero-width space, word joiner and a BOM inside a text are dropped; every other space becomes a
 * blank (the zero-width joiners U+200C/U+200D and the direction marks are left: they belong to the
 * names they are in — an emoji user name in a real IOS log holds a U+200D)
 */
const plainOf = (c: string): string => PLAIN[c] ?? (c === '\u200b' || c === '\u2060' || c === '\ufeff' ? '' : ' ');

/** Whether a text holds anything plainTypography changes (per read chunk: textHints). */
export function hasTypography(text: string): boolean {
  if (text.indexOf('\u00a0') >= 0 || WIDE_TYPOGRAPHY.test(text)) return true;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
    ENTITY.lastIndex = at;
    if (ENTITY.test(text)) return true;
  }
  return false;
}

/**
 * A Sphinx-made PDF's wrap mark (`˓→`, U+02D3 U+2192): where a long log line of a manual did not fit, the PDF goes on on the next line
 * after the mark, and a copy of the PDF's text keeps it — on the next line, or with the lines flattened into one (docs.netgate.com's
 * "Troubleshooting IPsec Logs" as its PDF prints it, copied by kb.aztcofirewall.com: `…192.0. ˓→2.74[192.0.2.74] charon: …`).
 */
export const WRAP_MARK = '\u02d3\u2192';
const INLINE_WRAP_MARK = /(\S)[ \t]*\u02d3\u2192[ \t]*/g;

/**
 * What joins a line's two pieces the wrap mark split: the PDF breaks a line at a blank where it has one (the blank lost in the copy),
 * else inside the word — an address or a name's digits — so a blank between two words, none within one. (assumed from the copies)
 */
/**
 * A record's text before the next wrapped piece is joined to it, without a mail's quoted-printable soft line break: RFC 2045 §6.7
 * rule 5 cuts encoded lines at 76 characters and ends each cut one with `=` — a mailing-list archive that kept the encoding shows
 * `… timeout after 9 secon=` / `ds`. Only at that width: a line of another length ending in `=` keeps it.
 */
export const withoutSoftBreak = (text: string, width: number): string => (width === 76 && text.endsWith('=') ? text.slice(0, -1) : text);

export const wrapJoin = (before: string, after: string): string => (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z]/.test(after) ? ' ' : '');

/** The text as the daemon wrote it, before mail or a web page changed it (see TYPOGRAPHY); a wrap mark inside a line, the line whole again. */
export function plainTypography(text: string): string {
  const plain = text.replace(TYPOGRAPHY, plainOf);
  if (plain.indexOf(WRAP_MARK) < 0) return plain;
  return plain.replace(INLINE_WRAP_MARK, (_m, before: string, at: number, whole: string) => `${before}${wrapJoin(before, whole.slice(at + _m.length))}`);
}
