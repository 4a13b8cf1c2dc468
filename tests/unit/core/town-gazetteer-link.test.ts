import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppContext, noDialogs } from '../../../electron/core/context';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { adminKnex, createServerDatabase, onServer, serverTestUrl } from '../../support/server-db';
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { TownCard } from '../../../shared/domain/town-card';
import { translate } from '../../../shared/i18n/index';
import { townNameKey } from '../../../shared/domain/text';
import { createTestApp, ok, RESOURCES_DIR, type TestApp } from '../../support/temp-db';
import { applyGazetteerLinks } from '../../../electron/core/services/town-gazetteer-link-service';

/**
 * Towns that came into a registry before imports linked them to the gazetteer (d00f17a) are linked
 * after the fact by the import's own rule (Settings ▸ Linking partner towns to the gazetteer, and
 * `twinreg towns link-gazetteer`): exactly one gazetteer town of the country under the town's very
 * name within 10 km of its coordinates, held by no registry town and claimed by no other. Nothing
 * invented, nothing overwritten, undoable as a whole.
 */
type Preview = {
  unlinked: number;
  withoutPlace: number;
  links: {
    townId: number;
    name: string;
    geonamesId: number;
    km: number;
    gazetteerPopulation: number;
    population: number | null;
    fillsPopulation: boolean;
  }[];
  ambiguous: { geonamesId: number; towns: { townId: number; name: string }[] }[];
  held: { townId: number; name: string; heldBy: { townId: number; name: string } }[];
  mayWrite: boolean;
};
type Result = { linked: number; populationFilled: number; auditId: number | null };
type Row = { id: number; geonames_id: number | null; population: number | null; version: number };
type Refusal = {
  ok: false;
  error: { code: string; details?: { reason?: string; rows?: { name: string }[]; others?: number } };
};

/** Brzeg, Goslar, Nysa and Vienna as the gazetteer (GeoNames) places them. */
const BRZEG = { lat: 50.8608509, lon: 17.4668311 };
const GOSLAR = { lat: 51.9083343, lon: 10.4465753 };
const NYSA = { lat: 50.4736, lon: 17.3344 };
const VIENNA = { lat: 48.2085, lon: 16.3721 };

describe('partner towns linked to the gazetteer after the fact', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  /** A town as an older version of the app left it: no gazetteer id. */
  const addTown = async (
    name: string,
    countryCode: string,
    place: { lat: number; lon: number } | null,
    extra: { population?: number; geonamesId?: number } = {},
  ): Promise<number> => {
    const now = new Date().toISOString();
    const [row] = await app.ctx.db
      .knex('foreign_towns')
      .insert({
        name,
        name_key: townNameKey(name),
        country_code: countryCode,
        kind: 'unknown',
        latitude: place?.lat ?? null,
        longitude: place?.lon ?? null,
        population: extra.population ?? null,
        geonames_id: extra.geonamesId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning<{ id: number }[]>('id');
    if (!row) throw new Error('no town inserted');
    return row.id;
  };
  const row = (id: number) =>
    app.ctx.db.knex('foreign_towns').where({ id }).first<Row>('id', 'geonames_id', 'population', 'version');
  const preview = () => ok<Preview>(app.dispatch('towns:linkGazetteerPreview', {}));
  const apply = () => ok<Result>(app.dispatch('towns:linkGazetteer', {}));

  it('links a town at its place with the gazetteer’s population, keeps a stated one, and leaves the rest', async () => {
    const brzeg = await addTown('Brzeg', 'PL', BRZEG);
    const goslar = await addTown('Goslar', 'DE', GOSLAR, { population: 41_000 });
    // Nysa placed 40 km north of Nysa; Opole with no coordinates.
    const farNysa = await addTown('Nysa', 'PL', { lat: NYSA.lat + 0.36, lon: NYSA.lon });
    const opole = await addTown('Opole', 'PL', null);
    const shown = await preview();
    expect(shown.mayWrite).toBe(true);
    const brzegLink = shown.links.find((link) => link.townId === brzeg);
    expect(brzegLink).toMatchObject({ name: 'Brzeg', geonamesId: 3102459, fillsPopulation: true, population: null });
    expect(brzegLink?.km).toBeLessThan(1);
    expect(shown.links.find((link) => link.townId === goslar)).toMatchObject({
      geonamesId: 2918840,
      population: 41_000,
      fillsPopulation: false,
    });
    expect(shown.links.map((link) => link.townId)).not.toContain(farNysa);
    expect(shown.links.map((link) => link.townId)).not.toContain(opole);
    expect(shown.withoutPlace).toBeGreaterThanOrEqual(1);
    // The preview writes nothing.
    expect(await row(brzeg)).toMatchObject({ geonames_id: null, population: null });

    const done = await apply();
    expect(done.linked).toBe(shown.links.length);
    expect(done.auditId).toEqual(expect.any(Number));
    expect(await row(brzeg)).toMatchObject({ geonames_id: 3102459, population: 38_259 });
    // A stated population is never replaced.
    expect(await row(goslar)).toMatchObject({ geonames_id: 2918840, population: 41_000 });
    expect(await row(farNysa)).toMatchObject({ geonames_id: null, population: null });
    expect(await row(opole)).toMatchObject({ geonames_id: null, population: null });
    // Announced as any write is.
    expect(app.events.some((event) => event.event === 'data:changed')).toBe(true);

    // The town's history: a card edit of the link, said as one of the run's towns.
    const history = await ok<(AuditEntry & { bulk?: { groupId: number; size: number } })[]>(
      app.dispatch('audit:history', { table: 'foreign_towns', recordId: brzeg }),
    );
    const [entry] = history;
    expect(entry?.action).toBe('update');
    expect(entry?.changes.map((change) => change.field).sort()).toEqual(['geonamesId', 'population']);
    expect(entry?.bulk).toMatchObject({ groupId: done.auditId, size: done.linked });

    // Twice: nothing new.
    expect((await preview()).links).toEqual([]);
    expect(await apply()).toEqual({ linked: 0, populationFilled: 0, changedMeanwhile: 0, auditId: null });
  });

  it('links neither of two registry towns that claim one gazetteer town, nor a town whose gazetteer town is held', async () => {
    // Vienna recorded twice, under its local and its English name.
    const wien = await addTown('Wien', 'AT', VIENNA);
    const vienna = await addTown('Vienna', 'AT', VIENNA);
    // Brzeg held by a record named otherwise.
    const holder = await addTown('Brzeg (Opolskie)', 'PL', BRZEG, { geonamesId: 3102459 });
    const brzeg = await addTown('Brzeg', 'PL', BRZEG);
    const shown = await preview();
    const linked = shown.links.map((link) => link.townId);
    expect(linked).not.toContain(wien);
    expect(linked).not.toContain(vienna);
    expect(linked).not.toContain(brzeg);
    const twice = shown.ambiguous.find((group) => group.geonamesId === 2761369);
    expect(twice?.towns.map((town) => town.townId).sort()).toEqual([wien, vienna].sort());
    expect(shown.held.find((town) => town.townId === brzeg)?.heldBy).toMatchObject({ townId: holder });
    await apply();
    expect(await row(wien)).toMatchObject({ geonames_id: null });
    expect(await row(vienna)).toMatchObject({ geonames_id: null });
    expect(await row(brzeg)).toMatchObject({ geonames_id: null, population: null });
  });

  it('is undone as a whole, refusing a town changed since by name, and puts back the others when asked', async () => {
    const brzeg = await addTown('Brzeg', 'PL', BRZEG);
    const goslar = await addTown('Goslar', 'DE', GOSLAR, { population: 41_000 });
    const nysa = await addTown('Nysa', 'PL', NYSA);
    const done = await apply();
    if (done.auditId === null) throw new Error('nothing linked');
    // A colleague edits Nysa's card after the run.
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: nysa }));
    await ok(
      app.dispatch('towns:update', {
        id: nysa,
        version: card.version,
        patch: { notes: 'Partnerská smlouva v archivu' },
      }),
    );

    const refused = (await app.dispatch('towns:linkGazetteerUndo', { auditId: done.auditId })) as Refusal;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('gazetteerLink.undoChangedRows');
    expect(refused.error.details?.rows?.map((r) => r.name)).toEqual(['Nysa']);
    expect(refused.error.details?.others).toBe(done.linked - 1);
    expect(
      translate('cs', 'gazetteerLink.undoChangedRows', { name: 'Nysa', by: 'x', at: 'y', count: 1, others: 2 }),
    ).toContain('Nysa');
    // Nothing was put back.
    expect(await row(brzeg)).toMatchObject({ geonames_id: 3102459 });

    const partly = await ok<{ changed: number; skipped?: number; auditId: number | null }>(
      app.dispatch('towns:linkGazetteerUndo', { auditId: done.auditId, onlyUnchanged: true }),
    );
    expect(partly).toMatchObject({ changed: done.linked - 1, skipped: 1 });
    expect(await row(brzeg)).toMatchObject({ geonames_id: null, population: null });
    // The population it had stated stays; only the link goes.
    expect(await row(goslar)).toMatchObject({ geonames_id: null, population: 41_000 });
    // The town changed since keeps the link and its notes.
    expect(await row(nysa)).toMatchObject({ geonames_id: 3090436, population: 47_283 });
    // The history says which run the undo undid.
    const history = await ok<(AuditEntry & { bulk?: { groupId: number; undoOf: number | null } })[]>(
      app.dispatch('audit:history', { table: 'foreign_towns', recordId: brzeg }),
    );
    expect(history[0]?.bulk).toMatchObject({ groupId: partly.auditId, undoOf: done.auditId });
    // A second undo has nothing left to put back but Nysa, which is still refused.
    const again = (await app.dispatch('towns:linkGazetteerUndo', { auditId: done.auditId })) as Refusal;
    expect(again.ok).toBe(false);
  });

  it('refuses to undo what is not a run of links', async () => {
    const brzeg = await addTown('Brzeg', 'PL', BRZEG);
    const card = await ok<TownCard>(app.dispatch('towns:card', { id: brzeg }));
    await ok(app.dispatch('towns:update', { id: brzeg, version: card.version, patch: { notes: 'x' } }));
    const edit = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'foreign_towns', record_id: brzeg })
      .orderBy('id', 'desc')
      .first<{ id: number }>('id');
    const refused = (await app.dispatch('towns:linkGazetteerUndo', { auditId: edit.id })) as Refusal;
    expect(refused.error.code).toBe('NOT_FOUND');
  });
});

describe.skipIf(!onServer())('a staff role that may only read a registry on a server', () => {
  it('sees what would be linked, is told it may not write, and its link is refused with nothing written', async () => {
    const role = `twinreg_test_reader_${randomBytes(3).toString('hex')}`;
    const registry = await createServerDatabase({ demo: true });
    const admin = adminKnex(serverTestUrl() ?? '');
    try {
      await admin.raw('create role ?? login', [role]);
      const db = adminKnex(registry.url);
      try {
        await db.raw('grant select on all tables in schema public to ??', [role]);
      } finally {
        await db.destroy();
      }
      const url = new URL(registry.url);
      url.username = role;
      const ctx = await createAppContext({
        databasePath: url.toString(),
        resourcesDir: RESOURCES_DIR,
        appVersion: 'test',
        preferences: createMemoryPreferences(),
        dialogs: noDialogs,
        acceptsLocalPaths: true,
      });
      try {
        const dispatch = createDispatch(createHandlers(ctx));
        const shown = await ok<Preview>(dispatch('towns:linkGazetteerPreview', {}));
        expect(shown.mayWrite).toBe(false);
        const refused = (await dispatch('towns:linkGazetteer', {})) as Refusal;
        expect(refused.ok).toBe(false);
        expect(refused.error.code).toBe('FORBIDDEN');
        expect(refused.error.details?.reason).toBe('gazetteerLink.error.mayNotWrite');
      } finally {
        await ctx.close();
      }
    } finally {
      await registry.drop();
      await admin.raw('drop role if exists ??', [role]);
      await admin.destroy();
    }
  });
});

describe.skipIf(!onServer())('a colleague changing a town while a run of links judges it (PostgreSQL)', () => {
  it('leaves the town as the colleague saved it, unlinked and counted, instead of linking the town judged', async () => {
    // An empty registry: the one town the run judges is the colleague's.
    const registry = await createServerDatabase({ demo: false });
    const colleague = adminKnex(registry.url);
    const ctx = await createAppContext({
      databasePath: registry.url,
      resourcesDir: RESOURCES_DIR,
      appVersion: 'test',
      preferences: createMemoryPreferences(),
      dialogs: noDialogs,
      acceptsLocalPaths: true,
    });
    try {
      const now = new Date().toISOString();
      const [town] = await colleague('foreign_towns')
        .insert({
          name: 'Brzeg',
          name_key: townNameKey('Brzeg'),
          country_code: 'PL',
          kind: 'unknown',
          latitude: BRZEG.lat,
          longitude: BRZEG.lon,
          created_at: now,
          updated_at: now,
        })
        .returning<{ id: number; version: number }[]>(['id', 'version']);
      if (!town) throw new Error('no town inserted');
      // The run has judged "Brzeg" at Brzeg's place; the colleague then saves the card as Opole,
      // at Opole's place (committed at once: READ COMMITTED lets the run's next statements see it).
      const done = await applyGazetteerLinks(ctx, {
        afterJudge: async () => {
          await colleague('foreign_towns')
            .where({ id: town.id, version: town.version })
            .update({
              name: 'Opole',
              name_key: townNameKey('Opole'),
              latitude: 50.6751,
              longitude: 17.9213,
              version: town.version + 1,
            });
        },
      });
      expect(done).toMatchObject({ linked: 0, changedMeanwhile: 1, auditId: null });
      // Opole did not get Brzeg's id (3102459) nor its population.
      expect(
        await colleague('foreign_towns').where({ id: town.id }).first('name', 'geonames_id', 'population', 'version'),
      ).toEqual({ name: 'Opole', geonames_id: null, population: null, version: town.version + 1 });
      // The next run judges Opole as it is now (Opole is in the gazetteer at that place).
      const next = await applyGazetteerLinks(ctx);
      expect(next).toMatchObject({ linked: 1, changedMeanwhile: 0 });
      expect(await colleague('foreign_towns').where({ id: town.id }).first('geonames_id')).toEqual({
        geonames_id: 3090048,
      });
    } finally {
      await ctx.close();
      await colleague.destroy();
      await registry.drop();
    }
  });
});
