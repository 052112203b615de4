import { parseArgs } from 'node:util';
import { UsageError } from '../system/errors';

/**
 * node:util parseArgs (built in, strict: unknown flags are errors) is enough for this CLI; a
 * framework would add a dependency for what a dozen lines do.
 */
export const OPTIONS = {
  demo: { type: 'boolean' },
  capture: { type: 'string' },
  policy: { type: 'string' },
  'corp-net': { type: 'string', multiple: true },
  json: { type: 'boolean' },
  out: { type: 'string' },
  lang: { type: 'string' },
  only: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  last: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  'fail-route-call': { type: 'string' },
  sha256: { type: 'string' },
  'run-id': { type: 'string' },
  'user-sid': { type: 'string' },
  domain: { type: 'string' },
  dc: { type: 'string', multiple: true },
  server: { type: 'string' },
  port: { type: 'string' },
  redact: { type: 'boolean' },
  'server-log': { type: 'string', multiple: true },
  probe: { type: 'boolean' },
  connection: { type: 'string' },
  'no-probe': { type: 'boolean' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

type OptionName = keyof typeof OPTIONS;
type OptionSpec = { type: 'boolean' | 'string'; short?: string; multiple?: boolean };

/**
 * A flag error the person reads in their --lang: catalogue key `cli.args.<key>`. This module stays
 * free of the catalogue (it runs at every start, `--version` and `--help` included): the message is
 * the key, and main.ts words the error (errorText, which loads the catalogue) only when it prints it.
 */
export function flagError(key: string, params?: Record<string, string>): UsageError {
  return new UsageError(`cli.args.${key}`, { key: `cli.args.${key}`, ...(params ? { params } : {}) });
}

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw flagSyntaxError(argv) ?? flagError('invalid', { detail: (e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, '') });
  }
}

/**
 * Why strict parsing refused argv, as a flag error: the checks node:util's strict mode makes, in
 * its order, on the tokens of a lenient parse (its own message is English only). The English
 * texts are Node's, so an English run reads as before.
 */
function flagSyntaxError(argv: string[]): UsageError | undefined {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (!Object.hasOwn(OPTIONS, token.name)) return flagError('unknownOption', { option: token.rawName });
    const spec: OptionSpec = OPTIONS[token.name as OptionName];
    const shown = `${spec.short ? `-${spec.short}, ` : ''}--${token.name}`;
    if (spec.type === 'string' && typeof token.value !== 'string') return flagError('missingValue', { option: shown });
    if (spec.type === 'boolean' && token.value != null) return flagError('takesNoValue', { option: shown });
    // a value that looks like an option (`--out --json`): most likely a forgotten value
    if (spec.type === 'string' && !token.inlineValue && token.value!.length > 1 && token.value!.startsWith('-')) return flagError('ambiguousValue', { option: token.rawName });
  }
  return undefined;
}

/** The language of the CLI's own texts: `--lang nl` is Dutch, anything else English (main.ts refuses other values). */
export const cliLanguage = (lang: string | undefined): 'en' | 'nl' => (lang === 'nl' ? 'nl' : 'en');

/**
 * The --lang of an argv that may not parse (for its flag error): its last `--lang X` or `--lang=X`
 * before a `--`, as parseArgs would take it.
 */
export function langOfArgv(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--lang') lang = argv[++i];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  return lang;
}

const ALLOWED: Record<string, (keyof typeof OPTIONS)[]> = {
  scan: ['demo', 'capture', 'policy', 'corp-net', 'json', 'out', 'lang', 'quiet', 'verbose', 'help', 'server-log'],
  'explain-log': ['capture', 'policy', 'corp-net', 'json', 'out', 'lang', 'redact', 'quiet', 'verbose', 'help'],
  fix: ['demo', 'capture', 'policy', 'corp-net', 'json', 'lang', 'only', 'dry-run', 'yes', 'quiet', 'verbose', 'help', 'fail-route-call', 'no-probe'],
  rollback: ['demo', 'last', 'json', 'lang', 'quiet', 'verbose', 'help'],
  collect: ['out', 'quiet', 'verbose', 'lang', 'help'],
  report: ['demo', 'capture', 'policy', 'corp-net', 'out', 'redact', 'json', 'lang', 'quiet', 'verbose', 'help'],
  scripts: ['demo', 'capture', 'policy', 'corp-net', 'out', 'json', 'lang', 'quiet', 'verbose', 'help'],
  // internal: what the desktop app's --silent runs (app/main/headless.ts)
  silent: ['demo', 'capture', 'policy', 'corp-net', 'out', 'lang', 'quiet', 'verbose', 'help'],
  'check-pptp': ['demo', 'capture', 'server', 'port', 'json', 'lang', 'quiet', 'verbose', 'help'],
  guard: ['demo', 'json', 'lang', 'quiet', 'verbose', 'help'],
  // internal: what the guard task starts at each VPN connect (app/core/remedy/guard-task.ts)
  'guard-run': ['demo', 'policy', 'corp-net', 'connection', 'lang', 'quiet', 'help'],
  'apply-plan': ['demo', 'policy', 'corp-net', 'lang', 'only', 'sha256', 'run-id', 'user-sid', 'domain', 'dc', 'quiet', 'help', 'fail-route-call', 'probe'],
};

export function checkAllowed(command: string, values: CliValues): void {
  const allowed = ALLOWED[command];
  if (!allowed) throw flagError('unknownCommand', { command });
  for (const key of Object.keys(values)) {
    if (values[key as keyof CliValues] !== undefined && !allowed.includes(key as keyof typeof OPTIONS)) {
      throw flagError('notAnOptionOf', { option: `--${key}`, command });
    }
  }
}
