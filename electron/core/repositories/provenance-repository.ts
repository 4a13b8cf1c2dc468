import type { Knex } from 'knex';
import { isPostgres } from '../db/dialect/index';

/** A record's verification: when and by whom (null: never verified). */
export type Verification = { id: number; verifiedAt: string | null; verifiedBy: string | null };

type VerificationRow = { id: number; verified_at: string | null; verified_by: string | null };

/**
 * The verification columns of these records, their rows held until the transaction ends on a
 * server (`FOR UPDATE`, in id order so that two markings of overlapping records never deadlock):
 * a colleague's marking committed meanwhile is what is read, and one still open is waited for,
 * so what was read is what is replaced. SQLite runs one writer at a time and has no row locks.
 */
const heldVerifications = (db: Knex, table: 'municipalities' | 'partnerships', ids: readonly number[]) => {
  const query = db(table)
    .whereIn('id', ids)
    .orderBy('id')
    .select<VerificationRow[]>('id', 'verified_at', 'verified_by');
  return isPostgres(db) ? query.forUpdate() : query;
};

/** The ids once each, ascending: the chunks above hold their rows in one order across all of them. */
const idOrder = (ids: readonly number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);

/**
 * The verification of these records as stored now (records that are gone are left out). Inside a
 * transaction that writes them, their rows are held (on a server) from this read on.
 */
export async function verificationsOf(
  db: Knex,
  table: 'municipalities' | 'partnerships',
  ids: readonly number[],
): Promise<Verification[]> {
  const found: Verification[] = [];
  const inOrder = idOrder(ids);
  for (let start = 0; start < inOrder.length; start += 500) {
    const rows = await heldVerifications(db, table, inOrder.slice(start, start + 500));
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
  const inOrder = idOrder(ids);
  for (let start = 0; start < inOrder.length; start += 500) {
    // Held from the read to the write: the audit's "before" is what the marking replaced.
    const rows = await heldVerifications(db, table, inOrder.slice(start, start + 500));
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
