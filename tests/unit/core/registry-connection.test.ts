import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serverProfileSchema, serverUrl, type ServerProfile } from '../../../shared/domain/registry-connection';
import { createAppContext, noDialogs, type AppContext } from '../../../electron/core/context';
import { createSessionConnections, profileFromUrl } from '../../../electron/core/connection-store';
import { createDispatch, type Dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import {
  adminKnex,
  createServerDatabase,
  databaseUrl,
  onServer,
  runPrefix,
  serverTestUrl,
} from '../../support/server-db';
import { ok, RESOURCES_DIR, tempDir } from '../../support/temp-db';

/**
 * Settings ▸ Where the registry is (issue 15): the connection profile of a server registry, the
 * test of a connection and the switch between the registry file and a server. The outcomes of a
 * test are checked against a real PostgreSQL server (the PostgreSQL run, TWINREG_TEST_DATABASE_URL);
 * without one those tests are skipped with the reason printed.
 */
if (!onServer())
  console.log(
    'registry-connection.test.ts: the connection tests against a server need PostgreSQL (npm run test:unit:pg, TWINREG_TEST_DATABASE_URL); skipped on SQLite',
  );

const profile = (fields: Partial<ServerProfile> = {}): ServerProfile => ({
  host: 'db.svaz.cz',
  port: 5432,
  database: 'registr',
  user: 'jana',
  ...fields,
});

describe('a server connection profile', () => {
  it('refuses what could change the connection’s URL and names each field’s problem', () => {
    const problems = (input: unknown) => {
      const parsed = serverProfileSchema.safeParse(input);
      // The first problem of each field, as the form shows it.
      const first: Record<string, string> = {};
      for (const issue of parsed.success ? [] : parsed.error.issues) first[issue.path.join('.')] ??= issue.message;
      return first;
    };
    expect(problems(profile())).toEqual({});
    expect(problems(profile({ host: '::1' }))).toEqual({});
    expect(problems(profile({ host: '192.168.1.20' }))).toEqual({});
    // A user, a path or a parameter smuggled in through the host.
    expect(problems(profile({ host: 'evil@db.svaz.cz' }))).toEqual({ host: 'validation.host' });
    expect(problems(profile({ host: 'db.svaz.cz/other?sslmode=disable' }))).toEqual({ host: 'validation.host' });
    expect(problems(profile({ host: '' }))).toEqual({ host: 'validation.required' });
    expect(problems(profile({ port: 0 }))).toEqual({ port: 'validation.port' });
    expect(problems(profile({ port: 70_000 }))).toEqual({ port: 'validation.port' });
    expect(problems(profile({ port: Number.NaN }))).toEqual({ port: 'validation.port' });
    expect(problems(profile({ database: 'd'.repeat(64) }))).toEqual({ database: 'validation.tooLong' });
    // 32 two-byte letters are 64 bytes: PostgreSQL would cut the name.
    expect(problems(profile({ user: 'ž'.repeat(32) }))).toEqual({ user: 'validation.tooLong' });
  });

  it('builds the URL with every part encoded, and reads a profile back from a URL', () => {
    const tricky = profile({ user: 'jana@svaz', database: 'registr 2025' });
    const url = serverUrl(tricky, 'p@ss:w/rd%?#');
    expect(url).toBe('postgres://jana%40svaz:p%40ss%3Aw%2Frd%25%3F%23@db.svaz.cz:5432/registr%202025');
    expect(profileFromUrl(url)).toEqual({ profile: tricky, password: 'p@ss:w/rd%?#' });
    expect(serverUrl(tricky)).toBe('postgres://jana%40svaz@db.svaz.cz:5432/registr%202025');
    expect(serverUrl(profile({ host: '::1' }))).toBe('postgres://jana@[::1]:5432/registr');
    expect(profileFromUrl('postgres://jana@[::1]/registr')).toEqual({
      profile: profile({ host: '::1' }),
      password: null,
    });
    expect(profileFromUrl('postgres://db.svaz.cz/registr')).toBeNull();
  });

  it('in the web preview and the CLI, keeps a password in memory only and never for another server', async () => {
    const store = createSessionConnections('postgres://jana:Tajne-1@db.svaz.cz:5432/registr');
    expect(store.passwordKeeping()).toBe('session');
    expect(store.fileLocation()).toBeNull();
    expect(await store.saved()).toEqual({ kind: 'server', server: profile(), passwordSaved: true });
    expect(await store.savedPassword()).toBe('Tajne-1');
    // The same server without a new password keeps it; another server (or user) never gets it.
    await store.save({ kind: 'server', server: profile(), password: undefined });
    expect(await store.savedPassword()).toBe('Tajne-1');
    await store.save({ kind: 'server', server: profile({ host: 'db2.svaz.cz' }), password: undefined });
    expect(await store.savedPassword()).toBeNull();
    await store.save({ kind: 'server', server: profile(), password: 'Nove-2' });
    expect(await store.savedPassword()).toBe('Nove-2');
    expect(JSON.stringify(await store.saved())).not.toContain('Nove-2');

    const fileStore = createSessionConnections('/tmp/registry.db');
    expect(fileStore.fileLocation()).toBe('/tmp/registry.db');
    expect(await fileStore.saved()).toEqual({ kind: 'file', server: null, passwordSaved: false });
  });
});

/** An app on a registry file with its dispatch: the desktop app before a switch. */
async function fileApp(): Promise<{
  ctx: AppContext;
  dispatch: Dispatch;
  events: string[];
  /** What each `data:changed` carried. */
  changes: unknown[];
  cleanup: () => Promise<void>;
}> {
  const dir = tempDir();
  const events: string[] = [];
  const changes: unknown[] = [];
  const ctx = await createAppContext({
    databasePath: path.join(dir, 'registry.db'),
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences(),
    dialogs: noDialogs,
    events: (event, payload) => {
      events.push(event);
      if (event === 'data:changed') changes.push(payload);
    },
    seedDemoIfEmpty: true,
  });
  return {
    ctx,
    dispatch: createDispatch(createHandlers(ctx), { validateOutput: true }),
    events,
    changes,
    cleanup: async () => {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the registry file in Settings', () => {
  it('says the file is open, kept in memory by the preview, with no server profile', async () => {
    const app = await fileApp();
    try {
      expect(await ok(app.dispatch('connection:status', {}))).toEqual({
        kind: 'file',
        location: app.ctx.db.filePath,
        server: null,
        profile: null,
        passwordSaved: false,
        passwordKeeping: 'session',
        fileLocation: app.ctx.db.filePath,
      });
      expect(await app.dispatch('connection:test', { profile: { host: 'a b', port: 5432 } })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    } finally {
      await app.cleanup();
    }
  });
});

/** A profile for a database on the test server as a role (the server's host and port). */
const onTestServer = (database: string, user: string): ServerProfile => {
  const admin = new URL(serverTestUrl() ?? 'postgres://x@127.0.0.1/postgres');
  return {
    host: admin.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: admin.port === '' ? 5432 : Number(admin.port),
    database,
    user,
  };
};

/** A port on this computer where nothing listens. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!onServer())('testing a server connection and switching to it', () => {
  const suffix = randomBytes(3).toString('hex');
  const owner = `twinreg_test_owner_${suffix}`;
  const staff = `twinreg_test_clerk_${suffix}`;
  const ownerPassword = `Vlastnik-${suffix}-p@ss:w/rd`;
  const staffPassword = `Referent-${suffix}`;
  const emptyName = `${runPrefix()}conn_empty_${suffix}`;
  const lockedName = `${runPrefix()}conn_locked_${suffix}`;
  const switchName = `${runPrefix()}conn_switch_${suffix}`;
  let registry: { url: string; drop: () => Promise<void> };
  let registryName = '';
  /** Whether the server checks passwords (CI's throwaway cluster trusts local roles). */
  let checksPasswords = false;

  beforeAll(async () => {
    const admin = adminKnex(serverTestUrl() ?? '');
    try {
      await admin.raw(`create role ?? login password '${ownerPassword.replace(/'/g, "''")}'`, [owner]);
      await admin.raw(`create role ?? login password '${staffPassword}'`, [staff]);
      // The owner of an empty database may create the registry in it (PostgreSQL 15: only the
      // database's owner may create in its public schema).
      await admin.raw('create database ?? owner ??', [emptyName, owner]);
      await admin.raw('create database ?? owner ??', [switchName, owner]);
      await admin.raw('create database ??', [lockedName]);
      await admin.raw('revoke connect on database ?? from public', [lockedName]);
    } finally {
      await admin.destroy();
    }
    registry = await createServerDatabase({ demo: true });
    registryName = new URL(registry.url).pathname.slice(1);
    const db = adminKnex(registry.url);
    try {
      await db.raw('grant select, insert, update, delete on all tables in schema public to ??', [staff]);
      await db.raw('grant usage, select, update on all sequences in schema public to ??', [staff]);
    } finally {
      await db.destroy();
    }
    const app = await fileApp();
    try {
      const probe = await ok<{ outcome: string }>(
        app.dispatch('connection:test', { profile: onTestServer(registryName, staff), password: 'certainly-wrong' }),
      );
      checksPasswords = probe.outcome !== 'connected';
    } finally {
      await app.cleanup();
    }
    if (!checksPasswords)
      console.log(
        'registry-connection.test.ts: the test server does not check passwords (trust): the password outcomes are skipped',
      );
  });

  afterAll(async () => {
    await registry.drop();
    const admin = adminKnex(serverTestUrl() ?? '');
    try {
      for (const name of [emptyName, lockedName, switchName])
        await admin.raw('drop database if exists ?? with (force)', [name]);
      for (const role of [owner, staff]) await admin.raw('drop role if exists ??', [role]);
    } finally {
      await admin.destroy();
    }
  });

  let app: Awaited<ReturnType<typeof fileApp>>;
  afterEach(async () => {
    await app.cleanup();
  });

  const test = (input: { profile: ServerProfile; password?: string }) =>
    ok<{
      outcome: string;
      serverVersion: string | null;
      user: string | null;
      schema: string | null;
      detail: string | null;
    }>(app.dispatch('connection:test', input));

  it('reports connected (with the server’s version and the user), no database, unreachable and not allowed', async () => {
    app = await fileApp();
    expect(await test({ profile: onTestServer(registryName, staff), password: staffPassword })).toEqual({
      outcome: 'connected',
      serverVersion: expect.stringMatching(/^PostgreSQL \d+/),
      user: staff,
      schema: 'current',
      detail: null,
    });
    expect(await test({ profile: onTestServer(emptyName, owner), password: ownerPassword })).toMatchObject({
      outcome: 'connected',
      user: owner,
      schema: 'create',
    });
    expect(
      await test({ profile: onTestServer(`${runPrefix()}none_${suffix}`, staff), password: staffPassword }),
    ).toMatchObject({
      outcome: 'noDatabase',
    });
    expect(
      await test({
        profile: { ...onTestServer(registryName, staff), host: '127.0.0.1', port: await closedPort() },
        password: staffPassword,
      }),
    ).toMatchObject({ outcome: 'unreachable' });
    const locked = await test({ profile: onTestServer(lockedName, staff), password: staffPassword });
    expect(locked).toMatchObject({ outcome: 'notAllowed' });
    expect(locked.detail).not.toContain(staffPassword);
  });

  it('a staff role on an empty database: an administrator must run twinreg init', async () => {
    app = await fileApp();
    expect(await test({ profile: onTestServer(emptyName, staff), password: staffPassword })).toMatchObject({
      outcome: 'mustInit',
      schema: 'create',
    });
    const refused = await app.dispatch('connection:switch', {
      kind: 'server',
      profile: onTestServer(emptyName, staff),
      password: staffPassword,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'settings.registry.outcome.mustInit' } },
    });
    // Nothing changed: the file is still open.
    expect(app.ctx.db.dialect).toBe('sqlite');
  });

  it('an outdated registry: its owner may update it on switching, a staff role needs an administrator', async () => {
    app = await fileApp();
    const admin = new URL(serverTestUrl() ?? '');
    const asAdmin = {
      profile: onTestServer(registryName, decodeURIComponent(admin.username)),
      ...(admin.password === '' ? {} : { password: decodeURIComponent(admin.password) }),
    };
    const db = adminKnex(registry.url);
    try {
      await db('meta')
        .where({ key: 'schema_version' })
        .update({ value: String(SCHEMA_VERSION - 1) });
      expect(await test(asAdmin)).toMatchObject({ outcome: 'connected', schema: 'update' });
      expect(await test({ profile: onTestServer(registryName, staff), password: staffPassword })).toMatchObject({
        outcome: 'mustInit',
        schema: 'update',
      });
      await db('meta')
        .where({ key: 'schema_version' })
        .update({ value: String(SCHEMA_VERSION + 1) });
      expect(await test(asAdmin)).toMatchObject({ outcome: 'tooNew' });
    } finally {
      await db('meta')
        .where({ key: 'schema_version' })
        .update({ value: String(SCHEMA_VERSION) });
      await db.destroy();
    }
  });

  it('a wrong or missing password is said as such and never switches', async (context) => {
    if (!checksPasswords) {
      context.skip('the test server does not check passwords');
      return;
    }
    app = await fileApp();
    const wrong = `Spatne-${suffix}`;
    expect(await test({ profile: onTestServer(registryName, staff), password: wrong })).toEqual({
      outcome: 'wrongPassword',
      serverVersion: null,
      user: null,
      schema: null,
      detail: null,
    });
    expect(await test({ profile: onTestServer(registryName, staff) })).toMatchObject({ outcome: 'passwordNeeded' });
    const refused = await app.dispatch('connection:switch', {
      kind: 'server',
      profile: onTestServer(registryName, staff),
      password: wrong,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'settings.registry.outcome.wrongPassword' } },
    });
    expect(JSON.stringify(refused)).not.toContain(wrong);
    expect(app.ctx.db.dialect).toBe('sqlite');
  });

  it('switches to the server and back: the status names the server without the password, every screen is told', async () => {
    app = await fileApp();
    const file = app.ctx.db.filePath;
    const target = onTestServer(switchName, owner);
    const status = await ok<Record<string, unknown>>(
      app.dispatch('connection:switch', { kind: 'server', profile: target, password: ownerPassword }),
    );
    expect(status).toMatchObject({
      kind: 'server',
      location: serverUrl(target),
      server: { version: expect.stringMatching(/^PostgreSQL/), user: owner },
      profile: target,
      passwordSaved: true,
      passwordKeeping: 'session',
      fileLocation: file,
    });
    expect(JSON.stringify(status)).not.toContain(ownerPassword);
    expect(JSON.stringify(status)).not.toContain(encodeURIComponent(ownerPassword));
    expect(app.events).toContain('data:changed');
    // Another registry in place: the windows forget the undos of the one before.
    expect(app.changes.at(-1)).toMatchObject({ replaced: true });
    // The app now works in the server registry (created empty by its owner on switching).
    expect(app.ctx.db.dialect).toBe('postgres');
    const info = await ok<{ databasePath: string; counts: Record<string, number> }>(app.dispatch('app:info', {}));
    expect(info.databasePath).toBe(serverUrl(target));
    expect(info.counts.municipalities).toBe(0);
    expect(await ok(app.dispatch('db:status', {}))).not.toHaveProperty('path', expect.stringContaining(ownerPassword));
    // The password kept for the run opens it again without typing it.
    expect(await test({ profile: target })).toMatchObject({ outcome: 'connected', schema: 'current' });

    const back = await ok<{ kind: string; location: string; profile: unknown; passwordSaved: boolean }>(
      app.dispatch('connection:switch', { kind: 'file' }),
    );
    expect(back).toMatchObject({ kind: 'file', location: file, profile: target, passwordSaved: true });
    const demo = await ok<{ counts: Record<string, number> }>(app.dispatch('app:info', {}));
    expect(demo.counts.municipalities).toBeGreaterThan(0);
  });

  it('a registry given by its URL (the web preview on DATABASE_URL) shows its profile and server facts', async () => {
    const url = databaseUrl(serverTestUrl() ?? '', registryName);
    const asStaff = new URL(url);
    asStaff.username = staff;
    asStaff.password = staffPassword;
    const ctx = await createAppContext({
      databasePath: asStaff.toString(),
      resourcesDir: RESOURCES_DIR,
      appVersion: 'test',
      preferences: createMemoryPreferences(),
      dialogs: noDialogs,
    });
    app = {
      ctx,
      dispatch: createDispatch(createHandlers(ctx), { validateOutput: true }),
      events: [],
      changes: [],
      cleanup: () => ctx.close(),
    };
    const status = await ok<Record<string, unknown>>(app.dispatch('connection:status', {}));
    expect(status).toMatchObject({
      kind: 'server',
      server: { user: staff },
      profile: onTestServer(registryName, staff),
      passwordSaved: true,
      fileLocation: null,
    });
    expect(JSON.stringify(status)).not.toContain(staffPassword);
    // No file to switch to: said, and nothing changes.
    expect(await app.dispatch('connection:switch', { kind: 'file' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'settings.registry.noFile' } },
    });
  });
});
