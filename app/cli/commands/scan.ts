import { hasActionableFindings } from '../../core/diagnose';
import { pickLanguage } from '../../core/i18n';
import { interruptedRuns } from '../../system/apply/interrupted';
import { RunStore } from '../../system/apply/journal';
import { resolveInput, scanInput } from '../../system/input';
import { readServerLogFile } from '../../system/server-log-file';
import { runsDir } from '../../system/paths';
import type { CliValues } from '../args';
import { formatReport } from '../format';
import { reportJsonChunks } from '../report-json';
import { checkOutFile, writeOut } from './out-path';
import { EXIT, type CliIo } from '../io';
import { inputOptions, inputFlags } from './shared';

export async function scanCommand(values: CliValues, io: CliIo): Promise<number> {
  const language = pickLanguage(values.lang);
  const input = await resolveInput(inputOptions(values, io));
  if (!values.quiet && !values.json) io.stderr(`Reading ${input.label}…\n`);
  const serverLogs = [];
  for (const f of values['server-log'] ?? []) serverLogs.push(await readServerLogFile(f)); // streamed; verdicts land in report.serverLogs
  const { report, unreadableFiles } = await scanInput(input, language, serverLogs.length ? serverLogs : undefined);
  for (const f of unreadableFiles) io.stderr(`tunnelmedic: ${input.label}/${f}: not understood (see snapshot.problems)\n`);
  if (values.out) {
    await checkOutFile(values.out);
    await writeOut(values.out, JSON.stringify(report, null, 2) + '\n');
  }
  if (input.target && !values.quiet) {
    const dataDir = inputOptions(values, io).dataDir;
    for (const runId of await interruptedRuns(new RunStore(runsDir(dataDir)))) {
      io.stderr(`tunnelmedic: run ${runId} was interrupted before it finished. Undo it with: tunnelmedic rollback ${runId}${values.demo ? ' --demo' : ''}\n`);
    }
  }
  if (values.json) for (const chunk of reportJsonChunks(report, io.stdoutIsTerminal === true)) io.stdout(chunk);
  else if (!values.quiet) io.stdout(formatReport(report, input.label, inputFlags(values), values.verbose));
  return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
}
