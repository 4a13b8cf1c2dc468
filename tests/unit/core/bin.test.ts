import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, newMemberInput, ok, type TestApp } from '../../support/temp-db';

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
    // A member seeking a partner is named by the member (it was "#2").
    const request = await knex('partnership_requests as r')
      .join('municipalities as m', 'm.id', 'r.municipality_id')
      .where('r.direction', 'member_seeks')
      .first<{ id: number; version: number; member: string }>('r.id', 'r.version', 'm.name as member');
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
    expect(bin.find((e) => e.table === 'partnership_requests')?.label).toBe(request.member);
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

  it('an older delete of a record that came back, was worked on and deleted again is not restored over the later work', async () => {
    const knex = app.ctx.db.knex;
    const member = await knex('municipalities').orderBy('id').first<{ id: number }>('id');
    const created = await ok<{ id: number; version: number }>(
      app.dispatch('partnerships:create', {
        municipalityId: member.id,
        town: { name: 'Staletown', countryCode: 'DE' },
        type: 'formal',
        status: 'active',
        notes: 'first',
      }),
    );
    const first = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: created.id, version: created.version }),
    );
    await ok(app.dispatch('bin:restore', { auditId: first.auditId }));
    const back = await knex('partnerships').where({ id: created.id }).first<{ version: number }>('version');
    const edited = await ok<{ version: number }>(
      app.dispatch('partnerships:update', {
        id: created.id,
        version: back.version,
        changes: { notes: 'second, corrected', status: 'dormant' },
      }),
    );
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: created.id, side: 'cz', name: 'Nová Kontaktní' }),
    );
    const removed = await ok<{ auditId: number }>(
      app.dispatch('contacts:delete', { id: contact.id, version: contact.version }),
    );
    await ok(app.dispatch('bin:restore', { auditId: removed.auditId }));
    const second = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: created.id, version: edited.version }),
    );
    const auditBefore = await knex('audit_log').count<{ n: number }[]>({ n: '*' });

    // The first delete's undo (a toast left open in another window, an old entry) is refused,
    // through the bin and through the record's own undo, and changes nothing.
    for (const refused of [
      await app.dispatch('bin:restore', { auditId: first.auditId }),
      await app.dispatch('partnerships:restore', { auditId: first.auditId }),
    ])
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'undo.superseded' } } });
    expect(await knex('partnerships').where({ id: created.id }).first('id')).toBeUndefined();
    expect(await knex('audit_log').count<{ n: number }[]>({ n: '*' })).toEqual(auditBefore);
    expect((await ok<BinEntry[]>(app.dispatch('bin:list', {}))).map((e) => e.auditId)).toContain(second.auditId);

    // The latest delete brings back the later work: the corrected notes, the status and the contact.
    await ok(app.dispatch('bin:restore', { auditId: second.auditId }));
    expect(await knex('partnerships').where({ id: created.id }).first('notes', 'status')).toEqual({
      notes: 'second, corrected',
      status: 'dormant',
    });
    expect(await knex('contacts').where({ partnership_id: created.id }).pluck('name')).toEqual(['Nová Kontaktní']);
  });

  it('an older delete of a contact, a request or a member that came back and was deleted again is refused', async () => {
    const knex = app.ctx.db.knex;
    const partnership = await knex('partnerships').orderBy('id').first<{ id: number }>('id');
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: partnership.id, side: 'cz', name: 'Petra Stará' }),
    );
    const request = await knex('partnership_requests')
      .orderBy('id')
      .first<{ id: number; version: number }>('id', 'version');
    const district = await knex('districts').orderBy('id').first<{ id: number }>('id');
    const member = await ok<{ id: number; version: number }>(
      app.dispatch(
        'municipalities:create',
        newMemberInput({ code: '599972', name: 'Vrátná', districtId: district.id }),
      ),
    );
    const cases = [
      { table: 'contacts', id: contact.id, version: contact.version, remove: 'contacts:delete', undo: 'bin:restore' },
      {
        table: 'partnership_requests',
        id: request.id,
        version: request.version,
        remove: 'requests:delete',
        undo: 'requests:restore',
      },
      {
        table: 'municipalities',
        id: member.id,
        version: member.version,
        remove: 'municipalities:delete',
        undo: 'municipalities:restore',
      },
    ] as const;
    for (const c of cases) {
      const first = await ok<{ auditId: number }>(app.dispatch(c.remove, { id: c.id, version: c.version }));
      await ok(app.dispatch('bin:restore', { auditId: first.auditId }));
      const now = await knex(c.table).where({ id: c.id }).first<{ version: number }>('version');
      const second = await ok<{ auditId: number }>(app.dispatch(c.remove, { id: c.id, version: now.version }));
      expect(await app.dispatch(c.undo, { auditId: first.auditId }), c.table).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'undo.superseded' } },
      });
      expect(await knex(c.table).where({ id: c.id }).first('id'), c.table).toBeUndefined();
      await ok(app.dispatch('bin:restore', { auditId: second.auditId }));
      expect(await knex(c.table).where({ id: c.id }).first('id'), c.table).toEqual({ id: c.id });
    }
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

  it('a contact deleted, brought back and then gone with its partnership is not offered on its own', async () => {
    const knex = app.ctx.db.knex;
    const partnership = await knex('partnerships').first<{ id: number }>('id');
    const contact = await ok<{ id: number; version: number }>(
      app.dispatch('contacts:create', { partnershipId: partnership.id, side: 'cz', name: 'Karel Dočasný' }),
    );
    const removed = await ok<{ auditId: number }>(
      app.dispatch('contacts:delete', { id: contact.id, version: contact.version }),
    );
    // The toast's undo.
    await ok(app.dispatch('bin:restore', { auditId: removed.auditId }));
    const current = await knex('partnerships').where({ id: partnership.id }).first<{ version: number }>('version');
    await ok(app.dispatch('partnerships:delete', { id: partnership.id, version: current.version }));
    // The bin offers the partnership (it brings the contact back), not the contact's undone delete
    // with its older time (restoring it was refused).
    const bin = await ok<BinEntry[]>(app.dispatch('bin:list', {}));
    expect(bin.filter((e) => e.table === 'contacts' && e.recordId === contact.id)).toEqual([]);
    const entry = bin.find((e) => e.table === 'partnerships' && e.recordId === partnership.id);
    await ok(app.dispatch('bin:restore', { auditId: entry?.auditId }));
    expect(await knex('contacts').where({ id: contact.id }).first('name')).toEqual({ name: 'Karel Dočasný' });
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
