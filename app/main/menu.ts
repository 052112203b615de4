import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** File: Export report…, Quit · View: Reload (development only) · Help: About. */
export function buildAppMenu(opts: { getWindow: () => BrowserWindow | null; onExport: () => void }): Menu {
  const dev = !app.isPackaged;
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: 'Export report…', accelerator: 'CmdOrCtrl+E', click: () => opts.onExport() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    ...(dev
      ? [{ label: '&View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] } satisfies MenuItemConstructorOptions]
      : []),
    {
      label: '&Help',
      submenu: [
        {
          label: 'About TunnelMedic',
          click: () => {
            const win = opts.getWindow();
            const message = `TunnelMedic ${app.getVersion()}`;
            const detail = 'Diagnoses and repairs broken VPN routing. Changes are made only with your consent, with a backup, and can be undone.';
            if (win) void dialog.showMessageBox(win, { type: 'info', title: 'About TunnelMedic', message, detail });
            else void dialog.showMessageBox({ type: 'info', title: 'About TunnelMedic', message, detail });
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
