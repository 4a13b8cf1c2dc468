import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BinEntry } from '../../../electron/core/services/bin-service';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Failure = { ok: false; error: { code: string; message: string; details?: { reason?: string } } };
type UnusedTown = { id: number; version: number; name: string; countryCode: string };

/**
 * A partner town nothing names any more (walkthrough 19: "Linz am Rhein", saved by mistake, stayed
 * in the registry after its partnership was deleted) can be deleted, and the bin brings it back
 * exactly; a town still named cannot, and records that name a deleted town say so when restored.
 */
describe('deleting a partner town nothing names', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;

  /** A demo town with exactly one partnership, that partnership deleted: the town is left unused. */
  async function leftOverTown() {
    const [one] = await knex()('partnerships')
      .groupBy('foreign_town_id')
      .havingRaw('count(*) = 1')
      .orderBy('foreign_town_id')
      .select<{ foreign_town_id: number }[]>('foreign_town_id');
    const townId = Number(one?.foreign_town_id);
    const partnership = await knex()('partnerships')
      .where({ foreign_town_id: townId })
      .first<{ id: number; version: number; municipality_id: number }>('id', 'version', 'municipality_id');
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: partnership.id, version: partnership.version }),
    );
    const town = await knex()('foreign_towns').where({ id: townId }).first<Record<string, unknown>>();
    return { townId, town, partnership, partnershipAudit: deleted.auditId };
  }

  it('refuses a town that still has a partnership, naming the count, and changes nothing', async () => {
    const used = await knex()('partnerships').first<{ foreign_town_id: number }>('foreign_town_id');
    const town = await knex()('foreign_towns').where({ id: used.foreign_town_id }).first<{ version: number }>();
    const refused = (await app.dispatch('towns:delete', {
      id: used.foreign_town_id,
      version: town.version,
    })) as Failure;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('townCard.error.inUse');
    expect(await knex()('foreign_towns').where({ id: used.foreign_town_id }).first()).toBeDefined();
    const unused = await ok<UnusedTown[]>(app.dispatch('towns:unused', {}));
    expect(unused.map((t) => t.id)).not.toContain(used.foreign_town_id);
  });

  it('lists the left-over town, deletes it with its import decisions, and the bin brings back every column', async () => {
    const { townId, town } = await leftOverTown();
    // An import decided once that a file's "Linc" is this town: it goes with the town and comes back with it.
    await knex()('town_match_decisions').insert({
      country_code: town.country_code,
      name_key: 'linc-test',
      foreign_town_id: townId,
      decided_by: 'Test',
      decided_at: '2026-01-01T00:00:00.000Z',
    });
    const unused = await ok<UnusedTown[]>(app.dispatch('towns:unused', {}));
    expect(unused.find((t) => t.id === townId)?.name).toBe(town.name);

    const stale = (await app.dispatch('towns:delete', { id: townId, version: Number(town.version) + 1 })) as Failure;
    expect(stale.error.code).toBe('CONFLICT');
    expect(await knex()('foreign_towns').where({ id: townId }).first()).toBeDefined();

    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('towns:delete', { id: townId, version: Number(town.version) }),
    );
    expect(await knex()('foreign_towns').where({ id: townId }).first()).toBeUndefined();
    expect(await knex()('town_match_decisions').where({ foreign_town_id: townId }).first()).toBeUndefined();
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.find((e) => e.auditId === auditId)).toMatchObject({ table: 'foreign_towns', label: town.name });
    // Its card says who deleted it.
    const gone = (await app.dispatch('towns:card', { id: townId })) as Failure;
    expect(gone.error.details?.reason).toMatch(/^error\.deletedBy(Self)?$/);

    await ok(app.dispatch('bin:restore', { auditId }));
    const back = await knex()('foreign_towns').where({ id: townId }).first<Record<string, unknown>>();
    expect(back).toEqual(town);
    expect(await knex()('town_match_decisions').where({ foreign_town_id: townId }).pluck<string[]>('name_key')).toEqual(
      ['linc-test'],
    );
    const again = (await app.dispatch('bin:restore', { auditId })) as Failure;
    expect(again.error.details?.reason).toBe('undo.alreadyRestored');
    const history = await knex()('audit_log')
      .where({ table_name: 'foreign_towns', record_id: townId })
      .orderBy('id')
      .pluck<string[]>('action');
    expect(history.slice(-2)).toEqual(['delete', 'restore']);
  });

  it('a partnership or a member restored while its town is deleted says to restore the town first', async () => {
    const { townId, town, partnership, partnershipAudit } = await leftOverTown();
    await ok(app.dispatch('towns:delete', { id: townId, version: Number(town.version) }));
    const refused = (await app.dispatch('bin:restore', { auditId: partnershipAudit })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('undo.townGone');

    // The same through the member: deleted with its partnerships, one of them to the deleted town.
    const member = await knex()('municipalities')
      .where({ id: partnership.municipality_id })
      .first<{ id: number; version: number }>('id', 'version');
    await ok(app.dispatch('bin:restore', { auditId: (await townDeletion(townId)) ?? 0 }));
    await ok(app.dispatch('bin:restore', { auditId: partnershipAudit }));
    const memberDeleted = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: member.id, version: member.version }),
    );
    const current = await knex()('foreign_towns').where({ id: townId }).first<{ version: number }>('version');
    const inUse = (await app.dispatch('towns:delete', { id: townId, version: current.version })) as Failure;
    // The member's partnerships went with it: the town is unused again, and may go.
    expect(inUse.ok).toBe(true);
    const memberBack = (await app.dispatch('municipalities:restore', { auditId: memberDeleted.auditId })) as Failure;
    expect(memberBack.error.details?.reason).toBe('undo.townGone');
    expect(await knex()('municipalities').where({ id: member.id }).first()).toBeUndefined();
  });

  it('does not bring a town back beside a record of the same town added meanwhile', async () => {
    const { townId, town } = await leftOverTown();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('towns:delete', { id: townId, version: Number(town.version) }),
    );
    const member = await knex()('municipalities').where({ is_member: true }).first<{ id: number }>('id');
    await ok(
      app.dispatch('partnerships:create', {
        municipalityId: member.id,
        type: 'friendship',
        status: 'proposed',
        town: { name: String(town.name), countryCode: String(town.country_code) },
      }),
    );
    const refused = (await app.dispatch('bin:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.restoreTownDuplicate');
    expect(await knex()('foreign_towns').where({ id: townId }).first()).toBeUndefined();
  });

  async function townDeletion(townId: number): Promise<number | undefined> {
    const entry = await knex()('audit_log')
      .where({ table_name: 'foreign_towns', record_id: townId, action: 'delete' })
      .orderBy('id', 'desc')
      .first<{ id: number } | undefined>('id');
    return entry?.id;
  }
});
