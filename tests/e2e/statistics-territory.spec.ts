import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Knex } from 'knex';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Statistics for one region (issue 13 item 1, review D8, D14, D34): a territory filter (kraje,
 * okresy, ORP) drives the figures, the tables and every export, names itself in the title and
 * the file name, and stands beside the whole country. Expected numbers are asked of the database
 * the app runs on (other spec files share it), never written into the test.
 */
const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));
const cardValue = async (page: Page, card: string) =>
  number(((await page.getByTestId(card).locator('.stats-card-value').textContent()) ?? '').split('(')[0] ?? '');

/** Partnerships of member municipalities that lie in a territory (one column = one of its values). */
async function partnershipsIn(knex: Knex, where: { region?: string; district?: string; orp?: string }) {
  const query = knex('partnerships as p')
    .join('municipalities as m', 'm.id', 'p.municipality_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .leftJoin('districts as d', 'd.id', 'm.district_id')
    .where('m.is_member', true);
  if (where.region !== undefined) query.where('r.code', where.region);
  if (where.district !== undefined) query.where('d.code', where.district);
  if (where.orp !== undefined) query.where('m.orp_name', where.orp);
  const rows = await query.count<{ n: number | string }[]>({ n: '*' });
  return Number(rows[0]?.n ?? 0);
}

/** The path the export notice names ("Uloženo: /…/file.xlsx" / "Saved: …"). */
const exportedPath = async (page: Page) =>
  ((await page.getByTestId('stats-export-done').textContent()) ?? '').replace(/^[^:]+: /, '').trim();
/**
 * Removes a file this test exported once it was read: the output folder is the worker's, and
 * another spec exporting the same filter must get the same name, not "(2)".
 */
const done = (file: string) => rmSync(file, { force: true });

test.describe('statistics for a territory', () => {
  test('Kraj Vysočina 1990–2005: figures beside the whole country, exports named and read back (cs)', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('stats-cards')).toHaveAttribute('aria-busy', 'false');
    const national = await cardValue(page, 'card-partnerships');

    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('stats-territory-chip')).toHaveText(/Kraj Vysočina/);
    await expect(page.getByTestId('stats-territory-title')).toHaveText('Kraj Vysočina ve srovnání s celým Českem');
    const vysocina = await partnershipsIn(knex, { region: 'CZ063' });
    expect(vysocina).toBeGreaterThan(0);
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(vysocina);
    // The whole country beside it, with the territory's share.
    await expect(page.getByTestId('card-partnerships-country')).toContainText(`Česko: ${String(national)}`);
    await expect(page.getByTestId('card-partnerships-country')).toContainText('%');

    // A partial year and reversed years are said in Czech beside the years; no stale figures.
    await page.getByTestId('stats-from').fill('19');
    await expect(page.getByTestId('stats-years-error')).toHaveText('Rok zadejte celý, čtyřmi číslicemi (např. 1990).');
    await expect(page.getByTestId('stats-cards')).toHaveCount(0);
    await expect(page.getByTestId('stats-export-xlsx')).toBeDisabled();
    // A year the statistics do not take: said beside the years, not by a failed answer under
    // which the last figures stood.
    await page.getByTestId('stats-from').fill('1990');
    await page.getByTestId('stats-to').fill('3000');
    await expect(page.getByTestId('stats-years-error')).toHaveText('Zadejte rok od 1000 do 2999.');
    await expect(page.getByTestId('stats-cards')).toHaveCount(0);
    await expect(page.getByTestId('stats-export-xlsx')).toBeDisabled();
    await expect(page.getByRole('alert').filter({ hasText: 'stats:compute' })).toHaveCount(0);
    await page.getByTestId('stats-from').fill('2005');
    await page.getByTestId('stats-to').fill('1990');
    await expect(page.getByTestId('stats-years-error')).toHaveText('Rok „od“ nesmí být pozdější než rok „do“.');
    await expect(page.getByTestId('stats-cards')).toHaveCount(0);
    // Nothing to print either: the button is off and Ctrl+P does not lay out a print.
    await expect(page.getByTestId('print')).toBeDisabled();
    await page.keyboard.press('Control+p');
    await expect(page.getByTestId('print-header')).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.dataset.printing ?? null)).toBeNull();
    await page.getByTestId('stats-from').fill('1990');
    await page.getByTestId('stats-to').fill('2005');
    await expect(page.getByTestId('stats-years-error')).toHaveCount(0);
    await expect(page.getByTestId('print')).toBeEnabled();
    const inYears = Number(
      (
        await knex('partnerships as p')
          .join('municipalities as m', 'm.id', 'p.municipality_id')
          .join('regions as r', 'r.id', 'm.region_id')
          .where({ 'm.is_member': true, 'r.code': 'CZ063' })
          .where('p.started_on', '>=', '1990')
          .where('p.started_on', '<', '2006')
          .count<{ n: number | string }[]>({ n: '*' })
      )[0]?.n ?? 0,
    );
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(inYears);
    await expect(page.getByTestId('stats-cards')).toHaveAttribute('aria-busy', 'false');
    await saveScreen(page, 'statistics-territory-cs');

    // XLSX: named by the territory and the years, the comparison first, totals of the territory.
    await page.getByTestId('stats-export-xlsx').click();
    await expect(page.getByTestId('stats-export-done')).toContainText('.xlsx');
    const xlsxPath = await exportedPath(page);
    expect(path.basename(xlsxPath)).toBe('statistiky-Kraj-Vysocina-1990-2005.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const comparison = workbook.worksheets[0];
    expect(comparison?.name).toBe('Srovnání s celým Českem');
    expect(comparison?.getCell('A2').text).toContain('Území: Kraj Vysočina');
    expect(comparison?.getCell('A2').text).toContain('Rok zahájení: 1990–2005');
    expect(comparison?.getCell('A4').value).toBe('Kraj Vysočina');
    expect(comparison?.getCell('F3').value).toBe('Partnerství');
    expect(comparison?.getCell('F4').value).toBe(inYears);
    expect(comparison?.getCell('A5').value).toBe('Česko celkem');
    expect(Number(comparison?.getCell('F5').value)).toBeGreaterThanOrEqual(inYears);
    done(xlsxPath);
    const regions = workbook.getWorksheet('Kraje');
    expect(regions?.getCell('A4').value).toBe('Kraj Vysočina');
    expect(regions?.getCell('A5').value).toBe('Celkem: Kraj Vysočina');
    expect(regions?.getCell('A6').value).toBe('Česko celkem');

    // DOCX: the title names the territory and the years.
    await page.getByTestId('stats-export-docx').click();
    await expect(page.getByTestId('stats-export-done')).toContainText('.docx');
    const docxPath = await exportedPath(page);
    expect(path.basename(docxPath)).toBe('statistiky-Kraj-Vysocina-1990-2005.docx');
    const docx = await JSZip.loadAsync(readFileSync(docxPath));
    const text = ((await docx.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    done(docxPath);
    expect(text).toContain('Partnerství obcí: Kraj Vysočina, 1990–2005');
    expect(text).toContain('Česko celkem');

    // CSV (a ZIP of tables): the comparison and the filter line in each file.
    await page.getByTestId('stats-export-csv').click();
    await expect(page.getByTestId('stats-export-done')).toContainText('.zip');
    const csvPath = await exportedPath(page);
    expect(path.basename(csvPath)).toBe('statistiky-Kraj-Vysocina-1990-2005.zip');
    const csv = await JSZip.loadAsync(readFileSync(csvPath));
    done(csvPath);
    const first = await csv.file('01-Srovnani-s-celym-Ceskem.csv')?.async('string');
    expect(first).toContain('Kraj Vysočina');
    expect(first).toContain('Česko celkem');

    // Away (Settings) and back: the screen is as it was left, territory and years.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('stats-territory-chip')).toHaveText(/Kraj Vysočina/);
    await expect(page.getByTestId('stats-from')).toHaveValue('1990');
    await expect(page.getByTestId('stats-to')).toHaveValue('2005');
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(inYears);
  });

  test('double-click narrows the whole screen to an okres; an ORP and several kraje', async ({
    appPage: page,
    webApp,
  }) => {
    const knex = webApp.ctx.db.knex;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    const grid = page.getByTestId('stats-regions-grid');
    await grid.locator('.ag-cell[col-id="name"]', { hasText: 'Havlíčkův Brod' }).dblclick();
    // The okres is now part of the filter: the chips, the cards and the export name follow it.
    await expect(page.getByTestId('stats-territory-chip')).toHaveText([/Kraj Vysočina/, /okres Havlíčkův Brod/]);
    await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina › okres Havlíčkův Brod');
    const okres = await partnershipsIn(knex, { district: 'CZ0631' });
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(okres);
    await expect(grid.locator('.ag-row')).toHaveCount(1);
    await grid.scrollIntoViewIfNeeded();
    await saveScreen(page, 'statistics-territory-okres');

    // Okresy offered are those of the chosen kraj; an ORP narrows across levels (AND).
    await page.getByTestId('stats-drill-back').click();
    await expect(page.getByTestId('stats-territory-chip')).toHaveCount(0);
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('stats-district').locator('option', { hasText: 'Tábor' })).toHaveCount(0);
    await page.getByTestId('stats-orp').selectOption('Třebíč');
    const trebic = await partnershipsIn(knex, { region: 'CZ063', orp: 'Třebíč' });
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(trebic);
    await page.getByTestId('stats-export-json').click();
    await expect(page.getByTestId('stats-export-done')).toContainText('/statistiky-Kraj-Vysocina-ORP-Trebic.json');
    done(await exportedPath(page));

    // Several kraje add up.
    await page.getByTestId('stats-drill-back').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await page.getByTestId('stats-region').selectOption('CZ031');
    const both = (await partnershipsIn(knex, { region: 'CZ063' })) + (await partnershipsIn(knex, { region: 'CZ031' }));
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(both);
    await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina, Jihočeský kraj');
    // Removing one chip leaves the other.
    await page.getByRole('button', { name: 'Odebrat z filtru: Kraj Vysočina' }).click();
    await expect.poll(() => cardValue(page, 'card-partnerships')).toBe(await partnershipsIn(knex, { region: 'CZ031' }));
  });

  test('in English: the comparison, the messages and the file name', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await page.getByTestId('stats-orp').selectOption('Třebíč');
    await expect(page.getByTestId('stats-territory-title')).toHaveText(
      'Kraj Vysočina › Třebíč ORP compared with all of Czechia',
    );
    await expect(page.getByTestId('card-partnerships-country')).toContainText('Czechia: ');
    await page.getByTestId('stats-from').fill('199');
    await expect(page.getByTestId('stats-years-error')).toHaveText('Enter the whole year, four digits (e.g. 1990).');
    await page.getByTestId('stats-from').fill('1990');
    await page.getByTestId('stats-to').fill('2005');
    await expect(page.getByTestId('stats-cards')).toHaveAttribute('aria-busy', 'false');
    await saveScreen(page, 'statistics-territory-en');
    await page.getByTestId('stats-export-xlsx').click();
    await expect(page.getByTestId('stats-export-done')).toContainText(
      'statistics-Kraj-Vysocina-Trebic-ORP-1990-2005.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    const englishPath = await exportedPath(page);
    await workbook.xlsx.readFile(englishPath);
    done(englishPath);
    expect(workbook.worksheets[0]?.name).toBe('Compared with all of Czechia');
    expect(workbook.worksheets[0]?.getCell('A5').value).toBe('Czechia, total');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByRole('heading', { name: 'Nastavení' })).toBeVisible();
  });

  test('a click on a kraj on the map narrows the map, and its link keeps the membership', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-map').click();
    const region = page.locator('[data-testid="map-region"][data-code="CZ063"]');
    await expect(region).toBeVisible();
    // The kraje may be drawn before the map's points arrive: count the points once they are there.
    await expect(page.getByTestId('map-member').first()).toBeVisible();
    const before = await page.getByTestId('map-member').count();
    expect(before).toBeGreaterThan(0);
    await region.click({ force: true });
    await expect(page.getByTestId('map-region-filter')).toContainText('Jen Kraj Vysočina');
    await expect.poll(() => page.getByTestId('map-member').count()).toBeLessThan(before);
    // Only the kraj is shaded with partnerships; the others have none.
    await expect(page.locator('[data-testid="map-region"][data-code="CZ031"]')).toHaveAttribute('data-count', '0');
    await saveScreen(page, 'map-territory');
    const link = (await page.getByTestId('map-region-grid').getAttribute('href')) ?? '';
    expect(link).toContain('fregion=CZ063');
    expect(link).toContain('membership=members');
    await page.getByTestId('map-region-grid').click();
    await expect(page.locator('.p-page').getByTestId('filter-figure')).toBeVisible();
    await expect(page.locator('.p-page').getByTestId('filter-region')).toHaveValue('CZ063');
    // Back on the map, its narrowing is kept for the session (walkthrough 28: it was forgotten);
    // the chip's × gives the whole country back.
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region-filter')).toContainText('Jen Kraj Vysočina');
    await page.getByTestId('map-region-clear').click();
    await expect(page.getByTestId('map-region-filter')).toHaveCount(0);
  });

  test('the Statistics screen shows its territory on the map', async ({ appPage: page, webApp }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await page.getByTestId('stats-orp').selectOption('Třebíč');
    await page.getByTestId('stats-on-map').click();
    await expect(page.getByTestId('map-region-filter')).toContainText('Jen Kraj Vysočina › ORP Třebíč');
    const inOrp = await webApp.ctx.db
      .knex('municipalities')
      .where({ orp_name: 'Třebíč', is_member: true })
      .pluck<string[]>('name');
    await expect(page.getByTestId('map-member').first()).toBeVisible();
    const drawn = await page
      .getByTestId('map-member')
      .evaluateAll((dots) => dots.map((d) => d.getAttribute('data-name')));
    expect(drawn.length).toBeGreaterThan(0);
    for (const name of drawn) expect(inOrp).toContain(name);
    // Saved, the map is named by its territory as the Statistics exports are.
    await page.getByTestId('map-export-svg').click();
    await expect
      .poll(() => readdirSync(webApp.outputDir).includes('mapa-partnerstvi-Kraj-Vysocina-ORP-Trebic.svg'))
      .toBe(true);
    await page.getByTestId('map-region-clear').click();
    await expect.poll(() => page.getByTestId('map-member').count()).toBeGreaterThan(drawn.length);
  });
});

test('the map says which municipalities it shows, and has the choice itself (cs)', async ({
  appPage: page,
  webApp,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('stats-membership').selectOption('all');
  await page.getByTestId('stats-region').selectOption('CZ063');
  await page.getByTestId('stats-on-map').click();
  // Opened for all municipalities: said in the choice and the legend.
  await expect(page.getByTestId('map-membership')).toHaveValue('all');
  await expect(page.locator('.map-legend')).toContainText('Obec');
  await expect(page.locator('.map-legend')).not.toContainText('Členská obec');
  await expect(page.getByTestId('map-member').first()).toBeVisible();
  // The map's own choice: members, the member legend, the drawn municipalities all members.
  await page.getByTestId('map-membership').selectOption('members');
  await expect(page.locator('.map-legend')).toContainText('Členská obec');
  await expect(page.getByTestId('map-empty')).toHaveCount(0);
  const members = await webApp.ctx.db.knex('municipalities').where({ is_member: true }).pluck<string[]>('name');
  await expect(page.getByTestId('map-member').first()).toBeVisible();
  const drawn = await page
    .getByTestId('map-member')
    .evaluateAll((dots) => dots.map((d) => d.getAttribute('data-name')));
  for (const name of drawn) expect(members).toContain(name);
  await page.getByTestId('map-membership').selectOption('nonMembers');
  await expect(page.locator('.map-legend')).toContainText('Nečlenská obec');
  // The demo's non-members of Vysočina have no partnership: said on the map, not an empty map.
  await expect(page.getByTestId('row-count')).toHaveText('0 obcí, 0 partnerských měst, 0 spojnic');
  await expect(page.getByTestId('map-empty')).toHaveText(
    'Filtru neodpovídá žádné partnerství: na mapě není co zakreslit.',
  );
  await saveScreen(page, 'map-non-members');
  await page.getByTestId('map-membership').selectOption('members');
  await page.getByTestId('nav-statistics').click();
  await page.locator('.stats-reset').click();
  await expect(page.getByTestId('stats-membership')).toHaveValue('members');
});

test('years brought from the Statistics screen are shown on the map and can be dropped there', async ({
  appPage: page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('nav-statistics').click();
  await page.getByTestId('stats-region').selectOption('CZ063');
  await page.getByTestId('stats-from').fill('1990');
  await page.getByTestId('stats-to').fill('2005');
  await page.getByTestId('stats-on-map').click();
  // The map has no year control: the years it counts were nowhere on screen (walkthrough 12).
  const years = page.getByTestId('map-years');
  await expect(years).toHaveText(/^Rok zahájení: 1990–2005/);
  // Dropping the years leaves the territory; the kraj counts all its partnerships again.
  const vysocina = page.locator('[data-testid="map-region"][data-code="CZ063"]');
  await expect(vysocina).toHaveAttribute('data-count', /\d+/);
  const counted = async () => Number(await vysocina.getAttribute('data-count'));
  const within = await counted();
  await saveScreen(page, 'map-years-chip');
  await page.getByTestId('map-years-clear').click();
  await expect(years).toHaveCount(0);
  await expect(page.getByTestId('map-region-filter')).toContainText('Jen Kraj Vysočina');
  await expect.poll(counted).toBeGreaterThan(within);
});
