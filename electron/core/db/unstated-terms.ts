import type { Knex } from 'knex';
import { dialectOf } from './dialect/index';

/**
 * Partnerships whose term was recorded as "na dobu neurčitou" although nothing stated it: before
 * migration 0022 every import, request conversion and "New partnership" dialog wrote that. 0022
 * made them "not stated" ('unknown'); a record put back later from a copy taken before 0022 (the
 * bin, the undo of a merge) brings the old value back, and is corrected the same way here.
 */

/** The author of the corrections, in the history ("Registr partnerství (aktualizace 0022)"). */
export const TERM_CORRECTION_ACTOR = 'Twinning Registry (migration 0022)';

/** The `meta` key holding the last audit entry written before 0022: copies up to it may hold the old value. */
export const TERM_CORRECTION_MARK = 'term_unknown_before_audit_id';

/** Rows per statement (an update by ids, or audit entries of up to 9 values each). */
const CHUNK = 500;

type Json = Record<string, unknown> | null;

const parsed = (text: unknown): Json => {
  if (typeof text !== 'string') return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/**
 * Makes the term "not stated" on the given partnerships (all, with `null`) whose term is
 * indefinite without an end date (a date is the trace of a stated fixed term a merge brought in),
 * that are not demo data (the demo states its terms) and whose history has no change of the term
 * (a person stated it then). Each correction gets a 'migrate' entry: the history shows it, it can
 * be put back, and an import's undo passes over it. Nothing else changes (not the version or the
 * time of change: no one's work was written). Returns how many were corrected.
 */
export async function correctUnstatedTerms(db: Knex, ids: readonly number[] | null, at: string): Promise<number> {
  if (ids !== null && ids.length === 0) return 0;
  const candidates: number[] = [];
  const parts =
    ids === null
      ? [null]
      : Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK));
  for (const part of parts) {
    let query = db('partnerships')
      .where({ term_kind: 'indefinite' })
      .whereNull('term_until')
      .andWhere((q) => {
        q.whereNull('source').orWhereNot('source', 'demo');
      });
    if (part !== null) query = query.whereIn('id', part);
    for (const row of await query.select<{ id: number | string }[]>('id')) candidates.push(Number(row.id));
  }
  if (candidates.length === 0) return 0;
  // A person stated the term where an entry of the history changed it (an edit, a put-back change;
  // not this correction itself, made earlier to a record a merge's undo has since put back).
  const stated = new Set<number>();
  for (let start = 0; start < candidates.length; start += CHUNK) {
    let query = db('audit_log')
      .where('table_name', 'partnerships')
      .whereNotIn('action', ['insert', 'import', 'migrate'])
      .andWhere('after', 'like', '%"termKind"%');
    if (ids !== null) query = query.whereIn('record_id', candidates.slice(start, start + CHUNK));
    const entries = await query.select<{ record_id: number | string; before: unknown; after: unknown }[]>(
      'record_id',
      'before',
      'after',
    );
    for (const entry of entries) {
      const before = parsed(entry.before);
      const after = parsed(entry.after);
      if (after !== null && 'termKind' in after && before !== null && before.termKind !== after.termKind)
        stated.add(Number(entry.record_id));
    }
    if (ids === null) break; // one read of the whole log
  }
  const corrected = candidates.filter((id) => !stated.has(id));
  for (let start = 0; start < corrected.length; start += CHUNK) {
    const chunk = corrected.slice(start, start + CHUNK);
    await db('partnerships').whereIn('id', chunk).update({ term_kind: 'unknown' });
    await db('audit_log').insert(
      chunk.map((id) => ({
        table_name: 'partnerships',
        record_id: id,
        action: 'migrate',
        before: JSON.stringify({ termKind: 'indefinite' }),
        after: JSON.stringify({ termKind: 'unknown' }),
        actor: TERM_CORRECTION_ACTOR,
        at,
        // On a server, as every entry there: the database account and the server's time.
        ...dialectOf(db).auditStamp(db),
      })),
    );
  }
  return corrected.length;
}

/**
 * After a partnership is put back from a copy (`snapshotAuditId`: the audit entry that kept it, a
 * delete or a merge): the copy is older than 0022 when the entry is, and its term is corrected as
 * 0022 corrected the rest. A registry made after 0022 has nothing to correct.
 */
export async function correctRestoredTerms(
  db: Knex,
  ids: readonly number[],
  snapshotAuditId: number,
  at: string,
): Promise<number> {
  const mark = await db('meta').where({ key: TERM_CORRECTION_MARK }).first<{ value: string } | undefined>('value');
  if (mark === undefined || snapshotAuditId > Number(mark.value)) return 0;
  return correctUnstatedTerms(db, ids, at);
}
