import { openDatabase } from '../../electron/core/db/database';
import { loadDemoData } from '../../electron/core/services/demo-service';
import { adminKnex, databaseUrl, demoTemplateDatabase, runPrefix, serverTestUrl, templateDatabase } from './server-db';
import { RESOURCES_DIR } from './temp-db';

/**
 * Vitest global setup of the PostgreSQL run: gives the run its id (the prefix of its databases),
 * makes the migrated templates every test database is copied from, and at the end drops every
 * database of this run (also those a failed test left).
 */
async function dropRunDatabases(url: string): Promise<void> {
  const db = adminKnex(url);
  try {
    const rows = await db.select<{ datname: string }[]>('datname').from('pg_database');
    const prefix = runPrefix();
    for (const { datname } of rows) {
      if (datname.startsWith(prefix)) await db.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await db.destroy();
  }
}

export async function setup(): Promise<void> {
  const url = serverTestUrl();
  if (url === null) throw new Error('The PostgreSQL tests need TWINREG_TEST_DATABASE_URL (see .ci/run).');
  process.env.TWINREG_TEST_RUN = `${String(process.pid)}${Date.now().toString(36)}`;
  for (const name of [templateDatabase(), demoTemplateDatabase()]) {
    const db = adminKnex(url);
    try {
      await db.raw("create database ?? encoding 'UTF8' template template0", [name]);
    } finally {
      await db.destroy();
    }
    const registry = await openDatabase(databaseUrl(url, name));
    try {
      if (name === demoTemplateDatabase()) await loadDemoData(registry.knex, RESOURCES_DIR);
    } finally {
      await registry.close();
    }
  }
}

export async function teardown(): Promise<void> {
  const url = serverTestUrl();
  if (url !== null) await dropRunDatabases(url);
}
