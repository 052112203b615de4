import { basename } from 'node:path';
import type { EngineLanguage } from '../core/i18n';
import type { AppInfo, OpenedCapture, Progress } from '../shared/ipc';
import { EngineError, type DesktopEngine } from '../shared/engine-port';
import type { CheckedCapture } from '../system/capture-check';

/**
 * The window's engine, switchable (File → Open a PC's capture…): a capture folder the person chose in main's dialog, and back to
 * where the window started (this PC, or the demo where there is no live machine). Pure — no Electron — so the IPC handler tests and
 * the Playwright bridge run exactly this. A capture's engine is built as `--capture DIR` builds it (source `capture`): no fix can be
 * applied or undone on it (READ_ONLY_CAPTURE) and no probe runs (PROBE_NOT_LIVE). The home engine is kept, not rebuilt: its scans,
 * runs and history are there again on the way back.
 */
export interface EngineSwitch {
  /** what the IPC handlers call: the current engine, whichever it is */
  engine: DesktopEngine;
  /** checks the folder (it throws, in the person's language, when it is no capture), then makes it the window's engine */
  openCapture(dir: string, language: EngineLanguage, onProgress: (p: Progress) => void): Promise<OpenedCapture>;
  /** back to this PC (or the demo) */
  leaveCapture(): Promise<AppInfo>;
  /** called after every switch (main forgets the last scan's token: File → Export report… belongs to the engine it came from) */
  onSwitch?: () => void;
}

export interface EngineSwitchOptions {
  /** the engine the window started with, and what it is: `capture` (and its folder) when started with `--capture DIR` */
  start: { engine: DesktopEngine; source: 'live' | 'demo' | 'capture'; captureDir?: string };
  /** where "back" goes: this PC on Windows, the demo elsewhere (engine-options.ts) */
  home: 'live' | 'demo';
  /** builds the home engine when the window started on a capture, and each capture's engine */
  make: (choice: { source: 'live' | 'demo' } | { source: 'capture'; captureDir: string }) => DesktopEngine;
  /** app/system/capture-check.ts checkCaptureFolder (injected: tests give folders of their own) */
  check: (dir: string, language: EngineLanguage, onProgress: (p: Progress) => void) => Promise<CheckedCapture>;
}

export function createEngineSwitch(o: EngineSwitchOptions): EngineSwitch {
  let homeEngine: DesktopEngine | undefined = o.start.source === 'capture' ? undefined : o.start.engine;
  let current = o.start.engine;
  /** the capture shown now (undefined: home) */
  let shown: CheckedCapture | undefined;
  /**
   * A window started with `--capture DIR`: whose PC and when are read once, as an opened capture's are (the label showed the
   * folder's full path and no time before); a folder the check refuses keeps the engine's own label — its scan says why.
   */
  let startChecked: Promise<void> | undefined =
    o.start.source === 'capture' && o.start.captureDir
      ? o.check(o.start.captureDir, 'en', () => undefined).then(
          (checked) => void (shown ??= checked),
          () => undefined,
        )
      : undefined;
  /** fixes and undos running now: the menu is not disabled while one runs as the window's buttons are, so main refuses the switch */
  let changing = 0;
  const counted = async <T>(work: () => Promise<T>): Promise<T> => {
    changing++;
    try {
      return await work();
    } finally {
      changing--;
    }
  };
  const notWhileChanging = (): void => {
    if (changing > 0) throw new EngineError('BUSY_CHANGING', 'A fix or an undo is running on this machine: wait for its result, then open the capture.');
  };

  const info = async (): Promise<AppInfo> => {
    if (startChecked) await startChecked;
    const i = await current.info();
    const extra = { homeSource: o.home } satisfies Partial<AppInfo>;
    if (i.source !== 'capture' || !shown) return { ...i, ...extra };
    return {
      ...i,
      ...extra,
      // whose PC it is: the host name capture.json gives, else the folder's name (never the full path)
      sourceLabel: shown.hostname ?? basename(shown.dir),
      ...(shown.hostname ? { captureHost: shown.hostname } : {}),
      ...(shown.collectedAt ? { capturedAt: shown.collectedAt } : {}),
    };
  };

  const engine: DesktopEngine = {
    info,
    scan: (opts, onProgress) => current.scan(opts, onProgress),
    applyFixes: (token, fixIds, onProgress, opts) => counted(() => current.applyFixes(token, fixIds, onProgress, opts)),
    rollback: (runId, onProgress) => counted(() => current.rollback(runId, onProgress)),
    history: () => current.history(),
    exportReport: (token, format, opts) => current.exportReport(token, format, opts),
    fixScript: (token, fixId, which, shell) => current.fixScript(token, fixId, which, shell),
    checkPptp: (token, profileName) => current.checkPptp(token, profileName),
    explainServerLog: (opts) => current.explainServerLog(opts),
    openServerLog: (path, opts, onProgress) => current.openServerLog(path, opts, onProgress),
    explainOpenedLog: (openId, index, opts) => current.explainOpenedLog(openId, index, opts),
    forgetServerLog: (opts) => current.forgetServerLog(opts),
    routeFingerprint: () => current.routeFingerprint(),
  };

  const self: EngineSwitch = {
    engine,
    async openCapture(dir, language, onProgress) {
      notWhileChanging();
      // checked before anything changes: a folder that is no capture leaves the window where it was
      const checked = await o.check(dir, language, onProgress);
      notWhileChanging();
      current = o.make({ source: 'capture', captureDir: checked.dir });
      shown = checked;
      startChecked = undefined;
      self.onSwitch?.();
      return { opened: true, info: await info(), notes: checked.notes };
    },
    async leaveCapture() {
      notWhileChanging();
      homeEngine ??= o.make({ source: o.home });
      current = homeEngine;
      shown = undefined;
      startChecked = undefined;
      self.onSwitch?.();
      return info();
    },
  };
  return self;
}
