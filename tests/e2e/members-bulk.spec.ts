import { expect, saveScreen, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ language: 'cs' });
});

/**
 * Membership of many municipalities at once (review: after an import, members were marked one by
 * one): tick rows, one dialog, one audited change that keeps the dates, one undo.
 */
for (const language of ['cs', 'en'] as const) {
  test(`ticked municipalities are marked as non-members and back in one step (${language})`, async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('nav-members').click();
    const grid = page.getByTestId('members-grid');
    const rows = grid.locator('.ag-row[row-id]');
    await expect(rows.first()).toBeVisible();
    const ids = [...new Set(await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('row-id')))))]
      .slice(0, 2)
      .sort((a, b) => a - b);
    const stored = () =>
      knex('municipalities')
        .whereIn('id', ids)
        .orderBy('id')
        .select<{ is_member: boolean | number; member_since: string | null }[]>('is_member', 'member_since');
    const before = await stored();
    for (const id of ids) await grid.locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`).check();
    const button = page.getByTestId('members-bulk');
    await expect(button).toHaveText(language === 'cs' ? 'Členství vybraných (2)' : 'Set membership (2)');
    await button.click();
    const dialog = page.getByTestId('members-bulk-dialog');
    await expect(dialog).toContainText(
      language === 'cs' ? 'Vybraných obcí, které zobrazuje filtr: 2' : 'shown by the filter: 2',
    );
    await saveScreen(page, `members-bulk-dialog-${language}`);
    await dialog.getByTestId('members-bulk-nonmember').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toast-ok').last()).toContainText(
      language === 'cs' ? 'Členství změněno u 2 obcí.' : 'Membership changed for 2 municipalities.',
    );
    await expect.poll(async () => (await stored()).map((row) => Boolean(row.is_member))).toEqual([false, false]);
    // Only the flag: the dates since stay as the user had them.
    expect((await stored()).map((row) => row.member_since)).toEqual(before.map((row) => row.member_since));
    // The members view no longer shows them, and nothing is left ticked out of sight.
    for (const id of ids) await expect(grid.locator(`.ag-row[row-id="${String(id)}"]`)).toHaveCount(0);
    await expect(button).toBeHidden();
    // The button that opened the dialog is gone: the screen's search box has the focus, not the page.
    await expect(page.getByTestId('quick-search').locator('visible=true')).toBeFocused();
    await saveScreen(page, `members-bulk-done-${language}`);

    await page.getByTestId('toast-ok').last().getByTestId('toast-action').click();
    await expect.poll(async () => (await stored()).map((row) => Boolean(row.is_member))).toEqual([true, true]);
    await expect(grid.locator(`.ag-row[row-id="${String(ids[0])}"]`)).toHaveCount(1);
  });
}

test('a former member ticked to be marked a member: the dialog says its end date stays', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  const former = await knex('municipalities').orderBy('id').first<{ id: number; name: string }>('id', 'name');
  if (!former) throw new Error('no municipality');
  await knex('municipalities')
    .where({ id: former.id })
    .update({ is_member: false, member_until: '2019-12-31', version: knex.raw('version + 1') });
  try {
    await page.reload();
    await page.getByTestId('nav-members').click();
    await page.getByTestId('filter-membership').selectOption('all');
    await page.getByTestId('quick-search').fill(former.name);
    const grid = page.getByTestId('members-grid');
    await grid
      .locator(`.ag-row[row-id="${String(former.id)}"] .ag-selection-checkbox input`)
      .first()
      .check();
    await page.getByTestId('members-bulk').click();
    const dialog = page.getByTestId('members-bulk-dialog');
    await expect(dialog.getByTestId('members-bulk-ended')).toContainText(
      `Konec členství („členem do“) mají uvedený: ${former.name}.`,
    );
    await saveScreen(page, 'members-bulk-ended-cs');
    await dialog.getByRole('button', { name: 'Zrušit' }).click();
    await expect(dialog).toBeHidden();
    await page.getByTestId('quick-search').fill('');
  } finally {
    await knex('municipalities').where({ id: former.id }).update({ is_member: true, member_until: null });
  }
});

test('after a switch of language the first ticked row is counted (the bulk buttons stayed at "(0)")', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-members').click();
  const grid = page.getByTestId('members-grid');
  const rows = grid.locator('.ag-row[row-id]');
  await expect(rows.first()).toBeVisible();
  const id = await rows.first().getAttribute('row-id');
  await grid.locator(`.ag-row[row-id="${id ?? ''}"] .ag-selection-checkbox input`).check();
  await expect(page.getByTestId('members-bulk')).toHaveText('Členství vybraných (1)');
  // Another language makes the grid anew, without ticked rows.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-members').click();
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('members-bulk')).toHaveCount(0);
  const second = await rows.nth(1).getAttribute('row-id');
  await grid.locator(`.ag-row[row-id="${second ?? ''}"] .ag-selection-checkbox input`).check();
  await expect(page.getByTestId('members-bulk')).toHaveText('Set membership (1)');
});
