import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { nowIso } from '../db/clock';
import { insertAudit, insertAuditEntries, type AuditAction } from '../repositories/audit-repository';

/** What a change touched: screens listening to `data:changed` refresh these tables and rows. */
export type Touched = {
  tables: readonly string[];
  municipalityIds?: readonly number[];
  partnershipIds?: readonly number[];
};

/** An audit entry as a change writes it (actor and time are the change's). */
type AuditEntryOfChange = {
  table: string;
  recordId: number;
  action: AuditAction;
  before: unknown;
  after: unknown;
  /** The bulk edit the entry belongs to (see `startAuditGroup`). */
  groupId?: number;
};

/** One change in progress: its transaction, who makes it and when, and how it is recorded. */
export type Change = {
  readonly trx: Knex.Transaction;
  readonly actor: string;
  /** The change's one time stamp (rows' `updated_at` and its audit entries). */
  readonly at: string;
  /** Writes an audit entry of this change (its actor and time) in its transaction; returns the entry's id. */
  readonly audit: (entry: AuditEntryOfChange) => Promise<number>;
  /** Names what the change touched; `data:changed` carries all of it once the change is committed. */
  /** Writes many audit entries of this change at once (a batch of verified or imported records). */
  readonly auditMany: (entries: readonly AuditEntryOfChange[]) => Promise<void>;
  readonly touch: (touched: Touched) => void;
};

/**
 * The one way a write happens: a transaction, the writes and their audit entries inside it (the
 * version checks are in `updateVersioned`/`deleteVersioned`), and one `data:changed` after the
 * commit, never for a change that was rolled back. The database is read from the context at call
 * time, so nothing holds a connection beyond the call (a restore replaces it).
 */
export async function auditedChange<T>(ctx: AppContext, work: (change: Change) => Promise<T>): Promise<T> {
  const actor = await ctx.actor();
  const at = nowIso();
  const tables = new Set<string>();
  let municipalityIds: Set<number> | null = new Set();
  let partnershipIds: Set<number> | null = new Set();
  const result = await ctx.db.knex.transaction((trx) =>
    work({
      trx,
      actor,
      at,
      audit: (entry) => insertAudit(trx, { ...entry, actor, at }),
      auditMany: (entries) =>
        insertAuditEntries(
          trx,
          entries.map((entry) => ({ ...entry, actor, at })),
        ),
      touch: (touched) => {
        for (const table of touched.tables) tables.add(table);
        // A touch without ids may have changed any row of its tables: the grids reload them all.
        if (touched.municipalityIds === undefined) municipalityIds = null;
        else for (const id of touched.municipalityIds) municipalityIds?.add(id);
        if (touched.partnershipIds === undefined) partnershipIds = null;
        else for (const id of touched.partnershipIds) partnershipIds?.add(id);
      },
    }),
  );
  if (tables.size > 0) {
    const m = municipalityIds as Set<number> | null;
    const p = partnershipIds as Set<number> | null;
    ctx.emit('data:changed', {
      tables: [...tables],
      ...(m ? { municipalityIds: [...m] } : {}),
      ...(p ? { partnershipIds: [...p] } : {}),
    });
  }
  return result;
}
