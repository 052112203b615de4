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

export function applyRules(rules: readonly Rule[], message: string, pre: Prefixed, state: FamilyState): Hit | null {
  for (const [re, fn] of rules) {
    const m = message.match(re);
    if (m) {
      const hit = fn(m, pre, state);
      if (hit) return hit;
    }
  }
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
