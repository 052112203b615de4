import type { Snapshot } from '../model/snapshot';
import type { Action } from './actions';
import type { ScriptMachine } from './script-machine';

/**
 * Which script language each Windows generation runs (issue 11.6), and what cannot be scripted in it.
 *
 * - `cmd`: cmd.exe of Windows 2000 and later with command extensions (render-cmd.ts).
 * - `cmd-nt4`: cmd.exe of Windows NT 4.0 (render-cmd-nt4.ts). Its extensions (on by default) already
 *   have FOR /F, SET /A, IF DEFINED, CALL :label, GOTO :EOF and %~dp0, but not EXIT /B, %~1, %~z1,
 *   usebackq, %RANDOM% or SETLOCAL's arguments — see NT4_LACKS below for each source.
 * - `command-com`: COMMAND.COM of Windows 95/98/ME, a .bat (render-bat-9x.ts). No cmd.exe at all:
 *   no FOR /F, SETLOCAL, CALL :label, SET /A, stderr redirection.
 */
export type ScriptDialect = 'cmd' | 'cmd-nt4' | 'command-com';

export function scriptDialectOf(generation: ScriptMachine['generation']): ScriptDialect {
  if (generation === 'win9x') return 'command-com';
  if (generation === 'nt4') return 'cmd-nt4';
  return 'cmd';
}

/** COMMAND.COM runs only .bat files (it does not know .cmd); cmd.exe runs both. */
export const scriptExtension = (dialect: ScriptDialect): 'bat' | 'cmd' => (dialect === 'command-com' ? 'bat' : 'cmd');

/** Why fix.ps1 is not offered for a capture's Windows; undefined: it is offered. */
export type Ps1Absence = 'win9x' | 'nt4' | 'nt5' | 'nt6old';

/**
 * fix.ps1 needs PowerShell 4.0 (`#Requires -RunAsAdministrator` exists since 4.0; riptutorial
 * "#requires -RunAsAdministrator", PowerShell 4.0 example) and the NetTCPIP module's Get-NetRoute /
 * Get-NetIPAddress (Windows 8 / Server 2012 and later; render-ps1.ts). Both ship together only from
 * Windows 8.1 / Server 2012 R2 (version 6.3): Windows 8 and Server 2012 ship PowerShell 3.0, and WMF
 * 4.0 exists for Windows 7 SP1, 2008 R2 and 2012 but not for Windows 8 (chocolatey powershell4 package
 * notes; sous-chefs/powershell support table); Windows 7 with WMF 4/5.1 has PowerShell 4+ but no
 * NetTCPIP module. Server 2012 with WMF 4 could run it, but `ver` does not tell it from Windows 8, so
 * 6.2 is not offered. A capture that does not say its version (no ver.txt) keeps the .ps1 offered,
 * as before: its header says what it needs.
 */
export function ps1Absence(os: Pick<Snapshot['os'], 'family' | 'version'>): Ps1Absence | undefined {
  if (os.family === 'win9x' || os.family === 'nt4' || os.family === 'nt5') return os.family;
  if (os.family !== 'nt6+' || !os.version) return undefined;
  const [major = 0, minor = 0] = os.version.split('.').map(Number);
  return major > 6 || (major === 6 && minor >= 3) ? undefined : 'nt6old';
}

/** Why an action cannot be scripted for a Windows generation (the fix is then withheld, with the reason). */
export type ScriptRefusal = 'noRegExe' | 'noMetricColumn9x' | 'noLmhosts9x' | 'noTaskScheduler2' | 'noVpnClient';

/**
 * Decided per action kind:
 * - route add/delete: every generation. COMMAND.COM judges them with FIND over `route print`
 *   (render-bat-9x.ts); route change only changes a metric, and a metric cannot be read by FIND
 *   (it is the last column; FIND cannot anchor a line's end), so it is refused on 9x.
 * - registry: reg.exe is not part of Windows 9x or NT 4.0 (windows-reference.md §4, §11: use
 *   `regedit /e` there); regedit /s has no documented exit code, so a step could not be judged.
 * - LMHOSTS replace + nbtstat: NT 4.0 keeps LMHOSTS where later NT does (render-cmd-nt4.ts); Windows
 *   9x keeps it in the Windows folder and COMMAND.COM's fc has no documented exit code (KB Q81819
 *   lists the MS-DOS commands that have one: FIND, not FC), so no byte-exact check: refused.
 * - guard task: a Task Scheduler 2.0 XML task (Vista and later; task-actions.ts).
 * - VPN profile cmdlets: the VpnClient module of Windows 8 and later (vpn-actions.ts, §6).
 */
export function scriptRefusalOf(action: Action, machine: Pick<ScriptMachine, 'generation' | 'osVersion'>): ScriptRefusal | undefined {
  const g = machine.generation;
  const old = g === 'win9x' || g === 'nt4';
  switch (action.kind) {
    case 'route.add':
    case 'route.delete':
      return undefined;
    case 'route.change':
      return g === 'win9x' ? 'noMetricColumn9x' : undefined;
    case 'registry.set':
    case 'registry.delete':
      return old ? 'noRegExe' : undefined;
    case 'file.replace':
    case 'nbtstat.reload':
      return g === 'win9x' ? 'noLmhosts9x' : undefined;
    case 'task.create':
    case 'task.delete':
      return old || g === 'nt5' ? 'noTaskScheduler2' : undefined;
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return old || g === 'nt5' || (g === 'nt6+' && versionBelow(machine.osVersion, 6, 2)) ? 'noVpnClient' : undefined;
  }
}

function versionBelow(version: string | undefined, major: number, minor: number): boolean {
  if (!version) return false;
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a < major || (a === major && b < minor);
}

/** The first refusal among a fix's actions (its undo has the same kinds). */
export function fixRefusal(actions: readonly Action[], machine: Pick<ScriptMachine, 'generation' | 'osVersion'>): ScriptRefusal | undefined {
  for (const a of actions) {
    const r = scriptRefusalOf(a, machine);
    if (r) return r;
  }
  return undefined;
}

/**
 * route.exe's IF argument exists from Windows 2000 on: the Windows 2000 Server Resource Kit (TCP/IP
 * Core Networking Guide, "TCP/IP Troubleshooting", Route; technet.microsoft.com/en-us/library/cc958877.aspx)
 * gives its usage as `route [-f] [-p] [command [destination]] [MASK netmask] [gateway] [metric metric]
 * [if interface]` (the same text in the MSDN April 2000 copy of the resource kit,
 * library.thedatadungeon.com/msdn-2000-04/w2krk/html/cnbd_trb_wzgb.content.htm). Rick Lively's
 * command reference marks "if interface" as NTXP; Microsoft's Windows 2000 text is preferred over a
 * third party's version marks. NT 4.0's and Windows 9x's route.exe take destination, MASK, gateway
 * and METRIC only, and pick the interface from the gateway. Those dialects leave IF out and judge the interface
 * by route print's Interface column (the interface's address) instead.
 */
export const routeTakesInterfaceIndex = (dialect: ScriptDialect) => dialect === 'cmd';
