import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 25, finding 8, at 1280 × 720: with rows ticked on Members, "Členství vybraných (30)"
 * came into the toolbar and "Export XLSX" dropped to a second line under the search. With rows
 * ticked (all those shown: the longest counts) the tools of Members, Partnerships and Requests stay
 * on one line, inside the window, in Czech and in English.
 */
test.use({ viewport: { width: 1280, height: 720 } });

type Language = 'cs' | 'en';

async function language(page: Page, to: Language) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${to}`).click();
  await expect(page.getByTestId(`language-${to}`)).toHaveAttribute('aria-checked', 'true');
}

/** The screen's tools (not the title's line with its main actions). */
const toolbarOf = (page: Page) => page.locator('.page:visible .page-header .page-actions:not(.page-primary)');

/**
 * Every tool's box: a button's top must be the first one's (within 2 px), and each tool must be
 * on the search's line and inside the window.
 */
async function expectOneRow(toolbar: Locator) {
  const boxes = await toolbar.locator(':scope > *').evaluateAll((tools) =>
    tools
      .map((tool) => {
        const rect = tool.getBoundingClientRect();
        return {
          tool: tool.getAttribute('data-testid') ?? tool.textContent?.trim() ?? tool.tagName,
          button: tool instanceof HTMLButtonElement,
          top: rect.top,
          bottom: rect.bottom,
          left: rect.left,
          right: rect.right,
        };
      })
      .filter((rect) => rect.right > rect.left),
  );
  expect(boxes.length).toBeGreaterThan(0);
  const first = boxes[0];
  if (first === undefined) throw new Error('no tools');
  const buttonTop = boxes.find((box) => box.button)?.top ?? first.top;
  const viewport = toolbar.page().viewportSize();
  if (viewport === null) throw new Error('a viewport');
  for (const box of boxes) {
    expect({
      tool: box.tool,
      sameRow: box.top < first.bottom && box.bottom > first.top,
      sameTop: !box.button || Math.abs(box.top - buttonTop) <= 2,
      inside: box.left >= 0 && box.right <= viewport.width && box.bottom <= viewport.height,
    }).toEqual({ tool: box.tool, sameRow: true, sameTop: true, inside: true });
  }
}

for (const to of ['cs', 'en'] as const) {
  test(`Members (${to}): with rows ticked the toolbar stays one row at 1280 px`, async ({ appPage: page }) => {
    await language(page, to);
    const grid = page.getByTestId('members-grid');
    const selectAll = grid.getByTestId('select-all');
    try {
      await page.getByTestId('nav-members').click();
      await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
      await selectAll.click();
      await expect(selectAll).toBeChecked();
      await expect(page.getByTestId('members-bulk')).toBeVisible();
      await expectOneRow(toolbarOf(page));
      // The button keeps the name the help and the notices call it by.
      await expect(page.getByTestId('members-bulk')).toContainText(
        to === 'cs' ? 'Členství vybraných' : 'Set membership',
      );
      await saveScreen(page, `members-selection-toolbar-${to}`);
    } finally {
      if (await selectAll.isChecked()) await selectAll.click();
      await expect(page.getByTestId('members-bulk')).toBeHidden();
      await language(page, 'cs');
    }
  });

  test(`Partnerships (${to}): with rows ticked the toolbar stays one row at 1280 px`, async ({ appPage: page }) => {
    await language(page, to);
    const grid = page.getByTestId('partnerships-grid');
    const selectAll = grid.getByTestId('select-all');
    try {
      await page.getByTestId('nav-partnerships').click();
      await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
      await selectAll.click();
      await expect(selectAll).toBeChecked();
      await expect(page.getByTestId('bulk-edit')).toBeVisible();
      await expectOneRow(toolbarOf(page));
      await saveScreen(page, `partnerships-selection-toolbar-${to}`);
    } finally {
      if (await selectAll.isChecked()) await selectAll.click();
      await expect(page.getByTestId('bulk-edit')).toBeHidden();
      await language(page, 'cs');
    }
  });

  test(`Requests (${to}): with a request chosen the toolbar stays one row at 1280 px`, async ({ appPage: page }) => {
    await language(page, to);
    try {
      await page.getByTestId('nav-requests').click();
      const row = page.getByTestId('requests-grid').locator('.ag-row[row-id]').first();
      await expect(row).toBeVisible();
      await row.click();
      await expect(page.getByTestId('request-title')).toBeVisible();
      await expectOneRow(toolbarOf(page));
      await saveScreen(page, `requests-selection-toolbar-${to}`);
    } finally {
      await language(page, 'cs');
    }
  });
}
