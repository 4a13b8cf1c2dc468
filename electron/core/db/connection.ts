import os from 'node:os';
import { pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';

/** Pragmas every connection gets (HOUSE.md §3). */
const PRAGMAS = [
  'PRAGMA foreign_keys = ON',
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
] as const;

type RawSqliteConnection = {
  exec: (sql: string, callback: (error: Error | null) => void) => void;
};

/** The part of Knex's transaction object that decides how a transaction starts. */
type TransactionStart = {
  readOnly?: boolean;
  begin: (connection: unknown) => Promise<unknown>;
  query: (connection: unknown, sql: string) => Promise<unknown>;
};

/**
 * Write transactions start with `BEGIN IMMEDIATE`: the write lock is taken at the start, waiting
 * up to the busy timeout for another process to finish. Knex's `BEGIN` is deferred, so a
 * transaction that reads first (a version check) and then writes cannot get the lock when another
 * connection wrote meanwhile: SQLite then answers SQLITE_BUSY at once without waiting, and two
 * windows or the CLI beside the app got INTERNAL instead of waiting their turn or CONFLICT.
 * Nested transactions are savepoints and never call `begin`.
 */
function beginImmediate(db: Knex): Knex {
  // Knex types its client as `any`; only `transaction`, which makes the transaction object, is wrapped.
  const client = db.client as { transaction: (...args: unknown[]) => TransactionStart };
  const create = client.transaction.bind(client);
  client.transaction = (...args: unknown[]) => {
    const transaction = create(...args);
    transaction.begin = (connection) =>
      transaction.query(connection, transaction.readOnly === true ? 'BEGIN;' : 'BEGIN IMMEDIATE;');
    return transaction;
  };
  return db;
}

/**
 * Opens a Knex instance over one SQLite file. The pool holds one connection: SQLite serialises
 * writers anyway, and one connection keeps transactions and pragmas predictable.
 * `inspect` opens a file only to check it (a backup, a suspect file): no journal-mode change.
 * `immutable` reads a file on a read-only medium, where SQLite cannot create its lock files
 * (read-only, no locks: only for checking a file nobody writes).
 */
export function openKnex(filename: string, options: { inspect?: boolean; immutable?: boolean } = {}): Knex {
  const pragmas = options.inspect || options.immutable ? ['PRAGMA busy_timeout = 5000'] : PRAGMAS;
  const connection = options.immutable
    ? { filename: `${pathToFileURL(filename).href}?mode=ro&immutable=1`, flags: ['OPEN_URI'] }
    : { filename };
  const db = knex({
    client: 'sqlite3',
    connection,
    useNullAsDefault: true,
    // Error messages keep the statement with placeholders: bound values (mayors' names, e-mails)
    // must not reach logs.
    compileSqlOnError: false,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: RawSqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        connection.exec(pragmas.join('; '), (error) => done(error, connection));
      },
    },
  });
  return beginImmediate(db);
}

/** How many read connections a report may use at once: one per core, at least 2, at most 4. */
export const readConnections = (): number => Math.max(2, Math.min(4, os.availableParallelism()));

/**
 * Opens read-only connections for heavy reports (statistics, map). In WAL mode they read
 * committed data beside the writer without blocking it, and the several grouped queries of one
 * report run at the same time on several cores (the `sqlite3` driver runs each connection's
 * queries on its own worker thread). `query_only` makes any write on them fail. A 32 MB page
 * cache (instead of 2 MB) keeps the sorts of the grouped queries in memory: at 200,000
 * activities that saves about a fifth of the dashboard's time.
 */
export function openReadKnex(filename: string, connections = readConnections()): Knex {
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    compileSqlOnError: false,
    pool: {
      min: 0,
      max: connections,
      afterCreate: (connection: RawSqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        connection.exec(
          [
            'PRAGMA query_only = ON',
            'PRAGMA foreign_keys = ON',
            'PRAGMA busy_timeout = 5000',
            'PRAGMA cache_size = -32768',
          ].join('; '),
          (error) => done(error, connection),
        );
      },
    },
  });
}
