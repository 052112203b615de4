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
 * Where runs (plan, backup, journal) live. On Windows %ProgramData%\TunnelMedic, which the
 * installer creates admin-writable only, so an elevated run never reads a plan a user could edit.
 */
export function dataDir(): string {
  if (process.env.TUNNELMEDIC_DATA_DIR) return process.env.TUNNELMEDIC_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.ProgramData ?? 'C:\\ProgramData', 'TunnelMedic');
  return join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'tunnelmedic');
}

export const runsDir = (root = dataDir()) => join(root, 'runs');
export const demoWorkspace = (root = dataDir()) => join(root, 'demo-machine');
