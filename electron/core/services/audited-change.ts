import type { Knex } from 'knex';
import type { AppContext } from '../context';
import { nowIso } from '../db/clock';
import type { ChangeNotice } from '../db/notify';
import { insertAudit, insertAuditEntries, startAuditGroup, type AuditAction } from '../repositories/audit-repository';
import { noteChangedTables } from './statistics/stats-cache';

/** What a change touched: screens listening to `data:changed` refresh these tables and rows. */
export type Touched = {
  tables: readonly string[];
  municipalityIds?: readonly number[];
  partnershipIds?: readonly number[];
};

/** An audit entry as a change writes it (actor and time are the change's). */
export type AuditEntryOfChange = {
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
  /**
   * Writes the entries of one bulk change as a group (the first entry's id is the group's; a
   * history then offers the whole group's undo); returns the group's id, null for no entry.
   */
  readonly auditGroup: (entries: readonly Omit<AuditEntryOfChange, 'groupId'>[]) => Promise<number | null>;
  readonly touch: (touched: Touched) => void;
};

/**
 * The one way a write happens: a transaction, the writes and their audit entries inside it (the
 * version checks are in `updateVersioned`/`deleteVersioned`), and one `data:changed` after the
 * commit, never for a change that was rolled back. On a registry shared on a server the change is
 * also announced to the other clients inside the transaction (the server delivers the notice on
 * commit only; db/notify.ts). The database is read from the context at call time, so nothing holds
 * a connection beyond the call (a restore replaces it).
 */
export async function auditedChange<T>(ctx: AppContext, work: (change: Change) => Promise<T>): Promise<T> {
  const actor = await ctx.actor();
  const at = nowIso();
  const tables = new Set<string>();
  // null: a touch without ids may have changed any row of its tables (the grids reload them all).
  const ids: { municipalities: Set<number> | null; partnerships: Set<number> | null } = {
    municipalities: new Set(),
    partnerships: new Set(),
  };
  const touched = (): ChangeNotice | null =>
    tables.size === 0
      ? null
      : {
          tables: [...tables],
          ...(ids.municipalities ? { municipalityIds: [...ids.municipalities] } : {}),
          ...(ids.partnerships ? { partnershipIds: [...ids.partnerships] } : {}),
        };
  const { db } = ctx;
  const result = await db.knex.transaction(async (trx) => {
    const value = await work({
      trx,
      actor,
      at,
      audit: (entry) => insertAudit(trx, { ...entry, actor, at }),
      auditMany: (entries) =>
        insertAuditEntries(
          trx,
          entries.map((entry) => ({ ...entry, actor, at })),
        ),
      auditGroup: async (entries) => {
        const [first, ...others] = entries;
        if (first === undefined) return null;
        const groupId = await insertAudit(trx, { ...first, actor, at });
        await startAuditGroup(trx, groupId);
        await insertAuditEntries(
          trx,
          others.map((entry) => ({ ...entry, groupId, actor, at })),
        );
        return groupId;
      },
      touch: (touch) => {
        for (const table of touch.tables) tables.add(table);
        if (touch.municipalityIds === undefined) ids.municipalities = null;
        else for (const id of touch.municipalityIds) ids.municipalities?.add(id);
        if (touch.partnershipIds === undefined) ids.partnerships = null;
        else for (const id of touch.partnershipIds) ids.partnerships?.add(id);
      },
    });
    // Last in the transaction, when everything the change touched is known.
    const change = touched();
    if (change !== null && db.changes !== null) await db.changes.announce(trx, change);
    return value;
  });
  const change = touched();
  // Committed: reports kept of the data before (statistics) are dropped before anyone hears of it.
  if (change !== null) noteChangedTables(db, change.tables);
  if (change !== null) ctx.emit('data:changed', change);
  return result;
}
