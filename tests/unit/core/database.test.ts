import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { AppError } from '../../../shared/domain/errors';
import { tempDir } from '../../support/temp-db';

const hashOf = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('database and migrations', () => {
  const opened: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  it('sets the house pragmas on every connection', async () => {
    const db = await openDatabase(path.join(tempDir(), 'a.db'));
    opened.push(db);
    const pragma = async (name: string) => {
      const rows = (await db.knex.raw(`PRAGMA ${name}`)) as Record<string, unknown>[];
      return Object.values(rows[0] ?? {})[0];
    };
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('busy_timeout')).toBe(5000);
  });

  it('gives reports read-only connections that see what the writer committed', async () => {
    const db = await openDatabase(path.join(tempDir(), 'r.db'));
    opened.push(db);
    await db.knex('regions').insert({ code: 'CZ010', name: 'Hlavní město Praha' });
    const read = await db.reader('regions').select('code');
    expect(read).toEqual([{ code: 'CZ010' }]);
    await expect(db.reader('regions').insert({ code: 'CZ020', name: 'Středočeský kraj' })).rejects.toThrow(/readonly/i);
    expect(await db.knex('regions').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('matches the schema snapshot (a change needs a new migration)', async () => {
    const db = await openDatabase(path.join(tempDir(), 'b.db'));
    opened.push(db);
    const tables = (await db
      .knex('sqlite_master')
      .where({ type: 'table' })
      .whereNot('name', 'like', 'sqlite_%')
      .orderBy('name')
      .select('name')) as { name: string }[];
    const schema: Record<string, string[]> = {};
    for (const { name } of tables) {
      const columns = (await db.knex.raw('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)', [
        name,
      ])) as { name: string; type: string; nn: number; pk: number }[];
      const foreignKeys = (await db.knex.raw('SELECT "from", "table", on_delete FROM pragma_foreign_key_list(?)', [
        name,
      ])) as { from: string; table: string; on_delete: string }[];
      schema[name] = [
        ...columns.map((c) => `${c.name} ${c.type}${c.nn ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`),
        ...foreignKeys.map((f) => `FK ${f.from} → ${f.table} ON DELETE ${f.on_delete}`).sort(),
      ];
    }
    expect(schema).toMatchSnapshot();
    const meta = (await db.knex('meta').where({ key: 'schema_version' }).first()) as { value: string };
    expect(Number(meta.value)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('refuses a database made by a newer version and leaves the file untouched', async () => {
    const file = path.join(tempDir(), 'newer.db');
    const db = await openDatabase(file);
    await db
      .knex('meta')
      .where({ key: 'schema_version' })
      .update({ value: String(SCHEMA_VERSION + 5) });
    await db.knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.close();
    const before = hashOf(file);
    const error = await openDatabase(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SCHEMA_TOO_NEW');
    expect((error as AppError).message).toMatch(/newer version/);
    expect(hashOf(file)).toBe(before);
  });

  it('refuses a file that is not a database, without changing it', async () => {
    const file = path.join(tempDir(), 'garbage.db');
    writeFileSync(file, Buffer.from('this is not sqlite at all, just some bytes '.repeat(200)));
    const before = hashOf(file);
    const error = await openDatabase(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as AppError).code).toBe('DATABASE_DAMAGED');
    expect(hashOf(file)).toBe(before);
  });

  it('reopening a migrated database changes no data', async () => {
    const file = path.join(tempDir(), 'reopen.db');
    const first = await openDatabase(file);
    await first.knex('regions').insert({ code: 'CZ031', name: 'Jihočeský kraj' });
    await first.close();
    const again = await openDatabase(file);
    opened.push(again);
    expect(await again.knex('regions').count({ n: '*' }).first()).toEqual({ n: 1 });
  });
});
