import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertForeignTowns } from '../../../electron/core/repositories/foreign-towns-repository';
import { resolveExonym } from '../../../electron/core/services/towns-service';
import type { PartnershipRow, TownSuggestion } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/** The gazetteer's Voronezh (GeoNames), 2.7 km from where the 2013 import placed "Voroněž". */
const VORONEZH = 472045;

/**
 * Walkthrough 24: the 2013 import created "Voroněž" (its Czech exonym, no GeoNames id); the town
 * suggestions offered it and the gazetteer's Voronezh side by side, and picking the gazetteer's
 * added the city a second time.
 */
describe('one city, one record: a registry town without a gazetteer id and the gazetteer town it is', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const addRegistryTown = async (town: { latitude?: number; longitude?: number; population?: number }) => {
    await insertForeignTowns(
      app.ctx.db.knex,
      [{ name: 'Voroněž', countryCode: 'RU', source: 'import 1', ...town }],
      new Date().toISOString(),
    );
    const row = (await app.ctx.db.knex('foreign_towns').where({ name: 'Voroněž' }).first('id')) as { id: number };
    return row.id;
  };
  const suggest = (query: string) => ok<TownSuggestion[]>(app.dispatch('towns:suggest', { query }));
  const russianTowns = async () =>
    (await app.ctx.db.knex('foreign_towns').where({ country_code: 'RU' }).orderBy('id')) as {
      id: number;
      name: string;
      name_cs: string | null;
      geonames_id: number | null;
      population: number | null;
      latitude: number | null;
      alt_names: string | null;
      version: number;
    }[];
  /** The gazetteer's Voronezh as the suggestions list it when no registry town is it. */
  const gazetteerVoronezh = async () => {
    const town = await resolveExonym('RU', 'Voroněž');
    expect(town).toMatchObject({ name: 'Voronezh', nameCs: 'Voroněž', geonamesId: VORONEZH });
    return {
      name: town?.name ?? '',
      nameCs: town?.nameCs ?? null,
      countryCode: 'RU',
      adminRegion: null,
      population: 848_752,
      latitude: town?.latitude ?? null,
      longitude: town?.longitude ?? null,
      geonamesId: VORONEZH,
    };
  };
  const createWith = async (town: Awaited<ReturnType<typeof gazetteerVoronezh>>) => {
    const [member] = (await app.ctx.db.knex('municipalities').orderBy('id').limit(1).pluck('id')) as number[];
    return ok<PartnershipRow>(
      app.dispatch('partnerships:create', { municipalityId: member, type: 'formal', status: 'active', town }),
    );
  };

  it('the Czech exonyms of the 2013 data name their gazetteer towns', async () => {
    for (const [country, exonym, name] of [
      ['UA', 'Charkov', 'Kharkiv'],
      ['UA', 'Doněck', 'Donetsk'],
      ['RU', 'Voroněž', 'Voronezh'],
      ['TW', 'Tchaj-pej', 'Taipei'],
      ['JP', 'Kjóto', 'Kyoto'],
    ] as const)
      expect(await resolveExonym(country, exonym), exonym).toMatchObject({ name, nameCs: exonym });
    // Příbram's Čechov is the Moscow region's (55.15 / 37.48), not Sakhalin's.
    expect(await resolveExonym('RU', 'Čechov')).toMatchObject({ name: 'Chekhov', geonamesId: 569591 });
  });

  it('offers the registry town once, with the gazetteer note; picking the gazetteer town links it', async () => {
    const id = await addRegistryTown({ latitude: 51.65, longitude: 39.2 });
    for (const query of ['Voroněž', 'voronezh', 'Voro']) {
      const found = (await suggest(query)).filter((s) => ['Voroněž', 'Voronezh'].includes(s.name));
      expect(
        found.map((s) => [s.name, s.foreignTownId, s.gazetteerTown]),
        query,
      ).toEqual([['Voroněž', id, { name: 'Voronezh', population: 848_752 }]]);
    }
    // The gazetteer's town picked anyway (a dialog open before, a request's conversion): the
    // registry's record, now with the gazetteer's id and what it lacked; nothing it had replaced.
    const row = await createWith(await gazetteerVoronezh());
    expect(row.foreignTownId).toBe(id);
    const towns = await russianTowns();
    expect(towns.filter((t) => ['Voroněž', 'Voronezh'].includes(t.name))).toHaveLength(1);
    expect(towns.find((t) => t.id === id)).toMatchObject({
      name: 'Voroněž',
      name_cs: null,
      geonames_id: VORONEZH,
      population: 848_752,
      latitude: 51.65,
      alt_names: 'Voronezh',
      version: 2,
    });
    const history = (await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'foreign_towns', record_id: id })
      .orderBy('id')) as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['update']);
    // Offered again: the town has the gazetteer's id, no note is needed, no second town.
    const again = (await suggest('Voroněž')).filter((s) => ['Voroněž', 'Voronezh'].includes(s.name));
    expect(again.map((s) => [s.name, s.foreignTownId, s.geonamesId])).toEqual([['Voroněž', id, VORONEZH]]);
  });

  it('never replaces a value the registry town has', async () => {
    const id = await addRegistryTown({ latitude: 51.65, longitude: 39.2, population: 1_000_000 });
    await createWith(await gazetteerVoronezh());
    expect((await russianTowns()).find((t) => t.id === id)).toMatchObject({
      geonames_id: VORONEZH,
      population: 1_000_000,
    });
  });

  it('a town of the same name farther than 10 km is another town: both offered, both kept', async () => {
    const id = await addRegistryTown({ latitude: 51.4, longitude: 39.5 });
    const found = (await suggest('Voroněž')).filter((s) => ['Voroněž', 'Voronezh'].includes(s.name));
    expect(found.map((s) => [s.name, s.foreignTownId, s.gazetteerTown ?? null, s.maybeInRegistry ?? null])).toEqual([
      ['Voroněž', id, null, null],
      ['Voronezh', null, null, null],
    ]);
    const row = await createWith(await gazetteerVoronezh());
    expect(row.foreignTownId).not.toBe(id);
    const towns = await russianTowns();
    expect(towns.map((t) => [t.name, t.geonames_id])).toEqual([
      ['Voroněž', null],
      ['Voronezh', VORONEZH],
    ]);
  });

  it('a registry town that says nowhere where it is may be the city: both offered, the gazetteer one says so', async () => {
    const id = await addRegistryTown({});
    const found = (await suggest('voronezh')).filter((s) => ['Voroněž', 'Voronezh'].includes(s.name));
    expect(found.map((s) => [s.name, s.foreignTownId, s.maybeInRegistry ?? null])).toEqual([
      ['Voroněž', id, null],
      ['Voronezh', null, 'Voroněž'],
    ]);
    // Not merged on the name alone: picked, the gazetteer town is added as before.
    const row = await createWith(await gazetteerVoronezh());
    expect(row.foreignTownId).not.toBe(id);
    expect((await russianTowns()).find((t) => t.id === id)).toMatchObject({ geonames_id: null, version: 1 });
  });
});
