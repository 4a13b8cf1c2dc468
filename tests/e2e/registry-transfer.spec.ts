import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAppContext } from '../../electron/core/context';
import { openKnex } from '../../electron/core/db/connection';
import { exportRegistry } from '../../electron/core/db/registry-copy';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { createFilePreferences } from '../../electron/core/preferences-file';
import { startWebServer } from '../../electron/cli/web-server';
import { adminKnex, databaseUrl, serverTestUrl } from '../support/server-db';
import { RESOURCES_DIR, tempDir } from '../support/temp-db';
import { expect, saveScreen, test } from '../support/web-fixture';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER_DIR = process.env.TWINREG_RENDERER_OUT ?? path.join(ROOT, 'dist', 'renderer');
const ADMIN_URL = serverTestUrl();

test.use({ viewport: { width: 1280, height: 720 } });

/** Rows of a registry file's table. */
async function countIn(file: string, table: string): Promise<number> {
  const db = openKnex(file, { inspect: true });
  try {
    return Number((await db(table).count<{ n: number }[]>({ n: '*' }))[0]?.n);
  } finally {
    await db.destroy();
  }
}

test('Settings ▸ Move the registry: the registry exported to a verified file; import offered only on a server (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('registry-transfer');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('heading')).toHaveText('Přenos registru');
  // A registry file: import is the way onto a server, not into a file (there, a backup is restored).
  await expect(page.getByTestId('transfer-import')).toBeDisabled();
  await expect(page.getByTestId('transfer-import-why')).toContainText('jen do registru na serveru');

  await page.getByTestId('transfer-export').click();
  const toast = page.getByTestId('toast-ok').filter({ hasText: 'Registr je uložený v souboru' });
  await expect(toast).toBeVisible();
  const text = (await toast.textContent()) ?? '';
  const file = /v souboru (.+\.db):/.exec(text)?.[1] ?? '';
  expect(path.dirname(file)).toBe(webApp.outputDir);
  expect(existsSync(file)).toBe(true);
  // The file holds the registry's members as they are now.
  const members = Number((await webApp.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  expect(await countIn(file, 'municipalities')).toBe(members);
  await card.scrollIntoViewIfNeeded();
  await saveScreen(page, 'registry-transfer-cs');

  await page.getByTestId('language-en').click();
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('heading')).toHaveText('Move the registry');
  await expect(page.getByTestId('transfer-import-why')).toContainText('only into a registry on a server');
  await saveScreen(page, 'registry-transfer-en');
  // The worker's other specs expect Czech.
  await page.getByTestId('language-cs').click();
  await expect(card.getByRole('heading')).toHaveText('Přenos registru');
});

test('Settings ▸ Move the registry on a server: a registry file imported after a confirmation, refused once the registry holds data (cs, en)', async ({
  page,
  webApp,
}) => {
  test.skip(ADMIN_URL === null, 'TWINREG_TEST_DATABASE_URL is not set (a PostgreSQL server; see .ci/run)');
  if (ADMIN_URL === null) return;
  test.setTimeout(180_000);
  // The registry file to move: a verified copy of the worker's registry (demo data).
  const dir = tempDir('twinreg-e2e-transfer-');
  const file = path.join(dir, 'registr.db');
  await exportRegistry(webApp.ctx.db.reader, file, () => Promise.resolve());
  const name = `twinreg_e2e_transfer_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
  const admin = adminKnex(ADMIN_URL);
  try {
    await admin.raw("create database ?? encoding 'UTF8' template template0", [name]);
  } finally {
    await admin.destroy();
  }
  const preferencesPath = path.join(dir, 'preferences.json');
  writeFileSync(preferencesPath, JSON.stringify({ welcomed: true }));
  let broadcast: (event: string, payload: unknown) => void = () => undefined;
  // The administrator's app on a new, empty server registry; its "open file" dialog picks the file.
  const ctx = await createAppContext({
    databasePath: databaseUrl(ADMIN_URL, name),
    resourcesDir: RESOURCES_DIR,
    appVersion: 'e2e',
    preferences: createFilePreferences(preferencesPath),
    dialogs: {
      saveFile: () => Promise.resolve(null),
      openFile: () => Promise.resolve(file),
      chooseFolder: () => Promise.resolve(null),
    },
    events: (event, payload) => broadcast(event, payload),
  });
  const server = await startWebServer({
    dispatch: createDispatch(createHandlers(ctx), {
      validateOutput: true,
      jsonText: true,
      logError: (e) => console.error(e),
    }),
    staticDir: RENDERER_DIR,
  });
  broadcast = server.broadcast;
  try {
    await page.goto(server.url);
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('registry-transfer');
    await card.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('transfer-import')).toBeEnabled();
    await page.getByTestId('transfer-import').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('Jde to jen do prázdného registru');
    await saveScreen(page, 'registry-transfer-import-confirm-cs');
    await page.getByTestId('confirm-ok').click();
    await expect(
      page.getByTestId('toast-ok').filter({ hasText: 'Registr ze souboru registr.db je nahraný' }),
    ).toBeVisible({
      timeout: 60_000,
    });
    const members = Number((await webApp.ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    const imported = Number((await ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n);
    expect(imported).toBe(members);
    await card.scrollIntoViewIfNeeded();
    await saveScreen(page, 'registry-transfer-imported-cs');

    // In English: the registry now holds data, so a second import is refused, naming what is there.
    await page.getByTestId('language-en').click();
    await card.scrollIntoViewIfNeeded();
    await page.getByTestId('transfer-import').click();
    await expect(dialog).toContainText('Only into an empty registry');
    await saveScreen(page, 'registry-transfer-import-confirm-en');
    await page.getByTestId('confirm-ok').click();
    const refused = page.getByTestId('toast-error').filter({ hasText: 'The registry on the server is not empty' });
    await expect(refused).toContainText('municipalities');
    await card.scrollIntoViewIfNeeded();
    await saveScreen(page, 'registry-transfer-refused-en');
    expect(Number((await ctx.db.knex('municipalities').count<{ n: number }[]>({ n: '*' }))[0]?.n)).toBe(members);
  } finally {
    await server.close();
    await ctx.close();
    const dropper = adminKnex(ADMIN_URL);
    try {
      await dropper.raw('drop database if exists ?? with (force)', [name]);
    } finally {
      await dropper.destroy();
    }
  }
});
