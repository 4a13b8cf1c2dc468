import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { openKnex } from '../../../electron/core/db/connection';
import { MIGRATIONS, migrationSource } from '../../../electron/core/db/migrations/index';
import { createAppContext, noDialogs } from '../../../electron/core/context';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { ok, RESOURCES_DIR, tempDir } from '../../support/temp-db';

const CHILD_TABLES = [
  'districts',
  'municipalities',
  'partnerships',
  'partnership_areas',
  'partnership_participants',
  'contacts',
  'activities',
  'partnership_requests',
  'agreement_documents',
  'audit_log',
];

/** Rows in every table of the first schema (later migrations only add; these tables stay). */
async function fillVersionOne(knex: Knex): Promise<void> {
  const now = '2024-01-01T00:00:00.000Z';
  const stamp = { created_at: now, updated_at: now };
  await knex('regions').insert({ id: 1, code: 'CZ031', name: 'Jihočeský kraj' });
  await knex('districts').insert({ id: 1, code: 'CZ0317', name: 'Tábor', region_id: 1 });
  await knex('municipalities').insert({
    id: 1,
    code: '552046',
    name: 'Tábor',
    kind: 'mesto',
    district_id: 1,
    region_id: 1,
    is_member: true,
    ...stamp,
  });
  await knex('foreign_towns').insert({ id: 1, name: 'Konstanz', name_key: 'konstanz', country_code: 'DE', ...stamp });
  await knex('partnerships').insert({
    id: 1,
    municipality_id: 1,
    foreign_town_id: 1,
    type: 'formal',
    status: 'active',
    ...stamp,
  });
  await knex('partnership_areas').insert([
    { partnership_id: 1, area: 'culture' },
    { partnership_id: 1, area: 'sport' },
  ]);
  await knex('partnership_participants').insert({ partnership_id: 1, participant_group: 'schools' });
  await knex('contacts').insert({ partnership_id: 1, side: 'cz', name: 'Jana Nováková', ...stamp });
  await knex('activities').insert({
    partnership_id: 1,
    date: '2023-05-01',
    title: 'Návštěva',
    kind: 'official_visit',
    ...stamp,
  });
  await knex('partnership_requests').insert({ direction: 'member_seeks', municipality_id: 1, status: 'new', ...stamp });
  await knex('agreement_documents').insert({
    partnership_id: 1,
    template: 'partnership',
    language_first: 'cs',
    language_second: 'de',
    layout: 'parallel',
    created_at: now,
  });
  await knex('audit_log').insert({ table_name: 'partnerships', record_id: 1, action: 'insert', at: now });
}

async function counts(knex: Knex): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of CHILD_TABLES)
    out[table] = Number(((await knex(table).count({ n: '*' }).first()) as { n: number }).n);
  return out;
}

describe('migrations keep data', () => {
  const reason =
    'only one migration exists so far; this test checks every later migration against data made at version 1';
  it.skipIf(MIGRATIONS.length < 2)(
    `never change row counts of child tables (${MIGRATIONS.length < 2 ? `skipped: ${reason}` : 'all migrations'})`,
    async () => {
      const knex = openKnex(path.join(tempDir(), 'm.db'));
      try {
        await knex.migrate.up({ migrationSource });
        await fillVersionOne(knex);
        const { audit_log: auditBefore, ...before } = await counts(knex);
        let audit = auditBefore ?? 0;
        for (let step = 1; step < MIGRATIONS.length; step += 1) {
          await knex.migrate.up({ migrationSource });
          const { audit_log: auditNow, ...now } = await counts(knex);
          expect(now, `after ${MIGRATIONS[step]?.name ?? step}`).toEqual(before);
          // The history only grows: a migration that corrects a value says so in it (0022).
          expect(auditNow, `audit log after ${MIGRATIONS[step]?.name ?? step}`).toBeGreaterThanOrEqual(audit);
          audit = auditNow ?? 0;
        }
        const problems = (await knex.raw('PRAGMA foreign_key_check')) as unknown[];
        expect(problems).toEqual([]);
      } finally {
        await knex.destroy();
      }
    },
  );

  it('the version-1 fixture itself is consistent (guards the test above)', async () => {
    const knex = openKnex(path.join(tempDir(), 'm1.db'));
    try {
      await knex.migrate.up({ migrationSource });
      await fillVersionOne(knex);
      expect(Object.values(await counts(knex)).every((n) => n > 0)).toBe(true);
      // Deleting the partnership cascades to its children: exactly what a table rebuild could trigger by accident.
      await knex('partnerships').where({ id: 1 }).delete();
      expect((await counts(knex)).activities).toBe(0);
    } finally {
      await knex.destroy();
    }
  });
});

describe('0008: a demo start known only to the year becomes the year', () => {
  it('converts untouched demo rows only; staff’s and imported dates stay exactly as they are', async () => {
    const knex = openKnex(path.join(tempDir(), 'm8.db'));
    try {
      const upTo = MIGRATIONS.findIndex((m) => m.name === '0008-date-precision');
      for (let step = 0; step < upTo; step += 1) await knex.migrate.up({ migrationSource });
      await fillVersionOne(knex);
      const stamp = { created_at: '2024-01-01', updated_at: '2024-01-01', type: 'formal', status: 'active' };
      for (const id of [2, 3, 4, 5, 6])
        await knex('foreign_towns').insert({
          id,
          name: `T${String(id)}`,
          name_key: `t${String(id)}`,
          country_code: 'DE',
          created_at: 'x',
          updated_at: 'x',
        });
      await knex('partnerships').insert([
        { id: 2, municipality_id: 1, foreign_town_id: 2, started_on: '1984-01-01', source: 'demo', ...stamp },
        { id: 3, municipality_id: 1, foreign_town_id: 3, started_on: '1990-01-01', source: 'demo', ...stamp },
        { id: 4, municipality_id: 1, foreign_town_id: 4, started_on: '1991-01-01', source: 'manual', ...stamp },
        { id: 5, municipality_id: 1, foreign_town_id: 5, started_on: '1992-01-01', source: 'import: a.csv', ...stamp },
        { id: 6, municipality_id: 1, foreign_town_id: 6, started_on: '1993-05-22', source: 'demo', ...stamp },
      ]);
      // Staff set #3's start to 1 January 1990 themselves: the audit log says so.
      await knex('audit_log').insert({ table_name: 'partnerships', record_id: 3, action: 'update', at: 'x' });
      await knex.migrate.up({ migrationSource });
      const rows = await knex('partnerships').whereIn('id', [2, 3, 4, 5, 6]).orderBy('id').pluck('started_on');
      expect(rows).toEqual(['1984', '1990-01-01', '1991-01-01', '1992-01-01', '1993-05-22']);
    } finally {
      await knex.destroy();
    }
  });
});

describe('0012: a demo membership known only to the year becomes the year', () => {
  it('converts untouched demo members only', async () => {
    const knex = openKnex(path.join(tempDir(), 'm12.db'));
    try {
      const upTo = MIGRATIONS.findIndex((m) => m.name === '0012-member-date-precision');
      for (let step = 0; step < upTo; step += 1) await knex.migrate.up({ migrationSource });
      const stamp = { created_at: 'x', updated_at: 'x', kind: 'mesto', is_member: true };
      await knex('municipalities').insert([
        { id: 1, code: '552046', name: 'Tábor', member_since: '1993-01-01', source: 'demo', ...stamp },
        { id: 2, code: '544256', name: 'Písek', member_since: '1994-01-01', source: 'demo', ...stamp },
        { id: 3, code: '549240', name: 'Strakonice', member_since: '1995-01-01', source: 'manual', ...stamp },
        { id: 4, code: '535419', name: 'Prachatice', member_since: '1996-05-01', source: 'demo', ...stamp },
      ]);
      await knex('audit_log').insert({ table_name: 'municipalities', record_id: 2, action: 'update', at: 'x' });
      await knex.migrate.up({ migrationSource });
      expect(await knex('municipalities').orderBy('id').pluck('member_since')).toEqual([
        '1993',
        '1994-01-01',
        '1995-01-01',
        '1996-05-01',
      ]);
    } finally {
      await knex.destroy();
    }
  });
});

describe('0018: an import’s audit entries are found through an index', () => {
  it('the lookup by action and time stamp searches the index instead of reading the whole log', async () => {
    const knex = openKnex(path.join(tempDir(), 'm18.db'));
    try {
      await knex.migrate.latest({ migrationSource });
      // The import history's lookups (import-undo.ts: entriesOf, runsWithEntries).
      const lookups = [
        knex('audit_log').where({ action: 'import', at: '2026-12-05T10:00:00.000Z' }).orderBy('id').select('id'),
        knex('audit_log').where({ action: 'import' }).whereIn('at', ['2026-12-05T10:00:00.000Z']).distinct('at'),
      ];
      for (const lookup of lookups) {
        const { sql, bindings } = lookup.toSQL().toNative();
        const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings)) as { detail: string }[];
        const details = plan.map((step) => step.detail).join(' | ');
        expect(details, sql).toMatch(/USING (COVERING )?INDEX audit_log_action_at_index/);
        expect(details, sql).not.toMatch(/^SCAN audit_log\b|\| SCAN audit_log\b/);
      }
    } finally {
      await knex.destroy();
    }
  });
});

describe('0019: a partner town whose kind nobody stated is "not stated", not a town', () => {
  it('marks imported and added towns unknown; a kind set on the card and the demo towns stay', async () => {
    const knex = openKnex(path.join(tempDir(), 'm19.db'));
    try {
      const upTo = MIGRATIONS.findIndex((m) => m.name === '0019-town-kind-unknown');
      for (let step = 0; step < upTo; step += 1) await knex.migrate.up({ migrationSource });
      const stamp = { created_at: 'x', updated_at: 'x', country_code: 'DE' };
      await knex('foreign_towns').insert([
        { id: 1, name: 'Olbersdorf', name_key: 'olbersdorf', kind: 'town', source: 'import: smo.csv', ...stamp },
        { id: 2, name: 'Konstanz', name_key: 'konstanz', kind: 'town', source: 'manual', ...stamp },
        { id: 3, name: 'Eibau', name_key: 'eibau', kind: 'municipality', source: null, ...stamp },
        { id: 4, name: 'Löbau', name_key: 'lobau', kind: 'town', source: 'demo', ...stamp },
        { id: 5, name: 'Zittau', name_key: 'zittau', kind: 'town', source: null, ...stamp },
        { id: 6, name: 'Görlitz', name_key: 'gorlitz', kind: 'town', source: 'request 3', ...stamp },
      ]);
      // Konstanz's card: someone chose "town"; Görlitz's: an edit of another field only.
      await knex('audit_log').insert([
        { table_name: 'foreign_towns', record_id: 2, action: 'update', at: 'x', after: '{"kind":"town"}' },
        { table_name: 'foreign_towns', record_id: 6, action: 'update', at: 'x', after: '{"population":30000}' },
      ]);
      const audit = await knex('audit_log').count({ n: '*' }).first<{ n: number | string }>();
      await knex.migrate.up({ migrationSource });
      expect(await knex('foreign_towns').orderBy('id').pluck('kind')).toEqual([
        'unknown',
        'town',
        'municipality',
        'town',
        'unknown',
        'unknown',
      ]);
      expect(await knex('audit_log').count({ n: '*' }).first<{ n: number | string }>()).toEqual(audit);
    } finally {
      await knex.destroy();
    }
  });
});

describe('0022: a partnership whose term nobody stated is "not stated", not indefinite', () => {
  it('marks imported, requested and dialog-made partnerships unknown, in their history; a stated term and the demo stay', async () => {
    const dbPath = path.join(tempDir(), 'm22.db');
    const knex = openKnex(dbPath);
    try {
      const upTo = MIGRATIONS.findIndex((m) => m.name === '0022-term-unknown');
      for (let step = 0; step < upTo; step += 1) await knex.migrate.up({ migrationSource });
      const stamp = { created_at: 'x', updated_at: 'x' };
      await knex('regions').insert({ id: 1, code: 'CZ031', name: 'Jihočeský kraj' });
      await knex('districts').insert({ id: 1, code: 'CZ0317', name: 'Tábor', region_id: 1 });
      await knex('municipalities').insert({
        id: 1,
        code: '552046',
        name: 'Tábor',
        kind: 'mesto',
        district_id: 1,
        region_id: 1,
        is_member: true,
        ...stamp,
      });
      await knex('foreign_towns').insert(
        [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({
          id,
          name: `Town ${id}`,
          name_key: `town ${id}`,
          country_code: 'DE',
          ...stamp,
        })),
      );
      const partnership = (id: number, source: string | null, termKind: string, termUntil: string | null = null) => ({
        id,
        municipality_id: 1,
        foreign_town_id: id,
        type: 'unknown',
        status: 'unknown',
        term_kind: termKind,
        term_until: termUntil,
        source,
        version: 1,
        ...stamp,
      });
      await knex('partnerships').insert([
        partnership(1, 'import: smo.tsv', 'indefinite'),
        partnership(2, 'manual', 'indefinite'),
        partnership(3, 'manual', 'indefinite'),
        partnership(4, 'demo', 'indefinite'),
        partnership(5, 'import: smo.tsv', 'fixed', '2030-12-31'),
        partnership(6, 'request 3', 'indefinite'),
        partnership(7, null, 'indefinite'),
        // Indefinite with an end date (a merge filled it from a fixed-term record): left as it is.
        partnership(8, 'import: smo.tsv', 'indefinite', '2030-12-31'),
      ]);
      // #2: someone made the term indefinite; #3: an edit of another field (the whole record is in its entry).
      await knex('audit_log').insert([
        {
          table_name: 'partnerships',
          record_id: 2,
          action: 'update',
          actor: 'Jana',
          at: 'x',
          before: '{"termKind":"fixed","notes":null}',
          after: '{"termKind":"indefinite","notes":null}',
        },
        {
          table_name: 'partnerships',
          record_id: 3,
          action: 'update',
          actor: 'Jana',
          at: 'x',
          before: '{"termKind":"indefinite","notes":null}',
          after: '{"termKind":"indefinite","notes":"x"}',
        },
        {
          table_name: 'partnerships',
          record_id: 7,
          action: 'insert',
          actor: 'Jana',
          at: 'x',
          before: null,
          after: '{"termKind":"indefinite"}',
        },
      ]);
      await knex.migrate.up({ migrationSource });
      expect(await knex('partnerships').orderBy('id').select('id', 'term_kind', 'term_until')).toEqual([
        { id: 1, term_kind: 'unknown', term_until: null },
        { id: 2, term_kind: 'indefinite', term_until: null },
        { id: 3, term_kind: 'unknown', term_until: null },
        { id: 4, term_kind: 'indefinite', term_until: null },
        { id: 5, term_kind: 'fixed', term_until: '2030-12-31' },
        { id: 6, term_kind: 'unknown', term_until: null },
        { id: 7, term_kind: 'unknown', term_until: null },
        { id: 8, term_kind: 'indefinite', term_until: '2030-12-31' },
      ]);
      // Each change is in its record's history, as a change of the term by this migration.
      const entries = await knex('audit_log')
        .where({ actor: 'Twinning Registry (migration 0022)' })
        .orderBy('record_id')
        .select('record_id', 'action', 'before', 'after');
      expect(entries).toEqual(
        [1, 3, 6, 7].map((id) => ({
          record_id: id,
          action: 'migrate',
          before: '{"termKind":"indefinite"}',
          after: '{"termKind":"unknown"}',
        })),
      );
    } finally {
      await knex.destroy();
    }
    // The history shows the change by its author, and a staffer who knows the term puts it back.
    const ctx = await createAppContext({
      databasePath: dbPath,
      resourcesDir: RESOURCES_DIR,
      appVersion: 'test',
      preferences: createMemoryPreferences(),
      dialogs: noDialogs,
    });
    try {
      const dispatch = createDispatch(createHandlers(ctx));
      const history = await ok<{ id: number; actor: string; changes: unknown }[]>(
        dispatch('audit:history', { table: 'partnerships', recordId: 1 }),
      );
      const entry = history.find((e) => e.actor === 'Twinning Registry (migration 0022)');
      expect(entry).toBeDefined();
      const reverted = await ok<{ termKind: string }>(dispatch('partnerships:revert', { auditId: entry?.id ?? 0 }));
      expect(reverted.termKind).toBe('indefinite');
    } finally {
      await ctx.close();
    }
  });
});
