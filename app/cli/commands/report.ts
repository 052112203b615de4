import { hasActionableFindings } from '../../core/diagnose';
import { pickLanguage } from '../../core/i18n';
import { buildReportZip, reportBundleFiles } from '../../core/report/report-zip';
import { RunStore } from '../../system/apply/journal';
import { UsageError } from '../../system/errors';
import { resolveInput, scanInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { runHistory } from '../../system/run-history';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { checkOutFile, writeOut } from './out-path';
import { inputOptions } from './shared';

/**
 * `report INPUT --out FILE.html|FILE.zip [--redact]`: the readable page, or a zip with
 * report.json, report.html and the raw capture. Exits as `scan` would.
 */
export async function reportCommand(values: CliValues, io: CliIo): Promise<number> {
  const out = values.out;
  if (!out) throw new UsageError('report needs --out FILE.html or --out FILE.zip');
  const format = /\.html?$/i.test(out) ? 'html' : /\.zip$/i.test(out) ? 'zip' : null;
  if (!format) throw new UsageError(`--out ${out}: the file name must end in .html or .zip`);
  await checkOutFile(out);
  const progress = (text: string) => !values.quiet && !values.json && io.stderr(text);

  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  progress(`[1/3] Reading ${input.label}…\n`);
  const { report, unreadableFiles, capture } = await scanInput(input, pickLanguage(values.lang));
  for (const f of unreadableFiles) io.stderr(`tunnelmedic: ${input.label}/${f}: not understood (see snapshot.problems)\n`);
  progress(`[2/3] Building the ${format === 'zip' ? 'zip (report.json, report.html, capture)' : 'HTML page'}${values.redact ? ', redacted' : ''}…\n`);
  const runs = input.target ? await runHistory(new RunStore(runsDir(options.dataDir))) : [];
  const bundle = { report, capture, policy: input.policy, runs, redact: values.redact };
  const files = reportBundleFiles(bundle);
  const content = format === 'zip' ? buildReportZip(bundle, files) : files.find((f) => f.name === 'report.html')!.content;
  progress(`[3/3] Writing ${out}…\n`);
  await writeOut(out, content);
  if (values.json) io.stdout(files.find((f) => f.name === 'report.json')!.content);
  else if (!values.quiet) io.stdout(`Wrote ${out} (${format === 'zip' ? `${files.length} files` : 'HTML'}${values.redact ? ', redacted' : ''}).\n`);
  return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
}

export { runHistory } from '../../system/run-history';
