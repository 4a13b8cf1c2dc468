import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Bulk = { changed: number; auditId: number | null };
type Stored = { id: number; name: string; version: number; is_member: boolean | number; member_since: string | null };

/**
 * Marking members in bulk (review: after importing the official list, 150 members had to be
 * opened one by one): one audited change, one undo, nothing written when one row changed meanwhile.
 */
describe('membership of many municipalities at once', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const knex = () => app.ctx.db.knex;
  const stored = (ids: number[]) =>
    knex()
      .from('municipalities')
      .whereIn('id', ids)
      .orderBy('id')
      .select<Stored[]>('id', 'name', 'version', 'is_member', 'member_since');
  const auditCount = async () => Number(((await knex()('audit_log').count({ n: '*' }).first()) as { n: number }).n);
  /** Three members with a date since, and one municipality that is not a member. */
  const chosen = async () => {
    const four = await knex()('municipalities')
      .where({ is_member: true })
      .whereNotNull('member_since')
      .orderBy('id')
      .limit(4)
      .select<Stored[]>('id', 'name', 'version', 'is_member', 'member_since');
    const [a, b, c, d] = four;
    if (!a || !b || !c || !d) throw new Error('the demo registry has members');
    // Every demo municipality is a member: the fourth is made a non-member for the test.
    await knex()('municipalities').where({ id: d.id }).update({ is_member: false });
    return { members: [a, b, c], other: { ...d, is_member: false } };
  };

  it('marks them in one audit group, keeps their dates, leaves those already so, and one undo puts all back', async () => {
    const { members, other } = await chosen();
    const rows = [...members, other].map(({ id, version }) => ({ id, version }));
    const before = await auditCount();
    app.events.length = 0;
    const result = await ok<Bulk>(app.dispatch('municipalities:bulkMembership', { rows, isMember: false }));
    expect(result.changed).toBe(3); // the non-member stays as it was
    const after = await stored(members.map((m) => m.id));
    expect(after.map((m) => Boolean(m.is_member))).toEqual([false, false, false]);
    // The dates are the user's: not cleared, not made up.
    expect(after.map((m) => m.member_since)).toEqual(members.map((m) => m.member_since));
    expect(after.map((m) => m.version)).toEqual(members.map((m) => m.version + 1));
    expect((await stored([other.id]))[0]?.version).toBe(other.version);
    expect(await auditCount()).toBe(before + 3);
    const group = await knex()('audit_log').where({ group_id: result.auditId }).select('record_id', 'before', 'after');
    expect(group.map((entry: { record_id: number }) => entry.record_id).sort()).toEqual(
      members.map((m) => m.id).sort(),
    );
    expect(app.events.some((event) => JSON.stringify(event).includes('municipalities'))).toBe(true);

    const undone = await ok<Bulk>(
      app.dispatch('municipalities:bulkRestoreMembership', { auditId: result.auditId ?? 0 }),
    );
    expect(undone.changed).toBe(3);
    expect((await stored(members.map((m) => m.id))).map((m) => Boolean(m.is_member))).toEqual([true, true, true]);
  });

  it('writes nothing when one of them changed since the user saw it, and says which', async () => {
    const { members } = await chosen();
    const [first, middle] = members;
    if (!first || !middle) throw new Error('three members');
    await knex()('municipalities')
      .where({ id: middle.id })
      .update({ version: middle.version + 1 });
    const before = await auditCount();
    const result = await app.dispatch('municipalities:bulkMembership', {
      rows: members.map(({ id, version }) => ({ id, version })),
      isMember: false,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'members.bulk.conflict', id: middle.id, name: middle.name } },
    });
    expect((await stored([first.id]))[0]).toMatchObject({ version: first.version });
    expect(Boolean((await stored([first.id]))[0]?.is_member)).toBe(true);
    expect(await auditCount()).toBe(before);
  });

  it('does not let a row that is already so, changed meanwhile, block the others', async () => {
    const { members, other } = await chosen();
    // The non-member was edited since the user saw it (another field), and is not to change.
    await knex()('municipalities')
      .where({ id: other.id })
      .update({ version: other.version + 1 });
    const result = await ok<Bulk>(
      app.dispatch('municipalities:bulkMembership', {
        rows: [...members, other].map(({ id, version }) => ({ id, version })),
        isMember: false,
      }),
    );
    expect(result.changed).toBe(3);
  });

  it('refuses to undo over a later change of one of them (nothing put back)', async () => {
    const { members } = await chosen();
    const result = await ok<Bulk>(
      app.dispatch('municipalities:bulkMembership', {
        rows: members.map(({ id, version }) => ({ id, version })),
        isMember: false,
      }),
    );
    const last = members[2];
    if (!last) throw new Error('three members');
    await ok(
      app.dispatch('municipalities:update', { id: last.id, version: last.version + 1, patch: { isMember: true } }),
    );
    const undo = await app.dispatch('municipalities:bulkRestoreMembership', { auditId: result.auditId ?? 0 });
    expect(undo).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { reason: 'members.bulk.undoChangedRows', params: { by: expect.any(String) } },
      },
    });
    const now = await stored(members.map((m) => m.id));
    expect(now.map((m) => Boolean(m.is_member))).toEqual([false, false, true]);
  });
});
