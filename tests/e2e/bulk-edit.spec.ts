import type { Locator } from '@playwright/test';
import { updatePartnership } from '../../electron/core/services/partnerships-service';
import { expect, saveScreen, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

/** The ids of the rows the grid draws, in their order (a row is drawn once per pinned part). */
const rowIds = async (grid: Locator): Promise<number[]> => [
  ...new Set(
    (await grid.locator('.ag-row[row-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('row-id')))).map(
      Number,
    ),
  ),
];

test('bulk edit: tick three partnerships, set their status at once, then one undo puts all three back', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
  const shown = await rowIds(grid);
  // Three rows that are not dormant yet (the edit must change each of them).
  const candidates = await knex('partnerships').whereNot({ status: 'dormant' }).pluck<number[]>('id');
  const ids: number[] = [];
  for (const id of shown) {
    if (ids.length === 3) break;
    if (!candidates.includes(id)) continue;
    await grid
      .locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`)
      .first()
      .check();
    ids.push(id);
  }
  const statuses = async () =>
    (await knex('partnerships').whereIn('id', ids).orderBy('id').select<{ status: string }[]>('status')).map(
      (row) => row.status,
    );
  const before = await statuses();
  expect(before).not.toContain('dormant');

  await page.getByTestId('bulk-edit').click();
  const dialog = page.getByTestId('bulk-edit-dialog');
  await expect(dialog).toContainText('Změna se použije na vybraná partnerství (3).');
  await dialog.getByTestId('bulk-status').selectOption('dormant');
  await saveScreen(page, 'bulk-edit-dialog-cs');
  await dialog.getByTestId('bulk-apply').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Změněna 3 partnerství.');
  await expect.poll(statuses).toEqual(['dormant', 'dormant', 'dormant']);
  for (const id of ids)
    await expect(grid.locator(`.ag-row[row-id="${String(id)}"] .ag-cell[col-id="status"]`)).toHaveText('neaktivní');
  // One audit group holds the three entries.
  const groups = await knex('audit_log').whereIn('record_id', ids).whereNotNull('group_id').distinct('group_id');
  expect(groups).toHaveLength(1);
  await saveScreen(page, 'bulk-edit-done-cs');

  // One undo (the toast's button) puts all three back.
  await page.getByTestId('toast-ok').first().getByTestId('toast-action').click();
  await expect.poll(statuses).toEqual(before);
  await expect(page.getByTestId('toast-ok').first()).toContainText('Hromadná změna vrácena.');
  for (const [index, id] of ids.entries()) {
    const status = before[index];
    await expect(grid.locator(`.ag-row[row-id="${String(id)}"] .ag-cell[col-id="status"]`)).not.toHaveText('neaktivní');
    expect(status).toBeTruthy();
  }
});

test('bulk edit: a row changed meanwhile is named and nothing changes; English dialog', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-partnerships').click();
  await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
  const ids: number[] = [];
  for (const id of (await rowIds(grid)).slice(0, 2)) {
    await grid
      .locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`)
      .first()
      .check();
    ids.push(id);
  }
  const [first, second] = ids;
  if (first === undefined || second === undefined) throw new Error('two rows');
  const types = async () =>
    (await knex('partnerships').whereIn('id', ids).orderBy('id').select<{ type: string }[]>('type')).map((r) => r.type);
  const before = await types();
  await page.getByTestId('bulk-edit').click();
  const dialog = page.getByTestId('bulk-edit-dialog');
  await dialog.getByTestId('bulk-type').selectOption('project');
  await dialog.getByTestId('bulk-add-areas').getByText('sport', { exact: true }).click();
  await saveScreen(page, 'bulk-edit-dialog-en');
  // Someone else changes the second row meanwhile (another window).
  await knex('partnerships').where({ id: second }).increment('version', 1);
  await dialog.getByTestId('bulk-apply').click();
  await expect(dialog.getByTestId('bulk-problem')).toContainText('Changed meanwhile by someone else');
  await expect(dialog.getByTestId('bulk-problem')).toContainText('Nothing was changed');
  expect(await types()).toEqual(before);
  await saveScreen(page, 'bulk-edit-conflict-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
});

for (const language of ['cs', 'en'] as const) {
  test(`bulk edit after a colleague's change: refused naming her, Reload keeps the dialog and lists her row unticked (${language})`, async ({
    appPage: page,
    webApp,
  }) => {
    const { ctx } = webApp;
    const knex = ctx.db.knex;
    const grid = page.getByTestId('partnerships-grid');
    if (language === 'en') {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
    }
    const { actorName } = await ctx.preferences.get();
    await ctx.preferences.set({ actorName: 'Petr Svoboda' });
    await page.getByTestId('nav-partnerships').click();
    await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
    const active = await knex('partnerships').where({ status: 'active' }).pluck<number[]>('id');
    const ids: number[] = [];
    for (const id of await rowIds(grid)) {
      if (ids.length === 3) break;
      if (!active.includes(id)) continue;
      await grid
        .locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`)
        .first()
        .check();
      ids.push(id);
    }
    const [first, janas, third] = ids;
    if (first === undefined || janas === undefined || third === undefined) throw new Error('three active rows');
    const statuses = async () =>
      (
        await knex('partnerships')
          .whereIn('id', ids)
          .orderBy('id')
          .select<{ id: number; status: string }[]>('id', 'status')
      )
        .map((row) => `${String(row.id)}:${row.status}`)
        .sort();

    await page.getByTestId('bulk-edit').click();
    const dialog = page.getByTestId('bulk-edit-dialog');
    await dialog.getByTestId('bulk-status').selectOption('dormant');
    // Meanwhile Jana ends one of them (her own window: the same registry, her name).
    await ctx.preferences.set({ actorName: 'Jana Nováková' });
    const stored = await knex('partnerships').where({ id: janas }).first<{ version: number }>('version');
    await updatePartnership(ctx, { id: janas, version: stored.version, changes: { status: 'ended' } });
    await ctx.preferences.set({ actorName: 'Petr Svoboda' });

    await dialog.getByTestId('bulk-apply').click();
    const problem = dialog.getByTestId('bulk-problem');
    await expect(problem).toContainText('Jana Nováková');
    await expect(problem).toContainText(language === 'cs' ? 'Nic se nezměnilo' : 'Nothing was changed');
    await saveScreen(page, `bulk-edit-colleague-refused-${language}`);

    // Reload: the dialog stays with Petr's choice and shows Jana's row, unticked.
    await dialog.getByTestId('bulk-reload').click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('bulk-status')).toHaveValue('dormant');
    const row = dialog.getByTestId(`bulk-changed-${String(janas)}`);
    await expect(row).toContainText(language === 'cs' ? 'Stav: ukončeno' : 'Status: ended');
    await expect(row).toContainText('Jana Nováková');
    await expect(row.getByTestId('bulk-changed-include')).not.toBeChecked();
    await expect(dialog).toContainText(language === 'cs' ? 'Změna se použije na vybraná partnerství (2).' : '(2)');
    await saveScreen(page, `bulk-edit-colleague-reloaded-${language}`);
    // Nothing is written until Change is clicked again.
    expect(await statuses()).toEqual(
      [`${String(first)}:active`, `${String(janas)}:ended`, `${String(third)}:active`].sort(),
    );

    await dialog.getByTestId('bulk-apply').click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(statuses)
      .toEqual([`${String(first)}:dormant`, `${String(janas)}:ended`, `${String(third)}:dormant`].sort());
    await ctx.preferences.set({ actorName });
    if (language === 'en') {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-cs').click();
    }
  });
}

test('the header box ticks every partnership shown, follows a search, and Space on it does the same', async ({
  appPage: page,
}) => {
  const grid = page.getByTestId('partnerships-grid');
  await page.getByTestId('nav-partnerships').click();
  await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
  const box = grid.getByTestId('select-all');
  // "116" or "12 z 116" (digits grouped by a space in Czech)
  const shown = async () =>
    Number(((await page.getByTestId('row-count').textContent()) ?? '').split(' z ')[0]?.replace(/\D/g, '') || NaN);
  const bulk = page.getByTestId('bulk-edit');
  await expect(box).not.toBeChecked();
  await expect(box).toHaveAttribute('aria-label', 'Vybrat všechna zobrazená partnerství');

  // One row ticked: the box says "some".
  await grid.locator('.ag-row .ag-selection-checkbox input').first().check();
  await expect(box).toHaveJSProperty('indeterminate', true);
  await expect(bulk).toHaveText('Upravit vybrané (1)');

  // A click ticks every row shown.
  const all = await shown();
  expect(all).toBeGreaterThan(1);
  await box.click();
  await expect(box).toBeChecked();
  await expect(box).toHaveJSProperty('indeterminate', false);
  await expect(bulk).toHaveText(`Upravit vybrané (${String(all)})`);
  await saveScreen(page, 'select-all-cs');

  // A search shows fewer rows, all ticked; clearing them leaves the others ticked.
  const firstTown = (await grid.locator('.ag-row .ag-cell[col-id="townName"]').first().textContent()) ?? '';
  await page.getByTestId('quick-search').fill(firstTown);
  await expect.poll(shown).toBeLessThan(all);
  const found = await shown();
  await expect(box).toBeChecked();
  await expect(box).toHaveAttribute('aria-label', 'Zrušit výběr zobrazených partnerství');
  // The button counts what an edit would change: the ticked rows shown (it said all of them).
  await expect(bulk).toHaveText(`Upravit vybrané (${String(found)})`);
  await box.click();
  await expect(box).not.toBeChecked();
  await expect(bulk).toBeHidden();
  await page.getByTestId('quick-search').fill('');
  await expect.poll(shown).toBe(all);
  await expect(box).toHaveJSProperty('indeterminate', true);
  await expect(bulk).toHaveText(`Upravit vybrané (${String(all - found)})`);

  // Space on the focused header cell ticks all again, then clears all.
  const header = grid.locator('.ag-header-cell[col-id="ag-Grid-SelectionColumn"]');
  await header.focus();
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(bulk).toHaveText(`Upravit vybrané (${String(all)})`);
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await expect(bulk).toBeHidden();
});
