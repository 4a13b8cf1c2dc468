import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, Contact } from '../../../shared/domain/partnerships';
import type { AuditEntry } from '../../../shared/domain/schemas';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Undoing one edit of a contact or an activity (`contacts:revert`, `activities:revert`; walkthrough
 * 20 finding 9): the toast's Undo after a save and the history's "Vrátit tuto změnu". An undo puts
 * back only what that edit changed, raises the version, is audited, and is refused with a reason
 * the screens translate (nothing written) once the record changed or was deleted since.
 */

type Failure = { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
type Saved<T> = T & { auditId: number };

describe('undoing an edit of a contact or an activity', () => {
  let app: TestApp;
  let partnershipId: number;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
    await ok(app.dispatch('prefs:set', { actorName: 'Jana Nováková' }));
    partnershipId = (await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id')).id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const failure = async (result: Promise<unknown>): Promise<Failure['error']> => {
    const answer = (await result) as { ok: boolean } & Partial<Failure>;
    if (answer.ok || answer.error === undefined) throw new Error('expected a refusal');
    return answer.error;
  };
  const history = (table: string, recordId: number) =>
    ok<AuditEntry[]>(app.dispatch('audit:history', { table, recordId }));
  const auditCount = async () =>
    Number((await app.ctx.db.knex('audit_log').count<{ n: number | string }[]>({ n: '*' }))[0]?.n ?? 0);
  const contactRow = (id: number) =>
    app.ctx.db
      .knex('contacts')
      .where({ id })
      .first<{ name: string; role: string | null; email: string | null; phone: string | null; version: number }>();

  const newContact = () =>
    ok<Contact>(
      app.dispatch('contacts:create', {
        partnershipId,
        side: 'partner',
        name: 'Petr Svoboda',
        role: 'starosta',
        email: 'svoboda@example.cz',
        phone: '+420 111 222 333',
      }),
    );

  it('puts back the fields one contact edit changed, raises the version and is audited as a change of its own', async () => {
    const contact = await newContact();
    const edited = await ok<Saved<Contact>>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Petr Svoboda',
        email: 'spatny@email.cz',
      }),
    );
    // The update names its audit entry: what the toast's Undo sends.
    const [editEntry] = await history('contacts', contact.id);
    expect(edited.auditId).toBe(editEntry?.id);
    expect(editEntry?.action).toBe('update');

    const back = await ok<Saved<Contact>>(
      app.dispatch('contacts:revert', { auditId: edited.auditId, version: edited.version }),
    );
    expect(back.email).toBe('svoboda@example.cz');
    expect(back.version).toBe(edited.version + 1);
    expect(await contactRow(contact.id)).toMatchObject({
      name: 'Petr Svoboda',
      role: 'starosta',
      email: 'svoboda@example.cz',
      phone: '+420 111 222 333',
      version: edited.version + 1,
    });
    // Audited: a new update naming only the field put back, whose id the answer gives.
    const [undoEntry] = await history('contacts', contact.id);
    expect(undoEntry?.id).toBe(back.auditId);
    expect(undoEntry?.action).toBe('update');
    expect(undoEntry?.actor).toBe('Jana Nováková');
    expect(undoEntry?.changes).toEqual([{ field: 'email', from: 'spatny@email.cz', to: 'svoboda@example.cz' }]);

    // The undo is an edit like any other: it can itself be undone.
    const again = await ok<Saved<Contact>>(app.dispatch('contacts:revert', { auditId: back.auditId }));
    expect(again.email).toBe('spatny@email.cz');
    expect(again.version).toBe(back.version + 1);
    // The first edit's entry is history now (the record changed since): refused.
    const twice = await failure(app.dispatch('contacts:revert', { auditId: edited.auditId }));
    expect(twice.code).toBe('CONFLICT');
  });

  it('refuses, naming who and when, once the contact was changed since; nothing is overwritten', async () => {
    const contact = await newContact();
    const mine = await ok<Saved<Contact>>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Petr Svoboda',
        email: 'spatny@email.cz',
      }),
    );
    await ok(app.dispatch('prefs:set', { actorName: 'Karel Kolega' }));
    // A colleague changes another field: the record is no longer what the edit left.
    await ok(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: mine.version,
        side: 'partner',
        name: 'Petr Svoboda',
        phone: '+420 999 888 777',
      }),
    );
    const entries = await auditCount();
    const stored = await contactRow(contact.id);
    for (const input of [{ auditId: mine.auditId }, { auditId: mine.auditId, version: mine.version }]) {
      const refused = await failure(app.dispatch('contacts:revert', input));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.details).toMatchObject({
        reason: 'undo.changedSinceBy',
        // On a server the database account stands beside the name.
        params: { name: expect.stringContaining('Karel Kolega') as unknown },
        changedAt: expect.any(String),
      });
    }
    expect(await contactRow(contact.id)).toEqual(stored);
    expect(await auditCount()).toBe(entries);
  });

  it('refuses the toast’s undo when the version it saw is not the stored one, and a change written without an audit entry', async () => {
    const contact = await newContact();
    const mine = await ok<Saved<Contact>>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Petr Svoboda',
        role: 'místostarosta',
      }),
    );
    const stale = await failure(app.dispatch('contacts:revert', { auditId: mine.auditId, version: mine.version - 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details?.reason).toMatch(/^undo\.changedSince/);
    // Values other than the edit left (written past the audit log): refused too, not overwritten.
    await app.ctx.db.knex('contacts').where({ id: contact.id }).update({ role: 'tajemník' });
    const unaudited = await failure(app.dispatch('contacts:revert', { auditId: mine.auditId }));
    expect(unaudited.code).toBe('CONFLICT');
    expect((await contactRow(contact.id)).role).toBe('tajemník');
  });

  it('refuses, naming who deleted it, once the contact was deleted since; the undo brings nothing back', async () => {
    const contact = await newContact();
    const mine = await ok<Saved<Contact>>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Petr Svobodný',
      }),
    );
    await ok(app.dispatch('prefs:set', { actorName: 'Karel Kolega' }));
    await ok(app.dispatch('contacts:delete', { id: contact.id, version: mine.version }));
    const entries = await auditCount();
    const refused = await failure(app.dispatch('contacts:revert', { auditId: mine.auditId, version: mine.version }));
    expect(refused.code).toBe('NOT_FOUND');
    expect(refused.details).toMatchObject({
      reason: 'undo.changeOfDeletedBy',
      // On a server the database account stands beside the name.
      params: { name: expect.stringContaining('Karel Kolega') as unknown },
      changedAt: expect.any(String),
    });
    expect(await contactRow(contact.id)).toBeUndefined();
    expect(await auditCount()).toBe(entries);
  });

  it('puts back an activity’s date and funding, checked whole; refused once its partnership is gone', async () => {
    const activity = await ok<Activity>(
      app.dispatch('activities:create', {
        partnershipId,
        date: '2023-02-28',
        title: 'Výměna mládeže',
        kind: 'exchange',
        participants: 24,
        fundingProgramme: 'erasmus_plus',
        fundingAmount: 12.5,
        currency: 'EUR',
      }),
    );
    const edited = await ok<Saved<Activity>>(
      app.dispatch('activities:update', {
        id: activity.id,
        version: activity.version,
        date: '2023-03-01',
        title: 'Výměna mládeže',
        participants: 30,
        fundingProgramme: null,
        fundingAmount: null,
        currency: null,
      }),
    );
    expect(edited).toMatchObject({ date: '2023-03-01', fundingAmount: null, currency: null, kind: 'exchange' });
    const back = await ok<Saved<Activity>>(
      app.dispatch('activities:revert', { auditId: edited.auditId, version: edited.version }),
    );
    expect(back).toMatchObject({
      date: '2023-02-28',
      title: 'Výměna mládeže',
      kind: 'exchange',
      participants: 24,
      fundingProgramme: 'erasmus_plus',
      fundingAmount: 12.5,
      currency: 'EUR',
      version: edited.version + 1,
    });
    const [undoEntry] = await history('activities', activity.id);
    expect(undoEntry?.id).toBe(back.auditId);
    expect(undoEntry?.changes.map((change) => change.field).sort()).toEqual(
      ['currency', 'date', 'fundingAmount', 'fundingProgramme', 'participants'].sort(),
    );

    // An undo names a contact's or an activity's update, never another entry.
    const contact = await newContact();
    const [insert] = await history('contacts', contact.id);
    expect((await failure(app.dispatch('contacts:revert', { auditId: insert?.id ?? 0 }))).code).toBe('NOT_FOUND');
    expect((await failure(app.dispatch('contacts:revert', { auditId: back.auditId }))).code).toBe('NOT_FOUND');
    expect((await failure(app.dispatch('activities:revert', { auditId: 999_999 }))).code).toBe('NOT_FOUND');

    // The partnership deleted (its activities with it): the undo says the record is gone.
    const again = await ok<Saved<Activity>>(
      app.dispatch('activities:update', {
        id: activity.id,
        version: back.version,
        date: '2023-02-28',
        title: 'Výměna mládeže 2023',
      }),
    );
    const partnership = await app.ctx.db.knex('partnerships').where({ id: partnershipId }).first<{ version: number }>();
    await ok(app.dispatch('partnerships:delete', { id: partnershipId, version: partnership.version }));
    const gone = await failure(app.dispatch('activities:revert', { auditId: again.auditId }));
    expect(gone.code).toBe('NOT_FOUND');
    expect(gone.details?.reason).toBe('undo.changeOfGone');
  });

  it('says there is nothing to undo for a save that changed no field', async () => {
    const contact = await newContact();
    const same = await ok<Saved<Contact>>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Petr Svoboda',
      }),
    );
    const nothing = await failure(app.dispatch('contacts:revert', { auditId: same.auditId }));
    expect(nothing.code).toBe('NOT_FOUND');
    expect(nothing.details?.reason).toBe('undo.nothingChanged');
    expect((await contactRow(contact.id)).version).toBe(same.version);
  });
});
