import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { correctUnstatedTerms, TERM_CORRECTION_MARK } from '../../../electron/core/db/unstated-terms';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Migration 0022 made an indefinite term nobody stated "not stated". A partnership put back later
 * from a copy older than 0022 (the bin, the undo of a merge) is corrected the same way, in its
 * history; a copy made after 0022 is put back as it was.
 */
describe('a term nobody stated, put back from a copy older than migration 0022', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  /** Two partnerships of Tábor as an import wrote them before 0022 (an indefinite term). */
  const legacyPair = async () => {
    const knex = app.ctx.db.knex;
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const stamp = { created_at: 'x', updated_at: 'x', country_code: 'DE' };
    const [one, two] = await knex('foreign_towns')
      .insert([
        { name: 'Altstadt', name_key: 'altstadt', ...stamp },
        { name: 'Altstadt II', name_key: 'altstadt ii', ...stamp },
      ])
      .returning<{ id: number }[]>('id');
    const row = (townId: number | undefined) => ({
      municipality_id: tabor.id,
      foreign_town_id: townId,
      type: 'unknown',
      status: 'unknown',
      term_kind: 'indefinite',
      source: 'import: smo.tsv',
      version: 1,
      created_at: 'x',
      updated_at: 'x',
    });
    const [a, b] = await knex('partnerships')
      .insert([row(one?.id), row(two?.id)])
      .returning<{ id: number }[]>('id');
    return { a: Number(a?.id), b: Number(b?.id) };
  };
  const markAt = async (id: number) =>
    app.ctx.db
      .knex('meta')
      .where({ key: TERM_CORRECTION_MARK })
      .update({ value: String(id) });
  const lastAuditId = async () =>
    Number((await app.ctx.db.knex('audit_log').max<{ id: number }>({ id: 'id' }).first())?.id ?? 0);
  const termOf = async (id: number) =>
    (await app.ctx.db.knex('partnerships').where({ id }).first<{ term_kind: string }>('term_kind')).term_kind;
  const corrections = async (id: number) =>
    Number(
      (
        await app.ctx.db
          .knex('audit_log')
          .where({ table_name: 'partnerships', record_id: id, action: 'migrate' })
          .count<{ n: number | string }[]>({ n: '*' })
      )[0]?.n,
    );

  it('a fresh registry records the mark; nothing older than it exists', async () => {
    expect(await app.ctx.db.knex('meta').where({ key: TERM_CORRECTION_MARK }).first('value')).toEqual({ value: '0' });
  });

  it('the bin: a partnership deleted before 0022 comes back "not stated", and says so in its history', async () => {
    const { a } = await legacyPair();
    const deleted = await ok<{ auditId: number }>(app.dispatch('partnerships:delete', { id: a, version: 1 }));
    await markAt(deleted.auditId); // the delete happened before the upgrade
    await ok(app.dispatch('partnerships:restore', { auditId: deleted.auditId }));
    expect(await termOf(a)).toBe('unknown');
    const history = await ok<{ action: string }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: a }),
    );
    expect(history.slice(0, 2).map((e) => e.action)).toEqual(['migrate', 'restore']);
  });

  it('the bin: a copy made after 0022 comes back as it was', async () => {
    const { a } = await legacyPair();
    const deleted = await ok<{ auditId: number }>(app.dispatch('partnerships:delete', { id: a, version: 1 }));
    await ok(app.dispatch('partnerships:restore', { auditId: deleted.auditId }));
    expect(await termOf(a)).toBe('indefinite');
    expect(await corrections(a)).toBe(0);
  });

  it('a member deleted before 0022 comes back with its partnerships corrected', async () => {
    const { a, b } = await legacyPair();
    const tabor = await app.ctx.db
      .knex('municipalities')
      .where({ code: '552046' })
      .first<{ id: number; version: number }>('id', 'version');
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: tabor.id, version: tabor.version }),
    );
    await markAt(deleted.auditId);
    await ok(app.dispatch('municipalities:restore', { auditId: deleted.auditId }));
    expect([await termOf(a), await termOf(b)]).toEqual(['unknown', 'unknown']);
    // A demo partnership of Tábor states its term: left as it is.
    const demo = await app.ctx.db
      .knex('partnerships')
      .where({ municipality_id: tabor.id, source: 'demo' })
      .pluck<string[]>('term_kind');
    expect(demo).not.toContain('unknown');
  });

  it('the undo of a merge made before 0022 does not bring the old term back over the correction', async () => {
    const { a, b } = await legacyPair();
    const merge = await ok<{ auditId: number }>(app.dispatch('partnerships:merge', { keepId: a, mergeId: b }));
    // The upgrade after the merge: 0022 corrects the kept partnership.
    await markAt(await lastAuditId());
    expect(await correctUnstatedTerms(app.ctx.db.knex, null, new Date().toISOString())).toBe(1);
    expect(await termOf(a)).toBe('unknown');
    const kept = await app.ctx.db.knex('partnerships').where({ id: a }).first<{ version: number }>('version');
    await ok(app.dispatch('prefs:set', { actorName: 'Eva Slučovatelka' }));
    await ok(app.dispatch('merges:restore', { auditId: merge.auditId }));
    expect([await termOf(a), await termOf(b)]).toEqual(['unknown', 'unknown']);
    expect([await corrections(a), await corrections(b)]).toEqual([2, 1]);
    // A colleague's save from before the undo is refused naming who undid the merge, not the correction.
    const refused = await app.dispatch('partnerships:update', {
      id: a,
      version: kept.version,
      changes: { notes: 'pozdě' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(JSON.stringify(refused)).toContain('Eva Slučovatelka');
    expect(JSON.stringify(refused)).not.toContain('migration 0022');
  });
});
