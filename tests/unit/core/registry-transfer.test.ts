import { createFolderDialogs } from '../../../electron/cli/web-dialogs';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext, noDialogs } from '../../../electron/core/context';
import { openKnex } from '../../../electron/core/db/connection';
import { inspectDatabase, openDatabase } from '../../../electron/core/db/database';
import { registryTables, type TableInfo } from '../../../electron/core/db/dialect/catalog';
import { insertionOrder } from '../../../electron/core/db/registry-copy';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { loadDemoData } from '../../../electron/core/services/demo-service';
import { saveUpload } from '../../../electron/core/services/import/uploads';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import type { DialogPort } from '../../../electron/core/ports';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { adminKnex, onServer, serverTestUrl } from '../../support/server-db';
import { createTestApp, newMemberInput, ok, RESOURCES_DIR, tempDir, type TestApp } from '../../support/temp-db';

/**
 * "Export registry to a file" and "Import registry from a file" (issue 15 item 6), on the engine
 * of the run: SQLite in `npm run test:unit`, PostgreSQL in `npm run test:unit:pg`.
 */

const dialogsFor = (file: string): DialogPort => ({
  saveFile: () => Promise.resolve(file),
  openFile: () => Promise.resolve(file),
  chooseFolder: () => Promise.resolve(null),
});

/** Every row of every registry table, in primary-key order, by table. */
async function snapshot(db: Knex): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await registryTables(db)) {
    const query = db(table.name).select('*');
    for (const column of table.primaryKey) query.orderBy(column);
    out[table.name] = await query;
  }
  return out;
}

async function fileSnapshot(file: string): Promise<Record<string, unknown[]>> {
  const db = openKnex(file, { inspect: true });
  try {
    return await snapshot(db);
  } finally {
    await db.destroy();
  }
}

/** A registry (a file or a server's) opened as the app opens one, with these dialogs. */
async function openApp(location: string, dialogs: DialogPort = noDialogs) {
  const changed: unknown[] = [];
  const ctx = await createAppContext({
    databasePath: location,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences(),
    dialogs,
    // A host with screens: it hears other clients' changes of a server registry.
    events: (event, payload) => {
      if (event === 'data:changed') changed.push(payload);
    },
  });
  return { ctx, changed, dispatch: createDispatch(createHandlers(ctx)), close: () => ctx.close() };
}

/** A registry file (whatever engine the run is on) with the demo data and a member added by staff (an audit entry). */
async function demoRegistryFile(dir: string): Promise<string> {
  const file = path.join(dir, 'source.db');
  const db = await openDatabase(file);
  try {
    await loadDemoData(db.knex, RESOURCES_DIR);
  } finally {
    await db.close();
  }
  const opened = await openApp(file);
  try {
    const district = (await opened.ctx.db.knex('districts').orderBy('id').first<{ id: number }>('id')) ?? { id: 0 };
    await ok(
      opened.dispatch(
        'municipalities:create',
        newMemberInput({ code: '599999', name: 'Chrudim', districtId: district.id }),
      ),
    );
    // A member added last and deleted: its id stays taken (the bin and the history name it).
    const deleted = await ok<{ id: number; version: number }>(
      opened.dispatch(
        'municipalities:create',
        newMemberInput({ code: '599964', name: 'Hradec', districtId: district.id }),
      ),
    );
    await ok(opened.dispatch('municipalities:delete', { id: deleted.id, version: deleted.version }));
    // Attachments, so that their bytes (a BLOB here, bytea on a server) are copied too: more of
    // them than one batch of contents holds.
    const partnership = await opened.ctx.db.knex('partnerships').orderBy('id').first<{ id: number }>('id');
    for (let index = 0; index < 6; index += 1) {
      const upload = await saveUpload(`sken ${String(index)}.pdf`, randomBytes(30_000 + index));
      await ok(opened.dispatch('attachments:add', { partnershipId: partnership.id, file: upload }));
    }
  } finally {
    await opened.close();
  }
  return file;
}

/** The id of the last member the registry file's sequence handed out (a deleted one included). */
async function lastMemberIdOf(file: string): Promise<number> {
  const db = openKnex(file, { inspect: true });
  try {
    const row = await db('sqlite_sequence').where({ name: 'municipalities' }).first<{ seq: number }>('seq');
    return Number(row?.seq ?? 0);
  } finally {
    await db.destroy();
  }
}

/** No half-written copy or SQLite journal left in a folder. */
const expectNoLeftovers = (dir: string) => {
  for (const name of readdirSync(dir)) expect(name).not.toMatch(/twinreg-tmp|journal/);
};

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.cleanup();
});

async function app(options: { demo?: boolean; file?: string } = {}): Promise<TestApp> {
  const created = await createTestApp({
    demo: options.demo ?? false,
    ...(options.file === undefined ? {} : { dialogs: dialogsFor(options.file) }),
  });
  apps.push(created);
  return created;
}

describe('the order rows are copied in', () => {
  const table = (name: string, parents: string[] = []): TableInfo => ({
    name,
    columns: ['id'],
    primaryKey: ['id'],
    parents,
  });

  it('puts every table after the tables it refers to', () => {
    const order = insertionOrder([
      table('activities', ['partnerships']),
      table('partnerships', ['municipalities', 'foreign_towns']),
      table('municipalities', ['districts', 'regions']),
      table('districts', ['regions']),
      table('regions'),
      table('foreign_towns'),
    ]).map((t) => t.name);
    for (const [child, parent] of [
      ['activities', 'partnerships'],
      ['partnerships', 'municipalities'],
      ['partnerships', 'foreign_towns'],
      ['municipalities', 'districts'],
      ['districts', 'regions'],
    ] as const)
      expect(order.indexOf(child)).toBeGreaterThan(order.indexOf(parent));
  });

  it('refuses tables that refer to each other in a circle', () => {
    expect(() => insertionOrder([table('a', ['b']), table('b', ['a'])])).toThrow(/circle/);
  });
});

describe('Export registry to a file', () => {
  it('writes every table with its ids into a new registry file at this schema, verified', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.db');
    const source = await app({ demo: true, file: target });
    // Some staff work, so that the audit log and a changed version travel too.
    const district = (await source.ctx.db.knex('districts').orderBy('id').first<{ id: number }>('id')) ?? { id: 0 };
    const added = await ok<{ id: number; version: number }>(
      source.dispatch(
        'municipalities:create',
        newMemberInput({ code: '599981', name: 'Žamberk', districtId: district.id }),
      ),
    );
    // Deleted again: the copy must not give its id to a new member (the bin can bring it back).
    await ok(source.dispatch('municipalities:delete', { id: added.id, version: added.version }));
    const done = await ok<{ filePath: string; counts: Record<string, number>; rows: number }>(
      source.dispatch('registry:exportFile', { jobId: 'export-test' }),
    );
    expect(done.filePath).toBe(target);
    const inspection = await inspectDatabase(target);
    expect(inspection.problems).toEqual([]);
    expect(inspection.schemaVersion).toBe(SCHEMA_VERSION);
    const expected = await snapshot(source.ctx.db.knex);
    const written = await fileSnapshot(target);
    expect(Object.keys(written).sort()).toEqual(Object.keys(expected).sort());
    for (const [name, rows] of Object.entries(expected)) {
      expect(written[name], name).toEqual(rows);
      expect(done.counts[name], name).toBe(rows.length);
    }
    expect((written.audit_log ?? []).length).toBeGreaterThan(0);
    expect(done.rows).toBe(Object.values(expected).reduce((n, rows) => n + rows.length, 0));
    const progress = source.events.filter((e) => e.event === 'job:progress').map((e) => e.payload);
    expect(progress.at(-1)).toMatchObject({ jobId: 'export-test', phase: 'export', done: done.rows, total: done.rows });
    expect(await lastMemberIdOf(target)).toBe(added.id);
    // The file opens as a registry of its own.
    const reopened = await openDatabase(target);
    await reopened.close();
    expectNoLeftovers(dir);
  });

  it('writes no file when the dialog is closed or the export is cancelled', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'export.db');
    const closed = await app({ demo: true });
    const cancelledByDialog = await closed.dispatch('registry:exportFile', {});
    expect(cancelledByDialog).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });

    const source = await app({ demo: true, file: target });
    const emit = source.ctx.emit;
    source.ctx.emit = (event, payload) => {
      // The user cancels as soon as the first rows are copied.
      if (event === 'job:progress' && 'done' in payload && payload.done > 0) source.ctx.jobs.cancel('export-cancel');
      emit(event, payload);
    };
    const cancelled = await source.dispatch('registry:exportFile', { jobId: 'export-cancel' });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(existsSync(target)).toBe(false);
    // No half-written copy or journal left beside it.
    expect(readdirSync(dir)).toEqual([]);
    expectNoLeftovers(dir);
  });

  it('refuses to write over the open registry file', async (context) => {
    if (onServer()) context.skip('a server registry is no file');
    const probe = await app({ demo: true });
    probe.ctx.dialogs = dialogsFor(probe.dbPath);
    const before = await snapshot(probe.ctx.db.knex);
    const refused = await probe.dispatch('registry:exportFile', {});
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'transfer.error.sameFile' } },
    });
    expect(await snapshot(probe.ctx.db.knex)).toEqual(before);
    expect((await inspectDatabase(probe.dbPath)).ok).toBe(true);
  });
});

describe('Import registry from a file', () => {
  it('says where no file can be chosen (the web preview), so that the button is not one that does nothing', async () => {
    const created = await createTestApp({ dialogs: createFolderDialogs(tempDir()) });
    apps.push(created);
    expect(await ok<{ choosesFile: boolean }>(created.dispatch('registry:transferStatus', {}))).toMatchObject({
      choosesFile: false,
    });
  });

  it('is refused on a registry file, with the way to go back there (restore)', async (context) => {
    if (onServer()) context.skip('the run is on a server');
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    const target = await app({ file });
    const before = await snapshot(target.ctx.db.knex);
    const status = await ok<{ engine: string; mayImport: boolean; refusal: string | null }>(
      target.dispatch('registry:transferStatus', {}),
    );
    expect(status).toEqual({
      engine: 'sqlite',
      mayImport: false,
      refusal: 'transfer.error.fileRegistry',
      choosesFile: true,
    });
    const refused = await target.dispatch('registry:importFile', {});
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'transfer.error.fileRegistry' } },
    });
    if (!refused.ok) expect(refused.error.message).toMatch(/restore/);
    expect(await snapshot(target.ctx.db.knex)).toEqual(before);
  });
});

describe.skipIf(!onServer())('Import registry from a file into a server registry', () => {
  const role = `twinreg_test_transfer_${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    const admin = adminKnex(serverTestUrl() ?? '');
    try {
      await admin.raw('create role ?? login', [role]);
    } finally {
      await admin.destroy();
    }
  });
  afterAll(async () => {
    const admin = adminKnex(serverTestUrl() ?? '');
    try {
      await admin.raw('drop owned by ??', [role]).catch(() => undefined);
      await admin.raw('drop role if exists ??', [role]);
    } finally {
      await admin.destroy();
    }
  });

  it('copies every row with its ids in one go, continues the id sequences and says what it wrote', async () => {
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    const expected = await fileSnapshot(file);
    const target = await app({ file });
    const other = await openApp(target.dbPath);
    await expect.poll(() => other.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    expect(await ok(target.dispatch('registry:transferStatus', {}))).toEqual({
      engine: 'postgres',
      mayImport: true,
      refusal: null,
      choosesFile: true,
    });
    const done = await ok<{ fileName: string; counts: Record<string, number>; rows: number }>(
      target.dispatch('registry:importFile', { jobId: 'import-test' }),
    );
    expect(done.fileName).toBe('source.db');
    const imported = await snapshot(target.ctx.db.knex);
    for (const [name, rows] of Object.entries(expected)) {
      expect(imported[name], name).toEqual(rows);
      expect(done.counts[name], name).toBe(rows.length);
    }
    // The registry was put in place as a whole: every window forgets the undos it offered before.
    expect(target.events.filter((e) => e.event === 'data:changed').at(-1)?.payload).toMatchObject({ replaced: true });
    // Another client of the server heard it (NOTIFY sent inside the import's transaction).
    await expect.poll(() => other.changed.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(other.changed[0]).toMatchObject({
      tables: expect.arrayContaining(['municipalities', 'partnerships']),
      replaced: true,
    });
    await other.close();
    // The server's planner was told what came in (ANALYZE after the commit), not left guessing
    // until autovacuum: a table never analysed has reltuples -1.
    const planned = await target.ctx.db.knex.raw<{ rows: { relname: string; reltuples: number }[] }>(
      "select relname, reltuples from pg_class where oid in (to_regclass('municipalities'), to_regclass('partnerships'), to_regclass('activities'))",
    );
    expect(planned.rows).toHaveLength(3);
    for (const row of planned.rows) expect(row.reltuples, row.relname).toBe(done.counts[row.relname]);
    // The next record gets the next id, not one the file brought or handed out (the deleted member's).
    const lastId = await lastMemberIdOf(file);
    const maxId = Math.max(...(expected.municipalities ?? []).map((row) => (row as { id: number }).id));
    expect(lastId).toBeGreaterThan(maxId);
    const district = (expected.districts?.[0] as { id: number } | undefined)?.id ?? 0;
    const created = await ok<{ id: number }>(
      target.dispatch('municipalities:create', newMemberInput({ code: '599972', name: 'Cheb', districtId: district })),
    );
    expect(created.id).toBe(lastId + 1);
    // The file is only read.
    expect(await fileSnapshot(file)).toEqual(expected);
  });

  it('refuses a registry that is not empty, naming what is there, and changes nothing', async () => {
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    const target = await app({ demo: true, file });
    const before = await snapshot(target.ctx.db.knex);
    const refused = await target.dispatch('registry:importFile', {});
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'transfer.error.notEmpty' } },
    });
    if (!refused.ok) expect(refused.error.message).toMatch(/municipalities: \d+/);
    expect(await snapshot(target.ctx.db.knex)).toEqual(before);
  });

  it('rolls everything back when one row cannot be written (a name longer than the column holds)', async () => {
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    // SQLite keeps a text of any length; the server's column holds 200 characters.
    const db = openKnex(file, { inspect: true });
    try {
      const last = await db('foreign_towns').max<{ id: number }[]>({ id: 'id' });
      await db('foreign_towns')
        .where({ id: last[0]?.id ?? 0 })
        .update({ name: 'x'.repeat(250) });
    } finally {
      await db.destroy();
    }
    const target = await app({ file });
    const refused = await target.dispatch('registry:importFile', {});
    expect(refused.ok).toBe(false);
    const after = await snapshot(target.ctx.db.knex);
    for (const [name, rows] of Object.entries(after)) if (name !== 'meta') expect(rows, name).toEqual([]);
    // The sequences were not moved either: the first member gets id 1.
    await ok(target.dispatch('app:loadDemo', {}));
    const first = await target.ctx.db.knex('regions').min<{ id: number }[]>({ id: 'id' });
    expect(first[0]?.id).toBe(1);
  });

  it('is refused to a staff role that does not own the registry', async () => {
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    const target = await app();
    const admin = adminKnex(target.dbPath);
    try {
      await admin.raw('grant select, insert, update, delete on all tables in schema public to ??', [role]);
      await admin.raw('grant usage, select, update on all sequences in schema public to ??', [role]);
    } finally {
      await admin.destroy();
    }
    const staffUrl = new URL(target.dbPath);
    staffUrl.username = role;
    const staff = await openApp(staffUrl.toString(), dialogsFor(file));
    try {
      const status = await ok<{ mayImport: boolean; refusal: string | null }>(
        staff.dispatch('registry:transferStatus', {}),
      );
      expect(status).toMatchObject({ mayImport: false, refusal: 'transfer.error.notAdministrator' });
      const refused = await staff.dispatch('registry:importFile', {});
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { reason: 'transfer.error.notAdministrator' } },
      });
      if (!refused.ok) expect(refused.error.message).toContain(role);
    } finally {
      await staff.close();
    }
    const after = await snapshot(target.ctx.db.knex);
    expect(after.municipalities).toEqual([]);
  });

  it('exports the server registry into a file that holds the same rows', async () => {
    const dir = tempDir();
    const file = await demoRegistryFile(dir);
    const target = await app({ file });
    await ok(target.dispatch('registry:importFile', {}));
    const exported = path.join(dir, 'back.db');
    // The same server registry through another client.
    const other = await openApp(target.dbPath, dialogsFor(exported));
    try {
      await ok(other.dispatch('registry:exportFile', {}));
    } finally {
      await other.close();
    }
    expect(await fileSnapshot(exported)).toEqual(await fileSnapshot(file));
  });
});
