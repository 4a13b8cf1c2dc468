import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/domain/errors';
import { translate } from '../../shared/i18n/index';
import { createAppContext, type AppContext } from '../core/context';
import { replaceWithBackup, type BackupInfo } from '../core/db/backups';
import { isServerLocation } from '../core/db/dialect/index';
import { probeServer } from '../core/db/server-probe';
import type { ConnectionStorePort } from '../core/ports';
import { serverUrl } from '../../shared/domain/registry-connection';
import { createDispatch } from '../core/dispatch';
import { createHandlers } from '../core/handlers';
import { createNativeDialogs, openWithSystem } from './dialogs';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { createShellPreferences } from './preferences';
import { createSecureConnections } from './registry-profile';
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
  // Settings ▸ Where the registry is: the file, or a server profile with its password from the
  // system's secure store (safeStorage; ready only now, after app.whenReady).
  const connections = await createSecureConnections(preferences, path.join(app.getPath('userData'), 'registry.db'));
  const saved = await connections.saved();
  const location =
    saved.kind === 'server' && saved.server !== null
      ? serverUrl(saved.server, await connections.savedPassword())
      : databasePath;

  context = await openRegistry(location, preferences, connections, language);
  if (!context) {
    app.quit();
    return;
  }
  if (context.db.dialect === 'sqlite') preferences.setLastDatabasePath(context.db.filePath);
  registerIpc(
    createDispatch(createHandlers(context), { jsonText: true, logError: (error) => console.error(error) }),
    () => mainWindow,
  );

  buildMenu(language, {
    openDatabase: () => void chooseDatabase(preferences, connections, language),
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
  connections: ConnectionStorePort,
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
      openWithSystem,
      events: (event, payload) => mainWindow?.webContents.send(event, payload),
      // Demo data only into a new registry file, never into a registry on a server.
      seedDemoIfEmpty: !isServerLocation(databasePath) && !existsSync(databasePath),
      open: { dailyBackup: true },
      acceptsLocalPaths: true,
      connections,
    });
  } catch (error) {
    if (isServerLocation(databasePath)) return serverOpenFailed(error, preferences, connections, language);
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
      return openRegistry(databasePath, preferences, connections, language);
    }
    if (picked !== t('db.openAnother')) return null;
    const chosen = await dialog.showOpenDialog({
      properties: ['openFile'],
      filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
    });
    const next = chosen.filePaths[0];
    if (chosen.canceled || !next) return null;
    preferences.setLastDatabasePath(next);
    return openRegistry(next, preferences, connections, language);
  }
}

/**
 * The registry on the server saved in Settings did not open at start (the server is down, the
 * password is no longer right or not kept, the structure needs an administrator): the user is told
 * why in their language and may work in the registry file instead (Settings switches back) or quit.
 */
async function serverOpenFailed(
  error: unknown,
  preferences: ReturnType<typeof createShellPreferences>,
  connections: ConnectionStorePort,
  language: 'cs' | 'en',
): Promise<AppContext | null> {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const saved = await connections.saved();
  const probe = saved.server === null ? null : await probeServer(saved.server, await connections.savedPassword());
  const reason =
    probe !== null && probe.outcome !== 'connected' && probe.outcome !== 'failed'
      ? t(`settings.registry.outcome.${probe.outcome}`)
      : error instanceof AppError
        ? error.message
        : String(error);
  const buttons = [t('settings.registry.useFile'), t('db.quit')];
  const choice = await dialog.showMessageBox({
    type: 'error',
    title: t('settings.registry.startFailed'),
    message: t('settings.registry.startFailed'),
    detail: `${saved.server === null ? '' : `${serverUrl(saved.server)}\n`}${reason}`,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (choice.response !== 0) return null;
  await connections.save({ kind: 'file' });
  return openRegistry(connections.fileLocation() ?? '', preferences, connections, language);
}

async function chooseDatabase(
  preferences: ReturnType<typeof createShellPreferences>,
  connections: ConnectionStorePort,
  language: 'cs' | 'en',
): Promise<void> {
  const picked = await dialog.showOpenDialog({
    properties: ['openFile'],
    filters: [{ name: 'SQLite', extensions: ['db', 'sqlite'] }],
  });
  const next = picked.filePaths[0];
  if (picked.canceled || !next) return;
  preferences.setLastDatabasePath(next);
  await connections.save({ kind: 'file' });
  await dialog.showMessageBox({ type: 'info', message: translate(language, 'shell.restart') });
  app.relaunch();
  app.exit(0);
}
