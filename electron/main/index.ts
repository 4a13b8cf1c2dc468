import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/domain/errors';
import { translate } from '../../shared/i18n/index';
import { createAppContext, type AppContext } from '../core/context';
import { createDispatch } from '../core/dispatch';
import { createHandlers } from '../core/handlers';
import { createNativeDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createShellPreferences } from './preferences';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySessionSecurity, createMainWindow } from './window';

// The bundle lives in dist/electron; the app root is two levels up (also inside app.asar).
const here = path.dirname(fileURLToPath(import.meta.url));
const appRoot = path.resolve(here, '..', '..');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');

let mainWindow: BrowserWindow | null = null;
let context: AppContext | null = null;

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void context?.close();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  applySessionSecurity();
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  const preferences = createShellPreferences(app.getPath('userData'));
  const { language } = await preferences.get();
  const databasePath = preferences.getLastDatabasePath() ?? path.join(app.getPath('userData'), 'registry.db');

  context = await openRegistry(databasePath, preferences, language);
  if (!context) {
    app.quit();
    return;
  }
  preferences.setLastDatabasePath(databasePath);
  registerIpc(createDispatch(createHandlers(context), { logError: (error) => console.error(error) }), () => mainWindow);

  buildMenu(language, { openDatabase: () => void chooseDatabase(preferences, language) });
  mainWindow = createMainWindow({
    preloadPath: path.join(here, 'preload.cjs'),
    bounds: preferences.getWindowBounds(),
    title: translate(language, 'app.name'),
  });
  mainWindow.on('close', () => {
    if (mainWindow) preferences.setWindowBounds(mainWindow.getBounds());
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Opens the registry; on a damaged or too new file explains and lets the user choose, never overwrites. */
async function openRegistry(
  databasePath: string,
  preferences: ReturnType<typeof createShellPreferences>,
  language: 'cs' | 'en',
): Promise<AppContext | null> {
  try {
    return await createAppContext({
      databasePath,
      resourcesDir,
      appVersion: app.getVersion(),
      preferences,
      dialogs: createNativeDialogs(() => mainWindow),
      events: (event, payload) => mainWindow?.webContents.send(event, payload),
      seedDemoIfEmpty: !existsSync(databasePath),
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String(error);
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: translate(language, 'shell.openFailed'),
      message: translate(language, 'shell.openFailed'),
      detail: message,
      buttons: [translate(language, 'shell.openAnother'), translate(language, 'shell.quit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice.response !== 0) return null;
    const picked = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
    });
    const next = picked.filePaths[0];
    if (picked.canceled || !next) return null;
    preferences.setLastDatabasePath(next);
    return openRegistry(next, preferences, language);
  }
}

async function chooseDatabase(
  preferences: ReturnType<typeof createShellPreferences>,
  language: 'cs' | 'en',
): Promise<void> {
  const picked = await dialog.showOpenDialog({
    properties: ['openFile'],
    filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
  });
  const next = picked.filePaths[0];
  if (picked.canceled || !next) return;
  preferences.setLastDatabasePath(next);
  await dialog.showMessageBox({ type: 'info', message: translate(language, 'shell.restart') });
  app.relaunch();
  app.exit(0);
}
