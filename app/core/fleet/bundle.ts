import type { TFunction } from 'i18next';
import { maskBitCount } from '../parse/ipv4-dotted';
import { isRouteAction, type Action } from '../remedy/actions';
import { renderBat9x } from '../remedy/render-bat-9x';
import { renderCmd, type ScriptSpec, type ScriptStep } from '../remedy/render-cmd';
import { renderCmdNt4 } from '../remedy/render-cmd-nt4';
import { renderPs1 } from '../remedy/render-ps1';
import { scriptCompanions } from '../remedy/render-registry';
import { ps1Absence, scriptDialectOf, scriptExtension } from '../remedy/script-dialect';
import { scriptMachineOf, type ScriptMachine } from '../remedy/script-machine';
import { scriptWords, type ScriptWords } from '../remedy/script-words';
import { engineT, pickLanguage } from '../i18n';
import type { Fix, Report } from '../model/report';
import { corporateNetwork, decideDefaultRoute, machineRoutesFromSnapshot, type CorporateNetwork } from './default-route';
import { renderIntuneDetect, renderIntuneRemediate } from './intune-ps1';

export interface FleetFile {
  name: string;
  /** bytes for the companion files of file edits (written in the file's own encoding) */
  content: string | Uint8Array;
}

export interface FleetOptions {
  /** the scan's corporate networks (policy + --corp-net) */
  corporateNetworks: readonly string[];
  /** "demo machine", a capture directory, "this computer" */
  madeFrom: string;
  toolVersion: string;
}

/**
 * `tunnelmedic scripts --out DIR`: the scan's fixes as fix/rollback .cmd and .ps1, the Intune pair
 * and README.txt.
 *
 * fix.cmd holds the first fix of every finding, in report order, as ONE script that stops at the
 * first failed step; rollback.cmd undoes all of them, newest step first. A finding's other fixes
 * are alternatives to its first one (e.g. "until reconnect" vs "lasting"), never to be run
 * together, so each fix also gets its own four scripts under fixes/<fix id>/.
 */
export function fleetFiles(report: Report, o: FleetOptions): FleetFile[] {
  const primary = report.findings.flatMap((f) => (f.fixes[0] ? [f.fixes[0]] : []));
  const all = report.findings.flatMap((f) => f.fixes);
  const files: FleetFile[] = [];
  // titles, labels and what the scripts say on their own in the report's language (as each fix's own scripts)
  const t = engineT(pickLanguage(report.language));
  const words = scriptWords(t);
  const title = `TunnelMedic: ${t('script.msg.fleetTitle', { count: primary.length, source: o.madeFrom })}`;
  const fixSteps = primary.flatMap(stepsOf);
  const undoSteps = [...primary].reverse().flatMap((f) => undoStepsOf(f, words));
  const machine = scriptMachineOf(report.snapshot);
  // the shell that machine's Windows runs (script-dialect.ts): a .bat for Windows 9x, a .cmd otherwise
  const ext = scriptExtension(scriptDialectOf(machine.generation));
  const render = (spec: ScriptSpec) => renderShell({ ...spec, words }, machine);
  const noPs1 = ps1Absence(report.snapshot.os);
  const undoTitle = `TunnelMedic: ${words.undoTitle(primary.map((f) => f.id).join(', ') || t('script.msg.nothing'))}`;
  files.push({ name: `fix.${ext}`, content: render({ title, steps: fixSteps }) }, { name: `rollback.${ext}`, content: render({ title: undoTitle, steps: undoSteps }) });
  // fix.ps1 only where that Windows can run it (PowerShell 4+ and Get-NetRoute); README.txt says why not
  if (!noPs1) files.push({ name: 'fix.ps1', content: renderPs1({ title, steps: fixSteps, words }) }, { name: 'rollback.ps1', content: renderPs1({ title: undoTitle, steps: undoSteps, words }) });
  // a .cmd cannot write exact bytes itself: file edits read companion files that sit beside it
  const companions = (dir: string, actions: readonly Action[]) => scriptCompanions(actions).map((c) => ({ name: `${dir}${c.name}`, content: c.bytes }));
  files.push(...companions('', primary.flatMap((f) => [...f.actions, ...f.rollbackActions])));
  for (const fix of all) {
    const dir = `fixes/${fix.id.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
    files.push(...companions(`${dir}/`, [...fix.actions, ...fix.rollbackActions]));
    files.push({ name: `${dir}/fix.${ext}`, content: fix.script.cmd }, { name: `${dir}/rollback.${ext}`, content: fix.script.rollbackCmd });
    if (noPs1 || fix.script.ps1Unavailable) continue;
    files.push(
      { name: `${dir}/fix.ps1`, content: fix.script.ps1 ?? renderPs1({ title: `TunnelMedic: ${fix.title}`, steps: stepsOf(fix), words }) },
      { name: `${dir}/rollback.ps1`, content: fix.script.rollbackPs1 ?? renderPs1({ title: `TunnelMedic: ${words.undoTitle(fix.id)}`, steps: undoStepsOf(fix, words), words }) },
    );
  }
  const corporate = intuneCorporateNetworks(report, o.corporateNetworks);
  const intune = { madeFrom: o.madeFrom, toolVersion: o.toolVersion };
  files.push({ name: 'intune-detect.ps1', content: renderIntuneDetect(intune) }, { name: 'intune-remediate.ps1', content: renderIntuneRemediate(corporate, intune) });
  const ps1Note = noPs1 ? t(`script.ps1Absent.${noPs1}`) : undefined;
  files.push({ name: 'README.txt', content: readme(report, o, primary, all, corporate, ext, ps1Note, t) });
  return files;
}

/** The fix script in the machine's dialect (the same choice as build-fix.ts fixScripts). */
function renderShell(spec: ScriptSpec, machine: ScriptMachine): string {
  const dialect = scriptDialectOf(machine.generation);
  return dialect === 'cmd-nt4' ? renderCmdNt4(spec, machine) : dialect === 'command-com' ? renderBat9x(spec, machine) : renderCmd(spec, machine);
}

function stepsOf(fix: Fix): ScriptStep[] {
  return fix.actions.map((action, i) => ({ action, label: fix.steps[i] ?? action.kind }));
}

function undoStepsOf(fix: Fix, words: ScriptWords): ScriptStep[] {
  const n = fix.actions.length;
  return fix.rollbackActions.map((action: Action, i) => ({ action, label: words.undoStep(fix.steps[n - 1 - i] ?? action.kind) }));
}

/** The policy's/--corp-net networks plus those the split-tunnel fix routes through the VPN. */
export function intuneCorporateNetworks(report: Report, given: readonly string[]): CorporateNetwork[] {
  const fromFix = report.findings
    .filter((f) => f.id === 'route.vpn-default-route-wins')
    .flatMap((f) => f.fixes.flatMap((x) => x.actions))
    .filter((a) => isRouteAction(a) && a.kind === 'route.add' && a.destination !== '0.0.0.0')
    .map((a) => (a.kind === 'route.add' ? `${a.destination}/${maskBitCount(a.netmask)}` : ''));
  return [...new Set([...given, ...fromFix])].flatMap((c) => corporateNetwork(c) ?? []);
}

/** README.txt in the report's language (engine catalogue fleetReadme.*); ids, file names and paths as they are. */
function readme(report: Report, o: FleetOptions, primary: Fix[], all: Fix[], corporate: CorporateNetwork[], ext: 'cmd' | 'bat', ps1Note: string | undefined, t: TFunction): string {
  const pair = (name: string) => (ps1Note ? `${name}.${ext}` : `${name}.${ext} / ${name}.ps1`);
  /** a catalogue text, one README line per line of it, indented */
  const say = (key: string, params?: Record<string, string | number>, indent = '  ') => t(`fleetReadme.${key}`, params).split('\n').map((line) => `${indent}${line}`);
  const decision = decideDefaultRoute(machineRoutesFromSnapshot(report.snapshot));
  const [vpn, lan] = [decision.vpn[0], decision.lan[0]];
  const decided = decision.present && vpn && lan ? t('fleetReadme.present', { vpnInterface: vpn.ifIndex, vpnMetric: vpn.effective, lanInterface: lan.ifIndex, lanMetric: lan.effective }) : t('fleetReadme.notPresent', { vpn: decision.vpn.length, lan: decision.lan.length });
  const lines = [
    ...say('header', { version: o.toolVersion, source: o.madeFrom, date: report.generatedAt }, ''),
    '',
    ...say('findings', undefined, ''),
    ...(report.findings.length ? report.findings.map((f) => `  [${t(`report.severity.${f.severity}`)}] ${f.id}: ${f.title}`) : say('none')),
    '',
    pair('fix'),
    ...say('fixIntro'),
    ...(primary.length ? primary.map((f) => `    ${f.id} - ${f.title}`) : say('nothingToFix', undefined, '    ')),
    ...say('runElevated'),
    pair('rollback'),
    ...say('rollback'),
    ...(ext === 'bat' ? say('win9x') : report.snapshot.os.family === 'nt4' ? say('nt4') : []),
    ...(ps1Note ? [`  ${ps1Note}`] : []),
    'fixes\\<fix id>\\',
    ...say('eachFix'),
    ...all.map((f) => `    ${f.id}${f.strength ? ` (${t(f.strength === 'now' ? 'report.strengthNow' : 'report.strengthLasting')})` : ''}`),
    '',
    ...say('intuneTitle', undefined, ''),
    ...say('intuneDetect'),
    ...say('wouldExit', { source: o.madeFrom, code: decision.present ? 1 : 0, decision: decided }),
    ...say('remediation'),
    ...(corporate.length ? corporate.map((c) => `    ${c.cidr}`) : say('noneKnown', undefined, '    ')),
    ...say('idempotent'),
    '',
    ...say('closing', undefined, ''),
    '',
  ];
  return lines.join('\r\n');
}
