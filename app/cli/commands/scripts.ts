import { join } from 'node:path';
import { hasActionableFindings } from '../../core/diagnose';
import { fleetFiles } from '../../core/fleet/bundle';
import { engineT, pickLanguage } from '../../core/i18n';
import { ps1Absence } from '../../core/remedy/script-dialect';
import { usageError } from '../../system/error-text';
import { resolveInput, scanInput } from '../../system/input';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { ensureOutDir, writeOut } from './out-path';
import { cliWords, inputOptions, shownInput } from './shared';

/**
 * `scripts INPUT --out DIR`: fix/rollback .cmd and .ps1, the Intune pair and README.txt for the
 * scan's findings (app/core/fleet/bundle.ts says what is in them). Exits as `scan` would.
 */
export async function scriptsCommand(values: CliValues, io: CliIo): Promise<number> {
  const out = values.out;
  if (!out) throw usageError('cli.scripts.needsOut');
  const words = cliWords(values);
  const progress = (text: string) => !values.quiet && !values.json && io.stderr(text);
  const input = await resolveInput(inputOptions(values, io));
  const shown = shownInput(input, words);
  progress(`${words('cli.reading', { input: shown })}\n`);
  const language = pickLanguage(values.lang);
  const { report, unreadableFiles } = await scanInput(input, language);
  for (const f of unreadableFiles) io.stderr(`tunnelmedic: ${words('cli.notUnderstood', { input: shown, file: f })}\n`);
  await ensureOutDir(out);
  // the machine as the person reads it ("de demo-pc" in Dutch), in the titles and README.txt
  const files = fleetFiles(report, { corporateNetworks: input.corporateNetworks, madeFrom: shown, toolVersion: TOOL_VERSION });
  files.forEach((f, i) => progress(`[${i + 1}/${files.length}] ${f.name}\n`));
  for (const f of files) {
    // Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: give it the BOM.
    await writeOut(join(out, ...f.name.split('/')), f.name.endsWith('.ps1') && typeof f.content === 'string' ? `\uFEFF${f.content}` : f.content);
  }
  // issue 11.6: fix.ps1 is not written for a Windows that cannot run it; say so instead of leaving it out silently
  const noPs1 = ps1Absence(report.snapshot.os);
  const ps1NotOffered = noPs1 ? engineT(language)(`script.ps1Absent.${noPs1}`) : undefined;
  if (values.json) io.stdout(JSON.stringify({ out, files: files.map((f) => f.name), findings: report.findings.map((f) => f.id), ...(ps1NotOffered ? { ps1NotOffered } : {}) }, null, 2) + '\n');
  else if (!values.quiet) io.stdout(`${words('cli.wroteFiles', { n: files.length, out })}\n${ps1NotOffered ? `${ps1NotOffered}\n` : ''}`);
  return hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
}
