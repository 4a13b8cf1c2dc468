import { openDatabase } from '../../electron/core/db/database';
import { loadDemoData } from '../../electron/core/services/demo-service';
import { adminKnex, DEMO_TEMPLATE_DATABASE, databaseUrl, serverTestUrl, TEMPLATE_DATABASE } from './server-db';
import { RESOURCES_DIR } from './temp-db';

/**
 * Vitest global setup of the PostgreSQL run: makes the migrated template every test database is
 * copied from, and at the end drops every test database a crashed test may have left.
 */
async function dropTestDatabases(url: string, includingTemplate: boolean): Promise<void> {
  const db = adminKnex(url);
  try {
    const rows = await db
      .select<{ datname: string }[]>('datname')
      .from('pg_database')
      .where('datname', 'like', 'twinreg\\_test\\_%');
    for (const { datname } of rows) {
      if (datname === TEMPLATE_DATABASE && !includingTemplate) continue;
      await db.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await db.destroy();
  }
}

export async function setup(): Promise<void> {
  const url = serverTestUrl();
  if (url === null) throw new Error('The PostgreSQL tests need TWINREG_TEST_DATABASE_URL (see .ci/run).');
  await dropTestDatabases(url, true);
  for (const name of [TEMPLATE_DATABASE, DEMO_TEMPLATE_DATABASE]) {
    const db = adminKnex(url);
    try {
      await db.raw("create database ?? encoding 'UTF8' template template0", [name]);
    } finally {
      await db.destroy();
    }
    const registry = await openDatabase(databaseUrl(url, name));
    try {
      if (name === DEMO_TEMPLATE_DATABASE) await loadDemoData(registry.knex, RESOURCES_DIR);
    } finally {
      await registry.close();
    }
  }
}

export async function teardown(): Promise<void> {
  const url = serverTestUrl();
  if (url !== null) await dropTestDatabases(url, true);
}
