import type { Prefixed } from './prefix';
import type { Cause, Decoded, LogFamily, Outcome, ServerLogEntry } from './types';

/** What a family parser made of one record; null = not understood. */
export interface Hit {
  decoded: Decoded[];
  outcome?: Outcome;
  cause?: Cause;
  code?: number;
  user?: string;
  peer?: string;
  session?: string;
}

/** Per-input state a family may keep (pluto serials, IOS packet in progress, RRAS event in progress). */
export type FamilyState = Record<string, unknown>;

export interface FamilyParser {
  family: LogFamily;
  /** true when this record is in this family's format (program tag or message shape) */
  claims(pre: Prefixed): boolean;
  parse(pre: Prefixed, state: FamilyState): Hit | null;
  /** sees every entry of this family once made (to remember the ones a later pattern points at) */
  track?(entry: ServerLogEntry, state: FamilyState): ServerLogEntry[] | void;
  /** at the end of the input: entries whose cause only the whole log shows (nothing came after) */
  finish?(state: FamilyState): ServerLogEntry[];
}

export type Rule = readonly [RegExp, (m: RegExpMatchArray, pre: Prefixed, state: FamilyState) => Hit | null];

/**
 * Log lines repeat: the same message with other numbers (pids, ports, packet counters). The rule
 * that matched a message's template (each run of digits folded to one `#`, the first 48 characters
 * of that) is tried first next time, so a long syslog costs about one regex per line instead of
 * one per rule. A miss falls back to every rule in order. Bounded: cleared when full. The
 * template is never built per line: a hash of it picks a bucket and sameTemplate compares in
 * place, so a line costs no allocation here.
 */
interface TemplateSlot {
  /** the template itself (a template is its own template; a fresh string, not a slice of a line) */
  example: string;
  rule: number;
}
interface TemplateCache {
  buckets: Map<number, TemplateSlot[]>;
  size: number;
}
const TEMPLATE_CACHE = new WeakMap<readonly Rule[], TemplateCache>();
const TEMPLATE_CACHE_MAX = 4096;
const TEMPLATE_CHARS = 48;
const HASH = 35; // '#'
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The template as text (the cache keeps it as its example; the reference for the two below). */
export function templateOf(message: string): string {
  let out = '';
  for (let i = 0; i < message.length && out.length < TEMPLATE_CHARS; i++) {
    const c = message.charCodeAt(i);
    if (!isDigit(c)) out += message[i];
    else if (!out.endsWith('#')) out += '#';
  }
  return out;
}

/** FNV-1a over the template's characters. */
export function templateHash(message: string): number {
  let h = 0x811c9dc5;
  let last = -1;
  for (let i = 0, n = 0; i < message.length && n < TEMPLATE_CHARS; i++) {
    let c = message.charCodeAt(i);
    if (isDigit(c)) {
      if (last === HASH) continue;
      c = HASH;
    }
    last = c;
    n++;
    h = Math.imul(h ^ c, 16777619);
  }
  return h >>> 0;
}

/** templateOf(a) === templateOf(b), read in place. */
export function sameTemplate(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let last = -1;
  for (let n = 0; n < TEMPLATE_CHARS; n++) {
    let ca = -1;
    while (i < a.length) {
      const c = a.charCodeAt(i++);
      if (!isDigit(c)) {
        ca = c;
        break;
      }
      if (last !== HASH) {
        ca = HASH;
        break;
      }
    }
    let cb = -1;
    while (j < b.length) {
      const c = b.charCodeAt(j++);
      if (!isDigit(c)) {
        cb = c;
        break;
      }
      if (last !== HASH) {
        cb = HASH;
        break;
      }
    }
    if (ca !== cb) return false;
    if (ca < 0) return true;
    last = ca;
  }
  return true;
}

function tryRule(rule: Rule, message: string, pre: Prefixed, state: FamilyState): Hit | null {
  const m = message.match(rule[0]);
  return m ? rule[1](m, pre, state) : null;
}

export function applyRules(rules: readonly Rule[], message: string, pre: Prefixed, state: FamilyState): Hit | null {
  let cache = TEMPLATE_CACHE.get(rules);
  if (!cache) TEMPLATE_CACHE.set(rules, (cache = { buckets: new Map(), size: 0 }));
  const hash = templateHash(message);
  const bucket = cache.buckets.get(hash);
  const slot = bucket?.find((s) => sameTemplate(s.example, message));
  const known = slot?.rule;
  if (known !== undefined) {
    const hit = tryRule(rules[known]!, message, pre, state);
    if (hit) return hit;
  }
  for (let i = 0; i < rules.length; i++) {
    if (i === known) continue;
    const hit = tryRule(rules[i]!, message, pre, state);
    if (hit) {
      if (slot) slot.rule = i;
      else {
        if (cache.size >= TEMPLATE_CACHE_MAX) {
          cache.buckets.clear();
          cache.size = 0;
        }
        const b = cache.buckets.get(hash);
        const example = templateOf(message);
        if (b) b.push({ example, rule: i });
        else cache.buckets.set(hash, [{ example, rule: i }]);
        cache.size++;
      }
      return hit;
    }
  }
  // no negative cache: a rule may depend on a number's width (`\d{1,3}`), which the template hides
  return null;
}

/** A context line: a step of the session, no cause (i18n serverLog.decode.step.<what>). */
export const step = (what: string, values?: Record<string, string | number>, outcome: Outcome = 'info'): Hit => ({ decoded: [d(`step.${what}`, values)], outcome });

// no object spread on these per-line paths: V8 spends about a microsecond on each `{ ...x }`
export const d = (key: string, values?: Record<string, string | number>): Decoded => (values ? { key, values } : { key });

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
