import type { Knex } from 'knex';
import { postgresDialect } from './postgres';
import { sqliteDialect } from './sqlite';
import { errorCode, type Dialect, type DialectName, type DriverFailure, type IdRange } from './types';

export type { Dialect, DialectName, DriverFailure, JsonColumn } from './types';

/**
 * The one place that knows which SQL engine a connection speaks (HOUSE.md §3): repositories and
 * the db layer ask `dialectOf(db)` for the few constructs that differ and otherwise write portable
 * Knex. The dialect is chosen by the connection's client, so a transaction inherits it.
 */
export function dialectName(db: Knex): DialectName {
  // Knex types its client as `any`; only the configured client name is read.
  const client = (db.client as { config?: { client?: unknown } }).config?.client;
  return typeof client === 'string' && /^(pg|postgres|postgresql)$/.test(client) ? 'postgres' : 'sqlite';
}

export const dialectOf = (db: Knex): Dialect => (dialectName(db) === 'postgres' ? postgresDialect : sqliteDialect);

export const isPostgres = (db: Knex): boolean => dialectName(db) === 'postgres';

/**
 * Runs `read` in one transaction that sees one moment of the registry, for a result read in
 * several queries: PostgreSQL's repeatable read (a commit by another user meanwhile is in it or
 * not, whole); on SQLite a deferred `BEGIN` (its snapshot, beside writers elsewhere in WAL mode).
 * Inside a transaction already, Knex makes a savepoint and the outer transaction's isolation holds.
 */
export const readAtOneMoment = <T>(db: Knex, read: (trx: Knex.Transaction) => Promise<T>): Promise<T> =>
  db.transaction(read, isPostgres(db) ? { isolationLevel: 'repeatable read', readOnly: true } : { readOnly: true });

/** A registry on a server is named by a `postgres://` (or `postgresql://`) URL; anything else is a file. */
export const isServerLocation = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The areas of a partnership as one comma-separated text column `areas` (alias `p` for partnerships). */
export const partnershipAreasColumn = (db: Knex): Knex.Raw => dialectOf(db).partnershipAreasColumn(db);

/**
 * Reads a large result as arrays of the named columns' values, in the order given (see each
 * dialect for how).
 */
export const selectTuples = (db: Knex, query: Knex.QueryBuilder, columns: readonly string[]): Promise<unknown[][]> =>
  dialectOf(db).selectTuples(db, query, columns);

/** Limits `query` to the rows whose `column` (an id) lies in `range`. */
export function whereIdIn<Q extends Knex.QueryBuilder>(query: Q, column: string, range: IdRange): Q {
  if (range.after !== null) void query.where(column, '>', range.after);
  if (range.upTo !== null) void query.where(column, '<=', range.upTo);
  return query;
}

/**
 * `selectTuples` in parts of `rows`, inside a transaction (see `Dialect.selectTupleParts`; on
 * PostgreSQL a cursor lives in one; refused without one on every engine, so that a caller tested
 * on a file does not fail on a server).
 */
export function selectTupleParts(
  db: Knex,
  query: Knex.QueryBuilder,
  columns: readonly string[],
  rows: number,
  onPart: (tuples: unknown[][]) => void,
): Promise<void> {
  if (!db.isTransaction) return Promise.reject(new Error('selectTupleParts reads in a transaction: none was given'));
  return dialectOf(db).selectTupleParts(db, query, columns, rows, onPart);
}

/** Rows as lines of JSON written by the database, where it can (see `Dialect.selectJsonLines`). */
export const jsonLinesOf = (db: Knex) => dialectOf(db).selectJsonLines;

/** A partnership's areas as a JSON array, where the database writes JSON (see the dialect). */
export const areasJsonColumnOf = (db: Knex) => dialectOf(db).partnershipAreasJsonColumn;

/** All rows as one JSON array written by the database, where it can (see `Dialect.selectJsonArray`). */
export const jsonArrayOf = (db: Knex) => dialectOf(db).selectJsonArray;

/**
 * Continues a table's id sequence after rows were inserted with explicit ids, so that the next
 * insert without an id does not collide with them (PostgreSQL's serial sequences do not see
 * explicit ids; SQLite's AUTOINCREMENT does).
 */
export const continueIdSequence = (db: Knex, table: string): Promise<void> =>
  dialectOf(db).continueIdSequence(db, table);

/**
 * Tells the engine's planner what a bulk write (an import) put into `tables`. Best effort: the
 * write is committed already, so a failure here (the connection lost meanwhile) must not report
 * the import as failed; the server's autovacuum learns the same later.
 */
export async function refreshPlannerStatistics(db: Knex, tables: readonly string[]): Promise<void> {
  try {
    await dialectOf(db).refreshPlannerStatistics(db, tables);
  } catch (error) {
    // Plans only: nothing of the data depends on it. Said where an administrator looks (the
    // code only: a message may quote the statement).
    console.warn(`The planner's statistics were not refreshed after an import (${errorCode(error) ?? 'no code'}).`);
  }
}

/**
 * What a driver's error means, read from its error code (SQLite's `SQLITE_*`, PostgreSQL's
 * SQLSTATE), never from data in its message. Both drivers' codes are distinct, so no connection is
 * needed to tell them apart.
 */
export function driverFailure(error: unknown): DriverFailure | null {
  return sqliteDialect.driverFailure(error) ?? postgresDialect.driverFailure(error);
}
