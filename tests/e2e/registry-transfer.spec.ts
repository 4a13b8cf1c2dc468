import { existsSync } from 'node:fs';
import path from 'node:path';
import { openKnex } from '../../electron/core/db/connection';
import { expect, saveScreen, test } from '../support/web-fixture';

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
