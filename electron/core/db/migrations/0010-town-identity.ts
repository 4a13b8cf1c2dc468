import type { Knex } from 'knex';
import { townNameKey } from '../../../../shared/domain/text';

/**
 * One town, one record. Foreign towns get `alt_names` (other spellings, one per line) and their
 * natural key becomes the folded spelling every matcher uses (`townNameKey`: case, diacritics,
 * ł/ß, hyphens and punctuation aside). Towns that then share country and key are the same town
 * written twice (Gießen/Giessen, Jedlina-Zdrój/Jedlina - Zdrój): each group is merged into its
 * oldest record (names kept as alternates, empty fields filled, partnerships moved, or merged
 * into the same member's partnership of the kept town with their children; every merge in the
 * audit log with the merged rows) and a unique index makes a second copy impossible from then on.
 *
 * The merge is written out here, not taken from the repositories: a migration must do the same
 * thing forever, whatever the app's merge later becomes.
 */

type Row = Record<string, unknown>;
const empty = (value: unknown) => value === null || value === undefined || value === '';
const TOWN_FIELDS = [
  'name_cs',
  'admin_region',
  'population',
  'latitude',
  'longitude',
  'website',
  'language',
  'geonames_id',
  'notes',
  'source',
];
const PARTNERSHIP_FIELDS = [
  'started_on',
  'signed_on',
  'signed_place',
  'cz_resolution',
  'cz_resolution_date',
  'partner_resolution',
  'partner_resolution_date',
  'term_until',
  'ended_on',
  'notes',
  'source',
];

async function mergePartnership(knex: Knex, keep: Row, other: Row): Promise<void> {
  const changes: Row = {};
  for (const field of PARTNERSHIP_FIELDS) if (empty(keep[field]) && !empty(other[field])) changes[field] = other[field];
  for (const field of ['type', 'status'])
    if (keep[field] === 'unknown' && other[field] !== 'unknown') changes[field] = other[field];
  for (const table of ['contacts', 'activities', 'agreement_documents', 'partnership_requests'])
    await knex(table).where({ partnership_id: other.id }).update({ partnership_id: keep.id });
  for (const [table, column] of [
    ['partnership_areas', 'area'],
    ['partnership_participants', 'participant_group'],
  ] as const) {
    const have = new Set(await knex(table).where({ partnership_id: keep.id }).pluck<string[]>(column));
    for (const value of await knex(table).where({ partnership_id: other.id }).pluck<string[]>(column))
      if (!have.has(value)) await knex(table).insert({ partnership_id: keep.id, [column]: value });
  }
  await knex('partnerships').where({ id: other.id }).delete();
  if (Object.keys(changes).length > 0) await knex('partnerships').where({ id: keep.id }).update(changes);
}

async function mergeTown(knex: Knex, keepId: number, otherId: number): Promise<Row> {
  const keep = (await knex('foreign_towns').where({ id: keepId }).first<Row | undefined>()) ?? {};
  const other = (await knex('foreign_towns').where({ id: otherId }).first<Row | undefined>()) ?? {};
  const partnerships = await knex('partnerships').where({ foreign_town_id: otherId }).select<Row[]>();
  const names = new Set([keep.name, keep.name_cs].filter((n) => typeof n === 'string'));
  const alternates = [other.name, other.name_cs].filter((n): n is string => typeof n === 'string' && !names.has(n));
  const changes: Row = { alt_names: alternates.length > 0 ? alternates.join('\n') : null };
  for (const field of TOWN_FIELDS) if (empty(keep[field]) && !empty(other[field])) changes[field] = other[field];
  if (changes.geonames_id !== undefined)
    await knex('foreign_towns').where({ id: otherId }).update({ geonames_id: null });
  for (const partnership of partnerships) {
    const ours = await knex('partnerships')
      .where({ foreign_town_id: keepId, municipality_id: partnership.municipality_id })
      .first<Row | undefined>();
    if (ours) await mergePartnership(knex, ours, partnership);
    else await knex('partnerships').where({ id: partnership.id }).update({ foreign_town_id: keepId });
  }
  await knex('foreign_towns').where({ id: otherId }).delete();
  await knex('foreign_towns').where({ id: keepId }).update(changes);
  return { town: other, partnerships };
}
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('foreign_towns', (t) => {
    t.text('alt_names').nullable();
  });
  const towns = await knex('foreign_towns')
    .orderBy('id')
    .select<{ id: number; name: string; name_key: string; country_code: string }[]>(
      'id',
      'name',
      'name_key',
      'country_code',
    );
  const groups = new Map<string, number[]>();
  for (const town of towns) {
    const key = townNameKey(town.name);
    if (key !== town.name_key) await knex('foreign_towns').where({ id: town.id }).update({ name_key: key });
    const group = `${town.country_code}|${key}`;
    groups.set(group, [...(groups.get(group) ?? []), town.id]);
  }
  const at = new Date().toISOString();
  const reported: string[] = [];
  for (const [group, ids] of groups) {
    const [keep, ...others] = ids;
    if (keep === undefined) continue;
    for (const other of others) {
      const merged = await mergeTown(knex, keep, other);
      reported.push(`${String((merged.town as Row).name)} → #${String(keep)} (${group})`);
      await knex('audit_log').insert({
        table_name: 'foreign_towns',
        record_id: keep,
        action: 'merge',
        before: JSON.stringify({ migrated: merged }),
        after: JSON.stringify({ mergedId: other, reason: `migration 0010: the same town twice (${group})` }),
        actor: 'Twinning Registry (migration 0010)',
        at,
      });
    }
  }
  if (reported.length > 0)
    // The merges are in the audit log; this line tells whoever runs the upgrade (CLI, app log).
    console.warn(`Migration 0010 merged towns written twice: ${reported.join('; ')}`);
  await knex.schema.alterTable('foreign_towns', (t) => {
    t.unique(['country_code', 'name_key'], { indexName: 'foreign_towns_country_name_key_unique' });
  });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
