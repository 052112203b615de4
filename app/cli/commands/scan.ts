import { readdir } from 'node:fs/promises';
import { hasActionableFindings } from '../../core/diagnose';
import { pickLanguage } from '../../core/i18n';
import { resolveInput, scanInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import type { CliValues } from '../args';
import { formatReport } from '../format';
import { reportJsonChunks } from '../report-json';
import { checkOutFile, writeOut } from './out-path';
import { EXIT, type CliIo } from '../io';
import { cliWords, inputOptions, inputFlags, shownInput } from './shared';

export async function scanCommand(values: CliValues, io: CliIo): Promise<number> {
  const language = pickLanguage(values.lang);
  const input = await resolveInput(inputOptions(values, io));
  const words = cliWords(values);
  const shown = shownInput(input, words);
  if (!values.quiet && !values.json) io.stderr(`${words('cli.reading', { input: shown })}\n`);
  const serverLogs = [];
  if (values['server-log']?.length) {
    // loaded only when asked for (analyse-client.ts says why)
    const [{ readServerLogFiles }, { readNotes }] = await Promise.all([import('../../system/server-log-archive'), import('../../system/server-log-notes')]);
    for (const f of values['server-log']) {
      // streamed (a tar archive: one log per file inside); verdicts land in report.serverLogs
      for (const r of await readServerLogFiles(f)) {
        // where the read stopped short, said as explain-log says it (the report's serverLogs only say `truncated`)
        for (const note of readNotes(r, words)) io.stderr(`tunnelmedic: ${note}\n`);
        serverLogs.push(r);
      }
    }
  }
  const { report, unreadableFiles } = await scanInput(input, language, serverLogs.length ? serverLogs : undefined);
  for (const f of unreadableFiles) io.stderr(`tunnelmedic: ${words('cli.notUnderstood', { input: shown, file: f })}\n`);
  if (values.out) {
    await checkOutFile(values.out);
    await writeOut(values.out, JSON.stringify(report, null, 2) + '\n');
  }
  if (input.target && !values.quiet) {
    const runs = runsDir(inputOptions(values, io).dataDir);
    // the journal and its schemas are loaded only when there are runs to look at: a machine (or
    // demo) never fixed has no runs folder, and loading them cost every start 3 ms (issue 16.2)
    if ((await readdir(runs).catch(() => [])).length) {
      const [{ interruptedRuns }, { RunStore }] = await Promise.all([import('../../system/apply/interrupted'), import('../../system/apply/journal')]);
      for (const runId of await interruptedRuns(new RunStore(runs))) {
        io.stderr(`tunnelmedic: ${words('cli.interruptedRun', { runId, command: `tunnelmedic rollback ${runId}${values.demo ? ' --demo' : ''}` })}\n`);
      }
    }
  }
  if (values.json) for (const chunk of reportJsonChunks(report, io.stdoutIsTerminal === true)) io.stdout(chunk);
  else if (!values.quiet) io.stdout(formatReport(report, shown, inputFlags(values), values.verbose));
  return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
}
