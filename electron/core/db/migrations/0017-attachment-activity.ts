import type { Knex } from 'knex';

/**
 * `attachments.activity_id`: the activity of its partnership an attachment belongs to (photos of
 * a visit, the invitation to a festival), or null for the partnership as a whole. Only added: every
 * existing attachment belongs to its partnership as before.
 *
 * Deliberately without a foreign key. A deleted activity comes back from the bin or an undo with
 * the same id, and its attachments must then be linked to it again: `ON DELETE SET NULL` would lose
 * the link for good, and a plain reference would forbid deleting an activity that has photos. Core
 * checks on every write that the activity exists and belongs to the attachment's partnership; an
 * attachment whose activity is deleted says so on screen until the activity is back.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('attachments', (t) => {
    t.integer('activity_id').nullable();
    t.index(['activity_id']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
