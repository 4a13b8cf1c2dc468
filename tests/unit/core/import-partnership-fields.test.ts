import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../shared/domain/import/report';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { PARTNERSHIP_HEADER, PARTNERSHIP_MAPPING } from '../../support/import-rows';

/**
 * What a partnerships import does with the start date and the note of a partnership the registry
 * already has: a note fills an empty one (it was dropped before), a date that refines the stored
 * one fills in the day, anything else filled is kept unless the user chose to overwrite; two rows
 * of one partnership in a file keep the more precise date and both notes.
 */
const HEADER = PARTNERSHIP_HEADER;
const MAPPING = PARTNERSHIP_MAPPING;

type Stored = { id: number; started_on: string | null; notes: string | null; version: number };

describe('a partnerships import and the fields of partnerships the registry has', () => {
  let app: TestApp;
  let file: string;
  let partnership: { id: number; code: string; town: string; country: string };
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    file = path.join(app.dir, 'partneri.csv');
    const found = await app.ctx.db
      .knex('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.country_code', 'DE')
      .orderBy('p.id')
      .first<{ id: number; code: string; town: string }>('p.id', 'm.code', 't.name as town');
    if (!found) throw new Error('the demo registry has no German partnership');
    partnership = { ...found, country: 'Německo' };
    await app.ctx.db.knex('partnerships').where({ id: found.id }).update({ started_on: '1991', notes: null });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const stored = () =>
    app.ctx.db.knex('partnerships').where({ id: partnership.id }).first<Stored>('id', 'started_on', 'notes', 'version');
  const write = (...rows: [string, string][]) =>
    writeFileSync(
      file,
      [
        HEADER,
        ...rows.map(([date, note]) => [partnership.code, partnership.town, partnership.country, date, note].join(';')),
      ].join('\n') + '\n',
    );
  const run = async (policy: 'fillEmpty' | 'overwrite' | 'addOnly' = 'fillEmpty') => {
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: MAPPING, policy }),
    );
    await ok(app.dispatch('import:commit', { previewId: report.previewId }));
    return report;
  };

  it('a new partnership states only what the file states: type, status and term are "not stated"', async () => {
    writeFileSync(
      file,
      [HEADER, [partnership.code, 'Neustadt an der Orla', 'Německo', '1995', ''].join(';')].join('\n') + '\n',
    );
    await run();
    const created = await app.ctx.db
      .knex('partnerships as p')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('t.name', 'Neustadt an der Orla')
      .first('p.type', 'p.status', 'p.term_kind', 'p.term_until', 'p.started_on');
    expect(created).toEqual({
      type: 'unknown',
      status: 'unknown',
      term_kind: 'unknown',
      term_until: null,
      started_on: '1995',
    });
  });

  it('a town name that designates the municipality or lists several places is kept, and said', async () => {
    writeFileSync(
      file,
      [
        HEADER,
        [partnership.code, 'Gemeinde Wenzenbach', 'Německo', '1995', ''].join(';'),
        [partnership.code, 'Pernersdorf, Auggenthal, Alberndorf', 'Rakousko', '1996', ''].join(';'),
        [partnership.code, 'Stadt Wehlen', 'Německo', '1997', ''].join(';'),
      ].join('\n') + '\n',
    );
    const report = await run();
    expect(report.issues.map((i) => [i.line, i.severity, i.reason, i.params.word ?? null])).toEqual([
      [2, 'info', 'import.issue.townDesignation', 'Gemeinde'],
      [3, 'info', 'import.issue.townComma', null],
    ]);
    expect(report.counts).toMatchObject({ add: 3 });
    expect(
      await app.ctx.db.knex('foreign_towns').whereIn('name', ['Gemeinde Wenzenbach', 'Stadt Wehlen']).pluck('name'),
    ).toHaveLength(2);
  });

  it('a rejected row is reported with every problem it has, not only the first', async () => {
    writeFileSync(
      file,
      [HEADER, [partnership.code, partnership.town, 'Atlantida', '31. 2. 1991', ''].join(';')].join('\n') + '\n',
    );
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: file }));
    const report = await ok<ImportReport>(
      app.dispatch('import:preview', { kind: 'partnerships', file: handle.file, mapping: MAPPING }),
    );
    expect(report.counts).toMatchObject({ invalid: 1 });
    expect(report.issues.map((issue) => [issue.line, issue.column, issue.severity])).toEqual([
      [2, 'Stát partnera', 'error'],
      [2, 'Datum zahájení', 'warning'],
    ]);
  });

  it('fills an empty note and refines a year to the day, says so and keeps the history', async () => {
    write(['15. 6. 1991', 'ověřeno 2024']);
    const before = await stored();
    const report = await run();
    expect(report.counts).toMatchObject({ update: 1, unchanged: 0, kept: 0 });
    expect(report.updated[0]?.changes).toEqual([
      { field: 'startedOn', from: '1991', to: '1991-06-15' },
      { field: 'notes', from: null, to: 'ověřeno 2024' },
    ]);
    expect(await stored()).toMatchObject({
      started_on: '1991-06-15',
      notes: 'ověřeno 2024',
      version: (before?.version ?? 0) + 1,
    });
    const entry = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'partnerships', record_id: partnership.id, action: 'import' })
      .orderBy('id', 'desc')
      .first<{ before: string; after: string }>();
    expect(JSON.parse(entry?.before ?? 'null')).toEqual({ startedOn: '1991', notes: null });
    expect(JSON.parse(entry?.after ?? 'null')).toEqual({ startedOn: '1991-06-15', notes: 'ověřeno 2024' });
    // The record's history names the file that changed it (the entry itself holds only the fields).
    const history = await ok<{ action: string; importFile?: string }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: partnership.id }),
    );
    expect(history[0]).toMatchObject({ action: 'import', importFile: 'partneri.csv' });

    // The same file again changes nothing.
    const again = await run();
    expect(again.counts).toMatchObject({ update: 0, unchanged: 1 });
  });

  it('keeps a filled note and another date unless asked to overwrite; add-only changes nothing', async () => {
    await app.ctx.db.knex('partnerships').where({ id: partnership.id }).update({ notes: 'zapsala Jana' });
    write(['3. 4. 1993', 'ze souboru']);
    const addOnly = await run('addOnly');
    expect(addOnly.counts).toMatchObject({ update: 0, unchanged: 1 });
    expect(await stored()).toMatchObject({ started_on: '1991', notes: 'zapsala Jana' });

    const kept = await run('fillEmpty');
    expect(kept.counts).toMatchObject({ update: 0, unchanged: 1, kept: 1 });
    expect(
      kept.issues
        .filter((issue) => issue.reason === 'import.issue.keptExisting')
        .map(({ column, params }) => ({ column, params })),
    ).toEqual([
      { column: 'Datum zahájení', params: { field: 'startedOn', existing: '1991', value: '1993-04-03' } },
      { column: 'Poznámka', params: { field: 'notes', existing: 'zapsala Jana', value: 'ze souboru' } },
    ]);
    expect(await stored()).toMatchObject({ started_on: '1991', notes: 'zapsala Jana' });

    const overwritten = await run('overwrite');
    expect(overwritten.updated[0]?.changes).toEqual([
      { field: 'startedOn', from: '1991', to: '1993-04-03' },
      { field: 'notes', from: 'zapsala Jana', to: 'ze souboru' },
    ]);
    expect(await stored()).toMatchObject({ started_on: '1993-04-03', notes: 'ze souboru' });
  });

  it('keeps notes to their length, compares them as text (line ends, Unicode form) and reports long ones shortened', async () => {
    // Five rows of one partnership with long notes of their own: joined while they fit a note.
    const notes = ['a', 'b', 'c', 'd', 'e'].map((letter) => letter.repeat(4_900));
    write(...notes.map((note): [string, string] => ['', note]));
    const tooLong = await run();
    expect(tooLong.issues.filter((issue) => issue.reason === 'import.issue.tooLong')).toEqual([
      expect.objectContaining({ line: 6, column: 'Poznámka', severity: 'warning' }),
    ]);
    expect((await stored())?.notes).toBe(notes.slice(0, 4).join('\n'));
    await app.ctx.db.knex('partnerships').where({ id: partnership.id }).update({ notes: null });

    // Stored with LF and composed characters, in the file with CRLF and decomposed ones: the same note.
    await app.ctx.db.knex('partnerships').where({ id: partnership.id }).update({ notes: 'řádek 1\nřádek 2' });
    writeFileSync(
      file,
      `${HEADER}\r\n${partnership.code};${partnership.town};${partnership.country};;"${'řádek 1\r\nřádek 2'.normalize('NFD')}"\r\n`,
    );
    const same = await run();
    expect(same.counts).toMatchObject({ update: 0, kept: 0, unchanged: 1 });

    const stored81 = 'a'.repeat(81);
    await app.ctx.db.knex('partnerships').where({ id: partnership.id }).update({ notes: stored81 });
    write(['', 'jiná poznámka']);
    const kept = await run();
    const issue = kept.issues.find((i) => i.reason === 'import.issue.keptExisting');
    expect(issue?.params).toEqual({ field: 'notes', existing: `${'a'.repeat(79)}…`, value: 'jiná poznámka' });
    expect(await stored()).toMatchObject({ notes: stored81 });
  });

  it('merges two rows of one partnership: the more precise date (not the shorter text) and both notes', async () => {
    await app.ctx.db.knex('partnerships').where({ id: partnership.id }).update({ started_on: null });
    write(['1. 5. 1999', 'smlouva'], ['1999', 'usnesení'], ['1999', 'smlouva']);
    const report = await run();
    expect(report.counts).toMatchObject({ merged: 2, update: 1 });
    expect(await stored()).toMatchObject({ started_on: '1999-05-01', notes: 'smlouva\nusnesení' });
  });
});
