import type { CommandResult, CommandRunner, RunOptions } from '../app/system/run';

/**
 * A model of a live scan's wall time on Windows: the real collector (`collectLive`) runs against a
 * runner on a virtual clock, so the process plan (what starts when, what waits for what) is the
 * code's own; only the per-command costs are modelled. Processes share the machine's logical
 * processors (processor sharing: k running processes on C processors each progress at min(1, C/k)).
 *
 * Costs are wall-clock milliseconds of one process on an idle processor (start-up + work):
 * ASSUMED (no measured source found for each tool; orders of magnitude of a Windows 10 laptop),
 * except PowerShell, which the issue fixes at 400 ms (Windows PowerShell 5.1 start-up, -NoProfile).
 */
export const COMMAND_COST_MS: Record<string, number> = {
  'chcp.com': 15,
  'cmd.exe': 20,
  'route.exe': 25,
  'ipconfig.exe': 40,
  'netsh.exe': 60,
  'reg.exe': 15,
  'wevtutil.exe': 60,
  'powershell.exe': 400,
};
export const LOGICAL_PROCESSORS = 4;

interface Job {
  left: number;
  resolve: () => void;
}

/** A virtual clock with processor sharing; `run` adds a job, `drive` advances until `done` settles. */
export function virtualMachine(processors = LOGICAL_PROCESSORS) {
  let now = 0;
  const running = new Set<Job>();
  const settle = () => new Promise<void>((r) => setImmediate(r));
  return {
    now: () => now,
    spawn(costMs: number): Promise<void> {
      return new Promise<void>((resolve) => running.add({ left: costMs, resolve }));
    },
    async drive<T>(done: Promise<T>): Promise<T> {
      let finished = false;
      const result = done.finally(() => (finished = true));
      for (;;) {
        await settle();
        await settle();
        if (finished) return result;
        if (running.size === 0) continue;
        const rate = Math.min(1, processors / running.size);
        const first = Math.min(...[...running].map((j) => j.left));
        now += first / rate;
        for (const j of [...running]) {
          j.left -= first;
          if (j.left <= 1e-9) {
            running.delete(j);
            j.resolve();
          }
        }
      }
    },
  };
}

export interface LiveModel {
  processes: number;
  powershell: number;
  wallMs: number;
  /** when the collector handed over what the route findings need (onRoutesReady); else the end */
  routesReadyMs: number;
  plan: string[];
}

type Collect = (runner: CommandRunner, opts: { env: NodeJS.ProcessEnv; is64Bit: boolean; readBytes: (p: string) => Promise<Uint8Array>; onRoutesReady?: () => void }) => Promise<unknown>;

export async function modelLiveScan(collectLive: Collect): Promise<LiveModel> {
  const vm = virtualMachine();
  const plan: string[] = [];
  let spawned = 0;
  let powershell = 0;
  const runner: CommandRunner = {
    get spawned() {
      return spawned;
    },
    async run(file: string, args: readonly string[], _o?: RunOptions): Promise<CommandResult> {
      spawned++;
      if (file === 'powershell.exe') powershell++;
      plan.push(`${vm.now().toFixed(0).padStart(4)} ms  ${file} ${args.join(' ').slice(0, 60)}`);
      await vm.spawn(COMMAND_COST_MS[file] ?? 50);
      const stdout = file === 'chcp.com' ? 'Active code page: 850\r\n' : 'x\r\n';
      return { stdout, stderr: '', exitCode: 0, ok: true };
    },
  };
  let early = -1;
  await vm.drive(collectLive(runner, { env: {}, is64Bit: true, readBytes: async () => new Uint8Array(), onRoutesReady: () => (early = vm.now()) }));
  return { processes: spawned, powershell, wallMs: vm.now(), routesReadyMs: early >= 0 ? early : vm.now(), plan };
}
