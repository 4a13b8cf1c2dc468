import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonArrayOf, jsonLinesOf, whereIdIn } from '../../../electron/core/db/dialect/index';
import type { IdRange } from '../../../electron/core/db/dialect/types';
import {
  listMunicipalityGridText,
  listMunicipalityRows,
} from '../../../electron/core/repositories/municipalities-repository';
import {
  listPartnershipGridText,
  listPartnershipRows,
} from '../../../electron/core/repositories/partnerships-repository';
import { expandRows, type CompactRows } from '../../../shared/ipc/compact-rows';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { fileOnly } from '../../support/server-db';
import { createTestApp, type TestApp } from '../../support/temp-db';

/**
 * Where SQLite writes a large answer's JSON itself (the grids' first load), it writes it in parts
 * of consecutive ids, in one read transaction: every row once, one snapshot, whatever the part size.
 */
describe('JSON written by the database in parts', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.cleanup();
    app = null;
  });

  const NAMES = ['Žďár', 'tab\there', 'line\nbreak', '"quoted" \\', 'Aš', null, 'Cheb'];
  /** Ids with gaps, as a registry has them after deletions. */
  const IDS = [1, 2, 5, 9, 10, 11, 20];

  const probeTable = async (knex: Knex): Promise<void> => {
    await knex.schema.createTable('parts_probe', (table) => {
      table.integer('id').primary();
      table.string('name');
    });
    await knex('parts_probe').insert(IDS.map((id, i) => ({ id, name: NAMES[i] ?? null })));
  };
  const probeQuery = (db: Knex, range: IdRange) => whereIdIn(db('parts_probe').select('id', 'name'), 'id', range);
  const linesOf = (parts: Buffer[]): [string, unknown[]][] =>
    parts.flatMap((part) =>
      part
        .toString('utf8')
        .split('\n')
        .map((line): [string, unknown[]] => {
          const tab = line.indexOf('\t');
          return [JSON.parse(line.slice(0, tab)) as string, JSON.parse(line.slice(tab + 1)) as unknown[]];
        }),
    );

  it('gives every row once whatever the part size, parts of at most that many rows; none for an empty table', async (context) => {
    fileOnly(context, 'only SQLite writes the JSON itself; on a server core writes it from the values');
    app = await createTestApp();
    const { knex, reader } = app.ctx.db;
    await probeTable(knex);
    const jsonLines = jsonLinesOf(reader);
    const jsonArray = jsonArrayOf(reader);
    if (jsonLines === null || jsonArray === null) throw new Error('SQLite writes JSON');
    const expected = IDS.map((id, i) => [id, NAMES[i] ?? null]);

    for (const rows of [1, 2, 3, 7, 8, 5000]) {
      const source = { table: 'parts_probe', query: probeQuery, rows };
      const parts = await jsonLines(reader, source, ['id', 'name'], 'name');
      expect(parts).toHaveLength(Math.ceil(IDS.length / rows));
      const lines = linesOf(parts);
      expect(lines.map(([, row]) => row)).toEqual(expected);
      // The key is the named column's JSON (null stays null).
      expect(lines.map(([key]) => key)).toEqual(NAMES);
      for (const part of parts) expect(part.toString('utf8').split('\n').length).toBeLessThanOrEqual(rows);

      const arrays = await jsonArray(reader, source, ['id', 'name']);
      expect(arrays).toHaveLength(Math.ceil(IDS.length / rows));
      expect(JSON.parse(`[${arrays.map((part) => part.toString('utf8')).join(',')}]`)).toEqual(expected);
    }

    await knex('parts_probe').delete();
    expect(await jsonLines(reader, { table: 'parts_probe', query: probeQuery, rows: 2 }, ['id'], 'name')).toEqual([]);
    expect(await jsonArray(reader, { table: 'parts_probe', query: probeQuery, rows: 2 }, ['id'])).toEqual([]);
    await expect(jsonArray(reader, { table: 'parts_probe', query: probeQuery, rows: 0 }, ['id'])).rejects.toThrow(
      /at least one row/,
    );
  });

  it('reads all parts at one moment: a write committed between two parts is in none of them', async (context) => {
    fileOnly(context, 'only SQLite writes the JSON itself; on a server core writes it from the values');
    app = await createTestApp();
    const { knex, reader } = app.ctx.db;
    await probeTable(knex);
    const jsonArray = jsonArrayOf(reader);
    if (jsonArray === null) throw new Error('SQLite writes JSON');
    // The first part is slow (a count to three million), and another connection commits a
    // change of a row in a later part and a new row meanwhile. The later parts are read after
    // the commit (checked), and must not show it.
    let written = false;
    const seenWritten: boolean[] = [];
    const slow =
      '(with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000) select count(*) from c) > 0';
    const source = {
      table: 'parts_probe',
      rows: 2,
      query: (db: Knex, range: IdRange) => {
        seenWritten.push(written);
        const built = probeQuery(db, range);
        return seenWritten.length === 1 ? built.whereRaw(slow) : built;
      },
    };
    const reading = jsonArray(reader, source, ['id', 'name']);
    while (seenWritten.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await knex('parts_probe').where({ id: 20 }).update({ name: 'Změněno' });
    await knex('parts_probe').insert({ id: 30, name: 'Nové' });
    written = true;
    const parts = await reading;
    expect(seenWritten).toEqual([false, true, true, true]);
    const rows = JSON.parse(`[${parts.map((part) => part.toString('utf8')).join(',')}]`) as unknown[][];
    expect(rows).toEqual(IDS.map((id, i) => [id, NAMES[i] ?? null]));
    // The next read sees the committed change.
    const again = await jsonArray(reader, { table: 'parts_probe', query: probeQuery, rows: 2 }, ['id', 'name']);
    const after = JSON.parse(`[${again.map((part) => part.toString('utf8')).join(',')}]`) as unknown[][];
    expect(after.at(-2)).toEqual([20, 'Změněno']);
    expect(after.at(-1)).toEqual([30, 'Nové']);
  });

  it('the grids’ texts in parts of a few rows are the same rows as the lists, in the same order', async () => {
    app = await createTestApp({ demo: true });
    const { reader } = app.ctx.db;
    const partnerships = await listPartnershipRows(reader);
    expect(partnerships.length).toBeGreaterThan(20);
    const members = await listMunicipalityRows(reader);
    expect(members.length).toBeGreaterThan(20);
    for (const partRows of [1, 7, 5000]) {
      const text = await listPartnershipGridText(reader, { partRows });
      const rows = expandRows<PartnershipRow>(JSON.parse(text.toString()) as CompactRows);
      expect(rows).toEqual(partnerships);

      const memberText = await listMunicipalityGridText(reader, { partRows });
      const memberRows = expandRows<MunicipalityRow>(JSON.parse(memberText.toString()) as CompactRows);
      // The grid sorts members itself: the same rows, each once.
      const byId = (a: MunicipalityRow, b: MunicipalityRow) => a.id - b.id;
      expect([...memberRows].sort(byId)).toEqual([...members].sort(byId));
    }
  });
});
