import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

// The worker's registry and preferences are shared with the specs that run after these: the
// language goes back to Czech whatever a test switched to.
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ language: 'cs' });
});

const grid = (page: Page) => page.getByTestId('partnerships-grid');

/** Types a signature date before the start of the Wels partnership: core asks, the toast stays until closed. */
async function signedBeforeStartToast(page: Page, webApp: { ctx: { db: { knex: import('knex').Knex } } }) {
  // Set before the grid loads its rows: no signature and no confirmation from an earlier test of
  // this worker, so the question is asked.
  const knex = webApp.ctx.db.knex;
  const { id } = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Wels')
    .first<{ id: number }>('p.id');
  await knex('partnerships')
    .where({ id })
    .update({ started_on: '2001-06-01', signed_on: null, acknowledged_warnings: null });
  await page.reload();
  // The language is kept across the tests of a worker: these start in Czech.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('quick-search').fill('wels');
  const signed = grid(page).locator(`.ag-row[row-id="${String(id)}"] .ag-cell[col-id="signedOn"]`);
  await signed.dblclick();
  await signed.locator('input').fill('2000-03-01');
  await signed.locator('input').press('Enter');
  const toast = page.getByTestId('toast-error');
  await expect(toast).toContainText(/Podepsáno \(.+ – Wels\): Podpis je dřív než zahájení\./);
  return toast;
}

test('a toast on screen follows a change of language (review D25)', async ({ appPage: page, webApp }) => {
  const question = await signedBeforeStartToast(page, webApp);
  await expect(question.getByTestId('toast-action')).toHaveText('Přesto uložit');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-now').click();
  const made = page.getByTestId('toast-ok');
  await expect(made).toContainText('byla vytvořena a ověřena');

  await page.getByTestId('language-en').click();
  // Both notices are said again in English: the question, its button, the backup's sentence.
  await expect(question).toContainText(
    /Signed \(.+ – Wels\): The signature is before the start\. Correct the date or confirm it\./,
  );
  await expect(question.getByTestId('toast-action')).toHaveText('Save anyway');
  await expect(made).toContainText('was made and verified');
  await saveScreen(page, 'notices-after-language-switch-en');

  await page.getByTestId('language-cs').click();
  await expect(question).toContainText(/Podepsáno \(.+ – Wels\): Podpis je dřív než zahájení\./);
  await expect(question.getByTestId('toast-action')).toHaveText('Přesto uložit');
  await saveScreen(page, 'notices-after-language-switch-cs');
});

for (const language of ['cs', 'en'] as const) {
  test(`a toast does not cover the buttons of the grid's last rows at 1280×720 (${language})`, async ({
    appPage: page,
    webApp,
  }) => {
    const toast = await signedBeforeStartToast(page, webApp);
    if (language === 'en') {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
      await page.getByTestId('nav-partnerships').click();
      await expect(toast).toContainText('Signed (');
    }
    await page.getByTestId('quick-search').fill('');
    await expect(grid(page).locator('.ag-row[row-id]')).not.toHaveCount(1);
    // Scrolled to the foot of the grid: its last row is shown where the toast would be.
    await grid(page).locator('.ag-row[row-id]').first().hover();
    await page.mouse.wheel(0, 20000);
    const lastRow = grid(page)
      .locator('.ag-row-last')
      .filter({ has: page.getByTestId('open-partnership') });
    await expect(lastRow).toBeVisible();
    // The grid ends above the toast, and the last row's buttons are above it too.
    const toastTop = (await toast.boundingBox())?.y ?? 0;
    expect(toastTop).toBeGreaterThan(500);
    const gridBox = await grid(page).boundingBox();
    expect(gridBox).not.toBeNull();
    if (gridBox) expect(gridBox.y + gridBox.height).toBeLessThanOrEqual(toastTop);
    for (const button of ['open-partnership', 'delete-partnership']) {
      const box = await lastRow.getByTestId(button).boundingBox();
      expect(box).not.toBeNull();
      if (box) expect(box.y + box.height).toBeLessThanOrEqual(toastTop);
    }
    await saveScreen(page, `notices-grid-foot-${language}`);
  });
}

test('a lost database server is said until it is back, then a toast says so (walkthrough 18)', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-partnerships').click();
  await expect(page.getByTestId('server-connection-lost')).toHaveCount(0);
  // What core says when the server registry's connection goes (db/notify.ts; tested on a server in
  // tests/unit/core/shared-registry.test.ts and two-clients.spec.ts).
  const notice = page.getByTestId('server-connection-lost');
  // Said again until the page hears it (its event stream may still be connecting).
  const serverGone = async () =>
    expect(async () => {
      webApp.ctx.emit('registry:connection', { connected: false });
      await expect(notice).toBeVisible({ timeout: 1_000 });
    }).toPass();
  await serverGone();
  await expect(notice).toContainText('Spojení s databázovým serverem registru je přerušené.');
  await expect(notice).toContainText('nic se teď neuloží');
  await saveScreen(page, 'server-connection-lost');
  webApp.ctx.emit('registry:connection', { connected: true });
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('toast-ok').first()).toContainText('Spojení s databázovým serverem je obnovené');
  // In English too.
  await webApp.ctx.preferences.set({ language: 'en' });
  await page.reload();
  await serverGone();
  await expect(page.getByTestId('server-connection-lost')).toContainText(
    'The connection to the registry’s database server is lost.',
  );
  await saveScreen(page, 'server-connection-lost-en');
  // Another registry put in place (Settings switching registries) ends the notice without a toast.
  webApp.ctx.emit('data:changed', { tables: ['municipalities'], replaced: true });
  await expect(page.getByTestId('server-connection-lost')).toHaveCount(0);
});
