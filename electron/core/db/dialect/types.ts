import type { Knex } from 'knex';

export type DialectName = 'sqlite' | 'postgres';

/** What a failed statement means for the user, whichever engine answered. */
export type DriverFailure =
  'foreignKey' | 'unique' | 'busy' | 'diskFull' | 'readOnly' | 'tooLong' | 'outOfRange' | 'forbidden' | 'unreachable';

/** A column of `selectJsonLines`: its value as it is, 0/1 as false/true, JSON text as JSON, or a count (null: 0). */
export type JsonColumn = string | { column: string; as: 'boolean' | 'json' | 'count' };

/** The rows whose id is after `after` and at most `upTo` (null: no bound on that side). */
export type IdRange = { after: number | null; upTo: number | null };

/**
 * A large result read in parts of consecutive ids of `table` (at most `rows` rows each, 5,000
 * unless said), all in one read transaction: `query` gives the rows of one range. The database
 * then never builds the whole answer at once (see `selectJsonLines`).
 */
export type RowsInParts = {
  table: string;
  query: (db: Knex, range: IdRange) => Knex.QueryBuilder;
  rows?: number;
};

/** The constructs that differ between SQLite and PostgreSQL; everything else is portable Knex. */
export type Dialect = {
  name: DialectName;
  partnershipAreasColumn: (db: Knex) => Knex.Raw;
  /**
   * For `selectJsonLines`: a partnership's areas as a JSON array `areas` in the given order (the
   * catalogue's), only those given, `[]` when none. Null where the database writes no JSON.
   */
  partnershipAreasJsonColumn: ((db: Knex, areas: readonly string[]) => Knex.Raw) | null;
  selectTuples: (db: Knex, query: Knex.QueryBuilder, columns: readonly string[]) => Promise<unknown[][]>;
  /**
   * The same, handed to `onPart` `rows` at a time, inside the transaction `db` is; on PostgreSQL
   * through a cursor, so that at most two parts' values exist at a time (the next is read ahead).
   */
  selectTupleParts: (
    db: Knex,
    query: Knex.QueryBuilder,
    columns: readonly string[],
    rows: number,
    onPart: (tuples: unknown[][]) => void,
  ) => Promise<void>;
  /**
   * Where the database writes JSON itself (SQLite): each row of `source` as the JSON text of its
   * `columns` in an array, after the JSON text of the `key` column and a tab, one row a line, as
   * UTF-8 bytes (no string of the whole answer is made: see the SQLite dialect), one buffer per part
   * of the source. Null elsewhere: the caller writes the text from the values (`selectTupleParts`
   * or `selectTuples`).
   */
  selectJsonLines:
    ((db: Knex, source: RowsInParts, columns: readonly JsonColumn[], key: string) => Promise<Buffer[]>) | null;
  /**
   * The same without key and lines: each part's rows as their JSON arrays joined by commas (the
   * inside of a JSON array), the parts in id order (the rows within a part as the query gives
   * them), as UTF-8 bytes.
   */
  selectJsonArray: ((db: Knex, source: RowsInParts, columns: readonly JsonColumn[]) => Promise<Buffer[]>) | null;
  /** The problems an integrity check finds (empty when sound). */
  integrityProblems: (db: Knex, quick: boolean) => Promise<string[]>;
  continueIdSequence: (db: Knex, table: string) => Promise<void>;
  /**
   * Lets the query planner learn the tables' new contents after a bulk write (an import). Only
   * PostgreSQL plans by statistics it must be told to gather; SQLite's plans here do not use any.
   */
  refreshPlannerStatistics: (db: Knex, tables: readonly string[]) => Promise<void>;
  /**
   * Inserts rows given as arrays of values (in the order of `columns`) as one parameterised
   * multi-row `insert … values (…), (…)`, on `db`'s connection (a transaction's own). The caller
   * keeps a batch under the engine's limit of bound values.
   */
  insertTuples: (
    db: Knex,
    table: string,
    columns: readonly string[],
    tuples: readonly (readonly unknown[])[],
  ) => Promise<void>;
  /**
   * The columns an audit entry gets from the database itself: on a server its user
   * (`current_user`) and the time of the transaction on the server's clock; none on a file.
   */
  auditStamp: (db: Knex) => { db_user?: Knex.Raw; server_at?: Knex.Raw };
  /**
   * Whether this connection's user may change rows of these tables (`update`) and write entries
   * (`insert`): on a server the role's rights (a read-only staff role may not); a file opened for
   * use is writable (a read-only file is refused when it is written, as every write is).
   */
  mayWrite: (db: Knex, rights: { update: readonly string[]; insert: readonly string[] }) => Promise<boolean>;
  driverFailure: (error: unknown) => DriverFailure | null;
};

export const errorCode = (error: unknown): string | null => {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  return typeof code === 'string' ? code : null;
};
