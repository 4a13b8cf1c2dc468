import type { Knex } from 'knex';

/**
 * Provenance of members, foreign towns and partnerships: the import run that created a record
 * (`import_run_id`, beside the `source` text every record has) and when and by whom it was last
 * verified by a person. Columns are only added; existing rows stay "not verified", "no import
 * known" — nothing is guessed about them.
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['municipalities', 'foreign_towns', 'partnerships']) {
    await knex.schema.alterTable(table, (t) => {
      t.integer('import_run_id').nullable();
      t.string('verified_at', 30).nullable();
      t.string('verified_by', 200).nullable();
      t.index(['import_run_id']);
    });
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
