import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { findAuditEntry } from '../repositories/audit-repository';

/** What a delete kept in its audit entry under `key` (its snapshot for undo), or null. */
export function keptByDelete(before: string | null | undefined, key: string): unknown {
  if (!before) return null;
  const parsed: unknown = JSON.parse(before);
  return parsed !== null && typeof parsed === 'object' && key in parsed
    ? (parsed as Record<string, unknown>)[key]
    : null;
}

/**
 * The audit entry `auditId` when it is the delete of a row of `table`, with what it kept under
 * `key`; NOT_FOUND otherwise. Every undo of a delete starts here.
 */
export async function deletedByEntry(
  db: Knex,
  auditId: number,
  table: string,
  key: string,
  what: string,
): Promise<{ recordId: number; kept: unknown }> {
  const entry = await findAuditEntry(db, auditId);
  if (!entry || entry.table_name !== table || entry.action !== 'delete' || entry.before === null) {
    throw new AppError('NOT_FOUND', `There is no deleted ${what} to restore from this entry.`);
  }
  return { recordId: entry.record_id, kept: keptByDelete(entry.before, key) };
}
