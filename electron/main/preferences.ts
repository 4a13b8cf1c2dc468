import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '../../shared/domain/schemas';
import type { PreferencesPort } from '../core/ports';
import type { RegistryKind, ServerProfile } from '../../shared/domain/registry-connection';

/**
 * Where the registry is, as Settings saved it: the server profile and its password encrypted by
 * the operating system (electron/main/registry-profile.ts), never the password in clear text.
 */
export type StoredRegistry = {
  kind: RegistryKind;
  server?: ServerProfile;
  /** The password as safeStorage encrypted it, base64. */
  encryptedPassword?: string;
};

type ShellState = {
  ui: Preferences;
  windowBounds?: { x: number; y: number; width: number; height: number };
  lastDatabasePath?: string;
  registry?: StoredRegistry;
};

export type ShellPreferences = PreferencesPort & {
  getWindowBounds: () => ShellState['windowBounds'];
  setWindowBounds: (bounds: NonNullable<ShellState['windowBounds']>) => void;
  getLastDatabasePath: () => string | undefined;
  setLastDatabasePath: (filePath: string) => void;
  getRegistry: () => StoredRegistry | undefined;
  setRegistry: (registry: StoredRegistry) => void;
};

/**
 * Preferences in electron-store. A damaged file is copied aside (`.bad-<time>`) and the defaults
 * are used, so a broken preferences file never stops the app.
 */
export function createShellPreferences(userDataDir: string): ShellPreferences {
  const filePath = path.join(userDataDir, 'preferences.json');
  try {
    JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      try {
        copyFileSync(filePath, `${filePath}.bad-${Date.now()}`);
      } catch {
        // Keeping a copy is best effort; the defaults are used either way.
      }
    }
  }
  const store = new Store<ShellState>({
    name: 'preferences',
    cwd: userDataDir,
    clearInvalidConfig: true,
    defaults: { ui: DEFAULT_PREFERENCES },
  });
  const readUi = (): Preferences => {
    const parsed = preferencesSchema.safeParse({ ...DEFAULT_PREFERENCES, ...store.get('ui') });
    return parsed.success ? parsed.data : DEFAULT_PREFERENCES;
  };
  return {
    get: () => Promise.resolve(readUi()),
    set: (patch) => {
      const next = preferencesSchema.parse({ ...readUi(), ...patch });
      store.set('ui', next);
      return Promise.resolve(next);
    },
    getWindowBounds: () => store.get('windowBounds'),
    setWindowBounds: (bounds) => store.set('windowBounds', bounds),
    getLastDatabasePath: () => store.get('lastDatabasePath'),
    setLastDatabasePath: (value) => store.set('lastDatabasePath', value),
    getRegistry: () => store.get('registry'),
    setRegistry: (registry) => store.set('registry', registry),
  };
}
