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
      expect(again.error.details).toMatchObject({ reason: 'history.error.changedSince', field: 'notes' });
    }
  });
});
