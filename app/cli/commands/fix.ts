import { hasActionableFindings } from '../../core/diagnose';
import { pickLanguage } from '../../core/i18n';
import { findingIdOfFix, type Fix, type Report } from '../../core/model/report';
import { unattendedRefusalText } from '../../core/model/unattended';
import { probeTargets } from '../../core/probe/reachability';
import { applyFixes } from '../../system/apply/apply';
import { fixApprovalDigest } from '../../system/apply/approval';
import { elevatedExecutor } from '../../system/apply/elevate';
import { createExecaRunner } from '../../system/run';
import { RunStore } from '../../system/apply/journal';
import { usageError } from '../../system/error-text';
import { resolveInput, scanInput } from '../../system/input';
import { runsDir } from '../../system/paths';
import { TOOL_VERSION } from '../../system/version';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { cliWords, inputOptions, type CliWords } from './shared';

export async function fixCommand(values: CliValues, io: CliIo): Promise<number> {
  const language = pickLanguage(values.lang);
  const options = inputOptions(values, io);
  const input = await resolveInput(options);
  const { report } = await scanInput(input, language);
  const scanExit = hasActionableFindings(report.findings) ? EXIT.findings : EXIT.healthy;
  const words = cliWords(values);
  const fixes = selectFixes(report, values.only);
  const say = (text: string) => !values.quiet && io.stderr(text);

  if (values['dry-run']) {
    io.stdout(fixes.length ? fixes.map((f) => dryRunText(f, words)).join('\n') : `${words('cli.fix.nothingToFix')}\n`);
    return scanExit;
  }
  if (!input.target) throw usageError('cli.fix.captureReadOnly', { input: input.label });
  if (fixes.length === 0) {
    say(`${words('cli.fix.nothingToFix')}\n`);
    return scanExit;
  }

  let chosen = fixes;
  if (!values.yes) {
    if (!io.isTTY) {
      say(`${words('cli.fix.notInteractive')}\n`);
      return EXIT.findings;
    }
    io.stdout(fixes.map((f) => `${f.title} [${f.id}]\n${f.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\n  ${words('cli.fix.planDigest', { digest: fixApprovalDigest(f) })}\n`).join('\n'));
    if (!(await io.confirm(words('cli.fix.confirm')))) {
      say(`${words('cli.fix.nothingChanged')}\n`);
      return scanExit;
    }
  } else if (!io.isTTY) {
    // Unattended: only what the policy allows, within its maxRisk (DESIGN.md); without a policy, nothing.
    chosen = fixes.filter((f) => {
      const refusal = unattendedRefusalText(f, findingIdOfFix(f.id), input.policy, input.corporateNetworks);
      if (refusal) say(`${words('cli.fix.skipped', { why: refusal, fixId: f.id })}\n`);
      return !refusal;
    });
    if (chosen.length === 0) return scanExit;
  }

  const store = new RunStore(runsDir(options.dataDir));
  // Reachability before/after (issue 15.1): on this machine only; a person's --yes covers it unless
  // --no-probe; an unattended run only when the policy says probes may run without a person.
  const probe = input.source === 'live' && !values['no-probe'] && (io.isTTY || input.policy?.probes?.unattended === true);
  if (probe) say(`${words('cli.fix.probe', { targets: probeTargets(report.snapshot, input.policy).map((t) => (t.kind === 'http' ? t.url : `${t.host}:${t.port}`)).join(', ') })}\n`);
  const result = await applyFixes(
    {
      target: input.target,
      store,
      analyse: { corporateNetworks: input.corporateNetworks, policy: input.policy, language, toolVersion: TOOL_VERSION },
      onProgress: (p) => say(`[${p.phase}${p.total ? ` ${p.step}/${p.total}` : ''}] ${p.label}\n`),
      // On this Windows machine the changes run in an elevated instance behind the UAC prompt.
      execute: input.source === 'live' ? elevatedExecutor({ runner: createExecaRunner(), self: cliSelf(), store, probe, inputs: { policyFile: values.policy, corporateNetworks: input.corporateNetworks, language } }) : undefined,
    },
    report,
    chosen.map((f) => f.id),
  );
  if (values.json) io.stdout(JSON.stringify(result.report, null, 2) + '\n');
  else {
    io.stdout(`${result.message}\n${words('cli.fix.run', { runId: result.runId, journal: String(result.journalPath) })}\n`);
    if (result.verified) io.stdout(`${words('cli.fix.undoWith', { command: `tunnelmedic rollback ${result.runId}${values.demo ? ' --demo' : ''}` })}\n`);
  }
  if ((result as { rollbackFailed?: boolean }).rollbackFailed) return EXIT.rollbackFailed;
  if (!result.verified) return EXIT.rolledBack;
  return result.remaining.length ? EXIT.findings : EXIT.healthy;
}

/**
 * A finding's fixes are alternatives ("until reconnect" vs "for good"): a finding id picks its
 * first fix, a fix id picks exactly that one; two fixes of one finding never run together.
 */
function selectFixes(report: Report, only: string | undefined): Fix[] {
  const all = report.findings.flatMap((f) => f.fixes.map((fix, i) => ({ finding: f.id, fix, first: i === 0 })));
  if (!only) return all.filter((x) => x.first).map((x) => x.fix);
  const wanted = only.split(',').map((s) => s.trim()).filter(Boolean);
  const byFinding = new Map<string, Fix>();
  for (const x of all) {
    if (wanted.includes(x.fix.id)) byFinding.set(x.finding, x.fix);
    else if (wanted.includes(x.finding) && x.first && !byFinding.has(x.finding)) byFinding.set(x.finding, x.fix);
  }
  const picked = [...byFinding.values()];
  const unknown = wanted.filter((w) => !all.some((x) => x.finding === w || x.fix.id === w));
  if (unknown.length) throw usageError('cli.fix.unknownOnly', { ids: unknown.join(', '), offered: all.map((x) => x.fix.id).join(', ') || { key: 'cli.none' } });
  return picked;
}

function dryRunText(fix: Fix, words: CliWords): string {
  // a Windows 9x capture's scripts are .bat files for COMMAND.COM (script-dialect.ts)
  const ext = fix.script.dialect === 'command-com' ? 'bat' : 'cmd';
  return [
    `REM ===== ${fix.id}: ${fix.title} =====`,
    ...fix.steps.map((s) => `REM   ${s}`),
    ...(fix.actions.some((a) => a.kind === 'file.replace') ? [`REM   ${words('cli.fix.companionFiles')}`] : []),
    ...(fix.script.ps1Unavailable ? [`REM   ${fix.script.ps1Unavailable}`] : []),
    `REM ----- fix.${ext} -----`,
    fix.script.cmd.trimEnd(),
    `REM ----- rollback.${ext} -----`,
    fix.script.rollbackCmd.trimEnd(),
    '',
  ].join('\n');
}

/** This CLI as a program to start again elevated: node and the script it was started with. */
function cliSelf(): { file: string; args: string[] } {
  return { file: process.execPath, args: process.argv[1] ? [process.argv[1]] : [] };
}
