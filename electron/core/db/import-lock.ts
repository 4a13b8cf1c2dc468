import { hostname } from 'node:os';
import { open, readFile, rm, stat } from 'node:fs/promises';
import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { isPostgres } from './dialect/index';
import { tryAdvisoryLock } from './dialect/postgres';

/**
 * One import at a time on a registry, also across processes (two windows, the CLI beside the
 * app): a lock file beside the database, created exclusively. A lock left by a process that no
 * longer runs on this machine (a crash, kill -9) is taken over; one from another machine (a
 * registry on a share) counts until it is six hours old. A registry on a server is locked with a
 * PostgreSQL advisory lock instead, across every client of the server; the server drops it when
 * the connection that holds it ends (a crash).
 */
type LockOwner = { pid: number; host: string; at: string };

const STALE_MS = 6 * 3600 * 1000;

export const importLockPath = (databasePath: string): string => `${databasePath}.import-lock`;

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
};

async function staleOwner(lockPath: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (owner.host === hostname() && typeof owner.pid === 'number') return !running(owner.pid);
    return Date.now() - (await stat(lockPath)).mtimeMs > STALE_MS;
  } catch {
    // Unreadable or half-written: stale once it is older than a minute (a writer takes milliseconds).
    const info = await stat(lockPath).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > 60_000;
  }
}

/** The advisory lock key of imports (any fixed number; "twin" in ASCII). */
const IMPORT_LOCK_KEY = 0x7477696e;

const busy = () =>
  new AppError('CONFLICT', 'Another import is running on this registry (in another window or program).', {
    reason: 'import.error.busy',
  });

/** Takes the import lock of a registry; resolves with its release. CONFLICT (import.error.busy) when held. */
export async function acquireImportLock(database: { filePath: string; knex: Knex }): Promise<() => Promise<void>> {
  if (isPostgres(database.knex)) {
    const release = await tryAdvisoryLock(database.knex, IMPORT_LOCK_KEY);
    if (release === null) throw busy();
    return release;
  }
  const databasePath = database.filePath;
  const lockPath = importLockPath(databasePath);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
      if (code !== 'EEXIST') throw error;
      if (attempt === 0 && (await staleOwner(lockPath))) {
        await rm(lockPath, { force: true });
        continue;
      }
    }
  }
  throw busy();
}
