import type { Locator, Page } from '@playwright/test';
import { createDispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/core/handlers';
import { expect, saveScreen, searchPartnerships, test } from '../support/web-fixture';

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

test('the Partnerships quick search finds the Wien partnership by „Vienna“, its other name', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  // Tábor – Wien, as the test above saves it (added here when that test did not run before).
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const town = await knex('foreign_towns').where({ geonames_id: 2761369 }).first<{ id: number } | undefined>('id');
  const pair =
    town === undefined
      ? undefined
      : await knex('partnerships').where({ municipality_id: tabor.id, foreign_town_id: town.id }).first('id');
  if (pair === undefined) {
    const created = await createDispatch(createHandlers(webApp.ctx))('partnerships:create', {
      municipalityId: tabor.id,
      type: 'friendship',
      status: 'active',
      town: { name: 'Wien', nameCs: 'Vídeň', countryCode: 'AT', geonamesId: 2761369 },
    });
    expect(created.ok).toBe(true);
  }
  expect(
    await knex('foreign_towns').where({ geonames_id: 2761369 }).first('name', 'name_cs', 'alt_names'),
  ).toMatchObject({ name: 'Wien', name_cs: 'Vídeň', alt_names: expect.stringMatching(/^Vienna$/m) });

  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  for (const query of ['Vienna', 'vienna tabor', 'Vídeň', 'Wien']) {
    await searchPartnerships(page, query);
    await expect(grid.locator('.ag-row'), query).toHaveCount(1);
    await expect(grid.locator('.ag-row').first(), query).toContainText('Wien');
    await expect(grid.locator('.ag-row').first(), query).toContainText('Tábor');
    if (query === 'Vienna') await saveScreen(page, 'partnerships-quick-search-vienna');
  }
  // The other names are searched, not shown: no cell of the grid says „Vienna“.
  await searchPartnerships(page, 'Vienna');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  await expect(grid.locator('.ag-cell', { hasText: 'Vienna' })).toHaveCount(0);
  await page.getByTestId('quick-search').fill('');
});
