import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import {
  MEMBERSHIP_FILTERS,
  STATS_FIGURES,
  membershipFlag,
  passesMembership,
  type StatsFigure,
  type StatsFilterInput,
} from '../../../shared/domain/statistics/filter';
import type { Statistics } from '../../../shared/domain/statistics/schemas';
import { figureCount } from '../../../shared/domain/statistics/tables';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * A key figure of the statistics opens a grid filtered to exactly the rows it counts: core answers
 * their ids (`stats:figureRows`) by the same SQL as the figure, and the grids apply membership by
 * the same rule (`passesMembership`) as the statistics' SQL (`membershipFlag`).
 */
const figureOf = (stats: Statistics, figure: StatsFigure): number => figureCount(stats.total, figure);

const FILTERS: StatsFilterInput[] = [
  {},
  { membership: 'all' },
  { membership: 'nonMembers' },
  { region: 'CZ031' },
  { region: 'CZ064', membership: 'all' },
  { fromYear: 1990, toYear: 2010 },
  { types: ['formal'] },
  { statuses: ['active'] },
  { statuses: ['ended'] },
  { dormantYears: 1 },
  { today: '2026-02-01' },
  { region: 'CZ031', types: ['friendship'], fromYear: 2000 },
];

describe('the rows of each key figure (hand-counted fixture)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await loadStatsFixture(app.ctx.db.knex);
  });
  afterAll(() => app.cleanup());

  const rowsOf = (filter: StatsFilterInput, figure: StatsFigure) =>
    ok<{ ids: number[] }>(app.dispatch('stats:figureRows', { filter: { today: FIXTURE_TODAY, ...filter }, figure }));

  it('for every figure and filter, as many rows as the figure says', async () => {
    for (const filter of FILTERS) {
      const stats = await ok<Statistics>(
        app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }),
      );
      for (const figure of STATS_FIGURES) {
        const { ids } = await rowsOf(filter, figure);
        expect({ filter, figure, rows: ids.length }).toEqual({ filter, figure, rows: figureOf(stats, figure) });
        expect(new Set(ids).size).toBe(ids.length);
      }
    }
  });

  it('names exactly the counted rows', async () => {
    const partnerships = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const members = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    const towns = async (filter: StatsFilterInput, figure: StatsFigure) => {
      const { ids } = await rowsOf(filter, figure);
      return partnerships
        .filter((p) => ids.includes(p.id))
        .map((p) => p.townName)
        .sort();
    };
    const places = async (filter: StatsFilterInput, figure: StatsFigure) => {
      const { ids } = await rowsOf(filter, figure);
      return members
        .filter((m) => ids.includes(m.id))
        .map((m) => m.name)
        .sort();
    };
    expect(await towns({}, 'dormant')).toEqual(['Leipzig', 'Orvieto']); // #2 and #5
    expect(await towns({}, 'expiring')).toEqual(['Orvieto']); // #2
    expect(await towns({ membership: 'nonMembers' }, 'partnerships')).toEqual(['Kraków']); // #7
    expect(await places({}, 'withActive')).toEqual(['Brno', 'Tábor']); // A, D
    expect(await places({ membership: 'all' }, 'withActive')).toEqual(['Brno', 'Planá nad Lužnicí', 'Tábor']);
    expect(await places({ region: 'CZ031' }, 'municipalities')).toEqual([
      'Kaplice',
      'Sezimovo Ústí',
      'Tábor',
      'Český Krumlov',
    ]);
  });

  it('refuses an unknown figure and a reversed year range at the gate', async () => {
    expect(await app.dispatch('stats:figureRows', { filter: {}, figure: 'countries' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(
      await app.dispatch('stats:figureRows', { filter: { fromYear: 2010, toYear: 2000 }, figure: 'partnerships' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('the grids apply membership by the rule the statistics count with', async () => {
    const partnerships = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    const members = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    for (const membership of MEMBERSHIP_FILTERS) {
      const stats = await ok<Statistics>(
        app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, membership } }),
      );
      expect(partnerships.filter((p) => passesMembership(membership, p.municipalityIsMember))).toHaveLength(
        stats.total.partnerships,
      );
      expect(members.filter((m) => passesMembership(membership, m.isMember))).toHaveLength(stats.total.municipalities);
    }
    expect(membershipFlag('members')).toBe(true);
    expect(membershipFlag('nonMembers')).toBe(false);
    expect(membershipFlag('all')).toBeNull();
    // The partnership row carries its municipality's membership as stored.
    const krakow = partnerships.find((p) => p.townName === 'Kraków');
    expect(krakow?.municipalityIsMember).toBe(false);
    expect(partnerships.find((p) => p.townName === 'Konstanz')?.municipalityIsMember).toBe(true);
  });
});

describe('the rows of each key figure (demo registry)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ demo: true });
  });
  afterAll(() => app.cleanup());

  it('for every figure, the whole registry and Kraj Vysočina, as many rows as the figure says', async () => {
    for (const filter of [{}, { region: 'CZ063' }, { region: 'CZ063', fromYear: 1990, toYear: 2005 }]) {
      const stats = await ok<Statistics>(app.dispatch('stats:compute', { filter }));
      for (const figure of STATS_FIGURES) {
        const { ids } = await ok<{ ids: number[] }>(app.dispatch('stats:figureRows', { filter, figure }));
        expect({ filter, figure, rows: ids.length }).toEqual({ filter, figure, rows: figureOf(stats, figure) });
      }
    }
  });
});
