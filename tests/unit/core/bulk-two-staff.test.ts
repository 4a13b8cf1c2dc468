import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Bulk = { changed: number; auditId: number | null; skipped?: number };
type StaleRow = { id: number; name: string; gone: boolean; by?: string; at?: string };
type AuditRow = { record_id: number; actor: string; group_id: number | null; before: string; after: string };

/**
 * Two staff members on one registry (walkthrough 22, findings 2 and 7): Petr's bulk edit is
 * refused naming Jana, who changed a row meanwhile, and when; Petr's bulk undo after Jana touched
 * one row lists it and can put back only the rows nobody touched since. On SQLite and, with
 * `npm run test:unit:pg`, on PostgreSQL (the display name then carries the database account).
 */
describe('bulk changes by two staff members', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const as = (actorName: string) => ok(app.dispatch('prefs:set', { actorName }));
  const knex = () => app.ctx.db.knex;
  const list = () => ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
  const byId = async (ids: number[]) =>
    (await list()).filter((row) => ids.includes(row.id)).sort((a, b) => a.id - b.id);
  const auditCount = async () => Number(((await knex()('audit_log').count({ n: '*' }).first()) as { n: number }).n);
  /** Three active partnerships, sorted by id. */
  const three = async () => {
    const rows = (await list())
      .filter((row) => row.status === 'active')
      .slice(0, 3)
      .sort((a, b) => a.id - b.id);
    const [a, b, c] = rows;
    if (!a || !b || !c) throw new Error('the demo registry has active partnerships');
    return [a, b, c] as const;
  };
  const label = (row: PartnershipRow) => `${row.municipalityName} – ${row.townName}`;

  it('refuses Petr’s bulk edit naming Jana and when for every row she changed; nothing is written', async () => {
    const rows = await three();
    const [, second, third] = rows;
    await as('Jana Nováková');
    await ok(
      app.dispatch('partnerships:update', { id: second.id, version: second.version, changes: { status: 'ended' } }),
    );
    await ok(app.dispatch('partnerships:update', { id: third.id, version: third.version, changes: { notes: 'Jana' } }));
    await as('Petr Svoboda');
    const before = await auditCount();
    const refused = await app.dispatch('partnerships:bulkUpdate', {
      rows: rows.map(({ id, version }) => ({ id, version })),
      change: { status: 'dormant' },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: {
          reason: 'partnerships.bulk.conflictBy',
          name: label(second),
          params: { name: label(second), by: expect.stringContaining('Jana Nováková'), count: 2 },
          changedAt: expect.any(String),
        },
      },
    });
    const stale = (refused as unknown as { error: { details: { rows: StaleRow[] } } }).error.details.rows;
    expect(stale.map((row) => row.id)).toEqual([second.id, third.id]);
    for (const row of stale) {
      expect(row.by).toContain('Jana Nováková');
      expect(row.at).toEqual(expect.any(String));
      expect(row.gone).toBe(false);
    }
    expect(refused).toMatchObject({ error: { message: expect.stringContaining('Jana Nováková') } });
    expect(await auditCount()).toBe(before);
    expect((await byId(rows.map((row) => row.id))).map((row) => row.status)).toEqual(['active', 'ended', 'active']);

    // Reloaded, Petr leaves Jana's "ended" out and changes the rest: still checked against the
    // versions he now holds, and Jana's value stands.
    const fresh = await byId(rows.map((row) => row.id));
    const done = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: fresh.filter((row) => row.id !== second.id).map(({ id, version }) => ({ id, version })),
        change: { status: 'dormant' },
      }),
    );
    expect(done.changed).toBe(2);
    expect((await byId(rows.map((row) => row.id))).map((row) => row.status)).toEqual(['dormant', 'ended', 'dormant']);
  });

  it('puts back only the rows nobody touched since, leaving Jana’s row as she left it, in one audited group', async () => {
    const rows = await three();
    const [first, second, third] = rows;
    await as('Petr Svoboda');
    const bulk = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { status: 'dormant' },
      }),
    );
    expect(bulk.changed).toBe(3);
    // Jana edits only the notes of one row (another field than the bulk change's).
    await as('Jana Nováková');
    const [janas] = await byId([second.id]);
    if (!janas) throw new Error('row');
    await ok(app.dispatch('partnerships:update', { id: janas.id, version: janas.version, changes: { notes: 'Jana' } }));
    await as('Petr Svoboda');

    const before = await auditCount();
    const refused = await app.dispatch('partnerships:bulkRestore', { auditId: bulk.auditId });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: {
          reason: 'partnerships.bulk.undoChangedRows',
          others: 2,
          rows: [{ id: second.id, name: label(second), gone: false, by: expect.stringContaining('Jana Nováková') }],
        },
      },
    });
    expect(await auditCount()).toBe(before);
    expect((await byId(rows.map((row) => row.id))).map((row) => row.status)).toEqual(['dormant', 'dormant', 'dormant']);

    const undone = await ok<Bulk>(
      app.dispatch('partnerships:bulkRestore', { auditId: bulk.auditId, onlyUnchanged: true }),
    );
    expect(undone).toMatchObject({ changed: 2, skipped: 1 });
    const now = await byId(rows.map((row) => row.id));
    expect(now.map((row) => row.status)).toEqual(['active', 'dormant', 'active']);
    const notes = await knex()('partnerships').where({ id: second.id }).first<{ notes: string; version: number }>();
    expect(notes.notes).toBe('Jana');
    expect(notes.version).toBe(janas.version + 1);

    // One group of Petr's, holding the two rows put back, each from dormant to active.
    const group = await knex()('audit_log')
      .where({ group_id: undone.auditId })
      .orderBy('record_id')
      .select<AuditRow[]>('record_id', 'actor', 'group_id', 'before', 'after');
    expect(group.map((entry) => entry.record_id)).toEqual([first.id, third.id]);
    for (const entry of group) {
      expect(entry.actor).toBe('Petr Svoboda');
      expect(JSON.parse(entry.before)).toMatchObject({ status: 'dormant' });
      expect(JSON.parse(entry.after)).toMatchObject({ status: 'active' });
    }
    expect(await auditCount()).toBe(before + 2);
    // Jana's row has no entry of the undo: its last entry is still hers.
    const last = await knex()('audit_log')
      .where({ table_name: 'partnerships', record_id: second.id })
      .orderBy('id', 'desc')
      .first<{ actor: string }>('actor');
    expect(last.actor).toBe('Jana Nováková');
  });

  it('membership: refuses naming Jana, then puts back only the municipalities nobody touched since', async () => {
    const members = await knex()('municipalities')
      .where({ is_member: true })
      .orderBy('id')
      .limit(3)
      .select<{ id: number; name: string; version: number }[]>('id', 'name', 'version');
    const [a, b, c] = members;
    if (!a || !b || !c) throw new Error('the demo registry has members');
    await as('Jana Nováková');
    await ok(app.dispatch('municipalities:update', { id: b.id, version: b.version, patch: { notes: 'Jana' } }));
    await as('Petr Svoboda');
    const refused = await app.dispatch('municipalities:bulkMembership', {
      rows: members.map(({ id, version }) => ({ id, version })),
      isMember: false,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: {
          reason: 'members.bulk.conflictBy',
          rows: [{ id: b.id, name: b.name, by: expect.stringContaining('Jana Nováková') }],
        },
      },
    });
    const isMember = async () =>
      (
        await knex()('municipalities')
          .whereIn('id', [a.id, b.id, c.id])
          .orderBy('id')
          .select<{ is_member: boolean | number }[]>('is_member')
      ).map((row) => Boolean(row.is_member));
    expect(await isMember()).toEqual([true, true, true]);

    const fresh = await knex()('municipalities')
      .whereIn('id', [a.id, b.id, c.id])
      .select<{ id: number; version: number }[]>('id', 'version');
    const bulk = await ok<Bulk>(app.dispatch('municipalities:bulkMembership', { rows: fresh, isMember: false }));
    expect(bulk.changed).toBe(3);
    await as('Jana Nováková');
    const [bNow] = await knex()('municipalities').where({ id: b.id }).select<{ version: number }[]>('version');
    await ok(
      app.dispatch('municipalities:update', { id: b.id, version: bNow?.version ?? 0, patch: { notes: 'Jana 2' } }),
    );
    await as('Petr Svoboda');
    const undoRefused = await app.dispatch('municipalities:bulkRestoreMembership', { auditId: bulk.auditId });
    expect(undoRefused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { reason: 'members.bulk.undoChangedRows', others: 2, rows: [{ id: b.id }] },
      },
    });
    expect(await isMember()).toEqual([false, false, false]);
    const undone = await ok<Bulk>(
      app.dispatch('municipalities:bulkRestoreMembership', { auditId: bulk.auditId, onlyUnchanged: true }),
    );
    expect(undone).toMatchObject({ changed: 2, skipped: 1 });
    expect(await isMember()).toEqual([true, false, true]);
    const group = await knex()('audit_log')
      .where({ group_id: undone.auditId })
      .orderBy('record_id')
      .select<AuditRow[]>('record_id', 'actor', 'group_id', 'before', 'after');
    expect(group.map((entry) => [entry.record_id, entry.actor])).toEqual([
      [a.id, 'Petr Svoboda'],
      [c.id, 'Petr Svoboda'],
    ]);
  });
});
