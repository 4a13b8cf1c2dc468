import { expect, saveScreen, test } from '../support/web-fixture';

/**
 * A fast first start (issue 13 item 11): the first screen loads without the code of the other
 * screens (charts, map, DOCX preview), which comes when a screen is opened, with "Loading…"
 * meanwhile; and a notice while core does not answer (item 12).
 */

// Chunks only other screens need: Statistics (AG Charts), Map (world atlas), Agreements (docx-preview).
const LATER = /\/assets\/(StatisticsPage|MapPage|AgreementsPage|countries-50m)-[^/]*\.js$/;

test('the first rows load without the chart, map and agreement code; Statistics loads it when opened', async ({
  page,
  webApp,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // Hold the Statistics code until the loading state has been seen.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/StatisticsPage-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto(webApp.url);
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((name) => LATER.test(name))).toEqual([]);

  await page.getByTestId('nav-statistics').click();
  await expect(page.getByTestId('screen-loading')).toHaveText('Načítám…');
  release();
  await expect(page.getByTestId('screen-loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiky');
  expect(scripts.some((name) => /StatisticsPage-/.test(name))).toBe(true);
  expect(scripts.some((name) => /MapPage-/.test(name))).toBe(false);
});

test('a notice says when core stops answering and goes when it answers again', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
  await expect(page.getByTestId('connection-lost')).toHaveCount(0);

  // The bridge goes away: every call fails as a refused connection does.
  await page.route('**/api/invoke/**', (route) => route.abort('connectionrefused'));
  await page.getByTestId('nav-settings').click();
  const notice = page.getByTestId('connection-lost');
  await expect(notice).toContainText('Spojení s jádrem aplikace je přerušené.');
  // The screen's own failure says the same in words, not the browser's "Failed to fetch".
  await expect(page.getByText('Spojení s jádrem aplikace selhalo.').first()).toBeVisible();
  await expect(page.getByText('Failed to fetch')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveScreen(page, 'connection-lost');

  // It answers again: the notice goes by itself (the app keeps asking).
  await page.unroute('**/api/invoke/**');
  await expect(notice).toHaveCount(0);
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('members-grid').locator('.ag-row').first()).toBeVisible();
});

test('the grids give AG Grid no cause for warnings (#48, #26), also across a change of language', async ({
  page,
  webApp,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('AG Grid')) warnings.push(message.text());
  });
  const rows = (grid: string) => page.getByTestId(grid).locator('.ag-row').first();
  await page.goto(webApp.url);
  await expect(rows('members-grid')).toBeVisible();
  await page.getByTestId('nav-partnerships').click();
  await expect(rows('partnerships-grid')).toBeVisible();
  await page.getByTestId('nav-requests').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Žádosti o partnerství');
  // A change of language rebuilds every grid kept alive.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-en').click();
  // The count is in English ("46 rows", or "45 of 46" when the default filter hides some).
  const english = /^\d+ (rows?|of \d+)$/;
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('row-count')).toHaveText(english);
  await page.getByTestId('nav-partnerships').click();
  await expect(page.getByTestId('row-count')).toHaveText(english);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('language-cs').click();
  await page.getByTestId('nav-members').click();
  await expect(page.getByTestId('row-count')).toHaveText(/^\d+ (řádek|řádky|řádku|řádků|z \d+)$/);
  expect(warnings).toEqual([]);
});

test('the first town suggestions say "Loading…" while core looks them up', async ({ appPage: page }) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/invoke\/towns:suggest$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('nav-partnerships').click();
  await page.getByTestId('add-partnership').click();
  await page.getByTestId('town-input').fill('Remeš');
  await expect(page.getByTestId('town-suggestions-loading')).toHaveText('Načítám…');
  release();
  await expect(page.getByTestId('town-suggestions-loading')).toHaveCount(0);
  await expect(page.getByTestId('town-suggestion').first()).toContainText('Reims');
});
