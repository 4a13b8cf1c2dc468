import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE, temporaryPathFor } from '../files';
import { openKnex } from './connection';
import { dialectOf, isPostgres, isServerLocation } from './dialect/index';
import { vacuumInto } from './dialect/sqlite';

/**
 * Backups of a registry file, in a folder beside it (`<file>.backups/`). Each one is made with
 * `VACUUM INTO` into a temporary name, opened and checked with `integrity_check`, and only then
 * renamed to its final name: a backup that exists under its final name is complete and sound.
 */

export const BACKUP_REASONS = ['manual', 'daily', 'migration', 'import', 'restore', 'demo', 'unimport'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export type BackupInfo = { name: string; size: number; createdAt: string; reason: BackupReason };

/** How many backups are kept: the newest ones, plus the newest of each of the last months. */
export const RETENTION = { recent: 10, monthly: 12 } as const;

const NAME = /^registry-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-([a-z]+)-[0-9a-f]{6}\.db$/;

export const backupFolder = (databasePath: string): string => `${databasePath}.backups`;

function parseName(name: string): { createdAt: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const reason = BACKUP_REASONS.find((r) => r === m[8]);
  if (!reason) return null;
  return { createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`, reason };
}

/** Backups of a database, newest first. */
export async function listBackups(databasePath: string): Promise<BackupInfo[]> {
  if (isServerLocation(databasePath)) return [];
  const folder = backupFolder(databasePath);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    try {
      const info = await stat(path.join(folder, name));
      out.push({ name, size: info.size, ...parsed });
    } catch {
      // vanished meanwhile (pruned by another process)
    }
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** The file of a backup by its name; refuses anything that is not one of our backup names. */
export function backupPath(databasePath: string, name: string): string {
  if (isServerLocation(databasePath)) throw serverBackupRefusal();
  if (!parseName(name)) throw new AppError('VALIDATION', `Not a backup name: ${name.slice(0, 100)}`);
  return path.join(backupFolder(databasePath), name);
}

/** Runs integrity_check (or quick_check) on a file without migrating or changing it. */
export async function checkFile(filePath: string, quick = false): Promise<string[]> {
  const knex = openKnex(filePath, { inspect: true });
  try {
    return await integrityProblems(knex, quick);
  } finally {
    await knex.destroy();
  }
}

/** The problems integrity_check (or quick_check) and foreign_key_check find; empty when sound. */
export const integrityProblems = (knex: Knex, quick = false): Promise<string[]> =>
  dialectOf(knex).integrityProblems(knex, quick);

/**
 * A registry on a server is backed up by the server (`pg_dump`, point-in-time recovery: the
 * README's PostgreSQL section), never into a folder beside a file it does not have.
 */
export const serverBackupRefusal = (): AppError =>
  new AppError(
    'FORBIDDEN',
    'This registry is on a database server: it is backed up and restored by the server (pg_dump, point-in-time recovery), not by the app. Ask its administrator.',
    { reason: 'backups.error.serverRegistry' },
  );

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:.]/g, '')
    .replace(/(\d{8}T\d{6})(\d{3})Z/, '$1$2Z');

/**
 * Makes a verified backup of an open database. `VACUUM INTO` writes a consistent, compact copy
 * even while the database is in use (WAL); the copy is checked before it gets its final name.
 */
export async function createBackup(
  knex: Knex,
  databasePath: string,
  reason: BackupReason,
  now = new Date(),
): Promise<BackupInfo> {
  if (isPostgres(knex) || isServerLocation(databasePath)) throw serverBackupRefusal();
  const folder = backupFolder(databasePath);
  await mkdir(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const name = `registry-${stamp(now)}-${reason}-${randomBytes(3).toString('hex')}.db`;
  // Named after this process, so that a later start removes it if this process dies meanwhile.
  const temporary = temporaryPathFor(path.join(folder, name));
  try {
    // Created empty and private first: VACUUM INTO fills an empty file and keeps its mode.
    await writeFile(temporary, '', { mode: PRIVATE_FILE_MODE });
    await vacuumInto(knex, temporary);
    const problems = await checkFile(temporary);
    if (problems.length > 0)
      throw new AppError('IO', `The backup did not pass the integrity check: ${problems.join('; ')}`);
    await rename(temporary, path.join(folder, name));
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError(
      'IO',
      `Cannot write a backup into ${folder}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await pruneBackups(databasePath);
  const info = await stat(path.join(folder, name));
  return { name, size: info.size, createdAt: now.toISOString(), reason };
}

/**
 * The backup made before a large change (an import, removing the demo data): a verified file
 * backup of a registry file; none of a registry on a server, whose backups are the server's.
 */
export const backupBeforeChange = (
  knex: Knex,
  databasePath: string,
  reason: BackupReason,
): Promise<BackupInfo | null> => (isPostgres(knex) ? Promise.resolve(null) : createBackup(knex, databasePath, reason));

type RawBackup = {
  step: (pages: number, callback: (error: Error | null) => void) => void;
  finish: (callback: (error: Error | null) => void) => void;
  readonly completed: boolean;
  readonly failed: boolean;
};
type RawDatabase = {
  backup: (
    filename: string,
    destName: string,
    sourceName: string,
    filenameIsDest: boolean,
    callback: (error: Error | null) => void,
  ) => RawBackup;
};
type ConnectionPool = {
  acquireConnection: () => Promise<RawDatabase>;
  releaseConnection: (connection: RawDatabase) => Promise<unknown>;
};

/**
 * Copies a database file into the open database through SQLite's online backup API: the pages are
 * written through the live connection under SQLite's own locks, so the file is never deleted or
 * renamed under another process (a second window, the CLI, a web preview) that has it open; those
 * connections see the restored content with their next statement. The copy is one step, done
 * under the write lock; while another process writes, it retries until `timeoutMs` and then
 * gives BUSY, having changed nothing (a step either completes or leaves the database as it was).
 */
export async function copyIntoLiveDatabase(knex: Knex, sourcePath: string, timeoutMs = 15_000): Promise<void> {
  if (isPostgres(knex)) throw serverBackupRefusal();
  // Knex types its client as `any`: only the pool's acquire and release are used, so that this
  // process's other statements wait until the copy is done.
  const pool = knex.client as ConnectionPool;
  const connection = await pool.acquireConnection();
  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + timeoutMs;
      let settled = false;
      const settle = (error: Error | null) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      const backup = connection.backup(sourcePath, 'main', 'main', false, (error) => {
        if (error) settle(error);
      });
      const step = () => {
        backup.step(-1, (error) => {
          if (backup.completed) {
            backup.finish((finishError) => settle(finishError));
          } else if (backup.failed) {
            settle(error ?? new Error('The restore could not copy the backup.'));
          } else if (Date.now() > deadline) {
            backup.finish(() =>
              settle(
                new AppError(
                  'BUSY',
                  'Another program kept the registry busy: the backup was not restored. Close other windows and try again.',
                ),
              ),
            );
          } else {
            setTimeout(step, 50);
          }
        });
      };
      step();
    });
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** Which backups the retention policy keeps: the newest `recent`, plus the newest of each of `monthly` months. */
export function backupsToKeep(backups: readonly BackupInfo[]): Set<string> {
  const sorted = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const keep = new Set(sorted.slice(0, RETENTION.recent).map((b) => b.name));
  const months = new Set<string>();
  for (const backup of sorted) {
    const month = backup.createdAt.slice(0, 7);
    if (months.has(month)) continue;
    if (months.size >= RETENTION.monthly) break;
    months.add(month);
    keep.add(backup.name);
  }
  return keep;
}

export async function pruneBackups(databasePath: string): Promise<void> {
  const backups = await listBackups(databasePath);
  const keep = backupsToKeep(backups);
  for (const backup of backups) {
    if (!keep.has(backup.name)) await rm(path.join(backupFolder(databasePath), backup.name), { force: true });
  }
}

/** Makes the daily backup unless one was made in the last 24 hours. */
export async function ensureDailyBackup(
  knex: Knex,
  databasePath: string,
  now = new Date(),
): Promise<BackupInfo | null> {
  const latest = (await listBackups(databasePath))[0];
  if (latest && now.getTime() - Date.parse(latest.createdAt) < 24 * 3600 * 1000) return null;
  return createBackup(knex, databasePath, 'daily', now);
}

/**
 * Puts a backup in place of a database that cannot be opened (damaged, too new), only when the
 * user asked for it: the backup is verified first, the old file (with its WAL) is kept beside as
 * `<file>.damaged-<time>`, never deleted, and the backup is copied in under a temporary name and
 * renamed. Returns the name the old file was kept under.
 */
export async function replaceWithBackup(
  databasePath: string,
  name: string,
  now = new Date(),
): Promise<{ keptAs: string }> {
  const source = backupPath(databasePath, name);
  const problems = await checkFile(source);
  if (problems.length > 0)
    throw new AppError('DATABASE_DAMAGED', `The backup ${name} is damaged too: ${problems.join('; ')}`);
  const keptAs = `${databasePath}.damaged-${stamp(now)}`;
  // Named after this process, so that a later start removes it if this process dies meanwhile.
  const temporary = temporaryPathFor(databasePath);
  await copyFile(source, temporary);
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      await rename(`${databasePath}${suffix}`, `${keptAs}${suffix}`);
    } catch {
      // no such file (a database without WAL leftovers)
    }
  }
  await rename(temporary, databasePath);
  return { keptAs };
}
