import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENS_DIR, expect, saveScreen, searchPartnerships, startWebApp, test } from '../support/web-fixture';

/** The printed pages go beside the screenshots, as PDF and as small PNG pages to look at. */
const PRINT_DIR = path.join(SCREENS_DIR, '..', 'print');

/**
 * Adds `count` partnerships of Tábor with towns "Tiskov 0001"… (a registry of the test's own: the
 * shared one keeps its lists), so that a search for "Tiskov" shows exactly them.
 */
async function addTiskovs(app: Awaited<ReturnType<typeof startWebApp>>, count: number): Promise<void> {
  const knex = app.ctx.db.knex;
  const now = new Date().toISOString();
  const name = (i: number) => `Tiskov ${String(i + 1).padStart(4, '0')}`;
  await knex.batchInsert(
    'foreign_towns',
    Array.from({ length: count }, (_, i) => ({
      name: name(i),
      name_key: name(i).toLowerCase(),
      country_code: 'SK',
      created_at: now,
      updated_at: now,
    })),
    200,
  );
  const townIds = (await knex('foreign_towns').where('name', 'like', 'Tiskov %').pluck('id')) as number[];
  const tabor = await knex('municipalities').where({ code: '552046' }).first<{ id: number }>('id');
  await knex.batchInsert(
    'partnerships',
    townIds.map((town) => ({
      municipality_id: tabor.id,
      foreign_town_id: town,
      type: 'friendship',
      status: 'active',
      created_at: now,
      updated_at: now,
    })),
    500,
  );
}

/** Stubs the print dialog (it cannot be driven in a test): window.print() only counts its calls. */
async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() =>
    Object.assign(window, {
      printed: 0,
      print: () => Object.assign(window, { printed: Number((window as unknown as { printed: number }).printed) + 1 }),
    }),
  );
}

const printedCalls = (page: Page) => page.evaluate(() => (window as unknown as { printed: number }).printed);

/** The page as prepared for the dialog, rendered to PDF with the print style sheets; answers its text. */
async function pdfText(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  mkdirSync(PRINT_DIR, { recursive: true });
  const pdf = path.join(PRINT_DIR, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(PRINT_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The distinct "Tiskov NNNN" towns in a text. */
const tiskovs = (text: string) => new Set(text.match(/Tiskov \d{4}/g) ?? []);

test.describe('print: every row of the view', () => {
  for (const count of [113, 500, 2000]) {
    test(`a view of ${String(count)} partnerships prints all ${String(count)} rows`, async ({ browser }) => {
      test.setTimeout(count * 60 + 60_000);
      const app = await startWebApp();
      try {
        await addTiskovs(app, count);
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        await page.goto(app.url);
        await page.getByTestId('nav-partnerships').click();
        await searchPartnerships(page, 'Tiskov');
        await expect
          .poll(async () => ((await page.getByTestId('row-count').textContent()) ?? '').replace(/\s/g, ''))
          .toMatch(new RegExp(`^${String(count)}z`));
        await stubPrint(page);
        await page.getByTestId('print').click();
        await expect.poll(() => printedCalls(page)).toBe(1);
        await expect(page.getByTestId('print-header')).toBeAttached();
        // Every row is in the print DOM (the table printed in the grid's place)…
        const inDom = await page.getByTestId('print-table').locator('tbody tr').count();
        expect(inDom).toBe(count);
        // …and on paper: the last rows were cut off below the grid's printed box.
        const text = await pdfText(page, `rows-${String(count)}`);
        const printed = tiskovs(text);
        // The header names the search, not the button that clears it.
        expect(text).toContain('hledání „Tiskov“');
        expect(text).not.toContain('Zrušit filtry');
        expect(printed.size).toBe(count);
        expect(printed).toContain(`Tiskov ${String(count).padStart(4, '0')}`);
        await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
        await expect(page.getByTestId('print-header')).toHaveCount(0);
        await page.close();
      } finally {
        await app.close();
      }
    });
  }
});

test.describe('print: a record', () => {
  test.afterEach(async ({ webApp }) => {
    await webApp.ctx.preferences.set({ language: 'cs' });
  });
  for (const language of ['cs', 'en'] as const)
    test(`a partnership prints as a record sheet: values as text, no form controls, the ticked areas as a list (${language})`, async ({
      appPage: page,
      webApp,
    }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await webApp.ctx.preferences.set({ language });
      await page.reload();
      const words =
        language === 'cs'
          ? { drop: 'Soubor sem můžete i přetáhnout.', status: 'Stav', addFor: 'Přikládat k' }
          : { drop: 'You can also drop a file here.', status: 'Status', addFor: 'Attach to' };
      // A Tábor partnership with cooperation areas ticked (demo data; read only).
      const knex = webApp.ctx.db.knex;
      const record = await knex('partnerships as p')
        .join('municipalities as m', 'm.id', 'p.municipality_id')
        .join('foreign_towns as t', 't.id', 'p.foreign_town_id')
        .where('m.code', '552046')
        .whereExists(knex('partnership_areas as a').whereRaw('a.partnership_id = p.id'))
        .orderBy('p.id')
        .first<{ id: number; town: string }>('p.id', 't.name as town');
      expect(record).toBeDefined();
      await page.getByTestId('nav-partnerships').click();
      await searchPartnerships(page, record.town);
      await page
        .getByTestId('partnerships-grid')
        .locator('.ag-row', { hasText: record.town })
        .getByTestId('open-partnership')
        .first()
        .click();
      const detail = page.getByTestId('partnership-detail');
      await expect(detail.locator('h2')).toContainText(record.town);
      const areas = detail.getByTestId('field-areas');
      const ticked = await areas.locator('label.check:has(input:checked)').allTextContents();
      const unticked = await areas.locator('label.check:not(:has(input:checked))').allTextContents();
      expect(ticked.length).toBeGreaterThan(0);
      expect(unticked.length).toBeGreaterThan(0);
      const status = (await detail.getByTestId('field-status').locator('option:checked').textContent()) ?? '';

      await stubPrint(page);
      await page.getByTestId('print-record').click();
      await expect.poll(() => printedCalls(page)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      // No control is on paper: no input, select, text area or tick box, no drop hint.
      await expect(detail.locator('input:visible, select:visible, textarea:visible')).toHaveCount(0);
      await expect(detail.getByText(words.drop)).toBeHidden();
      // The ticked areas are listed, the others are not there.
      for (const area of ticked) await expect(areas.getByText(area, { exact: true })).toBeVisible();
      for (const area of unticked) await expect(areas.getByText(area, { exact: true })).toBeHidden();
      // A stated field prints as "label: value".
      expect(
        await detail.locator('[data-field="status"]').evaluate((field) => (field as HTMLElement).innerText),
      ).toMatch(new RegExp(`^${words.status}\\s*${status}$`));
      // The record as printed (print media), for people to look at; its PDF pages go to test-results/print.
      await saveScreen(page, `print-record-${language}`);
      const text = await pdfText(page, `print-record-${language}`);
      await page.emulateMedia({ media: 'screen' });
      expect(text).toContain(record.town);
      for (const area of ticked) expect(text).toContain(area);
      for (const area of unticked) expect(text).not.toContain(area);
      expect(text).not.toContain(words.drop);
      expect(text).not.toContain(words.addFor);
      // Printing ends: the form is back as it was, with no printed values beside its controls.
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await expect(page.getByTestId('print-header')).toHaveCount(0);
      await expect(detail.locator('.print-value')).toHaveCount(0);
      await expect(detail.getByTestId('field-status')).toBeVisible();
      await saveScreen(page, `print-record-after-${language}`);
    });
});

test.describe('print: Statistics', () => {
  test('Statistics print the charts on page 1 under the figures, without screen links, the table title with its table', async ({
    browser,
  }) => {
    // A registry of its own, where no partnership states its term: the card then offers a link.
    const app = await startWebApp();
    try {
      await app.ctx.db.knex('partnerships').update({ term_kind: 'unknown', term_until: null });
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(app.url);
      await page.getByTestId('nav-statistics').click();
      await expect(page.getByTestId('card-expiring-action')).toContainText(
        'Zobrazit partnerství bez uvedené platnosti',
      );
      // The charts' drawings for paper are ready.
      await expect(page.getByTestId('chart-paper').locator('canvas')).toHaveCount(3);
      await stubPrint(page);
      await page.getByTestId('print').click();
      await expect.poll(() => printedCalls(page)).toBe(1);
      // In print media the drawings for paper are shown (drawn at their size) before the PDF takes them.
      await page.emulateMedia({ media: 'print' });
      for (const chart of await page.getByTestId('chart-paper').locator('canvas').all())
        await expect(chart).toBeVisible();
      const text = await pdfText(page, 'statistics-pages');
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      await expect(page.getByTestId('print-header')).toHaveCount(0);
      await page.close();
      const pdf = path.join(PRINT_DIR, 'statistics-pages.pdf');
      // The link is a screen's, not the paper's.
      expect(text.replace(/\s+/g, ' ')).not.toContain('Zobrazit partnerství bez uvedené platnosti');
      // Page 1 holds the figures and charts (drawn as images), not the figures alone.
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells[0] === '1' && cells[2] === 'image');
      expect(images.length).toBeGreaterThanOrEqual(2);
      // The table's title ("Území", its tab) is on the page of its table, not alone at a page's foot.
      const pages = text.split('\f');
      const titled = pages.findIndex((content) => /^\s*Území\s*$/m.test(content));
      expect(titled).toBeGreaterThanOrEqual(0);
      expect(pages[titled]).toMatch(/Kraj\s+Obce/);
    } finally {
      await app.close();
    }
  });
});
