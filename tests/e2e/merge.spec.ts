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
  // The record started from stays (neither is gazetteer-identified but Konstanz, if either).
  await expect(dialog.getByTestId('merge-stays-started-radio')).toBeChecked();
  await expect(dialog.getByTestId('merge-summary')).toContainText(
    'Zůstane záznam „Konstanz“; „Constance“ se do něj sloučí',
  );
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

test('a partnership merge shows the fields both state differently and takes the chosen value; the history names the changes (walkthrough 20)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const stamp = { created_at: 'x', updated_at: 'x' };
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  const [keptTown, otherTown] = await knex('foreign_towns')
    .insert([
      { name: 'Żary Próba', name_key: 'zary proba', country_code: 'PL', ...stamp },
      { name: 'Zary Proba Miasto', name_key: 'zary proba miasto', country_code: 'PL', ...stamp },
    ])
    .returning<{ id: number }[]>('id');
  const [kept, other] = await knex('partnerships')
    .insert([
      {
        municipality_id: tabor.id,
        foreign_town_id: keptTown?.id,
        type: 'formal',
        status: 'unknown',
        started_on: '2009',
        ...stamp,
      },
      {
        municipality_id: tabor.id,
        foreign_town_id: otherTown?.id,
        type: 'friendship',
        status: 'active',
        started_on: '2010-03-01',
        signed_place: 'Żary',
        ...stamp,
      },
    ])
    .returning<{ id: number }[]>('id');
  await knex('contacts').insert({ partnership_id: other?.id, side: 'partner', name: 'Anna Nowak', ...stamp });
  // A third, for the English pass (in the grid's rows before it loads: the dialog offers those).
  const [third] = await knex('foreign_towns')
    .insert({ name: 'Zielona Próba', name_key: 'zielona proba', country_code: 'PL', ...stamp })
    .returning<{ id: number }[]>('id');
  const [another] = await knex('partnerships')
    .insert({
      municipality_id: tabor.id,
      foreign_town_id: third?.id,
      type: 'unknown',
      status: 'ended',
      started_on: '2011',
      ...stamp,
    })
    .returning<{ id: number }[]>('id');

  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'Żary Próba');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('merge-partnership').click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.getByTestId('merge-search').fill('Miasto');
  await dialog.getByTestId('merge-choice').check();
  // Both state a start and a type: each is shown; the status and the place only one states (filled in).
  const clashes = dialog.getByTestId('merge-clashes');
  await expect(clashes.getByTestId('merge-clash-startedOn')).toContainText('2009');
  await expect(clashes.getByTestId('merge-clash-startedOn')).toContainText('1. 3. 2010');
  await expect(clashes.getByTestId('merge-clash-type')).toContainText('partnerství (smlouva)');
  await expect(clashes.getByTestId('merge-clash-type')).toContainText('přátelství / memorandum');
  await expect(clashes.locator('tbody tr')).toHaveCount(2);
  await expect(dialog.getByTestId('merge-keep-startedOn')).toBeChecked();
  await dialog.getByTestId('merge-take-startedOn').check();
  await expect(dialog.getByTestId('merge-summary')).toContainText('přejde sem: 1 kontakt');
  await saveScreen(page, 'merge-partnership-clashes');
  await dialog.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Sloučeno');
  expect(
    await knex('partnerships').where({ id: kept?.id }).first('started_on', 'type', 'status', 'signed_place'),
  ).toEqual({ started_on: '2010-03-01', type: 'formal', status: 'active', signed_place: 'Żary' });
  // The merge's entry names what it changed.
  const entry = detail
    .getByTestId('history')
    .locator('li', { has: page.getByTestId('history-undo-merge') })
    .first();
  await expect(entry).toContainText('Zahájeno');
  await expect(entry).toContainText('1. 3. 2010');
  await expect(entry).toContainText('Místo podpisu');

  // In English, another pair: the dialog speaks English.
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'Żary Próba');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  await detail.getByTestId('merge-partnership').click();
  await dialog.getByTestId('merge-search').fill('Zielona');
  await dialog.getByTestId('merge-choice').check();
  await expect(dialog.getByTestId('merge-clash-status')).toContainText('active');
  await expect(dialog.getByTestId('merge-clash-startedOn')).toContainText('1 Mar 2010');
  await expect(dialog.getByTestId('merge-summary')).toContainText('moving here: nothing');
  await saveScreen(page, 'merge-partnership-clashes-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  // Leave the shared registry as it was.
  await knex('contacts').where({ partnership_id: kept?.id }).delete();
  await knex('partnerships')
    .whereIn('id', [kept?.id ?? 0, another?.id ?? 0])
    .delete();
  await knex('partnership_merge_names').where({ partnership_id: kept?.id }).delete();
  await knex('foreign_towns')
    .whereIn('id', [keptTown?.id ?? 0, otherTown?.id ?? 0, third?.id ?? 0])
    .delete();
});
