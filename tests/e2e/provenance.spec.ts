import { expect, saveScreen, test } from '../support/web-fixture';

/** "N zobrazených záznamů" in the Czech form for N (accusative: 1, 2–4, 5 and more). */
const shownRecords = (count: number): string =>
  count === 1 ? 'zobrazený záznam' : count >= 2 && count <= 4 ? 'zobrazené záznamy' : 'zobrazených záznamů';

test('provenance: filter unverified, mark a filtered view verified, the grid and history show it', async ({
  appPage: page,
  webApp,
}) => {
  const knex = webApp.ctx.db.knex;
  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  await page.getByTestId('filter-provenance').selectOption('demo');
  await page.getByTestId('filter-country').selectOption('PL');
  const polish = Number(
    (
      await knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .join('municipalities as m', 'm.id', 'p.municipality_id')
        .where({ 't.country_code': 'PL', 'p.source': 'demo', 'm.is_member': true })
        .count<{ n: number }[]>({ n: '*' })
    )[0]?.n,
  );
  await expect(page.getByTestId('verify-shown')).toHaveText(`Označit jako ověřené (${String(polish)})`);
  await page.getByTestId('verify-shown').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText(`${String(polish)} ${shownRecords(polish)}`);
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('toast-ok')).toContainText(`Označeno jako ověřené: ${String(polish)}.`);
  const verified = await knex('partnerships').whereNotNull('verified_at').count<{ n: number }[]>({ n: '*' });
  expect(Number(verified[0]?.n)).toBe(polish);
  // The Polish rows now show when they were verified; "unverified" hides them.
  await expect(grid.locator('.ag-cell[col-id="verifiedAt"]').first()).not.toHaveText('');
  await expect(grid.locator('.ag-cell[col-id="source"]').first()).toHaveText('ukázková data');
  await saveScreen(page, 'partnerships-verified');
  await page.getByTestId('filter-provenance').selectOption('unverified');
  // Only Polish partnerships that are not demo data (another spec may have imported one) stay.
  const others = Number(
    (
      await knex('partnerships as p')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .join('municipalities as m', 'm.id', 'p.municipality_id')
        .where({ 't.country_code': 'PL', 'm.is_member': true })
        .whereNot('p.source', 'demo')
        .count<{ n: number }[]>({ n: '*' })
    )[0]?.n,
  );
  await expect(grid.locator('.ag-row')).toHaveCount(others);
  await page.getByTestId('filter-country').selectOption('');
  await expect(page.getByTestId('verify-shown')).toHaveText(/\((\d+)\)/);
  // The grid shows members' partnerships by default (another spec may have added a non-member's).
  const unverified = Number(
    (
      await knex('partnerships as p')
        .join('municipalities as m', 'm.id', 'p.municipality_id')
        .whereNull('p.verified_at')
        .where('m.is_member', true)
        .count<{ n: number }[]>({ n: '*' })
    )[0]?.n,
  );
  await expect(page.getByTestId('verify-shown')).toHaveText(`Označit jako ověřené (${String(unverified)})`);
  // A link carries the filter (the import history links to "from import N").
  await page.evaluate(() => (window.location.hash = '#/partnerships?provenance=verified'));
  await expect(page.getByTestId('filter-provenance')).toHaveValue('verified');
  await expect(page.getByTestId('verify-shown')).toHaveText(`Označit jako ověřené (${String(polish)})`);

  // Ticked rows: the button marks those (not every row shown), and the confirmation says so.
  await page.getByTestId('filter-provenance').selectOption('');
  // The first two rows by their place in the grid (the page's order of row elements is not theirs).
  await expect(grid.locator('.ag-row[row-index="1"]').first()).toBeVisible();
  const tickedIds = await grid
    .locator('.ag-row[row-index="0"], .ag-row[row-index="1"]')
    .evaluateAll((rows) =>
      [...new Set(rows.map((row) => `${row.getAttribute('row-index') ?? ''}:${row.getAttribute('row-id') ?? ''}`))]
        .sort()
        .map((key) => key.split(':')[1] ?? ''),
    );
  expect(tickedIds).toHaveLength(2);
  const tick = (id: string) => grid.locator(`.ag-row[row-id="${id}"] .ag-selection-checkbox input`);
  for (const id of tickedIds) await tick(id).check();
  await expect(page.getByTestId('verify-shown')).toHaveText('Označit jako ověřené (2)');
  await page.getByTestId('verify-shown').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('zkontrolovali 2 vybrané záznamy');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  // A ticked row that a search then hides is neither counted nor marked.
  const town = await knex('partnerships as p')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .where('p.id', Number(tickedIds[0]))
    .first<{ name: string }>('t.name');
  await page.getByTestId('quick-search').fill(town.name);
  await expect(grid.locator(`.ag-row[row-id="${tickedIds[0] ?? ''}"]`).first()).toBeVisible();
  const stillShown = await grid
    .locator('.ag-row[row-id]')
    .evaluateAll(
      (rows, ids) => new Set(rows.map((row) => row.getAttribute('row-id')).filter((id) => ids.includes(id ?? ''))).size,
      tickedIds,
    );
  expect(stillShown).toBe(1);
  await expect(page.getByTestId('verify-shown')).toHaveText('Označit jako ověřené (1)');
  await page.getByTestId('quick-search').fill('');
  for (const id of tickedIds) await tick(id).uncheck();

  // Members: the same filter and button.
  await page.getByTestId('nav-members').click();
  await page.getByTestId('filter-provenance').selectOption('unknown');
  await expect(page.getByTestId('verify-shown')).toHaveText('Označit jako ověřené (0)');
  await page.getByTestId('filter-provenance').selectOption('demo');
  await expect(page.getByTestId('verify-shown')).not.toHaveText('Označit jako ověřené (0)');
  // Ticked members: the button marks those only (it marked every row shown), and says so.
  const members = page.getByTestId('members-grid');
  await expect(members.locator('.ag-row[row-index="0"]').first()).toBeVisible();
  const memberId = await members.locator('.ag-row[row-index="0"]').first().getAttribute('row-id');
  await members
    .locator(`.ag-row[row-id="${memberId ?? ''}"] .ag-selection-checkbox input`)
    .first()
    .check();
  await expect(page.getByTestId('verify-shown')).toHaveText('Označit jako ověřené (1)');
  await page.getByTestId('verify-shown').click();
  await expect(page.getByTestId('confirm-dialog')).toContainText('zkontrolovali 1 vybraný záznam');
  const verifiedBefore = Number(
    (await knex('municipalities').whereNotNull('verified_at').count<{ n: number }[]>({ n: '*' }))[0]?.n,
  );
  const wasVerified = await knex('municipalities')
    .where({ id: Number(memberId) })
    .whereNotNull('verified_at')
    .first();
  await knex('municipalities')
    .where({ id: Number(memberId) })
    .update({ verified_at: null, verified_by: null });
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect
    .poll(
      async () =>
        (await knex('municipalities')
          .where({ id: Number(memberId) })
          .first('verified_by')) as unknown,
    )
    .not.toEqual({ verified_by: null });
  // That one and no other.
  expect(
    Number((await knex('municipalities').whereNotNull('verified_at').count<{ n: number }[]>({ n: '*' }))[0]?.n),
  ).toBe(verifiedBefore + (wasVerified === undefined ? 1 : 0));
  // Its toast undoes it (as a bulk edit is undone): the member is unverified again, as before.
  const marked = page.getByTestId('toast-ok').filter({ hasText: 'Označeno jako ověřené: 1.' });
  await marked.getByTestId('toast-action').click();
  await expect(page.getByTestId('toast-ok').filter({ hasText: 'Označení jako ověřené vráceno.' })).toBeVisible();
  await expect
    .poll(
      async () =>
        (await knex('municipalities')
          .where({ id: Number(memberId) })
          .first('verified_at', 'verified_by')) as unknown,
    )
    .toEqual({ verified_at: null, verified_by: null });
  // The grid follows: the member is among the unverified again.
  await page.getByTestId('filter-provenance').selectOption('unverified');
  await expect(members.locator(`.ag-row[row-id="${memberId ?? ''}"]`).first()).toBeVisible();
});
