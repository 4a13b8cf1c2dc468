import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * Figures that reconcile (issue 13 item 2): every key figure on the Statistics screen opens a grid
 * filtered to exactly the rows it counts. For each figure the test reads the number on the card,
 * clicks it and reads how many rows the grid then shows; no number is written into the test.
 */
const number = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, ''));
/** A card's figure ("3 (60 %)" → 3: the share in brackets is not the count). */
const figureOn = async (page: Page, card: string): Promise<number> =>
  number(((await page.getByTestId(card).locator('.stats-card-value').textContent()) ?? '').split('(')[0] ?? '');

/** The figures that count grid rows, the grid they open and the screen that holds it. */
const FIGURES = [
  { card: 'card-members', screen: '.members-page' },
  { card: 'card-with-active', screen: '.members-page' },
  { card: 'card-partnerships', screen: '.p-page' },
  { card: 'card-dormant', screen: '.p-page' },
  { card: 'card-expiring', screen: '.p-page' },
] as const;

type Scope = {
  name: string;
  region?: string;
  /** More kraje, an okres (LAU1 code), an ORP (its key: the demo data records ORPs by name). */
  moreRegions?: string[];
  district?: string;
  orp?: string;
  from?: string;
  to?: string;
  type?: string;
  /** Each figure is also opened over a search left on its grid screen (`leaveSearches`). */
  searches?: boolean;
};
/** The grid's own region box shows a territory that is one kraj and nothing else. */
const oneRegion = (scope: Scope): string | undefined =>
  scope.moreRegions === undefined && scope.district === undefined && scope.orp === undefined ? scope.region : undefined;

/**
 * Searches typed on the grid screens before the Statistics screen: a figure opens exactly its
 * rows all the same (walkthrough 27: "telc" left "Obce 5" at "1 z 44", "brod" "Partnerství 3" at 1).
 */
const LEFTOVER_SEARCHES = [
  { nav: 'nav-members', screen: '.members-page', search: 'telc' },
  { nav: 'nav-partnerships', screen: '.p-page', search: 'brod' },
] as const;

async function leaveSearches(page: Page): Promise<void> {
  for (const { nav, screen, search } of LEFTOVER_SEARCHES) {
    await page.getByTestId(nav).click();
    await page.locator(screen).getByTestId('quick-search').fill(search);
    // The search narrows the grid ("1 z 44").
    await expect(page.locator(screen).getByTestId('row-count')).toContainText(/ z | of /);
  }
}

async function openStatistics(page: Page, scope: Scope, options: { searches?: boolean } = {}): Promise<void> {
  // The Statistics screen comes back as it was left (its filter is kept for the session): each
  // figure starts from a new document, so the scope is chosen from nothing every time.
  await page.goto(page.url().split('#')[0] ?? page.url());
  if (options.searches === true) await leaveSearches(page);
  await page.getByTestId('nav-statistics').click();
  const cards = page.getByTestId('stats-cards');
  await expect(cards).toBeVisible();
  if (scope.region !== undefined) await page.getByTestId('stats-region').selectOption(scope.region);
  for (const more of scope.moreRegions ?? []) await page.getByTestId('stats-region').selectOption(more);
  if (scope.district !== undefined) await page.getByTestId('stats-district').selectOption(scope.district);
  if (scope.orp !== undefined) await page.getByTestId('stats-orp').selectOption(scope.orp);
  if (scope.from !== undefined) await page.getByTestId('stats-from').fill(scope.from);
  if (scope.to !== undefined) await page.getByTestId('stats-to').fill(scope.to);
  if (scope.type !== undefined) await page.getByTestId('stats-type').selectOption(scope.type);
  // The cards link with the filter now chosen, and their figures were computed for it.
  const href = (await page.getByTestId('card-partnerships').getAttribute('href')) ?? '';
  if (scope.region !== undefined) expect(href).toContain(`region=${scope.region}`);
  if (scope.district !== undefined) expect(href).toContain(`fdistrict=${scope.district}`);
  if (scope.orp !== undefined) expect(href).toContain(`forp=${encodeURIComponent(scope.orp)}`);
  await expect(page.getByTestId('card-partnerships')).toHaveAttribute(
    'href',
    new RegExp(scope.to === undefined ? '' : `to=${scope.to}`),
  );
  await expect(cards).toHaveAttribute('aria-busy', 'false');
}

/** The number of rows a grid screen shows now ("12 z 107" → 12, "107 řádků" → 107). */
async function shownRows(page: Page, screen: string): Promise<number> {
  const text = (await page.locator(screen).getByTestId('row-count').textContent()) ?? '';
  return number(text.split(/ z | of /)[0] ?? '');
}

const SCOPES: Scope[] = [
  { name: 'whole registry', searches: true },
  { name: 'Kraj Vysočina', region: 'CZ063', searches: true },
  {
    name: 'Kraj Vysočina 1990–2005, formal',
    region: 'CZ063',
    from: '1990',
    to: '2005',
    type: 'formal',
    searches: true,
  },
  { name: 'Kraj Vysočina and Jihočeský kraj', region: 'CZ063', moreRegions: ['CZ031'] },
  { name: 'okres Žďár nad Sázavou', region: 'CZ063', district: 'CZ0635' },
  { name: 'ORP Třebíč', orp: 'Třebíč', searches: true },
];

test.describe('every key figure equals the rows of the grid it opens', () => {
  for (const scope of SCOPES) {
    test(scope.name, async ({ appPage: page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const seen: Record<string, number> = {};
      for (const { card, screen } of FIGURES) {
        // Each figure once opening a grid never visited yet, once opening one with a search left.
        for (const searches of scope.searches === true ? [false, true] : [false]) {
          await openStatistics(page, scope, { searches });
          const figure = await figureOn(page, card);
          seen[card] = figure;
          await page.getByTestId(card).click();
          await expect(page.locator(screen)).toBeVisible();
          // The grid names where its rows come from (the chip) and, for a region, shows it in its bar.
          await expect(page.locator(screen).getByTestId('filter-figure')).toBeVisible();
          await expect(page.locator(screen).getByTestId('filter-membership')).toHaveValue('members');
          const region = oneRegion(scope);
          if (region !== undefined) await expect(page.locator(screen).getByTestId('filter-region')).toHaveValue(region);
          await expect
            .poll(() => shownRows(page, screen), {
              message: `${scope.name}: ${card}${searches ? ', search left' : ''}`,
            })
            .toBe(figure);
          // The search left is gone from the box, not just ignored.
          await expect(page.locator(screen).getByTestId('quick-search')).toHaveValue('');
          if (scope.region !== undefined && card === 'card-expiring') await saveScreen(page, 'reconcile-expiring');
        }
      }
      // Partner countries: the card opens the table of countries, one row per country.
      await openStatistics(page, scope);
      const countries = await figureOn(page, 'card-countries');
      await page.getByTestId('card-countries').click();
      const grid = page.getByTestId('stats-countries-grid').locator('[role="treegrid"], [role="grid"]').first();
      // aria-rowcount counts the header row too.
      await expect.poll(async () => Number(await grid.getAttribute('aria-rowcount')) - 1).toBe(countries);
      // The figures are not all zero: the check compares something.
      expect(seen['card-partnerships']).toBeGreaterThan(0);
    });
  }

  test('the grid keeps the figure filter until it is dropped, in English too', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    await openStatistics(page, { name: 'Vysočina', region: 'CZ063' });
    await saveScreen(page, 'statistics-cards-en');
    const figure = await figureOn(page, 'card-dormant');
    await page.getByTestId('card-dormant').click();
    const chip = page.locator('.p-page').getByTestId('filter-figure');
    await expect(chip).toContainText('From the statistics: No activity for more than 3 years');
    await expect.poll(() => shownRows(page, '.p-page')).toBe(figure);
    await saveScreen(page, 'reconcile-dormant-en');
    await chip.getByRole('button').click();
    await expect(chip).toHaveCount(0);
    await expect.poll(() => shownRows(page, '.p-page')).toBeGreaterThanOrEqual(figure);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByRole('heading', { name: 'Nastavení' })).toBeVisible();
  });
  test('a figure clears the search left on its grid; its × brings the screen back as it was (cs, en)', async ({
    appPage: page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const members = page.locator('.members-page');
    await openStatistics(page, { name: 'Vysočina', region: 'CZ063' }, { searches: true });
    const figure = await figureOn(page, 'card-members');
    await page.getByTestId('card-members').click();
    const chip = members.getByTestId('filter-figure');
    await expect(chip).toBeVisible();
    await expect(members.getByTestId('quick-search')).toHaveValue('');
    await expect.poll(() => shownRows(page, '.members-page')).toBe(figure);
    await expect(chip.getByTestId('filter-figure-clear')).toHaveAttribute('title', /hledání „telc“/);
    await saveScreen(page, 'reconcile-search-cleared-cs');
    // A search typed over the figure is the user's own: it narrows the figure's rows, the × then
    // drops only the figure.
    await members.getByTestId('quick-search').fill('telc');
    await expect.poll(() => shownRows(page, '.members-page')).toBe(1);
    await expect(chip.getByTestId('filter-figure-clear')).toHaveAttribute('title', 'Zrušit filtr ze statistik');
    await members.getByTestId('quick-search').fill('');
    await expect.poll(() => shownRows(page, '.members-page')).toBe(figure);
    // The × brings back the search and the filter bar the screen had before the figure.
    await chip.getByTestId('filter-figure-clear').click();
    await expect(chip).toHaveCount(0);
    await expect(members.getByTestId('quick-search')).toHaveValue('telc');
    await expect(members.getByTestId('filter-region')).toHaveValue('');
    await expect(members.getByTestId('row-count')).toContainText(' z ');
    await expect.poll(() => shownRows(page, '.members-page')).toBe(1);

    // English, on Partnerships.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-en').click();
    const partnerships = page.locator('.p-page');
    await openStatistics(page, { name: 'Vysočina', region: 'CZ063' }, { searches: true });
    const count = await figureOn(page, 'card-partnerships');
    await page.getByTestId('card-partnerships').click();
    const pChip = partnerships.getByTestId('filter-figure');
    await expect(pChip).toContainText('From the statistics: Partnerships');
    await expect(partnerships.getByTestId('quick-search')).toHaveValue('');
    await expect.poll(() => shownRows(page, '.p-page')).toBe(count);
    await expect(pChip.getByTestId('filter-figure-clear')).toHaveAttribute('title', /search “brod”/);
    await saveScreen(page, 'reconcile-search-cleared-en');
    await pChip.getByTestId('filter-figure-clear').click();
    await expect(pChip).toHaveCount(0);
    await expect(partnerships.getByTestId('quick-search')).toHaveValue('brod');
    await expect(partnerships.getByTestId('row-count')).toContainText(' of ');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-cs').click();
    await expect(page.getByRole('heading', { name: 'Nastavení' })).toBeVisible();
  });

  test('a figure opens its rows also over the saved view the grid opens with', async ({ appPage: page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // A view with a search, chosen last: the grid puts it back when it first opens.
    await page.getByTestId('nav-partnerships').click();
    const screen = page.locator('.p-page');
    await screen.getByTestId('quick-search').fill('brod');
    await screen.getByTestId('view-save').click();
    await screen.getByTestId('view-name').fill('Jen Brod');
    await screen.getByTestId('view-name').press('Enter');
    await expect(screen.getByTestId('view-select')).toHaveValue('Jen Brod');
    try {
      await openStatistics(page, { name: 'Vysočina', region: 'CZ063' });
      const figure = await figureOn(page, 'card-partnerships');
      await page.getByTestId('card-partnerships').click();
      await expect(screen.getByTestId('filter-figure')).toBeVisible();
      await expect(screen.getByTestId('view-select')).toHaveValue('Jen Brod');
      await expect(screen.getByTestId('quick-search')).toHaveValue('');
      await expect.poll(() => shownRows(page, '.p-page')).toBe(figure);
    } finally {
      await page.getByTestId('nav-partnerships').click();
      await screen.getByTestId('view-select').selectOption('Jen Brod');
      await screen.getByTestId('view-delete').click();
      await expect(screen.getByTestId('view-select')).toHaveValue('');
    }
  });
});
