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
    // The browser announced printing: the header of the Print button, the filter named in it.
    expect(text).toContain('Statistiky');
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
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
    await page.emulateMedia({ media: 'screen' });

    // The Print button lays out every row; the town names print there too.
    await page.evaluate(() => Object.assign(window, { print: () => undefined }));
    await page.getByTestId('print').click();
    await expect(page.getByTestId('print-header')).toBeAttached();
    await expect.poll(() => grid.locator('.ag-row .p-town-name').count()).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'print' });
    const all = await browserPdf(page, 'button-partnerships');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(all).not.toContain('jen zčásti');
    expect(all).toContain(firstTown);
    expect(all).toContain('Vöcklabruck');
    expect(all.split('\f').filter((p) => p.trim() !== '').length).toBeGreaterThan(1);
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
