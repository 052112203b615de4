import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type OpenDialogOptions } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { processIo, runCli } from '../cli/main';
import { createDesktopEngine } from '../system/desktop-engine';
import { machineDataDir } from '../system/paths';
import { isAllowedExternalUrl } from './external-links';
import { headlessArgs } from './headless';
import type { DesktopEngine } from '../shared/engine-port';
import { progressChannel, sourceChangedChannel, type Progress } from '../shared/ipc';
import { CONTENT_SECURITY_POLICY } from './csp';
import { chooseEngineSource } from './engine-options';
import { isTrustedUrl, registerIpcHandlers, type CaptureSources, type ChooseLogFile, type SaveExport } from './ipc-handlers';
import { createEngineSwitch } from './engine-switch';
import { checkCaptureFolder } from '../system/capture-check';
import { buildAppMenu, mainTexts } from './menu';
import { pickLanguage, type EngineLanguage } from '../core/i18n';

/**
 * Electron main: one window, locked down (context isolation, sandbox, no Node, strict CSP, no
 * navigation, no new windows, no permissions). The renderer reaches the engine only through the
 * typed IPC contract registered in ipc-handlers.ts.
 */

const headless = headlessArgs(process.argv.slice(app.isPackaged ? 1 : 2));
if (headless) {
  // The elevated instance (apply-plan / rollback behind UAC) and --silent runs: no window, the
  // CLI's code and exit codes, and no single-instance lock (the window instance is still open).
  void runCli(headless, processIo()).then((code) => app.exit(code));
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const devServerUrl = app.isPackaged ? undefined : process.env.TUNNELMEDIC_DEV_SERVER_URL;
  const indexFile = path.join(__dirname, '..', 'renderer', 'index.html');
  const indexUrl = pathToFileURL(indexFile).href;
  let mainWindow: BrowserWindow | null = null;
  let lastRunToken: string | undefined;
  let menuLanguage: EngineLanguage = 'en';
  let onScanLanguage: (language: EngineLanguage) => void = () => undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const choice = chooseEngineSource(process.argv.slice(1), process.platform);
    const makeEngine = (c: { source: 'live' | 'demo' | 'capture'; captureDir?: string }) =>
      createDesktopEngine({
        ...c,
        policyFile: choice.policyFile,
        // live runs keep plans and journals in %ProgramData%\TunnelMedic (admin-only, shared with
        // the elevated instance); the demo keeps its simulated machine in the user's profile
        dataDir: c.source === 'live' ? machineDataDir() : app.getPath('userData'),
        locale: app.getLocale(),
        elevation: { self: { file: process.execPath, args: app.isPackaged ? [] : [app.getAppPath()] } },
      });
    // File → Open a PC's capture… switches the window's engine (engine-switch.ts); "back" goes to this PC, or the demo off Windows
    const sources = createEngineSwitch({
      start: { engine: makeEngine(choice), source: choice.source, ...(choice.captureDir ? { captureDir: choice.captureDir } : {}) },
      home: chooseEngineSource(process.argv.slice(1).includes('--demo') ? ['--demo'] : [], process.platform).source === 'live' ? 'live' : 'demo',
      make: makeEngine,
      check: checkCaptureFolder,
    });
    sources.onSwitch = () => (lastRunToken = undefined);
    const engine = rememberRunToken(
      sources.engine,
      (token, language) => {
        lastRunToken = token;
        if (language) onScanLanguage(language);
      },
    );

    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });

    const saveExport: SaveExport = async ({ suggestedName, content }) => {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName) };
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false };
      await writeFile(choice.filePath, content, 'utf8');
      return { saved: true, fileName: path.basename(choice.filePath) };
    };

    // a log file too big for the paste box, read in full: the person picks it here, in main's dialog (ipc-handlers.ts ChooseLogFile)
    const chooseLogFile: ChooseLogFile = async () => {
      const options: OpenDialogOptions = {
        title: mainTexts(menuLanguage).openLogTitle,
        properties: ['openFile'],
        // every file shown first: a server's logs often have no extension (`syslog.1`, `messages`), and Windows' dialog starts on the first filter
        filters: [
          { name: mainTexts(menuLanguage).allFiles, extensions: ['*'] },
          { name: mainTexts(menuLanguage).logFiles, extensions: ['log', 'txt', 'gz', 'tgz', 'tar', 'zip', 'csv'] },
        ],
      };
      const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    };

    // a PC's capture folder: the person picks it here, in main's dialog; the renderer never sends a path
    const chooseCaptureFolder = async (): Promise<string | undefined> => {
      const options: OpenDialogOptions = { title: mainTexts(menuLanguage).openCaptureTitle, properties: ['openDirectory'] };
      const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    };
    const captures: CaptureSources = { chooseFolder: chooseCaptureFolder, sources };

    const dispatch = registerIpcHandlers(ipcMain, engine, {
      isTrustedSender: (event) => !!event.senderFrame && isTrustedUrl(event.senderFrame.url, { indexUrl, devServerUrl }),
      sendProgress: (p: Progress) => mainWindow?.webContents.send(progressChannel, p),
      saveExport,
      chooseLogFile,
      captures,
    });

    // the menu and main's dialogs follow the UI's language: the renderer scans in it
    const setMenu = (language: EngineLanguage): void => {
      menuLanguage = language;
      const texts = mainTexts(language);
      Menu.setApplicationMenu(
        buildAppMenu({
          language,
          getWindow: () => mainWindow,
          // the same handler the window's button calls; the window is told what it shows now and checks it again
          onOpenCapture: () => {
            void dispatch('openCapture', { language }).then((result) => {
              if (!result.ok) dialog.showErrorBox(texts.openCaptureFailed, result.error.message);
              else if ((result.value as { opened: boolean }).opened) mainWindow?.webContents.send(sourceChangedChannel, result.value);
            });
          },
          onExport: () => {
            if (!lastRunToken) {
              void dialog.showMessageBox({ type: 'info', message: texts.scanFirst });
              return;
            }
            void engine
              .exportReport(lastRunToken, 'html', { language })
              .then(saveExport)
              .catch((e: unknown) => dialog.showErrorBox(texts.exportFailed, e instanceof Error ? e.message : String(e)));
          },
        }),
      );
    };
    setMenu(pickLanguage(app.getLocale()));
    onScanLanguage = (language) => {
      if (language !== menuLanguage) setMenu(language);
    };

    mainWindow = createWindow();
  });

  function createWindow(): BrowserWindow {
    const win = new BrowserWindow({
      width: 1120,
      height: 800,
      minWidth: 720,
      minHeight: 560,
      title: 'TunnelMedic',
      show: false,
      backgroundColor: '#f6f7f9',
      webPreferences: {
        preload: path.join(__dirname, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        // a middle click must not open a new window either (electronegativity AUXCLICK_JS_CHECK)
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: !app.isPackaged,
      },
    });
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => (mainWindow = null));
    // links in content (e.g. KB articles) open in the browser, never inside the app window, and
    // only to the allow-listed documentation hosts (external-links.ts)
    win.webContents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    if (devServerUrl) void win.loadURL(devServerUrl);
    else void win.loadFile(indexFile);
    return win;
  }
}

/** Main remembers the newest scan's token so File → Export report… works without asking the renderer. */
function rememberRunToken(engine: DesktopEngine, onToken: (token: string, language?: EngineLanguage) => void): DesktopEngine {
  return {
    info: () => engine.info(),
    scan: async (opts, onProgress) => {
      const result = await engine.scan(opts, onProgress);
      onToken(result.runToken, opts.language);
      return result;
    },
    applyFixes: (token, fixIds, onProgress, opts) => engine.applyFixes(token, fixIds, onProgress, opts),
    rollback: (runId, onProgress) => engine.rollback(runId, onProgress),
    history: () => engine.history(),
    exportReport: (token, format, opts) => engine.exportReport(token, format, opts),
    fixScript: (token, fixId, which, shell) => engine.fixScript(token, fixId, which, shell),
    checkPptp: (token, profileName) => engine.checkPptp(token, profileName),
    explainServerLog: (opts) => engine.explainServerLog(opts),
    openServerLog: (path, opts, onProgress) => engine.openServerLog(path, opts, onProgress),
    explainOpenedLog: (openId, index, opts) => engine.explainOpenedLog(openId, index, opts),
    forgetServerLog: (opts) => engine.forgetServerLog(opts),
    routeFingerprint: () => engine.routeFingerprint(),
  };
}
