import { engineT, type EngineLanguage } from '../core/i18n';
import { problemText } from '../core/i18n/problem-text';
import { EngineError, type Say } from '../shared/engine-port';
import { CollectionError, UsageError } from './errors';

/**
 * A Say worded in `language`: its nested Says (a reason, a label) first. A Say keyed `problem.<code>`
 * is a Problem (input not understood): filled from its template as problem-text.ts fills it, since
 * its values are pieces of the input i18next should not read again.
 */
function word(language: EngineLanguage, say: Say): string {
  if (say.key.startsWith(PROBLEM)) return problemText(say.key.slice(PROBLEM.length), say.params as Parameters<typeof problemText>[1], language) ?? say.key;
  const t = engineT(language);
  if (!say.params) return t(say.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(say.params)) params[name] = Array.isArray(value) ? value.map((v) => word(language, v)).join('\n  ') : typeof value === 'object' ? word(language, value) : value;
  return t(say.key, params);
}
const PROBLEM = 'problem.';

/** A Problem as a Say: worded from its template in whichever language the error is shown in. */
export const problemSay = (problem: { code: string; params?: object }): Say => ({ key: `${PROBLEM}${problem.code}`, ...(problem.params ? { params: problem.params as Say['params'] } : {}) });

/** A catalogue text in English: the message an error keeps for logs, journals and refusal files. */
export const englishText = (say: Say): string => word('en', say);

/** A catalogue text in the person's language (CLI lines and errors). */
export const sayText = (say: Say, language: EngineLanguage): string => word(language, say);

const sayOf = (key: string, params?: Say['params']): Say => ({ key, ...(params ? { params } : {}) });

/** An EngineError the person reads: English message from the catalogue, the key kept for the faces. */
export function engineError(code: string, key: string, params?: Say['params'], detail?: string): EngineError {
  const say = sayOf(key, params);
  return new EngineError(code, englishText(say), detail, say);
}

/** Bad input (exit 4) the CLI words in the person's --lang; its message is the English text. */
export function usageError(key: string, params?: Say['params'], shownParams?: Say['params']): UsageError {
  // shownParams: the values as the person reads them when they are worded outside the catalogue (problems in their language); the message keeps the English ones
  return new UsageError(englishText(sayOf(key, params)), sayOf(key, shownParams ?? params));
}

/** A live collection that could not be done (exit 5), worded like usageError. */
export function collectionError(key: string, params?: Say['params']): CollectionError {
  const say = sayOf(key, params);
  return new CollectionError(englishText(say), say);
}

/** What the person reads for an error: its catalogue text in their language when it has one, else its message. */
export function errorText(e: Error & { say?: Say }, language: EngineLanguage): string {
  return e.say ? sayText(e.say, language) : e.message;
}
