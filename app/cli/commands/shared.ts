import { flagError } from '../args';
import { pickLanguage } from '../../core/i18n';
import type { Say } from '../../shared/engine-port';
import { sayText } from '../../system/error-text';
import type { InputOptions, ResolvedInput } from '../../system/input';
import { dataDir } from '../../system/paths';
import type { CliValues } from '../args';
import type { CliIo } from '../io';

export function inputOptions(values: CliValues, io: CliIo): InputOptions {
  const fail = values['fail-route-call'];
  if (fail !== undefined && !/^\d+(,\d+)*$/.test(fail)) throw flagError('failRouteCall', { value: fail });
  return {
    demo: values.demo,
    capture: values.capture,
    policy: values.policy,
    corpNets: values['corp-net'],
    language: pickLanguage(values.lang),
    // this machine (elevated on Windows): never the environment's TUNNELMEDIC_DATA_DIR (paths.ts)
    dataDir: dataDir({ live: !values.demo && values.capture === undefined, env: io.env }),
    failRouteCalls: fail ? fail.split(',').map(Number) : undefined,
  };
}

/** The INPUT flags as given, to print follow-up commands the person can copy. */
export function inputFlags(values: CliValues): string {
  const parts: string[] = [];
  if (values.demo) parts.push('--demo');
  if (values.capture) parts.push(`--capture ${quote(values.capture)}`);
  if (values.policy) parts.push(`--policy ${quote(values.policy)}`);
  for (const c of values['corp-net'] ?? []) parts.push(`--corp-net ${c}`);
  return parts.join(' ');
}

const quote = (s: string) => (/^[\w./:\\-]+$/.test(s) ? s : `"${s.replace(/"/g, '\\"')}"`);

export type CliWords = (key: string, params?: Say['params']) => string;

/** The CLI's lines in the person's --lang: catalogue keys under `cli.` (app/core/i18n). */
export function cliWords(values: CliValues): CliWords {
  const language = pickLanguage(values.lang);
  return (key, params) => sayText({ key, ...(params ? { params } : {}) }, language);
}

/** The input as the person reads it: "demo machine" and "this computer" in their language, a capture by its folder. */
export function shownInput(input: ResolvedInput, words: CliWords): string {
  if (input.source === 'demo') return words('cli.input.demo');
  if (input.source === 'live') return words('cli.input.live');
  return input.label;
}
