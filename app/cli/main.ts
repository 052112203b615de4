import { createInterface } from 'node:readline/promises';
import { EngineError } from '../shared/engine-port';
import { CollectionError, UsageError } from '../system/errors';
import { TOOL_VERSION } from '../system/version';
import { checkAllowed, parse } from './args';
import { applyPlanCommand } from './commands/apply-plan';
import { checkPptpCommand } from './commands/check-pptp';
import { collectCommand } from './commands/collect';
import { explainLogCommand } from './commands/explain-log';
import { fixCommand } from './commands/fix';
import { reportCommand } from './commands/report';
import { rollbackCommand } from './commands/rollback';
import { scanCommand } from './commands/scan';
import { scriptsCommand } from './commands/scripts';
import { silentCommand } from './commands/silent';
import { USAGE } from './help';
import { EXIT, type CliIo } from './io';

/** Runs one CLI invocation and returns its exit code; never throws, never prints a stack trace. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout(`tunnelmedic ${TOOL_VERSION}\n`);
      return EXIT.healthy;
    }
    if (!command || command === 'help') {
      io.stdout(USAGE[rest[0] ?? 'main'] ?? USAGE.main!);
      return command || values.help ? EXIT.healthy : EXIT.usage;
    }
    checkAllowed(command, values);
    if (values.help) {
      io.stdout(USAGE[command] ?? USAGE.main!);
      return EXIT.healthy;
    }
    if (command !== 'rollback' && command !== 'explain-log' && rest.length) throw new UsageError(`Unexpected argument "${rest[0]}".`);
    if (values.lang && !['en', 'nl'].includes(values.lang)) throw new UsageError(`--lang ${values.lang}: supported are en, nl`);
    switch (command) {
      case 'scan':
        return await scanCommand(values, io);
      case 'fix':
        return await fixCommand(values, io);
      case 'rollback':
        return await rollbackCommand(values, rest, io);
      case 'collect':
        return await collectCommand(values, io);
      case 'report':
        return await reportCommand(values, io);
      case 'scripts':
        return await scriptsCommand(values, io);
      case 'silent':
        return await silentCommand(values, io);
      case 'check-pptp':
        return await checkPptpCommand(values, io);
      case 'explain-log':
        return await explainLogCommand(values, rest, io);
      case 'apply-plan':
        return await applyPlanCommand(values, io);
    }
    return EXIT.usage;
  } catch (e) {
    if (e instanceof UsageError || e instanceof CollectionError) {
      io.stderr(`tunnelmedic: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof EngineError) {
      io.stderr(`tunnelmedic: ${e.message}${e.detail ? `\n  ${e.detail}` : ''}\n`);
      return EXIT.findings;
    }
    io.stderr(`tunnelmedic: unexpected error: ${(e as Error).message}\n`);
    if (io.env.TUNNELMEDIC_DEBUG) io.stderr(`${(e as Error).stack}\n`);
    return EXIT.usage;
  }
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    env: process.env,
    confirm: async (q) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^(y|yes|j|ja)$/i.test((await rl.question(q)).trim());
      } finally {
        rl.close();
      }
    },
  };
}
