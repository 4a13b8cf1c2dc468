import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/*
 * Walkthrough 19, finding 1: the gazetteer names Vienna, Munich and Warsaw in English; typing the
 * local name found nothing and the English name was stored as the local one.
 */

async function openNewPartnership(page: Page): Promise<Locator> {
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('add-partnership').click();
  return page.getByTestId('new-partnership');
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const ask = page.getByTestId('confirm-dialog');
  if (await ask.isVisible()) await ask.getByTestId('confirm-ok').click();
}

test('the partner town field finds Vienna as Wien by its local, Czech and English name', async ({
  appPage: page,
  webApp,
}) => {
  let dialog = await openNewPartnership(page);
  const input = dialog.getByTestId('town-input');
  const first = dialog.getByTestId('town-suggestion').first();
  for (const query of ['Vídeň', 'Vienna', 'Wien']) {
    await input.fill(query);
    await expect(dialog.getByTestId('town-suggestions-loading')).toHaveCount(0);
    await expect(first, query).toContainText('Wien (Vídeň) · Rakousko');
  }
  await saveScreen(page, 'town-local-name-wien');
  await input.fill('Warszawa');
  await expect(first).toContainText('Warszawa (Varšava) · Polsko');
  await input.fill('München');
  await expect(first).toContainText('München (Mnichov) · Německo');

  // Chosen and saved: the registry keeps Wien, with Vienna among its other names.
  const member = dialog
    .getByTestId('new-member')
    .locator('option', { hasText: /^Tábor\b/ })
    .first();
  await dialog.getByTestId('new-member').selectOption((await member.getAttribute('value')) ?? '');
  await input.fill('Wien');
  await expect(first).toContainText('Wien (Vídeň)');
  await first.click();
  await expect(dialog.getByTestId('town-chosen')).toContainText('Wien');
  await dialog.getByTestId('new-create').click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.locator('h2')).toContainText('Wien');
  expect(
    await webApp.ctx.db.knex('foreign_towns').where({ geonames_id: 2761369 }).first('name', 'name_cs', 'alt_names'),
  ).toEqual({ name: 'Wien', name_cs: 'Vídeň', alt_names: 'Vienna' });
  await detail.getByTestId('detail-close').click();

  // In English.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  try {
    dialog = await openNewPartnership(page);
    await dialog.getByTestId('town-input').fill('Vienna');
    await expect(dialog.getByTestId('town-suggestions-loading')).toHaveCount(0);
    await expect(dialog.getByTestId('town-suggestion').first()).toContainText('Wien (Vídeň) · Austria');
    await saveScreen(page, 'town-local-name-wien-en');
    await closeDialog(page);
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
});
