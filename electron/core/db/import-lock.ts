import { hostname } from 'node:os';
import { open, readFile, rm, stat } from 'node:fs/promises';
import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { isPostgres } from './dialect/index';
import { advisoryLockHolder, tryAdvisoryLock } from './dialect/postgres';

/**
 * One import at a time on a registry, also across processes (two windows, the CLI beside the
 * app): a lock file beside the database, created exclusively. A lock left by a process that no
 * longer runs on this machine (a crash, kill -9) is taken over, so is one six hours old (its
 * process id may belong to another program since); one from another machine (a registry on a
 * share) counts until it is six hours old. A registry on a server is locked with a
 * PostgreSQL advisory lock instead, across every client of the server; the server drops it when
 * the connection that holds it ends (a crash).
 *
 * Whoever finds the lock held is told by whom and since when: the file names its holder; on a
 * server the holder writes its name into `meta` (key `import_lock`) beside its server process, and
 * the name counts only while that process still holds the lock (a crashed holder's row is stale
 * and is overwritten by the next import).
 */
type LockOwner = { pid: number; host: string; at: string; actor?: string };

/** Who takes the lock: the display name of the person importing. */
export type LockHolder = { actor: string };

/** Who holds the lock, as the refusal names them. */
type KnownHolder = { name: string; at: string };

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

/** The lock files this process holds now (a lock naming this process but not here was left by an earlier one). */
const heldHere = new Set<string>();

/**
 * Whether a lock was left behind: its process no longer runs on this machine, or it is this very
 * process's id without the lock being held here (an earlier run whose id came back after a
 * restart, as Windows often gives), or it is older than any import takes (STALE_MS: also the only
 * test for a lock of another machine, and for an id another program got since).
 */
async function staleOwner(lockPath: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    const old = Date.now() - (await stat(lockPath)).mtimeMs > STALE_MS;
    if (owner.host === hostname() && typeof owner.pid === 'number')
      return owner.pid === process.pid ? !heldHere.has(lockPath) : old || !running(owner.pid);
    return old;
  } catch {
    // Unreadable or half-written: stale once it is older than a minute (a writer takes milliseconds).
    const info = await stat(lockPath).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > 60_000;
  }
}

/**
 * Removes a lock left behind, if it still is one, as one taker at a time: several imports that
 * found the same lock left behind (two windows, the CLI) would otherwise each remove it, and the
 * later removal could take away the lock the first had just created, so both would import. The
 * taker holds a guard file (created exclusively) while it judges the lock again and removes it;
 * whoever finds the guard held waits for nothing and is told the registry is busy. A guard left by
 * a taker that died (it holds it for milliseconds) counts after a minute.
 */
async function takeOver(lockPath: string): Promise<boolean> {
  const guardPath = `${lockPath}.takeover`;
  let guard;
  try {
    guard = await open(guardPath, 'wx', 0o600);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
    if (code !== 'EEXIST') throw error;
    const info = await stat(guardPath).catch(() => null);
    if (info !== null && Date.now() - info.mtimeMs > 60_000) await rm(guardPath, { force: true });
    return false;
  }
  try {
    await guard.close();
    if (!(await staleOwner(lockPath))) return false;
    await rm(lockPath, { force: true });
    return true;
  } finally {
    await rm(guardPath, { force: true });
  }
}

/** The advisory lock key of imports (any fixed number; "twin" in ASCII). */
const IMPORT_LOCK_KEY = 0x7477696e;

/** The `meta` row where the holder of a server registry's import lock writes its name. */
const HOLDER_KEY = 'import_lock';

/** The time of a lock as the refusal says it: hours and minutes on this computer's clock. */
const clockTime = (iso: string): string | null => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

const busy = (holder: KnownHolder | null): AppError => {
  const since = holder === null ? null : clockTime(holder.at);
  if (holder === null || holder.name === '' || since === null)
    return new AppError('CONFLICT', 'Another import is running on this registry (in another window or program).', {
      reason: 'import.error.busy',
    });
  return new AppError(
    'CONFLICT',
    `Another import is running on this registry (by ${holder.name} since ${since}). Wait until it has finished.`,
    { reason: 'import.error.busyBy', params: { name: holder.name, since }, holder: holder.name, since: holder.at },
  );
};

/** Who holds a server registry's import lock: the name its holder wrote, while that holder still holds it. */
async function serverHolder(db: Knex): Promise<KnownHolder | null> {
  const holder = await advisoryLockHolder(db, IMPORT_LOCK_KEY);
  if (holder === null) return null;
  const row = await db('meta').where({ key: HOLDER_KEY }).first<{ value: string } | undefined>('value');
  try {
    const written = JSON.parse(row?.value ?? 'null') as Partial<{ pid: number; actor: string; at: string }> | null;
    if (written?.pid !== holder.pid || typeof written.actor !== 'string' || typeof written.at !== 'string') return null;
    // The display name is the person's own choice; the database user says which role it was.
    const name =
      holder.user !== '' && holder.user !== written.actor ? `${written.actor} (${holder.user})` : written.actor;
    return written.actor === '' ? null : { name, at: written.at };
  } catch {
    return null;
  }
}

async function fileHolder(lockPath: string): Promise<KnownHolder | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.actor === 'string' && typeof owner.at === 'string' ? { name: owner.actor, at: owner.at } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the import lock of a registry; resolves with its release. CONFLICT when held: reason
 * `import.error.busyBy` naming the holder and since when, or `import.error.busy` when the holder
 * is not known (a lock taken by an older version).
 */
export async function acquireImportLock(
  database: { filePath: string; knex: Knex },
  holder?: LockHolder,
): Promise<() => Promise<void>> {
  if (isPostgres(database.knex)) {
    const lock = await tryAdvisoryLock(database.knex, IMPORT_LOCK_KEY);
    if (lock === null) throw busy(await serverHolder(database.knex).catch(() => null));
    if (holder !== undefined) {
      const value = JSON.stringify({ pid: lock.pid, actor: holder.actor, at: new Date().toISOString() });
      try {
        await database.knex('meta').insert({ key: HOLDER_KEY, value }).onConflict('key').merge();
      } catch (error) {
        await lock.release();
        throw error;
      }
    }
    return lock.release;
  }
  const databasePath = database.filePath;
  const lockPath = importLockPath(databasePath);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      // Held from the moment the file exists: another import of this process that reads it before
      // it is written must not take it for a lock an earlier run left.
      heldHere.add(lockPath);
      const owner: LockOwner = {
        pid: process.pid,
        host: hostname(),
        at: new Date().toISOString(),
        ...(holder === undefined ? {} : { actor: holder.actor }),
      };
      try {
        await handle.writeFile(JSON.stringify(owner));
        await handle.close();
      } catch (error) {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
        throw error;
      }
      return async () => {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
      if (code !== 'EEXIST') throw error;
      if (attempt === 0 && (await staleOwner(lockPath)) && (await takeOver(lockPath))) continue;
    }
  }
  throw busy(await fileHolder(lockPath));
}
