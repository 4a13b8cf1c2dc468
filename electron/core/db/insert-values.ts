import type { Knex } from 'knex';

/** The columns of a batch: every key any of its rows has, in the order first seen. */
function columnsOf(rows: readonly Record<string, unknown>[]): string[] {
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
 * PostgreSQL both take multi-row VALUES. The table and columns go in as identifiers (`??`), every
 * value as a binding; a value a row lacks is null (as knex's insert with `useNullAsDefault`), and
 * a value may be a `knex.raw` (the audit log's server stamps).
 *
 * The caller keeps a batch under the engine's limit of bound values (see `batchSize`).
 */
export async function insertValues(db: Knex, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rows);
  // A row of defaults only: knex writes the dialect's form of it.
  if (columns.length === 0) {
    await db(table).insert(rows);
    return;
  }
  const bindings: unknown[] = [table, ...columns];
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      bindings.push(value === undefined ? null : value);
    }
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `insert into ?? (${columns.map(() => '??').join(', ')}) values ${new Array<string>(rows.length).fill(tuple).join(', ')}`;
  await db.raw(sql, bindings as Knex.RawBinding[]);
}
