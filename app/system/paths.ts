import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root, found by walking up from this module (works from sources and from dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'samples'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('TunnelMedic package root not found (samples/ missing from the installation)');
}

export const demoCaptureDir = () => join(packageRoot(), 'samples', 'demo');
export const demoPolicyFile = () => join(demoCaptureDir(), 'policy.json');

/**
 * Where runs (plan, backup, journal) live on this machine. On Windows %ProgramData%\TunnelMedic,
 * which the elevated side secures for SYSTEM and Administrators only (apply/runs-folder.ts), so an
 * elevated run never reads a plan a user could edit. No environment variable can move it.
 */
export function machineDataDir(): string {
  if (process.platform === 'win32') return join(process.env.ProgramData ?? 'C:\\ProgramData', 'TunnelMedic');
  return join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'tunnelmedic');
}

/**
 * The data folder for a run. TUNNELMEDIC_DATA_DIR (tests, sandboxes) moves it only for the demo
 * and captures; a run that changes this machine — the one that runs elevated — always uses
 * machineDataDir(), so a user's environment cannot point administrator rights at their own folder.
 */
export function dataDir(opts: { live?: boolean; env?: Record<string, string | undefined> } = {}): string {
  const fromEnv = (opts.env ?? process.env).TUNNELMEDIC_DATA_DIR;
  return !opts.live && fromEnv ? fromEnv : machineDataDir();
}

export const runsDir = (root = dataDir()) => join(root, 'runs');
export const demoWorkspace = (root = dataDir()) => join(root, 'demo-machine');
