import { CAPTURE_FILES, type Capture, type CaptureFile } from '../core/capture/capture';
import { CollectionError } from './errors';
import type { CommandRunner } from './run';

/** The fixed list of commands of the capture layout; each is an argv array, never a shell string. */
export const LIVE_COMMANDS: { file: string; cmd: string; args: string[] }[] = [
  { file: CAPTURE_FILES.ver, cmd: 'cmd.exe', args: ['/d', '/c', 'ver'] },
  { file: CAPTURE_FILES.routePrint, cmd: 'route.exe', args: ['print'] },
  { file: CAPTURE_FILES.ipconfig, cmd: 'ipconfig.exe', args: ['/all'] },
  { file: CAPTURE_FILES.netshInterfaces, cmd: 'netsh.exe', args: ['interface', 'ipv4', 'show', 'interfaces'] },
];

export interface LiveCollection {
  capture: Capture;
  spawned: number;
}

/**
 * Runs the capture commands in parallel on this Windows machine. Console output is in the OEM
 * code page, which `chcp` reports ("Active code page: 850", localised: only the number is read).
 */
export async function collectLive(runner: CommandRunner, opts: { timeoutMs?: number; onProgress?: (done: number, total: number, file: string) => void } = {}): Promise<LiveCollection> {
  const before = runner.spawned;
  const chcp = await runner.run('chcp.com', [], { timeoutMs: 5_000 }).catch(() => null);
  const codepage = Number(/(\d{3,5})/.exec(chcp?.stdout ?? '')?.[1] ?? 850);
  const files = new Map<string, CaptureFile>();
  const readProblems: Capture['readProblems'] = [];
  let done = 0;
  await Promise.all(
    LIVE_COMMANDS.map(async (c) => {
      try {
        const r = await runner.run(c.cmd, c.args, { timeoutMs: opts.timeoutMs ?? 20_000, codepage });
        if (r.ok && r.stdout.trim()) files.set(c.file, { name: c.file, text: r.stdout, encoding: `cp${codepage}` });
        else readProblems.push({ source: c.file, message: `not collected: ${c.cmd} ${c.args.join(' ')} exited ${r.exitCode}${r.stderr.trim() ? `: ${r.stderr.trim().split(/\r?\n/)[0]}` : ''}` });
      } catch (e) {
        readProblems.push({ source: c.file, message: `not collected: ${c.cmd} could not be started (${(e as Error).message})` });
      } finally {
        opts.onProgress?.(++done, LIVE_COMMANDS.length, c.file);
      }
    }),
  );
  if (files.size === 0) {
    throw new CollectionError(`Live collection failed: none of the commands produced output.\n  ${readProblems.map((p) => p.message).join('\n  ')}`);
  }
  return {
    capture: { origin: 'live', label: 'this computer', meta: { schemaVersion: 1, codepage, collectedAt: new Date().toISOString(), tool: 'tunnelmedic' }, files, readProblems },
    spawned: runner.spawned - before,
  };
}
