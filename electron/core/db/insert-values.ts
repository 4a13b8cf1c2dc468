import type { Knex } from 'knex';
import { dialectOf } from './dialect/index';

/** The columns of rows given as objects: every key any of them has, in the order first seen. */
export function keysOf(rows: readonly Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/**
 * Inserts a batch of rows as one parameterised `insert into t (a, b) values (?, ?), (?, ?)`.
 *
 * Knex's own multi-row insert on SQLite compiles each row as `select ? as "a", ? as "b" union all
 * …`, quoting every column name again for every row: writing 100,000 municipalities, that alone
 * made 1.6 GB of short-lived strings and arrays, and the core's memory peaked at 800 MB while
 * its live data was 250 MB. Here the columns are named once. SQLite (since 3.7.11) and
 * PostgreSQL both take multi-row VALUES; the dialect sends the statement (on SQLite straight to
 * the driver). Every value is a binding; a value a row lacks is null (as knex's insert with
 * `useNullAsDefault`), and a value may be a `knex.raw` (the audit log's server stamps).
 *
 * The caller keeps a batch under the engine's limit of bound values (see `batchSize`).
 */
export async function insertValues(db: Knex, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = keysOf(rows);
  // A row of defaults only: knex writes the dialect's form of it.
  if (columns.length === 0) {
    await db(table).insert(rows);
    return;
  }
  await insertTuples(
    db,
    table,
    columns,
    rows.map((row) => columns.map((column) => row[column])),
  );
}

/**
 * The same for rows given as arrays of values in the order of `columns` (what a big batch is
 * best made of: an array of values instead of an object per row).
 */
export const insertTuples = (
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
): Promise<void> => dialectOf(db).insertTuples(db, table, columns, tuples);
