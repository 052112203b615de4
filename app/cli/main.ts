import { EngineError } from '../shared/engine-port';
import { CollectionError, UsageError } from '../system/errors';
import { TOOL_VERSION } from '../system/version';
import { checkAllowed, cliLanguage, flagError, langOfArgv, parse, type CliValues } from './args';
import { EXIT, type CliIo } from './io';
import { stdoutWriter } from './stdout-writer';

/**
 * Each command's module is imported when that command runs, not at start-up: `scan` never loads
 * execa, fflate or the apply engine (the bundled CLI evaluates a command's modules only when it
 * runs: esbuild turns these imports into lazy initialisers, scripts/build-cli.mjs).
 */
const COMMANDS: Record<string, (values: CliValues, rest: string[], io: CliIo) => Promise<number>> = {
  scan: async (v, _r, io) => (await import('./commands/scan')).scanCommand(v, io),
  fix: async (v, _r, io) => (await import('./commands/fix')).fixCommand(v, io),
  rollback: async (v, rest, io) => (await import('./commands/rollback')).rollbackCommand(v, rest, io),
  collect: async (v, _r, io) => (await import('./commands/collect')).collectCommand(v, io),
  report: async (v, _r, io) => (await import('./commands/report')).reportCommand(v, io),
  scripts: async (v, _r, io) => (await import('./commands/scripts')).scriptsCommand(v, io),
  silent: async (v, _r, io) => (await import('./commands/silent')).silentCommand(v, io),
  'check-pptp': async (v, _r, io) => (await import('./commands/check-pptp')).checkPptpCommand(v, io),
  'explain-log': async (v, rest, io) => (await import('./commands/explain-log')).explainLogCommand(v, rest, io),
  'apply-plan': async (v, _r, io) => (await import('./commands/apply-plan')).applyPlanCommand(v, io),
  guard: async (v, rest, io) => (await import('./commands/guard')).guardCommand(v, rest, io),
  'guard-run': async (v, _r, io) => (await import('./commands/guard')).guardRunCommand(v, io),
};

/** Runs one CLI invocation and returns its exit code; never throws, never prints a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // the person's --lang words help and errors, a flag error from an argv that does not parse too
  let language = cliLanguage(langOfArgv(argv));
  try {
    const { values, positionals } = parse(argv);
    language = cliLanguage(values.lang);
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout(`tunnelmedic ${TOOL_VERSION}\n`);
      return EXIT.healthy;
    }
    if (!command || command === 'help') {
      io.stdout(await (await import('./help')).helpText(rest[0], language));
      return command || values.help ? EXIT.healthy : EXIT.usage;
    }
    checkAllowed(command, values);
    if (values.help) {
      io.stdout(await (await import('./help')).helpText(command, language));
      return EXIT.healthy;
    }
    if (command !== 'rollback' && command !== 'explain-log' && command !== 'guard' && rest.length) throw flagError('unexpectedArgument', { argument: rest[0]! });
    if (values.lang && !['en', 'nl'].includes(values.lang)) throw flagError('unsupportedLang', { lang: values.lang });
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (run) return await run(values, rest, io);
    return EXIT.usage;
  } catch (e) {
    // an error from the engine's catalogue is worded in the person's --lang (loaded only then)
    const text = async (err: Error & { say?: unknown }) => (err.say ? (await import('../system/error-text')).errorText(err as EngineError, language) : err.message);
    if (e instanceof UsageError || e instanceof CollectionError) {
      io.stderr(`tunnelmedic: ${await text(e)}\n`);
      return e.exitCode;
    }
    if (e instanceof EngineError) {
      io.stderr(`tunnelmedic: ${await text(e)}${e.detail ? `\n  ${e.detail}` : ''}\n`);
      return EXIT.findings;
    }
    io.stderr(`tunnelmedic: unexpected error: ${(e as Error).message}\n`);
    if (io.env.TUNNELMEDIC_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return EXIT.usage;
  }
}

export function processIo(): CliIo {
  // A reader that stops early (`tunnelmedic scan --json | head`) closes the pipe: Node then reports
  // EPIPE as an unhandled stream error and the CLI died with a stack trace. What was asked of the
  // command still runs to its end (a fix must not stop between steps because its output went
  // away); only what it writes to stdout after that is dropped, and its exit code stands.
  let stdoutGone = false;
  const out = stdoutWriter(1, () => {
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      stdoutGone = true;
    });
    return process.stdout;
  });
  return {
    stdout: (t) => void (stdoutGone || out.write(t)),
    stderr: (t) => void process.stderr.write(t),
    // read when a command asks (fix, before prompting): touching process.stdin builds a stream
    // for it (a file stream when stdin is /dev/null), which `scan` never needs
    get isTTY() {
      return Boolean(process.stdin.isTTY && process.stdout.isTTY);
    },
    stdoutIsTerminal: out.isTerminal,
    env: process.env,
    confirm: async (q) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^(y|yes|j|ja)$/i.test((await rl.question(q)).trim());
      } finally {
        rl.close();
      }
    },
  };
}
