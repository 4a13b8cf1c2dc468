import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/domain/errors';
import { translate } from '../../shared/i18n/index';
import { createAppContext, type AppContext } from '../core/context';
import { replaceWithBackup, type BackupInfo } from '../core/db/backups';
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

  buildMenu(language, {
    openDatabase: () => void chooseDatabase(preferences, language),
    importFile: () => mainWindow?.webContents.send('import:open', {}),
    command: (command) => mainWindow?.webContents.send('shell:command', { command }),
  });
  mainWindow = createMainWindow({
    preloadPath: path.join(here, 'preload.cjs'),
    bounds: preferences.getWindowBounds(),
    title: translate(language, 'app.name'),
    linkTexts: {
      title: translate(language, 'shell.openLink.title'),
      open: translate(language, 'shell.openLink.open'),
      cancel: translate(language, 'common.cancel'),
    },
  });
  mainWindow.on('close', () => {
    if (mainWindow) preferences.setWindowBounds(mainWindow.getBounds());
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** The backups listed in a DATABASE_DAMAGED / SCHEMA_TOO_NEW error (core lists them, newest first). */
const backupsOf = (error: AppError): BackupInfo[] => {
  const list = error.details?.backups;
  return Array.isArray(list) ? (list as BackupInfo[]) : [];
};

/**
 * Opens the registry (daily backup included). A damaged file or one from a newer version is never
 * overwritten, moved or replaced by an empty one without asking: the user is told what is wrong
 * and chooses to restore the latest good backup (the old file is kept beside it), open another
 * file, or quit.
 */
async function openRegistry(
  databasePath: string,
  preferences: ReturnType<typeof createShellPreferences>,
  language: 'cs' | 'en',
): Promise<AppContext | null> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  try {
    return await createAppContext({
      databasePath,
      resourcesDir,
      appVersion: app.getVersion(),
      preferences,
      dialogs: createNativeDialogs(() => mainWindow),
      events: (event, payload) => mainWindow?.webContents.send(event, payload),
      seedDemoIfEmpty: !existsSync(databasePath),
      open: { dailyBackup: true },
      acceptsLocalPaths: true,
    });
  } catch (error) {
    const known = error instanceof AppError && (error.code === 'DATABASE_DAMAGED' || error.code === 'SCHEMA_TOO_NEW');
    const message = error instanceof AppError ? error.message : String(error);
    const latest = known ? backupsOf(error)[0] : undefined;
    const when = (iso: string) =>
      new Intl.DateTimeFormat(language === 'cs' ? 'cs-CZ' : 'en-GB', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso));
    const title = !known ? t('shell.openFailed') : error.code === 'SCHEMA_TOO_NEW' ? t('db.tooNew') : t('db.damaged');
    const detail = !known
      ? message
      : t(error.code === 'SCHEMA_TOO_NEW' ? 'db.tooNewDetail' : 'db.damagedDetail', {
          file: databasePath,
          reason: message,
        });
    const buttons = [
      ...(latest ? [t('db.restoreLatest', { date: when(latest.createdAt) })] : []),
      t('db.openAnother'),
      t('db.quit'),
    ];
    const choice = await dialog.showMessageBox({
      type: 'error',
      title,
      message: title,
      detail,
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    const picked = buttons[choice.response];
    if (latest && picked === buttons[0]) {
      try {
        const { keptAs } = await replaceWithBackup(databasePath, latest.name);
        await dialog.showMessageBox({ type: 'info', message: t('db.restoreDone', { file: keptAs }) });
      } catch (restoreError) {
        await dialog.showMessageBox({
          type: 'error',
          message: t('shell.openFailed'),
          detail: restoreError instanceof Error ? restoreError.message : String(restoreError),
        });
        return null;
      }
      return openRegistry(databasePath, preferences, language);
    }
    if (picked !== t('db.openAnother')) return null;
    const chosen = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
    });
    const next = chosen.filePaths[0];
    if (chosen.canceled || !next) return null;
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
