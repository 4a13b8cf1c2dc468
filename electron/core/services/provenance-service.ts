import type { AppContext } from '../context';
import { nowIso } from '../db/clock';
import { insertAuditEntries } from '../repositories/audit-repository';
import { markVerified } from '../repositories/provenance-repository';

/** Tables whose records a person marks verified. */
export type VerifiableTable = 'municipalities' | 'partnerships';

/**
 * Marks records verified by the user now (one or a whole filtered view at once): one audit entry
 * per record with the previous verification, all in one transaction. Records deleted meanwhile
 * are skipped and not counted. Nothing else about a record changes (its version neither: an edit
 * begun before stays valid).
 */
export async function verifyRecords(
  ctx: AppContext,
  input: { table: VerifiableTable; ids: readonly number[] },
): Promise<{ verified: number }> {
  const actor = await ctx.actor();
  const at = nowIso();
  const ids = [...new Set(input.ids)];
  const marked = await ctx.db.knex.transaction(async (trx) => {
    const before = await markVerified(trx, input.table, ids, at, actor);
    await insertAuditEntries(
      trx,
      before.map((row) => ({
        table: input.table,
        recordId: row.id,
        action: 'verify',
        before: { verifiedAt: row.verifiedAt },
        after: { verifiedAt: at },
        actor,
        at,
      })),
    );
    return before.map((row) => row.id);
  });
  if (marked.length > 0)
    ctx.emit('data:changed', {
      tables: [input.table],
      ...(input.table === 'partnerships' ? { partnershipIds: marked } : { municipalityIds: marked }),
    });
  return { verified: marked.length };
}
