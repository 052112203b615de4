import { ConsoleLines } from './console-device';
import { startsHeaderlessLog } from './log-start';
import { CONTINUING_FAMILIES, continues, detectFamily, FAMILIES, headShape, LEFTOVER_FAMILIES, recordCap, startsRecord } from './detect';
import { InputSniffer } from './inspect';
import { COUNTED, type FamilyParser, type FamilyState } from './kit';
import { ChunkLines } from './chunk-lines';
import { NO_JOURNAL, textHints } from './line-hints';
import { JournalShapes } from './journal-export';
import { leftOutHit } from './journal-left-out';
import { LineSplitter, type RawRecord } from './lines';
import { readPrefix, type Prefixed } from './prefix';
import { iosByOriginTag, iosUnderCounters, iosUnderZoneTag, underCollector } from './prefix-shapes';
import { cellTakes, exportHeader, exportRow, opensMessageCell, type ExportLayout } from './collector-rows';
import { MAX_EVENT_BLOCK_CHARS } from './families/windows-event-block';
import { byLine, detach, entryOf, own, Seen, TEXT_CHARS } from './record-entries';
import { printedRow } from './routeros-print';
import { flattenedPieces, mayHoldFlattened } from './flattened-records';
import { headerBeforeTime, recordAfterProse } from './prose-before-record';
import { UnitWatch, type UnitHit } from './families/systemd-units';
import { PromptLines } from './shell-prompt';
import { innerTag } from './inner-tag';
import { otherLine } from './other-lines';
import { junosCardLine, junosEventTagLine } from './junos-source';
import type { LogFamily, ServerLogEntry, ServerLogResult, UnknownLine } from './types';
import { isLetter } from './char-codes';
import { settleRejectsGotPast } from './ppp-got-past';

/**
 * Server-side VPN logs → decoded entries, streaming:
 *   physical line → LineSplitter (paste damage, glued records, continuations) → record
 *   → splitPrefix (timestamp, host, program) → detectFamily → the family's rules → entry.
 * Every record is counted as understood or unknown (unknown ones are kept, up to a cap, with their
 * line numbers); nothing is dropped silently. Pure: the caller feeds lines (the CLI streams a file,
 * the app passes the pasted text).
 */

export * from './types';
export { own } from './record-entries';

/** Caps keep memory bounded on 50 MB logs; counts stay exact beyond them. */
export const MAX_ENTRIES = 4000;
export const MAX_CAUSE_ENTRIES = 2000;
export const MAX_UNKNOWN = 200;

export interface ServerLogParserOptions {
  /**
   * Sees every understood record's entry, decoded in full — past the entries cap too, where records
   * are otherwise only counted: what `--redact` takes the names to hide from (names.ts). Called
   * during parsing; the entry is not kept unless the caps keep it, and may point into the read
   * chunk, so whatever outlives the call is copied.
   */
  everyEntry?: (e: ServerLogEntry) => void;
}

export class ServerLogParser {
  private readonly splitter: LineSplitter;
  private readonly everyEntry: ((e: ServerLogEntry) => void) | undefined;
  private readonly sniffer = new InputSniffer();
  private readonly states = new Map<FamilyParser, FamilyState>();
  private records = 0;
  private understood = 0;
  private unknown = 0;
  /** unknown records in a known family's format (its header or tag): the text is a log, only those messages were not understood */
  private unknownInFormat = 0;
  private causeEntries = 0;
  /** records per family, in the order first seen (the result lists them so); a counter object each, so counting is one lookup */
  private readonly families = new Map<LogFamily, { n: number }>();
  private lastCounted: LogFamily | undefined;
  private lastCounter = { n: 0 };
  private lastFamily: FamilyParser | undefined;
  private lastState: FamilyState | undefined;
  private readonly entries: ServerLogEntry[] = [];
  private readonly kept = new Set<ServerLogEntry>();
  private readonly unknownLines: UnknownLine[] = [];
  /** the prompts copied with the log that no line said the device of (console-device.ts) */
  private readonly consoleLines = new ConsoleLines();
  /** the shell prompts copied with the log (shell-prompt.ts) */
  private readonly promptLines = new PromptLines();
  /** the VPN daemons' systemd units seen down, so a later `Started` says it runs again (systemd-units.ts) */
  private readonly units = new UnitWatch();
  private truncated = false;
  private lastSeq: number | undefined;
  /** the tracked record being handed to its family: one object, refilled per record (see Seen) */
  private readonly seen = new Seen(this);
  private descending = 0;
  private ascending = 0;

  constructor(
    readonly source: string,
    options: ServerLogParserOptions = {},
  ) {
    this.splitter = new LineSplitter((r) => this.record(r), continues, (p) => this.capOf(p), startsRecord, headShape, (pending, line, blankBefore) => this.continuedByState(pending, line, blankBefore), startsHeaderlessLog);
    this.everyEntry = options.everyEntry;
  }

  /**
   * One physical line (without its newline); `hints`: what it is known not to hold (line-hints.ts
   * LineHints), 0 when nothing is known; `src`, `at`: the text the line was cut from and where
   * (ChunkLines gives them), so its header is read in place.
   */
  pushLine(line: string, hints = 0, src?: string, at = 0): void {
    this.sniffer.see(line);
    // a journal entry in a structured output mode (journal-export.ts): only where the chunk may hold one, or one is open
    if (((hints & NO_JOURNAL) === 0 || this.journal.busy) && this.journal.take(line)) return;
    this.splitter.push(line, hints, src, at);
  }

  /** journalctl's json, json-pretty, json-seq, verbose and export entries → the short-iso-precise line each stands for */
  private readonly journal = new JournalShapes({
    line: (text) => this.splitter.push(text, 0),
    record: (text, lines, leftOut) => this.splitter.pushRecord(text, lines, leftOut),
  });

  /**
   * A whole text (the app's paste box); CRLF, LF and CR line ends. Cut as a file's read chunk is
   * (one chunk), so a pasted line's header is read where a file's is, in place, with the same hints.
   */
  pushText(text: string): void {
    // an empty paste is one empty line (a chunk cutter sees no line in it)
    if (text.length === 0) return this.pushLine('', textHints(text));
    const lines = new ChunkLines((line, hints, src, at) => this.pushLine(line, hints, src, at));
    lines.push(text);
    lines.end();
  }

  end(): ServerLogResult {
    this.journal.end();
    this.splitter.end();
    for (const [family, state] of this.states) for (const e of family.finish?.(state) ?? []) this.keep(e);
    this.consoleLines.settle(this.families);
    this.promptLines.settle(this.families);
    // kept in record order, so usually sorted already (only entries a family keeps late come after): a look first spares a comparator call per entry
    if (!byLine(this.entries)) this.entries.sort((a, b) => a.line - b.line);
    // a PPP reject the asking side got past is no failure: known only from the packets after it (ppp-got-past.ts)
    settleRejectsGotPast(this.entries);
    return {
      source: this.source,
      verdict: this.sniffer.verdict(this.records, this.understood - this.promptLines.all, this.unknownInFormat),
      lines: this.splitter.lines,
      blank: this.splitter.blank,
      records: this.records,
      understood: this.understood,
      unknown: this.unknown,
      families: Object.fromEntries([...this.families].map(([f, c]) => [f, c.n])) as Partial<Record<LogFamily, number>>,
      entries: this.entries,
      unknownLines: this.unknownLines,
      truncated: this.truncated,
      ...(this.descending > 2 && this.descending > this.ascending ? { newestFirst: true } : {}),
    };
  }

  /**
   * Whether a line that begins with a blank goes on the pending record by what a family's state says (FamilyParser.continuesRecord:
   * of a family whose state the log made); the splitter asks it before detect.ts continues, which reads the record and the line alone.
   */
  private continuedByState(pending: RawRecord, line: string, blankBefore: number): boolean {
    for (const f of CONTINUING_FAMILIES) {
      const state = this.states.get(f);
      if (state !== undefined && f.continuesRecord!(pending.text, line, blankBefore, state)) return true;
    }
    return false;
  }

  /** @internal (Seen) */
  stateOf(f: FamilyParser): FamilyState {
    if (f === this.lastFamily) return this.lastState!;
    let s = this.states.get(f);
    if (!s) {
      s = {};
      this.states.set(f, s);
    }
    this.lastFamily = f;
    this.lastState = s;
    return s;
  }

  /** `flat`: a piece of a flattened line (flattenedPieces), not cut again */
  private record(r: RawRecord, flat = false): void {
    this.records++;
    // a RouterOS `/log print detail`/`terse` record (`time=… topics=… message="…"`): read as the plain row it stands for (routeros-print.ts)
    const printed = printedRow(r.text);
    // under a log server export's header row (exportLine): the row's device line, under the export's time and host columns
    const row = this.exportLayout !== undefined ? exportRow(this.exportLayout, r.text) : undefined;
    let pre = row !== undefined ? underCollector(row) : printed === undefined ? readPrefix(r.text, r.clean === true, r.src, r.at) : readPrefix(printed, false, undefined, 0);
    // records a copy flattened into this one line, a blank where each newline was (flattened-records.ts): read one by one
    if (!flat && printed === undefined && mayHoldFlattened(r.text, pre, r.hints ?? 0)) {
      const pieces = flattenedPieces(r.text, pre);
      if (pieces) {
        this.records--;
        for (const text of pieces) this.record({ line: r.line, endLine: r.endLine, text, clean: r.clean, src: undefined, at: 0, hints: 0 }, true);
        return;
      }
    }
    if (pre.seq !== undefined) {
      if (this.lastSeq !== undefined) pre.seq < this.lastSeq ? this.descending++ : this.ascending++;
      this.lastSeq = pre.seq;
    }
    const family = detectFamily(pre) ?? this.leftoverFamily(pre) ?? this.underOriginTag(pre);
    if (this.originRead !== undefined) {
      pre = this.originRead;
      this.originRead = undefined;
    }
    let hit = null;
    const every = this.everyEntry;
    // entries full and no family tracking it: the record will only be counted (context rules need not decode it) — unless every entry is wanted
    const full = this.entries.length - this.causeEntries >= MAX_ENTRIES;
    const countOnly = full && every === undefined;
    try {
      hit = family ? family.parse(pre, this.stateOf(family), countOnly && (!family.track || family.countsTracked === true)) : null;
    } catch {
      hit = null; // a parser bug must not lose the line: it is counted as unknown below
    }
    // a tag written twice (`xl2tpd: xl2tpd[31026]: …`): read again under the inner one — only for a line its family did not read
    const inner = family && !hit ? innerTag(pre) : undefined;
    if (inner) {
      pre = inner;
      try {
        hit = family!.parse(pre, this.stateOf(family!), countOnly && (!family!.track || family!.countsTracked === true));
      } catch {
        hit = null;
      }
    }
    if (!family || !hit) {
      // another program's line (systemd's about a VPN daemon's unit — it exited, failed to start — counts as that daemon's family's),
      // or journalctl's head, boot marks and `-x` explanations around the messages; a journal entry whose message journalctl left out
      // (a Junos card's line: its tag after the card is its program; kmd's or iked's tag where the daemon's name was — junos-source.ts, the entry's too)
      if (!family) pre = (pre.program === undefined ? junosCardLine(pre) : undefined) ?? junosEventTagLine(pre) ?? pre;
      const other = leftOutHit(r.leftOut, pre, family?.family) ?? (family ? undefined : (this.exportLine(r.text) ?? otherLine(pre, this.units, r.text)));
      if (other) {
        this.count(other.family);
        this.understood++;
        // past the cap, kept only with a cause (a VPN daemon down or up again), as a family's line is
        const dropped = full && !other.hit.cause;
        const e = dropped && !every ? undefined : entryOf(r, pre, other.family, other.hit);
        if (every) every(e!);
        if (other.hit.console) this.promptLines.note(e, other.hit.console.family !== undefined);
        if (dropped) {
          this.truncated = true;
          return;
        }
        this.keep(e!, true);
        return;
      }
      // prose with the records glued after it (a mail's paragraph, prose-before-record.ts): the prose not understood, the rest read
      // (a line with a header of its own is a record no family read, not prose: it is not cut inside its header)
      const at = pre.shape === 'none' && pre.time === undefined ? recordAfterProse(r.text, (head, rest) => this.readsAsRecord(head, rest)) : -1;
      if (at > 0) return this.proseThenRecords(r, at);
      this.unknown++;
      if (family) this.unknownInFormat++;
      if (this.unknownLines.length < MAX_UNKNOWN) this.unknownLines.push({ line: r.line, endLine: r.endLine, text: own(r.text.slice(0, TEXT_CHARS)), ...(family ? { family: family.family } : {}) });
      else this.truncated = true;
      return;
    }
    this.understood++;
    // past the cap, most records are a context rule's COUNTED in a family that tracks nothing: only counted. Said first, as the
    // path below would end for it, without reading its console and cause — loads across every shape of hit the families make
    // (megamorphic): 69 000 of the bench log's 100 000 records, explain-log 0.97 in CPU time
    if (hit === COUNTED && countOnly && !family.track) {
      this.count(family.family);
      this.truncated = true;
      return;
    }
    // a console line counts as the device the line names (console-device.ts), else as its family's until the paste's end
    const counted = hit.console?.family ?? family.family;
    this.count(counted);
    // past the cap, a line without a cause that no family tracks is only counted (bounded memory, less garbage)
    if (!hit.cause && !family.track && full) {
      const e = every ? entryOf(r, pre, counted, hit) : undefined;
      if (hit.console && !hit.console.family) this.consoleLines.note(e);
      if (e) every!(e);
      this.truncated = true;
      return;
    }
    if (!family.track) {
      const e = entryOf(r, pre, counted, hit);
      if (hit.console && !hit.console.family) this.consoleLines.note(e);
      if (every) every(e);
      this.keep(e, true);
      return;
    }
    // a tracked family sees every record; its entry is made when kept or when the family keeps it
    const seen = this.seen.fill(r, pre, family, hit);
    if (every) every(seen.entry());
    if (hit.cause || !full) this.keep(seen.entry());
    else this.truncated = true; // what keep() would say of it
    const later = family.track(seen, this.stateOf(family));
    if (later) for (const e of later) this.keep(e);
  }

  /**
   * Whether record() reads a program-less head after prose (prose-before-record.ts) as a record: as it reads a line, without the
   * families detectFamily found and with no state changed (a systemd unit's line has a program: prose-before-record.ts takes it).
   */
  private readsAsRecord(head: Prefixed, rest: string): boolean {
    if (head.program !== undefined) return false;
    // (a leftover family takes header-less lines by their words, as the log's state allows: only with a header's words before the time)
    if (printedRow(rest) !== undefined || (headerBeforeTime(rest) && this.leftoverFamily(head) !== undefined)) return true;
    const card = junosCardLine(head) ?? junosEventTagLine(head);
    if (card !== undefined && detectFamily(card) !== undefined) return true;
    return otherLine(card ?? head, this.units, rest) !== undefined;
  }

  /** A line's prose (one line not understood, never dropped) and then the records from `at` on, read as a line of their own. */
  private proseThenRecords(r: RawRecord, at: number): void {
    const head = r.text.slice(0, at).trimEnd();
    // (a record whose own head the copy cut, a header-less piece a family still reads by its words — SoftEther's `…assword
    // authentication protocol) user authentication failed.` before the paragraph's next records, SoftEther issue #459 — is read as
    // that family's record, not as prose: record() reads it as a piece, the line counted once already)
    if (detectFamily(readPrefix(head, r.clean === true, undefined, 0)) !== undefined) {
      this.records--;
      this.record({ line: r.line, endLine: r.endLine, text: head, clean: r.clean, src: undefined, at: 0, hints: 0 }, true);
    } else {
      this.unknown++;
      if (this.unknownLines.length < MAX_UNKNOWN) this.unknownLines.push({ line: r.line, endLine: r.endLine, text: own(head.slice(0, TEXT_CHARS)) });
      else this.truncated = true;
    }
    // (the line counted once already, as the prose: record() counts the rest)
    this.record({ line: r.line, endLine: r.endLine, text: r.text.slice(at), clean: r.clean, src: undefined, at: 0, hints: 0 });
  }

  /**
   * the record as IOS's own line when underOriginTag found one (record reads it next): a field, so that record keeps its one
   * `const family = …` line — written inline there, the re-read cost explain-log 4–5 % (alternating A/B)
   */
  private originRead: Prefixed | undefined;

  /** An IOS line relayed under the router's own name as its tag (prefix-shapes.ts iosByOriginTag): its family, its reading kept in originRead. */
  private underOriginTag(pre: Prefixed): FamilyParser | undefined {
    const ios = iosByOriginTag(pre);
    if (!ios) return this.underZoneTag(pre);
    this.originRead = ios;
    return detectFamily(ios);
  }

  /** IOS's time zone read as the tag (prefix-shapes.ts iosUnderZoneTag): the line as IOS's own, kept only when a family claims it so. */
  private underZoneTag(pre: Prefixed): FamilyParser | undefined {
    const ios = iosUnderZoneTag(pre);
    const family = ios ? detectFamily(ios) : undefined;
    if (family) this.originRead = ios;
    return family ?? this.underIosCounters(pre);
  }

  /**
   * A header-less record that starts as IOS's counter, origin id or sequence number (prefix-shapes.ts iosUnderCounters): the line
   * after them as IOS's own, kept when a family claims it or IOS's own time follows them. Only for a record with no header whose text
   * starts with a digit or `:`.
   */
  private underIosCounters(pre: Prefixed): FamilyParser | undefined {
    if (pre.shape !== 'none') return undefined;
    const c = pre.message.charCodeAt(0);
    if (!(c === 58 || (c >= 48 && c <= 57))) return undefined;
    let timed: Prefixed | undefined;
    for (const ios of iosUnderCounters(pre.message)) {
      const family = detectFamily(ios);
      if (family) {
        this.originRead = ios;
        return family;
      }
      if (ios.time !== undefined) timed ??= ios;
    }
    // (IOS's own time after its fields: the line is IOS's, one record, even when no family reads its message — `NTP Core (NOTICE): …` —
    // not prose before a record that starts at the time, prose-before-record.ts)
    if (timed) this.originRead = timed;
    return undefined;
  }

  /** the columns of a log server's CSV or TSV export, from its header row (collector-rows.ts exportHeader): the rows after it are read by them */
  private exportLayout: ExportLayout | undefined;

  /**
   * A record no family read that is a log server export's header row (`"_time","host","_raw"`): its layout kept for the rows below, the
   * row understood as what it is. Looked for only in such a record, and only when it starts as a column name does (a quote, a letter,
   * `_`): a plain log pays nothing for it.
   */
  private exportLine(text: string): UnitHit | undefined {
    const c = text.charCodeAt(0);
    if (!(c === 34 || c === 95 || isLetter(c))) return undefined;
    const layout = exportHeader(text);
    if (!layout) return undefined;
    this.exportLayout = layout;
    // a row's message over several lines inside its quotes: its lines joined into the row (collector-rows.ts cellTakes), asked of every
    // line from here on only (no test per line of any other log), past the line tests that would take a line of it for a record of its own
    this.splitter.takesLine = (pending, line) => pending.text.length < MAX_EVENT_BLOCK_CHARS && cellTakes(layout, pending.text, line);
    return { family: 'syslog', hit: { decoded: [{ key: 'step.exportHeader', values: { columns: layout.columns } }], outcome: 'info' } };
  }

  /** How long a record may grow (detect.ts recordCap): an export row's open message cell as long as a pasted event's text (a multi-line message). */
  private capOf(pending: RawRecord): number {
    const layout = this.exportLayout;
    return layout !== undefined && opensMessageCell(layout, pending.text) ? MAX_EVENT_BLOCK_CHARS : recordCap(pending);
  }

  /** The family that takes a record no family claimed, for what the log showed before it (FamilyParser.claimsLeftover). */
  private leftoverFamily(pre: Prefixed): FamilyParser | undefined {
    // (a tagged line is another program's — kernel, systemd — on every such record of a syslog: no family state looked up for it)
    if (pre.program !== undefined) return undefined;
    for (const f of LEFTOVER_FAMILIES) if (f.claimsLeftover!(pre, this.stateOf(f))) return f;
    return undefined;
  }

  private count(f: LogFamily): void {
    // runs of one family are common (a session's pppd lines): the last counter without a lookup
    if (f === this.lastCounted) {
      this.lastCounter.n++;
      return;
    }
    let c = this.families.get(f);
    if (c) c.n++;
    else this.families.set(f, (c = { n: 1 }));
    this.lastCounted = f;
    this.lastCounter = c;
  }

  /**
   * Keep every entry with a cause (up to its cap) and the others up to theirs. `fresh`: the entry was
   * just made here and no family has seen it (an untracked family's record), so it cannot have been
   * kept already — only entries a family holds (tracked, returned by track or finish) may come back,
   * and only those go into `kept` (adding an object to a Set gives it an identity hash: on the bench
   * log, 1.5 % of the explain-log profile for the ~5 000 entries a run keeps).
   */
  private keep(e: ServerLogEntry, fresh = false): void {
    if (!fresh && this.kept.has(e)) return;
    if (e.cause ? this.causeEntries >= MAX_CAUSE_ENTRIES : this.entries.length - this.causeEntries >= MAX_ENTRIES) {
      this.truncated = true;
      return;
    }
    if (e.cause) this.causeEntries++;
    detach(e);
    if (!fresh) this.kept.add(e);
    this.entries.push(e);
  }
}

/** Parse a whole text at once (tests, the paste box). */
export function parseServerLog(text: string, source = 'server-log'): ServerLogResult {
  const p = new ServerLogParser(source);
  p.pushText(text);
  return p.end();
}

export { FAMILIES };
