import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import type { Capture } from '../../core/capture/capture';
import { RouteTable } from '../../core/sim/route-table';
import { readCaptureDir } from '../capture-reader';
import { collectLive } from '../live-collector';
import type { Action } from '../../core/remedy/actions';
import type { CommandRunner } from '../run';
import { backupLive, backupSimulated, execOtherLive, execOtherSimulated, type OtherAction } from './other-actions';

export interface RouteExecResult {
  stdout: string;
  exitCode: number;
}

/** The machine a run changes: this Windows computer, or a simulated one (demo, tests). */
export interface RouteTarget {
  readonly kind: 'live' | 'simulated';
  collect(): Promise<Capture>;
  /** one route.exe call; the caller judges success from the output */
  execRoute(argv: readonly string[]): Promise<RouteExecResult>;
  /** registry, LMHOSTS and NetBT cache actions; success is decided by the target */
  execOther(action: OtherAction): Promise<{ ok: boolean; output: string }>;
  /** copies of what the actions will touch (reg export per key, the LMHOSTS file) into runDir */
  backup(runDir: string, actions: readonly Action[]): Promise<void>;
}


/** route.exe on this machine, by full path so PATH cannot substitute another program. */
export function liveTarget(runner: CommandRunner): RouteTarget {
  const systemRoot = process.env.SystemRoot ?? 'C:\\Windows';
  return {
    kind: 'live',
    collect: async () => (await collectLive(runner)).capture,
    execRoute: async (argv) => {
      const r = await runner.run(`${systemRoot}\\System32\\route.exe`, argv, { timeoutMs: 15_000, okExitCodes: [0, 1] });
      return { stdout: `${r.stdout}${r.stderr}`, exitCode: r.exitCode };
    },
    execOther: (action) => execOtherLive(runner, systemRoot, action),
    backup: (runDir, actions) => backupLive(runner, systemRoot, runDir, actions),
  };
}

export interface SimulatedTargetOptions {
  /** the capture the simulated machine starts from (copied once into the workspace) */
  seedDir: string;
  /** where the simulated machine keeps its state between runs and processes */
  workspaceDir: string;
  origin?: Capture['origin'];
  /** make these calls (1-based, every action counts, per process) fail like Windows does (failure walks) */
  failRouteCalls?: number[];
}

/**
 * A machine whose route table is the simulator, persisted as route-print.txt in a workspace, so
 * a fix applied by one CLI process can be rolled back by the next one.
 */
export function simulatedTarget(opts: SimulatedTargetOptions): RouteTarget {
  let calls = 0;
  const ensure = async () => {
    if (await stat(join(opts.workspaceDir, 'route-print.txt')).catch(() => null)) return;
    await mkdir(opts.workspaceDir, { recursive: true });
    await cp(opts.seedDir, opts.workspaceDir, { recursive: true });
  };
  return {
    kind: 'simulated',
    collect: async () => {
      await ensure();
      return readCaptureDir(opts.workspaceDir, opts.origin ?? 'demo');
    },
    backup: (runDir, actions) => backupSimulated(opts.workspaceDir, runDir, actions),
    execOther: async (action) => {
      await ensure();
      if (opts.failRouteCalls?.includes(++calls)) return { ok: false, output: 'ERROR: Access is denied.' };
      return execOtherSimulated(opts.workspaceDir, action);
    },
    execRoute: async (argv) => {
      await ensure();
      calls++;
      if (opts.failRouteCalls?.includes(calls)) {
        return { stdout: 'The route addition failed: The parameter is incorrect.\r\n', exitCode: 0 };
      }
      const { snapshot } = buildSnapshot(await readCaptureDir(opts.workspaceDir, opts.origin ?? 'demo'));
      const { table } = RouteTable.fromRoutes(snapshot.interfaces, snapshot.routes, snapshot.persistentRoutes);
      const result = table.exec(argv);
      await writeFile(join(opts.workspaceDir, 'route-print.txt'), table.print());
      return result;
    },
  };
}
