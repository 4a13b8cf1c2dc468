import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { openDatabase } from '../../../electron/core/db/database';
import { openKnex } from '../../../electron/core/db/connection';
import { acquireImportLock, importLockPath } from '../../../electron/core/db/import-lock';
import { knownFailure } from '../../../electron/core/dispatch';
import { saveUpload } from '../../../electron/core/services/import/uploads';
import type { DialogPort } from '../../../electron/core/ports';
import { CSU_HEADER, csuRows, toCsv } from '../../support/import-corpus';
import { createTestApp, newMemberInput, ok, tempDir, type TestApp } from '../../support/temp-db';
import { fileOnly } from '../../support/server-db';
import { codeWithCheckDigit } from '../../support/municipality-codes';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

/** Every channel that changes the registry, its files or the preferences. */
/** A channel whose name ends in a writing verb (`towns:update`, `partnerships:bulkUpdate`, `demo:remove`). */
const WRITE_CHANNEL =
  /:\w*?(create|update|delete|remove|restore|endMembership|toPartnership|commit|generate|regenerate|batch|loadDemo|set|export|verify|merge|revert|add|linkGazetteer|linkGazetteerUndo)$/i;
const READ_ONLY_EXPORTS = new Set(['export:grid']);

function folderDialogs(dir: string): DialogPort {
  return {
    saveFile: ({ defaultName }) => Promise.resolve(path.join(dir, `${String(Date.now())}-${defaultName}`)),
    openFile: () => Promise.resolve(null),
    chooseFolder: () => Promise.resolve(dir),
  };
}

let round = 0;

/**
 * Calls every write channel once on a demo registry, each with input that must succeed, and
 * returns the channels it called. A handler or service that kept a connection from before a
 * restore or a reconnect fails here.
 */
async function everyWrite(app: TestApp): Promise<Set<string>> {
  round += 1;
  const called = new Set<string>();
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    called.add(channel);
    return ok<T>(app.dispatch(channel, input));
  };
  const knex = app.ctx.db.knex;
  const district = await knex('districts').first<{ id: number }>('id');
  const member = await call<{ id: number; version: number }>(
    'municipalities:create',
    newMemberInput({
      code: codeWithCheckDigit(59_910 + round),
      name: `Zkušební Lhota ${String(round)}`,
      districtId: district.id,
    }),
  );
  const updated = await call<{ version: number }>('municipalities:update', {
    id: member.id,
    version: member.version,
    patch: { population: 430 },
  });
  const ended = await call<{ version: number }>('municipalities:endMembership', {
    id: member.id,
    version: updated.version,
    endedOn: '2026-06-30',
  });
  const { auditId } = await call<{ auditId: number }>('municipalities:delete', {
    id: member.id,
    version: ended.version,
  });
  await call('municipalities:restore', { auditId });
  // One past change of the member put back from its history.
  const memberHistory = await ok<{ id: number; action: string; changes: { field: string }[] }[]>(
    app.dispatch('audit:history', { table: 'municipalities', recordId: member.id }),
  );
  const populationEdit = memberHistory.find(
    (entry) => entry.action === 'update' && entry.changes.some((change) => change.field === 'population'),
  );
  await call('municipalities:revert', { auditId: populationEdit?.id });

  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const partnership = await call<{ id: number; version: number }>('partnerships:create', {
    municipalityId: tabor.id,
    type: 'friendship',
    status: 'proposed',
    town: { name: `Neustadt ${String(round)}`, countryCode: 'AT' },
  });
  const changed = await call<{ version: number }>('partnerships:update', {
    id: partnership.id,
    version: partnership.version,
    changes: { notes: 'after' },
  });
  const marking = await call<{ auditId: number }>('registry:verify', { table: 'partnerships', ids: [partnership.id] });
  await call('registry:unverify', { auditId: marking.auditId });
  const contact = await call<{ id: number; version: number }>('contacts:create', {
    partnershipId: partnership.id,
    side: 'cz',
    name: 'Jana Nováková',
  });
  const contactEdited = await call<{ id: number; version: number; auditId: number }>('contacts:update', {
    id: contact.id,
    version: contact.version,
    side: 'cz',
    name: 'Jana Nováková',
    role: 'starostka',
  });
  // Its undo (the toast's, by the edit's audit entry), and the undo of that undo.
  const contactBefore = await call<{ auditId: number; version: number }>('contacts:revert', {
    auditId: contactEdited.auditId,
    version: contactEdited.version,
  });
  const contactNow = await call<{ id: number; version: number }>('contacts:revert', {
    auditId: contactBefore.auditId,
  });
  await call('contacts:delete', { id: contactNow.id, version: contactNow.version });
  // The bin brings it back (the one undo protocol, by audit entry).
  const bin = await ok<{ auditId: number; table: string; recordId: number }[]>(app.dispatch('bin:list', {}));
  const deletedContact = bin.find((e) => e.table === 'contacts' && e.recordId === contactNow.id);
  await call('bin:restore', { auditId: deletedContact?.auditId });
  const contactBack = await knex('contacts').where({ id: contactNow.id }).first<{ version: number }>('version');
  await ok(app.dispatch('contacts:delete', { id: contactNow.id, version: contactBack.version }));
  const attachment = await call<{ id: number; version: number }>('attachments:add', {
    partnershipId: partnership.id,
    file: await saveUpload('smlouva.pdf', Buffer.from(`%PDF-1.7 round ${String(round)}`)),
  });
  const described = await call<{ id: number; version: number }>('attachments:update', {
    id: attachment.id,
    version: attachment.version,
    description: 'Podepsaná smlouva',
    activityId: null,
  });
  await call('attachments:delete', { id: described.id, version: described.version });
  const activity = await call<{ id: number; version: number }>('activities:create', {
    partnershipId: partnership.id,
    date: '2026-01-10',
    title: 'Návštěva',
  });
  const activityEdited = await call<{ id: number; version: number; auditId: number }>('activities:update', {
    id: activity.id,
    version: activity.version,
    date: '2026-01-11',
    title: 'Návštěva',
  });
  const activityNow = await call<{ id: number; version: number }>('activities:revert', {
    auditId: activityEdited.auditId,
  });
  await call('activities:delete', { id: activityNow.id, version: activityNow.version });
  const deletion = await call<{ auditId: number }>('partnerships:delete', {
    id: partnership.id,
    version: changed.version,
  });
  await call('partnerships:restore', { auditId: deletion.auditId });

  const requestValues = {
    direction: 'foreign_seeks',
    municipalityId: null,
    requesterName: `Freistadt ${String(round)}`,
    requesterCountryCode: 'AT',
    wantedCountryCodes: ['CZ'],
    wantedSize: 'town',
    themes: ['culture'],
    description: null,
    status: 'new',
    receivedOn: '2026-02-01',
  };
  const request = await call<{ id: number; version: number }>('requests:create', requestValues);
  const requestNow = await call<{ version: number }>('requests:update', {
    id: request.id,
    version: request.version,
    values: { ...requestValues, status: 'searching' },
  });
  const deletedRequest = await call<{ auditId: number }>('requests:delete', {
    id: request.id,
    version: requestNow.version,
  });
  await call('requests:restore', { auditId: deletedRequest.auditId });
  const restoredRequest = await knex('partnership_requests')
    .where({ id: request.id })
    .first<{ version: number }>('version');
  await call('requests:toPartnership', {
    id: request.id,
    version: restoredRequest.version,
    municipalityId: tabor.id,
    townName: null,
    townCountryCode: null,
    type: 'friendship',
    status: 'preparation',
    startedOn: null,
  });

  const { request: agreement } = await call<{ request: unknown }>('agreements:options', {
    source: { partnershipId: partnership.id },
  });
  called.delete('agreements:options');
  await call('agreements:generate', { request: agreement, acceptMissing: true });
  const drafts = await ok<{ id: number }[]>(app.dispatch('agreements:list', { partnershipId: partnership.id }));
  await call('agreements:regenerate', { draftId: drafts[0]?.id, overwrite: true });
  const draftGone = await call<{ auditId: number }>('agreements:delete', { draftId: drafts[0]?.id });
  await ok(app.dispatch('bin:restore', { auditId: draftGone.auditId }));
  await call('agreements:batch', { jobId: `job-${String(round)}`, partnershipIds: [partnership.id] });

  const csv = path.join(app.dir, `obce-${String(round)}.csv`);
  writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(3, round * 10)], ';'));
  const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: csv }));
  const preview = await ok<{ previewId: string }>(
    app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
  );
  await call('import:commit', { previewId: preview.previewId });
  const { runs } = await ok<{ runs: { id: number }[] }>(app.dispatch('import:history', {}));
  await call('import:historyExport', { id: runs[0]?.id, format: 'csv', language: 'cs' });

  // Merges: a second record of a town (another member's partnership moves), undone; two
  // partnerships of one member merged.
  const otherMember = await knex('municipalities').whereNot({ id: tabor.id }).first<{ id: number }>('id');
  const second = await call<{ id: number; foreignTownId: number }>('partnerships:create', {
    municipalityId: otherMember.id,
    type: 'friendship',
    status: 'proposed',
    town: { name: `Nojštat ${String(round)}`, countryCode: 'AT' },
  });
  const kept = await knex('partnerships').where({ id: partnership.id }).first<{ foreign_town_id: number }>();
  const townMerge = await call<{ auditId: number }>('towns:merge', {
    keepId: kept.foreign_town_id,
    mergeId: second.foreignTownId,
  });
  await call('merges:restore', { auditId: townMerge.auditId });
  // The partner-town card: the kept town gets an address.
  const card = await call<{ version: number }>('towns:card', { id: kept.foreign_town_id });
  called.delete('towns:card');
  await call('towns:update', {
    id: kept.foreign_town_id,
    version: card.version,
    patch: { address: `Rathausplatz ${String(round)}` },
  });
  // …and puts it back from the card's history.
  const addressEdit = await knex('audit_log')
    .where({ table_name: 'foreign_towns', record_id: kept.foreign_town_id, action: 'update' })
    .orderBy('id', 'desc')
    .first<{ id: number }>('id');
  await call('towns:revert', { auditId: addressEdit.id });
  // A town left without partnerships is deleted.
  const spare = await call<{ id: number; version: number; foreignTownId: number }>('partnerships:create', {
    municipalityId: tabor.id,
    type: 'friendship',
    status: 'proposed',
    town: { name: `Lejštat ${String(round)}`, countryCode: 'AT' },
  });
  await call('partnerships:delete', { id: spare.id, version: spare.version });
  const spareTown = await knex('foreign_towns')
    .where({ id: spare.foreignTownId })
    .first<{ version: number }>('version');
  await call('towns:delete', { id: spare.foreignTownId, version: spareTown.version });
  // The demo's partner towns linked to the gazetteer in one run, and that run undone.
  const linked = await call<{ linked: number; auditId: number | null }>('towns:linkGazetteer', {});
  expect(linked.linked).toBeGreaterThan(0);
  if (linked.auditId !== null) await call('towns:linkGazetteerUndo', { auditId: linked.auditId });
  const third = await call<{ id: number }>('partnerships:create', {
    municipalityId: tabor.id,
    type: 'friendship',
    status: 'proposed',
    town: { name: `Altštat ${String(round)}`, countryCode: 'AT' },
  });
  await call('partnerships:merge', { keepId: partnership.id, mergeId: third.id });
  const edits = await ok<{ id: number; action: string; changes: { field: string }[] }[]>(
    app.dispatch('audit:history', { table: 'partnerships', recordId: partnership.id }),
  );
  const notesEdit = edits.find(
    (entry) => entry.action === 'update' && entry.changes.some((change) => change.field === 'notes'),
  );
  await call('partnerships:revert', { auditId: notesEdit?.id });
  // A bulk edit of two partnerships and its undo.
  const bulkRows = await knex('partnerships')
    .whereIn('id', [partnership.id, second.id])
    .select<{ id: number; version: number }[]>('id', 'version');
  const bulk = await call<{ auditId: number }>('partnerships:bulkUpdate', {
    rows: bulkRows,
    change: { verified: true },
  });
  await call('partnerships:bulkRestore', { auditId: bulk.auditId });

  await call('stats:export', { format: 'json', filter: {}, language: 'cs' });
  await call('map:export', { format: 'svg', svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', fileName: 'mapa' });
  await call('prefs:set', { actorName: `Editor ${String(round)}` });
  await call('backups:create', {});
  return called;
}

describe('writes after a restore or a reconnect', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.cleanup();
  });

  it('every write channel works after Restore backup and after the connection is replaced', async (context) => {
    fileOnly(context, 'restoring a backup file into the registry file');
    const out = tempDir('twinreg-out-');
    app = await createTestApp({ dialogs: folderDialogs(out) });
    // An empty registry's backup, restored, then demo data loaded into it: the first write after a restore.
    const empty = await ok<{ name: string }>(app.dispatch('backups:create', {}));
    await ok(app.dispatch('backups:restore', { name: empty.name }));
    await ok(app.dispatch('app:loadDemo', {}));

    const demo = await ok<{ name: string }>(app.dispatch('backups:create', {}));
    await everyWrite(app);
    await ok(app.dispatch('backups:restore', { name: demo.name }));
    const afterRestore = await everyWrite(app);
    afterRestore.add('app:loadDemo').add('backups:restore');

    // A reconnect (later: a PostgreSQL connection lost and opened again) replaces the database
    // object; nothing may still hold the old one.
    const old = app.ctx.db;
    app.ctx.db = await openDatabase(app.dbPath);
    await old.close();
    await everyWrite(app);
    // Removing the demo data after the reconnect (it makes its own verified backup first).
    const removed = await ok<{ backup: string | null }>(app.dispatch('demo:remove', {}));
    expect(removed.backup).not.toBeNull();
    afterRestore.add('demo:remove');

    // The whole list of write channels is covered: a new one must be added above.
    const writes = CHANNELS.filter((c) => WRITE_CHANNEL.test(c) && !READ_ONLY_EXPORTS.has(c));
    expect([...afterRestore].sort()).toEqual([...writes].sort());
    // The reads too: a handler that captured the old connection fails here.
    const partnershipId = (await app.ctx.db.knex('partnerships').first<{ id: number }>('id')).id;
    for (const [channel, input] of [
      ['partnerships:list', {}],
      ['partnerships:get', { id: partnershipId }],
      ['municipalities:list', {}],
      ['regions:list', {}],
      ['districts:list', {}],
      ['requests:list', {}],
      ['towns:suggest', { query: 'Kon' }],
      ['stats:compute', { filter: {} }],
      ['map:data', { filter: {} }],
      ['app:info', {}],
      ['db:status', {}],
      ['backups:list', {}],
      ['agreements:sources', {}],
      ['audit:history', { table: 'partnerships', recordId: partnershipId }],
    ] as const) {
      await ok(app.dispatch(channel, input));
    }
  }, 60_000);

  it('refuses a backup from a newer version or a damaged one before replacing anything', async (context) => {
    fileOnly(context, 'backup files');
    app = await createTestApp({ demo: true });
    const good = await ok<{ name: string }>(app.dispatch('backups:create', {}));
    const folder = `${app.dbPath}.backups`;
    const count = async () =>
      Number((await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const before = await count();

    const newer = good.name.replace('-manual-', '-daily-').replace(/-[0-9a-f]{6}\.db$/, '-aaaaaa.db');
    copyFileSync(path.join(folder, good.name), path.join(folder, newer));
    const knex = openKnex(path.join(folder, newer));
    await knex('meta').where({ key: 'schema_version' }).update({ value: '999' });
    await knex('municipalities').delete();
    await knex.destroy();
    expect(await app.dispatch('backups:restore', { name: newer })).toMatchObject({
      ok: false,
      error: { code: 'SCHEMA_TOO_NEW' },
    });

    const damaged = good.name.replace('-manual-', '-daily-').replace(/-[0-9a-f]{6}\.db$/, '-bbbbbb.db');
    writeFileSync(path.join(folder, damaged), 'SQLite format 3\u0000 but nothing else');
    expect(await app.dispatch('backups:restore', { name: damaged })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });

    // Refused before anything happened: the data is there and the app keeps working.
    expect(await count()).toBe(before);
    await ok(app.dispatch('prefs:set', { actorName: 'still working' }));
    const list = await ok<{ backups: { reason: string }[] }>(app.dispatch('backups:list', {}));
    expect(list.backups.some((b) => b.reason === 'restore')).toBe(false);
  });

  it('refuses a registry whose schema version is not a number', async () => {
    app = await createTestApp();
    await app.ctx.db.knex('meta').where({ key: 'schema_version' }).update({ value: 'latest' });
    await expect(openDatabase(app.dbPath)).rejects.toMatchObject({ code: 'DATABASE_DAMAGED' });
  });
});

type Answer = { ok: boolean; code: string | null; i?: number };

/** Runs tests/support/writer-process.ts on the registry; resolves with its answers. */
function writer(args: string[]): { done: Promise<Answer[]>; answers: Answer[] } {
  const answers: Answer[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/writer-process.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('{')) answers.push(JSON.parse(line) as Answer);
  });
  const done = new Promise<Answer[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(answers) : reject(new Error(`writer exited ${String(code)}`))));
  });
  return { done, answers };
}

describe('two processes on one registry file', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.cleanup();
  });

  const firstPartnership = async () =>
    app.ctx.db.knex('partnerships').orderBy('id').first<{ id: number; version: number }>('id', 'version');

  it('keeps every write another process acknowledged during and after a restore', async (context) => {
    fileOnly(context, 'restoring a backup file into the registry file');
    app = await createTestApp({ demo: true });
    const target = await firstPartnership();
    const backup = await ok<{ name: string }>(app.dispatch('backups:create', {}));
    const COUNT = 120;
    const other = writer(['notes', app.dbPath, String(target.id), String(COUNT)]);
    // Restore while the other process is writing.
    while (other.answers.length < COUNT / 3) await new Promise((resolve) => setTimeout(resolve, 10));
    await ok(app.dispatch('backups:restore', { name: backup.name }));
    const restoredAt = other.answers.length;
    // Every window hears that the registry was put in place as a whole (it forgets its undos).
    expect(app.events.filter((e) => e.event === 'data:changed').at(-1)?.payload).toMatchObject({ replaced: true });
    const answers = await other.done;

    expect(answers).toHaveLength(COUNT);
    // The writer re-reads the version before each write: after the restore its writes go on
    // into the restored registry, none lost into a deleted file, none answered INTERNAL.
    expect(answers.filter((a) => a.code === 'INTERNAL')).toEqual([]);
    const last = answers.filter((a) => a.ok).at(-1);
    expect(last?.i).toBe(COUNT);
    const row = await app.ctx.db.knex('partnerships').where({ id: target.id }).first<{ notes: string }>('notes');
    expect(row.notes).toBe(`w${String(COUNT)}`);
    // Every write acknowledged after the restore is in the history the app reads.
    const history = await app.ctx.db
      .knex('audit_log')
      .where({ table_name: 'partnerships', record_id: target.id, action: 'update' })
      .count<{ n: number }[]>({ n: '*' });
    const keptAfter = answers.filter((a) => a.ok && (a.i ?? 0) > restoredAt).length;
    expect(Number(history[0]?.n)).toBeGreaterThanOrEqual(keptAfter);
    console.log(
      `restore under another writer: ${String(answers.filter((a) => a.ok).length)}/${String(COUNT)} writes acknowledged, the last one (w${String(COUNT)}) in the restored registry`,
    );
  }, 60_000);

  it('a race of editors on one record gives one winner and CONFLICT for the others, never INTERNAL', async () => {
    app = await createTestApp({ demo: true });
    const target = await firstPartnership();
    const at = Date.now() + 2_500;
    const racers = Array.from({ length: 4 }, () =>
      writer(['race', app.dbPath, String(target.id), String(target.version), String(at)]),
    );
    const answers = (await Promise.all(racers.map((r) => r.done))).flat();
    expect(answers).toHaveLength(4);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => a.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  }, 60_000);
});

describe('failures the user can act on', () => {
  it('maps a write on a read-only connection and a full disk to their own codes', async (context) => {
    fileOnly(context, 'the read-only report connections of a registry file');
    const app = await createTestApp({ demo: true });
    try {
      const error: unknown = await app.ctx.db
        .reader('meta')
        .insert({ key: 'x', value: 'y' })
        .catch((e: unknown) => e);
      expect(knownFailure(error)).toMatchObject({ code: 'READ_ONLY' });
      // The message carries the statement without the values it was given.
      expect(String(error)).not.toContain("'y'");
      expect(knownFailure(Object.assign(new Error('disk'), { code: 'ENOSPC' }))).toMatchObject({ code: 'DISK_FULL' });
      expect(knownFailure(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toMatchObject({ code: 'BUSY' });
      expect(knownFailure(new Error('something else'))).toBeNull();
    } finally {
      await app.cleanup();
    }
  });

  it('the gate answers deep or prototype-polluting input with VALIDATION on every channel', async () => {
    const app = await createTestApp();
    try {
      let deep: unknown = {};
      for (let i = 0; i < 10_000; i += 1) deep = { a: deep };
      const polluting = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
      for (const channel of CHANNELS) {
        for (const input of [deep, polluting]) {
          const result = await app.dispatch(channel, input);
          expect(result.ok, channel).toBe(false);
          if (!result.ok) expect(result.error.code, channel).toBe('VALIDATION');
        }
      }
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    } finally {
      await app.cleanup();
    }
  });
});

describe('deletes and imports beside other writers', () => {
  it('a delete made against an older version removes nothing and answers CONFLICT', async () => {
    const app = await createTestApp({ demo: true });
    try {
      const row = await app.ctx.db
        .knex('partnerships')
        .orderBy('id')
        .first<{ id: number; version: number }>('id', 'version');
      await ok(app.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'newer' } }));
      expect(await app.dispatch('partnerships:delete', { id: row.id, version: row.version })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      const contact = await ok<{ id: number; version: number }>(
        app.dispatch('contacts:create', { partnershipId: row.id, side: 'cz', name: 'Jana' }),
      );
      await ok(
        app.dispatch('contacts:update', { id: contact.id, version: contact.version, side: 'cz', name: 'Jana Nová' }),
      );
      expect(await app.dispatch('contacts:delete', { id: contact.id, version: contact.version })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await app.ctx.db.knex('partnerships').where({ id: row.id }).first('notes')).toEqual({ notes: 'newer' });
      expect(await app.ctx.db.knex('contacts').where({ id: contact.id }).first('name')).toEqual({ name: 'Jana Nová' });
      expect(await app.dispatch('contacts:delete', { id: 999_999, version: 1 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    } finally {
      await app.cleanup();
    }
  });

  it('an import refuses to start while another process imports into the same registry', async (context) => {
    fileOnly(context, 'the import lock file (a server: server-registry.test.ts)');
    const app = await createTestApp({ demo: true });
    try {
      const csv = path.join(app.dir, 'obce.csv');
      writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(5)], ';'));
      const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: csv }));
      const preview = await ok<{ previewId: string }>(
        app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
      );
      // Another process on this machine holds the lock (the test runner's parent is alive).
      writeFileSync(
        importLockPath(app.dbPath),
        JSON.stringify({ pid: process.ppid, host: hostname(), at: new Date().toISOString() }),
      );
      expect(await app.dispatch('import:commit', { previewId: preview.previewId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'import.error.busy' } },
      });
      // Whose process id another program has since (a running process, but the lock is six
      // hours old), or this very process's id though it holds no lock (an id that came back
      // after a restart): left behind, taken over.
      const lock = importLockPath(app.dbPath);
      const left = async (pid: number, hoursOld: number) => {
        writeFileSync(lock, JSON.stringify({ pid, host: hostname(), at: new Date().toISOString() }));
        const then = new Date(Date.now() - hoursOld * 3600_000);
        utimesSync(lock, then, then);
        const again = await ok<{ previewId: string }>(
          app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
        );
        return app.dispatch('import:commit', { previewId: again.previewId });
      };
      expect(await left(process.ppid, 5)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await left(process.ppid, 7)).toMatchObject({ ok: true });
      expect(await left(process.pid, 0)).toMatchObject({ ok: true });
      // A lock whose process died (kill -9 during an import) is taken over.
      writeFileSync(lock, JSON.stringify({ pid: 999_999, host: hostname(), at: '' }));
      const last = await ok<{ previewId: string }>(
        app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
      );
      await ok(app.dispatch('import:commit', { previewId: last.previewId }));
      expect(existsSync(lock)).toBe(false);
    } finally {
      await app.cleanup();
    }
  });

  it('a lock left behind is taken over by exactly one of several imports starting at once', async (context) => {
    fileOnly(context, 'the lock file beside a registry file');
    const app = await createTestApp();
    try {
      const lock = importLockPath(app.dbPath);
      for (let round = 0; round < 10; round += 1) {
        // Left by a process that died (kill -9 during an import); eight imports start together.
        writeFileSync(lock, JSON.stringify({ pid: 999_999, host: hostname(), at: '' }));
        const attempts = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) => acquireImportLock(app.ctx.db, { actor: `import ${String(i)}` })),
        );
        const held = attempts.filter((a) => a.status === 'fulfilled');
        expect(held, `round ${String(round)}`).toHaveLength(1);
        for (const refused of attempts.filter((a) => a.status === 'rejected'))
          expect(refused.reason).toMatchObject({ code: 'CONFLICT' });
        await held[0]?.value();
        expect(existsSync(lock)).toBe(false);
      }
    } finally {
      await app.cleanup();
    }
  });
});
