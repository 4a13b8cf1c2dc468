import type { Knex } from 'knex';

/**
 * Two columns, only added (no table is rebuilt, no existing value changes):
 *
 * - `partnerships.acknowledged_warnings`: warnings a person confirmed for a partnership ("the
 *   agreement was signed before the partnership started", "active although it has ended"), stored
 *   with the record so that they are not asked again at every save. JSON text: warning code → the
 *   values of the fields it judged when it was confirmed (a confirmation holds only while those
 *   values stay). Existing rows have confirmed nothing.
 * - `audit_log.group_id`: the entries of one bulk edit share it (the id of the group's first
 *   entry), so that one undo puts back all of them. Existing entries belong to no group.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('partnerships', (t) => {
    t.text('acknowledged_warnings').nullable();
  });
  await knex.schema.alterTable('audit_log', (t) => {
    t.integer('group_id').nullable();
    t.index(['group_id']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
