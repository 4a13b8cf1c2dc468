import type { Knex } from 'knex';

/** A name as an SQL identifier (SQLite and PostgreSQL quote alike). */
export const identifier = (name: string): string => '"' + name.replace(/"/g, '""') + '"';

/** The types of value both drivers bind as they are (Knex passes the same values to them unchanged). */
const BINDABLE_TYPES = new Set(['string', 'number', 'boolean', 'bigint']);
export const bindable = (value: unknown): boolean =>
  value === null || BINDABLE_TYPES.has(typeof value) || Buffer.isBuffer(value);

/** `(?, ?, …), (?, ?, …)`: the placeholders of `rows` rows of `columns` values. */
export const valuesPlaceholders = (columns: number, rows: number): string =>
  new Array<string>(rows).fill(`(${new Array<string>(columns).fill('?').join(', ')})`).join(', ');

/** The values of a batch in one list, row after row; a value a row lacks is null. */
export function flatValues(
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
  table: string,
): unknown[] {
  const values: unknown[] = [];
  for (const tuple of tuples) {
    if (tuple.length !== columns.length)
      throw new Error(`A row of ${String(tuple.length)} values for ${String(columns.length)} columns of ${table}`);
    for (const value of tuple) values.push(value === undefined ? null : value);
  }
  return values;
}

/**
 * The multi-row insert through Knex (table and columns bound as identifiers): any value Knex
 * takes, a `knex.raw` too (the audit log's server stamps).
 */
export async function insertTuplesWithKnex(
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
): Promise<void> {
  if (tuples.length === 0) return;
  const sql = `insert into ?? (${columns.map(() => '??').join(', ')}) values ${valuesPlaceholders(columns.length, tuples.length)}`;
  await db.raw(sql, [table, ...columns, ...flatValues(columns, tuples, table)] as Knex.RawBinding[]);
}
