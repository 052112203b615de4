import { engineT, type EngineLanguage } from '../core/i18n';
import { EngineError, type Say } from '../shared/engine-port';

/** A catalogue text in English: the message an error keeps for logs, journals and refusal files. */
export const englishText = (say: Say): string => engineT('en')(say.key, say.params);

/** An EngineError the person reads: English message from the catalogue, the key kept for the faces. */
export function engineError(code: string, key: string, params?: Say['params'], detail?: string): EngineError {
  const say = { key, ...(params ? { params } : {}) };
  return new EngineError(code, englishText(say), detail, say);
}

/** What the person reads for an error: its catalogue text in their language when it has one, else its message. */
export function errorText(e: Error & { say?: Say }, language: EngineLanguage): string {
  return e.say ? engineT(language)(e.say.key, e.say.params) : e.message;
}
