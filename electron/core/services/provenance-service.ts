import type { AppContext } from '../context';
import { auditedChange } from './audited-change';
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
  const ids = [...new Set(input.ids)];
  const marked = await auditedChange(ctx, async ({ trx, actor, at, auditMany, touch }) => {
    const before = await markVerified(trx, input.table, ids, at, actor);
    await auditMany(
      before.map((row) => ({
        table: input.table,
        recordId: row.id,
        action: 'verify',
        before: { verifiedAt: row.verifiedAt },
        after: { verifiedAt: at },
      })),
    );
    const marked = before.map((row) => row.id);
    if (marked.length > 0)
      touch({
        tables: [input.table],
        ...(input.table === 'partnerships' ? { partnershipIds: marked } : { municipalityIds: marked }),
      });
    return marked;
  });
  return { verified: marked.length };
}
