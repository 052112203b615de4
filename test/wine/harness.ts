import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { clearRouteData, installStandIns, installSysnative, routeCallsOf, writeRouteData, type RouteScenario } from './standins';

/**
 * Runs generated .cmd scripts in Wine's cmd.exe (DESIGN.md "Tests" §2).
 *
 * One throw-away WINEPREFIX per test file (vitest runs each file in its own process, so the module
 * state below is per file), booted lazily by the first script and removed by `disposeWinePrefix`.
 * Wine has no route.exe or nbtstat.exe (and only a stub powershell.exe); the scripts call each
 * program by its full path, so standins.ts puts a stand-in at exactly those paths (route.exe
 * answers from the route-table simulator, with injected faults).
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

export interface RunOptions {
  /** the route table route.exe's stand-in serves (and the faults it injects) */
  route?: RouteScenario;
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
    // no Mono/Gecko install dialogs during wineboot; fc.exe: the byte-comparing stand-in
    // (standins.ts) rather than Wine's builtin stub, which Wine prefers for a program in System32
    WINEDLLOVERRIDES: 'mscoree,mshtml=;fc.exe=n',
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

/**
 * Runs a Wine helper with no pipes (its daemons would hold them open) and waits for its exit — without blocking the test's event
 * loop, as spawnSync would (a Wine start under load takes tens of seconds: test/support/event-loop-turn.ts says why that matters).
 */
export function runDetachedIo(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<number> {
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

/**
 * A fresh prefix, booted. wineboot now and then exits 1 without having made the prefix when the machine is loaded (seen once in a
 * CI run beside other test processes: `wineboot -i did not create a usable prefix … (exit 1)`): the prefix is then made again, from
 * nothing, once more before the tests fail.
 */
async function bootPrefix(attempts = 2): Promise<Prefix> {
  for (let attempt = 1; ; attempt++) {
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
      await runDetachedIo('wineserver', ['-k'], env, 30_000).catch(() => -1);
      rmSync(root, { recursive: true, force: true });
      if (attempt < attempts) continue;
      throw new Error(`wineboot -i did not create a usable prefix in ${prefix} (exit ${bootCode}, ${attempts} attempts)`);
    }
    if (existsSync(join(system32, 'route.exe'))) throw new Error('this Wine ships a route.exe; the stand-in would not be called');
    const work = join(prefix, 'drive_c', 'tm');
    mkdirSync(work, { recursive: true });
    installStandIns(root, system32);
    return { root, prefix, work, system32, env };
  }
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

/** Writes `text` as C:\tm\script-N.cmd (CRLF) and runs it with `wine cmd /c`. */
export async function runCmdScript(text: string, opts: RunOptions = {}): Promise<RunResult> {
  const p = await winePrefix();
  const n = ++runCounter;
  const callsFile = join(p.work, 'route-calls.txt');
  clearRouteData(p.work);
  if (opts.route) writeRouteData(p.work, opts.route, routeCallsOf(text));
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

export interface ScriptCase {
  /** the .cmd text; it runs as C:\tm\cases\<n>\script.cmd (its %~dp0 holds the companions) */
  script: string;
  route?: RouteScenario;
  /** files beside the script (LMHOSTS companions, …) */
  files?: { name: string; bytes: Uint8Array }[];
  /** environment for this case only, e.g. PROCESSOR_ARCHITEW6432 */
  env?: Record<string, string>;
}

export interface CaseResult extends RunResult {
  /** route.exe stand-in calls with the folder it was started from (…\System32\ or …\Sysnative\) */
  routeLog: string[];
  /** the other stand-ins' logs: folder, then arguments */
  nbtstatCalls: string[];
  powershellCalls: string[];
  /** C:\tm\cases\<n> from Linux */
  dir: string;
}

let caseBatch = 0;

/**
 * Many scripts in ONE Wine run (Wine's start-up is the slow part): a driver script calls each
 * case's script in turn with its own stand-in data folder (%TMR_DIR%) and records its stdout,
 * stderr and exit code. Cases run in order, so later cases see the registry and files earlier
 * ones left.
 */
export async function runCases(cases: ScriptCase[], timeoutMs = 120_000): Promise<CaseResult[]> {
  const p = await winePrefix();
  const batch = ++caseBatch;
  const driver = ['@echo off'];
  const dirs = cases.map((c, i) => {
    const name = `b${batch}c${i + 1}`;
    const dir = join(p.work, 'cases', name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'script.cmd'), c.script.replace(/\r?\n/g, '\r\n'), 'latin1');
    for (const f of c.files ?? []) writeFileSync(join(dir, f.name), f.bytes);
    if (c.route) writeRouteData(dir, c.route, routeCallsOf(c.script));
    const win = `C:\\tm\\cases\\${name}`;
    const env = Object.entries(c.env ?? {});
    driver.push(
      `set "TMR_DIR=${win}"`,
      ...env.map(([k, v]) => `set "${k}=${v}"`),
      `call "${win}\\script.cmd" >"${win}\\stdout.txt" 2>"${win}\\stderr.txt"`,
      `>"${win}\\exit.txt" echo %errorlevel%`,
      ...env.map(([k]) => `set "${k}="`),
    );
    return dir;
  });
  writeFileSync(join(p.work, `driver-${batch}.cmd`), driver.join('\r\n') + '\r\n', 'latin1');
  const r = await run('wine', ['cmd', '/c', `C:\\tm\\driver-${batch}.cmd`], p.env, timeoutMs);
  const read = (dir: string, f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'latin1').replace(/\r\n/g, '\n') : '');
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  return dirs.map((dir) => {
    const exit = read(dir, 'exit.txt').trim();
    if (exit === '') throw new Error(`case ${dir} did not run (driver: ${r.stdout} ${r.stderr})`);
    return {
      dir,
      exitCode: Number(exit),
      stdout: read(dir, 'stdout.txt'),
      stderr: read(dir, 'stderr.txt'),
      routeCalls: lines(read(dir, 'route-calls.txt')).map((l) => l.split(/\s+/)),
      routeLog: lines(read(dir, 'route-log.txt')),
      nbtstatCalls: lines(read(dir, 'nbtstat-calls.txt')),
      powershellCalls: lines(read(dir, 'powershell-calls.txt')),
    };
  });
}

/** Adds a Sysnative folder to the prefix (standins.ts installSysnative). */
export async function withSysnative(): Promise<void> {
  const p = await winePrefix();
  installSysnative(join(p.prefix, 'drive_c', 'windows'), p.system32);
}
