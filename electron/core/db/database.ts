import type { Knex } from 'knex';
import { AppError } from '../../../shared/domain/errors';
import { openKnex } from './connection';
import { MIGRATIONS, SCHEMA_VERSION, migrationSource } from './migrations/index';

export type Database = {
  knex: Knex;
  filePath: string;
  close: () => Promise<void>;
};

/** Reads the schema version stored in `meta`, or 0 for a new, empty file. */
export async function readSchemaVersion(knex: Knex): Promise<number> {
  const hasMeta = await knex.schema.hasTable('meta');
  if (!hasMeta) return 0;
  const row = await knex('meta').where({ key: 'schema_version' }).first<{ value: string } | undefined>();
  return row ? Number(row.value) : 0;
}

export type OpenOptions = {
  /** Called before pending migrations run on a database that already has data (backups hook here). */
  beforeMigrate?: (from: number, to: number) => Promise<void>;
};

/**
 * Opens (creating if needed) and migrates a registry database. A database made by a newer
 * version is refused without touching it.
 */
export async function openDatabase(filePath: string, options: OpenOptions = {}): Promise<Database> {
  const knex = openKnex(filePath);
  try {
    const current = await readSchemaVersion(knex);
    if (current > SCHEMA_VERSION) {
      throw new AppError(
        'SCHEMA_TOO_NEW',
        `The database ${filePath} was made by a newer version of Twinning Registry (schema ${current}, this version knows ${SCHEMA_VERSION}). Update the application to open it.`,
        { databaseVersion: current, supportedVersion: SCHEMA_VERSION },
      );
    }
    if (current < SCHEMA_VERSION) {
      if (current > 0 && options.beforeMigrate) await options.beforeMigrate(current, SCHEMA_VERSION);
      await knex.migrate.latest({ migrationSource });
      await knex('meta')
        .insert({ key: 'schema_version', value: String(SCHEMA_VERSION) })
        .onConflict('key')
        .merge();
    }
  } catch (error) {
    await knex.destroy();
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database|malformed/i.test(message)) {
      throw new AppError('DATABASE_DAMAGED', `The file ${filePath} is not a readable registry database: ${message}`);
    }
    throw new AppError('IO', `Cannot open the database ${filePath}: ${message}`);
  }
  return { knex, filePath, close: () => knex.destroy() };
}

export const migrationNames = (): string[] => MIGRATIONS.map((migration) => migration.name);
