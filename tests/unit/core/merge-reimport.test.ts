import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/*
 * Walkthrough 20, finding 5: two partnerships of one member with two records of one town
 * (Żagań / Żagań nad Bobrem) merged, then the source file imported again. The merged-away pair
 * must find the kept partnership, not come back as the duplicate the user removed.
 */
describe('a partnership merge is remembered by the next import of the same file', () => {
  let app: TestApp;
  let taborId: number;
  let keptId: number;
  let mergedId: number;
  let mergedTownId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    const knex = app.ctx.db.knex;
    taborId = (await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id')).id;
    const stamp = { created_at: 'x', updated_at: 'x', country_code: 'PL' };
    const [kept, merged] = await knex('foreign_towns')
      .insert([
        { name: 'Testowo', name_key: 'testowo', ...stamp },
        { name: 'Testowo Górne', name_key: 'testowo gorne', alt_names: 'Testowo Gorne Miasto', ...stamp },
      ])
      .returning<{ id: number }[]>('id');
    mergedTownId = merged?.id ?? 0;
    const partnership = (townId: number | undefined, startedOn: string) => ({
      municipality_id: taborId,
      foreign_town_id: townId,
      type: 'unknown',
      status: 'unknown',
      started_on: startedOn,
      created_at: 'x',
      updated_at: 'x',
    });
    const [p1, p2] = await knex('partnerships')
      .insert([partnership(kept?.id, '2009'), partnership(merged?.id, '2009-03-01')])
      .returning<{ id: number }[]>('id');
    keptId = p1?.id ?? 0;
    mergedId = p2?.id ?? 0;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const preview = async (lines: string[]) => {
    const file = path.join(app.dir, `partneri-${String(Date.now())}.csv`);
    writeFileSync(file, ['Kód obce;Partnerské město;Stát;Rok', ...lines].join('\n') + '\n');
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    return ok<ImportReport>(
      app.dispatch('import:preview', {
        kind: 'partnerships',
        file: handle.file,
        mapping: { municipalityCode: 'Kód obce', townName: 'Partnerské město', country: 'Stát', year: 'Rok' },
      }),
    );
  };
  const taborPartnerships = () =>
    app.ctx.db.knex('partnerships').where({ municipality_id: taborId }).count<{ n: number | string }[]>({ n: '*' });

  it('the merged-away pair updates the kept partnership, also under another name of its town and once its town is deleted', async () => {
    const before = Number((await taborPartnerships())[0]?.n);
    const merge = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keptId, mergeId: mergedId }),
    );
    expect(Number((await taborPartnerships())[0]?.n)).toBe(before - 1);

    // The file that made the duplicate: nothing to add, the kept partnership's year agrees.
    const again = await preview(['552046;Testowo Górne;Polsko;2009']);
    expect(again.counts).toMatchObject({ add: 0, townsAdded: 0, unchanged: 1 });
    await ok(app.dispatch('import:commit', { previewId: again.previewId }));
    expect(Number((await taborPartnerships())[0]?.n)).toBe(before - 1);

    // Another name of the merged-away town.
    const other = await preview(['552046;Testowo Gorne Miasto;Polsko;2009']);
    expect(other.counts).toMatchObject({ add: 0, townsAdded: 0 });

    // The merged-away town, unused now, deleted: its names still belong to the kept partnership.
    const town = await app.ctx.db
      .knex('foreign_towns')
      .where({ id: mergedTownId })
      .first<{ version: number }>('version');
    await ok(app.dispatch('towns:delete', { id: mergedTownId, version: town.version }));
    const afterDelete = await preview(['552046;Testowo Górne;Polsko;2009']);
    expect(afterDelete.counts).toMatchObject({ add: 0, townsAdded: 0, unchanged: 1 });

    // Both pairs in one file: one partnership, the second line said and left out.
    const both = await preview(['552046;Testowo;Polsko;2009', '552046;Testowo Górne;Polsko;2010']);
    expect(both.counts).toMatchObject({ add: 0, townsAdded: 0, unchanged: 2 });
    expect(both.issues).toContainEqual(
      expect.objectContaining({ line: 3, severity: 'warning', reason: 'import.issue.mergedPairTwice' }),
    );
    expect(merge.auditId).toBeGreaterThan(0);
  });

  it('the undo of the merge takes the names back: the pair is its own partnership again', async () => {
    const merge = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keptId, mergeId: mergedId }),
    );
    expect(
      await app.ctx.db.knex('partnership_merge_names').where({ partnership_id: keptId }).pluck('name_key'),
    ).toEqual(expect.arrayContaining(['testowo gorne', 'testowo gorne miasto']));
    await ok(app.dispatch('merges:restore', { auditId: merge.auditId }));
    expect(Number((await app.ctx.db.knex('partnership_merge_names').count({ n: '*' }))[0]?.n)).toBe(0);
    // The date of the merged-away pair goes to its own partnership again, not to the kept one.
    const report = await preview(['552046;Testowo Górne;Polsko;2009']);
    expect(report.counts).toMatchObject({ add: 0, townsAdded: 0 });
    expect(report.issues).not.toContainEqual(expect.objectContaining({ reason: 'import.issue.mergedPairTwice' }));
  });
});
