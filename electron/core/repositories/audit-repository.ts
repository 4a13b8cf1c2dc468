import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import type { AuditEntry } from '../../../shared/domain/schemas';

export type AuditAction = 'insert' | 'update' | 'delete' | 'restore' | 'import';

export type AuditInsert = {
  table: string;
  recordId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
  actor: string;
  at: string;
};

/** Writes one audit entry; call it inside the transaction that makes the change. */
export async function insertAudit(db: Knex, entry: AuditInsert): Promise<void> {
  await db('audit_log').insert({
    table_name: entry.table,
    record_id: entry.recordId,
    action: entry.action,
    before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    actor: entry.actor,
    at: entry.at,
  });
}

type AuditRecord = {
  id: number;
  action: AuditAction;
  before: string | null;
  after: string | null;
  actor: string;
  at: string;
};

const parse = (text: string | null): Record<string, unknown> | null => {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
};

/** The history of one record, newest first, with the fields each entry changed. */
/** Raw audit entry (for undo of deletes). */
export async function findAuditEntry(
  db: Knex,
  auditId: number,
): Promise<{ table_name: string; record_id: number; action: string; before: string | null } | undefined> {
  return db('audit_log')
    .where({ id: auditId })
    .first<{ table_name: string; record_id: number; action: string; before: string | null } | undefined>(
      'table_name',
      'record_id',
      'action',
      'before',
    );
}

/** The latest delete entry of a record (what its undo restores from), or undefined. */
export async function latestDeleteEntry(
  db: Knex,
  table: string,
  recordId: number,
): Promise<{ before: string | null } | undefined> {
  return db('audit_log')
    .where({ table_name: table, record_id: recordId, action: 'delete' })
    .orderBy('id', 'desc')
    .first<{ before: string | null } | undefined>('before');
}

export async function listHistory(db: Knex, table: string, recordId: number): Promise<AuditEntry[]> {
  const rows = await db('audit_log')
    .where({ table_name: table, record_id: recordId })
    .orderBy('id', 'desc')
    .select<AuditRecord[]>('id', 'action', 'before', 'after', 'actor', 'at');
  return rows.map((row) => {
    const before = parse(row.before);
    const after = parse(row.after);
    const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
    const changes = [...fields]
      .filter(
        (field) =>
          field !== 'version' &&
          field !== 'updatedAt' &&
          JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]),
      )
      .map((field) => ({ field, from: before?.[field] ?? null, to: after?.[field] ?? null }));
    return { id: row.id, action: row.action, actor: row.actor, at: row.at, changes };
  });
}

/** CONFLICT or NOT_FOUND for a versioned write that changed no row. */
async function versionFailure(db: Knex, table: string, id: number, expectedVersion: number): Promise<AppError> {
  const exists = await db(table).where({ id }).first<{ version: number } | undefined>('version');
  if (!exists) return new AppError('NOT_FOUND', `No record ${String(id)} in ${table}`);
  return new AppError(
    'CONFLICT',
    `The record was changed meanwhile (version ${String(exists.version)}, you edited version ${String(expectedVersion)}). Reload it and apply your change again.`,
    { currentVersion: exists.version, expectedVersion },
  );
}

/**
 * Deletes a row only if its `version` is still the one the user saw, in the same statement: a
 * newer version written by someone else meanwhile is never removed (CONFLICT); a row already
 * gone gives NOT_FOUND. Children go by ON DELETE CASCADE.
 */
export async function deleteVersioned(db: Knex, table: string, id: number, expectedVersion: number): Promise<void> {
  const deleted = await db(table).where({ id, version: expectedVersion }).delete();
  if (deleted !== 1) throw await versionFailure(db, table, id, expectedVersion);
}

/**
 * Optimistic concurrency: updates a row only if its `version` is still the one the editor saw,
 * and bumps it. A row changed underneath (another window, later another user) gives CONFLICT
 * instead of being silently overwritten; a missing row gives NOT_FOUND.
 */
export async function updateVersioned(
  db: Knex,
  table: string,
  id: number,
  expectedVersion: number,
  columns: Record<string, unknown>,
): Promise<void> {
  const changed = await db(table)
    .where({ id, version: expectedVersion })
    .update({ ...columns, version: expectedVersion + 1 });
  if (changed === 1) return;
  throw await versionFailure(db, table, id, expectedVersion);
}
