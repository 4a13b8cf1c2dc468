import type { Knex } from 'knex';

/**
 * Who made a change on a registry shared on a server, as the server knows it (issue 15): two
 * columns of the audit log, only added (no table is rebuilt, no existing value changes).
 *
 * - `audit_log.db_user`: the database role the change was made with (`current_user`), next to the
 *   display name in `actor`, which each person types in Settings and may choose freely.
 * - `audit_log.server_at`: the server's time of the change's transaction (ISO, UTC), next to `at`,
 *   which is the time of the computer the app runs on.
 *
 * Both stay empty on a registry file (SQLite has no database users, and its time is the
 * computer's) and for every entry written before: nobody knows them, so none is invented.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.string('db_user', 63).nullable();
    t.string('server_at', 30).nullable();
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
