import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * The keyboard (issue 13 item 9): Ctrl+N, Ctrl+S, Ctrl+F and Esc act on the screen shown
 * (renderer/app/keyboard.ts, through the `data-shortcut` marks), F1 opens Help, and the keys are
 * named in the tooltips.
 */

/** Whether the page consumed a key (a shortcut that acted calls preventDefault). */
const consumes = (page: Page, key: string, ctrlKey = true) =>
  page.evaluate(
    ({ key, ctrlKey }) => {
      const event = new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { key, ctrlKey },
  );

test('Ctrl+N opens a new partnership, Esc closes it; the button names the key', async ({ appPage: page }) => {
  await page.getByTestId('nav-partnerships').click();
  await expect(page.getByTestId('partnerships-grid').locator('.ag-row').first()).toBeVisible();
  await expect(page.getByTestId('add-partnership')).toHaveAttribute('title', 'Nové partnerství (Ctrl+N)');
  await expect(page.getByTestId('quick-search')).toHaveAttribute('title', 'Hledat (Ctrl+F)');

  await page.keyboard.press('Control+n');
  const dialog = page.getByTestId('new-partnership');
  await expect(dialog).toBeVisible();
  // A second Ctrl+N while the dialog is open opens nothing more.
  await page.keyboard.press('Control+n');
  await expect(dialog).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // The Members screen has its own "new".
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('add-member-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('add-member-dialog')).toHaveCount(0);
});

test('Ctrl+F focuses the search of the screen shown, and is left to the browser where there is none', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-partnerships').click();
  await expect(page.getByTestId('partnerships-grid').locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('partnerships-grid').locator('.ag-row').first().click();
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('quick-search')).toBeFocused();
  await page.keyboard.type('Tábor');
  await expect(page.getByTestId('quick-search')).toHaveValue('Tábor');

  // Settings has no search: the key is not swallowed (the browser's find stays available).
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('table-counts')).toBeVisible();
  expect(await consumes(page, 'f')).toBe(false);
  // Where a search exists the key is taken.
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  expect(await consumes(page, 'f')).toBe(true);
});

test('Ctrl+S saves the partnership detail while typing in a field, and the new request dialog', async ({
  appPage: page,
  webApp,
}) => {
  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await grid.getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.getByTestId('detail-save')).toHaveAttribute('title', 'Uložit (Ctrl+S)');
  const note = 'Uloženo klávesou Ctrl+S';
  await detail.getByTestId('field-notes').fill(note);
  await detail.getByTestId('field-notes').press('Control+s');
  await expect(page.getByTestId('toast-ok')).toContainText('Uloženo');
  // Its Undo names the key that does the same.
  await expect(page.getByTestId('toast-ok').getByTestId('toast-action')).toHaveAttribute(
    'title',
    'Vrátit zpět (Ctrl+Z)',
  );
  const stored = await webApp.ctx.db.knex('partnerships').where({ notes: note }).count<{ n: number }[]>({ n: '*' });
  expect(stored).toEqual([{ n: 1 }]);
  await saveScreen(page, 'shortcut-save-detail');
  // Esc closes the detail panel.
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  // A dialog's form: Ctrl+N on Requests, type, Ctrl+S.
  await page.getByTestId('nav-requests').click();
  // The screen's code loads when it is first opened: the key acts once its "new" is there.
  await expect(page.getByTestId('add-request')).toBeVisible();
  await page.keyboard.press('Control+n');
  const form = page.getByTestId('request-dialog');
  await expect(form).toBeVisible();
  await form.getByTestId('direction-foreign_seeks').click();
  await form.getByTestId('field-requesterCountryCode').selectOption('AT');
  await form.getByTestId('field-requesterName').fill('Bad Zkratkov');
  await form.getByTestId('field-requesterName').press('Control+s');
  await expect(form).toHaveCount(0);
  const requests = await webApp.ctx.db
    .knex('partnership_requests')
    .where({ requester_name: 'Bad Zkratkov' })
    .count<{ n: number }[]>({ n: '*' });
  expect(requests).toEqual([{ n: 1 }]);
});

test('Ctrl+S on the agreement screen saves the draft (asking about the gaps first)', async ({ appPage: page }) => {
  await page.getByTestId('nav-agreements').click();
  await page.getByTestId('agreement-partnership-option').first().click();
  const save = page.getByTestId('agreement-save');
  await expect(save).toHaveAttribute('title', 'Export DOCX… (Ctrl+S)');
  await page.getByTestId('agr-partner-mayorName').fill('Jana Zkratková');
  await page.getByTestId('agr-partner-mayorName').press('Control+s');
  // The same path as the button: the draft still has gaps, so saving asks first; the question
  // has the focus, and Enter answers it.
  const confirm = page.getByTestId('agreement-confirm');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Přesto exportovat' })).toBeFocused();
  await page.keyboard.press('Enter');
  const overwrite = page.getByTestId('agreement-confirm-overwrite');
  await expect(page.getByTestId('agreement-saved').or(overwrite)).toBeVisible();
  // Replacing a file is asked with the focus on keeping it.
  if (await overwrite.isVisible()) await expect(overwrite.getByRole('button', { name: 'Zrušit' })).toBeFocused();
});

test('Esc closes the member overview; F1 opens Help', async ({ appPage: page }) => {
  const grid = page.getByTestId('members-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('quick-search').fill('Tábor');
  await grid.locator('.ag-row', { hasText: 'Tábor' }).first().getByTestId('open-member').click();
  const overview = page.getByTestId('member-overview');
  await expect(overview).toBeVisible();
  await expect(overview.getByTestId('close-overview')).toHaveAttribute('title', 'Zavřít přehled (Esc)');
  await overview.getByTestId('tab-data').click();
  await page.keyboard.press('Escape');
  await expect(overview).toHaveCount(0);

  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-page')).toBeVisible();
  await expect(page).toHaveURL(/#\/help$/);
});

/**
 * Enter on a grid cell that is not edited does what a click does (keyboard walkthrough: a record
 * could be opened only with a mouse): the row's "Open" or "Detail", the request's row is chosen.
 */
test('Enter on a grid row opens its record: Members, Partnerships, Requests', async ({ appPage: page }) => {
  const members = page.getByTestId('members-grid');
  await page.getByTestId('quick-search').fill('Tábor');
  const tabor = members.locator('.ag-row', { hasText: 'Tábor' }).first();
  await expect(tabor).toBeVisible();
  // A cell of the row by the keyboard: the region's (not editable), then End to the row's actions.
  await tabor.locator('[col-id="regionName"]').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-overview')).toBeVisible();
  await expect(page.getByTestId('overview-name')).toHaveText('Tábor');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-overview')).toHaveCount(0);

  await page.getByTestId('nav-partnerships').click();
  const partnerships = page.getByTestId('partnerships-grid');
  const first = partnerships.locator('.ag-row[row-index="0"]').first();
  await expect(first).toBeVisible();
  // Its buttons are named with their row (a screen reader listed "Detail" 964 times).
  await expect(first.getByTestId('open-partnership')).toHaveAttribute('aria-label', /^Otevřít partnerství .+ – .+$/);
  await expect(first.getByTestId('delete-partnership')).toHaveAttribute('aria-label', /^Smazat partnerství .+ – .+$/);
  await first.locator('[col-id="regionName"]').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('partnership-detail');
  await expect(detail).toBeVisible();
  // The focus moved into the panel and Tab keeps it there (it went on through the grid behind).
  const focusInDetail = () =>
    page.evaluate(() => document.querySelector('[data-testid="partnership-detail"]')?.contains(document.activeElement));
  await expect.poll(focusInDetail).toBe(true);
  for (let i = 0; i < 60; i += 1) await page.keyboard.press('Tab');
  expect(await focusInDetail()).toBe(true);
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+Tab');
  expect(await focusInDetail()).toBe(true);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  // Back in the grid, on the row it opened.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="partnerships-grid"]') !== null))
    .toBe(true);
  // Enter on the row's delete button is that button's alone: the delete question, not the detail under it.
  await first.getByTestId('delete-partnership').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog').or(page.getByRole('dialog')).first()).toContainText('Opravdu smazat');
  await expect(detail).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('Opravdu smazat')).toHaveCount(0);
  await expect(detail).toHaveCount(0);
  // Enter on a cell with nothing to click (the municipality) opens the row too, and the Delete key
  // asks to delete it (walkthrough 19: nothing, and deleting was mouse-only).
  await first.locator('[col-id="municipalityName"]').click();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();
  await expect.poll(focusInDetail).toBe(true);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await first.locator('[col-id="municipalityName"]').click();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alertdialog').or(page.getByRole('dialog')).first()).toContainText('Opravdu smazat');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Opravdu smazat')).toHaveCount(0);
  await expect(first).toBeVisible();

  await page.getByTestId('nav-requests').click();
  const requests = page.getByTestId('requests-grid');
  await expect(requests.locator('.ag-row[row-index="1"]').first()).toBeVisible();
  await requests.locator('.ag-row[row-index="0"] .ag-cell').first().click();
  await expect(page.getByTestId('request-panel')).toBeVisible();
  const firstShown = await page.getByTestId('request-panel').locator('h3, h2').first().textContent();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('request-panel').locator('h3, h2').first()).not.toHaveText(firstShown ?? '');
});

/**
 * Enter opens the row on an editable cell too (walkthrough 19: on a member's name it started
 * renaming it, though the Help says Enter opens the row); F2 edits, and the Enter that stores an
 * edit stores it and opens nothing.
 */
test('Enter on an editable cell opens the row; F2 edits it, and Enter ends the edit only', async ({
  appPage: page,
  webApp,
}) => {
  const members = page.getByTestId('members-grid');
  await page.getByTestId('quick-search').fill('Tábor');
  // The row of the town itself (other rows name Tábor as their district); its cells are in the
  // pinned and the scrolled part of the grid, one row element each, under one row id.
  const name = members.locator('.ag-cell[col-id="name"]').filter({ hasText: /^Tábor$/ });
  await expect(name).toHaveCount(1);
  const rowId = await name.locator('xpath=ancestor::div[@row-id][1]').getAttribute('row-id');
  const tabor = members.locator(`.ag-row[row-id="${rowId ?? ''}"]`);
  await name.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-overview')).toBeVisible();
  await expect(page.getByTestId('overview-name')).toHaveText('Tábor');
  await expect(members.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('member-overview')).toHaveCount(0);

  // F2 edits the population; Enter stores it and opens nothing.
  const population = tabor.locator('[col-id="population"]');
  await population.click();
  await page.keyboard.press('F2');
  await expect(population.locator('input')).toBeFocused();
  await population.locator('input').fill('34567');
  await page.keyboard.press('Enter');
  await expect(population).toHaveText('34\u00a0567');
  await expect(page.getByTestId('member-overview')).toHaveCount(0);
  await expect
    .poll(async () => {
      const row = await webApp.ctx.db
        .knex('municipalities')
        .where({ name: 'Tábor' })
        .first<{ population: number | null } | undefined>('population');
      return row?.population;
    })
    .toBe(34567);

  // The same on Partnerships: Enter on the editable status opens the detail, no editor.
  await page.getByTestId('nav-partnerships').click();
  const first = page.getByTestId('partnerships-grid').locator('.ag-row[row-index="0"]').first();
  await first.locator('[col-id="status"]').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('partnership-detail')).toBeVisible();
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('partnership-detail')).toHaveCount(0);

  // Help names the keys.
  await page.keyboard.press('F1');
  await expect(page.locator('.help-keys')).toContainText('F2');
});

test('Ctrl+S in a grid cell being edited commits and saves it (it stayed open, unsaved)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const before = await knex('municipalities')
    .where({ name: 'Písek' })
    .first<{ population: number | null }>('population');
  const grid = page.getByTestId('members-grid');
  await page.getByTestId('quick-search').fill('Písek');
  const row = grid.locator('.ag-row').filter({ has: page.locator('[col-id="name"]', { hasText: /^Písek$/ }) });
  const population = row.locator('[col-id="population"]');
  await population.dblclick();
  const input = population.locator('input');
  await expect(input).toBeVisible();
  await input.fill('30 123');
  await input.press('Control+s');
  await expect(input).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (
          await webApp.ctx.db
            .knex('municipalities')
            .where({ name: 'Písek' })
            .first<{ population: number }>('population')
        ).population,
    )
    .toBe(30123);
  // The registry other specs share is left as it was.
  await knex('municipalities').where({ name: 'Písek' }).update({ population: before.population });
});

test('radio groups and tab lists move with the arrow keys; Tab enters them at the chosen option', async ({
  appPage: page,
}) => {
  // The language: Tab reaches only the chosen option; an arrow chooses the next one at once.
  await page.getByTestId('nav-settings').click();
  const czech = page.getByTestId('language-cs');
  const english = page.getByTestId('language-en');
  await expect(czech).toHaveAttribute('tabindex', '0');
  await expect(english).toHaveAttribute('tabindex', '-1');
  await czech.focus();
  await page.keyboard.press('ArrowRight');
  await expect(english).toBeFocused();
  await expect(english).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(czech).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('heading', { name: 'Nastavení', exact: true })).toBeVisible();

  // A member's tabs: Overview → Details → History with the arrows, and back round from the first.
  await page.getByTestId('nav-members').click();
  await page.getByTestId('members-grid').getByTestId('open-member').first().click();
  const overview = page.getByTestId('member-overview');
  await overview.getByTestId('tab-overview').focus();
  await page.keyboard.press('ArrowRight');
  await expect(overview.getByTestId('tab-data')).toBeFocused();
  await expect(overview.getByTestId('tab-data')).toHaveAttribute('aria-selected', 'true');
  await expect(overview.getByTestId('member-form')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(overview.getByTestId('tab-history')).toHaveAttribute('aria-selected', 'true');
});

test('a dialog gives the focus back to the button that opened it when it closes', async ({ appPage: page }) => {
  await page.getByTestId('nav-partnerships').click();
  const add = page.getByTestId('add-partnership');
  await add.click();
  await expect(page.getByTestId('new-partnership')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('new-partnership')).toHaveCount(0);
  // It fell to the page: the next Tab started again at the navigation.
  await expect(add).toBeFocused();
  // A confirmation too: the row's delete button, after "Cancel".
  const remove = page.getByTestId('partnerships-grid').getByTestId('delete-partnership').first();
  await remove.click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Zrušit' }).click();
  await expect(remove).toBeFocused();
  // "Keep editing" in the question Escape asks: back in the field the user was typing in (it left
  // the focus on the page, and Ctrl+S then saved another form).
  await page.getByTestId('nav-members').click();
  await page.getByTestId('add-member').click();
  const name = page.getByTestId('add-member-dialog').getByTestId('field-name');
  await name.fill('Nová Ves u Testu');
  await page.keyboard.press('Escape');
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Pokračovat v úpravách' }).click();
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Nová Ves u Testu');
});

test('the town picker names the highlighted town to screen readers and keeps the focus after a pick', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('add-partnership').click();
  const dialog = page.getByTestId('new-partnership');
  const input = dialog.getByTestId('town-input');
  await input.fill('drazd');
  const first = dialog.getByTestId('town-suggestion').first();
  await expect(first).toContainText('Dresden');
  // Nothing highlighted until an arrow key; the first ArrowDown highlights the first town.
  await expect(input).not.toHaveAttribute('aria-activedescendant');
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '-');
  await input.press('Enter');
  // The field became the chosen town: its "Change" has the focus (it fell to the page).
  const change = dialog.getByTestId('town-chosen').getByRole('button');
  await expect(change).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('town-input')).toBeFocused();
});
