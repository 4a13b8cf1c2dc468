import knex from 'knex';
import { describe, expect, it } from 'vitest';
import type { CatalogueColumn } from '../../../shared/domain/columns';
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
    // The fake source never queries: the database handle is only passed through.
    const db = knex({ client: 'sqlite3', useNullAsDefault: true });
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
});
