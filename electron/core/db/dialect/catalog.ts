import type { Knex } from 'knex';
import { isPostgres } from './index';

/**
 * What a registry's own catalogue says about its tables (for copying a whole registry between a
 * file and a server, db/registry-copy.ts): which tables there are, their columns in order, their
 * primary key and the tables their foreign keys point to. Read from the database itself, not from
 * a list in code, so that a table a later migration adds is copied too.
 */
export type TableInfo = {
  name: string;
  columns: string[];
  /** The primary key's columns in key order (empty when a table has none). */
  primaryKey: string[];
  /** Tables this one refers to (itself left out). */
  parents: string[];
};

/** The migration tool's own bookkeeping: each registry has its own, never copied. */
const BOOKKEEPING = new Set(['knex_migrations', 'knex_migrations_lock']);

async function sqliteTables(db: Knex): Promise<TableInfo[]> {
  const names = await db
    .select<{ name: string }[]>('name')
    .from('sqlite_master')
    .where({ type: 'table' })
    .whereRaw("name not like 'sqlite!_%' escape '!'")
    .orderBy('name');
  const out: TableInfo[] = [];
  for (const { name } of names.filter((row) => !BOOKKEEPING.has(row.name))) {
    const columns = await db
      .select<{ name: string; pk: number }[]>('name', 'pk')
      .from(db.raw('pragma_table_info(?)', [name]))
      .orderBy('cid');
    const parents = await db.select<{ table: string }[]>('table').from(db.raw('pragma_foreign_key_list(?)', [name]));
    out.push({
      name,
      columns: columns.map((column) => column.name),
      primaryKey: columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      parents: [...new Set(parents.map((row) => row.table))].filter((parent) => parent !== name),
    });
  }
  return out;
}

async function postgresTables(db: Knex): Promise<TableInfo[]> {
  const names = await db
    .select<{ name: string }[]>('table_name as name')
    .from('information_schema.tables')
    .whereRaw('table_schema = current_schema()')
    .where({ table_type: 'BASE TABLE' })
    .orderBy('table_name');
  const out: TableInfo[] = [];
  for (const { name } of names.filter((row) => !BOOKKEEPING.has(row.name))) {
    const columns = await db
      .select<{ name: string }[]>('column_name as name')
      .from('information_schema.columns')
      .whereRaw('table_schema = current_schema()')
      .where({ table_name: name })
      .orderBy('ordinal_position');
    const key = await db.raw<{ rows: { name: string }[] }>(
      `select a.attname as name
         from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = to_regclass(?) and i.indisprimary
        order by array_position(i.indkey::int2[], a.attnum)`,
      [name],
    );
    const parents = await db.raw<{ rows: { parent: string }[] }>(
      `select distinct p.relname as parent
         from pg_constraint c join pg_class p on p.oid = c.confrelid
        where c.contype = 'f' and c.conrelid = to_regclass(?)`,
      [name],
    );
    out.push({
      name,
      columns: columns.map((column) => column.name),
      primaryKey: key.rows.map((row) => row.name),
      parents: parents.rows.map((row) => row.parent).filter((parent) => parent !== name),
    });
  }
  return out;
}

/** The registry's tables (the migration tool's own left out), by name. */
export const registryTables = (db: Knex): Promise<TableInfo[]> =>
  isPostgres(db) ? postgresTables(db) : sqliteTables(db);

/**
 * Whether the connected role may replace a server registry's content: it is (or is a member of)
 * the role that owns the registry's tables, the administrator's role that ran `twinreg init`.
 * A staff role has grants on data only. A registry file is its user's: always true.
 */
export async function ownsRegistry(db: Knex): Promise<{ owns: boolean; user: string; owner: string }> {
  if (!isPostgres(db)) return { owns: true, user: '', owner: '' };
  const result = await db.raw<{ rows: { user: string; owner: string | null; owns: unknown }[] }>(
    `select current_user as "user", pg_get_userbyid(c.relowner) as owner,
            pg_has_role(current_user, c.relowner, 'USAGE') as owns
       from pg_class c where c.oid = to_regclass('municipalities')`,
  );
  const row = result.rows[0];
  // Booleans come back as 1 and 0 (the connection's type parsers).
  return { owns: row?.owns === 1 || row?.owns === true, user: row?.user ?? '', owner: row?.owner ?? '' };
}

/**
 * Keeps other writers out of these tables until the transaction ends (PostgreSQL: `EXCLUSIVE`
 * lets others read but not write). SQLite's write transaction (`BEGIN IMMEDIATE`) already does.
 */
export async function lockTablesForWrite(trx: Knex.Transaction, tables: readonly string[]): Promise<void> {
  if (!isPostgres(trx) || tables.length === 0) return;
  // One bound identifier (??) per table: the SQL text holds no name.
  const placeholders = tables.map(() => '??').join(', ');
  await trx.raw('lock table ' + placeholders + ' in exclusive mode', [...tables]);
}

/**
 * The largest id a table's sequence has handed out (0 when none): deleted records' ids included,
 * which the audit log and the bin still name. SQLite keeps it in `sqlite_sequence`
 * (AUTOINCREMENT), PostgreSQL in the column's serial sequence.
 */
export async function lastIssuedId(db: Knex, table: string): Promise<number> {
  if (isPostgres(db)) {
    const result = await db.raw<{ rows: { last: unknown }[] }>(
      "select coalesce(pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass), 0) as last",
      [table],
    );
    return Number(result.rows[0]?.last ?? 0);
  }
  const row = await db('sqlite_sequence').where({ name: table }).first<{ seq: unknown } | undefined>('seq');
  return Number(row?.seq ?? 0);
}

/**
 * Makes a table's next id come after `issued` (an id handed out in the registry the rows came
 * from), so that a deleted record's id is never given to a new one: its history and the bin keep
 * naming it. Never lowers a sequence.
 */
export async function keepIssuedIds(db: Knex, table: string, issued: number): Promise<void> {
  if (issued <= 0) return;
  if (isPostgres(db)) {
    await db.raw(
      "select setval(pg_get_serial_sequence(?, 'id'), ?, true) where ? > (select coalesce(max(id), 0) from ??) and ? > coalesce(pg_sequence_last_value(pg_get_serial_sequence(?, 'id')::regclass), 0)",
      [table, issued, issued, table, issued, table],
    );
    return;
  }
  const updated = await db('sqlite_sequence').where({ name: table }).where('seq', '<', issued).update({ seq: issued });
  if (updated === 0 && (await db('sqlite_sequence').where({ name: table }).first()) === undefined)
    await db('sqlite_sequence').insert({ name: table, seq: issued });
}
