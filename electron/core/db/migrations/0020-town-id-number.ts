import type { Knex } from 'knex';

/**
 * The partner town's official number (REGON, SIREN, the Slovak IČO, the codice fiscale, ЄДРПОУ…)
 * on its card, so that an agreement typed once is not asked for it again in every later draft
 * (walkthrough 14). A new, empty column: unknown until someone states it; nothing else changes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('foreign_towns', (t) => {
    t.string('id_number', 50).nullable();
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
