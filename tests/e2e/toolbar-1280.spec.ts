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

/**
 * Task E: at 1280 px the search box may shrink to its smallest width (200 px) and the Czech
 * placeholder "Hledat bez ohledu na diakritiku…" was cut off. The placeholder, measured in the
 * input's own font, must fit the input as it is when the box is at its smallest width.
 */
async function expectPlaceholderFits(page: Page) {
  const search = page.locator('.page:visible .page-actions > .search-box');
  const fit = await search.evaluate((box) => {
    const input = box.querySelector('input');
    if (input === null) throw new Error('no input');
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    if (context === null) throw new Error('no canvas');
    context.font = style.font;
    const text = context.measureText(input.placeholder).width;
    // The input's text room when the box is at its smallest width (min-width), whatever it is now.
    const shrink = box.getBoundingClientRect().width - parseFloat(getComputedStyle(box).minWidth);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - shrink;
    return { placeholder: input.placeholder, fits: text <= room, text: Math.ceil(text), room: Math.floor(room) };
  });
  expect(fit, `${fit.placeholder}: ${fit.text} px in ${fit.room} px`).toMatchObject({ fits: true });
  const input = search.locator('input');
  await expect(input).toHaveValue('');
  const overflow = await input.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(overflow).toBe(true);
}

for (const to of ['cs', 'en'] as const) {
  test(`Members and Partnerships (${to}): the search's placeholder is not cut at 1280 px`, async ({
    appPage: page,
  }) => {
    await language(page, to);
    try {
      for (const screen of ['members', 'partnerships'] as const) {
        const grid = page.getByTestId(`${screen}-grid`);
        const selectAll = grid.getByTestId('select-all');
        await page.getByTestId(`nav-${screen}`).click();
        await expect(grid.locator('.ag-row[row-id]').first()).toBeVisible();
        await expectPlaceholderFits(page);
        // With rows ticked the search gives up its width to the selection's buttons.
        await selectAll.click();
        try {
          await expect(selectAll).toBeChecked();
          await expectPlaceholderFits(page);
          await saveScreen(page, `${screen}-search-placeholder-${to}`);
        } finally {
          if (await selectAll.isChecked()) await selectAll.click();
          await expect(selectAll).not.toBeChecked();
        }
      }
    } finally {
      await language(page, 'cs');
    }
  });

  test(`Requests (${to}): the chosen request's buttons are one row at 1280 px`, async ({ appPage: page }) => {
    await language(page, to);
    try {
      await page.getByTestId('nav-requests').click();
      const rows = page.getByTestId('requests-grid').locator('.ag-row[row-id]');
      await expect(rows.first()).toBeVisible();
      // A request that has not become a partnership: Edit, Create partnership and Delete.
      const count = await rows.count();
      let found = false;
      for (let i = 0; i < count && !found; i += 1) {
        await rows.nth(i).click();
        await expect(page.getByTestId('request-title')).toBeVisible();
        found = (await page.getByTestId('convert-request').count()) > 0;
      }
      expect(found, 'a request that is not a partnership yet').toBe(true);
      const panel = page.getByTestId('request-panel');
      const boxes = await Promise.all(
        ['edit-request', 'convert-request', 'delete-request'].map(async (id) => {
          const box = await panel.getByTestId(id).boundingBox();
          if (box === null) throw new Error(`${id} not shown`);
          return { id, ...box };
        }),
      );
      const panelBox = await panel.boundingBox();
      if (panelBox === null) throw new Error('no panel');
      const [first] = boxes;
      if (first === undefined) throw new Error('no buttons');
      for (const box of boxes)
        expect({
          id: box.id,
          sameTop: Math.abs(box.y - first.y) <= 2,
          inside: box.x >= panelBox.x && box.x + box.width <= panelBox.x + panelBox.width,
        }).toEqual({ id: box.id, sameTop: true, inside: true });
      await saveScreen(page, `requests-panel-buttons-${to}`);
    } finally {
      await language(page, 'cs');
    }
  });
}
