import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS_DIR, expect, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/**
 * The browser's own print, without the app's Print button (walkthrough 21, finding 6): print media
 * as the browser's menu or a PDF of the page gives it. The layout is checked twice: with print
 * media only (the style sheet alone, as where no script prepares the page), then in the PDF the
 * browser renders (which announces printing: the page is prepared as its Print button would).
 */
const PRINT_DIR = path.join(SCREENS_DIR, '..', 'print');

/** Renders the page as the browser prints it, A4 landscape; answers the PDF's text (pages split by \f). */
async function browserPdf(page: Page, name: string): Promise<string> {
  mkdirSync(PRINT_DIR, { recursive: true });
  const pdf = path.join(PRINT_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(PRINT_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The width of an element in print media, as a share of the page's width. */
const widthShare = (page: Page, selector: string) =>
  page.evaluate((css) => {
    const element = document.querySelector(css);
    return element ? element.getBoundingClientRect().width / document.documentElement.clientWidth : 0;
  }, selector);

const DATE = /Vytištěno \d{1,2}\. \d{1,2}\. \d{4}/;

/** The printed area's width in CSS pixels: A4 landscape (297 mm) less print.css's margins of 10 mm. */
const PAGE_CONTENT_PX = ((297 - 20) / 25.4) * 96;

/** The pictures in a PDF (a chart's canvas prints as one), with their size on paper in CSS pixels. */
function pdfImages(name: string): { page: number; pixels: number; printed: number; ppi: number }[] {
  const list = execFileSync('pdfimages', ['-list', path.join(PRINT_DIR, `${name}.pdf`)], { encoding: 'utf8' });
  return list
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells[2] === 'image')
    .map((cells) => {
      const pixels = Number(cells[3]);
      const ppi = Number(cells[12]);
      return { page: Number(cells[0]), pixels, printed: (pixels / ppi) * 96, ppi };
    });
}

/** The names in a grid's column headers as the screen shows them (the selection and action columns have none). */
const columnHeaders = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('.ag-header-cell-text')
    .evaluateAll((cells) => cells.map((cell) => cell.textContent.trim()).filter((text) => text !== ''));

/** The PDF's text with its lines' spacing undone (a header may be split by the layout's columns). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Switches the app's language in Settings and returns to `screen`. */
async function useLanguage(page: Page, language: 'cs' | 'en', screen: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`language-${language}`).click();
  await page.getByTestId(screen).click();
}

test.describe('the browser’s own print', () => {
  test.beforeEach(async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });
  test.afterEach(async ({ appPage: page }) => {
    await page.emulateMedia({ media: 'screen' });
  });

  test('Statistics print at the paper’s width, not in the sidebar’s column', async ({ appPage: page }) => {
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('stats-drill-region')).toContainText('Kraj Vysočina');
    await page.emulateMedia({ media: 'print' });
    // The style sheet alone: nothing prepared the page.
    expect(await page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    expect(await widthShare(page, '.stats-page')).toBeGreaterThan(0.9);
    expect(await widthShare(page, '.stats-cards')).toBeGreaterThan(0.9);
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.getByTestId('print')).toBeHidden();

    const text = await browserPdf(page, 'browser-statistics');
    // The browser announced printing: the header of the Print button (the report's title; the
    // screen's heading is not printed a second time), the filter named in it.
    expect(text).toContain('Partnerství obcí: Kraj Vysočina');
    expect(text).toMatch(/Filtr: .*Kraj Vysočina/);
    expect(text).toMatch(DATE);
    expect(text).toMatch(/Okres\s+Obce/);
    // Its table is wider than the screen showed it: printed as shown, and the paper says so.
    expect(text).toContain('Tabulka je vytištěna tak, jak byla vidět na obrazovce, tedy jen zčásti.');
    for (const control of ['přidat kraj', 'Rozdělit podle', 'Export:', 'Zpráva DOCX', 'Nastavení'])
      expect(text).not.toContain(control);
    // Once printed, the screen is as it was.
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    await expect(page.getByTestId('print-header')).toHaveCount(0);
  });

  test('a partnership record prints alone, its empty fields without their hints', async ({ appPage: page }) => {
    await page.getByTestId('nav-partnerships').click();
    await searchPartnerships(page, 'tabor');
    await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    const detail = page.getByTestId('partnership-detail');
    await expect(detail.locator('h2')).toContainText('Tábor');
    // An empty date field shows its hint on screen.
    const hinted = detail.locator('input[placeholder]:placeholder-shown').first();
    const hint = (await hinted.getAttribute('placeholder')) ?? '';
    expect(hint).toMatch(/např\./);
    const hintColour = () => hinted.evaluate((input) => getComputedStyle(input, '::placeholder').color);
    expect(await hintColour()).not.toBe('rgba(0, 0, 0, 0)');

    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    // The grid behind the record is left out, the record takes the page's width, hints are invisible.
    await expect(page.getByTestId('partnerships-grid')).toBeHidden();
    await expect(detail).toBeVisible();
    expect(await widthShare(page, '[data-testid="partnership-detail"]')).toBeGreaterThan(0.9);
    expect(await hintColour()).toBe('rgba(0, 0, 0, 0)');

    const text = await browserPdf(page, 'browser-record');
    expect(text).toMatch(/Tábor ⇄/);
    expect(text).toMatch(DATE);
    expect(text).not.toContain('Filtr:');
    // Neither the grid's column headers nor the hints are on paper.
    expect(text).not.toContain('Partnerská země');
    expect(text).not.toContain(hint);
    expect(text).not.toMatch(/např\. \d/);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    await page.emulateMedia({ media: 'screen' });
    // The hints are back on screen.
    expect(await hinted.getAttribute('placeholder')).toBe(hint);
    await saveScreen(page, 'browser-print-record-after');
  });
  test('a list prints as the screen shows it, saying so; the Print button prints every row with the town names', async ({
    appPage: page,
  }) => {
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    const firstTown = (await grid.locator('.ag-row .p-town-name').first().textContent()) ?? '';
    expect(firstTown).not.toBe('');
    // The default columns are far wider than the paper (the screen scrolls sideways to the last ones).
    const headers = await columnHeaders(page, 'partnerships-grid');
    expect(headers).toEqual(expect.arrayContaining(['Obec', 'Partnerské město', 'Oblasti spolupráce', 'Ověřeno']));
    const columnsWidth = await grid
      .locator('.ag-header-cell')
      .evaluateAll((cells) => cells.reduce((sum, cell) => sum + cell.getBoundingClientRect().width, 0));
    expect(columnsWidth).toBeGreaterThan(PAGE_CONTENT_PX * 1.5);
    await page.emulateMedia({ media: 'print' });
    // The style sheet alone: the grid keeps a box (it would collapse to nothing), the rest of the page goes.
    expect(await page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    expect((await grid.boundingBox())?.height ?? 0).toBeGreaterThan(300);
    await expect(page.getByTestId('demo-banner')).toBeHidden();

    const asShown = await browserPdf(page, 'browser-partnerships');
    // The rows the screen had drawn, with the partner towns' names (a link on screen, data on paper),
    // and a note that this is not the whole list.
    expect(asShown).toContain(firstTown);
    expect(asShown).toContain('Tabulka je vytištěna tak, jak byla vidět na obrazovce, tedy jen zčásti.');
    expect(asShown.split('\f').filter((p) => p.trim() !== '').length).toBe(1);
    // Every column prints, scaled to the paper's width; the last ones were cut at the paper's edge.
    for (const header of headers) expect(flat(asShown)).toContain(header);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    await page.emulateMedia({ media: 'screen' });

    // The Print button lays out every row; the town names print there too.
    await page.evaluate(() => Object.assign(window, { print: () => undefined }));
    await page.getByTestId('print').click();
    await expect(page.getByTestId('print-header')).toBeAttached();
    await expect.poll(() => page.getByTestId('print-table').locator('.p-town-name').count()).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'print' });
    const all = await browserPdf(page, 'button-partnerships');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(all).not.toContain('jen zčásti');
    expect(all).toContain(firstTown);
    expect(all).toContain('Vöcklabruck');
    expect(all.split('\f').filter((p) => p.trim() !== '').length).toBeGreaterThan(1);
    // (On paper a heading may wrap over two lines, "Partnerské / město": each of its words is there.)
    for (const word of headers.flatMap((header) => header.split(' '))) expect(flat(all)).toContain(word);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('print-header')).toHaveCount(0);

    // In English the same: every column's (longer) name on paper.
    await useLanguage(page, 'en', 'nav-partnerships');
    try {
      await expect(grid.locator('.ag-header-cell-text').first()).toHaveText('Municipality');
      const english = await columnHeaders(page, 'partnerships-grid');
      expect(english).toEqual(expect.arrayContaining(['Municipality', 'Partner town']));
      await page.emulateMedia({ media: 'print' });
      const en = await browserPdf(page, 'browser-partnerships-en');
      expect(en).toContain('Partnerships');
      for (const header of english) expect(flat(en)).toContain(header);
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await useLanguage(page, 'cs', 'nav-partnerships');
    }
  });

  test('the charts of Statistics print whole, drawn for the paper, whatever the window’s width', async ({
    appPage: page,
  }) => {
    // A wide window: the screen's charts are drawn half as wide again as a column of the paper.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('nav-statistics').click();
    const screenCharts = page.locator('.stats-chart-screen canvas');
    await expect(screenCharts).toHaveCount(3);
    await expect(screenCharts.first()).toBeVisible();
    expect((await screenCharts.first().boundingBox())?.width ?? 0).toBeGreaterThan(PAGE_CONTENT_PX * 0.7);
    // The drawings for paper are ready (the browser's print takes the page at once) but not on screen.
    const paperCharts = page.getByTestId('chart-paper').locator('canvas');
    await expect(paperCharts).toHaveCount(3);
    await expect(paperCharts.first()).toBeHidden();

    await page.emulateMedia({ media: 'print' });
    await expect(screenCharts.first()).toBeHidden();
    const fits = () =>
      paperCharts.evaluateAll((canvases) =>
        canvases.map((canvas) => {
          const card = canvas.closest('.stats-chart-card');
          const box = canvas.getBoundingClientRect();
          return { width: box.width, height: box.height, card: card?.clientWidth ?? 0 };
        }),
      );
    for (const chart of await fits()) {
      expect(chart.height).toBeGreaterThan(200);
      expect(chart.width).toBeLessThanOrEqual(chart.card);
      expect(chart.width).toBeLessThanOrEqual(PAGE_CONTENT_PX / 2);
    }

    for (const language of ['cs', 'en'] as const) {
      if (language === 'en') {
        await page.emulateMedia({ media: 'screen' });
        await useLanguage(page, 'en', 'nav-statistics');
        await expect(page.getByTestId('statistics-page').locator('h1, h2').first()).toContainText('Statistics');
        await expect(paperCharts).toHaveCount(3);
        await page.emulateMedia({ media: 'print' });
      }
      try {
        const name = `browser-statistics-charts-${language}`;
        const text = await browserPdf(page, name);
        expect(text).toContain(language === 'cs' ? 'Partnerství obcí: statistiky' : 'Town twinning: statistics');
        // Three charts, each within the paper and printed at the size it
        // was drawn for (a whole number of its pixels to a CSS pixel: not squeezed, not stretched).
        const charts = pdfImages(name);
        expect(charts).toHaveLength(3);
        // The two of one height side by side under the figures, the tall one by regions on the next
        // page (walkthrough 26, finding 10: all three as one block left page 1 half empty).
        const chartPages = charts.map((chart) => chart.page);
        expect(new Set(chartPages).size).toBe(2);
        expect(chartPages.filter((number) => number === Math.min(...chartPages))).toHaveLength(2);
        for (const chart of charts) {
          expect(chart.printed).toBeLessThanOrEqual(PAGE_CONTENT_PX / 2);
          expect(chart.printed).toBeGreaterThan(PAGE_CONTENT_PX * 0.4);
          const perCssPixel = chart.ppi / 96;
          expect(Math.abs(perCssPixel - Math.round(perCssPixel))).toBeLessThan(0.02);
        }
      } finally {
        if (language === 'en') {
          await page.emulateMedia({ media: 'screen' });
          await useLanguage(page, 'cs', 'nav-statistics');
        }
      }
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
  });

  test('the map prints as the screen shows it, scaled to the paper', async ({ appPage: page }) => {
    // A wide, low window: the map's box is wider in proportion than a page.
    await page.setViewportSize({ width: 1920, height: 1000 });
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    const box = page.locator('.map-box');
    const ratio = async () => {
      const size = await box.boundingBox();
      return size ? size.width / size.height : 0;
    };
    const onScreen = await ratio();
    expect(onScreen).toBeGreaterThan(1.7);
    await page.emulateMedia({ media: 'print' });
    // Laid out at the paper's width (print media keeps the window's): cut to its box as on screen
    // (the same part of Europe), no wider than the paper, no taller than 150 mm.
    await page.setViewportSize({ width: Math.floor(PAGE_CONTENT_PX), height: 1000 });
    expect(Math.abs((await ratio()) / onScreen - 1)).toBeLessThan(0.01);
    const size = await box.boundingBox();
    expect(size?.width ?? Infinity).toBeLessThanOrEqual(PAGE_CONTENT_PX);
    expect(size?.height ?? Infinity).toBeLessThanOrEqual((150 / 25.4) * 96 + 1);
    const text = await browserPdf(page, 'browser-map');
    expect(text).toContain('Mapa partnerství');
    expect(text.split('\f').filter((p) => p.trim() !== '').length).toBe(1);
  });

  test('a list too long for paper is not laid out by the browser’s print either; the paper says why', async ({
    browser,
  }) => {
    const app = await startWebApp();
    try {
      const knex = app.ctx.db.knex;
      const now = new Date().toISOString();
      const towns = Array.from({ length: 80 }, (_, i) => ({
        name: `Testovo ${String(i)}`,
        name_key: `testovo ${String(i)}`,
        country_code: 'SK',
        created_at: now,
        updated_at: now,
      }));
      await knex.batchInsert('foreign_towns', towns, 200);
      const townIds = (await knex('foreign_towns').where('name', 'like', 'Testovo %').pluck('id')) as number[];
      const memberIds = (await knex('municipalities').pluck('id')) as number[];
      const rows = memberIds.flatMap((municipality) =>
        townIds.map((town) => ({
          municipality_id: municipality,
          foreign_town_id: town,
          type: 'friendship',
          status: 'active',
          created_at: now,
          updated_at: now,
        })),
      );
      expect(rows.length).toBeGreaterThan(3000);
      await knex.batchInsert('partnerships', rows, 500);
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(app.url);
      await page.getByTestId('nav-partnerships').click();
      await expect(page.getByTestId('partnerships-grid').locator('.ag-row').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      const text = await browserPdf(page, 'browser-too-many-rows');
      expect(text).toMatch(/Tabulka má 3\s\d{3} řádků, vytisknout jde nejvýše 3\s000/);
      expect(text).not.toContain('Testovo');
      expect(text.split('\f').filter((p) => p.trim() !== '').length).toBe(1);
      await page.emulateMedia({ media: 'screen' });
      // On screen, the same words as a notice.
      await expect(page.getByText(/vytisknout jde nejvýše 3\u00a0000/)).toBeVisible();
      await page.close();
    } finally {
      await app.close();
    }
  });
});
