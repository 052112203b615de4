import { hasActionableFindings } from '../../core/diagnose';
import { pickLanguage } from '../../core/i18n';
import { buildReportZip, reportBundleFiles } from '../../core/report/report-zip';
import { RunStore } from '../../system/apply/journal';
import { usageError } from '../../system/error-text';
import { resolveInput, scanInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { runHistory } from '../../system/run-history';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { checkOutFile, writeOut } from './out-path';
import { cliWords, inputOptions, shownInput } from './shared';

/**
 * `report INPUT --out FILE.html|FILE.zip [--redact]`: the readable page, or a zip with
 * report.json, report.html and the raw capture. Exits as `scan` would.
 */
export async function reportCommand(values: CliValues, io: CliIo): Promise<number> {
  const out = values.out;
  if (!out) throw usageError('cli.report.needsOut');
  const format = /\.html?$/i.test(out) ? 'html' : /\.zip$/i.test(out) ? 'zip' : null;
  if (!format) throw usageError('cli.report.outExtension', { out });
  const words = cliWords(values);
  const kind = `${format === 'zip' ? 'Zip' : 'Html'}${values.redact ? 'Redacted' : ''}`;
  await checkOutFile(out);
  const progress = (text: string) => !values.quiet && !values.json && io.stderr(text);

  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  const shown = shownInput(input, words);
  progress(`${words('cli.report.reading', { input: shown })}\n`);
  const { report, unreadableFiles, capture } = await scanInput(input, pickLanguage(values.lang));
  for (const f of unreadableFiles) io.stderr(`tunnelmedic: ${words('cli.notUnderstood', { input: shown, file: f })}\n`);
  progress(`${words(`cli.report.building${kind}`)}\n`);
  const runs = input.target ? await runHistory(new RunStore(runsDir(options.dataDir)), pickLanguage(values.lang)) : [];
  const bundle = { report, capture, policy: input.policy, runs, redact: values.redact };
  const files = reportBundleFiles(bundle);
  const content = format === 'zip' ? buildReportZip(bundle, files) : files.find((f) => f.name === 'report.html')!.content;
  progress(`${words('cli.report.writing', { out })}\n`);
  await writeOut(out, content);
  if (values.json) io.stdout(files.find((f) => f.name === 'report.json')!.content);
  else if (!values.quiet) io.stdout(`${words(`cli.report.wrote${kind}`, { out, n: files.length })}\n`);
  return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
}

export { runHistory } from '../../system/run-history';
