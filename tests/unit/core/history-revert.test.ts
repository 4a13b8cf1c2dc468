import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('restoring from a record’s history', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('puts back what one change replaced, leaves later changes of other fields, refuses when the field changed since', async () => {
    const [row] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!row) throw new Error('no demo rows');
    const original = await app.ctx.db
      .knex('partnerships')
      .where({ id: row.id })
      .first<{ notes: string | null }>('notes');
    const first = await ok<PartnershipRow>(
      app.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'přepsáno omylem' } }),
    );
    const second = await ok<PartnershipRow>(
      app.dispatch('partnerships:update', { id: row.id, version: first.version, changes: { status: 'dormant' } }),
    );
    const history = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: row.id }));
    const notesChange = history.find((e) => e.changes.some((c) => c.field === 'notes'));
    if (!notesChange) throw new Error('no notes change in the history');

    const reverted = await ok<PartnershipRow>(app.dispatch('partnerships:revert', { auditId: notesChange.id }));
    expect(reverted.version).toBe(second.version + 1);
    expect(reverted.status).toBe('dormant');
    const now = await app.ctx.db.knex('partnerships').where({ id: row.id }).first<{ notes: string | null }>('notes');
    expect(now.notes).toBe(original.notes);
    const after = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: row.id }));
    expect(after[0]?.changes).toEqual([{ field: 'notes', from: 'přepsáno omylem', to: original.notes }]);

    // The notes have changed since that entry (the revert itself): a second revert is refused.
    const again = await app.dispatch('partnerships:revert', { auditId: notesChange.id });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('CONFLICT');
      // Naming the field, and who changed it later and when (the revert itself, by this app's user).
      expect(again.error.details).toMatchObject({
        reason: 'history.error.changedSinceBy',
        field: 'notes',
        params: { name: expect.any(String) },
        changedAt: expect.any(String),
      });
    }
  });

  it('a member’s history puts back one change too; a later change of another field stays', async () => {
    const row = await app.ctx.db
      .knex('municipalities')
      .where({ is_member: true })
      .orderBy('id')
      .first<{ id: number; version: number; population: number | null; website: string | null }>(
        'id',
        'version',
        'population',
        'website',
      );
    const first = await ok<{ version: number }>(
      app.dispatch('municipalities:update', { id: row.id, version: row.version, patch: { population: 123 } }),
    );
    await ok(
      app.dispatch('municipalities:update', {
        id: row.id,
        version: first.version,
        patch: { website: 'https://www.example.cz' },
      }),
    );
    const history = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'municipalities', recordId: row.id }),
    );
    const populationChange = history.find((e) => e.changes.some((c) => c.field === 'population'));
    if (!populationChange) throw new Error('no population change in the history');
    await ok(app.dispatch('municipalities:revert', { auditId: populationChange.id }));
    expect(await app.ctx.db.knex('municipalities').where({ id: row.id }).first('population', 'website')).toEqual({
      population: row.population,
      website: 'https://www.example.cz',
    });
    const again = await app.dispatch('municipalities:revert', { auditId: populationChange.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    // A partnership's entry is not a member's.
    const [partnership] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!partnership) throw new Error('no demo rows');
    await ok(
      app.dispatch('partnerships:update', {
        id: partnership.id,
        version: partnership.version,
        changes: { notes: 'x' },
      }),
    );
    const other = (
      await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: partnership.id }))
    )[0];
    const wrong = await app.dispatch('municipalities:revert', { auditId: other?.id ?? 0 });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('NOT_FOUND');
  });
});
