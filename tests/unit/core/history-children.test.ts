import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

describe('a partnership’s history holds its contacts, activities and agreement drafts (real SQLite)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('lists the children’s entries, also of a child deleted since, each named, in one time line', async () => {
    const [row, other] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!row || !other) throw new Error('demo data has partnerships');
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: row.id, side: 'partner', name: 'Anna Nováková' }),
    );
    const activity = await ok<{ id: number; version: number }>(
      app.dispatch('activities:create', { partnershipId: row.id, date: '2026-03-01', title: 'Výměna žáků' }),
    );
    await ok(app.dispatch('activities:delete', { id: activity.id, version: activity.version }));
    // Another partnership's child is not in this history.
    await ok(app.dispatch('contacts:create', { partnershipId: other.id, side: 'partner', name: 'Cizí kontakt' }));

    const plain = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'partnerships', recordId: row.id }));
    expect(plain.some((entry) => entry.child !== undefined)).toBe(false);
    const all = await ok<AuditEntry[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: row.id, withChildren: true }),
    );
    const children = all.filter((entry) => entry.child !== undefined).map((e) => [e.child?.label, e.action]);
    expect(children).toEqual(
      expect.arrayContaining([
        ['Anna Nováková', 'insert'],
        ['Výměna žáků', 'insert'],
        ['Výměna žáků', 'delete'],
      ]),
    );
    expect(children.some(([label]) => label === 'Cizí kontakt')).toBe(false);
    // Newest first: the delete of the activity comes before its creation.
    const labels = all.map((e) => `${e.child?.label ?? ''}:${e.action}`);
    expect(labels.indexOf('Výměna žáků:delete')).toBeLessThan(labels.indexOf('Výměna žáků:insert'));
    expect(contact.id).toBeGreaterThan(0);
    // A creation lists what it holds, not its empty fields as "— → —".
    const created = await ok<AuditEntry[]>(app.dispatch('audit:history', { table: 'contacts', recordId: contact.id }));
    const fields = created[0]?.changes.map((change) => change.field) ?? [];
    expect(fields).toContain('name');
    expect(fields).not.toContain('role');
    expect(fields).not.toContain('phone');
  });

  it('counts what a member’s delete takes with it at this moment', async () => {
    const [row] = await ok<PartnershipRow[]>(app.dispatch('partnerships:list', {}));
    if (!row) throw new Error('row');
    const before = await ok<{ partnerships: number; contacts: number }>(
      app.dispatch('municipalities:deleteImpact', { id: row.municipalityId }),
    );
    await ok(app.dispatch('contacts:create', { partnershipId: row.id, side: 'cz', name: 'Nový kontakt' }));
    const after = await ok<{ partnerships: number; contacts: number }>(
      app.dispatch('municipalities:deleteImpact', { id: row.municipalityId }),
    );
    expect(after.partnerships).toBe(before.partnerships);
    expect(after.partnerships).toBeGreaterThan(0);
    expect(after.contacts).toBe(before.contacts + 1);
  });
});
