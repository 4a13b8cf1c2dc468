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
