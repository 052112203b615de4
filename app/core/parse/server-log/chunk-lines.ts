import { looksLikeHtmlPage, PageText } from './html-page';
import { ONE_TAG, textHints } from './line-hints';

/**
 * NUL characters in a text log are damage, not content: the hole at a file's start when logrotate's copytruncate empties a log
 * whose writer goes on at its old offset (no O_APPEND: the file reads as that many NUL bytes, then the new lines — kazu.tv,
 * "logrotateでcopytruncateしてもサイズが大きいまま", 2014), or blocks a crash left unwritten (assumed: commonly reported, no
 * source found). They are taken out, so the lines around them are read (before, one NUL made a small log "not text"); line
 * numbers stay those of the file, as no line end is added.
 */
const NULS = /\u0000+/g;
export const withoutNuls = (text: string): string => text.replace(NULS, '');

/**
 * A terminal's colour and style codes (ECMA-48 control sequences: ESC `[`, parameter bytes 0x30–0x3F, intermediate bytes
 * 0x20–0x2F, a final byte 0x40–0x7E — `\x1b[0;1;31m` … `\x1b[0m`) in a log saved from a terminal: `journalctl` with
 * SYSTEMD_COLORS=1 (systemd(1) ENVIRONMENT: it colours warnings and errors), `script`'s typescript, a container's coloured
 * stdout. They are no part of the line: before, the failure a terminal showed in red was an unknown line (its header started with
 * the escape). Taken out; line numbers stay the file's.
 */
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]/g;
export const withoutColours = (text: string): string => text.replace(CSI, '');

/**
 * Text chunks as a stream delivers them → physical lines, cut exactly where Node's readline cuts
 * (`\r\n`, `\n` or a lone `\r`; a `\r\n` split across two chunks is one line end; a last line
 * without a newline still counts), but synchronously per chunk: readline's async iterator costs a
 * promise per line, which is most of its time on a 100 000-line log.
 */
export class ChunkLines {
  private rest = '';
  private sawReturn = false;
  private hints = 0;

  /**
   * `line` gets each line and what it is known not to hold (LineHints: found once per chunk), and
   * for a line cut from one chunk that chunk and where the line starts in it (see readPrefix).
   */
  constructor(private readonly line: (text: string, hints: number, src: string | undefined, at: number) => void) {}

  /** a saved web page's text (html-page.ts); undefined until the first chunk with text tells, null when not a page */
  private page: PageText | null | undefined;

  push(chunk: string): void {
    // (a search or two per chunk: a log without NULs or escapes, nearly every one, pays nothing per line)
    if (chunk.indexOf('\u0000') >= 0) chunk = withoutNuls(chunk);
    if (chunk.indexOf('\u001b') >= 0) chunk = withoutColours(chunk);
    if (this.page === undefined && chunk.trim() !== '') this.page = looksLikeHtmlPage(chunk) ? new PageText() : null;
    if (this.page) chunk = this.page.push(chunk);
    // (the cut below stays in this method: moved into one of its own, it cost the bench log 1 % more)
    if (chunk.length === 0) return;
    this.hints = textHints(chunk);
    let from = 0;
    if (this.sawReturn && chunk.charCodeAt(0) === 10) from = 1; // the \n of a \r\n cut between chunks
    this.sawReturn = false;
    // one indexOf per line for its end, and one per line for the `]: ` tags (ONE_TAG: `tag` is the first at
    // or after the line's start; a `]: ` holds no line end, so it lies in one line)
    let tag = chunk.indexOf(']: ', from);
    let cr = chunk.indexOf('\r', from);
    if (cr < 0) {
      // the common case, LF only
      for (let at = chunk.indexOf('\n', from); at >= 0; at = chunk.indexOf('\n', from)) {
        tag = this.emitTagged(chunk, from, at, tag);
        from = at + 1;
      }
    } else {
      // CRLF (a Windows file, a log copied through Windows) or lone CRs: the next CR and the next LF, a search each
      // (a look at every character cost a CRLF log as much again as the rest of its split and assembly)
      let lf = chunk.indexOf('\n', from);
      while (cr >= 0 || lf >= 0) {
        const atReturn = cr >= 0 && (lf < 0 || cr < lf);
        const at = atReturn ? cr : lf;
        tag = this.emitTagged(chunk, from, at, tag);
        from = atReturn && chunk.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
        if (cr >= 0 && cr < from) cr = chunk.indexOf('\r', from);
        if (lf >= 0 && lf < from) lf = chunk.indexOf('\n', from);
      }
      this.sawReturn = chunk.charCodeAt(chunk.length - 1) === 13;
    }
    if (from < chunk.length) this.rest = this.rest ? this.rest + chunk.slice(from) : chunk.slice(from);
  }

  end(): void {
    // a page's text held back for a construct cut at its end: cut as any chunk (the page is done)
    const page = this.page;
    this.page = null;
    if (page) this.push(page.end());
    // (the text's last line, with no line end after it: it lies in itself — so a reader that looks past it, cat-numbers.ts's
    // `less -N` check, sees that no line follows; a line cut from colours is not what was read)
    const rest = this.rest;
    if (rest) {
      if (rest.indexOf('\u001b') >= 0) this.line(withoutColours(rest), 0, undefined, 0);
      else this.line(rest, 0, rest, 0);
    }
    this.rest = '';
  }

  /** The line from `from` to `at`, told whether it holds at most one `]: ` (ONE_TAG); `tag`: the first tag at or after `from`; returns the first after `at`. */
  private emitTagged(chunk: string, from: number, at: number, tag: number): number {
    let one = ONE_TAG;
    if (tag >= 0 && tag < at) {
      tag = chunk.indexOf(']: ', tag + 3);
      if (tag >= 0 && tag < at) one = 0; // a second tag in this line: maybeGlued looks (its tags are not counted further)
      while (tag >= 0 && tag < at) tag = chunk.indexOf(']: ', tag + 3);
    }
    this.emit(chunk, from, at, one);
    return tag;
  }

  /** `tags`: ONE_TAG when the line is known to hold at most one `]: ` (not for a line joined across chunks) */
  private emit(chunk: string, from: number, to: number, tags = 0): void {
    if (this.rest) {
      // joined across two chunks: a word may span the cut, nothing is known
      // (and an escape cut there is whole again: each chunk was cleaned alone)
      const text = this.rest + chunk.slice(from, to);
      this.rest = '';
      this.line(text.indexOf('\u001b') >= 0 ? withoutColours(text) : text, 0, undefined, 0);
    } else this.line(chunk.slice(from, to), this.hints | tags, chunk, from);
  }
}
