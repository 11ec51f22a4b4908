import { Menu, type MenuItemConstructorOptions } from 'electron';

// Electron's default menu resolves Ctrl/Cmd+=, − and 0 (the zoom roles) in
// the main process, so the keystrokes never reach the page and the reader's
// text size (which keeps the reader's place) could not have them. The zoom
// items stay in the View menu without their accelerators.
export function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom', registerAccelerator: false },
        { role: 'zoomIn', registerAccelerator: false },
        { role: 'zoomOut', registerAccelerator: false },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
