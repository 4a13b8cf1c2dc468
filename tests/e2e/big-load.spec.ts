import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/database';
import { generateDataset } from '../../scripts/bench/generate';
import { writeDataset } from '../../scripts/bench/write-db';
import { FEED_STEP } from '../../renderer/lib/feed-rows';
import { expect, saveScreen, startWebApp, test } from '../support/web-fixture';

/**
 * Issue 16 target 1: a first load bigger than one step reaches the grid in steps (one task each,
 * so the window never freezes for the whole load). While it goes in, the screen says so, the row
 * count is the registry's (never the part's), and an export asked for meanwhile holds every row.
 */
// Three steps: the first part as the grid's rows, the others as transactions of their own rows
// (also the last: the grid never compares the whole load again).
const PARTNERSHIPS = 2 * FEED_STEP + 2_500;

test('a big first load goes into the grid in steps; an export asked for meanwhile has every row', async ({ page }) => {
  test.setTimeout(120_000);
  const app = await startWebApp({
    prepare: async (databasePath) => {
      const db = await openDatabase(databasePath);
      try {
        await writeDataset(
          db.knex,
          generateDataset({ municipalities: 3_000, partnerships: PARTNERSHIPS, activities: 0 }),
        );
      } finally {
        await db.close();
      }
    },
  });
  try {
    const members = Number(
      (
        await app.ctx.db
          .knex('partnerships as p')
          .join('municipalities as m', 'm.id', 'p.municipality_id')
          .where('m.is_member', true)
          .count<{ n: number }[]>({ n: '*' })
      )[0]?.n,
    );
    expect(members).toBeGreaterThan(FEED_STEP * 0.5);
    // Everything the page shows while the load goes in, as it changes (every step is seen), and an
    // export asked for at the moment the first part is in.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __seen: seen });
      let asked = false;
      new MutationObserver(() => {
        const note = document.querySelector('[data-testid="grid-feeding"]');
        const count = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
        const line = `${note?.textContent ?? '-'} | ${count}`;
        if (seen[seen.length - 1] !== line) seen.push(line);
        if (note && !asked) {
          asked = true;
          document.querySelector<HTMLButtonElement>('[data-testid="export-csv"]')?.click();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(app.url);
    await page.getByTestId('nav-partnerships').click();
    const num = (n: number) => new Intl.NumberFormat('cs-CZ').format(n); // as the screen writes it
    const total = num(PARTNERSHIPS);
    const shown = num(members);
    await expect(page.getByTestId('row-count')).toHaveText(`${shown} z ${total}`);
    await expect(page.getByTestId('grid-feeding')).toHaveCount(0);
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    // The first part was announced with the registry's count beside it, never the part's.
    expect(seen).toContain(`Načítám řádky: ${num(FEED_STEP)} z ${total} | ${total} řádků`);
    expect(seen.filter((line) => !line.startsWith('-') && / \| [\d\s]+ z /.test(line))).toEqual([]);
    expect(seen).toContain(`Načítám řádky: ${num(2 * FEED_STEP)} z ${total} | ${total} řádků`);
    // Every row went in once, in the grid's order (member, Czech): the steps given as
    // transactions are sorted in with the rows before them.
    const firstNames = await page.evaluate(() =>
      [...document.querySelectorAll('main .ag-cell[col-id="municipalityName"]')]
        .map((cell) => ({
          index: Number(cell.closest('.ag-row')?.getAttribute('row-index')),
          name: cell.textContent.trim(),
        }))
        .sort((a, b) => a.index - b.index)
        .map((cell) => cell.name),
    );
    expect(firstNames.length).toBeGreaterThan(5);
    const czech = new Intl.Collator('cs');
    expect([...firstNames].sort(czech.compare)).toEqual(firstNames);
    // The export waited for every row: its file has all the shown ones.
    await expect(page.getByTestId('toast-ok')).toContainText('Exportováno řádků');
    const files = readdirSync(app.outputDir).filter((name) => name.endsWith('.csv'));
    expect(files).toHaveLength(1);
    const lines = readFileSync(path.join(app.outputDir, files[0] ?? ''), 'latin1')
      .split(/\r?\n/)
      .filter(Boolean);
    expect(lines.length - 1).toBe(members); // a header, then one line per shown partnership
    await saveScreen(page, 'partnerships-big-load');
    // The texts the grid may be sorted by went to the Czech sort's worker as the rows came in (its
    // script ran), and a sort by the partner town is in Czech order.
    expect(
      page
        .workers()
        .map((worker) => worker.url())
        .filter((url) => url.includes('czech-sort-worker')),
    ).toHaveLength(1);
    await page.locator('main .ag-header-cell[col-id="townName"] .ag-header-cell-label').click();
    await expect(page.locator('main .ag-header-cell[col-id="townName"]')).toHaveAttribute('aria-sort', 'ascending');
    const towns = await page.evaluate(() =>
      [...document.querySelectorAll('main .ag-row .p-town-name')]
        .map((name) => ({
          index: Number(name.closest('.ag-row')?.getAttribute('row-index')),
          name: name.textContent.trim(),
        }))
        .sort((a, b) => a.index - b.index)
        .map((town) => town.name),
    );
    expect(towns.length).toBeGreaterThan(5);
    const sortedTowns = await page.evaluate(
      (names) => [...names].sort(new Intl.Collator('cs', { sensitivity: 'variant', numeric: true }).compare),
      towns,
    );
    expect(towns).toEqual(sortedTowns);
  } finally {
    await app.close();
  }
});
