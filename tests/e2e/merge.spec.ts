import { expect, saveScreen, test, searchPartnerships } from '../support/web-fixture';

test('merge: a second record of Konstanz is merged from the partnership detail, then undone', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const konstanz = await knex('foreign_towns').where({ name: 'Konstanz' }).first<{ id: number }>('id');
  const other = await knex('municipalities')
    .where({ is_member: true })
    .whereNot({ code: '552046' })
    .first<{ id: number; name: string }>('id', 'name');
  const stamp = { created_at: 'x', updated_at: 'x' };
  const [copy] = await knex('foreign_towns')
    .insert({ name: 'Constance', name_key: 'constance', country_code: 'DE', ...stamp })
    .returning<{ id: number }[]>('id');
  const [moved] = await knex('partnerships')
    .insert({ municipality_id: other.id, foreign_town_id: copy?.id, type: 'unknown', status: 'unknown', ...stamp })
    .returning<{ id: number }[]>('id');

  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await searchPartnerships(page, 'konstanz');
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('merge-town').click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.getByTestId('merge-search').fill('consta');
  await expect(dialog.getByTestId('merge-choice')).toHaveCount(1);
  await dialog.getByTestId('merge-choice').check();
  await expect(dialog.getByTestId('merge-summary')).toContainText('„Constance“ se sloučí do „Konstanz“');
  await saveScreen(page, 'merge-town-dialog');
  await dialog.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('toast-ok')).toContainText('Sloučeno: „Constance“ → „Konstanz“.');
  expect(await knex('foreign_towns').where({ id: copy?.id }).first()).toBeUndefined();
  expect(await knex('partnerships').where({ id: moved?.id }).first('foreign_town_id')).toEqual({
    foreign_town_id: konstanz.id,
  });
  expect(await knex('foreign_towns').where({ id: konstanz.id }).first('alt_names')).toEqual({ alt_names: 'Constance' });
  await expect(detail.getByTestId('town-alt-names')).toHaveText('Constance');
  await detail.getByTestId('detail-close').click();
  // The other member's partnership now shows Konstanz in the grid.
  await page.getByTestId('quick-search').fill(other.name);
  await expect(grid.locator('.ag-row', { hasText: 'Konstanz' }).first()).toBeVisible();

  await page.getByTestId('toast-ok').getByRole('button', { name: 'Zpět' }).click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Sloučení vráceno.');
  expect(await knex('foreign_towns').where({ id: copy?.id }).first('name')).toEqual({ name: 'Constance' });
  expect(await knex('partnerships').where({ id: moved?.id }).first('foreign_town_id')).toEqual({
    foreign_town_id: copy?.id,
  });
  // Leave the shared registry as it was.
  await knex('partnerships').where({ id: moved?.id }).delete();
  await knex('foreign_towns').where({ id: copy?.id }).delete();
});

test('a partnership merge is undone from the kept partnership’s history after its toast has gone (walkthrough 20)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const stamp = { created_at: 'x', updated_at: 'x' };
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const [town] = await knex('foreign_towns')
    .insert({ name: 'Žagáň Test', name_key: 'zagan test', country_code: 'PL', ...stamp })
    .returning<{ id: number }[]>('id');
  const [copy] = await knex('partnerships')
    .insert({ municipality_id: tabor.id, foreign_town_id: town?.id, type: 'unknown', status: 'unknown', ...stamp })
    .returning<{ id: number }[]>('id');

  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'konstanz');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('merge-partnership').click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.getByTestId('merge-search').fill('Žagáň');
  await dialog.getByTestId('merge-choice').check();
  await dialog.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Sloučeno');
  expect(await knex('partnerships').where({ id: copy?.id }).first()).toBeUndefined();
  // The toast goes; the history still offers the undo.
  await page
    .getByTestId('toast-ok')
    .first()
    .getByRole('button', { name: /Zavřít|×/ })
    .click();
  const undo = detail.getByTestId('history').getByTestId('history-undo-merge').first();
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Sloučení vráceno.' })).toBeVisible();
  expect(await knex('partnerships').where({ id: copy?.id }).first('foreign_town_id')).toEqual({
    foreign_town_id: town?.id,
  });
  // Leave the shared registry as it was.
  await knex('partnerships').where({ id: copy?.id }).delete();
  await knex('foreign_towns').where({ id: town?.id }).delete();
});
