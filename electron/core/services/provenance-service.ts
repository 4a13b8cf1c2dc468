import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { findPartnershipRow } from '../repositories/partnerships-repository';
import { auditedChange } from './audited-change';
import { AppError } from '../../../shared/domain/errors';
import { listAuditGroup } from '../repositories/audit-repository';
import {
  markVerified,
  setVerification,
  verificationsOf,
  type Verification,
} from '../repositories/provenance-repository';

/** Tables whose records a person marks verified. */
export type VerifiableTable = 'municipalities' | 'partnerships';

/**
 * Marks records verified by the user now (one or a whole filtered view at once): one audit entry
 * per record with the previous verification, all in one transaction and one group (the first
 * entry's id, which `unverifyRecords` undoes it by). Records deleted meanwhile are skipped and not
 * counted. Nothing else about a record changes (its version neither: an edit begun before stays valid).
 */
export async function verifyRecords(
  ctx: AppContext,
  input: { table: VerifiableTable; ids: readonly number[] },
): Promise<{ verified: number; auditId: number | null }> {
  const ids = [...new Set(input.ids)];
  return auditedChange(ctx, async ({ trx, actor, at, auditGroup, touch }) => {
    const before = await markVerified(trx, input.table, ids, at, actor);
    const groupId = await auditGroup(
      before.map((row: Verification) => ({
        table: input.table,
        recordId: row.id,
        action: 'verify' as const,
        before: { verifiedAt: row.verifiedAt, verifiedBy: row.verifiedBy },
        after: { verifiedAt: at, verifiedBy: actor.slice(0, 200) },
      })),
    );
    if (groupId === null) return { verified: 0, auditId: null };
    const marked = before.map((row) => row.id);
    touch({
      tables: [input.table],
      ...(input.table === 'partnerships' ? { partnershipIds: marked } : { municipalityIds: marked }),
    });
    return { verified: marked.length, auditId: groupId };
  });
}

/** A record as a person names it in a message: the municipality, or "Member – Town". */
async function recordName(db: Knex, table: VerifiableTable, id: number): Promise<string> {
  if (table === 'partnerships') {
    const row = await findPartnershipRow(db, id);
    return row ? `${row.municipalityName} – ${row.townName}` : `#${String(id)}`;
  }
  const row = await db('municipalities').where({ id }).first<{ name: string } | undefined>('name');
  return row?.name ?? `#${String(id)}`;
}

const isVerification = (value: unknown): value is Omit<Verification, 'id'> =>
  typeof value === 'object' &&
  value !== null &&
  'verifiedAt' in value &&
  'verifiedBy' in value &&
  (value.verifiedAt === null || typeof value.verifiedAt === 'string') &&
  (value.verifiedBy === null || typeof value.verifiedBy === 'string');

/**
 * Undoes a marking as verified (`registry:verify`) from its audit group: every record gets back the
 * verification it had. All or nothing: a record verified again or unmarked since (by anyone) is a
 * CONFLICT naming it, and nothing is put back; records deleted since are skipped.
 */
export async function unverifyRecords(
  ctx: AppContext,
  input: { auditId: number },
): Promise<{ restored: number; auditId: number | null }> {
  return auditedChange(ctx, async ({ trx, auditGroup, touch }) => {
    const entries = (await listAuditGroup(trx, input.auditId)).filter((entry) => entry.action === 'verify');
    const table = entries[0]?.table_name;
    if (entries[0]?.id !== input.auditId || (table !== 'municipalities' && table !== 'partnerships'))
      throw new AppError('NOT_FOUND', 'There is no marking as verified under this entry.');
    const planned = entries.map((entry) => {
      const was: unknown = entry.before === null ? null : JSON.parse(entry.before);
      const done: unknown = entry.after === null ? null : JSON.parse(entry.after);
      if (!isVerification(was) || !isVerification(done))
        throw new AppError('NOT_FOUND', 'This marking as verified was recorded without what it replaced.');
      return { id: entry.record_id, was, done };
    });
    // Held until the end (on a server): a colleague's marking committed meanwhile is seen here
    // (CONFLICT), never erased by the write below.
    const now = new Map(
      (
        await verificationsOf(
          trx,
          table,
          planned.map((p) => p.id),
        )
      ).map((v) => [v.id, v]),
    );
    const present = planned.filter((p) => now.has(p.id));
    for (const p of present) {
      const stored = now.get(p.id);
      if (stored?.verifiedAt !== p.done.verifiedAt || stored.verifiedBy !== p.done.verifiedBy) {
        const name = await recordName(trx, table, p.id);
        throw new AppError('CONFLICT', `${name} was verified again or unmarked since; nothing was put back.`, {
          reason: 'provenance.verify.undoChanged',
          id: p.id,
          name,
          params: { name },
        });
      }
    }
    for (const p of present) await setVerification(trx, table, { id: p.id, ...p.was });
    const groupId = await auditGroup(
      present.map((p) => ({ table, recordId: p.id, action: 'unverify' as const, before: p.done, after: p.was })),
    );
    if (groupId === null) return { restored: 0, auditId: null };
    const ids = present.map((p) => p.id);
    touch({ tables: [table], ...(table === 'partnerships' ? { partnershipIds: ids } : { municipalityIds: ids }) });
    return { restored: present.length, auditId: groupId };
  });
}
