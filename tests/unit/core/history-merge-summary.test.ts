import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * A merge's history entry says what was merged into what (walkthrough 20: "sloučeno · 18:56"
 * named neither record), from what the entry holds; what it does not hold stays unknown (null).
 */
describe('merge entries name the merged records', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const stamp = { created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' };

  /** Tábor, Konstanz (its partner in the demo data) and a second record of Konstanz, "Constance". */
  async function setUp(knex: Knex) {
    const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number; name: string }>();
    const konstanz = await knex('foreign_towns').where({ name: 'Konstanz' }).first<{ id: number }>('id');
    const [copy] = await knex('foreign_towns')
      .insert({ name: 'Constance', name_key: 'constance', country_code: 'DE', ...stamp })
      .returning<{ id: number }[]>('id');
    const kept = await knex('partnerships')
      .where({ municipality_id: tabor.id, foreign_town_id: konstanz.id })
      .first<{ id: number }>('id');
    const [twin] = await knex('partnerships')
      .insert({
        municipality_id: tabor.id,
        foreign_town_id: copy?.id,
        type: 'unknown',
        status: 'unknown',
        ...stamp,
      })
      .returning<{ id: number }[]>('id');
    return { tabor, konstanz: konstanz.id, copy: copy?.id ?? 0, kept: kept.id, twin: twin?.id ?? 0 };
  }

  const historyOf = (table: 'foreign_towns' | 'partnerships', recordId: number) =>
    ok<AuditEntry[]>(app.dispatch('audit:history', { table, recordId }));

  it('a town merge names the merged town with its country and the town kept; its partnerships name the merged one', async () => {
    const knex = app.ctx.db.knex;
    const { tabor, konstanz, copy, kept } = await setUp(knex);
    const other = await knex('municipalities')
      .whereNot({ id: tabor.id })
      .where({ is_member: true })
      .first<{ id: number }>('id');
    const [moved] = await knex('partnerships')
      .insert({ municipality_id: other.id, foreign_town_id: copy, type: 'friendship', status: 'active', ...stamp })
      .returning<{ id: number }[]>('id');

    const { auditId } = await ok<{ auditId: number }>(app.dispatch('towns:merge', { keepId: konstanz, mergeId: copy }));

    const [town] = await historyOf('foreign_towns', konstanz);
    expect(town).toMatchObject({
      action: 'merge',
      merged: { kind: 'town', name: 'Constance', country: 'DE', into: 'Konstanz' },
    });
    // The kept partnership took in Tábor's partnership with the merged town: named as merged.
    expect((await historyOf('partnerships', kept))[0]).toMatchObject({
      action: 'merge',
      merged: { kind: 'partnership', name: `${tabor.name} – Constance` },
    });
    // A partnership moved to the kept town names both towns as its change; no merged record.
    const [movedEntry] = await historyOf('partnerships', moved?.id ?? 0);
    expect(movedEntry?.action).toBe('merge');
    expect(movedEntry).not.toHaveProperty('merged');

    await ok(app.dispatch('merges:restore', { auditId }));
    expect((await historyOf('partnerships', kept))[0]).toMatchObject({
      action: 'unmerge',
      merged: { kind: 'partnership', name: `${tabor.name} – Constance` },
    });
  });

  it('a partnership merge names the merged-away partnership; an older entry by the ids it holds, unknown when gone', async () => {
    const knex = app.ctx.db.knex;
    const { tabor, kept, twin } = await setUp(knex);
    await knex('activities').insert({ partnership_id: twin, date: '2023-09-02', title: 'Návštěva', ...stamp });

    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: kept, mergeId: twin }),
    );

    const [entry] = await historyOf('partnerships', kept);
    expect(entry).toMatchObject({
      id: auditId,
      action: 'merge',
      merged: { kind: 'partnership', name: `${tabor.name} – Constance`, country: null, into: null },
    });
    // The name is the one at the merge: a later rename of the town does not change it.
    await knex('foreign_towns').where({ name: 'Constance' }).update({ name: 'Konstanz am Bodensee' });
    expect((await historyOf('partnerships', kept))[0]?.merged?.name).toBe(`${tabor.name} – Constance`);

    // An entry written before merges recorded the name: named by the member and town ids its
    // snapshot holds, as the registry has them now.
    const rewrite = async (change: (after: Record<string, unknown>, before: Record<string, unknown>) => void) => {
      const row = await knex('audit_log').where({ id: auditId }).first<{ before: string; after: string }>();
      const after = JSON.parse(row.after) as Record<string, unknown>;
      const before = JSON.parse(row.before) as Record<string, unknown>;
      change(after, before);
      await knex('audit_log')
        .where({ id: auditId })
        .update({ after: JSON.stringify(after), before: JSON.stringify(before) });
    };
    await rewrite((after) => {
      delete after.mergedName;
    });
    expect((await historyOf('partnerships', kept))[0]?.merged).toEqual({
      kind: 'partnership',
      name: `${tabor.name} – Konstanz am Bodensee`,
      country: null,
      into: null,
    });
    // Its town no longer in the registry (and no merge recorded its name): not known, never guessed.
    await rewrite((_after, before) => {
      const merge = before.merge as { merged: { partnership: Record<string, unknown> } };
      merge.merged.partnership.foreign_town_id = 987654;
    });
    expect((await historyOf('partnerships', kept))[0]?.merged).toEqual({
      kind: 'partnership',
      name: null,
      country: null,
      into: null,
    });
  });

  it('entries other than merges carry no merged record; a creation keeps the values it was given', async () => {
    const knex = app.ctx.db.knex;
    const { kept } = await setUp(knex);
    const activity = await ok<{ id: number }>(
      app.dispatch('activities:create', {
        partnershipId: kept,
        date: '2023-09-02',
        title: 'Návštěva hasičů',
        fundingProgramme: 'interreg_small_projects',
        fundingAmount: 12000,
        currency: 'CZK',
      }),
    );
    const entries = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: kept, withChildren: true }),
    );
    const created = entries.find((e) => e.child?.table === 'activities' && e.action === 'insert');
    expect(created).toBeDefined();
    expect(created).not.toHaveProperty('merged');
    expect(created?.child?.label).toBe('Návštěva hasičů');
    expect(created?.changes).toEqual(
      expect.arrayContaining([
        { field: 'date', from: null, to: '2023-09-02' },
        { field: 'fundingAmount', from: null, to: 12000 },
        { field: 'currency', from: null, to: 'CZK' },
      ]),
    );
    expect(activity.id).toBeGreaterThan(0);
  });
});

/**
 * A stale edit refused because this very user changed the record in another window says so (not
 * "someone else: <their own name>"); a colleague's change still names the colleague.
 */
describe('a conflict with the same user in another window', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('says it was the user themself, and names anyone else', async () => {
    await app.ctx.preferences.set({ actorName: 'Jana Nováková' });
    const row = await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number; version: number }>();
    await ok(app.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'A' } }));
    // On a server the name carries the database account too ("Jana (postgres)"): the same display
    // name under this connection's account is the user's own change as well.
    const self = 'error.conflictBySelf';
    const stale = await app.dispatch('partnerships:update', {
      id: row.id,
      version: row.version,
      changes: { notes: 'B' },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: self } } });

    await app.ctx.preferences.set({ actorName: 'Petr Svoboda' });
    const other = await app.dispatch('partnerships:update', {
      id: row.id,
      version: row.version,
      changes: { notes: 'C' },
    });
    expect(other).toMatchObject({
      ok: false,
      error: { details: { reason: 'error.conflictBy', params: { name: expect.stringContaining('Jana Nováková') } } },
    });
    // Nothing of the refused edits was written.
    expect(await app.ctx.db.knex('partnerships').where({ id: row.id }).first('notes')).toEqual({ notes: 'A' });

    // Deleted in one window, edited in another: the deletion is the user's own too.
    const current = await app.ctx.db.knex('partnerships').where({ id: row.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: row.id, version: current.version }));
    const gone = await app.dispatch('partnerships:update', {
      id: row.id,
      version: current.version,
      changes: { notes: 'D' },
    });
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'error.deletedBySelf' } },
    });
    // A detail that loads it again is told the same.
    expect(await app.dispatch('partnerships:get', { id: row.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'error.deletedBySelf' } },
    });
  });
});
