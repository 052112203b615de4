import { isRouteAction, type RouteAction } from './actions';
import { escapeCmdEcho } from './escape';
import type { ScriptSpec } from './render-cmd';
import { routeExpectation } from './render-cmd';
import { checkScriptConstructs } from './script-constructs';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';

/**
 * A cmd.exe script for Windows NT 4.0 (issue 11.6). NT 4.0's command extensions (on by default) have
 * FOR /F, CALL :label with GOTO :EOF as its return, %* and SET /A, but not EXIT /B, %~1 (quote
 * stripping), %~z1, usebackq, %RANDOM% or SETLOCAL's arguments (script-constructs.ts NT4_LACKS lists
 * each with its source). So, unlike render-cmd.ts:
 * - a subroutine returns with `goto :eof` and hands its verdict back in TM_RC (no `exit /b 1`);
 * - the table is read with FOR /F over `'type "file"'` (a command, so the quoted %TEMP% path needs no
 *   usebackq); arguments are read with %1, never %~1 (route print's columns hold no quotes);
 * - route.exe gets no IF argument (NT 4.0's route.exe has none): the interface is judged by route
 *   print's Interface column, the interface's address;
 * - route print shows the metric as given (no interface metric before Vista, windows-reference.md §9);
 * - the script cannot set its exit code: its last line says "all N steps done" or "step N failed",
 *   and a failure also leaves errorlevel 1 through `verify other` (the method setlocal /? gives for
 *   cmd.exe versions whose SETLOCAL sets no errorlevel).
 * Only route steps are rendered here; script-dialect.ts refuses the other kinds for NT 4.0.
 */
export function renderCmdNt4(spec: ScriptSpec, machine: ScriptMachine = UNKNOWN_MACHINE): string {
  const total = spec.steps.length;
  const lines: string[] = [
    '@echo off',
    'setlocal',
    `echo ${escapeCmdEcho(spec.title)}`,
    'rem Windows NT 4.0 dialect: no exit /b, no %~1, no usebackq; see TunnelMedic README "Scripts per Windows generation".',
    'set TM_SYS=%SystemRoot%\\System32',
    'set TM_ROUTE=%TM_SYS%\\route.exe',
    'set PATH=%TM_SYS%;%SystemRoot%',
    'set TM_OUT=%TEMP%\\tunnelmedic-route.txt',
    'set TM_RC=0',
  ];
  spec.steps.forEach((step, i) => {
    const n = i + 1;
    if (!isRouteAction(step.action)) throw new Error(`the NT 4.0 dialect cannot render ${step.action.kind} (script-dialect.ts refuses it)`);
    lines.push(`echo [${n}/${total}] ${escapeCmdEcho(step.label)}`, `set TM_STEP=${n}`, ...nt4RouteStepLines(step.action, machine), 'if not "%TM_RC%"=="0" goto failed');
  });
  lines.push(
    `echo TunnelMedic: all ${total} steps done.`,
    'if exist "%TM_OUT%" del "%TM_OUT%"',
    'goto :eof',
    '',
    ':failed',
    'echo TunnelMedic: step %TM_STEP% failed; the steps after it were not run. 1>&2',
    'if exist "%TM_OUT%" del "%TM_OUT%"',
    'verify other 2>nul',
    'goto :eof',
  );
  if (spec.steps.length) lines.push('', ...NT4_ROUTE_SUBROUTINES);
  const script = lines.join('\r\n') + '\r\n';
  checkScriptConstructs(script, 'cmd-nt4');
  return script;
}

/** route.exe's arguments without IF (NT 4.0's route.exe has none). */
export function nt4RouteArgv(action: RouteAction): string[] {
  switch (action.kind) {
    case 'route.add':
    case 'route.change':
      return [action.kind === 'route.add' ? 'ADD' : 'CHANGE', action.destination, 'MASK', action.netmask, action.gateway, 'METRIC', String(action.metric)];
    case 'route.delete':
      return ['DELETE', action.destination, 'MASK', action.netmask, ...(action.gateway ? [action.gateway] : [])];
  }
}

function nt4RouteStepLines(action: RouteAction, machine: ScriptMachine): string[] {
  const e = routeExpectation(action, machine);
  return [`call :route ${nt4RouteArgv(action).join(' ')}`, `call :check ${e.present ? 'present' : 'absent'} ${e.destination} ${e.netmask} ${e.gateway} ${e.interfaceAddress ?? '-'} ${e.metric ?? '-'}`];
}

/**
 * `:check` %1 present|absent, %2 destination, %3 netmask, %4 gateway, %5 interface address or -,
 * %6 metric or -. NT 4.0's route print rows are: destination, netmask, gateway (always an address),
 * interface (an address), metric — samples/nt4-sp5/route-print.txt.
 */
export const NT4_ROUTE_SUBROUTINES = [
  ':route',
  '"%TM_ROUTE%" %* >"%TM_OUT%" 2>&1',
  'type "%TM_OUT%"',
  'goto :eof',
  '',
  ':check',
  'set TM_RC=1',
  'set TM_WANT=%1',
  'set TM_D=%2',
  'set TM_K=%3',
  'set TM_G=%4',
  'set TM_A=%5',
  'set TM_M=%6',
  'if "%TM_A%"=="-" set TM_A=',
  'if "%TM_M%"=="-" set TM_M=',
  'if "%TM_WANT%"=="absent" set TM_A=',
  'if "%TM_WANT%"=="absent" set TM_M=',
  '"%TM_ROUTE%" print >"%TM_OUT%" 2>&1',
  'set TM_FOUND=0',
  'for /f "tokens=1,2,*" %%a in (\'type "%TM_OUT%"\') do if "%%a"=="%TM_D%" if "%%b"=="%TM_K%" call :row %%c',
  'if "%TM_WANT%"=="present" if "%TM_FOUND%"=="1" set TM_RC=0',
  'if "%TM_WANT%"=="absent" if "%TM_FOUND%"=="0" set TM_RC=0',
  'if not "%TM_RC%"=="0" echo TunnelMedic: the route table does not show the change (%TM_WANT%: %TM_D% mask %TM_K% via %TM_G%). 1>&2',
  'goto :eof',
  '',
  ':row',
  'if not "%1"=="%TM_G%" goto :eof',
  'if not "%TM_A%"=="" if not "%2"=="%TM_A%" goto :eof',
  'if not "%TM_M%"=="" if not "%3"=="%TM_M%" goto :eof',
  'set TM_FOUND=1',
  'goto :eof',
];
