import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-file';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import type { Capture } from '../../core/capture/capture';
import { RouteTable } from '../../core/sim/route-table';
import { DEFAULT_CELL, verText, type WindowsCell } from '../../core/sim/windows-cell';
import type { Snapshot } from '../../core/model/snapshot';
import { readCaptureDir } from '../capture-reader';
import { collectLive } from '../live-collector';
import type { Action } from '../../core/remedy/actions';
import type { CommandRunner } from '../run';
import { backupLive, backupSimulated, execOtherLive, execOtherSimulated, settleSimulatedRegistry, type ExecOutcome, type OtherAction } from './other-actions';

export interface RouteExecResult {
  stdout: string;
  exitCode: number;
}

/** The machine a run changes: this Windows computer, or a simulated one (demo, tests). */
export interface RouteTarget {
  readonly kind: 'live' | 'simulated';
  collect(): Promise<Capture>;
  /** one route.exe call; its output is only evidence: the caller judges the step by readRoutes */
  execRoute(argv: readonly string[]): Promise<RouteExecResult>;
  /** a fresh `route print <destination>`: the rows the judge reads a route step from */
  readRoutes(destination: string): Promise<string>;
  /**
   * registry, LMHOSTS and NetBT cache actions; success is decided by the target. `runDir`: the
   * run's folder, for what a step must leave on disk (a .reg file too long for a command line).
   */
  execOther(action: OtherAction, runDir?: string): Promise<ExecOutcome>;
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
    // `route print <dest>` exists on every generation (route /? "PRINT … destination"); no -4: XP lacks it.
    readRoutes: async (destination) => (await runner.run(`${systemRoot}\\System32\\route.exe`, ['PRINT', destination], { timeoutMs: 15_000, okExitCodes: [0, 1] })).stdout,
    execOther: (action, runDir) => execOtherLive(runner, systemRoot, action, runDir),
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
  /** these calls (same counting) do their job but print text nobody knows */
  garbleCalls?: number[];
  /** these route calls take effect wrongly (metric off by 5) while printing success */
  skewCalls?: number[];
  /** the Windows generation and display language the simulated machine speaks (default 10, en) */
  windows?: WindowsCell;
}

/** Output no catalogue holds: a judge that reads words cannot tell success from failure. */
export const UNKNOWN_TEXT = 'Ȝ?? 0x80070000 ??\r\n';

/**
 * A machine whose route table is the simulator, persisted as route-print.txt in a workspace, so
 * a fix applied by one CLI process can be rolled back by the next one.
 */
export function simulatedTarget(opts: SimulatedTargetOptions): RouteTarget {
  let calls = 0;
  const windows = opts.windows ?? DEFAULT_CELL;
  const ensure = async () => {
    if (await stat(join(opts.workspaceDir, 'route-print.txt')).catch(() => null)) return settleSimulatedRegistry(opts.workspaceDir);
    // seeded into a temp folder and renamed into place: a crash never leaves a half-copied machine
    await mkdir(dirname(opts.workspaceDir), { recursive: true });
    const temp = `${opts.workspaceDir}.seed-${process.pid}-${Date.now()}`;
    await cp(opts.seedDir, temp, { recursive: true });
    await rename(temp, opts.workspaceDir).catch(async () => {
      // the folder exists already (made by the caller, or Windows refusing to rename onto it): fill it
      await cp(temp, opts.workspaceDir, { recursive: true });
      await rm(temp, { recursive: true, force: true });
    });
  };
  const table = async () => {
    const { snapshot } = buildSnapshot(await readCaptureDir(opts.workspaceDir, opts.origin ?? 'demo'));
    return RouteTable.fromRoutes(snapshot.interfaces, snapshot.routes, snapshot.persistentRoutes, { windows }).table;
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
      const n = ++calls;
      if (opts.failRouteCalls?.includes(n)) return { ok: false, output: 'ERROR: Access is denied.' };
      const done = await execOtherSimulated(opts.workspaceDir, action);
      return opts.garbleCalls?.includes(n) ? { ...done, output: UNKNOWN_TEXT } : done;
    },
    readRoutes: async (destination) => {
      await ensure();
      return (await table()).print(destination);
    },
    execRoute: async (argv) => {
      await ensure();
      const n = ++calls;
      if (opts.failRouteCalls?.includes(n)) {
        return { stdout: 'The route addition failed: The parameter is incorrect.\r\n', exitCode: 0 };
      }
      const t = await table();
      const skewed = opts.skewCalls?.includes(n) ? skewMetric(argv) : argv;
      const result = t.exec(skewed);
      await writeFileAtomic(join(opts.workspaceDir, 'route-print.txt'), t.print());
      return opts.garbleCalls?.includes(n) || skewed !== argv ? { stdout: UNKNOWN_TEXT, exitCode: 0 } : result;
    },
  };
}

/** The same command with METRIC raised by 5: a change that happened, but not as planned. */
function skewMetric(argv: readonly string[]): readonly string[] {
  const i = argv.findIndex((a) => a.toUpperCase() === 'METRIC');
  if (i < 0 || argv[i + 1] === undefined) return argv;
  return [...argv.slice(0, i + 1), String(Number(argv[i + 1]) + 5), ...argv.slice(i + 2)];
}

/** The cell a capture came from: its generation by `ver` (or the route table's layout); English words. */
export function cellOfSnapshot(snapshot: Pick<Snapshot, 'os'>): WindowsCell {
  if (snapshot.os.family === 'nt5' || snapshot.os.family === 'nt4') return { generation: 'xp', language: 'en' };
  return { generation: snapshot.os.version === '6.1' ? '7' : '10', language: 'en' };
}

/**
 * A simulated machine's workspace made from a capture, as it would look on another Windows
 * generation and display language: the same effective routes printed by that Windows, and its `ver`.
 */
export async function seedWorkspaceInCell(seedDir: string, workspaceDir: string, windows: WindowsCell): Promise<void> {
  await mkdir(workspaceDir, { recursive: true });
  await cp(seedDir, workspaceDir, { recursive: true });
  const { snapshot } = buildSnapshot(await readCaptureDir(workspaceDir, 'demo'));
  const { table } = RouteTable.fromRoutes(snapshot.interfaces, snapshot.routes, snapshot.persistentRoutes, { windows: cellOfSnapshot(snapshot) });
  await writeFile(join(workspaceDir, 'route-print.txt'), table.inCell(windows).print());
  await writeFile(join(workspaceDir, 'ver.txt'), verText(windows));
}
