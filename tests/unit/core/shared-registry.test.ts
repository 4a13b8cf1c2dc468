import { requestFieldsOf, type RequestRow } from '../../../shared/domain/request-rules';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/domain/schemas';
import type { PartnershipRow } from '../../../shared/domain/partnerships';
import { createAppContext, noDialogs, type AppContext } from '../../../electron/core/context';
import { openDatabase } from '../../../electron/core/db/database';
import { acquireImportLock } from '../../../electron/core/db/import-lock';
import {
  LISTENER_APPLICATION_NAME,
  noticePayload,
  readNotice,
  type ChangeNotice,
} from '../../../electron/core/db/notify';
import { createDispatch, type Dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { auditedChange } from '../../../electron/core/services/audited-change';
import { CSU_HEADER, csuRows, toCsv } from '../../support/import-corpus';
import { onServer } from '../../support/server-db';
import { createTestApp, ok, RESOURCES_DIR, type TestApp } from '../../support/temp-db';

/**
 * Several staff members on one registry (issue 15 items 4–6): each sees the others' changes, a
 * stale edit names who changed the record, the audit log records the database user and the
 * server's time, and one import runs at a time. Runs on SQLite (`npm run test:unit`: two windows
 * on one file) and on PostgreSQL (`npm run test:unit:pg`: two clients of one server); what only a
 * server has skips itself on SQLite, saying why.
 */

type Client = {
  ctx: AppContext;
  dispatch: Dispatch;
  events: ChangeNotice[];
  /** What the client was told of its server connection (`registry:connection`), in order. */
  connection: boolean[];
  close: () => Promise<void>;
};

/** Another staff member's app on the same registry, with their display name. */
async function openClient(location: string, actorName: string): Promise<Client> {
  const events: ChangeNotice[] = [];
  const connection: boolean[] = [];
  const ctx = await createAppContext({
    databasePath: location,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences({ actorName }),
    dialogs: noDialogs,
    acceptsLocalPaths: true,
    events: (event, payload) => {
      if (event === 'data:changed') events.push(payload as ChangeNotice);
      if (event === 'registry:connection') connection.push((payload as { connected: boolean }).connected);
    },
  });
  return { ctx, dispatch: createDispatch(createHandlers(ctx)), events, connection, close: () => ctx.close() };
}

/** Resolves with the first event a client gets that satisfies `test` (polls what it has received). */
async function firstEvent(client: Client, test: (change: ChangeNotice) => boolean): Promise<ChangeNotice> {
  for (;;) {
    const found = client.events.find(test);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const serverOnly = (context: { skip: (note?: string) => void }, what: string): void => {
  if (onServer()) return;
  console.log(`Skipped on SQLite (a registry on a server only): ${what}`);
  context.skip(`a registry on a server only: ${what}`);
};

/** The database user the test clients connect as (the URL's user). */
const serverUser = (url: string): string => decodeURIComponent(new URL(url).username);

describe('several staff members on one registry', () => {
  let opened: TestApp | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await opened?.cleanup();
    opened = null;
  });
  /** Two staff members' apps on a fresh registry with the demo data, and the registry. */
  const two = async (): Promise<[Client, Client, TestApp]> => {
    const app = await createTestApp({ demo: true });
    opened = app;
    const a = await openClient(app.dbPath, 'Jana Nováková');
    const b = await openClient(app.dbPath, 'Petr Svoboda');
    clients.push(a, b);
    return [a, b, app];
  };
  const partnerships = (client: Client) => ok<PartnershipRow[]>(client.dispatch('partnerships:list', {}));

  it('a notice names what changed within 8,000 bytes, or only the tables, and an app skips its own', () => {
    const small = noticePayload('me', { tables: ['partnerships'], partnershipIds: [1, 2] });
    expect(readNotice(small, 'other')).toEqual({ tables: ['partnerships'], partnershipIds: [1, 2] });
    expect(readNotice(small, 'me')).toBeNull();
    const many = Array.from({ length: 5_000 }, (_, i) => i + 100_000);
    const big = noticePayload('me', { tables: ['partnerships', 'activities'], partnershipIds: many });
    expect(Buffer.byteLength(big)).toBeLessThan(8_000);
    // Without ids the grids reload every row of the tables named.
    expect(readNotice(big, 'other')).toEqual({ tables: ['partnerships', 'activities'] });
    const tables = Array.from({ length: 2_000 }, (_, i) => `table_${String(i)}`);
    expect(readNotice(noticePayload('me', { tables }), 'other')).toBe('reload');
    // A registry put in place as a whole says so in either form (the windows forget their undos).
    expect(readNotice(noticePayload('me', { tables: ['partnerships'], replaced: true }), 'other')).toEqual({
      tables: ['partnerships'],
      replaced: true,
    });
    expect(
      readNotice(noticePayload('me', { tables: ['partnerships'], partnershipIds: many, replaced: true }), 'other'),
    ).toEqual({ tables: ['partnerships'], replaced: true });
    expect(readNotice(small, 'other')).not.toHaveProperty('replaced');
    expect(readNotice('not json', 'other')).toBeNull();
    expect(readNotice('{"origin":"x","tables":[1]}', 'other')).toBeNull();
  });

  it('another client hears a change when it is committed, never one that was rolled back', async (context) => {
    serverOnly(context, 'notices between clients (LISTEN/NOTIFY)');
    const [a, b] = await two();
    const [first, second] = await partnerships(a);
    if (!first || !second) throw new Error('demo data has partnerships');
    await expect.poll(() => b.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => a.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);

    // A change that fails after it wrote and touched a row: rolled back, never announced.
    await expect(
      auditedChange(a.ctx, async ({ trx, touch }) => {
        await trx('partnerships').where({ id: first.id }).update({ notes: 'never' });
        touch({ tables: ['partnerships'], partnershipIds: [first.id] });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await ok(
      a.dispatch('partnerships:update', { id: second.id, version: second.version, changes: { status: 'dormant' } }),
    );
    // Notices come in the order of their commits: the first B hears is the committed change.
    const heard = await firstEvent(b, () => true);
    expect(heard).toMatchObject({ tables: expect.arrayContaining(['partnerships']), partnershipIds: [second.id] });
    expect(b.events.some((change) => change.partnershipIds?.includes(first.id))).toBe(false);

    // B's own change reaches A; A heard its own change once (from itself), not again from the server.
    await ok(b.dispatch('partnerships:update', { id: first.id, version: first.version, changes: { notes: 'B' } }));
    await firstEvent(a, (change) => change.partnershipIds?.includes(first.id) === true);
    expect(a.events.filter((change) => change.partnershipIds?.includes(second.id))).toHaveLength(1);
    expect(b.events.filter((change) => change.partnershipIds?.includes(first.id))).toHaveLength(1);
  });

  it('demo data loaded by one client is heard by the other (it is written outside the audited edits)', async (context) => {
    serverOnly(context, 'notices between clients (LISTEN/NOTIFY)');
    const app = await createTestApp({ demo: false });
    opened = app;
    const a = await openClient(app.dbPath, 'Jana Nováková');
    const b = await openClient(app.dbPath, 'Petr Svoboda');
    clients.push(a, b);
    await expect.poll(() => b.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    await ok(a.dispatch('app:loadDemo', {}));
    const heard = await firstEvent(b, (change) => change.tables.includes('municipalities'));
    expect(heard.tables).toEqual(expect.arrayContaining(['municipalities', 'partnerships']));
  });

  it('after a lost listening connection the client reconnects and reloads everything', async (context) => {
    serverOnly(context, 'the listening connection of a server registry');
    const [a, b, app] = await two();
    await expect.poll(() => b.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    // The server ends B's listening connection (a restart, a network failure).
    const database = new URL(app.dbPath).pathname.slice(1);
    await a.ctx.db.knex.raw(
      'select pg_terminate_backend(pid) from pg_stat_activity where application_name = ? and datname = ?',
      [LISTENER_APPLICATION_NAME, database],
    );
    const reload = await firstEvent(b, (change) => change.tables.includes('audit_log'));
    expect(reload.tables).toEqual(expect.arrayContaining(['municipalities', 'partnerships', 'partnership_requests']));
    // The screens were told the server connection was lost, and then that it is back.
    await expect.poll(() => b.connection, { timeout: 20_000 }).toEqual([false, true]);
    expect(reload.partnershipIds).toBeUndefined();
    // And it hears the next change again.
    const [row] = await partnerships(a);
    if (!row) throw new Error('demo data has partnerships');
    await ok(a.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'after' } }));
    await firstEvent(b, (change) => change.partnershipIds?.includes(row.id) === true);
  });

  it('a registry put in place later (Settings switching registries) is listened to as well', async (context) => {
    serverOnly(context, 'notices between clients (LISTEN/NOTIFY)');
    const [a, b, app] = await two();
    const previous = b.ctx.db;
    b.ctx.db = await openDatabase(app.dbPath);
    await previous.close();
    await expect.poll(() => b.ctx.db.changes?.connected(), { timeout: 20_000 }).toBe(true);
    const [row] = await partnerships(a);
    if (!row) throw new Error('demo data has partnerships');
    await ok(a.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'switched' } }));
    await firstEvent(b, (change) => change.partnershipIds?.includes(row.id) === true);
  });

  it('a stale edit and a stale delete are refused naming who changed the record and when', async () => {
    const [a, b, app] = await two();
    const [row] = await partnerships(b);
    if (!row) throw new Error('demo data has partnerships');
    await ok(a.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'A' } }));
    const who = onServer() ? `Jana Nováková (${serverUser(app.dbPath)})` : 'Jana Nováková';
    const conflict = {
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining(`by ${who} at `),
        details: { reason: 'error.conflictBy', params: { name: who }, changedBy: who },
      },
    };
    const edit = await b.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'B' } });
    expect(edit).toMatchObject(conflict);
    const changedAt = (edit as unknown as { error: { details: { changedAt: string } } }).error.details.changedAt;
    expect(new Date(changedAt).toISOString()).toBe(changedAt);
    expect(await b.dispatch('partnerships:delete', { id: row.id, version: row.version })).toMatchObject(conflict);
    // Nothing of B's was written: A's change stands.
    expect(await app.ctx.db.knex('partnerships').where({ id: row.id }).first('notes')).toEqual({ notes: 'A' });
  });

  it('a stale member, request or town card edit names who changed the record too', async () => {
    const [a, b, app] = await two();
    const who = onServer() ? `Jana Nováková (${serverUser(app.dbPath)})` : 'Jana Nováková';
    const named = {
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'error.conflictBy', params: { name: who } } },
    };
    const knex = app.ctx.db.knex;
    const member = await knex('municipalities').orderBy('id').first<{ id: number; version: number }>('id', 'version');
    await ok(a.dispatch('municipalities:update', { id: member.id, version: member.version, patch: { notes: 'A' } }));
    expect(
      await b.dispatch('municipalities:update', { id: member.id, version: member.version, patch: { notes: 'B' } }),
    ).toMatchObject(named);
    const town = await knex('foreign_towns').orderBy('id').first<{ id: number; version: number }>('id', 'version');
    await ok(a.dispatch('towns:update', { id: town.id, version: town.version, patch: { history: 'A' } }));
    expect(
      await b.dispatch('towns:update', { id: town.id, version: town.version, patch: { history: 'B' } }),
    ).toMatchObject(named);
    const request = (await ok<RequestRow[]>(a.dispatch('requests:list', {})))[0];
    if (!request) throw new Error('demo data has requests');
    const values = requestFieldsOf(request);
    await ok(
      a.dispatch('requests:update', {
        id: request.id,
        version: request.version,
        values: { ...values, description: 'A' },
      }),
    );
    expect(
      await b.dispatch('requests:update', {
        id: request.id,
        version: request.version,
        values: { ...values, description: 'B' },
      }),
    ).toMatchObject(named);
  });

  it('the audit log records the database user and the server’s time on a server, and nothing invented on a file', async () => {
    const [a, , app] = await two();
    const [row] = await partnerships(a);
    if (!row) throw new Error('demo data has partnerships');
    await ok(a.dispatch('partnerships:update', { id: row.id, version: row.version, changes: { notes: 'stamped' } }));
    const entry = await a.ctx.db
      .knex('audit_log')
      .where({ table_name: 'partnerships', record_id: row.id })
      .orderBy('id', 'desc')
      .first<{ actor: string; at: string; db_user: string | null; server_at: string | null }>(
        'actor',
        'at',
        'db_user',
        'server_at',
      );
    expect(entry.actor).toBe('Jana Nováková');
    const [latest] = await ok<AuditEntry[]>(a.dispatch('audit:history', { table: 'partnerships', recordId: row.id }));
    if (onServer()) {
      expect(entry.db_user).toBe(serverUser(app.dbPath));
      expect(entry.server_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(latest).toMatchObject({ actor: 'Jana Nováková', dbUser: entry.db_user, serverAt: entry.server_at });
    } else {
      expect(entry).toMatchObject({ db_user: null, server_at: null });
      expect(latest).toMatchObject({ actor: 'Jana Nováková', dbUser: null, serverAt: null });
    }
    // Entries written before the columns existed (the demo data's) keep them empty.
    const older = await a.ctx.db
      .knex('audit_log')
      .whereNot({ actor: 'Jana Nováková' })
      .whereNotNull('db_user')
      .count({ n: '*' });
    expect(Number(older[0]?.n)).toBe(0);
  });

  it('one import at a time: a second client is told who imports and since when', async () => {
    const [a, b, app] = await two();
    const csv = path.join(app.dir, 'obce.csv');
    writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(5)], ';'));
    const handle = await ok<{ file: string }>(b.dispatch('import:openDropped', { path: csv }));
    const preview = await ok<{ previewId: string }>(
      b.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
    );
    // A's import holds the lock (as its commit does while it runs).
    const release = await acquireImportLock(a.ctx.db, { actor: 'Jana Nováková' });
    const who = onServer() ? `Jana Nováková (${serverUser(app.dbPath)})` : 'Jana Nováková';
    try {
      expect(await b.dispatch('import:commit', { previewId: preview.previewId })).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: expect.stringContaining(`by ${who} since `),
          details: {
            reason: 'import.error.busyBy',
            params: { name: who, since: expect.stringMatching(/^\d\d:\d\d$/) },
          },
        },
      });
      // Nothing was imported meanwhile.
      expect(await b.ctx.db.knex('import_runs').count({ n: '*' })).toEqual([{ n: 0 }]);
    } finally {
      await release();
    }
    expect(await ok(b.dispatch('import:commit', { previewId: preview.previewId }))).toMatchObject({ changed: true });
  });

  it('a server’s lock whose connection was lost is released without an error, and is free again', async (context) => {
    serverOnly(context, 'the advisory lock of a server registry');
    const [a, b] = await two();
    const release = await acquireImportLock(a.ctx.db, { actor: 'Jana Nováková' });
    // The server ends the session that holds the lock (as when it restarts during an import).
    await b.ctx.db
      .knex('pg_locks')
      .where({ locktype: 'advisory' })
      .select(b.ctx.db.knex.raw('pg_terminate_backend(pid)'));
    // Releasing does not throw (it hid the import's own failure), and the lock is free.
    await expect(release()).resolves.toBeUndefined();
    const again = await acquireImportLock(b.ctx.db, { actor: 'Petr Svoboda' });
    await again();
  });

  it('a server’s lock whose holder wrote no name is refused without inventing one', async (context) => {
    serverOnly(context, 'the advisory lock of a server registry');
    const [a, b] = await two();
    // Held by a client that did not say who it is (an older version); a stale name of an earlier
    // holder is in `meta` and must not be shown.
    await a.ctx.db
      .knex('meta')
      .insert({
        key: 'import_lock',
        value: JSON.stringify({ pid: 1, actor: 'Někdo Dříve', at: new Date().toISOString() }),
      })
      .onConflict('key')
      .merge();
    const release = await acquireImportLock(a.ctx.db);
    try {
      await expect(acquireImportLock(b.ctx.db, { actor: 'Petr Svoboda' })).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'import.error.busy' },
      });
    } finally {
      await release();
    }
    // Released: B takes it.
    const again = await acquireImportLock(b.ctx.db, { actor: 'Petr Svoboda' });
    await again();
  });
});
