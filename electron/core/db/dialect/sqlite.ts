import os from 'node:os';
import { pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';
import { bindable, flatValues, identifier, insertTuplesWithKnex, valuesPlaceholders } from './insert-tuples';
import { errorCode, type Dialect, type DriverFailure, type JsonColumn, type RowsInParts } from './types';
import { idRanges } from '../id-ranges';

/**
 * Everything SQLite-specific: the pragmas every connection gets, `BEGIN IMMEDIATE`, the integrity
 * checks, `VACUUM INTO`, JSON tuples and `group_concat`, and the meaning of `SQLITE_*` errors.
 */

/** Pragmas every connection gets (HOUSE.md §3). */
const PRAGMAS = [
  'PRAGMA foreign_keys = ON',
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = FULL',
  'PRAGMA busy_timeout = 5000',
] as const;

/** The first 16 bytes of every SQLite database file. */
export const SQLITE_HEADER = 'SQLite format 3\u0000';

type RawSqliteConnection = {
  exec: (sql: string, callback: (error: Error | null) => void) => void;
  run: (sql: string, values: unknown[], callback: (error: Error | null) => void) => void;
};

/** The part of Knex's client that lends its connection (a transaction's client lends the transaction's). */
type ConnectionLender = {
  acquireConnection: () => Promise<RawSqliteConnection>;
  releaseConnection: (connection: RawSqliteConnection) => Promise<unknown>;
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
  return withBegin(db, (transaction) => (transaction.readOnly === true ? 'BEGIN;' : 'BEGIN IMMEDIATE;'));
}

/**
 * Makes every transaction of `db` start with the statement `begin` gives (Knex's own start of an
 * SQLite transaction also warns on the console about `readOnly`, which SQLite infers itself).
 */
function withBegin(db: Knex, begin: (transaction: TransactionStart) => string): Knex {
  // Knex types its client as `any`; only `transaction`, which makes the transaction object, is wrapped.
  const client = db.client as { transaction: (...args: unknown[]) => TransactionStart };
  const create = client.transaction.bind(client);
  client.transaction = (...args: unknown[]) => {
    const transaction = create(...args);
    transaction.begin = (connection) => transaction.query(connection, begin(transaction));
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
  // A transaction here only reads (several queries seeing one snapshot): a deferred BEGIN.
  return withBegin(readKnex(filename, connections), () => 'BEGIN;');
}

function readKnex(filename: string, connections: number): Knex {
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

/**
 * Writes a consistent, compact copy of an open database into an (empty) file: `VACUUM INTO`
 * works while the database is in use (WAL).
 */
export async function vacuumInto(db: Knex, filePath: string): Promise<void> {
  await db.raw('VACUUM INTO ?', [filePath]);
}

/** A driver message that says the file is not (or no longer) a readable SQLite database. */
export const isUnreadableFileMessage = (message: string): boolean =>
  /SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database|malformed/i.test(message);

async function integrityProblems(db: Knex, quick: boolean): Promise<string[]> {
  const rows = await db.raw<Record<string, string>[]>(quick ? 'PRAGMA quick_check' : 'PRAGMA integrity_check');
  const messages = rows.map((row) => Object.values(row)[0] ?? '');
  const problems = messages.filter((m) => m !== 'ok');
  const fk = await db.raw<{ table: string; rowid: number; parent: string }[]>('PRAGMA foreign_key_check');
  for (const violation of fk.slice(0, 20)) {
    problems.push(`foreign key: ${violation.table} row ${String(violation.rowid)} → ${violation.parent}`);
  }
  return problems;
}

/**
 * On SQLite the database builds the whole result as one JSON text (`json_group_array`, in C),
 * which is about three times faster than the driver making one JavaScript object per row: at
 * 60,000 grid rows that is the difference between 0.4 and 1.2 seconds.
 */
async function selectTuples(db: Knex, query: Knex.QueryBuilder, columns: readonly string[]): Promise<unknown[][]> {
  // Only `??` placeholders go into the text: the column names are bound as identifiers.
  const tuple = 'json_group_array(json_array(' + columns.map(() => '??').join(', ') + ')) as tuples';
  const result = await db.select<{ tuples: string }[]>(db.raw(tuple, [...columns])).from(query.as('q'));
  const parsed: unknown = JSON.parse(result[0]?.tuples ?? '[]');
  return Array.isArray(parsed) ? (parsed as unknown[][]) : [];
}

/**
 * `selectTuples` handed on in parts (see `Dialect.selectTupleParts`). The grids do not read so on
 * SQLite (it writes their JSON itself, in parts of ids); here all rows are read at once.
 */
async function selectTupleParts(
  db: Knex,
  query: Knex.QueryBuilder,
  columns: readonly string[],
  rows: number,
  onPart: (tuples: unknown[][]) => void,
): Promise<void> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error('A part holds at least one row');
  const tuples = await selectTuples(db, query, columns);
  for (let start = 0; start < tuples.length; start += rows) onPart(tuples.slice(start, start + rows));
}

/**
 * Each part of `source` aggregated into one text by `aggregate` (SQL over the part's rows `q`,
 * with `??` placeholders for `names`), as bytes. One read transaction: every part sees the same
 * committed state, even when a write commits between two of them.
 *
 * Why parts: SQLite grows an aggregate's text by doubling it, on the driver's worker thread. The
 * whole grid at once (15 MB for 60,000 partnerships, 29 MB for 100,000 members) made blocks of up
 * to 32 MB there, and the C library keeps such memory for the thread after it is freed (an arena
 * per thread): the core's memory grew with every thread that had served a grid. Parts of 5,000
 * rows make blocks of 1–2 MB, which are reused.
 */
async function partTexts(
  db: Knex,
  source: RowsInParts,
  aggregate: string,
  names: readonly string[],
): Promise<Buffer[]> {
  return db.transaction(
    async (trx) => {
      const texts: Buffer[] = [];
      for (const range of await idRanges(trx, source.table, source.rows)) {
        const result = await trx
          .select<{ text: Buffer | string | null }[]>(trx.raw('cast(' + aggregate + ' as blob) as text', [...names]))
          .from(source.query(trx, range).as('q'));
        const text = result[0]?.text ?? null;
        if (text !== null && text.length > 0) texts.push(asBytes(text, ''));
      }
      return texts;
    },
    { readOnly: true },
  );
}

/**
 * Rows as lines of JSON written by SQLite (see `Dialect.selectJsonLines`): no row is made into a
 * JavaScript value. SQLite escapes every control character inside JSON strings, so a line break
 * never occurs within a line (nor in UTF-8's multi-byte characters, whose bytes are all ≥ 0x80).
 * The text comes as a BLOB: the driver hands over its bytes as they are, instead of decoding
 * 15 MB into a JavaScript string (two bytes a character once a name has a diacritic) that the
 * bridge would encode back into the same bytes.
 */
function selectJsonLines(
  db: Knex,
  source: RowsInParts,
  columns: readonly JsonColumn[],
  key: string,
): Promise<Buffer[]> {
  const { values, names } = jsonValues(columns);
  // As in selectTuples: the text holds only `??` placeholders, the key and columns are bound.
  const line = 'json_quote(??) || char(9) || json_array(' + values + ')';
  return partTexts(db, source, 'group_concat(' + line + ', char(10))', [key, ...names]);
}

function selectJsonArray(db: Knex, source: RowsInParts, columns: readonly JsonColumn[]): Promise<Buffer[]> {
  const { values, names } = jsonValues(columns);
  return partTexts(db, source, 'group_concat(json_array(' + values + "), ',')", names);
}

/**
 * The multi-row insert straight on the driver's connection (the transaction's own inside one).
 * Knex would first compile the statement through its binding formatter, which for a batch of
 * 500 rows × 20 columns makes tens of thousands of short-lived strings and checks; an import of
 * 100,000 municipalities made 0.7 GB of such garbage (the core's peak memory rose by as much as
 * its live data). Any value the driver does not bind as it is goes through Knex instead.
 */
async function insertTuples(
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
): Promise<void> {
  if (tuples.length === 0) return;
  const values = flatValues(columns, tuples, table);
  if (!values.every(bindable)) {
    await insertTuplesWithKnex(db, table, columns, tuples);
    return;
  }
  const sql = `insert into ${identifier(table)} (${columns.map(identifier).join(', ')}) values ${valuesPlaceholders(columns.length, tuples.length)}`;
  // Knex types its client as `any`: only its lending of the connection is used.
  const lender = db.client as ConnectionLender;
  const connection = await lender.acquireConnection();
  try {
    await new Promise<void>((resolve, reject) => {
      connection.run(sql, values, (error) => {
        if (error) reject(error);
        else resolve();
      });
    });
  } finally {
    await lender.releaseConnection(connection);
  }
}

/** A BLOB as the driver gives it (a Buffer; text only if a driver ever decodes it), or `none` when NULL. */
const asBytes = (value: Buffer | string | null, none: string): Buffer =>
  value === null ? Buffer.from(none) : typeof value === 'string' ? Buffer.from(value) : value;

/** The SQL of each column's JSON value; only `??` placeholders go into it (names bound as identifiers). */
function jsonValues(columns: readonly JsonColumn[]): { values: string; names: string[] } {
  const values = columns.map((column) => {
    if (typeof column === 'string') return '??';
    if (column.as === 'boolean') return "json(iif(??, 'true', 'false'))";
    if (column.as === 'count') return 'coalesce(??, 0)';
    return 'json(??)';
  });
  return {
    values: values.join(', '),
    names: columns.map((column) => (typeof column === 'string' ? column : column.column)),
  };
}

/**
 * The `sqlite3` driver gives the primary result code only (`SQLITE_CONSTRAINT`); which constraint
 * failed is in the fixed text SQLite puts after it (never data).
 */
function driverFailure(error: unknown): DriverFailure | null {
  const code = errorCode(error);
  if (code === null || !code.startsWith('SQLITE_')) return null;
  const message = error instanceof Error ? error.message : '';
  if (code === 'SQLITE_CONSTRAINT') {
    if (/FOREIGN KEY/i.test(message)) return 'foreignKey';
    if (/UNIQUE|PRIMARY KEY/i.test(message)) return 'unique';
    return null;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'busy';
  if (code === 'SQLITE_FULL') return 'diskFull';
  if (code === 'SQLITE_READONLY') return 'readOnly';
  return null;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  partnershipAreasColumn: (db) =>
    db.raw("(select group_concat(pa.area, ',') from partnership_areas pa where pa.partnership_id = p.id) as areas"),
  // An ordered aggregate (SQLite 3.44+); the areas and their places are bound, never written in.
  // The unary `+` keeps the list of areas out of the index choice: without it SQLite looked up
  // every listed area of every partnership in the primary key (14 searches a row, ~40 % of the
  // Partnerships grid's first load at L) instead of reading the partnership's few areas once.
  partnershipAreasJsonColumn: (db, areas) =>
    db.raw(
      '(select json_group_array(pa.area order by case pa.area ' +
        areas.map(() => 'when ? then ?').join(' ') +
        ' end) from partnership_areas pa where pa.partnership_id = p.id and +pa.area in (' +
        areas.map(() => '?').join(', ') +
        ')) as areas',
      [...areas.flatMap((area, index) => [area, index]), ...areas],
    ),
  selectTuples,
  selectTupleParts,
  selectJsonLines,
  selectJsonArray,
  integrityProblems,
  // AUTOINCREMENT continues after the largest id ever inserted, explicit or not.
  continueIdSequence: () => Promise.resolve(),
  refreshPlannerStatistics: () => Promise.resolve(),
  insertTuples,
  // A file has no database users, and its time is the computer's (the entry's `at`).
  auditStamp: () => ({}),
  mayWrite: () => Promise.resolve(true),
  driverFailure,
};
