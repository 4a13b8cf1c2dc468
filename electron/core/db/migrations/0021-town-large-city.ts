import type { Knex } from 'knex';

/**
 * Whether a partner town is a city ("velké město", "the City of …") as a staffer stated it, on its
 * card. Without it the population alone decided (100,000 or more), and a staffer's "velké město"
 * for Legnica (99,000 people) came back as "město" in the next draft (walkthrough 14). A new, empty
 * column: null until someone states it, and the population decides meanwhile; nothing else changes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('foreign_towns', (t) => {
    t.boolean('large_city').nullable();
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
