import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestInput, RequestRow } from '../../../shared/domain/request-rules';
import type { TownSuggestion } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type TownForRequest = {
  town: TownSuggestion;
  distanceKm: number | null;
  commonThemes: string[];
  requestId: number | null;
};

describe('partner finding from the gazetteer (requests:suggestTowns) and conversion with a picked town', () => {
  let app: TestApp;
  let memberId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    // Tábor (Jihočeský kraj).
    const member = await app.ctx.db.knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    memberId = member.id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const memberSeeks = (over: Partial<RequestInput> = {}): RequestInput => ({
    direction: 'member_seeks',
    municipalityId: memberId,
    requesterName: null,
    requesterCountryCode: null,
    wantedCountryCodes: ['AT'],
    wantedSize: 'small_town',
    themes: ['culture', 'youth'],
    description: null,
    status: 'new',
    receivedOn: '2026-03-01',
    ...over,
  });
  const suggest = (id: number) => ok<TownForRequest[]>(app.dispatch('requests:suggestTowns', { id }));

  it('suggests untwinned Austrian small towns, nearest first, with what the gazetteer states', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const found = await suggest(request.id);
    expect(found).toHaveLength(10);
    for (const s of found) {
      expect(s.town.countryCode).toBe('AT');
      expect(s.town.population).toBeGreaterThanOrEqual(2_000);
      expect(s.town.population).toBeLessThan(10_000);
      expect(s.town.geonamesId).toEqual(expect.any(Number));
      expect(s.town.latitude).toEqual(expect.any(Number));
      expect(s.distanceKm).toEqual(expect.any(Number));
    }
    const distances = found.map((s) => s.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Tábor to the nearest Austrian small town: across the border, some 60–150 km.
    expect(distances[0]).toBeGreaterThan(50);
    expect(distances[0]).toBeLessThan(150);

    // No town already twinned with a Czech municipality of the registry.
    const twinned = await app.ctx.db
      .knex('foreign_towns as t')
      .whereIn('t.id', app.ctx.db.knex('partnerships').distinct('foreign_town_id'))
      .select<{ name: string; country_code: string; geonames_id: number | null }[]>(
        't.name',
        't.country_code',
        't.geonames_id',
      );
    expect(twinned.length).toBeGreaterThan(0);
    for (const t of twinned) {
      expect(found.some((s) => s.town.geonamesId === t.geonames_id && t.geonames_id !== null)).toBe(false);
      expect(found.some((s) => s.town.countryCode === t.country_code && s.town.name === t.name)).toBe(false);
    }

    // Once the nearest one is twinned (through a request turned into a partnership), it is no longer offered.
    const [nearest, second] = found;
    if (!nearest || !second) throw new Error('expected suggestions');
    const converted = await ok<{ partnershipId: number; request: RequestRow }>(
      app.dispatch('requests:toPartnership', {
        id: request.id,
        version: request.version,
        municipalityId: null,
        townName: null,
        townCountryCode: null,
        town: {
          name: nearest.town.name,
          nameCs: nearest.town.nameCs,
          countryCode: nearest.town.countryCode,
          adminRegion: null,
          population: nearest.town.population,
          latitude: nearest.town.latitude,
          longitude: nearest.town.longitude,
          geonamesId: nearest.town.geonamesId,
        },
        type: 'friendship',
        status: 'preparation',
        startedOn: null,
      }),
    );
    expect(converted.request).toMatchObject({ status: 'accepted', partnerTownName: nearest.town.name });
    // The town is stored as picked: its spelling, coordinates and gazetteer identity.
    const stored = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('p.id', converted.partnershipId)
      .first<{ name: string; latitude: number; longitude: number; geonames_id: number; population: number }>(
        't.name',
        't.latitude',
        't.longitude',
        't.geonames_id',
        't.population',
      );
    expect(stored).toEqual({
      name: nearest.town.name,
      latitude: nearest.town.latitude,
      longitude: nearest.town.longitude,
      geonames_id: nearest.town.geonamesId,
      population: nearest.town.population,
    });
    const another = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const again = await suggest(another.id);
    expect(again.map((s) => s.town.geonamesId)).not.toContain(nearest.town.geonamesId);
    expect(again[0]?.town.geonamesId).toBe(second.town.geonamesId);
  });

  it('ranks first a town whose own open request shares themes, and names that request', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const far = (await suggest(request.id)).at(-1);
    if (!far) throw new Error('expected suggestions');
    const own = await ok<RequestRow>(
      app.dispatch('requests:create', {
        direction: 'foreign_seeks',
        municipalityId: null,
        // Typed without its diacritics: still the same town.
        requesterName: far.town.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase(),
        requesterCountryCode: 'AT',
        wantedCountryCodes: ['CZ'],
        wantedSize: null,
        themes: ['youth', 'sport'],
        description: null,
        status: 'searching',
        receivedOn: null,
      }),
    );
    const found = await suggest(request.id);
    expect(found[0]).toMatchObject({
      town: { geonamesId: far.town.geonamesId },
      commonThemes: ['youth'],
      requestId: own.id,
    });
  });

  it('gives no distance for a member without coordinates, and nothing for a foreign town’s request', async () => {
    await app.ctx.db.knex('municipalities').where({ id: memberId }).update({ latitude: null, longitude: null });
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks({ wantedCountryCodes: ['SK'] })));
    const found = await suggest(request.id);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.distanceKm === null && s.town.countryCode === 'SK')).toBe(true);
    // Larger first when the distance is unknown.
    const sizes = found.map((s) => s.town.population ?? 0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    const foreign = await ok<RequestRow>(
      app.dispatch('requests:create', {
        ...memberSeeks(),
        direction: 'foreign_seeks',
        municipalityId: null,
        requesterName: 'Freistadt',
        requesterCountryCode: 'AT',
        wantedCountryCodes: ['CZ'],
      }),
    );
    expect(await suggest(foreign.id)).toEqual([]);
    expect(await app.dispatch('requests:suggestTowns', { id: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a Czech town or an unknown registry town when converting, naming the town field', async () => {
    const request = await ok<RequestRow>(app.dispatch('requests:create', memberSeeks()));
    const base = {
      id: request.id,
      version: request.version,
      municipalityId: null,
      townName: null,
      townCountryCode: null,
      type: 'friendship',
      status: 'preparation',
      startedOn: null,
    } as const;
    const count = async () =>
      Number((await app.ctx.db.knex('partnerships').count<{ n: number }[]>({ n: '*' }).first())?.n);
    const before = await count();
    expect(
      await app.dispatch('requests:toPartnership', {
        ...base,
        town: { name: 'Telč', countryCode: 'CZ', latitude: 49.18, longitude: 15.45, geonamesId: 3064673 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'town', message: 'validation.foreignCountry' }] } },
    });
    expect(await app.dispatch('requests:toPartnership', { ...base, foreignTownId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'town', message: 'validation.townRequired' }] } },
    });
    expect(await count()).toBe(before);
    expect((await ok<RequestRow[]>(app.dispatch('requests:list', {}))).find((r) => r.id === request.id)?.status).toBe(
      'new',
    );
  });
});
