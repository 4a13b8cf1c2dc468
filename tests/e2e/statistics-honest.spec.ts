import { readFileSync, rmSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { bulkRestorePartnerships, bulkUpdatePartnerships } from '../../electron/core/services/partnerships-service';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Walkthrough 17 on the Statistics screen: figures that hang on a status nobody stated are not
 * shown as 0 (finding 3), a kraj's row under an okres filter is named by the okres (5), the
 * territory table keeps the exports' order (6), and the CSV says what it is (10).
 */
const exportedPath = async (page: Page) =>
  ((await page.getByTestId('stats-export-done').textContent()) ?? '').replace(/^[^:]+: /, '').trim();

/** The names of a statistics grid's rows in the order shown (by row index, not DOM order). */
async function shownNames(grid: Locator): Promise<string[]> {
  const cells = await grid.locator('.ag-row[row-index]').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const name = row.querySelector('.ag-cell[col-id="name"]');
      return name === null ? [] : [{ index: Number(row.getAttribute('row-index')), text: name.textContent ?? '' }];
    }),
  );
  return cells.sort((a, b) => a.index - b.index).map((c) => c.text);
}
/**
 * The names in the order of the document, as a screen reader reads them, as a selection copies
 * them and as the walkthrough read them: AG Grid otherwise keeps a row's element where it was and
 * adds new ones after it ("Třebíč" on top after its chip was removed).
 */
const documentNames = (grid: Locator): Promise<string[]> =>
  grid.locator('.ag-row .ag-cell[col-id="name"]').allTextContents();
const czech = (names: string[]) => [...names].sort(new Intl.Collator('cs').compare);

test('with no status (nor areas) stated, the figures that hang on it say "–" and why, and open the rows to fill in', async ({
  appPage: page,
  webApp,
}) => {
  const ctx = webApp.ctx;
  const knex = ctx.db.knex;
  await page.setViewportSize({ width: 1280, height: 900 });
  // Every partnership of the members of Kraj Vysočina becomes "not stated", as an import of a
  // source without a status leaves it; put back afterwards (the registry is the worker's).
  const rows = await knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .join('regions as r', 'r.id', 'm.region_id')
    .where({ 'r.code': 'CZ063', 'm.is_member': true })
    .select<{ id: number; version: number }[]>('p.id', 'p.version');
  expect(rows.length).toBeGreaterThan(0);
  // Their areas of cooperation are taken away too (put back afterwards), before the audited
  // change below, which tells the statistics' cache that the data changed.
  const ids = rows.map((row) => row.id);
  const areas = await knex('partnership_areas')
    .whereIn('partnership_id', ids)
    .select<{ partnership_id: number; area: string }[]>('partnership_id', 'area');
  expect(areas.length).toBeGreaterThan(0);
  await knex('partnership_areas').whereIn('partnership_id', ids).delete();
  const edit = await bulkUpdatePartnerships(ctx, { rows, change: { status: 'unknown' } });
  try {
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina');
    await expect(page.getByTestId('stats-cards')).toHaveAttribute('aria-busy', 'false');
    const note = `stav neuveden u ${String(rows.length)} z ${String(rows.length)} partnerství`;
    const withActive = page.getByTestId('card-with-active');
    await expect(withActive.locator('.stats-card-value')).toHaveText('–');
    await expect(page.getByTestId('card-with-active-note')).toHaveText(note);
    await expect(page.getByTestId('card-dormant').locator('.stats-card-value')).toHaveText('–');
    await expect(page.getByTestId('card-dormant-note')).toHaveText(note);
    await expect(page.getByTestId('card-expiring-note')).toHaveText(note);
    // The whole country still has statuses: its figure stands beside.
    await expect(page.getByTestId('card-with-active-country')).toHaveText(/^Česko: \d+ \(\d+,\d\s%\)$/);
    // The okres table: "–" for each okres, not 0 and 0,0 %.
    const grid = page.getByTestId('stats-regions-grid');
    await expect(grid.locator('.ag-cell[col-id="activeShare"]').first()).toHaveText('–');
    await expect(grid.locator('.ag-cell[col-id="withActive"]').first()).toHaveText('–');
    await saveScreen(page, 'statistics-status-unknown');

    // The DOCX summary says the same.
    await page.getByTestId('stats-export-docx').click();
    await expect(page.getByTestId('stats-export-done')).toContainText('.docx');
    const docxPath = await exportedPath(page);
    const docx = await JSZip.loadAsync(readFileSync(docxPath));
    rmSync(docxPath, { force: true });
    const text = [
      ...((await docx.file('word/document.xml')?.async('string')) ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
    ]
      .map((m) => m[1])
      .join('|');
    expect(text).toContain(`|S aktivním partnerstvím|–; ${note}|`);

    // Areas of cooperation: "–" for every area, not 0 and 0,0 %, and the reason above the table.
    await page.getByTestId('stats-tab-areas').click();
    const areasGrid = page.getByTestId('stats-areas-grid');
    await expect(page.getByTestId('stats-areas-note')).toHaveText(
      `oblasti neuvedeny u ${String(rows.length)} z ${String(rows.length)} partnerství`,
    );
    await expect(areasGrid.locator('.ag-cell[col-id="count"]').first()).toHaveText('–');
    await expect(areasGrid.locator('.ag-cell[col-id="share"]').first()).toHaveText('–');
    await expect(areasGrid.locator('.ag-cell[col-id="count"]', { hasText: /\d/ })).toHaveCount(0);
    await saveScreen(page, 'statistics-areas-unknown');
    await page.getByTestId('stats-tab-regions').click();

    // A figure that is not known is no link to a grid of no rows (that read as a count of 0,
    // walkthrough 21 finding 4): it says so and opens the partnerships whose status is not stated.
    for (const card of ['card-with-active', 'card-dormant', 'card-expiring']) {
      await expect(page.getByTestId(`${card}-action`)).toHaveText('Zobrazit partnerství bez uvedeného stavu →');
      await expect(page.getByTestId(card)).toHaveAttribute('href', /figure=statusUnknown/);
      await expect(page.getByTestId(card)).toHaveAttribute(
        'aria-label',
        new RegExp(`Otevřít tabulku partnerství, u nichž stav není uveden \\(${String(rows.length)}\\)`),
      );
    }
    // A known figure opens its own rows and says nothing more.
    await expect(page.getByTestId('card-partnerships-action')).toHaveCount(0);
    await withActive.click();
    const grid2 = page.locator('.p-page');
    await expect(grid2.getByTestId('filter-figure')).toContainText('Ze statistik: stav neuveden');
    await expect(grid2.getByTestId('filter-figure')).not.toContainText('S aktivním partnerstvím');
    await expect(grid2.getByTestId('filter-region')).toHaveValue('CZ063');
    await expect(grid2.getByTestId('row-count')).toHaveText(new RegExp(`^${String(rows.length)} z `));
    // Every row shown is one whose status is not stated: the ones the user can fill in.
    const statuses = grid2.locator('.ag-row .ag-cell[col-id="status"]');
    await expect(statuses.first()).toHaveText('neuvedeno');
    expect(new Set(await statuses.allTextContents())).toEqual(new Set(['neuvedeno']));
    await saveScreen(page, 'statistics-status-unknown-rows');
  } finally {
    await knex('partnership_areas').insert(areas);
    if (edit.auditId !== null) await bulkRestorePartnerships(ctx, { auditId: edit.auditId });
  }
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('stats-drill-back').click();
});

test('the territory table keeps one order (kraj, then okres, Czech collation), as the exports', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-statistics').click();
  const grid = page.getByTestId('stats-regions-grid');
  await page.getByTestId('stats-region').selectOption('CZ063');
  await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina');
  // The okresy with members in the demo (not all five have one), in Czech order, Třebíč not first.
  await expect.poll(async () => (await shownNames(grid)).length).toBeGreaterThan(2);
  const vysocina = await shownNames(grid);
  expect(vysocina).toEqual(czech(vysocina));
  expect(vysocina.indexOf('Třebíč')).toBeGreaterThan(0);
  // An okres added and its chip removed: the okres does not stay on top.
  await page.getByTestId('stats-district').selectOption('CZ0634');
  await expect.poll(() => shownNames(grid)).toEqual(['Třebíč']);
  await page.getByRole('button', { name: 'Odebrat z filtru: okres Třebíč' }).click();
  await expect.poll(() => shownNames(grid)).toEqual(vysocina);
  expect(await documentNames(grid)).toEqual(vysocina);
  // So too when the okres was chosen by a double-click on its row, of all municipalities.
  await page.getByTestId('stats-membership').selectOption('all');
  await expect.poll(async () => (await shownNames(grid)).length).toBeGreaterThanOrEqual(vysocina.length);
  const all = await shownNames(grid);
  expect(all).toEqual(czech(all));
  await grid.locator('.ag-cell[col-id="name"]', { hasText: 'Třebíč' }).dblclick();
  await expect.poll(() => shownNames(grid)).toEqual(['Třebíč']);
  await page.getByRole('button', { name: 'Odebrat z filtru: okres Třebíč' }).click();
  await expect.poll(() => shownNames(grid)).toEqual(all);
  expect(await documentNames(grid)).toEqual(all);
  await page.getByTestId('stats-membership').selectOption('members');
  await expect.poll(() => shownNames(grid)).toEqual(vysocina);
  // Another kraj: its okresy in the order of the kraje's names, as the exports list them.
  await page.getByTestId('stats-region').selectOption('CZ064');
  await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina, Jihomoravský kraj');
  const names = await (async () => {
    await expect.poll(async () => (await shownNames(grid)).length).toBeGreaterThan(vysocina.length);
    return shownNames(grid);
  })();
  // Jihomoravský kraj before Kraj Vysočina (by the kraje's names), each kraj's okresy in Czech order.
  const southMoravian = names.slice(0, names.length - vysocina.length);
  expect(names.slice(-vysocina.length)).toEqual(vysocina);
  expect(southMoravian.length).toBeGreaterThan(0);
  expect(southMoravian).toEqual(czech(southMoravian));
  expect(await documentNames(grid)).toEqual(names);
  await saveScreen(page, 'statistics-territory-order');
  // The XLSX lists the okresy in the same order.
  await page.getByTestId('stats-export-xlsx').click();
  await expect(page.getByTestId('stats-export-done')).toContainText('.xlsx');
  const xlsxPath = await exportedPath(page);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  rmSync(xlsxPath, { force: true });
  const sheet = workbook.getWorksheet('Okresy');
  const inFile: string[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 3 && row.getCell(2).text !== '') inFile.push(row.getCell(2).text);
  });
  expect(inFile).toEqual(names);
  await page.getByTestId('stats-drill-back').click();
});

test('an okres filter names the kraj row by the okres; the CSV says what it is, in both languages', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('stats-region').selectOption('CZ063');
  await page.getByTestId('stats-district').selectOption('CZ0632');
  await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina › okres Jihlava');
  await page.getByTestId('stats-export-xlsx').click();
  await expect(page.getByTestId('stats-export-done')).toContainText('.xlsx');
  const xlsxPath = await exportedPath(page);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsxPath);
  rmSync(xlsxPath, { force: true });
  expect(workbook.getWorksheet('Kraje')?.getCell('A4').value).toBe('Kraj Vysočina › okres Jihlava');
  expect(workbook.getWorksheet('Kraje a země')?.getCell('A4').value).toBe('Kraj Vysočina › okres Jihlava');
  // The table of kraje × countries on screen names it so too.
  await page.getByTestId('stats-tab-matrix').click();
  await expect(page.getByTestId('stats-matrix-grid').locator('.ag-cell[col-id="region"]').first()).toHaveText(
    'Kraj Vysočina › okres Jihlava',
  );
  await page.getByTestId('stats-tab-regions').click();

  // CSV: the button and the notice after saving say the separator and the encoding.
  const csvButton = page.getByTestId('stats-export-csv');
  await expect(csvButton).toHaveAttribute('title', /oddělovač středník, desetinná čárka, kódování UTF-8/);
  await csvButton.click();
  await expect(page.getByTestId('stats-export-done')).toContainText('.zip');
  await expect(page.getByTestId('stats-export-format')).toHaveText(
    'CSV pro Excel: oddělovač středník, desetinná čárka, kódování UTF-8 (s BOM); každá tabulka je jeden soubor v archivu ZIP.',
  );
  rmSync(await exportedPath(page), { force: true });
  await saveScreen(page, 'statistics-csv-notice');
  // Another format's notice says nothing of CSV.
  await page.getByTestId('stats-export-json').click();
  await expect(page.getByTestId('stats-export-done')).toContainText('.json');
  await expect(page.getByTestId('stats-export-format')).toHaveCount(0);
  rmSync(await exportedPath(page), { force: true });

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  try {
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-export-csv').click();
    await expect(page.getByTestId('stats-export-format')).toHaveText(
      'CSV for Excel: comma separator, decimal point, UTF-8 encoding (with BOM); each table is one file in the ZIP archive.',
    );
    const zipPath = await exportedPath(page);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    rmSync(zipPath, { force: true });
    const regions = (await zip.file('02-Regions.csv')?.async('string')) ?? '';
    const lines = regions.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]?.split(',').slice(0, 3)).toEqual(['Region', 'Code', 'Municipalities']);
    expect(lines[2]).toMatch(/^Kraj Vysočina › Jihlava district,CZ063,\d+,/);
    // The table's lines (up to the empty line before its notes, whose prose may hold a semicolon,
    // quoted) are split at commas only.
    const table = lines.slice(1, lines.indexOf(''));
    expect(table.length).toBeGreaterThan(2);
    expect(table.filter((line) => line.includes(';'))).toEqual([]);
  } finally {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  }
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('stats-drill-back').click();
});
