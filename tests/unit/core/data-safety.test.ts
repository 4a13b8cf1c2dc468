import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import {
  backupsToKeep,
  replaceWithBackup,
  createBackup,
  ensureDailyBackup,
  listBackups,
  type BackupInfo,
} from '../../../electron/core/db/backups';
import { inspectDatabase, openDatabase } from '../../../electron/core/db/database';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrations/index';
import { createFilePreferences } from '../../../electron/core/preferences-file';
import { detectNetworkShare } from '../../../electron/core/services/backup-service';
import { REGISTRY_TABLES } from '../../../electron/core/services/demo-service';
import { createTestApp, ok, tempDir, type TestApp } from '../../support/temp-db';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.cleanup();
  app = null;
});

const dump = async (a: TestApp) => {
  const out: Record<string, unknown[]> = {};
  for (const table of REGISTRY_TABLES) out[table] = await a.ctx.db.knex(table).orderBy(1).select('*');
  return out;
};
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backups', () => {
  it('restores a backup to an identical database, after backing up the current state', async () => {
    app = await createTestApp({ demo: true });
    const original = await dump(app);
    const backup = await ok<BackupInfo>(app.dispatch('backups:create', {}));
    expect(backup.reason).toBe('manual');
    await app.ctx.db.knex('partnerships').where('id', '<', 20).delete();
    await app.ctx.db.knex('municipalities').update({ name: 'Přepsáno' });
    expect(await dump(app)).not.toEqual(original);

    const restored = await ok<{ restored: string; safetyBackup: string }>(
      app.dispatch('backups:restore', { name: backup.name }),
    );
    expect(restored.restored).toBe(backup.name);
    // Every value is the backup's; only the versions (the lock a save checks) are raised above any
    // a window may hold from before the restore (restore-marker-repository.ts).
    const withoutVersions = (tables: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(tables).map(([table, rows]) => [
          table,
          rows.map((row) => ({ ...(row as Record<string, unknown>), version: undefined })),
        ]),
      );
    const after = await dump(app);
    expect(withoutVersions(after)).toEqual(withoutVersions(original));
    const lowest = Math.min(...(after.partnerships ?? []).map((row) => (row as { version: number }).version));
    const highestBefore = Math.max(...(original.partnerships ?? []).map((row) => (row as { version: number }).version));
    expect(lowest).toBeGreaterThan(highestBefore);
    const list = await ok<{ backups: BackupInfo[] }>(app.dispatch('backups:list', {}));
    expect(list.backups.map((b) => b.reason).sort()).toEqual(['manual', 'restore']);
    // The state before the restore is kept too: nothing is lost.
    const safety = await openDatabase(path.join(`${app.dbPath}.backups`, restored.safetyBackup));
    expect((await safety.knex('municipalities').first<{ name: string }>('name'))?.name).toBe('Přepsáno');
    await safety.close();
  });

  it('refuses names that are not backups (no path tricks)', async () => {
    app = await createTestApp();
    expect(await app.dispatch('backups:restore', { name: '../registry.db' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('keeps the 10 newest and the newest of each of 12 months', () => {
    const backups: BackupInfo[] = [];
    for (let month = 0; month < 20; month += 1) {
      for (let day = 1; day <= 3; day += 1) {
        const date = new Date(Date.UTC(2024, month, day));
        backups.push({ name: `b-${date.toISOString()}`, size: 1, reason: 'daily', createdAt: date.toISOString() });
      }
    }
    const keep = backupsToKeep(backups);
    const newest = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    for (const b of newest.slice(0, 10)) expect(keep.has(b.name)).toBe(true);
    const months = new Set(newest.filter((b) => keep.has(b.name)).map((b) => b.createdAt.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(keep.size).toBe(10 + 12 - 4); // the newest 10 span 4 of the 12 months
  });

  it('makes the daily backup at most once a day', async () => {
    app = await createTestApp({ demo: true });
    const first = await ensureDailyBackup(app.ctx.db.knex, app.dbPath, new Date('2030-01-01T08:00:00Z'));
    expect(first?.reason).toBe('daily');
    expect(await ensureDailyBackup(app.ctx.db.knex, app.dbPath, new Date('2030-01-01T20:00:00Z'))).toBeNull();
    expect((await ensureDailyBackup(app.ctx.db.knex, app.dbPath, new Date('2030-01-02T09:00:00Z')))?.reason).toBe(
      'daily',
    );
  });
});

describe('a damaged database is detected, never overwritten', () => {
  type Damage = [string, (file: string) => void, 'DATABASE_DAMAGED' | 'SCHEMA_TOO_NEW'];
  const flipPageHeaders = (file: string) => {
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    for (let offset = pageSize; offset < bytes.length; offset += pageSize) {
      const at = offset;
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    }
    writeFileSync(file, bytes);
  };
  const damages: Damage[] = [
    ['flipped bytes', flipPageHeaders, 'DATABASE_DAMAGED'],
    ['truncated', (file) => truncateSync(file, Math.floor(statSync(file).size / 3)), 'DATABASE_DAMAGED'],
    ['zero bytes', (file) => truncateSync(file, 0), 'DATABASE_DAMAGED'],
    ['not SQLite at all', (file) => writeFileSync(file, 'obec;kód\nLhota;123456\n'), 'DATABASE_DAMAGED'],
  ];

  it.each(damages)('%s', async (_name, damage, code) => {
    app = await createTestApp({ demo: true });
    const backup = await createBackup(app.ctx.db.knex, app.dbPath, 'manual');
    await app.ctx.db.close();
    damage(app.dbPath);
    const before = sha(app.dbPath);
    const error = await openDatabase(app.dbPath).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code, details: { backups: [{ name: backup.name }] } });
    expect(sha(app.dbPath)).toBe(before);
    expect((await inspectDatabase(app.dbPath)).ok).toBe(false);
    // The backup is intact and opens with all the data.
    const restored = await openDatabase(path.join(`${app.dbPath}.backups`, backup.name));
    expect(Number((await restored.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBeGreaterThan(
      40,
    );
    await restored.close();
    // Asked for, the backup replaces the file; the damaged one is kept beside, not deleted.
    const { keptAs } = await replaceWithBackup(app.dbPath, backup.name);
    expect(sha(keptAs)).toBe(before);
    app.ctx.db = await openDatabase(app.dbPath);
    expect(Number((await app.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBeGreaterThan(
      40,
    );
  });

  it('a database from a newer version', async () => {
    app = await createTestApp({ demo: true });
    await createBackup(app.ctx.db.knex, app.dbPath, 'manual');
    await app.ctx.db
      .knex('meta')
      .where({ key: 'schema_version' })
      .update({ value: String(SCHEMA_VERSION + 5) });
    await app.ctx.db.close();
    const before = sha(app.dbPath);
    await expect(openDatabase(app.dbPath)).rejects.toMatchObject({
      code: 'SCHEMA_TOO_NEW',
      details: { backups: [{ reason: 'manual' }] },
    });
    expect(sha(app.dbPath)).toBe(before);
    app.ctx.db = await openDatabase(path.join(app.dir, 'other.db'));
  });

  it('makes a verified backup before migrating an older database', async () => {
    if (SCHEMA_VERSION < 2) {
      console.warn('Only one migration exists: the pre-migration backup is exercised once a second one lands.');
      return;
    }
    app = await createTestApp({ demo: true });
    const last = await app.ctx.db.knex('knex_migrations').orderBy('id', 'desc').first<{ id: number }>('id');
    await app.ctx.db.knex('knex_migrations').where({ id: last?.id }).delete();
    await app.ctx.db
      .knex('meta')
      .where({ key: 'schema_version' })
      .update({ value: String(SCHEMA_VERSION - 1) });
    await app.ctx.db.close();
    app.ctx.db = await openDatabase(app.dbPath).catch(() => openDatabase(path.join(app?.dir ?? '', 'x.db')));
    expect((await listBackups(app.dbPath)).some((b) => b.reason === 'migration')).toBe(true);
    // And the migration ran again on the registry itself (the fallback above would hide its failure).
    expect(app.ctx.db.filePath).toBe(app.dbPath);
  });
});

describe('network shares and preferences', () => {
  it('recognises UNC paths and network mounts', () => {
    const mounts = [
      '/dev/sda1 / ext4 rw 0 0',
      '//server/share /mnt/office cifs rw 0 0',
      'nas:/export /srv/nfs nfs4 rw 0 0',
      '/dev/sdb1 /mnt/office/local\\040disk ext4 rw 0 0',
    ].join('\n');
    expect(detectNetworkShare('\\\\server\\share\\registry.db', 'win32', '')).toBe('unc');
    expect(detectNetworkShare('/mnt/office/registry.db', 'linux', mounts)).toBe('cifs');
    expect(detectNetworkShare('/srv/nfs/a/registry.db', 'linux', mounts)).toBe('nfs4');
    expect(detectNetworkShare('/mnt/office/local disk/registry.db', 'linux', mounts)).toBeNull();
    expect(detectNetworkShare('/home/user/registry.db', 'linux', mounts)).toBeNull();
    const mac = '/dev/disk1s1 on / (apfs, local)\n//user@nas/share on /Volumes/share (smbfs, nodev)\n';
    expect(detectNetworkShare('/Volumes/share/r.db', 'darwin', mac)).toBe('smbfs');
  });

  it('reports the status of the open database', async () => {
    app = await createTestApp();
    expect(await ok(app.dispatch('db:status', {}))).toMatchObject({
      path: app.dbPath,
      networkShare: false,
      lastBackupAt: null,
    });
  });

  it('damaged preferences fall back to defaults and keep a copy of the bad file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'preferences.json');
    writeFileSync(file, '{"language": "cs", "actorName": ');
    const preferences = createFilePreferences(file);
    expect((await preferences.get()).language).toBe('cs');
    const copies = readdirSync(dir).filter((name) => name.startsWith('preferences.json.bad-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, copies[0] ?? ''), 'utf8')).toBe('{"language": "cs", "actorName": ');
    await preferences.set({ actorName: 'Jana' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ actorName: 'Jana' });
    expect(existsSync(file)).toBe(true);
  });
});
