import type { Page } from '@playwright/test';
import { expect, saveScreen, test, type WebApp } from '../support/web-fixture';

/**
 * Walkthrough 23 finding 9: the Typ and Stav columns of Partnerships filter by ticked codes, not
 * by text typed against the label, so a saved view shows the same rows in Czech and in English;
 * a view saved with the old text filter on such a column is turned into codes (or, where that
 * cannot be, left out and said).
 */
test.use({ viewport: { width: 1280, height: 720 } });

const VIEW = 'Stav – jedna hodnota';
const OLD_VIEW = 'Starý textový filtr';

// The worker's registry and preferences are shared with the specs after these.
test.afterEach(async ({ webApp }) => {
  const prefs = await webApp.ctx.preferences.get();
  const views = (prefs.namedViews.partnerships ?? []).filter((view) => view.name !== VIEW && view.name !== OLD_VIEW);
  await webApp.ctx.preferences.set({
    language: 'cs',
    currentViews: {},
    namedViews: { ...prefs.namedViews, partnerships: views },
  });
});

const grid = (page: Page) => page.getByTestId('partnerships-grid');

async function openPartnerships(page: Page, language: 'cs' | 'en'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId('nav-partnerships').click();
  await expect(grid(page).locator('.ag-row').first()).toBeVisible();
}

/** Partnerships of members (the grid's default bar) by status, counted in the registry. */
async function countsByStatus(webApp: WebApp): Promise<Map<string, number>> {
  const rows: { status: string; n: number | string }[] = await webApp.ctx.db
    .knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .where('m.is_member', true)
    .groupBy('p.status')
    .select('p.status as status')
    .count('* as n');
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

/** "N z …" / "N of …" with N grouped as either language groups it (any space or separator). */
const countIs = (count: number, word: 'z' | 'of') =>
  new RegExp(`^${String(count).replace(/\B(?=(\d{3})+(?!\d))/g, '[\\s,.]?')} ${word} `);

const statusHeader = (page: Page) => grid(page).locator('.ag-header-cell[col-id="status"]');

async function openStatusFilter(page: Page): Promise<void> {
  await statusHeader(page).locator('.ag-header-cell-filter-button').click();
  await expect(page.getByTestId('choice-filter')).toBeVisible();
}

test('Stav filters by ticked statuses; a saved view shows the same rows in English', async ({
  appPage: page,
  webApp,
}) => {
  const counts = await countsByStatus(webApp);
  // A status some members' partnerships have, but not all of them.
  const [status, count] = [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1])[0] ?? ['', 0];
  expect(count).toBeGreaterThan(0);
  const rowCount = page.getByTestId('row-count');

  await openPartnerships(page, 'cs');
  await expect(statusHeader(page)).not.toHaveClass(/ag-header-cell-filtered/);
  await openStatusFilter(page);
  const popup = page.getByTestId('choice-filter');
  // Every status is ticked while nothing is filtered, in the column's order, labelled in Czech.
  await expect(popup.locator('label')).toHaveText([
    'navrženo',
    'v přípravě',
    'aktivní',
    'neaktivní',
    'ukončeno',
    'neuvedeno',
  ]);
  await expect(popup.locator('input[type="checkbox"]:checked')).toHaveCount(6);
  // From the keyboard: the first box has the focus, Space unticks it, and ticks it again.
  await expect(popup.getByTestId('choice-filter-proposed')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(popup.getByTestId('choice-filter-proposed')).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(popup.getByTestId('choice-filter-proposed')).toBeChecked();
  // None, then the one status.
  await popup.getByTestId('choice-filter-none').click();
  await expect(grid(page).locator('.ag-row')).toHaveCount(0);
  await expect(popup).toContainText('Nic není vybráno');
  await popup.getByTestId(`choice-filter-${status}`).check();
  await expect(rowCount).toHaveText(countIs(count, 'z'));
  await saveScreen(page, 'choice-filter-cs');
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(statusHeader(page)).toHaveClass(/ag-header-cell-filtered/);
  const shown = (await rowCount.textContent()) ?? '';

  // Saved as a view: its model holds the code alone.
  await page.getByTestId('view-save').click();
  await page.getByTestId('view-name').fill(VIEW);
  await page.getByTestId('view-name').press('Enter');
  await expect(page.getByTestId('view-select')).toHaveValue(VIEW);
  await expect
    .poll(async () =>
      JSON.stringify((await webApp.ctx.preferences.get()).namedViews.partnerships?.find((v) => v.name === VIEW)),
    )
    .toContain(`"status":{"filterType":"codes","values":["${status}"]}`);

  // In English, the default view first, then the saved one: the same rows.
  await openPartnerships(page, 'en');
  await page.getByTestId('view-select').selectOption('');
  await expect(statusHeader(page)).not.toHaveClass(/ag-header-cell-filtered/);
  await page.getByTestId('view-select').selectOption(VIEW);
  await expect(statusHeader(page)).toHaveClass(/ag-header-cell-filtered/);
  await expect(rowCount).toHaveText(countIs(count, 'of'));
  expect((await rowCount.textContent())?.replace(/\D+/g, ' ')).toBe(shown.replace(/\D+/g, ' '));
  const statuses = await grid(page).locator('.ag-row .ag-cell[col-id="status"]').allTextContents();
  expect(new Set(statuses).size).toBe(1);
  await openStatusFilter(page);
  await expect(page.getByTestId('choice-filter').locator('label')).toHaveText([
    'proposed',
    'preparing',
    'active',
    'dormant',
    'ended',
    'not stated',
  ]);
  await expect(page.getByTestId('choice-filter').locator('input:checked')).toHaveCount(1);
  await expect(page.getByTestId(`choice-filter-${status}`)).toBeChecked();
  await saveScreen(page, 'choice-filter-en');
  await page.keyboard.press('Escape');

  // "Clear filters" clears it; the view is deleted.
  await page.getByTestId('filter-reset').click();
  await expect(statusHeader(page)).not.toHaveClass(/ag-header-cell-filtered/);
  await page.getByTestId('view-select').selectOption(VIEW);
  await expect(statusHeader(page)).toHaveClass(/ag-header-cell-filtered/);
  await page.getByTestId('view-delete').click();
  await expect(page.getByTestId('view-select')).toHaveValue('');
  // Deleting a view leaves the grid as it is: the filter is cleared here.
  await page.getByTestId('filter-reset').click();
  await expect(statusHeader(page)).not.toHaveClass(/ag-header-cell-filtered/);
});

test('a view saved with the old text filter on Stav shows the statuses it matched; one that cannot be said is left out and named', async ({
  appPage: page,
  webApp,
}) => {
  const counts = await countsByStatus(webApp);
  const activeOrDormant = (counts.get('active') ?? 0) + (counts.get('dormant') ?? 0);
  expect(activeOrDormant).toBeGreaterThan(0);
  const prefs = await webApp.ctx.preferences.get();
  // „aktivni“ typed in Czech on Stav (aktivní, neaktivní) and "not blank" on Typ (no codes can say it).
  const old = {
    name: OLD_VIEW,
    state: {
      grid: {
        // As the app saved views: with the grid's sort (a view's state names everything it restores).
        sort: { sortModel: [{ colId: 'municipalityName', sort: 'asc' }] },
        filter: {
          filterModel: {
            status: { filterType: 'text', type: 'contains', filter: 'aktivni' },
            type: { filterType: 'text', type: 'notBlank' },
          },
        },
      },
    },
  };
  await webApp.ctx.preferences.set({
    namedViews: { ...prefs.namedViews, partnerships: [...(prefs.namedViews.partnerships ?? []), old] },
  });
  await page.reload();
  await openPartnerships(page, 'en');
  await page.getByTestId('view-select').selectOption(OLD_VIEW);
  await expect(page.getByTestId('toast-info')).toContainText(
    'The view “Starý textový filtr” had a text filter on Type that cannot be turned into a choice of values.',
  );
  await expect(statusHeader(page)).toHaveClass(/ag-header-cell-filtered/);
  await saveScreen(page, 'choice-filter-old-view-en');
  await expect(grid(page).locator('.ag-header-cell[col-id="type"]')).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(page.getByTestId('row-count')).toHaveText(countIs(activeOrDormant, 'of'));
  await openStatusFilter(page);
  await expect(page.getByTestId('choice-filter').locator('input:checked')).toHaveCount(2);
  await expect(page.getByTestId('choice-filter-active')).toBeChecked();
  await expect(page.getByTestId('choice-filter-dormant')).toBeChecked();
  await page.keyboard.press('Escape');
  await page.getByTestId('view-select').selectOption('');
  await expect(statusHeader(page)).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(grid(page).locator('.ag-header-cell[col-id="municipalityName"]')).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('Members: the kind column ticks kinds by their labels and shows those rows; „Zrušit filtry“ clears it', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-members').click();
  const members = page.getByTestId('members-grid');
  await expect(members.locator('.ag-row').first()).toBeVisible();
  const kind = members.locator('.ag-header-cell[col-id="kind"]');
  await kind.locator('.ag-header-cell-filter-button').click();
  const popup = page.getByTestId('choice-filter');
  // Sorted as the column sorts its labels (Czech order).
  await expect(popup.locator('label')).toHaveText(['město', 'městys', 'neuvedeno', 'obec', 'statutární město']);
  await popup.getByTestId('choice-filter-none').click();
  await popup.getByTestId('choice-filter-mesto').check();
  await expect(kind).toHaveClass(/ag-header-cell-filtered/);
  await expect(members.locator('.ag-row').first()).toBeVisible();
  const kinds = await members.locator('.ag-row .ag-cell[col-id="kind"]').allTextContents();
  expect(new Set(kinds)).toEqual(new Set(['město']));
  await saveScreen(page, 'choice-filter-members-cs');
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-reset').click();
  await expect(kind).not.toHaveClass(/ag-header-cell-filtered/);
});
