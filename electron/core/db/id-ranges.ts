import type { Knex } from 'knex';
import type { IdRange } from './dialect/types';

/** Rows a part of a large answer holds unless said otherwise. */
export const PART_ROWS = 5000;

/**
 * The ranges of `table`'s ids that hold at most `rows` rows each, in id order: the id of every
 * `rows`-th row bounds a range (a window query answers only those ids), the last range is open.
 * Read them in the same transaction as the parts, so that the ranges and the rows agree.
 */
export async function idRanges(db: Knex, table: string, rows: number = PART_ROWS): Promise<IdRange[]> {
  if (!Number.isSafeInteger(rows) || rows < 1) throw new Error('A part holds at least one row');
  const bounds = await db
    .select<{ id: number | string }[]>('id')
    .from(db.raw('(select ??, row_number() over (order by ??) as n from ??) as numbered', ['id', 'id', table]))
    .whereRaw('n % ? = 0', [rows])
    .orderBy('id');
  const ranges: IdRange[] = [];
  let after: number | null = null;
  for (const { id } of bounds) {
    const upTo = Number(id);
    if (!Number.isSafeInteger(upTo)) throw new Error(`The ids of ${table} are not whole numbers: ${String(id)}`);
    ranges.push({ after, upTo });
    after = upTo;
  }
  ranges.push({ after, upTo: null });
  return ranges;
}
