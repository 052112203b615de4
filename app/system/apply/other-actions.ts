import type { Say } from '../../shared/engine-port';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSnapshot } from '../../core/snapshot/build-snapshot';
import { applyRegistryAction, renderRegFile } from '../../core/sim/registry-sim';
import { registryViewOf } from '../../core/model/registry-view';
import { COMMAND_LINE_MAX, regArgvIfFits, regExportArgv, regImportArgv } from '../../core/remedy/reg-argv';
import { encodeFileText, regCompanion } from '../../core/remedy/render-registry';
import type { RegistryAction } from '../../core/remedy/registry-actions';
import { parseRegFile } from '../../core/parse/reg-file';
import { decodeCaptureBytes } from '../../core/capture/decode';
import { registryEffectIn } from './judge-other';
import type { FileReplace } from '../../core/remedy/file-actions';
import { vpnActionArgv, vpnActionPs, type VpnAction, type VpnRoute } from '../../core/remedy/vpn-actions';
import { CAPTURE_FILES } from '../../core/capture/capture';
import { parseSchtasksCsv } from '../../core/parse/schtasks-csv';
import { taskArgv, taskXmlBytes, taskXmlCompanion, type TaskAction } from '../../core/remedy/task-actions';
import { removeStaleTemps, writeFileAtomic } from '../atomic-file';
import { readCaptureDir } from '../capture-reader';
import type { CommandRunner } from '../run';
import { is64BitWindows } from '../windows-arch';
import type { Action } from '../../core/remedy/actions';

/** Every action that is not a route.exe step: registry, LMHOSTS, NetBT and VPN profile changes. */
/**
 * What a step did: `output` is what Windows (or its simulation) printed, shown as Windows' words;
 * `why` is TunnelMedic's own reason for refusing or failing a step, worded in the run's language.
 */
export interface ExecOutcome {
  ok: boolean;
  output: string;
  why?: Say;
}

export type OtherAction = Exclude<Action, { kind: `route.${string}` }>;


/**
 * On this Windows machine: reg.exe (exit code is reliable), an atomic LMHOSTS write, nbtstat -R.
 * `runDir` is the run's own folder (admin-only on Windows: runs-folder.ts), where a registry step
 * too long for a command line leaves its .reg file.
 */
export async function execOtherLive(runner: CommandRunner, systemRoot: string, action: OtherAction, runDir?: string): Promise<ExecOutcome> {
  const system32 = `${systemRoot}\\System32`;
  switch (action.kind) {
    case 'registry.set':
    case 'registry.delete': {
      const regExe = `${system32}\\reg.exe`;
      const argv = regArgvIfFits(regExe, action, is64BitWindows());
      if (!argv) return regThroughFile(runner, regExe, action, runDir);
      const r = await runner.run(regExe, argv, { timeoutMs: 15_000 });
      return { ok: r.exitCode === 0, output: `${r.stdout}${r.stderr}`.trim() };
    }
    case 'file.replace':
      return replaceFileExactly(`${system32}\\drivers\\etc\\lmhosts`, action);
    case 'nbtstat.reload': {
      const r = await runner.run(`${system32}\\nbtstat.exe`, ['-R'], { timeoutMs: 15_000 });
      return { ok: r.exitCode === 0, output: `${r.stdout}${r.stderr}`.trim() };
    }
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove': {
      const r = await runner.run(`${system32}\\WindowsPowerShell\\v1.0\\powershell.exe`, vpnActionArgv(action), { timeoutMs: 60_000 });
      return { ok: r.exitCode === 0, output: `${r.stdout}${r.stderr}`.trim() || vpnActionPs(action) };
    }
    case 'task.create':
    case 'task.delete':
      return execTaskLive(runner, system32, action);
  }
}

/**
 * A registry step that cannot travel as reg.exe arguments (longer than Windows' 32 767-character
 * command line, or a REG_MULTI_SZ with no free separator): the same UTF-16LE .reg text the scripts
 * carry (render-registry.ts) is written into the run's folder and imported with `reg import`.
 * Success is the registry's state: the key is exported again (`reg export`, UTF-16LE, exact for any
 * character, unlike `reg query` in the console code page) and the value read back from it. The
 * run's folder is admin-only, so nobody can swap the file between writing and importing it. With
 * no run folder (nothing to keep the file in) the step is refused and nothing is changed.
 */
async function regThroughFile(runner: CommandRunner, regExe: string, action: RegistryAction, runDir: string | undefined): Promise<ExecOutcome> {
  if (!runDir) {
    return { ok: false, output: '', why: { key: 'engineRun.refused.regTooLong', params: { max: COMMAND_LINE_MAX } } };
  }
  const view64 = is64BitWindows();
  const companion = regCompanion(action);
  const file = join(runDir, companion.name);
  await writeFileAtomic(file, companion.bytes);
  const imported = await runner.run(regExe, regImportArgv(file, view64), { timeoutMs: 60_000, okExitCodes: [0, 1] });
  const readBack = join(runDir, `readback-${companion.name}`);
  await rm(readBack, { force: true });
  const exported = await runner.run(regExe, regExportArgv(action.key, readBack, view64), { timeoutMs: 60_000, okExitCodes: [0, 1] });
  const bytes = exported.exitCode === 0 ? await readFile(readBack).catch(() => null) : null;
  // no export: the key is not there (a delete of the key is then done; anything else is not)
  const ok = bytes ? registryEffectIn(parseRegFile(decodeCaptureBytes(bytes).text, readBack).value, action) : imported.exitCode === 0 && action.kind === 'registry.delete' && action.removeKey;
  return { ok, output: [`reg import ${file}`, `${imported.stdout}${imported.stderr}`.trim()].filter(Boolean).join('\n') };
}

/**
 * schtasks.exe by full path. The XML goes through a file in a fresh private folder and is read
 * back from the task store after /Create: a definition that differs from ours (the file swapped
 * in between) is deleted again and the step fails. Success is the task store's state; schtasks'
 * words (translated) are evidence only.
 */
async function execTaskLive(runner: CommandRunner, system32: string, action: TaskAction): Promise<ExecOutcome> {
  const schtasks = `${system32}\\schtasks.exe`;
  if (action.kind === 'task.delete') {
    const r = await runner.run(schtasks, taskArgv(action, ''), { timeoutMs: 30_000, okExitCodes: [0, 1] });
    const still = await runner.run(schtasks, ['/Query', '/TN', action.name], { timeoutMs: 30_000, okExitCodes: [0, 1] });
    return { ok: still.exitCode !== 0, output: `${r.stdout}${r.stderr}`.trim() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'tunnelmedic-task-'));
  try {
    const file = join(dir, taskXmlCompanion(action).name);
    await writeFile(file, taskXmlBytes(action.xml));
    const r = await runner.run(schtasks, taskArgv(action, file), { timeoutMs: 30_000, okExitCodes: [0, 1] });
    const back = await runner.run(schtasks, ['/Query', '/TN', action.name, '/XML', 'ONE'], { timeoutMs: 30_000, okExitCodes: [0, 1] });
    if (back.exitCode !== 0) return { ok: false, output: `${r.stdout}${r.stderr}`.trim() };
    if (!sameTaskDefinition(back.stdout, action.xml)) {
      await runner.run(schtasks, ['/Delete', '/TN', action.name, '/F'], { timeoutMs: 30_000, okExitCodes: [0, 1] });
      return { ok: false, output: '', why: { key: 'engineRun.refused.taskDiffers', params: { name: action.name } } };
    }
    return { ok: true, output: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Windows re-serialises the XML (whitespace, defaults, URI): compare what we set, element by element. */
export function sameTaskDefinition(stored: string, ours: string): boolean {
  const fields = (xml: string) => ['Subscription', 'Command', 'Arguments', 'UserId'].map((tag) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1]?.trim() ?? null);
  return JSON.stringify(fields(stored)) === JSON.stringify(fields(ours));
}

/** The demo's task store: scheduled-tasks.csv in the workspace, as `schtasks /Query /FO CSV /NH` prints it. */
async function execTaskSimulated(workspace: string, action: TaskAction): Promise<ExecOutcome> {
  const file = join(workspace, CAPTURE_FILES.scheduledTasks);
  const text = await readFile(file, 'utf8').catch(() => '');
  const rows = parseSchtasksCsv(text).value;
  const mine = rows.find((r) => r.name.toLowerCase() === action.name.toLowerCase());
  // simulated schtasks words (the engine judges by the task list afterwards, not by these)
  if (action.kind === 'task.create' && mine) return { ok: false, output: 'ERROR: Cannot create a file when that file already exists.' };
  if (action.kind === 'task.delete' && !mine) return { ok: false, output: 'ERROR: The system cannot find the file specified.' };
  // other tasks' lines stay byte for byte, so an undo restores the file exactly
  const lines = text === '' ? [] : text.replace(/\r\n$/, '').split('\r\n');
  const next = action.kind === 'task.create' ? [...lines, `"${action.name}","N/A","Ready"`] : lines.filter((_, i) => i !== mine!.line - 1);
  await writeFileAtomic(file, next.map((l) => `${l}\r\n`).join(''));
  return { ok: true, output: action.kind === 'task.create' ? `SUCCESS: The scheduled task "${action.name}" has successfully been created.` : `SUCCESS: The scheduled task "${action.name}" was successfully deleted.` };
}

/**
 * Writes the new bytes only when the file still holds the reviewed ones; temp file + rename.
 * Issue 11.5: a file that was absent when reviewed must still be absent (else it is not ours), and
 * the undo of a creation deletes the file — only if it still holds exactly what we wrote.
 */
async function replaceFileExactly(path: string, action: FileReplace): Promise<ExecOutcome> {
  const current = await readFile(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Buffer.alloc(0)));
  const expected = action.previousAbsent ? current === null : current !== null && current.equals(Buffer.from(encodeFileText(action.previous, action.encoding)));
  if (!expected) {
    return { ok: false, output: '', why: { key: 'engineRun.refused.fileChanged', params: { path } } };
  }
  if (action.contentAbsent) {
    await rm(path);
    return { ok: true, output: `${path} deleted.` };
  }
  await writeFileAtomic(path, encodeFileText(action.content, action.encoding));
  return { ok: true, output: `${path} written.` };
}

/**
 * The demo machine's registry and LMHOSTS live in its workspace capture: the registry as one
 * .reg export regenerated after each change, LMHOSTS as the file itself, in its own encoding.
 */
export async function execOtherSimulated(workspace: string, action: OtherAction): Promise<ExecOutcome> {
  switch (action.kind) {
    case 'registry.set':
    case 'registry.delete': {
      const { snapshot } = buildSnapshot(await readCaptureDir(workspace, 'demo'));
      const view = applyRegistryAction(registryViewOf(snapshot.registry), action);
      const dir = join(workspace, 'registry');
      await mkdir(dir, { recursive: true });
      // the whole view first (atomic), then the files it replaces: see settleSimulatedRegistry
      await writeFileAtomic(join(dir, SIMULATED_REG), renderRegFile(view));
      await settleSimulatedRegistry(workspace);
      return { ok: true, output: 'The operation completed successfully.' };
    }
    case 'file.replace':
      return replaceFileExactly(join(workspace, 'lmhosts'), action);
    case 'nbtstat.reload':
      return { ok: true, output: 'Successful purge and preload of the NBT Remote Cache Name Table.' };
    case 'vpn.split.set':
    case 'vpn.route.add':
    case 'vpn.route.remove':
      return editSimulatedVpnConnection(workspace, action);
    case 'task.create':
    case 'task.delete':
      return execTaskSimulated(workspace, action);
  }
}

const SIMULATED_REG = 'simulated.reg';

/**
 * Once simulated.reg exists it holds the whole simulated registry (it is rendered from everything
 * there was); other files left beside it are from before a change that was cut off between writing
 * it and removing them, and are removed now, so a crash never mixes old and new values.
 */
export async function settleSimulatedRegistry(workspace: string): Promise<void> {
  const dir = join(workspace, 'registry');
  // a write cut off before its rename leaves a temp file that the capture reader would read as state
  for (const d of [workspace, dir, join(workspace, 'powershell')]) await removeStaleTemps(d);
  const files = await readdir(dir).catch(() => [] as string[]);
  if (!files.includes(SIMULATED_REG)) return;
  for (const f of files) if (f !== SIMULATED_REG) await rm(join(dir, f), { force: true, recursive: true });
}

/** The demo's Get-VpnConnection output (ConvertTo-Json), changed the way the cmdlets would. */
async function editSimulatedVpnConnection(workspace: string, action: VpnAction): Promise<ExecOutcome> {
  const file = join(workspace, 'powershell', `vpnconnection-${action.allUsers ? 'allusers' : 'user'}.json`);
  const raw = await readFile(file, 'utf8').catch(() => null);
  const parsed: unknown = raw ? JSON.parse(raw.replace(/^\uFEFF/, '')) : null;
  const list = (Array.isArray(parsed) ? parsed : parsed ? [parsed] : []) as Record<string, unknown>[];
  const conn = list.find((c) => c.Name === action.connectionName);
  if (!conn) return { ok: false, output: `Get-VpnConnection : VPN connection ${action.connectionName} cannot be found.` };
  const routes = ((conn.Routes as { DestinationPrefix: string }[] | undefined) ?? []).filter((r) => r.DestinationPrefix !== (action as VpnRoute).destinationPrefix);
  if (action.kind === 'vpn.split.set') conn.SplitTunneling = action.splitTunneling;
  else conn.Routes = action.kind === 'vpn.route.add' ? [...routes, { DestinationPrefix: action.destinationPrefix, RouteMetric: 1 }] : routes;
  await writeFileAtomic(file, JSON.stringify(Array.isArray(parsed) ? list : list[0], null, 2) + '\n');
  return { ok: true, output: vpnActionPs(action) };
}

const touchedKeys = (actions: readonly Action[]) => [...new Set(actions.flatMap((a) => (a.kind === 'registry.set' || a.kind === 'registry.delete' ? [a.key] : [])))];
const touchesLmhosts = (actions: readonly Action[]) => actions.some((a) => a.kind === 'file.replace');

/** DESIGN.md: `reg export` of every key touched (a key that does not exist yet has nothing to export) and a copy of LMHOSTS. */
export async function backupLive(runner: CommandRunner, systemRoot: string, runDir: string, actions: readonly Action[]): Promise<void> {
  for (const [i, key] of touchedKeys(actions).entries()) {
    await runner.run(`${systemRoot}\\System32\\reg.exe`, ['EXPORT', key, join(runDir, `backup-key-${i + 1}.reg`), '/y', ...(is64BitWindows() ? ['/reg:64'] : [])], { timeoutMs: 15_000, okExitCodes: [0, 1] });
  }
  if (touchesLmhosts(actions)) await copyFile(`${systemRoot}\\System32\\drivers\\etc\\lmhosts`, join(runDir, 'backup-lmhosts')).catch(() => undefined);
}

export async function backupSimulated(workspace: string, runDir: string, actions: readonly Action[]): Promise<void> {
  if (touchedKeys(actions).length) {
    await mkdir(join(runDir, 'backup-registry'), { recursive: true });
    for (const f of await readdir(join(workspace, 'registry')).catch(() => [] as string[])) {
      await writeFileAtomic(join(runDir, 'backup-registry', f), await readFile(join(workspace, 'registry', f)));
    }
  }
  if (touchesLmhosts(actions)) {
    const bytes = await readFile(join(workspace, 'lmhosts')).catch(() => null);
    if (bytes) await writeFileAtomic(join(runDir, 'backup-lmhosts'), bytes);
  }
}
