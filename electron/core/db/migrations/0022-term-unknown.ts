import type { Knex } from 'knex';
import { dialectOf } from '../dialect/index';

/** Rows per statement (an update by ids, or audit entries of 7 values each). */
const CHUNK = 500;

const ACTOR = 'Twinning Registry (migration 0022)';

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
 * A partnership's term as its source stated it. Until now every new partnership was recorded as
 * "na dobu neurčitou" when nothing said so: an import (the files have no term), a request turned
 * into a partnership, and the "New partnership" dialog (which does not ask). Such partnerships
 * become "not stated" ('unknown'). A term someone changed (its history has a change of the term)
 * and the demo partnerships (their data states it) stay as they are. Each change is written to
 * the record's history ('migrate', under this migration's name), so a staffer sees it and can put
 * it back; an import's undo passes over it. Nothing else changes (not the version or time of
 * change: no one's work was written).
 */
export async function up(knex: Knex): Promise<void> {
  // An indefinite term with an end date (a merge filled the date from the other record, which
  // stated a fixed term) keeps both: the date is the only trace of what was stated.
  const candidates = await knex('partnerships')
    .where({ term_kind: 'indefinite' })
    .whereNull('term_until')
    .andWhere((q) => {
      q.whereNull('source').orWhereNot('source', 'demo');
    })
    .select<{ id: number | string }[]>('id');
  if (candidates.length === 0) return;
  // A person stated the term where an entry of the history changed it (an edit, a put-back change).
  const stated = new Set<number>();
  const entries = await knex('audit_log')
    .where('table_name', 'partnerships')
    .whereNotIn('action', ['insert', 'import'])
    .andWhere('after', 'like', '%"termKind"%')
    .select<{ record_id: number | string; before: unknown; after: unknown }[]>('record_id', 'before', 'after');
  for (const entry of entries) {
    const before = parsed(entry.before);
    const after = parsed(entry.after);
    if (after !== null && 'termKind' in after && before !== null && before.termKind !== after.termKind)
      stated.add(Number(entry.record_id));
  }
  const ids = candidates.map((row) => Number(row.id)).filter((id) => !stated.has(id));
  if (ids.length === 0) return;
  const at = new Date().toISOString();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await knex('partnerships').whereIn('id', chunk).whereNull('term_until').update({ term_kind: 'unknown' });
    await knex('audit_log').insert(
      chunk.map((id) => ({
        table_name: 'partnerships',
        record_id: id,
        // Not a person's edit: an import undone later passes over it (it corrects what the import wrote).
        action: 'migrate',
        before: JSON.stringify({ termKind: 'indefinite' }),
        after: JSON.stringify({ termKind: 'unknown' }),
        actor: ACTOR,
        at,
        // On a server, as every entry there: the database account and the server's time.
        ...dialectOf(knex).auditStamp(knex),
      })),
    );
  }
  // The changes are in the audit log; this line tells whoever runs the upgrade (CLI, app log).
  console.warn(
    `Migration 0022: the term of ${String(ids.length)} partnership(s) was recorded as indefinite without a source; it is now "not stated".`,
  );
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
