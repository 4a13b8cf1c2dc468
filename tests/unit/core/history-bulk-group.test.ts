import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { MunicipalityRow } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Bulk = { changed: number; auditId: number | null; skipped?: number };
type Entry = {
  id: number;
  action: string;
  bulk?: { groupId: number; size: number; undone: number; undoOf: number | null };
};

/**
 * A bulk change is undone as one from a record's history, after its toast has gone (walkthrough
 * 26, finding 5): each entry of the change names its group and how many records it changed; the
 * group's undo from there puts back every row, and refuses or puts back the others as the toast's
 * undo does when a row changed since. On SQLite and, with `npm run test:unit:pg`, on PostgreSQL.
 */
describe('a bulk change in the records’ histories', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const list = () => ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
  const history = (table: 'partnerships' | 'municipalities', recordId: number) =>
    ok<Entry[]>(app.dispatch('audit:history', { table, recordId }));
  /** Four active partnerships, sorted by id. */
  const four = async () => {
    const rows = (await list())
      .filter((row) => row.status === 'active')
      .slice(0, 4)
      .sort((a, b) => a.id - b.id);
    if (rows.length < 4) throw new Error('the demo registry has active partnerships');
    return rows;
  };
  const statuses = async (ids: number[]) =>
    (await list())
      .filter((row) => ids.includes(row.id))
      .sort((a, b) => a.id - b.id)
      .map((row) => row.status);

  it('names the group and its size on each entry; the group’s undo from there puts back every row', async () => {
    const rows = await four();
    const ids = rows.map((row) => row.id);
    const done = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { status: 'dormant' },
      }),
    );
    expect(done.changed).toBe(4);
    for (const id of ids) {
      const [latest] = await history('partnerships', id);
      expect(latest?.bulk).toEqual({ groupId: done.auditId, size: 4, undone: 0, undoOf: null });
    }
    // A plain edit is not part of any group.
    const [first] = rows;
    if (!first) throw new Error('four rows');
    const [afterBulk] = await list().then((all) => all.filter((row) => row.id === first.id));
    await ok(
      app.dispatch('partnerships:update', {
        id: first.id,
        version: afterBulk?.version ?? 0,
        changes: { notes: 'Poznámka' },
      }),
    );
    const [plain, bulkEntry] = await history('partnerships', first.id);
    expect(plain?.bulk).toBeUndefined();
    expect(bulkEntry?.bulk?.groupId).toBe(done.auditId);

    // Undone from the history of the second row: the group id it names is what the undo takes.
    const second = (await history('partnerships', ids[1] ?? 0))[0]?.bulk?.groupId ?? 0;
    // The first row changed since (its note): refused as the toast's undo is, naming it.
    const refused = await app.dispatch('partnerships:bulkRestore', { auditId: second });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'partnerships.bulk.undoChangedRows', others: 3 } },
    });
    expect(await statuses(ids)).toEqual(['dormant', 'dormant', 'dormant', 'dormant']);
    const partly = await ok<Bulk>(app.dispatch('partnerships:bulkRestore', { auditId: second, onlyUnchanged: true }));
    expect(partly).toMatchObject({ changed: 3, skipped: 1 });
    expect(await statuses(ids)).toEqual(['dormant', 'active', 'active', 'active']);

    // The histories then say how much of the group is undone, and mark the undo's own entries.
    const [undoEntry, undoneEntry] = await history('partnerships', ids[2] ?? 0);
    expect(undoneEntry?.bulk).toEqual({ groupId: done.auditId, size: 4, undone: 3, undoOf: null });
    expect(undoEntry?.bulk).toEqual({ groupId: partly.auditId, size: 3, undone: 0, undoOf: done.auditId });
  });

  it('the whole group comes back from any row’s history when nobody changed a row', async () => {
    const rows = await four();
    const ids = rows.map((row) => row.id);
    const done = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { status: 'ended', addAreas: ['sport'] },
      }),
    );
    const groupId = (await history('partnerships', ids[3] ?? 0))[0]?.bulk?.groupId;
    expect(groupId).toBe(done.auditId);
    const undone = await ok<Bulk>(app.dispatch('partnerships:bulkRestore', { auditId: groupId ?? 0 }));
    expect(undone.changed).toBe(4);
    expect(await statuses(ids)).toEqual(['active', 'active', 'active', 'active']);
    const [, original] = await history('partnerships', ids[0] ?? 0);
    expect(original?.bulk).toMatchObject({ size: 4, undone: 4 });

    // The same edit made again after its undo is a new bulk edit, with an undo of its own (it puts
    // back what the undo put back, but it is no undo).
    const again = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: (await list()).filter((row) => ids.includes(row.id)).map(({ id, version }) => ({ id, version })),
        change: { status: 'ended', addAreas: ['sport'] },
      }),
    );
    const [redone, undoEntry] = await history('partnerships', ids[1] ?? 0);
    expect(redone?.bulk).toEqual({ groupId: again.auditId, size: 4, undone: 0, undoOf: null });
    expect(undoEntry?.bulk).toEqual({ groupId: undone.auditId, size: 4, undone: 0, undoOf: done.auditId });
  });

  it('a bulk change of membership names its group in each municipality’s history and is undone from it', async () => {
    const all = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', {}));
    const chosen = all
      .filter((row) => row.isMember)
      .slice(0, 3)
      .sort((a, b) => a.id - b.id);
    expect(chosen).toHaveLength(3);
    const done = await ok<Bulk>(
      app.dispatch('municipalities:bulkMembership', {
        rows: chosen.map(({ id, version }) => ({ id, version })),
        isMember: false,
      }),
    );
    for (const row of chosen) {
      const [latest] = await history('municipalities', row.id);
      expect(latest?.bulk).toEqual({ groupId: done.auditId, size: 3, undone: 0, undoOf: null });
    }
    const groupId = (await history('municipalities', chosen[2]?.id ?? 0))[0]?.bulk?.groupId ?? 0;
    await ok(app.dispatch('municipalities:bulkRestoreMembership', { auditId: groupId }));
    const now = await ok<MunicipalityRow[]>(app.dispatch('municipalities:list', { ids: chosen.map((row) => row.id) }));
    expect(now.every((row) => row.isMember)).toBe(true);
    const [, original] = await history('municipalities', chosen[0]?.id ?? 0);
    expect(original?.bulk).toMatchObject({ size: 3, undone: 3, undoOf: null });
  });
});
