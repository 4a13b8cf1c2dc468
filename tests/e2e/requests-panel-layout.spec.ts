import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 27, finding 9a, at 1280 × 720: beside an open request the grid showed only Přijato,
 * Žadatel, Kdo hledá and Stát žadatele. "Hledané státy" lay beyond the grid's right edge, the
 * status was out of view, and requesters were cut ("Nový Hrozenkov (Vset…"). Beside the panel the
 * grid now keeps who asks (whole), the wanted countries and the status in view; closing the panel
 * gives the grid its whole width and every column back. Czech and English (labels differ in length).
 */
test.use({ viewport: { width: 1280, height: 720 } });

type Language = 'cs' | 'en';

async function language(page: Page, to: Language) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${to}`).click();
  await expect(page.getByTestId(`language-${to}`)).toHaveAttribute('aria-checked', 'true');
}

/** Demo requests with the longest requesters the grid lists (a member with its district). */
const LONG_REQUESTERS = [
  'Štěpánov nad Svratkou (Žďár nad Sázavou)',
  'Comune di Castelnuovo Berardenga',
  'Nový Hrozenkov (Vsetín)',
  'Kašperské Hory (Klatovy)',
];

/** The columns a user tells the requests apart by, beside the open one. */
const BESIDE_PANEL = ['requester', 'wantedCountries', 'status'];

/**
 * How wide the grid's columns are together (AG Grid draws only the columns in view, so their
 * headings cannot be counted): every column shown gives the same width again.
 */
const columnsWidth = (grid: Locator) =>
  grid.locator('.ag-body-horizontal-scroll-viewport').evaluate((viewport) => viewport.scrollWidth);

/** The headings drawn, by column id. */
const headings = (grid: Locator) =>
  grid.evaluate((element) =>
    [...element.querySelectorAll('.ag-header-cell[col-id]')].map((header) => header.getAttribute('col-id')),
  );

const rowOf = (grid: Locator, requester: string) =>
  grid.locator('.ag-row').filter({
    has: grid.page().locator('[col-id="requester"]', { hasText: requester }),
  });

/**
 * Where each of `names`' cells of `columns` lies: whether it is drawn wholly inside the grid's
 * visible area (not beyond its right edge, not scrolled out) and whether its text is cut.
 */
async function cellsOf(grid: Locator, names: readonly string[], columns: readonly string[]) {
  return grid.evaluate(
    (element, { names, columns }) => {
      const area = element.querySelector('[role="grid"]')?.getBoundingClientRect();
      const rows = [...element.querySelectorAll<HTMLElement>('.ag-row')];
      return names.map((name) => {
        const row = rows.find((candidate) => candidate.querySelector('[col-id="requester"]')?.textContent === name);
        return {
          name,
          cells: columns.map((column) => {
            const cell = row?.querySelector<HTMLElement>(`[col-id="${column}"]`);
            if (!cell || !area) return { column, shown: false };
            const box = cell.getBoundingClientRect();
            const text = cell.querySelector<HTMLElement>('.ag-cell-value') ?? cell;
            return {
              column,
              shown: box.width > 0 && box.left >= area.left - 1 && box.right <= area.right + 1,
              ...(column === 'requester' ? { whole: text.scrollWidth <= text.clientWidth } : {}),
            };
          }),
        };
      });
    },
    { names, columns },
  );
}

/** What `cellsOf` says when every cell is shown and each requester whole. */
const allShown = (names: readonly string[], columns: readonly string[]) =>
  names.map((name) => ({
    name,
    cells: columns.map((column) => ({ column, shown: true, ...(column === 'requester' ? { whole: true } : {}) })),
  }));

/** The headings of `columns`, each drawn wholly inside the grid (not beyond its right edge). */
const headingsShown = (grid: Locator, columns: readonly string[]) =>
  grid.evaluate((element, columns) => {
    const area = element.querySelector('[role="grid"]')?.getBoundingClientRect();
    return columns.filter((column) => {
      const box = element.querySelector(`.ag-header-cell[col-id="${column}"]`)?.getBoundingClientRect();
      return box !== undefined && area !== undefined && box.left >= area.left - 1 && box.right <= area.right + 1;
    });
  }, columns);

/** Whether each of `columns` has its heading right over its first row's cell. */
const headingsOverCells = (grid: Locator, columns: readonly string[]) =>
  grid.evaluate(
    (element, columns) =>
      columns.every((column) => {
        const header = element.querySelector(`.ag-header-cell[col-id="${column}"]`)?.getBoundingClientRect();
        const cell = element.querySelector(`.ag-row [col-id="${column}"]`)?.getBoundingClientRect();
        return header !== undefined && cell !== undefined && Math.abs(header.left - cell.left) < 1;
      }),
    columns,
  );

for (const to of ['cs', 'en'] as const) {
  test(`Requests (${to}) at 1280 × 720: beside an open request the requester (whole), wanted countries and status are in view; closing the panel brings every column back`, async ({
    appPage: page,
  }) => {
    await language(page, to);
    try {
      await page.getByTestId('nav-requests').click();
      const grid = page.getByTestId('requests-grid');
      const requester = LONG_REQUESTERS[0] ?? '';
      await expect(rowOf(grid, requester)).toHaveCount(1);
      // Wider than the window: every column of the table, to scroll sideways through.
      const allColumns = await columnsWidth(grid);
      expect(allColumns).toBeGreaterThan(1280);

      await rowOf(grid, requester).locator('[col-id="requester"]').click();
      await expect(page.getByTestId('request-title')).toHaveText('Štěpánov nad Svratkou');
      const panel = page.getByTestId('request-panel');
      await expect(panel).toBeVisible();

      // The grid lies beside the panel, not under it.
      const gridBox = await grid.boundingBox();
      const panelBox = await panel.boundingBox();
      if (gridBox === null || panelBox === null) throw new Error('the grid or the panel is not shown');
      expect(gridBox.x + gridBox.width).toBeLessThanOrEqual(panelBox.x);

      await expect
        .poll(() => cellsOf(grid, LONG_REQUESTERS, BESIDE_PANEL))
        .toEqual(allShown(LONG_REQUESTERS, BESIDE_PANEL));
      expect(await headingsShown(grid, BESIDE_PANEL)).toEqual(BESIDE_PANEL);
      // Nothing to scroll sideways for.
      const sideways = await grid
        .locator('.ag-body-horizontal-scroll-viewport')
        .evaluate((viewport) => viewport.scrollWidth > viewport.clientWidth + 1);
      expect(sideways).toBe(false);
      await saveScreen(page, `requests-panel-${to}`);

      // Closed (its × or Esc), the panel gives the grid its whole width and all its columns.
      await panel.getByTestId('request-panel-close').click();
      await expect(panel).toHaveCount(0);
      await expect.poll(() => columnsWidth(grid)).toBe(allColumns);
      for (const column of ['receivedOn', 'direction', 'requesterCountry'])
        await expect(grid.locator(`.ag-header-cell[col-id="${column}"]`)).toBeVisible();
      const wide = await grid.boundingBox();
      if (wide === null) throw new Error('the grid is not shown');
      expect(wide.width).toBeGreaterThan(gridBox.width + 300);

      // Esc closes it as it closes a partnership's or a member's panel.
      await rowOf(grid, requester).locator('[col-id="requester"]').click();
      await expect(panel).toBeVisible();
      await expect.poll(() => headings(grid)).toEqual(BESIDE_PANEL);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      await expect.poll(() => columnsWidth(grid)).toBe(allColumns);
      // Once the grid has laid its columns out again (headings over their cells), for the picture.
      await expect.poll(() => headingsOverCells(grid, ['direction', 'requesterCountry', 'wantedSize'])).toBe(true);
      await saveScreen(page, `requests-panel-closed-${to}`);
    } finally {
      await language(page, 'cs');
    }
  });
}
