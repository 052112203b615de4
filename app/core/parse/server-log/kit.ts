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
 * that matched a message's template (digits folded) is tried first next time, so a long syslog
 * costs about one regex per line instead of one per rule. A miss falls back to every rule, so the
 * cache never changes a result, only the order rules are tried in. Bounded: cleared when full.
 */
const TEMPLATE_CACHE = new WeakMap<readonly Rule[], Map<string, number>>();
const TEMPLATE_CACHE_MAX = 4096;
/** The first 48 characters with digits folded: enough to tell templates apart (a collision only costs a retry). */
export function templateOf(message: string): string {
  const n = Math.min(message.length, 48);
  let out = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    const c = message.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (i > from) out += message.slice(from, i);
      if (!out.endsWith('#')) out += '#';
      from = i + 1;
    }
  }
  return from < n ? out + message.slice(from, n) : out;
}

function tryRule(rule: Rule, message: string, pre: Prefixed, state: FamilyState): Hit | null {
  const m = message.match(rule[0]);
  return m ? rule[1](m, pre, state) : null;
}

export function applyRules(rules: readonly Rule[], message: string, pre: Prefixed, state: FamilyState): Hit | null {
  let cache = TEMPLATE_CACHE.get(rules);
  if (!cache) TEMPLATE_CACHE.set(rules, (cache = new Map()));
  const key = templateOf(message);
  const known = cache.get(key);
  if (known !== undefined) {
    const hit = tryRule(rules[known]!, message, pre, state);
    if (hit) return hit;
  }
  for (let i = 0; i < rules.length; i++) {
    if (i === known) continue;
    const hit = tryRule(rules[i]!, message, pre, state);
    if (hit) {
      if (cache.size >= TEMPLATE_CACHE_MAX) cache.clear();
      cache.set(key, i);
      return hit;
    }
  }
  // no negative cache: a rule may depend on a number's width (`\d{1,3}`), which the template hides
  return null;
}

/** A context line: a step of the session, no cause (i18n serverLog.decode.step.<what>). */
export const step = (what: string, values?: Record<string, string | number>, outcome: Outcome = 'info'): Hit => ({ decoded: [{ key: `step.${what}`, ...(values ? { values } : {}) }], outcome });

export const d = (key: string, values?: Record<string, string | number>): Decoded => ({ key, ...(values ? { values } : {}) });

/** "E=691 R=1 C=… V=3 M=…" (RFC 2759 §6) → 691. */
export function msChapErrorOf(text: string): number | undefined {
  const m = text.match(/\bE=(\d{3,5})\b/);
  return m ? Number(m[1]) : undefined;
}
