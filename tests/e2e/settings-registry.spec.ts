import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { adminKnex } from '../support/server-db';
import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

/*
 * Settings ▸ Where the registry is (issue 15): the connection profile of a registry on a
 * PostgreSQL server, its test, and Settings on a server registry (the server's facts, backups that
 * are the server's). The form runs on the worker's SQLite registry; the switch to a server needs a
 * PostgreSQL server (TWINREG_TEST_DATABASE_URL, as CI sets it) and is skipped, with the reason
 * printed, without one.
 */

test.use({ viewport: { width: 1280, height: 720 } });

const serverUrl = process.env.TWINREG_TEST_DATABASE_URL ?? '';

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

const openSettings = async (page: Page) => {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('registry-connection')).toBeVisible();
};

/** Scrolls the Settings page so that the registry's card is at the top of the view. */
const showRegistryCard = async (page: Page) => {
  await page.getByTestId('registry-connection').evaluate((card) => card.scrollIntoView({ block: 'start' }));
};

test('Settings: a server profile is checked and tested before any switch, in Czech and English', async ({
  appPage: page,
}) => {
  await openSettings(page);
  const card = page.getByTestId('registry-connection');
  await expect(page.getByTestId('registry-open')).toContainText('soubor');
  await expect(page.getByTestId('registry-kind-file')).toHaveAttribute('aria-checked', 'true');
  await expect(card).toContainText('Registr je soubor v tomto počítači');
  await expect(card).toContainText('Tento registr je právě otevřený.');
  await showRegistryCard(page);
  await saveScreen(page, 'settings-registry-file-cs');

  await page.getByTestId('registry-kind-server').click();
  // The web preview keeps no password: it says so.
  await expect(card).toContainText('Heslo se nikam neukládá');
  // A host that would smuggle a user into the URL is refused under its field; nothing is sent.
  await page.getByTestId('registry-host').fill('jana@db.svaz.cz');
  await page.getByTestId('registry-database').fill('registr');
  await page.getByTestId('registry-user').fill('jana');
  await page.getByTestId('registry-test').click();
  await expect(page.getByTestId('error-reg-host')).toContainText('Zadejte název serveru nebo IP adresu');
  await expect(page.getByTestId('registry-outcome')).toHaveCount(0);

  // Nobody answers on that port: "server unreachable", and the switch stays disabled.
  await page.getByTestId('registry-host').fill('127.0.0.1');
  await page.getByTestId('registry-port').fill(String(await closedPort()));
  await page.getByTestId('registry-password').fill('Tajne-heslo');
  await page.getByTestId('registry-test').click();
  await expect(page.getByTestId('registry-outcome')).toHaveAttribute('data-outcome', 'unreachable');
  await expect(page.getByTestId('registry-outcome')).toContainText('Server je nedostupný');
  await expect(page.getByTestId('registry-switch-server')).toBeDisabled();
  // The typed password is in the field only, never in the page's text.
  await expect(page.locator('body')).not.toContainText('Tajne-heslo');
  await showRegistryCard(page);
  await saveScreen(page, 'settings-registry-profile-cs');

  await page.getByTestId('language-en').click();
  try {
    await openSettings(page);
    await page.getByTestId('registry-kind-server').click();
    await page.getByTestId('registry-host').fill('127.0.0.1');
    await page.getByTestId('registry-port').fill(String(await closedPort()));
    await page.getByTestId('registry-database').fill('registr');
    await page.getByTestId('registry-user').fill('jana');
    await page.getByTestId('registry-test').click();
    await expect(page.getByTestId('registry-outcome')).toContainText('Server unreachable');
    await expect(page.getByTestId('registry-connection')).toContainText('The password is not stored anywhere');
    await showRegistryCard(page);
    await saveScreen(page, 'settings-registry-profile-en');
  } finally {
    await page.getByTestId('language-cs').click();
    await expect(page.getByTestId('language-cs')).toHaveAttribute('aria-checked', 'true');
  }
});

test('Settings on a registry on a PostgreSQL server: its facts, backups that are the server’s, and back to the file', async ({
  page,
}) => {
  if (serverUrl === '') {
    console.log(
      'settings-registry.spec.ts: no PostgreSQL server (TWINREG_TEST_DATABASE_URL is not set): the switch to a server is skipped',
    );
    test.skip(true, 'no PostgreSQL server (TWINREG_TEST_DATABASE_URL)');
    return;
  }
  const admin = new URL(serverUrl);
  const database = `twinreg_e2e_registry_${randomBytes(4).toString('hex')}`;
  const maintenance = adminKnex(serverUrl);
  // A registry of its own: the switch must not change what the other specs of this worker see.
  const webApp = await startWebApp();
  try {
    await maintenance.raw("create database ?? encoding 'UTF8' template template0", [database]);
    await page.goto(webApp.url);
    await openSettings(page);
    await page.getByTestId('registry-kind-server').click();
    await page.getByTestId('registry-host').fill(admin.hostname.replace(/^\[(.*)\]$/, '$1'));
    await page.getByTestId('registry-port').fill(admin.port === '' ? '5432' : admin.port);
    await page.getByTestId('registry-database').fill(database);
    await page.getByTestId('registry-user').fill(decodeURIComponent(admin.username));
    if (admin.password !== '') await page.getByTestId('registry-password').fill(decodeURIComponent(admin.password));
    await page.getByTestId('registry-test').click();
    const outcome = page.getByTestId('registry-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'connected');
    await expect(outcome).toContainText('Spojení funguje: PostgreSQL');
    await expect(outcome).toContainText('při přepnutí se v ní vytvoří prázdný');

    await page.getByTestId('registry-switch-server').click();
    // The window starts again on the registry on the server.
    await expect(page.getByTestId('registry-open')).toContainText(`server postgres://`);
    await expect(page.getByTestId('registry-open')).toContainText(database);
    const facts = page.getByTestId('database-facts');
    await expect(facts).toContainText('Verze serveru');
    await expect(facts).toContainText(/PostgreSQL \d+/);
    await expect(facts).toContainText(decodeURIComponent(admin.username));
    const backups = page.getByTestId('backups-server');
    await expect(backups).toContainText('zálohuje server, ne aplikace');
    await expect(backups).toContainText('pg_dump');
    // None of the file's backup actions, and no "backup folder" named after the URL.
    await expect(page.getByTestId('backup-now')).toHaveCount(0);
    await expect(page.getByTestId('backup-restore')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('Složka záloh');
    // No demo data into a registry that several staff members share.
    await expect(page.getByRole('button', { name: 'Nahrát ukázková data' })).toBeDisabled();
    if (admin.password !== '') await expect(page.locator('body')).not.toContainText(decodeURIComponent(admin.password));
    expect(webApp.ctx.db.dialect).toBe('postgres');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, 'settings-server-cs');
    await showRegistryCard(page);
    await saveScreen(page, 'settings-server-registry-cs');

    await page.getByTestId('language-en').click();
    await openSettings(page);
    await expect(page.getByTestId('backups-server')).toContainText('backed up by the server, not by the app');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, 'settings-server-en');
    await showRegistryCard(page);
    await saveScreen(page, 'settings-server-registry-en');
    await page.getByTestId('language-cs').click();

    // Back to the registry file: its demo data and its backups are there again.
    await page.getByTestId('registry-kind-file').click();
    await page.getByTestId('registry-switch-file').click();
    await expect(page.getByTestId('registry-open')).toContainText('soubor');
    await expect(page.getByTestId('backup-now')).toBeVisible();
    expect(webApp.ctx.db.dialect).toBe('sqlite');
  } finally {
    await webApp.close();
    await maintenance.raw('drop database if exists ?? with (force)', [database]).catch(() => undefined);
    await maintenance.destroy();
  }
});
