import { isCounted, type FamilyParser, type FamilyState, type Hit, type TrackedRecord } from './kit';
import type { RawRecord } from './lines';
import type { Prefixed } from './prefix';
import { readVpn3000 } from './families/vpn3000';
import type { LogFamily, ServerLogEntry } from './types';

/**
 * A record's entry, as the parser (index.ts) makes and keeps it: its text cut for the report, its session, its strings detached from
 * the read chunk, and the one refilled view a tracked family sees of a record (Seen).
 */

/** how much of a record's text an entry or an unknown line keeps */
export const TEXT_CHARS = 400;

/** What Seen asks of the parser: a family's state. */
export interface FamilyStates {
  stateOf(f: FamilyParser): FamilyState;
}

/** A record's entry: what the report shows of it (its text cut at TEXT_CHARS, its time, host, program, session and what it decoded). */
export function entryOf(r: RawRecord, pre: Prefixed, family: LogFamily, hit: Hit): ServerLogEntry {
  const v3 = family === 'vpn3000' ? readVpn3000(pre.message) : null;
  const e: ServerLogEntry = { line: r.line, endLine: r.endLine, family, text: entryText(r.text), decoded: hit.decoded, outcome: hit.outcome ?? 'info' };
  const time = v3?.time ?? hit.time ?? pre.time;
  if (time) e.time = time;
  // read once: a syslog header's host and pid are getters that cut the text on every read
  const host = pre.host;
  if (host) e.host = host;
  if (pre.program) e.program = pre.program;
  const session = sessionOf(pre, family, hit);
  if (session) e.session = session;
  if (hit.peer) e.peer = hit.peer;
  if (hit.user) e.user = hit.user;
  if (hit.cause) e.cause = hit.cause;
  if (hit.code !== undefined) e.code = hit.code;
  return e;
}

/**
 * A string of its own rather than a slice of the chunk the line was read from (V8 keeps a slice's
 * whole parent alive): kept entries are spread over the whole log, and each would hold a 64 KiB
 * read chunk — the garbage collector then copies every chunk of the file into the old generation.
 * Concatenating makes a rope, slicing that flattens it into a fresh string of the line's length.
 */
export const own = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

export function detach(e: ServerLogEntry): void {
  e.text = own(e.text);
  if (e.host) e.host = own(e.host);
  if (e.program) e.program = own(e.program);
  if (e.session) e.session = own(e.session);
  if (e.peer) e.peer = own(e.peer);
  if (e.user) e.user = own(e.user);
  for (const dd of e.decoded) {
    if (!dd.values || Object.isFrozen(dd.values)) continue;
    for (const k in dd.values) {
      const v = dd.values[k];
      if (typeof v === 'string') dd.values[k] = own(v);
    }
  }
}

/** Whether the entries are in line order already (sort is stable: sorting them would change nothing). */
export function byLine(entries: readonly ServerLogEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i - 1]!.line > entries[i]!.line) return false;
  return true;
}

const entryText = (text: string): string => (text.length > TEXT_CHARS ? `${text.slice(0, TEXT_CHARS)}…` : text);

const IOS_INTERFACE = /^(\S+) /;

function sessionOf(pre: Prefixed, family: LogFamily, hit: Hit): string | undefined {
  if (hit.session !== undefined) return hit.session;
  const pid = pre.program ? pre.pid : undefined; // (a getter: read once)
  return pid ? `${pre.program}[${pid}]` : family === 'ios' ? pre.message.match(IOS_INTERFACE)?.[1] : undefined;
}

/**
 * A tracked record as its family sees it: text and session as the entry has them, the entry made
 * once, on demand. Only during track(): the raw record and header behind it are refilled for the
 * next record (LineSplitter, readPrefix), and so is this object, so a family keeps the entry, never this.
 */
export class Seen implements TrackedRecord {
  text = '';
  session: string | undefined = undefined;
  private made: ServerLogEntry | undefined = undefined;
  private r: RawRecord | undefined = undefined;
  private pre: Prefixed | undefined = undefined;
  private family: FamilyParser | undefined = undefined;
  private hit: Hit | undefined = undefined;

  constructor(private readonly parser: FamilyStates) {}

  /** this record (the parser's one instance is refilled per tracked record: no object per line) */
  fill(r: RawRecord, pre: Prefixed, family: FamilyParser, hit: Hit): this {
    this.r = r;
    this.pre = pre;
    this.family = family;
    this.hit = hit;
    this.made = undefined;
    this.text = entryText(r.text);
    this.session = sessionOf(pre, family.family, hit) || undefined;
    return this;
  }

  entry(): ServerLogEntry {
    return (this.made ??= entryOf(this.r!, this.pre!, this.family!.family, this.decodedHit()));
  }

  /** A record that was only counted is decoded now that its entry is wanted (see FamilyParser.countsTracked). */
  private decodedHit(): Hit {
    const hit = this.hit!;
    if (!isCounted(hit)) return hit;
    try {
      return this.family!.parse(this.pre!, this.parser.stateOf(this.family!), false) ?? hit;
    } catch {
      return hit;
    }
  }
}
