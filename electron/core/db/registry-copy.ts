import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { integrityProblems } from './backups';
import { openKnex } from './connection';
import { continueIdSequence, isPostgres, refreshPlannerStatistics } from './dialect/index';
import { keepIssuedIds, lastIssuedId, lockTablesForWrite, registryTables, type TableInfo } from './dialect/catalog';
import { vacuumInto } from './dialect/sqlite';
import { migrateToLatest, readSchemaVersion } from './database';
import { SCHEMA_VERSION } from './migrations/index';

/**
 * Copies a whole registry between a server and a file, row for row with their ids: "Export
 * registry to a file" (any registry → a new SQLite file) and "Import registry from a file" (a
 * registry file → an empty registry on a server). Both sides are at this version's schema; the
 * tables are read from the registries' own catalogues, parents before children, and every
 * table's row count is compared before anything is called done.
 */

export type TableCounts = Record<string, number>;

/** Reports rows copied so far of all rows; may throw (CANCELLED) to stop the copy. */
export type CopyProgress = (done: number, total: number) => Promise<void>;

/** Rows read from the source at a time. */
const READ_BATCH = 2000;

/**
 * Rows of attachments' bytes read and written at a time: each may be up to 20 MB, so a copy
 * holds a few files' worth in memory, never a table's.
 */
const CONTENT_BATCH = 4;
const batchOf = (table: TableInfo): number => (table.name === 'attachment_contents' ? CONTENT_BATCH : READ_BATCH);

/**
 * Bound values per insert statement: SQLite allows 32,766, PostgreSQL 65,535; a margin for the
 * widest table.
 */
const MAX_BOUND_VALUES = 30_000;

/** The order rows can be inserted in: every table after the tables it refers to. */
export function insertionOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (table: TableInfo) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name))
      throw new AppError('INTERNAL', `The tables refer to each other in a circle (${table.name}): cannot copy them.`);
    visiting.add(table.name);
    for (const parent of table.parents) {
      const info = byName.get(parent);
      if (info) visit(info);
    }
    visiting.delete(table.name);
    done.add(table.name);
    out.push(table);
  };
  for (const table of tables) visit(table);
  return out;
}

/**
 * A value as the other engine stores it: PostgreSQL's dates as ISO text, booleans as 1 and 0
 * (SQLite's), JSON values as their text. Numbers, text, null and bytes stay as they are.
 */
function portable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/** Reads a table's rows in primary-key order, a batch at a time (keyset: no growing offsets). */
async function* readBatches(db: Knex, table: TableInfo): AsyncGenerator<Record<string, unknown>[]> {
  const key = table.primaryKey.length > 0 ? table.primaryKey : table.columns;
  let last: Knex.Value[] | null = null;
  for (;;) {
    const query = db(table.name).select<Record<string, unknown>[]>(table.columns);
    for (const column of key) query.orderBy(column);
    if (table.primaryKey.length === 0) {
      // No key to continue after: a table without one is read whole (none of the registry's is).
      yield await query;
      return;
    }
    if (last !== null)
      query.whereRaw(`(${key.map(() => '??').join(', ')}) > (${key.map(() => '?').join(', ')})`, [...key, ...last]);
    const rows = await query.limit(batchOf(table));
    if (rows.length === 0) return;
    yield rows;
    const lastRow = rows[rows.length - 1] ?? {};
    // A key's values as the driver gave them (numbers, text), bound back as they came.
    last = key.map((column) => lastRow[column] as Knex.Value);
    if (rows.length < batchOf(table)) return;
  }
}

async function countRows(db: Knex, tables: readonly TableInfo[]): Promise<TableCounts> {
  const counts: TableCounts = {};
  for (const table of tables) {
    const row = await db(table.name).count<{ n: number | string }[]>({ n: '*' });
    counts[table.name] = Number(row[0]?.n ?? 0);
  }
  return counts;
}

/** Refuses two registries whose tables or columns differ (they must be at the same schema). */
function assertSameTables(source: readonly TableInfo[], target: readonly TableInfo[]): void {
  const describe = (tables: readonly TableInfo[]) =>
    new Map(tables.map((table) => [table.name, [...table.columns].sort().join(',')]));
  const a = describe(source);
  const b = describe(target);
  const differing = [...new Set([...a.keys(), ...b.keys()])].filter((name) => a.get(name) !== b.get(name)).sort();
  if (differing.length > 0)
    throw new AppError(
      'INTERNAL',
      `The two registries' tables differ (${differing.join(', ')}), although both are at schema ${String(SCHEMA_VERSION)}: nothing was copied.`,
      { reason: 'transfer.error.schemaDiffers', tables: differing },
    );
}

/** Copies every row of `tables` from `source` into `target` (a transaction), ids kept. */
async function copyRows(
  source: Knex,
  target: Knex.Transaction,
  tables: readonly TableInfo[],
  total: number,
  progress: CopyProgress,
): Promise<void> {
  let done = 0;
  await progress(done, total);
  for (const table of insertionOrder(tables)) {
    const perStatement = Math.max(
      1,
      Math.min(batchOf(table), 500, Math.floor(MAX_BOUND_VALUES / Math.max(1, table.columns.length))),
    );
    for await (const rows of readBatches(source, table)) {
      const portableRows = rows.map((row) =>
        Object.fromEntries(table.columns.map((column) => [column, portable(row[column])])),
      );
      for (let start = 0; start < portableRows.length; start += perStatement) {
        const chunk = portableRows.slice(start, start + perStatement);
        // `meta` already holds the schema version the migrations wrote: the same value.
        if (table.name === 'meta') await target('meta').insert(chunk).onConflict('key').merge();
        else await target(table.name).insert(chunk);
      }
      done += rows.length;
      await progress(done, total);
    }
  }
}

/** Every id table's sequence in `target` continues after the ids `source` handed out (deleted ones too). */
async function keepIssuedIdsOf(source: Knex, target: Knex.Transaction, tables: readonly TableInfo[]): Promise<void> {
  for (const table of tables)
    if (table.primaryKey.length === 1 && table.primaryKey[0] === 'id')
      await keepIssuedIds(target, table.name, await lastIssuedId(source, table.name));
}

/** The tables whose counts differ between two count sets, as text ("partnerships 12 ≠ 11"). */
function countDifferences(expected: TableCounts, actual: TableCounts): string[] {
  return Object.keys(expected)
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name} ${String(expected[name] ?? 0)} ≠ ${String(actual[name] ?? 0)}`);
}

/**
 * Writes a copy of the registry `source` (the app's read connections: a consistent snapshot that
 * does not hold up the app's writes) into `targetPath`, an empty or absent file: migrated to this
 * version's schema, every table's rows with their ids, then checked (row counts per table equal
 * to the source's, integrity_check, foreign_key_check, schema version). Returns the counts.
 */
export async function exportRegistry(source: Knex, targetPath: string, progress: CopyProgress): Promise<TableCounts> {
  // A file only being written here: no WAL (the copy is one self-contained file when it is
  // renamed into place) and no foreign-key checks while rows arrive parents first; the whole
  // file is checked at the end.
  const target = openKnex(targetPath, { inspect: true });
  try {
    await migrateToLatest(target);
    const targetTables = await registryTables(target);
    // One snapshot of the source: rows another user writes meanwhile are in it or not, whole.
    const counts = await source.transaction(
      async (snapshot) => {
        const sourceTables = await registryTables(snapshot);
        assertSameTables(sourceTables, targetTables);
        const sourceCounts = await countRows(snapshot, sourceTables);
        const total = Object.values(sourceCounts).reduce((sum, n) => sum + n, 0);
        await target.transaction(async (trx) => {
          await copyRows(snapshot, trx, sourceTables, total, progress);
          await keepIssuedIdsOf(snapshot, trx, sourceTables);
        });
        return sourceCounts;
      },
      isPostgres(source) ? { isolationLevel: 'repeatable read', readOnly: true } : undefined,
    );
    const written = await countRows(target, targetTables);
    const differences = countDifferences(counts, written);
    if (differences.length > 0)
      throw new AppError('IO', `The exported file does not hold every row: ${differences.join(', ')}.`, {
        reason: 'transfer.error.counts',
      });
    const problems = await integrityProblems(target);
    if (problems.length > 0)
      throw new AppError(
        'IO',
        `The exported file did not pass the integrity check: ${problems.slice(0, 5).join('; ')}`,
      );
    const version = await readSchemaVersion(target);
    if (version !== SCHEMA_VERSION)
      throw new AppError('IO', `The exported file is at schema ${String(version)}, not ${String(SCHEMA_VERSION)}.`);
    return counts;
  } finally {
    await target.destroy();
  }
}

/**
 * Makes the copy of a registry file that an import reads: `VACUUM INTO` a private file (what the
 * source's WAL holds included, the source left as it was), migrated to this version's schema.
 */
export async function prepareRegistryFile(sourcePath: string, copyPath: string): Promise<void> {
  const source = openKnex(sourcePath, { inspect: true });
  try {
    await vacuumInto(source, copyPath);
  } finally {
    await source.destroy();
  }
  const copy = openKnex(copyPath, { inspect: true });
  try {
    await migrateToLatest(copy);
  } finally {
    await copy.destroy();
  }
}

/**
 * Copies the registry file `sourcePath` (prepared: at this version's schema) into the registry
 * `target`, which must be empty: in one transaction that keeps other writers out, ids kept, id
 * sequences continued after them, row counts compared. Any failure rolls everything back: the
 * target is as it was. CONFLICT (`transfer.error.notEmpty`) names what the target holds.
 * `announce` tells other clients inside the transaction.
 */
export async function importRegistry(
  target: Knex,
  sourcePath: string,
  progress: CopyProgress,
  announce: (trx: Knex.Transaction) => Promise<void> = () => Promise.resolve(),
): Promise<TableCounts> {
  const source = openKnex(sourcePath, { inspect: true });
  try {
    const sourceTables = await registryTables(source);
    const sourceCounts = await countRows(source, sourceTables);
    const total = Object.values(sourceCounts).reduce((sum, n) => sum + n, 0);
    // A write of the whole registry at once, outside auditedChange: the rows arrive with their
    // own audit log, and an entry of its own would make the counts differ from the file's.
    let tableNames: readonly string[] = [];
    const counts = await target.transaction(async (trx) => {
      const targetTables = await registryTables(trx);
      assertSameTables(sourceTables, targetTables);
      await lockTablesForWrite(
        trx,
        targetTables.map((table) => table.name),
      );
      const before = await countRows(
        trx,
        targetTables.filter((table) => table.name !== 'meta'),
      );
      const held = Object.entries(before).filter(([, n]) => n > 0);
      if (held.length > 0)
        throw new AppError(
          'CONFLICT',
          `The registry on the server is not empty (${held.map(([name, n]) => `${name}: ${String(n)}`).join(', ')}): a registry file is imported only into an empty registry.`,
          { reason: 'transfer.error.notEmpty', counts: Object.fromEntries(held) },
        );
      await copyRows(source, trx, sourceTables, total, progress);
      for (const table of targetTables) {
        if (table.primaryKey.length === 1 && table.primaryKey[0] === 'id') await continueIdSequence(trx, table.name);
      }
      await keepIssuedIdsOf(source, trx, sourceTables);
      const written = await countRows(trx, targetTables);
      const differences = countDifferences(sourceCounts, written);
      if (differences.length > 0)
        throw new AppError(
          'IO',
          `The import did not write every row: ${differences.join(', ')}; nothing was changed.`,
          {
            reason: 'transfer.error.counts',
          },
        );
      // Other clients hear of it when it commits (NOTIFY inside the transaction), never if it rolls back.
      await announce(trx);
      tableNames = targetTables.map((table) => table.name);
      return sourceCounts;
    });
    await refreshPlannerStatistics(target, tableNames);
    return counts;
  } finally {
    await source.destroy();
  }
}
