import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppContext, noDialogs, type AppContext } from '../../../electron/core/context';
import { createDispatch, type Dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { townNameKey } from '../../../shared/domain/text';
import { adminKnex, createServerDatabase, onServer } from '../../support/server-db';
import { ok, RESOURCES_DIR } from '../../support/temp-db';

/*
 * Merges and their undos on a server while a colleague saves the kept record (review S, finding 1).
 * Deterministic, no sleeps: a third connection holds the audit log (`lock table … in share mode`),
 * so the colleague's save has written the kept record and waits, uncommitted, at its audit entry.
 * The merge (or undo) then starts and waits on a lock too (seen in pg_stat_activity): before it
 * reads the record now, at its last write before. The audit log is let go: the colleague commits
 * first. The merge must then run on her saved record (or be refused), never overwrite it with
 * values worked out from the record before, nor write her version number again.
 */

type Staff = { ctx: AppContext; d: Dispatch };

async function staffApp(url: string, name: string): Promise<Staff> {
  const preferences = createMemoryPreferences();
  await preferences.set({ actorName: name });
  const ctx = await createAppContext({
    databasePath: url,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences,
    dialogs: noDialogs,
    acceptsLocalPaths: true,
  });
  return { ctx, d: createDispatch(createHandlers(ctx), { validateOutput: true }) };
}

type Row = Record<string, unknown>;
type Failure = { ok: false; error: { code: string; message: string; details?: Row } };

describe.skipIf(!onServer())('a merge or its undo while a colleague saves the kept record (PostgreSQL)', () => {
  let registry: { url: string; drop: () => Promise<void> };
  let db: Knex;
  let petr: Staff;
  let jana: Staff;

  beforeEach(async () => {
    registry = await createServerDatabase({ demo: true });
    db = adminKnex(registry.url);
    petr = await staffApp(registry.url, 'Petr');
    jana = await staffApp(registry.url, 'Jana');
  });

  afterEach(async () => {
    await petr.ctx.close();
    await jana.ctx.close();
    await db.destroy();
    await registry.drop();
  });

  /** Waits until `count` backends of this registry wait on a lock (the holder itself never waits). */
  async function waiters(count: number): Promise<void> {
    const database = new URL(registry.url).pathname.slice(1);
    for (let i = 0; i < 3000; i++) {
      const found = await db.raw<{ rows: unknown[] }>(
        "select pid from pg_stat_activity where datname = ? and wait_event_type = 'Lock'",
        [database],
      );
      if (found.rows.length >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`fewer than ${String(count)} backends ever waited on a lock`);
  }

  /**
   * Runs the colleague's `save`, and `run` while her save waits uncommitted at its audit entry;
   * lets her commit once `run` waits on a lock too. Returns both results.
   */
  async function saveDuring<S, R>(save: () => Promise<S>, run: () => Promise<R>): Promise<[S, R]> {
    const holder = adminKnex(registry.url);
    const trx = await holder.transaction();
    try {
      await trx.raw('lock table audit_log in share mode');
      const saving = save();
      await waiters(1);
      const running = run();
      await waiters(2);
      await trx.commit();
      return [await saving, await running];
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
      await holder.destroy();
    }
  }

  /** Two partnerships of one member (the demo data has such pairs), lower id first. */
  async function pairOfOneMember(): Promise<[number, number]> {
    const [first] = await db('partnerships')
      .select('municipality_id')
      .groupBy('municipality_id')
      .havingRaw('count(*) >= 2')
      .orderBy('municipality_id')
      .limit(1);
    const ids = await db('partnerships')
      .where({ municipality_id: (first as Row | undefined)?.municipality_id })
      .orderBy('id')
      .limit(2)
      .pluck<number[]>('id');
    const [keep, merge] = ids;
    if (keep === undefined || merge === undefined) throw new Error('the demo data has no member with two partnerships');
    return [keep, merge];
  }

  /** Two towns of one country, the kept one first (lower id). */
  async function twoTowns(): Promise<[number, number]> {
    const now = new Date().toISOString();
    const town = async (name: string, extra: Row) => {
      const [row] = await db('foreign_towns')
        .insert({
          name,
          name_key: townNameKey(name),
          country_code: 'DE',
          kind: 'town',
          created_at: now,
          updated_at: now,
          ...extra,
        })
        .returning<{ id: number }[]>('id');
      if (!row) throw new Error('no town inserted');
      return row.id;
    };
    return [
      await town('Testhausen', { notes: 'Poznámka K' }),
      await town('Testhausen am See', { notes: 'Poznámka M', mayor_name: 'Hans Alt' }),
    ];
  }

  const mergeEntry = async (auditId: number) => {
    const entry = await db('audit_log').where({ id: auditId }).first<{ before: string }>('before');
    return (JSON.parse(entry.before) as { merge: { keptBefore: Row; keptVersionAfter: number } }).merge;
  };

  it('a town merge waits for her save of the kept town and merges into the town as she saved it', async () => {
    const [keepId, mergeId] = await twoTowns();
    const janaNotes = 'Poznámka K\nSmlouva obnovena 2024 (Jana)';

    const [saved, merged] = await saveDuring(
      () => jana.d('towns:update', { id: keepId, version: 1, patch: { notes: janaNotes, mayorName: 'Anna Neu' } }),
      () => petr.d('towns:merge', { keepId, mergeId }),
    );
    expect(saved).toMatchObject({ ok: true, value: { version: 2 } });
    const { auditId } = await ok<{ auditId: number }>(Promise.resolve(merged));

    // Her notes and her mayor stay; the merge joined M's notes after hers and took no mayor of M.
    expect(
      await db('foreign_towns').where({ id: keepId }).first('notes', 'mayor_name', 'alt_names', 'version'),
    ).toEqual({
      notes: `${janaNotes}\n\nPoznámka M`,
      mayor_name: 'Anna Neu',
      alt_names: 'Testhausen am See',
      version: 3,
    });
    const merge = await mergeEntry(auditId);
    expect(merge.keptBefore).toMatchObject({ notes: janaNotes, mayor_name: 'Anna Neu', version: 2 });
    expect(merge.keptVersionAfter).toBe(3);

    // Its undo puts back the town as she saved it, not as it was before her.
    await ok(petr.d('merges:restore', { auditId }));
    expect(
      await db('foreign_towns').where({ id: keepId }).first('notes', 'mayor_name', 'alt_names', 'version'),
    ).toEqual({
      notes: janaNotes,
      mayor_name: 'Anna Neu',
      alt_names: null,
      version: 4,
    });
    expect(await db('foreign_towns').where({ id: mergeId }).first('name')).toEqual({ name: 'Testhausen am See' });
  });

  it('a partnership merge waits for her save of the kept partnership and keeps what she wrote', async () => {
    const [keepId, mergeId] = await pairOfOneMember();
    const before = await db('partnerships').where({ id: keepId }).first<{ notes: string | null; version: number }>();
    // The merge joins the other's notes after the kept one's (so it writes the notes).
    await db('partnerships').where({ id: mergeId }).update({ notes: 'Dohoda obnovena 21. 2. 1991.' });
    const janaNotes = `${before.notes ?? ''}\nJana: smlouva prodloužena do 2030.`;

    const [saved, merged] = await saveDuring(
      () => jana.d('partnerships:update', { id: keepId, version: before.version, changes: { notes: janaNotes } }),
      () => petr.d('partnerships:merge', { keepId, mergeId }),
    );
    expect(saved).toMatchObject({ ok: true, value: { version: before.version + 1 } });
    const { auditId } = await ok<{ auditId: number }>(Promise.resolve(merged));

    const after = await db('partnerships').where({ id: keepId }).first<{ notes: string; version: number }>();
    expect(after.notes).toBe(`${janaNotes}\n\nDohoda obnovena 21. 2. 1991.`);
    expect(after.version).toBe(before.version + 2);
    const merge = await mergeEntry(auditId);
    expect(merge.keptBefore).toMatchObject({ notes: janaNotes, version: before.version + 1 });
    expect(await db('partnerships').where({ id: mergeId }).first('id')).toBeUndefined();
  });

  it('the undo of a partnership merge waits for her save of the kept partnership and is refused, naming her', async () => {
    const [keepId, mergeId] = await pairOfOneMember();
    const { auditId } = await ok<{ auditId: number }>(petr.d('partnerships:merge', { keepId, mergeId }));
    const merged = await db('partnerships').where({ id: keepId }).first<{ notes: string | null; version: number }>();
    const janaNotes = 'Jana: memorandum podepsáno 3. 3. 2025.';

    const [saved, undone] = await saveDuring(
      () => jana.d('partnerships:update', { id: keepId, version: merged.version, changes: { notes: janaNotes } }),
      () => petr.d('merges:restore', { auditId }),
    );
    expect(saved).toMatchObject({ ok: true, value: { version: merged.version + 1 } });
    expect(undone.ok).toBe(false);
    expect((undone as Failure).error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'merge.error.changedSinceBy', params: { name: expect.stringContaining('Jana') as unknown } },
    });
    // Nothing written: her notes and her version stay, the merged-away partnership stays merged.
    expect(await db('partnerships').where({ id: keepId }).first('notes', 'version')).toEqual({
      notes: janaNotes,
      version: merged.version + 1,
    });
    expect(await db('partnerships').where({ id: mergeId }).first('id')).toBeUndefined();
  });

  it('the undo of a town merge waits for her save of the kept town and is refused, naming her', async () => {
    const [keepId, mergeId] = await twoTowns();
    const { auditId } = await ok<{ auditId: number }>(petr.d('towns:merge', { keepId, mergeId }));
    const janaNotes = 'Jana: partnerská smlouva obnovena 2025.';

    const [saved, undone] = await saveDuring(
      () => jana.d('towns:update', { id: keepId, version: 2, patch: { notes: janaNotes } }),
      () => petr.d('merges:restore', { auditId }),
    );
    expect(saved).toMatchObject({ ok: true, value: { version: 3 } });
    expect(undone.ok).toBe(false);
    expect((undone as Failure).error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'merge.error.changedSinceBy', params: { name: expect.stringContaining('Jana') as unknown } },
    });
    // Nothing written: her notes and her version stay, the merged town stays merged.
    expect(await db('foreign_towns').where({ id: keepId }).first('notes', 'mayor_name', 'version')).toEqual({
      notes: janaNotes,
      mayor_name: 'Hans Alt',
      version: 3,
    });
    expect(await db('foreign_towns').where({ id: mergeId }).first('id')).toBeUndefined();
  });

  it('the undo of a fill from the bin waits for her save of the filled town and is refused, naming her', async () => {
    // A town card deleted, the town added again, then filled from the deleted card (its notes).
    const now = new Date().toISOString();
    const town = async (notes: string | null) => {
      const [row] = await db('foreign_towns')
        .insert({
          name: 'Testhausen',
          name_key: townNameKey('Testhausen'),
          country_code: 'DE',
          kind: 'town',
          notes,
          created_at: now,
          updated_at: now,
        })
        .returning<{ id: number }[]>('id');
      if (!row) throw new Error('no town inserted');
      return row.id;
    };
    const deletedId = await town('Poznámka ze smazané karty');
    const deleted = await ok<{ auditId: number }>(petr.d('towns:delete', { id: deletedId, version: 1 }));
    const liveId = await town(null);
    const { auditId } = await ok<{ auditId: number }>(
      petr.d('bin:fill', {
        auditId: deleted.auditId,
        liveId,
        version: 1,
        table: 'foreign_towns',
        take: ['notes'],
        children: {},
      }),
    );
    const janaNotes = 'Jana: kontakt přes radnici.';

    const [saved, undone] = await saveDuring(
      () => jana.d('towns:update', { id: liveId, version: 2, patch: { notes: janaNotes } }),
      () => petr.d('merges:restore', { auditId }),
    );
    expect(saved).toMatchObject({ ok: true, value: { version: 3 } });
    expect(undone.ok).toBe(false);
    expect((undone as Failure).error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'merge.error.changedSinceBy', params: { name: expect.stringContaining('Jana') as unknown } },
    });
    expect(await db('foreign_towns').where({ id: liveId }).first('notes', 'version')).toEqual({
      notes: janaNotes,
      version: 3,
    });
  });
});
