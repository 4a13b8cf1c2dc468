import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Failure = {
  ok: false;
  error: { code: string; details?: { reason?: string; changedBy?: string; changedAt?: string } };
};
type Row = { id: number; version: number };
type Field = { field: string; outcome: string; before: unknown; current: unknown; changedBy: string | null };
type Preview = {
  kind: string;
  keepId: number;
  mergedId: number;
  version: number;
  check: string;
  kept: string;
  merged: string;
  fields: Field[];
  town: {
    partnerships: { id: number; label: string; state: string; changedBy: string | null }[];
    innerMerges: { keepId: number; mergedId: number; state: string; fields: Field[]; children: { state: string }[] }[];
    geonamesDropped: boolean;
  } | null;
};

/*
 * A town merge undone keeping later changes: Petr merges Lobau into Löbau, Jana then edits the
 * kept town's card and deletes one of the moved partnerships. The plain undo is refused (it would
 * overwrite her edit); this one puts back what only the merge changed, keeps her changes (who,
 * when), brings Lobau back with its id, and moves its partnerships back to it, the deleted one
 * staying deleted. The partnership the merge merged (one member with both towns) is undone too.
 */
describe('undoing a town merge while keeping later changes', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const townVersion = async (id: number) =>
    (await knex()('foreign_towns').where({ id }).first<{ version: number }>('version')).version;
  const partnershipVersion = async (id: number) =>
    (await knex()('partnerships').where({ id }).first<{ version: number }>('version')).version;
  const auditCount = async () => Number((await knex()('audit_log').count<{ n: number | string }[]>('* as n'))[0]?.n);
  const updateTown = async (id: number, patch: Record<string, unknown>) =>
    ok(app.dispatch('towns:update', { id, version: await townVersion(id), patch }));

  async function mergedAndEdited() {
    const members = await knex()('municipalities').orderBy('id').limit(3).select<{ id: number }[]>('id');
    const [one, two, three] = members.map((m) => m.id);
    if (one === undefined || two === undefined || three === undefined) throw new Error('demo members missing');
    await actAs('Petr Svoboda');
    const create = (municipalityId: number, name: string, extra: Record<string, unknown> = {}) =>
      ok<Row & { foreignTownId: number }>(
        app.dispatch('partnerships:create', {
          municipalityId,
          type: 'friendship',
          status: 'active',
          town: { name, countryCode: 'DE' },
          ...extra,
        }),
      );
    // Löbau (kept) has partnerships of members one and three; Lobau (merged) of one, two and three.
    const keptOfOne = await create(one, 'Ebersbach Test', { notes: 'Kept notes' });
    const keepId = keptOfOne.foreignTownId;
    const movedOfTwo = await create(two, 'Ebersbaach Test');
    const mergeId = movedOfTwo.foreignTownId;
    const mergedOfOne = await create(one, 'Ebersbaach Test', { notes: 'Merged notes', signedOn: '1999-01-01' });
    const movedOfThree = await create(three, 'Ebersbaach Test');
    await updateTown(keepId, { notes: 'Löbau notes' });
    await updateTown(mergeId, {
      adminRegion: 'Sachsen',
      population: 1000,
      mayorName: 'Hans Meier',
      notes: 'Lobau notes',
    });
    // The gazetteer id only the merged town had (unique: the merge hands it to the kept town).
    await knex()('foreign_towns').where({ id: mergeId }).update({ geonames_id: 2_877_000 });
    const { auditId } = await ok<{ auditId: number }>(app.dispatch('towns:merge', { keepId, mergeId }));
    await actAs('Jana Nováková');
    await updateTown(keepId, { population: 1200, address: 'Markt 1' });
    await ok(
      app.dispatch('partnerships:delete', { id: movedOfThree.id, version: await partnershipVersion(movedOfThree.id) }),
    );
    await actAs('Petr Svoboda');
    return { keepId, mergeId, keptOfOne, mergedOfOne, movedOfTwo, movedOfThree, auditId };
  }

  it('lists the town fields, the moved partnerships and the merged ones; nothing written', async () => {
    const { keepId, mergeId, keptOfOne, mergedOfOne, movedOfTwo, movedOfThree, auditId } = await mergedAndEdited();
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    const count = await auditCount();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    expect(preview).toMatchObject({
      kind: 'foreign_towns',
      keepId,
      mergedId: mergeId,
      kept: 'Ebersbach Test',
      merged: 'Ebersbaach Test',
      version: await townVersion(keepId),
    });
    const byField = Object.fromEntries(preview.fields.map((f) => [f.field, f]));
    expect(byField.adminRegion).toMatchObject({ outcome: 'restored', before: null, current: 'Sachsen' });
    expect(byField.mayorName).toMatchObject({ outcome: 'restored', before: null, current: 'Hans Meier' });
    expect(byField.altNames).toMatchObject({ outcome: 'restored', before: [], current: ['Ebersbaach Test'] });
    expect(byField.notes).toMatchObject({ outcome: 'restored', before: 'Löbau notes' });
    expect(byField.population).toMatchObject({
      outcome: 'keptBoth',
      before: null,
      current: 1200,
      changedBy: expect.stringMatching(/^Jana Nováková/),
    });
    expect(byField.address).toMatchObject({
      outcome: 'keptLater',
      current: 'Markt 1',
      changedBy: expect.stringMatching(/^Jana/),
    });
    expect(byField.name).toBeUndefined();
    expect(preview.town?.partnerships).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: movedOfTwo.id, state: 'back' }),
        expect.objectContaining({
          id: movedOfThree.id,
          state: 'deleted',
          label: expect.stringMatching(/ – Ebersbaach Test$/),
          changedBy: expect.stringMatching(/^Jana/),
        }),
      ]),
    );
    expect(preview.town?.innerMerges).toEqual([
      expect.objectContaining({ keepId: keptOfOne.id, mergedId: mergedOfOne.id, state: 'undone' }),
    ]);
    const inner = Object.fromEntries((preview.town?.innerMerges[0]?.fields ?? []).map((f) => [f.field, f]));
    expect(inner.signedOn).toMatchObject({ outcome: 'restored', before: null, current: '1999-01-01' });
    expect(await auditCount()).toBe(count);
    expect(await knex()('foreign_towns').where({ id: mergeId }).first()).toBeUndefined();
  });

  it('puts back what only the merge changed, keeps the later changes, brings the town and its partnerships back', async () => {
    const { keepId, mergeId, keptOfOne, mergedOfOne, movedOfTwo, movedOfThree, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    const count = await auditCount();
    const townEntries = async () =>
      Number(
        (await knex()('audit_log').where({ table_name: 'foreign_towns' }).count<{ n: number | string }[]>('* as n'))[0]
          ?.n,
      );
    const townsBefore = await townEntries();
    await ok(app.dispatch('merges:undoKeeping', { auditId, version: preview.version, check: preview.check }));

    const kept = await knex()('foreign_towns').where({ id: keepId }).first<Record<string, unknown>>();
    expect(kept).toMatchObject({
      name: 'Ebersbach Test',
      admin_region: null,
      mayor_name: null,
      alt_names: null,
      notes: 'Löbau notes',
      address: 'Markt 1',
      version: preview.version + 1,
    });
    expect(Number(kept.population)).toBe(1200);
    // Lobau back with its id and its own values.
    const back = await knex()('foreign_towns').where({ id: mergeId }).first<Record<string, unknown>>();
    expect(back).toMatchObject({
      name: 'Ebersbaach Test',
      admin_region: 'Sachsen',
      mayor_name: 'Hans Meier',
      notes: 'Lobau notes',
    });
    expect(Number(back.population)).toBe(1000);
    // The gazetteer id goes back to it: the kept town had none before the merge and nobody set one since.
    expect(kept.geonames_id).toBeNull();
    expect(Number(back.geonames_id)).toBe(2_877_000);
    // The moved partnership goes back; the one deleted since stays deleted; ids kept.
    expect(await knex()('partnerships').where({ id: movedOfTwo.id }).first('foreign_town_id')).toEqual({
      foreign_town_id: mergeId,
    });
    expect(await knex()('partnerships').where({ id: movedOfThree.id }).first()).toBeUndefined();
    // The merged partnership of member one is back on Lobau with its id and values; the kept one's
    // date the merge filled goes back.
    expect(
      await knex()('partnerships').where({ id: mergedOfOne.id }).first('foreign_town_id', 'notes', 'signed_on'),
    ).toEqual({
      foreign_town_id: mergeId,
      notes: 'Merged notes',
      signed_on: '1999-01-01',
    });
    expect(
      await knex()('partnerships').where({ id: keptOfOne.id }).first('foreign_town_id', 'notes', 'signed_on'),
    ).toEqual({
      foreign_town_id: keepId,
      notes: 'Kept notes',
      signed_on: null,
    });

    // One audited entry of the undo on the town (the partnerships' own histories say they went back).
    expect(await townEntries()).toBe(townsBefore + 1);
    const entry = await knex()('audit_log')
      .where({ table_name: 'foreign_towns' })
      .orderBy('id', 'desc')
      .first<{ record_id: number; action: string; actor: string; before: string; after: string }>();
    expect(entry).toMatchObject({ record_id: keepId, action: 'restore' });
    expect(entry.actor).toMatch(/^Petr Svoboda/);
    const after = JSON.parse(entry.after) as Record<string, unknown>;
    expect(after).toMatchObject({ undoneMerge: auditId, adminRegion: null, mayorName: null });
    expect(after.keptLater).toEqual(expect.arrayContaining(['population', 'address']));
    expect(after.partnershipsNotBack).toEqual([{ id: movedOfThree.id, state: 'deleted' }]);
    const partnershipEntries = await knex()('audit_log')
      .where({ table_name: 'partnerships', action: 'unmerge' })
      .where('id', '>', auditId)
      .pluck<number[]>('record_id');
    expect(partnershipEntries.map(Number).sort()).toEqual([movedOfTwo.id, keptOfOne.id].sort());
    expect(await auditCount()).toBe(count + 1 + partnershipEntries.length);

    // Done once: both undos are refused now.
    const again = (await app.dispatch('merges:undoKeepingPreview', { auditId })) as Failure;
    expect(again.error.details?.reason).toBe('undo.alreadyRestored');
    const plain = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(plain.ok).toBe(false);
  });

  it('a change of the kept town between the preview and the confirmation refuses, naming who; nothing written', async () => {
    const { keepId, mergeId, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    await actAs('Jana Nováková');
    await updateTown(keepId, { website: 'https://loebau.example' });
    await actAs('Petr Svoboda');
    const towns = await knex()('foreign_towns').orderBy('id').select();
    const partnerships = await knex()('partnerships').orderBy('id').select();
    const count = await auditCount();
    const refused = (await app.dispatch('merges:undoKeeping', {
      auditId,
      version: preview.version,
      check: preview.check,
    })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('error.conflictBy');
    expect(refused.error.details?.changedBy).toMatch(/^Jana Nováková/);
    expect(await knex()('foreign_towns').orderBy('id').select()).toEqual(towns);
    expect(await knex()('partnerships').orderBy('id').select()).toEqual(partnerships);
    expect(await auditCount()).toBe(count);
    expect(await knex()('foreign_towns').where({ id: mergeId }).first()).toBeUndefined();
  });

  it('a moved partnership deleted between the preview and the confirmation refuses too', async () => {
    const { movedOfTwo, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    await actAs('Jana Nováková');
    await ok(
      app.dispatch('partnerships:delete', { id: movedOfTwo.id, version: await partnershipVersion(movedOfTwo.id) }),
    );
    await actAs('Petr Svoboda');
    const count = await auditCount();
    const refused = (await app.dispatch('merges:undoKeeping', {
      auditId,
      version: preview.version,
      check: preview.check,
    })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.keeping.changedMeanwhileBy');
    expect(refused.error.details?.changedBy).toMatch(/^Jana Nováková/);
    expect(await auditCount()).toBe(count);
  });

  it('a kept partnership deleted since leaves its merge as it is, said in the preview', async () => {
    const { keptOfOne, mergedOfOne, auditId } = await mergedAndEdited();
    await ok(
      app.dispatch('partnerships:delete', { id: keptOfOne.id, version: await partnershipVersion(keptOfOne.id) }),
    );
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    expect(preview.town?.innerMerges).toEqual([
      expect.objectContaining({ keepId: keptOfOne.id, mergedId: mergedOfOne.id, state: 'keptGone' }),
    ]);
    await ok(app.dispatch('merges:undoKeeping', { auditId, version: preview.version, check: preview.check }));
    expect(await knex()('partnerships').where({ id: mergedOfOne.id }).first()).toBeUndefined();
  });

  it('another town of the merged town’s name added since refuses, saying so; nothing written', async () => {
    const { mergeId, auditId } = await mergedAndEdited();
    const merged = (await knex()('audit_log').where({ id: auditId }).first<{ before: string }>('before')).before;
    const row = (JSON.parse(merged) as { merge: { merged: { name_key: string } } }).merge.merged;
    await knex()('foreign_towns').insert({
      name: 'Ebersbaach Test',
      name_key: row.name_key,
      country_code: 'DE',
      created_at: 'x',
      updated_at: 'x',
    });
    const count = await auditCount();
    const refused = (await app.dispatch('merges:undoKeepingPreview', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.keeping.townNameTaken');
    expect(await auditCount()).toBe(count);
    expect(await knex()('foreign_towns').where({ id: mergeId }).first()).toBeUndefined();
  });
});
