import type { TFunction } from 'i18next';

/**
 * The engine's TFunction with its plain texts compiled once: a text whose only markup is
 * `{{name}}` placeholders is cut into literal parts the first time it is asked for, and later
 * calls join the parts with the values. i18next's own t costs ≈ 6 µs and 6 KiB of garbage per call
 * (option copies, key parsing, two interpolation passes, a nesting pass); a diagnosis of 64
 * corporate networks asks for ≈ 700 texts (a decision, a step label and its undo label per
 * network), so this was the largest per-network cost.
 *
 * Same words as i18next, always: everything else goes to i18next itself — plurals and contexts
 * (`count`, `context` and i18next's other option names), `{{-raw}}`, `{{value, format}}`, nested
 * paths, `$t(…)` nesting, a missing or non-text value, a value that holds `{{` or `$t(` (i18next
 * would then replace or skip differently) —, and each compiled text is checked against i18next's
 * answer on its first use (a mismatch sends that key to i18next for good). A key's first use is
 * i18next's alone, its second compiles and checks (issue 16.2: a scan asks for most texts once).
 */
export function compiledT(t: TFunction): TFunction {
  const known = compiled.get(t);
  if (known) return known;
  const templates = new Map<string, Template | null>();
  const i18next = t as unknown as (...args: unknown[]) => unknown;
  const fast = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (args.length > 2 || typeof key !== 'string' || !isPlainOptions(options)) return i18next(...args);
    let template = templates.get(key);
    if (template === null) return t(key, options as never);
    if (template === undefined) {
      // first use: i18next answers (one call), compiling would take two (the raw text, the check);
      // a text asked for once — most of a scan's — never pays for a compiled form
      templates.set(key, SEEN_ONCE);
      return t(key, options as never);
    }
    if (template === SEEN_ONCE) {
      template = compile(t(key, { skipInterpolation: true } as never) as unknown);
      templates.set(key, template);
      if (!template) return t(key, options as never);
    }
    const text = fill(template, options);
    if (text === undefined) return t(key, options as never);
    if (!template.verified) {
      const theirs = t(key, options as never) as unknown;
      if (theirs !== text) {
        templates.set(key, null);
        return theirs;
      }
      template.verified = true;
    }
    return text;
  };
  const result = fast as unknown as TFunction;
  compiled.set(t, result);
  return result;
}

interface Template {
  /** literal text around the placeholders: parts.length === names.length + 1 */
  parts: string[];
  names: string[];
  verified: boolean;
}

const compiled = new WeakMap<TFunction, TFunction>();
/** a key asked for once: compiled on its second use */
const SEEN_ONCE: Template = Object.freeze({ parts: [], names: [], verified: false }) as Template;

/** Option names i18next reads itself: a placeholder or value under one of these names is i18next's business. */
const I18NEXT_OPTIONS = new Set([
  'count', 'context', 'ordinal', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'interpolation', 'postProcess', 'returnObjects', 'returnDetails',
  'returnNull', 'returnEmptyString', 'joinArrays', 'skipInterpolation', 'nest', 'keySeparator', 'nsSeparator', 'fallbackLng', 'appendNamespaceToCIMode',
]);

const PLACEHOLDER = /\{\{(.+?)\}\}/g;
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function compile(raw: unknown): Template | null {
  if (typeof raw !== 'string' || raw.includes('$t(')) return null;
  const parts: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of raw.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (!PLAIN_NAME.test(name) || I18NEXT_OPTIONS.has(name) || names.includes(name)) return null;
    parts.push(raw.slice(last, match.index));
    names.push(name);
    last = match.index! + match[0].length;
  }
  parts.push(raw.slice(last));
  return { parts, names, verified: false };
}

function isPlainOptions(options: unknown): boolean {
  return options === undefined || (typeof options === 'object' && options !== null && Object.getPrototypeOf(options) === Object.prototype);
}

/** The text with its values in, or undefined when the options are not exactly the placeholders' plain values. */
function fill(template: Template, options: unknown): string | undefined {
  const values = (options ?? {}) as Record<string, unknown>;
  let given = 0;
  for (const name in values) {
    if (!Object.prototype.hasOwnProperty.call(values, name)) return undefined;
    if (!template.names.includes(name)) return undefined;
    given++;
  }
  if (given !== template.names.length) return undefined;
  let text = template.parts[0]!;
  for (let i = 0; i < template.names.length; i++) {
    const value = values[template.names[i]!];
    let shown: string;
    if (typeof value === 'string') {
      if (value.includes('{{') || value.includes('$t(')) return undefined;
      shown = value;
    } else if (typeof value === 'number') shown = String(value);
    else return undefined;
    text += shown + template.parts[i + 1]!;
  }
  return text;
}
