import { decodeCaptureBytes } from '../core/capture/decode';

export interface RunOptions {
  timeoutMs?: number;
  /** exit codes that count as success for this call (reg query: 0 and 1 = absent) */
  okExitCodes?: readonly number[];
  /** OEM code page for console output that is not UTF-8/UTF-16; a promise lets the process start before it is known */
  codepage?: number | Promise<number>;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  ok: boolean;
}

/** The only door to child processes (STYLE.md): argv arrays, timeouts, decoding, a spawn count. */
export interface CommandRunner {
  run(file: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>;
  readonly spawned: number;
}

export function createExecaRunner(): CommandRunner {
  let spawned = 0;
  return {
    get spawned() {
      return spawned;
    },
    async run(file, args, options = {}) {
      spawned++;
      // imported on first use: loading execa costs ~150 ms, and most commands never spawn
      const { execa } = await import('execa');
      const result = await execa(file, [...args], {
        encoding: 'buffer',
        reject: false,
        timeout: options.timeoutMs ?? 30_000,
        windowsHide: true,
        shell: false,
        stdin: 'ignore',
      });
      const codepage = await options.codepage;
      const decode = (b: Uint8Array | undefined) => decodeCaptureBytes(b ?? new Uint8Array(), codepage).text;
      const exitCode = result.exitCode ?? (result.timedOut ? -2 : -1);
      const stderr = decode(result.stderr as Uint8Array) + (result.timedOut ? `\n(timed out after ${options.timeoutMs ?? 30_000} ms)` : '');
      return { stdout: decode(result.stdout as Uint8Array), stderr, exitCode, ok: (options.okExitCodes ?? [0]).includes(exitCode) };
    },
  };
}
