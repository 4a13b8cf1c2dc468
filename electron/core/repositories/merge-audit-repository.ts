import type { Knex } from 'knex';

/** A merge as its audit entry keeps it: the kept record, who merged and when, and the merge itself. */
export type MergeEntry = {
  auditId: number;
  table: 'partnerships' | 'foreign_towns';
  /** The kept record. */
  recordId: number;
  actor: string;
  at: string;
  /** The entry's `before` (holding `merge`, what the undo needs), parsed. */
  before: Record<string, unknown>;
  /** The entry's `after` (`mergedId`, `mergedName`), parsed. */
  after: Record<string, unknown>;
};

const parse = (json: string | null): Record<string, unknown> => {
  if (json === null) return {};
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
};

/**
 * The merges of partnerships and towns since `since` (ISO), newest first: what the bin lists as
 * merged away (walkthrough 22: a merged-away record could be found nowhere). Only entries that
 * keep the merge (a town merge's entries on its partnerships keep none: the town's entry has them).
 */
export async function listMerges(db: Knex, since: string): Promise<MergeEntry[]> {
  const rows = await db('audit_log')
    .where({ action: 'merge' })
    .whereIn('table_name', ['partnerships', 'foreign_towns'])
    .whereNotNull('before')
    .where('at', '>=', since)
    .orderBy('id', 'desc')
    .select<
      {
        id: number;
        table_name: 'partnerships' | 'foreign_towns';
        record_id: number;
        actor: string;
        at: string;
        before: string | null;
        after: string | null;
      }[]
    >('id', 'table_name', 'record_id', 'actor', 'at', 'before', 'after');
  return rows
    .map((row) => ({
      auditId: row.id,
      table: row.table_name,
      recordId: row.record_id,
      actor: row.actor,
      at: row.at,
      before: parse(row.before),
      after: parse(row.after),
    }))
    .filter((entry) => typeof entry.before.merge === 'object' && entry.before.merge !== null);
}

/** Which of `ids` exist in `table` now (a merged-away record back after an undo of its merge). */
export async function existingIds(
  db: Knex,
  table: 'partnerships' | 'foreign_towns',
  ids: readonly number[],
): Promise<Set<number>> {
  const out = new Set<number>();
  for (let start = 0; start < ids.length; start += 500)
    for (const row of await db(table)
      .whereIn('id', ids.slice(start, start + 500))
      .select<{ id: number }[]>('id'))
      out.add(row.id);
  return out;
}

/** The id of the last audit entry of each of `ids` in `table` (a record merged away, then back and worked on or deleted). */
export async function lastEntryIds(
  db: Knex,
  table: 'partnerships' | 'foreign_towns',
  ids: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db('audit_log')
      .where('table_name', table)
      .whereIn('record_id', ids.slice(start, start + 500))
      .groupBy('record_id')
      .select<{ record_id: number; last: number | string }[]>('record_id', db.raw('max(id) as last'));
    for (const row of rows) out.set(row.record_id, Number(row.last));
  }
  return out;
}
