import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Failure = {
  ok: false;
  error: { code: string; details?: { reason?: string; changedBy?: string; changedAt?: string } };
};
type Row = { id: number; version: number };
type Preview = {
  auditId: number;
  keepId: number;
  mergedId: number;
  version: number;
  check: string;
  kept: string;
  merged: string;
  fields: {
    field: string;
    outcome: string;
    before: unknown;
    merged: unknown;
    current: unknown;
    changedBy: string | null;
    changedAt: string | null;
  }[];
  children: { table: string; id: number; label: string | null; state: string; changedBy: string | null }[];
};

/*
 * Walkthrough 22, finding 3: Petr merges Tábor–Wels into Tábor–Škofja Loka, Jana then edits the
 * kept record, and the merge can never be undone (the plain undo would overwrite her edit). The
 * undo keeping later changes puts back what the merge changed and nobody touched since, keeps
 * every later change (listed with who and when), and brings the merged-away record back.
 */
describe('undoing a partnership merge while keeping later changes', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const versionOf = async (id: number) =>
    (await knex()('partnerships').where({ id }).first<{ version: number }>('version')).version;
  const setOf = (table: string, column: string, id: number) =>
    knex()(table).where({ partnership_id: id }).orderBy(column).pluck<string[]>(column);
  const auditCount = async () => Number((await knex()('audit_log').count<{ n: number | string }[]>('* as n'))[0]?.n);

  /** Wels (two contacts, an activity, culture, schools) merged by Petr into Loka (sport); Jana's edits since. */
  async function mergedAndEdited() {
    const tabor = await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    await actAs('Petr Svoboda');
    const create = (name: string, countryCode: string, extra: Record<string, unknown>) =>
      ok<Row>(
        app.dispatch('partnerships:create', {
          municipalityId: tabor.id,
          type: 'friendship',
          status: 'proposed',
          town: { name, countryCode },
          ...extra,
        }),
      );
    const wels = await create('Steyregg', 'AT', {
      notes: 'Wels notes',
      signedOn: '2001-03-03',
      areas: ['culture'],
      participantGroups: ['schools'],
    });
    const loka = await create('Kamnik', 'SI', { notes: 'Loka notes', areas: ['sport'] });
    const contact = (partnershipId: number, name: string) =>
      ok<Row>(app.dispatch('contacts:create', { partnershipId, side: 'partner', name }));
    const hans = await contact(wels.id, 'Hans Huber');
    const greta = await contact(wels.id, 'Greta Gruber');
    const visit = await ok<Row>(
      app.dispatch('activities:create', { partnershipId: wels.id, date: '2019-05-01', title: 'Návštěva' }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }),
    );
    await actAs('Jana Nováková');
    await ok(
      app.dispatch('partnerships:update', {
        id: loka.id,
        version: await versionOf(loka.id),
        changes: { signedPlace: 'Tábor', notes: 'Jana notes', participantGroups: ['schools', 'youth'] },
      }),
    );
    const gretaNow = await knex()('contacts').where({ id: greta.id }).first<Row>('id', 'version');
    await ok(app.dispatch('contacts:delete', { id: greta.id, version: gretaNow.version }));
    const added = await contact(loka.id, 'Nová Kontaktní');
    await actAs('Petr Svoboda');
    return { wels, loka, hans, greta, visit, added, auditId };
  }

  it('lists field by field what happens, with who changed what since; nothing written', async () => {
    const { loka, wels, hans, greta, visit, auditId } = await mergedAndEdited();
    // The plain undo is refused, as before.
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    const count = await auditCount();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    expect(preview).toMatchObject({
      keepId: loka.id,
      mergedId: wels.id,
      kept: 'Tábor – Kamnik',
      merged: 'Tábor – Steyregg',
      version: await versionOf(loka.id),
    });
    const byField = Object.fromEntries(preview.fields.map((f) => [f.field, f]));
    expect(byField.signedOn).toMatchObject({ outcome: 'restored', before: null, current: '2001-03-03' });
    expect(byField.areas).toMatchObject({ outcome: 'restored', before: ['sport'], current: ['culture', 'sport'] });
    expect(byField.notes).toMatchObject({
      outcome: 'keptBoth',
      before: 'Loka notes',
      merged: 'Loka notes\n\nWels notes',
      current: 'Jana notes',
      changedBy: expect.stringMatching(/^Jana Nováková/),
    });
    expect(byField.signedPlace).toMatchObject({
      outcome: 'keptLater',
      current: 'Tábor',
      changedBy: expect.stringMatching(/^Jana/),
    });
    expect(byField.participantGroups).toMatchObject({ outcome: 'keptBoth', current: ['schools', 'youth'] });
    expect(byField.signedPlace?.changedAt).toEqual(expect.any(String));
    expect(byField.type).toBeUndefined();
    expect(preview.children).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'contacts', id: hans.id, state: 'back', label: 'Hans Huber' }),
        expect.objectContaining({
          table: 'contacts',
          id: greta.id,
          state: 'deleted',
          label: 'Greta Gruber',
          changedBy: expect.stringMatching(/^Jana/),
        }),
        expect.objectContaining({ table: 'activities', id: visit.id, state: 'back', label: 'Návštěva' }),
      ]),
    );
    expect(await auditCount()).toBe(count);
    expect(await knex()('partnerships').where({ id: wels.id }).first()).toBeUndefined();
  });

  it('restores the fields only the merge changed, keeps the later ones, moves the children back', async () => {
    const { loka, wels, hans, greta, visit, added, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    const count = await auditCount();
    await ok(app.dispatch('merges:undoKeeping', { auditId, version: preview.version, check: preview.check }));

    const kept = await knex()('partnerships').where({ id: loka.id }).first<Record<string, unknown>>();
    expect(kept).toMatchObject({
      signed_on: null,
      signed_place: 'Tábor',
      notes: 'Jana notes',
      version: preview.version + 1,
    });
    expect(await setOf('partnership_areas', 'area', loka.id)).toEqual(['sport']);
    expect(await setOf('partnership_participants', 'participant_group', loka.id)).toEqual(['schools', 'youth']);
    // Wels back with its id, its own values, areas and groups, and the children the merge moved.
    const back = await knex()('partnerships').where({ id: wels.id }).first<Record<string, unknown>>();
    expect(back).toMatchObject({ notes: 'Wels notes', signed_on: '2001-03-03' });
    expect(await setOf('partnership_areas', 'area', wels.id)).toEqual(['culture']);
    expect(await setOf('partnership_participants', 'participant_group', wels.id)).toEqual(['schools']);
    expect(await knex()('contacts').where({ id: hans.id }).first('partnership_id')).toEqual({
      partnership_id: wels.id,
    });
    expect(await knex()('activities').where({ id: visit.id }).first('partnership_id')).toEqual({
      partnership_id: wels.id,
    });
    // The contact added to Loka later stays there; the one deleted since stays deleted.
    expect(await knex()('contacts').where({ id: added.id }).first('partnership_id')).toEqual({
      partnership_id: loka.id,
    });
    expect(await knex()('contacts').where({ id: greta.id }).first()).toBeUndefined();

    // One audited entry, naming the merge it undid, what it put back and what it kept.
    expect(await auditCount()).toBe(count + 1);
    const entry = await knex()('audit_log')
      .orderBy('id', 'desc')
      .first<{ table_name: string; record_id: number; action: string; actor: string; before: string; after: string }>();
    expect(entry).toMatchObject({ table_name: 'partnerships', record_id: loka.id, action: 'restore' });
    expect(entry.actor).toMatch(/^Petr Svoboda/);
    expect(JSON.parse(entry.before)).toEqual({ signedOn: '2001-03-03', areas: ['culture', 'sport'] });
    const after = JSON.parse(entry.after) as Record<string, unknown>;
    expect(after).toMatchObject({ undoneMerge: auditId, signedOn: null, areas: ['sport'] });
    expect(after.keptLater).toEqual(expect.arrayContaining(['notes', 'signedPlace', 'participantGroups']));
    expect(after.childrenNotBack).toEqual([{ table: 'contacts', id: greta.id, state: 'deleted' }]);

    // Done once: a second undo (either kind) is refused.
    const again = (await app.dispatch('merges:undoKeepingPreview', { auditId })) as Failure;
    expect(again.error.details?.reason).toBe('undo.alreadyRestored');
    const twice = (await app.dispatch('merges:undoKeeping', {
      auditId,
      version: preview.version + 1,
      check: preview.check,
    })) as Failure;
    expect(twice.error.details?.reason).toBe('undo.alreadyRestored');
  });

  it('a change of the kept record between the preview and the confirmation refuses, naming who; nothing written', async () => {
    const { loka, wels, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    await actAs('Jana Nováková');
    await ok(
      app.dispatch('partnerships:update', {
        id: loka.id,
        version: await versionOf(loka.id),
        changes: { czResolution: 'ZM 12/2024' },
      }),
    );
    await actAs('Petr Svoboda');
    const state = await knex()('partnerships').orderBy('id').select();
    const contacts = await knex()('contacts').orderBy('id').select();
    const count = await auditCount();
    const refused = (await app.dispatch('merges:undoKeeping', {
      auditId,
      version: preview.version,
      check: preview.check,
    })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('error.conflictBy');
    expect(refused.error.details?.changedBy).toMatch(/^Jana Nováková/);
    expect(await knex()('partnerships').orderBy('id').select()).toEqual(state);
    expect(await knex()('contacts').orderBy('id').select()).toEqual(contacts);
    expect(await auditCount()).toBe(count);
    expect(await knex()('partnerships').where({ id: wels.id }).first()).toBeUndefined();
  });

  it('a moved child deleted between the preview and the confirmation refuses too (the version did not change)', async () => {
    const { hans, auditId } = await mergedAndEdited();
    const preview = await ok<Preview>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    await actAs('Jana Nováková');
    const now = await knex()('contacts').where({ id: hans.id }).first<Row>('id', 'version');
    await ok(app.dispatch('contacts:delete', { id: hans.id, version: now.version }));
    await actAs('Petr Svoboda');
    const count = await auditCount();
    const refused = (await app.dispatch('merges:undoKeeping', {
      auditId,
      version: preview.version,
      check: preview.check,
    })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.keeping.changedMeanwhileBy');
    expect(refused.error.details?.changedBy).toMatch(/^Jana Nováková/);
    expect(await auditCount()).toBe(count);
  });

  it('a town merge is offered as a town merge (its own test: merge-undo-keeping-town)', async () => {
    const stamp = { created_at: 'x', updated_at: 'x' };
    const insertTown = async (name: string) => {
      const [row] = await knex()('foreign_towns')
        .insert({ name, name_key: name.toLowerCase(), country_code: 'AT', ...stamp })
        .returning<{ id: number }[]>('id');
      return row?.id ?? 0;
    };
    const keepId = await insertTown('Gmunden');
    const mergeId = await insertTown('Gmundn');
    const { auditId } = await ok<{ auditId: number }>(app.dispatch('towns:merge', { keepId, mergeId }));
    const preview = await ok<Preview & { kind: string }>(app.dispatch('merges:undoKeepingPreview', { auditId }));
    expect(preview).toMatchObject({ kind: 'foreign_towns', keepId, mergedId: mergeId, children: [] });
  });
});
