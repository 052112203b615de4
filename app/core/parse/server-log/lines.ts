import { CatNumbers } from './cat-numbers';
import { FirstWrap } from './first-wrap';
import { flattenedPieces } from './flattened-records';
import { maybeGlued, unglue } from './glued-lines';
import { LogBoundary } from './log-boundary';
import { NO_LINE_BREAK, NO_TYPOGRAPHY } from './line-hints';
import { WRAP_MARK, withoutSoftBreak, wrapJoin } from './typography';
import type { RawRecord } from './raw-record';
import { splitPrefix } from './prefix';
import { FENCE, LEADING_BLANKS, mayBeFence, mayBeRule, RULE, shiftOf } from './layout-lines';
export { isLayoutLine } from './layout-lines';
import { escapesShortened, MAX_RECORD_CHARS, normalizeLine, plainLead, rewritten } from './line-normalize';

/**
 * Physical lines → records. A record is one log message: glued forum pastes (a newline lost, so
 * `…loaded.pppd[14156]: pppd 2.4.5 started…`) are split again, and continuation lines (PowerShell
 * Format-List wrapping, the VPN 3000 event text under its header, an IOS packet's `[Open] id 3 …`
 * on the next line) are joined to the record they continue. Streaming: one line in, zero or more
 * records out, so a 50 MB log never sits in memory.
 */

export type { RawRecord } from './raw-record';
export { MAX_RECORD_CHARS } from './line-normalize';

const recordCut = (s: string): string => (s.length > MAX_RECORD_CHARS ? s.slice(0, MAX_RECORD_CHARS) : s);

/**
 * Decides whether a non-blank line continues the pending record. Blank lines in between are
 * allowed (PDF and forum copies put them between an IOS header and its packet). `wrapWidth`: the
 * pending record's last physical line was exactly as long as a paste's hard wrap (see WrapWidth),
 * else 0; `'wrap'` joins the line without a space (the wrap cut the text, often mid-word).
 */
export type ContinuationTest = (pending: RawRecord, line: string, blankBefore: number, wrapWidth: number) => boolean | 'wrap';

/**
 * A paste hard-wrapped at a fixed width (a terminal copy, a mail, a forum box: 80 or 100 columns
 * …) cuts every longer line into pieces of exactly that width, the last shorter, the later pieces
 * without a header. The width is the longest line seen, once two lines have had it (one is not
 * enough, not even at 80 or 100 columns: a 100-character IOS line followed by a remark someone typed
 * under it would be glued together). Outside these bounds no width: shorter is a normal log line,
 * longer is no paste's wrap (and a record cut at MAX_RECORD_CHARS would look like one). Per line: a
 * few integer compares (LineSplitter.push).
 */
/** a time to the second (`09:12:01`): a header's, which a mail's `Sent:` line (to the minute) and prose lack */
const TIME_TO_SECOND = /\d:\d\d:\d\d/;
/**
 * A ticket journal's entry head above the log pasted into it: ServiceNow shows each work note or comment under `<date> <time> -
 * <user> (<field>)` (`2026-10-02 02:10:00 - Ana Desk (Work notes)`, getJournalEntry's text and the activity stream's copy; the
 * date in the user's format). Prose with a time to the second: like a mail's `Sent:` line it does not decide the paste's indent
 * (an indented log under it was read as written, its IOS debug lines not understood). Asked only before the indent is decided.
 */
const JOURNAL_HEAD = /^\S+ \d\d?:\d\d:\d\d(?: ?[AaPp][Mm])? - [^()\r\n]+ \([^()\r\n]+\)\s*$/;
const WRAP_MIN = 60;
const WRAP_MAX = 300;
/**
 * A paste wrapped at a width and then masked by its poster: `89.xx.xx.250` for `89.123.45.250` (one shorter) or for `89.1.2.250` (two
 * longer) — a wrap at 80 whose cut lines are 79, 81 or 82 wide (a pastebin copy of a pppd log, round 42's survey). A line that
 * close to the longest length counts as at it only when it holds such an address (hasMaskedAddress) and the longest is a plain
 * line's: a plain line of 81 after lines of 80 is a log line of its own length, as before, and so are two masked lines a character
 * apart (a masked ufw log's 237 and 236: the mask `XXX` differs from each address by another count — no width in it). Two: an address's middle two octets, each of one to three digits, written as
 * `xx` (assumed the common mask: the survey's and the held masked logs' — `x.x`, `xxx`, `***`, `XX` — differ from the digits by at
 * most two in all).
 */
const MASK_SLACK = 2;
/**
 * Whether a line holds an IPv4 address with an octet masked (`89.xx.xx.250`, `10.0.x.x`, `192.168.***.5`, `xxx.xxx.xxx.xxx`): four
 * dot-separated parts of one to three digits or of one to three `x`, `X` or `*`, one at least masked. Asked only of a line within
 * MASK_SLACK of the longest (rare), its cheap test first: a dot next to an `x`, `X` or `*`.
 */
const MASKED_IPV4 = /(?<![\w.*])(?:\d{1,3}|[xX*]{1,3})(?:\.(?:\d{1,3}|[xX*]{1,3})){3}(?![\w.*])/g;
export function hasMaskedAddress(text: string): boolean {
  if (!/[xX*]\.|\.[xX*]/.test(text)) return false;
  MASKED_IPV4.lastIndex = 0;
  for (let m = MASKED_IPV4.exec(text); m; m = MASKED_IPV4.exec(text)) if (/[xX*]/.test(m[0])) return true;
  return false;
}


export class LineSplitter {
  private lineNo = 0;
  /**
   * The record being gathered: `record` or null. One object refilled for every record (no object
   * per line): `emit` gets it and must copy what it keeps, as the next record overwrites it.
   */
  private pending: RawRecord | null = null;
  private readonly record: RawRecord = { line: 0, endLine: 0, text: '', clean: false, src: undefined, at: 0, hints: 0, leftOut: false };
  /**
   * The indent a whole paste is shifted by (a Markdown code block's four blanks, a mail's quoting
   * indent): the first non-blank line's, when it is four blanks or a tab or more (less is a log's
   * own: `ipsec statusall` indents its SA lines by three). Cut from every line that starts with it,
   * so the log reads as written (its headers at the start, continuation lines still indented under
   * them). A later line that does not start with it ends that: the paste was not shifted, its first
   * line was only indented — unless that line starts with a shorter run of the same blanks that is a
   * shift itself (four blanks or a tab or more): then the first line's indent was the shift and the
   * log's own indent on top of it (a RouterOS `/log print` line's blank, `docker logs` output indented
   * by the poster), and the wrapped pieces of such a line, which have only the shift, show it; the
   * shift is that shorter run from then on (see reindent). One to three blanks count too when the line
   * begins a record only without them (startsRecord): a log's own indent is under a line that has
   * none. null: no non-blank line yet; '': none.
   */
  private indent: string | null = null;
  /** how many characters the indent lost on this line (outdent: a shorter shift found), for push to measure the lines before by it */
  private indentShrunk = 0;
  private blanksAfterPending = 0;
  /**
   * A double-spaced paste: so far every gap between two non-blank lines was an odd number of blank
   * lines (a file whose line ends went through a second LF → CRLF conversion, `\r\r\n`, or a web
   * page's copy that puts a blank line after each: n blank lines of the log become 2n + 1). Its
   * continuation lines are then read with the blank lines the log had: a Format-List field's wrapped
   * value otherwise came apart from its field.
   */
  private gaps = 0;
  private oddGaps = 0;
  private blanksSinceText = 0;
  private sawText = false;
  /** the longest line so far and how many lines had that length; the length of the pending record's last line (WrapWidth) */
  private widest = 0;
  private widestSeen = 0;
  private lastPiece = 0;
  /**
   * How often a line of the longest length so far was the last of its record (the next line began a record of its own) and how
   * often a wrap's next piece followed one (joined as a wrap): a width a log's lines share by chance (identical lines, a fixed-width
   * layout) ends records there again and again, a paste's wrap cuts there — only an exact-width line ends a record so in a wrapped
   * paste (WrapWidth). So the width is a wrap's only while its lines ended records at most once more than they were cut: a short
   * header-less line (a remark typed under the log) after 1 500 lines of one length was joined to the last as its wrapped rest.
   * Assumed: no real paste's exact-width lines outnumber its wrapped ones by two (every real fixture and corpus copy reads alike).
   */
  private endedAtWidest = 0;
  private wrappedAtWidest = 0;
  /** the longest length so far is a line's with a masked address (hasMaskedAddress): a later line of the paste's own width, up to two shorter, is the width (MASK_SLACK) */
  private widestMasked = false;
  private quoted = false;
  /** a `cat -n` paste's line numbers (cat-numbers.ts): decided on the first line with text, then off for good on a plain log */
  private readonly numbers = new CatNumbers(false, 0, (text) => this.startsRecord(text));
  /** the records held while the first wrap's width is undecided (first-wrap.ts) */
  private readonly firstWrap: FirstWrap;
  /** where a second log pasted below the first begins: the wrap width and the double spacing are that log's own from there */
  private readonly boundary: LogBoundary;
  /** whether the pending record's first line has a log header (log-boundary.ts): a header-less log may begin after it */
  private pendingHeaded = false;
  blank = 0;
  /**
   * Whether the pending record takes this line as its own, asked before any other test of the line; undefined (the usual case) when no
   * record can (the parser sets it once a log server export's header row is read: index.ts).
   */
  takesLine: ((pending: RawRecord, line: string) => boolean) | undefined = undefined;

  constructor(
    private readonly emit: (r: RawRecord) => void,
    private readonly continues: ContinuationTest,
    /** how long a record may grow by joined continuation lines (default MAX_RECORD_CHARS) */
    private readonly capOf: (pending: RawRecord) => number = () => MAX_RECORD_CHARS,
    /**
     * Whether a text begins a record some family reads: a first line indented by one to three
     * blanks is the paste's shift, not the log's own indent, when only what follows the blanks is
     * such a record (an indented paste whose runs of blanks a web page collapsed to one; a family
     * that reads the line with its blank keeps it, so its wrapped pieces keep their width)
     */
    private readonly startsRecord: (text: string) => boolean = () => false,
    /** a line's log header shape ('none': no header), to tell where a second log pasted after the first begins (log-boundary.ts) */
    shapeOf: (text: string) => string = () => 'none',
    /**
     * Whether a line that begins with a blank goes on the pending record by what the log showed before it (the parser's family
     * states: a `Format-Table -Wrap` table's message pieces, FamilyParser.continuesRecord) — asked before `continues`, and only for
     * such a line: a plain log's line, a header first, pays one compare of the first character the line's reading has already
     */
    private readonly continuesByState?: (pending: RawRecord, line: string, blankBefore: number) => boolean,
    /** whether a header-less line is a log's first (log-start.ts): after a record with a header, it goes on no record */
    private readonly startsLog: (text: string) => boolean = () => false,
  ) {
    this.firstWrap = new FirstWrap(emit, capOf);
    this.boundary = new LogBoundary(shapeOf);
  }

  /**
   * `hints`: what the line is known not to hold (LineHints); 0: nothing known. `src`, `at`: the line
   * as read lies in `src` at `at` (RawRecord.src); undefined when it does not.
   */
  push(raw: string, hints = 0, src?: string, at = 0): void {
    this.lineNo++;
    // (without a number, `line` is `raw`: the in-place reading below needs `text === raw`, which a cut number rules out)
    const line = this.numbers.off ? raw : this.numbers.strip(raw, src, at);
    // a plain chunk's line that normalizeLine would leave as it is (plainLead), led by a letter or a digit: no blank line, no quote mark
    const lead = line === raw && src !== undefined && this.indent === '' ? plainLead(raw, src, at, hints) : 0;
    let text = raw;
    let known = hints;
    let shortened = 0;
    if (lead === 0) {
      text = normalizeLine(line, this.lineNo === 1, hints, this.indent === '' ? undefined : this.outdentLine);
      // a rewritten text (`#011`, BBCode) may hold new words, never a line break; a cut of the line holds what the line holds
      if (rewritten) known = hints & NO_LINE_BREAK;
      shortened = escapesShortened;
      if (this.indentShrunk !== 0) {
        this.reindent(this.indentShrunk);
        this.indentShrunk = 0;
      }
    }
    const clean = (known & NO_LINE_BREAK) !== 0;
    const c = lead !== 0 ? lead : text.charCodeAt(0);
    // a printable ASCII first character: not blank, without trimming a copy; a Markdown fence around the log, or a rule between
    // logs, is not a record either
    if (lead === 0 && ((!(c > 32 && c < 127) && text.trim() === '') || (mayBeFence(c) && FENCE.test(text)) || (mayBeRule(c) && RULE.test(text)))) {
      this.blank++;
      this.blanksSinceText++;
      if (this.pending) this.blanksAfterPending++;
      return;
    }
    if (this.sawText) {
      this.gaps++;
      if (this.blanksSinceText % 2 === 1) this.oddGaps++;
    }
    this.sawText = true;
    this.blanksSinceText = 0;
    // a record that takes every next line as its own, whatever the line looks like (a log server export's row whose quoted cell is
    // still open: index.ts) — before the line is asked whether it begins another log, is a wrap or a record of its own
    const open = this.takesLine !== undefined ? this.pending : null;
    if (open && this.takesLine!(open, text)) {
      this.extend(open, `${open.text} ${text.trim()}`, clean);
      return;
    }
    const newLog = this.boundary.at(text);
    if (newLog) this.newLog();
    const pending = this.pending;
    const atWidest = this.lastPiece === this.widest && this.widest >= WRAP_MIN && this.widest <= WRAP_MAX;
    const width = atWidest && this.widestSeen > 1 && this.endedAtWidest <= this.wrappedAtWidest + 1 ? this.widest : 0;
    // the pending record's last line is the first at the longest length so far: the width a first wrap would have (first-wrap.ts)
    const firstWidth = atWidest && this.widestSeen === 1 && this.firstWrap.width === 0 ? this.widest : 0;
    // (as the line was shown when a wrap cut it: with its rsyslog escapes)
    let length = text.length + shortened;
    const widestBefore = this.widest;
    // (a line up to two longer or shorter than the longest: the same width when a masked address made the difference — MASK_SLACK)
    const near = length - this.widest;
    if (near !== 0 && near >= -MASK_SLACK && near <= MASK_SLACK && this.widest >= WRAP_MIN && this.widest <= WRAP_MAX) {
      if (this.widestMasked && near < 0 && !hasMaskedAddress(text)) {
        // (the longest was a masked line's: this one, a plain line, shows the width the wrap had — a first wrap held at the masked
        // line's length is held at this one: first-wrap.ts)
        if (this.firstWrap.width === this.widest) this.firstWrap.reindent(near);
        this.widest = length;
        this.widestMasked = false;
      } else if (!this.widestMasked && hasMaskedAddress(text)) length = this.widest;
    }
    if (length >= this.widest) {
      if (length === this.widest) this.widestSeen++;
      else {
        this.widest = length;
        this.widestSeen = 1;
        this.endedAtWidest = 0;
        this.wrappedAtWidest = 0;
        this.widestMasked = length >= WRAP_MIN && length <= WRAP_MAX && hasMaskedAddress(text);
      }
      // held for a first wrap: a second line of its length says it was the width, a longer one that it was not
      if (this.firstWrap.width !== 0) {
        const join = this.widest === this.firstWrap.width && (!this.firstWrap.blankBetween || this.oddGaps === this.gaps);
        if (join) this.wrappedAtWidest++;
        this.firstWrap.release(join, this.pending);
      }
    }
    this.lastPiece = length;
    // a mail or forum quote marks every line with `>`: a wrapped piece starting with one in an unquoted paste is the text's own
    // (in a shifted paste, the line after the shift: `    > <ms-wins …>]` is a piece of `… 0.0.0.0> <ms-wins …>]` as well)
    const asRead = lead === 0 && this.indent && line.startsWith(this.indent) ? line.slice(this.indent.length) : line;
    const quoted = lead === 0 && asRead.charCodeAt(0) === 62;
    const quotedBefore = this.quoted;
    this.quoted = quoted;
    const blanks = this.gaps >= 2 && this.oddGaps === this.gaps ? Math.max(0, (this.blanksAfterPending - 1) >> 1) : this.blanksAfterPending;
    // a manual's PDF wrapped the record there: the rest after its wrap mark is the pending record's (typography.ts WRAP_MARK)
    const marked = pending && (hints & NO_TYPOGRAPHY) === 0 ? text.trimStart() : '';
    if (pending && marked.startsWith(WRAP_MARK)) {
      const piece = marked.slice(WRAP_MARK.length).trimStart();
      this.extend(pending, `${pending.text}${wrapJoin(pending.text, piece)}${piece}`, false);
      return;
    }
    // (a line that begins another log continues no record of the one before: log-boundary.ts)
    // (a piece a wrap cut is never longer than the wrap's width: a longer line — a forum copy's records glued into one line — is none)
    let continued = pending && !newLog ? (c === 32 && this.continuesByState !== undefined && this.continuesByState(pending, text, blanks)) || this.continues(pending, text, blanks, length > width ? 0 : width) : false;
    // (asked only after a line that is the first at a new longest length: rare in a plain log)
    // (nor a header-less line that starts a log, after a record with a header: a second log pasted below it — opensLog)
    if (continued && this.opensLog(text, c)) continued = false;
    else if (!continued && firstWidth !== 0 && pending && !this.opensLog(text, c)) continued = this.firstWrapOf(pending, text, blanks, firstWidth, quoted && !quotedBefore ? asRead : undefined);
    // (the line before, at the longest length: cut there by a wrap, or the end of its record — held for a first wrap is neither yet)
    if (atWidest && length <= widestBefore) {
      if (continued === 'wrap') this.wrappedAtWidest++;
      else if (!continued && this.firstWrap.width === 0) this.endedAtWidest++;
    }
    if (continued) {
      const piece = continued === 'wrap' && quoted && !quotedBefore ? asRead.replace(/\r$/, '') : text;
      // (a mail's quoted-printable soft line break is no part of the text: typography.ts withoutSoftBreak)
      this.extend(pending!, continued === 'wrap' ? `${withoutSoftBreak(pending!.text, width || firstWidth)}${piece}` : `${pending!.text} ${text.trim()}`, clean);
      return;
    }
    // a line longer than a record may be (a whole log flattened into one paragraph): its records apart first, each then cut at
    // the cap, as a glued line's are (flattened-records.ts; the parser cuts a shorter one itself, ServerLogParser.record)
    // (a record that may be longer — a Windows event's XML on one line, as `wevtutil qe` prints it, about 2 500 characters for an NPS
    // 6273 whose ReasonCode and `</Event>` come last: detect.ts recordCap — is kept whole up to its own cap, not taken apart or cut)
    const cap = text.length > MAX_RECORD_CHARS ? this.capOf({ line: 0, endLine: 0, text }) : MAX_RECORD_CHARS;
    const flat = text.length > cap ? flattenedPieces(text, splitPrefix(text)) : undefined;
    if (flat) {
      for (const piece of flat) {
        this.flush();
        this.start(recordCut(piece), clean, undefined, 0, known);
      }
      return;
    }
    if (text.length < 12 || !maybeGlued(text, known, c)) {
      const one = text.length > cap ? text.slice(0, cap) : text;
      this.flush();
      this.start(one, clean, clean && src !== undefined && one === raw ? src : undefined, at, known);
      return;
    }
    // (each part is a cut of the text: it holds nothing the text does not)
    for (const part of unglue(text, known)) {
      this.flush();
      this.start(recordCut(part), clean, undefined, 0, known);
    }
  }

  /**
   * A whole record read from `lines` physical lines that were not pushed (a systemd journal entry in a structured output mode:
   * journal-export.ts): the record before it goes on first, then this one, with those lines' numbers.
   */
  pushRecord(text: string, lines: number, leftOut = false): void {
    this.flush();
    if (this.firstWrap.width !== 0) this.firstWrap.release(false, null);
    this.sawText = true;
    this.blanksSinceText = 0;
    this.start(recordCut(text), true, undefined, 0, 0);
    const r = this.pending!;
    r.line = this.lineNo + 1;
    this.lineNo += lines;
    r.endLine = this.lineNo;
    // (set on this record alone, emitted at once: the one record object every other record refills keeps it false)
    r.leftOut = leftOut;
    this.flush();
    r.leftOut = false;
  }

  /** The pending record with this line joined to it (`joined`: its text so far and the line's piece), up to its cap. */
  private extend(pending: RawRecord, joined: string, clean: boolean): void {
    const cap = this.capOf(pending);
    pending.endLine = this.lineNo;
    pending.text = joined.length > cap ? joined.slice(0, cap) : joined;
    pending.clean = clean && pending.clean === true;
    pending.src = undefined; // joined: no longer one line as read
    pending.hints = 0;
    this.blanksAfterPending = 0;
  }

  /**
   * Whether `text` is the rest of the pending record's last line if that line's length (`width`, the
   * first line at the longest length so far) is the paste's wrap width: 'wrap' when this line, cut at
   * that width too, shows it is; otherwise false, and the records are held until it is known
   * (first-wrap.ts). `asRead`: the line as read, when a wrap joins that rather than its reading.
   */
  private firstWrapOf(pending: RawRecord, text: string, blanks: number, width: number, asRead: string | undefined): false | 'wrap' {
    // one blank line at the paste's first gap: none at all if the paste turns out double-spaced (known from its next gaps)
    const blankBetween = blanks === 1 && this.gaps === 1;
    if ((blanks !== 0 && !blankBetween) || this.continues(pending, text, 0, width) !== 'wrap') return false;
    if (!blankBetween && this.widestSeen > 1 && this.widest === width) return 'wrap';
    this.firstWrap.begin(width, this.lineNo, blankBetween, asRead?.replace(/\r$/, ''), text);
    return false;
  }

  /**
   * Another log begins on this line (log-boundary.ts): what the paste's earlier lines decided — the longest line and so the
   * wrap width, a first wrap still undecided (not decidable: its records go on as they were), the double spacing — is the
   * earlier log's. Its gaps restart with this line's; the indent and the quote marks are per line already.
   */
  private newLog(): void {
    if (this.firstWrap.width !== 0) this.firstWrap.release(false, this.pending);
    this.widest = 0;
    this.widestSeen = 0;
    this.endedAtWidest = 0;
    this.wrappedAtWidest = 0;
    this.widestMasked = false;
    this.lastPiece = 0;
    this.gaps = 0;
    this.oddGaps = 0;
  }

  /**
   * Whether a header-less line begins a second log below the pending record: a header-less log's first line (log-start.ts: a
   * PowerShell table's prompt, pfirewall.log's `#Version:`, filterlog's bare CSV, a Markdown heading) after any record — an event
   * pasted as text, which has no end of its own, too — and, after a record whose first line has a header (a syslog log), an
   * unindented line some family reads as a record's start. Asked only of a line the pending record would take.
   */
  private opensLog(text: string, c: number): boolean {
    if (this.boundary.headed) return false;
    return this.startsLog(text) || (this.pendingHeaded && c !== 32 && c !== 9 && this.startsRecord(text));
  }

  private readonly outdentLine = (text: string): string => this.outdent(text);

  private outdent(text: string): string {
    const indent = this.indent;
    // (first: every line of a shifted paste, with no trim or regex)
    if (indent && text.startsWith(indent)) return text.slice(indent.length);
    // a Markdown fence (```text) around an indented paste is not the paste: it neither decides its indent nor ends it
    if (text.trim() === '' || FENCE.test(text)) return text;
    if (indent === null) {
      const lead = LEADING_BLANKS.exec(text)?.[0] ?? '';
      // (an unindented line that begins no record and has no time to the second — a mail's `From:`/`Sent:` block, a sentence above
      // the log — does not decide it; a header line no family starts a record with, an empty RFC 5424 filterlog head, still does)
      if (lead === '' && ((!TIME_TO_SECOND.test(text) && !this.startsRecord(text)) || JOURNAL_HEAD.test(text))) return text;
      this.indent = lead.length >= 4 || lead.startsWith('\t') || (lead.length > 0 && this.startsRecord(text.slice(lead.length)) && !this.startsRecord(text)) ? lead : '';
      return text.slice(this.indent.length);
    }
    // a shorter shift: the indent's own first blanks this line starts with, by fours or tabs (shiftOf) — so that a wrapped piece
    // that begins with the blank the wrap cut before (`     and pppol2tp)`) keeps it. (Not known before that line: a first
    // wrapped piece that begins with its blank, under a first line with the log's own blank, loses it — ` 192.168.201.55for`)
    const shift = shiftOf(LEADING_BLANKS.exec(text)?.[0] ?? '');
    // a line without the shift right after one at the longest length so far (within a wrap's bounds), and with no blank first: a
    // hard wrap's piece of that line (the terminal or mail cut the log before the poster shifted it: a tab-indented `systemctl
    // status` copy, kitten/setup-strong-strongswan #30, cut at 100 columns) — the shift goes on for the lines after it
    if (indent && shift.length === 0 && this.lastPiece === this.widest && this.widest >= WRAP_MIN && this.widest <= WRAP_MAX && text.charCodeAt(0) > 32) return text;
    if (indent && shift.length > 0 && shift.length < indent.length && indent.startsWith(shift)) {
      this.indentShrunk = indent.length - shift.length;
      this.indent = shift;
      return text.slice(shift.length);
    }
    this.indent = '';
    return text;
  }

  /**
   * The indent shrank by `by` characters (outdent): every line before was cut by the longer one, so each was `by` longer under the
   * shift it really had — the longest length, the last line's and a first wrap's width with it (a wrap's pieces are compared by
   * their lengths as the paste shows them). The records already made keep their text; only their leading blanks differ.
   */
  private reindent(by: number): void {
    if (this.widest > 0) this.widest += by;
    if (this.lastPiece > 0) this.lastPiece += by;
    this.firstWrap.reindent(by);
  }

  /** A new pending record on this line (the one record object, refilled). */
  private start(text: string, clean: boolean, src: string | undefined, at: number, hints: number): void {
    this.pendingHeaded = this.boundary.headed;
    const r = this.record;
    r.line = this.lineNo;
    r.endLine = this.lineNo;
    r.text = text;
    r.clean = clean;
    r.src = src;
    r.at = at;
    r.hints = hints;
    this.pending = r;
  }

  end(): void {
    this.flush();
    if (this.firstWrap.width !== 0) this.firstWrap.release(false, null);
  }

  get lines(): number {
    return this.lineNo;
  }

  private flush(): void {
    if (this.pending) {
      if (this.firstWrap.width !== 0) this.firstWrap.hold(this.pending);
      else this.emit(this.pending);
    }
    this.pending = null;
    this.blanksAfterPending = 0;
  }
}
