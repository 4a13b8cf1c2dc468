import { execFile } from 'node:child_process';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import { listImportRuns } from '../repositories/import-runs-repository';
import { highestVersions, markRestore, versionedTables } from '../repositories/restore-marker-repository';
import { undoneRuns } from './import/import-undo';
import { backupPath, copyIntoLiveDatabase, createBackup, listBackups, type BackupInfo } from '../db/backups';
import { assertRestorable, migrateToLatest, retryDailyBackup } from '../db/database';
import { REGISTRY_TABLES } from './demo-service';
import { noteChangedTables } from './statistics/stats-cache';

/**
 * The registry's backups, newest first; one made before an import names that import's file
 * (from the import history), so that three backups "before an import" can be told apart.
 */
export async function listDatabaseBackups(
  ctx: AppContext,
): Promise<{ folder: string; backups: (BackupInfo & { importFile: string | null })[] }> {
  const backups = await listBackups(ctx.db.filePath);
  const fileOf = new Map<string, string>();
  if (backups.some((backup) => backup.reason === 'import'))
    for (const run of await listImportRuns(ctx.db.knex)) if (run.backup !== null) fileOf.set(run.backup, run.fileName);
  // One made before an import was undone names that import's file too.
  if (backups.some((backup) => backup.reason === 'unimport'))
    for (const undo of (await undoneRuns(ctx.db.knex)).values())
      if (undo.backup !== null && undo.fileName !== null) fileOf.set(undo.backup, undo.fileName);
  return {
    folder: `${ctx.db.filePath}.backups`,
    backups: backups.map((backup) => ({ ...backup, importFile: fileOf.get(backup.name) ?? null })),
  };
}

export const createManualBackup = async (ctx: AppContext): Promise<BackupInfo & { importFile: null }> => ({
  ...(await createBackup(ctx.db.knex, ctx.db.filePath, 'manual')),
  importFile: null,
});

/**
 * Restores a backup into the live registry. The backup is checked first (sound, a registry, a
 * schema this version knows): a file that would not open is refused before anything changes. The
 * current state is backed up, then the backup's pages are copied into the open database through
 * SQLite's backup API (`copyIntoLiveDatabase`): no file is deleted or renamed, so another process
 * that has the registry open keeps working on the restored data instead of on a deleted file.
 * An older backup is migrated after the copy.
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
  await assertRestorable(source);
  const safety = await createBackup(ctx.db.knex, databasePath, 'restore');
  // The versions any window may hold now: the restored records get versions above them.
  const floors = await highestVersions(ctx.db.knex, await versionedTables(ctx.db.knex, REGISTRY_TABLES));
  await copyIntoLiveDatabase(ctx.db.knex, source);
  await migrateToLatest(ctx.db.knex);
  // A window that read the registry before the restore cannot save over the restored records:
  // its versions are refused, naming the restore (restore-marker-repository.ts).
  const at = new Date().toISOString();
  await markRestore(ctx.db.knex, { at, backup: name, floors });
  // Every kept report (statistics) is of the data before the restore.
  noteChangedTables(ctx.db, REGISTRY_TABLES);
  // Every window (this one, the others on the registry) hears that it was restored and from what.
  ctx.emit('data:changed', { tables: [...REGISTRY_TABLES], replaced: true, restore: { at, backup: name } });
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
  await retryDailyBackup(ctx.db);
  const latest = (await listBackups(filePath))[0];
  return {
    path: filePath,
    size,
    networkShare: shareKind !== null,
    shareKind,
    lastBackupAt: latest?.createdAt ?? null,
    backupProblem: ctx.db.backupProblem,
  };
}
