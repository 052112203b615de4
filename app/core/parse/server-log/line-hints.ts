import { hasTypography } from './typography';

/**
 * What a line is known not to hold, found once for a whole text (a read chunk, a paste) rather than
 * per line: a line cut from a text cannot hold what the text does not. Each bit spares a search per
 * line; 0 means nothing is known and every test runs. A line joined from two chunks gets 0.
 */
export const NO_LINE_BREAK = 1; // no \n, \r (the cutter's guarantee), U+2028, U+2029
export const NO_HASH0 = 2; // no rsyslog `#011` or `#015` escape (the only ones normalizeLine rewrites)
export const NO_BBCODE = 4; // no `[/`, `[COLOR`, `[color`
export const NO_GLUE_WORD = 8; // none of the glue pre-check's words (maybeGlued)
export const NO_SEV = 16; // no `SEV=` (a VPN 3000 event header, which continuation lines may follow: detect.ts continues)
/**
 * At most one `]: ` (a syslog program tag's end), so no second tagged record glued on (maybeGlued's
 * first test). Per line, not per text: ChunkLines finds it while cutting the chunk, with one search
 * per line — the search past a line's tag that maybeGlued makes to the line's end finds the next
 * line's tag, which is then the next line's first.
 */
export const ONE_TAG = 32;
export const NO_COMPOSE = 64; // no `| `, so no docker compose `service  | ` before a line (textHints says why not ` | `)
export const NO_TYPOGRAPHY = 128; // none of what mail and forum software put in a copied log (see plainTypography)
/** no author's arrow note (` <-- this is the error`, ` <== here`, ` ← …`: see line-normalize.ts withoutArrowNote) */
export const NO_ARROW_NOTE = 512;
/**
 * No `{` and no `s=`: no systemd journal entry in a structured output mode starts in the text (journal-export.ts) — a JSON
 * object starts with `{` (json-seq's after its RS), and a verbose entry's header (`[s=…]`) and an export entry's `__CURSOR=s=…`
 * hold a cursor, `s=` first. Two plain searches per chunk; a plain syslog line then pays nothing for these shapes.
 */
export const NO_JOURNAL = 1024;
/**
 * no `KEv2` and no `CRYPTO_PKI`: no record continuesIosIkev2 (detect.ts) takes the wrapped rest of — IOS's `IKEv2:`, its `CRYPTO_PKI:`
 * lines, the ASA's `IKEv2-PROTO-n:` (a damaged `KEv2-…` too). Both, as a hint must: a `CRYPTO_PKI:` line in a chunk without `IKEv2`
 * once lost its rest where the file was read in chunks that ended so, though the paste, whole, held `IKEv2` (server-log-identity's
 * one-line chunks).
 */
export const NO_IKEV2 = 2048;
/** no `**`: no poster's Markdown bold inside a line (bold-marks.ts; line-normalize.ts reads past it) */
export const NO_BOLD = 4096;
export const NO_ASA_ID = 256; // no `%ASA-` nor `%FTD-`: no two ASA records glued on one line (maybeGlued), no ASA IKEv2 head cut from its text (detect.ts continues); a search of every line cost 1.5 % of explain-log each

/** The hints for every line cut from `text` at its line ends (\n, \r: the cut lines hold none). */
export function textHints(text: string): number {
  let h = 0;
  if (text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0) h |= NO_LINE_BREAK;
  // the escapes themselves, not any `#0`: pluto serials (`#0:`) and pptpd packet numbers (`#0`) put a `#0` in most chunks of a busy log
  if (!hasEscape(text)) h |= NO_HASH0;
  // by the chunk's `[`s, once, rather than three indexOf scans: a syslog chunk holds a `[` on nearly every line (`pppd[1001]`), where each two-character search stops
  if (!hasBbcodeStart(text)) h |= NO_BBCODE;
  if (!hasGlueWord(text)) h |= NO_GLUE_WORD;
  if (!hasSev(text)) h |= NO_SEV;
  // by its `|`, rare in a log, not by ` | `: a search for a blank stops at every word of the chunk (a third of textHints' time)
  if (text.indexOf('| ') < 0) h |= NO_COMPOSE;
  if (!hasTypography(text)) h |= NO_TYPOGRAPHY;
  if (!hasAsaId(text)) h |= NO_ASA_ID;
  if (text.indexOf('KEv2') < 0 && text.indexOf('CRYPTO_PKI') < 0) h |= NO_IKEV2;
  if (!hasArrowNote(text)) h |= NO_ARROW_NOTE;
  if (text.indexOf('{') < 0 && text.indexOf('s=') < 0) h |= NO_JOURNAL;
  if (text.indexOf('**') < 0) h |= NO_BOLD;
  return h;
}

/*
 * One pass over the text each, and its few hits checked by hand: `#011` and `#015` by their common `#01`, `%ASA-` and `%FTD-` by
 * their `%`, `SEV=` by its `V=` (an `S` starts many of a log's words, where each search stops). A pass over a read chunk costs about
 * the same whatever it looks for, so two words' two passes cost twice one: read, cut and assembled, the bench log 0.97 (wall, twice)
 * and 0.97–0.99 (CPU time) with these three against the five plain searches.
 */

/** `#011` or `#015` (rsyslog's tab and CR escapes) */
function hasEscape(text: string): boolean {
  for (let i = text.indexOf('#01'); i >= 0; i = text.indexOf('#01', i + 3)) {
    const c = text.charCodeAt(i + 3);
    if (c === 49 || c === 53) return true;
  }
  return false;
}

/** `%ASA-` or `%FTD-` */
function hasAsaId(text: string): boolean {
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) if (text.startsWith('ASA-', i + 1) || text.startsWith('FTD-', i + 1)) return true;
  return false;
}

/**
 * ` <-`, ` <=` (their run, then a blank) or `←`: an arrow an author put after a line (`<-->`, pppd's Connect line, is none). Not a
 * loop of searches for ` <`: it stopped at every `Connect: ppp0 <-->` of a pppd log (6 % of explain-log on the bench log).
 */
const ARROW = /[ \t]<(?:-+|=+)[ \t]/;
export const hasArrowNote = (text: string): boolean =>
  // (a shaft's last character before its blank first, two plain searches: most chunks hold neither, and a regex pass over a
  // chunk cost eight times a search's — 2 % of explain-log on the bench log; `←` cannot be in a one-byte text, found at once)
  text.indexOf('\u2190') >= 0 || ((text.indexOf('- ') >= 0 || text.indexOf('= ') >= 0) && ARROW.test(text));

/** `SEV=` */
function hasSev(text: string): boolean {
  for (let i = text.indexOf('V='); i >= 0; i = text.indexOf('V=', i + 2)) if (i >= 2 && text.charCodeAt(i - 1) === 69 && text.charCodeAt(i - 2) === 83) return true;
  return false;
}

/**
 * `[/`, `[COLOR` or `[color` somewhere (what /\[(?:\/|COLOR|color)/ finds), by the few `[` a line has rather than a regex scan; or a
 * line that opens with `[B]`, `[I]`, `[CODE]` or `[QUOTE]` (a forum post marking lines, `[B]Dec 10 21:02:59 bender pppd[17852]: …`,
 * its closing tag on a later line). For a text of many lines (a read chunk) every line's start counts: the closing `[/B]` may lie in
 * the next chunk, and a chunk whose hint said "no BBCode" left the opening tag on its line (a record of its own, not understood).
 */
export function hasBbcodeStart(s: string): boolean {
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    const c = s.charCodeAt(i + 1);
    if (c === 47 || (c === 67 && s.startsWith('COLOR', i + 1)) || (c === 99 && s.startsWith('color', i + 1))) return true;
    if ((i === 0 || s.charCodeAt(i - 1) === 10 || s.charCodeAt(i - 1) === 13) && BBCODE_OPENING.test(s.slice(i, i + 8))) return true;
  }
  return false;
}
const BBCODE_OPENING = /^\[(?:[BbIi]|CODE|code|QUOTE|quote)\]/;

/**
 * Each GLUE_WORDS word holds one of these: plain searches rule most lines out before the regex runs
 * ('quired ' rather than 'acquired ': a rare first letter makes the search quicker; ',error' without
 * its blank: V8 searched 64 KiB for the seven characters ',error ' ten times slower than for six).
 */
export function hasGlueWord(text: string): boolean {
  return text.indexOf('>: ') >= 0 || text.indexOf('-SA') >= 0 || text.indexOf('hase') >= 0 || text.indexOf('P UDP') >= 0 || text.indexOf('quired ') >= 0 || text.indexOf(',info') >= 0 || text.indexOf(',error') >= 0;
}

