import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { IPC_PREFIX, METHODS } from '../../shared/api/contract';
import { fail, UserError } from '../../shared/api/result';
import type { BackendContext } from '../backend/api/backend-context';
import { dispatch } from '../backend/api/dispatch';
import { openProject } from '../backend/project/open-project';
import { resolveProjectPath } from '../backend/project/project-location';
import { RENDERER_CSP } from '../../shared/security/renderer-csp';
import { applicationMenu } from './application-menu';
import { ElectronPdfRenderer } from './electron-pdf-renderer';

// The Electron shell, kept thin: window, security settings, and the IPC
// binding of the contract. Everything else is the back end shared with the
// CLI and browser mode.

const here = dirname(fileURLToPath(import.meta.url));
app.setName('Annalist');

function projectArgument(argv: string[]): string | undefined {
  const i = argv.indexOf('--project');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--project='))?.slice('--project='.length);
}

function resourcesDir(): string {
  const packaged = join(process.resourcesPath, 'resources');
  return app.isPackaged && existsSync(packaged) ? packaged : join(here, '..', '..', 'resources');
}

const rendererIndex = join(here, '..', 'renderer', 'index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererIndex).href;

function isOwnFrame(url: string | undefined): boolean {
  if (!url) return false;
  if (process.env.ELECTRON_RENDERER_URL) return url.startsWith(process.env.ELECTRON_RENDERER_URL);
  return url.split(/[?#]/)[0] === pathToFileURL(rendererIndex).href;
}

function hardenSessions() {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnFrame(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links in articles open in the researcher's browser, only on request and only http(s).
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function bindContract(ctx: BackendContext) {
  for (const method of METHODS) {
    ipcMain.handle(IPC_PREFIX + method, (event, input: unknown) => {
      if (!isOwnFrame(event.senderFrame?.url)) return fail('forbidden', 'This window may not use Annalist’s API.');
      return dispatch(ctx, method, input);
    });
  }
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Annalist',
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // Middle-click would otherwise open links as new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
}

async function start() {
  await app.whenReady();
  hardenSessions();
  Menu.setApplicationMenu(applicationMenu());
  const projectPath = resolveProjectPath(projectArgument(process.argv));
  try {
    const db = await openProject(projectPath);
    const ctx: BackendContext = { db, projectPath, resourcesDir: resourcesDir(), pdf: new ElectronPdfRenderer(), transport: 'ipc' };
    bindContract(ctx);
    app.on('will-quit', () => void db.close());
  } catch (err) {
    const message = err instanceof UserError ? err.message : `${projectPath} could not be opened: ${(err as Error).message}`;
    dialog.showErrorBox('Annalist cannot open the project', message);
    app.quit();
    return;
  }
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void start();
