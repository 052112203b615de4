import { psQuote } from '../remedy/escape';
import { DEFAULT_PREFIX, TUNNEL_INTERFACE_TYPES, VPN_PATTERN, type CorporateNetwork } from './default-route';

/**
 * The Intune Remediations pair for `route.vpn-default-route-wins`, self-contained PowerShell 5.1.
 * A script is three parts: a fixed header, a DATA block in which every value is a single-quoted
 * literal made by psQuote (or an integer), and fixed CODE (DETECT_CODE, REMEDIATE_CODE) that never
 * contains generated text. The code implements default-route.ts step for step (same rule numbers).
 */

export const DATA_BEGIN = '# ---- data (generated; every value quoted) ----';
export const DATA_END = '# ---- end of data ----';

const COMMON = [
  'function Write-TmLog([string]$Text) {',
  "  $line = '{0} {1}' -f (Get-Date -Format 'yyyy-MM-ddTHH:mm:ssK'), $Text",
  '  Write-Output $line',
  '  try {',
  '    if (-not (Test-Path -LiteralPath $TmLogDir)) { New-Item -ItemType Directory -Force -Path $TmLogDir | Out-Null }',
  '    Add-Content -LiteralPath (Join-Path $TmLogDir $TmLogName) -Value $line -Encoding UTF8',
  '  } catch { }',
  '}',
  '',
  'function Get-TmMachineRoutes {',
  '  $interfaces = @{}',
  '  foreach ($ip in @(Get-NetIPInterface -AddressFamily IPv4 -ErrorAction SilentlyContinue)) {',
  '    $index = [int]$ip.ifIndex',
  '    $adapter = Get-NetAdapter -InterfaceIndex $index -IncludeHidden -ErrorAction SilentlyContinue',
  '    $addresses = @(Get-NetIPAddress -InterfaceIndex $index -AddressFamily IPv4 -ErrorAction SilentlyContinue | ForEach-Object { [string]$_.IPAddress })',
  "    $description = ''",
  '    $type = 0',
  '    if ($adapter) { $description = [string]$adapter.InterfaceDescription; $type = [int]$adapter.InterfaceType }',
  '    $interfaces[$index] = [pscustomobject]@{ IfIndex = $index; Alias = [string]$ip.InterfaceAlias; Description = $description; InterfaceType = $type; HasAdapter = [bool]$adapter; InterfaceMetric = [int]$ip.InterfaceMetric; IPv4 = $addresses }',
  '  }',
  '  # rule 1: default routes; ActiveStore only (persistent routes are listed twice otherwise)',
  '  $defaults = @(Get-NetRoute -AddressFamily IPv4 -DestinationPrefix $TmDefaultPrefix -PolicyStore ActiveStore -ErrorAction SilentlyContinue)',
  '  $all = @(Get-NetRoute -AddressFamily IPv4 -PolicyStore ActiveStore -ErrorAction SilentlyContinue)',
  '  return [pscustomobject]@{ Defaults = $defaults; Routes = $all; Interfaces = $interfaces }',
  '}',
  '',
  '# rule 3: no adapter (RAS/PPP connection), a PPP/tunnel InterfaceType, or a VPN driver name',
  'function Test-TmVpn($Interface) {',
  '  if ($null -eq $Interface) { return $false }',
  '  if (-not $Interface.HasAdapter) { return $true }',
  '  if ($TmTunnelTypes -contains $Interface.InterfaceType) { return $true }',
  '  return (($Interface.Description -match $TmVpnPattern) -or ($Interface.Alias -match $TmVpnPattern))',
  '}',
  '',
  'function Get-TmDecision($Machine) {',
  '  $rated = @(foreach ($r in @($Machine.Defaults)) {',
  '    $index = [int]$r.ifIndex',
  '    $interface = $Machine.Interfaces[$index]',
  '    # rule 2: RouteMetric + InterfaceMetric',
  '    $ifMetric = [int]$r.InterfaceMetric',
  '    if ($null -ne $interface) { $ifMetric = [int]$interface.InterfaceMetric }',
  '    [pscustomobject]@{ IfIndex = $index; NextHop = [string]$r.NextHop; Effective = [int]$r.RouteMetric + $ifMetric; Vpn = [bool](Test-TmVpn $interface) }',
  '  })',
  '  $vpn = @($rated | Where-Object { $_.Vpn } | Sort-Object -Property Effective, IfIndex)',
  '  $lan = @($rated | Where-Object { -not $_.Vpn } | Sort-Object -Property Effective, IfIndex)',
  '  # rule 4: the best VPN default strictly beats the best LAN default',
  '  $present = ($vpn.Count -gt 0) -and ($lan.Count -gt 0) -and ($vpn[0].Effective -lt $lan[0].Effective)',
  '  if ($present) {',
  '    $message = "Problem present: the VPN default route on interface $($vpn[0].IfIndex) (metric $($vpn[0].Effective)) beats the LAN default route on interface $($lan[0].IfIndex) (metric $($lan[0].Effective))."',
  '  } else {',
  '    $message = "Not present: the VPN does not take the default route (default routes: $($vpn.Count) on the VPN, $($lan.Count) on the LAN)."',
  '  }',
  '  return [pscustomobject]@{ Present = $present; Vpn = $vpn; Lan = $lan; Message = $message }',
  '}',
];

export const DETECT_CODE = [
  ...COMMON,
  '',
  'try {',
  '  $decision = Get-TmDecision (Get-TmMachineRoutes)',
  '  Write-TmLog $decision.Message',
  '  if ($decision.Present) { exit 1 }',
  '  exit 0',
  '} catch {',
  "  Write-TmLog ('TunnelMedic detection could not check this machine: ' + $_.Exception.Message)",
  '  exit 0',
  '}',
];

export const REMEDIATE_CODE = [
  ...COMMON,
  '',
  'function ConvertTo-TmNumber([string]$Address) {',
  '  $bytes = ([System.Net.IPAddress]::Parse($Address)).GetAddressBytes()',
  '  return ([int64]$bytes[0] * 16777216) + ([int64]$bytes[1] * 65536) + ([int64]$bytes[2] * 256) + [int64]$bytes[3]',
  '}',
  '',
  '# rule 5: a route longer than /1 on a VPN interface that holds the network\'s first host',
  'function Test-TmCoveredByVpn($Machine, $Network) {',
  '  $hostNumber = ConvertTo-TmNumber $Network.FirstHost',
  '  foreach ($r in @($Machine.Routes)) {',
  "    $parts = ([string]$r.DestinationPrefix).Split('/')",
  '    if ($parts.Count -ne 2) { continue }',
  '    $length = [int]$parts[1]',
  '    if ($length -le 1) { continue }',
  '    if (-not (Test-TmVpn $Machine.Interfaces[[int]$r.ifIndex])) { continue }',
  '    $block = [math]::Pow(2, 32 - $length)',
  '    if ([math]::Floor((ConvertTo-TmNumber $parts[0]) / $block) -eq [math]::Floor($hostNumber / $block)) { return $true }',
  '  }',
  '  return $false',
  '}',
  '',
  'function Get-TmGateway($Machine, $Rated) {',
  "  if ($Rated.NextHop -ne '0.0.0.0') { return $Rated.NextHop }",
  '  $interface = $Machine.Interfaces[$Rated.IfIndex]',
  '  if (($null -ne $interface) -and (@($interface.IPv4).Count -gt 0)) { return @($interface.IPv4)[0] }',
  '  return $null',
  '}',
  '',
  'function Get-TmPlan($Machine) {',
  '  $decision = Get-TmDecision $Machine',
  '  $steps = @()',
  '  if ($decision.Present) {',
  '    foreach ($r in $decision.Vpn) {',
  '      $gateway = Get-TmGateway $Machine $r',
  "      if (-not $gateway) { continue }",
  "      $check = [pscustomobject]@{ Present = $false; Prefix = $TmDefaultPrefix; NextHop = $gateway; IfIndex = $r.IfIndex; Metric = 0 }",
  "      $steps += [pscustomobject]@{ Label = \"Remove the VPN default route on interface $($r.IfIndex)\"; RouteArgs = @('DELETE', '0.0.0.0', 'MASK', '0.0.0.0', $gateway, 'IF', [string]$r.IfIndex); Check = $check }",
  '    }',
  '    $tunnel = $decision.Vpn[0]',
  '    $tunnelGateway = Get-TmGateway $Machine $tunnel',
  '    foreach ($net in $TmCorporateNetworks) {',
  '      if (-not $tunnelGateway) { continue }',
  '      if (Test-TmCoveredByVpn $Machine $net) { continue }',
  "      $check = [pscustomobject]@{ Present = $true; Prefix = ('{0}/{1}' -f $net.Destination, $net.PrefixLength); NextHop = $tunnelGateway; IfIndex = $tunnel.IfIndex; Metric = 1 }",
  "      $steps += [pscustomobject]@{ Label = \"Send $($net.Cidr) through the VPN (interface $($tunnel.IfIndex))\"; RouteArgs = @('ADD', $net.Destination, 'MASK', $net.Mask, $tunnelGateway, 'METRIC', '1', 'IF', [string]$tunnel.IfIndex); Check = $check }",
  '    }',
  '  }',
  '  return [pscustomobject]@{ Decision = $decision; Steps = $steps }',
  '}',
  '',
  "# rule 6: judged by a fresh read of the table, never by route.exe's words (translated) or exit code",
  'function Test-TmStepDone($Machine, $Check) {',
  '  $interface = $Machine.Interfaces[[int]$Check.IfIndex]',
  '  $own = ($null -ne $interface) -and (@($interface.IPv4) -contains $Check.NextHop)',
  "  $match = @(@($Machine.Routes) | Where-Object { ([string]$_.DestinationPrefix -eq $Check.Prefix) -and ([int]$_.ifIndex -eq $Check.IfIndex) -and (([string]$_.NextHop -eq $Check.NextHop) -or ($own -and ([string]$_.NextHop -eq '0.0.0.0'))) })",
  '  if (-not $Check.Present) { return ($match.Count -eq 0) }',
  '  return (@($match | Where-Object { [int]$_.RouteMetric -eq $Check.Metric }).Count -gt 0)',
  '}',
  '',
  'try {',
  '  $plan = Get-TmPlan (Get-TmMachineRoutes)',
  '  Write-TmLog $plan.Decision.Message',
  '  if (-not $plan.Decision.Present) {',
  "    Write-TmLog 'Nothing to do.'",
  '    exit 0',
  '  }',
  '  $n = 0',
  '  foreach ($step in $plan.Steps) {',
  '    $n++',
  "    Write-TmLog ('[{0}/{1}] {2}: route {3}' -f $n, @($plan.Steps).Count, $step.Label, ($step.RouteArgs -join ' '))",
  '    $routeArgs = $step.RouteArgs',
  "    # route.exe's output is evidence for the log only: its words are translated, its exit code unreliable",
  '    $out = (& $TmRoute @routeArgs 2>&1 | Out-String).Trim()',
  '    if ($out) { Write-TmLog $out }',
  "    if (-not (Test-TmStepDone (Get-TmMachineRoutes) $step.Check)) { throw ('step {0} failed: the route table does not show the change; the steps after it were not run.' -f $n) }",
  '  }',
  '  $after = Get-TmDecision (Get-TmMachineRoutes)',
  "  Write-TmLog ('After remediation: ' + $after.Message)",
  '  if ($after.Present) { exit 1 }',
  '  exit 0',
  '} catch {',
  "  Write-TmLog ('TunnelMedic remediation failed: ' + $_.Exception.Message)",
  '  exit 1',
  '}',
];

export interface IntuneScriptOptions {
  /** where the scripts came from, for the header, e.g. "capture C:\captures\pc17, 2026-11-20" */
  madeFrom: string;
  toolVersion: string;
}

/**
 * Get-NetRoute/Get-NetIPInterface (NetTCPIP) and Get-NetAdapter ship with Windows 8 / Server 2012
 * and load themselves: "Net TCP/IP Cmdlets in Windows PowerShell", Windows Server 2012 docset,
 * https://learn.microsoft.com/previous-versions/windows/powershell-scripting/hh826123(v=wps.620).
 */
function header(kind: 'detection' | 'remediation'): string[] {
  return [
    `# TunnelMedic Intune ${kind} script for route.vpn-default-route-wins (Windows PowerShell 5.1 on Windows 8 or later: its built-in NetTCPIP and NetAdapter modules; nothing to install).`,
    kind === 'detection'
      ? '# Exit 1 = the VPN takes the default route (Intune then runs the remediation script); exit 0 = not present.'
      : '# Removes every VPN default route and routes the corporate networks through the VPN; idempotent.',
    '# Log: %ProgramData%\\TunnelMedic\\logs. Generated by `tunnelmedic scripts`; do not edit the code part.',
    "$ErrorActionPreference = 'Stop'",
  ];
}

function dataBlock(logName: string, o: IntuneScriptOptions, corporate: readonly CorporateNetwork[] | null): string[] {
  const lines = [
    DATA_BEGIN,
    `$TmMadeFrom = ${psQuote(`tunnelmedic ${o.toolVersion}; ${o.madeFrom}`)}`,
    `$TmDefaultPrefix = ${psQuote(DEFAULT_PREFIX)}`,
    `$TmTunnelTypes = @(${TUNNEL_INTERFACE_TYPES.map((n) => String(Math.trunc(n))).join(', ')})`,
    `$TmVpnPattern = ${psQuote(VPN_PATTERN)}`,
    `$TmLogDir = Join-Path $env:ProgramData ${psQuote('TunnelMedic\\logs')}`,
    `$TmLogName = ${psQuote(logName)}`,
  ];
  if (corporate) {
    lines.push(`$TmRoute = Join-Path $env:SystemRoot ${psQuote('System32\\route.exe')}`, '$TmCorporateNetworks = @(');
    corporate.forEach((n, i) => {
      const sep = i < corporate.length - 1 ? ',' : '';
      lines.push(`  @{ Cidr = ${psQuote(n.cidr)}; Destination = ${psQuote(n.destination)}; Mask = ${psQuote(n.mask)}; PrefixLength = ${Math.trunc(n.prefixLength)}; FirstHost = ${psQuote(n.firstHost)} }${sep}`);
    });
    lines.push(')');
  }
  lines.push(DATA_END);
  return lines;
}

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

export function renderIntuneDetect(o: IntuneScriptOptions): string {
  return crlf([...header('detection'), '#Requires -Version 5.1', ...dataBlock('intune-detect.log', o, null), '', ...DETECT_CODE]);
}

export function renderIntuneRemediate(corporate: readonly CorporateNetwork[], o: IntuneScriptOptions): string {
  return crlf([...header('remediation'), '#Requires -Version 5.1', ...dataBlock('intune-remediate.log', o, corporate), '', ...REMEDIATE_CODE]);
}
