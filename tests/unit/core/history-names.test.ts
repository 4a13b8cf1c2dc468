import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * A partnership's history names its member and partner town (the audit log holds their ids): what
 * the history shows is "Obec: — → Tábor", never "municipalityId: — → 6 175".
 */
describe("a partnership's history names the records it refers to by id", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const changeOf = (entries: AuditEntry[], action: string, field: string) =>
    entries.find((entry) => entry.action === action)?.changes.find((change) => change.field === field);

  it('gives the names of the member and the town; a town merged away by the name its merge recorded', async () => {
    const knex = app.ctx.db.knex;
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number; name: string }>();
    const konstanz = await knex('foreign_towns').where({ name: 'Konstanz' }).first<{ id: number }>('id');
    const [copy] = await knex('foreign_towns')
      .insert({
        name: 'Constance',
        name_key: 'constance',
        country_code: 'DE',
        created_at: '2026-01-01T00:00:00.000Z',
        updated_at: '2026-01-01T00:00:00.000Z',
      })
      .returning<{ id: number }[]>('id');
    const copyId = copy?.id ?? 0;
    const created = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor.id,
        type: 'friendship',
        status: 'proposed',
        foreignTownId: copyId,
      }),
    );
    const first = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: created.id }),
    );
    expect(changeOf(first, 'insert', 'municipalityId')).toMatchObject({ to: tabor.id, toName: tabor.name });
    expect(changeOf(first, 'insert', 'foreignTownId')).toMatchObject({ to: copyId, toName: 'Constance' });
    // Fields that hold no id get no names.
    expect(changeOf(first, 'insert', 'type')).not.toHaveProperty('toName');

    // The copy merged into Konstanz: the partnership now names Konstanz, and the copy is gone.
    await ok(app.dispatch('towns:merge', { keepId: konstanz.id, mergeId: copyId }));
    const after = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: created.id }),
    );
    const inserted = changeOf(after, 'insert', 'foreignTownId');
    expect(inserted?.to).toBe(copyId);
    // The copy is gone; its merge recorded its name, which the history gives (never a guess: a
    // record gone without such a record gets no name, and the screen says it is no longer there).
    expect(inserted).toMatchObject({ toName: 'Constance' });
    await knex('audit_log').where({ table_name: 'foreign_towns', action: 'merge' }).delete();
    const unrecorded = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: created.id }),
    );
    expect(changeOf(unrecorded, 'insert', 'foreignTownId')).not.toHaveProperty('toName');
    expect(changeOf(after, 'insert', 'municipalityId')).toMatchObject({ toName: tabor.name });
  });
});
