import type { Knex } from 'knex';

/**
 * Where a record came from: `source` on the tables that lacked it (partnerships have it since
 * 0001), so demo records are marked when they are created and "Remove demo data" removes exactly
 * those. Existing rows stay NULL, "not known": nothing is guessed about them. Columns are only
 * added (SQLite's ADD COLUMN, no table rebuild, no cascade can fire).
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['municipalities', 'foreign_towns', 'contacts', 'activities', 'partnership_requests']) {
    await knex.schema.alterTable(table, (t) => {
      t.string('source', 100).nullable();
    });
  }
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
