import type { Locator } from '@playwright/test';
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

const WORDS = {
  cs: {
    part: 'Součást hromadné úpravy 5 partnerství',
    undoAll: 'Vrátit celou hromadnou úpravu (5)',
    undone: 'Hromadná změna vrácena.',
    undoneAll: 'Celá hromadná úprava už je vrácená.',
  },
  en: {
    part: 'Part of a bulk edit of 5 partnerships',
    undoAll: 'Undo the whole bulk edit (5)',
    undone: 'Bulk change undone.',
    undoneAll: 'The whole bulk edit has been undone.',
  },
} as const;

/**
 * Walkthrough 26, finding 5: once the toast of a bulk edit has gone, a record's history says the
 * entry was part of a bulk edit of N partnerships and undoes the whole edit from there, as the
 * toast's Undo did (every row back, checked in the database); "Revert this change" stays.
 */
for (const language of ['cs', 'en'] as const) {
  test(`a bulk edit is undone as a whole from one record's history after its toast has gone (${language})`, async ({
    appPage: page,
    webApp,
  }) => {
    const words = WORDS[language];
    const knex = webApp.ctx.db.knex;
    const grid = page.getByTestId('partnerships-grid');
    if (language === 'en') {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-en').click();
    }
    await page.getByTestId('nav-partnerships').click();
    await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
    // Five rows that are not dormant yet (the edit must change each of them).
    const candidates = await knex('partnerships').whereNot({ status: 'dormant' }).pluck<number[]>('id');
    const ids: number[] = [];
    for (const id of await rowIds(grid)) {
      if (ids.length === 5) break;
      if (!candidates.includes(id)) continue;
      await grid
        .locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`)
        .first()
        .check();
      ids.push(id);
    }
    expect(ids).toHaveLength(5);
    const statuses = async () =>
      (await knex('partnerships').whereIn('id', ids).orderBy('id').select<{ status: string }[]>('status')).map(
        (row) => row.status,
      );
    const before = await statuses();

    await page.getByTestId('bulk-edit').click();
    const dialog = page.getByTestId('bulk-edit-dialog');
    await dialog.getByTestId('bulk-status').selectOption('dormant');
    await dialog.getByTestId('bulk-apply').click();
    await expect(dialog).toBeHidden();
    await expect.poll(statuses).toEqual(['dormant', 'dormant', 'dormant', 'dormant', 'dormant']);
    // The toast with its Undo is closed: what is left is the history.
    const toast = page.getByTestId('toast-ok').first();
    await toast.locator('.close-button').click();
    await expect(page.getByTestId('toast-ok')).toHaveCount(0);

    const opened = ids[2] ?? 0;
    await page
      .locator(`.ag-row[row-id="${String(opened)}"]`)
      .getByTestId('open-partnership')
      .first()
      .click();
    const detail = page.getByTestId('partnership-detail');
    await expect(detail).toBeVisible();
    const entry = detail.getByTestId('history-list').getByTestId('history-entry').first();
    // Just that: the entry's heading already gives its time.
    await expect(entry.getByTestId('history-bulk')).toHaveText(`${words.part}.`);
    // The record's own revert stays beside the whole edit's undo.
    await expect(entry.getByTestId('history-revert')).toBeVisible();
    const undoAll = entry.getByTestId('history-undo-bulk');
    await expect(undoAll).toHaveText(words.undoAll);
    await undoAll.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await saveScreen(page, `bulk-undo-history-${language}`);

    await undoAll.click();
    await expect(page.getByTestId('toast-ok').first()).toContainText(words.undone);
    // All five are back, not only the one whose history was open.
    await expect.poll(statuses).toEqual(before);
    const latest = detail.getByTestId('history-list').getByTestId('history-entry');
    await expect(latest.filter({ hasText: words.undoneAll })).toHaveCount(1);
    await expect(detail.getByTestId('history-undo-bulk')).toHaveCount(0);

    await detail.getByTestId('detail-close').click();
    for (const id of ids)
      await grid
        .locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`)
        .first()
        .uncheck();
    for (const close of await page.getByTestId('toast-ok').locator('.close-button').all()) await close.click();
    if (language === 'en') {
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('language-cs').click();
    }
  });
}

/** Members' "Členství vybraných": the same from a municipality's history. */
test('a bulk change of membership is undone as a whole from one municipality’s history (cs)', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  await page.getByTestId('nav-members').click();
  const grid = page.getByTestId('members-grid');
  const rows = grid.locator('.ag-row[row-id]');
  await expect(rows.first()).toBeVisible();
  const ids = [...new Set(await rows.evaluateAll((all) => all.map((row) => Number(row.getAttribute('row-id')))))]
    .slice(0, 2)
    .sort((a, b) => a - b);
  const members = async () =>
    (
      await knex('municipalities')
        .whereIn('id', ids)
        .orderBy('id')
        .select<{ is_member: boolean | number }[]>('is_member')
    ).map((row) => Boolean(row.is_member));
  expect(await members()).toEqual([true, true]);
  for (const id of ids) await grid.locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`).check();
  await page.getByTestId('members-bulk').click();
  await page.getByTestId('members-bulk-dialog').getByTestId('members-bulk-nonmember').click();
  await expect.poll(members).toEqual([false, false]);
  await page.getByTestId('toast-ok').last().locator('.close-button').click();
  await expect(page.getByTestId('toast-ok')).toHaveCount(0);

  const membership = page.getByTestId('filter-membership');
  const shown = await membership.inputValue();
  const name = await knex('municipalities').where({ id: ids[1] }).first<{ name: string }>('name');
  await membership.selectOption('all');
  await page.getByTestId('quick-search').fill(name.name);
  await grid
    .locator(`.ag-row[row-id="${String(ids[1])}"]`)
    .getByTestId('open-member')
    .first()
    .click();
  const overview = page.getByTestId('member-overview');
  await overview.getByTestId('tab-history').click();
  const entry = overview.getByTestId('member-history').getByTestId('history-entry').first();
  await expect(entry.getByTestId('history-bulk')).toHaveText('Součást hromadné změny členství 2 obcí.');
  await expect(entry.getByTestId('history-undo-bulk')).toHaveText('Vrátit celou hromadnou změnu (2)');
  await page.mouse.move(0, 0);
  await saveScreen(page, 'bulk-undo-history-members-cs');
  await entry.getByTestId('history-undo-bulk').click();
  await expect(page.getByTestId('toast-ok').first()).toContainText('Hromadná změna členství vrácena.');
  await expect.poll(members).toEqual([true, true]);
  await expect(overview.getByTestId('history-undo-bulk')).toHaveCount(0);

  await overview.getByTestId('close-overview').click();
  await page.getByTestId('quick-search').fill('');
  await membership.selectOption(shown);
});
