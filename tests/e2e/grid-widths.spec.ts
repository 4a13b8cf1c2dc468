import type { Page } from '@playwright/test';
import { selectWidths } from '../support/layout';
import { expect, saveScreen, test } from '../support/web-fixture';

test.use({ viewport: { width: 1280, height: 720 } });

// The worker's registry and preferences are shared with the specs that run after these: the
// language goes back to Czech whatever a test switched to.
test.afterEach(async ({ webApp }) => {
  await webApp.ctx.preferences.set({ language: 'cs' });
});

/**
 * The width (px, padding included, Debian Chromium's font) up to which a column's text must be
 * whole at 1280 px; longer outliers ('Neukirchen beim Heiligen Blut', 255 px) may be cut.
 */
const REASONABLE: Record<string, number> = {
  municipalityName: 165,
  regionName: 168,
  townName: 215,
  status: 125, // the badge 'v přípravě' / 'preparing' ('in preparation' was cut)
  actions: 116,
  startedOn: 150, // a month with its year: 'červenec 1994' ('červenec 1…' was cut)
  term: 170, // 'na dobu neurčitou'
};

/** Cells whose text is cut although it needs no more than the reasonable width of its column. */
async function cutCells(page: Page, testId = 'partnerships-grid', reasonable = REASONABLE): Promise<string[]> {
  const grid = page.getByTestId(testId);
  return grid.evaluate((element, reasonable) => {
    const cut = new Set<string>();
    for (const cell of element.querySelectorAll<HTMLElement>('.ag-cell[col-id]')) {
      const id = cell.getAttribute('col-id') ?? '';
      const limit = reasonable[id];
      if (limit === undefined) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const right = Math.max(...[...range.getClientRects()].map((rect) => rect.right));
      const box = cell.getBoundingClientRect();
      const padding = parseFloat(getComputedStyle(cell).paddingRight) || 0;
      const needs = Math.ceil(right - box.left + padding);
      if (needs <= limit && right > box.right - padding + 0.5)
        cut.add(`${id}: ${cell.textContent ?? ''} (needs ${String(needs)} px)`);
    }
    return [...cut];
  }, reasonable);
}

/** `cutCells` over every row of a grid in turn (it draws only the rows in view), from the top. */
async function cutCellsOfAllRows(page: Page, testId: string, reasonable: Record<string, number>): Promise<string[]> {
  const grid = page.getByTestId(testId);
  await expect(grid.locator('.ag-row[row-id]')).not.toHaveCount(0);
  const cut = new Set<string>();
  const viewport = grid.locator('.ag-body-vertical-scroll-viewport');
  const height = await viewport.evaluate((element) => element.scrollHeight);
  for (let top = 0; top <= height; top += 300) {
    await viewport.evaluate((element, to) => element.scrollTo({ top: to }), top);
    await expect(grid.locator('.ag-row[row-id]')).not.toHaveCount(0);
    for (const column of await cutCells(page, testId, reasonable)) cut.add(column);
  }
  await viewport.evaluate((element) => element.scrollTo({ top: 0 }));
  return [...cut];
}

for (const language of ['cs', 'en'] as const) {
  test(`Partnerships at 1280 px: partner towns, members, regions, statuses and actions are whole where they fit a reasonable width (${language})`, async ({
    appPage: page,
    webApp,
  }) => {
    // A start known to the month: its name and year must stay whole ("červenec 1…").
    const knex = webApp.ctx.db.knex;
    const first = await knex('partnerships').orderBy('id').first<{ id: number; started_on: string | null }>();
    await knex('partnerships').where({ id: first.id }).update({ started_on: '1994-07' });
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    try {
      expect(await cutCellsOfAllRows(page, 'partnerships-grid', REASONABLE)).toEqual([]);
    } finally {
      await knex('partnerships').where({ id: first.id }).update({ started_on: first.started_on });
    }
    const viewport = grid.locator('.ag-body-vertical-scroll-viewport');
    // Scrolled to the end, the last row is whole and takes clicks: no scrollbar area lies over it.
    await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect
      .poll(() =>
        grid.evaluate((element) => {
          const indexes = [...element.querySelectorAll('.ag-row[row-index]')].map((row) =>
            Number(row.getAttribute('row-index')),
          );
          const last = String(Math.max(...indexes));
          const open = element.querySelector(`.ag-row[row-index="${last}"] [data-testid="open-partnership"]`);
          if (open === null) return 'no last row';
          // The lowest pixels of the last row, under its Detail button, belong to the row.
          const row = open.closest('.ag-row');
          const x = open.getBoundingClientRect();
          const y = row?.getBoundingClientRect().bottom ?? 0;
          const hit = document.elementFromPoint(x.left + x.width / 2, y - 3);
          return row?.contains(hit) ? 'clickable' : `covered by ${String(hit?.className)}`;
        }),
      )
      .toBe('clickable');
    await viewport.evaluate((element) => element.scrollTo({ top: 0 }));
    // The status is in view, left of the pinned actions.
    const status = grid.locator('.ag-header-cell[col-id="status"]');
    const actions = grid.locator('.ag-header-cell[col-id="actions"]');
    const statusBox = await status.boundingBox();
    const actionsBox = await actions.boundingBox();
    expect(statusBox && actionsBox && statusBox.x + statusBox.width <= actionsBox.x + 1).toBe(true);
    // The filters show their longest choice whole ("Partnerships of all municipa" was cut). An
    // import run is named by its file and time: a choice that may be cut (its tooltip names it
    // whole), so a spec that imported before this one changes nothing here.
    for (const testId of ['filter-membership', 'filter-provenance']) {
      const fits = await selectWidths(page.getByTestId(testId), { fixedOnly: true });
      expect(fits.width, `${testId}: ${JSON.stringify(fits)}`).toBeGreaterThanOrEqual(fits.widest + 20);
    }
    await page.getByTestId('quick-search').fill('an der');
    await saveScreen(page, `partnerships-widths-${language}`);
  });
}

/** The Members grid's columns in view at 1280 px, and the widths up to which their text must be whole. */
const MEMBERS_REASONABLE: Record<string, number> = {
  name: 165,
  code: 110,
  kind: 150, // 'statutární město'
  membership: 125, // the badge 'bývalý člen' / 'former member'
  districtName: 150,
};

for (const language of ['cs', 'en'] as const) {
  test(`Members at 1280 px: names, kinds, membership and the headings are whole (${language})`, async ({
    appPage: page,
  }) => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('nav-members').click();
    expect(await cutCellsOfAllRows(page, 'members-grid', MEMBERS_REASONABLE)).toEqual([]);
    expect(await cutHeaders(page, 'members-grid')).toEqual([]);
    await saveScreen(page, `members-widths-${language}`);
  });
}

/** Header captions of a grid that end in "…" (their text wider than their cell). */
async function cutHeaders(page: Page, testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluate((element) =>
      [...element.querySelectorAll<HTMLElement>('.ag-header-cell-text')]
        .filter((text) => text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1)
        .map((text) => text.textContent ?? ''),
    );
}

test('narrow columns wrap their headings instead of cutting them: Requests (en), the statistics table (cs)', async ({
  appPage: page,
}) => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  await page.getByTestId('nav-requests').click();
  await expect(page.getByTestId('requests-grid').locator('.ag-header-cell-text').first()).toBeVisible();
  expect(await cutHeaders(page, 'requests-grid')).toEqual([]);
  // Who seeks whom, whole ("member → abro…" was cut).
  expect(await cutCells(page, 'requests-grid', { direction: 175 })).toEqual([]);
  await saveScreen(page, 'requests-headers-en');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  await page.getByTestId('nav-statistics').click();
  const table = page.getByTestId('stats-regions-grid');
  await expect(table.locator('.ag-row').first()).toBeVisible();
  await table.scrollIntoViewIfNeeded();
  expect(await cutHeaders(page, 'stats-regions-grid')).toEqual([]);
  await saveScreen(page, 'statistics-headers-cs');
  // The countries, sorted by their partnerships: the sort arrow beside the filter icon left
  // „Partners…“ (walkthrough 23).
  await page.getByTestId('stats-tab-countries').click();
  const countries = page.getByTestId('stats-countries-grid');
  await expect(countries.locator('.ag-row').first()).toBeVisible();
  await expect(countries.locator('.ag-header-cell[col-id="count"]')).toHaveAttribute('aria-sort', 'descending');
  expect(await cutHeaders(page, 'stats-countries-grid')).toEqual([]);
  await saveScreen(page, 'statistics-countries-headers-cs');
});

/**
 * The lines of a screen's header: the middle (px from the top) of each line of its tools and of
 * its main actions (items whose middles lie within 10 px of each other are on one line).
 */
async function headerLines(page: Page): Promise<{ tools: number[]; primary: number[] }> {
  return page.locator('main .page-header').evaluate((header) => {
    const tops = (selector: string) => {
      const middles = [...header.querySelectorAll<HTMLElement>(selector)]
        .filter((element) => element.offsetParent !== null)
        .map((element) => {
          const box = element.getBoundingClientRect();
          return (box.top + box.bottom) / 2;
        })
        .sort((a, b) => a - b);
      return middles.filter((middle, index) => index === 0 || middle - (middles[index - 1] ?? 0) > 10);
    };
    return {
      tools: tops(':scope > .page-actions :is(button, .search-box)'),
      primary: tops('.page-primary > button'),
    };
  });
}

for (const language of ['cs', 'en'] as const) {
  test(`at 1280 px the tools of Members and of Partnerships with ticked rows stay on one line, the main actions beside the title (${language})`, async ({
    appPage: page,
  }) => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`language-${language}`).click();
    await page.getByTestId('nav-members').click();
    await expect(page.getByTestId('add-member')).toBeVisible();
    let lines = await headerLines(page);
    expect(lines.tools).toHaveLength(1);
    expect(lines.primary).toHaveLength(1);
    // The main actions are on the title's line, above the tools.
    expect(lines.primary[0] ?? 0).toBeLessThan(lines.tools[0] ?? 0);

    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    const boxes = grid.locator('.ag-row[row-id] .ag-selection-checkbox input');
    await expect(boxes.first()).toBeVisible();
    for (const index of [0, 1, 2]) await boxes.nth(index).check();
    await expect(page.getByTestId('bulk-edit')).toBeVisible();
    lines = await headerLines(page);
    expect(lines.tools).toHaveLength(1);
    expect(lines.primary).toHaveLength(1);
    await saveScreen(page, `partnerships-ticked-tools-${language}`);
    for (const index of [0, 1, 2]) await boxes.nth(index).uncheck();
  });
}
