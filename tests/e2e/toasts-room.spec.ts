import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, searchPartnerships, test, type WebApp } from '../support/web-fixture';

/**
 * Walkthrough 19, finding 23: notices covered the content they were about (the bin's Restore
 * buttons, the detail's area tick boxes, the member's note). A scrolling area keeps room for the
 * toast stack at its end and keeps what is focused above it.
 */
test.use({ viewport: { width: 1280, height: 720 } });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether any toast covers the element. */
async function coveredByToast(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) throw new Error('the element is not shown');
  for (const toast of await page.locator('.toast').all()) {
    const covering = await toast.boundingBox();
    if (covering && overlaps(box, covering)) return true;
  }
  return false;
}

/** Puts back from the bin the partnerships deleted since audit entry `after` (the specs share one registry). */
async function restoreDeletedSince(webApp: WebApp, after: number): Promise<void> {
  const deletes = await webApp.ctx.db
    .knex('audit_log')
    .where({ table_name: 'partnerships', action: 'delete' })
    .where('id', '>', after)
    .orderBy('id', 'desc')
    .pluck<number[]>('id');
  for (const auditId of deletes) {
    const response = await fetch(`http://127.0.0.1:${String(webApp.server.port)}/api/invoke/bin:restore`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twinreg-token': webApp.server.token },
      body: JSON.stringify({ auditId }),
    });
    const result = (await response.json()) as { ok: boolean; error?: unknown };
    if (!result.ok) throw new Error(`bin:restore ${String(auditId)}: ${JSON.stringify(result.error)}`);
  }
}

test('the bin’s last Restore button is not under the toasts when scrolled to', async ({ appPage: page, webApp }) => {
  const last = await webApp.ctx.db.knex('audit_log').max<{ top: number | null }>({ top: 'id' }).first();
  const since = Number(last?.top ?? 0);
  await page.getByTestId('nav-partnerships').click();
  const grid = page.getByTestId('partnerships-grid');
  await expect(grid.locator('.ag-row').first()).toBeVisible();
  // Three deletes: three toasts with their Undo stand at the foot of the window.
  for (let i = 0; i < 3; i += 1) {
    const before = await page.locator('.toast').count();
    await grid.getByTestId('delete-partnership').first().click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.locator('.toast')).toHaveCount(Math.min(before + 1, 3));
  }
  await page.getByTestId('nav-settings').click();
  const restore = page.getByTestId('bin-table').getByTestId('bin-restore').last();
  await expect(restore).toBeVisible();
  await expect(page.locator('.toast')).toHaveCount(3);
  // Scrolled into view at the foot of the screen, as far as the page scrolls.
  await restore.evaluate((button) => button.scrollIntoView({ block: 'end' }));
  await saveScreen(page, 'toasts-bin-last-row');
  expect(await coveredByToast(page, restore)).toBe(false);
  // The specs after this one expect the registry's partnerships (town-card reads Vöcklabruck's).
  await restoreDeletedSince(webApp, since);
});

test('a focused tick box of the detail stays above the toast its save brings', async ({ appPage: page }) => {
  await page.getByTestId('nav-partnerships').click();
  await searchPartnerships(page, 'tabor');
  await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
  const detail = page.getByTestId('partnership-detail');
  await expect(detail.locator('h2')).toContainText('Tábor');
  // The last area of cooperation, scrolled to where the toast appears (just above the Save bar).
  const box = detail.locator('.p-checks').first().locator('input[type="checkbox"]').last();
  await box.focus();
  await box.evaluate((input) => {
    const body = input.closest('.p-drawer-body');
    if (body) body.scrollTop += input.getBoundingClientRect().top - (window.innerHeight - 120);
  });
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('toast-ok').first()).toContainText('Uloženo');
  await expect(box).toBeFocused();
  // Neither the box nor its label is under the toast.
  // (Asked while the toast stands: it goes by itself after six seconds.)
  const label = box.locator('xpath=ancestor::label[1]');
  await expect.poll(() => coveredByToast(page, label), { timeout: 2000 }).toBe(false);
  await expect(page.getByTestId('toast-ok').first()).toBeVisible();
  await saveScreen(page, 'toasts-detail-focused-box');
  // Put back as it was.
  await page.keyboard.press('Space');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('toast-ok').first()).toContainText('Uloženo');
});
