import type { Knex } from 'knex';

/**
 * A partner town's kind as its source stated it. Until now every new town was recorded as a town
 * ("město", "Stadt") when nothing said so (an import, a town added by name or from the gazetteer),
 * and agreements then called a village of 400 people "Stadtgemeinde". Such towns become "not
 * stated" ('unknown'); a kind someone set on the town's card (its history has a change of the kind)
 * and the demo towns (their data states it) stay as they are. Nothing else changes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('foreign_towns')
    .where({ kind: 'town' })
    .andWhere((q) => {
      q.whereNull('source').orWhereNot('source', 'demo');
    })
    .whereNotExists(
      knex('audit_log')
        .select(knex.raw('1'))
        .where('audit_log.table_name', 'foreign_towns')
        .whereRaw('audit_log.record_id = foreign_towns.id')
        .whereIn('audit_log.action', ['update', 'restore', 'merge'])
        .andWhere('audit_log.after', 'like', '%"kind"%'),
    )
    .update({ kind: 'unknown' });
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are append-only and are never rolled back.'));
}
