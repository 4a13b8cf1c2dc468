import { AppError } from '../../../shared/domain/errors';
import type { AppContext } from '../context';
import {
  findAuditEntry,
  listDeletions,
  recordExists,
  reinsertRow,
  BIN_TABLES,
  type BinTable,
  type Deletion,
} from '../repositories/audit-repository';
import { namesByIds, partnershipIdExists } from '../repositories/partnerships-repository';
import { auditedChange } from './audited-change';
import { restoreMunicipality } from './members-service';
import { restoreChildFromAudit } from './partnership-children-service';
import { refuseIfSuperseded } from './undo';
import { restorePartnership } from './partnerships-service';
import { restoreRequest } from './requests-service';
import { restoreTown } from './town-card-service';

/** How long deleted records stay in the bin (the audit log keeps them longer). */
export const BIN_DAYS = 90;

export type BinEntry = { auditId: number; table: BinTable; recordId: number; label: string; actor: string; at: string };

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** What a deleted record was called, from what its audit entry kept. */
function labelOf(entry: Deletion, names: { members: Map<number, string>; towns: Map<number, string> }): string {
  const before = entry.before ?? {};
  const row = typeof before._row === 'object' && before._row !== null ? (before._row as Record<string, unknown>) : {};
  if (entry.table === 'partnerships') {
    const member = names.members.get(Number(before.municipalityId ?? row.municipality_id));
    const town = names.towns.get(Number(before.foreignTownId ?? row.foreign_town_id));
    return [member, town].filter(Boolean).join(' – ') || `#${String(entry.recordId)}`;
  }
  if (entry.table === 'agreement_documents')
    return text(row.file_name) ?? text(row.template) ?? `#${String(entry.recordId)}`;
  if (entry.table === 'partnership_requests') {
    // Named as the Requests screen names it: a member seeking a partner by the member (its toast
    // said "Jihlava", the bin "#2": walkthrough 19), a foreign town by its name.
    const seeker =
      before.direction === 'member_seeks'
        ? names.members.get(Number(before.municipalityId ?? row.municipality_id))
        : (text(before.requesterName) ??
          text(row.requester_name) ??
          names.towns.get(Number(before.foreignTownId ?? row.foreign_town_id)));
    return seeker ?? text(before.requesterName) ?? `#${String(entry.recordId)}`;
  }
  return (
    text(before.name) ??
    text(before.title) ??
    text(before.requesterName) ??
    text(before.fileName) ??
    text(row.name) ??
    text(row.title) ??
    text(row.requester_name) ??
    `#${String(entry.recordId)}`
  );
}

/** Deleted members, partnerships, requests, contacts, activities, drafts and attachments of the last 90 days, newest first. */
export async function listBin(ctx: AppContext): Promise<BinEntry[]> {
  const since = new Date(Date.now() - BIN_DAYS * 24 * 3600 * 1000).toISOString();
  const deletions = await listDeletions(ctx.db.knex, since);
  const ids = (field: string, column: string) =>
    deletions
      .filter((d) => d.table === 'partnerships' || d.table === 'partnership_requests')
      .map((d) => Number(d.before?.[field] ?? (d.before?._row as Record<string, unknown> | undefined)?.[column]))
      .filter((id) => Number.isInteger(id));
  const names = {
    members: await namesByIds(ctx.db.knex, 'municipalities', ids('municipalityId', 'municipality_id')),
    towns: await namesByIds(ctx.db.knex, 'foreign_towns', ids('foreignTownId', 'foreign_town_id')),
  };
  return deletions.map((d) => ({
    auditId: d.auditId,
    table: d.table,
    recordId: d.recordId,
    label: labelOf(d, names),
    actor: d.actor,
    at: d.at,
  }));
}

const isBinTable = (table: string): table is BinTable => BIN_TABLES.some((t) => t === table);

/**
 * Brings a deleted record back from its audit entry, with the same id and (where the delete took
 * them) its children: one undo protocol, `{ auditId }`, for every kind of record.
 */
export async function restoreFromBin(
  ctx: AppContext,
  input: { auditId: number },
): Promise<{ table: BinTable; recordId: number }> {
  const entry = await findAuditEntry(ctx.db.knex, input.auditId);
  if (!entry || entry.action !== 'delete' || !isBinTable(entry.table_name))
    throw new AppError('NOT_FOUND', 'No such deleted record.');
  const table = entry.table_name;
  const before: unknown = entry.before === null ? null : JSON.parse(entry.before);
  const kept = typeof before === 'object' && before !== null ? (before as Record<string, unknown>) : {};
  if (table === 'foreign_towns') await restoreTown(ctx, { auditId: input.auditId });
  else if (
    (kept.reason === 'demo' || table === 'agreement_documents') &&
    typeof kept._row === 'object' &&
    kept._row !== null
  ) {
    // A demo record removed by "Remove demo data", or an agreement draft: its row comes back as it was.
    const row = kept._row as Record<string, unknown>;
    await auditedChange(ctx, async ({ trx, audit, touch }) => {
      if (table === 'agreement_documents' && !(await partnershipIdExists(trx, Number(row.partnership_id))))
        throw new AppError(
          'CONFLICT',
          'Its partnership is no longer in the registry: restore it first, or undo the merge it went into.',
          {
            reason: 'undo.partnershipGone',
          },
        );
      if (await recordExists(trx, table, entry.record_id))
        throw new AppError('CONFLICT', 'The record has already been restored.', { reason: 'undo.alreadyRestored' });
      await refuseIfSuperseded(trx, entry, 'record');
      await reinsertRow(trx, table, row);
      await audit({ table, recordId: entry.record_id, action: 'restore', before: null, after: row });
      touch({ tables: [table] });
    });
  } else if (table === 'municipalities') await restoreMunicipality(ctx, { auditId: input.auditId });
  else if (table === 'partnership_requests') await restoreRequest(ctx, { auditId: input.auditId });
  else if (table === 'partnerships') await restorePartnership(ctx, { auditId: input.auditId });
  else if (table === 'contacts' || table === 'activities' || table === 'attachments')
    await restoreChildFromAudit(ctx, table, input.auditId);
  else throw new AppError('NOT_FOUND', 'The audit entry holds no record to restore.');
  return { table, recordId: entry.record_id };
}
