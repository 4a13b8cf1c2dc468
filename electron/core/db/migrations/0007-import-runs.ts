import type { Knex } from 'knex';

/**
 * The import history: one row per import that ran (who, when, which file by name and checksum,
 * the policy chosen, the counts and every row-level message), so a past import can be looked at
 * and its report exported again. A new table: nothing existing changes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('import_runs', (t) => {
    t.increments('id').primary();
    t.string('kind', 20).notNullable();
    t.string('file_name', 300).notNullable();
    t.string('checksum', 64).notNullable();
    t.string('format', 30).nullable();
    t.string('policy', 20).notNullable();
    t.string('actor', 200).notNullable();
    t.string('at', 30).notNullable();
    t.boolean('changed').notNullable();
    t.string('backup', 200).nullable();
    t.text('counts').notNullable();
    t.text('issues').notNullable();
    t.integer('issues_total').notNullable();
    t.index(['at']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
