import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import { assertRestorable } from '../db/database';
import { ownsRegistry } from '../db/dialect/catalog';
import { isPostgres } from '../db/dialect/index';
import { acquireImportLock } from '../db/import-lock';
import { exportRegistry, importRegistry, prepareRegistryFile, type TableCounts } from '../db/registry-copy';
import { writeAtomically } from '../files';
import { REGISTRY_TABLES } from './demo-service';

/**
 * "Export registry to a file" and "Import registry from a file" (issue 15 item 6): the way a
 * single-user registry moves onto a shared server, and a verified SQLite copy of any registry.
 */

const REGISTRY_FILTERS = [{ name: 'Twinning Registry', extensions: ['db', 'sqlite'] }];

const sum = (counts: TableCounts): number => Object.values(counts).reduce((total, n) => total + n, 0);

/** Why this registry cannot take an import now (null: it may), in words and as a message key. */
async function importRefusal(ctx: AppContext): Promise<AppError | null> {
  if (!isPostgres(ctx.db.knex))
    return new AppError(
      'FORBIDDEN',
      'This registry is a file: a registry file is imported into a registry on a database server (to move onto it). To go back to an earlier state of a registry file, restore one of its backups.',
      { reason: 'transfer.error.fileRegistry' },
    );
  const { owns, user, owner } = await ownsRegistry(ctx.db.knex);
  if (!owns)
    return new AppError(
      'FORBIDDEN',
      `The database user ${user} may not import a registry: only its administrator may (the role ${owner} that owns the registry's tables and ran twinreg init).`,
      { reason: 'transfer.error.notAdministrator', params: { user, owner } },
    );
  return null;
}

/** What the Settings screen offers: which engine holds the registry and whether it may take an import. */
export async function transferStatus(ctx: AppContext) {
  const refusal = await importRefusal(ctx);
  const reason = refusal?.details?.reason;
  return {
    engine: isPostgres(ctx.db.knex) ? ('postgres' as const) : ('sqlite' as const),
    mayImport: refusal === null,
    refusal: typeof reason === 'string' ? reason : null,
    // The web preview cannot ask for the file: "Import registry from a file" did nothing there.
    choosesFile: ctx.dialogs.opensFiles !== false,
  };
}

/**
 * Writes the registry into a new SQLite registry file the user chooses (the host's save dialog):
 * every table's rows with their ids, migrated to this version's schema, verified (row counts
 * equal to the registry's, integrity and foreign-key checks) before it gets its name; a failure
 * or a cancel leaves no file. A job: `job:progress` (phase "export") and `jobs:cancel`.
 */
export async function exportRegistryFile(
  ctx: AppContext,
  input: { jobId?: string | undefined },
): Promise<{ filePath: string; counts: TableCounts; rows: number }> {
  const stamp = new Date().toISOString().slice(0, 10);
  const filePath = await ctx.dialogs.saveFile({ defaultName: `registry ${stamp}.db`, filters: REGISTRY_FILTERS });
  if (filePath === null) throw new AppError('CANCELLED', 'The export was cancelled.');
  if (!isPostgres(ctx.db.knex) && path.resolve(filePath) === path.resolve(ctx.db.filePath))
    throw new AppError('CONFLICT', `${filePath} is the open registry itself: choose another file.`, {
      reason: 'transfer.error.sameFile',
      filePath,
    });
  const counts = await ctx.jobs.run(
    {
      jobId: input.jobId ?? `export-${randomUUID()}`,
      kind: 'export',
      cancelledMessage: 'The export was cancelled; no file was written.',
    },
    async (job) => {
      let result: TableCounts = {};
      // The reader: a consistent snapshot that does not hold up the app's own writes.
      await writeAtomically(filePath, async (temporary) => {
        try {
          result = await exportRegistry(ctx.db.reader, temporary, (done, total) =>
            job.checkpoint('export', done, total),
          );
        } finally {
          // SQLite's rollback journal, left when the copy failed half-way (writeAtomically removes the copy).
          await rm(`${temporary}-journal`, { force: true });
        }
      });
      return result;
    },
  );
  return { filePath, counts, rows: sum(counts) };
}

/**
 * Imports a registry file the user chooses (the host's open dialog) into this registry on a
 * server, which must be empty: only its administrator may, one import at a time across all
 * clients, in one transaction (ids kept, id sequences continued, row counts compared); on any
 * error nothing changes. The file itself is only read: an older file's copy is migrated.
 * Refused on a registry file (FORBIDDEN): there, a backup is restored instead.
 */
export async function importRegistryFile(
  ctx: AppContext,
  input: { jobId?: string | undefined },
): Promise<{ fileName: string; counts: TableCounts; rows: number }> {
  const refusal = await importRefusal(ctx);
  if (refusal) throw refusal;
  const filePath = await ctx.dialogs.openFile({ filters: REGISTRY_FILTERS });
  if (filePath === null) throw new AppError('CANCELLED', 'The import was cancelled.');
  try {
    await stat(filePath);
  } catch {
    throw new AppError('NOT_FOUND', `No file ${filePath}`, { filePath });
  }
  try {
    await assertRestorable(filePath);
  } catch (error) {
    // The same checks as a backup's before a restore, said of the file being imported.
    if (!(error instanceof AppError)) throw error;
    throw new AppError(
      error.code,
      `${path.basename(filePath)} cannot be imported: ${error.message.replace(/^The backup/, 'the file')}`,
      { ...error.details, filePath },
    );
  }
  if (ctx.jobs.running('import') > 0)
    throw new AppError('CONFLICT', 'Another import is running.', { reason: 'import.error.busy' });
  const release = await acquireImportLock(ctx.db);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'twinreg-transfer-'));
  try {
    const counts = await ctx.jobs.run(
      {
        jobId: input.jobId ?? `import-${randomUUID()}`,
        kind: 'import',
        cancelledMessage: 'The import was cancelled; nothing was changed.',
      },
      async (job) => {
        job.progress('prepare', 0, 1);
        const copy = path.join(folder, 'registry.db');
        await prepareRegistryFile(filePath, copy);
        job.throwIfCancelled();
        const { changes } = ctx.db;
        return importRegistry(
          ctx.db.knex,
          copy,
          (done, total) => job.checkpoint('import', done, total),
          (trx) => changes?.announce(trx, { tables: [...REGISTRY_TABLES], replaced: true }) ?? Promise.resolve(),
        );
      },
    );
    ctx.emit('data:changed', { tables: [...REGISTRY_TABLES], replaced: true });
    return { fileName: path.basename(filePath), counts, rows: sum(counts) };
  } finally {
    await rm(folder, { recursive: true, force: true });
    await release();
  }
}
