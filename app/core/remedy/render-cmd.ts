import { isRouteAction, routeArgv, type Action } from './actions';
import { escapeCmdEcho } from './escape';
import { REG_VIEW_PROLOGUE, renderOtherCmdStep, REPLACE_FILE_SUBROUTINE } from './render-registry';

export interface ScriptStep {
  action: Action;
  /** one line for the person reading the output, e.g. "Remove the VPN default route" */
  label: string;
}

export interface ScriptSpec {
  /** e.g. "TunnelMedic fix route.vpn-default-route-wins (split tunnel, until reconnect)" */
  title: string;
  steps: ScriptStep[];
}

/**
 * Renders a cmd.exe script (NT4 and later). route.exe's exit code is unreliable (it returns 0 on
 * many failures), so each call's output is captured and judged: Vista+ prints " OK!" on success,
 * NT4–XP print nothing; anything else is a failure and the script stops there, naming the step.
 * PATH is pinned to System32 so an elevated run cannot pick up a `route` planted in a user folder.
 */
export function renderCmd(spec: ScriptSpec): string {
  const total = spec.steps.length;
  const lines: string[] = [
    '@echo off',
    'setlocal EnableExtensions DisableDelayedExpansion',
    `echo ${escapeCmdEcho(spec.title)}`,
    'set "PATH=%SystemRoot%\\System32;%SystemRoot%"',
    'set "TM_OUT=%TEMP%\\tunnelmedic-route-%RANDOM%.txt"',
  ];
  const others = spec.steps.some((s) => !isRouteAction(s.action));
  if (others) lines.push(...REG_VIEW_PROLOGUE);
  spec.steps.forEach((step, i) => {
    const n = i + 1;
    lines.push(
      `echo [${n}/${total}] ${escapeCmdEcho(step.label)}`,
      `set "TM_STEP=${n}"`,
      ...(isRouteAction(step.action) ? [`call :route ${routeArgv(step.action).join(' ')}`] : renderOtherCmdStep(step.action)),
      'if errorlevel 1 goto :failed',
    );
  });
  lines.push(
    `echo TunnelMedic: all ${total} steps done.`,
    'del "%TM_OUT%" >nul 2>&1',
    'exit /b 0',
    '',
    ':failed',
    '>&2 echo TunnelMedic: step %TM_STEP% failed; the steps after it were not run.',
    'del "%TM_OUT%" >nul 2>&1',
    'exit /b 1',
    '',
    ':route',
    'call route %* >"%TM_OUT%" 2>&1',
    'type "%TM_OUT%"',
    // `if errorlevel`, not `&&`: Wine's cmd (8.0) runs both sides of `&&`/`||` after an external
    // program, so the integration tests under Wine could not see a failure; this form means the
    // same on every cmd.exe since NT4.
    'find "OK!" "%TM_OUT%" >nul 2>&1',
    'if not errorlevel 1 exit /b 0',
    'for %%F in ("%TM_OUT%") do if %%~zF equ 0 exit /b 0',
    'exit /b 1',
  );
  if (spec.steps.some((s) => s.action.kind === 'file.replace')) lines.push('', ...REPLACE_FILE_SUBROUTINE);
  return lines.join('\r\n') + '\r\n';
}
