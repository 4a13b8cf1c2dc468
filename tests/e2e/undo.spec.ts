import { expect, searchPartnerships, test } from '../support/web-fixture';

test('Ctrl+Z undoes the last change: an inline edit, then a delete', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'gimignano');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  const stored = async () =>
    (await knex('partnerships').where({ id }).first<{ status: string } | undefined>('status'))?.status;
  const before = await stored();
  expect(before).toBe('active');

  const status = grid.locator('.ag-cell[col-id="status"]').first();
  await status.dblclick();
  await grid.locator('.ag-cell-inline-editing [role="combobox"]').click();
  await page.getByRole('option', { name: 'neaktivní', exact: true }).click();
  await expect.poll(stored).toBe('dormant');
  await expect(page.getByTestId('toast-action').last()).toBeVisible();
  // Typing in the search box keeps its own undo; outside a text field Ctrl+Z undoes the edit.
  await page.getByTestId('quick-search').press('Control+z');
  await expect(page.getByTestId('quick-search')).toHaveValue('');
  await expect.poll(stored).toBe('dormant');
  await page.getByTestId('quick-search').fill('gimignano');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  await page.locator('h1').first().click();
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toBe('active');
  await expect(status).toHaveText('aktivní');
  await expect(page.getByTestId('toast-ok').first()).toContainText('Změna vrácena.');

  await grid.getByTestId('delete-partnership').first().click();
  await page.getByTestId('confirm-ok').click();
  await expect.poll(stored).toBeUndefined();
  // The row is gone from the database before the window has the answer: wait for the toast that
  // offers the undo (what a user sees) before pressing Ctrl+Z.
  await expect(page.getByTestId('toast-action').last()).toBeVisible();
  await expect(grid.locator('.ag-row')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toBe('active');
  await expect(grid.locator('.ag-row')).toHaveCount(1);
  // Once: a second Ctrl+Z has nothing left to undo.
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toBe('active');
});

test('a past change is put back from the record’s history', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'wels');
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  const notes = async () => (await knex('partnerships').where({ id }).first<{ notes: string | null }>('notes')).notes;
  const original = await notes();
  await detail.getByTestId('field-notes').fill('Přepsáno omylem');
  await detail.getByTestId('detail-save').click();
  await expect.poll(notes).toBe('Přepsáno omylem');
  await detail.getByTestId('field-status').selectOption('dormant');
  await detail.getByTestId('detail-save').click();
  const status = async () => (await knex('partnerships').where({ id }).first<{ status: string }>('status')).status;
  await expect.poll(status).toBe('dormant');
  const history = detail.getByTestId('history');
  const notesEntry = history.getByTestId('history-entry').filter({ hasText: 'Přepsáno omylem' }).last();
  await notesEntry.getByTestId('history-revert').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Původní hodnoty jsou zpět.');
  await expect.poll(notes).toBe(original);
  expect(await status()).toBe('dormant');
  // Put back again: the note changed since (by that revert), and the refusal names the field and who.
  await notesEntry.getByTestId('history-revert').click();
  await expect(page.getByTestId('toast-error').first()).toContainText(
    /Údaj „Poznámky“ se od té doby znovu změnil: .+, /,
  );
  // The open form shows the record as it is now, and the next save goes through (before, the form
  // kept the overwritten note and its save was refused as someone else's change).
  await expect(detail.getByTestId('field-notes')).toHaveValue(original ?? '');
  await detail.getByTestId('field-status').selectOption('active');
  await detail.getByTestId('detail-save').click();
  await expect.poll(status).toBe('active');
  expect(await notes()).toBe(original);
  await expect(detail.getByTestId('conflict-notice')).toHaveCount(0);
  await expect(page.getByTestId('toast-ok').first()).toContainText('Uloženo.');
});

test('an agreement draft deleted from the detail comes back by Ctrl+Z and is listed in the bin when deleted', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'hauzenberg');
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  const [draft] = await knex('agreement_documents')
    .insert({
      partnership_id: id,
      template: 'partnership',
      language_first: 'cs',
      language_second: 'de',
      layout: 'parallel',
      options: '{}',
      file_name: 'smlouva-hauzenberg.docx',
      created_at: '2026-12-01T10:00:00.000Z',
    })
    .returning<{ id: number }[]>('id');
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  // This draft's own button (another spec of this worker may have saved a draft of the pair too).
  const deleteOurs = detail.locator('li', { hasText: 'smlouva-hauzenberg.docx' }).getByTestId('draft-delete');
  await deleteOurs.click();
  await expect(page.getByTestId('toast-info')).toContainText('smlouva-hauzenberg.docx');
  expect(await knex('agreement_documents').where({ id: draft?.id }).first()).toBeUndefined();
  await page.locator('.p-drawer-header h2').click();
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => (await knex('agreement_documents').where({ id: draft?.id }).first('id')) !== undefined)
    .toBe(true);
  await expect(detail.getByText('smlouva-hauzenberg.docx', { exact: true })).toBeVisible();
  await deleteOurs.click();
  await detail.getByTestId('detail-close').click();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('bin-table')).toContainText('smlouva-hauzenberg.docx');
  await expect(page.getByTestId('bin-table')).toContainText('návrh smlouvy');
});

test('a save refused because someone else changed the record says so beside Save too', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'wels');
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  // Another program changes the record while the form is open.
  await knex('partnerships')
    .where({ id })
    .update({ version: knex.raw('version + 1') });
  await detail.getByTestId('field-notes').fill('Moje poznámka');
  await detail.getByTestId('detail-save').click();
  await expect(detail.getByTestId('conflict-notice')).toBeVisible();
  const inline = detail.getByTestId('detail-conflict-inline');
  await expect(inline).toHaveText('Neuloženo: záznam mezitím změnil někdo jiný (viz oznámení nahoře).');
  // Beside the Save button, in view with it.
  await expect(inline).toBeInViewport();
  await expect(detail.getByTestId('detail-save')).toBeInViewport();
  expect((await knex('partnerships').where({ id }).first<{ notes: string | null }>('notes')).notes).not.toBe(
    'Moje poznámka',
  );
});

/**
 * Ctrl+Z takes back only a change whose toast is on screen, and never from inside a form or under
 * a dialog: in the partnership form it undid the last save and started the form again, losing
 * what was typed since; under the New partnership dialog it undid a change behind it; after its
 * toast had gone it undid a change made on another screen a while before (keyboard walkthrough).
 */
test('Ctrl+Z leaves a form, a dialog and a change whose toast has gone alone', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'gimignano');
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  const stored = async () =>
    knex('partnerships')
      .where({ id })
      .first<{ started_on: string | null; signed_place: string | null }>('started_on', 'signed_place');
  const startedBefore = (await stored()).started_on;
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await detail.getByTestId('field-startedOn').fill('2002');
  await detail.getByTestId('detail-save').click();
  await expect.poll(async () => (await stored()).started_on).toBe('2002');
  const saved = page.getByTestId('toast-ok').filter({ hasText: 'Uloženo' });
  await expect(saved).toBeVisible();
  // Typing goes on; a tick box has the focus: Ctrl+Z there neither undoes the save nor drops the typing.
  await detail.getByTestId('field-signedPlace').fill('Radnice');
  const culture = detail.getByTestId('field-areas').getByRole('checkbox').first();
  await culture.focus();
  await page.keyboard.press('Space');
  const ticked = await culture.isChecked();
  await page.keyboard.press('Control+z');
  await expect(detail.getByTestId('field-signedPlace')).toHaveValue('Radnice');
  expect(await culture.isChecked()).toBe(ticked);
  expect((await stored()).started_on).toBe('2002');
  await expect(saved).toBeVisible();
  await detail.getByTestId('detail-reset').click();

  // The toast's Undo puts the saved field back and keeps what is typed since in the others.
  await detail.getByTestId('field-startedOn').fill('2003');
  await detail.getByTestId('detail-save').click();
  await expect.poll(async () => (await stored()).started_on).toBe('2003');
  await detail.getByTestId('field-signedPlace').fill('Radnice');
  // Toasts are newest first.
  await saved.first().getByTestId('toast-action').click();
  await expect.poll(async () => (await stored()).started_on).toBe('2002');
  await expect(detail.getByTestId('field-startedOn')).toHaveValue('2002');
  await expect(detail.getByTestId('field-signedPlace')).toHaveValue('Radnice');
  await expect(detail.getByTestId('merge-notice')).toHaveCount(0);
  await detail.getByTestId('detail-reset').click();

  // A dialog over the screen: the change behind it (its toast shown) stays.
  await detail.getByTestId('field-startedOn').fill('2004');
  await detail.getByTestId('detail-save').click();
  await expect.poll(async () => (await stored()).started_on).toBe('2004');
  await detail.getByTestId('detail-close').click();
  const last = saved.first();
  await expect(last.getByTestId('toast-action')).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await stored()).started_on).toBe('2004');

  // Its toast closed: Ctrl+Z has nothing on screen to undo, and undoes nothing.
  await last.getByRole('button', { name: 'Zavřít' }).click();
  await page.locator('h1').first().click();
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(500);
  expect((await stored()).started_on).toBe('2004');
  expect(startedBefore).not.toBe('2004');
});

/**
 * Right after a save nothing is unsaved: Ctrl+Z in the detail's fields undoes that save, and the
 * form shows the value put back (walkthrough 19: with the focus kept in the detail panel it did
 * nothing, and the notice's Undo could not be reached by Tab).
 */
test('Ctrl+Z right after Ctrl+S in the partnership detail undoes the save', async ({ appPage: page, webApp }) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'gimignano');
  const id = Number(await grid.locator('.ag-row').first().getAttribute('row-id'));
  const status = async () => (await knex('partnerships').where({ id }).first<{ status: string }>('status')).status;
  const before = await status();
  const other = before === 'dormant' ? 'active' : 'dormant';
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  const field = detail.getByTestId('field-status');
  await field.selectOption(other);
  await field.press('Control+s');
  await expect.poll(status).toBe(other);
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Uloženo' })).toBeVisible();
  await field.press('Control+z');
  await expect.poll(status).toBe(before);
  await expect(field).toHaveValue(before);
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'vrácena' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
});
