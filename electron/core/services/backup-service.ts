import { execFile } from 'node:child_process';
import { copyFile, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import { backupPath, checkFile, createBackup, listBackups, type BackupInfo } from '../db/backups';
import { openDatabase } from '../db/database';
import { REGISTRY_TABLES } from './demo-service';

/** Backups of the open database, newest first. */
export async function listDatabaseBackups(ctx: AppContext): Promise<{ folder: string; backups: BackupInfo[] }> {
  return { folder: `${ctx.db.filePath}.backups`, backups: await listBackups(ctx.db.filePath) };
}

export const createManualBackup = (ctx: AppContext): Promise<BackupInfo> =>
  createBackup(ctx.db.knex, ctx.db.filePath, 'manual');

/**
 * Restores a backup: the backup is checked first, the current state is backed up, the database
 * is closed, the backup copied beside it, fsync'd and renamed over it (atomic on one volume),
 * stale WAL files removed, and the database reopened (and migrated if the backup is older).
 */
export async function restoreDatabaseBackup(
  ctx: AppContext,
  name: string,
): Promise<{ restored: string; safetyBackup: string }> {
  const databasePath = ctx.db.filePath;
  const source = backupPath(databasePath, name);
  try {
    await stat(source);
  } catch {
    throw new AppError('NOT_FOUND', `No backup ${name}`);
  }
  const problems = await checkFile(source);
  if (problems.length > 0)
    throw new AppError('DATABASE_DAMAGED', `The backup ${name} is damaged: ${problems.join('; ')}`);
  const safety = await createBackup(ctx.db.knex, databasePath, 'restore');
  const temporary = `${databasePath}.restoring`;
  await copyFile(source, temporary);
  const handle = await open(temporary, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  await ctx.db.close();
  try {
    // The closed database checkpointed its WAL; leftovers would be applied to the wrong file.
    await rm(`${databasePath}-wal`, { force: true });
    await rm(`${databasePath}-shm`, { force: true });
    await rename(temporary, databasePath);
  } finally {
    ctx.db = await openDatabase(databasePath);
  }
  ctx.emit('data:changed', { tables: [...REGISTRY_TABLES] });
  return { restored: name, safetyBackup: safety.name };
}

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smbfs',
  'smb3',
  'smb2',
  'afpfs',
  'webdav',
  'fuse.sshfs',
  'ncpfs',
  '9p',
  'davfs',
  'fuse.davfs2',
]);

/**
 * Whether a path lies on a network share, from the platform and the mount table text
 * (`/proc/mounts` on Linux, the output of `mount` on macOS). Pure, so it is tested directly.
 */
export function detectNetworkShare(filePath: string, platform: string, mounts: string): string | null {
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(filePath)) return 'unc';
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    let point: string | undefined;
    let type: string | undefined;
    if (platform === 'darwin') {
      const m = /^.+ on (.+) \(([^,)]+)/.exec(line);
      point = m?.[1];
      type = m?.[2];
    } else {
      const parts = line.split(' ');
      point = parts[1]?.replace(/\\040/g, ' ');
      type = parts[2];
    }
    if (!point || !type) continue;
    const inside = filePath === point || filePath.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length > best.point.length)) best = { point, type };
  }
  return best && NETWORK_FS.has(best.type) ? best.type : null;
}

const readMounts = async (): Promise<string> => {
  if (process.platform === 'linux') return readFile('/proc/mounts', 'utf8').catch(() => '');
  if (process.platform === 'darwin') {
    return new Promise((resolve) => execFile('mount', (error, stdout) => resolve(error ? '' : stdout)));
  }
  return '';
};

/** The database file's place: size, last backup, and whether it sits on a network share. */
export async function databaseStatus(ctx: AppContext) {
  const filePath = ctx.db.filePath;
  const resolved = await realpath(filePath).catch(() => path.resolve(filePath));
  const shareKind = detectNetworkShare(resolved, process.platform, await readMounts());
  const size = await stat(filePath)
    .then((s) => s.size)
    .catch(() => 0);
  const latest = (await listBackups(filePath))[0];
  return { path: filePath, size, networkShare: shareKind !== null, shareKind, lastBackupAt: latest?.createdAt ?? null };
}
