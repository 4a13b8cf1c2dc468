import type { Knex } from 'knex';

/**
 * The partner-town card: what an agreement and a staffer need to know about a town abroad, kept
 * once on its record instead of retyped in every draft. Only new, empty columns (unknown until
 * someone states them); no existing value changes, no table is rebuilt.
 *
 * - `name_native`: the name in the town's own script where that is not the Latin alphabet
 *   (Ukrainian towns in Cyrillic), for the partner's column of an agreement;
 * - `use_czech_name`: whether Czech texts use the Czech name (`name_cs`) when there is one;
 * - `address`, `email`: the town hall's seat and address for letters;
 * - `mayor_name`, `mayor_gender` (m | f), `mayor_office` (an office code of the town's country,
 *   e.g. DE:oberbuergermeister), `mayor_title` (the staffer's own wording in the town's language);
 * - `contracting_body`: who signs for the town ("Comune di Bergamo", "Gmina Kłodzko");
 * - `history`: how the partnership came about, free text.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('foreign_towns', (t) => {
    t.string('name_native', 200).nullable();
    t.boolean('use_czech_name').notNullable().defaultTo(true);
    t.string('address', 300).nullable();
    t.string('email', 200).nullable();
    t.string('mayor_name', 200).nullable();
    t.string('mayor_gender', 1).nullable();
    t.string('mayor_office', 40).nullable();
    t.string('mayor_title', 200).nullable();
    t.string('contracting_body', 300).nullable();
    t.text('history').nullable();
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
