import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Preferences } from '../../shared/domain/schemas';
import type { PasswordKeeping, RegistryKind, ServerProfile } from '../../shared/domain/registry-connection';

/**
 * What core needs from its host (Electron shell, CLI, web preview, tests). Core never imports
 * Electron: the shell implements these ports with native dialogs and electron-store.
 */
export type PreferencesPort = {
  get: () => Promise<Preferences>;
  set: (patch: Partial<Preferences>) => Promise<Preferences>;
};

export type FileFilter = { name: string; extensions: string[] };

export type DialogPort = {
  /** Asks where to save a file; null when the user cancels. */
  saveFile: (options: { defaultName: string; filters: FileFilter[] }) => Promise<string | null>;
  /** Asks for a file to open; null when the user cancels. */
  openFile: (options: { filters: FileFilter[] }) => Promise<string | null>;
  /** Asks for a folder; null when the user cancels. */
  chooseFolder: () => Promise<string | null>;
  /** False where no file can be chosen (the web preview: `openFile` always answers null). */
  opensFiles?: boolean;
};

/**
 * Opens a file the app wrote with the program the system has for its kind (a PDF viewer for a
 * scanned agreement): the desktop shell's `shell.openPath`. Hosts without a desktop (the web
 * preview, the CLI) have none.
 */
export type OpenWithSystemPort = (filePath: string) => Promise<void>;

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where the registry is, as a host remembers it for its next start (never with the password). */
export type SavedConnection = {
  kind: RegistryKind;
  /** The server profile, kept also while a file is open (to switch back without typing it again). */
  server: ServerProfile | null;
  /** Whether a password is kept for `server`. */
  passwordSaved: boolean;
};

/**
 * Where the registry is and a server's password, kept by the host: the desktop shell in its
 * preferences with the password encrypted by the operating system's secure store (Electron's
 * safeStorage: electron/main/registry-profile.ts); the web preview, the CLI and tests in memory
 * for their run (electron/core/connection-store.ts). The password only ever goes from here to the
 * connection core opens: never to the renderer, a status, a log or a message.
 */
export type ConnectionStorePort = {
  /** How this host keeps a password: the system's secure store, or only while it runs. */
  passwordKeeping: () => PasswordKeeping;
  /** The registry file this host opens when the registry is a file; null when it has none. */
  fileLocation: () => string | null;
  saved: () => Promise<SavedConnection>;
  /** The password kept for the saved server profile, or null. */
  savedPassword: () => Promise<string | null>;
  /**
   * Remembers where the registry is. For a server, `password` replaces the kept one, null forgets
   * it, undefined keeps it when the profile is the same server, database and user (else forgets
   * it: a password is never sent to a server it was not given for). Switching to the file keeps
   * the server profile and its password.
   */
  save: (
    connection: { kind: 'file' } | { kind: 'server'; server: ServerProfile; password: string | null | undefined },
  ) => Promise<void>;
};
