import { ZodError } from 'zod';
import { channelName, channels, ipcContract, ProgressSchema, type ArgsOf, type Channel, type Envelope, type IpcError, type Progress } from '../shared/ipc';
import { EngineError, type DesktopEngine } from '../shared/engine-port';
import type { EngineSwitch } from './engine-switch';
import { pickLanguage } from '../core/i18n';

/**
 * The IPC handler core (DESIGN.md "Renderer ↔ main"). `createIpcDispatcher` is pure — no Electron —
 * so Electron's ipcMain, the Playwright bridge and the unit tests all run exactly this code.
 * Every call: parse args with the contract → call the engine → parse the result with the contract
 * (strips anything the engine added that the contract does not name) → envelope.
 */

export type Dispatcher = (channel: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

/** Where an exported report goes; main asks the user with a save dialog, tests write to disk. */
export type SaveExport = (file: { suggestedName: string; content: string }) => Promise<{ saved: boolean; fileName?: string }>;

const declineSave: SaveExport = async () => ({ saved: false });

/**
 * Which log file to read in full: main asks the person with its own open dialog (undefined: cancelled), tests give a file. The
 * only way a path reaches the engine's log reading: the renderer asks for the dialog, never for a path.
 */
export type ChooseLogFile = () => Promise<string | undefined>;

const declineChoose: ChooseLogFile = async () => undefined;

/**
 * Opening a PC's capture in the window (round 44): main's own folder dialog (`chooseFolder`: undefined when cancelled; tests give
 * a folder) and the switchable engine (engine-switch.ts) whose `engine` the dispatcher is given. Without it the window cannot switch
 * (openCapture answers NO_CAPTURE_SWITCH).
 */
export interface CaptureSources {
  chooseFolder: () => Promise<string | undefined>;
  sources: Pick<EngineSwitch, 'openCapture' | 'leaveCapture'>;
}

export function createIpcDispatcher(engine: DesktopEngine, sendProgress: (p: Progress) => void, saveExport: SaveExport = declineSave, chooseLogFile: ChooseLogFile = declineChoose, captures?: CaptureSources): Dispatcher {
  const progress = (p: Progress): void => {
    // progress is data from the engine to the renderer too: same rule, only what the contract names
    const parsed = ProgressSchema.safeParse(p);
    if (parsed.success) sendProgress(parsed.data);
  };

  const handlers: { [C in Channel]: (args: never) => Promise<unknown> } = {
    appInfo: () => engine.info(),
    scan: (a: ArgsOf<'scan'>) => engine.scan(a, progress),
    applyFixes: (a: { runToken: string; fixIds: string[]; probe?: boolean }) => engine.applyFixes(a.runToken, a.fixIds, progress, { probe: a.probe }),
    rollback: (a: { runId: string }) => engine.rollback(a.runId, progress),
    history: () => engine.history(),
    exportReport: async (a: ArgsOf<'exportReport'>) => saveExport(await engine.exportReport(a.runToken, a.format, { language: a.language, redact: a.redact })),
    saveFixScript: async (a: ArgsOf<'saveFixScript'>) => saveExport(await engine.fixScript(a.runToken, a.fixId, a.which, a.shell)),
    checkPptp: (a: ArgsOf<'checkPptp'>) => engine.checkPptp(a.runToken, a.profileName),
    routeFingerprint: () => engine.routeFingerprint(),
    explainServerLog: (a: ArgsOf<'explainServerLog'>) => engine.explainServerLog(a),
    openServerLogFile: async (a: ArgsOf<'openServerLogFile'>) => {
      const path = await chooseLogFile();
      return path === undefined ? { opened: false } : engine.openServerLog(path, a, progress);
    },
    explainOpenedLog: (a: ArgsOf<'explainOpenedLog'>) => engine.explainOpenedLog(a.openId, a.index, { runToken: a.runToken, language: a.language }),
    forgetServerLog: (a: ArgsOf<'forgetServerLog'>) => engine.forgetServerLog(a),
    openCapture: async (a: ArgsOf<'openCapture'>) => {
      if (!captures) throw noSwitch();
      const dir = await captures.chooseFolder();
      return dir === undefined ? { opened: false } : captures.sources.openCapture(dir, a.language ?? pickLanguage((await engine.info()).locale), progress);
    },
    leaveCapture: async () => {
      if (!captures) throw noSwitch();
      return captures.sources.leaveCapture();
    },
  };

  return async (channel, rawArgs) => {
    if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no IPC channel "${String(channel)}".`);
    const contract = ipcContract[channel];
    const args = contract.args.safeParse(rawArgs ?? {});
    if (!args.success) return fail('BAD_ARGUMENTS', `Invalid arguments for ${channel}.`, describeIssues(args.error));
    try {
      const raw = await handlers[channel](args.data as never);
      const result = contract.result.safeParse(raw);
      if (!result.success) return fail('INTERNAL', `The engine returned an unexpected result for ${channel}.`, describeIssues(result.error));
      return { ok: true, value: result.data };
    } catch (error) {
      return { ok: false, error: toIpcError(error) };
    }
  };
}

const noSwitch = (): EngineError => new EngineError('NO_CAPTURE_SWITCH', 'This window cannot open a capture; start TunnelMedic with --capture DIR.');

export function toIpcError(error: unknown): IpcError {
  if (error instanceof EngineError || isEngineErrorLike(error)) {
    const e = error as EngineError;
    return e.detail === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, detail: e.detail };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: 'TunnelMedic ran into an unexpected error.', detail: message };
}

/** Our own page only: the packaged index.html, or the Vite dev server in development. */
export function isTrustedUrl(url: string, opts: { indexUrl: string; devServerUrl?: string }): boolean {
  if (url === opts.indexUrl || url.startsWith(`${opts.indexUrl}#`)) return true;
  if (!opts.devServerUrl) return false;
  try {
    return new URL(url).origin === new URL(opts.devServerUrl).origin;
  } catch {
    return false;
  }
}

/** The slice of Electron's ipcMain/event we use; keeps this file free of an Electron import. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface IpcEventLike {
  senderFrame: { url: string } | null;
}

export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  engine: DesktopEngine,
  opts: { isTrustedSender: (event: IpcEventLike) => boolean; sendProgress: (p: Progress) => void; saveExport?: SaveExport; chooseLogFile?: ChooseLogFile; captures?: CaptureSources },
): Dispatcher {
  const dispatch = createIpcDispatcher(engine, opts.sendProgress, opts.saveExport, opts.chooseLogFile, opts.captures);
  for (const channel of channels) {
    ipcMain.handle(channelName(channel), async (event, ...args) => {
      if (!opts.isTrustedSender(event)) {
        return fail('UNTRUSTED_SENDER', 'This request did not come from the TunnelMedic window.', event.senderFrame?.url ?? 'no frame');
      }
      if (args.length > 1) return fail('BAD_ARGUMENTS', `Invalid arguments for ${channel}.`, 'expected exactly one argument object');
      return dispatch(channel, args[0]);
    });
  }
  return dispatch;
}

function isChannel(c: unknown): c is Channel {
  return typeof c === 'string' && (channels as string[]).includes(c);
}

function fail(code: string, message: string, detail?: string): Envelope<never> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

function describeIssues(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}

function isEngineErrorLike(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'EngineError' && typeof (e as { code?: unknown }).code === 'string';
}
