import { expect, saveScreen, test } from '../support/web-fixture';

test.describe('the house: shell, navigation, Members grid', () => {
  test('Members grid shows the demo municipalities in Czech order', async ({ appPage: page }) => {
    const grid = page.getByTestId('members-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Členské obce' })).toBeVisible();

    // The name column, top to bottom, as the grid draws it (sorted ascending by default).
    const names = await grid.locator('.ag-cell[col-id="name"]').evaluateAll((cells) =>
      cells
        .map((cell) => ({
          index: Number(cell.closest('.ag-row')?.getAttribute('row-index')),
          text: cell.textContent?.trim() ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.text),
    );
    expect(names.length).toBeGreaterThan(10);
    const collator = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
    // Czech order, concretely: every name starting with "Ch" comes after every name starting with "H".
    const firstCh = names.findIndex((n) => n.startsWith('Ch'));
    const lastH = names.map((n) => n.startsWith('H') && !n.startsWith('Ch')).lastIndexOf(true);
    if (firstCh >= 0 && lastH >= 0) expect(firstCh).toBeGreaterThan(lastH);
    await saveScreen(page, 'members');
  });

  test('quick search ignores diacritics', async ({ appPage: page, webApp }) => {
    const members = (await webApp.ctx.db.knex('municipalities').select('name')) as { name: string }[];
    const accented = members.map((m) => m.name).find((name) => /[ěščřžýáíéůúňťď]/i.test(name));
    expect(accented, 'demo data has a municipality with diacritics').toBeTruthy();
    const plain = (accented ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    await page.getByTestId('quick-search').fill(plain);
    const grid = page.getByTestId('members-grid');
    await expect(grid.locator('.ag-cell[col-id="name"]', { hasText: accented ?? '' }).first()).toBeVisible();
    await expect(page.getByTestId('row-count')).toContainText(' z ');
  });

  test('every screen of the navigation opens and says what it is', async ({ appPage: page }) => {
    for (const id of ['partnerships', 'agreements', 'statistics', 'map', 'requests', 'settings', 'members']) {
      await page.getByTestId(`nav-${id}`).click();
      await expect(page.getByTestId(`nav-${id}`)).toHaveAttribute('aria-current', 'page');
      await expect(page.locator('h1')).toBeVisible();
      await saveScreen(page, `screen-${id}`);
    }
  });

  test('language switches to English in Settings and is remembered', async ({ appPage: page }) => {
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('table-counts')).toContainText('obce');
    await saveScreen(page, 'settings');
    await page.getByTestId('language-en').click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await page.getByTestId('nav-members').click();
    await expect(page.getByRole('heading', { name: 'Member municipalities' })).toBeVisible();
    await saveScreen(page, 'members-en');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByRole('heading', { name: 'Nastavení' })).toBeVisible();
  });
});
