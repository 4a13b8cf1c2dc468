import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Preferences } from '../../shared/domain/schemas';

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
};

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
