import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../app/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in-process with captured output and its own data directory. */
export async function cli(args: string[], opts: { dataDir?: string; isTTY?: boolean; answer?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: opts.isTTY ?? false,
    confirm: async () => opts.answer ?? false,
    env: { TUNNELMEDIC_DATA_DIR: opts.dataDir ?? freshDataDir() },
  });
  return { code, stdout, stderr };
}

export const freshDataDir = () => mkdtempSync(join(tmpdir(), 'tm-data-'));
