import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { createHash } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, chmod, open as openFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PRIVATE_FILE_MODE, removeOrphanedTemporaries } from '../files';
import { backupFolder, createBackup, ensureDailyBackup, integrityProblems, listBackups } from './backups';
import { openKnex, openReadKnex, openServerKnex, redactLocation } from './connection';
import { driverFailure, isServerLocation, type DialectName } from './dialect/index';
import { isPermissionError, scrubPassword } from './dialect/postgres';
import { isUnreadableFileMessage, SQLITE_HEADER } from './dialect/sqlite';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from './migrations/index';
import { createChangeFeed, type ChangeFeed } from './notify';

export type Database = {
  /** The one connection that writes (and reads everything that is not a report). */
  knex: Knex;
  /** Read-only connections for reports whose queries may run at once (statistics, map). */
  reader: Knex;
  /**
   * The registry file; for a registry on a server, its URL without the password (what a status
   * or a message may show).
   */
  filePath: string;
  /** Which engine holds the registry: a file (SQLite) or a server (PostgreSQL). */
  dialect: DialectName;
  /**
   * Why the daily backup could not be written at open (a full disk): the registry opens anyway
   * and the backup is retried (`retryDailyBackup`); null when there is nothing to retry.
   */
  backupProblem: string | null;
  /**
   * A registry on a server: the notices of changes between its clients (sent inside each
   * change's transaction, received on a connection of their own). Null for a file.
   */
  changes: ChangeFeed | null;
  close: () => Promise<void>;
};

/** Retries a daily backup that failed; the problem is cleared once one is written. */
export async function retryDailyBackup(database: Database): Promise<void> {
  if (database.backupProblem === null) return;
  try {
    await ensureDailyBackup(database.knex, database.filePath);
    database.backupProblem = null;
  } catch (error) {
    database.backupProblem = error instanceof Error ? error.message : String(error);
  }
}

/**
 * Reads the schema version stored in `meta`, or 0 for a new, empty file. A version that is not a
 * whole number is refused (DATABASE_DAMAGED): treating it as current would let this version write
 * into a schema it does not know.
 */
export async function readSchemaVersion(knex: Knex): Promise<number> {
  const hasMeta = await knex.schema.hasTable('meta');
  if (!hasMeta) return 0;
  const row = await knex('meta').where({ key: 'schema_version' }).first<{ value: unknown } | undefined>('value');
  if (!row) return 0;
  const text = String(row.value);
  if (!/^\d{1,6}$/.test(text)) {
    throw new AppError(
      'DATABASE_DAMAGED',
      `The schema version stored in the file is not a number: ${text.slice(0, 40)}`,
      {
        reason: 'schemaVersion',
      },
    );
  }
  return Number(text);
}

/** Runs the migrations a database lacks and records the schema version (in one place for open and restore). */
export async function migrateToLatest(knex: Knex): Promise<void> {
  await knex.migrate.latest({ migrationSource });
  await knex('meta')
    .insert({ key: 'schema_version', value: String(SCHEMA_VERSION) })
    .onConflict('key')
    .merge();
}

/**
 * Checks that a file could replace the registry (a backup about to be restored): a sound SQLite
 * database whose schema this version knows. Throws DATABASE_DAMAGED or SCHEMA_TOO_NEW before
 * anything is replaced.
 */
export async function assertRestorable(filePath: string): Promise<void> {
  await checkHeader(filePath);
  const knex = openKnex(filePath, { inspect: true });
  try {
    const problems = await integrityProblems(knex);
    if (problems.length > 0)
      throw new AppError('DATABASE_DAMAGED', `The backup is damaged: ${problems.slice(0, 5).join('; ')}`, {
        problems: problems.slice(0, 20),
      });
    const version = await readSchemaVersion(knex);
    if (version > SCHEMA_VERSION)
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `The backup was made by a newer version (schema ${String(version)}, this version knows ${String(SCHEMA_VERSION)}).`,
        { databaseVersion: version, supportedVersion: SCHEMA_VERSION },
      );
    if (version === 0 || !(await knex.schema.hasTable('municipalities')))
      throw new AppError('DATABASE_DAMAGED', 'The file is not a registry database.', { reason: 'notRegistry' });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DATABASE_DAMAGED', 'The backup is not a readable registry database.', { reason: 'unreadable' });
  } finally {
    await knex.destroy();
  }
}

export type OpenOptions = {
  /** Called before pending migrations run on a database that already has data (after the automatic backup). */
  beforeMigrate?: (from: number, to: number) => Promise<void>;
  /** Make the daily backup (at most one per 24 hours) of an existing database: app starts. */
  dailyBackup?: boolean;
};

/** Above this size the open check is `quick_check` (seconds instead of minutes on big files). */
export const QUICK_CHECK_BYTES = 256 * 1024 * 1024;

/** Details of DATABASE_DAMAGED / SCHEMA_TOO_NEW: what is wrong and which backups could replace it. */
async function damaged(filePath: string, message: string, extra: Record<string, unknown> = {}): Promise<AppError> {
  return new AppError('DATABASE_DAMAGED', message, { ...extra, filePath, backups: await listBackups(filePath) });
}

/** Refuses a file that exists but is not an SQLite database (zero bytes, truncated header, other content). */
async function checkHeader(filePath: string): Promise<void> {
  if (!existsSync(filePath)) return;
  const info = await stat(filePath);
  if (info.size === 0)
    throw await damaged(filePath, `The file ${filePath} is empty (0 bytes): it is not a registry database.`, {
      reason: 'empty',
    });
  const handle = await openFile(filePath, 'r');
  try {
    const buffer = Buffer.alloc(16);
    await handle.read(buffer, 0, 16, 0);
    if (buffer.toString('latin1') !== SQLITE_HEADER) {
      throw await damaged(filePath, `The file ${filePath} is not an SQLite database.`, { reason: 'notSqlite' });
    }
  } finally {
    await handle.close();
  }
}

/**
 * Opens (creating if needed) and migrates a registry database: a file, or a registry on a server
 * named by a `postgres://` URL. A database made by a newer version is refused without touching it.
 */
export async function openDatabase(location: string, options: OpenOptions = {}): Promise<Database> {
  return isServerLocation(location) ? openServerDatabase(location, options) : openFileDatabase(location, options);
}

/**
 * Whether the connected role may change the registry's structure: it owns the schema's tables (or
 * is a member of the role that does), or is a superuser.
 */
async function mayChangeSchema(knex: Knex): Promise<boolean> {
  const result = await knex.raw<{ rows: { may: boolean | number | null }[] }>(
    `select coalesce((select pg_has_role(current_user, tableowner, 'USAGE') from pg_tables
        where schemaname = current_schema() and tablename = 'knex_migrations'), true)
      or (select rolsuper from pg_roles where rolname = current_user) as may`,
  );
  // The registry's connections read booleans as 0/1, as SQLite answers them.
  const may = result.rows[0]?.may;
  return may === null || may === undefined || Boolean(may);
}

/**
 * Opens a registry on a PostgreSQL server. Its schema is migrated when the connecting role may
 * (the role that owns it: the administrator's); a staff role that may not is told that an
 * administrator must run `twinreg init`. The password is never part of what it says.
 */
async function openServerDatabase(url: string, options: OpenOptions): Promise<Database> {
  const location = redactLocation(url);
  const knex = openServerKnex(url);
  try {
    const current = await readSchemaVersion(knex);
    if (current > SCHEMA_VERSION) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `The registry ${location} was made by a newer version of Twinning Registry (schema ${current}, this version knows ${SCHEMA_VERSION}). Update the application to open it.`,
        { databaseVersion: current, supportedVersion: SCHEMA_VERSION, filePath: location, backups: [] },
      );
    }
    if (current < SCHEMA_VERSION) {
      if (current > 0 && options.beforeMigrate) await options.beforeMigrate(current, SCHEMA_VERSION);
      try {
        // A staff role that does not own the schema is told so before anything is tried: the
        // migrator's own output ("migration file … failed … must be owner of table") preceded the
        // message before (walkthrough 18).
        if (current > 0 && !(await mayChangeSchema(knex)))
          throw Object.assign(new Error('must be owner of the registry'), { code: '42501' });
        await migrateToLatest(knex);
      } catch (error) {
        if (!isPermissionError(error)) throw error;
        const user = await knex
          .raw<{ rows: { user: string }[] }>('select current_user as "user"')
          .then((result) => result.rows[0]?.user ?? '')
          .catch(() => '');
        throw new AppError(
          'FORBIDDEN',
          current === 0
            ? `The database ${location} holds no registry yet, and the database user ${user} may not create one: an administrator must run \`twinreg init --db postgres://…\` first.`
            : `The registry ${location} needs an update of its structure (schema ${current} → ${SCHEMA_VERSION}) that the database user ${user} may not make: an administrator must run \`twinreg init --db postgres://…\` with this version.`,
          { reason: 'migrationNotAllowed', databaseVersion: current, supportedVersion: SCHEMA_VERSION },
        );
      }
    }
  } catch (error) {
    await knex.destroy();
    if (error instanceof AppError) throw error;
    const message = scrubPassword(error instanceof Error ? error.message : String(error), url);
    const failure = driverFailure(error);
    if (failure === 'forbidden')
      throw new AppError('FORBIDDEN', `The database user may not read the registry ${location}: ${message}`);
    throw new AppError('IO', `Cannot open the registry ${location}: ${message}`);
  }
  // Created here, where the URL with its password is known; it connects only when a host listens.
  const changes = createChangeFeed(url);
  return {
    knex,
    // The server runs reports' queries beside the writes: one pool serves both.
    reader: knex,
    filePath: location,
    dialect: 'postgres',
    backupProblem: null,
    changes,
    close: async () => {
      await changes.stop();
      await knex.destroy();
    },
  };
}

async function openFileDatabase(filePath: string, options: OpenOptions): Promise<Database> {
  const existed = existsSync(filePath);
  await checkHeader(filePath);
  // Copies that a crashed backup, export or restore left beside the registry.
  await removeOrphanedTemporaries(path.dirname(filePath));
  await removeOrphanedTemporaries(backupFolder(filePath));
  const knex = openKnex(filePath);
  let backupProblem: string | null = null;
  try {
    if (!existed) {
      // A new registry is the user's alone (SQLite creates it with the umask's mode; its -wal and
      // -shm files take the mode of the database file).
      await knex.raw('select 1');
      await chmod(filePath, PRIVATE_FILE_MODE);
    }
    if (existed) {
      // integrity_check and foreign_key_check before anything writes to the file.
      const size = (await stat(filePath)).size;
      const problems = await integrityProblems(knex, size > QUICK_CHECK_BYTES);
      if (problems.length > 0) {
        throw await damaged(filePath, `The database ${filePath} is damaged: ${problems.slice(0, 5).join('; ')}`, {
          reason: 'integrity',
          problems: problems.slice(0, 20),
        });
      }
    }
    const current = await readSchemaVersion(knex);
    if (current > SCHEMA_VERSION) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `The database ${filePath} was made by a newer version of Twinning Registry (schema ${current}, this version knows ${SCHEMA_VERSION}). Update the application to open it.`,
        { databaseVersion: current, supportedVersion: SCHEMA_VERSION, filePath, backups: await listBackups(filePath) },
      );
    }
    if (current < SCHEMA_VERSION) {
      if (current > 0) {
        await createBackup(knex, filePath, 'migration');
        if (options.beforeMigrate) await options.beforeMigrate(current, SCHEMA_VERSION);
      }
      await migrateToLatest(knex);
    } else if (existed && options.dailyBackup) {
      // A registry that cannot be backed up today (a nearly full disk) still opens: the user is
      // warned and the backup is retried, instead of being locked out of their data.
      try {
        await ensureDailyBackup(knex, filePath);
      } catch (error) {
        backupProblem = error instanceof Error ? error.message : String(error);
      }
    }
  } catch (error) {
    await knex.destroy();
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (isUnreadableFileMessage(message)) {
      throw await damaged(filePath, `The file ${filePath} is not a readable registry database: ${message}`, {
        reason: 'unreadable',
      });
    }
    throw new AppError('IO', `Cannot open the database ${filePath}: ${message}`);
  }
  const reader = openReadKnex(filePath);
  return {
    knex,
    reader,
    filePath,
    dialect: 'sqlite',
    backupProblem,
    changes: null,
    close: async () => {
      await reader.destroy();
      await knex.destroy();
    },
  };
}

export const migrationNames = (): string[] => MIGRATIONS.map((migration) => migration.name);

export type InspectionResult = {
  ok: boolean;
  /** The file can be read but not written (read-only medium or permissions): checked read-only. */
  readOnly: boolean;
  problems: string[];
  schemaVersion: number | null;
  supportedVersion: number;
};

/**
 * Checks a registry file without opening it for use (no migration, no write): header,
 * integrity_check, foreign_key_check and schema version. For `twinreg check`.
 */
/**
 * Attachments whose stored bytes no longer have the hash they were stored under (a damaged page
 * SQLite's own check does not see: the bytes are valid, only different), with the names the
 * registry knows them by. Read a few at a time, in key order: contents may be up to 20 MB each.
 */
async function attachmentProblems(knex: Knex): Promise<string[]> {
  if (!(await knex.schema.hasTable('attachment_contents'))) return [];
  const problems: string[] = [];
  let after = '';
  for (;;) {
    const rows = await knex('attachment_contents')
      .where('sha256', '>', after)
      .orderBy('sha256')
      .limit(4)
      .select<{ sha256: string; content: Buffer | Uint8Array }[]>('sha256', 'content');
    for (const row of rows) {
      if (createHash('sha256').update(row.content).digest('hex') === row.sha256) continue;
      const names = await knex('attachments').where({ sha256: row.sha256 }).pluck<string[]>('file_name');
      problems.push(
        `attachment content ${row.sha256.slice(0, 12)}… (${names.join(', ') || 'no attachment names it'}) does not match its hash`,
      );
    }
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < 4) return problems;
    after = last.sha256;
  }
}

export async function inspectDatabase(filePath: string): Promise<InspectionResult> {
  const result: InspectionResult = {
    ok: false,
    readOnly: false,
    problems: [],
    schemaVersion: null,
    supportedVersion: SCHEMA_VERSION,
  };
  if (isServerLocation(filePath))
    return {
      ...result,
      problems: [
        `${redactLocation(filePath)} is a registry on a database server: the server keeps its integrity; \`twinreg check\` checks registry files.`,
      ],
    };
  if (!existsSync(filePath)) return { ...result, problems: [`No file ${filePath}`] };
  try {
    await checkHeader(filePath);
  } catch (error) {
    return { ...result, problems: [error instanceof Error ? error.message : String(error)] };
  }
  result.readOnly = !(await writable(filePath));
  // A file that cannot be written is read as immutable: SQLite could not make its lock files.
  const knex = openKnex(filePath, result.readOnly ? { immutable: true } : { inspect: true });
  try {
    result.problems = await integrityProblems(knex);
    result.schemaVersion = await readSchemaVersion(knex);
    result.problems.push(...(await attachmentProblems(knex)));
    if (result.schemaVersion > SCHEMA_VERSION) {
      result.problems.push(
        `Schema ${String(result.schemaVersion)} is newer than this version knows (${String(SCHEMA_VERSION)}).`,
      );
    }
  } catch (error) {
    result.problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    await knex.destroy();
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** Whether the file and its folder can be written (SQLite writes its -wal and -shm beside it). */
async function writable(filePath: string): Promise<boolean> {
  try {
    await access(filePath, constants.W_OK);
    await access(path.dirname(filePath), constants.W_OK);
    // root passes access() on a read-only mount: the mount itself is asked.
    const probe = await openFile(filePath, 'r+');
    await probe.close();
    return true;
  } catch {
    return false;
  }
}
