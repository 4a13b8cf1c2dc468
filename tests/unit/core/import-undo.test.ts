import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { correctUnstatedTerms } from '../../../electron/core/db/unstated-terms';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import {
  DECIN,
  MUNICIPALITY_HEADER,
  NEW_CITY,
  PARTNERSHIP_HEADER,
  PARTNERSHIP_MAPPING,
} from '../../support/import-rows';

/**
 * Undoing an import as a whole (import:undo): what it added goes, what it changed gets its earlier
 * values back, the registry is as it was before the import; or, when the user's work since touches
 * anything the import wrote, nothing changes and the refusal names the records.
 */
const MUNICIPALITIES = MUNICIPALITY_HEADER;
const PARTNERSHIPS = PARTNERSHIP_HEADER;

type Run = { id: number; changed: boolean; undoable: boolean; undoneAt: string | null; undoneBy: string | null };
type Failure = { ok: false; error: { code: string; details?: { reason?: string; params?: Record<string, unknown> } } };

/** Every row of the tables an import writes, without what any write moves on (version, time of change). */
async function registryState(app: TestApp) {
  const rows = async (table: string) =>
    (await app.ctx.db.knex(table).orderBy('id').select<Record<string, unknown>[]>('*')).map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'version' && column !== 'updated_at')),
    );
  return {
    municipalities: await rows('municipalities'),
    partnerships: await rows('partnerships'),
    foreign_towns: await rows('foreign_towns'),
  };
}

describe('undoing an import', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const importFile = async (
    name: string,
    text: string,
    kind: 'municipalities' | 'partnerships',
    extra: Record<string, unknown> = {},
  ) => {
    const file = path.join(app.dir, name);
    writeFileSync(file, text);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(app.dispatch('import:preview', { kind, file: handle.file, ...extra }));
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    return report;
  };
  const runs = async () => (await ok<{ runs: Run[] }>(app.dispatch('import:history', {}))).runs;
  const lastRun = async () => {
    const [run] = await runs();
    if (!run) throw new Error('no import in the history');
    return run;
  };
  const partnershipWithNote = async () => {
    const found = await app.ctx.db
      .knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.country_code', 'DE')
      .orderBy('p.id')
      .first<{ id: number; code: string; member: string; town: string }>(
        'p.id',
        'm.code',
        'm.name as member',
        't.name as town',
      );
    if (!found) throw new Error('the demo registry has no German partnership');
    return found;
  };

  it('a municipality list: the added place goes, the overwritten values come back, once', async () => {
    const before = await registryState(app);
    const report = await importFile('obce.csv', `${MUNICIPALITIES}\n${DECIN}\n${NEW_CITY}\n`, 'municipalities', {
      policy: 'overwrite',
    });
    expect(report.counts).toMatchObject({ add: 1, update: 1 });
    expect(await registryState(app)).not.toEqual(before);
    const run = await lastRun();
    expect(run).toMatchObject({ changed: true, undoable: true, undoneAt: null });

    const result = await ok<{ removed: Record<string, number>; restored: number; backup: string | null }>(
      app.dispatch('import:undo', { id: run.id }),
    );
    expect(result).toMatchObject({ removed: { municipalities: 1, partnerships: 0, towns: 0 }, restored: 1 });
    expect(await registryState(app)).toEqual(before);
    // The history says so, and keeps what the import had written.
    expect(await lastRun()).toMatchObject({ id: run.id, undoable: false, undoneAt: expect.any(String) as string });
    const decin = await app.ctx.db.knex('municipalities').where({ code: '562335' }).first<{ id: number }>('id');
    const entries = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'municipalities', record_id: decin?.id, action: 'unimport' })
      .select<{ before: string; after: string }[]>('before', 'after');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]?.before ?? '{}')).toMatchObject({ postalCode: '405 02' });
    expect(JSON.parse(entries[0]?.after ?? '{}')).toMatchObject({ postalCode: '405 38' });

    // Once only; and the same file imports again as new.
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.undo.already' } },
    });
    const again = await importFile('obce.csv', `${MUNICIPALITIES}\n${DECIN}\n${NEW_CITY}\n`, 'municipalities', {
      policy: 'overwrite',
    });
    expect(again.counts).toMatchObject({ add: 1, update: 1 });
  });

  it('a partnership list: the new partnership and its new town go, a filled note is emptied again', async () => {
    const known = await partnershipWithNote();
    await app.ctx.db.knex('partnerships').where({ id: known.id }).update({ notes: null });
    const before = await registryState(app);
    await importFile(
      'partneri.csv',
      `${PARTNERSHIPS}\n${known.code};${known.town};Německo;;ověřeno 2024\n${known.code};Neustadt an der Nirgendwo;Německo;1995;\n`,
      'partnerships',
      { mapping: PARTNERSHIP_MAPPING },
    );
    const after = await registryState(app);
    expect(after.partnerships.length).toBe(before.partnerships.length + 1);
    expect(after.foreign_towns.length).toBe(before.foreign_towns.length + 1);
    const run = await lastRun();
    const added = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Neustadt an der Nirgendwo')
      .first<{ id: number; version: number }>('p.id', 'p.version');
    await ok(app.dispatch('import:undo', { id: run.id }));
    expect(await registryState(app)).toEqual(before);
    // A colleague who had the added partnership open saves: told that undoing the import removed
    // it, which file, by whom (not sent to the bin, which does not have it).
    const refused = (await app.dispatch('partnerships:update', {
      id: added.id,
      version: added.version,
      changes: { notes: 'pozdě' },
    })) as Failure;
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'error.unimportedBy', params: { file: 'partneri.csv' } } },
    });
    expect(refused.error.details?.params?.name).not.toBe('—');
    // Its town's open card is told the same.
    const townId = (
      await app.ctx.db.knex('audit_log').where({ table_name: 'foreign_towns', action: 'unimport' }).first<{
        record_id: number;
      }>('record_id')
    ).record_id;
    expect(await app.dispatch('towns:card', { id: townId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'error.unimportedBy', params: { file: 'partneri.csv' } } },
    });
  });

  it('an import made before migration 0022 corrected its terms is still undone as a whole', async () => {
    const known = await partnershipWithNote();
    const before = await registryState(app);
    await importFile(
      'partneri.csv',
      `${PARTNERSHIPS}\n${known.code};Neustadt an der Nirgendwo;Německo;1995;\n`,
      'partnerships',
      { mapping: PARTNERSHIP_MAPPING },
    );
    const run = await lastRun();
    // As an older version wrote it (an indefinite term nobody stated), then corrected by 0022.
    const knex = app.ctx.db.knex;
    const added = await knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Neustadt an der Nirgendwo')
      .first<{ id: number }>('p.id');
    await knex('partnerships').where({ id: added.id }).update({ term_kind: 'indefinite' });
    await correctUnstatedTerms(knex, null, new Date().toISOString());
    expect(await knex('partnerships').where({ id: added.id }).first('term_kind')).toEqual({ term_kind: 'unknown' });
    const corrections = await knex('audit_log')
      .where({ record_id: added.id, action: 'migrate' })
      .count<{ n: number | string }[]>({ n: '*' });
    expect(Number(corrections[0]?.n)).toBe(1);
    // The correction is no one's work on the import's records: the undo goes through.
    expect(await ok(app.dispatch('import:undoCheck', { id: run.id }))).toEqual({ undoable: true });
    await ok(app.dispatch('import:undo', { id: run.id }));
    expect(await registryState(app)).toEqual(before);
  });

  it('refuses, naming the record and changing nothing, when the user has worked on what the import wrote', async () => {
    const known = await partnershipWithNote();
    await importFile(
      'partneri.csv',
      `${PARTNERSHIPS}\n${known.code};Neustadt an der Nirgendwo;Německo;1995;\n`,
      'partnerships',
      { mapping: PARTNERSHIP_MAPPING },
    );
    const run = await lastRun();
    const added = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Neustadt an der Nirgendwo')
      .first<{ id: number; version: number }>('p.id', 'p.version');
    if (!added) throw new Error('the import added no partnership');
    // Asked before the confirmation: nothing stands in the way yet.
    expect(await ok(app.dispatch('import:undoCheck', { id: run.id }))).toEqual({ undoable: true });

    // A contact of its own: the partnership is the user's work now.
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: added.id, side: 'partner', name: 'Hans Müller' }),
    );
    const withContact = await registryState(app);
    // The check before the confirmation gives the refusal the undo gives, and changes nothing.
    const backups = async () =>
      onServer() ? [] : (await ok<{ backups: unknown[] }>(app.dispatch('backups:list', {}))).backups;
    const backupsBefore = await backups();
    const checked = (await app.dispatch('import:undoCheck', { id: run.id })) as Failure;
    expect(checked).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.undo.changedSince' } },
    });
    expect(await backups()).toEqual(backupsBefore);
    const refused = (await app.dispatch('import:undo', { id: run.id })) as Failure;
    expect(refused.error.details).toEqual(checked.error.details);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.undo.changedSince' } },
    });
    expect(refused.error.details?.params).toMatchObject({
      count: 1,
      records: `${known.member} – Neustadt an der Nirgendwo`,
      more: 0,
    });
    expect(await registryState(app)).toEqual(withContact);
    expect(await lastRun()).toMatchObject({ undoable: true, undoneAt: null });

    // The contact deleted again: it waits in the bin for its partnership, which must stay.
    await ok(app.dispatch('contacts:delete', { id: contact.id, version: contact.version }));
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'import.undo.changedSince' } },
    });
    // An edit of the partnership stands in the way the same.
    await ok(app.dispatch('partnerships:update', { id: added.id, version: added.version, changes: { notes: 'moje' } }));
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'import.undo.changedSince' } },
    });
    expect(await app.ctx.db.knex('partnerships').where({ id: added.id }).first<{ notes: string }>('notes')).toEqual({
      notes: 'moje',
    });
  });

  it('a field no longer as the import wrote it (a merge folds notes without an entry of its own) is not overwritten', async () => {
    const known = await partnershipWithNote();
    await app.ctx.db.knex('partnerships').where({ id: known.id }).update({ notes: null });
    await importFile(
      'partneri.csv',
      `${PARTNERSHIPS}\n${known.code};${known.town};Německo;;z importu\n`,
      'partnerships',
      {
        mapping: PARTNERSHIP_MAPPING,
      },
    );
    const run = await lastRun();
    // As a merge of two partnerships writes it: notes joined, no audit entry of this record.
    await app.ctx.db
      .knex('partnerships')
      .where({ id: known.id })
      .update({ notes: 'z importu\n\nRUČNĚ PSANÁ POZNÁMKA', version: app.ctx.db.knex.raw('version + 1') });
    const backups = onServer() ? [] : (await ok<{ backups: unknown[] }>(app.dispatch('backups:list', {}))).backups;
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: {
        details: { reason: 'import.undo.changedSince', params: { records: `${known.member} – ${known.town}` } },
      },
    });
    expect(await app.ctx.db.knex('partnerships').where({ id: known.id }).first('notes')).toEqual({
      notes: 'z importu\n\nRUČNĚ PSANÁ POZNÁMKA',
    });
    // A refusal makes no backup (retries never push the one from before the import out).
    if (!onServer())
      expect((await ok<{ backups: unknown[] }>(app.dispatch('backups:list', {}))).backups).toHaveLength(backups.length);
  });

  it('a later import of the same records is undone first, then the earlier one', async () => {
    const before = await registryState(app);
    await importFile('obce.csv', `${MUNICIPALITIES}\n${DECIN}\n`, 'municipalities', { policy: 'overwrite' });
    const first = await lastRun();
    await importFile('obce.csv', `${MUNICIPALITIES}\n${DECIN.replace('40502', '40501')}\n`, 'municipalities', {
      policy: 'overwrite',
    });
    const second = await lastRun();
    // The later import is named: undo it first.
    expect(await app.dispatch('import:undo', { id: first.id })).toMatchObject({
      ok: false,
      error: {
        details: { reason: 'import.undo.laterImport', params: { files: 'obce.csv', records: 'Děčín (562335)' } },
      },
    });
    await ok(app.dispatch('import:undo', { id: second.id }));
    await ok(app.dispatch('import:undo', { id: first.id }));
    expect(await registryState(app)).toEqual(before);
  });

  it('a record written since with the same values (a town merge folding partnerships) is not put back', async () => {
    const known = await partnershipWithNote();
    await app.ctx.db.knex('partnerships').where({ id: known.id }).update({ notes: null });
    await importFile('partneri.csv', `${PARTNERSHIPS}\n${known.code};${known.town};Německo;;X\n`, 'partnerships', {
      mapping: PARTNERSHIP_MAPPING,
    });
    const run = await lastRun();
    // As a town merge writes the kept partnership: the same note, a new version and time, no entry of its own.
    await app.ctx.db
      .knex('partnerships')
      .where({ id: known.id })
      .update({ updated_at: new Date(Date.now() + 1000).toISOString(), version: app.ctx.db.knex.raw('version + 1') });
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'import.undo.changedSince' } },
    });
    expect(await app.ctx.db.knex('partnerships').where({ id: known.id }).first('notes')).toEqual({ notes: 'X' });
  });

  it('a record one import added and a later one filled: the later undone first, then the first', async () => {
    const before = await registryState(app);
    const withoutPostCode = NEW_CITY.replace(',25001,', ',,');
    await importFile('obce.csv', `${MUNICIPALITIES}\n${withoutPostCode}\n`, 'municipalities');
    const first = await lastRun();
    await importFile('obce-psc.csv', `${MUNICIPALITIES}\n${NEW_CITY}\n`, 'municipalities');
    const second = await lastRun();
    expect(second.changed).toBe(true);
    await ok(app.dispatch('import:undo', { id: second.id }));
    await ok(app.dispatch('import:undo', { id: first.id }));
    expect(await registryState(app)).toEqual(before);
  });

  it('an import that changed nothing has nothing to undo', async () => {
    await importFile('obce.csv', `${MUNICIPALITIES}\n${NEW_CITY}\n`, 'municipalities');
    await importFile('obce.csv', `${MUNICIPALITIES}\n${NEW_CITY}\n`, 'municipalities');
    const run = await lastRun();
    expect(run).toMatchObject({ changed: false, undoable: false });
    expect(await app.dispatch('import:undo', { id: run.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'import.undo.nothing' } },
    });
  });
  it('a commit does not overwrite what a colleague saved since the preview: refused, and a new preview shows it', async () => {
    const known = await partnershipWithNote();
    const knex = app.ctx.db.knex;
    await knex('partnerships').where({ id: known.id }).update({ started_on: '1995' });
    const file = path.join(app.dir, 'zacatky.csv');
    writeFileSync(file, `${PARTNERSHIPS}\n${known.code};${known.town};Německo;2006;\n`);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const preview = async () =>
      ok<ImportReport>(
        app.dispatch('import:preview', {
          kind: 'partnerships',
          file: handle.file,
          mapping: PARTNERSHIP_MAPPING,
          policy: 'overwrite',
        }),
      );
    const first = await preview();
    expect(first.counts).toMatchObject({ update: 1 });
    // A colleague saves another start after the preview was shown.
    const row = await knex('partnerships').where({ id: known.id }).first<{ version: number }>('version');
    await ok(
      app.dispatch('partnerships:update', { id: known.id, version: row.version, changes: { startedOn: '2000' } }),
    );
    const refused = (await app.dispatch('import:commit', { previewId: first.previewId })) as Failure;
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.error.changedSinceLines', params: { count: 1 } } },
    });
    expect(await knex('partnerships').where({ id: known.id }).first('started_on')).toEqual({ started_on: '2000' });
    expect(
      await knex('import_runs')
        .count<{ n: number }[]>({ n: '*' })
        .then((r) => Number(r[0]?.n)),
    ).toBe(0);
    // Previewed again, the user sees 2000 → 2006 and imports it.
    const second = await preview();
    expect(second.updated[0]?.changes).toEqual([{ field: 'startedOn', from: '2000', to: '2006' }]);
    await ok(app.dispatch('import:commit', { previewId: second.previewId }));
    expect(await knex('partnerships').where({ id: known.id }).first('started_on')).toEqual({ started_on: '2006' });
  });
  it('a partnership deleted since the preview is not made anew by the commit; a field filled since is no reason to refuse', async () => {
    const known = await partnershipWithNote();
    const knex = app.ctx.db.knex;
    await knex('partnerships').where({ id: known.id }).update({ started_on: null, notes: null });
    const file = path.join(app.dir, 'doplneni.csv');
    writeFileSync(file, `${PARTNERSHIPS}\n${known.code};${known.town};Německo;1999;ze souboru\n`);
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const preview = async () =>
      ok<ImportReport>(
        app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: PARTNERSHIP_MAPPING }),
      );
    // Filling what is empty: a colleague fills the note meanwhile; the start is still filled in.
    const first = await preview();
    expect(first.counts).toMatchObject({ update: 1 });
    const row = await knex('partnerships').where({ id: known.id }).first<{ version: number }>('version');
    await ok(
      app.dispatch('partnerships:update', { id: known.id, version: row.version, changes: { notes: 'od kolegy' } }),
    );
    await ok(app.dispatch('import:commit', { previewId: first.previewId }));
    expect(await knex('partnerships').where({ id: known.id }).first('started_on', 'notes')).toEqual({
      started_on: '1999',
      notes: 'od kolegy',
    });

    // Overwriting: the colleague deletes the partnership after the preview; the commit is refused
    // and does not make it anew (its original stays in the bin, restorable).
    writeFileSync(file, `${PARTNERSHIPS}\n${known.code};${known.town};Německo;2001;\n`);
    const again = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const second = await ok<ImportReport>(
      app.dispatch('import:preview', {
        kind: 'partnerships',
        file: again.file,
        mapping: PARTNERSHIP_MAPPING,
        policy: 'overwrite',
      }),
    );
    expect(second.counts).toMatchObject({ update: 1 });
    const current = await knex('partnerships').where({ id: known.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: known.id, version: current.version }));
    const count = async () => Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const before = await count();
    expect(await app.dispatch('import:commit', { previewId: second.previewId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.error.changedSinceLines' } },
    });
    expect(await count()).toBe(before);
  });
});
