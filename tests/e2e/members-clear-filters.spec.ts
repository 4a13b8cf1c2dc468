import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 23, finding 8, on the Members screen: „Zrušit filtry“ takes away everything that
 * narrows the grid (the filter bar, the search and the column filters), and shows while any of
 * them is in force; the sort stays.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test('„Zrušit filtry“ on Members clears the search and the column filters too; the sort stays', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-members').click();
  const grid = page.getByTestId('members-grid');
  const rowCount = page.getByTestId('row-count');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  const all = (await rowCount.textContent()) ?? '';
  expect(all).toMatch(/^\d/); // „44 řádků“: nothing narrows the grid
  const reset = page.getByTestId('filter-reset');
  await expect(reset).toHaveCount(0);

  // The search alone narrows the grid: the reset shows.
  await page.getByTestId('quick-search').fill('Tábor');
  await expect(rowCount).not.toHaveText(all);
  await expect(reset).toBeVisible();
  await reset.click();
  await expect(page.getByTestId('quick-search')).toHaveValue('');
  await expect(rowCount).toHaveText(all);
  await expect(reset).toHaveCount(0);

  // A column filter with the filter bar and the search; the name sorted the other way.
  const nameHeader = grid.locator('.ag-header-cell[col-id="name"]');
  await nameHeader.locator('.ag-header-cell-label').click();
  const firstName = await grid.locator('.ag-row[row-index="0"] [col-id="name"]').textContent();
  await nameHeader.locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter input.ag-input-field-input').first().fill('a');
  await page.keyboard.press('Escape');
  await expect(nameHeader).toHaveClass(/ag-header-cell-filtered/);
  await page.getByTestId('filter-kind').selectOption('mesto');
  await page.getByTestId('quick-search').fill('Tá');
  await expect(rowCount).not.toHaveText(all);
  await saveScreen(page, 'members-clear-filters-before');
  await reset.click();
  await expect(page.getByTestId('quick-search')).toHaveValue('');
  await expect(page.getByTestId('filter-kind')).toHaveValue('');
  await expect(grid.locator('.ag-header-cell-filtered')).toHaveCount(0);
  await expect(rowCount).toHaveText(all);
  // The sort was not a filter: it stays.
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="name"]')).toHaveText(firstName ?? '');
  // Back to the default order for the specs after this one (descending → none → ascending).
  await nameHeader.locator('.ag-header-cell-label').click();
  await nameHeader.locator('.ag-header-cell-label').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
});
