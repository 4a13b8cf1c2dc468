import type { Knex } from 'knex';
import { isPostgres } from './index';

/**
 * Czech order where text is sorted in SQL (ch after h, Č after C: Hradec < Chrudim < Jihlava).
 * PostgreSQL sorts with the ICU collation `cs-x-icu`, which a server built with ICU has (Debian's
 * is); a server without ICU, and SQLite (no Czech collation in its driver), sort by code points,
 * and the caller sorts the rows again with `compareCzech` (shared/domain/text.ts): the order is
 * Czech on every engine, in SQL where the engine can.
 */
export const CZECH_COLLATION = 'cs-x-icu';

/** Whether a server has the collation, asked once per connection pool (the config object is shared by its transactions). */
const known = new WeakMap<object, Promise<boolean>>();

async function serverHasCzech(db: Knex): Promise<boolean> {
  // Knex types its client as `any`; only its configuration object is read, as a cache key.
  const key = (db.client as { config: object }).config;
  let answer = known.get(key);
  if (answer === undefined) {
    answer = db
      .raw<{ rows: unknown[] }>('select 1 from pg_collation where collname = ?', [CZECH_COLLATION])
      .then((result) => result.rows.length > 0)
      .catch(() => false);
    known.set(key, answer);
  }
  return answer;
}

/**
 * Adds `column` in Czech order to a query's order. True when the engine sorts it in Czech order
 * (PostgreSQL with ICU); false when it sorts by code points and the rows must be sorted again.
 */
export async function orderByCzech(
  db: Knex,
  query: Knex.QueryBuilder,
  column: string,
  direction: 'asc' | 'desc' = 'asc',
): Promise<boolean> {
  if (isPostgres(db) && (await serverHasCzech(db))) {
    // The collation's name is a constant, never data: only the column is bound (as an identifier).
    query.orderByRaw(`?? collate "${CZECH_COLLATION}" ${direction}`, [column]);
    return true;
  }
  query.orderBy(column, direction);
  return false;
}
