import os from 'node:os';
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

/**
 * Opens a Knex instance over one SQLite file. The pool holds one connection: SQLite serialises
 * writers anyway, and one connection keeps transactions and pragmas predictable.
 * `inspect` opens a file only to check it (a backup, a suspect file): no journal-mode change.
 */
export function openKnex(filename: string, options: { inspect?: boolean } = {}): Knex {
  const pragmas = options.inspect ? ['PRAGMA busy_timeout = 5000'] : PRAGMAS;
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (connection: RawSqliteConnection, done: (error: Error | null, connection: unknown) => void) => {
        connection.exec(pragmas.join('; '), (error) => done(error, connection));
      },
    },
  });
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
