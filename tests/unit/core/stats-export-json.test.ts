import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsFilterInput } from '../../../shared/domain/statistics/filter';
import type { Statistics } from '../../../shared/domain/statistics/schemas';
import { renderStats } from '../../../electron/core/services/statistics/stats-export-service';
import { FIXTURE_TODAY, loadStatsFixture } from '../../support/stats-fixture';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Walkthrough 27 (9b, the JSON left over): an ORP the registry knows only by its name is keyed by
 * that name in the statistics, and the JSON export gave the name as the ORP's `code`. The other
 * formats leave the code empty (stats-territory.test.ts); the JSON says `code: null`. On the
 * fixture of tests/support/stats-fixture.ts, Kaplice loses its ORP code (as an import without the
 * ORP's code leaves it); Český Krumlov (3106) and Tábor (3117) keep theirs.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await loadStatsFixture(app.ctx.db.knex);
  await app.ctx.db.knex('municipalities').where({ name: 'Kaplice' }).update({ orp_code: null });
});
afterAll(() => app.cleanup());

const statsOf = (filter: StatsFilterInput) =>
  ok<Statistics>(app.dispatch('stats:compute', { filter: { today: FIXTURE_TODAY, ...filter } }));

type JsonArea = { code: string | null; name: string; municipalities: number };
type JsonExport = {
  generator: string;
  statistics: { orps: JsonArea[]; territory: { orps: { code: string | null; name: string }[] } };
};
const jsonOf = async (stats: Statistics): Promise<JsonExport> =>
  JSON.parse((await renderStats(stats, 'json', 'cs')).toString('utf8')) as JsonExport;

describe('the statistics JSON export', () => {
  it('gives an ORP known only by its name the code null, never its name', async () => {
    const stats = await statsOf({ regions: ['CZ031'] });
    // The statistics themselves still key it by its name (the ORP filter finds it so).
    expect(stats.orps.map((o) => [o.name, o.code])).toContainEqual(['Kaplice', 'Kaplice']);
    const json = await jsonOf(stats);
    expect(json.generator).toBe('Twinning Registry');
    expect(json.statistics.orps.map((o) => [o.name, o.code, o.municipalities])).toEqual([
      ['Český Krumlov', '3106', 1],
      ['Kaplice', null, 1],
      ['Tábor', '3117', 2],
    ]);
  });

  it('says the same of the territory when the filter chose that ORP', async () => {
    const stats = await statsOf({ orps: ['Kaplice'] });
    expect(stats.total.municipalities).toBe(1);
    const json = await jsonOf(stats);
    expect(json.statistics.territory.orps).toEqual([{ code: null, name: 'Kaplice', regionCode: 'CZ031' }]);
    expect(json.statistics.orps.map((o) => [o.name, o.code])).toEqual([['Kaplice', null]]);
    // Nowhere a code that is the name.
    expect((await renderStats(stats, 'json', 'en')).toString('utf8')).not.toMatch(/"code": "Kaplice"/);
  });
});
