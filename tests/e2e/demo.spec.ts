import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

test('the demo banner says the registry holds demo data; removal keeps staff data and asks first', async ({ page }) => {
  // A registry of its own: removing the demo data must not change what other specs of this worker see.
  const webApp = await startWebApp();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const knex = webApp.ctx.db.knex;
  // Staff's own member, typed beside the demo.
  const district = await knex('districts').first<{ id: number }>('id');
  await knex('municipalities').insert({
    code: '599901',
    name: 'Skutečná Lhota',
    kind: 'obec',
    district_id: district.id,
    is_member: true,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  });
  const staffBefore = await knex('municipalities').whereNull('source').count<{ n: number }[]>({ n: '*' });
  await page.goto(webApp.url);
  await page.getByTestId('nav-members').click();
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('ukázková data');
  await saveScreen(page, 'demo-banner');

  await page.getByTestId('demo-remove').click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Předtím se vytvoří záloha');
  await confirm.getByRole('button', { name: 'Odstranit ukázková data' }).click();
  await expect(page.getByTestId('toast-ok')).toContainText('Ukázková data odstraněna');
  await expect(banner).toBeHidden();
  // Staff's records are all there; of the demo only what staff's data refers to is left.
  await expect(page.getByTestId('members-grid')).toContainText('Skutečná Lhota');
  expect(await knex('municipalities').whereNull('source').count<{ n: number }[]>({ n: '*' })).toEqual(staffBefore);
  expect(await knex('contacts').where({ source: 'demo' }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 0 }]);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('backups-table')).toContainText('před odstraněním ukázkových dat');
  expect(errors).toEqual([]);
  // The page leaves before its registry closes (no request of it may be under way then).
  await page.goto('about:blank');
  await webApp.close();
});
