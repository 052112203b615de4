import { isRouteAction, routeArgv } from './actions';
import { psQuote } from './escape';
import type { ScriptSpec } from './render-cmd';
import { PS1_HELPERS, renderOtherPs1Step } from './render-registry-ps1';

/**
 * The same steps as the .cmd script for PowerShell 5.1+. route.exe is called by full path with
 * an argument array; its output (not its exit code, which is unreliable) decides success.
 */
export function renderPs1(spec: ScriptSpec): string {
  const total = spec.steps.length;
  const lines = [
    '#Requires -RunAsAdministrator',
    "$ErrorActionPreference = 'Stop'",
    `Write-Output ${psQuote(spec.title)}`,
    '$route = Join-Path $env:SystemRoot "System32\\route.exe"',
    'function Invoke-Route([int]$Step, [string[]]$RouteArgs) {',
    '  $out = (& $route @RouteArgs 2>&1 | Out-String).Trim()',
    '  if ($out) { Write-Output $out }',
    "  if ($out -and $out -notmatch 'OK!') { throw \"TunnelMedic: step $Step failed; the steps after it were not run.\" }",
    '}',
  ];
  if (spec.steps.some((s) => s.action.kind.startsWith('registry.'))) lines.push(...PS1_HELPERS);
  spec.steps.forEach((step, i) => {
    lines.push(`Write-Output ${psQuote(`[${i + 1}/${total}] ${step.label}`)}`);
    if (isRouteAction(step.action)) lines.push(`Invoke-Route ${i + 1} @(${routeArgv(step.action).map(psQuote).join(', ')})`);
    else lines.push(...renderOtherPs1Step(step.action));
  });
  lines.push(`Write-Output ${psQuote(`TunnelMedic: all ${total} steps done.`)}`);
  return lines.join('\r\n') + '\r\n';
}
