import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppContext, noDialogs, type AppContext } from '../../../electron/core/context';
import { openDatabase } from '../../../electron/core/db/database';
import { acquireImportLock } from '../../../electron/core/db/import-lock';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { TERM_CORRECTION_MARK } from '../../../electron/core/db/unstated-terms';
import { createDispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { createMemoryPreferences } from '../../../electron/core/preferences-file';
import { insertRows } from '../../../electron/core/repositories/import-repository';
import { CSU_HEADER, csuRows, toCsv } from '../../support/import-corpus';
import {
  adminKnex,
  createServerDatabase,
  databaseUrl,
  onServer,
  runPrefix,
  serverTestUrl,
} from '../../support/server-db';
import { createTestApp, newMemberInput, ok, RESOURCES_DIR, type TestApp } from '../../support/temp-db';

/**
 * A registry on a PostgreSQL server as several staff members use it (issue 15): what only a
 * server has. Runs in `npm run test:unit:pg`; the SQLite run skips it.
 */
if (!onServer()) console.log('server-registry.test.ts: PostgreSQL only (npm run test:unit:pg), skipped on SQLite');

/** A server URL as another role, with a password in it (the test cluster trusts local roles). */
const asRole = (url: string, role: string, password: string): string => {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = password;
  return parsed.toString();
};

const openContext = (databasePath: string): Promise<AppContext> =>
  createAppContext({
    databasePath,
    resourcesDir: RESOURCES_DIR,
    appVersion: 'test',
    preferences: createMemoryPreferences(),
    dialogs: noDialogs,
    acceptsLocalPaths: true,
  });

describe.skipIf(!onServer())('a registry on PostgreSQL', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.cleanup();
  });

  it('continues ids after rows were inserted with their ids', async () => {
    app = await createTestApp({ demo: true });
    const knex = app.ctx.db.knex;
    const top = Number((await knex('foreign_towns').max<{ top: number }[]>({ top: 'id' }))[0]?.top);
    // The ids the sequence would give next, taken by rows written with their ids (an import of a
    // registry file, a restored snapshot).
    await insertRows(knex, 'foreign_towns', [
      { id: top + 1, country_code: 'DE', name: 'Probstdorf', name_key: 'probstdorf', created_at: 'x', updated_at: 'x' },
      {
        id: top + 2,
        country_code: 'PL',
        name: 'Próbna Wieś',
        name_key: 'probna wies',
        created_at: 'x',
        updated_at: 'x',
      },
    ]);
    const member = await knex('municipalities').orderBy('id').first<{ id: number }>('id');
    const created = await ok<{ foreignTownId: number }>(
      app.dispatch('partnerships:create', {
        municipalityId: member.id,
        town: { name: 'Neudorf am Probstberg', countryCode: 'DE' },
        type: 'friendship',
        status: 'active',
      }),
    );
    expect(created.foreignTownId).toBe(top + 3);
  });

  it('backups and restores are the server’s: the app refuses them with a clear message', async () => {
    app = await createTestApp({ demo: true });
    expect(await app.dispatch('backups:create', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'backups.error.serverRegistry' } },
    });
    expect(
      await app.dispatch('backups:restore', { name: 'registry-20250101T000000000Z-manual-abcdef.db' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/pg_dump/) } });
    expect(await ok(app.dispatch('backups:list', {}))).toMatchObject({ backups: [] });
  });

  it('one import at a time across all clients of the server (an advisory lock)', async () => {
    app = await createTestApp({ demo: true });
    // A second client (another staff member's app) on the same registry.
    const other = await openContext(app.dbPath);
    try {
      const dispatch = createDispatch(createHandlers(other));
      const csv = path.join(app.dir, 'obce.csv');
      writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(5)], ';'));
      const handle = await ok<{ file: string }>(dispatch('import:openDropped', { path: csv }));
      const preview = await ok<{ previewId: string }>(
        dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
      );
      const release = await acquireImportLock(app.ctx.db);
      expect(await dispatch('import:commit', { previewId: preview.previewId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', details: { reason: 'import.error.busy' } },
      });
      await release();
      await ok(dispatch('import:commit', { previewId: preview.previewId }));
    } finally {
      await other.close();
    }
  });

  it('after an import the server plans with what came in (ANALYZE), not with guesses', async () => {
    app = await createTestApp();
    const csv = path.join(app.dir, 'obce.csv');
    writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(7)], ';'));
    const handle = await ok<{ file: string }>(app.dispatch('import:openDropped', { path: csv }));
    const preview = await ok<{ previewId: string }>(
      app.dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
    );
    await ok(app.dispatch('import:commit', { previewId: preview.previewId }));
    // A table the server never analysed has reltuples -1 (or 0 from its indexes): its plans guess.
    const planned = await app.ctx.db.knex.raw<{ rows: { reltuples: number }[] }>(
      "select reltuples from pg_class where oid = to_regclass('municipalities')",
    );
    expect(planned.rows[0]?.reltuples).toBe(7);
  });

  it('never shows the password: status, info and a failed open name the registry without it', async () => {
    app = await createTestApp();
    const password = `Tajne-${randomBytes(6).toString('hex')}`;
    const admin = new URL(app.dbPath);
    const withPassword = asRole(app.dbPath, decodeURIComponent(admin.username), password);
    const ctx = await openContext(withPassword);
    try {
      const dispatch = createDispatch(createHandlers(ctx));
      const info = await ok<{ databasePath: string }>(dispatch('app:info', {}));
      const status = await ok<{ path: string }>(dispatch('db:status', {}));
      expect(info.databasePath).toBe(status.path);
      expect(info.databasePath).toContain(admin.pathname);
      expect(JSON.stringify([info, status])).not.toContain(password);
    } finally {
      await ctx.close();
    }
    const missing = databaseUrl(withPassword, 'twinreg_test_no_such_registry');
    const error = await openDatabase(missing).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IO', message: expect.stringContaining('twinreg_test_no_such_registry') });
    expect(String((error as Error).message)).not.toContain(password);
  });
});

describe.skipIf(!onServer())('staff roles that do not own the schema', () => {
  const role = `twinreg_test_staff_${randomBytes(3).toString('hex')}`;
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
      await admin.raw('drop role if exists ??', [role]);
    } finally {
      await admin.destroy();
    }
  });

  /** What the administrator's script grants a staff role: data, not structure. */
  const grantStaff = async (url: string) => {
    const db = adminKnex(url);
    try {
      await db.raw('grant select, insert, update, delete on all tables in schema public to ??', [role]);
      await db.raw('grant usage, select, update on all sequences in schema public to ??', [role]);
    } finally {
      await db.destroy();
    }
  };

  it('an outdated registry is not migrated by a staff role: an administrator must run twinreg init', async () => {
    const registry = await createServerDatabase({ demo: true });
    try {
      await grantStaff(registry.url);
      let konstanzPartnership = { id: 0 };
      // As if this version were seven migrations newer than the registry: 0018 (an index, which only
      // the schema's owner may create), 0019, 0022 and 0024 (changes of data, which a staff role
      // could make), 0020 and 0021 (new columns), 0023 (a new table).
      const admin = adminKnex(registry.url);
      try {
        const lastSeven = await admin('knex_migrations')
          .orderBy('id', 'desc')
          .limit(7)
          .select<{ id: number; name: string }[]>('id', 'name');
        expect(lastSeven.map((m) => m.name)).toEqual([
          '0024-gazetteer-local-names',
          '0023-partnership-merge-names',
          '0022-term-unknown',
          '0021-town-large-city',
          '0020-town-id-number',
          '0019-town-kind-unknown',
          '0018-audit-import-index',
        ]);
        await admin('knex_migrations')
          .whereIn(
            'id',
            lastSeven.map((m) => m.id),
          )
          .delete();
        await admin('meta')
          .where({ key: 'schema_version' })
          .update({ value: String(SCHEMA_VERSION - 7) });
        await admin.schema.dropTable('partnership_merge_names');
        // What 0022 keeps: the last audit entry before it.
        await admin('meta').where({ key: TERM_CORRECTION_MARK }).delete();
        await admin.raw('drop index audit_log_action_at_index');
        await admin.schema.alterTable('foreign_towns', (t) => {
          t.dropColumn('id_number');
          t.dropColumn('large_city');
        });
        await admin('foreign_towns').where({ name: 'Konstanz' }).update({ source: 'import: smo.csv', kind: 'town' });
        konstanzPartnership = await admin('partnerships as p')
          .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
          .where('t.name', 'Konstanz')
          .first<{ id: number }>('p.id');
        await admin('partnerships')
          .where({ id: konstanzPartnership.id })
          .update({ source: 'import: smo.csv', term_kind: 'indefinite', term_until: null });
      } finally {
        await admin.destroy();
      }
      const staffUrl = asRole(registry.url, role, 'S3cret-staff');
      // Refused before any migration is tried: nothing of the migrator's own failure is printed.
      const printed: string[] = [];
      const spies = (['log', 'warn', 'error'] as const).map((method) =>
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          printed.push(args.map(String).join(' '));
        }),
      );
      const refused = await openDatabase(staffUrl)
        .catch((e: unknown) => e)
        .finally(() => {
          for (const spy of spies) spy.mockRestore();
        });
      expect(printed.filter((line) => /migration/i.test(line))).toEqual([]);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'migrationNotAllowed' } });
      expect((refused as Error).message).toMatch(/an administrator must run `twinreg init/);
      expect((refused as Error).message).toContain(role);
      expect((refused as Error).message).not.toContain('S3cret-staff');

      // The administrator (the owner) opens it: migrated; then the staff member works in it.
      await (await openDatabase(registry.url)).close();
      const migrated = adminKnex(registry.url);
      try {
        expect(await migrated('foreign_towns').where({ name: 'Konstanz' }).first('kind')).toEqual({ kind: 'unknown' });
        expect(await migrated('partnerships').where({ id: konstanzPartnership.id }).first('term_kind')).toEqual({
          term_kind: 'unknown',
        });
      } finally {
        await migrated.destroy();
      }
      const ctx = await openContext(staffUrl);
      try {
        const dispatch = createDispatch(createHandlers(ctx));
        const district = await ctx.db.knex('districts').orderBy('id').first<{ id: number }>('id');
        await ok(
          dispatch('municipalities:create', newMemberInput({ code: '599999', name: 'Nová', districtId: district.id })),
        );
      } finally {
        await ctx.close();
      }
    } finally {
      await registry.drop();
    }
  });

  it('a staff role’s import is committed although the server does not let it analyse the tables', async () => {
    const registry = await createServerDatabase();
    try {
      await grantStaff(registry.url);
      const ctx = await openContext(asRole(registry.url, role, 'S3cret-staff'));
      try {
        const dispatch = createDispatch(createHandlers(ctx));
        const csv = path.join(os.tmpdir(), `twinreg-staff-${randomBytes(3).toString('hex')}.csv`);
        writeFileSync(csv, toCsv([CSU_HEADER, ...csuRows(7)], ';'));
        const handle = await ok<{ file: string }>(dispatch('import:openDropped', { path: csv }));
        const preview = await ok<{ previewId: string }>(
          dispatch('import:preview', { kind: 'municipalities', file: handle.file }),
        );
        const done = await ok<{ changed: boolean }>(dispatch('import:commit', { previewId: preview.previewId }));
        expect(done.changed).toBe(true);
        expect(Number((await ctx.db.knex('municipalities').count({ n: '*' }))[0]?.n)).toBe(7);
        rmSync(csv, { force: true });
      } finally {
        await ctx.close();
      }
    } finally {
      await registry.drop();
    }
  });

  it('an empty database is not made a registry by a staff role', async () => {
    const name = `${runPrefix()}empty_${randomBytes(3).toString('hex')}`;
    const url = serverTestUrl() ?? '';
    const admin = adminKnex(url);
    try {
      await admin.raw('create database ??', [name]);
    } finally {
      await admin.destroy();
    }
    try {
      const refused = await openDatabase(asRole(databaseUrl(url, name), role, 'x')).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'migrationNotAllowed' } });
      expect((refused as Error).message).toMatch(/holds no registry yet.*an administrator must run `twinreg init/);
    } finally {
      const dropper = adminKnex(url);
      await dropper.raw('drop database if exists ?? with (force)', [name]);
      await dropper.destroy();
    }
  });
});
