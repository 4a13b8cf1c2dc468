import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openKnex } from '../../../electron/core/db/connection';
import type { DialogPort } from '../../../electron/core/ports';
import { startWebServer } from '../../../electron/cli/web-server';
import { attachmentReader } from '../../../electron/core/services/attachments-service';
import { saveUpload } from '../../../electron/core/services/import/uploads';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/domain/attachments';
import { inspectDatabase } from '../../../electron/core/db/database';
import { fileOnly } from '../../support/server-db';
import { createTestApp, ok, type TestApp } from '../../support/temp-db';

/**
 * Attachments of a partnership (first-use review, "Missing things": a scanned agreement, a
 * council resolution, photos), on the engine of the run: kept inside the registry, audited,
 * deleted and brought back whole, carried along by every path that moves a partnership's children.
 */

type Detail = { id: number; version: number; attachments: Attachment[]; contacts: unknown[]; activities: unknown[] };
type Failure = { ok: false; error: { code: string; details?: { reason?: string } } };

describe('attachments of a partnership', () => {
  let app: TestApp;
  /** What the host's dialogs answer next: the file to open, where to save. */
  const answer: { open: string | null; save: string | null } = { open: null, save: null };
  const dialogs: DialogPort = {
    openFile: () => Promise.resolve(answer.open),
    saveFile: () => Promise.resolve(answer.save),
    chooseFolder: () => Promise.resolve(null),
  };
  let partnershipId: number;

  beforeEach(async () => {
    app = await createTestApp({ demo: true, dialogs });
    const row = await app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id');
    partnershipId = row.id;
  });
  afterEach(async () => {
    await app.cleanup();
  });

  /** A file in the test's folder with these bytes. */
  const file = (name: string, bytes: Uint8Array | string): string => {
    const filePath = path.join(app.dir, name);
    writeFileSync(filePath, bytes);
    return filePath;
  };
  const attach = async (filePath: string, id = partnershipId): Promise<Attachment> => {
    answer.open = filePath;
    const added = await ok<Attachment | null>(app.dispatch('attachments:add', { partnershipId: id, file: null }));
    if (added === null) throw new Error('nothing attached');
    return added;
  };
  const detail = (id = partnershipId) => ok<Detail>(app.dispatch('partnerships:get', { id }));
  const count = async (table: string) =>
    Number((await app.ctx.db.knex(table).count<{ n: number | string }[]>({ n: '*' }))[0]?.n ?? 0);

  it('keeps a scanned agreement in the registry: listed, audited, and saved back byte for byte', async () => {
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
    const added = await attach(file('Smlouva podepsaná 1994.pdf', scan));
    expect(added).toMatchObject({
      partnershipId,
      fileName: 'Smlouva podepsaná 1994.pdf',
      mediaType: 'application/pdf',
      size: scan.byteLength,
      description: null,
    });
    expect((await detail()).attachments.map((a) => a.id)).toEqual([added.id]);
    const audit = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'attachments', record_id: added.id, action: 'insert' })
      .first<{ after: string }>('after');
    expect(JSON.parse(audit.after)).toMatchObject({ partnershipId, fileName: added.fileName, sha256: added.sha256 });
    // The bytes are not in the audit log: only their hash.
    expect(audit.after.length).toBeLessThan(500);

    answer.save = path.join(app.dir, 'copy.pdf');
    const saved = await ok<{ filePath: string }>(app.dispatch('attachments:save', { id: added.id }));
    expect(saved.filePath).toBe(answer.save);
    expect(readFileSync(saved.filePath).equals(scan)).toBe(true);

    // Closing the dialogs changes nothing.
    answer.open = null;
    expect(await ok(app.dispatch('attachments:add', { partnershipId, file: null }))).toBeNull();
    answer.save = null;
    const cancelled = (await app.dispatch('attachments:save', { id: added.id })) as Failure;
    expect(cancelled.error.code).toBe('CANCELLED');
    expect(await count('attachments')).toBe(1);
  });

  it('opens an attachment with the system’s program on the desktop, from a private copy; a browser window is told to save a copy', async () => {
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4_000)]);
    const added = await attach(file('usnesení ZM.pdf', scan));
    const refused = (await app.dispatch('attachments:open', { id: added.id })) as Failure;
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'attachments.error.cannotOpen' } });

    const opened: string[] = [];
    app.ctx.openWithSystem = (filePath) => {
      opened.push(filePath);
      return Promise.resolve();
    };
    const { filePath } = await ok<{ filePath: string }>(app.dispatch('attachments:open', { id: added.id }));
    expect(opened).toEqual([filePath]);
    expect(path.basename(filePath)).toBe('usnesení ZM.pdf');
    expect(readFileSync(filePath).equals(scan)).toBe(true);
    if (process.platform !== 'win32') {
      expect(statSync(filePath).mode & 0o077).toBe(0);
      expect(statSync(path.dirname(path.dirname(filePath))).mode & 0o077).toBe(0);
    }
    // The system cannot open it: said, with the file named.
    app.ctx.openWithSystem = () => Promise.reject(new Error('No application is associated'));
    const failed = (await app.dispatch('attachments:open', { id: added.id })) as Failure;
    expect(failed.error).toMatchObject({ code: 'IO', details: { reason: 'attachments.error.open' } });
  });

  it('twinreg check finds an attachment whose stored bytes no longer have their hash', async (context) => {
    fileOnly(context, 'twinreg check reads registry files');
    const added = await attach(file('smlouva.pdf', Buffer.from('%PDF-1.7 original')));
    await attach(file('jiná.pdf', Buffer.from('%PDF-1.7 other')));
    expect(await inspectDatabase(app.dbPath)).toMatchObject({ ok: true, problems: [] });
    // Bytes changed behind the app's back (a bad sector, a hand edit): same length, other content.
    await app.ctx.db
      .knex('attachment_contents')
      .where({ sha256: added.sha256 })
      .update({ content: Buffer.from('%PDF-1.7 ORIGINAL') });
    const inspected = await inspectDatabase(app.dbPath);
    expect(inspected.ok).toBe(false);
    expect(inspected.problems).toEqual([
      `attachment content ${added.sha256.slice(0, 12)}… (smlouva.pdf) does not match its hash`,
    ]);
    // Saving a copy refuses the damaged bytes instead of writing them.
    answer.save = path.join(app.dir, 'kopie.pdf');
    const refused = (await app.dispatch('attachments:save', { id: added.id })) as Failure;
    expect(refused.error).toMatchObject({ code: 'IO', details: { reason: 'attachments.error.damaged' } });
  });

  it('the web preview serves an attachment only with the token, as a sandboxed download of its checked bytes', async () => {
    const photo = randomBytes(9_000);
    const added = await attach(file('návštěva <script>.png', photo));
    const server = await startWebServer({
      dispatch: app.dispatch,
      staticDir: app.dir,
      readAttachment: attachmentReader(app.ctx),
    });
    const base = `http://127.0.0.1:${String(server.port)}/api/attachments/`;
    const headers = { 'x-twinreg-token': server.token };
    try {
      expect((await fetch(`${base}${String(added.id)}`)).status).toBe(401);
      expect((await fetch(`${base}${String(added.id)}?token=${server.token}`)).status).toBe(401);
      const served = await fetch(`${base}${String(added.id)}`, { headers });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('content-disposition')).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent('návštěva _script_.png')}`,
      );
      expect(served.headers.get('content-security-policy')).toBe('sandbox');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await served.arrayBuffer()).equals(photo)).toBe(true);
      const missing = await fetch(`${base}999999`, { headers });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect((await fetch(`${base}0`, { headers })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('stores the same bytes once, however often they are attached', async () => {
    const photo = randomBytes(50_000);
    const other = await app.ctx.db.knex('partnerships').whereNot({ id: partnershipId }).first<{ id: number }>('id');
    await attach(file('foto.jpg', photo));
    await attach(file('foto kopie.JPG', photo), other.id);
    expect(await count('attachments')).toBe(2);
    expect(await count('attachment_contents')).toBe(1);
    // A name with a control character is kept as a name a file can have again.
    expect((await attach(file('zpráva\u0007 2024.pdf', '%PDF'))).fileName).toBe('zpráva_ 2024.pdf');
  });

  it('refuses what cannot be attached with a reason naming the file, and writes nothing', async () => {
    const refusal = async (filePath: string) => {
      answer.open = filePath;
      const result = (await app.dispatch('attachments:add', { partnershipId, file: null })) as Failure;
      expect(result.ok).toBe(false);
      return result.error;
    };
    expect(await refusal(file('setup.exe', 'MZ'))).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'attachments.error.fileType', params: { file: 'setup.exe', extension: 'exe' } },
    });
    expect(await refusal(file('prázdné.pdf', ''))).toMatchObject({
      details: { reason: 'attachments.error.empty' },
    });
    expect(await refusal(file('velké.pdf', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)))).toMatchObject({
      details: { reason: 'attachments.error.tooLarge', params: { max: 20 } },
    });
    expect(await refusal(path.join(app.dir, 'není.pdf'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { reason: 'attachments.error.unreadable' },
    });
    answer.open = file('ok.pdf', '%PDF');
    const missing = (await app.dispatch('attachments:add', { partnershipId: 999_999, file: null })) as Failure;
    expect(missing.error.code).toBe('NOT_FOUND');
    // A path from the page is refused at the gate: only an upload's handle or the host's dialog.
    const pathFromPage = (await app.dispatch('attachments:add', {
      partnershipId,
      file: '/etc/passwd',
    })) as Failure;
    expect(pathFromPage.error.code).toBe('VALIDATION');
    expect(await count('attachments')).toBe(0);
    expect(await count('attachment_contents')).toBe(0);
  });

  it('takes a file dropped on the desktop window by its path, and only there', async () => {
    const dropped = file('fotky z výměny.jpg', randomBytes(3_000));
    const added = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, droppedPath: dropped }),
    );
    expect(added.fileName).toBe('fotky z výměny.jpg');
    const relative = (await app.dispatch('attachments:add', {
      partnershipId,
      file: null,
      droppedPath: 'fotky.jpg',
    })) as Failure;
    expect(relative.error.code).toBe('VALIDATION');
    // The web bridge's page may not name paths on the server.
    app.ctx.acceptsLocalPaths = false;
    const web = (await app.dispatch('attachments:add', { partnershipId, file: null, droppedPath: dropped })) as Failure;
    expect(web.error.code).toBe('FORBIDDEN');
    expect(await count('attachments')).toBe(1);
  });

  it('takes a file uploaded through the browser bridge by its handle, and says when the handle is stale', async () => {
    const handle = await saveUpload('usnesení 12-2024.pdf', Buffer.from('%PDF-1.4 usnesení'));
    const added = await ok<Attachment>(app.dispatch('attachments:add', { partnershipId, file: handle }));
    expect(added.fileName).toBe('usnesení 12-2024.pdf');
    const stale = (await app.dispatch('attachments:add', {
      partnershipId,
      file: `upload:${'0'.repeat(32)}`,
    })) as Failure;
    expect(stale.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'attachments.error.gone' } });
  });

  it('a deleted attachment is in the bin and comes back with its bytes; so with its partnership', async () => {
    const bytes = randomBytes(10_000);
    const added = await attach(file('foto z návštěvy.png', bytes));
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('attachments:delete', { id: added.id, version: added.version }),
    );
    expect((await detail()).attachments).toEqual([]);
    const bin = await ok<{ table: string; label: string; auditId: number }[]>(app.dispatch('bin:list', {}));
    expect(bin).toContainEqual(
      expect.objectContaining({ table: 'attachments', label: 'foto z návštěvy.png', auditId }),
    );
    await ok(app.dispatch('bin:restore', { auditId }));
    const back = (await detail()).attachments;
    expect(back).toEqual([expect.objectContaining({ id: added.id, sha256: added.sha256, fileName: added.fileName })]);

    // The whole partnership deleted and undone: its attachment with it. The delete dialog counts
    // what goes with it before anything goes, with the version the delete is made against.
    const before = await detail();
    expect(await ok(app.dispatch('partnerships:deleteImpact', { id: partnershipId }))).toEqual({
      version: before.version,
      contacts: before.contacts.length,
      activities: before.activities.length,
      agreements: 0,
      attachments: 1,
    });
    expect((await app.dispatch('partnerships:deleteImpact', { id: 999_999 })).ok).toBe(false);
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: partnershipId, version: before.version }),
    );
    expect(await count('attachments')).toBe(0);
    // Its bytes stay for the undo.
    expect(await count('attachment_contents')).toBe(1);
    await ok(app.dispatch('partnerships:restore', { auditId: deleted.auditId }));
    expect((await detail()).attachments.map((a) => a.id)).toEqual([added.id]);
    answer.save = path.join(app.dir, 'zpět.png');
    await ok(app.dispatch('attachments:save', { id: added.id }));
    expect(readFileSync(answer.save).equals(bytes)).toBe(true);
    // The partnership's history names the attachment's insert, delete and restore.
    const history = await ok<{ action: string; child?: { table: string; label: string } }[]>(
      app.dispatch('audit:history', { table: 'partnerships', recordId: partnershipId, withChildren: true }),
    );
    const own = history.filter((e) => e.child?.table === 'attachments');
    expect(own.map((e) => e.action).sort()).toEqual(['delete', 'insert', 'restore']);
    expect(own.every((e) => e.child?.label === 'foto z návštěvy.png')).toBe(true);
  });

  /** The member a partnership belongs to, with its version (to delete it). */
  const memberOf = (id: number) =>
    app.ctx.db
      .knex('partnerships')
      .join('municipalities as m', 'm.id', 'partnerships.municipality_id')
      .where('partnerships.id', id)
      .first<{ id: number; version: number }>('m.id', 'm.version');
  /** A new activity of a partnership (the demo's may be few). */
  const activityOf = (id: number, title: string) =>
    ok<{ id: number; version: number }>(
      app.dispatch('activities:create', { partnershipId: id, date: '2024-05-18', title }),
    );
  const otherPartnership = async () =>
    (await app.ctx.db.knex('partnerships').whereNot({ id: partnershipId }).orderBy('id').first<{ id: number }>('id'))
      .id;

  it('belongs to an activity of its partnership: named when added or edited, audited; another partnership’s activity is refused', async () => {
    const visit = await activityOf(partnershipId, 'Návštěva hasičů');
    const foreign = await activityOf(await otherPartnership(), 'Jarmark');
    answer.open = file('hasiči 2024.jpg', randomBytes(3_000));
    const added = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, activityId: visit.id, description: ' Fotky ' }),
    );
    expect(added).toMatchObject({ activityId: visit.id, description: 'Fotky' });

    // Another partnership's activity: refused at add and at edit, naming the field; nothing written.
    answer.open = file('cizí.jpg', randomBytes(3_000));
    const refusedAdd = (await app.dispatch('attachments:add', {
      partnershipId,
      file: null,
      activityId: foreign.id,
    })) as Failure & { error: { details?: { issues?: { path: unknown }[] } } };
    expect(refusedAdd.ok).toBe(false);
    expect(refusedAdd.error.code).toBe('VALIDATION');
    expect(refusedAdd.error.details?.issues?.[0]?.path).toBe('activityId');
    const refusedEdit = (await app.dispatch('attachments:update', {
      id: added.id,
      version: added.version,
      description: 'jinam',
      activityId: foreign.id,
    })) as Failure;
    expect(refusedEdit.error.code).toBe('VALIDATION');
    expect(await count('attachments')).toBe(1);
    expect((await detail()).attachments).toEqual([
      expect.objectContaining({ description: 'Fotky', activityId: visit.id }),
    ]);

    // An edit changes the description and the activity only; a stale version is a conflict.
    const edited = await ok<Attachment>(
      app.dispatch('attachments:update', {
        id: added.id,
        version: added.version,
        description: 'Fotografie z návštěvy',
        activityId: null,
      }),
    );
    expect(edited).toMatchObject({
      version: added.version + 1,
      description: 'Fotografie z návštěvy',
      activityId: null,
      fileName: 'hasiči 2024.jpg',
      sha256: added.sha256,
    });
    const stale = (await app.dispatch('attachments:update', {
      id: added.id,
      version: added.version,
      description: 'přepis',
      activityId: null,
    })) as Failure;
    expect(stale.error.code).toBe('CONFLICT');
    const history = await ok<
      { action: string; child?: { table: string }; changes: { field: string; from: unknown; to: unknown }[] }[]
    >(app.dispatch('audit:history', { table: 'partnerships', recordId: partnershipId, withChildren: true }));
    const update = history.find((e) => e.child?.table === 'attachments' && e.action === 'update');
    expect(update?.changes).toEqual(
      expect.arrayContaining([
        { field: 'description', from: 'Fotky', to: 'Fotografie z návštěvy' },
        { field: 'activityId', from: visit.id, to: null },
      ]),
    );
  });

  it('keeps its activity while the activity is deleted, so the activity’s undo finds its photos again', async () => {
    const visit = await activityOf(partnershipId, 'Den obce');
    answer.open = file('den obce.jpg', randomBytes(2_000));
    const added = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, activityId: visit.id }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('activities:delete', { id: visit.id, version: visit.version }),
    );
    // The attachment stays with the partnership and still names the activity.
    expect((await detail()).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: visit.id })]);
    await ok(app.dispatch('bin:restore', { auditId }));
    expect((await detail()).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: visit.id })]);

    // With the whole partnership deleted and undone, and with its member, the link comes back too.
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('partnerships:delete', { id: partnershipId, version: (await detail()).version }),
    );
    await ok(app.dispatch('partnerships:restore', { auditId: deleted.auditId }));
    expect((await detail()).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: visit.id })]);
    const owner = await memberOf(partnershipId);
    const gone = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: owner.id, version: owner.version }),
    );
    await ok(app.dispatch('bin:restore', { auditId: gone.auditId }));
    expect((await detail()).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: visit.id })]);
  });

  it('an attachment restored from the bin does not name an activity that has become another partnership’s', async () => {
    const visit = await activityOf(partnershipId, 'Výměna žáků');
    answer.open = file('žáci.jpg', randomBytes(2_000));
    const added = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, activityId: visit.id }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('attachments:delete', { id: added.id, version: added.version }),
    );
    // Meanwhile the activity was moved to another partnership (say, by another program).
    await app.ctx.db
      .knex('activities')
      .where({ id: visit.id })
      .update({ partnership_id: await otherPartnership() });
    await ok(app.dispatch('bin:restore', { auditId }));
    expect((await detail()).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: null })]);
  });

  it('keeps a demo partnership that staff attached a file to when the demo data is removed', async () => {
    const added = await attach(file('skutečná smlouva.pdf', Buffer.from('%PDF-1.7 real')));
    // A photo of one of its demo activities keeps that activity; its other demo activities go.
    const demoActivities = await app.ctx.db
      .knex('activities')
      .where({ partnership_id: partnershipId })
      .orderBy('id')
      .pluck<number[]>('id');
    const photographed = demoActivities[0];
    if (photographed === undefined || demoActivities.length < 2)
      throw new Error('the demo partnership has fewer than two activities');
    answer.open = file('fotka.jpg', randomBytes(500));
    const photo = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, activityId: photographed }),
    );
    const before = await count('partnerships');
    const result = await ok<{ kept: Record<string, number> }>(app.dispatch('demo:remove', {}));
    expect(result.kept.partnerships).toBe(1);
    expect(await count('partnerships')).toBeLessThan(before);
    expect((await detail()).attachments.map((a) => a.id)).toEqual([added.id, photo.id]);
    expect(await app.ctx.db.knex('activities').where({ partnership_id: partnershipId }).pluck<number[]>('id')).toEqual([
      photographed,
    ]);
  });

  it('goes with a deleted member and comes back with it', async () => {
    const owner = await memberOf(partnershipId);
    const added = await attach(file('memorandum.docx', randomBytes(2_000)));
    // The delete dialog counts it before anything goes.
    expect(await ok(app.dispatch('municipalities:deleteImpact', { id: owner.id }))).toMatchObject({ attachments: 1 });
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('municipalities:delete', { id: owner.id, version: owner.version }),
    );
    expect(await count('attachments')).toBe(0);
    await ok(app.dispatch('bin:restore', { auditId: deleted.auditId }));
    expect((await detail()).attachments.map((a) => a.id)).toEqual([added.id]);
  });

  /** Two partnerships of one member (what a merge joins): the kept one first. */
  const mergeablePair = async (): Promise<[number, number]> => {
    const knex = app.ctx.db.knex;
    const pair = await knex('partnerships')
      .select('municipality_id')
      .groupBy('municipality_id')
      .havingRaw('count(*) > 1')
      .first<{ municipality_id: number }>();
    const [keep, merge] = await knex('partnerships')
      .where({ municipality_id: pair.municipality_id })
      .orderBy('id')
      .limit(2)
      .pluck<number[]>('id');
    if (keep === undefined || merge === undefined) throw new Error('the demo data has no member with two partnerships');
    return [keep, merge];
  };
  const attachmentRow = (id: number) =>
    app.ctx.db.knex('attachments').where({ id }).first<{ partnership_id: number; activity_id: number | null }>();
  const historyOf = (id: number) =>
    ok<
      {
        action: string;
        child?: { table: string; id?: number };
        changes: { field: string; from: unknown; to: unknown }[];
      }[]
    >(app.dispatch('audit:history', { table: 'partnerships', recordId: id, withChildren: true }));

  it('moves to the kept partnership of a merge, and back when the merge is undone', async () => {
    const [keep, merge] = await mergeablePair();
    const trip = await activityOf(merge, 'Zájezd');
    answer.open = file('fotky.pdf', randomBytes(1_000));
    const added = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId: merge, file: null, activityId: trip.id }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keep, mergeId: merge }),
    );
    // The activity moved with it: the link still names an activity of its (now kept) partnership.
    const kept = await detail(keep);
    expect(kept.attachments).toEqual([expect.objectContaining({ id: added.id, activityId: trip.id })]);
    expect(await app.ctx.db.knex('activities').where({ id: trip.id }).first('partnership_id')).toEqual({
      partnership_id: keep,
    });
    await ok(app.dispatch('merges:restore', { auditId }));
    expect((await detail(merge)).attachments).toEqual([expect.objectContaining({ id: added.id, activityId: trip.id })]);
    expect((await detail(keep)).attachments).toEqual([]);
  });

  it('never names another partnership’s activity after a merge is undone or an activity restored: the link is dropped, audited', async () => {
    const [keep, merge] = await mergeablePair();
    const theirs = await activityOf(merge, 'Jejich výstava');
    const ours = await activityOf(keep, 'Naše slavnost');
    answer.open = file('výstava.jpg', randomBytes(700));
    const moved = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId: merge, file: null, activityId: theirs.id }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keep, mergeId: merge }),
    );
    // After the merge: a new photo of the moved activity, and the moved photo linked to the kept one's.
    answer.open = file('po sloučení.jpg', randomBytes(800));
    const later = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId: keep, file: null, activityId: theirs.id }),
    );
    const movedNow = (await detail(keep)).attachments.find((a) => a.id === moved.id);
    if (movedNow === undefined) throw new Error('the moved attachment is not on the kept partnership');
    await ok(
      app.dispatch('attachments:update', {
        id: moved.id,
        version: movedNow.version,
        description: null,
        activityId: ours.id,
      }),
    );
    await ok(app.dispatch('merges:restore', { auditId }));
    // Each file stays where the undo puts it, without a link to the other partnership's activity.
    expect(await attachmentRow(later.id)).toMatchObject({ partnership_id: keep, activity_id: null });
    expect(await attachmentRow(moved.id)).toMatchObject({ partnership_id: merge, activity_id: null });
    const unlinked = (await historyOf(keep)).find(
      (e) =>
        e.child?.table === 'attachments' &&
        e.action === 'update' &&
        e.changes.some((c) => c.field === 'activityId' && c.from === theirs.id && c.to === null),
    );
    expect(unlinked).toBeDefined();
  });

  it('an activity restored from the bin into its old partnership does not keep another partnership’s photo linked', async () => {
    const [keep, merge] = await mergeablePair();
    const visit = await activityOf(merge, 'Návštěva');
    answer.open = file('návštěva.jpg', randomBytes(600));
    const photo = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId: merge, file: null, activityId: visit.id }),
    );
    const { auditId } = await ok<{ auditId: number }>(
      app.dispatch('partnerships:merge', { keepId: keep, mergeId: merge }),
    );
    const visitNow = await app.ctx.db.knex('activities').where({ id: visit.id }).first<{ version: number }>('version');
    const deleted = await ok<{ auditId: number }>(
      app.dispatch('activities:delete', { id: visit.id, version: visitNow.version }),
    );
    await ok(app.dispatch('merges:restore', { auditId }));
    // The photo went back with the merge undone; the activity comes back where it was deleted.
    expect(await attachmentRow(photo.id)).toMatchObject({ partnership_id: merge, activity_id: visit.id });
    await ok(app.dispatch('bin:restore', { auditId: deleted.auditId }));
    expect(await app.ctx.db.knex('activities').where({ id: visit.id }).first('partnership_id')).toEqual({
      partnership_id: keep,
    });
    expect(await attachmentRow(photo.id)).toMatchObject({ partnership_id: merge, activity_id: null });
  });

  it('an attachment whose activity is deleted can still be described; its link stays for the activity’s undo', async () => {
    const visit = await activityOf(partnershipId, 'Den dětí');
    answer.open = file('děti.jpg', randomBytes(500));
    const photo = await ok<Attachment>(
      app.dispatch('attachments:add', { partnershipId, file: null, activityId: visit.id }),
    );
    await ok(app.dispatch('activities:delete', { id: visit.id, version: visit.version }));
    const described = await ok<Attachment>(
      app.dispatch('attachments:update', {
        id: photo.id,
        version: photo.version,
        description: 'Soutěže na hřišti',
        activityId: visit.id,
      }),
    );
    expect(described).toMatchObject({ description: 'Soutěže na hřišti', activityId: visit.id });
  });

  it('are in the registry file "Export registry to a file" writes, byte for byte', async () => {
    const files = Array.from({ length: 9 }, (_, index) => randomBytes(20_000 + index));
    for (const [index, bytes] of files.entries()) await attach(file(`příloha ${String(index)}.pdf`, bytes));
    answer.save = path.join(app.dir, 'kopie registru.db');
    await ok(app.dispatch('registry:exportFile', {}));
    const copy: Knex = openKnex(answer.save, { inspect: true });
    try {
      const rows = await copy('attachment_contents').select<{ sha256: string; content: Buffer }[]>('sha256', 'content');
      expect(rows).toHaveLength(files.length);
      const original = await app.ctx.db
        .knex('attachment_contents')
        .select<{ sha256: string; content: Buffer }[]>('sha256', 'content');
      const byHash = new Map(original.map((row) => [row.sha256, Buffer.from(row.content)]));
      for (const row of rows)
        expect(Buffer.from(row.content).equals(byHash.get(row.sha256) ?? Buffer.alloc(0))).toBe(true);
      expect(await copy('attachments').count<{ n: number }[]>({ n: '*' })).toEqual([{ n: files.length }]);
    } finally {
      await copy.destroy();
    }
  });
});
