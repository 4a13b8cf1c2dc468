import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Walkthrough 20, finding 4: a partnership merge kept "2009" over "1. 3. 2010" without a word,
 * and its history entry named no field. A merge now says where both records state different
 * values, keeps the kept one's unless the user takes the other's, keeps a date that only refines
 * the kept one at its precision, and its entry lists what it changed.
 */
describe('a partnership merge with values both records state', () => {
  let app: TestApp;
  let keptId: number;
  let otherId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    const knex = app.ctx.db.knex;
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const stamp = { created_at: 'x', updated_at: 'x', country_code: 'PL' };
    const [a, b] = await knex('foreign_towns')
      .insert([
        { name: 'Próbowo', name_key: 'probowo', ...stamp },
        { name: 'Probowo Miasto', name_key: 'probowo miasto', ...stamp },
      ])
      .returning<{ id: number }[]>('id');
    const row = (townId: number | undefined, fields: Record<string, unknown>) => ({
      municipality_id: tabor.id,
      foreign_town_id: townId,
      type: 'unknown',
      status: 'unknown',
      created_at: 'x',
      updated_at: 'x',
      ...fields,
    });
    const [kept, other] = await knex('partnerships')
      .insert([
        row(a?.id, {
          type: 'formal',
          started_on: '2009',
          signed_on: '2009',
          term_kind: 'fixed',
          term_until: '2030-12-31',
        }),
        row(b?.id, {
          type: 'friendship',
          status: 'active',
          started_on: '2010-03-01',
          signed_on: '2009-06-12',
          term_kind: 'indefinite',
          signed_place: 'Próbowo',
        }),
      ])
      .returning<{ id: number }[]>('id');
    keptId = kept?.id ?? 0;
    otherId = other?.id ?? 0;
    await knex('contacts').insert({
      partnership_id: otherId,
      side: 'partner',
      name: 'Anna',
      created_at: 'x',
      updated_at: 'x',
    });
  });
  afterEach(async () => {
    await app.cleanup();
  });
  const stored = () =>
    app.ctx.db
      .knex('partnerships')
      .where({ id: keptId })
      .first('type', 'status', 'started_on', 'signed_on', 'signed_place', 'term_kind', 'term_until');

  it('the preview names each clash, not a refining date nor a value one record lacks, and what moves', async () => {
    const preview = await ok<{ clashes: unknown[]; moves: Record<string, number> }>(
      app.dispatch('partnerships:mergePreview', { keepId: keptId, mergeId: otherId }),
    );
    expect(preview.clashes).toEqual([
      { field: 'type', kept: 'formal', other: 'friendship' },
      { field: 'startedOn', kept: '2009', other: '2010-03-01' },
      { field: 'term', kept: 'fixed:2030-12-31', other: 'indefinite' },
    ]);
    expect(preview.moves).toEqual({ contacts: 1, activities: 0, agreements: 0, attachments: 0 });
    // Nothing written.
    expect(await app.ctx.db.knex('partnerships').where({ id: otherId }).first('id')).toEqual({ id: otherId });
  });

  it('without a choice the kept values stay; the refining date, the stated status and place come in', async () => {
    await ok(app.dispatch('partnerships:merge', { keepId: keptId, mergeId: otherId }));
    expect(await stored()).toEqual({
      type: 'formal',
      status: 'active',
      started_on: '2009',
      signed_on: '2009-06-12',
      signed_place: 'Próbowo',
      term_kind: 'fixed',
      term_until: '2030-12-31',
    });
  });

  it('the values the user takes replace the kept ones; the entry lists every change; the undo puts all back', async () => {
    const before = await stored();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keptId, mergeId: otherId, take: ['startedOn', 'term'] }),
    );
    expect(await stored()).toEqual({
      type: 'formal',
      status: 'active',
      started_on: '2010-03-01',
      signed_on: '2009-06-12',
      signed_place: 'Próbowo',
      term_kind: 'indefinite',
      term_until: null,
    });
    const history = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: keptId }));
    const entry = history.find((e) => e.id === auditId);
    const changes = Object.fromEntries((entry?.changes ?? []).map((c) => [c.field, [c.from, c.to]]));
    expect(changes).toMatchObject({
      status: ['unknown', 'active'],
      startedOn: ['2009', '2010-03-01'],
      signedOn: ['2009', '2009-06-12'],
      signedPlace: [null, 'Próbowo'],
      termKind: ['fixed', 'indefinite'],
      termUntil: ['2030-12-31', null],
    });
    expect(changes).not.toHaveProperty('type');
    await ok(app.dispatch('merges:restore', { auditId }));
    expect(await stored()).toEqual(before);
    expect(await app.ctx.db.knex('contacts').where({ partnership_id: otherId }).pluck('name')).toEqual(['Anna']);
  });

  it('a field that does not clash is not taken by naming it (the kept value stays)', async () => {
    await ok(app.dispatch('partnerships:merge', { keepId: keptId, mergeId: otherId, take: ['signedOn', 'endedOn'] }));
    expect(await stored()).toMatchObject({ signed_on: '2009-06-12', started_on: '2009' });
    const refused = await app.dispatch('partnerships:merge', { keepId: keptId, mergeId: keptId + 999, take: ['nope'] });
    expect(refused.ok).toBe(false);
  });
});
