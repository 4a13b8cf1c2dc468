import type { Knex } from 'knex';
import { GAZETTEER_LOCAL_NAMES, gazetteerOtherNames } from '../../../../shared/domain/gazetteer-local-names';
import { townNameKey } from '../../../../shared/domain/text';
import { dialectOf } from '../dialect/index';

/** The author of the corrections, in the history (shown as the registry's update 0024). */
export const LOCAL_NAMES_ACTOR = 'Twinning Registry (migration 0024)';

type TownRow = {
  id: number;
  name: string;
  country_code: string;
  geonames_id: number;
  alt_names: string | null;
  name_native: string | null;
  version: number;
};

const otherNamesOf = (text: string | null): string[] => (text ?? '').split('\n').filter((name) => name.trim() !== '');

/**
 * A town the gazetteer names in English (walkthrough 19: "Vienna" stored as the local name of Wien,
 * agreements then wrote „Gemeinde Vienna“) gets its local name from `GAZETTEER_LOCAL_NAMES`. Only a
 * record with the gazetteer's id, of the table's country, whose name is still exactly the gazetteer's
 * English name: a name someone typed or changed is theirs. The English name joins the town's other
 * names (imports and searches still find it), the name in the country's script fills an empty
 * `name_native`, the version goes up, and each change is written to the record's history
 * ('migrate', under this migration's name) so a staffer sees it and can put it back. A record whose
 * new name another town of its country already has is left alone and said (merge them by hand).
 * A data migration: no column changes; run twice, the second run finds nothing to change.
 *
 * It applies the table as it stands when the migration runs; a town added to the table later
 * reaches registries that have run 0024 only through a migration of its own.
 */
export async function up(knex: Knex): Promise<void> {
  const at = new Date().toISOString();
  const ids = [...GAZETTEER_LOCAL_NAMES.keys()];
  const rows = await knex('foreign_towns')
    .whereIn('geonames_id', ids)
    .orderBy('id')
    .select<TownRow[]>('id', 'name', 'country_code', 'geonames_id', 'alt_names', 'name_native', 'version');
  let renamed = 0;
  for (const row of rows) {
    const entry = GAZETTEER_LOCAL_NAMES.get(row.geonames_id);
    if (!entry || row.name !== entry.gazetteer || row.country_code !== entry.country) continue;
    const nameKey = townNameKey(entry.name);
    const clash = await knex('foreign_towns')
      .where({ country_code: row.country_code, name_key: nameKey })
      .whereNot({ id: row.id })
      .first<{ id: number; name: string } | undefined>('id', 'name');
    if (clash) {
      // The upgrade's log (CLI, app log): the two records are one town, for a person to merge.
      console.warn(
        `Migration 0024: foreign town ${String(row.id)} „${row.name}“ keeps its name: town ${String(clash.id)} „${clash.name}“ already has the local name „${entry.name}“.`,
      );
      continue;
    }
    const altBefore = otherNamesOf(row.alt_names);
    const altAfter = [...altBefore];
    for (const name of gazetteerOtherNames(entry))
      if (!altAfter.some((other) => townNameKey(other) === townNameKey(name))) altAfter.push(name);
    const nameNative = row.name_native ?? entry.native ?? null;
    const version = row.version;
    const changed = await knex('foreign_towns')
      .where({ id: row.id, version })
      .update({
        name: entry.name,
        name_key: nameKey,
        alt_names: altAfter.length > 0 ? altAfter.join('\n') : null,
        name_native: nameNative,
        version: version + 1,
        updated_at: at,
      });
    if (changed !== 1) continue;
    const fields = (name: string, altNames: string[], native: string | null) => ({
      name,
      altNames,
      ...(entry.native === undefined || row.name_native !== null ? {} : { nameNative: native }),
    });
    await knex('audit_log').insert({
      table_name: 'foreign_towns',
      record_id: row.id,
      action: 'migrate',
      before: JSON.stringify(fields(row.name, altBefore, null)),
      after: JSON.stringify(fields(entry.name, altAfter, nameNative)),
      actor: LOCAL_NAMES_ACTOR,
      at,
      // On a server, as every entry there: the database account and the server's time.
      ...dialectOf(knex).auditStamp(knex),
    });
    renamed += 1;
  }
  if (renamed > 0)
    console.warn(
      `Migration 0024: ${String(renamed)} foreign town(s) named by the gazetteer in English now have their local name (the English one kept among other names).`,
    );
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
