import { safeStorage } from 'electron';
import { REGISTRY_KINDS, serverProfileSchema, type ServerProfile } from '../../shared/domain/registry-connection';
import { passwordToKeep } from '../core/connection-store';
import type { ConnectionStorePort } from '../core/ports';
import type { ShellPreferences, StoredRegistry } from './preferences';

/**
 * Whether the operating system keeps secrets for this app: Keychain (macOS), DPAPI (Windows), the
 * Secret Service or KWallet (Linux). On Linux without one, Electron falls back to a key written in
 * its own code ("basic_text"): that is no secret store, so the password is then kept only while the
 * app runs, and Settings says so. Ask after the app is ready.
 */
export async function secureStoreAvailable(): Promise<boolean> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

type Read = { kind: StoredRegistry['kind']; server: ServerProfile | null; encryptedPassword: string | null };

/** What is written back to the preferences for a state read from them. */
const stored = (state: Read): StoredRegistry => ({
  kind: state.kind,
  ...(state.server === null ? {} : { server: state.server }),
  ...(state.encryptedPassword === null ? {} : { encryptedPassword: state.encryptedPassword }),
});

/**
 * Where the desktop app's registry is (Settings ▸ Where the registry is), kept in its preferences
 * for the next start. A server's password is stored only as the blob safeStorage encrypts it to,
 * never in clear text; without a secure store it is kept in memory until the app quits.
 */
export async function createSecureConnections(
  preferences: Pick<ShellPreferences, 'getRegistry' | 'setRegistry' | 'getLastDatabasePath'>,
  defaultFile: string,
): Promise<ConnectionStorePort> {
  const secure = await secureStoreAvailable();
  let sessionPassword: string | null = null;

  // What the preferences hold, checked: a hand-edited or damaged entry means "the file".
  const read = (): Read => {
    const stored = preferences.getRegistry();
    const kind = stored !== undefined && REGISTRY_KINDS.includes(stored.kind) ? stored.kind : 'file';
    const server = serverProfileSchema.safeParse(stored?.server);
    const encrypted = stored?.encryptedPassword;
    return {
      kind: server.success ? kind : 'file',
      server: server.success ? server.data : null,
      encryptedPassword: typeof encrypted === 'string' && encrypted !== '' ? encrypted : null,
    };
  };
  const encrypt = async (password: string): Promise<string> =>
    (await safeStorage.encryptStringAsync(password)).toString('base64');
  const decrypt = async (state: Read): Promise<string | null> => {
    if (state.encryptedPassword === null) return null;
    try {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(
        Buffer.from(state.encryptedPassword, 'base64'),
      );
      // The store's key was rotated: the password is kept under the new one.
      if (shouldReEncrypt) preferences.setRegistry({ ...stored(state), encryptedPassword: await encrypt(result) });
      return result;
    } catch {
      // Encrypted under another user or keyring: the user types the password again.
      return null;
    }
  };
  const passwordNow = (state: Read): Promise<string | null> =>
    secure ? decrypt(state) : Promise.resolve(sessionPassword);

  return {
    passwordKeeping: () => (secure ? 'secure' : 'session'),
    fileLocation: () => preferences.getLastDatabasePath() ?? defaultFile,
    saved: async () => {
      const state = read();
      return { kind: state.kind, server: state.server, passwordSaved: (await passwordNow(state)) !== null };
    },
    savedPassword: () => passwordNow(read()),
    save: async (connection) => {
      const state = read();
      if (connection.kind === 'file') {
        preferences.setRegistry({ ...stored(state), kind: 'file' });
        return;
      }
      const password = passwordToKeep(
        { server: state.server, password: await passwordNow(state) },
        connection.server,
        connection.password,
      );
      if (secure) {
        preferences.setRegistry({
          kind: 'server',
          server: connection.server,
          ...(password === null ? {} : { encryptedPassword: await encrypt(password) }),
        });
      } else {
        sessionPassword = password;
        preferences.setRegistry({ kind: 'server', server: connection.server });
      }
    },
  };
}
