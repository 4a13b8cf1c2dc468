import knex, { type Knex } from 'knex';
import pg from 'pg';
import { bindable, flatValues, identifier, insertTuplesWithKnex } from './insert-tuples';
import { errorCode, type Dialect, type DriverFailure } from './types';

/**
 * Everything PostgreSQL-specific: the connection (typed values, no password in sight), string
 * aggregation, sequences after explicit ids, advisory locks, and the meaning of SQLSTATE codes.
 */

/**
 * Values come back typed as SQLite gives them, so that every row is the same on both engines:
 * counts (`count(*)` is bigint) and money (`numeric(14,2)`: at most 12 digits and 2 decimals, held
 * exactly by a double) as numbers, booleans as 1 and 0.
 */
const NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const BOOL_TYPE: number = pg.types.builtins.BOOL;
// The driver's own parsers, for every other type (typed by number: the ids come from the server).
const defaultParser = pg.types.getTypeParser as (oid: number, format: 'text' | 'binary') => (value: string) => unknown;

const typeParsers = {
  getTypeParser: (oid: number, format: string): ((value: string) => unknown) => {
    if (format !== 'binary') {
      if (NUMBER_TYPES.has(oid)) return (value: string) => Number(value);
      if (oid === BOOL_TYPE) return (value: string) => (value === 't' ? 1 : 0);
    }
    return defaultParser(oid, format === 'binary' ? 'binary' : 'text');
  },
};

/**
 * Opens a Knex pool over a registry on a PostgreSQL server. The pool is small: one user's app
 * runs a handful of statements at once, and a server serves many users.
 */
export function openServerKnex(url: string): Knex {
  return knex({
    client: 'pg',
    connection: { connectionString: url, types: typeParsers, application_name: 'twinning-registry' },
    // Error messages keep the statement with placeholders: bound values must not reach logs.
    compileSqlOnError: false,
    pool: { min: 0, max: 4 },
  });
}

/**
 * The URL of a server registry as it may be shown: without its password (in the user part or as
 * a `password` parameter). Used for every status, log line and message.
 */
export function redactLocation(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    // Not a parseable URL: keep only the scheme, never guess where a password might be.
    return url.replace(/^(postgres(ql)?:\/\/).*$/i, '$1…');
  }
}

/** The password written in a server URL, if any (to scrub it from a driver's message). */
export function passwordOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    const password = parsed.password !== '' ? decodeURIComponent(parsed.password) : parsed.searchParams.get('password');
    return password === null || password === '' ? null : password;
  } catch {
    return null;
  }
}

/** Removes a password from a text (a driver's message) wherever it appears, plain or URL-encoded. */
export function scrubPassword(text: string, url: string): string {
  const password = passwordOf(url);
  if (password === null) return text;
  return text.split(password).join('***').split(encodeURIComponent(password)).join('***');
}

/** The SQLSTATE for "insufficient privilege": a role that may not create or alter the schema. */
export const isPermissionError = (error: unknown): boolean => errorCode(error) === '42501';

/** A session-level advisory lock held by this app: its holder's server process and its release. */
export type AdvisoryLock = { pid: number; release: () => Promise<void> };

/** Session-level advisory locks: held by one connection until released or the connection ends. */
export async function tryAdvisoryLock(db: Knex, key: number): Promise<AdvisoryLock | null> {
  // Knex types its client as `any`: only acquiring and releasing one pooled connection is used,
  // because a session lock belongs to the connection that took it.
  const client = db.client as {
    acquireConnection: () => Promise<unknown>;
    releaseConnection: (connection: unknown) => Promise<unknown>;
  };
  const connection = await client.acquireConnection();
  let pid: number;
  try {
    const result = await db
      .raw<{ rows: { locked: unknown; pid: unknown }[] }>(
        'select pg_try_advisory_lock(?) as locked, pg_backend_pid() as pid',
        [key],
      )
      .connection(connection);
    // Booleans come back as 1 and 0 (the type parsers above).
    const row = result.rows[0];
    if (row?.locked !== 1) {
      await client.releaseConnection(connection);
      return null;
    }
    pid = Number(row.pid);
  } catch (error) {
    await client.releaseConnection(connection);
    throw error;
  }
  return {
    pid,
    // Never throws: a release that failed (the server went away during the import) hid the
    // import's own failure behind "select pg_advisory_unlock … connection error" (walkthrough 18).
    // A session lock ends with its session: the connection is ended, and the pool drops it.
    release: async () => {
      try {
        await db.raw('select pg_advisory_unlock(?)', [key]).connection(connection);
      } catch {
        try {
          await (connection as { end?: () => Promise<void> }).end?.();
        } catch {
          // Already gone.
        }
      } finally {
        await client.releaseConnection(connection).catch(() => undefined);
      }
    },
  };
}

/**
 * Who holds an advisory lock now, as every role may read it (`pg_locks` and the user name of
 * `pg_stat_activity` are public): the holder's server process and database user; null when free.
 * A key below 2^32 is the lock's `objid` (its `classid` is 0).
 */
export async function advisoryLockHolder(db: Knex, key: number): Promise<{ pid: number; user: string } | null> {
  const result = await db.raw<{ rows: { pid: unknown; user: unknown }[] }>(
    `select l.pid, a.usename as "user" from pg_locks l left join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = ? and l.objsubid = 1
      limit 1`,
    [key],
  );
  const row = result.rows[0];
  return row === undefined ? null : { pid: Number(row.pid), user: typeof row.user === 'string' ? row.user : '' };
}

/** SQLSTATE classes and codes, https://www.postgresql.org/docs/15/errcodes-appendix.html */
function driverFailure(error: unknown): DriverFailure | null {
  const code = errorCode(error);
  if (code === null || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code === '23503') return 'foreignKey';
  if (code === '23505') return 'unique';
  // serialization failure, deadlock, lock not available
  if (code === '40001' || code === '40P01' || code === '55P03') return 'busy';
  if (code === '53100') return 'diskFull';
  if (code === '25006') return 'readOnly';
  if (code === '22001') return 'tooLong';
  if (code === '22003') return 'outOfRange';
  if (code === '42501') return 'forbidden';
  // connection exceptions, the server shutting down, no such database
  if (code.startsWith('08') || code.startsWith('57P') || code === '3D000') return 'unreachable';
  return null;
}

/** What `selectArrays` needs of the driver's connection (`pg.Client`). */
type ArrayResult = { fields: readonly { name: string }[]; rows: unknown[][] };
type ArrayQueryConnection = {
  query(config: { text: string; values: readonly unknown[]; rowMode?: 'array' }): Promise<ArrayResult>;
};

/**
 * Runs `use` on the driver's connection Knex lends `db` (a transaction's own inside one) and gives
 * it back, whatever happens: for the statements Knex would only slow down (its binding formatter).
 */
async function onDriverConnection<T>(db: Knex, use: (connection: ArrayQueryConnection) => Promise<T>): Promise<T> {
  // Knex types its client as `any`: only its lending of the connection is used.
  const client = db.client as {
    acquireConnection(): Promise<ArrayQueryConnection>;
    releaseConnection(connection: ArrayQueryConnection): Promise<unknown>;
  };
  const connection = await client.acquireConnection();
  try {
    return await use(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}

/** A `knex.raw` without bindings (the audit log's server stamps): its SQL goes into the statement as it is. */
function fixedSql(value: unknown): string | null {
  // Only a raw: a query builder's SQL would need the parentheses Knex gives a subquery.
  if (typeof value !== 'object' || value === null || (value as { isRawInstance?: unknown }).isRawInstance !== true)
    return null;
  const compiled = (value as Knex.Raw).toSQL();
  return compiled.bindings.length === 0 ? compiled.sql : null;
}

/**
 * The multi-row insert straight on the driver's connection (the transaction's own inside one), as
 * on SQLite: through Knex, a batch of 500 audit entries was 500 × 2 raw stamps for Knex to compile
 * beside 4,000 placeholders. A stamp without bindings goes into the statement's text as it is;
 * any other value the driver does not bind as it is makes the batch go through Knex.
 */
async function insertTuples(
  db: Knex,
  table: string,
  columns: readonly string[],
  tuples: readonly (readonly unknown[])[],
): Promise<void> {
  if (tuples.length === 0) return;
  const values = flatValues(columns, tuples, table);
  const bound: unknown[] = [];
  const slots: string[] = [];
  for (const value of values) {
    if (bindable(value)) {
      bound.push(value);
      slots.push('$' + String(bound.length));
      continue;
    }
    const fixed = fixedSql(value);
    if (fixed === null) {
      await insertTuplesWithKnex(db, table, columns, tuples);
      return;
    }
    slots.push(fixed);
  }
  const rows: string[] = [];
  for (let start = 0; start < slots.length; start += columns.length)
    rows.push('(' + slots.slice(start, start + columns.length).join(', ') + ')');
  const sql =
    'insert into ' + identifier(table) + ' (' + columns.map(identifier).join(', ') + ') values ' + rows.join(', ');
  await onDriverConnection(db, (connection) => connection.query({ text: sql, values: bound }));
}

/** Each cursor of a transaction needs its own name (two reads in parts may run at once in one). */
let cursors = 0;

/**
 * The rows of `query` as arrays of `columns`' values, `rows` at a time, through a cursor in the
 * transaction `db` must be: one statement and one plan (a statement per range of ids planned each
 * part as if it were small, with a full scan of the members for each), while at most two parts'
 * values exist at a time (the one handed on, and the next, asked for ahead). `onPart` gets each
 * part's arrays (its own to keep or consume).
 */
async function selectArrayParts(
  db: Knex,
  query: Knex.QueryBuilder,
  columns: readonly string[],
  rows: number,
  onPart: (tuples: unknown[][]) => void,
): Promise<void> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error('A part holds at least one row');
  const { sql, bindings } = query.toSQL().toNative();
  cursors += 1;
  const cursor = 'twinreg_part_' + String(cursors);
  await onDriverConnection(db, async (connection) => {
    // Planned for all its rows, as the same statement without a cursor would be (the setting
    // lasts to the end of the caller's transaction, which only reads).
    await connection.query({ text: 'set local cursor_tuple_fraction = 1', values: [] });
    await connection.query({ text: 'declare ' + cursor + ' no scroll cursor for ' + sql, values: bindings });
    const fetch = () =>
      connection.query({ text: 'fetch forward ' + String(rows) + ' from ' + cursor, values: [], rowMode: 'array' });
    // The next part is asked for before this one is handed on, so the server starts on it while
    // core writes this one (before, each side waited for the other; the overlap is partial: the
    // server sends only until the socket's buffers are full). At most two parts' values exist at
    // a time.
    let next = fetch();
    for (;;) {
      const result = await next;
      // Read before `onPart`, which may consume the arrays.
      const fetched = result.rows.length;
      const more = fetched >= rows;
      if (more) next = fetch();
      try {
        if (fetched > 0) onPart(inColumnOrder(result, columns));
      } catch (error) {
        // The fetch already asked for is awaited, so that its own failure (the next part's rows
        // failing on the server) is not left as an unhandled rejection; this error is the one given.
        if (more) await next.catch(() => undefined);
        throw error;
      }
      if (!more) break;
    }
    await connection.query({ text: 'close ' + cursor, values: [] });
  });
}

/**
 * The rows of `query` as arrays of `columns`' values. The driver is asked for arrays (`rowMode`),
 * so no object is made per row: at 60,000 grid rows of 25 columns, objects and the arrays read
 * from them were both alive until the answer was made. The statement runs on the connection knex
 * gives `db` (a transaction's own inside one), with the statement and values knex compiled.
 */
async function selectArrays(db: Knex, query: Knex.QueryBuilder, columns: readonly string[]): Promise<unknown[][]> {
  const { sql, bindings } = query.toSQL().toNative();
  const result = await onDriverConnection(db, (connection) =>
    connection.query({ text: sql, values: bindings, rowMode: 'array' }),
  );
  return inColumnOrder(result, columns);
}

/** A result's arrays with `columns`' values in the order named (in place: no second array a row). */
function inColumnOrder(result: ArrayResult, columns: readonly string[]): unknown[][] {
  const at = columns.map((column) => {
    const named = result.fields.flatMap((field, index) => (field.name === column ? [index] : []));
    const [index] = named;
    if (index === undefined || named.length > 1)
      throw new Error(`selectTuples: the query has ${index === undefined ? 'no' : 'more than one'} column "${column}"`);
    return index;
  });
  // The driver's arrays become the answer, put in the order asked for in place (no second array a row).
  if (at.length === result.fields.length && at.every((index, position) => index === position)) return result.rows;
  const values: unknown[] = at.map(() => undefined);
  for (const row of result.rows) {
    at.forEach((index, k) => (values[k] = row[index]));
    values.forEach((value, k) => (row[k] = value));
    row.length = at.length;
  }
  return result.rows;
}

export const postgresDialect: Dialect = {
  name: 'postgres',
  partnershipAreasColumn: (db) =>
    db.raw("(select string_agg(pa.area, ',') from partnership_areas pa where pa.partnership_id = p.id) as areas"),
  selectTuples: selectArrays,
  selectTupleParts: selectArrayParts,
  // The driver's values are written as JSON by the caller.
  selectJsonLines: null,
  partnershipAreasJsonColumn: null,
  selectJsonArray: null,
  // The server keeps its constraints at every statement: there is no file to check.
  integrityProblems: () => Promise.resolve([]),
  continueIdSequence: async (db, table) => {
    await db.raw("select setval(pg_get_serial_sequence(?, 'id'), coalesce((select max(id) from ??), 0) + 1, false)", [
      table,
      table,
    ]);
  },
  // Without it the planner guesses until autovacuum gets to the tables (a minute or more): right
  // after importing the L registry, the XLSX export of its 60,000 partnerships took 7.6 s instead
  // of 4.0 s (its parts, read by id, were planned as if the tables were nearly empty).
  refreshPlannerStatistics: async (db, tables) => {
    if (tables.length === 0) return;
    // Only `??` placeholders go into the text: the table names are bound as identifiers. A table
    // another session holds locked (an administrator's VACUUM, ALTER) is skipped rather than waited
    // for; a table the role does not own is skipped by the server with a warning (a staff role:
    // autovacuum learns the rows later).
    await db.raw('analyze (skip_locked) ' + tables.map(() => '??').join(', '), [...tables]);
  },
  // now() is the transaction's start: every entry of one change has the same server time.
  insertTuples,
  auditStamp: (db) => ({
    db_user: db.raw('current_user'),
    server_at: db.raw(`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  }),
  // The role's own rights on each table (a staff role granted only `select` may not write).
  mayWrite: async (db, rights) => {
    const asked = [
      ...rights.update.map((table) => [table, 'UPDATE'] as const),
      ...rights.insert.map((table) => [table, 'INSERT'] as const),
    ];
    for (const [table, right] of asked) {
      const result = await db.raw<{ rows: { allowed: boolean | number }[] }>(
        'select has_table_privilege(current_user, ?::regclass, ?) as allowed',
        [table, right],
      );
      // Booleans come as 1/0 on the registry's connections (as SQLite's do).
      const allowed = result.rows[0]?.allowed;
      if (allowed !== true && allowed !== 1) return false;
    }
    return true;
  },
  driverFailure,
};
