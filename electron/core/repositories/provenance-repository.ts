import type { Knex } from 'knex';

/** A record's verification: when and by whom (null: never verified). */
export type Verification = { id: number; verifiedAt: string | null; verifiedBy: string | null };

/** The verification of these records as stored now (records that are gone are left out). */
export async function verificationsOf(
  db: Knex,
  table: 'municipalities' | 'partnerships',
  ids: readonly number[],
): Promise<Verification[]> {
  const found: Verification[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db(table)
      .whereIn('id', ids.slice(start, start + 500))
      .select<{ id: number; verified_at: string | null; verified_by: string | null }[]>(
        'id',
        'verified_at',
        'verified_by',
      );
    for (const row of rows) found.push({ id: row.id, verifiedAt: row.verified_at, verifiedBy: row.verified_by });
  }
  return found;
}

/** Puts a record's verification back as it was (an undo of marking it verified). */
export async function setVerification(
  db: Knex,
  table: 'municipalities' | 'partnerships',
  verification: Verification,
): Promise<void> {
  await db(table)
    .where({ id: verification.id })
    .update({ verified_at: verification.verifiedAt, verified_by: verification.verifiedBy });
}

/**
 * Sets `verified_at`/`verified_by` on the records that exist among `ids` (in chunks) and returns
 * each with its previous verification, for the audit log.
 */
export async function markVerified(
  db: Knex,
  table: 'municipalities' | 'partnerships',
  ids: readonly number[],
  at: string,
  actor: string,
): Promise<Verification[]> {
  const found: Verification[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await db(table)
      .whereIn('id', chunk)
      .select<{ id: number; verified_at: string | null; verified_by: string | null }[]>(
        'id',
        'verified_at',
        'verified_by',
      );
    if (rows.length === 0) continue;
    await db(table)
      .whereIn(
        'id',
        rows.map((r) => r.id),
      )
      .update({ verified_at: at, verified_by: actor.slice(0, 200) });
    for (const row of rows) found.push({ id: row.id, verifiedAt: row.verified_at, verifiedBy: row.verified_by });
  }
  return found;
}
