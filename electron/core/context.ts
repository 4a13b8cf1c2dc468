import { ARES_DEFAULT_URL } from '../../shared/domain/ares';
import os from 'node:os';
import { openDatabase, type Database, type OpenOptions } from './db/database';
import { limitHeapHeadroom } from './heap-policy';
import { createJobs, type Jobs } from './jobs';
import { REGISTRY_TABLES } from './services/demo-service';
import type { ImportPreview } from './services/import/import-service';
import type { ConnectionStorePort, DialogPort, EventSink, OpenWithSystemPort, PreferencesPort } from './ports';
import { createSessionConnections } from './connection-store';

export type AppContextOptions = {
  databasePath: string;
  /** Folder with demo data, the clause library and other resources. */
  resourcesDir: string;
  appVersion: string;
  preferences: PreferencesPort;
  dialogs: DialogPort;
  /** Opens a file with the system's program for it (the desktop shell only). */
  openWithSystem?: OpenWithSystemPort;
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
  /** The ARES interface looked up for a new member's IČO (tests give a local stand-in). */
  aresUrl?: string;
  /**
   * Where the registry is remembered for the next start, a server's password with it (the desktop
   * shell: its preferences and the system's secure store); by default kept in memory for the run.
   */
  connections?: ConnectionStorePort;
};

export type AppContext = {
  db: Database;
  resourcesDir: string;
  appVersion: string;
  preferences: PreferencesPort;
  dialogs: DialogPort;
  /** Null where the host has no desktop to open a file on (web preview, CLI). */
  openWithSystem: OpenWithSystemPort | null;
  acceptsLocalPaths: boolean;
  /** Base address of the ARES REST interface (`TWINREG_ARES_URL` overrides the public one). */
  aresUrl: string;
  /** Where the registry is and a server's password (Settings switches the registry through it). */
  connections: ConnectionStorePort;
  emit: EventSink;
  /** Long work running now (imports, agreement batches): progress and cancel. */
  jobs: Jobs;
  /**
   * What this session remembers between calls, kept here and not in module-level maps: files the
   * user chose for import and the current preview (by handle), and paths picked in a save dialog
   * (the only ones a later write may name).
   */
  session: {
    importFiles: Map<string, { path: string; name: string }>;
    importPreviews: Map<string, ImportPreview>;
    approvedPaths: Set<string>;
  };
  /** Who is making changes: the name set in Settings, else the operating system user. */
  actor: () => Promise<string>;
  close: () => Promise<void>;
};

/**
 * The one composition root: opens the database and wires the ports. Every host (Electron shell,
 * CLI, web preview, tests) calls this; nothing touches the file system at import time.
 */
export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  limitHeapHeadroom();
  const db = await openDatabase(options.databasePath, options.open);
  const emit = options.events ?? (() => undefined);
  let current = db;
  // A host with screens (it listens to events) hears the other clients' changes of a registry on
  // a server as its own: the grids refresh the rows they name, or reload after a lost connection.
  // Every registry put in place later (Settings switching to another) is listened to as well.
  const hearOthers = (database: Database) => {
    if (options.events !== undefined)
      database.changes?.listen(
        (change) => context.emit('data:changed', change ?? { tables: [...REGISTRY_TABLES] }),
        // The server went away or came back: the screens say so (walkthrough 18: nothing changed
        // on screen until a save failed, while colleagues' changes had stopped arriving).
        (connected) => context.emit('registry:connection', { connected }),
      );
  };
  const context: AppContext = {
    get db() {
      return current;
    },
    set db(next) {
      current = next;
      hearOthers(next);
    },
    resourcesDir: options.resourcesDir,
    appVersion: options.appVersion,
    preferences: options.preferences,
    dialogs: options.dialogs,
    openWithSystem: options.openWithSystem ?? null,
    acceptsLocalPaths: options.acceptsLocalPaths ?? false,
    aresUrl: options.aresUrl ?? process.env.TWINREG_ARES_URL ?? ARES_DEFAULT_URL,
    connections: options.connections ?? createSessionConnections(options.databasePath),
    emit,
    // Progress goes through `context.emit` at call time (a host may rewire its events).
    jobs: createJobs((event, payload) => {
      context.emit(event, payload);
    }),
    session: { importFiles: new Map(), importPreviews: new Map(), approvedPaths: new Set() },
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
  hearOthers(db);
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
