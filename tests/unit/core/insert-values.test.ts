import { afterEach, describe, expect, it } from 'vitest';
import { insertValues } from '../../../electron/core/db/insert-values';
import { insertAuditEntries } from '../../../electron/core/repositories/audit-repository';
import { onServer } from '../../support/server-db';
import { createTestApp, type TestApp } from '../../support/temp-db';

/**
 * The importer's batch insert (one multi-row VALUES statement instead of knex's per-row
 * `select … union all`): every value arrives as it was given, on both engines.
 */
describe('insertValues', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.cleanup();
    app = null;
  });

  it('writes every row and value as given: missing keys null, text with quotes and question marks kept', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('values_probe', (table) => {
      table.integer('n').primary();
      table.string('label');
      table.boolean('flag');
      table.double('x');
    });
    const rows = Array.from({ length: 1_234 }, (_, i) => ({
      n: i,
      // Binding markers and quotes in a value are data, never SQL.
      label: i % 5 === 0 ? `Ústí "nad" ?? Labem ? $1 ${String(i)} 'x'` : `ř-${String(i)}`,
      flag: i % 2 === 0,
      ...(i % 3 === 0 ? {} : { x: i / 7 }),
    }));
    for (let start = 0; start < rows.length; start += 500)
      await insertValues(knex, 'values_probe', rows.slice(start, start + 500));

    const stored = await knex('values_probe')
      .orderBy('n')
      .select<{ n: number; label: string; flag: number | boolean; x: number | null }[]>('n', 'label', 'flag', 'x');
    expect(stored).toHaveLength(rows.length);
    for (const [i, row] of stored.entries()) {
      const given = rows[i];
      expect(row.n).toBe(given?.n);
      expect(row.label).toBe(given?.label);
      expect(Boolean(row.flag)).toBe(given?.flag);
      if (given?.x !== undefined) expect(row.x).toBeCloseTo(given.x, 12);
      else expect(row.x).toBeNull();
    }
  });

  it('takes a knex.raw as a value (computed by the database), beside plain values', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('raw_probe', (table) => {
      table.integer('n').primary();
      table.string('label');
    });
    await insertValues(knex, 'raw_probe', [
      { n: 1, label: knex.raw("'Ústí' || ' nad Labem'") },
      { n: 2, label: 'Děčín' },
    ]);
    // A raw value with its own bindings (the whole batch then goes through Knex).
    await insertValues(knex, 'raw_probe', [
      { n: 3, label: knex.raw('? || ?', ['Jablonec', ' $2 nad Nisou']) },
      { n: 4, label: 'Liberec' },
    ]);
    expect(await knex('raw_probe').orderBy('n').select('n', 'label')).toEqual([
      { n: 1, label: 'Ústí nad Labem' },
      { n: 2, label: 'Děčín' },
      { n: 3, label: 'Jablonec $2 nad Nisou' },
      { n: 4, label: 'Liberec' },
    ]);
  });

  it('writes audit entries in batches with their server stamps (a raw value) and JSON intact', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    const before = Number((await knex('audit_log').count<{ n: number }[]>({ n: '*' }))[0]?.n ?? 0);
    const entries = Array.from({ length: 1_201 }, (_, i) => ({
      table: 'municipalities',
      recordId: i + 1,
      action: 'import' as const,
      before: null,
      after: { name: `Žďár ? ${String(i)}`, code: String(500000 + i) },
      actor: 'Zkouška',
      at: '2026-12-03T23:00:00.000Z',
    }));
    await knex.transaction((trx) => insertAuditEntries(trx, entries));
    const stored = await knex('audit_log')
      .where('id', '>', 0)
      .orderBy('id')
      .offset(before)
      .select<
        { record_id: number; after: string; before: string | null; db_user: string | null; server_at: string | null }[]
      >('record_id', 'after', 'before', 'db_user', 'server_at');
    expect(stored.map((row) => row.record_id)).toEqual(entries.map((entry) => entry.recordId));
    expect(stored.map((row) => JSON.parse(row.after) as unknown)).toEqual(entries.map((entry) => entry.after));
    expect(stored.every((row) => row.before === null)).toBe(true);
    if (onServer()) {
      // The stamps are the server's, written by the statement (not a text of the raw's SQL).
      expect(stored.every((row) => typeof row.db_user === 'string' && row.db_user.length > 0)).toBe(true);
      expect(stored.every((row) => /^\d{4}-\d{2}-\d{2}T/.test(row.server_at ?? ''))).toBe(true);
    }
  });
});
