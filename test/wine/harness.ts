import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { escapeCmdEcho } from '../../app/core/remedy/escape';

/**
 * Runs generated .cmd scripts in Wine's cmd.exe (DESIGN.md "Tests" §2).
 *
 * One throw-away WINEPREFIX per test file (vitest runs each file in its own process, so the module
 * state below is per file), booted lazily by the first script and removed by `disposeWinePrefix`.
 * Wine has no route.exe; the scripts call `route` with PATH pinned to %SystemRoot%\System32, so a
 * stand-in `route.cmd` placed there receives the calls: it appends its arguments to a log and
 * prints route.exe's Vista+ success line " OK!", or a real failure message on a chosen call.
 *
 * Wine's cmd is not Microsoft's: what passes here is what both agree on (see render-cmd.ts for the
 * one difference found so far, `&&` after an external program).
 */

const ciRequired = process.env.CI === 'true';
const wineFound = spawnSync('sh', ['-c', 'command -v wine'], { encoding: 'utf8' }).status === 0;

if (!wineFound) {
  if (ciRequired) throw new Error('wine is not on PATH; CI (CI=true) must run the Wine script tests.');
  console.warn('[wine] `wine` not found on PATH: the Wine script integration tests are skipped on this machine.');
}

export const wineAvailable = wineFound;
/** `describe` when Wine is present, `describe.skip` otherwise (CI fails at import instead). */
/**
 * Wine under load (the e2e browser on the other core) now and then fails to start a child process
 * and cmd.exe reports "Can't recognize '<the whole line>' as an internal or external command";
 * that is the emulator, not the script, so a Wine test gets two more tries before it counts as failed.
 */
export function describeWine(name: string, fn: () => void): void {
  (wineFound ? describe : describe.skip)(name, { retry: 2 }, fn);
}

export interface RouteStandIn {
  /** 1-based call that fails; the stand-in prints `failureMessage` instead of " OK!" */
  failOnCall?: number;
  /** default: route.exe's "Element not found" for a delete */
  failureMessage?: string;
  /** route.exe exits 0 after most API failures (its quirk); default 0 */
  failureExitCode?: number;
}

export interface RunOptions {
  route?: RouteStandIn;
  timeoutMs?: number;
}

export interface RunResult {
  exitCode: number;
  /** CRLF turned into LF */
  stdout: string;
  stderr: string;
  /** one argv per route call, in order */
  routeCalls: string[][];
}

interface Prefix {
  root: string;
  prefix: string;
  /** C:\tm as seen from Linux */
  work: string;
  system32: string;
  env: NodeJS.ProcessEnv;
}

let prefixPromise: Promise<Prefix> | undefined;
let runCounter = 0;

function wineEnv(prefix: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    // no Mono/Gecko install dialogs during wineboot
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    WINEARCH: 'win64',
  };
  // headless: without DISPLAY Wine's cmd still runs (no window is ever created)
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return env;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('latin1').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('latin1').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Runs a Wine helper with no pipes (its daemons would hold them open) and waits for its exit. */
function runDetachedIo(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

async function bootPrefix(): Promise<Prefix> {
  const root = mkdtempSync(join(tmpdir(), 'tunnelmedic-wine-'));
  // safety net when afterAll never runs (worker killed after a timeout)
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  const prefix = join(root, 'prefix');
  const env = wineEnv(prefix);
  // A persistent wineserver, started first and without our pipes: otherwise each `wine cmd` starts
  // its own server (and services) that inherit stdout and keep it open for seconds after cmd exits.
  await runDetachedIo('wineserver', ['-p'], env, 30_000);
  const bootCode = await runDetachedIo('wineboot', ['-i'], env, 120_000);
  const system32 = join(prefix, 'drive_c', 'windows', 'system32');
  if (!existsSync(join(system32, 'cmd.exe'))) {
    throw new Error(`wineboot -i did not create a usable prefix in ${prefix} (exit ${bootCode})`);
  }
  if (existsSync(join(system32, 'route.exe'))) throw new Error('this Wine ships a route.exe; the stand-in would not be called');
  const work = join(prefix, 'drive_c', 'tm');
  mkdirSync(work, { recursive: true });
  return { root, prefix, work, system32, env };
}

export function winePrefix(): Promise<Prefix> {
  prefixPromise ??= bootPrefix();
  return prefixPromise;
}

/** Stops this prefix's wineserver and deletes the prefix. Call from afterAll. */
export async function disposeWinePrefix(): Promise<void> {
  if (!prefixPromise) return;
  const p = await prefixPromise.catch(() => undefined);
  prefixPromise = undefined;
  if (!p) return;
  await runDetachedIo('wineserver', ['-k'], p.env, 30_000).catch(() => undefined);
  rmSync(p.root, { recursive: true, force: true });
}

/** route.cmd: counts its calls in C:\tm\route-count.txt and logs argv to C:\tm\route-calls.txt. */
export function routeStandInScript(opts: RouteStandIn = {}): string {
  const lines = [
    '@echo off',
    'setlocal EnableExtensions DisableDelayedExpansion',
    'set "TMR_N=0"',
    'if exist "C:\\tm\\route-count.txt" set /p TMR_N=<"C:\\tm\\route-count.txt"',
    'set /a TMR_N+=1',
    '>"C:\\tm\\route-count.txt" echo %TMR_N%',
    '>>"C:\\tm\\route-calls.txt" echo %*',
  ];
  if (opts.failOnCall !== undefined) {
    lines.push(`if "%TMR_N%"=="${opts.failOnCall}" goto :fail`);
  }
  lines.push('echo  OK!', 'exit /b 0', ':fail');
  lines.push(`echo ${escapeCmdEcho(opts.failureMessage ?? 'The route deletion failed: Element not found.')}`);
  lines.push(`exit /b ${opts.failureExitCode ?? 0}`);
  return lines.join('\r\n') + '\r\n';
}

/** Writes `text` as C:\tm\script-N.cmd (CRLF) and runs it with `wine cmd /c`. */
export async function runCmdScript(text: string, opts: RunOptions = {}): Promise<RunResult> {
  const p = await winePrefix();
  const n = ++runCounter;
  const callsFile = join(p.work, 'route-calls.txt');
  rmSync(callsFile, { force: true });
  rmSync(join(p.work, 'route-count.txt'), { force: true });
  writeFileSync(join(p.system32, 'route.cmd'), routeStandInScript(opts.route), 'latin1');
  writeFileSync(join(p.work, `script-${n}.cmd`), text.replace(/\r?\n/g, '\r\n'), 'latin1');
  const result = await run('wine', ['cmd', '/c', `C:\\tm\\script-${n}.cmd`], p.env, opts.timeoutMs ?? 60_000);
  const calls = existsSync(callsFile) ? readFileSync(callsFile, 'latin1') : '';
  return {
    exitCode: result.code,
    stdout: result.stdout.replace(/\r\n/g, '\n'),
    stderr: result.stderr.replace(/\r\n/g, '\n'),
    routeCalls: calls
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => line.split(/\s+/)),
  };
}
