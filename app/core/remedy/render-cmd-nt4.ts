import { isRouteAction, type Action, type RouteAction } from './actions';
import type { FileReplace } from './file-actions';
import { companionFor, LMHOSTS_CMD_PATH } from './render-registry';
import { escapeCmdEcho } from './escape';
import type { ScriptSpec } from './render-cmd';
import { routeExpectation } from './render-cmd';
import { checkScriptConstructs } from './script-constructs';
import { cmdMessage, englishScriptWords } from './script-words';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';

/**
 * A cmd.exe script for Windows NT 4.0 (issue 11.6). NT 4.0's command extensions (on by default) have
 * FOR /F, CALL :label with GOTO :EOF as its return, %* and SET /A, but not EXIT /B, quote-stripping
 * parameters, usebackq, %RANDOM% or SETLOCAL's arguments (script-constructs.ts NT4_LACKS lists each
 * with its source). So, unlike render-cmd.ts:
 * - each step's table check is written out for that step (no generic subroutine that would need
 *   EXIT /B to hand back a verdict, and no CALL from inside FOR's body): FOR /F reads route print's
 *   five columns and one IF chain compares destination, netmask, gateway, interface address and
 *   metric with the plan;
 * - the table is read through `'type "file"'` (a command, so the quoted %TEMP% path needs no usebackq;
 *   FOR /F over a command's output is NT 4.0's own, e.g. differentchairs.com/ntscript.html's
 *   `FOR /f "tokens=2-4 delims=/ " %%a in ('DATE/T')`);
 * - route.exe gets no IF argument (NT 4.0's route.exe has none): the interface is judged by route
 *   print's Interface column, the interface's address;
 * - route print shows the metric as given (no interface metric before Vista, windows-reference.md §9);
 * - the script cannot set its exit code: its last line says "all N steps done" or "step N failed",
 *   and a failure also leaves errorlevel 1 through `verify other` (the method setlocal /? gives for
 *   cmd.exe versions whose SETLOCAL sets no errorlevel).
 * Route steps and the LMHOSTS edit (file.replace, nbtstat -R) are rendered here; script-dialect.ts
 * refuses the other kinds for NT 4.0.
 */
export function renderCmdNt4(spec: ScriptSpec, machine: ScriptMachine = UNKNOWN_MACHINE): string {
  const total = spec.steps.length;
  const words = spec.words ?? englishScriptWords();
  const lines: string[] = [
    '@echo off',
    'setlocal',
    `echo ${escapeCmdEcho(spec.title)}`,
    'rem Windows NT 4.0 dialect: see the TunnelMedic README, "Scripts per Windows generation".',
    'set TM_SYS=%SystemRoot%\\System32',
    'set TM_ROUTE=%TM_SYS%\\route.exe',
    'set PATH=%TM_SYS%;%SystemRoot%',
    'set TM_OUT=%TEMP%\\tunnelmedic-route.txt',
    'set TM_FC=%TM_SYS%\\fc.exe',
    'set TM_NBTSTAT=%TM_SYS%\\nbtstat.exe',
  ];
  spec.steps.forEach((step, i) => {
    const n = i + 1;
    lines.push(`echo [${n}/${total}] ${escapeCmdEcho(step.label)}`, `set TM_STEP=${n}`, ...nt4StepLines(step.action, machine));
  });
  lines.push(
    `echo ${cmdMessage(words, 'allDone', { total: String(total) })}`,
    'if exist "%TM_OUT%" del "%TM_OUT%"',
    'goto :eof',
    '',
    ':changed',
    `echo ${cmdMessage(words, 'fileNotAsReviewedNt4', { file: '"%TM_FILE%"' })} 1>&2`,
    'goto failed',
    '',
    ':missing',
    `echo ${cmdMessage(words, 'companionMissingNt4')} 1>&2`,
    'goto failed',
    '',
    ':failed',
    `echo ${cmdMessage(words, 'stepNotShownNt4', { step: '%TM_STEP%' })} 1>&2`,
    'if exist "%TM_OUT%" del "%TM_OUT%"',
    'verify other 2>nul',
    'goto :eof',
  );
  if (spec.steps.some((st) => isRouteAction(st.action))) lines.push('', ...NT4_ROUTE_SUBROUTINE);
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

function nt4StepLines(action: Action, machine: ScriptMachine): string[] {
  if (isRouteAction(action)) return nt4RouteStepLines(action, machine);
  // nbtstat -R (purge and preload #PRE entries): its exit code, as in render-registry.ts (assumed the same on NT 4.0)
  if (action.kind === 'nbtstat.reload') return ['"%TM_NBTSTAT%" -R', 'if errorlevel 1 goto failed'];
  if (action.kind === 'file.replace') return nt4FileReplaceLines(action);
  throw new Error(`the NT 4.0 dialect cannot render ${action.kind} (script-dialect.ts refuses it)`);
}

/**
 * The LMHOSTS edit, written out per step (the same checks as render-registry.ts's subroutines): the
 * file must still hold exactly the reviewed bytes (fc /b; exit 0 same, 1 different, 2 missing — fc's
 * codes are documented for no Windows version we found, assumed as on later ones), a backup copy is
 * made beside it, the new bytes are copied in and compared again. The bytes travel in companion
 * files beside the script (%~dp0: NT 4.0's call /? lists %~dp1-style modifiers). COPY gets no /Y:
 * a copy inside a batch file does not prompt before overwriting (copy /?: "unless COPY command is
 * being executed from within a batch script"), and /Y is not documented for NT 4.0; the target is
 * deleted first anyway, so there is nothing to overwrite.
 */
function nt4FileReplaceLines(action: FileReplace): string[] {
  const next = companionFor(action.content, action.encoding).name;
  const prev = companionFor(action.previous, action.encoding).name;
  const lines = [`set TM_FILE=${LMHOSTS_CMD_PATH}`];
  if (!action.contentAbsent) lines.push(`set TM_NEW=%~dp0${next}`, 'if not exist "%TM_NEW%" goto missing');
  if (!action.previousAbsent) lines.push(`set TM_PREV=%~dp0${prev}`, 'if not exist "%TM_PREV%" goto missing');
  if (action.previousAbsent) {
    // issue 11.5: there was no file when the fix was reviewed; one that appeared since is not ours
    lines.push('if exist "%TM_FILE%" goto changed');
  } else {
    lines.push(
      'if not exist "%TM_FILE%" goto changed',
      '"%TM_FC%" /b "%TM_FILE%" "%TM_PREV%" >nul 2>&1',
      'if errorlevel 1 goto changed',
      // -1: fc could not compare (ss64.com/nt/fc.html); `if errorlevel 1` alone would read it as equal
      'if not errorlevel 0 goto changed',
      'if exist "%TM_FILE%.tunnelmedic.bak" del "%TM_FILE%.tunnelmedic.bak"',
      'copy /b "%TM_FILE%" "%TM_FILE%.tunnelmedic.bak" >nul',
      'if not exist "%TM_FILE%.tunnelmedic.bak" goto failed',
      'del "%TM_FILE%"',
      'if exist "%TM_FILE%" goto failed',
    );
  }
  if (action.contentAbsent) return lines;
  return [...lines, 'copy /b "%TM_NEW%" "%TM_FILE%" >nul', '"%TM_FC%" /b "%TM_NEW%" "%TM_FILE%" >nul 2>&1', 'if errorlevel 1 goto failed', 'if not errorlevel 0 goto failed'];
}

/**
 * route.exe, then a fresh route print read by columns. NT 4.0's rows are destination, netmask,
 * gateway (always an address), interface (an address), metric (samples/nt4-sp5/route-print.txt).
 * present: a row with the planned gateway, interface address (when known) and metric; absent: no row
 * with that destination, netmask and gateway. All values are validated addresses and numbers.
 */
function nt4RouteStepLines(action: RouteAction, machine: ScriptMachine): string[] {
  const e = routeExpectation(action, machine);
  const conds = [`if "%%a"=="${e.destination}"`, `if "%%b"=="${e.netmask}"`];
  if (e.gateway !== '-') conds.push(`if "%%c"=="${e.gateway}"`);
  if (e.present && e.interfaceAddress) conds.push(`if "%%d"=="${e.interfaceAddress}"`);
  if (e.present && e.metric !== undefined) conds.push(`if "%%e"=="${e.metric}"`);
  return [
    `call :route ${nt4RouteArgv(action).join(' ')}`,
    '"%TM_ROUTE%" print >"%TM_OUT%" 2>&1',
    'set TM_FOUND=0',
    `for /f "tokens=1-5" %%a in ('type "%TM_OUT%"') do ${conds.join(' ')} set TM_FOUND=1`,
    e.present ? 'if not "%TM_FOUND%"=="1" goto failed' : 'if "%TM_FOUND%"=="1" goto failed',
  ];
}

/** `:route` runs route.exe and shows what it said (evidence only; never read). */
export const NT4_ROUTE_SUBROUTINE = [':route', '"%TM_ROUTE%" %* >"%TM_OUT%" 2>&1', 'type "%TM_OUT%"', 'goto :eof'];
