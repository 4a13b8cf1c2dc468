import type { Knex } from 'knex';
import { lockTablesForWrite } from '../db/dialect/catalog';
import { insertRows } from './import-repository';
import { RECORD_TABLES_PARENTS_FIRST } from './partnerships-repository';

/**
 * The demo records: marked `source = 'demo'` when the demo data is loaded, so that they can be
 * told from staff's records and removed exactly. The order below is children first; a demo
 * record that staff's records hang on (an imported partnership of a demo member, a contact added
 * to a demo partnership, an agreement draft) or that staff changed is kept, and counted as kept.
 */
export const DEMO = 'demo';

/** Tables that hold demo records, children first (the order of removal). */
export const DEMO_TABLES = [
  'contacts',
  'activities',
  'partnership_requests',
  'partnerships',
  'foreign_towns',
  'municipalities',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

/** Marks every record of the freshly filled registry as demo (it was empty before, in the same transaction). */
export async function markAllAsDemo(trx: Knex): Promise<void> {
  for (const table of DEMO_TABLES) await trx(table).whereNull('source').update({ source: DEMO });
}

/** Demo records per table. */
export async function countDemo(db: Knex): Promise<Record<DemoTable, number>> {
  const counts = {} as Record<DemoTable, number>;
  for (const table of DEMO_TABLES) {
    const row = await db(table).where({ source: DEMO }).count<{ n: number | string }[]>({ n: '*' }).first();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * How many demo records a removal would remove now (0 once it ran: what is left, staff's data
 * refers to). Children are counted as they are; a parent whose only children are demo ones is
 * counted with them, because those children exist.
 */
export async function countRemovable(db: Knex): Promise<number> {
  let total = 0;
  for (const table of DEMO_TABLES) {
    const row = await removable(db, table).count<{ n: number | string }[]>({ n: '*' }).first();
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** The demo records of a table that nothing of the staff's hangs on (children already removed). */
function removable(db: Knex, table: DemoTable): Knex.QueryBuilder {
  const query = db(table).where(`${table}.source`, DEMO);
  // A demo record that staff changed (an edit, an import that filled a field) is theirs now: kept.
  query.whereNotExists((q) => {
    void q
      .select(db.raw('1'))
      .from('audit_log')
      .where('audit_log.table_name', table)
      .whereIn('audit_log.action', ['update', 'import'])
      .whereRaw('audit_log.record_id = ??.id', [table]);
  });
  const hanging = (child: string, column: string) =>
    query.whereNotExists((q) => {
      void q.select(db.raw('1')).from(child).whereRaw('??.?? = ??.id', [child, column, table]);
    });
  if (table === 'activities') {
    // A staffer's photos of a demo activity keep the activity they belong to.
    hanging('attachments', 'activity_id');
  } else if (table === 'partnerships') {
    hanging('contacts', 'partnership_id');
    hanging('activities', 'partnership_id');
    hanging('agreement_documents', 'partnership_id');
    hanging('attachments', 'partnership_id');
    hanging('partnership_requests', 'partnership_id');
  } else if (table === 'foreign_towns') {
    hanging('partnerships', 'foreign_town_id');
    hanging('partnership_requests', 'foreign_town_id');
  } else if (table === 'municipalities') {
    hanging('partnerships', 'municipality_id');
    hanging('partnership_requests', 'municipality_id');
  }
  return query;
}

/**
 * What a removal reads or writes: the demo tables, every table that hangs on them (a row there
 * keeps its demo parent, or goes with it by cascade) and the audit log (whose edits keep a record).
 * Parents first, in the order the import's undo takes them, so that the two wait for each other
 * instead of deadlocking.
 */
const LOCKED_TABLES = [...RECORD_TABLES_PARENTS_FIRST, 'audit_log'];

/**
 * Removes the demo records nothing of the staff's hangs on, each with an audit entry holding the
 * row (so its history and the audit log keep it). Returns the removed ids per table. On a server,
 * colleagues' writes to these tables are kept out from the first statement to the commit: a
 * partnership or contact a colleague adds to a demo record is either committed before (it keeps
 * the record) or waits and then finds it gone; never removed with it by the cascade, unaudited.
 */
export async function removeDemoRecords(
  trx: Knex.Transaction,
  audit: { actor: string; at: string },
): Promise<Record<DemoTable, number>> {
  await lockTablesForWrite(trx, LOCKED_TABLES);
  const removed = {} as Record<DemoTable, number>;
  for (const table of DEMO_TABLES) {
    const rows = await removable(trx, table).select<({ id: number } & Record<string, unknown>)[]>(`${table}.*`);
    removed[table] = rows.length;
    if (rows.length === 0) continue;
    await insertRows(
      trx,
      'audit_log',
      rows.map((row) => ({
        table_name: table,
        record_id: row.id,
        action: 'delete',
        before: JSON.stringify({ _row: row, reason: 'demo' }),
        after: null,
        actor: audit.actor,
        at: audit.at,
      })),
    );
    const ids = rows.map((row) => row.id);
    for (let start = 0; start < ids.length; start += 500) {
      await trx(table)
        .whereIn('id', ids.slice(start, start + 500))
        .delete();
    }
  }
  return removed;
}
