import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipDetail, PartnershipRow } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type Bulk = { changed: number; auditId: number | null };

describe('bulk edit of partnerships: one audited change, one undo (real SQLite)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const list = () => ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
  const byId = async (ids: number[]) =>
    (await list()).filter((row) => ids.includes(row.id)).sort((a, b) => a.id - b.id);
  const auditCount = async () =>
    Number(((await app.ctx.db.knex('audit_log').count({ n: '*' }).first()) as { n: number }).n);

  /** Three partnerships that are not ended, sorted by id. */
  const three = async () => {
    const rows = (await list()).filter((row) => row.status !== 'dormant' && !row.areas.includes('sport'));
    const chosen = rows.slice(0, 3).sort((a, b) => a.id - b.id);
    if (chosen.length < 3) throw new Error('demo data has partnerships');
    return chosen;
  };

  it('sets status and areas of many rows in one transaction with one audit group, and one undo puts all back', async () => {
    const rows = await three();
    const before = await auditCount();
    app.events.length = 0;
    const result = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { status: 'dormant', addAreas: ['sport'], removeAreas: ['culture'] },
      }),
    );
    expect(result.changed).toBe(3);
    const changed = await byId(rows.map((row) => row.id));
    for (const [index, row] of changed.entries()) {
      const was = rows[index];
      expect(row.status).toBe('dormant');
      expect(row.areas).toContain('sport');
      expect(row.areas).not.toContain('culture');
      // Other areas stay.
      for (const area of was?.areas ?? []) if (area !== 'culture') expect(row.areas).toContain(area);
      expect(row.version).toBe((was?.version ?? 0) + 1);
    }
    expect(await auditCount()).toBe(before + 3);
    const group = await app.ctx.db.knex('audit_log').where({ group_id: result.auditId }).select('record_id');
    expect(group.map((r: { record_id: number }) => r.record_id).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    // One data:changed naming the three rows.
    const changes = app.events.filter((e) => e.event === 'data:changed');
    expect(changes).toHaveLength(1);
    expect((changes[0]?.payload as { partnershipIds: number[] }).partnershipIds.sort((a, b) => a - b)).toEqual(
      rows.map((r) => r.id),
    );
    // Each record's history shows the change.
    const history = await ok<{ action: string; changes: { field: string; from: unknown; to: unknown }[] }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: rows[0]?.id ?? 0 }),
    );
    expect(history[0]?.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status', to: 'dormant' })]),
    );

    const undone = await ok<Bulk>(app.dispatch('partnerships:bulkRestore', { auditId: result.auditId }));
    expect(undone.changed).toBe(3);
    const restored = await byId(rows.map((row) => row.id));
    expect(restored.map(({ status, areas, type }) => ({ status, areas, type }))).toEqual(
      rows.map(({ status, areas, type }) => ({ status, areas, type })),
    );
  });

  it('changes nothing when one row changed meanwhile, and names it (CONFLICT)', async () => {
    const rows = await three();
    const middle = rows[1];
    if (!middle) throw new Error('three rows');
    await ok(app.dispatch('partnerships:update', { id: middle.id, version: middle.version, changes: { notes: 'x' } }));
    const before = await auditCount();
    const result = await app.dispatch('partnerships:bulkUpdate', {
      rows: rows.map(({ id, version }) => ({ id, version })),
      change: { type: 'friendship' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: {
          reason: 'partnerships.bulk.conflictBy',
          id: middle.id,
          name: `${middle.municipalityName} – ${middle.townName}`,
        },
      },
    });
    const after = await byId(rows.map((row) => row.id));
    expect(after.map((row) => row.type)).toEqual(rows.map((row) => row.type));
    expect(await auditCount()).toBe(before);
  });

  it('refuses the undo when a row changed since the edit; nothing is put back', async () => {
    const rows = await three();
    const result = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { status: 'dormant' },
      }),
    );
    const [first, second] = await byId(rows.map((row) => row.id));
    if (!first || !second) throw new Error('rows');
    await ok(
      app.dispatch('partnerships:update', { id: second.id, version: second.version, changes: { status: 'ended' } }),
    );
    const undo = await app.dispatch('partnerships:bulkRestore', { auditId: result.auditId });
    // Naming the partnership, who changed it since and when (it said only "some partnership").
    expect(undo).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: {
          id: second.id,
          reason: 'partnerships.bulk.undoChangedRows',
          params: { name: expect.stringContaining(' – '), by: expect.any(String) },
          changedAt: expect.any(String),
        },
      },
    });
    const [stillFirst] = await byId([first.id]);
    expect(stillFirst?.status).toBe('dormant');
  });

  it('marks verified and back, without a new version (an open edit stays valid)', async () => {
    const rows = await three();
    const result = await ok<Bulk>(
      app.dispatch('partnerships:bulkUpdate', {
        rows: rows.map(({ id, version }) => ({ id, version })),
        change: { verified: true },
      }),
    );
    expect(result.changed).toBe(3);
    const verified = await byId(rows.map((row) => row.id));
    expect(verified.every((row) => row.verifiedAt !== null)).toBe(true);
    expect(verified.map((row) => row.version)).toEqual(rows.map((row) => row.version));
    await ok(app.dispatch('partnerships:bulkRestore', { auditId: result.auditId }));
    const back = await byId(rows.map((row) => row.id));
    expect(back.map((row) => row.verifiedAt)).toEqual(rows.map((row) => row.verifiedAt));
  });

  it('asks about "active with an end date" for the rows it would make so, and stores the confirmation', async () => {
    const [row] = await three();
    if (!row) throw new Error('row');
    const ended = await ok<PartnershipRow>(
      app.dispatch('partnerships:update', {
        id: row.id,
        version: row.version,
        changes: { status: 'ended', endedOn: '2010' },
      }),
    );
    const asked = await app.dispatch('partnerships:bulkUpdate', {
      rows: [{ id: ended.id, version: ended.version }],
      change: { status: 'active' },
    });
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { rows: [{ id: ended.id, issues: [{ message: 'validation.activeWithEndDate' }] }] },
      },
    });
    await ok(
      app.dispatch('partnerships:bulkUpdate', {
        rows: [{ id: ended.id, version: ended.version }],
        change: { status: 'active', acknowledge: ['activeWithEndDate'] },
      }),
    );
    const detail = await ok<PartnershipDetail>(app.dispatch('partnerships:get', { id: row.id }));
    expect(detail.status).toBe('active');
    expect(detail.acknowledgedWarnings).toEqual(['activeWithEndDate']);
    // Not asked again for the same values: a later edit of the notes passes.
    await ok(
      app.dispatch('partnerships:update', {
        id: row.id,
        version: detail.version,
        changes: { notes: 'ok', status: 'active', endedOn: '2010' },
      }),
    );
  });

  it('rejects an empty change and more rows than the limit at the gate', async () => {
    const [row] = await three();
    if (!row) throw new Error('row');
    expect(
      await app.dispatch('partnerships:bulkUpdate', { rows: [{ id: row.id, version: row.version }], change: {} }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await app.dispatch('partnerships:bulkUpdate', {
        rows: Array.from({ length: 5_001 }, (_, i) => ({ id: i + 1, version: 1 })),
        change: { status: 'active' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('confirmed warnings are stored with the partnership', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('asks "signed before the start" once; later saves of the whole form pass until the dates change', async () => {
    const [row] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!row) throw new Error('row');
    const all = { startedOn: '2020-05-01', signedOn: '2019-01-01', status: row.status, type: row.type };
    expect(await app.dispatch('partnerships:update', { id: row.id, version: row.version, changes: all })).toMatchObject(
      {
        ok: false,
        error: { details: { issues: [{ path: 'signedOn', message: 'validation.signedBeforeStarted' }] } },
      },
    );
    const saved = await ok<PartnershipRow>(
      app.dispatch('partnerships:update', {
        id: row.id,
        version: row.version,
        changes: { ...all, acknowledge: ['signedBeforeStarted'] },
      }),
    );
    // The form sends every field again: not asked again.
    const again = await ok<PartnershipRow>(
      app.dispatch('partnerships:update', { id: row.id, version: saved.version, changes: { ...all, notes: 'later' } }),
    );
    // A changed date is a new question.
    expect(
      await app.dispatch('partnerships:update', {
        id: row.id,
        version: again.version,
        changes: { ...all, signedOn: '2018-01-01' },
      }),
    ).toMatchObject({ ok: false, error: { details: { issues: [{ message: 'validation.signedBeforeStarted' }] } } });
  });

  it('refuses a council resolution dated in the future, but not one already stored', async () => {
    const [row] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!row) throw new Error('row');
    expect(
      await app.dispatch('partnerships:update', {
        id: row.id,
        version: row.version,
        changes: { partnerResolutionDate: '2099-01-01' },
      }),
    ).toMatchObject({
      ok: false,
      error: { details: { issues: [{ path: 'partnerResolutionDate', message: 'validation.resolutionInFuture' }] } },
    });
    // Written by an older version: an unrelated edit still saves.
    await app.ctx.db.knex('partnerships').where({ id: row.id }).update({ partner_resolution_date: '2099-01-01' });
    await ok(app.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'n' } }));
  });
});
