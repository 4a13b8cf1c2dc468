import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, newMemberInput, ok, type TestApp } from '../../support/temp-db';

type Failure = {
  ok: false;
  error: { code: string; message: string; details?: { reason?: string; params?: Record<string, unknown> } };
};
type Row = { id: number; version: number };

/*
 * Walkthrough 22, finding 4: a colleague merges away the record another one has open; the save is
 * refused naming the merge (who, when, into which record), not the bin, which does not hold it.
 * Finding 1: a restore refused because the record was added again says so in the user's language.
 */
describe('a save on a record merged away meanwhile', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));

  /** Two partnerships of Tábor, with Steyregg and with Kamnik (new towns, in no demo partnership). */
  async function taborPartnerships(): Promise<{ wels: Row; loka: Row }> {
    const tabor = await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const create = (name: string, countryCode: string) =>
      ok<Row>(
        app.dispatch('partnerships:create', {
          municipalityId: tabor.id,
          type: 'friendship',
          status: 'proposed',
          town: { name, countryCode },
        }),
      );
    return { wels: await create('Steyregg', 'AT'), loka: await create('Kamnik', 'SI') };
  }

  /** The merge entry's writer and time as the audit log holds them (on a server with the database user). */
  async function mergeEntry(table: string, keptId: number) {
    return knex()('audit_log')
      .where({ table_name: table, record_id: keptId, action: 'merge' })
      .orderBy('id', 'desc')
      .first<{ actor: string; at: string; db_user: string | null; server_at: string | null }>(
        'actor',
        'at',
        'db_user',
        'server_at',
      );
  }

  it('names who merged a partnership, when and into which one', async () => {
    await actAs('Jana Nováková');
    const { wels, loka } = await taborPartnerships();
    await actAs('Petr Svoboda');
    await ok(app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }));
    await actAs('Jana Nováková');
    const refused = (await app.dispatch('partnerships:update', {
      id: wels.id,
      version: wels.version,
      changes: { notes: 'Jana’s typed notes' },
    })) as Failure;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('NOT_FOUND');
    expect(refused.error.details?.reason).toBe('merge.error.mergedInto');
    const entry = await mergeEntry('partnerships', loka.id);
    expect(refused.error.details?.params).toEqual({
      name: expect.stringMatching(/^Petr Svoboda/),
      at: entry.server_at ?? entry.at,
      into: 'Tábor – Kamnik',
    });
    expect(refused.error.details).toMatchObject({ changedAt: entry.server_at ?? entry.at });
    // Nothing written: the merged-away partnership stays gone, the kept one has no such notes.
    expect(await knex()('partnerships').where({ id: wels.id }).first()).toBeUndefined();
    const kept = await knex()('partnerships').where({ id: loka.id }).first<{ notes: string | null }>('notes');
    expect(kept.notes ?? '').not.toContain('Jana’s typed notes');
  });

  it('names the town a town card was merged into, with the current name of the kept record', async () => {
    const stamp = { created_at: 'x', updated_at: 'x' };
    const insertTown = async (name: string) => {
      const [row] = await knex()('foreign_towns')
        .insert({ name, name_key: name.toLowerCase(), country_code: 'AT', ...stamp })
        .returning<{ id: number }[]>('id');
      return row?.id ?? 0;
    };
    const keptId = await insertTown('Gmunden');
    const copyId = await insertTown('Gmundn');
    const copy = await knex()('foreign_towns').where({ id: copyId }).first<{ version: number }>('version');
    await actAs('Petr Svoboda');
    await ok(app.dispatch('towns:merge', { keepId: keptId, mergeId: copyId }));
    const refused = (await app.dispatch('towns:update', {
      id: copyId,
      version: copy.version,
      patch: { population: 62000 },
    })) as Failure;
    expect(refused.error.code).toBe('NOT_FOUND');
    expect(refused.error.details?.reason).toBe('merge.error.mergedInto');
    expect(refused.error.details?.params).toMatchObject({
      name: expect.stringMatching(/^Petr Svoboda/),
      into: 'Gmunden',
    });
    expect(await knex()('foreign_towns').where({ id: copyId }).first()).toBeUndefined();
  });

  it('does not guess a record it cannot name: the kept partnership deleted since', async () => {
    const { wels, loka } = await taborPartnerships();
    await ok(app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }));
    const kept = await knex()('partnerships').where({ id: loka.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: loka.id, version: kept.version }));
    const refused = (await app.dispatch('partnerships:update', {
      id: wels.id,
      version: wels.version,
      changes: { notes: 'x' },
    })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.error.mergedIntoGone');
    expect(refused.error.details?.params).not.toHaveProperty('into');
  });

  it('names the later delete, not an undone merge, of a record merged once', async () => {
    const { wels, loka } = await taborPartnerships();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }),
    );
    await ok(app.dispatch('merges:restore', { auditId }));
    const back = await knex()('partnerships').where({ id: wels.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: wels.id, version: back.version }));
    const refused = (await app.dispatch('partnerships:update', {
      id: wels.id,
      version: back.version,
      changes: { notes: 'x' },
    })) as Failure;
    // Said as deleted (by this user here, the same one who merged and undid).
    expect(refused.error.details?.reason).toMatch(/^error\.deletedBy/);
  });
});

describe('a restore from the bin refused because the record was added again', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('says so for a partnership between the same two towns, in the user’s language', async () => {
    const tabor = await app.ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const input = {
      municipalityId: tabor.id,
      type: 'friendship',
      status: 'proposed',
      town: { name: 'Ptuj', countryCode: 'SI' },
    };
    const first = await ok<Row>(app.dispatch('partnerships:create', input));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: first.id, version: first.version }),
    );
    await ok(app.dispatch('partnerships:create', input));
    const refused = (await app.dispatch('bin:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.restorePartnershipDuplicate');
    expect(await app.ctx.db.knex('partnerships').where({ id: first.id }).first()).toBeUndefined();
  });

  it('says so for a member whose code was added again, naming the code', async () => {
    const districts = await ok<{ id: number; code: string }[]>(app.dispatch('districts:list', {}));
    const district = districts.find((d) => d.code === 'CZ0317');
    if (!district) throw new Error('demo has district Tábor');
    const member = newMemberInput({ code: '599999', name: 'Čechtice', districtId: district.id });
    const created = await ok<Row>(app.dispatch('municipalities:create', member));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: created.id, version: created.version }),
    );
    await ok(app.dispatch('municipalities:create', member));
    const refused = (await app.dispatch('bin:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.restoreMemberDuplicate');
    expect(refused.error.details?.params).toEqual({ code: '599999' });
  });
});
