import type { Prefixed } from './prefix';
import type { Cause, Decoded, LogFamily, LogTime, Outcome, ServerLogEntry } from './types';
import { isDigit } from './char-codes';

/** What a family parser made of one record; null = not understood. */
export interface Hit {
  decoded: Decoded[];
  outcome?: Outcome;
  cause?: Cause;
  code?: number;
  user?: string;
  peer?: string;
  session?: string;
  /** the device's own time where the line holds one behind the header read (an ASA's after a relay's: families/asa-time.ts) */
  time?: LogTime;
  /**
   * A device's console line (its prompt with the command typed), no log message: counted as the device the paste is from
   * (console-device.ts) — `family` when the line itself names it, else the end of the paste decides.
   */
  console?: { family?: LogFamily };
}

export interface TrackedRecord {
  /** the entry's text (cut at 400 characters) and session */
  readonly text: string;
  readonly session: string | undefined;
  /** the entry (the same object each call for this record) */
  entry(): ServerLogEntry;
}

/** Per-input state a family may keep (pluto serials, IOS packet in progress, RRAS event in progress). */
export type FamilyState = Record<string, unknown>;

export interface FamilyParser {
  family: LogFamily;
  /** true when this record is in this family's format (program tag or message shape) */
  claims(pre: Prefixed): boolean;
  /**
   * `countOnly`: the caller will only count this record (its entries are full and nothing tracks
   * it), so a context rule may answer COUNTED without decoding (see `context`).
   */
  parse(pre: Prefixed, state: FamilyState, countOnly?: boolean): Hit | null;
  /**
   * Sees every understood record of this family (to remember the ones a later pattern points at):
   * its text and session as its entry will have them, and the entry itself on demand — past the
   * entries cap a record's entry is made only when a family keeps it.
   */
  track?(seen: TrackedRecord, state: FamilyState): ServerLogEntry[] | void;
  /**
   * A tracked family whose parse honours `countOnly` all the same: past the entries cap its context
   * rules only count, and a record's entry, when track asks for it, is decoded then (`isCounted`:
   * the record is parsed again — context rules are pure, and the rule cache already points at the
   * rule that matched, so the same rule decodes it).
   */
  countsTracked?: boolean;
  /** at the end of the input: entries whose cause only the whole log shows (nothing came after) */
  finish?(state: FamilyState): ServerLogEntry[];
  /**
   * A record no family claims by its own shape that this family takes for what the log showed before it (its state): pluto's own
   * log file, whose lines have a time and no program, once the log has shown it is one (families/libreswan.ts). Asked only for
   * records nothing else claimed, so it costs a plain log nothing.
   */
  claimsLeftover?(pre: Prefixed, state: FamilyState): boolean;
  /**
   * Whether a line that begins with a blank goes on the pending record (its text so far), for what the log showed before it (this
   * family's state; never created for the question): a `Format-Table -Wrap` table's message wrapped onto the lines under its row
   * (families/event-table-rows.ts). Asked before detect.ts continues, only for such a line and only of a family whose state exists,
   * so a plain syslog line (a header first) costs one character test.
   */
  continuesRecord?(pending: string, line: string, blankBefore: number, state: FamilyState): boolean;
}

type Handler = (m: RegExpMatchArray, pre: Prefixed, state: FamilyState) => Hit | null;
/** What a context rule's handler writes to the family's state, done without decoding (see `context`). */
type Counted = (message: string, state: FamilyState, pre: Prefixed) => void;
export type Rule = readonly [RegExp, Handler] | readonly [RegExp, Handler, 'context'] | readonly [RegExp, Handler, 'context', Counted] | readonly [RegExp, Handler, 'fallback'];

/**
 * A context rule: its handler always gives a hit, never a cause, and reads no state; it writes
 * none, or only what `counted` writes too, exactly and idempotently (a counted record may be decoded
 * later, see FamilyParser.countsTracked). When a record is only counted (a long log past the
 * entries cap), the regex alone decides it (and `counted` keeps the state) — no match array, no
 * decoded values that nobody would read. Only rules that truly hold this are marked. (In a family
 * that tracks nothing, whose counted records are never decoded, a handler may read state when
 * `counted` does the same reads and writes: pppd.ts's address lines ask for the side.)
 */
export const context = (re: RegExp, handler: Handler, counted?: Counted): Rule => (counted ? [re, handler, 'context', counted] : [re, handler, 'context']);

/**
 * A rule that may take a line a rule before it takes: a catch-all (RASMAN's "any other trace line",
 * IOS's any other PPP or VPDN line) or a wider pattern after a narrower one (IOS's named PPTP
 * messages, whose word also matches the hex the rule before decodes; MikroTik's any authentication
 * failure after the CHAP one). It is never the rule cache's answer: a message with a template it
 * took once is read by every rule in order again, since a rule before it may take the next one —
 * and give its cause. The cache answered with such rules before they were marked: "Connection
 * Completed on port: …, error code: 623" or "Vi2 LCP: Failed to negotiate with peer" after a longer
 * line of the same template lost their error code and cause. A test holds every rule list to this
 * on every corpus, fixture and seed line (recordOverlaps).
 */
export const fallback = (re: RegExp, handler: Handler): Rule => [re, handler, 'fallback'];

/** What a context rule answers when the record is only counted: understood, no cause, nothing decoded. */
export const COUNTED: Hit = Object.freeze({ decoded: Object.freeze([]) as unknown as Decoded[], outcome: 'info' }) as Hit;

/** A hit from a context rule that only counted (COUNTED, or a family's copy of it carrying a session). */
export const isCounted = (hit: Hit): boolean => hit.decoded === COUNTED.decoded;

/**
 * Log lines repeat: the same message with other numbers (pids, ports, packet counters). The rule
 * that matched a message's template (each run of digits folded to one `#`, the first 16 characters
 * of that) is tried first next time, so a long syslog costs about one regex per line instead of
 * one per rule. A miss falls back to every rule in order. Bounded: cleared when full. The template
 * is never built per line: one pass computes a 30-bit hash of it, the cache's key. Two templates
 * that share a key share an entry; the rule found there is still tested, so they cost a failed
 * test and the in-order scan. The cache can only say something else than the rules in order when
 * the rule it answers with takes a line a rule before it would have taken; such rules are marked
 * `fallback` and never cached, and tests hold every rule list to that (recordOverlaps) and the
 * parser to the rules in order (setTemplateCache) on every corpus, fixture, seed and bench log. So,
 * for every line shape those hold, the template's length decides speed, not what is read: 16
 * characters and one hash, not 32 and two (the hash was about a tenth of explain-log's time).
 */
interface TemplateCache {
  /** hash → index of the rule that matched last */
  rules: Map<number, number>;
}
const TEMPLATE_CACHE = new WeakMap<readonly Rule[], TemplateCache>();
const TEMPLATE_CACHE_MAX = 4096;
const TEMPLATE_CHARS = 16;
const HASH = 35; // '#'

/** The template as text (the reference the hash is tested against). */
export function templateOf(message: string): string {
  let out = '';
  for (let i = 0; i < message.length && out.length < TEMPLATE_CHARS; i++) {
    const c = message.charCodeAt(i);
    if (!isDigit(c)) out += message[i];
    else if (!out.endsWith('#')) out += '#';
  }
  return out;
}

/** A polynomial hash (base 31) of the template's characters, 30 bits. */
export const templateHash = (message: string): number => templateHashIn(message, 0, message.length);

/**
 * templateHash of the message that lies in `src` from `from` to `end` (read in place: see Prefixed.src).
 * A multiply-add polynomial hash: FNV-1a (xor, then a multiply by a large constant) made each
 * character wait on the last and cost 2.5× as much per record (bench/server-log.bench.ts). It stays
 * int32 (`| 0`), so V8 keeps the loop in integer arithmetic and no heap number is made per line;
 * the key is its low 30 bits, a small integer V8 keeps unboxed.
 */
export function templateHashIn(src: string, from: number, end: number): number {
  let h = 0;
  let last = -1;
  for (let i = from, n = 0; i < end && n < TEMPLATE_CHARS; i++) {
    let c = src.charCodeAt(i);
    if (isDigit(c)) {
      if (last === HASH) continue;
      c = HASH;
    }
    last = c;
    n++;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h & 0x3fffffff;
}

let templateCacheOn = true;
/** @internal (tests): without the cache every record tries the rules in order, the reference the cache is held to. */
export function setTemplateCache(on: boolean): void {
  templateCacheOn = on;
}

function tryRule(rule: Rule, message: string, pre: Prefixed, state: FamilyState, countOnly: boolean): Hit | null {
  if (countOnly && rule[2] === 'context') {
    if (!rule[0].test(message)) return null;
    rule[3]?.(message, state, pre);
    return COUNTED;
  }
  const m = message.match(rule[0]);
  return m ? rule[1](m, pre, state) : null;
}

// the last rule list's cache: consecutive records of one family skip the WeakMap lookup
let lastRules: readonly Rule[] | undefined;
let lastCache: TemplateCache | undefined;

function cacheOf(rules: readonly Rule[]): TemplateCache {
  if (rules === lastRules) return lastCache!;
  let cache = TEMPLATE_CACHE.get(rules);
  if (!cache) TEMPLATE_CACHE.set(rules, (cache = { rules: new Map() }));
  lastRules = rules;
  lastCache = cache;
  return cache;
}

/**
 * The first rule that gives a hit for `message` (the template's rule tried first). `src`, `from`: the
 * message lies in src at `from` (Prefixed.src), where its template is read — undefined: in `message`.
 */
export function applyRules(rules: readonly Rule[], message: string, pre: Prefixed, state: FamilyState, countOnly = false, src?: string, from = 0): Hit | null {
  if (!templateCacheOn) return inOrder(rules, message, pre, state, countOnly);
  const cache = cacheOf(rules);
  const hash = src === undefined ? templateHash(message) : templateHashIn(src, from, from + message.length);
  const known = cache.rules.get(hash);
  if (known !== undefined) {
    const hit = tryRule(rules[known]!, message, pre, state, countOnly);
    if (hit) return hit;
  }
  for (let i = 0; i < rules.length; i++) {
    if (i === known) continue;
    const hit = tryRule(rules[i]!, message, pre, state, countOnly);
    if (hit) {
      if (rules[i]![2] === 'fallback') {
        if (known !== undefined) cache.rules.delete(hash);
        return hit;
      }
      if (known === undefined && cache.rules.size >= TEMPLATE_CACHE_MAX) cache.rules.clear();
      cache.rules.set(hash, i);
      return hit;
    }
  }
  // no negative cache: a rule may depend on a number's width (`\d{1,3}`), which the template hides
  return null;
}

/** Every rule in order: the first hit. */
function inOrder(rules: readonly Rule[], message: string, pre: Prefixed, state: FamilyState, countOnly: boolean): Hit | null {
  for (let i = 0; i < rules.length; i++) {
    const hit = tryRule(rules[i]!, message, pre, state, countOnly);
    if (hit) {
      if (overlaps) noteOverlaps(rules, i, message);
      return hit;
    }
  }
  return null;
}

/** A later rule whose pattern also takes a message an earlier rule took (what the cache must not answer with: see `fallback`). */
export interface RuleOverlap {
  first: RegExp;
  later: RegExp;
  message: string;
}
let overlaps: RuleOverlap[] | undefined;
/** @internal (tests): while the cache is off, record every later rule, not marked `fallback`, whose pattern takes the message the first rule took. */
export function recordOverlaps(on: boolean): RuleOverlap[] {
  const seen = overlaps ?? [];
  overlaps = on ? [] : undefined;
  return seen;
}
function noteOverlaps(rules: readonly Rule[], first: number, message: string): void {
  for (let k = first + 1; k < rules.length; k++) {
    const rule = rules[k]!;
    if (rule[2] !== 'fallback' && rule[0].test(message)) overlaps!.push({ first: rules[first]![0], later: rule[0], message });
  }
}

/**
 * An IKE first exchange that went unanswered (strongSwan's first-exchange tracking, Libreswan's serials), marked as the failure:
 * `ikeInitUnanswered` is this side's own first message, repeated without an answer — it initiated, so the silent side is the
 * responder (ike-responder-unreachable); the other keys say the PC's first messages got no answer through (ike-init-unanswered).
 * `n`: how many times (0: the log gives no count, and the sentence is left out).
 */
export function unansweredFirstExchange(e: ServerLogEntry, n: number, key: 'ikeInitUnanswered' | 'ikeInitNoReply' | 'ikeInitAnswerLost'): ServerLogEntry {
  e.cause = key === 'ikeInitUnanswered' ? 'ike-responder-unreachable' : 'ike-init-unanswered';
  e.outcome = 'failure';
  // (the other side's repeats on a line worded for two routers, describe.ts SITE_WORDED: the other router's, not the PC's)
  const site = key !== 'ikeInitUnanswered' && e.decoded.some((dd) => dd.values?.role === 'site');
  if (n > 0) e.decoded.push(d(key, site ? { n, role: 'site' } : { n }));
  return e;
}

/** A context line: a step of the session, no cause (i18n serverLog.decode.step.<what>). */
export const step = (what: string, values?: Record<string, string | number>, outcome: Outcome = 'info'): Hit => ({ decoded: [d(stepKey(what), values)], outcome });

// the i18n key of each step, made once (a per-line `step.${what}` is a string built and thrown away each time)
const STEP_KEYS = new Map<string, string>();
function stepKey(what: string): string {
  let key = STEP_KEYS.get(what);
  if (key === undefined) STEP_KEYS.set(what, (key = `step.${what}`));
  return key;
}

// no object spread on these per-line paths: V8 spends about a microsecond on each `{ ...x }`
export const d = (key: string, values?: Record<string, string | number>): Decoded => (values ? { key, values } : { key });
/** The statement worded for a side (`role`: describe.ts words it so where it has such a text), unless it already has a side of its own. */
export const withRole = (dd: Decoded, role: string): Decoded => (dd.values?.role === undefined ? d(dd.key, { ...dd.values, role }) : dd);

/**
 * Where a family's message lies in the read chunk, when it does: `message` is the record's message
 * (pre.message) with `skip` characters cut from its start and then trimmed. -1 when it is not known
 * (no chunk, or trim took something): applyRules then reads the message itself.
 */
export function messageAt(pre: Prefixed, skip: number, message: string): number {
  return pre.src !== undefined && pre.messageAt !== undefined && message.length === pre.message.length - skip ? pre.messageAt + skip : -1;
}

/**
 * `s.trim()`, without the builtin call when there is nothing to trim: a printable ASCII character at
 * both ends (trim only removes whitespace and line terminators, none of them in '!'..'~'), as a
 * syslog message nearly always has. Per record on the common families' paths.
 */
export function trimmed(s: string): string {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 ? s : s.trim();
}

/** A hit with who or what it names (the PC's address, the user, the session); undefined ones are left out. */
export function tagged(hit: Hit, tags: { peer?: string; user?: string; session?: string }): Hit {
  if (tags.peer !== undefined) hit.peer = tags.peer;
  if (tags.user !== undefined) hit.user = tags.user;
  if (tags.session !== undefined) hit.session = tags.session;
  return hit;
}

/** "E=691 R=1 C=… V=3 M=…" (RFC 2759 §6) → 691. */
export function msChapErrorOf(text: string): number | undefined {
  const m = text.match(/\bE=(\d{3,5})\b/);
  return m ? Number(m[1]) : undefined;
}
