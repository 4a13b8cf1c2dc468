import type { Knex } from 'knex';

/**
 * Decisions about possible duplicate towns in imports: a town a file writes (country + folded
 * name) is the registry town `foreign_town_id`, or (null) a town of its own. Kept so that the
 * next import of the same file asks nothing it has asked before. A new table.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('town_match_decisions', (t) => {
    t.increments('id').primary();
    t.string('country_code', 2).notNullable();
    t.string('name_key', 200).notNullable();
    t.integer('foreign_town_id').nullable().references('id').inTable('foreign_towns').onDelete('CASCADE');
    t.string('decided_by', 200).notNullable();
    t.string('decided_at', 30).notNullable();
    t.unique(['country_code', 'name_key']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
