import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';

/**
 * Registries on a real PostgreSQL server for the tests. `TWINREG_TEST_DATABASE_URL` names a
 * maintenance database (`postgres://postgres@127.0.0.1:5433/postgres`) whose role may create
 * databases; unset, every test app is an SQLite file. Each test app gets a database of its own,
 * copied from a migrated template (`CREATE DATABASE … TEMPLATE`: milliseconds instead of running
 * every migration), and dropped at its cleanup.
 */
export const serverTestUrl = (): string | null => {
  const url = process.env.TWINREG_TEST_DATABASE_URL;
  return url === undefined || url === '' ? null : url;
};

/** Whether this run's test apps are registries on PostgreSQL. */
export const onServer = (): boolean => serverTestUrl() !== null;

/**
 * The databases of one test run share a prefix with its id (set by the global setup, inherited by
 * the workers), so that two runs on one server never drop each other's databases.
 */
export const runPrefix = (): string => `twinreg_test_${process.env.TWINREG_TEST_RUN ?? 'local'}_`;

/** The migrated, empty registry the test databases are copied from (made by the global setup). */
export const templateDatabase = (): string => `${runPrefix()}template`;
/** The same with the demo data loaded (most service tests start from it). */
export const demoTemplateDatabase = (): string => `${runPrefix()}template_demo`;

/** The URL of another database on the same server. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const adminKnex = (url: string): Knex =>
  knex({ client: 'pg', connection: { connectionString: url }, pool: { min: 0, max: 1 } });

/** A fresh registry database from a template; `drop` removes it (closing any connection left). */
export async function createServerDatabase(
  options: { demo?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = serverTestUrl();
  if (admin === null) throw new Error('TWINREG_TEST_DATABASE_URL is not set');
  const name = `${runPrefix()}${String(process.pid)}_${randomBytes(4).toString('hex')}`;
  const db = adminKnex(admin);
  try {
    await db.raw('create database ?? template ??', [name, options.demo ? demoTemplateDatabase() : templateDatabase()]);
  } finally {
    await db.destroy();
  }
  return {
    url: databaseUrl(admin, name),
    drop: async () => {
      const dropper = adminKnex(admin);
      try {
        await dropper.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await dropper.destroy();
      }
    },
  };
}

/**
 * Skips a test of what only a registry file has (a backup file, a restore, the file's mode, the
 * lock file beside it) when the run is on PostgreSQL, printing the reason. Call first in the test
 * with its context: `it('…', async (context) => { fileOnly(context, 'backup files'); … })`.
 */
export function fileOnly(context: { skip: (note?: string) => void }, reason: string): void {
  if (!onServer()) return;
  console.log(`Skipped on PostgreSQL (file registries only): ${reason}`);
  context.skip(`file registries only: ${reason}`);
}

/** Skips a test of what only a registry on a server has, on a registry file, printing the reason. */
export function serverOnly(context: { skip: (note?: string) => void }, reason: string): void {
  if (onServer()) return;
  console.log(`Skipped on a registry file (server registries only): ${reason}`);
  context.skip(`server registries only: ${reason}`);
}
