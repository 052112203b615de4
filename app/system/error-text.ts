import type { TFunction } from 'i18next';
import { engineT, type EngineLanguage } from '../core/i18n';
import { EngineError, type Say } from '../shared/engine-port';
import { CollectionError, UsageError } from './errors';

/** A Say worded with t: its nested Says (a reason, a label) first, in the same language. */
function word(t: TFunction, say: Say): string {
  if (!say.params) return t(say.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(say.params)) params[name] = Array.isArray(value) ? value.map((v) => word(t, v)).join('\n  ') : typeof value === 'object' ? word(t, value) : value;
  return t(say.key, params);
}

/** A catalogue text in English: the message an error keeps for logs, journals and refusal files. */
export const englishText = (say: Say): string => word(engineT('en'), say);

/** A catalogue text in the person's language (CLI lines and errors). */
export const sayText = (say: Say, language: EngineLanguage): string => word(engineT(language), say);

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
