import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * The grids' setup for a light first start (issue 16, target 8): the app registers only the AG
 * Grid modules it uses (not AllCommunityModule), and each language's texts (the app's messages and
 * AG Grid's own) are loaded when that language is shown. A missing module shows as AG Grid's
 * console message, an overlay over the rows, or pinned cells gone after a search (what an earlier
 * attempt did); a language loaded late shows as keys or English in the Czech grid.
 */

/** AG Grid's own console messages (a missing module, a wrong option) while the test runs. */
function gridMessages(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/AG Grid/i.test(message.text())) seen.push(`${message.type()}: ${message.text()}`);
  });
  return seen;
}

/** The overlays AG Grid lays over the rows: loading, no rows, no rows matching the filters. */
const OVERLAYS = '.ag-overlay-loading-wrapper, .ag-overlay-no-rows-wrapper, .ag-overlay-no-matching-rows-wrapper';

/** A grid showing rows: no overlay over them, every drawn row with its cells of both pinned columns. */
async function expectRowsWithPinnedColumns(grid: Locator, pinnedLeft: string, pinnedRight: string): Promise<void> {
  await expect(grid.locator('.ag-row[row-index]').first()).toBeVisible();
  // AG Grid keeps its overlay element, hidden, while rows show.
  await expect(grid.locator(OVERLAYS).filter({ visible: true })).toHaveCount(0);
  // A row is drawn in each part of the grid (left, centre, right) under the same row index.
  const indexes = await grid
    .locator('.ag-row[row-index]')
    .evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('row-index')))].length);
  expect(indexes).toBeGreaterThan(0);
  await expect(grid.locator(`.ag-cell[col-id="${pinnedLeft}"]`)).toHaveCount(indexes);
  await expect(grid.locator(`.ag-cell[col-id="${pinnedRight}"]`)).toHaveCount(indexes);
}

/** Opens a column's filter and returns the filter's text (its first condition's label). */
async function filterText(page: Page, grid: Locator, colId: string): Promise<string> {
  await grid.locator(`.ag-header-cell[col-id="${colId}"] .ag-header-cell-filter-button`).click();
  const filter = page.locator('.ag-filter').first();
  await expect(filter).toBeVisible();
  const text = (await filter.locator('.ag-picker-field-display').first().textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(page.locator('.ag-filter')).toHaveCount(0);
  return text.trim();
}

async function openGrid(page: Page, screen: 'partnerships' | 'members'): Promise<Locator> {
  await page.getByTestId(`nav-${screen}`).click();
  const grid = page.getByTestId(`${screen}-grid`);
  await expect(grid.locator('.ag-row[row-index]').first()).toBeVisible();
  return grid;
}

async function chooseLanguage(page: Page, language: 'cs' | 'en'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await expect(page.getByTestId('nav-members')).toHaveText(language === 'cs' ? 'Členové' : 'Members');
}

test.describe('Grid setup: the modules the app uses, each language loaded when shown', () => {
  test('Czech: rows without an overlay, pinned columns after a search, Czech grid texts', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const messages = gridMessages(page);
    const partnerships = await openGrid(page, 'partnerships');
    await expectRowsWithPinnedColumns(partnerships, 'municipalityName', 'actions');
    await page.getByTestId('quick-search').fill('kostnice');
    await expect(partnerships.locator('.ag-cell[col-id="townName"]')).toHaveText([/Konstanz/]);
    await expectRowsWithPinnedColumns(partnerships, 'municipalityName', 'actions');
    // Nothing found: AG Grid's own overlay, in Czech.
    await page.getByTestId('quick-search').fill('qqqxqqq');
    await expect(partnerships.locator(OVERLAYS).filter({ visible: true })).toHaveText(/^Žádné (odpovídající )?řádky/);
    await page.getByTestId('quick-search').fill('');
    await expectRowsWithPinnedColumns(partnerships, 'municipalityName', 'actions');
    expect(await filterText(page, partnerships, 'townName')).toBe('Obsahuje');
    await saveScreen(page, 'grid-setup-partnerships-cs');

    const members = await openGrid(page, 'members');
    await expectRowsWithPinnedColumns(members, 'name', 'open');
    await page.getByTestId('quick-search').fill('tabor');
    await expect(members.locator('.ag-cell[col-id="name"]', { hasText: 'Tábor' }).first()).toBeVisible();
    await expectRowsWithPinnedColumns(members, 'name', 'open');
    await page.getByTestId('quick-search').fill('');
    await saveScreen(page, 'grid-setup-members-cs');
    expect(messages).toEqual([]);
  });

  test('English: the language is loaded when chosen, and Czech again when chosen back', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const messages = gridMessages(page);
    await chooseLanguage(page, 'en');
    try {
      const partnerships = await openGrid(page, 'partnerships');
      await expect(page.getByRole('heading', { name: 'Partnerships' })).toBeVisible();
      await expectRowsWithPinnedColumns(partnerships, 'municipalityName', 'actions');
      await page.getByTestId('quick-search').fill('qqqxqqq');
      await expect(partnerships.locator(OVERLAYS).filter({ visible: true })).toHaveText(/^No (matching )?rows/);
      await page.getByTestId('quick-search').fill('');
      expect(await filterText(page, partnerships, 'townName')).toBe('Contains');
      await saveScreen(page, 'grid-setup-partnerships-en');
      const members = await openGrid(page, 'members');
      await expectRowsWithPinnedColumns(members, 'name', 'open');
      await saveScreen(page, 'grid-setup-members-en');
    } finally {
      await chooseLanguage(page, 'cs');
    }
    const members = await openGrid(page, 'members');
    await expect(page.getByRole('heading', { name: 'Členské obce' })).toBeVisible();
    expect(await filterText(page, members, 'name')).toBe('Obsahuje');
    expect(messages).toEqual([]);
  });
});
