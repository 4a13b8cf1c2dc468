import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, saveScreen, test } from '../support/web-fixture';

const number = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test.describe('statistics and map', () => {
  test('the dashboard shows the demo figures and a filter changes them', async ({ appPage: page, webApp }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByRole('heading', { name: 'Statistiky' })).toBeVisible();
    const partnerships = page.getByTestId('card-partnerships');
    // The card counts partnerships of current members (the default filter), as the database holds
    // them now (other spec files share this registry and may have ended a membership).
    const ofMembers = () =>
      webApp.ctx.db
        .knex('partnerships as p')
        .join('municipalities as m', 'm.id', 'p.municipality_id')
        .where('m.is_member', true);
    const rows = (await ofMembers().count<{ n: number }[]>({ n: '*' }))[0]?.n ?? 0;
    // Wait for the exact figure (a substring check passes too early: "107" contains "7").
    const shown = async () => number(await partnerships.locator('.stats-card-value').textContent());
    await expect.poll(shown).toBe(Number(rows));
    await expect(page.getByTestId('stats-regions-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('chart-regions').locator('canvas').first()).toBeVisible();
    await saveScreen(page, 'statistics');

    await page.getByTestId('stats-type').selectOption('friendship');
    const friendships = (await ofMembers().where('p.type', 'friendship').count<{ n: number }[]>({ n: '*' }))[0]?.n ?? 0;
    await expect.poll(shown).toBe(Number(friendships));
    expect(Number(friendships)).toBeLessThan(Number(rows));
    await page.getByTestId('stats-type').selectOption('');
    await expect.poll(shown).toBe(Number(rows));

    // Drill down: double-click a region, see its districts.
    const region = page
      .getByTestId('stats-regions-grid')
      .locator('.ag-cell[col-id="name"]', { hasText: 'Zlínský kraj' });
    await page
      .getByTestId('stats-regions-grid')
      .locator('.ag-cell[col-id="name"]', { hasText: 'Jihočeský kraj' })
      .dblclick();
    await expect(page.getByTestId('stats-drill-region')).toHaveText('Jihočeský kraj');
    await expect(
      page.getByTestId('stats-regions-grid').locator('.ag-cell', { hasText: 'Tábor' }).first(),
    ).toBeVisible();
    await page.getByTestId('stats-level-orp').click();
    await expect(page.getByTestId('stats-regions-grid').locator('.ag-row').first()).toBeVisible();
    await page.getByTestId('stats-drill-back').click();
    await expect(region).toBeVisible();

    await page.getByTestId('stats-tab-countries').click();
    await expect(page.getByTestId('stats-countries-grid').locator('.ag-row', { hasText: 'Německo' })).toBeVisible();
    await page.getByTestId('stats-tab-matrix').click();
    await expect(page.getByTestId('stats-matrix-grid').locator('.ag-header-cell', { hasText: 'DE' })).toBeVisible();
    await page.getByTestId('stats-tab-funding').click();
    await expect(page.getByTestId('stats-funding-grid').locator('.ag-row').first()).toBeVisible();
  });

  test('exports XLSX and DOCX into the output folder', async ({ appPage: page, webApp }) => {
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('card-partnerships')).toBeVisible();
    await page.getByTestId('stats-export-xlsx').click();
    const done = page.getByTestId('stats-export-done');
    await expect(done).toContainText('.xlsx');
    const xlsxPath = ((await done.textContent()) ?? '').replace(/^Uloženo: /, '').trim();
    expect(xlsxPath.startsWith(webApp.outputDir)).toBe(true);
    expect(existsSync(xlsxPath)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    expect(workbook.getWorksheet('Kraje')?.getCell('A3').value).toBe('Kraj');

    await page.getByTestId('stats-export-docx').click();
    await expect(done).toContainText('.docx');
    const docxPath = ((await done.textContent()) ?? '').replace(/^Uloženo: /, '').trim();
    const zip = await JSZip.loadAsync(readFileSync(docxPath));
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Jihočeský kraj');
    expect(Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name))).toHaveLength(3);
  });

  test('one region from the screen: the figures, the table and the export follow it; reversed years are named', async ({
    appPage: page,
    webApp,
  }) => {
    await page.getByTestId('nav-statistics').click();
    const partnerships = page.getByTestId('card-partnerships');
    const shown = async () => number(await partnerships.locator('.stats-card-value').textContent());
    const inRegion = async (code: string) =>
      Number(
        (
          await webApp.ctx.db
            .knex('partnerships as p')
            .join('municipalities as m', 'm.id', 'p.municipality_id')
            .join('regions as r', 'r.id', 'm.region_id')
            .where({ 'm.is_member': true, 'r.code': code })
            .count<{ n: number }[]>({ n: '*' })
        )[0]?.n ?? 0,
      );
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect.poll(shown).toBe(await inRegion('CZ063'));
    // The table shows the region's districts, not the regions.
    await expect(page.getByTestId('stats-drill-region')).toHaveText('Kraj Vysočina');
    await expect(
      page.getByTestId('stats-regions-grid').locator('.ag-cell', { hasText: 'Havlíčkův Brod' }).first(),
    ).toBeVisible();

    await page.getByTestId('stats-from').fill('2005');
    await page.getByTestId('stats-to').fill('1990');
    await expect(page.getByTestId('stats-years-error')).toHaveText('Rok „od“ nesmí být pozdější než rok „do“.');
    await page.getByTestId('stats-from').fill('1990');
    await page.getByTestId('stats-to').fill('2005');
    await expect(page.getByTestId('stats-years-error')).toHaveCount(0);
    await saveScreen(page, 'statistics-region');

    await page.getByTestId('stats-export-xlsx').click();
    const done = page.getByTestId('stats-export-done');
    await expect(done).toContainText('statistiky-Kraj-Vysocina-1990-2005.xlsx');
    const xlsxPath = ((await done.textContent()) ?? '').replace(/^Uloženo: /, '').trim();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    expect(workbook.worksheets[0]?.getCell('A2').text).toContain('Kraj Vysočina');

    // Back to the whole registry: the region's choice is cleared everywhere.
    await page.getByTestId('stats-drill-back').click();
    await expect(page.getByTestId('stats-region')).toHaveValue('');
  });

  test('at a small window the dashboard stays usable', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('card-partnerships')).toBeVisible();
    await expect(page.getByTestId('chart-regions').locator('canvas').first()).toBeVisible();
    const overflow = await page.getByTestId('stats-cards').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(overflow).toBe(false);
    await saveScreen(page, 'statistics-small');
  });

  test('the map draws points and lines, names on hover, and a click opens the Partnerships grid', async ({
    appPage: page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.getByTestId('nav-map').click();
    await expect(page.getByRole('heading', { name: 'Mapa partnerství' })).toBeVisible();
    const members = page.getByTestId('map-member');
    await expect(members.first()).toBeVisible();
    expect(await members.count()).toBeGreaterThan(10);
    expect(await page.getByTestId('map-town').count()).toBeGreaterThan(10);
    // One path per status, each with a line (an M…L segment) per partnership.
    const lineCount = await page
      .getByTestId('map-links')
      .locator('path')
      .evaluateAll((paths) => paths.reduce((n, path) => n + (path.getAttribute('d')?.match(/M/g)?.length ?? 0), 0));
    expect(lineCount).toBeGreaterThan(10);
    await saveScreen(page, 'map');

    const tabor = page.locator('[data-testid="map-member"][data-name="Tábor"]');
    await tabor.hover({ force: true });
    await expect(page.getByTestId('map-tooltip')).toContainText('Tábor');
    const id = await tabor.getAttribute('data-id');
    await tabor.click({ force: true });
    await expect(page).toHaveURL(new RegExp(`#/partnerships\\?municipality=${id ?? 'x'}$`));
    await expect(page.getByTestId('nav-partnerships')).toHaveAttribute('aria-current', 'page');

    await page.getByTestId('nav-map').click();
    await page.getByTestId('map-bubbles').check();
    await expect(page.getByTestId('map-bubble').first()).toBeVisible();
    await page.getByTestId('map-country-DE').click({ position: { x: 40, y: 60 }, force: true });
    await expect(page).toHaveURL(/#\/partnerships\?country=DE$/);
  });

  test('in English', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByRole('heading', { name: 'Statistics' })).toBeVisible();
    await expect(page.getByTestId('stats-regions-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.getByTestId('chart-regions').locator('canvas').first()).toBeVisible();
    await saveScreen(page, 'statistics-en');
    await page.getByTestId('nav-map').click();
    await expect(page.getByRole('heading', { name: 'Partnership map' })).toBeVisible();
    await expect(page.getByTestId('map-member').first()).toBeVisible();
    await saveScreen(page, 'map-en');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  });
});
