import type { Knex } from 'knex';
import { afterEach, describe, expect, it } from 'vitest';
import { driverFailure, selectTupleParts, selectTuples } from '../../../electron/core/db/dialect/index';
import { errorCode } from '../../../electron/core/db/dialect/types';
import { onServer, serverOnly } from '../../support/server-db';
import { createTestApp, type TestApp } from '../../support/temp-db';

/**
 * `selectTuples` gives a query's rows as arrays of the named columns, in the query's order (on
 * SQLite the database writes them as one JSON text; the grid lists rely on both).
 */
describe('selectTuples', () => {
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.cleanup();
    app = null;
  });

  it('gives every row once, in the query’s order, nulls and diacritics kept; an empty answer is empty', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
      table.string('label');
    });
    const count = 12_345;
    const rows = Array.from({ length: count }, (_, i) => ({ n: i, label: i % 7 === 0 ? null : `ř-${String(i)}` }));
    for (let start = 0; start < rows.length; start += 500)
      await knex('tuples_probe').insert(rows.slice(start, start + 500));

    const query = knex('tuples_probe').select('n', 'label').orderBy('n', 'desc');
    const tuples = await selectTuples(knex, query, ['n', 'label']);
    expect(tuples).toHaveLength(count);
    expect(tuples[0]).toEqual([count - 1, `ř-${String(count - 1)}`]);
    expect(tuples.map((tuple) => tuple[0])).toEqual(rows.map((row) => row.n).reverse());
    expect(tuples.find((tuple) => tuple[0] === 7)).toEqual([7, null]);

    const none = await selectTuples(knex, knex('tuples_probe').select('n', 'label').where('n', '<', 0), ['n', 'label']);
    expect(none).toEqual([]);
  });

  it('gives the columns in the order named, not the order selected; a column the query lacks is refused', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
      table.string('label');
      table.string('note');
    });
    await knex('tuples_probe').insert([
      { n: 1, label: 'Třebíč', note: null },
      { n: 2, label: 'Žďár', note: 'nad Sázavou' },
    ]);
    const query = (): Knex.QueryBuilder =>
      knex('tuples_probe').select('n', 'label', 'note', knex.raw('n * 10 as tens')).orderBy('n') as Knex.QueryBuilder;
    expect(await selectTuples(knex, query(), ['note', 'tens', 'n'])).toEqual([
      [null, 10, 1],
      ['nad Sázavou', 20, 2],
    ]);
    expect(await selectTuples(knex, query(), ['label', 'label'])).toEqual([
      ['Třebíč', 'Třebíč'],
      ['Žďár', 'Žďár'],
    ]);
    await expect(selectTuples(knex, query(), ['n', 'missing'])).rejects.toThrow(/missing/);
  });

  it('a failing statement keeps its error and gives its connection back', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
    });
    await knex('tuples_probe').insert([{ n: 1 }]);
    // More failures than the pool has connections: one not given back would hang the next read.
    for (let i = 0; i < 12; i += 1) {
      const error = await selectTuples(knex, knex('no_such_table').select('n'), ['n']).catch((e: unknown) => e);
      expect(driverFailure(error) ?? errorCode(error)).toMatch(onServer() ? /^42P01$/ : /^SQLITE_ERROR$/);
    }
    expect(await selectTuples(knex, knex('tuples_probe').select('n'), ['n'])).toEqual([[1]]);
  });

  it('refuses a column the query answers twice on the server (which one would be a guess)', async (context) => {
    serverOnly(context, 'the driver names both columns alike; SQLite renames the second');
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    const query = knex('regions as a').join('regions as b', 'b.id', 'a.id').select('a.id', 'b.id') as Knex.QueryBuilder;
    await expect(selectTuples(knex, query, ['id'])).rejects.toThrow(/more than one column "id"/);
  });

  it('reads inside a transaction what the transaction wrote and nothing is left held afterwards', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
    });
    await knex('tuples_probe').insert([{ n: 1 }]);
    const inside = await knex.transaction(async (trx) => {
      await trx('tuples_probe').insert([{ n: 2 }]);
      return selectTuples(trx, trx('tuples_probe').select('n').orderBy('n'), ['n']);
    });
    expect(inside).toEqual([[1], [2]]);
    // Many reads in a row: a connection not given back would exhaust the pool and hang here.
    for (let i = 0; i < 30; i += 1)
      expect(await selectTuples(knex, knex('tuples_probe').select('n').orderBy('n'), ['n'])).toEqual([[1], [2]]);
  });

  it('hands the rows on in parts of the size asked, every row once in order, also when a part is consumed', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
      table.string('label');
    });
    const rows = Array.from({ length: 23 }, (_, i) => ({ n: i + 1, label: i % 4 === 0 ? null : `Ž${String(i)}` }));
    await knex('tuples_probe').insert(rows);
    const expected = rows.map((row) => [row.label, row.n]);
    for (const size of [1, 5, 23, 24, 1000]) {
      const sizes: number[] = [];
      const seen: unknown[][] = [];
      await knex.transaction(async (trx) => {
        await selectTupleParts(
          trx,
          // A bound value in the statement (the cursor is declared with it).
          trx('tuples_probe').select('n', 'label').where('n', '>', 0).orderBy('n'),
          ['label', 'n'],
          size,
          (part) => {
            sizes.push(part.length);
            seen.push(...part);
            // The grids write a part and let its arrays go: the parts after it still come.
            part.length = 0;
          },
        );
      });
      expect(seen, `parts of ${String(size)}`).toEqual(expected);
      expect(sizes.every((length) => length <= size)).toBe(true);
      expect(sizes).toHaveLength(Math.ceil(rows.length / size));
    }
    await expect(
      knex.transaction((trx) => selectTupleParts(trx, trx('tuples_probe').select('n'), ['n'], 0, () => undefined)),
    ).rejects.toThrow(/at least one row/);
    // Two reads in parts at once in one transaction (two cursors on the server): each gets its rows.
    const [first, second] = await knex.transaction(async (trx) => {
      const counts = [0, 0];
      await Promise.all(
        [0, 1].map((which) =>
          selectTupleParts(trx, trx('tuples_probe').select('n'), ['n'], 4, (part) => {
            counts[which] = (counts[which] ?? 0) + part.length;
          }),
        ),
      );
      return counts;
    });
    expect([first, second]).toEqual([rows.length, rows.length]);
  });

  it('a part that fails ends the read with its error; the transaction rolls back and the next read works', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
    });
    await knex('tuples_probe').insert(Array.from({ length: 30 }, (_, i) => ({ n: i + 1 })));
    let parts = 0;
    await expect(
      knex.transaction(async (trx) => {
        await trx('tuples_probe').insert({ n: 100 });
        await selectTupleParts(trx, trx('tuples_probe').select('n').orderBy('n'), ['n'], 10, () => {
          parts += 1;
          if (parts === 2) throw new Error('the writer of a part failed');
        });
      }),
    ).rejects.toThrow(/the writer of a part failed/);
    expect(parts).toBe(2);
    // Rolled back: the row written before the read is not there; the pool still serves reads.
    for (let i = 0; i < 8; i += 1) {
      let count = 0;
      await knex.transaction((trx) =>
        selectTupleParts(trx, trx('tuples_probe').select('n'), ['n'], 7, (part) => (count += part.length)),
      );
      expect(count).toBe(30);
    }
  });

  it('on a server asks for the next part before it hands this one on (the server works meanwhile)', async (context) => {
    serverOnly(context, 'a registry file reads its parts in core, without a cursor');
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
    });
    await knex('tuples_probe').insert(Array.from({ length: 30 }, (_, i) => ({ n: i + 1 })));
    // The statements the transaction's connection is given, seen from the driver's side.
    const fetches: number[] = [];
    const seen: number[][] = [];
    await knex.transaction(async (trx) => {
      const client = trx.client as { acquireConnection(): Promise<{ query: (...args: unknown[]) => unknown }> };
      const connection = await client.acquireConnection();
      const query = connection.query.bind(connection);
      let asked = 0;
      connection.query = (...args: unknown[]) => {
        const text = (args[0] as { text?: string } | undefined)?.text ?? '';
        if (text.startsWith('fetch ')) asked += 1;
        return query(...args);
      };
      try {
        await selectTupleParts(trx, trx('tuples_probe').select('n').orderBy('n'), ['n'], 10, (part) => {
          fetches.push(asked);
          seen.push(part.map((tuple) => tuple[0] as number));
        });
      } finally {
        connection.query = query;
      }
    });
    // Three full parts of 10: when each is handed on, the one after it (after the third, the
    // empty answer that ends the read) has been asked for already.
    expect(seen).toEqual([0, 10, 20].map((from) => Array.from({ length: 10 }, (_, i) => from + i + 1)));
    expect(fetches).toEqual([2, 3, 4]);
  });

  it('on a server, a part that fails while the next one fails too ends with the first error, nothing left unhandled', async (context) => {
    serverOnly(context, 'a registry file reads its parts in core, without a cursor');
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await knex.schema.createTable('tuples_probe', (table) => {
      table.integer('n').primary();
    });
    await knex('tuples_probe').insert(Array.from({ length: 30 }, (_, i) => ({ n: i + 1 })));
    // The second part (rows 11–20) fails on the server (division by zero at n = 15) while the first
    // is being written, and the writer of the first fails too: the read ends with the writer's
    // error, and the second part's failure is awaited (Vitest fails a run on an unhandled rejection).
    await expect(
      knex.transaction((trx) =>
        selectTupleParts(
          trx,
          trx('tuples_probe').select('n', trx.raw('1 / (n - 15) as q')).orderBy('n'),
          ['n', 'q'],
          10,
          () => {
            throw new Error('the writer of the first part failed');
          },
        ),
      ),
    ).rejects.toThrow(/the writer of the first part failed/);
    // The pool still serves reads.
    const count = await knex.transaction(async (trx) => {
      let rows = 0;
      await selectTupleParts(trx, trx('tuples_probe').select('n'), ['n'], 7, (part) => (rows += part.length));
      return rows;
    });
    expect(count).toBe(30);
  });

  it('reads in parts only inside a transaction, on every engine (on a server a cursor lives in one)', async () => {
    app = await createTestApp();
    const knex = app.ctx.db.knex;
    await expect(selectTupleParts(knex, knex('regions').select('id'), ['id'], 5, () => undefined)).rejects.toThrow(
      /in a transaction/,
    );
  });
});
