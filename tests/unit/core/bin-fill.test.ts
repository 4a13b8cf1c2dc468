import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Failure = {
  ok: false;
  error: {
    code: string;
    details?: { reason?: string; liveId?: number; changedAt?: string; params?: Record<string, unknown> };
  };
};
type Row = { id: number; version: number };
type Preview = {
  deletedId: number;
  live: { id: number; version: number; label: string; municipalityId: number };
  fields: { field: string; deleted: string; live: string | null }[];
  children: { table: string; id: number; label: string; detail: string; duplicate: boolean }[];
};
type BinEntry = {
  auditId: number;
  table: string;
  recordId: number;
  label: string;
  mergedInto: { recordId: number; label: string; filled: boolean; exists: boolean } | null;
  liveTwin: { recordId: number; municipalityId: number } | null;
  actor: string;
  at: string;
};

/*
 * Walkthrough 22, finding 1: Jana deletes Tábor–Dole (signature date, Petr's notes, a contact, an
 * activity with funding), Petr re-adds the pair without them, and Jana's restore from the bin is
 * refused. The bin now fills the live record from the deleted one, field by field as the user
 * ticks them, with the children; one merge entry on the live record, undoable, version-checked.
 */
describe('filling the re-added partnership from the deleted one in the bin', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const partnership = (id: number) => knex()('partnerships').where({ id }).first<Record<string, unknown>>();

  /** Tábor–Dole with its data, deleted by Jana, then re-added by Petr (type and notes of his own). */
  async function deletedAndReAdded() {
    const tabor = await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    await actAs('Jana Nováková');
    const first = await ok<Row>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor.id,
        type: 'formal',
        status: 'active',
        signedOn: '2001-03-03',
        czResolution: 'ZM 12/2001',
        notes: 'Petr: smlouva v archivu',
        areas: ['culture', 'sport'],
        town: { name: 'Dole', countryCode: 'FR' },
      }),
    );
    const contact = await ok<Row>(
      app.dispatch('contacts:create', {
        partnershipId: first.id,
        side: 'partner',
        name: 'Marie Dupont',
        email: 'm@dole.fr',
      }),
    );
    const activity = await ok<Row>(
      app.dispatch('activities:create', {
        partnershipId: first.id,
        date: '2019-06-01',
        title: 'Výměna mládeže',
        fundingProgramme: 'erasmus_plus',
        fundingAmount: 1200,
        currency: 'EUR',
      }),
    );
    const stored = await partnership(first.id);
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: first.id, version: Number(stored.version) }),
    );
    await actAs('Petr Svoboda');
    const live = await ok<Row>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor.id,
        type: 'friendship',
        status: 'proposed',
        areas: ['sport'],
        town: { name: 'Dole', countryCode: 'FR' },
      }),
    );
    // The same contact added again by Petr: an exact duplicate the fill skips.
    await ok(
      app.dispatch('contacts:create', {
        partnershipId: live.id,
        side: 'partner',
        name: 'Marie Dupont',
        email: 'm@dole.fr',
      }),
    );
    await actAs('Jana Nováková');
    return { deleteAuditId: auditId, deletedId: first.id, live, contact, activity, taborId: tabor.id };
  }

  it('the refused restore names the live record; the bin offers it; the preview lists both values', async () => {
    const { deleteAuditId, deletedId, live, activity } = await deletedAndReAdded();
    const refused = (await app.dispatch('bin:restore', { auditId: deleteAuditId })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.error.restorePartnershipDuplicate');
    expect(refused.error.details?.liveId).toBe(live.id);

    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const entry = bin.find((e) => e.auditId === deleteAuditId);
    expect(entry?.liveTwin?.recordId).toBe(live.id);

    const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    expect(preview.deletedId).toBe(deletedId);
    expect(preview.live).toMatchObject({ id: live.id, label: 'Tábor – Dole' });
    const byField = Object.fromEntries(preview.fields.map((f) => [f.field, f]));
    expect(byField.signedOn).toEqual({ field: 'signedOn', deleted: '2001-03-03', live: null });
    expect(byField.type).toEqual({ field: 'type', deleted: 'formal', live: 'friendship' });
    expect(byField.status).toEqual({ field: 'status', deleted: 'active', live: 'proposed' });
    expect(byField.notes).toEqual({ field: 'notes', deleted: 'Petr: smlouva v archivu', live: null });
    expect(byField.areas).toEqual({ field: 'areas', deleted: 'culture,sport', live: 'sport' });
    expect(preview.children.map((c) => [c.table, c.label, c.duplicate])).toEqual([
      ['contacts', 'Marie Dupont', true],
      ['activities', 'Výměna mládeže', false],
    ]);
    expect(preview.children.find((c) => c.table === 'activities')?.id).toBe(activity.id);
  });

  it('fills only the ticked fields, moves the ticked children, audits one entry; its undo puts both back', async () => {
    const { deleteAuditId, deletedId, live, activity } = await deletedAndReAdded();
    const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const before = await partnership(live.id);
    const contactsBefore = await knex()('contacts').where({ partnership_id: live.id }).count<{ n: number }[]>('* as n');

    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId: live.id,
        version: preview.live.version,
        // What the dialog ticks by default (the live record states none of these); type and status not.
        take: ['signedOn', 'czResolution', 'notes'],
        children: {
          contacts: preview.children.filter((c) => c.table === 'contacts').map((c) => c.id),
          activities: [activity.id],
        },
      }),
    );
    const after = await partnership(live.id);
    expect(after).toMatchObject({
      signed_on: '2001-03-03',
      cz_resolution: 'ZM 12/2001',
      notes: 'Petr: smlouva v archivu',
      type: 'friendship',
      status: 'proposed',
      version: Number(before.version) + 1,
    });
    expect(await knex()('partnership_areas').where({ partnership_id: live.id }).pluck('area')).toEqual(['sport']);
    // The duplicate contact was skipped; the activity came with its funding and its id.
    expect(await knex()('contacts').where({ partnership_id: live.id }).count<{ n: number }[]>('* as n')).toEqual(
      contactsBefore,
    );
    const moved = await knex()('activities').where({ partnership_id: live.id }).select<Record<string, unknown>[]>();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({
      id: activity.id,
      title: 'Výměna mládeže',
      funding_programme: 'erasmus_plus',
      currency: 'EUR',
    });
    expect(Number(moved[0]?.funding_amount)).toBe(1200);

    // One merge entry on the live record, naming the deleted one, with the fields it changed.
    const entry = await knex()('audit_log')
      .where({ id: auditId })
      .first<{ action: string; actor: string; after: string }>();
    expect(entry.action).toBe('merge');
    expect(entry.actor).toMatch(/Jana Nováková/);
    expect(JSON.parse(entry.after)).toMatchObject({
      filledFrom: deletedId,
      mergedName: `Tábor – Dole (#${String(deletedId)})`,
      signedOn: '2001-03-03',
    });

    // The live record's history says where the values came from (not "merged with").
    const history = await ok<{ id: number; merged?: { kind: string; name: string | null } }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: live.id }),
    );
    expect(history.find((e) => e.id === auditId)?.merged).toMatchObject({
      kind: 'filled',
      name: `Tábor – Dole (#${String(deletedId)})`,
    });

    // The bin: no longer a deletion to restore, but the deleted record filled into the live one.
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.some((e) => e.auditId === deleteAuditId)).toBe(false);
    const filled = bin.find((e) => e.table === 'partnerships' && e.recordId === deletedId);
    expect(filled?.mergedInto).toMatchObject({ recordId: live.id, filled: true, exists: true, label: 'Tábor – Dole' });
    // A second fill from the same delete is refused.
    const again = (await app.dispatch('bin:fillPreview', { auditId: deleteAuditId })) as Failure;
    expect(again.error.code).toBe('CONFLICT');

    // Undo: the live record as Petr left it, the activity gone from it, the deleted one back in the bin.
    await ok(app.dispatch('merges:restore', { auditId }));
    const undone = await partnership(live.id);
    // Every column as before the fill; the version goes on (a form open on the filled one is stale).
    expect(undone).toEqual({ ...before, version: Number(before.version) + 2 });
    expect(await knex()('activities').where({ partnership_id: live.id }).count<{ n: number }[]>('* as n')).toEqual([
      { n: 0 },
    ]);
    const binAfter = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const back = binAfter.find((e) => e.table === 'partnerships' && e.recordId === deletedId);
    expect(back?.mergedInto).toBeNull();
    expect(back?.liveTwin?.recordId).toBe(live.id);
    // ...and it can be filled again from there, with everything it had.
    const second = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: back?.auditId ?? 0 }));
    expect(second.fields.map((f) => f.field)).toContain('signedOn');
    expect(second.children.map((c) => c.label)).toContain('Výměna mládeže');
  });

  it('after a fill and its undo (twice) the bin names the original deleter and time, not who undid it', async () => {
    const { deleteAuditId, deletedId, live } = await deletedAndReAdded();
    const binBefore = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const deleted = binBefore.find((e) => e.auditId === deleteAuditId);
    expect(deleted?.actor).toMatch(/^Jana Nováková/);
    const deletedAt = (await knex()('audit_log').where({ id: deleteAuditId }).first<{ at: string }>('at')).at;
    expect(deleted?.at).toBe(deletedAt);

    // Jana fills, Eva undoes; then Jana fills again from the bin entry the undo left, Petr undoes.
    let fromAudit = deleteAuditId;
    for (const undoer of ['Eva Malá', 'Petr Svoboda']) {
      await actAs('Jana Nováková');
      const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: fromAudit }));
      const { auditId } = await ok<{ auditId: number }>(
        app.dispatch('bin:fill', {
          auditId: fromAudit,
          liveId: live.id,
          version: preview.live.version,
          take: ['notes'],
          children: {},
        }),
      );
      await actAs(undoer);
      await ok(app.dispatch('merges:restore', { auditId }));
      const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
      const back = bin.filter((e) => e.table === 'partnerships' && e.recordId === deletedId);
      expect(back).toHaveLength(1);
      expect(back[0]?.auditId).toBeGreaterThan(auditId);
      expect(back[0]?.actor).toBe(deleted?.actor);
      expect(back[0]?.at).toBe(deletedAt);
      // The audit log itself still says truthfully who undid the fill.
      const undoEntry = await knex()('audit_log')
        .where({ id: back[0]?.auditId ?? 0 })
        .first<{ actor: string; action: string }>('actor', 'action');
      expect(undoEntry).toMatchObject({ action: 'delete', actor: expect.stringMatching(new RegExp(`^${undoer}`)) });
      fromAudit = back[0]?.auditId ?? 0;
    }
  });

  it('a fill from the live record seen before a colleague’s change is refused naming him; nothing written', async () => {
    const { deleteAuditId, live, activity } = await deletedAndReAdded();
    const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    await actAs('Petr Svoboda');
    await ok(
      app.dispatch('partnerships:update', {
        id: live.id,
        version: preview.live.version,
        changes: { signedOn: '2002' },
      }),
    );
    await actAs('Jana Nováková');
    const state = async () => ({
      partnerships: await knex()('partnerships').orderBy('id').select(),
      activities: await knex()('activities').orderBy('id').select(),
      areas: await knex()('partnership_areas').orderBy(['partnership_id', 'area']).select(),
      audit: await knex()('audit_log').count<{ n: number }[]>('* as n'),
    });
    const stateBefore = await state();
    const refused = (await app.dispatch('bin:fill', {
      auditId: deleteAuditId,
      liveId: live.id,
      version: preview.live.version,
      take: ['signedOn', 'notes', 'areas'],
      children: { activities: [activity.id] },
    })) as Failure;
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('error.conflictBy');
    expect(String(refused.error.details?.params?.name)).toMatch(/^Petr Svoboda/);
    expect(await state()).toEqual(stateBefore);
  });

  it('the undo is refused when the live record changed since the fill, naming who; nothing written', async () => {
    const { deleteAuditId, live } = await deletedAndReAdded();
    const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId: live.id,
        version: preview.live.version,
        take: ['type'],
        children: {},
      }),
    );
    expect((await partnership(live.id)).type).toBe('formal');
    await actAs('Petr Svoboda');
    const now = await partnership(live.id);
    await ok(
      app.dispatch('partnerships:update', { id: live.id, version: Number(now.version), changes: { notes: 'Petr' } }),
    );
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    expect((await partnership(live.id)).notes).toBe('Petr');
    expect((await partnership(live.id)).type).toBe('formal');
  });

  it('the undo is refused when the live record was verified since (it would take the verification away)', async () => {
    const { deleteAuditId, live } = await deletedAndReAdded();
    const preview = await ok<Preview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId: live.id,
        version: preview.live.version,
        take: ['signedOn'],
        children: {},
      }),
    );
    await ok(app.dispatch('registry:verify', { table: 'partnerships', ids: [live.id] }));
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    const row = await partnership(live.id);
    expect(row.signed_on).toBe('2001-03-03');
    expect(row.verified_at).not.toBeNull();
  });

  it('input is checked at the gate: a field or table that does not exist, or a town’s field, is refused', async () => {
    const bad = (await app.dispatch('bin:fill', {
      auditId: 1,
      liveId: 1,
      version: 1,
      take: ['municipalityId'],
      children: {},
    })) as Failure;
    expect(bad.error.code).toBe('VALIDATION');
    const badChild = (await app.dispatch('bin:fill', {
      auditId: 1,
      liveId: 1,
      version: 1,
      take: [],
      children: { partnership_areas: [1] },
    })) as Failure;
    expect(badChild.error.code).toBe('VALIDATION');
    // A town's field is no partnership's: refused by the fill of a partnership.
    const { deleteAuditId, live } = await deletedAndReAdded();
    const version = Number((await partnership(live.id)).version);
    const townField = (await app.dispatch('bin:fill', {
      auditId: deleteAuditId,
      liveId: live.id,
      version,
      take: ['population'],
      children: {},
    })) as Failure;
    expect(townField.error.code).toBe('VALIDATION');
    expect(Number((await partnership(live.id)).version)).toBe(version);
  });
});

type TownPreview = Omit<Preview, 'live'> & {
  table: string;
  live: { id: number; version: number; label: string; municipalityId: number | null };
};

/*
 * The same for a partner town card (walkthrough 22, finding 1, follow-up): Jana deletes the card
 * of Dole (France) with its population, town-hall address, mayor, coordinates and notes; Petr adds
 * Dole again with a population of his own; Jana's restore is refused. The bin fills Petr's card
 * from the deleted one, field by field; one merge entry on it, undoable, version-checked. A town
 * has no partnerships when deleted, so it is fields only.
 */
describe('filling the town added again from the deleted town card in the bin', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const town = (id: number) => knex()('foreign_towns').where({ id }).first<Record<string, unknown>>();
  const townCard = (id: number) => ok<{ id: number; version: number }>(app.dispatch('towns:card', { id }));

  /** A new town Dole with a partnership of Tábor (the way a town is added), that partnership deleted. */
  async function addDole(fields: Record<string, unknown>) {
    const tabor = await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
    const created = await ok<Row>(
      app.dispatch('partnerships:create', {
        municipalityId: tabor.id,
        type: 'friendship',
        status: 'proposed',
        town: { name: 'Dole', countryCode: 'FR' },
      }),
    );
    const townId = Number((await partnership(created.id)).foreign_town_id);
    const card = await townCard(townId);
    await ok(app.dispatch('towns:update', { id: townId, version: card.version, patch: fields }));
    const stored = await partnership(created.id);
    await ok(app.dispatch('partnerships:delete', { id: created.id, version: Number(stored.version) }));
    return townId;
  }
  const partnership = (id: number) => knex()('partnerships').where({ id }).first<Record<string, unknown>>();

  /** Jana's Dole card deleted, then Dole added again by Petr with a population of his own. */
  async function deletedAndReAdded() {
    await actAs('Jana Nováková');
    const deletedId = await addDole({
      population: 22_000,
      address: '1 place de la Mairie, 39100 Dole',
      mayorName: 'Jean-Baptiste Gagnoux',
      latitude: 47.0925,
      longitude: 5.4897,
      altNames: ['Dôle'],
      notes: 'Jana: kontakt přes radnici',
    });
    const card = await townCard(deletedId);
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('towns:delete', { id: deletedId, version: card.version }),
    );
    await actAs('Petr Svoboda');
    const liveId = await addDole({ population: 23_500, website: 'https://www.doledujura.fr' });
    await actAs('Jana Nováková');
    return { deleteAuditId: auditId, deletedId, liveId };
  }

  it('the refused restore names the live town; the bin offers it; the preview lists both values', async () => {
    const { deleteAuditId, deletedId, liveId } = await deletedAndReAdded();
    expect(liveId).not.toBe(deletedId);
    const refused = (await app.dispatch('bin:restore', { auditId: deleteAuditId })) as Failure;
    expect(refused.error.details?.reason).toBe('merge.error.restoreTownDuplicate');
    expect(refused.error.details?.liveId).toBe(liveId);

    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.find((e) => e.auditId === deleteAuditId)?.liveTwin).toEqual({ recordId: liveId, municipalityId: null });

    const preview = await ok<TownPreview>(
      app.dispatch('bin:fillPreview', { auditId: deleteAuditId, table: 'foreign_towns' }),
    );
    expect(preview).toMatchObject({ table: 'foreign_towns', deletedId, children: [] });
    expect(preview.live).toMatchObject({ id: liveId, label: 'Dole', municipalityId: null });
    const byField = Object.fromEntries(preview.fields.map((f) => [f.field, f]));
    expect(byField.population).toEqual({ field: 'population', deleted: '22000', live: '23500' });
    expect(byField.address).toEqual({ field: 'address', deleted: '1 place de la Mairie, 39100 Dole', live: null });
    expect(byField.coordinates).toEqual({ field: 'coordinates', deleted: '47.0925,5.4897', live: null });
    expect(byField.altNames).toEqual({ field: 'altNames', deleted: 'Dôle', live: null });
    expect(byField.notes).toEqual({ field: 'notes', deleted: 'Jana: kontakt přes radnici', live: null });
    // What the deleted card does not state is not offered (unknown stays unknown); nor what both state alike.
    expect(byField.website).toBeUndefined();
    expect(byField.mayorGender).toBeUndefined();
    // The kind of the deleted record is checked when named.
    const wrongKind = (await app.dispatch('bin:fillPreview', {
      auditId: deleteAuditId,
      table: 'partnerships',
    })) as Failure;
    expect(wrongKind.error.code).toBe('NOT_FOUND');
  });

  it('fills only the ticked fields, audits one entry; its undo puts the live town back and the deleted one in the bin', async () => {
    const { deleteAuditId, deletedId, liveId } = await deletedAndReAdded();
    const preview = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const before = await town(liveId);

    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId,
        version: preview.live.version,
        table: 'foreign_towns',
        // The population both state differently stays Petr's; the mayor is left unticked.
        take: ['address', 'coordinates', 'altNames', 'notes'],
        children: {},
      }),
    );
    const after = await town(liveId);
    expect(after).toMatchObject({
      address: '1 place de la Mairie, 39100 Dole',
      alt_names: 'Dôle',
      notes: 'Jana: kontakt přes radnici',
      population: 23_500,
      website: 'https://www.doledujura.fr',
      mayor_name: null,
      version: Number(before.version) + 1,
    });
    expect(Number(after.latitude)).toBeCloseTo(47.0925);
    expect(Number(after.longitude)).toBeCloseTo(5.4897);

    const entry = await knex()('audit_log')
      .where({ id: auditId })
      .first<{ action: string; actor: string; table_name: string; record_id: number; after: string }>();
    expect(entry).toMatchObject({ action: 'merge', table_name: 'foreign_towns', record_id: liveId });
    expect(entry.actor).toMatch(/Jana Nováková/);
    expect(JSON.parse(entry.after)).toMatchObject({
      filledFrom: deletedId,
      mergedName: `Dole (#${String(deletedId)})`,
      address: '1 place de la Mairie, 39100 Dole',
      altNames: ['Dôle'],
    });
    const history = await ok<{ id: number; merged?: { kind: string; name: string | null } }[]>(
      app.dispatch('audit:history', { table: 'foreign_towns', recordId: liveId }),
    );
    expect(history.find((e) => e.id === auditId)?.merged).toMatchObject({
      kind: 'filled',
      name: `Dole (#${String(deletedId)})`,
    });

    // The bin: the deleted card filled into the live one, no longer a deletion to restore.
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.some((e) => e.auditId === deleteAuditId)).toBe(false);
    const filled = bin.find((e) => e.table === 'foreign_towns' && e.recordId === deletedId);
    expect(filled?.mergedInto).toMatchObject({ recordId: liveId, filled: true, exists: true, label: 'Dole' });
    const again = (await app.dispatch('bin:fillPreview', { auditId: deleteAuditId })) as Failure;
    expect(again.error.code).toBe('CONFLICT');

    // Undo: every column of the live town as Petr left it; the deleted card back in the bin.
    await ok(app.dispatch('merges:restore', { auditId }));
    expect(await town(liveId)).toEqual({ ...before, version: Number(before.version) + 2 });
    expect(await town(deletedId)).toBeUndefined();
    const binAfter = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const back = binAfter.find((e) => e.table === 'foreign_towns' && e.recordId === deletedId);
    expect(back?.mergedInto).toBeNull();
    expect(back?.liveTwin?.recordId).toBe(liveId);
    const second = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: back?.auditId ?? 0 }));
    expect(second.fields.map((f) => f.field)).toEqual(expect.arrayContaining(['address', 'mayorName', 'notes']));
  });

  it('after a fill and its undo the bin names the card’s original deleter and time, not who undid it', async () => {
    const { deleteAuditId, deletedId, liveId } = await deletedAndReAdded();
    const deleted = (await ok<BinEntry[]>(app.dispatch('bin:list', {}))).find((e) => e.auditId === deleteAuditId);
    expect(deleted?.actor).toMatch(/^Jana Nováková/);
    const preview = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId,
        version: preview.live.version,
        table: 'foreign_towns',
        take: ['notes'],
        children: {},
      }),
    );
    await actAs('Eva Malá');
    await ok(app.dispatch('merges:restore', { auditId }));
    const back = (await ok<BinEntry[]>(app.dispatch('bin:list', {}))).filter(
      (e) => e.table === 'foreign_towns' && e.recordId === deletedId,
    );
    expect(back).toHaveLength(1);
    expect(back[0]?.auditId).toBeGreaterThan(auditId);
    expect(back[0]?.actor).toBe(deleted?.actor);
    expect(back[0]?.at).toBe(deleted?.at);
  });

  it('a fill from the town seen before a colleague’s change is refused naming him; nothing written', async () => {
    const { deleteAuditId, liveId } = await deletedAndReAdded();
    const preview = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    await actAs('Petr Svoboda');
    await ok(app.dispatch('towns:update', { id: liveId, version: preview.live.version, patch: { address: 'Mairie' } }));
    await actAs('Jana Nováková');
    const state = async () => ({
      towns: await knex()('foreign_towns').orderBy('id').select(),
      audit: await knex()('audit_log').count<{ n: number }[]>('* as n'),
    });
    const stateBefore = await state();
    const refused = (await app.dispatch('bin:fill', {
      auditId: deleteAuditId,
      liveId,
      version: preview.live.version,
      take: ['address', 'notes'],
      children: {},
    })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('error.conflictBy');
    expect(String(refused.error.details?.params?.name)).toMatch(/^Petr Svoboda/);
    expect(await state()).toEqual(stateBefore);
  });

  it('the undo is refused when the live town changed since the fill, naming who; nothing written', async () => {
    const { deleteAuditId, liveId } = await deletedAndReAdded();
    const preview = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('bin:fill', {
        auditId: deleteAuditId,
        liveId,
        version: preview.live.version,
        take: ['population'],
        children: {},
      }),
    );
    expect(Number((await town(liveId)).population)).toBe(22_000);
    await actAs('Petr Svoboda');
    const card = await townCard(liveId);
    await ok(app.dispatch('towns:update', { id: liveId, version: card.version, patch: { notes: 'Petr' } }));
    const stateBefore = await knex()('foreign_towns').orderBy('id').select();
    const refused = (await app.dispatch('merges:restore', { auditId })) as Failure;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.details?.reason).toBe('merge.error.changedSinceBy');
    expect(await knex()('foreign_towns').orderBy('id').select()).toEqual(stateBefore);
  });

  it('refuses a partnership’s field or children for a town, and a town’s field for a partnership', async () => {
    const { deleteAuditId, liveId } = await deletedAndReAdded();
    const preview = await ok<TownPreview>(app.dispatch('bin:fillPreview', { auditId: deleteAuditId }));
    const base = { auditId: deleteAuditId, liveId, version: preview.live.version };
    const stateBefore = await knex()('foreign_towns').orderBy('id').select();
    const partnershipField = (await app.dispatch('bin:fill', {
      ...base,
      take: ['signedOn'],
      children: {},
    })) as Failure;
    expect(partnershipField.error.code).toBe('VALIDATION');
    const children = (await app.dispatch('bin:fill', { ...base, take: [], children: { contacts: [1] } })) as Failure;
    expect(children.error.code).toBe('VALIDATION');
    const wrongTable = (await app.dispatch('bin:fill', {
      ...base,
      table: 'partnerships',
      take: ['notes'],
      children: {},
    })) as Failure;
    expect(wrongTable.error.code).toBe('NOT_FOUND');
    expect(await knex()('foreign_towns').orderBy('id').select()).toEqual(stateBefore);
  });
});
