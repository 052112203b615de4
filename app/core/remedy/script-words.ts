import type { TFunction } from 'i18next';
import { engineT } from '../i18n';
import { batLiteral, cmdLiteral, psDoubleQuotedLiteral } from './escape';

/**
 * What a generated script says on its own (progress, "all steps done", why it stopped), in the
 * report's language: a Dutch report came with Dutch titles and step labels but English messages
 * around them. Each message is a template from the engine catalogue (`script.msg.*`) with named
 * slots; a renderer fills a slot with its own script text (a number, `%TM_STEP%`, `$Step`), never
 * with translated text, and escapes the translated parts for its shell. The catalogue keeps these
 * texts printable ASCII in every language (test/script-words.test.ts): cmd.exe reads a .cmd in the
 * OEM code page and COMMAND.COM has no other, so an accent would be garbled there.
 */

export const SCRIPT_MESSAGES = [
  'allDone',
  'stepFailed',
  'routeNotShown',
  'stepNotShownNt4',
  'fileNotAsReviewedNt4',
  'companionMissingNt4',
  'stepNoEffect9x',
  'toolsMissing9x',
  'stepNotShownPs1',
  'keyNotFound',
  'fileAppeared',
  'fileChanged',
  'companionMissing',
  'fcFailed',
  'backupFailed',
  'nbtstatFailed',
  'taskNotCreated',
  'taskStillThere',
] as const;
export type ScriptMessage = (typeof SCRIPT_MESSAGES)[number];

/** A message as literal text and named slots, in order. */
export type Template = readonly (string | { slot: string })[];

export interface ScriptWords {
  messages: Readonly<Record<ScriptMessage, Template>>;
  /** the rollback script's title after "TunnelMedic: ", e.g. "undo route.vpn-default-route-wins" */
  undoTitle(id: string): string;
  /**
   * An undo step's label from the step it undoes: what t('fix.step.undo', { step }) gives, from a
   * template read once per language (a fix with 64 networks has 64 undo steps per script, and an
   * i18next call each was a quarter of rendering the scripts).
   */
  undoStep(label: string): string;
}

// a slot travels through i18next as this marker (control characters: never in a catalogue text)
const SLOT = /\u0001(\w+)\u0002/g;
const SLOT_NAMES = ['total', 'step', 'want', 'destination', 'netmask', 'gateway', 'file', 'route', 'find', 'key', 'task'] as const;
const MARKERS = Object.fromEntries(SLOT_NAMES.map((n) => [n, `\u0001${n}\u0002`]));

export function templateOf(text: string): Template {
  const parts: (string | { slot: string })[] = [];
  let from = 0;
  for (const m of text.matchAll(SLOT)) {
    if (m.index > from) parts.push(text.slice(from, m.index));
    parts.push({ slot: m[1]! });
    from = m.index + m[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}

const cache = new WeakMap<TFunction, ScriptWords>();

/** The script messages in `t`'s language. */
export function scriptWords(t: TFunction): ScriptWords {
  let words = cache.get(t);
  if (!words) {
    const messages = Object.fromEntries(SCRIPT_MESSAGES.map((k) => [k, templateOf(t(`script.msg.${k}`, MARKERS))])) as Record<ScriptMessage, Template>;
    const undoStep = templateOf(t('fix.step.undo', MARKERS));
    words = { messages, undoTitle: (id) => t('script.msg.undoTitle', { id }), undoStep: (label) => fillTemplate(undoStep, { step: label }, (l) => l) };
    cache.set(t, words);
  }
  return words;
}

/** English: what a script says when no language is given (the CLI's and the scripts command's default). */
export const englishScriptWords = (): ScriptWords => scriptWords(engineT('en'));

/**
 * `template` with each slot replaced by the renderer's own text for it (`slots`, inserted as they
 * are) and each translated part passed through `escape`. A slot the renderer does not fill is an
 * error: a translation that names a slot this script has no value for must not render as empty.
 */
export function fillTemplate(template: Template, slots: Readonly<Record<string, string>>, escape: (literal: string) => string): string {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') out += escape(part);
    else {
      const value = slots[part.slot];
      if (value === undefined) throw new Error(`script message slot {{${part.slot}}} has no value here`);
      out += value;
    }
  }
  return out;
}

const PREFIX = 'TunnelMedic: ';

/** The message for a .cmd `echo` (cmd.exe, NT 4.0's too): slots are the script's own text (`%TM_STEP%`, a number). */
export function cmdMessage(words: ScriptWords, key: ScriptMessage, slots: Readonly<Record<string, string>> = {}, inBlock = false): string {
  return PREFIX + fillTemplate(words.messages[key], slots, (l) => cmdLiteral(l, inBlock));
}

/**
 * Longest COMMAND.COM message: its command line holds at most 127 characters after %windir% is
 * expanded (script-constructs.ts [LINE]); the English ones are at most 96.
 */
const BAT_MESSAGE_MAX = 100;

/** The message for a COMMAND.COM `echo`; a translation too long for its line is said in English (which fits). */
export function batMessage(words: ScriptWords, key: ScriptMessage, slots: Readonly<Record<string, string>> = {}): string {
  const text = PREFIX + fillTemplate(words.messages[key], slots, batLiteral);
  return text.length <= BAT_MESSAGE_MAX ? text : PREFIX + fillTemplate(englishScriptWords().messages[key], slots, batLiteral);
}

/** The message as a PowerShell double-quoted string: slots are the script's own variables (`$Step`). */
export function psExpandedMessage(words: ScriptWords, key: ScriptMessage, slots: Readonly<Record<string, string>> = {}): string {
  return `"${PREFIX}${fillTemplate(words.messages[key], slots, psDoubleQuotedLiteral)}"`;
}

/** The message as plain text (slots: text, e.g. a task name), for a PowerShell single-quoted string (psQuote). */
export function plainMessage(words: ScriptWords, key: ScriptMessage, slots: Readonly<Record<string, string>> = {}): string {
  return PREFIX + fillTemplate(words.messages[key], slots, (l) => l);
}
