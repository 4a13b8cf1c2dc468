import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { compareCzech } from '../../../shared/domain/text';
import { integrityProblems } from '../../../electron/core/db/backups';
import { onServer } from '../../support/server-db';
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
    expect(await integrityProblems(knex)).toEqual([]);
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

describe('demo data is visibly demo and removable', () => {
  it('marks every demo record, and "Remove demo data" removes exactly those, keeping what staff data hangs on', async () => {
    const app = await createTestApp({ demo: true });
    try {
      const status = await ok<{ counts: Record<string, number>; removable: number }>(app.dispatch('demo:status', {}));
      expect(status.removable).toBeGreaterThan(0);
      const knex = app.ctx.db.knex;
      const total = async (table: string) => Number((await knex(table).count<{ n: number }[]>({ n: '*' }))[0]?.n);
      expect(status.counts.municipalities).toBe(await total('municipalities'));
      expect(status.counts.partnerships).toBe(await total('partnerships'));
      expect(status.counts.contacts).toBe(await total('contacts'));

      // Staff's work beside the demo: a new member, a partnership of a demo member, a contact on a
      // demo partnership.
      const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
      const own = await ok<{ id: number }>(
        app.dispatch('partnerships:create', {
          municipalityId: tabor.id,
          type: 'friendship',
          status: 'proposed',
          town: { name: 'Neustadt an der Donau', countryCode: 'DE' },
        }),
      );
      const demoPartnership = await knex('partnerships')
        .where({ source: 'demo' })
        .whereNot({ municipality_id: tabor.id })
        .first<{ id: number; municipality_id: number }>('id', 'municipality_id');
      await ok(
        app.dispatch('contacts:create', { partnershipId: demoPartnership.id, side: 'cz', name: 'Skutečná Osoba' }),
      );
      // A demo member whose mayor staff corrected is theirs now.
      const edited = await knex('municipalities')
        .whereNotIn('id', [tabor.id, demoPartnership.municipality_id])
        .first<{ id: number; version: number }>('id', 'version');
      await ok(
        app.dispatch('municipalities:update', {
          id: edited.id,
          version: edited.version,
          patch: { mayorName: 'Skutečný Starosta' },
        }),
      );

      const result = await ok<{ removed: Record<string, number>; kept: Record<string, number>; backup: string }>(
        app.dispatch('demo:remove', {}),
      );
      // A registry on a server is backed up by the server, not before each change.
      if (onServer()) expect(result.backup).toBeNull();
      else expect(result.backup).toMatch(/-demo-/);
      // Staff's records are all there, and what they hang on.
      expect(await knex('partnerships').where({ id: own.id }).first('id')).toBeDefined();
      expect(await knex('municipalities').where({ id: tabor.id }).first('id')).toBeDefined();
      expect(await knex('partnerships').where({ id: demoPartnership.id }).first('id')).toBeDefined();
      expect(await knex('contacts').where({ name: 'Skutečná Osoba' }).first('id')).toBeDefined();
      // Everything else of the demo is gone, audited.
      expect(await total('activities')).toBe(0);
      expect(await knex('municipalities').where({ id: edited.id }).first('mayor_name')).toEqual({
        mayor_name: 'Skutečný Starosta',
      });
      expect(result.kept.municipalities).toBe(3);
      expect(result.kept.partnerships).toBe(1);
      expect(await total('municipalities')).toBe(3);
      const audit = await knex('audit_log').where({ action: 'delete' }).count<{ n: number }[]>({ n: '*' });
      expect(Number(audit[0]?.n)).toBe(Object.values(result.removed).reduce((a, b) => a + b, 0));
      // Nothing left to remove: the banner goes although the kept demo records are still marked.
      const after = await ok<{ removable: number; counts: Record<string, number> }>(app.dispatch('demo:status', {}));
      expect(after.removable).toBe(0);
      expect(after.counts.municipalities).toBe(3);
      // Again: nothing more to remove.
      const again = await ok<{ removed: Record<string, number> }>(app.dispatch('demo:remove', {}));
      expect(Object.values(again.removed).every((n) => n === 0)).toBe(true);
    } finally {
      await app.cleanup();
    }
  });
});
