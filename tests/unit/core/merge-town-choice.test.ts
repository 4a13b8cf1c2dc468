import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * A town merge in the direction the dialog now lets the user choose (walkthrough 25, #9): started
 * from Děčín – "Ružomberk Test" (a misspelling, no gazetteer id), the user keeps the other record,
 * "Ružomberok Test" (gazetteer-identified). The started-from town goes, its partnerships move to
 * the kept town (or merge with the same member's partnership of it), the kept town's empty fields
 * take the merged town's values and its stated ones stay; both undos put everything back.
 */

const dump = async (knex: Knex) => ({
  towns: await knex('foreign_towns').orderBy('id').select(),
  partnerships: await knex('partnerships').orderBy('id').select(),
  contacts: await knex('contacts').orderBy('id').select(),
});
/** Without what a merge and its undo must change: the kept records' version and time. */
const withoutStamp = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row).filter(([key]) => key !== 'version' && key !== 'updated_at')),
  );
const comparable = (d: Awaited<ReturnType<typeof dump>>) => ({
  towns: withoutStamp(d.towns as Record<string, unknown>[]),
  partnerships: withoutStamp(d.partnerships as Record<string, unknown>[]),
  contacts: d.contacts,
});

type Row = { id: number; version: number; foreignTownId: number };

describe('a town merge keeping the other record than the one it started from', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });
  const knex = () => app.ctx.db.knex;
  const townVersion = async (id: number) =>
    (await knex()('foreign_towns').where({ id }).first<{ version: number }>('version')).version;

  /** Ružomberk (started from: Děčín's and member two's) and Ružomberok (member two's and three's). */
  async function twoRecords() {
    const members = await knex()('municipalities').orderBy('id').limit(3).select<{ id: number }[]>('id');
    const [decin, two, three] = members.map((m) => m.id);
    if (decin === undefined || two === undefined || three === undefined) throw new Error('demo members missing');
    const create = (municipalityId: number, name: string, extra: Record<string, unknown> = {}) =>
      ok<Row>(
        app.dispatch('partnerships:create', {
          municipalityId,
          type: 'friendship',
          status: 'active',
          town: { name, countryCode: 'SK' },
          ...extra,
        }),
      );
    const started = await create(decin, 'Ružomberk Test', { notes: 'Děčín notes' });
    const misspelt = started.foreignTownId;
    const misspeltOfTwo = await create(two, 'Ružomberk Test', { signedOn: '2001-05-01', notes: 'Misspelt notes' });
    const correctOfTwo = await create(two, 'Ružomberok Test', { notes: 'Correct notes' });
    const correct = correctOfTwo.foreignTownId;
    const correctOfThree = await create(three, 'Ružomberok Test');
    await knex()('contacts').insert({
      partnership_id: misspeltOfTwo.id,
      side: 'partner',
      name: 'Ján Novák',
      created_at: 'x',
      updated_at: 'x',
    });
    // The misspelt record states what the correct one does not (website, mayor) and a population
    // the correct one states otherwise; only the correct one has a gazetteer id.
    await ok(
      app.dispatch('towns:update', {
        id: misspelt,
        version: await townVersion(misspelt),
        patch: {
          website: 'https://ruzomberok.example',
          mayorName: 'Igor Čombor',
          population: 25000,
          notes: 'Misspelt',
        },
      }),
    );
    await ok(
      app.dispatch('towns:update', {
        id: correct,
        version: await townVersion(correct),
        patch: { population: 26000, adminRegion: 'Žilinský kraj', notes: 'Correct' },
      }),
    );
    await knex()('foreign_towns').where({ id: correct }).update({ geonames_id: 3_057_140 });
    return { decin, started, misspelt, misspeltOfTwo, correct, correctOfTwo, correctOfThree };
  }

  it('keeps the other town: the started-from town goes, its partnerships move or merge, empty fields are filled; the undo restores both exactly', async () => {
    const { started, misspelt, misspeltOfTwo, correct, correctOfTwo, correctOfThree } = await twoRecords();
    const before = await dump(knex());

    const result = await ok<{ auditId: number; movedPartnerships: number; mergedPartnerships: number }>(
      app.dispatch('towns:merge', { keepId: correct, mergeId: misspelt }),
    );
    expect(result).toMatchObject({ movedPartnerships: 1, mergedPartnerships: 1 });
    expect(await knex()('foreign_towns').where({ id: misspelt }).first()).toBeUndefined();
    const kept = await knex()('foreign_towns').where({ id: correct }).first<Record<string, unknown>>();
    expect(kept).toMatchObject({
      name: 'Ružomberok Test',
      alt_names: 'Ružomberk Test',
      // Empty on the kept card: taken from the merged one.
      website: 'https://ruzomberok.example',
      mayor_name: 'Igor Čombor',
      // Stated on the kept card: stays as it is there.
      admin_region: 'Žilinský kraj',
      notes: 'Correct\n\nMisspelt',
    });
    expect(Number(kept.population)).toBe(26000);
    expect(Number(kept.geonames_id)).toBe(3_057_140);
    // The partnership the merge started from is the kept town's now, with its id and values.
    const moved = await ok<{ id: number; foreignTownId: number; townName: string; notes: string }>(
      app.dispatch('partnerships:get', { id: started.id }),
    );
    expect(moved).toMatchObject({ id: started.id, foreignTownId: correct, townName: 'Ružomberok Test' });
    // Member two had both: its partnership of the misspelt town merged into that of the kept one.
    expect(await knex()('partnerships').where({ id: misspeltOfTwo.id }).first()).toBeUndefined();
    expect(
      await knex()('partnerships').where({ id: correctOfTwo.id }).first('foreign_town_id', 'signed_on', 'notes'),
    ).toEqual({ foreign_town_id: correct, signed_on: '2001-05-01', notes: 'Correct notes\n\nMisspelt notes' });
    expect(await knex()('contacts').where({ name: 'Ján Novák' }).first('partnership_id')).toEqual({
      partnership_id: correctOfTwo.id,
    });
    expect(await knex()('partnerships').where({ id: correctOfThree.id }).first('foreign_town_id')).toEqual({
      foreign_town_id: correct,
    });
    // The kept town's history has the merge; it names the merged town.
    const history = await ok<{ action: string }[]>(
      app.dispatch('audit:history', { table: 'foreign_towns', recordId: correct }),
    );
    expect(history[0]?.action).toBe('merge');

    await ok(app.dispatch('merges:restore', { auditId: result.auditId }));
    expect(comparable(await dump(knex()))).toEqual(comparable(before));
    expect(
      await ok<{ foreignTownId: number; townName: string }>(app.dispatch('partnerships:get', { id: started.id })),
    ).toMatchObject({ foreignTownId: misspelt, townName: 'Ružomberk Test' });
  });

  it('keeps the other town, which is then edited: the undo keeping later changes brings the started-from town back with its id and partnerships', async () => {
    const { started, misspelt, misspeltOfTwo, correct, correctOfTwo } = await twoRecords();
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('towns:merge', { keepId: correct, mergeId: misspelt }),
    );
    await ok(
      app.dispatch('towns:update', {
        id: correct,
        version: await townVersion(correct),
        patch: { address: 'Námestie A. Hlinku 1' },
      }),
    );
    const refused = await app.dispatch('merges:restore', { auditId });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.reason).toMatch(/^merge\.error\.changedSince/);
    const preview = await ok<{ keepId: number; mergedId: number; version: number; check: string }>(
      app.dispatch('merges:undoKeepingPreview', { auditId }),
    );
    expect(preview).toMatchObject({ keepId: correct, mergedId: misspelt });
    await ok(app.dispatch('merges:undoKeeping', { auditId, version: preview.version, check: preview.check }));

    const back = await knex()('foreign_towns').where({ id: misspelt }).first<Record<string, unknown>>();
    expect(back).toMatchObject({
      name: 'Ružomberk Test',
      website: 'https://ruzomberok.example',
      mayor_name: 'Igor Čombor',
      notes: 'Misspelt',
      geonames_id: null,
    });
    expect(Number(back.population)).toBe(25000);
    const kept = await knex()('foreign_towns').where({ id: correct }).first<Record<string, unknown>>();
    expect(kept).toMatchObject({
      alt_names: null,
      website: null,
      mayor_name: null,
      notes: 'Correct',
      address: 'Námestie A. Hlinku 1',
    });
    expect(Number(kept.geonames_id)).toBe(3_057_140);
    expect(
      await ok<{ foreignTownId: number; townName: string }>(app.dispatch('partnerships:get', { id: started.id })),
    ).toMatchObject({ foreignTownId: misspelt, townName: 'Ružomberk Test' });
    expect(
      await knex()('partnerships').where({ id: misspeltOfTwo.id }).first('foreign_town_id', 'signed_on', 'notes'),
    ).toEqual({ foreign_town_id: misspelt, signed_on: '2001-05-01', notes: 'Misspelt notes' });
    expect(
      await knex()('partnerships').where({ id: correctOfTwo.id }).first('foreign_town_id', 'signed_on', 'notes'),
    ).toEqual({ foreign_town_id: correct, signed_on: null, notes: 'Correct notes' });
    expect(await knex()('contacts').where({ name: 'Ján Novák' }).first('partnership_id')).toEqual({
      partnership_id: misspeltOfTwo.id,
    });
  });
});
