import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertForeignTowns } from '../../../electron/core/repositories/foreign-towns-repository';
import { resolveExonym } from '../../../electron/core/services/towns-service';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { TownCard } from '../../../shared/domain/town-card';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Refusal = { ok: false; error: { code: string; details?: { reason?: string; field?: string } } };

/**
 * A partner town's history puts back one past change, as a member's and a partnership's do: a card
 * edit, and the gazetteer link with the empty fields a suggestion filled (walkthrough 25: the
 * automatic link of "Voroněž" to the gazetteer's Voronezh had no way back).
 */
describe('towns:revert puts back one change of a partner town', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const card = (id: number) => ok<TownCard>(app.dispatch('towns:card', { id }));
  const entries = async (id: number) =>
    (await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'foreign_towns', record_id: id })
      .orderBy('id')
      .select('id', 'action')) as { id: number; action: string }[];
  const aTown = async () => {
    const [id] = (await app.ctx.db.knex('foreign_towns').orderBy('id').limit(1).pluck('id')) as number[];
    if (id === undefined) throw new Error('the demo registry has no partner town');
    return id;
  };

  it('a card edit: the values it replaced come back, audited as a new change', async () => {
    const id = await aTown();
    const start = await card(id);
    await ok(
      app.dispatch('towns:update', {
        id,
        version: start.version,
        patch: { mayorName: 'Hans Müller', address: 'Rathausplatz 1' },
      }),
    );
    await ok(app.dispatch('towns:update', { id, version: start.version + 1, patch: { notes: 'kept' } }));
    const [edit] = (await entries(id)).filter((e) => e.action === 'update');
    if (edit === undefined) throw new Error('no audit entry of the edit');
    const reverted = await ok<TownCard>(app.dispatch('towns:revert', { auditId: edit.id }));
    expect(reverted).toMatchObject({
      mayorName: start.mayorName,
      address: start.address,
      notes: 'kept',
      version: start.version + 3,
    });
    expect((await entries(id)).filter((e) => e.action === 'update')).toHaveLength(3);
  });

  it('refuses when a field changed since, naming it, and changes nothing', async () => {
    const id = await aTown();
    const start = await card(id);
    await ok(app.dispatch('towns:update', { id, version: start.version, patch: { mayorName: 'Hans Müller' } }));
    await ok(app.dispatch('towns:update', { id, version: start.version + 1, patch: { mayorName: 'Eva Weber' } }));
    const [first] = (await entries(id)).filter((e) => e.action === 'update');
    if (first === undefined) throw new Error('no audit entry of the edit');
    const refused = (await app.dispatch('towns:revert', { auditId: first.id })) as Refusal;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toMatch(/^history\.error\.changedSince/);
    expect(await card(id)).toMatchObject({ mayorName: 'Eva Weber', version: start.version + 2 });
  });

  it("a suggestion's link to the gazetteer and the fields it filled go back; the partnership stays", async () => {
    await insertForeignTowns(
      app.ctx.db.knex,
      [{ name: 'Voroněž', countryCode: 'RU', source: 'import 1', latitude: 51.65, longitude: 39.2 }],
      new Date().toISOString(),
    );
    const { id } = (await app.ctx.db.knex('foreign_towns').where({ name: 'Voroněž' }).first('id')) as { id: number };
    const gazetteer = await resolveExonym('RU', 'Voroněž');
    if (gazetteer === null) throw new Error('the gazetteer has no Voronezh');
    const [member] = (await app.ctx.db.knex('municipalities').orderBy('id').limit(1).pluck('id')) as number[];
    const row = await ok<PartnershipRow>(
      app.dispatch('partnerships:create', {
        municipalityId: member,
        type: 'formal',
        status: 'active',
        town: {
          name: gazetteer.name,
          nameCs: gazetteer.nameCs,
          countryCode: 'RU',
          adminRegion: null,
          population: 848_752,
          latitude: gazetteer.latitude,
          longitude: gazetteer.longitude,
          geonamesId: gazetteer.geonamesId,
        },
      }),
    );
    expect(row.foreignTownId).toBe(id);
    expect(await card(id)).toMatchObject({ geonamesId: gazetteer.geonamesId, population: 848_752 });
    const [link] = await entries(id);
    if (link === undefined) throw new Error('the link wrote no audit entry');
    await ok(app.dispatch('towns:revert', { auditId: link.id }));
    expect(await card(id)).toMatchObject({
      name: 'Voroněž',
      geonamesId: null,
      population: null,
      altNames: [],
      latitude: 51.65,
    });
    const partnership = (await app.ctx.db.knex('partnerships').where({ id: row.id }).first('foreign_town_id')) as {
      foreign_town_id: number;
    };
    expect(partnership.foreign_town_id).toBe(id);
  });

  it('an entry of another record is not a change of a town', async () => {
    const entry = (await app.ctx.db.knex('audit_log').whereNot({ table_name: 'foreign_towns' }).first('id')) as
      { id: number } | undefined;
    const auditId = entry?.id ?? 1;
    const refused = (await app.dispatch('towns:revert', { auditId })) as Refusal;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('NOT_FOUND');
  });
});
