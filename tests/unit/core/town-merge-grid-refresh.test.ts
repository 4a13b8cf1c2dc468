import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Row = { id: number; version: number; foreignTownId: number };

/*
 * A town merge gives the kept town the merged one's name among its other names, and its undo takes
 * it back: the rows of the kept town's own partnerships show those names (the quick search reads
 * them), so the change names them for the grids to refresh (walkthrough 25: after an undo the
 * Partnerships search still found Aš – Oelsnitz by „Oelzsnitz“ until a reload).
 */
describe('a town merge and its undo name the kept town’s own partnerships', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const changedPartnerships = (from: number): number[] =>
    app.events
      .slice(from)
      .filter((e) => e.event === 'data:changed')
      .flatMap((e) => (e.payload as { partnershipIds?: number[] }).partnershipIds ?? []);

  it('in the merge’s change, the plain undo’s and the undo keeping later changes', async () => {
    const members = await app.ctx.db.knex('municipalities').orderBy('id').limit(2).pluck('id');
    const [one, two] = members as number[];
    if (one === undefined || two === undefined) throw new Error('demo members missing');
    const create = (municipalityId: number, name: string) =>
      ok<Row>(
        app.dispatch('partnerships:create', {
          municipalityId,
          type: 'friendship',
          status: 'active',
          town: { name, countryCode: 'DE' },
        }),
      );
    const kept = await create(one, 'Oelsnitz Test');
    const moved = await create(two, 'Oelzsnitz Test');

    let from = app.events.length;
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('towns:merge', { keepId: kept.foreignTownId, mergeId: moved.foreignTownId }),
    );
    expect(changedPartnerships(from)).toEqual(expect.arrayContaining([kept.id, moved.id]));

    from = app.events.length;
    await ok(app.dispatch('merges:restore', { auditId }));
    expect(changedPartnerships(from)).toEqual(expect.arrayContaining([kept.id, moved.id]));

    // Merged again, the kept town edited since: the undo keeping that edit names them too.
    const again = await ok<{ auditId: number }>(
      app.dispatch('towns:merge', { keepId: kept.foreignTownId, mergeId: moved.foreignTownId }),
    );
    const version = (
      await app.ctx.db.knex('foreign_towns').where({ id: kept.foreignTownId }).first<{ version: number }>('version')
    ).version;
    await ok(app.dispatch('towns:update', { id: kept.foreignTownId, version, patch: { population: 4321 } }));
    const preview = await ok<{ version: number; check: string }>(
      app.dispatch('merges:undoKeepingPreview', { auditId: again.auditId }),
    );
    from = app.events.length;
    await ok(
      app.dispatch('merges:undoKeeping', { auditId: again.auditId, version: preview.version, check: preview.check }),
    );
    expect(changedPartnerships(from)).toEqual(expect.arrayContaining([kept.id, moved.id]));
  });
});
