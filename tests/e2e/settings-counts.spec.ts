import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

test('Settings: the record counts follow a restored backup without a reload (review D24)', async ({ page }) => {
  // A registry of its own: restoring must not change what other specs of this worker see.
  const webApp = await startWebApp();
  const knex = webApp.ctx.db.knex;
  const contacts = async () => Number((await knex('contacts').count<{ n: number }[]>({ n: '*' }))[0]?.n);
  const before = await contacts();
  await page.goto(webApp.url);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backups-table').locator('tbody tr').first()).toBeVisible();
  // A contact removed behind the screen's back after the backup; a reload shows one fewer.
  const contact = await knex('contacts').first<{ id: number }>('id');
  await knex('contacts').where({ id: contact.id }).delete();
  await page.reload();
  await page.getByTestId('nav-settings').click();
  const row = page.getByTestId('table-counts').locator('tr', { hasText: 'kontakty' });
  await expect(row.locator('td.num')).toHaveText(String(before - 1));

  // The question takes the focus on its safe answer; Esc cancels it and nothing is restored.
  await page.getByTestId('backup-restore').first().click();
  await expect(page.getByRole('alertdialog').getByRole('button', { name: 'Zrušit' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('backup-restore-confirm')).toHaveCount(0);
  expect(await contacts()).toBe(before - 1);
  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Databáze byla obnovena ze zálohy');
  expect(await contacts()).toBe(before);
  await expect(row.locator('td.num')).toHaveText(String(before));
  await saveScreen(page, 'settings-counts-after-restore');
  await webApp.close();
});
