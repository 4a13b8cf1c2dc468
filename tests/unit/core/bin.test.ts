import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

type BinEntry = { auditId: number; table: string; recordId: number; label: string; actor: string; at: string };

describe('the bin of deleted records', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await app.cleanup();
  });

  it('lists every deleted member, partnership, request, contact and activity with who and when, and brings each back with its id', async () => {
    const knex = app.ctx.db.knex;
    await ok(app.dispatch('prefs:set', { actorName: 'Jana Archivářová' }));
    const partnership = await knex('partnerships')
      .whereExists((q) => {
        void q.select(knex.raw('1')).from('activities').whereRaw('activities.partnership_id = partnerships.id');
      })
      .first<{ id: number; version: number }>('id', 'version');
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: partnership.id, side: 'partner', name: 'Hans Müller' }),
    );
    const activity = await knex('activities')
      .where({ partnership_id: partnership.id })
      .first<{ id: number; version: number; title: string }>('id', 'version', 'title');
    await ok(app.dispatch('contacts:delete', { id: contact.id, version: contact.version }));
    await ok(app.dispatch('activities:delete', { id: activity.id, version: activity.version }));
    const request = await knex('partnership_requests').first<{ id: number; version: number }>('id', 'version');
    await ok(app.dispatch('requests:delete', { id: request.id, version: request.version }));
    const member = await knex('municipalities')
      .whereNotExists((q) => {
        void q.select(knex.raw('1')).from('partnerships').whereRaw('partnerships.municipality_id = municipalities.id');
      })
      .first<{ id: number; version: number; name: string }>('id', 'version', 'name');
    await ok(app.dispatch('municipalities:delete', { id: member.id, version: member.version }));
    const other = await knex('partnerships')
      .whereNot({ id: partnership.id })
      .first<{ id: number; version: number }>('id', 'version');
    await ok(app.dispatch('partnerships:delete', { id: other.id, version: other.version }));

    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.map((e) => e.table)).toEqual([
      'partnerships',
      'municipalities',
      'partnership_requests',
      'activities',
      'contacts',
    ]);
    expect(bin.every((e) => e.actor === 'Jana Archivářová' && e.at.length > 0)).toBe(true);
    expect(bin.find((e) => e.table === 'contacts')?.label).toBe('Hans Müller');
    expect(bin.find((e) => e.table === 'activities')?.label).toBe(activity.title);
    expect(bin.find((e) => e.table === 'municipalities')?.label).toBe(member.name);
    expect(bin.find((e) => e.table === 'partnerships')?.label).toMatch(/ – /);

    for (const entry of bin) await ok(app.dispatch('bin:restore', { auditId: entry.auditId }));
    expect(await ok<BinEntry[]>(app.dispatch('bin:list', {}))).toEqual([]);
    for (const [table, id] of [
      ['contacts', contact.id],
      ['activities', activity.id],
      ['partnership_requests', request.id],
      ['municipalities', member.id],
      ['partnerships', other.id],
    ] as const) {
      expect(await knex(table).where({ id }).first('id'), `${table} ${String(id)}`).toEqual({ id });
    }
    // Twice is refused, nothing doubled.
    const again = await app.dispatch('bin:restore', { auditId: bin[0]?.auditId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a contact of a deleted partnership comes back only after its partnership', async () => {
    const knex = app.ctx.db.knex;
    const partnership = await knex('partnerships').first<{ id: number; version: number }>('id', 'version');
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: partnership.id, side: 'cz', name: 'Petr Novák' }),
    );
    await ok(app.dispatch('contacts:delete', { id: contact.id, version: contact.version }));
    const current = await knex('partnerships').where({ id: partnership.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: partnership.id, version: current.version }));
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const contactEntry = bin.find((e) => e.table === 'contacts');
    expect(await app.dispatch('bin:restore', { auditId: contactEntry?.auditId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await ok(app.dispatch('bin:restore', { auditId: bin.find((e) => e.table === 'partnerships')?.auditId }));
    await ok(app.dispatch('bin:restore', { auditId: contactEntry?.auditId }));
    expect(await knex('contacts').where({ id: contact.id }).first('name')).toEqual({ name: 'Petr Novák' });
  });

  it('demo records removed by "Remove demo data" can be brought back one by one', async () => {
    await ok(app.dispatch('demo:remove', {}));
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    const member = bin.find((e) => e.table === 'municipalities');
    expect(member).toBeDefined();
    await ok(app.dispatch('bin:restore', { auditId: member?.auditId }));
    expect(await app.ctx.db.knex('municipalities').where({ id: member?.recordId }).first('source')).toEqual({
      source: 'demo',
    });
  });

  it('an agreement draft deleted from the registry is in the bin and comes back with the same id, once', async () => {
    const knex = app.ctx.db.knex;
    const partnership = await knex('partnerships').first<{ id: number }>('id');
    const [draft] = await knex('agreement_documents')
      .insert({
        partnership_id: partnership.id,
        template: 'partnership',
        language_first: 'cs',
        language_second: 'de',
        layout: 'parallel',
        options: '{}',
        file_name: 'smlouva-tabor-konstanz.docx',
        created_at: '2026-12-01T10:00:00.000Z',
      })
      .returning<{ id: number }[]>('id');
    const id = draft?.id ?? 0;
    const stored = await knex('agreement_documents').where({ id }).first();
    const { auditId } = await ok<{ auditId: number }>(app.dispatch('agreements:delete', { draftId: id }));
    expect(await knex('agreement_documents').where({ id }).first()).toBeUndefined();
    const bin = await ok<{ auditId: number; table: string; label: string }[]>(app.dispatch('bin:list', {}));
    expect(bin.find((e) => e.auditId === auditId)).toMatchObject({
      table: 'agreement_documents',
      label: 'smlouva-tabor-konstanz.docx',
    });
    await ok(app.dispatch('bin:restore', { auditId }));
    expect(await knex('agreement_documents').where({ id }).first()).toEqual(stored);
    const again = await app.dispatch('bin:restore', { auditId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');
  });
});
