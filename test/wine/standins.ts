import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import type { RouteTable } from '../../app/core/sim/route-table';

/**
 * Stand-ins at the exact paths the generated scripts call (issue 11.4): System32\route.exe,
 * System32\nbtstat.exe and System32\WindowsPowerShell\v1.0\powershell.exe — and, for the WOW64
 * case, the same under a Sysnative folder. Each is the tiny launcher of standin/launcher.c, which
 * runs the batch file beside it with the same name (route.cmd …) and returns its exit code, so the
 * behaviour stays readable batch while the scripts really start an .exe by full path.
 *
 * fc.exe is replaced too, at the same paths: Wine's own is a stub that exits 0 for any two files,
 * which would let every "changed since it was reviewed" check pass. standin/fc.c compares bytes and
 * exits as Windows' fc does (0 same, 1 different, 2 a file missing; sources in fc.c).
 *
 * route.cmd answers from files the test wrote into %TMR_DIR% (default C:\tm) beforehand: for the
 * k-th changing call its output text and exit code, for `print [filter]` after k changing calls
 * the simulator's table at that point (writeRouteData). So a call can be made to fail while
 * printing " OK!", or succeed while printing words nobody knows — the script must judge by the
 * table either way.
 */

const here = __dirname;

const built = new Map<string, Buffer>();

/** gcc + GNU ld (i386pep) → a PE console program from standin/NAME.c, linked against the prefix's kernel32.dll. */
function buildStandIn(name: 'launcher' | 'fc', root: string, system32: string, variant?: 'FC_CANNOT_COMPARE'): Buffer {
  const key = variant ? `${name}-${variant}` : name;
  const cached = built.get(key);
  if (cached) return cached;
  const obj = join(root, `${key}.o`);
  const exe = join(root, `${key}.exe`);
  const defines = variant ? [`-D${variant}`] : [];
  const cc = spawnSync('gcc', ['-O2', '-c', '-ffreestanding', '-fno-builtin', '-fno-stack-protector', '-fno-asynchronous-unwind-tables', '-fPIE', '-mno-red-zone', ...defines, join(here, 'standin', `${name}.c`), '-o', obj], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`gcc could not build the ${name} stand-in (install gcc): ${cc.stderr || cc.error}`);
  // ELF sections the PE linker cannot place
  spawnSync('objcopy', ['-R', '.comment', '-R', '.note.GNU-stack', '-R', '.note.gnu.property', obj], { encoding: 'utf8' });
  const ld = spawnSync('ld', ['-m', 'i386pep', '--subsystem', 'console', '-e', 'start', '-s', '--image-base', '0x400000', '-o', exe, obj, join(system32, 'kernel32.dll')], { encoding: 'utf8' });
  if (ld.status !== 0 || !existsSync(exe)) throw new Error(`ld (binutils with the i386pep emulation) could not link the ${name} stand-in: ${ld.stderr || ld.error}`);
  const bytes = readFileSync(exe);
  built.set(key, bytes);
  return bytes;
}

/**
 * An fc.exe that cannot compare: it exits -1 as Windows' fc does for invalid syntax
 * (ss64.com/nt/fc.html). `if errorlevel 1` is false for -1, so a script judging fc by that alone
 * would read "cannot compare" as "identical"; the Wine tests swap this in to prove ours does not.
 */
function fcCannotCompareStandIn(root: string, system32: string): Buffer {
  return buildStandIn('fc', root, system32, 'FC_CANNOT_COMPARE');
}

/**
 * Case scripts around a test of that fc.exe: `swapIn` puts it (the companion `file`, beside each
 * case script) over every fc.exe a script could start (System32, and Sysnative when the harness made
 * one), `swapBack` puts the byte-comparing stand-in back; run them first and last in one Wine run.
 */
export function fcCannotCompareCases(root: string, system32: string): { swapIn: string; swapBack: string; file: { name: string; bytes: Buffer } } {
  const fcPaths = ['%SystemRoot%\\System32\\fc.exe', '%SystemRoot%\\Sysnative\\fc.exe'];
  const swapIn = ['@echo off', 'copy /y /b "%SystemRoot%\\System32\\fc.exe" "%SystemRoot%\\tm-fc-good.exe" >nul', ...fcPaths.map((f) => `if exist "${f}" copy /y /b "%~dp0fc-broken.exe" "${f}" >nul`)].join('\r\n');
  const swapBack = ['@echo off', ...fcPaths.map((f) => `if exist "${f}" copy /y /b "%SystemRoot%\\tm-fc-good.exe" "${f}" >nul`)].join('\r\n');
  return { swapIn, swapBack, file: { name: 'fc-broken.exe', bytes: fcCannotCompareStandIn(root, system32) } };
}

const ROUTE_CMD = [
  '@echo off',
  'setlocal EnableExtensions DisableDelayedExpansion',
  'if not defined TMR_DIR set "TMR_DIR=C:\\tm"',
  'set "TMR_M=0"',
  'if exist "%TMR_DIR%\\route-mods.txt" set /p TMR_M=<"%TMR_DIR%\\route-mods.txt"',
  '>>"%TMR_DIR%\\route-log.txt" echo %~dp0 %*',
  'if /i "%~1"=="print" goto :print',
  'set /a TMR_M+=1',
  '>"%TMR_DIR%\\route-mods.txt" echo %TMR_M%',
  '>>"%TMR_DIR%\\route-calls.txt" echo %*',
  'if exist "%TMR_DIR%\\route-out-%TMR_M%.txt" type "%TMR_DIR%\\route-out-%TMR_M%.txt"',
  'set "TMR_X=0"',
  'if exist "%TMR_DIR%\\route-exit-%TMR_M%.txt" set /p TMR_X=<"%TMR_DIR%\\route-exit-%TMR_M%.txt"',
  'exit /b %TMR_X%',
  ':print',
  'if exist "%TMR_DIR%\\route-print-%TMR_M%-%~2.txt" type "%TMR_DIR%\\route-print-%TMR_M%-%~2.txt"',
  'if not exist "%TMR_DIR%\\route-print-%TMR_M%-%~2.txt" type "%TMR_DIR%\\route-print-%TMR_M%.txt"',
  'exit /b 0',
];

/** nbtstat.exe / powershell.exe: log the folder they were started from and their arguments. */
const logOnly = (name: string, output: string) => [
  '@echo off',
  'if not defined TMR_DIR set "TMR_DIR=C:\\tm"',
  `>>"%TMR_DIR%\\${name}-calls.txt" echo %~dp0 %*`,
  ...(output ? [`echo ${output}`] : []),
  `if exist "%TMR_DIR%\\${name}-fail.txt" exit /b 1`,
  'exit /b 0',
];

const STAND_INS: { dir: string; name: string; script: string[] }[] = [
  { dir: '', name: 'route', script: ROUTE_CMD },
  // Windows' success line for -R (windows-reference.md §3)
  { dir: '', name: 'nbtstat', script: logOnly('nbtstat', '    Successful purge and preload of the NBT Remote Cache Name Table.') },
  { dir: 'WindowsPowerShell\\v1.0', name: 'powershell', script: logOnly('powershell', '') },
];

export function installStandIns(root: string, system32: string): void {
  const programs = { launcher: buildStandIn('launcher', root, system32), fc: buildStandIn('fc', root, system32) };
  installInto(system32, programs);
}

function installInto(base: string, programs: { launcher: Buffer; fc: Buffer }): void {
  for (const s of STAND_INS) {
    const dir = join(base, ...s.dir.split('\\').filter(Boolean));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${s.name}.exe`), programs.launcher);
    writeFileSync(join(dir, `${s.name}.cmd`), s.script.join('\r\n') + '\r\n', 'latin1');
  }
  // over Wine's own fc.exe, a stub that exits 0 for any two files (standin/fc.c)
  writeFileSync(join(base, 'fc.exe'), programs.fc);
}

/**
 * A Sysnative folder as a 32-bit process on 64-bit Windows sees it: the stand-ins (fc.exe's
 * included) plus the Windows programs the scripts start from it (cmd.exe for the launcher, reg.exe).
 */
export function installSysnative(windowsDir: string, system32: string): void {
  const sysnative = join(windowsDir, 'Sysnative');
  mkdirSync(sysnative, { recursive: true });
  installInto(sysnative, { launcher: built.get('launcher')!, fc: built.get('fc')! });
  for (const f of ['cmd.exe', 'reg.exe']) copyFileSync(join(system32, f), join(sysnative, f));
}

export interface RouteFault {
  /** false: the call changes nothing (default true) */
  applies?: boolean;
  /** what route.exe prints instead of the simulator's own message */
  text?: string;
  exitCode?: number;
}

export interface RouteScenario {
  /** the machine before the script runs; not changed (a clone is used) */
  table: RouteTable;
  /** by 1-based changing call */
  faults?: Record<number, RouteFault>;
}

/** The route.exe calls a rendered .cmd will make, in order (its `call :route …` lines). */
export function routeCallsOf(script: string): string[][] {
  return [...script.matchAll(/^call :route (.+)$/gm)].map((m) => m[1]!.trim().split(/\s+/));
}

const OEM: Record<string, string> = { en: 'cp437', de: 'cp850', fr: 'cp850', 'zh-CN': 'cp936', ru: 'cp866' };

/** Precomputes every answer route.cmd may give for these calls (see the file comment). */
export function writeRouteData(dir: string, scenario: RouteScenario, calls: string[][]): void {
  const table = scenario.table.clone();
  const encoding = OEM[table.windows.language] ?? 'cp437';
  const encode = (text: string) => iconv.encode(text, encoding);
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;
  const filters = new Set<string>([...calls.flat().filter((a) => ipv4.test(a)), ...table.state().interfaces.flatMap((i) => i.addresses.map((a) => a.address))]);
  for (let k = 0; ; k++) {
    writeFileSync(join(dir, `route-print-${k}.txt`), encode(table.print()));
    for (const f of filters) writeFileSync(join(dir, `route-print-${k}-${f}.txt`), encode(table.print(f)));
    if (k === calls.length) break;
    const fault = scenario.faults?.[k + 1] ?? {};
    const result = fault.applies === false ? { stdout: '', exitCode: 0 } : table.exec(calls[k]!);
    // route.exe ends what it prints with CRLF
    const text = fault.text === undefined ? result.stdout : fault.text === '' || fault.text.endsWith('\n') ? fault.text : `${fault.text}\r\n`;
    writeFileSync(join(dir, `route-out-${k + 1}.txt`), encode(text));
    writeFileSync(join(dir, `route-exit-${k + 1}.txt`), `${fault.exitCode ?? result.exitCode}\r\n`);
  }
}

export function clearRouteData(dir: string): void {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (/^route-/.test(f)) rmSync(join(dir, f), { force: true });
}

export const standinSource = resolve(here, 'standin', 'launcher.c');
