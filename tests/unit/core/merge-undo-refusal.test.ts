import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/index';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Failure = {
  ok: false;
  error: {
    code: string;
    details?: {
      reason?: string;
      params?: Record<string, unknown>;
      changedAt?: string;
      table?: string;
      recordId?: number;
    };
  };
};
type Row = { id: number; version: number };

/*
 * Walkthrough 22, finding 3: Petr merges Tábor–Wels into Tábor–Škofja Loka, Jana then edits the
 * kept record, and Petr's "Undo the merge" was refused with "The record has changed since the
 * merge" naming nobody and giving no next step. The refusal now names who changed which record
 * and when, what was merged into it, and still writes nothing (the undo would overwrite her edit).
 */
describe('a merge undo refused because the kept record changed since', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));

  /** The last audit entry of a record: its writer's time as a conflict names it. */
  const lastEntry = (table: string, id: number) =>
    knex()('audit_log')
      .where({ table_name: table, record_id: id })
      .orderBy('id', 'desc')
      .first<{ at: string; server_at: string | null }>('at', 'server_at');

  async function taborPair(): Promise<{ wels: Row; loka: Row }> {
    const tabor = await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const create = (name: string, countryCode: string, notes: string) =>
      ok<Row>(
        app.dispatch('partnerships:create', {
          municipalityId: tabor.id,
          type: 'friendship',
          status: 'proposed',
          notes,
          town: { name, countryCode },
        }),
      );
    return { wels: await create('Steyregg', 'AT', 'Wels notes'), loka: await create('Kamnik', 'SI', 'Loka notes') };
  }

  it('a partnership merge: names Jana, the time, the kept and the merged record; nothing changes', async () => {
    const { wels, loka } = await taborPair();
    await actAs('Petr Svoboda');
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }),
    );
    await actAs('Jana Nováková');
    const kept = await knex()('partnerships').where({ id: loka.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:update', { id: loka.id, version: kept.version, changes: { notes: 'Jana' } }));
    const janaAt = await lastEntry('partnerships', loka.id);
    const stateBefore = await knex()('partnerships').orderBy('id').select();

    await actAs('Petr Svoboda');
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    expect(refused.error.details?.params).toEqual({
      kept: 'Tábor – Kamnik',
      merged: 'Tábor – Steyregg',
      name: expect.stringMatching(/^Jana Nováková/),
    });
    expect(refused.error.details?.changedAt).toBe(janaAt.server_at ?? janaAt.at);
    expect(refused.error.details).toMatchObject({ table: 'partnerships', recordId: loka.id });
    // Said in both languages with every placeholder filled.
    for (const language of ['cs', 'en'] as const) {
      const text = translate(language, 'merge.error.changedSinceBy', {
        ...(refused.error.details?.params as Record<string, string>),
        at: 'x',
      });
      expect(text).toContain('Jana Nováková');
      expect(text).toContain('Tábor – Steyregg');
      expect(text).not.toMatch(/[{}]/);
    }
    // Nothing written: Wels stays merged away, Jana's notes stay.
    expect(await knex()('partnerships').orderBy('id').select()).toEqual(stateBefore);
    expect(await knex()('partnerships').where({ id: wels.id }).first()).toBeUndefined();
  });

  it('a town merge: names who changed the kept town', async () => {
    const stamp = { created_at: 'x', updated_at: 'x' };
    const insertTown = async (name: string) => {
      const [row] = await knex()('foreign_towns')
        .insert({ name, name_key: name.toLowerCase(), country_code: 'AT', ...stamp })
        .returning<{ id: number }[]>('id');
      return row?.id ?? 0;
    };
    const keptId = await insertTown('Gmunden');
    const copyId = await insertTown('Gmundn');
    await actAs('Petr Svoboda');
    const { auditId } = await ok<{ auditId: number }>(app.dispatch('towns:merge', { keepId: keptId, mergeId: copyId }));
    await actAs('Jana Nováková');
    const town = await knex()('foreign_towns').where({ id: keptId }).first<{ version: number }>('version');
    await ok(app.dispatch('towns:update', { id: keptId, version: town.version, patch: { population: 13000 } }));
    await actAs('Petr Svoboda');
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    expect(refused.error.details?.params).toEqual({
      kept: 'Gmunden',
      merged: 'Gmundn',
      name: expect.stringMatching(/^Jana Nováková/),
    });
    expect(await knex()('foreign_towns').where({ id: copyId }).first()).toBeUndefined();
    expect(await knex()('foreign_towns').where({ id: keptId }).first('population')).toEqual({ population: 13000 });
  });

  it('a merge nobody touched since is still undone', async () => {
    const { wels, loka } = await taborPair();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }),
    );
    await ok(app.dispatch('merges:restore', { auditId }));
    expect(await knex()('partnerships').where({ id: wels.id }).first('notes')).toEqual({ notes: 'Wels notes' });
  });
});
