import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCaptureBytes } from '../../app/core/capture/decode';
import type { CompanionFile } from '../../app/core/remedy/render-registry';
import { runCmdScript, winePrefix, type RunResult } from './harness';

/**
 * Helpers for the registry and LMHOSTS script tests, on top of harness.ts (same prefix, same
 * runner). Wine has reg.exe (add/delete/query/export) but no nbtstat.exe: the stand-in at
 * System32\nbtstat.exe (standins.ts) logs its arguments and prints Windows' success line.
 */

let exportCounter = 0;

/** `reg export` of a key: the exact bytes (UTF-16LE with BOM) and the decoded text; null when absent. */
export async function exportKey(key: string): Promise<{ bytes: Buffer; text: string } | null> {
  const p = await winePrefix();
  const name = `export-${++exportCounter}.reg`;
  const file = join(p.work, name);
  rmSync(file, { force: true });
  const r = await runCmdScript(`@echo off\r\nreg export "${key}" C:\\tm\\${name} /y /reg:64 >nul 2>&1\r\nexit /b %errorlevel%\r\n`);
  if (r.exitCode !== 0 || !existsSync(file)) return null;
  const bytes = readFileSync(file);
  return { bytes, text: decodeCaptureBytes(bytes).text };
}

/** `reg query KEY` output as a collector would save it: the command line first, then the output. */
export async function queryKey(key: string): Promise<string> {
  const r = await runCmdScript(`@echo off\r\nreg query "${key}" /reg:64\r\n`);
  return `reg query "${key}"\n${r.stdout}${r.stderr.replace(/^reg: /gm, 'ERROR: ')}`;
}

export async function writeCompanions(files: CompanionFile[]): Promise<void> {
  const p = await winePrefix();
  for (const f of files) writeFileSync(join(p.work, f.name), f.bytes);
}

export async function removeCompanions(files: CompanionFile[]): Promise<void> {
  const p = await winePrefix();
  for (const f of files) rmSync(join(p.work, f.name), { force: true });
}

export async function lmhostsPath(): Promise<string> {
  const p = await winePrefix();
  const dir = join(p.system32, 'drivers', 'etc');
  mkdirSync(dir, { recursive: true });
  return join(dir, 'lmhosts');
}

/** nbtstat.exe's stand-in is installed with the prefix (standins.ts); this clears its call log. */
export async function installNbtstatStandIn(): Promise<void> {
  const p = await winePrefix();
  rmSync(join(p.work, 'nbtstat-calls.txt'), { force: true });
}

export async function nbtstatCalls(): Promise<string[]> {
  const p = await winePrefix();
  const f = join(p.work, 'nbtstat-calls.txt');
  // each line: the folder the stand-in was started from, then its arguments
  return existsSync(f) ? readFileSync(f, 'latin1').split(/\r?\n/).filter(Boolean).map((l) => l.replace(/^\S+\\ /, '').trim()) : [];
}

export type { RunResult };
