import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS_DIR, expect, saveScreen, startWebApp, test, searchPartnerships } from '../support/web-fixture';

/** The printed pages go beside the screenshots, as PDF and as small PNG pages to look at. */
const PRINT_DIR = path.join(SCREENS_DIR, '..', 'print');

/**
 * The print dialog cannot be driven in a test: window.print() is replaced by a counter, and the
 * page, prepared by the Print button exactly as for the dialog, is rendered to PDF with the print
 * style sheets. Answers the PDF's text.
 */
async function printToPdf(
  page: Page,
  name: string,
  button = 'print',
  whilePrinting: () => Promise<void> = () => Promise.resolve(),
): Promise<string> {
  await page.evaluate(() => {
    Object.assign(window, {
      printed: 0,
      print: () => {
        Object.assign(window, { printed: Number((window as unknown as { printed: number }).printed) + 1 });
      },
    });
  });
  // The Print button, or Ctrl+P (which prints the same).
  if (button === 'Control+P') await page.keyboard.press('Control+P');
  else await page.getByTestId(button).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await expect(page.getByTestId('print-header')).toBeAttached();
  await whilePrinting();
  await page.emulateMedia({ media: 'print' });
  mkdirSync(PRINT_DIR, { recursive: true });
  const pdf = path.join(PRINT_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(PRINT_DIR, name)]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  // The dialog closed: the screen is as it was.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(page.getByTestId('print-header')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
  return text;
}

const pages = (pdf: string) => pdf.split('\f').filter((page) => page.trim() !== '').length;

/** The heights of the PDF's words on each page, in points (about 1.17 times the font's size). */
function wordHeights(name: string): number[][] {
  const html = execFileSync('pdftotext', ['-bbox', path.join(PRINT_DIR, `${name}.pdf`), '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map(
        (word) => Number(word[2]) - Number(word[1]),
      ),
    );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Elements in the printed part that the print media shows (a box with a size, not hidden). */
const shownInPrint = (page: Page, selector: string) =>
  page.evaluate(
    (css) =>
      [...document.querySelectorAll<HTMLElement>(`[data-print-root] ${css}`)].filter((element) => {
        const box = element.getBoundingClientRect();
        return element.checkVisibility({ visibilityProperty: true }) && box.width > 0 && box.height > 0;
      }).length,
    selector,
  );

/** Navigation and controls are not printed. */
function expectNoChrome(text: string) {
  for (const word of ['Nastavení', 'Žádosti', 'Nápověda', 'Odstranit ukázková data', 'Export XLSX', 'Tisk'])
    expect(text).not.toContain(word);
}

const DATE = /Vytištěno \d{1,2}\. \d{1,2}\. \d{4}/;

test.describe('print', () => {
  test.beforeEach(async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('the Partnerships grid prints every row with a header naming the screen, the filter and the date', async ({
    appPage: page,
  }) => {
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    await saveScreen(page, 'print-partnerships-screen');
    // Rows laid out in the grid (a row with pinned columns has an element per part).
    const rows = () =>
      page.evaluate(
        () =>
          new Set(
            [...document.querySelectorAll('[data-testid="partnerships-grid"] .ag-row')].map((row) =>
              row.getAttribute('row-index'),
            ),
          ).size,
      );
    // The rows the grid's filter shows (the count says "N řádků" or "N z M"); other specs in the
    // same worker may have added partnerships.
    const shown = Number(
      ((await page.getByTestId('row-count').textContent()) ?? '').replace(/\s/g, '').match(/^\d+/)?.[0],
    );
    expect(shown).toBeGreaterThan(50);
    expect(await rows()).toBeLessThan(shown);
    const text = await printToPdf(page, 'partnerships', 'print', async () => {
      // Every shown partnership is laid out for the paper, not only the rows the screen had drawn.
      await expect(page.getByTestId('print-table').locator('tbody tr')).toHaveCount(shown);
    });
    expect(text).toContain('Partnerství');
    expect(text).toMatch(/Filtr: /);
    expect(text).toMatch(DATE);
    expectNoChrome(text);
    expect(pages(text)).toBeGreaterThan(1);
    // Back on screen the grid draws only what fits again.
    await expect.poll(rows).toBeLessThan(106);
    // Printing changed nothing of the layout, on screen and as remembered (after a reload): the
    // tick boxes and the member stay pinned at the left, in that order, and the actions at the right.
    const pinned = (side: string) =>
      grid.locator('.ag-header-row-column .ag-header-cell[col-id]').evaluateAll(
        (cells, part) =>
          cells
            .filter((cell) => cell.closest(part) !== null)
            .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
            .map((cell) => cell.getAttribute('col-id')),
        `.ag-grid-pinned-${side}-cells`,
      );
    for (const reload of [false, true]) {
      if (reload) {
        await page.reload();
        await expect(grid.locator('.ag-row').first()).toBeVisible();
      }
      await expect.poll(() => pinned('left')).toEqual(['ag-Grid-SelectionColumn', 'municipalityName']);
      expect(await pinned('right')).toEqual(['actions']);
    }
  });

  test('the Members grid prints the search it shows (Ctrl+P)', async ({ appPage: page }) => {
    await page.getByTestId('nav-members').click();
    await page.getByTestId('quick-search').fill('tabor');
    // Tábor (another spec in the worker may have added a municipality that matches too).
    await expect(
      page
        .getByTestId('members-grid')
        .locator('.ag-row [col-id="name"]', { hasText: /^Tábor$/ })
        .first(),
    ).toBeVisible();
    const text = await printToPdf(page, 'members', 'Control+P');
    expect(text).toContain('Členské obce');
    expect(text).toContain('hledání „tabor“');
    expect(text).toContain('Tábor');
    expect(text).not.toContain('Písek');
    expect(text).toMatch(DATE);
    expectNoChrome(text);
    // Printing does not change the grid's layout: after a restart the name and the Open button
    // are still pinned (a layout saved while printing lost them, and the Open button with them).
    await page.reload();
    await page.getByTestId('nav-members').click();
    const grid = page.getByTestId('members-grid');
    await expect(grid.locator('.ag-row .ag-grid-pinned-left-cells [col-id="name"]').first()).toBeVisible();
    await expect(grid.locator('.ag-row .ag-grid-pinned-right-cells [col-id="open"]').first()).toBeVisible();
  });

  test('the Statistics screen prints with its region filter in the header', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-statistics').click();
    await page.getByTestId('stats-region').selectOption('CZ063');
    await expect(page.getByTestId('stats-drill-region')).toContainText('Kraj Vysočina');
    const text = await printToPdf(page, 'statistics');
    // The print header's title is the report's (the screen's heading "Statistiky" is not printed).
    expect(text).toContain('Partnerství obcí: Kraj Vysočina');
    expect(text).toMatch(/Filtr: .*Kraj Vysočina/);
    // The filter form and the chart's switch are not printed (the header says the filter), nor
    // the table's counts by type and status: the table's figures stay readable on the page.
    for (const control of ['přidat kraj', 'Rozdělit podle', 'Dvojklikem']) expect(text).not.toContain(control);
    expect(text).toMatch(/Okres\s+Obce/);
    expect(text).toContain('Bez aktivity');
    expect(text).not.toMatch(/Stav: ukončeno|ukončeno\s+neuvedeno/);
    expect(text).toMatch(DATE);
    expectNoChrome(text);
  });

  test('a partnership record prints alone, without the grid behind it', async ({ appPage: page }) => {
    await page.getByTestId('nav-partnerships').click();
    await searchPartnerships(page, 'tabor');
    await page.getByTestId('partnerships-grid').getByTestId('open-partnership').first().click();
    const detail = page.getByTestId('partnership-detail');
    await expect(detail.locator('h2')).toContainText('Tábor');
    const town = (await detail.locator('h2 span').last().textContent()) ?? '';
    await saveScreen(page, 'print-record-screen');
    const text = await printToPdf(page, 'record', 'print-record');
    expect(text).toContain('Partnerství');
    expect(text).toContain(`Tábor ⇄ ${town}`);
    expect(text).toMatch(DATE);
    expect(text).not.toContain('Filtr:');
    expectNoChrome(text);
    // The grid behind the record is not printed: its column headers are absent.
    expect(text).not.toContain('Partnerská země');
  });

  test('the map prints with its header; in English the header is English', async ({ appPage: page }) => {
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    const cs = await printToPdf(page, 'map');
    expect(cs).toContain('Mapa partnerství');
    // The map shows members only by default: its caption says so (walkthrough 26 finding 3).
    expect(cs).toContain('Obce: členské obce (dnešní členové)');
    expect(cs).not.toContain('žádný (vše)');
    expect(cs).toMatch(DATE);
    expect(pages(cs)).toBe(1);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await page.getByTestId('nav-partnerships').click();
    await expect(page.getByTestId('partnerships-grid').locator('.ag-row').first()).toBeVisible();
    await saveScreen(page, 'print-partnerships-screen-en');
    const en = await printToPdf(page, 'partnerships-en');
    expect(en).toContain('Partnerships');
    expect(en).toMatch(
      /Printed \d{1,2}\/\d{1,2}\/\d{4}|Printed \w+ \d{1,2}, \d{4}|Printed \d{1,2} \w+ \d{4}|Printed \d{4}-\d{2}-\d{2}/,
    );
    expect(en).toMatch(/Filter: /);
    expect(en).not.toContain('Filtr');
    expect(en).toContain(`page 1 of ${String(pages(en))}`);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
  });

  test('the printed Partnerships list reads well: one title, no controls, 8 pt text, headings on every page', async ({
    appPage: page,
  }) => {
    await page.getByTestId('nav-partnerships').click();
    const grid = page.getByTestId('partnerships-grid');
    await expect(grid.locator('.ag-row').first()).toBeVisible();
    // A focused row (a click on a cell) is no highlight on paper.
    await grid.locator('.ag-row [col-id="regionName"]').first().click();
    const text = await printToPdf(page, 'partnerships-readable', 'print', async () => {
      await page.emulateMedia({ media: 'print' });
      // No tick boxes, no Delete/Detail buttons, no screen heading, no focused row in the print media.
      expect(await shownInPrint(page, 'input[type="checkbox"]')).toBe(0);
      expect(await shownInPrint(page, '.p-icon, .ag-cell-focus, .ag-row-focus, .ag-row-selected')).toBe(0);
      expect(await shownInPrint(page, '.page-header')).toBe(0);
      // The cells' text is 8 pt or more (10.67 CSS px), chips and badges too, at the size printed
      // (no zoom of the list to the paper's width).
      const smallest = await page.evaluate(() => {
        const sizes = [...document.querySelectorAll<HTMLElement>('[data-print-root] :is(td, th, td *)')]
          .filter((element) => element.checkVisibility() && (element.textContent ?? '').trim() !== '')
          .map((element) => {
            let size = parseFloat(getComputedStyle(element).fontSize);
            for (let up: HTMLElement | null = element; up; up = up.parentElement) {
              const zoom = parseFloat(getComputedStyle(up).zoom);
              if (Number.isFinite(zoom) && zoom > 0) size *= zoom;
            }
            return size;
          });
        return sizes.length === 0 ? 0 : Math.min(...sizes);
      });
      expect(smallest).toBeGreaterThanOrEqual(10.6);
    });
    const byPage = text.split('\f').filter((part) => part.trim() !== '');
    expect(byPage.length).toBeGreaterThan(2);
    // One title: the print header's, with the screen's count beside it.
    expect(byPage[0]?.match(/^\s*Partnerství/gm)).toHaveLength(1);
    // ("106 řádků", or "108 z 111" where earlier tests left partnerships of non-members.)
    expect(byPage[0]).toMatch(/Partnerství\s+(\d+ řádk|\d+ z \d+)/);
    // Every page says its number and how many there are.
    byPage.forEach((part, index) => expect(part).toContain(`strana ${String(index + 1)} z ${String(byPage.length)}`));
    // The column headings head every page, the last one too.
    for (const part of byPage) {
      // (A heading may wrap: "Partnerské / město".)
      expect(part).toMatch(/^\s*Obec\s+Kraj\s+Partnerské\s+Stát\s+Stav\s+Typ\s+Zahájeno/m);
    }
    // Cell values whole: a kraj's name is not cut ("Moravskoslezský k…").
    expect(text).not.toContain('…');
    expect(text).toContain('Moravskoslezský');
    // The words printed are about 8.5 pt (a word's box is some 1.17 times its font's size): the
    // 15 columns scaled to the paper's width printed them at about 4 pt.
    const heights = wordHeights('partnerships-readable');
    for (const page of heights) expect(median(page)).toBeGreaterThan(9);
  });

  test('the printed Statistics table has its headings and the total last, as on screen', async ({ appPage: page }) => {
    await page.getByTestId('nav-statistics').click();
    await expect(page.getByTestId('stats-regions-grid').locator('.ag-row').first()).toBeVisible();
    const text = await printToPdf(page, 'statistics-table', 'print', async () => {
      await page.emulateMedia({ media: 'print' });
      // The headings are laid out and shown in the print media (as a table's or a grid's).
      expect(await shownInPrint(page, ':is(th, .ag-header-cell-text)')).toBeGreaterThan(5);
    });
    const flat = text.replace(/\s+/g, ' ');
    const heading = flat.indexOf('S aktivním');
    const first = flat.indexOf('Hlavní město Praha');
    const last = flat.lastIndexOf('Zlínský kraj');
    const total = flat.indexOf('Česko celkem');
    expect(heading).toBeGreaterThan(-1);
    expect(first).toBeGreaterThan(heading);
    expect(total).toBeGreaterThan(last);
    expect(last).toBeGreaterThan(first);
    // One title (the print header's), and the tab's name as the table's title.
    expect(flat.match(/Statistiky/g) ?? []).toHaveLength(0);
    expect(flat).toContain('Území');
  });

  test('the printed map: one title, no chip, the map filling the page', async ({ appPage: page }) => {
    await page.getByTestId('nav-map').click();
    await expect(page.getByTestId('map-region')).toHaveCount(14);
    await page.locator('[data-testid="map-region"][data-code="CZ072"]').dispatchEvent('click');
    await expect(page.getByTestId('map-region-clear')).toBeVisible();
    let boxHeight = 0;
    const text = await printToPdf(page, 'map-region', 'print', async () => {
      await page.emulateMedia({ media: 'print' });
      expect(await shownInPrint(page, '.chip, .page-header')).toBe(0);
      boxHeight = await page.evaluate(() => document.querySelector('.map-box')?.getBoundingClientRect().height ?? 0);
    });
    // The A4 landscape page is 186 mm high inside its margins (703 CSS px); the map takes 150 mm of it.
    expect(boxHeight).toBeGreaterThan(500);
    expect(pages(text)).toBe(1);
    expect(text.match(/Mapa partnerství/g)).toHaveLength(1);
    expect(text).not.toContain('×');
    expect(text).not.toContain('Jen ');
    await page.getByTestId('map-region-clear').click();
    await expect(page.getByTestId('map-region-clear')).toHaveCount(0);
  });

  test('a list longer than the print limit is not printed; the button says what to do instead', async ({ browser }) => {
    // A registry of its own: thousands more partnerships would change the other tests' lists.
    const app = await startWebApp();
    try {
      const knex = app.ctx.db.knex;
      const now = new Date().toISOString();
      const towns = Array.from({ length: 100 }, (_, i) => ({
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
      expect(rows.length).toBeGreaterThan(3100);
      await knex.batchInsert('partnerships', rows, 500);
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(app.url);
      await page.getByTestId('nav-partnerships').click();
      await expect(page.getByTestId('partnerships-grid').locator('.ag-row').first()).toBeVisible();
      await page.evaluate(() =>
        Object.assign(window, { printed: 0, print: () => Object.assign(window, { printed: 1 }) }),
      );
      await page.getByTestId('print').click();
      await expect(page.getByText(/vytisknout jde nejvýše 3\u00a0000/)).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.printing)).toBeUndefined();
      await saveScreen(page, 'print-too-many-rows');
      await page.close();
    } finally {
      await app.close();
    }
  });
});
