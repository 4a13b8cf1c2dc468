import type { Knex } from 'knex';

/**
 * Dates are stored at the precision their source states (`1994-05-22`, `1994-05`, `1994`). The
 * demo data used to write a start known only to the year as 1 January of it (its README said
 * so); those starts become the bare year again. Only demo partnerships that nobody has edited
 * since are touched: a date staff typed, or one an import wrote, is theirs and is left exactly
 * as it is (an import's "1 January" may be a real day: nothing is guessed).
 */
export async function up(knex: Knex): Promise<void> {
  await knex('partnerships')
    .where({ source: 'demo' })
    .andWhere('started_on', 'like', '____-01-01')
    .whereNotExists(
      knex('audit_log')
        .select(knex.raw('1'))
        .where('audit_log.table_name', 'partnerships')
        .whereRaw('audit_log.record_id = partnerships.id')
        .whereIn('audit_log.action', ['update', 'restore', 'import']),
    )
    .update({ started_on: knex.raw('substr(started_on, 1, 4)') });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
