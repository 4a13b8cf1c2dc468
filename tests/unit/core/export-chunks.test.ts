import knex from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTNERSHIP_COLUMNS, type CatalogueColumn } from '../../../shared/domain/columns';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { listPartnershipRows } from '../../../electron/core/repositories/partnerships-repository';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';
import { translate, type MessageKey } from '../../../shared/i18n/index';
import {
  EXPORT_CHUNK,
  buildSheet,
  type ExportSource,
} from '../../../electron/core/services/export/grid-export-service';

type Row = { id: number; name: string };

// The export loads rows a part of the view at a time (issue 16: only the cells are held); the
// sheet must still be the view's rows in the view's order, with deleted rows left out.
describe('export in parts', () => {
  it('loads at most EXPORT_CHUNK rows at a time and keeps the order of the view across the parts', async () => {
    const loads: number[][] = [];
    const deleted = new Set([7, EXPORT_CHUNK + 1, 2 * EXPORT_CHUNK + 3]);
    const column: CatalogueColumn<Row> = {
      id: 'name',
      header: 'partnerships.title',
      kind: 'text',
      value: (row) => row.name,
    };
    const source: ExportSource<Row> = {
      title: 'partnerships.title',
      // The database answers in its own order (here reversed), and without the deleted rows.
      load: (_db, ids) => {
        loads.push([...ids]);
        return Promise.resolve(
          [...ids]
            .reverse()
            .filter((id) => !deleted.has(id))
            .map((id) => ({ id, name: `Obec ${String(id)}` })),
        );
      },
      columns: [column],
    };
    // The view's order: descending ids, as a sort in the grid would give.
    const rowIds = Array.from({ length: 2 * EXPORT_CHUNK + 10 }, (_, index) => 2 * EXPORT_CHUNK + 10 - index);
    // The fake source never queries: the database only holds the parts' transaction.
    const db = knex({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    const sheet = await buildSheet(db, source, { rowIds, columns: ['name'], language: 'cs' }).finally(() =>
      db.destroy(),
    );

    expect(loads).toHaveLength(3);
    expect(Math.max(...loads.map((ids) => ids.length))).toBe(EXPORT_CHUNK);
    expect(loads.flat()).toEqual(rowIds);
    const expected = rowIds.filter((id) => !deleted.has(id)).map((id) => [`Obec ${String(id)}`]);
    expect(sheet.rows).toEqual(expected);
    expect(sheet.rows).toHaveLength(rowIds.length - deleted.size);
  });

  describe('on a registry', () => {
    let app: TestApp;
    beforeEach(async () => {
      app = await createTestApp({ demo: true });
    });
    afterEach(() => app.cleanup());

    it('shows the registry at one moment: a save while the parts are read is not half in the file', async () => {
      const rows = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
      const rowIds = rows.map((row) => row.id);
      const last = rows[rows.length - 1];
      if (!last || rows.length < 4) throw new Error('the demo data has too few partnerships');
      let saving: Promise<unknown> | null = null;
      const source: ExportSource<PartnershipRow> = {
        title: 'partnerships.title',
        load: (db, ids) => {
          // While the first part is read, someone saves the last row (which a later part holds).
          saving ??= app.dispatch('partnerships:update', {
            id: last.id,
            version: last.version,
            changes: { status: last.status === 'dormant' ? 'unknown' : 'dormant' },
          });
          return listPartnershipRows(db, { ids });
        },
        columns: PARTNERSHIP_COLUMNS,
      };
      const sheet = await buildSheet(
        app.ctx.db.knex,
        source,
        { rowIds, columns: ['municipalityName', 'townName', 'status'], language: 'cs' },
        2,
      );
      await ok(saving ?? Promise.reject(new Error('nothing was saved')));
      expect(sheet.rows).toHaveLength(rows.length);
      // The save waited for the reading (it did not fail) and came after the file's moment: the
      // file has the last row as it was when the export began.
      const after = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', { ids: [last.id] }));
      expect(after[0]?.status).not.toBe(last.status);
      const statusOf = (status: string) => translate('cs', `partnershipStatus.${status}` as MessageKey);
      expect(sheet.rows[sheet.rows.length - 1]?.[2]).toBe(statusOf(last.status));
    });
  });
});
