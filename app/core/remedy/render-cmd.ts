import { isRouteAction, routeArgv, type RouteAction } from './actions';
import { escapeCmdEcho } from './escape';
import { needsRegImport, regImportSubroutine, REG_VIEW_PROLOGUE, renderOtherCmdStep, replaceFileSubroutine } from './render-registry';
import { cmdMessage, englishScriptWords, type ScriptWords } from './script-words';
import { interfaceAddressOf, printsInterfaceMetric, UNKNOWN_MACHINE, type ScriptMachine } from './script-machine';
import type { ScriptStep } from './script-step';
import type { StepTexts } from './step-texts';

/** (defined in script-step.ts, where step-texts.ts takes it from without importing this renderer) */
export type { ScriptStep };

export interface ScriptSpec {
  /** e.g. "TunnelMedic fix route.vpn-default-route-wins (split tunnel, until reconnect)" */
  title: string;
  steps: ScriptStep[];
  /** what the script says on its own, in the report's language (script-words.ts); English when absent */
  words?: ScriptWords;
  /** steps' texts already rendered for another fix of the same finding, for this machine (step-texts.ts) */
  texts?: StepTexts;
}

/**
 * Every program by its full path (issue 11.4): the scripts never search PATH. On 64-bit Windows a
 * 32-bit cmd.exe (PROCESSOR_ARCHITEW6432 is set in it) sees SysWOW64 as System32; the 64-bit tools
 * are reached through the Sysnative alias (windows-reference.md §12), which only 32-bit processes
 * see — nbtstat.exe has no 32-bit copy at all. Sysnative is absent on XP/2003 x64 without
 * KB942589, hence the `if exist`. powershell.exe lives in System32\WindowsPowerShell\v1.0, not in
 * System32 itself.
 */
export const TOOL_PATHS_PROLOGUE = [
  'set "TM_SYS=%SystemRoot%\\System32"',
  'if defined PROCESSOR_ARCHITEW6432 if exist "%SystemRoot%\\Sysnative\\cmd.exe" set "TM_SYS=%SystemRoot%\\Sysnative"',
  'set "TM_ROUTE=%TM_SYS%\\route.exe"',
  'set "TM_REG=%TM_SYS%\\reg.exe"',
  'set "TM_NBTSTAT=%TM_SYS%\\nbtstat.exe"',
  'set "TM_FC=%TM_SYS%\\fc.exe"',
  'set "TM_PS=%TM_SYS%\\WindowsPowerShell\\v1.0\\powershell.exe"',
  // anything the script still starts by name (none today) finds only Windows' own programs
  'set "PATH=%TM_SYS%;%SystemRoot%"',
];

/**
 * Renders a cmd.exe script (Windows 2000 and later; see script-dialect.ts for older ones). A route
 * step is judged by the route table, never by route.exe's words or exit code (issue 11.1): its
 * output is shown as evidence, then `route print` is read by columns — destination,
 * netmask, gateway (an address, or the translated "On-link", one or more words), interface address,
 * metric — and the step counts as done only when the added or changed route is there with the
 * planned gateway, interface and metric, or the deleted one is gone. On Vista+ the printed metric
 * is route metric + interface metric; the interface metric is read live from the interface's own
 * host route (printed 256 + interface metric), so a metric that moved since the capture is no
 * false alarm. The script stops at the first step that did not take effect and names it.
 */
export function renderCmd(spec: ScriptSpec, machine: ScriptMachine = UNKNOWN_MACHINE): string {
  const total = spec.steps.length;
  const words = spec.words ?? englishScriptWords();
  const lines: string[] = [
    '@echo off',
    'setlocal EnableExtensions DisableDelayedExpansion',
    `echo ${escapeCmdEcho(spec.title)}`,
    ...TOOL_PATHS_PROLOGUE,
    'set "TM_OUT=%TEMP%\\tunnelmedic-route-%RANDOM%.txt"',
  ];
  const others = spec.steps.some((s) => !isRouteAction(s.action));
  if (others) lines.push(...REG_VIEW_PROLOGUE);
  const sum = printsInterfaceMetric(machine) ? '+' : '=';
  const texts = spec.texts?.machine === machine ? spec.texts : undefined;
  // a for loop pushing each step's lines itself: no closure, no array per step spread into lines
  for (let i = 0; i < total; i++) {
    const step = spec.steps[i]!;
    const n = i + 1;
    const kept = texts?.of(step);
    const echo = kept ? (kept.cmdEcho ??= escapeCmdEcho(step.label)) : escapeCmdEcho(step.label);
    lines.push(`echo [${n}/${total}] ${echo}`, `set "TM_STEP=${n}"`);
    const body = kept ? (kept.cmdLines ??= stepLines(step, machine, sum)) : stepLines(step, machine, sum);
    for (let k = 0; k < body.length; k++) lines.push(body[k]!);
    lines.push('if errorlevel 1 goto :failed');
  }
  lines.push(
    `echo ${cmdMessage(words, 'allDone', { total: String(total) })}`,
    'del "%TM_OUT%" >nul 2>&1',
    'exit /b 0',
    '',
    ':failed',
    `>&2 echo ${cmdMessage(words, 'stepFailed', { step: '%TM_STEP%' })}`,
    'del "%TM_OUT%" >nul 2>&1',
    'exit /b 1',
  );
  if (spec.steps.some((s) => isRouteAction(s.action))) lines.push('', ...routeSubroutines(words));
  if (spec.steps.some((s) => s.action.kind === 'file.replace')) lines.push('', ...replaceFileSubroutine(words));
  if (spec.steps.some((s) => needsRegImport(s.action))) lines.push('', ...regImportSubroutine(words));
  return checkedScript(lines);
}

/**
 * cmd.exe reads at most 8 191 characters per line (after expansion) and reads the file in the OEM
 * code page (issue 12.1, 12.8). Every value that could break either travels in a companion file
 * and echoed text is shortened and kept ASCII (escapeCmdEcho), so these checks only catch a
 * programming error — a script that would not do what it shows is never returned.
 * Margin: after expansion a line grows only by the %TM_…% paths and %~dp0 (each < 300 characters).
 */
export const CMD_LINE_LIMIT = 8191;
const RENDER_LINE_MAX = 6000;

export function checkedScript(lines: string[]): string {
  // one look at the script as written, not one per line: a line is most often a template's
  // unflattened string, and a regex test of each flattened it into a copy first. The text passes
  // when it is printable ASCII lines each ended by CRLF, and holds as many line ends as lines (no
  // lines: one empty line) — one more would be a line holding CRLF (a lone CR or LF is not printable)
  const text = lines.join('\r\n') + '\r\n';
  if (lines.every((line) => line.length <= RENDER_LINE_MAX) && SCRIPT_LINES.test(text) && returnsIn(text) === Math.max(lines.length, 1)) return text;
  // line by line, to name the first problem
  for (const line of lines) {
    if (line.length > RENDER_LINE_MAX) throw new Error(`a generated .cmd line would be ${line.length} characters long (cmd.exe reads at most ${CMD_LINE_LIMIT})`);
    if (!PRINTABLE_ONLY.test(line)) throw new Error('a generated .cmd line holds a character outside printable ASCII (cmd.exe would read it in the OEM code page)');
  }
  throw new Error('unreachable: a generated .cmd script failed the whole-text check but no line failed line by line');
}

/** printable ASCII lines, each ended by CRLF */
const SCRIPT_LINES = /^(?:[\x20-\x7e]*\r\n)*$/;

/** CRs in the text (SCRIPT_LINES passed: each begins a CRLF) */
function returnsIn(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 2)) n++;
  return n;
}

const PRINTABLE_ONLY = /^[\x20-\x7e]*$/;

/** What the fresh read must show after a route step: `:check` arguments (all plain numbers). */
export interface RouteExpectation {
  present: boolean;
  destination: string;
  netmask: string;
  gateway: string;
  /** the interface's address (route print's Interface column); undefined: not checked */
  interfaceAddress?: string;
  /** the route metric given to route.exe; undefined: not checked (a delete) */
  metric?: number;
}

export function routeExpectation(action: RouteAction, machine: ScriptMachine): RouteExpectation {
  // route.delete always names its gateway in our plans (inverseOf refuses otherwise); an on-link
  // delete without one is judged by destination and mask alone
  const gateway = action.gateway ?? '-';
  if (action.kind === 'route.delete') return { present: false, destination: action.destination, netmask: action.netmask, gateway };
  return { present: true, destination: action.destination, netmask: action.netmask, gateway, interfaceAddress: interfaceAddressOf(machine, action.interfaceIndex), metric: action.metric };
}

/** A step's lines between `set "TM_STEP=n"` and `if errorlevel`; `sum`: '+' when route print adds the interface metric (Vista+), '=' when it prints the metric as given. */
function stepLines(step: ScriptStep, machine: ScriptMachine, sum: '+' | '='): readonly string[] {
  if (!isRouteAction(step.action)) return renderOtherCmdStep(step.action);
  const e = routeExpectation(step.action, machine);
  return [`call :route ${routeArgv(step.action).join(' ')}`, `call :check ${e.present ? 'present' : 'absent'} ${e.destination} ${e.netmask} ${e.gateway} ${e.interfaceAddress ?? '-'} ${e.metric ?? '-'} ${sum}`];
}

/**
 * `:route` runs route.exe and shows what it said (evidence only). `:check` reads the table:
 * %1 present|absent, %2 destination, %3 netmask, %4 gateway, %5 interface address or -, %6 route
 * metric or -, %7 + (printed metric includes the interface metric) or =. A row matches when its
 * gateway column is the gateway, or is not an address (On-link in any language) while its
 * interface column is the gateway (a route through the interface's own address). An absent check
 * ignores interface and metric: any such row means the delete did not take effect.
 * `if errorlevel`, not `&&`/`||`: Wine's cmd (8.0) runs both sides of those after an external program.
 */
export const routeSubroutines = (words: ScriptWords): string[] => [
  ':route',
  '"%TM_ROUTE%" %* >"%TM_OUT%" 2>&1',
  'type "%TM_OUT%"',
  'exit /b 0',
  '',
  ':check',
  'set "TM_WANT=%1"',
  'set "TM_D=%2"',
  'set "TM_K=%3"',
  'set "TM_G=%4"',
  'set "TM_A=%5"',
  'set "TM_M=%6"',
  'if "%TM_A%"=="-" set "TM_A="',
  'if "%TM_M%"=="-" set "TM_M="',
  'if "%TM_WANT%"=="absent" set "TM_A="',
  // one read of the whole table serves both rows (each program start counts on a busy machine)
  '"%TM_ROUTE%" print >"%TM_OUT%" 2>&1',
  'if not "%7"=="+" goto :check_read',
  'if not defined TM_A set "TM_M="',
  'if not defined TM_M goto :check_read',
  'set "TM_IFM="',
  'for /f "usebackq tokens=1,2,*" %%a in ("%TM_OUT%") do if "%%a"=="%TM_A%" if "%%b"=="255.255.255.255" call :hostrow %%c',
  'if not defined TM_IFM set "TM_M="',
  'if defined TM_IFM set /a TM_M=TM_M+TM_IFM',
  ':check_read',
  'set "TM_FOUND=0"',
  'for /f "usebackq tokens=1,2,*" %%a in ("%TM_OUT%") do if "%%a"=="%TM_D%" if "%%b"=="%TM_K%" call :row %%c',
  'if "%TM_WANT%"=="present" if "%TM_FOUND%"=="1" exit /b 0',
  'if "%TM_WANT%"=="absent" if "%TM_FOUND%"=="0" exit /b 0',
  `>&2 echo ${cmdMessage(words, 'routeNotShown', { want: '%TM_WANT%', destination: '%TM_D%', netmask: '%TM_K%', gateway: '%TM_G%' })}`,
  'exit /b 1',
  '',
  ':row',
  'set "TM_GC=%~1"',
  'call :lasttwo %*',
  'if %TM_N% lss 3 exit /b 0',
  'set "TM_X="',
  'for /f "delims=0123456789." %%x in ("%TM_GC%") do set "TM_X=%%x"',
  'set "TM_HIT="',
  'if "%TM_GC%"=="%TM_G%" set "TM_HIT=1"',
  'if defined TM_X if "%TM_P%"=="%TM_G%" set "TM_HIT=1"',
  'if not defined TM_HIT exit /b 0',
  'if defined TM_A if not "%TM_P%"=="%TM_A%" exit /b 0',
  'if "%TM_WANT%"=="present" if defined TM_M if not "%TM_L%"=="%TM_M%" exit /b 0',
  'set "TM_FOUND=1"',
  'exit /b 0',
  '',
  ':hostrow',
  'call :lasttwo %*',
  'if not "%TM_P%"=="%TM_A%" exit /b 0',
  'set "TM_X="',
  'for /f "delims=0123456789" %%x in ("%TM_L%") do set "TM_X=%%x"',
  'if defined TM_X exit /b 0',
  'set /a TM_IFM=TM_L-256',
  'exit /b 0',
  '',
  ':lasttwo',
  'set "TM_P="',
  'set "TM_L="',
  'set "TM_N=0"',
  ':lasttwo_next',
  'if "%~1"=="" exit /b 0',
  'set "TM_P=%TM_L%"',
  'set "TM_L=%~1"',
  'set /a TM_N+=1',
  'shift',
  'goto :lasttwo_next',
];
