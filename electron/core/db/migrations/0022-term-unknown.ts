import type { Knex } from 'knex';
import { correctUnstatedTerms, TERM_CORRECTION_MARK } from '../unstated-terms';

/**
 * A partnership's term as its source stated it. Until now every new partnership was recorded as
 * "na dobu neurčitou" when nothing said so: an import (the files have no term), a request turned
 * into a partnership, and the "New partnership" dialog (which does not ask). Such partnerships
 * become "not stated" ('unknown'); a term someone changed (its history has a change of the term),
 * an indefinite term with an end date and the demo partnerships (their data states it) stay as
 * they are. Each change is written to the record's history ('migrate', under this migration's
 * name), so a staffer sees it and can put it back; an import's undo passes over it. Nothing else
 * changes (see `correctUnstatedTerms`, which also corrects a record put back later from a copy
 * older than this migration: the last audit entry before it is kept in `meta` for that).
 */
export async function up(knex: Knex): Promise<void> {
  const last = await knex('audit_log').max<{ id: number | string | null }>({ id: 'id' }).first();
  // Run again (its record removed, as a test of the pre-migration backup does), the first mark stays.
  await knex('meta')
    .insert({ key: TERM_CORRECTION_MARK, value: String(Number(last?.id ?? 0)) })
    .onConflict('key')
    .ignore();
  const corrected = await correctUnstatedTerms(knex, null, new Date().toISOString());
  if (corrected > 0)
    // The changes are in the audit log; this line tells whoever runs the upgrade (CLI, app log).
    console.warn(
      `Migration 0022: the term of ${String(corrected)} partnership(s) was recorded as indefinite without a source; it is now "not stated".`,
    );
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
