import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerProfile } from '../../../shared/domain/registry-connection';
import { tempDir } from '../../support/temp-db';

/*
 * The Electron binary cannot run here: `electron` is replaced by a safeStorage that encrypts as
 * the operating system would (AES-GCM under a key of its own that never reaches the file), with
 * the backend switchable to Linux's "basic_text" (no secure store). The preferences are written to
 * preferences.json in a temporary folder, so the test reads what lands on disk.
 */
const secure = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret',
  key: Buffer.alloc(0),
  /** The next decryption says the store's key was rotated. */
  rotated: false,
}));

vi.mock('electron', () => {
  const safeStorage = {
    isAsyncEncryptionAvailable: () => Promise.resolve(secure.available),
    getSelectedStorageBackend: () => secure.backend,
    encryptStringAsync: (text: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secure.key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    decryptStringAsync: async (data: Buffer) => {
      await Promise.resolve();
      const decipher = createDecipheriv('aes-256-gcm', secure.key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      const result = Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
      return { result, shouldReEncrypt: secure.rotated };
    },
  };
  return { default: { safeStorage }, safeStorage };
});

/*
 * electron-store is loaded by Node outside the mocks: it is rebuilt here as it is made, on `conf`
 * (the library it extends) with the options it passes, so preferences.json is written for real.
 */
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class ElectronStore extends Conf {
      constructor(options: { name?: string; cwd?: string } & Record<string, unknown>) {
        const { name, ...rest } = options;
        super({ ...rest, configName: name ?? 'config', projectName: 'twinreg-test' });
      }
    },
  };
});

const { createShellPreferences } = await import('../../../electron/main/preferences');
const { createSecureConnections } = await import('../../../electron/main/registry-profile');

const server: ServerProfile = { host: 'db.svaz.cz', port: 5432, database: 'registr', user: 'jana' };
const PASSWORD = 'Tajné heslo: p@ss/wörd';

describe('the desktop app’s connection profile', () => {
  let dir: string;
  const preferencesFile = () => readFileSync(path.join(dir, 'preferences.json'), 'utf8');
  /** A start of the app: the preferences read from disk again. */
  const start = () => createSecureConnections(createShellPreferences(dir), path.join(dir, 'registry.db'));

  beforeEach(() => {
    dir = tempDir('twinreg-profile-');
    secure.available = true;
    secure.backend = 'gnome_libsecret';
    secure.key = randomBytes(32);
    secure.rotated = false;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the password only as the secure store encrypted it, and reads it back at the next start', async () => {
    const store = await start();
    expect(store.passwordKeeping()).toBe('secure');
    expect(await store.saved()).toEqual({ kind: 'file', server: null, passwordSaved: false });
    await store.save({ kind: 'server', server, password: PASSWORD });

    const text = preferencesFile();
    expect(text).toContain('db.svaz.cz');
    for (const form of [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      Buffer.from(PASSWORD).toString('base64'),
      JSON.stringify(PASSWORD).slice(1, -1),
      'Tajn',
    ])
      expect(text).not.toContain(form);
    const stored = (JSON.parse(text) as { registry: { encryptedPassword: string } }).registry;
    expect(stored.encryptedPassword.length).toBeGreaterThan(0);

    const again = await start();
    expect(await again.saved()).toEqual({ kind: 'server', server, passwordSaved: true });
    expect(await again.savedPassword()).toBe(PASSWORD);
    // What Settings shows of it says only that a password is kept.
    expect(JSON.stringify(await again.saved())).not.toContain('Tajn');
  });

  it('never gives the kept password to another server or user, and keeps it when going back to the file', async () => {
    const store = await start();
    await store.save({ kind: 'server', server, password: PASSWORD });
    await store.save({ kind: 'server', server, password: undefined });
    expect(await store.savedPassword()).toBe(PASSWORD);
    await store.save({ kind: 'file' });
    expect(await (await start()).saved()).toEqual({ kind: 'file', server, passwordSaved: true });
    expect(await (await start()).savedPassword()).toBe(PASSWORD);
    await store.save({ kind: 'server', server: { ...server, host: 'db.jiny-svaz.cz' }, password: undefined });
    expect(await (await start()).savedPassword()).toBeNull();
    expect(preferencesFile()).not.toContain('encryptedPassword');
  });

  it('a password read under a rotated key is encrypted again', async () => {
    await (await start()).save({ kind: 'server', server, password: PASSWORD });
    const before = preferencesFile();
    secure.rotated = true;
    expect(await (await start()).savedPassword()).toBe(PASSWORD);
    secure.rotated = false;
    expect(preferencesFile()).not.toBe(before);
    expect(preferencesFile()).not.toContain('Tajn');
    expect(await (await start()).savedPassword()).toBe(PASSWORD);
  });

  it('a password encrypted under another key (another user, a new keyring) is asked for again', async () => {
    await (await start()).save({ kind: 'server', server, password: PASSWORD });
    secure.key = randomBytes(32);
    const store = await start();
    expect(await store.saved()).toEqual({ kind: 'server', server, passwordSaved: false });
    expect(await store.savedPassword()).toBeNull();
  });

  it('without a secure store (Linux’s basic_text), keeps the password in memory only and says so', async () => {
    secure.backend = 'basic_text';
    const onLinux = process.platform === 'linux';
    const store = await start();
    expect(store.passwordKeeping()).toBe(onLinux ? 'session' : 'secure');
    if (!onLinux) return;
    await store.save({ kind: 'server', server, password: PASSWORD });
    expect(await store.savedPassword()).toBe(PASSWORD);
    expect(preferencesFile()).not.toContain('Tajn');
    expect(preferencesFile()).not.toContain('encryptedPassword');
    // The next start has the profile but not the password.
    expect(await (await start()).saved()).toEqual({ kind: 'server', server, passwordSaved: false });

    secure.available = false;
    secure.backend = 'gnome_libsecret';
    expect((await start()).passwordKeeping()).toBe('session');
  });

  it('a damaged or hand-edited profile opens the registry file', async () => {
    const preferences = createShellPreferences(dir);
    preferences.setRegistry({ kind: 'server', server: { ...server, host: 'evil@db.svaz.cz' } });
    expect(await (await start()).saved()).toEqual({ kind: 'file', server: null, passwordSaved: false });
    expect((await start()).fileLocation()).toBe(path.join(dir, 'registry.db'));
  });
});
