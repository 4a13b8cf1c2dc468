import type { Knex } from 'knex';

/**
 * Attachments of a partnership (a scanned signed agreement, a council resolution as PDF, photos
 * of an activity), kept inside the registry so that its backups, restores, file exports and the
 * shared server hold them with everything else. Two new tables; no existing row changes.
 *
 * - `attachment_contents`: the bytes, once per content (key: SHA-256 in hex). Not a child of a
 *   partnership: a deleted attachment's or partnership's audit entry names the hash, and the undo
 *   finds the bytes still there. Contents are never removed by a delete.
 * - `attachments`: one row per file attached to a partnership (name as the user had it, media
 *   type, size, hash, an optional description), versioned and audited like contacts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('attachment_contents', (t) => {
    t.string('sha256', 64).primary();
    t.integer('size').notNullable();
    t.binary('content').notNullable();
    t.string('created_at', 30).notNullable();
  });
  await knex.schema.createTable('attachments', (t) => {
    t.increments('id');
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('file_name', 255).notNullable();
    t.string('media_type', 100).notNullable();
    t.integer('size').notNullable();
    t.string('sha256', 64).notNullable().references('sha256').inTable('attachment_contents');
    t.string('description', 300).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['partnership_id']);
    t.index(['sha256']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
