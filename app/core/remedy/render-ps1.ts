import { isRouteAction, routeArgv, type RouteAction } from './actions';
import { maskBitCount } from '../parse/ipv4-dotted';
import { needsPsQuoting, psQuote, psQuoteAfter, psQuoteList } from './escape';
import type { ScriptSpec } from './render-cmd';
import { ps1Helpers, renderOtherPs1Step } from './render-registry-ps1';
import { englishScriptWords, plainMessage, psExpandedMessage, type ScriptWords } from './script-words';

/**
 * What fix.ps1 needs (issue 11.6): `#Requires -RunAsAdministrator` exists since PowerShell 4.0, and
 * the route steps are judged with Get-NetRoute / Get-NetIPAddress of the NetTCPIP module, which
 * ships with Windows 8 / Server 2012 and later only (not with WMF on Windows 7). Older systems get
 * the .cmd scripts only (script-dialect.ts decides).
 */
export const PS1_HEADER = [
  '#Requires -Version 4.0',
  '#Requires -RunAsAdministrator',
  '# Needs Windows 8 / Server 2012 or later (PowerShell 4+, the NetTCPIP module) and an elevated PowerShell.',
];

/**
 * The same steps as the .cmd script. route.exe is called by full path (through Sysnative from a
 * 32-bit PowerShell on 64-bit Windows) with an argument array; its output is shown as evidence,
 * and the step counts as done only when Get-NetRoute shows the route with the planned next hop,
 * interface and route metric (or no longer shows the deleted one).
 */
export function renderPs1(spec: ScriptSpec): string {
  const total = spec.steps.length;
  const words = spec.words ?? englishScriptWords();
  const lines = [
    ...PS1_HEADER,
    "$ErrorActionPreference = 'Stop'",
    `Write-Output ${psQuote(spec.title)}`,
    // a 32-bit PowerShell on 64-bit Windows sees SysWOW64 as System32 (windows-reference.md §12)
    "$TmSys = Join-Path $env:SystemRoot 'System32'",
    "if ([Environment]::Is64BitOperatingSystem -and -not [Environment]::Is64BitProcess) { $TmSys = Join-Path $env:SystemRoot 'Sysnative' }",
    "$route = Join-Path $TmSys 'route.exe'",
    ...ps1RouteHelpers(words),
  ];
  if (spec.steps.some((s) => s.action.kind.startsWith('registry.'))) lines.push(...ps1Helpers(words));
  const texts = spec.texts;
  for (let i = 0; i < total; i++) {
    const step = spec.steps[i]!;
    const kept = texts?.of(step);
    const prefix = `[${i + 1}/${total}] `;
    // (a kept label known plain is quoted as psQuoteAfter would: its prefix is digits, '/', '[', ']' and a blank)
    lines.push(`Write-Output ${kept && (kept.ps1PlainLabel ??= !needsPsQuoting(step.label)) ? `'${prefix}${step.label}'` : psQuoteAfter(prefix, step.label)}`);
    if (isRouteAction(step.action)) lines.push(`Invoke-Route ${i + 1} ${kept ? (kept.ps1Route ??= routeArgsPs(step.action)) : routeArgsPs(step.action)}`);
    else lines.push(...renderOtherPs1Step(step.action, words));
  }
  lines.push(`Write-Output ${psQuote(plainMessage(words, 'allDone', { total: String(total) }))}`);
  return lines.join('\r\n') + '\r\n';
}

const ps1RouteHelpers = (words: ScriptWords): string[] => [
  '# $Metric 0 = not checked; an on-link route (through the interface\'s own address) has next hop 0.0.0.0',
  'function Test-TmRoute([string]$Prefix, [string]$NextHop, [int]$IfIndex, [int]$Metric, [bool]$Present) {',
  '  $routes = @(Get-NetRoute -AddressFamily IPv4 -DestinationPrefix $Prefix -PolicyStore ActiveStore -ErrorAction SilentlyContinue)',
  '  if ($Present -and $IfIndex -gt 0) { $routes = @($routes | Where-Object { [int]$_.ifIndex -eq $IfIndex }) }',
  '  $own = @(Get-NetIPAddress -AddressFamily IPv4 -ErrorAction SilentlyContinue | Where-Object { $_.IPAddress -eq $NextHop } | ForEach-Object { [int]$_.InterfaceIndex })',
  "  $match = @($routes | Where-Object { $_.NextHop -eq $NextHop -or ($_.NextHop -eq '0.0.0.0' -and $own -contains [int]$_.ifIndex) })",
  '  if (-not $Present) { return ($match.Count -eq 0) }',
  '  return (@($match | Where-Object { $Metric -le 0 -or [int]$_.RouteMetric -eq $Metric }).Count -gt 0)',
  '}',
  'function Invoke-Route([int]$Step, [string[]]$RouteArgs, [scriptblock]$Done) {',
  '  $out = (& $route @RouteArgs 2>&1 | Out-String).Trim()',
  '  if ($out) { Write-Output $out }',
  `  if (-not (& $Done)) { throw ${psExpandedMessage(words, 'stepNotShownPs1', { step: '$Step' })} }`,
  '}',
];

/** Invoke-Route's arguments after the step number: route.exe's, and the test that decides the step. */
const routeArgsPs = (action: RouteAction): string => `@(${psQuoteList(routeArgv(action))}) ${routeTestPs(action)}`;

/** The Get-NetRoute test that decides one route step (the same facts as the .cmd's :check). */
export function routeTestPs(action: RouteAction): string {
  const prefix = `${action.destination}/${maskBitCount(action.netmask)}`;
  const present = action.kind !== 'route.delete';
  const metric = present ? action.metric : 0;
  return `{ Test-TmRoute ${psQuote(prefix)} ${psQuote(action.gateway ?? '0.0.0.0')} ${action.interfaceIndex ?? 0} ${metric} $${present} }`;
}

