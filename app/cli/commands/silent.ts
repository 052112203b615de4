import { silentFixArgs, silentScanArgs } from '../../main/headless';
import { ReportSchema } from '../../core/model/report';
import { resolveInput } from '../../system/input';
import { parse, type CliValues } from '../args';
import type { CliIo } from '../io';
import { fixCommand } from './fix';
import { checkOutFile, writeOut } from './out-path';
import { scanCommand } from './scan';
import { cliWords, inputOptions, shownInput } from './shared';

/**
 * The desktop app's `--silent` (internal command `silent`): scan; with a policy whose
 * unattended.allow lists findings that have fixes, `fix --yes --only <those>`; write the newest
 * report JSON to --out; exit with the code of the last step, as the CLI would.
 */
export async function silentCommand(values: CliValues, io: CliIo): Promise<number> {
  if (values.out) await checkOutFile(values.out);
  const say = (text: string) => !values.quiet && io.stderr(text);
  const words = cliWords(values);
  // Reads and validates the policy first: a bad policy is exit 4 before anything runs.
  const input = await resolveInput(inputOptions(values, io));

  say(`[silent] scan ${shownInput(input, words)}\n`);
  const scan = await captured(silentScanArgs(values), io, scanCommand);
  let code = scan.code;
  let reportJson = scan.stdout;
  const fixArgs = silentFixArgs(values, ReportSchema.parse(JSON.parse(scan.stdout)), input.policy, (id, _english, why) => say(`[silent] ${words('cli.silent.skipped', { why, fixId: id })}\n`));
  if (fixArgs && code !== 0) {
    say(`[silent] ${fixArgs.join(' ')}\n`);
    const fix = await captured(fixArgs, io, fixCommand);
    code = fix.code;
    if (fix.stdout.trim().startsWith('{')) reportJson = fix.stdout;
  }
  if (values.out) await writeOut(values.out, reportJson);
  say(`[silent] ${words('cli.silent.exit', { code })}\n`);
  return code;
}

async function captured(argv: string[], io: CliIo, command: (v: CliValues, io: CliIo) => Promise<number>): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const values = parse(argv).values;
  const code = await command(values, { ...io, stdout: (t) => void (stdout += t) });
  return { code, stdout };
}
