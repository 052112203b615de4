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

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
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
  if (!allowed) throw new UsageError(`Unknown command "${command}". Run \`tunnelmedic --help\`.`);
  for (const key of Object.keys(values)) {
    if (values[key as keyof CliValues] !== undefined && !allowed.includes(key as keyof typeof OPTIONS)) {
      throw new UsageError(`--${key} is not an option of \`tunnelmedic ${command}\`. Run \`tunnelmedic ${command} --help\`.`);
    }
  }
}
