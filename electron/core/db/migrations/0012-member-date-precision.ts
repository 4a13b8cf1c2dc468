import type { Knex } from 'knex';

/**
 * Membership dates at their precision, as 0008 did for partnerships: the demo data wrote a
 * membership known only to the year as 1 January of it; those become the bare year. Only demo
 * members nobody has edited since are touched (nothing staff typed or an import wrote changes).
 */
export async function up(knex: Knex): Promise<void> {
  await knex('municipalities')
    .where({ source: 'demo' })
    .andWhere('member_since', 'like', '____-01-01')
    .whereNotExists(
      knex('audit_log')
        .select(knex.raw('1'))
        .where('audit_log.table_name', 'municipalities')
        .whereRaw('audit_log.record_id = municipalities.id')
        .whereIn('audit_log.action', ['update', 'restore', 'import']),
    )
    .update({ member_since: knex.raw('substr(member_since, 1, 4)') });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
