import { isRouteAction, type RouteAction } from './actions';
import type { ScriptSpec } from './render-cmd';
import { routeExpectation } from './render-cmd';
import { nt4RouteArgv } from './render-cmd-nt4';
import { batLiteral } from './escape';
import { checkScriptConstructs } from './script-constructs';
import { batMessage, englishScriptWords } from './script-words';
import { UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';

/**
 * A .bat for COMMAND.COM on Windows 95/98/ME (issue 11.6): the only shell there. COMMAND.COM has no
 * FOR /F, no SETLOCAL, no CALL :label, no SET /A, no stderr redirection (script-constructs.ts
 * COMMAND_COM_LACKS lists each with its source), so route print cannot be split into columns. What
 * it has is FIND, whose exit code is documented (KB Q81819; MS-DOS 6.0+: 0 found, 1 not found, 2
 * error), and pipes/redirection of standard input and output. A route step is judged by the route
 * table all the same, by filtering `route print` through one FIND per value that must be on the row
 * — destination, netmask, gateway and (for an add) the interface address, each between blanks:
 *   present: some row holds all of them; absent: no row holds destination, netmask and gateway.
 * The metric (route print's last column) cannot be matched by FIND, so route change (a metric-only
 * change) is refused for 9x in script-dialect.ts, and an add's metric is not checked (the README says
 * so). route.exe's own words are shown, never read.
 *
 * No variables are set: a 9x DOS box has a small environment ("Out of environment space"), and
 * COMMAND.COM reads at most 127 characters per command line, so every line stays short
 * (checkScriptConstructs checks both). Paths: route.exe is in the Windows folder and FIND.EXE in
 * its COMMAND folder on Windows 95/98/ME (assumed: where their setup puts them; %windir% is set by
 * Windows itself).
 */
export function renderBat9x(spec: ScriptSpec, machine: ScriptMachine = UNKNOWN_MACHINE): string {
  const total = spec.steps.length;
  const words = spec.words ?? englishScriptWords();
  const lines: string[] = [
    '@echo off',
    `echo ${batEcho(spec.title)}`,
    'rem Windows 95/98/ME dialect (COMMAND.COM): each step is judged by FIND over route print.',
    'if not exist %windir%\\ROUTE.EXE goto notool',
    'if not exist %windir%\\COMMAND\\FIND.EXE goto notool',
  ];
  spec.steps.forEach((step, i) => {
    if (!isRouteAction(step.action)) throw new Error(`the Windows 9x dialect cannot render ${step.action.kind} (script-dialect.ts refuses it)`);
    lines.push(`echo [${i + 1}/${total}] ${batEcho(step.label)}`, ...bat9xRouteStepLines(step.action, machine));
  });
  lines.push(
    `echo ${batMessage(words, 'allDone', { total: String(total) })}`,
    'goto cleanup',
    ':failed',
    `echo ${batMessage(words, 'stepNoEffect9x')}`,
    'goto cleanup',
    ':notool',
    `echo ${batMessage(words, 'toolsMissing9x', { route: '%windir%\\ROUTE.EXE', find: '%windir%\\COMMAND\\FIND.EXE' })}`,
    ':cleanup',
    `if exist ${TMP_A} del ${TMP_A}`,
    `if exist ${TMP_B} del ${TMP_B}`,
  );
  const script = lines.join('\r\n') + '\r\n';
  checkScriptConstructs(script, 'command-com');
  return script;
}

const TMP_A = '%TEMP%\\TMROUTEA.TXT';
const TMP_B = '%TEMP%\\TMROUTEB.TXT';
const FIND = '%windir%\\COMMAND\\FIND.EXE';

function bat9xRouteStepLines(action: RouteAction, machine: ScriptMachine): string[] {
  const e = routeExpectation(action, machine);
  const values = [e.destination, e.netmask, ...(e.gateway !== '-' ? [e.gateway] : []), ...(e.present && e.interfaceAddress ? [e.interfaceAddress] : [])];
  // each FIND reads the previous one's rows; its own exit code 2 (an error) stops the script, so an
  // error is never taken for "no such row"
  const lines = [`%windir%\\ROUTE.EXE ${nt4RouteArgv(action).join(' ')}`, `%windir%\\ROUTE.EXE PRINT >${TMP_A}`];
  values.forEach((v, i) => {
    const [from, to] = i % 2 === 0 ? [TMP_A, TMP_B] : [TMP_B, TMP_A];
    lines.push(`${FIND} " ${v} " <${from} >${to}`, 'if errorlevel 2 goto failed');
  });
  // the last FIND's exit code: 0 = a row holds every value, 1 = none does
  lines.push(e.present ? 'if errorlevel 1 goto failed' : 'if not errorlevel 1 goto failed');
  return lines;
}

/**
 * Text for `echo` under COMMAND.COM: printable ASCII without the characters it treats specially
 * (% < > | and the quote), cut short enough for its 127-character command line.
 */
export function batEcho(text: string): string {
  const safe = batLiteral(text).replace(/ +/g, ' ').trim();
  const short = safe.length > 100 ? `${safe.slice(0, 97)}...` : safe;
  if (short === '' || /^(on|off)$/i.test(short) || short.startsWith('/')) return `- ${short}`;
  return short;
}
