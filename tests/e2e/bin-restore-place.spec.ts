import type { Page } from '@playwright/test';
import { expect, saveScreen, test, invoke } from '../support/web-fixture';

/**
 * Walkthrough 24, finding 1: Restore in Settings ▸ Deleted records jumped the page to the top
 * (the heading of the bin went from y=315 to y=1995): whoever restores one record of several lost
 * their place. The view stays at the bin.
 */

/** The focus is placed again once a row took it away (the app's rescue does it a moment later). */
const focusPlaced = (page: Page) =>
  expect
    .poll(() => page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body))
    .toBe(true);

const headingTop = (page: Page) =>
  page
    .getByTestId('bin')
    .locator('h2')
    .evaluate((heading) => Math.round(heading.getBoundingClientRect().top));

test('Restore in the bin keeps the page where it is', async ({ appPage: page, webApp }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const knex = webApp.ctx.db.knex;
  const pairs = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
    .orderBy('p.id', 'desc')
    .limit(2)
    .select<{ id: number; version: number; label: string }[]>(
      'p.id',
      'p.version',
      knex.raw("m.name || ' – ' || t.name as label"),
    );
  for (const pair of pairs) await invoke(webApp, 'partnerships:delete', { id: pair.id, version: pair.version });

  try {
    await page.getByTestId('nav-settings').click();
    const rows = page.getByTestId('bin-table').locator('tbody tr');
    for (const pair of pairs) await expect(rows.filter({ hasText: pair.label })).toHaveCount(1);
    // The bin's heading in the middle of the window, as a staffer scrolls to it (not at the page's
    // end, where a shorter list would pull everything down).
    await page
      .getByTestId('bin')
      .locator('h2')
      .evaluate((heading) => {
        let scroller = heading.parentElement;
        while (scroller !== null && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
        if (scroller === null) throw new Error('the settings scroll');
        scroller.scrollTop += heading.getBoundingClientRect().top - 300;
      });
    const before = await headingTop(page);
    expect(before).toBe(300);

    const first = pairs[0];
    if (first === undefined) throw new Error('the demo has partnerships');
    await rows.filter({ hasText: first.label }).getByTestId('bin-restore').click();
    await expect(page.getByTestId('toast-ok').last()).toContainText(first.label);
    await expect(rows.filter({ hasText: first.label })).toHaveCount(0);
    await focusPlaced(page);
    expect(Math.abs((await headingTop(page)) - before)).toBeLessThanOrEqual(2);
    await saveScreen(page, 'bin-restore-keeps-place');

    // Its values opened and closed: the same place.
    const second = pairs[1];
    if (second === undefined) throw new Error('the demo has partnerships');
    await rows.filter({ hasText: second.label }).getByTestId('bin-values-toggle').click();
    await expect(page.getByTestId('bin-values')).toBeVisible();
    await rows.filter({ hasText: second.label }).getByTestId('bin-values-toggle').click();
    expect(Math.abs((await headingTop(page)) - before)).toBeLessThanOrEqual(2);
    await rows.filter({ hasText: second.label }).getByTestId('bin-restore').click();
    await expect(rows.filter({ hasText: second.label })).toHaveCount(0);
    await focusPlaced(page);
    // The last one (if no other test left one there): the list is empty and the page shorter, so
    // near its end it may come down by what the table took, but it stays at the bin (the focus
    // went to the first control of the page, the language, and the page to its top).
    const after = await headingTop(page);
    expect(after).toBeGreaterThanOrEqual(before);
    expect(after).toBeLessThan(720 - 100);
    await expect(page.getByTestId('bin')).toBeInViewport();
  } finally {
    // Whatever the test left in the bin comes back.
    const ids = pairs.map((pair) => pair.id);
    const present = await knex('partnerships').whereIn('id', ids).pluck('id');
    const missing = ids.filter((id) => !present.includes(id));
    if (missing.length > 0) {
      const entries = (await invoke(webApp, 'bin:list', {})) as { auditId: number; table: string; recordId: number }[];
      for (const entry of entries) {
        if (entry.table === 'partnerships' && missing.includes(entry.recordId)) {
          await invoke(webApp, 'bin:restore', { auditId: entry.auditId });
        }
      }
    }
  }
});
