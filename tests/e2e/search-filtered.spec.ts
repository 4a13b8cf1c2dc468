import { expect, saveScreen, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

/**
 * A search that finds nothing among the rows the filters show (review: "vohringen" behind the
 * default members-only filter showed only "No matching rows"): the screen says the filters may
 * hide it and searches everything in one click.
 */
test('a search that the filters leave empty says so and searches everything in one click (Partnerships, Members)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const target = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('t.name', 'Ludres')
    .first<{ municipalityId: number; member: string; code: string }>(
      'm.id as municipalityId',
      'm.name as member',
      'm.code',
    );
  if (!target) throw new Error('the demo registry has Ludres');
  await knex('municipalities').where({ id: target.municipalityId }).update({ is_member: false });
  try {
    await page.reload();
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    await page.getByTestId('quick-search').fill('ludres');
    await expect(grid.locator('.ag-row')).toHaveCount(0);
    const notice = page.getByTestId('search-filtered-out');
    await expect(notice).toContainText('Hledání „ludres“ mezi partnerstvími, která filtry zobrazují, nic nenašlo.');
    await saveScreen(page, 'search-filtered-out');
    await notice.getByTestId('search-all').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(grid.locator('.ag-row')).toHaveCount(1);
    await expect(notice).toHaveCount(0);
    await page.getByTestId('quick-search').fill('');

    await page.getByTestId('nav-members').click();
    const members = page.getByTestId('members-grid');
    await expect(members.locator('.ag-row').first()).toBeVisible();
    // By its code: its name is also its district's, which other members share.
    await page.getByTestId('quick-search').fill(target.code);
    await expect(members.locator('.ag-row')).toHaveCount(0);
    await page.getByTestId('search-filtered-out').getByTestId('search-all').click();
    await expect(page.getByTestId('filter-membership')).toHaveValue('all');
    await expect(members.locator('.ag-row').first()).toContainText(target.member);
    await page.getByTestId('quick-search').fill('');
  } finally {
    await knex('municipalities').where({ id: target.municipalityId }).update({ is_member: true });
  }
});
