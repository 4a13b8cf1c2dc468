import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 24, finding 3, at 1280 × 720: on Members in English the "Membership" filter's label
 * ran into "Clear filters" ("MembershipClear filters"); on Partnerships the region filter showed
 * "Jihomoravsk…" (a kraj's name is shown whole).
 */
test.use({ viewport: { width: 1280, height: 720 } });

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('not shown');
  return found;
}

/** Whether a select shows its chosen option whole: the text's width within the select's room for it. */
const showsWhole = (select: Locator) =>
  select.evaluate((element) => {
    if (!(element instanceof HTMLSelectElement)) throw new Error('a select');
    const style = getComputedStyle(element);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('a canvas');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = element.selectedOptions[0]?.text ?? '';
    // The room for the text: the inner width less the padding and the drop-down arrow (~20 px).
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return { text, fits: context.measureText(text).width <= room };
  });

async function english(page: Page, language: 'cs' | 'en') {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await expect(page.getByTestId(`language-${language}`)).toHaveAttribute('aria-checked', 'true');
}

test('Members in English: no filter label runs into "Clear filters"', async ({ appPage: page }) => {
  await english(page, 'en');
  try {
    await page.getByTestId('nav-members').click();
    const filters = page.getByTestId('member-filters');
    // A kraj chosen: its districts and ORPs have short names, the selects narrow, and the
    // membership filter comes up to the first row's right end, where the link is.
    await expect(page.getByTestId('filter-region').locator('option')).not.toHaveCount(1);
    await page.getByTestId('filter-region').selectOption({ label: 'Plzeňský kraj' });
    const reset = page.getByTestId('filter-reset');
    await expect(reset).toHaveText('Clear filters');
    const link = await box(reset);
    const labels = filters.locator('label > span');
    await expect(labels.filter({ hasText: 'Membership' })).toHaveCount(1);
    for (let i = 0; i < (await labels.count()); i += 1) {
      const label = labels.nth(i);
      expect({ label: await label.textContent(), overlaps: overlap(await box(label), link) }).toEqual({
        label: await label.textContent(),
        overlaps: false,
      });
    }
    // Nor any select or the saved views beside it.
    for (const select of await filters.locator('select').all()) expect(overlap(await box(select), link)).toBe(false);
    await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
    await saveScreen(page, 'members-filters-en-1280');
    await reset.click();
    await expect(page.getByTestId('filter-region')).toHaveValue('');
  } finally {
    await english(page, 'cs');
  }
});

test('Partnerships: the region filter shows a kraj whole, the longest too, in one row with the others', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-partnerships').click();
  const filters = page.getByTestId('partnership-filters');
  const region = page.getByTestId('filter-region');
  await expect(region.locator('option', { hasText: 'Moravskoslezský kraj' })).toHaveCount(1);
  try {
    for (const name of ['Jihomoravský kraj', 'Královéhradecký kraj', 'Moravskoslezský kraj', 'Kraj Vysočina']) {
      await region.selectOption({ label: name });
      expect(await showsWhole(region)).toEqual({ text: name, fits: true });
    }
    await saveScreen(page, 'partnerships-region-select-1280');
    // The filters stay one row (walkthrough 21): every select's top is the first one's.
    const tops = await filters
      .locator('select')
      .evaluateAll((selects) => selects.map((select) => Math.round(select.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  } finally {
    await region.selectOption({ index: 0 });
    await expect(region).toHaveValue('');
  }
});

test('Member drawer: the undo toast of a membership change covers none of its fields', async ({
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
  const members = () =>
    knex('municipalities').whereIn('id', ids).orderBy('id').pluck<(boolean | number)[]>('is_member');
  try {
    for (const id of ids) await grid.locator(`.ag-row[row-id="${String(id)}"] .ag-selection-checkbox input`).check();
    await page.getByTestId('members-bulk').click();
    await page.getByTestId('members-bulk-dialog').getByTestId('members-bulk-nonmember').click();
    const toast = page.getByTestId('toast-ok').last();
    await expect(toast).toContainText('Členství změněno u 2 obcí.');
    // Another member opened while the notice with its Undo stands.
    await rows.first().getByTestId('open-member').click();
    await page.getByTestId('tab-data').click();
    const form = page.getByTestId('member-form');
    await expect(form).toBeVisible();
    const notice = await box(toast);
    const fields = form.locator('input:visible, select:visible, textarea:visible, button:visible');
    expect(await fields.count()).toBeGreaterThan(5);
    const covered: string[] = [];
    for (const field of await fields.all()) {
      const where = await field.boundingBox();
      if (where !== null && where.y < 720 && overlap(where, notice))
        covered.push((await field.getAttribute('name')) ?? (await field.textContent()) ?? '?');
    }
    expect(covered).toEqual([]);
    await saveScreen(page, 'member-drawer-toast-1280');
    await toast.getByTestId('toast-action').click();
    await expect.poll(async () => (await members()).map(Boolean)).toEqual([true, true]);
  } finally {
    // A notice gone before its Undo was clicked: the two are members again all the same.
    if ((await members()).some((member) => !member)) {
      await knex('municipalities').whereIn('id', ids).update({ is_member: true });
    }
    if (await page.getByTestId('close-overview').isVisible()) await page.getByTestId('close-overview').click();
  }
});
