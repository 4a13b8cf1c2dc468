import os from 'node:os';
import { openDatabase, type Database, type OpenOptions } from './db/database';
import type { DialogPort, EventSink, PreferencesPort } from './ports';

export type AppContextOptions = {
  databasePath: string;
  /** Folder with demo data, the clause library and other resources. */
  resourcesDir: string;
  appVersion: string;
  preferences: PreferencesPort;
  dialogs: DialogPort;
  events?: EventSink;
  /** Fills an empty, newly created database with the demo data. */
  seedDemoIfEmpty?: boolean;
  open?: OpenOptions;
  /**
   * Whether file paths sent by the renderer may be opened (a file dropped on the Electron window).
   * Only the desktop shell, whose renderer is our own sandboxed page, says yes; the web bridge
   * must not, or anyone with its token could read any file the server can.
   */
  acceptsLocalPaths?: boolean;
};

export type AppContext = {
  db: Database;
  resourcesDir: string;
  appVersion: string;
  preferences: PreferencesPort;
  dialogs: DialogPort;
  acceptsLocalPaths: boolean;
  emit: EventSink;
  /** Who is making changes: the name set in Settings, else the operating system user. */
  actor: () => Promise<string>;
  close: () => Promise<void>;
};

/**
 * The one composition root: opens the database and wires the ports. Every host (Electron shell,
 * CLI, web preview, tests) calls this; nothing touches the file system at import time.
 */
export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const db = await openDatabase(options.databasePath, options.open);
  const context: AppContext = {
    db,
    resourcesDir: options.resourcesDir,
    appVersion: options.appVersion,
    preferences: options.preferences,
    dialogs: options.dialogs,
    acceptsLocalPaths: options.acceptsLocalPaths ?? false,
    emit: options.events ?? (() => undefined),
    actor: async () => {
      const { actorName } = await options.preferences.get();
      if (actorName.trim() !== '') return actorName.trim();
      try {
        return os.userInfo().username;
      } catch {
        return '';
      }
    },
    // `db` is read at call time: a restored backup replaces it (services/backup-service.ts).
    close: () => context.db.close(),
  };
  if (options.seedDemoIfEmpty) {
    const { loadDemoData } = await import('./services/demo-service');
    const { countRows } = await import('./repositories/reference-repository');
    const { municipalities } = await countRows(db.knex, ['municipalities']);
    if ((municipalities ?? 0) === 0) await loadDemoData(db.knex, options.resourcesDir);
  }
  return context;
}

/** A dialog port that answers every question with "cancelled" (CLI, tests that need none). */
export const noDialogs: DialogPort = {
  saveFile: () => Promise.resolve(null),
  openFile: () => Promise.resolve(null),
  chooseFolder: () => Promise.resolve(null),
};
