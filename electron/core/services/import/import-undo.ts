import type { Knex } from 'knex';
import { AppError } from '../../../../shared/domain/errors';
import type { AppContext } from '../../context';
import { backupBeforeChange } from '../../db/backups';
import { acquireImportLock } from '../../db/import-lock';
import { updateById } from '../../repositories/import-repository';
import { findImportRun } from '../../repositories/import-runs-repository';
import { partnershipColumns } from '../../repositories/partnerships-repository';
import { auditedChange } from '../audited-change';
import { columnsOfImportFields } from './municipalities-import';

/** The tables an import writes records of, in the order an undo removes them (children first). */
const IMPORTED_TABLES = ['partnerships', 'foreign_towns', 'municipalities'] as const;
type ImportedTable = (typeof IMPORTED_TABLES)[number];

/** Rows per statement (well under the bound-value limits of both engines). */
const PART = 500;

type Entry = { id: number; table: ImportedTable; recordId: number; before: unknown; after: unknown };

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const isImported = (table: string): table is ImportedTable => IMPORTED_TABLES.some((t) => t === table);
const parts = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += PART) out.push(items.slice(start, start + PART));
  return out;
};

/** The audit entries an import wrote: its action and its transaction's one time stamp. */
async function entriesOf(db: Knex, at: string): Promise<Entry[]> {
  const rows = await db('audit_log')
    .where({ action: 'import', at })
    .orderBy('id')
    .select<{ id: number; table_name: string; record_id: number; before: string | null; after: string | null }[]>(
      'id',
      'table_name',
      'record_id',
      'before',
      'after',
    );
  return rows.flatMap((row) =>
    isImported(row.table_name)
      ? [
          {
            id: row.id,
            table: row.table_name,
            recordId: row.record_id,
            before: parse(row.before),
            after: parse(row.after),
          },
        ]
      : [],
  );
}

/** When and by whom each import was undone (its entry in the audit log), by the import's id. */
export async function undoneRuns(db: Knex): Promise<Map<number, { at: string; actor: string }>> {
  const rows = await db('audit_log')
    .where({ table_name: 'import_runs', action: 'unimport' })
    .select<{ record_id: number; at: string; actor: string }[]>('record_id', 'at', 'actor');
  return new Map(rows.map((row) => [row.record_id, { at: row.at, actor: row.actor }]));
}

/**
 * The imports whose records the audit log names (their entries carry the run's time stamp): the
 * ones an undo can find. An import recorded before undo existed stamped its run a moment apart
 * from its entries; it is undone by restoring the backup made before it.
 */
export async function runsWithEntries(db: Knex, stamps: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of parts([...new Set(stamps)])) {
    const rows = await db('audit_log').where({ action: 'import' }).whereIn('at', part).distinct<{ at: string }[]>('at');
    for (const row of rows) found.add(row.at);
  }
  return found;
}

/** A record as a person names it in a message ("Tábor – Konstanz", "Tábor", "Konstanz"). */
async function labelOf(db: Knex, table: ImportedTable, id: number): Promise<string> {
  if (table === 'partnerships') {
    const row = await db('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('p.id', id)
      .first<{ member: string; town: string } | undefined>('m.name as member', 't.name as town');
    return row ? `${row.member} – ${row.town}` : `#${String(id)}`;
  }
  const row = await db(table).where({ id }).first<{ name: string } | undefined>('name');
  return row?.name ?? `#${String(id)}`;
}

/**
 * What stands in the way of undoing: a record the import wrote that changed since (any later
 * entry of it in the audit log: an edit, a verification, a merge, a later import, a delete), a new
 * record that is no longer as the import wrote it (its version), and a new record that has
 * something of its own now (a partnership's contacts, activities, drafts, attachments or request;
 * a municipality's partnerships or requests; a town another partnership or request names).
 */
async function blockers(trx: Knex.Transaction, entries: readonly Entry[]): Promise<Entry[]> {
  // The import's last entry (a reduce: a spread of 100,000 ids would overflow the call's arguments).
  const last = entries.reduce((max, e) => Math.max(max, e.id), 0);
  const mine = new Set(entries.filter((e) => e.table === 'partnerships' && e.before === null).map((e) => e.recordId));
  const blocked = new Map<string, Entry>();
  const block = (entry: Entry) => blocked.set(`${entry.table}|${String(entry.recordId)}`, entry);
  for (const table of IMPORTED_TABLES) {
    const ofTable = entries.filter((e) => e.table === table);
    const created = ofTable.filter((e) => e.before === null);
    for (const part of parts(ofTable)) {
      const later = await trx('audit_log')
        .where('id', '>', last)
        .andWhere({ table_name: table })
        .whereIn(
          'record_id',
          part.map((e) => e.recordId),
        )
        .distinct<{ record_id: number }[]>('record_id');
      const ids = new Set(later.map((row) => row.record_id));
      for (const entry of part) if (ids.has(entry.recordId)) block(entry);
    }
    for (const part of parts(created)) {
      const byId = new Map(part.map((e) => [e.recordId, e]));
      const ids = [...byId.keys()];
      const rows = await trx(table).whereIn('id', ids).select<{ id: number; version: number }[]>('id', 'version');
      const present = new Set(rows.map((row) => row.id));
      for (const row of rows) if (row.version !== 1) block(byId.get(row.id) as Entry);
      // Gone already (deleted since): its delete is a later entry; this guards a row removed otherwise.
      for (const entry of part) if (!present.has(entry.recordId)) block(entry);
      const owning = (child: string, column: string) =>
        trx(child).whereIn(column, ids).distinct<Record<string, number>[]>(column);
      const children: [string, string][] =
        table === 'partnerships'
          ? [
              ['contacts', 'partnership_id'],
              ['activities', 'partnership_id'],
              ['agreement_documents', 'partnership_id'],
              ['attachments', 'partnership_id'],
              ['partnership_requests', 'partnership_id'],
            ]
          : table === 'municipalities'
            ? [
                ['partnerships', 'municipality_id'],
                ['partnership_requests', 'municipality_id'],
              ]
            : [['partnership_requests', 'foreign_town_id']];
      for (const [child, column] of children)
        for (const row of await owning(child, column)) {
          const entry = byId.get(Number(row[column]));
          if (entry !== undefined) block(entry);
        }
      if (table === 'foreign_towns') {
        // A town stays while a partnership the import did not create names it.
        const rows = await trx('partnerships')
          .whereIn('foreign_town_id', ids)
          .select<{ id: number; foreign_town_id: number }[]>('id', 'foreign_town_id');
        for (const row of rows) {
          const entry = byId.get(row.foreign_town_id);
          if (!mine.has(row.id) && entry !== undefined) block(entry);
        }
      }
    }
  }
  return [...blocked.values()];
}

export type ImportUndoResult = { removed: number; restored: number; backup: string | null };

/**
 * Undoes one import as a whole, in one transaction, or not at all: the records it added are
 * removed and the fields it changed get their earlier values back, each with an audit entry
 * ("unimport") that keeps what the import had written; the import's own entry in the history
 * says it was undone. Refused (CONFLICT, naming up to five records) when anything the import
 * wrote changed since or has something of its own now: the user's later work is never removed.
 * Regions and districts a municipality list brought stay (they are the country's, not the
 * file's). A verified backup is made first.
 */
export async function undoImport(ctx: AppContext, input: { id: number }): Promise<ImportUndoResult> {
  const run = await findImportRun(ctx.db.knex, input.id);
  if (!run) throw new AppError('NOT_FOUND', `No import ${String(input.id)} in the history.`);
  if (!run.changed)
    throw new AppError('CONFLICT', 'This import changed nothing; there is nothing to undo.', {
      reason: 'import.undo.nothing',
    });
  if ((await undoneRuns(ctx.db.knex)).has(run.id))
    throw new AppError('CONFLICT', 'This import has been undone already.', { reason: 'import.undo.already' });
  const found = await entriesOf(ctx.db.knex, run.at);
  if (found.length === 0)
    throw new AppError('CONFLICT', 'The audit log names no record of this import; restore the backup made before it.', {
      reason: 'import.undo.unavailable',
    });
  if (ctx.jobs.running('import') > 0)
    throw new AppError('CONFLICT', 'Another import is running.', { reason: 'import.error.busy' });
  const release = await acquireImportLock(ctx.db, { actor: await ctx.actor() });
  try {
    const backup = await backupBeforeChange(ctx.db.knex, ctx.db.filePath, 'unimport');
    const result = await auditedChange(ctx, async ({ trx, at, auditMany, touch }) => {
      const entries = await entriesOf(trx, run.at);
      const stopped = await blockers(trx, entries);
      if (stopped.length > 0) {
        const names = await Promise.all(stopped.slice(0, 5).map((e) => labelOf(trx, e.table, e.recordId)));
        throw new AppError(
          'CONFLICT',
          `${String(stopped.length)} record(s) of this import changed since or have data of their own: ${names.join(', ')}.`,
          {
            reason: 'import.undo.changedSince',
            params: { count: stopped.length, records: names.join('; ') },
          },
        );
      }
      let removed = 0;
      let restored = 0;
      // Changed fields first (their records stay), then the new records, partnerships before towns.
      for (const entry of entries.filter((e) => e.before !== null)) {
        const before = entry.before as Record<string, unknown>;
        const columns =
          entry.table === 'partnerships'
            ? partnershipColumns(before)
            : entry.table === 'municipalities'
              ? await columnsOfImportFields(trx, before)
              : {};
        if (Object.keys(columns).length === 0) continue;
        await updateById(trx, entry.table, entry.recordId, { ...columns, updated_at: at });
        restored += 1;
      }
      for (const table of IMPORTED_TABLES) {
        const created = entries.filter((e) => e.table === table && e.before === null).map((e) => e.recordId);
        for (const part of parts(created)) removed += await trx(table).whereIn('id', part).delete();
      }
      await auditMany([
        ...entries.map((entry) => ({
          table: entry.table,
          recordId: entry.recordId,
          action: 'unimport' as const,
          before: entry.after,
          after: entry.before,
        })),
        {
          table: 'import_runs',
          recordId: run.id,
          action: 'unimport' as const,
          before: null,
          after: { fileName: run.fileName, removed, restored },
        },
      ]);
      touch({ tables: [...IMPORTED_TABLES] });
      return { removed, restored };
    });
    return { ...result, backup: backup?.name ?? null };
  } finally {
    await release();
  }
}
