import type { Knex } from 'knex';
import { AppError } from '../../../../shared/domain/errors';
import type { AppContext } from '../../context';
import { backupBeforeChange } from '../../db/backups';
import { lockTablesForWrite } from '../../db/dialect/catalog';
import { isPostgres } from '../../db/dialect/index';
import { acquireImportLock } from '../../db/import-lock';
import { loadDistrictCodes, loadRegionCodes } from '../../repositories/import-repository';
import { findImportRun } from '../../repositories/import-runs-repository';
import {
  PARTNERSHIP_CHILD_TABLES,
  partnershipColumns,
  RECORD_TABLES_PARENTS_FIRST,
} from '../../repositories/partnerships-repository';
import { writerOf } from '../../repositories/audit-repository';
import { auditedChange } from '../audited-change';
import { columnsOfImportFields, type CodeMaps } from './municipalities-import';

/** The tables an import writes records of, in the order an undo removes them (children first). */
const IMPORTED_TABLES = ['partnerships', 'foreign_towns', 'municipalities'] as const;
type ImportedTable = (typeof IMPORTED_TABLES)[number];

/**
 * Everything an undo reads or writes, locked on a server for its transaction so that nobody's
 * edit slips in between its checks and its writes (a registry file is locked whole anyway).
 */
const LOCKED_TABLES = [...RECORD_TABLES_PARENTS_FIRST, 'import_runs', 'audit_log'];

/** Rows per statement (well under the bound-value limits of both engines). */
const PART = 500;
/** Records a refusal names. */
const NAMED = 5;

type Entry = { id: number; table: ImportedTable; recordId: number; before: unknown; after: unknown };
type Record_ = Record<string, unknown>;

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
const isImported = (table: string): table is ImportedTable => IMPORTED_TABLES.some((t) => t === table);
const parts = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += PART) out.push(items.slice(start, start + PART));
  return out;
};
const key = (table: string, id: number) => `${table}|${String(id)}`;

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

/**
 * When and by whom each import was undone (its entry in the audit log), and the backup made first,
 * by the import's id. A partial undo (`partial`: only the records nobody had changed) counts as the
 * import's undo too, with the number of its records it left in place (`kept`).
 */
export async function undoneRuns(
  db: Knex,
): Promise<
  Map<
    number,
    { at: string; actor: string; fileName: string | null; backup: string | null; partial: boolean; kept: number }
  >
> {
  const rows = await db('audit_log')
    .where({ table_name: 'import_runs', action: 'unimport' })
    .select<{ record_id: number; at: string; actor: string; after: string | null }[]>(
      'record_id',
      'at',
      'actor',
      'after',
    );
  return new Map(
    rows.map((row) => {
      const after = (parse(row.after) ?? {}) as Record_;
      return [
        row.record_id,
        {
          at: row.at,
          actor: row.actor,
          fileName: typeof after.fileName === 'string' ? after.fileName : null,
          backup: typeof after.backup === 'string' ? after.backup : null,
          partial: after.partial === true,
          kept: typeof after.kept === 'number' ? after.kept : 0,
        },
      ];
    }),
  );
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

/** A record as a person names it in a message ("Tábor – Konstanz", "Lhota (CZ0313 …)", "Konstanz"). */
async function labelOf(db: Knex, entry: Entry): Promise<string> {
  const { table, recordId: id } = entry;
  // A record gone since is named by what the import wrote of it.
  const written = (entry.after ?? {}) as Record_;
  const gone =
    typeof written.name === 'string'
      ? `${written.name}${typeof written.code === 'string' ? ` (${written.code})` : ''}`
      : `#${String(id)}`;
  if (table === 'partnerships') {
    const row = await db('partnerships as p')
      .join('municipalities as m', 'm.id', 'p.municipality_id')
      .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
      .where('p.id', id)
      .first<{ member: string; town: string } | undefined>('m.name as member', 't.name as town');
    return row ? `${row.member} – ${row.town}` : gone;
  }
  if (table === 'municipalities') {
    // "Lhota" is the name of dozens of villages: the code tells them apart.
    const row = await db('municipalities')
      .where({ id })
      .first<{ name: string; code: string } | undefined>('name', 'code');
    return row ? `${row.name} (${row.code})` : gone;
  }
  const row = await db('foreign_towns').where({ id }).first<{ name: string } | undefined>('name');
  return row?.name ?? gone;
}

/** The keys of an audit entry's values that name a record of each imported table. */
const REFERENCES: Record<ImportedTable, readonly string[]> = {
  partnerships: ['partnershipId', 'partnership_id'],
  municipalities: ['municipalityId', 'municipality_id'],
  foreign_towns: ['foreignTownId', 'foreign_town_id'],
};

/** Calls `found` for every record of an imported table a stored value names, however deep (snapshots nest rows). */
function referencesIn(value: unknown, found: (table: ImportedTable, id: number) => void, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) referencesIn(item, found, depth + 1);
    return;
  }
  for (const [name, inner] of Object.entries(value as Record_)) {
    for (const table of IMPORTED_TABLES)
      if (REFERENCES[table].includes(name) && (typeof inner === 'number' || typeof inner === 'string'))
        found(table, Number(inner));
    referencesIn(inner, found, depth + 1);
  }
}

/** A stored value as compared with what an import wrote (SQLite's 0/1 for a flag, numbers as numbers). */
const comparable = (value: unknown): unknown =>
  typeof value === 'boolean' ? Number(value) : typeof value === 'bigint' ? Number(value) : value;

/**
 * The records that stand in the way of undoing, each once. A record the import wrote is not the
 * import's alone any more when:
 * - a later entry of the audit log concerns it (an edit, a verification, a merge, a later import
 *   that stands, a delete) or names it (a contact, activity, draft, attachment or request of it,
 *   also one deleted since and waiting in the bin; a partnership of a new member or a new town);
 * - it is not as the import left it: a new record past its first version, a changed record whose
 *   fields differ from what the import wrote (a merge folds notes together without an entry of
 *   its own), a record gone;
 * - something of its own exists now (children, requests), or a later import's decision names a
 *   town it added.
 * Entries of an import that was undone, and of its undo, cancel out and are passed over.
 */
async function blockers(
  db: Knex,
  run: { at: string },
  entries: readonly Entry[],
  codes: CodeMaps,
): Promise<{ stopped: Entry[]; laterImports: Set<string>; by: Map<string, Writer> }> {
  const laterImports = new Set<string>();
  const byKey = new Map(entries.map((e) => [key(e.table, e.recordId), e]));
  const created = new Set(entries.filter((e) => e.before === null).map((e) => key(e.table, e.recordId)));
  const blocked = new Map<string, Entry>();
  // Who did the latest work that stands in a record's way, and when (the refusal names them).
  const by = new Map<string, Writer>();
  const block = (table: string, id: number, writer: Writer | null = null) => {
    const entry = byKey.get(key(table, id));
    if (entry === undefined) return;
    blocked.set(key(table, id), entry);
    if (writer !== null) by.set(key(table, id), writer);
  };

  // 1. The audit log after the import (the entries of undone imports and of their undos cancel out).
  const last = entries.reduce((max, e) => Math.max(max, e.id), 0);
  const undone = await undoneRuns(db);
  const undoneIds = [...undone.keys()];
  const undoneImports = new Set<string>();
  for (const part of parts(undoneIds))
    for (const row of await db('import_runs').whereIn('id', part).select<{ at: string }[]>('at'))
      undoneImports.add(row.at);
  const undos = new Set([...undone.values()].map((u) => u.at));
  // A partial undo put back only some records of its import: the import's entries of those (and
  // the undo's own) cancel out; its other records stand as the import left them.
  const partly = new Set<string>();
  const partialUndos = [...undone.entries()].filter(([, u]) => u.partial);
  for (const [runId, undo] of partialUndos) {
    const importRun = await db('import_runs').where({ id: runId }).first<{ at: string } | undefined>('at');
    if (importRun === undefined) continue;
    const putBack = await db('audit_log')
      .where({ action: 'unimport', at: undo.at })
      .whereNot('table_name', 'import_runs')
      .select<{ table_name: string; record_id: number }[]>('table_name', 'record_id');
    for (const row of putBack) partly.add(`${importRun.at}|${key(row.table_name, row.record_id)}`);
    undoneImports.delete(importRun.at);
  }
  const passedAt = new Map<string, Set<string>>();
  const standing = new Set(
    (await db('import_runs').select<{ id: number; at: string; changed: number | boolean }[]>('id', 'at', 'changed'))
      .filter((r) => Boolean(r.changed) && undone.get(r.id)?.partial !== false && r.at !== run.at)
      .map((r) => r.at),
  );
  for (let after = last; ;) {
    const page = await db('audit_log').where('id', '>', after).orderBy('id').limit(2000).select<
      {
        id: number;
        table_name: string;
        record_id: number;
        action: string;
        at: string;
        before: string | null;
        after: string | null;
        actor: string;
        db_user: string | null;
        server_at: string | null;
      }[]
    >('id', 'table_name', 'record_id', 'action', 'at', 'before', 'after', 'actor', 'db_user', 'server_at');
    // Nothing more to find once every record stands in the way.
    if (page.length === 0 || blocked.size === entries.length) break;
    after = page[page.length - 1]?.id ?? after;
    for (const row of page) {
      // A migration's correction of what the app had recorded without a source (0022: an imported
      // term "indefinite" made "not stated") is no one's work on the import's records.
      if (row.action === 'migrate') continue;
      if (
        (row.action === 'import' &&
          (undoneImports.has(row.at) || partly.has(`${row.at}|${key(row.table_name, row.record_id)}`))) ||
        (row.action === 'unimport' && undos.has(row.at))
      ) {
        // Written and put back: its time stamp is a record's `updated_at` the import's own may give way to.
        const k = key(row.table_name, row.record_id);
        passedAt.set(k, new Set([...(passedAt.get(k) ?? []), row.at]));
        continue;
      }
      const before = blocked.size;
      const writer = writerOf(row);
      block(row.table_name, row.record_id, writer);
      // What a later entry names: only records the import added can be named by someone else's work.
      const named = (table: ImportedTable, id: number) => {
        if (created.has(key(table, id))) block(table, id, writer);
      };
      referencesIn(parse(row.before), named);
      referencesIn(parse(row.after), named);
      // A later import that stands builds on this one: the refusal names it (undo it first).
      if (row.action === 'import' && blocked.size > before) laterImports.add(row.at);
    }
  }

  for (const table of IMPORTED_TABLES) {
    const ofTable = entries.filter((e) => e.table === table);
    for (const part of parts(ofTable)) {
      const rows = await db(table)
        .whereIn(
          'id',
          part.map((e) => e.recordId),
        )
        .select<Record_[]>('*');
      const stored = new Map(rows.map((row) => [Number(row.id), row]));
      for (const entry of part) {
        const row = stored.get(entry.recordId);
        // 2. Gone (deleted in a way the log did not catch), or not as the import left it: every
        // write sets `updated_at`, so a record last written by anything but this import (or by an
        // import undone since, and its undo) was written by someone's work, audited or not (a
        // merge folds partnerships together with an entry of the kept town only).
        const stamps = new Set([run.at, ...(passedAt.get(key(table, entry.recordId)) ?? [])]);
        if (row === undefined || !stamps.has(String(row.updated_at))) block(table, entry.recordId);
        else if (entry.before !== null) {
          const after = (entry.after ?? {}) as Record_;
          const expected =
            table === 'partnerships'
              ? partnershipColumns(after)
              : table === 'municipalities'
                ? columnsOfImportFields(after, codes)
                : {};
          if (expected === null) block(table, entry.recordId);
          else if (Object.entries(expected).some(([column, value]) => comparable(row[column]) !== comparable(value)))
            block(table, entry.recordId);
        }
      }
    }
    // 3. Something of its own now.
    const ids = ofTable.filter((e) => e.before === null).map((e) => e.recordId);
    const children: [string, string][] =
      table === 'partnerships'
        ? [...PARTNERSHIP_CHILD_TABLES, 'partnership_requests'].map((child): [string, string] => [
            child,
            'partnership_id',
          ])
        : table === 'municipalities'
          ? [
              ['partnerships', 'municipality_id'],
              ['partnership_requests', 'municipality_id'],
            ]
          : [
              ['partnerships', 'foreign_town_id'],
              ['partnership_requests', 'foreign_town_id'],
            ];
    for (const part of parts(ids)) {
      for (const [child, column] of children) {
        const rows = await db(child)
          .whereIn(column, part)
          .select<Record_[]>(column, ...(child === 'partnerships' ? ['id'] : []));
        for (const row of rows) {
          // A partnership the same import added to its new town goes with it.
          if (child === 'partnerships' && created.has(key('partnerships', Number(row.id)))) continue;
          block(table, Number(row[column]));
        }
      }
      if (table === 'foreign_towns') {
        // A later import that stands decided that a town of its file is this one: the decision
        // would go with the town. Decisions of this import, of imports undone since and of
        // imports that changed nothing may go with it.
        const decisions = await db('town_match_decisions')
          .whereIn('foreign_town_id', part)
          .select<{ foreign_town_id: number; decided_at: string }[]>('foreign_town_id', 'decided_at');
        for (const row of decisions) if (standing.has(row.decided_at)) block(table, row.foreign_town_id);
      }
    }
  }
  return { stopped: [...blocked.values()], laterImports, by };
}

type Writer = { name: string; at: string };

/**
 * The records a partial undo leaves in place: the ones in the way, and a member or town the import
 * added under a partnership that stays (removing it would take the partnership with it).
 */
async function keptRecords(db: Knex, entries: readonly Entry[], stopped: readonly Entry[]): Promise<Set<string>> {
  const kept = new Set(stopped.map((e) => key(e.table, e.recordId)));
  const created = new Set(entries.filter((e) => e.before === null).map((e) => key(e.table, e.recordId)));
  const stays = stopped.filter((e) => e.table === 'partnerships').map((e) => e.recordId);
  for (const part of parts(stays))
    for (const row of await db('partnerships')
      .whereIn('id', part)
      .select<{ municipality_id: number; foreign_town_id: number }[]>('municipality_id', 'foreign_town_id')) {
      for (const dependency of [key('municipalities', row.municipality_id), key('foreign_towns', row.foreign_town_id)])
        if (created.has(dependency)) kept.add(dependency);
    }
  return kept;
}

/** What stands in an undo's way now, and what a partial undo would leave in place and put back. */
type Check = {
  codes: CodeMaps;
  stopped: Entry[];
  laterImports: Set<string>;
  by: Map<string, Writer>;
  kept: Set<string>;
};

async function check(db: Knex, run: { at: string }, entries: readonly Entry[]): Promise<Check> {
  const codes: CodeMaps = { districts: await loadDistrictCodes(db), regions: await loadRegionCodes(db) };
  const { stopped, laterImports, by } = await blockers(db, run, entries, codes);
  const kept = stopped.length === 0 ? new Set<string>() : await keptRecords(db, entries, stopped);
  return { codes, stopped, laterImports, by, kept };
}

/**
 * The refusal (CONFLICT) naming the records that stand in the way, who worked on them last and
 * when (`details.changes`, the first few; the latest also as `params.name` and `changedAt`), what a
 * partial undo would do (`details.untouched`: records it would remove and put back) and whether the
 * registry is a file (`details.server: false`: a backup from before the import is the last resort
 * there; on a server restoring one would throw away everybody's work since, walkthrough 22).
 */
async function refusal(db: Knex, found: Check, entries: readonly Entry[]): Promise<AppError> {
  const { stopped, laterImports, by, kept } = found;
  const shown = stopped.slice(0, NAMED);
  const names = await Promise.all(shown.map((e) => labelOf(db, e)));
  const more = stopped.length - names.length;
  const changes = shown.map((e, index) => {
    const writer = by.get(key(e.table, e.recordId));
    return { record: names[index] ?? '', name: writer?.name ?? null, at: writer?.at ?? null };
  });
  const latest = [...by.values()].reduce<Writer | null>(
    (last, w) => (last === null || w.at > last.at ? w : last),
    null,
  );
  const rest = entries.filter((e) => !kept.has(key(e.table, e.recordId)));
  const untouched = {
    remove: rest.filter((e) => e.before === null).length,
    restore: rest.filter((e) => e.before !== null).length,
    kept: kept.size,
  };
  const common = {
    changes,
    untouched,
    server: isPostgres(db),
    ...(latest === null ? {} : { changedAt: latest.at }),
  };
  const who = latest === null ? {} : { name: latest.name, at: latest.at };
  if (laterImports.size > 0) {
    const files = (
      await db('import_runs')
        .whereIn('at', [...laterImports])
        .orderBy('id')
        .pluck<string[]>('file_name')
    ).join(', ');
    return new AppError('CONFLICT', `A later import builds on this one (${files}); undo it first.`, {
      reason: 'import.undo.laterImport',
      params: { files, count: stopped.length, records: names.join('; '), ...who },
      ...common,
    });
  }
  return new AppError(
    'CONFLICT',
    `${String(stopped.length)} record(s) of this import changed since or have data of their own: ${names.join('; ')}.`,
    {
      reason: more > 0 ? 'import.undo.changedSinceMore' : 'import.undo.changedSince',
      params: { count: stopped.length, records: names.join('; '), more, ...who },
      ...common,
    },
  );
}

/** Refuses with the records that stand in the way (CONFLICT), or returns when there are none. */
async function refuseIfBlocked(db: Knex, run: { at: string }, entries: readonly Entry[]): Promise<CodeMaps> {
  const found = await check(db, run, entries);
  if (found.stopped.length > 0) throw await refusal(db, found, entries);
  return found.codes;
}

/** The refusal of a partial undo that would change nothing: every record of the import is in the way. */
const nothingUntouched = () =>
  new AppError('CONFLICT', 'Every record of this import changed since; there is nothing left to undo.', {
    reason: 'import.undo.nothingUntouched',
  });

export type ImportUndoResult = {
  removed: { municipalities: number; partnerships: number; towns: number };
  restored: number;
  backup: string | null;
  /** When that backup was made (ISO; null with no backup): messages name it by time and kind. */
  backupCreatedAt: string | null;
  /** Records a partial undo left in place (changed since or built on); 0 for a whole undo. */
  kept: number;
};

/**
 * Undoes one import as a whole, in one transaction, or not at all: the records it added are
 * removed and the fields it changed get their earlier values back, each with an audit entry
 * ("unimport") that keeps what the import had written (a removed record's whole row); the
 * import's own entry in the history says it was undone. Refused (CONFLICT, naming up to five
 * records) when anything the import wrote is not as it left it or is part of someone's work
 * since (see `blockers`): later work is never removed. The check runs before the backup (a
 * refusal makes none) and again inside the transaction, with the tables locked on a server.
 * With `untouchedOnly`, only the records nobody worked on are undone (a partial undo, offered by
 * the refusal): the ones in the way stay as they are, and so does a member or town the import
 * added under a partnership that stays; the import's entry in the history says it was partly
 * undone (`partial`, `kept`), and it cannot be undone again.
 * Regions and districts a municipality list brought stay (they are the country's, not the file's).
 */
const alreadyUndone = () =>
  new AppError('CONFLICT', 'This import has been undone already.', { reason: 'import.undo.already' });

/** The import run `id` when it may be undone at all (it changed something, not undone yet, its entries known). */
async function undoableRun(db: Knex, id: number) {
  const run = await findImportRun(db, id);
  if (!run) throw new AppError('NOT_FOUND', `No import ${String(id)} in the history.`);
  if (!run.changed)
    throw new AppError('CONFLICT', 'This import changed nothing; there is nothing to undo.', {
      reason: 'import.undo.nothing',
    });
  if ((await undoneRuns(db)).has(run.id)) throw alreadyUndone();
  if ((await entriesOf(db, run.at)).length === 0)
    throw new AppError('CONFLICT', 'The audit log names no record of this import; restore the backup made before it.', {
      reason: 'import.undo.unavailable',
    });
  return run;
}

/**
 * Whether import `id` can be undone now, asked before the confirmation: the same refusal as the
 * undo (naming the records in the way) or `{ undoable: true }`. Changes nothing.
 */
export async function checkImportUndo(ctx: AppContext, input: { id: number }): Promise<{ undoable: true }> {
  const run = await undoableRun(ctx.db.knex, input.id);
  await refuseIfBlocked(ctx.db.knex, run, await entriesOf(ctx.db.knex, run.at));
  return { undoable: true };
}

export async function undoImport(
  ctx: AppContext,
  input: { id: number; untouchedOnly?: boolean | undefined },
): Promise<ImportUndoResult> {
  const run = await undoableRun(ctx.db.knex, input.id);
  const partial = input.untouchedOnly === true;
  /** The entries to undo now: all (refused when any is in the way), or only the untouched ones. */
  const toUndo = async (db: Knex, entries: readonly Entry[]) => {
    const found = await check(db, run, entries);
    if (!partial) {
      if (found.stopped.length > 0) throw await refusal(db, found, entries);
      return { codes: found.codes, doing: [...entries], kept: 0 };
    }
    const doing = entries.filter((e) => !found.kept.has(key(e.table, e.recordId)));
    if (doing.length === 0) throw nothingUntouched();
    return { codes: found.codes, doing, kept: entries.length - doing.length };
  };
  const already = alreadyUndone;
  if (ctx.jobs.running('import') > 0)
    throw new AppError('CONFLICT', 'Another import is running.', { reason: 'import.error.busy' });
  const release = await acquireImportLock(ctx.db, { actor: await ctx.actor() });
  try {
    // A refusal is found before the backup: retries do not push older backups out.
    await toUndo(ctx.db.knex, await entriesOf(ctx.db.knex, run.at));
    const backup = await backupBeforeChange(ctx.db.knex, ctx.db.filePath, 'unimport');
    const result = await auditedChange(ctx, async ({ trx, at, auditMany, touch }) => {
      await lockTablesForWrite(trx, LOCKED_TABLES);
      if ((await undoneRuns(trx)).has(run.id)) throw already();
      const { codes, doing: entries, kept: keptCount } = await toUndo(trx, await entriesOf(trx, run.at));
      const removed = { municipalities: 0, partnerships: 0, towns: 0 };
      let restored = 0;
      const kept = new Map<string, Record_>();
      // Changed fields first (their records stay), then the new records, partnerships before towns.
      for (const entry of entries.filter((e) => e.before !== null)) {
        const before = entry.before as Record_;
        const columns =
          entry.table === 'partnerships'
            ? partnershipColumns(before)
            : entry.table === 'municipalities'
              ? columnsOfImportFields(before, codes)
              : {};
        if (columns === null)
          throw new AppError(
            'CONFLICT',
            `A district or region code of ${entry.table} ${String(entry.recordId)} is unknown now.`,
          );
        if (Object.keys(columns).length === 0) continue;
        const written = await trx(entry.table)
          .where({ id: entry.recordId })
          .update({ ...columns, updated_at: at, version: trx.raw('version + 1') });
        if (written !== 1)
          throw new AppError('CONFLICT', `Record ${String(entry.recordId)} is gone; nothing was undone.`);
        restored += 1;
      }
      for (const table of IMPORTED_TABLES) {
        const ids = entries.filter((e) => e.table === table && e.before === null).map((e) => e.recordId);
        for (const part of parts(ids)) {
          for (const row of await trx(table).whereIn('id', part).select<Record_[]>('*'))
            kept.set(key(table, Number(row.id)), row);
          const deleted = await trx(table).whereIn('id', part).delete();
          if (deleted !== part.length)
            throw new AppError('CONFLICT', 'A record of the import changed meanwhile; nothing was undone.');
          removed[table === 'foreign_towns' ? 'towns' : table] += deleted;
        }
      }
      await auditMany([
        ...entries.map((entry) => ({
          table: entry.table,
          recordId: entry.recordId,
          action: 'unimport' as const,
          // A removed record keeps its whole row here (the bin does not hold it; the file does).
          before:
            entry.before === null
              ? { ...(entry.after as Record_), _row: kept.get(key(entry.table, entry.recordId)) }
              : entry.after,
          after: entry.before,
        })),
        {
          table: 'import_runs',
          recordId: run.id,
          action: 'unimport' as const,
          before: null,
          after: {
            fileName: run.fileName,
            removed,
            restored,
            backup: backup?.name ?? null,
            ...(partial ? { partial: true, kept: keptCount } : {}),
          },
        },
      ]);
      touch({ tables: [...IMPORTED_TABLES] });
      return { removed, restored, kept: keptCount };
    });
    return { ...result, backup: backup?.name ?? null, backupCreatedAt: backup?.createdAt ?? null };
  } finally {
    await release();
  }
}
