import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import type { BinEntry } from '../../../electron/core/services/bin-service';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { PARTNERSHIP_HEADER, PARTNERSHIP_MAPPING } from '../../support/import-rows';

type Row = { id: number; version: number };

/*
 * Walkthrough 22. Finding 3: a record merged away could be found nowhere (not in the bin, only in
 * a merge entry of the kept record): the bin lists it now, marked "merged into …", read from the
 * merge's audit entry, with the values it had. Finding 1: an import preview said "To add 1" for a
 * pair deleted two minutes earlier: it now names the pair, who deleted it and when.
 */
describe('the bin: records merged away, and the values of what it holds', () => {
  let app: TestApp;
  let taborId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    taborId = (await knex()('municipalities').where({ code: '552046' }).first<{ id: number }>('id')).id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const actAs = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const bin = () => ok<BinEntry[]>(app.dispatch('bin:list', {}));
  const create = (name: string, countryCode: string, fields: Record<string, unknown> = {}) =>
    ok<Row>(
      app.dispatch('partnerships:create', {
        municipalityId: taborId,
        type: 'friendship',
        status: 'proposed',
        ...fields,
        town: { name, countryCode },
      }),
    );

  it('lists a partnership merged away, with who merged it, into which record and its values; not once undone', async () => {
    const wels = await create('Steyregg', 'AT', { signedOn: '2001-03-03', notes: 'Petr’s notes' });
    const loka = await create('Kamnik', 'SI');
    await actAs('Petr Svoboda');
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }),
    );
    const merged = (await bin()).filter((entry) => entry.mergedInto !== null);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({
      auditId,
      table: 'partnerships',
      recordId: wels.id,
      label: 'Tábor – Steyregg',
      actor: 'Petr Svoboda',
      mergedInto: {
        table: 'partnerships',
        recordId: loka.id,
        label: 'Tábor – Kamnik',
        municipalityId: taborId,
        exists: true,
      },
    });
    expect(merged[0]?.values).toEqual(
      expect.arrayContaining([
        { field: 'signedOn', value: '2001-03-03' },
        { field: 'notes', value: 'Petr’s notes' },
        { field: 'type', value: 'friendship' },
      ]),
    );
    // No id or bookkeeping among the values.
    expect(merged[0]?.values.map((v) => v.field)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(id|version|municipalityId|foreignTownId)$/)]),
    );
    // Back after the undo: no longer in the bin.
    await ok(app.dispatch('merges:restore', { auditId }));
    expect((await bin()).filter((entry) => entry.mergedInto !== null)).toEqual([]);
  });

  it('lists a town merged away and says so when the kept record is gone since', async () => {
    const stamp = { created_at: 'x', updated_at: 'x' };
    const insertTown = async (name: string, population: number | null) => {
      const [row] = await knex()('foreign_towns')
        .insert({ name, name_key: name.toLowerCase(), country_code: 'AT', population, ...stamp })
        .returning<{ id: number }[]>('id');
      return row?.id ?? 0;
    };
    const keptId = await insertTown('Gmunden', null);
    const copyId = await insertTown('Gmundn', 13000);
    await ok(app.dispatch('towns:merge', { keepId: keptId, mergeId: copyId }));
    const [town] = (await bin()).filter((entry) => entry.mergedInto !== null);
    expect(town).toMatchObject({
      table: 'foreign_towns',
      recordId: copyId,
      label: 'Gmundn',
      mergedInto: { table: 'foreign_towns', recordId: keptId, label: 'Gmunden', municipalityId: null, exists: true },
    });
    expect(town?.values).toEqual(expect.arrayContaining([{ field: 'population', value: 13000 }]));

    // A partnership merged away whose kept one was deleted since: listed, the kept one not linked.
    const wels = await create('Steyregg', 'AT');
    const loka = await create('Kamnik', 'SI');
    await ok(app.dispatch('partnerships:merge', { keepId: loka.id, mergeId: wels.id }));
    const kept = await knex()('partnerships').where({ id: loka.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: loka.id, version: kept.version }));
    const entries = await bin();
    expect(entries.find((entry) => entry.recordId === wels.id && entry.table === 'partnerships')).toMatchObject({
      mergedInto: { recordId: loka.id, exists: false },
    });
    // The deleted kept partnership is in the bin as a deletion, with Restore.
    expect(entries.find((entry) => entry.recordId === loka.id)).toMatchObject({ mergedInto: null });
  });

  it('shows a deleted partnership’s values', async () => {
    const dole = await create('Dole', 'FR', { signedOn: '2001-03-03', notes: 'notes by Petr' });
    await ok(app.dispatch('partnerships:delete', { id: dole.id, version: dole.version }));
    const [entry] = await bin();
    expect(entry).toMatchObject({ recordId: dole.id, mergedInto: null });
    expect(entry?.values).toEqual(
      expect.arrayContaining([
        { field: 'signedOn', value: '2001-03-03' },
        { field: 'notes', value: 'notes by Petr' },
      ]),
    );
  });

  it('an import preview names a pair to add that is in the bin: who deleted it and when; the import is unchanged', async () => {
    const dole = await create('Dole', 'FR', { signedOn: '2001-03-03' });
    await actAs('Jana Nováková');
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: dole.id, version: dole.version }),
    );
    const deleted = await knex()('audit_log').where({ id: auditId }).first<{ at: string }>('at');
    await actAs('Petr Svoboda');
    const file = path.join(app.dir, 'dole.csv');
    writeFileSync(file, `${PARTNERSHIP_HEADER}\n552046;Dole;Francie;;\n552046;Carcassonne-Nord;Francie;;\n`);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: PARTNERSHIP_MAPPING }),
    );
    expect(report.counts.add).toBe(2);
    expect(report.inBin).toEqual([{ line: 2, label: 'Tábor – Dole', auditId, actor: 'Jana Nováková', at: deleted.at }]);
    // The import itself adds the pair as before; its deleted record stays in the bin.
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    const again = await knex()('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where({ 'p.municipality_id': taborId, 't.name': 'Dole' })
      .select<{ id: number }[]>('p.id');
    expect(again).toHaveLength(1);
    expect((await bin()).map((entry) => entry.auditId)).toContain(auditId);
  });

  it('an import preview of pairs not in the bin lists none', async () => {
    const file = path.join(app.dir, 'new.csv');
    writeFileSync(file, `${PARTNERSHIP_HEADER}\n552046;Dole;Francie;;\n`);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: PARTNERSHIP_MAPPING }),
    );
    expect(report.counts.add).toBe(1);
    expect(report.inBin).toEqual([]);
  });
});
