import type { Knex } from 'knex';

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
): Promise<{ id: number; verifiedAt: string | null }[]> {
  const found: { id: number; verifiedAt: string | null }[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await db(table)
      .whereIn('id', chunk)
      .select<{ id: number; verified_at: string | null }[]>('id', 'verified_at');
    if (rows.length === 0) continue;
    await db(table)
      .whereIn(
        'id',
        rows.map((r) => r.id),
      )
      .update({ verified_at: at, verified_by: actor.slice(0, 200) });
    for (const row of rows) found.push({ id: row.id, verifiedAt: row.verified_at });
  }
  return found;
}
