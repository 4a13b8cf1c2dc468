import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('demo data', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('loads into an empty registry: all regions and districts, ~40 members, ~100 partnerships', async () => {
    const { counts } = await ok<{ counts: Record<string, number> }>(app.dispatch('app:loadDemo', {}));
    expect(counts.regions).toBe(14);
    expect(counts.districts).toBe(77);
    expect(counts.municipalities).toBeGreaterThanOrEqual(35);
    expect(counts.partnerships).toBeGreaterThanOrEqual(90);
    expect(counts.activities).toBeGreaterThan(counts.partnerships ?? 0);

    const knex = app.ctx.db.knex;
    const countries = (await knex('foreign_towns').distinct('country_code')) as { country_code: string }[];
    for (const code of ['DE', 'PL', 'SK', 'AT', 'FR']) expect(countries.map((c) => c.country_code)).toContain(code);
    const regionsWithMembers = (await knex('municipalities').countDistinct({ n: 'region_id' }).first()) as {
      n: number;
    };
    expect(Number(regionsWithMembers.n)).toBeGreaterThanOrEqual(8);
    // Every partnership points at a member and a foreign town (foreign keys hold).
    expect(await knex.raw('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('refuses to load twice and leaves the registry as it was', async () => {
    await ok(app.dispatch('app:loadDemo', {}));
    const before = await ok<{ counts: Record<string, number> }>(app.dispatch('app:info', {}));
    const again = await app.dispatch('app:loadDemo', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await ok(app.dispatch('app:info', {}))).toEqual(before);
  });

  it('lists members in one query with district, region and partnership counts', async () => {
    await ok(app.dispatch('app:loadDemo', {}));
    const rows = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    expect(rows.length).toBeGreaterThanOrEqual(35);
    for (const row of rows) {
      expect(row.code).toMatch(/^\d{6}$/);
      expect(row.regionName).toBeTruthy();
      expect(row.districtName).toBeTruthy();
      expect(row.activePartnerships).toBeLessThanOrEqual(row.partnerships);
    }
    const knex = app.ctx.db.knex;
    const active = (await knex('partnerships').where({ status: 'active' }).count({ n: '*' }).first()) as { n: number };
    expect(rows.reduce((sum, row) => sum + row.activePartnerships, 0)).toBe(Number(active.n));
    const regions = await ok<{ name: string }[]>(app.dispatch('regions:list', {}));
    expect(regions.map((r) => r.name)).toEqual(regions.map((r) => r.name).sort(compareCzech));
  });
});
