import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 23 on the Partnerships screen: the new-partnership dialog invents no type or status
 * (finding 3); the Typ and Stav column filters list the labels shown (findings 2 and 9); „Zrušit filtry“
 * and „Hledat ve všech partnerstvích“ clear the column filters too, and the notice names the
 * column filter that hides the rows (finding 8); the „Přesto uložit“ question names its row (11).
 */
test.use({ viewport: { width: 1280, height: 720 } });

// The worker's registry and preferences are shared with the specs after these.
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ language: 'cs' });
});

const grid = (page: Page) => page.getByTestId('partnerships-grid');

async function openPartnerships(page: Page, language: 'cs' | 'en' = 'cs'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('nav-partnerships').click();
  await expect(grid(page).locator('.ag-row').first()).toBeVisible();
}

/** Types into a column's text filter (its menu), as a user does. */
async function columnFilter(page: Page, colId: string, text: string): Promise<Locator> {
  const header = grid(page).locator(`.ag-header-cell[col-id="${colId}"]`);
  await header.locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter input.ag-input-field-input').first().fill(text);
  await page.keyboard.press('Escape');
  await expect(header).toHaveClass(/ag-header-cell-filtered/);
  return header;
}

/** Ticks only `codes` in a column's choice filter (its menu), as a user does; the popup stays open. */
async function chooseCodes(page: Page, colId: string, ...codes: string[]): Promise<Locator> {
  const header = grid(page).locator(`.ag-header-cell[col-id="${colId}"]`);
  await header.locator('.ag-header-cell-filter-button').click();
  const popup = page.getByTestId('choice-filter');
  await popup.getByTestId('choice-filter-none').click();
  for (const code of codes) await popup.getByTestId(`choice-filter-${code}`).check();
  await expect(header).toHaveClass(/ag-header-cell-filtered/);
  return popup;
}

const rowIds = async (page: Page): Promise<number[]> =>
  (await grid(page)
    .locator('.ag-center-cols-container .ag-row[row-id]')
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('row-id'))))) as number[];

test('a new partnership starts with type and status unknown and is stored so when they are left alone', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  await openPartnerships(page);
  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-partnership');
  await expect(dialog.getByTestId('new-type')).toHaveValue('unknown');
  await expect(dialog.getByTestId('new-type').locator('option:checked')).toHaveText('neuvedeno');
  await expect(dialog.getByTestId('new-status')).toHaveValue('unknown');
  await expect(dialog.getByTestId('new-status').locator('option:checked')).toHaveText('neuvedeno');
  await saveScreen(page, 'walk23-new-partnership-unknown-cs');
  // A member that has no partnership with Löbau (another spec may have added Tábor – Löbau).
  const member = await dialog
    .getByTestId('new-member')
    .locator('option', { hasText: /^Písek\b/ })
    .first()
    .getAttribute('value');
  await dialog.getByTestId('new-member').selectOption(member ?? '');
  await dialog.getByTestId('town-input').fill('lobau');
  await dialog.getByTestId('town-suggestion').filter({ hasText: 'Löbau' }).first().click();
  await expect(dialog.getByTestId('town-chosen')).toContainText('Löbau');
  await dialog.getByTestId('new-create').click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.locator('h2')).toContainText('Löbau');
  const stored = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Löbau')
    .andWhere('p.municipality_id', Number(member))
    .first<{ id: number; type: string; status: string }>('p.id', 'p.type', 'p.status');
  try {
    expect(stored).toBeDefined();
    expect(stored?.type).toBe('unknown');
    expect(stored?.status).toBe('unknown');
    await detail.getByTestId('detail-close').click();
  } finally {
    if (stored) await knex('partnerships').where({ id: stored.id }).del();
  }

  // In English the same choices read “not stated”.
  await page.reload();
  await openPartnerships(page, 'en');
  await page.keyboard.press('Control+n');
  await expect(dialog.getByTestId('new-type').locator('option:checked')).toHaveText('not stated');
  await expect(dialog.getByTestId('new-status').locator('option:checked')).toHaveText('not stated');
  await saveScreen(page, 'walk23-new-partnership-unknown-en');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the Typ and Stav column filters list the labels shown, in the UI language (walkthrough 23 findings 2 and 9)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const count = async (where: Record<string, string>) =>
    Number(
      (
        await knex('partnerships as p')
          .join('municipalities as m', 'm.id', 'p.municipality_id')
          .where('m.is_member', true)
          .andWhere(where)
          .count<{ n: number }[]>({ n: '*' })
      )[0]?.n ?? 0,
    );
  const formal = await count({ 'p.type': 'formal' });
  const active = await count({ 'p.status': 'active' });
  expect(formal).toBeGreaterThan(0);
  const dormant = await count({ 'p.status': 'dormant' });
  expect(active).toBeGreaterThan(0);
  const rowCount = page.getByTestId('row-count');

  await openPartnerships(page);
  // The filter ticks what the cell shows, by its label in the UI language (it keeps the code).
  const popup = await chooseCodes(page, 'type', 'formal');
  await expect(popup.getByTestId('choice-filter-formal').locator('xpath=..')).toHaveText('partnerství (smlouva)');
  await expect(rowCount).toHaveText(new RegExp(`^${String(formal)} z `));
  await expect(grid(page).locator('.ag-cell[col-id="type"]').first()).toHaveText('partnerství (smlouva)');
  await saveScreen(page, 'walk23-type-filter-smlouva');
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-reset').click();
  // Two statuses: aktivní and neaktivní.
  await chooseCodes(page, 'status', 'active', 'dormant');
  await page.keyboard.press('Escape');
  await expect(rowCount).toHaveText(new RegExp(`^${String(active + dormant)} z `));
  await page.getByTestId('filter-reset').click();
  await expect(grid(page).locator('.ag-header-cell-filtered')).toHaveCount(0);

  await openPartnerships(page, 'en');
  const english = await chooseCodes(page, 'type', 'formal');
  await expect(english.getByTestId('choice-filter-formal').locator('xpath=..')).toHaveText('partnership (agreement)');
  await page.keyboard.press('Escape');
  await expect(rowCount).toHaveText(new RegExp(`^${String(formal)} of `));
  await page.getByTestId('filter-reset').click();
  await chooseCodes(page, 'status', 'active');
  await page.keyboard.press('Escape');
  await expect(rowCount).toHaveText(new RegExp(`^${String(active)} of `));
  await saveScreen(page, 'walk23-status-filter-active-en');
  await page.getByTestId('filter-reset').click();
});

test('„Zrušit filtry“ and „Hledat ve všech partnerstvích“ clear the column filters; the notice names them', async ({
  appPage: page,
}) => {
  await openPartnerships(page);
  // From the default filter bar (a spec before may have left another membership choice).
  if (await page.getByTestId('filter-reset').isVisible()) await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('filter-membership')).toHaveValue('members');
  const rowCount = page.getByTestId('row-count');
  await expect(rowCount).not.toHaveText('');
  const all = (await rowCount.textContent()) ?? '';
  const town = grid(page).locator('.ag-header-cell[col-id="townName"]');
  // Sorted by the partner town: the sort stays through a reset.
  await town.locator('.ag-header-cell-label').click();
  await expect(town).toHaveAttribute('aria-sort', 'ascending');
  const sorted = await rowIds(page);

  // A column filter alone: the reset shows, and takes it away.
  const country = await columnFilter(page, 'country', 'zzzz');
  await expect(grid(page).locator('.ag-row')).toHaveCount(0);
  const notice = page.getByTestId('search-filtered-out');
  await expect(notice).toContainText(
    'Filtr sloupce Stát „zzzz“ skrývá všechna partnerství, která ostatní filtry zobrazují.',
  );
  await expect(notice.getByTestId('search-all')).toHaveText('Zrušit filtry');
  await saveScreen(page, 'walk23-column-filter-notice-cs');
  await page.getByTestId('filter-reset').click();
  await expect(country).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(rowCount).toHaveText(all);
  await expect(town).toHaveAttribute('aria-sort', 'ascending');
  expect(await rowIds(page)).toEqual(sorted);

  // Filter bar, search and a column filter: „Zrušit filtry“ clears all three.
  await page.getByTestId('filter-membership').selectOption('all');
  await page.getByTestId('quick-search').fill('wels');
  await columnFilter(page, 'country', 'ko');
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('quick-search')).toHaveValue('');
  await expect(page.getByTestId('filter-membership')).toHaveValue('members');
  await expect(country).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(rowCount).toHaveText(all);
  await expect(page.getByTestId('filter-reset')).toHaveCount(0);
  await expect(town).toHaveAttribute('aria-sort', 'ascending');

  // A search that a column filter leaves empty: the notice names the column filter, and the
  // button searches every partnership (the column filter and the filter bar cleared, the search kept).
  await page.getByTestId('quick-search').fill('wels');
  const found = (await rowCount.textContent()) ?? '';
  await columnFilter(page, 'country', 'zzzz');
  await expect(notice).toContainText(
    'Hledání „wels“ nic nenašlo mezi partnerstvími, která filtry zobrazují; filtruje i sloupec Stát „zzzz“.',
  );
  await saveScreen(page, 'walk23-search-column-filter-notice-cs');
  await notice.getByTestId('search-all').click();
  await expect(country).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(page.getByTestId('quick-search')).toHaveValue('wels');
  await expect(page.getByTestId('filter-membership')).toHaveValue('all');
  await expect(grid(page).locator('.ag-row').first()).toBeVisible();
  expect(found).not.toBe('');
  await page.getByTestId('filter-reset').click();
  await expect(rowCount).toHaveText(all);

  // In English.
  await openPartnerships(page, 'en');
  await page.getByTestId('quick-search').fill('wels');
  await columnFilter(page, 'country', 'zzzz');
  await expect(notice).toContainText(
    'The search for “wels” found nothing among the partnerships the filters show; the column filter Country “zzzz” applies too.',
  );
  await expect(notice.getByTestId('search-all')).toHaveText('Search all partnerships');
  await saveScreen(page, 'walk23-search-column-filter-notice-en');
  await page.getByTestId('filter-reset').click();
  await expect(page.getByTestId('quick-search')).toHaveValue('');
  await expect(grid(page).locator('.ag-header-cell-filtered')).toHaveCount(0);
  await expect(page.getByTestId('filter-reset')).toHaveCount(0);
  // The sort is the user's: back to the default (the member's name, ascending), which the specs
  // after this one expect (two clicks on the town left the grid unsorted).
  const member = grid(page).locator('.ag-header-cell[col-id="municipalityName"]');
  await member.locator('.ag-header-cell-label').click();
  await expect(member).toHaveAttribute('aria-sort', 'ascending');
  await expect(town).toHaveAttribute('aria-sort', 'none');
});

test('the „Přesto uložit“ question of an inline edit names its partnership (cs, en)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const target = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('t.name', 'Wels')
    .first<{
      id: number;
      member: string;
      started: string | null;
      signed: string | null;
      ack: string | null;
    }>(
      'p.id',
      'm.name as member',
      'p.started_on as started',
      'p.signed_on as signed',
      'p.acknowledged_warnings as ack',
    );
  if (!target) throw new Error('the demo registry has Wels');
  await knex('partnerships')
    .where({ id: target.id })
    .update({ started_on: '2001-06-01', signed_on: null, acknowledged_warnings: null });
  try {
    for (const [language, text] of [
      ['cs', `Podepsáno (${target.member} – Wels): Podpis je dřív než zahájení.`],
      ['en', `Signed (${target.member} – Wels): The signature is before the start.`],
    ] as const) {
      await page.reload();
      await openPartnerships(page, language);
      await page.getByTestId('quick-search').fill('wels');
      const signed = grid(page).locator(`.ag-row[row-id="${String(target.id)}"] .ag-cell[col-id="signedOn"]`);
      await signed.dblclick();
      await signed.locator('input').fill('2000-03-01');
      await signed.locator('input').press('Enter');
      const toast = page.getByTestId('toast-error');
      await expect(toast).toContainText(text);
      await saveScreen(page, `walk23-save-anyway-named-${language}`);
      await toast.locator('.close-button').click();
      await expect(toast).toHaveCount(0);
      await page.getByTestId('quick-search').fill('');
    }
    // Nothing was saved: the question was not answered.
    const row = await knex('partnerships').where({ id: target.id }).first<{ signed_on: string | null }>('signed_on');
    expect(row?.signed_on).toBeNull();
  } finally {
    await knex('partnerships')
      .where({ id: target.id })
      .update({ started_on: target.started, signed_on: target.signed, acknowledged_warnings: target.ack });
  }
});
