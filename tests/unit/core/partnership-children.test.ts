import { writeFileSync } from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogPort } from '../../../electron/core/ports';
import { saveUpload } from '../../../electron/core/services/import/uploads';
import type { Attachment } from '../../../shared/domain/attachments';
import type { Activity, Contact } from '../../../shared/domain/partnerships';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * A partnership's contacts, activities and attachments (partnership-children-service): what an
 * undo of their delete brings back, what an update leaves alone, and, on a server, that a child
 * written while its partnership is deleted is never lost without a word (review 67 #1–#3).
 */

type Failure = { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
type Deleted = { id: number; auditId: number };

describe('contacts, activities and attachments of a partnership', () => {
  let app: TestApp;
  let partnershipId: number;
  let nextFile: string | null = null;
  const dialogs: DialogPort = {
    openFile: () => Promise.resolve(nextFile),
    saveFile: () => Promise.resolve(null),
    chooseFolder: () => Promise.resolve(null),
  };
  beforeEach(async () => {
    app = await createTestApp({ demo: true, dialogs });
    partnershipId = (await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id')).id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  const stored = (table: string, id: number) =>
    app.ctx.db.knex(table).where({ id }).first<Record<string, unknown> & { version: number; created_at: string }>();
  /** An old time of adding, so that a restore that writes the time of the undo is seen. */
  const ADDED = '2021-03-04T05:06:07.000Z';

  it('a contact, an activity and an attachment brought back keep their time of adding and a version above the deleted one: a stale save is refused', async () => {
    const contact = await ok<Contact>(
      app.dispatch('contacts:create', { partnershipId, side: 'cz', name: 'Jana Nováková', email: 'old@example.cz' }),
    );
    const activity = await ok<Activity>(
      app.dispatch('activities:create', { partnershipId, date: '2025-06-01', title: 'Návštěva', kind: 'exchange' }),
    );
    nextFile = path.join(app.dir, 'smlouva.pdf');
    writeFileSync(nextFile, '%PDF-1.4 review 67');
    const attachment = await ok<Attachment | null>(app.dispatch('attachments:add', { partnershipId, file: null }));
    if (attachment === null) throw new Error('nothing attached');
    for (const [table, id] of [
      ['contacts', contact.id],
      ['activities', activity.id],
      ['attachments', attachment.id],
    ] as const)
      await app.ctx.db.knex(table).where({ id }).update({ created_at: ADDED });

    // Staff B fixes each (version 2), deletes it by mistake and brings it back from the bin.
    const fixed = {
      contacts: await ok<Contact>(
        app.dispatch('contacts:update', {
          id: contact.id,
          version: 1,
          side: 'cz',
          name: 'Jana Nováková',
          email: 'fixed@example.cz',
        }),
      ),
      activities: await ok<Activity>(
        app.dispatch('activities:update', {
          id: activity.id,
          version: 1,
          date: '2025-06-02',
          title: 'Návštěva',
          kind: 'exchange',
        }),
      ),
      attachments: await ok<Attachment>(
        app.dispatch('attachments:update', {
          id: attachment.id,
          version: 1,
          description: 'Podepsáno 1994',
          activityId: null,
        }),
      ),
    };
    for (const table of ['contacts', 'activities', 'attachments'] as const) {
      const { id, version } = fixed[table];
      expect(version).toBe(2);
      const deleted = await ok<Deleted>(app.dispatch(`${table}:delete`, { id, version }));
      await ok(app.dispatch('bin:restore', { auditId: deleted.auditId }));
      const back = await stored(table, id);
      expect(back.version, table).toBe(3);
      expect(back.created_at, table).toBe(ADDED);
    }
    expect(await stored('contacts', contact.id)).toMatchObject({ email: 'fixed@example.cz' });
    // "Added on" of the attachment is the day it was added, not the day of the undo.
    const detail = await ok<{ attachments: Attachment[] }>(app.dispatch('partnerships:get', { id: partnershipId }));
    expect(detail.attachments.find((a) => a.id === attachment.id)?.createdAt).toBe(ADDED);

    // Staff A saves the form opened at version 1 (or B's at version 2): refused, nothing overwritten.
    for (const version of [1, 2]) {
      const stale = [
        await app.dispatch('contacts:update', {
          id: contact.id,
          version,
          side: 'cz',
          name: 'Jana Nováková',
          email: 'old@example.cz',
        }),
        await app.dispatch('activities:update', {
          id: activity.id,
          version,
          date: '2025-06-01',
          title: 'Návštěva',
          kind: 'exchange',
        }),
        await app.dispatch('attachments:update', { id: attachment.id, version, description: null, activityId: null }),
      ];
      for (const answer of stale) expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(await stored('contacts', contact.id)).toMatchObject({ email: 'fixed@example.cz' });
    expect(await stored('activities', activity.id)).toMatchObject({ date: '2025-06-02' });
    expect(await stored('attachments', attachment.id)).toMatchObject({ description: 'Podepsáno 1994' });
  });

  it('a delete recorded before versions were kept brings the record back above every version it had', async () => {
    const knex = app.ctx.db.knex;
    const contact = await ok<Contact>(
      app.dispatch('contacts:create', { partnershipId, side: 'partner', name: 'Hans' }),
    );
    let version = contact.version;
    for (const role of ['Bürgermeister', 'Kulturreferent', 'Altbürgermeister'])
      version = (
        await ok<Contact>(
          app.dispatch('contacts:update', { id: contact.id, version, side: 'partner', name: 'Hans', role }),
        )
      ).version;
    expect(version).toBe(4);
    const insert = await knex('audit_log')
      .where({ table_name: 'contacts', record_id: contact.id, action: 'insert' })
      .first<{ at: string }>('at');
    const deleted = await ok<Deleted>(app.dispatch('contacts:delete', { id: contact.id, version }));
    // The entry as a delete wrote it before review 67: the fields, no version, no time of adding.
    const entry = await knex('audit_log').where({ id: deleted.auditId }).first<{ before: string }>('before');
    const old = JSON.parse(entry.before) as Record<string, unknown>;
    delete old.version;
    delete old.createdAt;
    await knex('audit_log')
      .where({ id: deleted.auditId })
      .update({ before: JSON.stringify(old) });

    await ok(app.dispatch('bin:restore', { auditId: deleted.auditId }));
    const back = await stored('contacts', contact.id);
    expect(back).toMatchObject({ role: 'Altbürgermeister' });
    expect(back.version).toBeGreaterThan(4);
    // Its time of adding is its insert's.
    expect(back.created_at).toBe(insert.at);
    for (let stale = 1; stale <= 4; stale += 1)
      expect(
        await app.dispatch('contacts:update', { id: contact.id, version: stale, side: 'partner', name: 'Hans' }),
      ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an update changes only the fields it names; a field sent empty is cleared', async () => {
    const activity = await ok<Activity>(
      app.dispatch('activities:create', {
        partnershipId,
        date: '2025-06-01',
        dateEnd: '2025-06-05',
        title: 'Festival week',
        kind: 'cultural_event',
        description: 'Programme agreed with the mayor',
        participants: 40,
        fundingProgramme: 'erasmus_plus',
        fundingAmount: 1200,
        currency: 'EUR',
      }),
    );
    // As the activity form sends it: without the end date and the description.
    const titled = await ok<Activity>(
      app.dispatch('activities:update', {
        id: activity.id,
        version: activity.version,
        date: '2025-06-01',
        title: 'Festival week 2025',
        kind: 'cultural_event',
        participants: 40,
        fundingProgramme: 'erasmus_plus',
        fundingAmount: 1200,
        currency: 'EUR',
      }),
    );
    expect(titled).toMatchObject({
      title: 'Festival week 2025',
      dateEnd: '2025-06-05',
      description: 'Programme agreed with the mayor',
      version: 2,
    });
    // An API client that names no kind leaves it (it was made 'other').
    const dated = await ok<Activity>(
      app.dispatch('activities:update', {
        id: activity.id,
        version: 2,
        date: '2025-06-02',
        title: 'Festival week 2025',
      }),
    );
    expect(dated).toMatchObject({
      kind: 'cultural_event',
      participants: 40,
      fundingProgramme: 'erasmus_plus',
      fundingAmount: 1200,
      currency: 'EUR',
      dateEnd: '2025-06-05',
    });
    // Named empty: cleared.
    const cleared = await ok<Activity>(
      app.dispatch('activities:update', {
        id: activity.id,
        version: 3,
        date: '2025-06-02',
        title: 'Festival week 2025',
        dateEnd: '',
        description: null,
        participants: null,
        fundingProgramme: null,
        fundingAmount: null,
        currency: null,
      }),
    );
    expect(cleared).toMatchObject({
      dateEnd: null,
      description: null,
      participants: null,
      fundingProgramme: null,
      fundingAmount: null,
      currency: null,
      kind: 'cultural_event',
    });
    // The history says what changed, nothing else.
    const history = await ok<{ action: string; changes: { field: string }[] }[]>(
      app.dispatch('audit:history', { table: 'activities', recordId: activity.id }),
    );
    expect(history.map((entry) => entry.changes.map((change) => change.field).sort())).toEqual([
      ['currency', 'dateEnd', 'description', 'fundingAmount', 'fundingProgramme', 'participants'],
      ['date'],
      ['title'],
      expect.any(Array),
    ]);

    const contact = await ok<Contact>(
      app.dispatch('contacts:create', {
        partnershipId,
        side: 'partner',
        name: 'Hans Meier',
        email: 'hans@example.de',
        language: 'de',
        notes: 'Speaks no English',
      }),
    );
    // As the contact form sends it: without language and notes; the e-mail cleared.
    const roled = await ok<Contact>(
      app.dispatch('contacts:update', {
        id: contact.id,
        version: contact.version,
        side: 'partner',
        name: 'Hans Meier',
        role: 'Bürgermeister',
        email: '',
        phone: '',
      }),
    );
    expect(roled).toMatchObject({
      role: 'Bürgermeister',
      email: null,
      phone: null,
      language: 'de',
      notes: 'Speaks no English',
    });
    const renamed = await ok<Contact>(
      app.dispatch('contacts:update', { id: contact.id, version: 2, side: 'partner', name: 'Hans Meier-Huber' }),
    );
    expect(renamed).toMatchObject({ role: 'Bürgermeister', language: 'de', notes: 'Speaks no English' });
    // A delete and its undo bring back the record as it was, every field.
    const deleted = await ok<Deleted>(app.dispatch('contacts:delete', { id: contact.id, version: renamed.version }));
    await ok(app.dispatch('bin:restore', { auditId: deleted.auditId }));
    expect(await stored('contacts', contact.id)).toMatchObject({
      name: 'Hans Meier-Huber',
      role: 'Bürgermeister',
      language: 'de',
      notes: 'Speaks no English',
    });
  });

  it('an update is checked with the fields it leaves as stored: an end before the start, an amount without its currency', async () => {
    const activity = await ok<Activity>(
      app.dispatch('activities:create', {
        partnershipId,
        date: '2025-06-01',
        dateEnd: '2025-06-05',
        title: 'Festival week',
        fundingProgramme: 'erasmus_plus',
        fundingAmount: 1200,
        currency: 'EUR',
      }),
    );
    const late = (await app.dispatch('activities:update', {
      id: activity.id,
      version: 1,
      date: '2025-06-10',
      title: 'Festival week',
    })) as Failure;
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(late.error.details?.issues).toEqual([{ path: 'dateEnd', message: 'validation.endBeforeStart' }]);
    const noCurrency = await app.dispatch('activities:update', {
      id: activity.id,
      version: 1,
      date: '2025-06-01',
      title: 'Festival week',
      currency: null,
    });
    expect(noCurrency).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: 'currency', message: 'validation.currencyRequired' }] },
      },
    });
    expect(await stored('activities', activity.id)).toMatchObject({ version: 1, date: '2025-06-01', currency: 'EUR' });
  });

  it('an activity added without a kind is of a kind not stated, never one nobody chose (walkthrough 20)', async () => {
    const activity = await ok<Activity>(
      app.dispatch('activities:create', { partnershipId, date: '2025-06-01', title: 'Setkání' }),
    );
    expect(activity).toMatchObject({ kind: 'unknown', dateEnd: null, description: null, participants: null });
  });
});

/**
 * On a server two staff members write at once: a partnership's delete reads its snapshot (what its
 * undo puts back) while another client adds or edits one of its children. The delete holds the
 * partnership's row from before its snapshot; a child write holds it (shared) until it commits.
 * Here a third connection plays the other side at the moment that mattered, holding its locks
 * until the test lets it go; the app's own write is seen waiting on the server before it does.
 */
describe.skipIf(!onServer())('a partnership deleted while its children are written (a registry on a server)', () => {
  let app: TestApp;
  let other: Knex | null = null;
  let watcher: Knex | null = null;
  beforeEach(async () => {
    app = await createTestApp({ demo: true });
  });
  afterEach(async () => {
    await other?.destroy();
    await watcher?.destroy();
    other = null;
    watcher = null;
    await app.cleanup();
  });
  const open = () => knex({ client: 'pg', connection: { connectionString: app.dbPath }, pool: { min: 0, max: 1 } });
  /** How many statements of the app wait for a lock on the server now. */
  const waiting = async () =>
    Number(
      (
        await (watcher ??= open()).raw<{ rows: { n: string }[] }>(
          "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and application_name = 'twinning-registry'",
        )
      ).rows[0]?.n ?? 0,
    );

  it('a child written while the delete starts is in its snapshot: the undo brings it back', async () => {
    const knex = app.ctx.db.knex;
    const p = await knex('partnerships').orderBy('id').first<{ id: number; version: number }>('id', 'version');
    const edited = await ok<Contact>(
      app.dispatch('contacts:create', { partnershipId: p.id, side: 'cz', name: 'Eva Stará', email: 'old@example.cz' }),
    );
    // Staff B's writes, not committed yet: a contact added, another's e-mail fixed, as core writes them.
    other = open();
    const trx = await other.transaction();
    let deleting: ReturnType<typeof app.dispatch> | null = null;
    let added: { id: number } | undefined;
    try {
      await trx.raw('select id from partnerships where id = ? for share', [p.id]);
      const at = new Date().toISOString();
      [added] = await trx('contacts')
        .insert({
          partnership_id: p.id,
          side: 'partner',
          name: 'Added by B',
          version: 1,
          created_at: at,
          updated_at: at,
        })
        .returning<{ id: number }[]>('id');
      await trx('contacts').where({ id: edited.id }).update({ email: 'fixed@example.cz', version: 2 });

      // Staff A deletes the partnership: it waits for B's writes.
      deleting = app.dispatch('partnerships:delete', { id: p.id, version: p.version });
      await expect.poll(waiting, { timeout: 20_000 }).toBe(1);
      await trx.commit();
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
    if (deleting === null) throw new Error('the delete did not start');
    const { auditId } = await ok<{ auditId: number }>(deleting);

    await ok(app.dispatch('partnerships:restore', { auditId }));
    expect(await knex('contacts').where({ id: added?.id }).first('name')).toEqual({ name: 'Added by B' });
    expect(await knex('contacts').where({ id: edited.id }).first('email')).toEqual({ email: 'fixed@example.cz' });
  });

  it('a child written while the delete holds its partnership waits, then is refused: nothing lost without a word', async () => {
    const knex = app.ctx.db.knex;
    const p = await knex('partnerships').orderBy('id').first<{ id: number }>('id');
    const contact = await ok<Contact>(
      app.dispatch('contacts:create', { partnershipId: p.id, side: 'cz', name: 'Eva Stará' }),
    );
    const activity = await ok<Activity>(
      app.dispatch('activities:create', { partnershipId: p.id, date: '2025-06-01', title: 'Návštěva' }),
    );
    const upload = await saveUpload('smlouva.pdf', Buffer.from('%PDF-1.7 review 67'));
    // Staff A's delete holds the partnership (as deletePartnership does before its snapshot).
    other = open();
    const trx = await other.transaction();
    let writes: ReturnType<typeof app.dispatch>[] = [];
    try {
      await trx.raw('select id from partnerships where id = ? for update', [p.id]);
      // As many as the app's connections to the server (4): each waits on the partnership.
      writes = [
        app.dispatch('contacts:create', { partnershipId: p.id, side: 'partner', name: 'Added by B' }),
        app.dispatch('contacts:update', { id: contact.id, version: 1, side: 'cz', name: 'Eva Nová' }),
        app.dispatch('activities:delete', { id: activity.id, version: 1 }),
        app.dispatch('attachments:add', { partnershipId: p.id, file: upload }),
      ];
      await expect.poll(waiting, { timeout: 20_000 }).toBe(writes.length);
      await trx('partnerships').where({ id: p.id }).delete();
      await trx.commit();
    } finally {
      if (!trx.isCompleted()) await trx.rollback();
    }
    const answers = await Promise.all(writes);
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((answer as Failure).error.message).toMatch(/partnership/i);
    }
    expect(await knex('contacts').where({ name: 'Added by B' }).first('id')).toBeUndefined();
    expect(await knex('attachments').where({ partnership_id: p.id }).first('id')).toBeUndefined();
  });
});
