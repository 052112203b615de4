import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { engineT, type EngineLanguage } from '../core/i18n';

/**
 * File: Open a PC's capture…, Export report…, Quit · View: Reload (development only) · Help: About — in the UI's language
 * (main rebuilds the menu when the renderer scans in another language). Texts: core i18n `menu.*`.
 */
export function buildAppMenu(opts: { getWindow: () => BrowserWindow | null; onExport: () => void; onOpenCapture?: () => void; language: EngineLanguage }): Menu {
  const t = engineT(opts.language);
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        ...(opts.onOpenCapture ? [{ label: t('menu.openCapture'), accelerator: 'CmdOrCtrl+O', click: () => opts.onOpenCapture?.() } satisfies MenuItemConstructorOptions] : []),
        { label: t('menu.export'), accelerator: 'CmdOrCtrl+E', click: () => opts.onExport() },
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    ...(dev
      ? [{ label: t('menu.view'), submenu: [{ role: 'reload', label: t('menu.reload') }, { role: 'toggleDevTools', label: t('menu.devTools') }] } satisfies MenuItemConstructorOptions]
      : []),
    {
      label: t('menu.help'),
      submenu: [
        {
          label: t('menu.about'),
          click: () => {
            const win = opts.getWindow();
            const message = `TunnelMedic ${app.getVersion()}`;
            const detail = t('menu.aboutText');
            const box = { type: 'info' as const, title: t('menu.about'), message, detail };
            if (win) void dialog.showMessageBox(win, box);
            else void dialog.showMessageBox(box);
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/** The main process's own dialogs, in the same language as the menu. */
export function mainTexts(language: EngineLanguage): { scanFirst: string; exportFailed: string; openLogTitle: string; logFiles: string; allFiles: string; openCaptureTitle: string; openCaptureFailed: string } {
  const t = engineT(language);
  return { scanFirst: t('menu.scanFirst'), exportFailed: t('menu.exportFailed'), openLogTitle: t('menu.openLogTitle'), logFiles: t('menu.logFiles'), allFiles: t('menu.allFiles'), openCaptureTitle: t('menu.openCaptureTitle'), openCaptureFailed: t('menu.openCaptureFailed') };
}
