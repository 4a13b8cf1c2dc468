import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { MESSAGES } from '../../../shared/i18n/index';
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
 * Walkthrough 22, finding 6: an import undo refused because a colleague edited one imported record
 * names who and when, gives no backup advice on a server registry (restoring one there throws away
 * everybody's work since), and offers to undo only the records nobody touched.
 */
type Details = {
  reason?: string;
  params?: Record<string, unknown>;
  changedAt?: string;
  changes?: { record: string; name: string | null; at: string | null }[];
  untouched?: { remove: number; restore: number; kept: number };
  server?: boolean;
};
type Failure = { ok: false; error: { code: string; details?: Details } };
type Run = { id: number; undoable: boolean; undoneAt: string | null; undoneKept?: number | null };

const LAHTI = 'Neustadt an der Nirgendwo';
const SOPRON = 'Oberdorf am Nirgendsee';

describe('an import undo after a colleague edited one of its records', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  /** Imports two new partnerships (with two new towns) of one member; returns the run and the two. */
  const importTwo = async () => {
    const member = await app.ctx.db
      .knex('municipalities')
      .whereNotNull('member_since')
      .orderBy('id')
      .first<{ code: string; name: string }>('code', 'name');
    const file = path.join(app.dir, 'nove.csv');
    writeFileSync(
      file,
      `${PARTNERSHIP_HEADER}\n${member.code};${LAHTI};Německo;1995;\n${member.code};${SOPRON};Německo;1996;\n`,
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: PARTNERSHIP_MAPPING }),
    );
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    const [run] = (await ok<{ runs: Run[] }>(app.dispatch('import:history', {}))).runs;
    if (!run) throw new Error('no import in the history');
    const pair = (town: string) =>
      app.ctx.db
        .knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('t.name', town)
        .first<{ id: number; version: number; townId: number } | undefined>('p.id', 'p.version', 't.id as townId');
    const lahti = await pair(LAHTI);
    const sopron = await pair(SOPRON);
    if (!lahti || !sopron) throw new Error('the import added no partnerships');
    return { run, lahti, sopron, member };
  };

  /** A colleague's edit: the same core, another person at the keyboard. */
  const asPetr = () =>
    createDispatch(createHandlers({ ...app.ctx, actor: () => Promise.resolve('Petr Svoboda') }), {
      validateOutput: true,
    });

  const auditCount = async () =>
    Number((await app.ctx.db.knex('audit_log').count<{ n: number | string }[]>({ n: '*' }))[0]?.n);

  it('names who changed the record and when, and advises no backup on a server', async () => {
    const { run, lahti, member } = await importTwo();
    await ok(
      asPetr()('partnerships:update', { id: lahti.id, version: lahti.version, changes: { notes: 'Petr: poznámka' } }),
    );
    const refused = (await app.dispatch('import:undoCheck', { id: run.id })) as Failure;
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const details = refused.error.details;
    expect(details?.reason).toBe('import.undo.changedSince');
    // The partnership, and its new town (named by Petr's edit), each with who and when.
    expect(details?.changes).toContainEqual({
      record: `${member.name} – ${LAHTI}`,
      name: expect.stringContaining('Petr Svoboda') as string,
      at: expect.any(String) as string,
    });
    for (const change of details?.changes ?? []) expect(change.name).toContain('Petr Svoboda');
    expect(details?.params?.name).toEqual(expect.stringContaining('Petr Svoboda'));
    expect(typeof details?.changedAt).toBe('string');
    // The engine decides the advice: a backup is never offered on a server registry.
    expect(details?.server).toBe(onServer());
    // Lahti stays with its new town (removing the town would take the partnership with it);
    // Sopron and its town nobody touched.
    expect(details?.untouched).toEqual({ remove: 2, restore: 0, kept: 2 });
    // The refusal's own sentence gives no backup advice in either language.
    for (const language of ['cs', 'en'] as const)
      expect(MESSAGES[language]['import.undo.changedSince']).not.toMatch(/zálo|backup/i);
    // The undo refuses the same way, and changes nothing.
    const count = await auditCount();
    expect(((await app.dispatch('import:undo', { id: run.id })) as Failure).error.details).toEqual(details);
    expect(await auditCount()).toBe(count);
  });

  it('undoes only the untouched records, audited, once', async () => {
    const { run, lahti, sopron } = await importTwo();
    await ok(
      asPetr()('partnerships:update', { id: lahti.id, version: lahti.version, changes: { notes: 'Petr: poznámka' } }),
    );
    const knex = app.ctx.db.knex;
    const partnershipsBefore = Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const townsBefore = Number((await knex('foreign_towns').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const lastAudit = Number((await knex('audit_log').max<{ m: number }[]>({ m: 'id' }))[0]?.m);

    const done = await ok<{ removed: Record<string, number>; restored: number; kept: number }>(
      app.dispatch('import:undo', { id: run.id, untouchedOnly: true }),
    );
    expect(done).toMatchObject({ removed: { municipalities: 0, partnerships: 1, towns: 1 }, restored: 0, kept: 2 });
    // Sopron and its town are gone; Lahti keeps Petr's note and its town.
    expect(await knex('partnerships').where({ id: sopron.id }).first('id')).toBeUndefined();
    expect(await knex('foreign_towns').where({ id: sopron.townId }).first('id')).toBeUndefined();
    expect(await knex('partnerships').where({ id: lahti.id }).first('notes')).toEqual({ notes: 'Petr: poznámka' });
    expect(await knex('foreign_towns').where({ id: lahti.townId }).first('id')).toEqual({ id: lahti.townId });
    expect(Number((await knex('partnerships').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBe(partnershipsBefore - 1);
    expect(Number((await knex('foreign_towns').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBe(townsBefore - 1);

    // Audited: one entry per removed record (keeping its row) and one for the import, marked partial.
    const entries = await knex('audit_log')
      .where('id', '>', lastAudit)
      .orderBy('id')
      .select<{ table_name: string; record_id: number; action: string; before: string | null; after: string | null }[]>(
        'table_name',
        'record_id',
        'action',
        'before',
        'after',
      );
    expect(entries.map((e) => [e.table_name, e.record_id, e.action]).sort()).toEqual([
      ['foreign_towns', sopron.townId, 'unimport'],
      ['import_runs', run.id, 'unimport'],
      ['partnerships', sopron.id, 'unimport'],
    ]);
    const of = (table: string) => entries.find((e) => e.table_name === table);
    expect(JSON.parse(of('partnerships')?.before ?? '{}')).toMatchObject({ _row: { id: sopron.id } });
    expect(JSON.parse(of('import_runs')?.after ?? '{}')).toMatchObject({
      fileName: 'nove.csv',
      partial: true,
      kept: 2,
    });
    // The history says it was partly undone, and offers no second undo.
    const [history] = (await ok<{ runs: Run[] }>(app.dispatch('import:history', {}))).runs;
    expect(history).toMatchObject({
      id: run.id,
      undoable: false,
      undoneAt: expect.any(String) as string,
      undoneKept: 2,
    });

    // Twice changes nothing the second time, partial or whole.
    const count = await auditCount();
    for (const untouchedOnly of [true, false])
      expect(await app.dispatch('import:undo', { id: run.id, untouchedOnly })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'import.undo.already' } },
      });
    expect(await auditCount()).toBe(count);
    expect(await knex('partnerships').where({ id: lahti.id }).first('notes')).toEqual({ notes: 'Petr: poznámka' });
  });

  it('refuses a partial undo when every record is in the way, changing nothing', async () => {
    const { run, lahti, sopron } = await importTwo();
    const petr = asPetr();
    await ok(petr('partnerships:update', { id: lahti.id, version: lahti.version, changes: { notes: 'a' } }));
    await ok(petr('partnerships:update', { id: sopron.id, version: sopron.version, changes: { notes: 'b' } }));
    const count = await auditCount();
    expect(await app.dispatch('import:undo', { id: run.id, untouchedOnly: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'import.undo.nothingUntouched' } },
    });
    expect(await auditCount()).toBe(count);
    const [history] = (await ok<{ runs: Run[] }>(app.dispatch('import:history', {}))).runs;
    expect(history).toMatchObject({ undoable: true, undoneAt: null });
  });

  it('an earlier import stays undoable once a later one was partly undone over the same record', async () => {
    const knex = app.ctx.db.knex;
    const postal = async () =>
      (await knex('municipalities').where({ code: '562335' }).first<{ postal_code: string }>('postal_code'))
        .postal_code;
    const original = await postal();
    const commit = async (name: string, text: string) => {
      const file = path.join(app.dir, name);
      writeFileSync(file, text);
      const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
      const report = await ok<ImportReport>(
        app.dispatch('import:preview', { kind: 'municipalities', file: handle.file, policy: 'overwrite' }),
      );
      await ok(app.dispatch('import:commit', { previewId: report.previewId }));
      const [run] = (await ok<{ runs: Run[] }>(app.dispatch('import:history', {}))).runs;
      if (!run) throw new Error('no import in the history');
      return run;
    };
    // B overwrites Děčín's postal code; A overwrites it again and adds a town Petr then edits.
    const first = await commit('b.csv', `${MUNICIPALITY_HEADER}\n${DECIN}\n`);
    const afterFirst = await postal();
    expect(afterFirst).not.toBe(original);
    const second = await commit('a.csv', `${MUNICIPALITY_HEADER}\n${DECIN.replace('40502', '40501')}\n${NEW_CITY}\n`);
    expect(await postal()).not.toBe(afterFirst);
    const added = await knex('municipalities').where({ code: '538094' }).first<{ id: number; version: number }>();
    await ok(asPetr()('municipalities:update', { id: added.id, version: added.version, patch: { population: 812 } }));

    // A partly undone: Děčín gets B's value back, the town Petr edited stays.
    expect(await ok(app.dispatch('import:undo', { id: second.id, untouchedOnly: true }))).toMatchObject({
      removed: { municipalities: 0 },
      restored: 1,
      kept: 1,
    });
    expect(await postal()).toBe(afterFirst);
    // A's undone entry of Děčín no longer stands in B's way: B is undone as a whole.
    await ok(app.dispatch('import:undo', { id: first.id }));
    expect(await postal()).toBe(original);
    expect(await knex('municipalities').where({ id: added.id }).first('population')).toEqual({ population: 812 });
  });
});
