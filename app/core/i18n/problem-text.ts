import en from './en.json';
import nl from './nl.json';
import type { EngineLanguage } from './index';

/**
 * The words of a Problem (input not understood): one template table per language under `problem`
 * in en.json / nl.json. A parser names its template (`code`) and the values (`params`); the English
 * `message` the report JSON carries and every translation are filled from those same templates, so
 * the two cannot drift. Filled here, not by i18next: the values are pieces of untrusted input (a
 * line of a pasted file), which i18next would scan again for `{{…}}` and `$t(…)`.
 */
type Templates = typeof en.problem;
export type ProblemCode = { [F in keyof Templates]: `${F & string}.${keyof Templates[F] & string}` }[keyof Templates];
export type ProblemValue = string | number;
/** A text of its own inside another (why a registry value could not be read): translated along with it. */
export interface ProblemPart {
  code: ProblemCode;
  params?: Record<string, ProblemValue>;
}
export type ProblemParams = Record<string, ProblemValue | ProblemPart>;
/** params as a report read back holds them: its codes are plain strings (another version may have written them) */
type StoredParams = Record<string, ProblemValue | { code: string; params?: Record<string, ProblemValue> }>;

// read when a text is asked for, not at load: the built CLI parses a catalogue's section on first
// touch (nl.json whole), which cost every start 4 ms here while most scans have no problem to word
// (issue 16.2)
const TEMPLATES: Record<EngineLanguage, () => Templates> = { en: () => en.problem, nl: () => nl.problem };
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The template of `code` in `language` filled with `params`; undefined for a code no table has (a report written by another version). */
export function problemText(code: string, params: StoredParams | undefined, language: EngineLanguage = 'en'): string | undefined {
  const dot = code.indexOf('.');
  const family = (TEMPLATES[language]() as Record<string, Record<string, unknown> | undefined>)[code.slice(0, dot)];
  const template = dot > 0 && family && Object.prototype.hasOwnProperty.call(family, code.slice(dot + 1)) ? family[code.slice(dot + 1)] : undefined;
  return typeof template === 'string' ? filled(template, params, language) : undefined;
}

/** A template's {{slots}} filled with `params`; a value missing from params stays visible as its placeholder (the completeness test looks for those). */
function filled(template: string, params: StoredParams | undefined, language: EngineLanguage): string {
  return template.includes('{{') ? template.replace(PLACEHOLDER, (slot, name: string) => (params && Object.prototype.hasOwnProperty.call(params, name) ? shown(params[name]!, language) : slot)) : template;
}

/**
 * A note on a VPN profile setting read with doubt (`profileNote` in en.json / nl.json): filled as a
 * problem is, since its values are pieces of the capture.
 */
export type ProfileNoteCode = keyof typeof en.profileNote;
const NOTES: Record<EngineLanguage, () => Record<ProfileNoteCode, string>> = { en: () => en.profileNote, nl: () => nl.profileNote };
export const profileNoteText = (code: ProfileNoteCode, params: ProblemParams, language: EngineLanguage = 'en'): string => filled(NOTES[language]()[code], params, language);

function shown(value: StoredParams[string], language: EngineLanguage): string {
  return typeof value === 'object' ? (problemText(value.code, value.params, language) ?? value.code) : String(value);
}

/** What a problem says in the reader's language: its template when it has a code this version knows, else its (English) message. */
export function problemMessage(problem: { message: string; code?: string; params?: StoredParams }, language: EngineLanguage): string {
  return (problem.code !== undefined ? problemText(problem.code, problem.params, language) : undefined) ?? problem.message;
}
