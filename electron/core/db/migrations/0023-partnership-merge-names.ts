import type { Knex } from 'knex';

/**
 * The names of the partner town of a partnership merged into another one of the same member, when
 * the two named different town records (walkthrough 20: Kolín – Żagań merged into Kolín – Żagań nad
 * Bobrem). An import of a file that names the merged-away pair finds the kept partnership through
 * them, instead of adding the duplicate again. A new table; no existing row changes.
 *
 * Kept by name (country + folded name, as imports match towns), not by the town record: the
 * merged-away town may be deleted as unused, and its name still belongs to the kept partnership.
 * `partnership_id` has no foreign key on purpose: a kept partnership deleted and brought back from
 * the bin keeps its id, and its names stay with it; an import ignores names of a partnership that
 * is not there. The merge's undo removes the names it wrote (`merge_audit_id`).
 */
export async function up(knex: Knex): Promise<void> {
  // Run again on a registry that has the table (its record of the migration lost): nothing to do.
  if (await knex.schema.hasTable('partnership_merge_names')) return;
  await knex.schema.createTable('partnership_merge_names', (t) => {
    t.increments('id');
    t.integer('partnership_id').notNullable();
    t.string('country_code', 2).notNullable();
    t.string('name_key', 200).notNullable();
    t.integer('merge_audit_id').notNullable();
    t.string('created_at', 30).notNullable();
    t.index(['partnership_id']);
    t.index(['merge_audit_id']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
