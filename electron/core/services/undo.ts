import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { findAuditEntry, recordGone, versionFailure } from '../repositories/audit-repository';

/** What a delete kept in its audit entry under `key` (its snapshot for undo), or null. */
export function keptByDelete(before: string | null | undefined, key: string): unknown {
  if (!before) return null;
  const parsed: unknown = JSON.parse(before);
  return parsed !== null && typeof parsed === 'object' && key in parsed
    ? (parsed as Record<string, unknown>)[key]
    : null;
}

/** Whether the audit log holds an entry of the same record after `entry` (the record changed since). */
export async function laterEntryOf(
  db: Knex,
  entry: { id: number; table_name: string; record_id: number },
): Promise<boolean> {
  const later = await db('audit_log')
    .where({ table_name: entry.table_name, record_id: entry.record_id })
    .andWhere('id', '>', entry.id)
    .first<{ id: number } | undefined>('id');
  return later !== undefined;
}

/**
 * The refusal to undo an update of a record that changed since: a CONFLICT naming who changed it
 * last and when (reason `undo.changedSinceBy`; `undo.changedSince` when its history does not say).
 */
export async function changedSince(db: Knex, table: string, id: number, seenVersion: number): Promise<AppError> {
  const failure = await versionFailure(db, table, id, seenVersion);
  if (failure.code !== 'CONFLICT') return failure;
  const named = failure.details?.reason === 'error.conflictBy';
  return new AppError('CONFLICT', 'The record has changed since this change; it cannot be undone.', {
    ...failure.details,
    reason: named ? 'undo.changedSinceBy' : 'undo.changedSince',
  });
}

/**
 * The refusal to undo an update of a record that is gone: NOT_FOUND naming who deleted it and when
 * (reason `undo.changeOfDeletedBy`: the bin has it), the import undo that removed it
 * (`error.unimportedBy`), else `undo.changeOfGone` (deleted with its partnership, say).
 */
export async function changeOfGone(db: Knex, table: string, id: number): Promise<AppError> {
  const gone = await recordGone(db, table, id);
  const reason = gone.details?.reason;
  if (reason === 'error.unimportedBy') return gone;
  return new AppError('NOT_FOUND', 'The record was deleted since this change; the change cannot be undone.', {
    ...gone.details,
    reason: reason === 'error.deletedBy' ? 'undo.changeOfDeletedBy' : 'undo.changeOfGone',
  });
}

/**
 * Refuses to undo the delete `entry` when the audit log holds a later entry of the same record:
 * the record came back since (from the bin, an undo) and was worked on and deleted again, so the
 * older delete's snapshot would put back an outdated record over that later work, and the later
 * delete would vanish from the bin. The newest delete is the one to restore.
 */
export async function refuseIfSuperseded(
  db: Knex,
  entry: { id: number; table_name: string; record_id: number },
  what: string,
): Promise<void> {
  if (await laterEntryOf(db, entry))
    throw new AppError(
      'CONFLICT',
      `The ${what} was restored and changed after this delete; restore it from its latest delete in the bin.`,
      { reason: 'undo.superseded' },
    );
}

/**
 * The audit entry `auditId` when it is the delete of a row of `table`, with what it kept under
 * `key`; NOT_FOUND otherwise. CONFLICT when the record exists (`exists`: restored already) or
 * the record's history went on after this delete (`refuseIfSuperseded`). Every undo of a delete
 * starts here.
 */
export async function deletedByEntry(
  db: Knex,
  auditId: number,
  table: string,
  key: string,
  what: string,
  exists: (id: number) => Promise<unknown>,
): Promise<{ recordId: number; kept: unknown }> {
  const entry = await findAuditEntry(db, auditId);
  if (!entry || entry.table_name !== table || entry.action !== 'delete' || entry.before === null) {
    throw new AppError('NOT_FOUND', `There is no deleted ${what} to restore from this entry.`);
  }
  if (await exists(entry.record_id))
    throw new AppError('CONFLICT', `The ${what} has already been restored.`, { reason: 'undo.alreadyRestored' });
  await refuseIfSuperseded(db, entry, what);
  return { recordId: entry.record_id, kept: keptByDelete(entry.before, key) };
}

/**
 * A row of a bulk change or of its undo that someone else changed (or deleted) since the version
 * the user or the bulk change left: which row (`name`, as a person names it), who changed it last
 * and when, from the audit log (`versionFailure` / `recordGone`, as single-record conflicts say
 * it). Unknown stays unknown: no `by` or `at` when the log does not say.
 */
export type BulkStaleRow = { id: number; name: string; gone: boolean; by?: string; at?: string };

/** How many stale rows a refusal names in its English message (the details carry all of them). */
const NAMED_IN_MESSAGE = 3;

/** `row` with who changed it since `version` and when (or who deleted it), from its history. */
export async function bulkStaleRow(
  db: Knex,
  table: string,
  row: { id: number; name: string; version: number; exists: boolean },
): Promise<BulkStaleRow> {
  const failure = row.exists
    ? await versionFailure(db, table, row.id, row.version)
    : await recordGone(db, table, row.id);
  const params = failure.details?.params;
  const by =
    params !== null && typeof params === 'object' && 'name' in params && typeof params.name === 'string'
      ? params.name
      : undefined;
  const at = failure.details?.changedAt;
  return {
    id: row.id,
    name: row.name,
    gone: !row.exists,
    ...(by === undefined ? {} : { by }),
    ...(typeof at === 'string' ? { at } : {}),
  };
}

/** The first rows of `stale` as an English sentence part: "A (Jana, 2026-12-07T02:02) and 2 more". */
export function staleRowsText(stale: readonly BulkStaleRow[]): string {
  const named = stale
    .slice(0, NAMED_IN_MESSAGE)
    .map((row) =>
      row.by === undefined ? row.name : `${row.name} (${row.by}${row.at === undefined ? '' : `, ${row.at}`})`,
    );
  const more = stale.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${String(more)} more` : ''}`;
}

/**
 * The refusal of a bulk undo because rows changed since the bulk change (`stale`): a CONFLICT
 * listing them (`details.rows`, with who and when) and how many rows nobody touched since
 * (`details.others`), which `{ onlyUnchanged: true }` puts back; nothing is put back now.
 */
export function bulkUndoRefused(stale: readonly BulkStaleRow[], others: number, reason: string): AppError {
  const first = stale[0];
  return new AppError(
    'CONFLICT',
    `Changed since the bulk change: ${staleRowsText(stale)}. Nothing was put back; the other ${String(others)} rows can be put back alone.`,
    {
      reason,
      rows: stale,
      others,
      id: first?.id,
      name: first?.name,
      params: { name: first?.name ?? '', by: first?.by ?? '', count: stale.length, others },
      ...(first?.at === undefined ? {} : { changedAt: first.at }),
    },
  );
}
