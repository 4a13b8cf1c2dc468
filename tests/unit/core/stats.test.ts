import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats, computeMap } from '../../../electron/core/services/statistics/statistics-service';
import { shiftYears, yearSeries, type AreaFigures, type Statistics } from '../../../shared/domain/statistics';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Every figure checked against the fixture in tests/support/stats-fixture.ts, whose partnerships
 * are numbered #1..#8 there. The expected values were counted by hand from that table; the
 * comment next to each says how. `today` is 2025-06-15, so with the default 3 years a running
 * partnership is dormant when its latest activity (or, without any, its start) is before
 * 2022-06-15, and a fixed term "expires within 12 months" when it ends 2025-06-15..2026-06-15.
 */
let app: TestApp;
let stats: Statistics;
const today = FIXTURE_TODAY;

beforeAll(async () => {
  app = await createTestApp();
  await loadStatsFixture(app.ctx.db.knex);
  stats = await computeStats(app.ctx.db.knex, { today });
});
afterAll(() => app.cleanup());

const pick = (f: AreaFigures) => ({
  code: f.code,
  name: f.name,
  municipalities: f.municipalities,
  withActive: f.withActive,
  population: f.population,
  partnerships: f.partnerships,
  byType: f.byType,
  byStatus: f.byStatus,
  dormant: f.dormant,
  expiring: f.expiring,
});

describe('statistics of the hand-counted fixture (members only, no other filter)', () => {
  it('national total', () => {
    expect(pick(stats.total)).toEqual({
      code: 'CZ',
      name: '',
      municipalities: 5, // members A, B, C, D, F (E is not a member)
      withActive: 2, // A (#1, #2 active) and D (#5, #8 active); C's only one is dormant, B's ended
      population: 440000, // 34 000 + 7 000 + 13 000 + 380 000 + 6 000
      partnerships: 7, // #1–#6 and #8 (#7 belongs to the non-member E)
      byType: { formal: 4, friendship: 1, project: 1, informal: 1, unknown: 0 }, // formal #1 #4 #5 #6; #2; #3; #8
      byStatus: { proposed: 1, preparation: 0, active: 4, dormant: 1, ended: 1, unknown: 0 }, // #6; –; #1 #2 #5 #8; #4; #3
      dormant: 2, // #2 (nothing since its start 2001) and #5 (last activity 2021-09-01); #4 had one in 2023
      expiring: 1, // #2 ends 2026-01-31; #3 is ended, #5 ends 2027-01-01
    });
    expect(stats.total.activeShare).toBeCloseTo(2 / 5, 10);
    expect(stats.total.per10k).toBeCloseTo((7 * 10000) / 440000, 10); // 0.159…
  });

  it('per region, in Czech order, with an empty region listed', () => {
    expect(stats.regions.map(pick)).toEqual([
      {
        code: 'CZ010',
        name: 'Hlavní město Praha', // no municipalities at all: zeros
        municipalities: 0,
        withActive: 0,
        population: 0,
        partnerships: 0,
        byType: { formal: 0, friendship: 0, project: 0, informal: 0, unknown: 0 },
        byStatus: { proposed: 0, preparation: 0, active: 0, dormant: 0, ended: 0, unknown: 0 },
        dormant: 0,
        expiring: 0,
      },
      {
        code: 'CZ031',
        name: 'Jihočeský kraj', // members A, B, C, F; partnerships #1–#4
        municipalities: 4,
        withActive: 1, // A
        population: 60000, // 34 000 + 7 000 + 13 000 + 6 000
        partnerships: 4,
        byType: { formal: 2, friendship: 1, project: 1, informal: 0, unknown: 0 }, // #1 #4; #2; #3
        byStatus: { proposed: 0, preparation: 0, active: 2, dormant: 1, ended: 1, unknown: 0 }, // #1 #2; #4; #3
        dormant: 1, // #2
        expiring: 1, // #2
      },
      {
        code: 'CZ064',
        name: 'Jihomoravský kraj', // member D; partnerships #5, #6, #8
        municipalities: 1,
        withActive: 1,
        population: 380000,
        partnerships: 3,
        byType: { formal: 2, friendship: 0, project: 0, informal: 1, unknown: 0 }, // #5 #6; #8
        byStatus: { proposed: 1, preparation: 0, active: 2, dormant: 0, ended: 0, unknown: 0 }, // #6; #5 #8
        dormant: 1, // #5
        expiring: 0,
      },
    ]);
    const [praha, jihocesky, jihomoravsky] = stats.regions;
    expect(praha?.activeShare).toBeNull(); // no municipalities: no share
    expect(praha?.per10k).toBeNull(); // no population
    expect(jihocesky?.activeShare).toBeCloseTo(1 / 4, 10);
    expect(jihocesky?.per10k).toBeCloseTo((4 * 10000) / 60000, 10); // 0.667
    expect(jihomoravsky?.activeShare).toBe(1);
    expect(jihomoravsky?.per10k).toBeCloseTo((3 * 10000) / 380000, 10); // 0.0789
  });

  it('drill-down to districts', () => {
    expect(
      stats.districts.map((d) => [
        d.regionCode,
        d.code,
        d.name,
        d.municipalities,
        d.withActive,
        d.population,
        d.partnerships,
        d.dormant,
        d.expiring,
      ]),
    ).toEqual([
      // Jihočeský kraj first, then its districts in Czech order (Č before T)
      ['CZ031', 'CZ0312', 'Český Krumlov', 2, 0, 19000, 1, 0, 0], // C, F; #4 (dormant status but active in 2023)
      ['CZ031', 'CZ0317', 'Tábor', 2, 1, 41000, 3, 1, 1], // A, B (E not a member); #1 #2 #3; #2 dormant + expiring
      ['CZ064', 'CZ0642', 'Brno-město', 1, 1, 380000, 3, 1, 0], // D; #5 #6 #8
    ]);
    expect(stats.districts[0]?.activeShare).toBe(0);
    expect(stats.districts[0]?.per10k).toBeCloseTo(10000 / 19000, 10);
    expect(stats.districts[1]?.activeShare).toBe(0.5);
    expect(stats.districts[1]?.per10k).toBeCloseTo(30000 / 41000, 10);
  });

  it('drill-down to ORP', () => {
    expect(
      stats.orps.map((o) => [
        o.regionCode,
        o.code,
        o.name,
        o.municipalities,
        o.withActive,
        o.partnerships,
        o.population,
      ]),
    ).toEqual([
      ['CZ031', '3106', 'Český Krumlov', 1, 0, 1, 13000], // C; #4
      ['CZ031', '3105', 'Kaplice', 1, 0, 0, 6000], // F, no partnerships
      ['CZ031', '3117', 'Tábor', 2, 1, 3, 41000], // A, B; #1 #2 #3
      ['CZ064', '6202', 'Brno', 1, 1, 3, 380000], // D
    ]);
    expect(stats.orps[1]?.per10k).toBe(0);
    expect(stats.orps[1]?.activeShare).toBe(0);
  });

  it('started per year and per decade (unknown start last)', () => {
    expect(stats.years).toEqual([
      { year: 1973, count: 1 }, // #5
      { year: 1984, count: 1 }, // #1
      { year: 1995, count: 1 }, // #4
      { year: 2001, count: 1 }, // #2
      { year: 2010, count: 1 }, // #3
      { year: 2019, count: 1 }, // #8
      { year: null, count: 1 }, // #6
    ]);
    expect(stats.decades).toEqual([
      { decade: 1970, count: 1 },
      { decade: 1980, count: 1 },
      { decade: 1990, count: 1 },
      { decade: 2000, count: 1 },
      { decade: 2010, count: 2 }, // 2010 and 2019
      { decade: null, count: 1 },
    ]);
  });

  it('partner countries, top countries and the region × country matrix', () => {
    // DE: #1 #5 #6; then one each, ties in code order: AT #8, GB #4, IT #2, PL #3
    expect(stats.countries.map((c) => [c.countryCode, c.count])).toEqual([
      ['DE', 3],
      ['AT', 1],
      ['GB', 1],
      ['IT', 1],
      ['PL', 1],
    ]);
    expect(stats.countries[0]?.share).toBeCloseTo(3 / 7, 10);
    expect(stats.topCountries).toEqual(stats.countries); // fewer than 10
    expect(stats.matrix.countries).toEqual(['DE', 'AT', 'GB', 'IT', 'PL']);
    expect(stats.matrix.rows).toEqual([
      { regionCode: 'CZ010', regionName: 'Hlavní město Praha', counts: [0, 0, 0, 0, 0], total: 0 },
      { regionCode: 'CZ031', regionName: 'Jihočeský kraj', counts: [1, 0, 1, 1, 1], total: 4 }, // #1 DE, #4 GB, #2 IT, #3 PL
      { regionCode: 'CZ064', regionName: 'Jihomoravský kraj', counts: [2, 1, 0, 0, 0], total: 3 }, // #5 #6 DE, #8 AT
    ]);
  });

  it('areas of cooperation', () => {
    // culture: #1 #2 #4 #5 #8; one each: education #1, youth #8, tourism #2, economy #5, environment #3
    // (ties in the order of the code list); sport only in #7 (non-member) so 0
    expect(stats.areas.slice(0, 7).map((a) => [a.area, a.count])).toEqual([
      ['culture', 5],
      ['education', 1],
      ['youth', 1],
      ['tourism', 1],
      ['economy', 1],
      ['environment', 1],
      ['sport', 0],
    ]);
    expect(stats.areas).toHaveLength(14);
    // Shares are of the partnerships that name an area: 6 of the 7 (#6 names none).
    expect(stats.areasStated).toBe(6);
    expect(stats.areas[0]?.share).toBeCloseTo(5 / 6, 10);
  });

  it('activities and funding per programme and year, amounts per currency', () => {
    expect(stats.funding.currencies).toEqual(['CZK', 'EUR']);
    expect(stats.funding.byProgrammeYear).toEqual([
      { programme: 'cerv_town_twinning', year: 2023, activities: 1, participants: 30, amounts: { EUR: 5000 } }, // #1
      { programme: 'interreg_small_projects', year: 2021, activities: 1, participants: 100, amounts: { EUR: 12000 } }, // #5
      { programme: 'municipal_budget', year: 2024, activities: 1, participants: 49, amounts: { CZK: 78000 } }, // #1 (#7 is E's)
      { programme: 'regional_grant', year: 2025, activities: 2, participants: 15, amounts: { CZK: 23000 } }, // #8: 20 000 + 3 000; 15 + unknown
      { programme: null, year: 2023, activities: 1, participants: 20, amounts: {} }, // #4, nothing paid
    ]);
    expect(stats.funding.byProgramme.map((r) => [r.programme, r.year, r.activities])).toEqual([
      ['cerv_town_twinning', null, 1],
      ['interreg_small_projects', null, 1],
      ['municipal_budget', null, 1],
      ['regional_grant', null, 2],
      [null, null, 1],
    ]);
    // 6 activities, 30 + 100 + 49 + 15 + 20 = 214 people; CZK and EUR never added together
    expect(stats.funding.total).toEqual({
      programme: null,
      year: null,
      activities: 6,
      participants: 214,
      amounts: { CZK: 101000, EUR: 17000 },
    });
  });

  it('echoes the filter with the day used', () => {
    expect(stats.filter).toMatchObject({ membership: 'members', dormantYears: 3, today });
  });
});

describe('every figure respects the filter', () => {
  const run = (filter: Record<string, unknown>) => computeStats(app.ctx.db.knex, { today, ...filter });

  it('year range of the start leaves out unknown starts', async () => {
    const s = await run({ fromYear: 1990, toYear: 2010 });
    expect(s.total.partnerships).toBe(3); // #2 2001, #3 2010, #4 1995 (#6 has no start)
    expect(s.total.withActive).toBe(1); // A through #2
    expect(s.total.municipalities).toBe(5); // municipalities do not depend on partnership filters
    expect(s.years.map((y) => y.year)).toEqual([1995, 2001, 2010]);
    expect(s.countries.map((c) => [c.countryCode, c.count])).toEqual([
      ['GB', 1],
      ['IT', 1],
      ['PL', 1],
    ]);
    expect(s.areas.slice(0, 3).map((a) => [a.area, a.count])).toEqual([
      ['culture', 2], // #2 #4
      ['tourism', 1],
      ['environment', 1],
    ]);
    expect(s.funding.total.activities).toBe(1); // only #4's activity
    expect(s.total.dormant).toBe(1); // #2
    expect(s.total.expiring).toBe(1); // #2
  });

  it('type', async () => {
    const s = await run({ types: ['formal'] });
    expect(s.total.partnerships).toBe(4); // #1 #4 #5 #6
    expect(s.total.byType).toEqual({ formal: 4, friendship: 0, project: 0, informal: 0, unknown: 0 });
    expect(s.countries.map((c) => [c.countryCode, c.count])).toEqual([
      ['DE', 3],
      ['GB', 1],
    ]);
    expect(s.funding.total).toMatchObject({ activities: 4, participants: 199, amounts: { CZK: 78000, EUR: 17000 } }); // #1 ×2, #4, #5
    expect(s.total.expiring).toBe(0); // #2 is a friendship
  });

  it('status', async () => {
    const s = await run({ statuses: ['active'] });
    expect(s.total.partnerships).toBe(4); // #1 #2 #5 #8
    expect(s.total.withActive).toBe(2);
    expect(s.total.byStatus.active).toBe(4);
    expect(s.total.byStatus.dormant).toBe(0);
    expect(s.funding.total).toMatchObject({ activities: 5, participants: 194 }); // 49 + 30 + 100 + 15
  });

  it('membership: all and non-members', async () => {
    const all = await run({ membership: 'all' });
    expect(all.total.municipalities).toBe(6);
    expect(all.total.population).toBe(444000);
    expect(all.total.partnerships).toBe(8);
    expect(all.total.withActive).toBe(3); // A, D, E
    expect(all.countries.find((c) => c.countryCode === 'PL')?.count).toBe(2); // #3, #7
    expect(all.areas.find((a) => a.area === 'sport')?.count).toBe(1);
    expect(all.funding.total.amounts).toEqual({ CZK: 102000, EUR: 17000 });
    const non = await run({ membership: 'nonMembers' });
    expect(non.total).toMatchObject({ municipalities: 1, partnerships: 1, withActive: 1, population: 4000 });
    expect(non.districts.map((d) => d.code)).toEqual(['CZ0317']);
  });

  it('region', async () => {
    const s = await run({ region: 'CZ064' });
    expect(s.regions.map((r) => r.code)).toEqual(['CZ064']);
    expect(s.total).toMatchObject({ municipalities: 1, partnerships: 3, population: 380000 });
    expect(s.countries.map((c) => [c.countryCode, c.count])).toEqual([
      ['DE', 2],
      ['AT', 1],
    ]);
    expect(s.districts.map((d) => d.code)).toEqual(['CZ0642']);
    expect(s.funding.total).toMatchObject({ activities: 3, amounts: { CZK: 23000, EUR: 12000 } });
  });

  it('dormant years chosen by the user', async () => {
    expect((await run({ dormantYears: 5 })).total.dormant).toBe(1); // cut-off 2020-06-15: only #2
    expect((await run({ dormantYears: 1 })).total.dormant).toBe(3); // cut-off 2024-06-15: #2, #4 (2023), #5
  });

  it('today moves the expiry window', async () => {
    expect((await run({ today: '2026-02-01' })).total.expiring).toBe(1); // #5 ends 2027-01-01, #2 already over
    expect((await run({ today: '2024-01-01' })).total.expiring).toBe(0); // #2 ends more than 12 months later
  });
});

describe('map data', () => {
  it('draws the filtered partnerships as points, lines and region bubbles', async () => {
    const map = await computeMap(app.ctx.db.knex, { today });
    expect(map.links).toHaveLength(7);
    expect(map.members.map((m) => m.name).sort()).toEqual(['Brno', 'Sezimovo Ústí', 'Tábor', 'Český Krumlov']);
    expect(map.towns.find((t) => t.name === 'Konstanz')).toMatchObject({ countryCode: 'DE', partnerships: 1 });
    expect(map.regions.map((r) => [r.code, r.partnerships])).toEqual([
      ['CZ031', 4],
      ['CZ064', 3],
    ]);
    const formal = await computeMap(app.ctx.db.knex, { today, types: ['informal'] });
    expect(formal.links).toHaveLength(1);
    expect(formal.towns.map((t) => t.name)).toEqual(['Wien']);
  });
});

describe('stats channels', () => {
  it('stats:compute answers through the gate and refuses a bad filter', async () => {
    const value = await ok<Statistics>(app.dispatch('stats:compute', { filter: { today } }));
    expect(value.total.partnerships).toBe(7);
    const bad = await app.dispatch('stats:compute', { filter: { fromYear: 2020, toYear: 2000 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the read-only connections (queries at once) give exactly the figures of the writer', async () => {
    expect(await computeStats(app.ctx.db.reader, { today })).toEqual(stats);
    const filter = { today, types: ['formal' as const], fromYear: 1990, toYear: 2020, dormantYears: 1 };
    expect(await computeStats(app.ctx.db.reader, filter)).toEqual(await computeStats(app.ctx.db.knex, filter));
  });
});

describe('the per-year chart', () => {
  it('has every year from the first to the last, zeros between, unknown years left out', () => {
    expect(
      yearSeries([
        { year: 2001, count: 2 },
        { year: null, count: 5 },
        { year: 1998, count: 1 },
      ]),
    ).toEqual([
      { year: 1998, count: 1 },
      { year: 1999, count: 0 },
      { year: 2000, count: 0 },
      { year: 2001, count: 2 },
    ]);
    expect(yearSeries([{ year: null, count: 3 }])).toEqual([]);
  });

  it('spans the years a filter names (the "Podle roku" table of 1990–2005), a century beyond the data at most', () => {
    const years = [
      { year: 1991, count: 2 },
      { year: 2004, count: 1 },
    ];
    const series = yearSeries(years, { fromYear: 1990, toYear: 2005 });
    expect(series.map((y) => y.year)).toEqual(Array.from({ length: 16 }, (_, i) => 1990 + i));
    expect(series.reduce((sum, y) => sum + y.count, 0)).toBe(3);
    expect(series[0]).toEqual({ year: 1990, count: 0 });
    expect(yearSeries(years, { fromYear: 1000, toYear: null })[0]?.year).toBe(1891);
  });
});

describe('dates', () => {
  it('shifts by whole years and keeps leap days valid', () => {
    expect(shiftYears('2025-06-15', -3)).toBe('2022-06-15');
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2024-02-29', -4)).toBe('2020-02-29');
  });
});

describe('a population the registry does not know', () => {
  it('makes the sum of its areas unknown (never a partial sum), and their partnerships per 10,000 with it', async () => {
    const own = await createTestApp();
    try {
      await loadStatsFixture(own.ctx.db.knex);
      // Kaplice (F, CZ0312 Český Krumlov, CZ031, a member without partnerships): population unknown.
      await own.ctx.db.knex('municipalities').where({ code: '000006' }).update({ population: null });
      const s = await computeStats(own.ctx.db.knex, { today });
      expect(s.total.population).toBeNull(); // not 434 000: Kaplice's is not known
      expect(s.total.per10k).toBeNull();
      expect(s.total).toMatchObject({ municipalities: 5, populationKnown: 4 }); // said on the card
      const region = (code: string) => s.regions.find((r) => r.code === code);
      expect(region('CZ031')?.population).toBeNull();
      expect(region('CZ031')?.per10k).toBeNull();
      expect(s.districts.find((d) => d.code === 'CZ0312')?.population).toBeNull();
      // The areas whose populations are all known keep their sums.
      expect(s.districts.find((d) => d.code === 'CZ0317')?.population).toBe(41000); // 34 000 + 7 000
      expect(region('CZ064')).toMatchObject({ population: 380000 });
      expect(region('CZ064')?.per10k).toBeCloseTo((3 * 10000) / 380000, 10);
      expect(region('CZ010')?.population).toBe(0); // no municipalities: nothing unknown
    } finally {
      await own.cleanup();
    }
  });
});
