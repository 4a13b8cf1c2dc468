import type { Knex } from 'knex';

/**
 * The whole data model of the mission. Append-only: once shipped, never edit; add a migration.
 * Portable Knex only (must also run on PostgreSQL).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('meta', (t) => {
    t.string('key', 64).primary();
    t.text('value').notNullable();
  });

  await knex.schema.createTable('regions', (t) => {
    t.increments('id');
    t.string('code', 8).notNullable().unique(); // NUTS3, e.g. CZ041
    t.string('name', 200).notNullable();
  });

  await knex.schema.createTable('districts', (t) => {
    t.increments('id');
    t.string('code', 8).notNullable().unique(); // LAU1, e.g. CZ0412
    t.string('name', 200).notNullable();
    t.integer('region_id').notNullable().references('id').inTable('regions').onDelete('RESTRICT');
    t.index(['region_id']);
  });

  await knex.schema.createTable('municipalities', (t) => {
    t.increments('id');
    t.string('code', 6).notNullable().unique(); // official 6-digit ČSÚ/RÚIAN code
    t.string('name', 200).notNullable();
    t.string('kind', 20).notNullable().defaultTo('obec');
    t.integer('district_id').nullable().references('id').inTable('districts').onDelete('SET NULL');
    t.integer('region_id').nullable().references('id').inTable('regions').onDelete('SET NULL');
    t.string('orp_code', 8).nullable();
    t.string('orp_name', 200).nullable();
    t.integer('population').nullable();
    t.double('latitude').nullable();
    t.double('longitude').nullable();
    t.string('street', 300).nullable();
    t.string('postal_code', 10).nullable();
    t.string('ico', 8).nullable();
    t.string('mayor_name', 200).nullable();
    t.string('mayor_gender', 1).nullable();
    t.string('website', 500).nullable();
    t.string('email', 320).nullable();
    t.boolean('is_member').notNullable().defaultTo(false);
    t.string('member_since', 10).nullable();
    t.string('member_until', 10).nullable();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['district_id']);
    t.index(['region_id']);
    t.index(['is_member']);
  });

  await knex.schema.createTable('foreign_towns', (t) => {
    t.increments('id');
    t.string('name', 200).notNullable(); // in the local language
    t.string('name_cs', 200).nullable(); // Czech exonym
    t.string('name_key', 200).notNullable(); // lower case, no diacritics: the natural key with country
    t.string('country_code', 2).notNullable(); // ISO 3166-1 alpha-2
    t.string('kind', 20).notNullable().defaultTo('town'); // town | municipality
    t.string('admin_region', 200).nullable();
    t.integer('population').nullable();
    t.double('latitude').nullable();
    t.double('longitude').nullable();
    t.string('website', 500).nullable();
    t.string('language', 8).nullable(); // ISO 639-1
    t.integer('geonames_id').nullable().unique();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['country_code', 'name_key']);
  });

  await knex.schema.createTable('partnerships', (t) => {
    t.increments('id');
    t.integer('municipality_id').notNullable().references('id').inTable('municipalities').onDelete('CASCADE');
    t.integer('foreign_town_id').notNullable().references('id').inTable('foreign_towns').onDelete('RESTRICT');
    t.string('type', 20).notNullable(); // formal | friendship | project | informal
    t.string('status', 20).notNullable(); // proposed | preparation | active | dormant | ended
    t.string('started_on', 10).nullable();
    t.string('signed_on', 10).nullable();
    t.string('signed_place', 200).nullable();
    t.string('cz_resolution', 100).nullable();
    t.string('cz_resolution_date', 10).nullable();
    t.string('partner_resolution', 100).nullable();
    t.string('partner_resolution_date', 10).nullable();
    t.string('term_kind', 20).notNullable().defaultTo('indefinite'); // indefinite | fixed
    t.string('term_until', 10).nullable();
    t.string('ended_on', 10).nullable();
    t.text('notes').nullable();
    t.string('source', 100).nullable(); // where the record came from (import file, demo, …)
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.unique(['municipality_id', 'foreign_town_id']);
    t.index(['foreign_town_id']);
    t.index(['status']);
  });

  // Multi-valued sets as join tables (portable, indexable, countable).
  await knex.schema.createTable('partnership_areas', (t) => {
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('area', 40).notNullable();
    t.primary(['partnership_id', 'area']);
    t.index(['area']);
  });

  await knex.schema.createTable('partnership_participants', (t) => {
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('participant_group', 40).notNullable();
    t.primary(['partnership_id', 'participant_group']);
  });

  await knex.schema.createTable('contacts', (t) => {
    t.increments('id');
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('side', 10).notNullable(); // cz | partner
    t.string('name', 200).notNullable();
    t.string('role', 200).nullable();
    t.string('email', 320).nullable();
    t.string('phone', 50).nullable();
    t.string('language', 8).nullable();
    t.text('notes').nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['partnership_id']);
  });

  await knex.schema.createTable('activities', (t) => {
    t.increments('id');
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('date', 10).notNullable();
    t.string('date_end', 10).nullable();
    t.string('title', 300).notNullable();
    t.string('kind', 30).notNullable().defaultTo('other');
    t.integer('participants').nullable();
    t.text('description').nullable();
    t.string('funding_programme', 40).nullable();
    t.decimal('funding_amount', 14, 2).nullable();
    t.string('currency', 3).nullable();
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['partnership_id', 'date']);
  });

  await knex.schema.createTable('partnership_requests', (t) => {
    t.increments('id');
    t.string('direction', 20).notNullable(); // member_seeks | foreign_seeks
    t.integer('municipality_id').nullable().references('id').inTable('municipalities').onDelete('CASCADE');
    t.integer('foreign_town_id').nullable().references('id').inTable('foreign_towns').onDelete('SET NULL');
    t.string('requester_name', 200).nullable();
    t.string('requester_country_code', 2).nullable();
    t.text('wanted_country_codes').notNullable().defaultTo('[]'); // JSON array of ISO codes
    t.string('wanted_size', 20).nullable();
    t.text('themes').notNullable().defaultTo('[]'); // JSON array of area codes
    t.text('description').nullable();
    t.string('status', 20).notNullable().defaultTo('new');
    t.string('received_on', 10).nullable();
    t.integer('partnership_id').nullable().references('id').inTable('partnerships').onDelete('SET NULL');
    t.integer('version').notNullable().defaultTo(1);
    t.string('created_at', 30).notNullable();
    t.string('updated_at', 30).notNullable();
    t.index(['municipality_id']);
  });

  await knex.schema.createTable('agreement_documents', (t) => {
    t.increments('id');
    t.integer('partnership_id').notNullable().references('id').inTable('partnerships').onDelete('CASCADE');
    t.string('template', 30).notNullable();
    t.string('language_first', 8).notNullable();
    t.string('language_second', 8).notNullable();
    t.string('layout', 20).notNullable();
    t.text('options').notNullable().defaultTo('{}'); // JSON: preambles, clauses, field overrides
    t.string('file_path', 1000).nullable();
    t.string('file_name', 300).nullable();
    t.string('created_at', 30).notNullable();
    t.index(['partnership_id']);
  });

  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id');
    t.string('table_name', 64).notNullable();
    t.integer('record_id').notNullable();
    t.string('action', 20).notNullable(); // insert | update | delete | restore | import
    t.text('before').nullable(); // JSON
    t.text('after').nullable(); // JSON
    t.string('actor', 200).notNullable().defaultTo('');
    t.string('at', 30).notNullable();
    t.index(['table_name', 'record_id']);
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
