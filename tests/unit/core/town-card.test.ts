import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TownCard } from '../../../shared/domain/town-card';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('the partner-town card', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const townId = async (name: string) =>
    (await app.ctx.db.knex('foreign_towns').where({ name }).first<{ id: number }>('id')).id;

  it('reads every field as unknown until stated, with the town’s partnerships', async () => {
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: await townId('Konstanz') }));
    expect(card.name).toBe('Konstanz');
    expect(card.countryCode).toBe('DE');
    expect(card.mayorName).toBeNull();
    expect(card.mayorGender).toBeNull();
    expect(card.address).toBeNull();
    expect(card.useCzechName).toBe(true);
    expect(card.partnerships.map((p) => p.municipalityName)).toContain('Tábor');
  });

  it('stores what staff type, audits it, refreshes the town’s grid rows, and refuses a stale version', async () => {
    const id = await townId('Konstanz');
    const before = await ok<TownCard>(app.dispatch('towns:card', { id }));
    app.events.length = 0;
    const after = await ok<TownCard>(
      app.dispatch('towns:update', {
        id,
        version: before.version,
        patch: {
          address: '  Kanzleistraße 15, 78462 Konstanz ',
          mayorName: 'Uli Burchardt',
          mayorGender: 'm',
          mayorOffice: 'DE:oberbuergermeister',
          contractingBody: 'Stadt Konstanz',
          email: 'info@konstanz.de',
          history: '',
        },
      }),
    );
    expect(after.version).toBe(before.version + 1);
    expect(after.address).toBe('Kanzleistraße 15, 78462 Konstanz');
    expect(after.mayorName).toBe('Uli Burchardt');
    expect(after.history).toBeNull(); // blank is unknown, never ''
    const entry = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'foreign_towns', record_id: id, action: 'update' })
      .first<{ before: string; after: string }>();
    expect(JSON.parse(entry.before).mayorName).toBeNull();
    expect(JSON.parse(entry.after).mayorName).toBe('Uli Burchardt');
    const changed = app.events.find((e) => e.event === 'data:changed')?.payload as { partnershipIds: number[] };
    expect(changed.partnershipIds.sort()).toEqual(after.partnerships.map((p) => p.partnershipId).sort());

    const stale = await app.dispatch('towns:update', { id, version: before.version, patch: { mayorName: 'X' } });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    const kept = await ok<TownCard>(app.dispatch('towns:card', { id }));
    expect(kept.mayorName).toBe('Uli Burchardt');
  });

  it('names the field of bad input and changes nothing', async () => {
    const id = await townId('Konstanz');
    const before = await ok<TownCard>(app.dispatch('towns:card', { id }));
    for (const [patch, path] of [
      [{ email: 'not an e-mail' }, 'email'],
      [{ longitude: null }, 'longitude'],
      [{ mayorOffice: 'PL:prezydent_miasta' }, 'mayorOffice'],
      [{ countryCode: 'XX' }, 'countryCode'],
      [{ name: ' ' }, 'name'],
      [{ website: 'javascript:alert(1)' }, 'website'],
    ] as const) {
      const result = await app.dispatch('towns:update', { id, version: before.version, patch });
      expect(result.ok, JSON.stringify(patch)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(JSON.stringify(result.error.details)).toContain(path);
      }
    }
    expect(await ok<TownCard>(app.dispatch('towns:card', { id }))).toEqual(before);
  });

  it('reads a website typed without its scheme as https://, as the member form does', async () => {
    const id = await townId('Konstanz');
    const before = await ok<TownCard>(app.dispatch('towns:card', { id }));
    const saved = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: before.version, patch: { website: 'www.konstanz.de' } }),
    );
    expect(saved.website).toBe('https://www.konstanz.de');
  });

  it('a new country under an office of the old one is refused at the office; with a new office it is stored', async () => {
    const id = await townId('Konstanz');
    const first = await ok<TownCard>(app.dispatch('towns:card', { id }));
    const german = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: first.version, patch: { mayorOffice: 'DE:oberbuergermeister' } }),
    );
    const refused = await app.dispatch('towns:update', { id, version: german.version, patch: { countryCode: 'PL' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(JSON.stringify(refused.error.details)).toContain('mayorOffice');
    expect(await ok<TownCard>(app.dispatch('towns:card', { id }))).toEqual(german);
    const polish = await ok<TownCard>(
      app.dispatch('towns:update', {
        id,
        version: german.version,
        patch: { countryCode: 'PL', mayorOffice: 'PL:prezydent_miasta' },
      }),
    );
    expect(polish).toMatchObject({ countryCode: 'PL', mayorOffice: 'PL:prezydent_miasta' });
  });

  it('a rename keeps the former name as another name; a name another record has is refused', async () => {
    const id = await townId('Konstanz');
    const card = await ok<TownCard>(app.dispatch('towns:card', { id }));
    const renamed = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: card.version, patch: { name: 'Konstanz am Bodensee' } }),
    );
    expect(renamed.altNames).toContain('Konstanz');
    const otherGerman = await app.ctx.db
      .knex('foreign_towns')
      .where({ country_code: 'DE' })
      .whereNot({ id })
      .first<{ name: string }>('name');
    const clash = await app.dispatch('towns:update', {
      id,
      version: renamed.version,
      patch: { name: otherGerman.name.toUpperCase() },
    });
    expect(clash.ok).toBe(false);
    if (!clash.ok) {
      expect(clash.error.code).toBe('CONFLICT');
      expect((clash.error.details as { reason: string }).reason).toBe('townCard.error.duplicate');
    }
    expect(
      (await app.ctx.db.knex('foreign_towns').where({ country_code: 'DE' }).count<{ n: number }[]>('* as n'))[0]?.n,
    ).toBeGreaterThan(1);
  });

  it('an undone rename leaves no former name; a name taken back leaves the other names (review 67)', async () => {
    const id = await townId('Konstanz');
    const card = await ok<TownCard>(app.dispatch('towns:card', { id }));
    expect(card.altNames).toEqual([]);
    const typo = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: card.version, patch: { name: 'Konstazn' } }),
    );
    expect(typo.altNames).toEqual(['Konstanz']);
    // The save's Undo puts back the name and the other names as they were.
    const undone = await ok<TownCard>(
      app.dispatch('towns:update', {
        id,
        version: typo.version,
        patch: { name: 'Konstanz', altNames: [] },
        undo: true,
      }),
    );
    expect([undone.name, undone.altNames]).toEqual(['Konstanz', []]);
    // A real rename and back: the name taken back is not listed as its own other name.
    const renamed = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: undone.version, patch: { name: 'Konstanz am Bodensee' } }),
    );
    const back = await ok<TownCard>(
      app.dispatch('towns:update', { id, version: renamed.version, patch: { name: 'Konstanz' } }),
    );
    expect(back.altNames).toEqual(['Konstanz am Bodensee']);
  });

  it('a town typed by a former name is the registry’s town, not a second record of it (review 67)', async () => {
    const id = await townId('Konstanz');
    const card = await ok<TownCard>(app.dispatch('towns:card', { id }));
    await ok(app.dispatch('towns:update', { id, version: card.version, patch: { name: 'Konstanz am Bodensee' } }));
    const count = async () => Number((await app.ctx.db.knex('foreign_towns').count<{ n: number }[]>('* as n'))[0]?.n);
    const before = await count();
    const member = await app.ctx.db
      .knex('municipalities')
      .where({ is_member: true })
      .whereNotIn('id', app.ctx.db.knex('partnerships').where({ foreign_town_id: id }).select('municipality_id'))
      .first<{ id: number }>('id');
    const created = await ok<{ foreignTownId: number }>(
      app.dispatch('partnerships:create', {
        municipalityId: member.id,
        type: 'friendship',
        status: 'proposed',
        town: { name: 'konstanz', countryCode: 'DE' },
      }),
    );
    expect(created.foreignTownId).toBe(id);
    expect(await count()).toBe(before);
  });
});
